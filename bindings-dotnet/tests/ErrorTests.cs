using System;
using System.Runtime.InteropServices;
using System.Text;
using NUnit.Framework;

namespace LexEdi.Tests
{
    /// <summary>Failures become typed exceptions with codes and locations; a panic is one of them.</summary>
    [TestFixture]
    public class ErrorTests
    {
        // Exported only by the debug-hooks build the tests run against (never by `make dotnet`).
        [DllImport(Native.Lib, CallingConvention = CallingConvention.Cdecl)]
        private static extern int lex_debug_force_panic(ref IntPtr err);

        [Test]
        public void ParseErrorCarriesItsLocation()
        {
            var e = Assert.Throws<ParseException>(() => Lex.Parse("{\n  \"lex\": {\n    \"header\": }\n}\n"));
            Assert.That(e.Code, Is.EqualTo("SYNTAX_ERROR"));
            Assert.That(e.Status, Is.EqualTo(LexStatus.ParseError));
            Assert.That(e.Line, Is.EqualTo(3));
            Assert.That(e.Column, Is.EqualTo(15));
            Assert.That(e.Offset, Is.EqualTo(27));
            Assert.That(e.Segment, Is.Null);
            Assert.That(e.SegmentId, Is.Null);
            Assert.That(e.Element, Is.Null);
            Assert.That(e.Message, Is.Not.Empty);
            Assert.That(e, Is.InstanceOf<LexException>());
        }

        [Test]
        public void UnreadableInputsAreParseErrors()
        {
            Assert.That(Assert.Throws<ParseException>(() => Lex.Parse("{\"a\":1,\"a\":2}", Format.Json)).Code, Is.Not.Empty);
            Assert.Throws<ParseException>(() => Lex.Parse("   "));
            Assert.Throws<ParseException>(() => Lex.Parse(new byte[0]));
            Assert.Throws<ParseException>(() => Lex.Parse("hello"));
            Assert.Throws<ParseException>(() => Lex.Parse(new byte[] { (byte)'{', (byte)'"', 0xff, (byte)'"', (byte)'}' }));
            Assert.That(Assert.Throws<ParseException>(() => Lex.Validate("{]")).Code, Is.EqualTo("SYNTAX_ERROR"));
            Assert.That(Assert.Throws<ParseException>(() => Lex.Convert("{", Format.Xml)).Code, Is.EqualTo("SYNTAX_ERROR"));
            using (var rx = new Receiver())
            {
                Assert.That(Assert.Throws<ParseException>(() => rx.Receive("{")).Code, Is.EqualTo("SYNTAX_ERROR"));
            }
        }

        [Test]
        public void LimitsAreLimitExceptions()
        {
            const string deep = "{\"lex\":{\"header\":{\"a\":{\"b\":{}}}}}";
            var e = Assert.Throws<LimitException>(() => Lex.Parse(deep, Format.Auto, new ValidationOptions { MaxDepth = 3 }));
            Assert.That(e.Code, Is.EqualTo("DEPTH_LIMIT_EXCEEDED"));
            Assert.That(e.Status, Is.EqualTo(LexStatus.LimitExceeded));
            e = Assert.Throws<LimitException>(() => Lex.Validate(deep, new ValidationOptions { MaxInputBytes = 10 }));
            Assert.That(e.Code, Is.EqualTo("SIZE_LIMIT_EXCEEDED"));
            string huge = new string('[', 10000) + new string(']', 10000);
            Assert.That(Assert.Throws<LimitException>(() => Lex.Parse(huge, Format.Json)).Code, Is.EqualTo("DEPTH_LIMIT_EXCEEDED"));
        }

        [Test]
        public void ChangedOptionsApplyFromTheNextCall()
        {
            const string deep = "{\"lex\":{\"header\":{\"a\":{\"b\":{}}}}}";
            var options = new ValidationOptions();
            Assert.That(Lex.Parse(deep, Format.Auto, options).MessageTypeName, Is.Null);
            options.MaxDepth = 3;
            Assert.Throws<LimitException>(() => Lex.Parse(deep, Format.Auto, options));
            Assert.Throws<LimitException>(() => Lex.Parse(deep, Format.Auto, options));
            options.MaxDepth = null;
            Assert.That(Lex.Parse(deep, Format.Auto, options).MessageId, Is.Null);
            options.Level = 9;
            Assert.Throws<LexArgumentException>(() => Lex.Parse(deep, Format.Auto, options));
            options.Level = 3;
            Assert.That(Lex.Parse(deep, Format.Auto, options).MessageId, Is.Null);
        }

