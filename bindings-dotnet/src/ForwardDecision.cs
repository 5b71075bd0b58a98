using System;
using System.Globalization;

namespace LexEdi
{
    /// <summary>
    /// The answer of <see cref="Lex.MayForward"/>: may a message be routed to a recipient under
    /// its <c>lex.dataGovernance</c> block? Immutable; read from the <c>lex_forward_decision</c>
    /// accessors of liblex.
    /// </summary>
    public sealed class ForwardDecision
    {
        private ForwardDecision()
        {
        }

        /// <summary>True when the message may be routed to the recipient.</summary>
        public bool Allowed { get; private set; }

        /// <summary>
        /// The stable reason code: <c>FORWARD_OPEN</c>, <c>FORWARD_NO_GOVERNANCE</c>,
        /// <c>FORWARD_ALLOWED_RECIPIENT</c>, <c>FORWARD_DIRECT_RECEIVER</c> (allowed);
        /// <c>FORWARD_BLOCKED_RECIPIENT</c>, <c>FORWARD_LOCKED</c>, <c>FORWARD_NOT_ALLOWED_RECIPIENT</c>,
        /// <c>FORWARD_RETENTION_EXPIRED</c>, <c>FORWARD_INVALID_POLICY</c>, <c>FORWARD_INVALID_RECIPIENT</c> (denied).
        /// </summary>
        public string Code { get; private set; }

        /// <summary>The published rule behind the decision (<c>DG-007</c>, <c>DG-010</c>, ...), or null.</summary>
        public string RuleId { get; private set; }

        /// <summary>The declared forwardingPolicy (<c>OPEN</c>, <c>RESTRICTED</c>, <c>LOCKED</c>, ...), or null without governance.</summary>
        public string Policy { get; private set; }

        /// <summary>True when the forwarder should log the forwarding event (<c>auditRequired</c>).</summary>
        public bool AuditRequired { get; private set; }

        /// <summary><c>declaredAt + retentionPolicy.maxRetentionDays</c> (UTC), or null when either is missing.</summary>
        public DateTimeOffset? RetainUntil { get; private set; }

        /// <summary>A human-readable explanation (may change between versions: never compare it).</summary>
        public string Reason { get; private set; }

        /// <summary>The decision as the core's compact JSON object.</summary>
        public string Json { get; private set; }

        /// <inheritdoc/>
        public override string ToString()
        {
            return Json;
        }

        internal static ForwardDecision FromHandle(ForwardDecisionHandle h)
        {
            var d = new ForwardDecision();
            byte b;
            LexStr s;
            Interop.Check(Native.lex_forward_decision_allowed(h, out b));
            d.Allowed = b != 0;
            Interop.Check(Native.lex_forward_decision_audit_required(h, out b));
            d.AuditRequired = b != 0;
            Interop.Check(Native.lex_forward_decision_code(h, out s));
            d.Code = Interop.Str(s);
            Interop.Check(Native.lex_forward_decision_rule_id(h, out s));
            d.RuleId = Interop.Str(s);
            Interop.Check(Native.lex_forward_decision_policy(h, out s));
            d.Policy = Interop.Str(s);
            Interop.Check(Native.lex_forward_decision_reason(h, out s));
            d.Reason = Interop.Str(s);
            Interop.Check(Native.lex_forward_decision_retain_until(h, out s));
            string until = Interop.Str(s);
            if (until != null)
            {
                d.RetainUntil = DateTimeOffset.Parse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            }
            var buf = new LexBuf();
            Interop.Check(Native.lex_forward_decision_to_json(h, ref buf));
            d.Json = Interop.Take(ref buf);
            return d;
        }
    }
}
