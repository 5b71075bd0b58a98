using System;
using NUnit.Framework;

namespace LexEdi.Tests
{
    /// <summary>The forwarding decision and the dead-letter routing of receipts.</summary>
    [TestFixture]
    public class GovernanceTests
    {
        // RESTRICTED to DEALER-B, DEALER-X blocked, audited; retention ended on 2020-01-31.
        private const string Governed =
            "{\"lex\":{\"header\":{\"messageId\":\"m-gov\",\"messageType\":\"LEAD\",\"version\":\"1.0\","
            + "\"timestamp\":\"2020-01-01T09:00:00Z\",\"senderId\":\"S\",\"receiverId\":\"DEALER-A\"},"
            + "\"payload\":{\"lead\":{}},\"dataGovernance\":{\"forwardingPolicy\":\"RESTRICTED\","
            + "\"allowedRecipients\":[\"DEALER-B\"],\"blockedRecipients\":[\"DEALER-X\"],\"auditRequired\":true,"
            + "\"declaredAt\":\"2020-01-01T00:00:00Z\",\"retentionPolicy\":{\"maxRetentionDays\":30}}}}";

        private static readonly DateTimeOffset InRetention = DateTimeOffset.Parse("2020-01-10T00:00:00Z");

        [Test]
        public void WithoutGovernanceEveryRecipientIsAllowed()
        {
            using (Message m = Lex.Parse(ApiTests.Lead))
            {
                ForwardDecision d = Lex.MayForward(m, "ANYONE");
                Assert.That(d.Allowed, Is.True);
                Assert.That(d.Code, Is.EqualTo("FORWARD_NO_GOVERNANCE"));
                Assert.That(d.RuleId, Is.EqualTo("DG-010"));
                Assert.That(d.Policy, Is.Null);
                Assert.That(d.AuditRequired, Is.False);
                Assert.That(d.RetainUntil, Is.Null);
                Assert.That(d.Reason, Is.Not.Empty);
                Assert.That(d.ToString(), Is.StringStarting("{\"allowed\":true,\"code\":\"FORWARD_NO_GOVERNANCE\","));
            }
        }

        [Test]
        public void RestrictedPolicyListsDecide()
        {
            using (Message m = Lex.Parse(Governed))
            {
                ForwardDecision ok = Lex.MayForward(m, "DEALER-B", InRetention);
                Assert.That(ok.Allowed, Is.True);
                Assert.That(ok.Code, Is.EqualTo("FORWARD_ALLOWED_RECIPIENT"));
                Assert.That(ok.RuleId, Is.Null);
                Assert.That(ok.Policy, Is.EqualTo("RESTRICTED"));
                Assert.That(ok.AuditRequired, Is.True);
                Assert.That(ok.RetainUntil, Is.EqualTo(new DateTimeOffset(2020, 1, 31, 0, 0, 0, TimeSpan.Zero)));
                Assert.That(ok.Reason, Is.StringContaining("DEALER-B"));

                ForwardDecision other = Lex.MayForward(m, "DEALER-C", InRetention);
                Assert.That(other.Allowed, Is.False);
                Assert.That(other.Code, Is.EqualTo("FORWARD_NOT_ALLOWED_RECIPIENT"));
                Assert.That(other.RuleId, Is.EqualTo("DG-009"));

                ForwardDecision blocked = Lex.MayForward(m, "DEALER-X", InRetention);
                Assert.That(blocked.Allowed, Is.False);
                Assert.That(blocked.Code, Is.EqualTo("FORWARD_BLOCKED_RECIPIENT"));

                ForwardDecision empty = Lex.MayForward(m, "", InRetention);
                Assert.That(empty.Allowed, Is.False);
                Assert.That(empty.Code, Is.EqualTo("FORWARD_INVALID_RECIPIENT"));
            }
        }

        [Test]
        public void TheClockDecidesTheRetentionCheck()
        {
            using (Message m = Lex.Parse(Governed))
            {
                ForwardDecision late = Lex.MayForward(m, "DEALER-B", DateTimeOffset.Parse("2020-02-01T00:00:00Z"));
                Assert.That(late.Allowed, Is.False);
                Assert.That(late.Code, Is.EqualTo("FORWARD_RETENTION_EXPIRED"));
                // No clock: the system clock, long after 2020-01-31.
                Assert.That(Lex.MayForward(m, "DEALER-B").Code, Is.EqualTo("FORWARD_RETENTION_EXPIRED"));
            }
        }

        [Test]
        public void MayForwardRejectsNullArguments()
        {
            using (Message m = Lex.Parse(Governed))
            {
                Assert.Throws<ArgumentNullException>(() => Lex.MayForward(null, "DEALER-B"));
                Assert.Throws<ArgumentNullException>(() => Lex.MayForward(m, null));
            }
            Message disposed = Lex.Parse(Governed);
            disposed.Dispose();
            Assert.Throws<LexArgumentException>(() => Lex.MayForward(disposed, "DEALER-B"));
        }

        [Test]
        public void ReceiptsCarryTheDeadLetterRouting()
        {
            const string Expired =
                "{\"lex\":{\"header\":{\"messageId\":\"m-{0}\",\"messageType\":\"LEAD\",\"version\":\"1.0\","
                + "\"timestamp\":\"2026-05-04T09:00:00Z\",\"senderId\":\"S\",\"receiverId\":\"R\","
                + "\"ttl\":{\"expiresAt\":\"2026-05-04T09:30:00Z\"{1}}},\"payload\":{\"lead\":{}}}}";
            using (var rx = new Receiver(ApiTests.AtNow))
            {
                Receipt accepted = rx.Receive(ApiTests.Lead);
                Assert.That(accepted.Routing, Is.Null);
                Assert.That(accepted.DeadLetterReason, Is.Null);

                Receipt dlq = rx.Receive(Expired.Replace("{0}", "1").Replace("{1}", ""));
                Assert.That(dlq.Outcome, Is.EqualTo(Outcome.DeadLetter));
                Assert.That(dlq.Routing, Is.EqualTo("DLQ"));
                Assert.That(dlq.DeadLetterReason, Is.EqualTo("TTL_EXPIRED"));
                Assert.That(dlq.Ack, Is.Null);

                Receipt discard = rx.Receive(Expired.Replace("{0}", "2").Replace("{1}", ",\"onExpiry\":\"DISCARD\""));
                Assert.That(discard.Routing, Is.EqualTo("DISCARD"));
                Assert.That(discard.Ack, Is.Null);

                Receipt returned = rx.Receive(Expired.Replace("{0}", "3").Replace("{1}", ",\"onExpiry\":\"RETURN\""));
                Assert.That(returned.Routing, Is.EqualTo("RETURN"));
                Assert.That(returned.DeadLetterReason, Is.EqualTo("TTL_EXPIRED"));
                Assert.That(returned.Ack.GetJson("/lex/payload/acknowledgment/status"), Is.EqualTo("\"REJECTED\""));
            }
        }
    }
}
