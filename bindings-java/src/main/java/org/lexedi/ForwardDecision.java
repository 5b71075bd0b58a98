package org.lexedi;

import java.util.Optional;

/**
 * May a message be routed to a recipient? The decision of the message's
 * {@code lex.dataGovernance} (blocked list, OPEN / RESTRICTED / LOCKED, retention). Immutable.
 */
public final class ForwardDecision {
    private final boolean allowed;
    private final String code;
    private final String ruleId;
    private final String policy;
    private final String reason;
    private final boolean auditRequired;
    private final String retainUntil;

    /** Called from native code. */
    ForwardDecision(boolean allowed, String code, String ruleId, String policy, String reason, boolean auditRequired,
            String retainUntil) {
        this.allowed = allowed;
        this.code = code;
        this.ruleId = ruleId;
        this.policy = policy;
        this.reason = reason;
        this.auditRequired = auditRequired;
        this.retainUntil = retainUntil;
    }

    /** @return true when the message may be routed to the recipient */
    public boolean isAllowed() {
        return allowed;
    }

    /** @return the stable reason code, e.g. {@code FORWARD_OPEN} or {@code FORWARD_BLOCKED_RECIPIENT} */
    public String getCode() {
        return code;
    }

    /** @return the published rule behind the decision ({@code DG-007}, ...), when there is one */
    public Optional<String> getRuleId() {
        return Optional.ofNullable(ruleId);
    }

    /** @return the declared forwardingPolicy (empty when the message has no governance block) */
    public Optional<String> getPolicy() {
        return Optional.ofNullable(policy);
    }

    /** @return a human-readable explanation (may change between versions) */
    public String getReason() {
        return reason;
    }

    /** @return true when the forwarder should log the forwarding event */
    public boolean isAuditRequired() {
        return auditRequired;
    }

    /** @return declaredAt + maxRetentionDays (RFC 3339), when both are given */
    public Optional<String> getRetainUntil() {
        return Optional.ofNullable(retainUntil);
    }

    @Override
    public String toString() {
        return "ForwardDecision(" + (allowed ? "allowed" : "denied") + ", " + code + ")";
    }
}
