package org.lodestar.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRuleTest {

    private final PasswordRule rule = new PasswordRule();

    @Test
    void refusesShortPasswords() {
        assertThat(rule.problem("Xq7#pLm2")).hasValue("directory.password.tooShort");
        assertThat(rule.problem(null)).hasValue("directory.password.tooShort");
    }

    @Test
    void refusesLongButCommonOrPatternedPasswords() {
        for (String guessable : new String[] {
            "password1234", "qwertyuiop12", "iloveyou1234", "Summer2024!!", "a-strong-password", "1234567890"
        }) {
            assertThat(rule.problem(guessable)).as(guessable).hasValue("directory.password.tooGuessable");
        }
    }

    @Test
    void acceptsPasswordsThatAreLongAndUnusual() {
        for (String strong : new String[] {"copper-fjord-lantern-8", "maple-comet-drawer-19", "T4k!r9#vQ2mZ"}) {
            assertThat(rule.problem(strong)).as(strong).isEmpty();
        }
    }

    @Test
    void refusesAbsurdlyLongPasswords() {
        assertThat(rule.problem("x".repeat(201))).hasValue("directory.password.tooLong");
    }
}
