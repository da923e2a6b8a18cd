package org.lodestar.planning.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lodestar.shared.tabular.ImportProblem;

class FrameworkFileTest {

    private static final String VALID = """
            {
              "code": "state-literacy-plan",
              "version": 2,
              "jurisdiction": "OH",
              "level": "SCHOOL",
              "funds": ["STATE"],
              "citation": "ORC 3313.6028",
              "title": {"en": "Reading achievement plan", "es": "Plan de logro en lectura"},
              "purpose": {"en": "A school's plan to raise reading."},
              "reviewCadence": {"en": "Annually", "es": "Cada año"},
              "components": [
                {
                  "code": "RA-01",
                  "title": {"en": "Analysis of data", "es": "Análisis de datos"},
                  "requirement": {"en": "Analyse the reading data of every grade."},
                  "citation": "ORC 3313.6028(B)(1)",
                  "level": "SCHOOL",
                  "funds": [],
                  "toBeChecked": false,
                  "sources": ["https://example.org/orc"]
                },
                {
                  "code": "RA-02",
                  "title": {"es": "Metas medibles"},
                  "requirement": {"en": "Set measurable goals."},
                  "citation": "ORC 3313.6028(B)(2)",
                  "level": "SCHOOL",
                  "funds": ["STATE"],
                  "toBeChecked": true,
                  "sources": []
                }
              ]
            }
            """;

    @Test
    void readsAFrameworkAndWritesItBackTheSame() throws Exception {
        Framework framework = FrameworkFile.read(bytes(VALID));

        assertThat(framework.code()).isEqualTo("state-literacy-plan");
        assertThat(framework.version()).isEqualTo(2);
        assertThat(framework.components()).extracting(Component::code).containsExactly("RA-01", "RA-02");
        assertThat(framework.toBeChecked()).isEqualTo(1);
        assertThat(framework.purpose().in(Locale.forLanguageTag("es"))).isEqualTo("A school's plan to raise reading.");
        assertThat(framework.purpose().fallsBackIn(Locale.forLanguageTag("es"))).isTrue();
        assertThat(framework.components().get(1).title().in(Locale.ENGLISH)).isEqualTo("Metas medibles");

        Framework again = FrameworkFile.read(FrameworkFile.write(framework));

        assertThat(again).isEqualTo(framework);
        assertThat(new String(FrameworkFile.write(framework), StandardCharsets.UTF_8))
                .doesNotContain("null");
    }

    @Test
    void anUnknownFieldIsRefusedWithItsLine() {
        List<ImportProblem> problems =
                problems(VALID.replace("\"toBeChecked\": true,", "\"toBeChecked\": true, \"weight\": 3,"));

        assertThat(problems).containsExactly(ImportProblem.of(29, "compliance.file.unknownField", "weight"));
    }

    @Test
    void brokenJsonIsRefusedWithItsLine() {
        List<ImportProblem> problems =
                problems(VALID.replace("\"citation\": \"ORC 3313.6028(B)(1)\",", "\"citation\": \"ORC\" \"x\","));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("compliance.file.syntax");
            assertThat(problem.line()).isEqualTo(16);
        });
    }

    @Test
    void aWrongLevelNamesItsField() {
        List<ImportProblem> problems =
                problems(VALID.replace("\"level\": \"SCHOOL\",\n  \"funds\"", "\"level\": \"CAMPUS\",\n  \"funds\""));

        assertThat(problems).containsExactly(ImportProblem.of(5, "compliance.file.badValue", "level"));
    }

    @Test
    void everyProblemOfTheComponentsIsReportedWithTheLineItStartsOn() {
        String broken = VALID.replace("\"code\": \"RA-02\"", "\"code\": \"RA-01\"")
                .replace(
                        "\"title\": {\"en\": \"Analysis of data\", \"es\": \"Análisis de datos\"}",
                        "\"title\": {\"en\": \" \"}")
                .replace(
                        "\"funds\": [\"STATE\"],\n      \"toBeChecked\"",
                        "\"funds\": [\"title one\"],\n      \"toBeChecked\"");

        List<ImportProblem> problems = problems(broken);

        assertThat(problems)
                .containsExactly(
                        ImportProblem.of(12, "compliance.file.missing", "title"),
                        ImportProblem.of(22, "compliance.file.repeatedCode", "RA-01"),
                        ImportProblem.of(22, "compliance.file.fund", "title one"));
    }

    @Test
    void aFrameworkWithoutComponentsOrCodeIsRefused() {
        List<ImportProblem> problems = problems("{\"code\": \"Bad Code\", \"version\": 1, \"jurisdiction\": \"US\", "
                + "\"level\": \"DISTRICT\", \"citation\": \"x\", \"title\": {\"en\": \"T\"}, \"components\": []}");

        assertThat(problems)
                .containsExactly(
                        ImportProblem.of(1, "compliance.file.frameworkCode", "Bad Code"),
                        ImportProblem.of(1, "compliance.file.noComponents"));
    }

    @Test
    void aFileTooLargeIsRefusedBeforeItIsRead() {
        List<ImportProblem> problems = problems(" ".repeat(FrameworkFile.MAX_BYTES + 1));

        assertThat(problems).containsExactly(ImportProblem.of(0, "compliance.file.tooLarge", 1_000));
    }

    private static List<ImportProblem> problems(String json) {
        return catchThrowableOfType(FrameworkFileRefused.class, () -> FrameworkFile.read(bytes(json)))
                .problems();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
