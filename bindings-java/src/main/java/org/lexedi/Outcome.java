package org.lexedi;

/** What a {@link Receiver} did with a message. */
public enum Outcome {
    /** {@code ACCEPTED} */
    ACCEPTED("ACCEPTED"),
    /** {@code REJECTED} */
    REJECTED("REJECTED"),
    /** {@code DEAD_LETTER} */
    DEAD_LETTER("DEAD_LETTER");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name used on the wire and by every other lex library */
    public String wireName() {
        return wireName;
    }

    /**
     * @param wireName a name as returned by {@link #wireName()}
     * @return the constant
     * @throws IllegalArgumentException for an unknown name
     */
    public static Outcome fromWireName(String wireName) {
        for (Outcome v : values()) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Outcome: " + wireName);
    }
}
