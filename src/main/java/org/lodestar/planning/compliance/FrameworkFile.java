package org.lodestar.planning.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lodestar.shared.tabular.ImportProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes a framework as the JSON file shipped in {@code compliance/frameworks/} and exchanged by district
 * admins. Reading is strict: an unknown field, a missing title or a repeated component code refuses the whole file with
 * every problem and its line, since a framework taken half-read would tag plans against components nobody wrote.
 */
public final class FrameworkFile {

    /** Frameworks are a few dozen components; a file past this is not one. */
    public static final int MAX_BYTES = 1_000_000;

    static final int MAX_COMPONENTS = 500;
    private static final int MAX_TITLE = 300;
    private static final int MAX_SHORT_TITLE = 60;
    static final int MAX_TEXT = 4_000;
    private static final Pattern FRAMEWORK_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern COMPONENT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern FUND_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern JURISDICTION = Pattern.compile("US|[A-Z]{2}");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private FrameworkFile() {}

    public static Framework read(byte[] json) throws FrameworkFileRefused {
        if (json.length > MAX_BYTES) {
            throw refused(ImportProblem.of(0, "compliance.file.tooLarge", MAX_BYTES / 1_000));
        }
        Framework framework;
        try {
            framework = MAPPER.readValue(json, Framework.class);
        } catch (JacksonException unreadable) {
            throw refused(problemOf(unreadable, json));
        }
        if (framework == null) {
            throw refused(ImportProblem.of(0, "compliance.file.empty"));
        }
        List<ImportProblem> problems = problems(framework, 1, JsonLines.ofArray(MAPPER, json, "components"));
        if (!problems.isEmpty()) {
            throw new FrameworkFileRefused(problems);
        }
        return framework;
    }

    /**
     * Every problem of a framework however it was read (this file or a workbook), each at its line: the framework's own
     * fields at {@code frameworkLine}, each component at its line in {@code componentLines} (0 when not known).
     */
    static List<ImportProblem> problems(Framework framework, int frameworkLine, List<Integer> componentLines) {
        List<ImportProblem> problems = new ArrayList<>();
        checkFramework(framework, frameworkLine, problems);
        List<Component> components = framework.components() == null ? List.of() : framework.components();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            checkComponent(components.get(i), i < componentLines.size() ? componentLines.get(i) : 0, codes, problems);
        }
        return problems;
    }

    public static byte[] write(Framework framework) {
        return MAPPER.writeValueAsBytes(framework);
    }

    private static void checkFramework(Framework framework, int line, List<ImportProblem> problems) {
        if (framework.code() == null
                || !FRAMEWORK_CODE.matcher(framework.code()).matches()) {
            problems.add(ImportProblem.of(line, "compliance.file.frameworkCode", String.valueOf(framework.code())));
        }
        if (framework.version() < 1) {
            problems.add(ImportProblem.of(line, "compliance.file.version", framework.version()));
        }
        if (framework.jurisdiction() == null
                || !JURISDICTION.matcher(framework.jurisdiction()).matches()) {
            problems.add(
                    ImportProblem.of(line, "compliance.file.jurisdiction", String.valueOf(framework.jurisdiction())));
        }
        required(framework.level(), line, "level", problems);
        required(framework.citation(), line, "citation", problems);
        text(framework.title(), line, "title", MAX_TITLE, true, problems);
        text(framework.shortTitle(), line, "shortTitle", MAX_SHORT_TITLE, false, problems);
        text(framework.purpose(), line, "purpose", MAX_TEXT, false, problems);
        text(framework.reviewCadence(), line, "reviewCadence", MAX_TEXT, false, problems);
        funds(framework.funds(), line, problems);
        if (framework.components() == null || framework.components().isEmpty()) {
            problems.add(ImportProblem.of(line, "compliance.file.noComponents"));
        } else if (framework.components().size() > MAX_COMPONENTS) {
            problems.add(ImportProblem.of(line, "compliance.file.tooManyComponents", MAX_COMPONENTS));
        }
    }

    private static void checkComponent(Component component, int line, Set<String> codes, List<ImportProblem> problems) {
        if (component == null) {
            problems.add(ImportProblem.of(line, "compliance.file.emptyComponent"));
            return;
        }
        if (component.code() == null
                || !COMPONENT_CODE.matcher(component.code()).matches()) {
            problems.add(ImportProblem.of(line, "compliance.file.componentCode", String.valueOf(component.code())));
        } else if (!codes.add(component.code())) {
            problems.add(ImportProblem.of(line, "compliance.file.repeatedCode", component.code()));
        }
        text(component.title(), line, "title", MAX_TITLE, true, problems);
        text(component.requirement(), line, "requirement", MAX_TEXT, true, problems);
        required(component.citation(), line, "citation", problems);
        required(component.level(), line, "level", problems);
        funds(component.funds(), line, problems);
    }

    private static void required(Object value, int line, String field, List<ImportProblem> problems) {
        if (value == null || value instanceof String text && text.isBlank()) {
            problems.add(ImportProblem.of(line, "compliance.file.missing", field));
        }
    }

    private static void text(
            Wording wording, int line, String field, int max, boolean required, List<ImportProblem> problems) {
        if (wording == null || wording.missing()) {
            if (required) {
                problems.add(ImportProblem.of(line, "compliance.file.missing", field));
            }
            return;
        }
        for (String text : new String[] {wording.en(), wording.es()}) {
            if (text != null && text.length() > max) {
                problems.add(ImportProblem.of(line, "compliance.file.tooLong", field, max));
                return;
            }
        }
    }

    private static void funds(List<String> funds, int line, List<ImportProblem> problems) {
        if (funds == null) {
            return;
        }
        String wrong = funds.stream()
                .filter(fund -> fund == null || !FUND_CODE.matcher(fund).matches())
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
        if (!wrong.isEmpty()) {
            problems.add(ImportProblem.of(line, "compliance.file.fund", wrong));
        }
    }

    private static ImportProblem problemOf(JacksonException unreadable, byte[] json) {
        int line =
                unreadable.getLocation() == null ? 0 : unreadable.getLocation().getLineNr();
        if (unreadable instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            return ImportProblem.of(lineOfField(json, field, line), "compliance.file.unknownField", field);
        }
        if (unreadable instanceof StreamReadException) {
            return ImportProblem.of(line, "compliance.file.syntax");
        }
        String field = unreadable.getPath().isEmpty()
                ? ""
                : String.valueOf(unreadable
                        .getPath()
                        .get(unreadable.getPath().size() - 1)
                        .getPropertyName());
        return ImportProblem.of(line, "compliance.file.badValue", field);
    }

    /**
     * The line a field's name is first written on: a record is bound once all its fields are read, so the binder only
     * knows the line where the object ends.
     */
    private static int lineOfField(byte[] json, String field, int otherwise) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && field.equals(parser.currentName())) {
                    return parser.currentTokenLocation().getLineNr();
                }
            }
        }
        return otherwise;
    }

    private static FrameworkFileRefused refused(ImportProblem problem) {
        return new FrameworkFileRefused(List.of(problem));
    }
}
