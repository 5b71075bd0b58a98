package org.lexedi;

/** The 15 lead statuses, in journey order. */
public enum LeadStatus {
    /** {@code CART} */
    CART("CART"),
    /** {@code SHOPPING} */
    SHOPPING("SHOPPING"),
    /** {@code EXPLORING} */
    EXPLORING("EXPLORING"),
    /** {@code TEST_DRIVE_REQUESTED} */
    TEST_DRIVE_REQUESTED("TEST_DRIVE_REQUESTED"),
    /** {@code TEST_DRIVE_COMPLETED} */
    TEST_DRIVE_COMPLETED("TEST_DRIVE_COMPLETED"),
    /** {@code TRADE_IN} */
    TRADE_IN("TRADE_IN"),
    /** {@code EXPRESSED_INTEREST} */
    EXPRESSED_INTEREST("EXPRESSED_INTEREST"),
    /** {@code RESERVATION} */
    RESERVATION("RESERVATION"),
    /** {@code APPOINTMENT_REQUEST} */
    APPOINTMENT_REQUEST("APPOINTMENT_REQUEST"),
    /** {@code IN_NEGOTIATION} */
    IN_NEGOTIATION("IN_NEGOTIATION"),
    /** {@code ORDER} */
    ORDER("ORDER"),
    /** {@code ORDER_CONFIRMED} */
    ORDER_CONFIRMED("ORDER_CONFIRMED"),
    /** {@code IN_DELIVERY} */
    IN_DELIVERY("IN_DELIVERY"),
    /** {@code DELIVERED} */
    DELIVERED("DELIVERED"),
    /** {@code ARCHIVED} */
    ARCHIVED("ARCHIVED");

    private final String wireName;

    LeadStatus(String wireName) {
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
    public static LeadStatus fromWireName(String wireName) {
        for (LeadStatus v : values()) {
            if (v.wireName.equals(wireName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown LeadStatus: " + wireName);
    }
}
