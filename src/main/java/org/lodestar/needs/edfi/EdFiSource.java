package org.lodestar.needs.edfi;

import java.io.IOException;
import java.io.InputStream;

/**
 * One interchange file to read: its name (for messages and the summary) and a way to open it. It may be opened twice:
 * once to see which interchange it is, once to read it.
 */
public record EdFiSource(String name, Opener opener) {

    /** Opens the file's bytes; the reader closes the stream. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
