using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using System.Text;

[assembly: InternalsVisibleTo("LexEdi.Tests")]

namespace LexEdi
{
    /// <summary>
    /// The LEX toolkit: read, validate, convert and build LEX 1.0 messages. Every operation
    /// runs in the Rust core through liblex; failures throw a <see cref="LexException"/>,
    /// validation findings come back in a <see cref="Report"/>. All members are thread-safe.
    /// </summary>
    public static class Lex
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, true);
        private static IReadOnlyList<string> statuses;
        private static IReadOnlyList<string> messageTypes;
        private static IReadOnlyList<string> ackStatuses;

        /// <summary>The version of liblex (and of this package: they are released together).</summary>
        public static string Version
        {
            get
            {
                Interop.EnsureLoaded();
                return Interop.Str(Native.lex_version());
            }
        }

        /// <summary>The LEX standard version implemented (<c>1.0</c>).</summary>
        public static string LexVersion
        {
            get
            {
                Interop.EnsureLoaded();
                return Interop.Str(Native.lex_spec_version());
            }
        }

        /// <summary>The C ABI version of the loaded liblex, as <c>major.minor</c>.</summary>
        public static string AbiVersion
        {
            get
            {
                Interop.EnsureLoaded();
                uint v = Native.lex_abi_version();
                return (v >> 16) + "." + (v & 0xFFFF);
            }
        }

        /// <summary>The 15 lead statuses, in lifecycle order.</summary>
        public static IReadOnlyList<string> Statuses
        {
            get { return statuses ?? (statuses = Freeze(Interop.ReadList(Native.lex_statuses_count, Native.lex_statuses_get))); }
        }

        /// <summary>The five message type wire names.</summary>
        public static IReadOnlyList<string> MessageTypes
        {
            get { return messageTypes ?? (messageTypes = Freeze(Interop.ReadList(Native.lex_message_types_count, Native.lex_message_types_get))); }
        }

        /// <summary>The acknowledgment statuses.</summary>
        public static IReadOnlyList<string> AckStatuses
        {
            get { return ackStatuses ?? (ackStatuses = Freeze(Interop.ReadList(Native.lex_ack_statuses_count, Native.lex_ack_statuses_get))); }
        }

        // ---------------------------------------------------------------- reading

        /// <summary>Reads one message (the format is detected when <paramref name="format"/> is Auto).</summary>
        /// <exception cref="ParseException">Unreadable input, with its location.</exception>
        /// <exception cref="LimitException">The input exceeds a limit of <paramref name="options"/>.</exception>
        public static Message Parse(byte[] input, Format format = Format.Auto, ValidationOptions options = null)
        {
            UIntPtr len = Interop.Len(input, "input");
            ValidateOptionsHandle o = ValidationOptions.NativeOf(options); // shared and cached: not disposed
            IntPtr err = IntPtr.Zero;
            IntPtr ptr = IntPtr.Zero;
            Interop.Check(Native.lex_message_parse(input, len, (int)format, o, ref ptr, ref err), err);
            return new Message(ptr);
        }

        /// <summary>Reads one message from text.</summary>
        public static Message Parse(string input, Format format = Format.Auto, ValidationOptions options = null)
        {
            return Parse(Bytes(input), format, options);
        }

        /// <summary>Reads every message of an input (an EDI interchange may hold several).</summary>
        public static IReadOnlyList<Message> ParseAll(byte[] input, Format format = Format.Auto, ValidationOptions options = null)
        {
            UIntPtr len = Interop.Len(input, "input");
            IntPtr ptr = IntPtr.Zero;
            ValidateOptionsHandle o = ValidationOptions.NativeOf(options); // shared and cached: not disposed
            IntPtr err = IntPtr.Zero;
            Interop.Check(Native.lex_message_list_parse(input, len, (int)format, o, ref ptr, ref err), err);
            using (var list = new MessageListHandle(ptr))
            {
                IntPtr raw = list.DangerousGetHandle();
                UIntPtr n;
                Interop.Check(Native.lex_message_list_count(raw, out n));
                var messages = new Message[(int)n.ToUInt64()];
                for (int i = 0; i < messages.Length; i++)
                {
                    IntPtr m = IntPtr.Zero;
                    err = IntPtr.Zero;
                    Interop.Check(Native.lex_message_list_get(raw, new UIntPtr((uint)i), ref m, ref err), err);
                    messages[i] = new Message(m);
                }
                return new ReadOnlyCollection<Message>(messages);
            }
        }

        /// <summary>Reads every message of a text.</summary>
        public static IReadOnlyList<Message> ParseAll(string input, Format format = Format.Auto, ValidationOptions options = null)
        {
            return ParseAll(Bytes(input), format, options);
        }

        /// <summary>Detects the format of an input from its first bytes; null when nothing matches.</summary>
        public static Format? Detect(byte[] input)
        {
            UIntPtr len = Interop.Len(input, "input");
            Interop.EnsureLoaded();
            IntPtr err = IntPtr.Zero;
            int f;
            Interop.Check(Native.lex_input_detect(input, len, out f, ref err), err);
            return f == (int)Format.Auto ? (Format?)null : (Format)f;
        }

        /// <summary>Detects the format of a text; null when nothing matches.</summary>
        public static Format? Detect(string input)
        {
            return Detect(Bytes(input));
        }

        // ---------------------------------------------------------------- validation

        /// <summary>Validates a message that was already read.</summary>
        public static Report Validate(Message message, ValidationOptions options = null)
        {
            if (message == null)
            {
                throw new ArgumentNullException("message");
            }
            ValidateOptionsHandle o = ValidationOptions.NativeOf(options); // shared and cached: not disposed
            IntPtr err = IntPtr.Zero;
            IntPtr ptr = IntPtr.Zero;
            Interop.Check(Native.lex_message_validate(message.Live(), o, ref ptr, ref err), err);
            return new Report(ptr);
        }

        /// <summary>Reads and validates an input: findings come back in the report.</summary>
        /// <exception cref="ParseException">The input is not a readable LEX message.</exception>
        /// <exception cref="LimitException">The input exceeds a limit of <paramref name="options"/>.</exception>
        public static Report Validate(byte[] input, Format format, ValidationOptions options = null)
        {
            UIntPtr len = Interop.Len(input, "input");
            ValidateOptionsHandle o = ValidationOptions.NativeOf(options); // shared and cached: not disposed
            IntPtr err = IntPtr.Zero;
            IntPtr ptr = IntPtr.Zero;
            Interop.Check(Native.lex_input_validate(input, len, (int)format, o, ref ptr, ref err), err);
            return new Report(ptr);
        }

        /// <summary>Reads (detecting the format) and validates an input.</summary>
        public static Report Validate(byte[] input, ValidationOptions options = null)
        {
            return Validate(input, Format.Auto, options);
        }

        /// <summary>Reads and validates a text.</summary>
        public static Report Validate(string input, Format format, ValidationOptions options = null)
        {
            return Validate(Bytes(input), format, options);
        }

        /// <summary>Reads (detecting the format) and validates a text.</summary>
        public static Report Validate(string input, ValidationOptions options = null)
        {
            return Validate(Bytes(input), Format.Auto, options);
        }

        // ---------------------------------------------------------------- conversion

        /// <summary>Converts an input to another format (lossless); <paramref name="from"/> Auto detects.</summary>
        /// <exception cref="ParseException">The input is unreadable.</exception>
        /// <exception cref="ConversionException">The message cannot be written in <paramref name="to"/>.</exception>
        public static string Convert(byte[] input, Format to, Format from = Format.Auto, bool pretty = false, ValidationOptions options = null)
        {
            UIntPtr len = Interop.Len(input, "input");
            ValidateOptionsHandle o = ValidationOptions.NativeOf(options); // shared and cached: not disposed
            var buf = new LexBuf();
            IntPtr err = IntPtr.Zero;
            Interop.Check(Native.lex_input_convert(input, len, (int)to, (int)from, pretty ? (byte)1 : (byte)0, o, ref buf, ref err), err);
            return Interop.Take(ref buf);
        }

        /// <summary>Converts a text to another format.</summary>
        public static string Convert(string input, Format to, Format from = Format.Auto, bool pretty = false, ValidationOptions options = null)
        {
            return Convert(Bytes(input), to, from, pretty, options);
        }

        // ---------------------------------------------------------------- builders

        /// <summary>
        /// Wraps a payload body (a JSON object) in a new envelope with a UUID v4 messageId, the
        /// current UTC timestamp and version 1.0 (<paramref name="options"/> can fix clock and id).
        /// </summary>
        public static Message NewMessage(MessageType type, string payloadJson, string senderId, string receiverId, BuildOptions options = null)
        {
            UIntPtr tl, pl, sl, rl;
            byte[] t = Interop.Utf8(type.ToWire(), out tl);
            byte[] p = Interop.Utf8(payloadJson ?? throw new ArgumentNullException("payloadJson"), out pl);
            byte[] s = Interop.Utf8(senderId ?? throw new ArgumentNullException("senderId"), out sl);
            byte[] r = Interop.Utf8(receiverId ?? throw new ArgumentNullException("receiverId"), out rl);
            using (var o = BuildOptions.NativeOf(options))
            {
                IntPtr err = IntPtr.Zero;
                IntPtr ptr = IntPtr.Zero;
                Interop.Check(Native.lex_message_new(t, tl, p, pl, s, sl, r, rl, o, ref ptr, ref err), err);
                return new Message(ptr);
            }
        }

        /// <summary>
        /// Builds the ACKNOWLEDGMENT answering <paramref name="message"/>. <paramref name="report"/>
        /// supplies validationResults (an invalid one makes it REJECTED); <paramref name="status"/>
        /// overrides the default status (RECEIVED, PROCESSED for a LEAD_CLOSURE).
        /// </summary>
        /// <exception cref="LexArgumentException">Unknown status, or the message is itself an acknowledgment.</exception>
        public static Message Acknowledge(Message message, string status = null, Report report = null, BuildOptions options = null)
        {
            if (message == null)
            {
                throw new ArgumentNullException("message");
            }
            UIntPtr sl;
            byte[] s = Interop.Utf8(status, out sl);
            bool addedRef = false;
            ReportHandle rh = report == null ? null : report.Live();
            try
            {
                if (rh != null)
                {
                    rh.DangerousAddRef(ref addedRef);
                }
                IntPtr rp = rh == null ? IntPtr.Zero : rh.DangerousGetHandle();
                using (var o = BuildOptions.NativeOf(options))
                {
                    IntPtr err = IntPtr.Zero;
                    IntPtr ptr = IntPtr.Zero;
                    Interop.Check(Native.lex_message_acknowledge(message.Live(), rp, s, sl, o, ref ptr, ref err), err);
                    return new Message(ptr);
                }
            }
            finally
            {
                if (addedRef)
                {
                    rh.DangerousRelease();
                }
            }
        }

        // ---------------------------------------------------------------- lifecycle

        /// <summary>True when a lead may move from one status to another (default policy).</summary>
        /// <exception cref="LexArgumentException">A status is none of the 15.</exception>
        public static bool TransitionAllowed(string from, string to)
        {
            IntPtr err = IntPtr.Zero;
            byte allowed;
            IntPtr fp, tp;
            UIntPtr fl, tl;
            if (KnownStatuses.TryGet(from, out fp, out fl) && KnownStatuses.TryGet(to, out tp, out tl))
            {
                // Two known statuses: pinned UTF-8, nothing to encode or marshal.
                Interop.Check(Native.lex_transition_allowed_pinned(fp, fl, tp, tl, out allowed, ref err), err);
                return allowed != 0;
            }
            byte[] f = Interop.Utf8(from ?? throw new ArgumentNullException("from"), out fl);
            byte[] t = Interop.Utf8(to ?? throw new ArgumentNullException("to"), out tl);
            Interop.EnsureLoaded();
            Interop.Check(Native.lex_transition_allowed(f, fl, t, tl, out allowed, ref err), err);
            return allowed != 0;
        }

        /// <summary>True when a lead may move from one status to another (default policy).</summary>
        public static bool TransitionAllowed(LeadStatus from, LeadStatus to)
        {
            return TransitionAllowed(from.ToWire(), to.ToWire());
        }

        /// <summary>The verdict on a status transition under a policy.</summary>
        /// <exception cref="LexArgumentException">A status is none of the 15.</exception>
        public static Transition CheckTransition(string from, string to, TransitionPolicy policy = TransitionPolicy.Default)
        {
            IntPtr err = IntPtr.Zero;
            int verdict;
            IntPtr fp, tp;
            UIntPtr fl, tl;
            if (KnownStatuses.TryGet(from, out fp, out fl) && KnownStatuses.TryGet(to, out tp, out tl))
            {
                // Two known statuses: pinned UTF-8, nothing to encode or marshal.
                Interop.Check(Native.lex_transition_check_pinned(fp, fl, tp, tl, (int)policy, out verdict, ref err), err);
                return (Transition)verdict;
            }
            byte[] f = Interop.Utf8(from ?? throw new ArgumentNullException("from"), out fl);
            byte[] t = Interop.Utf8(to ?? throw new ArgumentNullException("to"), out tl);
            Interop.EnsureLoaded();
            Interop.Check(Native.lex_transition_check(f, fl, t, tl, (int)policy, out verdict, ref err), err);
            return (Transition)verdict;
        }

        /// <summary>The verdict on a status transition under a policy.</summary>
        public static Transition CheckTransition(LeadStatus from, LeadStatus to, TransitionPolicy policy = TransitionPolicy.Default)
        {
            return CheckTransition(from.ToWire(), to.ToWire(), policy);
        }

        /// <summary>
        /// The customer fingerprint (64 lower-case hex characters) used to spot duplicate leads;
        /// null arguments count as empty.
        /// </summary>
        public static string Fingerprint(string email, string phone, string lastName)
        {
            UIntPtr el, pl, nl;
            byte[] e = Interop.Utf8(email ?? "", out el);
            byte[] p = Interop.Utf8(phone ?? "", out pl);
            byte[] n = Interop.Utf8(lastName ?? "", out nl);
            Interop.EnsureLoaded();
            var buf = new LexBuf();
            IntPtr err = IntPtr.Zero;
            Interop.Check(Native.lex_fingerprint_compute(e, el, p, pl, n, nl, ref buf, ref err), err);
            return Interop.Take(ref buf);
        }

        // ---------------------------------------------------------------- governance

        /// <summary>
        /// May <paramref name="message"/> be routed to <paramref name="recipient"/> (a LEX organisation
        /// id, compared exactly) under its <c>lex.dataGovernance</c> block? <paramref name="now"/> is the
        /// clock of the retention check (null: the system clock). An empty recipient is a denial
        /// (<c>FORWARD_INVALID_RECIPIENT</c>), not an exception.
        /// </summary>
        public static ForwardDecision MayForward(Message message, string recipient, DateTimeOffset? now = null)
        {
            if (message == null)
            {
                throw new ArgumentNullException("message");
            }
            UIntPtr rl;
            byte[] r = Interop.Utf8(recipient ?? throw new ArgumentNullException("recipient"), out rl);
            // Defaults (null) use the system clock; a given clock gets its own options object.
            ValidateOptionsHandle o = ValidationOptions.NativeOf(now.HasValue ? new ValidationOptions { Now = now } : null);
            IntPtr err = IntPtr.Zero;
            IntPtr ptr = IntPtr.Zero;
            Interop.Check(Native.lex_message_forward_decision(message.Live(), r, rl, o, ref ptr, ref err), err);
            using (var h = new ForwardDecisionHandle(ptr))
            {
                return ForwardDecision.FromHandle(h);
            }
        }

        // ---------------------------------------------------------------- exchange

        /// <summary>The X12 997 functional acknowledgment answering a received X12 interchange.</summary>
        /// <exception cref="ParseException">The input has no readable X12 envelope.</exception>
        public static string X12FunctionalAck(string x12, ValidationOptions options = null)
        {
            UIntPtr len;
            byte[] b = Interop.Utf8(x12 ?? throw new ArgumentNullException("x12"), out len);
            var buf = new LexBuf();
            IntPtr err = IntPtr.Zero;
            Interop.Check(Native.lex_input_x12_functional_ack(b, len, ValidationOptions.NativeOf(options), ref buf, ref err), err);
            return Interop.Take(ref buf);
        }

        /// <summary>
        /// Reads the 997 functional acknowledgments of an X12 interchange: a JSON array with one
        /// object per acknowledged group (<c>functionalId</c>, <c>status</c>, <c>sets</c>, ...).
        /// </summary>
        public static string X12ReadFunctionalAck(string x12, ValidationOptions options = null)
        {
            UIntPtr len;
            byte[] b = Interop.Utf8(x12 ?? throw new ArgumentNullException("x12"), out len);
            var buf = new LexBuf();
            IntPtr err = IntPtr.Zero;
            Interop.Check(Native.lex_input_x12_read_functional_ack(b, len, ValidationOptions.NativeOf(options), ref buf, ref err), err);
            return Interop.Take(ref buf);
        }

        /// <summary>The EDIFACT CONTRL interchange (syntax report) answering a received EDIFACT interchange.</summary>
        public static string EdifactContrl(string edifact)
        {
            UIntPtr len;
            byte[] b = Interop.Utf8(edifact ?? throw new ArgumentNullException("edifact"), out len);
            var buf = new LexBuf();
            IntPtr err = IntPtr.Zero;
            Interop.Check(Native.lex_input_edifact_contrl(b, len, ref buf, ref err), err);
            return Interop.Take(ref buf);
        }

        /// <summary>
        /// Reads an EDIFACT CONTRL interchange: a JSON array with one object per CONTRL message
        /// (<c>interchangeReference</c>, <c>action</c>, <c>accepted</c>, <c>messages</c>).
        /// </summary>
        public static string EdifactContrlRead(string contrl)
        {
            UIntPtr len;
            byte[] b = Interop.Utf8(contrl ?? throw new ArgumentNullException("contrl"), out len);
            var buf = new LexBuf();
            IntPtr err = IntPtr.Zero;
            Interop.Check(Native.lex_input_edifact_contrl_read(b, len, ref buf, ref err), err);
            return Interop.Take(ref buf);
        }

        /// <summary>
        /// The LEAD_CLOSURE (<c>closureStatus: DUPLICATE</c>) answering <paramref name="duplicate"/>,
        /// a lead whose customer already belongs to the lead <paramref name="canonicalLeadId"/>.
        /// </summary>
        public static Message DuplicateClosure(Message duplicate, string canonicalLeadId, BuildOptions options = null)
        {
            if (duplicate == null)
            {
                throw new ArgumentNullException("duplicate");
            }
            UIntPtr len;
            byte[] id = Interop.Utf8(canonicalLeadId ?? throw new ArgumentNullException("canonicalLeadId"), out len);
            using (var o = BuildOptions.NativeOf(options))
            {
                IntPtr err = IntPtr.Zero;
                IntPtr ptr = IntPtr.Zero;
                Interop.Check(Native.lex_message_duplicate_closure(duplicate.Live(), id, len, o, ref ptr, ref err), err);
                return new Message(ptr);
            }
        }

        /// <summary>
        /// Writes several messages in one document: one X12 or EDIFACT interchange (JSON and XML
        /// take exactly one message).
        /// </summary>
        public static string SerializeAll(IEnumerable<Message> messages, Format format, bool pretty = false)
        {
            if (messages == null)
            {
                throw new ArgumentNullException("messages");
            }
            var handles = new List<MessageHandle>();
            foreach (Message m in messages)
            {
                handles.Add((m ?? throw new ArgumentNullException("messages")).Live());
            }
            var ptrs = new IntPtr[handles.Count];
            var added = 0;
            try
            {
                foreach (MessageHandle h in handles)
                {
                    // Keep every handle alive (not released by another thread) during the call.
                    bool ok = false;
                    h.DangerousAddRef(ref ok);
                    ptrs[added++] = h.DangerousGetHandle();
                }
                var buf = new LexBuf();
                IntPtr err = IntPtr.Zero;
                Interop.Check(Native.lex_message_serialize_all(ptrs, new UIntPtr((uint)ptrs.Length), (int)format, pretty ? (byte)1 : (byte)0, ref buf, ref err), err);
                return Interop.Take(ref buf);
            }
            finally
            {
                for (int i = 0; i < added; i++)
                {
                    handles[i].DangerousRelease();
                }
            }
        }

        // ---------------------------------------------------------------- helpers

        internal static byte[] Bytes(string input)
        {
            if (input == null)
            {
                throw new ArgumentNullException("input");
            }
            return Utf8.GetBytes(input);
        }

        private static IReadOnlyList<string> Freeze(string[] items)
        {
            return new ReadOnlyCollection<string>(items);
        }
    }
}
