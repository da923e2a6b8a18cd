package org.lodestar.shared;

/**
 * A text entered in the district's language and, when someone translated it, in the other language Lodestar speaks
 * (English and Spanish). A reader sees it in their own language when it is there, else in the other one, marked with
 * the language it is in, so that a screen reader reads it with the right voice.
 *
 * @param text the text in the district's language (null for an optional text left empty)
 * @param translation the text in the other language, or null
 */
public record Bilingual(String text, String translation) {

    public Bilingual {
        text = blankToNull(text);
        translation = blankToNull(translation);
    }

    /** The other of the two languages Lodestar speaks. */
    public static String other(String language) {
        return "es".equals(language) ? "en" : "es";
    }

    /**
     * The text for a reader of {@code readerLanguage} in a district that writes in {@code districtLanguage}: in the
     * reader's language if it is there, else in the other one with that language named.
     */
    public Shown in(String readerLanguage, String districtLanguage) {
        boolean readsDistricts = districtLanguage.equals(readerLanguage);
        String own = readsDistricts ? text : translation;
        if (own != null) {
            return new Shown(own, null);
        }
        String fallback = readsDistricts ? translation : text;
        String fallbackLanguage = readsDistricts ? other(districtLanguage) : districtLanguage;
        return fallback == null ? new Shown(null, null) : new Shown(fallback, fallbackLanguage);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * A text as one reader sees it.
     *
     * @param lang the language it is in when that is not the reader's (a page marks it), else null
     */
    public record Shown(String text, String lang) {

        @Override
        public String toString() {
            return text == null ? "" : text;
        }
    }
}
