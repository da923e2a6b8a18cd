package org.lodestar.execution.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's sender: without SMTP mails wait; an SMTP server that cannot be reached is tried again after 1, 2, 4...
 * minutes, with the error kept, and given up after eight attempts; a reachable one (GreenMail) gets the mail once.
 */
@LodestarTest
class OutboxDeliveryTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxStore store;

    @Autowired
    MailDelivery configured;

    @Autowired
    MailSettings settings;

    @Autowired
    TestClock clock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Fixtures fixtures;

    private SignedInUser teacher;

    @BeforeEach
    void nothingElsePending() {
        clock.set(Instant.parse("2026-04-01T08:00:00Z"));
        configured.deliverPending();
        teacher = fixtures.user("teacher@lakeview.example");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void withoutSmtpMailsWait() {
        UUID mail = write();
        MailDelivery noSmtp = new MailDelivery(
                store, new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), settings, clock);
        assertThat(noSmtp.deliverPending()).isZero();
        OutboxMail waiting = store.find(teacher.districtId(), mail).orElseThrow();
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(waiting.attempts()).isZero();
        // once SMTP is there, it goes
        assertThat(configured.deliverPending()).isEqualTo(1);
        OutboxMail sent = store.find(teacher.districtId(), mail).orElseThrow();
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(clock.instant());
        assertThat(configured.deliverPending()).isZero();
    }

    @Test
    void anUnreachableServerIsTriedAgainWithBackOffAndThenGivenUp() throws Exception {
        UUID mail = write();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(closedPort);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("unreachable", unreachable);
        MailDelivery failing = new MailDelivery(store, beans.getBeanProvider(JavaMailSender.class), settings, clock);

        Instant start = clock.instant();
        assertThat(failing.deliverPending()).isZero();
        OutboxMail once = store.find(teacher.districtId(), mail).orElseThrow();
        assertThat(once.attempts()).isEqualTo(1);
        assertThat(once.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(once.lastError()).isNotBlank();
        assertThat(once.nextAttemptAt()).isEqualTo(start.plus(Duration.ofMinutes(1)));

        // not due again yet: nothing is tried
        failing.deliverPending();
        assertThat(store.find(teacher.districtId(), mail).orElseThrow().attempts())
                .isEqualTo(1);

        for (int attempt = 2; attempt <= MailDelivery.ATTEMPTS; attempt++) {
            clock.set(store.find(teacher.districtId(), mail).orElseThrow().nextAttemptAt());
            failing.deliverPending();
            OutboxMail now = store.find(teacher.districtId(), mail).orElseThrow();
            assertThat(now.attempts()).isEqualTo(attempt);
            assertThat(now.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1L << (attempt - 1))));
        }
        assertThat(store.find(teacher.districtId(), mail).orElseThrow().status())
                .isEqualTo(DeliveryStatus.FAILED);
        // given up: not sent even when the server is back
        clock.advance(Duration.ofDays(1));
        configured.deliverPending();
        assertThat(store.find(teacher.districtId(), mail).orElseThrow().status())
                .isEqualTo(DeliveryStatus.FAILED);
    }

    private UUID write() {
        return transactions.execute(status -> outbox.write(
                teacher.districtId(),
                teacher.userId(),
                teacher.email(),
                "en",
                MailKind.REMINDER,
                new Object[] {1, "Lakeview"},
                Map.of("name", "Jordan Lee", "district", "Lakeview", "lines", java.util.List.of())));
    }
}
