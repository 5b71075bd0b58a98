using System;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace LexEdi.Tests
{
    /// <summary>The public surface on the example lead and small built messages.</summary>
    [TestFixture]
    public class ApiTests
    {
        internal static string LeadPath
        {
            get { return Path.Combine(VectorSupport.RepoRoot, "examples", "lead.json"); }
        }

        internal static byte[] Lead
        {
            get { return File.ReadAllBytes(LeadPath); }
        }

        internal static readonly ValidationOptions AtNow = new ValidationOptions { Now = DateTimeOffset.Parse("2026-05-04T10:00:00Z") };

        [Test]
        public void ConstantsComeFromTheLibrary()
        {
            Assert.That(Lex.Statuses.Count, Is.EqualTo(15));
            Assert.That(Lex.Statuses[0], Is.EqualTo("CART"));
            Assert.That(Lex.Statuses[14], Is.EqualTo("ARCHIVED"));
            Assert.That(Lex.MessageTypes, Is.EqualTo(new[] { "LEAD", "ASSET", "ACKNOWLEDGMENT", "SUBSCRIPTION", "LEAD_CLOSURE" }));
            Assert.That(Lex.AckStatuses.Count, Is.EqualTo(8));
            Assert.That(Lex.AckStatuses[0], Is.EqualTo("RECEIVED"));
            Assert.That(Lex.LexVersion, Is.EqualTo("1.0"));
            Assert.That(Lex.Version, Is.StringMatching(@"^\d+\.\d+\.\d+"));
            Assert.That(Lex.AbiVersion, Is.StringStarting(Native.AbiMajor + "."));
        }

        [Test]
        public void EnumsMatchTheLibraryLists()
        {
            var statuses = Enum.GetValues(typeof(LeadStatus)).Cast<LeadStatus>().Select(s => s.ToWire()).ToArray();
            Assert.That(statuses, Is.EqualTo(Lex.Statuses.ToArray()));
            var types = Enum.GetValues(typeof(MessageType)).Cast<MessageType>().Select(t => t.ToWire()).ToArray();
            Assert.That(types, Is.EqualTo(Lex.MessageTypes.ToArray()));
            Assert.That(WireNames.ParseLeadStatus("TEST_DRIVE_REQUESTED"), Is.EqualTo(LeadStatus.TestDriveRequested));
            Assert.That(WireNames.ParseMessageType("INQUIRY"), Is.Null);
        }

        [Test]
        public void ParseReadsTheExampleLead()
        {
            using (Message m = Lex.Parse(Lead))
            {
                Assert.That(m.MessageType, Is.EqualTo(MessageType.Lead));
                Assert.That(m.MessageTypeName, Is.EqualTo("LEAD"));
                Assert.That(m.MessageId, Is.EqualTo("5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23"));
                Assert.That(m.SourceFormat, Is.EqualTo(Format.Json));
                Assert.That(m.GetJson("/lex/payload/lead/status"), Is.EqualTo("\"EXPRESSED_INTEREST\""));
                Assert.That(m.GetJson("/lex/payload/nothing"), Is.Null);
                Assert.That(m.ReadWarnings, Is.Empty);
                Assert.That(m.Fingerprint(), Is.StringMatching("^[0-9a-f]{64}$"));
                Assert.That(m.Fingerprint(), Is.EqualTo(Lex.Fingerprint("amara.okafor@example.org", "+447700900123", "Okafor")));
                Assert.That(m.ToJson(), Is.StringStarting("{\"lex\":{\"header\":{\"messageId\":\"5f0c6a52"));
                Assert.That(m.ToJson(true), Is.StringContaining("\n"));
                Assert.That(m.ToString(), Is.EqualTo(m.ToJson()));
            }
        }

        [Test]
        public void EveryFormatRoundTripsOrIsReportedUnrepresentable()
        {
            using (Message m = Lex.Parse(Lead))
            {
                string json = m.ToJson();
                Assert.That(Lex.Convert(Lead, Format.Json), Is.EqualTo(json));
                Assert.That(Lex.Convert(Lead, Format.Json, Format.Json, true), Is.EqualTo(m.ToJson(true)));
                foreach (Format f in new[] { Format.Xml, Format.X12, Format.Edifact })
                {
                    string text;
                    try
                    {
                        text = m.Serialize(f);
                    }
                    catch (ConversionException e)
                    {
                        // A codec that is not built in yet refuses with a typed, coded error.
                        Assert.That(e.Code, Is.EqualTo("UNREPRESENTABLE"));
                        Assert.That(e.Status, Is.EqualTo(LexStatus.Unrepresentable));
                        Assert.Throws<ConversionException>(() => Lex.Convert(Lead, f));
                        continue;
                    }
                    Assert.That(Lex.Detect(text), Is.EqualTo(f), f.ToString());
                    Assert.That(Lex.Convert(Lead, f), Is.EqualTo(text), f.ToString());
                    using (Message back = Lex.Parse(text, f))
                    {
                        Assert.That(back.SourceFormat, Is.EqualTo(f));
                        Assert.That(back.ToJson(), Is.EqualTo(json), f.ToString());
                    }
                }
            }
        }

        [Test]
        public void FormatShortcutsEqualSerialize()
        {
            using (Message m = Lex.Parse(Lead))
            {
                Assert.That(TextOrError(() => m.ToXml()), Is.EqualTo(TextOrError(() => m.Serialize(Format.Xml))));
                Assert.That(TextOrError(() => m.ToX12()), Is.EqualTo(TextOrError(() => m.Serialize(Format.X12))));
                Assert.That(TextOrError(() => m.ToEdifact()), Is.EqualTo(TextOrError(() => m.Serialize(Format.Edifact))));
                Assert.That(m.Serialize(Format.Json), Is.EqualTo(m.ToJson()));
            }
        }

        private static string TextOrError(Func<string> f)
        {
            try
            {
                return f();
            }
            catch (LexException e)
            {
                return "error " + e.Code;
            }
        }

        [Test]
        public void DetectReturnsNullForUnknownInput()
        {
            Assert.That(Lex.Detect("hello"), Is.Null);
            Assert.That(Lex.Detect(Lead), Is.EqualTo(Format.Json));
        }

        [Test]
        public void ParseAllReadsEveryMessage()
        {
            var all = Lex.ParseAll(Lead);
            Assert.That(all.Count, Is.EqualTo(1));
            Assert.That(all[0].MessageId, Is.EqualTo("5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23"));
        }

        [Test]
        public void ValidateGivesAReport()
        {
            using (Report r = Lex.Validate(Lead, AtNow))
            {
                Assert.That(r.Valid, Is.True, r.ToJson());
                Assert.That(r.HttpStatus, Is.EqualTo(200));
                Assert.That(r.Errors, Is.Empty);
                Assert.That(r.ToJson(), Is.StringStarting("{"));
                r.ThrowIfInvalid();
            }
            using (Message m = Lex.Parse(Lead))
            {
                Assert.That(m.Validate(AtNow).ToJson(), Is.EqualTo(Lex.Validate(Lead, AtNow).ToJson()));
            }
        }

        [Test]
        public void InvalidMessagesReportIssuesNotExceptions()
        {
            string unknownType = File.ReadAllText(LeadPath).Replace("\"messageType\": \"LEAD\"", "\"messageType\": \"INQUIRY\"");
            Report r = Lex.Validate(unknownType, Format.Json, AtNow);
            Assert.That(r.Valid, Is.False);
            Assert.That(r.HttpStatus, Is.EqualTo(422));
            Assert.That(r.Errors.Count, Is.GreaterThan(0));
            Issue first = r.Errors[0];
            Assert.That(first.Level, Is.EqualTo(Level.Critical));
            Assert.That(first.Code, Is.EqualTo("INVALID_ENUM_VALUE"));
            Assert.That(first.Field, Is.EqualTo("lex.header.messageType"));
            Assert.That(first.Pointer, Is.EqualTo("/lex/header/messageType"));
            Assert.That(first.ToString(), Is.EqualTo("CRITICAL INVALID_ENUM_VALUE lex.header.messageType"));
            Assert.That(first.Json, Is.StringContaining("\"code\":\"" + first.Code + "\""));
            Assert.That(r.HasCode(first.Code), Is.True);
            Assert.That(r.HasCode("NO_SUCH_CODE"), Is.False);
            var e = Assert.Throws<LexValidationException>(r.ThrowIfInvalid);
            Assert.That(e.Report, Is.SameAs(r));
            Assert.That(e.Code, Is.EqualTo("VALIDATION_FAILED"));
        }

        [Test]
        public void Transitions()
        {
            Assert.That(Lex.TransitionAllowed("ORDER", "ORDER_CONFIRMED"), Is.True);
            Assert.That(Lex.TransitionAllowed(LeadStatus.Delivered, LeadStatus.Cart), Is.EqualTo(Lex.CheckTransition("DELIVERED", "CART") != Transition.Forbidden));
            Assert.That(Lex.CheckTransition(LeadStatus.Order, LeadStatus.OrderConfirmed, TransitionPolicy.StrictTable), Is.EqualTo(Transition.Allowed));
            Assert.That(Lex.CheckTransition("CART", "ARCHIVED"), Is.EqualTo(Transition.Allowed));
        }

        [Test]
        public void TransitionsDoNotDependOnStringIdentity()
        {
            // Known statuses go through pinned UTF-8 (found by reference or by value); a copy of
            // a name must give the same verdict, and a near miss still reaches liblex's check.
            int forbidden = 0;
            foreach (TransitionPolicy policy in new[] { TransitionPolicy.Default, TransitionPolicy.StrictTable })
            {
                foreach (string from in Lex.Statuses)
                {
                    foreach (string to in Lex.Statuses)
                    {
                        Transition verdict = Lex.CheckTransition(from, to, policy);
                        string f = new string(from.ToCharArray()), t = new string(to.ToCharArray());
                        Assert.That(Lex.CheckTransition(f, t, policy), Is.EqualTo(verdict), from + " -> " + to);
                        if (policy == TransitionPolicy.Default)
                        {
                            Assert.That(Lex.TransitionAllowed(f, t), Is.EqualTo(verdict != Transition.Forbidden));
                        }
                        forbidden += verdict == Transition.Forbidden ? 1 : 0;
                    }
                }
            }
            Assert.That(forbidden, Is.GreaterThan(0).And.LessThan(2 * Lex.Statuses.Count * Lex.Statuses.Count));
            Assert.Throws<LexArgumentException>(() => Lex.CheckTransition("CART ", "ORDER"));
            Assert.Throws<ArgumentNullException>(() => Lex.TransitionAllowed("CART", null));
        }

        // A LEAD payload that passes the rules new messages are checked against.
        private const string LeadPayload =
            "{\"leadId\":\"LEAD-00001\",\"status\":\"CART\",\"source\":\"RETAILER_WEBSITE\","
            + "\"customer\":{\"firstName\":\"Jane\",\"lastName\":\"Smith\",\"emailAddress\":\"jane@example.com\","
            + "\"phoneNumber\":\"+14155551234\"},\"desiredProduct\":{\"productType\":\"VEHICLE_NEW\"},"
            + "\"metadata\":{\"createdDate\":\"2026-05-04T09:00:00Z\",\"countryCode\":\"US\"}}";

        [Test]
        public void NewMessageAndAcknowledge()
        {
            var build = new BuildOptions { Now = DateTimeOffset.Parse("2026-05-04T10:00:00Z"), MessageId = "m-fixed-1" };
            using (Message m = Lex.NewMessage(MessageType.Lead, LeadPayload, "S-1", "R-1", build))
            {
                Assert.That(m.MessageId, Is.EqualTo("m-fixed-1"));
                Assert.That(m.MessageType, Is.EqualTo(MessageType.Lead));
                Assert.That(m.GetJson("/lex/header/timestamp"), Is.EqualTo("\"2026-05-04T10:00:00Z\""));
                Assert.That(m.GetJson("/lex/header/version"), Is.EqualTo("\"1.0\""));
                Assert.That(m.GetJson("/lex/payload/lead/leadId"), Is.EqualTo("\"LEAD-00001\""));
                using (Message ack = Lex.Acknowledge(m, null, null, new BuildOptions { MessageId = "ack-1" }))
                {
                    Assert.That(ack.MessageType, Is.EqualTo(MessageType.Acknowledgment));
                    Assert.That(ack.MessageId, Is.EqualTo("ack-1"));
                    Assert.That(ack.GetJson("/lex/payload/acknowledgment/status"), Is.EqualTo("\"RECEIVED\""));
                    Assert.That(ack.GetJson("/lex/payload/acknowledgment/correlationId"), Is.EqualTo("\"m-fixed-1\""));
                    var e = Assert.Throws<LexArgumentException>(() => Lex.Acknowledge(ack));
                    Assert.That(e.Code, Is.EqualTo("INVALID_ARGUMENT"));
                }
                using (Message ack = Lex.Acknowledge(m, "PROCESSED"))
                {
                    Assert.That(ack.GetJson("/lex/payload/acknowledgment/status"), Is.EqualTo("\"PROCESSED\""));
                    Assert.That(ack.MessageId, Is.StringMatching("^[0-9a-f-]{36}$"));
                }
            }
            using (Message fresh = Lex.NewMessage(MessageType.Lead, LeadPayload, "S-1", "R-1"))
            {
                Assert.That(fresh.MessageId, Is.StringMatching("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
            }
        }

        [Test]
        public void ReceiverDeduplicatesByMessageId()
        {
            using (var rx = new Receiver(AtNow))
            {
                Receipt first = rx.Receive(Lead);
                Assert.That(first.Outcome, Is.EqualTo(Outcome.Accepted), first.Report.ToJson());
                Assert.That(first.Duplicate, Is.False);
                Assert.That(first.HttpStatus, Is.EqualTo(200));
                Assert.That(first.Ack, Is.Not.Null);
                Assert.That(first.Ack.GetJson("/lex/payload/acknowledgment/correlationId"), Is.EqualTo("\"5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23\""));
                Assert.That(first.Message.MessageId, Is.EqualTo("5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23"));
                Receipt again = rx.Receive(File.ReadAllText(LeadPath));
                Assert.That(again.Duplicate, Is.True);
                using (Message m = Lex.Parse(Lead))
                {
                    Assert.That(rx.Receive(m).Duplicate, Is.True);
                }
                var all = rx.ReceiveAll(Lead);
                Assert.That(all.Count, Is.EqualTo(1));
                Assert.That(all[0].Duplicate, Is.True);
            }
        }
    }
}
