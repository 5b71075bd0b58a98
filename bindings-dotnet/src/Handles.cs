using System;
using System.Runtime.InteropServices;

namespace LexEdi
{
    /// <summary>Base of every native handle: NULL is invalid, release calls the one <c>_free</c>.</summary>
    internal abstract class LexHandle : SafeHandle
    {
        protected LexHandle() : base(IntPtr.Zero, true)
        {
        }

        protected LexHandle(IntPtr ptr) : base(IntPtr.Zero, true)
        {
            SetHandle(ptr);
        }

        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }
    }

    /// <summary>A <c>lex_message</c>.</summary>
    internal sealed class MessageHandle : LexHandle
    {
        public MessageHandle() { }
        public MessageHandle(IntPtr ptr) : base(ptr) { }
        protected override bool ReleaseHandle()
        {
            Native.lex_message_free(handle);
            return true;
        }
    }

    /// <summary>A <c>lex_report</c>.</summary>
    internal sealed class ReportHandle : LexHandle
    {
        public ReportHandle() { }
        public ReportHandle(IntPtr ptr) : base(ptr) { }
        protected override bool ReleaseHandle()
        {
            Native.lex_report_free(handle);
            return true;
        }
    }

    /// <summary>A <c>lex_receiver</c>.</summary>
    internal sealed class ReceiverHandle : LexHandle
    {
        public ReceiverHandle() { }
        public ReceiverHandle(IntPtr ptr) : base(ptr) { }
        protected override bool ReleaseHandle()
        {
            Native.lex_receiver_free(handle);
            return true;
        }
    }

    /// <summary>A <c>lex_validate_options</c>.</summary>
    internal sealed class ValidateOptionsHandle : LexHandle
    {
        public ValidateOptionsHandle() { }
        public ValidateOptionsHandle(IntPtr ptr) : base(ptr) { }
        protected override bool ReleaseHandle()
        {
            Native.lex_validate_options_free(handle);
            return true;
        }
    }

    /// <summary>A <c>lex_build_options</c>.</summary>
    internal sealed class BuildOptionsHandle : LexHandle
    {
        public BuildOptionsHandle() { }
        public BuildOptionsHandle(IntPtr ptr) : base(ptr) { }
        protected override bool ReleaseHandle()
        {
            Native.lex_build_options_free(handle);
            return true;
        }
    }

    /// <summary>A <c>lex_message_list</c> (short-lived: read then freed).</summary>
    internal sealed class ForwardDecisionHandle : LexHandle
    {
        public ForwardDecisionHandle() { }
        public ForwardDecisionHandle(IntPtr ptr) : base(ptr) { }
        protected override bool ReleaseHandle()
        {
            Native.lex_forward_decision_free(handle);
            return true;
        }
    }

    /// <summary>A <c>lex_message_list</c>.</summary>
    internal sealed class MessageListHandle : LexHandle
    {
        public MessageListHandle(IntPtr ptr) : base(ptr) { }
        protected override bool ReleaseHandle()
        {
            Native.lex_message_list_free(handle);
            return true;
        }
    }

    /// <summary>A <c>lex_receipt</c> (short-lived: read then freed).</summary>
    internal sealed class ReceiptHandle : LexHandle
    {
        public ReceiptHandle(IntPtr ptr) : base(ptr) { }
        protected override bool ReleaseHandle()
        {
            Native.lex_receipt_free(handle);
            return true;
        }
    }

    /// <summary>A <c>lex_receipt_list</c> (short-lived: read then freed).</summary>
    internal sealed class ReceiptListHandle : LexHandle
    {
        public ReceiptListHandle(IntPtr ptr) : base(ptr) { }
        protected override bool ReleaseHandle()
        {
            Native.lex_receipt_list_free(handle);
            return true;
        }
    }
}
