package org.lexedi;

import java.util.Optional;

/** What a {@link Receiver} did with one message. Immutable. */
public final class Receipt {
    private final Message message;
    private final Report report;
    private final Message ack;
    private final boolean duplicate;
    private final Outcome outcome;
    private final int httpStatus;
    private final String duplicateOfLead;
    private final String routing;
    private final String deadLetterReason;

    /** Called from native code. */
    Receipt(Message message, Report report, Message ack, boolean duplicate, String outcome, int httpStatus,
            String duplicateOfLead, String routing, String deadLetterReason) {
        this.message = message;
        this.report = report;
        this.ack = ack;
        this.duplicate = duplicate;
        this.outcome = Outcome.fromWireName(outcome);
        this.httpStatus = httpStatus;
        this.duplicateOfLead = duplicateOfLead;
        this.routing = routing;
        this.deadLetterReason = deadLetterReason;
    }

    /** @return for an expired message, where it goes per {@code ttl.onExpiry}: DLQ, DISCARD or RETURN */
    public Optional<String> getRouting() {
        return Optional.ofNullable(routing);
    }

    /** @return for an expired message, the LEX reason (e.g. {@code TTL_EXPIRED}) */
    public Optional<String> getDeadLetterReason() {
        return Optional.ofNullable(deadLetterReason);
    }

    /** @return the message as read */
    public Message getMessage() {
        return message;
    }

    /** @return its validation report */
    public Report getReport() {
        return report;
    }

    /** @return the acknowledgment to send back (empty for dead-lettered messages) */
    public Optional<Message> getAck() {
        return Optional.ofNullable(ack);
    }

    /** @return true when this messageId was received before (the original receipt is returned) */
    public boolean isDuplicate() {
        return duplicate;
    }

    /** @return what happened */
    public Outcome getOutcome() {
        return outcome;
    }

    /** @return the recommended HTTP status (200, 410, 422) */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** @return the leadId of an active lead with the same customer fingerprint, if any */
    public Optional<String> getDuplicateOfLead() {
        return Optional.ofNullable(duplicateOfLead);
    }

    @Override
    public String toString() {
        return "Receipt(" + outcome + ", http=" + httpStatus + ", duplicate=" + duplicate + ")";
    }
}
