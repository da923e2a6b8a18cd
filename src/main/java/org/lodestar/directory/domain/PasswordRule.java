package org.lodestar.directory.domain;

import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: 10 to 200 characters and hard to guess. Length alone lets "password1234" through, so
 * the password is also estimated against lists of the most common passwords, words, names, dates, sequences and
 * keyboard patterns (zxcvbn's method), and refused below 35 bits of guessing work (the library's own default).
 */
@Component
public class PasswordRule {

    static final int MINIMUM_LENGTH = 10;
    static final int MAXIMUM_LENGTH = 200;
    private static final double MINIMUM_ENTROPY_BITS = 35;

    // the dictionaries load once; an estimator is cheap to make and is not shared between threads
    private final Configuration configuration =
            new ConfigurationBuilder().setMinimumEntropy(MINIMUM_ENTROPY_BITS).createConfiguration();

    /** The message key of what is wrong with the password, or empty when it is acceptable. */
    public Optional<String> problem(String password) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return Optional.of("directory.password.tooShort");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            return Optional.of("directory.password.tooLong");
        }
        if (!new Nbvcxz(configuration).estimate(password).isMinimumEntropyMet()) {
            return Optional.of("directory.password.tooGuessable");
        }
        return Optional.empty();
    }
}
