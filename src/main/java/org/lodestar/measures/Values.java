package org.lodestar.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.lodestar.shared.Money;

/** How a KPI's values are written for people: 72.4%, 1,234, $1,250,000 (in the district's currency). */
public final class Values {

    private Values() {}

    /**
     * A stored number without the zeros its column pads it with, and never in exponent form: 60.0000 is 60, not 6E+1,
     * wherever it is shown or put in a form.
     */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The decimals a unit's values are shown with, which is also the precision their status is judged at. */
    public static int decimals(Kpi.Unit unit) {
        return switch (unit) {
            case PERCENT -> 1;
            case COUNT, CURRENCY -> 0;
            case RATE, SCORE -> 2;
        };
    }

    /** A value in the reader's language; money in the currency of {@code currencyCode} (ISO 4217). */
    public static String format(Kpi.Unit unit, BigDecimal value, Locale locale, String currencyCode) {
        if (value == null) {
            return "–";
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        return switch (unit) {
            case PERCENT -> {
                number.setMaximumFractionDigits(1);
                // Spanish writes a space (one that does not break) before the percent sign: 87,5 %
                String sign = "es".equals(locale.getLanguage()) ? "\u00a0%" : "%";
                yield number.format(value.setScale(1, RoundingMode.HALF_UP)) + sign;
            }
            case COUNT -> {
                number.setMaximumFractionDigits(0);
                yield number.format(value);
            }
            case CURRENCY -> Money.of(value, currencyCode).format(locale);
            case RATE, SCORE -> {
                number.setMaximumFractionDigits(2);
                yield number.format(value);
            }
        };
    }
}
