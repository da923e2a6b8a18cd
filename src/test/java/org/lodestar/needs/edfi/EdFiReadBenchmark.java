package org.lodestar.needs.edfi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a test: how long reading Ed-Fi interchanges takes, to decide whether an import may run on the request thread.
 * Reads the sample district (default {@code ../shared/data/edfi/grand-bend-isd}) five times, then the same with its
 * attendance interchange grown to about 40 MB (the upload limit) by repeating its events under new student ids, and
 * prints seconds and MB/s. Run it with the command in README ("Import on the request thread").
 *
 * <p>Arguments, all optional: the sample's folder, the megabytes to grow the attendance file to.
 */
public final class EdFiReadBenchmark {

    private EdFiReadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/edfi/grand-bend-isd");
        int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> !p.getFileName().toString().contains("EXCERPT"))
                    .sorted()
                    .toList();
        }
        List<byte[]> bytes = new ArrayList<>();
        for (Path file : files) {
            bytes.add(Files.readAllBytes(file));
        }
        long total = bytes.stream().mapToLong(b -> b.length).sum();
        System.out.printf(
                "cores %d, sample %d files, %.1f MB%n",
                Runtime.getRuntime().availableProcessors(), files.size(), total / 1e6);
        for (int run = 1; run <= 5; run++) {
            time("sample, run " + run, files, bytes);
        }
        List<byte[]> grown = new ArrayList<>(bytes);
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).getFileName().toString().equals("StudentSchoolAttendance.xml")) {
                grown.set(i, grow(bytes.get(i), megabytes * 1_000_000L - (total - bytes.get(i).length)));
            }
        }
        for (int run = 1; run <= 3; run++) {
            time("sample with attendance grown, run " + run, files, grown);
        }
    }

    private static void time(String label, List<Path> files, List<byte[]> bytes) {
        List<EdFiSource> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            byte[] content = bytes.get(i);
            sources.add(new EdFiSource(files.get(i).getFileName().toString(), () -> new ByteArrayInputStream(content)));
        }
        long total = bytes.stream().mapToLong(b -> b.length).sum();
        long start = System.nanoTime();
        EdFiResult result = EdFiReader.read(sources);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%-40s %7.1f MB %7.2f s %6.1f MB/s %8d aggregates %7d students%n",
                label,
                total / 1e6,
                seconds,
                total / 1e6 / seconds,
                result.aggregates().size(),
                result.students());
    }

    /** The attendance interchange with its events repeated (student ids suffixed by the copy's number) to the size. */
    private static byte[] grow(byte[] attendance, long size) {
        String text = new String(attendance, StandardCharsets.UTF_8);
        int first = text.indexOf("<StudentSchoolAttendanceEvent>");
        int end = text.lastIndexOf("</InterchangeStudentAttendance>");
        String head = text.substring(0, first);
        String body = text.substring(first, end);
        StringBuilder out = new StringBuilder(head);
        for (int copy = 0; out.length() < size; copy++) {
            out.append(copy == 0 ? body : body.replace("</StudentUniqueId>", "-" + copy + "</StudentUniqueId>"));
        }
        out.append(text.substring(end));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
