package org.lexedi;

/** Which status-transition rules apply. */
public enum TransitionPolicy {
    /** {@code default} */
    DEFAULT("default"),
    /** {@code strict-table} */
    STRICT_TABLE("strict-table");

    private final String wireName;

    TransitionPolicy(String wireName) {
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
    public static TransitionPolicy fromWireName(String wireName) {
        // The core parses the name (aliases, one error text in every language).
        String canonical = Native.canonicalName("policy", wireName);
        for (TransitionPolicy v : values()) {
            if (v.wireName.equals(canonical)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown TransitionPolicy: " + wireName);
    }
}
