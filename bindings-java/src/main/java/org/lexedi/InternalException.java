package org.lexedi;

/** A bug in lex: an internal invariant failed or a panic was caught (code {@code INTERNAL_ERROR}). */
public class InternalException extends LexException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception (called from native code). */
    InternalException(String code, String message, long line, long column, long offset, long segment,
            String segmentId, long element, long component, String path) {
        super(code, message, line, column, offset, segment, segmentId, element, component, path);
    }
}
