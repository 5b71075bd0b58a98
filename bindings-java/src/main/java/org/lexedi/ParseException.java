package org.lexedi;

/** The input could not be read (syntax, encoding, not a LEX message, broken EDI envelope, forbidden XML construct). */
public class ParseException extends LexException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception (called from native code). */
    ParseException(String code, String message, long line, long column, long offset, long segment,
            String segmentId, long element, long component, String path) {
        super(code, message, line, column, offset, segment, segmentId, element, component, path);
    }
}
