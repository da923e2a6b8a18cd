package org.lodestar.directory;

import java.util.Locale;

/**
 * A student group that results are broken down by. Groups of one family together with what they leave out make up
 * all students, which is what complementary suppression needs to know.
 */
public record StudentGroup(String code, String nameEn, String nameEs, String family, int position) {

    public static final String ALL = "ALL";

    public String name(Locale locale) {
        return "es".equals(locale.getLanguage()) ? nameEs : nameEn;
    }
}
