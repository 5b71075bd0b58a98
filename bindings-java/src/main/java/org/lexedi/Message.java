package org.lexedi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One LEX message, immutable and safe to share between threads. Obtain one from
 * {@link Lex#parse}, {@link Lex#newMessage} or {@link Lex#acknowledge}. The native memory is
 * released automatically when the message becomes unreachable.
 */
public final class Message {
    final long handle;

    /** Called from native code with a fresh handle that this object now owns. */
    Message(long handle) {
        this.handle = handle;
        NativeHandle.register(this, handle, Native::messageFree);
    }

    /** @return {@code lex.header.messageType} as written (may be null when absent) */
    public String getMessageType() {
        return Native.messageType(handle);
    }

    /** @return {@code lex.header.messageId} (may be null when absent) */
    public String getMessageId() {
        return Native.messageId(handle);
    }

    /** @return the customer fingerprint of a LEAD with an email or phone, else empty */
    public Optional<String> fingerprint() {
        return Optional.ofNullable(Native.messageFingerprint(handle));
    }

    /** @param pretty indent the output @return canonical JSON-EDI text */
    public String toJson(boolean pretty) {
        return Native.serialize(handle, Format.JSON.wireName(), pretty);
    }

    /** @return canonical JSON-EDI text, pretty-printed */
    public String toJson() {
        return toJson(true);
    }

    /** @return canonical XML-EDI text */
    public String toXml() {
        return Native.serialize(handle, Format.XML.wireName(), true);
    }

    /** @return an ANSI X12 850 interchange carrying this message */
    public String toX12() {
        return Native.serialize(handle, Format.X12.wireName(), true);
    }

    /** @return a UN/EDIFACT ORDERS interchange carrying this message */
    public String toEdifact() {
        return Native.serialize(handle, Format.EDIFACT.wireName(), true);
    }

    /**
     * @param format the target format
     * @param pretty pretty output
     * @return the message in {@code format}
     */
    public String to(Format format, boolean pretty) {
        return Native.serialize(handle, format.wireName(), pretty);
    }

    /**
     * The message as plain Java values: {@code LinkedHashMap} (key order kept),
     * {@code ArrayList}, {@code String}, {@code Long} or {@code BigDecimal}, {@code Boolean}, null.
     *
     * @return a fresh, mutable copy of the tree {@code {"lex": {...}}}
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap() {
        return (Map<String, Object>) Native.messageTree(handle);
    }

    /**
     * The normalisations made while reading (aliases rewritten, EDI envelope findings), as
     * warnings. {@link Lex#validate} reports them too (as errors in strict mode).
     *
     * @return the read warnings, in the order found
     */
    public List<Issue> getReadWarnings() {
        return Collections.unmodifiableList(Arrays.asList(Native.messageReadIssues(handle)));
    }

    /** @return the compact JSON text's UTF-8 bytes */
    byte[] jsonBytes() {
        return toJson(false).getBytes(StandardCharsets.UTF_8);
    }

    /** Two messages are equal when their canonical trees are identical (key order included). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Message && ((Message) o).toJson(false).equals(toJson(false));
    }

    @Override
    public int hashCode() {
        return toJson(false).hashCode();
    }

    @Override
    public String toString() {
        return "Message(" + getMessageType() + ", " + getMessageId() + ")";
    }
}
