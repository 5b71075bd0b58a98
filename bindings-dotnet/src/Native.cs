using System;
using System.Runtime.InteropServices;

namespace LexEdi
{
    /// <summary>A borrowed UTF-8 view (<c>lex_str</c>): valid as long as its owner.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct LexStr
    {
        public IntPtr Ptr;
        public UIntPtr Len;
    }

    /// <summary>Owned UTF-8 text (<c>lex_buf</c>), released with <c>lex_buf_free</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct LexBuf
    {
        public IntPtr Ptr;
        public UIntPtr Len;
    }

    /// <summary>Where an error happened (<c>lex_location</c>); -1 / NULL when unknown.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct LexLocation
    {
        public long Line;
        public long Column;
        public long Offset;
        public long Segment;
        public long Element;
        public long Component;
        public LexStr SegmentId;
        public LexStr Path;
    }

    /// <summary>
    /// The P/Invoke declarations of <c>ffi/include/lex.h</c>. Conventions: inputs are
    /// <c>(byte[], UIntPtr)</c> UTF-8 views, never the default string marshaller; every handle
    /// output and every <c>lex_error**</c> is a <c>ref IntPtr</c> initialised to zero (the
    /// library writes outputs only on success); C <c>bool</c> is one byte.
    /// </summary>
    internal static class Native
    {
        internal const string Lib = "lex";

        /// <summary>The C ABI major this assembly was written against (LEX_ABI_VERSION_MAJOR).</summary>
        internal const uint AbiMajor = 1;

        /// <summary>The C ABI minor this assembly was written against (LEX_ABI_VERSION_MINOR).</summary>
        internal const uint AbiMinor = 2;

