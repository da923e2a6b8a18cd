package org.lodestar.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lodestar.shared.LocalizedNumbers.Reason;

class LocalizedNumbersTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private static Locale language(String tag) {
        return "es".equals(tag) ? SPANISH : Locale.ENGLISH;
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "es|72,5|72.5",
                "es|1.234,5|1234.5",
                "es|1.234|1234",
                "es|1.234.567,25|1234567.25",
                "es|7478|7478",
                "es|-3,25|-3.25",
                "es|+4|4",
                "es|\u22122,5|-2.5",
                "es|,5|0.5",
                "es|0,05|0.05",
                "es|  61,5  |61.5",
                "en|72.5|72.5",
                "en|1,234.5|1234.5",
                "en|1,234|1234",
                "en|1,234,567.25|1234567.25",
                "en|-0.5|-0.5",
                "en|.5|0.5",
                "en|80|80",
            })
    void readsWhatIsClearInTheLanguage(String language, String typed, String expected) {
        assertThat(LocalizedNumbers.parse(typed, language(language))).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is refused ({2})")
    @CsvSource(
            delimiter = '|',
            value = {
                "es|72.5|DECIMAL_SEPARATOR",
                "es|1.2345|DECIMAL_SEPARATOR",
                "es|0.234|DECIMAL_SEPARATOR",
                "es|1,234.5|GROUPING",
                "es|12.34.567|GROUPING",
                "es|1.234.5|GROUPING",
                "es|1.23,5|GROUPING",
                "es|72,5,1|DECIMALS",
                "es|72,|DECIMALS",
                "es|1e3|EXPONENT",
                "es|7,2E1|EXPONENT",
                "es|sesenta|NOT_A_NUMBER",
                "es|1 234|NOT_A_NUMBER",
                "es|--1|NOT_A_NUMBER",
                "es|.|DECIMAL_SEPARATOR",
                "en|72,5|DECIMAL_SEPARATOR",
                "en|1,2345|DECIMAL_SEPARATOR",
                "en|1.234,5|GROUPING",
                "en|1,23.5|GROUPING",
                "en|1.2.3|DECIMALS",
                "en|1e20|EXPONENT",
                "en|sixty|NOT_A_NUMBER",
                "en|$5|NOT_A_NUMBER",
                "en|-|NOT_A_NUMBER",
            })
    void refusesWhatIsWrongOrCouldBeReadTwoWays(String language, String typed, Reason reason) {
        assertThatThrownBy(() -> LocalizedNumbers.parse(typed, language(language)))
                .isInstanceOf(LocalizedNumbers.Refused.class)
                .isInstanceOf(IllegalArgumentException.class)
                .extracting(e -> ((LocalizedNumbers.Refused) e).reason())
                .isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}: whole \"{1}\" is {2}")
    @CsvSource(
            delimiter = '|',
            value = {"es|7.478|7478", "es|2024|2024", "en|7,478|7478", "en|-12|-12", "es|0|0"})
    void readsWholeNumbersWithGrouping(String language, String typed, int expected) {
        assertThat(LocalizedNumbers.parseWhole(typed, language(language))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: whole \"{1}\" is refused ({2})")
    @CsvSource(
            delimiter = '|',
            value = {"es|72,0|NOT_WHOLE", "en|72.5|NOT_WHOLE", "en|99999999999|NOT_WHOLE", "es|7.47|DECIMAL_SEPARATOR"})
    void refusesWholeNumbersWithDecimals(String language, String typed, Reason reason) {
        assertThatThrownBy(() -> LocalizedNumbers.parseWhole(typed, language(language)))
                .isInstanceOf(LocalizedNumbers.Refused.class)
                .extracting(e -> ((LocalizedNumbers.Refused) e).reason())
                .isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}: {1} is shown as \"{2}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "es|72.5|72,5",
                "es|1234.50|1234,5",
                "es|-0.25|-0,25",
                "es|1E+3|1000",
                "en|72.5000|72.5",
                "en|1234.5|1234.5",
            })
    void showsNumbersForEditingSoTheyReadBackUnchanged(String language, String value, String shown) {
        String text = LocalizedNumbers.format(new BigDecimal(value), language(language));
        assertThat(text).isEqualTo(shown);
        assertThat(LocalizedNumbers.parse(text, language(language))).isEqualByComparingTo(new BigDecimal(value));
    }
}
