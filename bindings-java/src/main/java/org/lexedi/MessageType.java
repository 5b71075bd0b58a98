package org.lexedi;

/** The five LEX message types. */
public enum MessageType {
    /** {@code LEAD} */
    LEAD("LEAD"),
    /** {@code ASSET} */
    ASSET("ASSET"),
    /** {@code ACKNOWLEDGMENT} */
    ACKNOWLEDGMENT("ACKNOWLEDGMENT"),
    /** {@code SUBSCRIPTION} */
    SUBSCRIPTION("SUBSCRIPTION"),
    /** {@code LEAD_CLOSURE} */
    LEAD_CLOSURE("LEAD_CLOSURE");

    private final String wireName;

    MessageType(String wireName) {
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
    public static MessageType fromWireName(String wireName) {
        // The core parses the name (aliases, one error text in every language).
        String canonical = Native.canonicalName("messageType", wireName);
        for (MessageType v : values()) {
            if (v.wireName.equals(canonical)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown MessageType: " + wireName);
    }
}
