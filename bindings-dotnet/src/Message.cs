using System;
using System.Collections.Generic;

namespace LexEdi
{
    /// <summary>
    /// A LEX message that was read or built. Immutable: any number of threads may use one
    /// message at once. Dispose it to release the native memory early (the finalizer of its
    /// handle does it otherwise).
    /// </summary>
    public sealed class Message : IDisposable
    {
        internal readonly MessageHandle Handle;

        internal Message(IntPtr ptr)
        {
            Handle = new MessageHandle(ptr);
        }

        /// <summary>The type from the header.</summary>
        public MessageType MessageType
        {
            get
            {
                string wire = MessageTypeName;
                MessageType? t = WireNames.ParseMessageType(wire);
                if (!t.HasValue)
                {
                    throw new LexException("INTERNAL_ERROR", LexStatus.Internal, "unknown message type " + wire, null, null);
                }
                return t.Value;
            }
        }

        /// <summary>The wire name of the type (<c>LEAD</c>, <c>LEAD_CLOSURE</c>, ...).</summary>
        public string MessageTypeName
        {
            get
            {
                LexStr s;
                Interop.Check(Native.lex_message_type(Live(), out s));
                return Interop.Str(s);
            }
        }

        /// <summary>The <c>messageId</c> of the header, or null when absent.</summary>
        public string MessageId
        {
            get
            {
                LexStr s;
                Interop.Check(Native.lex_message_id(Live(), out s));
                return Interop.Str(s);
            }
        }

        /// <summary>The format the message was read from (<see cref="Format.Json"/> for built messages).</summary>
        public Format SourceFormat
        {
            get
            {
                int f;
                Interop.Check(Native.lex_message_source_format(Live(), out f));
                return (Format)f;
            }
        }

        /// <summary>The warnings (and errors, if any) found while reading: aliases, BOM, EDI envelope findings.</summary>
        public IReadOnlyList<Issue> ReadWarnings
        {
            get
            {
                IntPtr r = IntPtr.Zero;
                Interop.Check(Native.lex_message_read_issues(Live(), ref r));
                using (var report = new Report(r))
                {
                    return report.Issues;
                }
            }
        }

        /// <summary>The canonical JSON-EDI text (compact unless <paramref name="pretty"/>).</summary>
        public string ToJson(bool pretty = false)
        {
            var buf = new LexBuf();
            Interop.Check(Native.lex_message_to_json(Live(), pretty ? (byte)1 : (byte)0, ref buf));
            return Interop.Take(ref buf);
        }

        /// <summary>The XML-EDI text.</summary>
        public string ToXml(bool pretty = false)
        {
            return Serialize(Format.Xml, pretty);
        }

        /// <summary>The ANSI X12 850 text.</summary>
        public string ToX12()
        {
            return Serialize(Format.X12, false);
        }

        /// <summary>The UN/EDIFACT ORDERS text.</summary>
        public string ToEdifact()
        {
            return Serialize(Format.Edifact, false);
        }

        /// <summary>The message written in <paramref name="format"/> (not <see cref="Format.Auto"/>).</summary>
        /// <exception cref="ConversionException">The message cannot be written in that format.</exception>
        public string Serialize(Format format, bool pretty = false)
        {
            var buf = new LexBuf();
            IntPtr err = IntPtr.Zero;
            Interop.Check(Native.lex_message_serialize(Live(), (int)format, pretty ? (byte)1 : (byte)0, ref buf, ref err), err);
            return Interop.Take(ref buf);
        }

        /// <summary>
        /// The JSON text of the value at an RFC 6901 pointer (e.g. <c>/lex/payload/lead/status</c>
        /// gives <c>"ORDER"</c> with its quotes), or null when nothing is there.
        /// </summary>
        public string GetJson(string pointer)
        {
            UIntPtr len;
            byte[] p = Interop.Utf8(pointer ?? throw new ArgumentNullException("pointer"), out len);
            var buf = new LexBuf();
            IntPtr err = IntPtr.Zero;
            Interop.Check(Native.lex_message_get_json(Live(), p, len, ref buf, ref err), err);
            return Interop.Take(ref buf);
        }

        /// <summary>The customer fingerprint of a LEAD (64 hex characters), or null when it has none.</summary>
        public string Fingerprint()
        {
            var buf = new LexBuf();
            Interop.Check(Native.lex_message_fingerprint(Live(), ref buf));
            return Interop.Take(ref buf);
        }

        /// <summary>Validates this message (same as <see cref="Lex.Validate(Message, ValidationOptions)"/>).</summary>
        public Report Validate(ValidationOptions options = null)
        {
            return Lex.Validate(this, options);
        }

        /// <summary>The canonical compact JSON.</summary>
        public override string ToString()
        {
            return ToJson();
        }

        /// <summary>Releases the native message.</summary>
        public void Dispose()
        {
            Handle.Dispose();
        }

        internal MessageHandle Live()
        {
            if (Handle.IsClosed)
            {
                throw Interop.Closed("message");
            }
            return Handle;
        }
    }
}
