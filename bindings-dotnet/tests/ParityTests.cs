using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace LexEdi.Tests
{
    /// <summary>The operations added for parity, the error families, and bad input.</summary>
    [TestFixture]
    public class ParityTests
    {
        [Test]
        public void X12FunctionalAckRoundTrip()
        {
            using (Message m = Lex.Parse(ApiTests.Lead))
            {
                string ack = Lex.X12FunctionalAck(m.ToX12());
                Assert.That(ack, Is.StringStarting("ISA"));
                Assert.That(ack, Is.StringContaining("ST*997*"));
                string groups = Lex.X12ReadFunctionalAck(ack);
                Assert.That(groups, Is.StringStarting("[{\"functionalId\":\"PO\","));
                Assert.That(groups, Is.StringContaining("\"status\":\"A\""));
            }
            Assert.Throws<ParseException>(() => Lex.X12FunctionalAck("{}"));
        }

        [Test]
        public void EdifactContrlRoundTrip()
        {
            using (Message m = Lex.Parse(ApiTests.Lead))
            {
                string contrl = Lex.EdifactContrl(m.ToEdifact());
                Assert.That(contrl, Is.StringContaining("CONTRL:D:3:UN"));
                Assert.That(Lex.EdifactContrlRead(contrl), Is.StringContaining("\"accepted\":true"));
            }
        }

        [Test]
        public void DuplicateClosureAndSerializeAll()
        {
            using (Message m = Lex.Parse(ApiTests.Lead))
            {
                var at = new BuildOptions { Now = new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero) };
                using (Message c = Lex.DuplicateClosure(m, "LEAD-CANONICAL-1", at))
                {
                    Assert.That(c.MessageType, Is.EqualTo(MessageType.LeadClosure));
                    Assert.That(c.ToJson(), Is.StringContaining("\"duplicateOfLeadId\":\"LEAD-CANONICAL-1\""));
                }
                Assert.That(Lex.SerializeAll(new List<Message> { m, m }, Format.X12), Is.StringContaining("GE*2*"));
                Assert.Throws<LexArgumentException>(() => Lex.SerializeAll(new List<Message> { m, m }, Format.Json));
            }
        }

        [Test]
        public void MayForwardReadsTheAccessors()
        {
            using (Message m = Lex.Parse(ApiTests.Lead))
            {
                ForwardDecision d = Lex.MayForward(m, "ANYONE");
                Assert.That(d.Allowed, Is.True);
                Assert.That(d.Code, Is.EqualTo("FORWARD_NO_GOVERNANCE"));
                Assert.That(d.RuleId, Is.EqualTo("DG-010"));
                Assert.That(d.Policy, Is.Null);
                Assert.That(d.Json, Is.StringStarting("{\"allowed\":true,\"code\":\"FORWARD_NO_GOVERNANCE\""));
            }
        }

        [Test]
        public void EveryFamilyHasOneClassUnderLexException()
        {
            foreach (Type t in new[] { typeof(ParseException), typeof(LimitException), typeof(LexArgumentException), typeof(ConversionException), typeof(IoException), typeof(InternalException) })
            {
                Assert.That(typeof(LexException).IsAssignableFrom(t), t.Name);
            }
        }

        private static void Argument(string text, TestDelegate call)
        {
            var e = Assert.Throws<LexArgumentException>(call);
            Assert.That(e.Code, Is.EqualTo("INVALID_ARGUMENT"));
            Assert.That(e.Message, Is.StringStarting(text));
        }

        [Test]
        public void BadInputRaisesTheCoreArgumentError()
        {
            Argument("level must be 1, 2 or 3, not 0", () => Lex.Validate(ApiTests.Lead, new ValidationOptions { Level = 0 }));
            Argument("level must be 1, 2 or 3, not 4", () => Lex.Validate(ApiTests.Lead, new ValidationOptions { Level = 4 }));
            Argument("level must be 1, 2 or 3, not 300", () => Lex.Validate(ApiTests.Lead, new ValidationOptions { Level = 300 }));
            Argument("limit MaxDepth must be a positive integer, not -1", () => Lex.Parse(ApiTests.Lead, Format.Auto, new ValidationOptions { MaxDepth = -1 }));
            Argument("42 is not a lex_format", () => Lex.Parse(ApiTests.Lead, (Format)42));
            Message m = Lex.Parse(ApiTests.Lead);
            m.Dispose();
            Argument("the message was closed and cannot be used", () => m.ToJson());
        }
    }
}
