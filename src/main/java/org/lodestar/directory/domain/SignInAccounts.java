package org.lodestar.directory.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.District;
import org.lodestar.directory.SignInOutcome;
import org.lodestar.directory.SignInRecord;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Form sign-in. An address may have an account in several districts, so the password is tried against each and only
 * the accounts it opens count. Guessing is slowed by throttling, never by locking an account: five failures on one
 * account from one client address in fifteen minutes stop that address trying that account; thirty failures from
 * one address stop it trying any; thirty on one account from everywhere stop everyone trying it for a while. API
 * tokens are not affected, and each block is recorded in the person's history. Attempts are kept 90 days.
 */
@Service
public class SignInAccounts {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
    static final int FAILURES_PER_ADDRESS = 30;
    static final int FAILURES_PER_ACCOUNT = 30;
    private static final int ACCOUNTS_CHECKED = 10;
    private static final int RECENT_SHOWN = 200;
    static final Duration KEPT = Duration.ofDays(90);

    private final PersonStore people;
    private final DistrictStore districts;
    private final SignInLog log;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    // compared against when the address has no account, so that an unknown address takes as long as a known one
    private final String decoyHash;

    SignInAccounts(
            PersonStore people,
            DistrictStore districts,
            SignInLog log,
            PasswordEncoder passwords,
            ApplicationEventPublisher events) {
        this.people = people;
        this.districts = districts;
        this.log = log;
        this.passwords = passwords;
        this.events = events;
        this.clock = Clock.systemUTC();
        this.decoyHash = passwords.encode("decoy-" + UUID.randomUUID());
    }

    /**
     * Signs in with an address and a password.
     *
     * @param districtSlug the district chosen on the sign-in page, or null
     * @param clientAddress where the attempt comes from (the proxy's forwarded address when behind a trusted proxy)
     */
    @Transactional
    public SignInOutcome signIn(String email, String password, String districtSlug, String clientAddress) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String client = clientAddress == null ? "unknown" : clientAddress;
        Instant now = clock.instant();
        SignInLog.Failures failures = log.failuresSince(now.minus(WINDOW), address, client);
        if (failures.accountFromAddress() >= FAILURES_PER_ACCOUNT_AND_ADDRESS
                || failures.fromAddress() >= FAILURES_PER_ADDRESS
                || failures.ofAccount() >= FAILURES_PER_ACCOUNT) {
            log.record(now, address, client, SignInLog.Outcome.THROTTLED, null);
            return new SignInOutcome.Throttled();
        }
        List<SignedInUser> opened = opened(address, password == null ? "" : password, districtSlug);
        if (opened.size() == 1) {
            log.record(
                    now,
                    address,
                    client,
                    SignInLog.Outcome.SUCCEEDED,
                    opened.get(0).districtId());
            log.forgetBefore(now.minus(KEPT));
            return new SignInOutcome.SignedIn(opened.get(0));
        }
        if (opened.size() > 1) {
            return new SignInOutcome.ChooseDistrict(opened.stream()
                    .map(user -> districts.find(user.districtId()).orElseThrow())
                    .toList());
        }
        log.record(now, address, client, SignInLog.Outcome.FAILED, null);
        if (failures.accountFromAddress() + 1 == FAILURES_PER_ACCOUNT_AND_ADDRESS) {
            recordBlock(address, client);
        }
        return new SignInOutcome.Refused();
    }

    /** The latest sign-in attempts on the district's people, for its admins. */
    public List<SignInRecord> recent(UUID districtId) {
        return log.recentFor(districtId, clock.instant().minus(Duration.ofDays(30)), RECENT_SHOWN);
    }

    private List<SignedInUser> opened(String address, String password, String districtSlug) {
        List<SignedInUser> accounts = people.accountsByEmail(address, ACCOUNTS_CHECKED).stream()
                .filter(SignedInUser::isEnabled)
                .filter(user -> districtSlug == null
                        || districtSlug.isBlank()
                        || districts
                                .find(user.districtId())
                                .map(District::slug)
                                .filter(districtSlug::equals)
                                .isPresent())
                .toList();
        if (accounts.isEmpty()) {
            passwords.matches(password, decoyHash);
            return List.of();
        }
        return accounts.stream()
                .filter(user -> passwords.matches(password, user.passwordHash()))
                .toList();
    }

    private void recordBlock(String address, String client) {
        for (SignedInUser user : people.accountsByEmail(address, ACCOUNTS_CHECKED)) {
            events.publishEvent(AuditableChange.updated(
                    user.districtId(),
                    address,
                    "Person",
                    user.userId(),
                    user.displayName(),
                    Map.of(),
                    Map.of(
                            "history.field.blockedAddress",
                            AuditValue.text(client),
                            "history.field.blockedMinutes",
                            AuditValue.number((int) WINDOW.toMinutes()),
                            "history.field.failedAttempts",
                            AuditValue.number(FAILURES_PER_ACCOUNT_AND_ADDRESS))));
        }
    }
}
