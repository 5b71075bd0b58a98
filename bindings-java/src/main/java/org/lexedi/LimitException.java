package org.lexedi;

/** The input exceeded a configured limit (size, depth, token length, element count). */
public class LimitException extends LexException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception (called from native code). */
    LimitException(String code, String message, long line, long column, long offset, long segment,
            String segmentId, long element, long component, String path) {
        super(code, message, line, column, offset, segment, segmentId, element, component, path);
    }
}
