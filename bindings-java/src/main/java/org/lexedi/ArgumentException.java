package org.lexedi;

/** An argument was invalid (unknown format, status or level; a closed object). */
public class ArgumentException extends LexException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception (called from native code). */
    ArgumentException(String code, String message, long line, long column, long offset, long segment,
            String segmentId, long element, long component, String path) {
        super(code, message, line, column, offset, segment, segmentId, element, component, path);
    }
}