        // ---- constants and versions
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern uint lex_abi_version();
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern LexStr lex_version();
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern LexStr lex_spec_version();
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_statuses_count(out UIntPtr n);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_statuses_get(UIntPtr i, out LexStr s, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_message_types_count(out UIntPtr n);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_message_types_get(UIntPtr i, out LexStr s, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_ack_statuses_count(out UIntPtr n);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_ack_statuses_get(UIntPtr i, out LexStr s, ref IntPtr err);

        // ---- errors and buffers
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void lex_error_free(IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_error_status(IntPtr err, out int status);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_error_code(IntPtr err, out LexStr s);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_error_message(IntPtr err, out LexStr s);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_error_location(IntPtr err, out LexLocation loc);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_status_name(int status, out LexStr s);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void lex_buf_free(ref LexBuf buf);

        // ---- lifecycle and fingerprint
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_transition_check(byte[] from, UIntPtr fromLen, byte[] to, UIntPtr toLen, int policy, out int verdict, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_transition_allowed(byte[] from, UIntPtr fromLen, byte[] to, UIntPtr toLen, out byte allowed, ref IntPtr err);
        // The same two functions over pinned UTF-8 (KnownStatuses): no array marshalling.
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl, EntryPoint = "lex_transition_check")]
        internal static extern int lex_transition_check_pinned(IntPtr from, UIntPtr fromLen, IntPtr to, UIntPtr toLen, int policy, out int verdict, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl, EntryPoint = "lex_transition_allowed")]
        internal static extern int lex_transition_allowed_pinned(IntPtr from, UIntPtr fromLen, IntPtr to, UIntPtr toLen, out byte allowed, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_fingerprint_compute(byte[] email, UIntPtr emailLen, byte[] phone, UIntPtr phoneLen, byte[] lastName, UIntPtr lastNameLen, ref LexBuf out_, ref IntPtr err);

        // ---- messages
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_message_parse(byte[] input, UIntPtr len, int format, ValidateOptionsHandle opts, ref IntPtr msg, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void lex_message_free(IntPtr msg);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_message_type(MessageHandle msg, out LexStr s);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_message_id(MessageHandle msg, out LexStr s);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_message_source_format(MessageHandle msg, out int format);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_message_to_json(MessageHandle msg, byte pretty, ref LexBuf out_);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_message_get_json(MessageHandle msg, byte[] pointer, UIntPtr len, ref LexBuf out_, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_message_serialize(MessageHandle msg, int format, byte pretty, ref LexBuf out_, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_message_fingerprint(MessageHandle msg, ref LexBuf out_);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_message_read_issues(MessageHandle msg, ref IntPtr report);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_message_may_forward(MessageHandle msg, byte[] recipient, UIntPtr len, ValidateOptionsHandle opts, ref LexBuf out_, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_message_list_parse(byte[] input, UIntPtr len, int format, ValidateOptionsHandle opts, ref IntPtr list, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void lex_message_list_free(IntPtr list);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_message_list_count(IntPtr list, out UIntPtr n);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_message_list_get(IntPtr list, UIntPtr i, ref IntPtr msg, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_input_convert(byte[] input, UIntPtr len, int to, int from, byte pretty, ValidateOptionsHandle opts, ref LexBuf out_, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_input_detect(byte[] input, UIntPtr len, out int format, ref IntPtr err);

        // ---- builders
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_message_new(byte[] type, UIntPtr typeLen, byte[] payload, UIntPtr payloadLen, byte[] sender, UIntPtr senderLen, byte[] receiver, UIntPtr receiverLen, BuildOptionsHandle opts, ref IntPtr msg, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_message_acknowledge(MessageHandle msg, IntPtr report, byte[] status, UIntPtr statusLen, BuildOptionsHandle opts, ref IntPtr ack, ref IntPtr err);

        // ---- exchange (ABI 1.2)
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_input_x12_functional_ack(byte[] input, UIntPtr len, ValidateOptionsHandle opts, ref LexBuf out_, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_input_x12_read_functional_ack(byte[] input, UIntPtr len, ValidateOptionsHandle opts, ref LexBuf out_, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_input_edifact_contrl(byte[] input, UIntPtr len, ref LexBuf out_, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_input_edifact_contrl_read(byte[] input, UIntPtr len, ref LexBuf out_, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_message_duplicate_closure(MessageHandle msg, byte[] id, UIntPtr len, BuildOptionsHandle opts, ref IntPtr out_, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_message_serialize_all(IntPtr[] msgs, UIntPtr count, int format, byte pretty, ref LexBuf out_, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_message_forward_decision(MessageHandle msg, byte[] recipient, UIntPtr len, ValidateOptionsHandle opts, ref IntPtr out_, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void lex_forward_decision_free(IntPtr d);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_forward_decision_allowed(ForwardDecisionHandle d, out byte out_);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_forward_decision_code(ForwardDecisionHandle d, out LexStr out_);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_forward_decision_rule_id(ForwardDecisionHandle d, out LexStr out_);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_forward_decision_policy(ForwardDecisionHandle d, out LexStr out_);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_forward_decision_reason(ForwardDecisionHandle d, out LexStr out_);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_forward_decision_audit_required(ForwardDecisionHandle d, out byte out_);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_forward_decision_retain_until(ForwardDecisionHandle d, out LexStr out_);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_forward_decision_to_json(ForwardDecisionHandle d, ref LexBuf out_);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_parse_level(long level, out byte out_, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_parse_limit(byte[] name, UIntPtr len, long value, out UIntPtr out_, ref IntPtr err);

        // ---- validate options
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_validate_options_new(ref IntPtr opts, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void lex_validate_options_free(IntPtr opts);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_validate_options_set_level(ValidateOptionsHandle opts, byte level, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_validate_options_set_now_unix_ms(ValidateOptionsHandle opts, long ms, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_validate_options_set_mode(ValidateOptionsHandle opts, int mode, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_validate_options_set_policy(ValidateOptionsHandle opts, int policy, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_validate_options_set_previous_status(ValidateOptionsHandle opts, byte[] status, UIntPtr len, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_validate_options_set_include_info(ValidateOptionsHandle opts, byte include, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_validate_options_set_max_input_bytes(ValidateOptionsHandle opts, UIntPtr v, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_validate_options_set_max_depth(ValidateOptionsHandle opts, UIntPtr v, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_validate_options_set_max_string_bytes(ValidateOptionsHandle opts, UIntPtr v, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_validate_options_set_max_number_chars(ValidateOptionsHandle opts, UIntPtr v, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_validate_options_set_max_nodes(ValidateOptionsHandle opts, UIntPtr v, ref IntPtr err);

        // ---- build options
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_build_options_new(ref IntPtr opts, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void lex_build_options_free(IntPtr opts);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_build_options_set_now_unix_ms(BuildOptionsHandle opts, long ms, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_build_options_set_message_id(BuildOptionsHandle opts, byte[] id, UIntPtr len, ref IntPtr err);

        // ---- receiver
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_receiver_new(ValidateOptionsHandle opts, ref IntPtr rx, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void lex_receiver_free(IntPtr rx);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_receiver_receive(ReceiverHandle rx, byte[] input, UIntPtr len, ref IntPtr receipt, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_receiver_receive_message(ReceiverHandle rx, MessageHandle msg, ref IntPtr receipt, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_receiver_receive_all(ReceiverHandle rx, byte[] input, UIntPtr len, ref IntPtr list, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_receipt_list_count(IntPtr list, out UIntPtr n);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_receipt_list_get(IntPtr list, UIntPtr i, ref IntPtr receipt, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void lex_receipt_list_free(IntPtr list);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void lex_receipt_free(IntPtr receipt);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_receipt_message(IntPtr receipt, ref IntPtr msg);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_receipt_report(IntPtr receipt, ref IntPtr report);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_receipt_ack(IntPtr receipt, ref IntPtr msg);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_receipt_duplicate(IntPtr receipt, out byte dup);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_receipt_outcome(IntPtr receipt, out int outcome);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_receipt_http_status(IntPtr receipt, out ushort status);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_receipt_duplicate_of_lead(IntPtr receipt, out LexStr s);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_receipt_routing(IntPtr receipt, out LexStr s);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_receipt_dead_letter_reason(IntPtr receipt, out LexStr s);

        // ---- validation and reports
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_message_validate(MessageHandle msg, ValidateOptionsHandle opts, ref IntPtr report, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lex_input_validate(byte[] input, UIntPtr len, int format, ValidateOptionsHandle opts, ref IntPtr report, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern void lex_report_free(IntPtr report);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_valid(ReportHandle r, out byte valid);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_http_status(ReportHandle r, out ushort status);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_error_count(ReportHandle r, out UIntPtr n);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_warning_count(ReportHandle r, out UIntPtr n);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_issue_count(ReportHandle r, out UIntPtr n);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_to_json(ReportHandle r, byte pretty, ref LexBuf out_);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_issue_level(ReportHandle r, UIntPtr i, out int level, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_issue_code(ReportHandle r, UIntPtr i, out LexStr s, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_issue_field(ReportHandle r, UIntPtr i, out LexStr s, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_issue_pointer(ReportHandle r, UIntPtr i, out LexStr s, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_issue_message(ReportHandle r, UIntPtr i, out LexStr s, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_issue_rule_id(ReportHandle r, UIntPtr i, out LexStr s, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_issue_from_status(ReportHandle r, UIntPtr i, out LexStr s, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_issue_to_status(ReportHandle r, UIntPtr i, out LexStr s, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_issue_suggestion(ReportHandle r, UIntPtr i, out LexStr s, ref IntPtr err);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] internal static extern int lex_report_issue_to_json(ReportHandle r, UIntPtr i, ref LexBuf out_, ref IntPtr err);
    }
}