        [Test]
        public void BadArgumentsAreArgumentExceptions()
        {
            Assert.That(Assert.Throws<LexArgumentException>(() => Lex.Validate(ApiTests.Lead, new ValidationOptions { Level = 4 })).Code, Is.EqualTo("INVALID_ARGUMENT"));
            Assert.Throws<LexArgumentException>(() => Lex.Validate(ApiTests.Lead, new ValidationOptions { Level = 0 }));
            Assert.Throws<LexArgumentException>(() => Lex.Parse(ApiTests.Lead, Format.Auto, new ValidationOptions { MaxNodes = 0 }));
            Assert.Throws<LexArgumentException>(() => Lex.Parse(ApiTests.Lead, Format.Auto, new ValidationOptions { MaxDepth = -1 }));
            Assert.Throws<LexArgumentException>(() => Lex.Parse(ApiTests.Lead, (Format)42));
            Assert.Throws<LexArgumentException>(() => Lex.Validate(ApiTests.Lead, new ValidationOptions { Mode = (ReadMode)2 }));
            var e = Assert.Throws<LexArgumentException>(() => Lex.CheckTransition("ABANDONED", "CART"));
            Assert.That(e.Code, Is.EqualTo("INVALID_ARGUMENT"));
            Assert.That(e.Status, Is.EqualTo(LexStatus.InvalidArgument));
            Assert.Throws<LexArgumentException>(() => Lex.CheckTransition("CART", "CART", (TransitionPolicy)9));
            Assert.Throws<LexArgumentException>(() => Lex.TransitionAllowed("CART", "cart"));
            Assert.Throws<LexArgumentException>(() => Lex.NewMessage((MessageType)99, "{}", "S", "R"));
            Assert.Throws<LexArgumentException>(() => Lex.NewMessage(MessageType.Lead, "[1]", "S", "R"));
            Assert.That(Assert.Throws<ParseException>(() => Lex.NewMessage(MessageType.Lead, "{oops", "S", "R")).Code, Is.EqualTo("SYNTAX_ERROR"));
            using (Message m = Lex.Parse(ApiTests.Lead))
            {
                Assert.Throws<LexArgumentException>(() => Lex.Acknowledge(m, "MAYBE"));
                Assert.Throws<LexArgumentException>(() => m.Serialize(Format.Auto));
            }
            Assert.Throws<ArgumentNullException>(() => Lex.Parse((byte[])null));
            Assert.Throws<ArgumentNullException>(() => Lex.Parse((string)null));
            Assert.Throws<ArgumentNullException>(() => Lex.Validate((Message)null));
        }

        [Test]
        public void AbiMismatchNamesBothVersions()
        {
            Interop.CheckAbi((Native.AbiMajor << 16) | 7);
            var e = Assert.Throws<LexException>(() => Interop.CheckAbi(((Native.AbiMajor + 1) << 16) | 3));
            Assert.That(e.Code, Is.EqualTo("ABI_MISMATCH"));
            Assert.That(e.Message, Is.StringContaining("ABI " + Native.AbiMajor + "." + Native.AbiMinor));
            Assert.That(e.Message, Is.StringContaining("ABI " + (Native.AbiMajor + 1) + ".3"));
        }

        [Test]
        public void APanicBecomesALexExceptionAndTheLibraryStaysUsable()
        {
            Lex.Statuses.ToString(); // load and check the library first
            IntPtr err = IntPtr.Zero;
            int status = lex_debug_force_panic(ref err);
            var e = Assert.Throws<InternalException>(() => Interop.Check(status, err));
            Assert.That(e.Status, Is.EqualTo(LexStatus.Panic));
            Assert.That(e.Code, Is.EqualTo("INTERNAL_ERROR"));
            Assert.That(e, Is.InstanceOf<LexException>());
            using (Message m = Lex.Parse(ApiTests.Lead))
            {
                Assert.That(m.MessageType, Is.EqualTo(MessageType.Lead));
            }
        }

        [Test]
        public void DisposedObjectsRefuseUse()
        {
            Message m = Lex.Parse(ApiTests.Lead);
            Report r = m.Validate(ApiTests.AtNow);
            m.Dispose();
            m.Dispose(); // twice is fine
            Assert.Throws<LexArgumentException>(() => m.ToJson());
            Assert.Throws<LexArgumentException>(() => Lex.Validate(m));
            r.Dispose();
            Assert.That(r.Valid, Is.True); // the read values stay
            Assert.Throws<LexArgumentException>(() => r.ToJson());
            var rx = new Receiver();
            rx.Dispose();
            Assert.Throws<LexArgumentException>(() => rx.Receive(ApiTests.Lead));
        }

        [Test]
        public void TextIsUtf8BothWays()
        {
            string json = Encoding.UTF8.GetString(ApiTests.Lead).Replace("Okafor", "Økafor-Straße-日本");
            using (Message m = Lex.Parse(json))
            {
                Assert.That(m.GetJson("/lex/payload/lead/customer/lastName"), Is.EqualTo("\"Økafor-Straße-日本\""));
            }
        }
    }
}
