package org.lexedi;

/** Reading or writing a file or stream failed (code {@code IO_ERROR}). */
public class IoException extends LexException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception (called from native code). */
    IoException(String code, String message, long line, long column, long offset, long segment,
            String segmentId, long element, long component, String path) {
        super(code, message, line, column, offset, segment, segmentId, element, component, path);
    }
}
