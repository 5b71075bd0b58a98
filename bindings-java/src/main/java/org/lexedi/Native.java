package org.lexedi;

/** The JNI entry points. Not API: use {@link Lex} and the value classes. */
final class Native {
    static {
        NativeLibrary.load();
    }

    private Native() {}

    static native Message parse(byte[] input, String format, boolean strict);

    static native Message[] parseAll(byte[] input, String format, boolean strict);

    static native Message fromObject(Object tree);

    static native Report validateMessage(
            long message, int level, String now, boolean strict, String policy, String previousStatus, boolean info);

    static native Report validateBytes(
            byte[] input,
            String format,
            int level,
            String now,
            boolean strict,
            String policy,
            String previousStatus,
            boolean info);

    static native String convert(byte[] input, String to, String from, boolean strict, boolean pretty);

    static native String serialize(long message, String format, boolean pretty);

    static native String messageType(long message);

    static native String messageId(long message);

    static native String messageFingerprint(long message);

    static native Object messageTree(long message);

    static native Issue[] messageReadIssues(long message);

    static native void messageFree(long message);

    static native void reportFree(long report);

    static native String fingerprint(String email, String phone, String lastName);

    static native Message acknowledge(long message, long report, String status, String now, String messageId);

    static native Message newMessage(String type, Object payload, String senderId, String receiverId);

    static native ForwardDecision mayForward(long message, String recipient, String now);

    static native String checkTransition(String from, String to, String policy);

    /**
     * {@link #checkTransition} without strings: statuses as positions in {@link #statuses()},
     * the policy and the verdict as the ordinals of {@link TransitionPolicy} and {@link Transition}.
     */
    static native int checkTransitionAt(int from, int to, int policy);

    static native String detect(byte[] input);

    static native long receiverNew(int level, String now, boolean strict, String policy);

    static native Receipt receiverReceive(long receiver, byte[] input);

    static native void receiverFree(long receiver);

    static native String[] statuses();

    static native String[] messageTypes();

    static native String version();

    static native String lexVersion();

    /** Test hook (debug builds only): panics inside the native boundary. */
    static native void debugPanic();

    static native String canonicalName(String kind, String name);

    static native int parseLevel(int level);

    static native String x12FunctionalAck(byte[] input, boolean strict);

    static native Object x12ReadFunctionalAck(byte[] input, boolean strict);

    static native String edifactContrl(byte[] input);

    static native Object edifactContrlRead(byte[] input);

    static native Message duplicateClosure(long message, String canonicalLeadId, String now, String messageId);

    static native String serializeAll(long[] messages, String format, boolean pretty);
}
