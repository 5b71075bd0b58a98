package org.lexedi;

/**
 * An operation could not be done: unreadable input, a limit, a bad argument, or an internal
 * error. {@link #getCode()} is a stable code such as {@code SYNTAX_ERROR}; the message text may
 * change between versions. Validation findings are never thrown: they are in a {@link Report}.
 */
public class LexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final Location location;

    /** Creates an exception (called from native code). */
    LexException(String code, String message, long line, long column, long offset, long segment,
            String segmentId, long element, long component, String path) {
        super(code + ": " + message + Location.suffix(line, column, offset, segment, segmentId, element, component, path));
        this.code = code;
        this.location = new Location(line, column, offset, segment, segmentId, element, component, path);
    }

    /** @return the stable error code, e.g. {@code SYNTAX_ERROR} or {@code DEPTH_LIMIT_EXCEEDED} */
    public String getCode() {
        return code;
    }

    /** @return where in the input the error was found (fields are empty when unknown) */
    public Location getLocation() {
        return location;
    }
}
