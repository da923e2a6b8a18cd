package org.lodestar.platform.web;

import java.math.BigDecimal;
import java.util.Locale;
import org.lodestar.shared.LocalizedNumbers;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Numbers in forms and query parameters read and shown in the page's language ({@link LocalizedNumbers}): in Spanish
 * {@code 72,5} is 72.5 and {@code 72.5} is refused, which the binder turns into the field's {@code typeMismatch}
 * message. The REST API ({@code /api/}) keeps reading numbers the one way, with a point, whatever the language.
 */
final class LocalizedNumberFormatters {

    private LocalizedNumberFormatters() {}

    static void register(FormatterRegistry registry) {
        registry.addFormatterForFieldType(BigDecimal.class, new Decimals());
        registry.addFormatterForFieldType(Integer.class, new Wholes());
    }

    /** The language numbers are read in: the page's, except for the API. */
    static Locale reading(Locale locale) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            String path = servlet.getRequest().getRequestURI();
            String context = servlet.getRequest().getContextPath();
            if (path != null
                    && path.substring(context == null ? 0 : context.length()).startsWith("/api/")) {
                return Locale.ENGLISH;
            }
        }
        return locale == null ? Locale.ENGLISH : locale;
    }

    static final class Decimals implements Formatter<BigDecimal> {
        @Override
        public BigDecimal parse(String text, Locale locale) {
            return LocalizedNumbers.parse(text, reading(locale));
        }

        @Override
        public String print(BigDecimal value, Locale locale) {
            return LocalizedNumbers.format(value, reading(locale));
        }
    }

    /** Whole numbers accept the language's thousands mark (7.478 in Spanish); shown plain, as years must be. */
    static final class Wholes implements Formatter<Integer> {
        @Override
        public Integer parse(String text, Locale locale) {
            return LocalizedNumbers.parseWhole(text, reading(locale));
        }

        @Override
        public String print(Integer value, Locale locale) {
            return value.toString();
        }
    }
}
