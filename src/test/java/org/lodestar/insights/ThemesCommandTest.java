package org.lodestar.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemesCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ThemesCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static final List<String> BUSES = List.of(
            "The school bus is always late in the morning",
            "Bus drivers should wait for the little ones",
            "My son missed the bus twice because the stop moved",
            "The bus route takes over an hour each way",
            "Please add a second bus for our neighborhood",
            "Buses arrive after the bell so kids miss breakfast");
    private static final List<String> LUNCH = List.of(
            "The cafeteria food is cold and bland",
            "Lunch portions are too small for teenagers",
            "More fresh fruit and vegetables at lunch please",
            "My daughter says the school meals taste bad",
            "Lunch period is too short to finish eating",
            "Offer vegetarian options in the cafeteria");
    private static final List<String> READING = List.of(
            "My child needs more help with reading",
            "Reading tutoring after school would help a lot",
            "Teach phonics so children learn to read",
            "The library should be open longer for reading",
            "More books at home level for struggling readers",
            "Our kids are behind in reading since the pandemic");

    /** id,text with a survey column the command ignores, a quoted comma, and the three topics above, mixed. */
    private Path comments() throws Exception {
        StringBuilder csv = new StringBuilder("id,audience,text\n");
        for (int i = 0; i < 6; i++) {
            csv.append("b").append(i).append(",parent,").append(BUSES.get(i)).append('\n');
            csv.append("l").append(i).append(",student,\"").append(LUNCH.get(i)).append(", thanks\"\n");
            csv.append("r").append(i).append(",teacher,").append(READING.get(i)).append('\n');
        }
        Path file = folder.resolve("comments.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void writesOneRowPerCommentWithItsThemeAndTheSameTopicsTogether() throws Exception {
        Path result = folder.resolve("themes.csv");
        int code = run("themes", "--in", comments().toString(), "--out", result.toString(), "--themes", "3");
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(result, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("id,theme,theme_label");
        assertThat(lines).hasSize(19);
        Map<String, String> themeOf = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", 3);
            themeOf.put(cells[0], cells[1]);
            assertThat(cells[2]).isNotBlank();
        }
        // each topic's comments mostly in one theme of its own
        Set<String> majorities = new HashSet<>();
        for (String topic : List.of("b", "l", "r")) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < 6; i++) {
                counts.merge(themeOf.get(topic + i), 1, Integer::sum);
            }
            Map.Entry<String, Integer> top =
                    counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            assertThat(top.getValue()).as(topic + " " + counts).isGreaterThanOrEqualTo(5);
            majorities.add(top.getKey());
        }
        assertThat(majorities).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(out.toString()).contains("18 comments: 3 themes as asked").contains("theme 1 (");
    }

    @Test
    void withoutANumberItChoosesOneAndSaysHow() throws Exception {
        Path result = folder.resolve("themes.csv");
        int code = run("themes", "--in", comments().toString(), "--out", result.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("chose \\d+ themes by silhouette -?0\\.\\d{3} over 4\\.\\.15");
        assertThat(Files.readAllLines(result)).hasSize(19);
    }

    @Test
    void blankTextsAreLeftOutAndCounted() throws Exception {
        Path file = folder.resolve("blank.csv");
        List<String> rows = new ArrayList<>(List.of("id,text"));
        for (int i = 0; i < 6; i++) {
            rows.add("b" + i + "," + BUSES.get(i));
            rows.add("l" + i + "," + LUNCH.get(i));
        }
        rows.add(3, "x1,   ");
        rows.add("x2,");
        Files.write(file, rows);
        Path result = folder.resolve("themes.csv");
        int code = run("themes", "--in", file.toString(), "--out", result.toString(), "--themes", "2");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("left out 2 rows with a blank text (the first on line 4)");
        assertThat(Files.readString(result)).doesNotContain("x1").doesNotContain("x2");
        assertThat(Files.readAllLines(result)).hasSize(13);
    }

    @Test
    void badInputGetsOneLineOnStandardErrorAndANonZeroExit() throws Exception {
        Path comments = comments();
        Path result = folder.resolve("themes.csv");
        Path empty = Files.writeString(folder.resolve("empty.csv"), "");
        Path headerOnly = Files.writeString(folder.resolve("header.csv"), "id,text\n");
        Path noText = Files.writeString(folder.resolve("notext.csv"), "id,comment\n1,hello\n");
        Path twice = Files.writeString(folder.resolve("twice.csv"), "id,text\n1,hello\n2,bye\n1,again\n");
        Path noId = Files.writeString(folder.resolve("noid.csv"), "id,text\n1,hello\n,bye\n");
        Path quote = Files.writeString(folder.resolve("quote.csv"), "id,text\n1,\"hello\n2,bye\n");
        Path tooLong =
                Files.writeString(folder.resolve("long.csv"), "id,text\n1,hello\n2," + "a".repeat(20_001) + "\n");
        Path few = Files.writeString(folder.resolve("few.csv"), "id,text\n1,hello\n2,bye\n3,Hello!\n");
        Path latin1 = folder.resolve("latin1.csv");
        Files.write(latin1, "id,text\n1,caf\u00e9 fr\u00edo\n".getBytes(StandardCharsets.ISO_8859_1));

        expectError(
                new String[] {"themes", "--in", folder.resolve("missing.csv").toString(), "--out", "x.csv"},
                "no such file");
        expectError(new String[] {"themes", "--in", comments.toString()}, "--out is missing");
        expectError(new String[] {"themes", "--out", result.toString()}, "--in is missing");
        expectError(
                new String[] {"themes", "--in", comments.toString(), "--out", result.toString(), "--themes", "x"},
                "--themes must be a whole number from 2 to 50, not x");
        expectError(
                new String[] {"themes", "--in", comments.toString(), "--out", result.toString(), "--themes", "1"},
                "--themes must be a whole number from 2 to 50, not 1");
        expectError(
                new String[] {"themes", "--in", comments.toString(), "--out", result.toString(), "--topics", "3"},
                "unexpected --topics");
        expectError(new String[] {"themes", "--in", empty.toString(), "--out", result.toString()}, "is empty");
        expectError(
                new String[] {"themes", "--in", headerOnly.toString(), "--out", result.toString()},
                "has no comment with a text");
        expectError(
                new String[] {"themes", "--in", noText.toString(), "--out", result.toString()}, "has no text column");
        expectError(
                new String[] {"themes", "--in", twice.toString(), "--out", result.toString()},
                "line 4: the id 1 is already on line 2");
        expectError(new String[] {"themes", "--in", noId.toString(), "--out", result.toString()}, "line 3 has no id");
        expectError(
                new String[] {"themes", "--in", quote.toString(), "--out", result.toString()}, "not a valid CSV file");
        expectError(
                new String[] {"themes", "--in", tooLong.toString(), "--out", result.toString()},
                "line 3: the text is longer than 20,000 characters");
        expectError(
                new String[] {"themes", "--in", few.toString(), "--out", result.toString(), "--themes", "3"},
                "3 themes asked for, but there are only 2 distinct texts");
        expectError(new String[] {"themes", "--in", latin1.toString(), "--out", result.toString()}, "not UTF-8");
        expectError(new String[] {"themes", "--in", folder.toString(), "--out", result.toString()}, "is a folder");
        assertThat(result).doesNotExist();
    }

    private void expectError(String[] args, String message) {
        out.reset();
        err.reset();
        assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(said).as(String.join(" ", args)).startsWith("error: ").contains(message);
        assertThat(said.strip().lines()).as(said).hasSize(1);
    }
}
