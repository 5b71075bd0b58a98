using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace LexEdi
{
    /// <summary>What a <see cref="Receiver"/> made of one message. Immutable.</summary>
    public sealed class Receipt
    {
        internal Receipt(IntPtr ptr)
        {
            using (var h = new ReceiptHandle(ptr))
            {
                IntPtr raw = h.DangerousGetHandle();
                IntPtr m = IntPtr.Zero;
                Interop.Check(Native.lex_receipt_message(raw, ref m));
                Message = new Message(m);
                IntPtr r = IntPtr.Zero;
                Interop.Check(Native.lex_receipt_report(raw, ref r));
                Report = new Report(r);
                IntPtr a = IntPtr.Zero;
                Interop.Check(Native.lex_receipt_ack(raw, ref a));
                Ack = a == IntPtr.Zero ? null : new Message(a);
                byte dup;
                Interop.Check(Native.lex_receipt_duplicate(raw, out dup));
                Duplicate = dup != 0;
                int outcome;
                Interop.Check(Native.lex_receipt_outcome(raw, out outcome));
                Outcome = (Outcome)outcome;
                ushort http;
                Interop.Check(Native.lex_receipt_http_status(raw, out http));
                HttpStatus = http;
                LexStr lead;
                Interop.Check(Native.lex_receipt_duplicate_of_lead(raw, out lead));
                DuplicateOfLead = Interop.Str(lead);
                LexStr routing;
                Interop.Check(Native.lex_receipt_routing(raw, out routing));
                Routing = Interop.Str(routing);
                LexStr reason;
                Interop.Check(Native.lex_receipt_dead_letter_reason(raw, out reason));
                DeadLetterReason = Interop.Str(reason);
            }
        }

        /// <summary>The message as received.</summary>
        public Message Message { get; private set; }
        /// <summary>Its validation report.</summary>
        public Report Report { get; private set; }
        /// <summary>The acknowledgment to send back; null for a dead-lettered message.</summary>
        public Message Ack { get; private set; }
        /// <summary>True when this messageId was received before (the stored receipt is replayed).</summary>
        public bool Duplicate { get; private set; }
        /// <summary>Accepted, rejected or dead-lettered.</summary>
        public Outcome Outcome { get; private set; }
        /// <summary>The HTTP status to answer with.</summary>
        public int HttpStatus { get; private set; }
        /// <summary>The leadId of an earlier lead of the same customer (fingerprint match), or null.</summary>
        public string DuplicateOfLead { get; private set; }
        /// <summary>
        /// Where a dead-lettered message goes (<c>header.ttl.onExpiry</c>, default <c>DLQ</c>):
        /// <c>DLQ</c>, <c>DISCARD</c> or <c>RETURN</c>; null when the message was not dead-lettered.
        /// </summary>
        public string Routing { get; private set; }
        /// <summary>The LEX failure category of a dead-lettered message (<c>TTL_EXPIRED</c>), or null.</summary>
        public string DeadLetterReason { get; private set; }
    }

    /// <summary>
    /// The receiving side of an exchange: validates, deduplicates by messageId, keeps lead
    /// statuses, answers with acknowledgments. Internally synchronised: many threads may call
    /// <see cref="Receive(byte[])"/> on one receiver.
    /// </summary>
    public sealed class Receiver : IDisposable
    {
        private readonly ReceiverHandle handle;

        /// <summary>Creates a receiver; <paramref name="options"/> (null: defaults) sets level and clock.</summary>
        public Receiver(ValidationOptions options = null)
        {
            ValidateOptionsHandle o = ValidationOptions.NativeOf(options); // shared and cached: not disposed
            IntPtr err = IntPtr.Zero;
            IntPtr ptr = IntPtr.Zero;
            Interop.Check(Native.lex_receiver_new(o, ref ptr, ref err), err);
            handle = new ReceiverHandle(ptr);
        }

        /// <summary>Receives one message given as bytes in any format.</summary>
        /// <exception cref="ParseException">The input is not a readable LEX message.</exception>
        public Receipt Receive(byte[] input)
        {
            IntPtr err = IntPtr.Zero;
            IntPtr ptr = IntPtr.Zero;
            Interop.Check(Native.lex_receiver_receive(Live(), input, Interop.Len(input, "input"), ref ptr, ref err), err);
            return new Receipt(ptr);
        }

        /// <summary>Receives one message given as text in any format.</summary>
        public Receipt Receive(string input)
        {
            return Receive(Lex.Bytes(input));
        }

        /// <summary>Receives a message that was already read.</summary>
        public Receipt Receive(Message message)
        {
            if (message == null)
            {
                throw new ArgumentNullException("message");
            }
            IntPtr err = IntPtr.Zero;
            IntPtr ptr = IntPtr.Zero;
            Interop.Check(Native.lex_receiver_receive_message(Live(), message.Live(), ref ptr, ref err), err);
            return new Receipt(ptr);
        }

        /// <summary>Receives every message of an input (an EDI interchange may hold several).</summary>
        public IReadOnlyList<Receipt> ReceiveAll(byte[] input)
        {
            IntPtr err = IntPtr.Zero;
            IntPtr ptr = IntPtr.Zero;
            Interop.Check(Native.lex_receiver_receive_all(Live(), input, Interop.Len(input, "input"), ref ptr, ref err), err);
            using (var list = new ReceiptListHandle(ptr))
            {
                IntPtr raw = list.DangerousGetHandle();
                UIntPtr n;
                Interop.Check(Native.lex_receipt_list_count(raw, out n));
                var receipts = new Receipt[(int)n.ToUInt64()];
                for (int i = 0; i < receipts.Length; i++)
                {
                    IntPtr r = IntPtr.Zero;
                    err = IntPtr.Zero;
                    Interop.Check(Native.lex_receipt_list_get(raw, new UIntPtr((uint)i), ref r, ref err), err);
                    receipts[i] = new Receipt(r);
                }
                return new ReadOnlyCollection<Receipt>(receipts);
            }
        }

        /// <summary>Releases the receiver and its store.</summary>
        public void Dispose()
        {
            handle.Dispose();
        }

        private ReceiverHandle Live()
        {
            if (handle.IsClosed)
            {
                throw Interop.Closed("receiver");
            }
            return handle;
        }
    }
}
