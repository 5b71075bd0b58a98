package org.lexedi;

/** How liberally input is read: TOLERANT (normalisations are warnings) or STRICT (they are errors). */
public enum ReadMode {
    /** {@code tolerant} */
    TOLERANT("tolerant"),
    /** {@code strict} */
    STRICT("strict");

    private final String wireName;

    ReadMode(String wireName) {
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
    public static ReadMode fromWireName(String wireName) {
        // The core parses the name (aliases, one error text in every language).
        String canonical = Native.canonicalName("mode", wireName);
        for (ReadMode v : values()) {
            if (v.wireName.equals(canonical)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown ReadMode: " + wireName);
    }
}
