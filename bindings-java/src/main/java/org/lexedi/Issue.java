package org.lexedi;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** One validation finding. Immutable. */
public final class Issue {
    private final Level level;
    private final String code;
    private final String field;
    private final String pointer;
    private final String message;
    private final String ruleId;
    private final Object rejectedValue;
    private final List<String> allowedValues;
    private final String constraint;
    private final Object threshold;
    private final String fromStatus;
    private final String toStatus;
    private final String suggestion;

    /** Called from native code. */
    Issue(String level, String code, String field, String pointer, String message, String ruleId,
            Object rejectedValue, String[] allowedValues, String constraint, Object threshold, String fromStatus,
            String toStatus, String suggestion) {
        this.level = Level.fromWireName(level);
        this.code = code;
        this.field = field;
        this.pointer = pointer;
        this.message = message;
        this.ruleId = ruleId;
        this.rejectedValue = rejectedValue;
        this.allowedValues = allowedValues == null ? null : Collections.unmodifiableList(Arrays.asList(allowedValues));
        this.constraint = constraint;
        this.threshold = threshold;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.suggestion = suggestion;
    }

    /** @return the severity */
    public Level getLevel() {
        return level;
    }

    /** @return the stable code, e.g. {@code REQUIRED_FIELD_MISSING} */
    public String getCode() {
        return code;
    }

    /** @return the field as the LEX conformance vectors name it (else the dotted path) */
    public String getField() {
        return field;
    }

    /** @return the RFC 6901 pointer from the message root */
    public String getPointer() {
        return pointer;
    }

    /** @return a human-readable explanation (may change between versions) */
    public String getMessage() {
        return message;
    }

    /** @return the published rule id ({@code DG-007}, ...) when the rule has one */
    public Optional<String> getRuleId() {
        return Optional.ofNullable(ruleId);
    }

    /** @return the offending value (plain Java value), when known */
    public Optional<Object> getRejectedValue() {
        return Optional.ofNullable(rejectedValue);
    }

    /** @return the allowed values of an enum violation */
    public Optional<List<String>> getAllowedValues() {
        return Optional.ofNullable(allowedValues);
    }

    /** @return the violated constraint in words */
    public Optional<String> getConstraint() {
        return Optional.ofNullable(constraint);
    }

    /** @return the threshold a value was compared with */
    public Optional<Object> getThreshold() {
        return Optional.ofNullable(threshold);
    }

    /** @return for transition issues, the status the lead was in */
    public Optional<String> getFromStatus() {
        return Optional.ofNullable(fromStatus);
    }

    /** @return for transition issues, the status the message moves to */
    public Optional<String> getToStatus() {
        return Optional.ofNullable(toStatus);
    }

    /** @return how to fix it */
    public Optional<String> getSuggestion() {
        return Optional.ofNullable(suggestion);
    }

    @Override
    public String toString() {
        return level + " " + code + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
