package org.lodestar.execution.checkin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which evidence files are kept: at most {@link #MAX_FILES} a check-in, {@link #MAX_BYTES} each, and only PDF, PNG,
 * JPEG, Word (DOCX), Excel (XLSX), CSV and plain text, told by their first bytes AND their name's extension, which must
 * agree. Markup (HTML, SVG, XML), scripts and executables are refused whatever they are named, so nothing a browser
 * could run is ever stored. Written here rather than with a general sniffer (Apache Tika's core tells a DOCX only as a
 * ZIP without its larger parser modules): the seven types need a few magic numbers and, for the two Office formats, the
 * part names in the ZIP's headers.
 */
public final class EvidenceRule {

    public static final int MAX_FILES = 5;
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The type each accepted extension must turn out to be. */
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "pdf", "application/pdf",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "docx", DOCX,
            "xlsx", XLSX,
            "csv", "text/csv",
            "txt", "text/plain");

    private EvidenceRule() {}

    /** The type the file is stored and served with, or empty when it is not kept (either test fails). */
    public static Optional<String> typeOf(String name, byte[] bytes) {
        String expected = BY_EXTENSION.get(extension(name));
        if (expected == null || bytes.length == 0) {
            return Optional.empty();
        }
        String sniffed = sniff(bytes);
        if (sniffed == null) {
            return Optional.empty();
        }
        if (sniffed.equals(expected) || ("text/plain".equals(sniffed) && "text/csv".equals(expected))) {
            return Optional.of(expected);
        }
        return Optional.empty();
    }

    static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    /** What the bytes are, among the kept types; null for anything else. */
    static String sniff(byte[] bytes) {
        if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return "image/png";
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (startsWith(bytes, new byte[] {'P', 'K', 3, 4})) {
            // part names are stored uncompressed in a ZIP's headers: nothing is inflated to tell them
            if (!contains(bytes, "[Content_Types].xml")) {
                return null;
            }
            if (contains(bytes, "word/document.xml")) {
                return DOCX;
            }
            return contains(bytes, "xl/workbook.xml") ? XLSX : null;
        }
        return plainText(bytes) ? "text/plain" : null;
    }

    /** Text without control characters that is neither markup nor a script (a browser must never find a page in it). */
    private static boolean plainText(byte[] bytes) {
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) {
                return false;
            }
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("<") || head.startsWith("#!")) {
            return false;
        }
        for (String marker : new String[] {
            "<script", "<html", "<svg", "<!doctype", "<iframe", "<body", "<object", "<embed", "javascript:"
        }) {
            if (head.contains(marker)) {
                return false;
            }
        }
        for (String script : new String[] {
            "function ",
            "function(",
            "var ",
            "let ",
            "const ",
            "import ",
            "export ",
            "(function",
            "!function",
            "'use strict'",
            "\"use strict\"",
            "window.",
            "document."
        }) {
            if (head.startsWith(script)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean contains(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
