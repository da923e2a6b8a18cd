package org.lodestar.engagement.surveys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The time a public survey form was drawn, signed with the survey's own secret (HMAC-SHA256) and sent back with the
 * answers, so that the server knows how long the respondent had the form without keeping anything per visitor: a
 * robot that posts at once, or replays a form kept for days, is told so and nothing is saved.
 */
final class SurveyFormStamp {

    private SurveyFormStamp() {}

    static String sign(Survey survey, Instant drawn) {
        long millis = drawn.toEpochMilli();
        return millis + "." + mac(survey, millis);
    }

    /** The time the stamp says, when it is one this survey signed; empty for anything else. */
    static Optional<Instant> read(Survey survey, String stamp) {
        if (stamp == null || stamp.length() > 100) {
            return Optional.empty();
        }
        int dot = stamp.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        long millis;
        try {
            millis = Long.parseLong(stamp.substring(0, dot));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        byte[] expected = mac(survey, millis).getBytes(StandardCharsets.US_ASCII);
        byte[] given = stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(Instant.ofEpochMilli(millis)) : Optional.empty();
    }

    private static String mac(Survey survey, long millis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(survey.formSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((survey.id() + "|" + millis).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The hash kept with a response of this browser's random id to this survey (never the id itself). */
    static String browserHash(Survey survey, String browserId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha.digest((browserId + "|" + survey.id()).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
