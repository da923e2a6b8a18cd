package org.lodestar.insights.themes;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The NHS Friends and Family Test comments coded by staff into 9 themes ({@code ../shared/data/comments/nhs-fft/},
 * MIT, NHS England; its README gives the provenance): read from the project's sibling folder {@code shared}, which
 * every developer's machine and CI have beside the clone.
 */
public final class NhsFft {

    /** A comment and the theme staff gave it. */
    public record Coded(Comment comment, String label) {}

    private NhsFft() {}

    public static Path file() {
        Path file = Path.of("..", "shared", "data", "comments", "nhs-fft", "comments.csv")
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "the NHS FFT comments are missing: " + file + " (the folder shared/ beside the clone)");
        }
        return file;
    }

    /** Every comment in the file's order. */
    public static List<Coded> all() throws IOException {
        List<Coded> coded = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                coded.add(new Coded(new Comment(row.get("id"), row.get("text")), row.get("label")));
            }
        }
        return coded;
    }
}
