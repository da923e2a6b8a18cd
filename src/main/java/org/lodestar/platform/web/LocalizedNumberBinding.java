package org.lodestar.platform.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Form fields and request parameters holding numbers are read only in the page's language. The formatters alone are
 * not enough: when a formatter refuses a text, the binder falls back to its default editors, which would read a
 * Spanish {@code 72.5} as 72.5 instead of refusing it. These editors replace that fallback; a refusal becomes the
 * field's {@code typeMismatch} message.
 */
@ControllerAdvice
class LocalizedNumberBinding {

    @InitBinder
    void numbersInThePagesLanguage(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new DecimalEditor());
        binder.registerCustomEditor(Integer.class, new WholeEditor());
    }

    static final class DecimalEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            setValue(
                    text == null || text.isBlank()
                            ? null
                            : new LocalizedNumberFormatters.Decimals().parse(text, LocaleContextHolder.getLocale()));
        }

        @Override
        public String getAsText() {
            return getValue() instanceof BigDecimal value
                    ? new LocalizedNumberFormatters.Decimals().print(value, LocaleContextHolder.getLocale())
                    : "";
        }
    }

    static final class WholeEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            setValue(
                    text == null || text.isBlank()
                            ? null
                            : new LocalizedNumberFormatters.Wholes().parse(text, LocaleContextHolder.getLocale()));
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
