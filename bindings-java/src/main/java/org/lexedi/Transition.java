package org.lexedi;

/** The verdict on a status transition. */
public enum Transition {
    /** {@code allowed} */
    ALLOWED("allowed"),
    /** {@code unlisted} */
    UNLISTED("unlisted"),
    /** {@code forbidden} */
    FORBIDDEN("forbidden");

    private final String wireName;

    Transition(String wireName) {
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
    public static Transition fromWireName(String wireName) {
        for (Transition v : values()) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Transition: " + wireName);
    }
}
