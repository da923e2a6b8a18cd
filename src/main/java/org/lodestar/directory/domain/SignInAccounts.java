package org.lodestar.directory.domain;

import java.time.Duration;
import java.time.Instant;
import org.lodestar.directory.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Form sign-in accounts. Five wrong passwords in a row lock the account for fifteen minutes, which slows guessing
 * without locking a person out for good.
 */
@Service
public class SignInAccounts implements UserDetailsService {

    static final int ALLOWED_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final PersonStore people;

    SignInAccounts(PersonStore people) {
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return people.findAccount(email).orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        people.recordFailedSignIn(
                String.valueOf(event.getAuthentication().getName()),
                ALLOWED_FAILURES,
                Instant.now().plus(LOCK));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            people.recordSuccessfulSignIn(user.districtId(), user.userId());
        }
    }
}
