package org.lodestar.planning.compliance;

import java.util.Locale;

/**
 * A text in English and Spanish; either may be missing (a district adding its state's framework may write one), and
 * a reader gets the other language rather than nothing.
 */
public record Wording(String en, String es) {

    public Wording {
        en = blankToNull(en);
        es = blankToNull(es);
    }

    /** The text in the reader's language, or in the other one when it has none. */
    public String in(Locale locale) {
        boolean spanish = "es".equals(locale.getLanguage());
        String preferred = spanish ? es : en;
        return preferred != null ? preferred : spanish ? en : es;
    }

    /** Whether the reader gets the other language (pages mark it with its {@code lang}). */
    public boolean fallsBackIn(Locale locale) {
        return "es".equals(locale.getLanguage()) ? es == null : en == null;
    }

    public boolean missing() {
        return en == null && es == null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
