package org.lodestar.shared;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One gzip stream made of parts compressed apart, so that a large part that many answers share (a page's body) is
 * compressed once and only the small parts of each answer (its layout) are compressed per answer. Each part is a raw
 * deflate stream ending in a full flush: byte-aligned, not final, and referring to nothing before it, so parts can be
 * put one after the other (as parallel gzip tools do); the stream ends with an empty final block, the checksum and the
 * length of the whole. The result is one ordinary gzip member that every client reads.
 */
public final class GzipParts {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** An empty final block of fixed Huffman codes, as any deflater ends a stream. */
    private static final byte[] LAST_BLOCK = {3, 0};

    /** The most bytes one stored block holds. */
    private static final int MAX_STORED = 65_535;

    private GzipParts() {}

    /** A part, as it reads and compressed on its own. */
    public record Part(byte[] plain, byte[] deflated) {}

    public static Part part(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(plain);
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 6 + 64);
            byte[] buffer = new byte[16 * 1024];
            int written;
            do {
                written = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                out.write(buffer, 0, written);
            } while (written == buffer.length);
            return new Part(plain, out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /**
     * A part stored as it reads, in deflate's blocks without compression: for a few bytes that differ in each answer (a
     * form token), which cost more to compress than to send. Byte-aligned and not final, as a compressed part.
     */
    public static Part stored(byte[] plain) {
        int blocks = (plain.length + MAX_STORED - 1) / MAX_STORED;
        byte[] out = new byte[plain.length + 5 * blocks];
        int at = 0;
        for (int from = 0; from < plain.length; from += MAX_STORED) {
            int length = Math.min(MAX_STORED, plain.length - from);
            out[at++] = 0; // not final, stored; the rest of the byte is padding
            out[at++] = (byte) length;
            out[at++] = (byte) (length >>> 8);
            out[at++] = (byte) ~length;
            out[at++] = (byte) (~length >>> 8);
            System.arraycopy(plain, from, out, at, length);
            at += length;
        }
        return new Part(plain, out);
    }

    /** The parts, in order, as one gzip stream. */
    public static byte[] gzip(List<Part> parts) {
        CRC32 crc = new CRC32();
        long length = 0;
        int size = HEADER.length + LAST_BLOCK.length + 8;
        for (Part part : parts) {
            crc.update(part.plain());
            length += part.plain().length;
            size += part.deflated().length;
        }
        byte[] out = new byte[size];
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        int at = HEADER.length;
        for (Part part : parts) {
            System.arraycopy(part.deflated(), 0, out, at, part.deflated().length);
            at += part.deflated().length;
        }
        System.arraycopy(LAST_BLOCK, 0, out, at, LAST_BLOCK.length);
        at += LAST_BLOCK.length;
        at = littleEndian(out, at, crc.getValue());
        littleEndian(out, at, length);
        return out;
    }

    /** The parts, in order, uncompressed. */
    public static byte[] plain(List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(part -> out.writeBytes(part.plain()));
        return out.toByteArray();
    }

    /** Whether a request's {@code Accept-Encoding} takes gzip (and does not refuse it with {@code q=0}). */
    public static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static int littleEndian(byte[] out, int at, long value) {
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) (value >>> (8 * i));
        }
        return at + 4;
    }
}
