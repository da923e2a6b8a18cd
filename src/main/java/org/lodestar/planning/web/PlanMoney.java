package org.lodestar.planning.web;

import java.math.BigDecimal;
import java.util.Locale;
import org.lodestar.shared.LocalizedNumbers;
import org.lodestar.shared.Money;
import org.springframework.stereotype.Component;

/** Amounts of plans' costs and allocations, and shares, written in the district's currency and the page's language. */
@Component("planMoney")
class PlanMoney {

    public String format(BigDecimal amount, String currency, Locale locale) {
        return amount == null ? "—" : Money.of(amount, currency).format(locale);
    }

    /** A plain number (a share in percent, an amount in a form field) in the page's language. */
    public String number(BigDecimal number, Locale locale) {
        return number == null
                ? ""
                : LocalizedNumbers.format(
                        new BigDecimal(number.stripTrailingZeros().toPlainString()), locale);
    }
}
