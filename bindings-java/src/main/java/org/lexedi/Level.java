package org.lexedi;

/** Severity of an {@link Issue}; CRITICAL and ERROR make a message invalid. */
public enum Level {
    /** {@code CRITICAL} */
    CRITICAL("CRITICAL"),
    /** {@code ERROR} */
    ERROR("ERROR"),
    /** {@code WARNING} */
    WARNING("WARNING"),
    /** {@code INFO} */
    INFO("INFO");

    private final String wireName;

    Level(String wireName) {
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
    public static Level fromWireName(String wireName) {
        for (Level v : values()) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Level: " + wireName);
    }
}
