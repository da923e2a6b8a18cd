package org.lodestar.needs.edfi;

/** An interchange that cannot be read: malformed, of an unknown version, or unsafe. Nothing of the run is kept. */
public class EdFiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EdFiException(String message) {
        super(message);
    }

    public EdFiException(String message, Throwable cause) {
        super(message, cause);
    }
}
