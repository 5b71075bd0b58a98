package org.lexedi;

/** The message cannot be written in the requested format (code {@code UNREPRESENTABLE}). */
public class ConversionException extends LexException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception (called from native code). */
    ConversionException(String code, String message, long line, long column, long offset, long segment,
            String segmentId, long element, long component, String path) {
        super(code, message, line, column, offset, segment, segmentId, element, component, path);
    }
}
