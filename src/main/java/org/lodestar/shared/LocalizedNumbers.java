package org.lodestar.shared;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as people type and read them in their language, strictly: what could be read two ways is refused, never
 * guessed.
 *
 * <p>The language decides the two marks. Where its decimal separator is a comma (Spanish), a point only groups
 * thousands; otherwise (English) the point is the decimal separator and the comma groups thousands. Accepted: an
 * optional sign ({@code +}, {@code -} or the minus sign), digits, at most one decimal separator followed by at least one
 * digit, and grouping marks only before the decimal separator, each followed by exactly three digits, the first group
 * one to three digits not starting with 0. So, in Spanish, {@code 72,5} is 72.5, {@code 1.234,5} is 1234.5 and
 * {@code 1.234} is 1234 (a grouping mark followed by exactly three digits is always grouping); in English {@code 72.5}
 * is 72.5, {@code 1,234.5} is 1234.5 and {@code 1,234} is 1234.
 *
 * <p>Refused: {@code 72.5} in Spanish and {@code 72,5} in English (the other language's decimal separator, which would
 * otherwise be read as 725); {@code 0.234} in Spanish (a grouped number never starts with 0); grouping marks after the
 * decimal separator or in groups other than three digits; two decimal separators; exponents ({@code 1e3}); spaces
 * inside the number; anything else that is not a digit. Whole numbers follow the same rules and refuse decimals.
 *
 * <p>Shown back ({@link #format}) with the language's decimal separator and no grouping, which reads back unchanged.
 */
public final class LocalizedNumbers {

    private static final int MAX_LENGTH = 40;

    private LocalizedNumbers() {}

    /** Why a text is not a number in a language. */
    public enum Reason {
        /** Nothing but spaces. */
        EMPTY,
        /** Letters, spaces inside, or other marks that are not part of a number. */
        NOT_A_NUMBER,
        /** Scientific notation such as 1e3. */
        EXPONENT,
        /** The other language's decimal separator (72.5 in Spanish, 72,5 in English): could be read two ways. */
        DECIMAL_SEPARATOR,
        /** Grouping marks in the wrong place: groups not of three digits, or after the decimal separator. */
        GROUPING,
        /** More than one decimal separator, or one with no digit after it. */
        DECIMALS,
        /** Decimals where a whole number is wanted, or a whole number too large. */
        NOT_WHOLE
    }

    /** A text refused as a number, with the reason. */
    public static final class Refused extends IllegalArgumentException {
        private final Reason reason;

        Refused(Reason reason, String text, Locale locale) {
            super("Not a number in " + locale.getDisplayLanguage(Locale.ENGLISH) + " (" + reason + "): " + text);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** The language's decimal separator: ',' or '.'. */
    public static char decimalSeparator(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',' ? ',' : '.';
    }

    /** The language's thousands mark: whichever of '.' and ',' is not its decimal separator. */
    public static char groupingSeparator(Locale locale) {
        return decimalSeparator(locale) == ',' ? '.' : ',';
    }

    /** The number typed, read in the language; refused with a reason when it is not one or could be read two ways. */
    public static BigDecimal parse(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            throw new Refused(Reason.EMPTY, String.valueOf(text), locale);
        }
        String typed = text.strip();
        if (typed.length() > MAX_LENGTH) {
            throw new Refused(Reason.NOT_A_NUMBER, typed, locale);
        }
        char decimal = decimalSeparator(locale);
        char grouping = groupingSeparator(locale);
        boolean negative = false;
        int start = 0;
        char first = typed.charAt(0);
        if (first == '-' || first == '\u2212' || first == '+') {
            negative = first != '+';
            start = 1;
        }
        String body = typed.substring(start);
        int decimals = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == 'e' || c == 'E') {
                throw new Refused(Reason.EXPONENT, typed, locale);
            }
            if (c == decimal) {
                if (decimals >= 0) {
                    throw new Refused(Reason.DECIMALS, typed, locale);
                }
                decimals = i;
            } else if (c != grouping && (c < '0' || c > '9')) {
                throw new Refused(Reason.NOT_A_NUMBER, typed, locale);
            }
        }
        String whole = decimals < 0 ? body : body.substring(0, decimals);
        String fraction = decimals < 0 ? "" : body.substring(decimals + 1);
        if (decimals >= 0 && fraction.isEmpty()) {
            throw new Refused(Reason.DECIMALS, typed, locale);
        }
        if (fraction.indexOf(grouping) >= 0) {
            throw new Refused(Reason.GROUPING, typed, locale);
        }
        if (whole.isEmpty() && fraction.isEmpty()) {
            throw new Refused(Reason.NOT_A_NUMBER, typed, locale);
        }
        String digits = whole.indexOf(grouping) < 0 ? whole : ungroup(whole, grouping, decimals >= 0, typed, locale);
        BigDecimal value =
                new BigDecimal((digits.isEmpty() ? "0" : digits) + (fraction.isEmpty() ? "" : "." + fraction));
        return negative ? value.negate() : value;
    }

    /** The whole number typed, read in the language: grouping is accepted, decimals are not. */
    public static int parseWhole(String text, Locale locale) {
        BigDecimal value = parse(text, locale);
        if (text.indexOf(decimalSeparator(locale)) >= 0) {
            throw new Refused(Reason.NOT_WHOLE, text.strip(), locale);
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new Refused(Reason.NOT_WHOLE, text.strip(), locale);
        }
    }

    /** The number as a person edits it in the language: its decimal separator, no grouping, no trailing zeros. */
    public static String format(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        String plain = (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
        return plain.replace('.', decimalSeparator(locale));
    }

    /** Digits before the decimal separator with grouping marks removed, when each group is exactly three digits. */
    private static String ungroup(String whole, char grouping, boolean hasDecimals, String typed, Locale locale) {
        String[] groups = whole.split(java.util.regex.Pattern.quote(String.valueOf(grouping)), -1);
        boolean wellGrouped = !groups[0].isEmpty() && groups[0].length() <= 3 && groups[0].charAt(0) != '0';
        for (int i = 1; i < groups.length && wellGrouped; i++) {
            wellGrouped = groups[i].length() == 3;
        }
        if (!wellGrouped) {
            // one mark, no decimal separator: most likely the other language's decimals (72.5 in Spanish)
            throw new Refused(
                    groups.length == 2 && !hasDecimals ? Reason.DECIMAL_SEPARATOR : Reason.GROUPING, typed, locale);
        }
        return String.join("", groups);
    }
}
