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
     * @throws IllegalArgumentException for an unknown name
     */
    public static TransitionPolicy fromWireName(String wireName) {
        for (TransitionPolicy v : values()) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown TransitionPolicy: " + wireName);
    }
}
