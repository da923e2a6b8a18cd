package org.lodestar.insights.themes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The NHS Friends and Family Test comments coded by staff into 9 themes: a copy of
 * {@code ../shared/data/comments/nhs-fft/} (MIT, NHS England; its README beside the copy gives the provenance) in the
 * test resources, so the tests run wherever the clone is.
 */
public final class NhsFft {

    /** A comment and the theme staff gave it. */
    public record Coded(Comment comment, String label) {}

    private static final String FILE = "/insights/nhs-fft/comments.csv";

    private NhsFft() {}

    /** Every comment in the file's order. */
    public static List<Coded> all() throws IOException {
        List<Coded> coded = new ArrayList<>();
        InputStream in = NhsFft.class.getResourceAsStream(FILE);
        if (in == null) {
            throw new IllegalStateException("the NHS FFT comments are missing from the test resources: " + FILE);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
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
