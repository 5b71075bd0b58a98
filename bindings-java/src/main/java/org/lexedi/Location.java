package org.lexedi;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where an error was found: line, column and byte offset for text formats; segment number,
 * segment id, element and component for EDI; a JSON pointer into the message when known.
 */
public final class Location {
    private final long line;
    private final long column;
    private final long offset;
    private final long segment;
    private final String segmentId;
    private final long element;
    private final long component;
    private final String path;

    Location(long line, long column, long offset, long segment, String segmentId, long element, long component,
            String path) {
        this.line = line;
        this.column = column;
        this.offset = offset;
        this.segment = segment;
        this.segmentId = segmentId;
        this.element = element;
        this.component = component;
        this.path = path;
    }

    private static OptionalLong opt(long v) {
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** @return the 1-based line */
    public OptionalLong getLine() {
        return opt(line);
    }

    /** @return the 1-based column (in characters) */
    public OptionalLong getColumn() {
        return opt(column);
    }

    /** @return the 0-based byte offset */
    public OptionalLong getOffset() {
        return opt(offset);
    }

    /** @return the 1-based EDI segment number */
    public OptionalLong getSegment() {
        return opt(segment);
    }

    /** @return the EDI segment tag */
    public Optional<String> getSegmentId() {
        return Optional.ofNullable(segmentId);
    }

    /** @return the 1-based EDI element position */
    public OptionalLong getElement() {
        return opt(element);
    }

    /** @return the 1-based EDI component position */
    public OptionalLong getComponent() {
        return opt(component);
    }

    /** @return the JSON pointer into the message tree */
    public Optional<String> getPath() {
        return Optional.ofNullable(path);
    }

    static String suffix(long line, long column, long offset, long segment, String segmentId, long element,
            long component, String path) {
        StringBuilder sb = new StringBuilder();
        if (line >= 0 && column >= 0) {
            sb.append("line ").append(line).append(", column ").append(column);
        }
        if (offset >= 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("byte ").append(offset);
        }
        if (segment >= 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("segment ").append(segment);
            if (segmentId != null) {
                sb.append(" (").append(segmentId).append(')');
            }
            if (element >= 0) {
                sb.append(", element ").append(element);
            }
            if (component >= 0) {
                sb.append(", component ").append(component);
            }
        }
        if (path != null) {
            sb.append(sb.length() > 0 ? ", " : "").append(path.isEmpty() ? "at the message root" : "at " + path);
        }
        return sb.length() == 0 ? "" : " (" + sb + ")";
    }

    @Override
    public String toString() {
        String s = suffix(line, column, offset, segment, segmentId, element, component, path);
        return s.isEmpty() ? "(unknown)" : s.substring(2, s.length() - 1);
    }
}
