using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace LexEdi
{
    /// <summary>One validation finding. Immutable.</summary>
    public sealed class Issue
    {
        internal Issue(ReportHandle r, int index)
        {
            var i = new UIntPtr((uint)index);
            IntPtr err = IntPtr.Zero;
            int level;
            Interop.Check(Native.lex_report_issue_level(r, i, out level, ref err), err);
            Level = (Level)level;
            Code = Read(r, i, Native.lex_report_issue_code);
            Field = Read(r, i, Native.lex_report_issue_field);
            Pointer = Read(r, i, Native.lex_report_issue_pointer);
            Message = Read(r, i, Native.lex_report_issue_message);
            RuleId = Read(r, i, Native.lex_report_issue_rule_id);
            FromStatus = Read(r, i, Native.lex_report_issue_from_status);
            ToStatus = Read(r, i, Native.lex_report_issue_to_status);
            Suggestion = Read(r, i, Native.lex_report_issue_suggestion);
            var buf = new LexBuf();
            err = IntPtr.Zero;
            Interop.Check(Native.lex_report_issue_to_json(r, i, ref buf, ref err), err);
            Json = Interop.Take(ref buf);
        }

        /// <summary>The severity.</summary>
        public Level Level { get; private set; }
        /// <summary>The stable code (<c>MISSING_REQUIRED_FIELD</c>, ...).</summary>
        public string Code { get; private set; }
        /// <summary>The field path (<c>lead.customer.emailAddress</c>), or null.</summary>
        public string Field { get; private set; }
        /// <summary>The JSON pointer of the field, or null.</summary>
        public string Pointer { get; private set; }
        /// <summary>A human message (may change between versions: never compare it).</summary>
        public string Message { get; private set; }
        /// <summary>The rule that fired, or null.</summary>
        public string RuleId { get; private set; }
        /// <summary>The previous status of a transition finding, or null.</summary>
        public string FromStatus { get; private set; }
        /// <summary>The new status of a transition finding, or null.</summary>
        public string ToStatus { get; private set; }
        /// <summary>A suggested fix, or null.</summary>
        public string Suggestion { get; private set; }
        /// <summary>The whole issue as compact JSON (every key the core reports).</summary>
        public string Json { get; private set; }

        /// <summary><c>LEVEL CODE field</c>.</summary>
        public override string ToString()
        {
            return Level.ToString().ToUpperInvariant() + " " + Code + (Field == null ? "" : " " + Field);
        }

        private delegate int StrGetter(ReportHandle r, UIntPtr i, out LexStr s, ref IntPtr err);

        private static string Read(ReportHandle r, UIntPtr i, StrGetter get)
        {
            IntPtr err = IntPtr.Zero;
            LexStr s;
            Interop.Check(get(r, i, out s, ref err), err);
            return Interop.Str(s);
        }
    }

    /// <summary>
    /// The result of a validation: validity, HTTP status and the issues (errors first, then
    /// warnings and infos). Immutable; safe to share between threads.
    /// </summary>
    public sealed class Report : IDisposable
    {
        internal readonly ReportHandle Handle;

        internal Report(IntPtr ptr)
        {
            Handle = new ReportHandle(ptr);
            byte valid;
            Interop.Check(Native.lex_report_valid(Handle, out valid));
            Valid = valid != 0;
            ushort http;
            Interop.Check(Native.lex_report_http_status(Handle, out http));
            HttpStatus = http;
            UIntPtr n;
            Interop.Check(Native.lex_report_issue_count(Handle, out n));
            var issues = new Issue[(int)n.ToUInt64()];
            for (int i = 0; i < issues.Length; i++)
            {
                issues[i] = new Issue(Handle, i);
            }
            Issues = new ReadOnlyCollection<Issue>(issues);
            var errors = new List<Issue>();
            var warnings = new List<Issue>();
            foreach (Issue issue in issues)
            {
                if (issue.Level == Level.Critical || issue.Level == Level.Error)
                {
                    errors.Add(issue);
                }
                else if (issue.Level == Level.Warning)
                {
                    warnings.Add(issue);
                }
            }
            Errors = errors.AsReadOnly();
            Warnings = warnings.AsReadOnly();
        }

        /// <summary>True when there is no issue of level ERROR or CRITICAL.</summary>
        public bool Valid { get; private set; }

        /// <summary>The recommended HTTP status: 200 valid, 410 TTL expired, 422 invalid.</summary>
        public int HttpStatus { get; private set; }

        /// <summary>Every issue, errors first.</summary>
        public IReadOnlyList<Issue> Issues { get; private set; }

        /// <summary>The issues of level CRITICAL or ERROR.</summary>
        public IReadOnlyList<Issue> Errors { get; private set; }

        /// <summary>The issues of level WARNING.</summary>
        public IReadOnlyList<Issue> Warnings { get; private set; }

        /// <summary>True when some issue has this code.</summary>
        public bool HasCode(string code)
        {
            foreach (Issue i in Issues)
            {
                if (i.Code == code)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>The report as JSON, in the shape of the conformance vectors.</summary>
        public string ToJson(bool pretty = false)
        {
            var buf = new LexBuf();
            Interop.Check(Native.lex_report_to_json(Live(), pretty ? (byte)1 : (byte)0, ref buf));
            return Interop.Take(ref buf);
        }

        /// <summary>Throws a <see cref="LexValidationException"/> when the report is not valid.</summary>
        public void ThrowIfInvalid()
        {
            if (!Valid)
            {
                throw new LexValidationException(this);
            }
        }

        /// <summary>Releases the native report (the issues stay readable).</summary>
        public void Dispose()
        {
            Handle.Dispose();
        }

        internal ReportHandle Live()
        {
            if (Handle.IsClosed)
            {
                throw Interop.Closed("report");
            }
            return Handle;
        }
    }

    /// <summary>Thrown by <see cref="Report.ThrowIfInvalid"/>: the message was read but breaks rules.</summary>
    public sealed class LexValidationException : LexException
    {
        internal LexValidationException(Report report)
            : base(
                "VALIDATION_FAILED",
                LexStatus.Error,
                "the message is invalid: " + string.Join(", ", Codes(report)),
                null,
                null)
        {
            Report = report;
        }

        /// <summary>The report with the findings.</summary>
        public Report Report { get; private set; }

        private static string[] Codes(Report report)
        {
            var codes = new string[report.Errors.Count];
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = report.Errors[i].Code;
            }
            return codes;
        }
    }
}
