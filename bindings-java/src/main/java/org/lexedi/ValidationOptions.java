package org.lexedi;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Options for {@link Lex#validate}: conformance level (default 2), clock, read mode, transition
 * policy, the lead's previous status, and whether INFO issues are reported. Immutable; build
 * with {@link #builder()}.
 */
public final class ValidationOptions {
    /** The defaults: level 2, system clock, tolerant, default policy. */
    public static final ValidationOptions DEFAULT = builder().build();

    final int level;
    final String now;
    final ReadMode mode;
    final TransitionPolicy policy;
    final String previousStatus;
    final boolean includeInfo;

    private ValidationOptions(Builder b) {
        this.level = b.level;
        this.now = b.now;
        this.mode = b.mode;
        this.policy = b.policy;
        this.previousStatus = b.previousStatus;
        this.includeInfo = b.includeInfo;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the conformance level (1, 2 or 3) */
    public int getLevel() {
        return level;
    }

    /** @return the read mode */
    public ReadMode getMode() {
        return mode;
    }

    /** @return the transition policy */
    public TransitionPolicy getPolicy() {
        return policy;
    }

    boolean strict() {
        return mode == ReadMode.STRICT;
    }

    /** Builder for {@link ValidationOptions}. */
    public static final class Builder {
        private int level = 2;
        private String now;
        private ReadMode mode = ReadMode.TOLERANT;
        private TransitionPolicy policy = TransitionPolicy.DEFAULT;
        private String previousStatus;
        private boolean includeInfo;

        private Builder() {}

        /**
         * @param level conformance level 1, 2 or 3
         * @return this builder
         * @throws ArgumentException for any other level
         */
        public Builder level(int level) {
            // The core checks the range (one error text in every language).
            this.level = Native.parseLevel(level);
            return this;
        }

        /** @param now the clock to validate against (default: the system clock) @return this builder */
        public Builder now(Instant now) {
            this.now = now == null ? null : DateTimeFormatter.ISO_INSTANT.format(now);
            return this;
        }

        /** @param now an RFC 3339 date-time to validate against @return this builder */
        public Builder now(String now) {
            this.now = now;
            return this;
        }

        /** @param mode tolerant (default) or strict reading @return this builder */
        public Builder mode(ReadMode mode) {
            this.mode = mode;
            return this;
        }

        /** @param strict shorthand for {@code mode(STRICT)} @return this builder */
        public Builder strict(boolean strict) {
            this.mode = strict ? ReadMode.STRICT : ReadMode.TOLERANT;
            return this;
        }

        /** @param policy the transition policy @return this builder */
        public Builder policy(TransitionPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** @param status the lead's stored status, used for transition checks @return this builder */
        public Builder previousStatus(LeadStatus status) {
            this.previousStatus = status == null ? null : status.wireName();
            return this;
        }

        /** @param status the lead's stored status as a string @return this builder */
        public Builder previousStatus(String status) {
            this.previousStatus = status;
            return this;
        }

        /** @param include report INFO issues too @return this builder */
        public Builder includeInfo(boolean include) {
            this.includeInfo = include;
            return this;
        }

        /** @return the options */
        public ValidationOptions build() {
            return new ValidationOptions(this);
        }
    }
}
