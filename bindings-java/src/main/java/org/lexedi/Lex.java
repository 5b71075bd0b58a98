package org.lexedi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point of the LEX 1.0 toolkit: read, validate, convert, build and acknowledge
 * lead-exchange messages in JSON-EDI, XML-EDI, ANSI X12 850 and UN/EDIFACT ORDERS.
 *
 * <p>Every method is thread-safe. Problems with the input are thrown as {@link LexException}
 * (with a stable {@link LexException#getCode() code}); problems with a message that was read
 * are returned in a {@link Report}.
 */
public final class Lex {
    /** The LEX lead statuses, in journey order. */
    public static final List<String> STATUSES = Collections.unmodifiableList(Arrays.asList(Native.statuses()));
    /** Position of each status in {@link #STATUSES}: lets a transition check pass ints through JNI. */
    private static final Map<String, Integer> STATUS_POSITION = positions(STATUSES);
    /** The verdicts, by the ordinal the native fast path returns. */
    private static final Transition[] VERDICTS = Transition.values();
    /** The LEX message types. */
    public static final List<String> MESSAGE_TYPES =
            Collections.unmodifiableList(Arrays.asList(Native.messageTypes()));
    /** The version of this library. */
    public static final String VERSION = Native.version();
    /** The LEX version this library writes ({@code "1.0"}). */
    public static final String LEX_VERSION = Native.lexVersion();

    private Lex() {}

    private static Map<String, Integer> positions(List<String> names) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), i);
        }
        return Collections.unmodifiableMap(out);
    }

    private static byte[] utf8(String s) {
        if (s == null) {
            throw new IllegalArgumentException("input is null");
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String name(Format f) {
        return f == null ? null : f.wireName();
    }

    /** @param input one message in any format (detected) @return the message */
    public static Message parse(String input) {
        return parse(utf8(input), null, ReadMode.TOLERANT);
    }

    /** @param input one message in any format (detected) @return the message */
    public static Message parse(byte[] input) {
        return parse(input, null, ReadMode.TOLERANT);
    }

    /**
     * @param input one message
     * @param format its format, or null to detect it
     * @param mode tolerant or strict reading
     * @return the message
     * @throws ParseException when the input cannot be read
     */
    public static Message parse(byte[] input, Format format, ReadMode mode) {
        return Native.parse(input, name(format), mode == ReadMode.STRICT);
    }

    /** @param tree a message as plain Java values (a {@code Map} with a {@code "lex"} entry) @return the message */
    public static Message parse(Map<String, ?> tree) {
        return Native.fromObject(tree);
    }

    /**
     * @param input one or more messages (an X12/EDIFACT interchange may hold several)
     * @param format the format, or null to detect it
     * @param mode tolerant or strict reading
     * @return the messages, in order
     */
    public static List<Message> parseAll(byte[] input, Format format, ReadMode mode) {
        return Collections.unmodifiableList(Arrays.asList(Native.parseAll(input, name(format), mode == ReadMode.STRICT)));
    }

    /** @param message a message @return its report with the default options */
    public static Report validate(Message message) {
        return validate(message, ValidationOptions.DEFAULT);
    }

    /** @param message a message @param options the options @return its report */
    public static Report validate(Message message, ValidationOptions options) {
        return Native.validateMessage(message.handle, options.level, options.now, options.strict(),
                options.policy.wireName(), options.previousStatus, options.includeInfo);
    }

    /** @param input one message in any format @return its report with the default options */
    public static Report validate(String input) {
        return validate(utf8(input), ValidationOptions.DEFAULT);
    }

    /** @param input one message in any format @param options the options @return its report */
    public static Report validate(String input, ValidationOptions options) {
        return validate(utf8(input), options);
    }

    /**
     * @param input one message in any format (detected)
     * @param options the options
     * @return its report
     * @throws ParseException when the input cannot be read
     */
    public static Report validate(byte[] input, ValidationOptions options) {
        return Native.validateBytes(input, null, options.level, options.now, options.strict(),
                options.policy.wireName(), options.previousStatus, options.includeInfo);
    }

    /** @param input a message in any format (detected) @param to the target format @return the converted text */
    public static String convert(String input, Format to) {
        return convert(utf8(input), to, null, ReadMode.TOLERANT, true);
    }

    /**
     * @param input a message or interchange
     * @param to the target format
     * @param from the source format, or null to detect it
     * @param mode tolerant or strict reading
     * @param pretty pretty output
     * @return the converted text
     */
    public static String convert(byte[] input, Format to, Format from, ReadMode mode, boolean pretty) {
        if (to == null) {
            throw new IllegalArgumentException("the target format is null");
        }
        return Native.convert(input, to.wireName(), name(from), mode == ReadMode.STRICT, pretty);
    }

    /** @param input any bytes @return the detected format, if any */
    public static Optional<Format> detect(byte[] input) {
        return Optional.ofNullable(Native.detect(input)).map(Format::fromWireName);
    }

    /**
     * The customer fingerprint of LEX_DEDUPLICATION: SHA-256 (64 lower-case hex) of the
     * normalised email, the last 10 phone digits and the last name without diacritics.
     *
     * @param email the email (null = empty)
     * @param phone the phone (null = empty)
     * @param lastName the last name (null = empty)
     * @return the fingerprint
     */
    public static String fingerprint(String email, String phone, String lastName) {
        return Native.fingerprint(email, phone, lastName);
    }

    /** @param message a received message @return its ACKNOWLEDGMENT, status from validating it */
    public static Message acknowledge(Message message) {
        return acknowledge(message, validate(message), null);
    }

    /**
     * @param message a received message
     * @param report its report (null: no validation results in the ACK)
     * @param status an explicit status (null: RECEIVED/PROCESSED, or REJECTED for an invalid report)
     * @return the ACKNOWLEDGMENT message
     */
    public static Message acknowledge(Message message, Report report, String status) {
        return acknowledge(message, report, status, null, null);
    }

    /**
     * Like {@link #acknowledge(Message, Report, String)} with a fixed clock and id, for
     * reproducible output.
     *
     * @param message a received message
     * @param report its report, or null
     * @param status an explicit status, or null
     * @param now the ACK's timestamp as RFC 3339, or null for the system clock
     * @param messageId the ACK's own messageId, or null for a fresh UUID v4
     * @return the ACKNOWLEDGMENT message
     */
    public static Message acknowledge(Message message, Report report, String status, String now, String messageId) {
        return Native.acknowledge(message.handle, report == null ? 0 : report.handle, status, now, messageId);
    }

    /**
     * Wraps a payload in a new envelope with a UUID v4 messageId, the current UTC timestamp
     * and version 1.0.
     *
     * @param type the message type
     * @param payload the body (e.g. the lead object) as plain Java values
     * @param senderId the sender
     * @param receiverId the receiver
     * @return the message
     */
    public static Message newMessage(MessageType type, Map<String, ?> payload, String senderId, String receiverId) {
        return Native.newMessage(type.wireName(), payload, senderId, receiverId);
    }

    /**
     * May {@code message} be routed to {@code recipient}? Decided by its data-governance block
     * with the system clock (for retention).
     *
     * @param message a message
     * @param recipient a LEX organisation id
     * @return the decision with a stable reason code
     */
    public static ForwardDecision mayForward(Message message, String recipient) {
        return Native.mayForward(message.handle, recipient, null);
    }

    /**
     * @param message a message
     * @param recipient a LEX organisation id
     * @param now the clock for the retention check, RFC 3339
     * @return the decision with a stable reason code
     */
    public static ForwardDecision mayForward(Message message, String recipient, String now) {
        return Native.mayForward(message.handle, recipient, now);
    }

    /**
     * @param from the current status
     * @param to the new status
     * @return true when allowed (possibly with a warning) under the default policy
     * @throws ArgumentException for an unknown status
     */
    public static boolean transitionAllowed(String from, String to) {
        return checkTransition(from, to, TransitionPolicy.DEFAULT) != Transition.FORBIDDEN;
    }

    /** @param from the current status @param to the new status @return true when allowed */
    public static boolean transitionAllowed(LeadStatus from, LeadStatus to) {
        return transitionAllowed(from.wireName(), to.wireName());
    }

    /**
     * @param from the current status
     * @param to the new status
     * @param policy the policy
     * @return the verdict
     */
    public static Transition checkTransition(String from, String to, TransitionPolicy policy) {
        Integer f = from == null ? null : STATUS_POSITION.get(from);
        Integer t = to == null ? null : STATUS_POSITION.get(to);
        if (f != null && t != null && policy != null) {
            // The common case crosses JNI with ints only (see Native.checkTransitionAt).
            return VERDICTS[Native.checkTransitionAt(f, t, policy.ordinal())];
        }
        // An unknown status: the core reports it, with its message.
        return Transition.fromWireName(Native.checkTransition(from, to, policy.wireName()));
    }

    /**
     * The X12 997 functional acknowledgment answering a received X12 interchange.
     *
     * @param x12 the received interchange
     * @return the 997 interchange
     * @throws ParseException when the input has no readable X12 envelope
     */
    public static String x12FunctionalAck(String x12) {
        return Native.x12FunctionalAck(utf8(x12), false);
    }

    /**
     * @param x12 the received interchange
     * @param mode tolerant or strict reading
     * @return the 997 interchange
     */
    public static String x12FunctionalAck(byte[] x12, ReadMode mode) {
        return Native.x12FunctionalAck(x12, mode == ReadMode.STRICT);
    }

    /**
     * Reads the 997 functional acknowledgments of an X12 interchange.
     *
     * @param x12 a 997 interchange
     * @return one map per acknowledged group ({@code functionalId}, {@code status}, {@code sets}, ...)
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> x12ReadFunctionalAck(String x12) {
        return (List<Map<String, Object>>) Native.x12ReadFunctionalAck(utf8(x12), false);
    }

    /**
     * The EDIFACT CONTRL interchange (syntax report) answering a received EDIFACT interchange.
     *
     * @param edifact the received interchange
     * @return the CONTRL interchange
     */
    public static String edifactContrl(String edifact) {
        return Native.edifactContrl(utf8(edifact));
    }

    /**
     * Reads an EDIFACT CONTRL interchange.
     *
     * @param contrl a CONTRL interchange
     * @return one map per CONTRL message ({@code interchangeReference}, {@code action}, {@code accepted}, ...)
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> edifactContrlRead(String contrl) {
        return (List<Map<String, Object>>) Native.edifactContrlRead(utf8(contrl));
    }

    /**
     * The LEAD_CLOSURE ({@code closureStatus: DUPLICATE}) answering a duplicate lead.
     *
     * @param duplicate the duplicate lead
     * @param canonicalLeadId the lead that already holds the customer
     * @param now the clock, RFC 3339, or null for the system clock
     * @param messageId the closure's messageId, or null for a fresh UUID
     * @return the closure message
     */
    public static Message duplicateClosure(Message duplicate, String canonicalLeadId, String now, String messageId) {
        return Native.duplicateClosure(duplicate.handle, canonicalLeadId, now, messageId);
    }

    /**
     * Writes several messages in one document: one X12 or EDIFACT interchange (JSON and XML
     * take exactly one message).
     *
     * @param messages the messages
     * @param format the target format
     * @param pretty indented output where the format has it
     * @return the document
     */
    public static String serializeAll(List<Message> messages, Format format, boolean pretty) {
        if (messages == null) {
            return Native.serializeAll(null, name(format), pretty);
        }
        long[] handles = new long[messages.size()];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = messages.get(i).handle;
        }
        try {
            return Native.serializeAll(handles, name(format), pretty);
        } finally {
            // The messages own the handles: keep them alive until the native call returns.
            java.lang.ref.Reference.reachabilityFence(messages);
        }
    }
}
