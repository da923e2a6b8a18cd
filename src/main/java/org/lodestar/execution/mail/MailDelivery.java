package org.lodestar.execution.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers the outbox over SMTP when one is configured ({@code spring.mail.host}: Spring Boot then makes the
 * {@link JavaMailSender}); without one mails wait. A mail that fails is tried again after 1, 2, 4... minutes, and given
 * up (FAILED, with its last error) after {@link #ATTEMPTS} attempts. Mails are locked while sent, so two nodes never
 * send the same one.
 */
@Component
public class MailDelivery {

    static final int ATTEMPTS = 8;
    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutboxStore store;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailSettings settings;
    private final Clock clock;

    MailDelivery(OutboxStore store, ObjectProvider<JavaMailSender> sender, MailSettings settings, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${lodestar.mail.send-cron:*/30 * * * * *}")
    void scheduled() {
        deliverPending();
    }

    /** Sends the mails that are due; returns how many went out (0 without SMTP: they wait). */
    @Transactional
    public int deliverPending() {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            return 0;
        }
        int sent = 0;
        Instant now = clock.instant();
        for (OutboxStore.Due due : store.lockDue(now, BATCH)) {
            OutboxMail mail = store.find(due.districtId(), due.id()).orElseThrow();
            try {
                MimeMessage message = smtp.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(settings.from());
                helper.setTo(mail.recipient());
                helper.setSubject(mail.subject());
                helper.setText(mail.text(), mail.html());
                smtp.send(message);
                store.sent(due.districtId(), due.id(), clock.instant());
                sent++;
            } catch (MailException | MessagingException failure) {
                int attempt = mail.attempts() + 1;
                log.warn(
                        "Mail {} to {} not sent (attempt {}): {}",
                        mail.id(),
                        mail.recipient(),
                        attempt,
                        failure.toString());
                store.failed(
                        due.districtId(),
                        due.id(),
                        String.valueOf(failure.getMessage()),
                        now.plus(backOff(attempt)),
                        attempt >= ATTEMPTS);
            }
        }
        return sent;
    }

    /** The wait after a failed attempt: 1 minute after the first, doubling each time. */
    static Duration backOff(int attempt) {
        return Duration.ofMinutes(1L << Math.min(attempt - 1, 10));
    }
}
