package org.lexedi;

/** The four LEX wire formats. */
public enum Format {
    /** {@code json} */
    JSON("json"),
    /** {@code xml} */
    XML("xml"),
    /** {@code x12} */
    X12("x12"),
    /** {@code edifact} */
    EDIFACT("edifact");

    private final String wireName;

    Format(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name used on the wire and by every other lex library */
    public String wireName() {
        return wireName;
    }

    /**
     * @param wireName a name as returned by {@link #wireName()}
     * @return the constant
     * @throws ArgumentException for an unknown name
     */
    public static Format fromWireName(String wireName) {
        // The core parses the name (aliases, one error text in every language).
        String canonical = Native.canonicalName("format", wireName);
        for (Format v : values()) {
            if (v.wireName.equals(canonical)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Format: " + wireName);
    }
}
