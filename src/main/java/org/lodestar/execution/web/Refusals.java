package org.lodestar.execution.web;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.lodestar.execution.review.ReviewRefused;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/** A review's or evaluation's refusal on its page: the reason in the reader's language, and the rows at fault. */
final class Refusals {

    private Refusals() {}

    static void show(Model model, MessageSource messages, Locale locale) {
        ReviewRefused refused = (ReviewRefused) model.getAttribute("refused");
        Set<UUID> faulty = new HashSet<>();
        String text = null;
        if (refused != null) {
            faulty.addAll(refused.rows());
            text = messages.getMessage(refused.code(), refused.args().toArray(), locale);
        }
        model.addAttribute("refusedText", text);
        model.addAttribute("faulty", faulty);
    }
}
