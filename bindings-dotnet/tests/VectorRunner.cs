using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace LexEdi.Tests
{
    /// <summary>
    /// Runs one shared vector through the C# API and collects every difference from the
    /// expected result (the same comparisons as the Rust and C runners).
    /// </summary>
    internal sealed class VectorRunner
    {
        private static readonly string[] ExtraKeys = { "rejectedValue", "allowedValues", "fromStatus", "toStatus", "threshold", "pointer" };
        private readonly List<string> failures = new List<string>();
        private readonly string path;

        private VectorRunner(string path)
        {
            this.path = path;
        }

        /// <summary>The failures of the vector at <paramref name="path"/> (empty when it passes). A vector that
        /// needs the absent upstream standard prints one `SKIP` line and has no failure (test-dotnet counts these lines).</summary>
        public static List<string> Run(string path)
        {
            var r = new VectorRunner(path);
            Json v = Json.Parse(new UTF8Encoding(false).GetString(File.ReadAllBytes(path)));
            string skip = VectorSupport.SkipReason(v);
            if (skip != null)
            {
                Console.WriteLine("SKIP " + skip);
                return r.failures;
            }
            string now = v.GetString("now") ?? VectorSupport.DefaultNow;
            string op = v.GetString("operation") ?? "validate";
            switch (op)
            {
                case "validate": r.Validate(v, now); break;
                case "parse": r.Parse(v, now); break;
                case "convert": r.Convert(v, now); break;
                case "fingerprint": r.Fingerprint(v); break;
                case "transition": r.Transition(v); break;
                case "acknowledge": r.Acknowledge(v, now); break;
                case "receive": r.Receive(v, now); break;
                case "may-forward": r.MayForward(v, now); break;
                default: r.Fail("operation " + op + " is not implemented by the C# runner"); break;
            }
            return r.failures;
        }

        private void Fail(string what)
        {
            failures.Add(what);
        }

        private byte[] Input(Json v, string now)
        {
            byte[] input = VectorSupport.LoadInput(v, path, now);
            if (input == null)
            {
                Fail("no input");
            }
            return input;
        }

        // ------------------------------------------------------------ comparisons

        private void CompareError(LexException e, Json want)
        {
            if (e == null)
            {
                Fail("expected an error " + want.Raw);
                return;
            }
            string code = want.GetString("code");
            if (code != null && e.Code != code)
            {
                Fail("error code " + e.Code + ", expected " + code);
            }
            ErrorLocation loc = e.Location;
            var have = new Dictionary<string, long?>
            {
                { "line", loc == null ? null : loc.Line },
                { "column", loc == null ? null : loc.Column },
                { "offset", loc == null ? null : loc.Offset },
                { "segment", loc == null ? null : loc.Segment },
                { "element", loc == null ? null : loc.Element },
            };
            foreach (var kv in have)
            {
                long? w = want.GetLong(kv.Key);
                if (w.HasValue && w != kv.Value)
                {
                    Fail("error location " + kv.Key + " is " + kv.Value + ", expected " + w);
                }
            }
            string seg = want.GetString("segmentId");
            if (seg != null && (loc == null || loc.SegmentId != seg))
            {
                Fail("error segmentId differs, expected " + seg);
            }
        }

        private static bool IssueMatches(Issue issue, Json want)
        {
            string code = want.GetString("code"), level = want.GetString("level"), field = want.GetString("field");
            if (code == null || issue.Code != code)
            {
                return false;
            }
            if (level != null && level != VectorSupport.LevelName(issue.Level))
            {
                return false;
            }
            if (field != null && issue.Field != field)
            {
                return false;
            }
            Json actual = Json.Parse(issue.Json);
            foreach (string key in ExtraKeys)
            {
                Json w = want.Get(key);
                if (w != null && !Json.Equal(w, actual.Get(key), false))
                {
                    return false;
                }
            }
            return true;
        }

        private void CompareIssues(Report report, List<Issue> have, Json want, string what)
        {
            if (want.Items.Count != have.Count)
            {
                Fail(what + " count differs: " + want.Items.Count + " expected, " + have.Count + " actual; report " + report.ToJson());
            }
            var used = new bool[have.Count];
            foreach (Json e in want.Items)
            {
                bool found = false;
                for (int i = 0; i < have.Count && !found; i++)
                {
                    if (!used[i] && IssueMatches(have[i], e))
                    {
                        used[i] = found = true;
                    }
                }
                if (!found)
                {
                    Fail("expected " + what + " issue " + e.GetString("code") + " not found");
                }
            }
        }

        private void CompareReport(Report r, Json expected)
        {
            bool? valid = expected.GetBool("valid");
            if (valid.HasValue && valid.Value != r.Valid)
            {
                Fail("valid is " + r.Valid + ", expected " + valid);
            }
            // Errors are the issues before the first non-error (the report orders them so).
            var errors = new List<Issue>();
            var rest = new List<Issue>();
            foreach (Issue i in r.Issues)
            {
                (rest.Count == 0 && (i.Level == Level.Error || i.Level == Level.Critical) ? errors : rest).Add(i);
            }
            Json errs = expected.Get("errors"), warns = expected.Get("warnings");
            if (errs != null)
            {
                CompareIssues(r, errors, errs, "error");
            }
            if (warns != null)
            {
                CompareIssues(r, rest, warns, "warning");
            }
        }

        private void CompareTree(Message m, Json want)
        {
            string json = m.ToJson();
            if (!Json.Equal(Json.Parse(json), want, true))
            {
                Fail("tree differs: " + json);
            }
        }

        // ------------------------------------------------------------ operations

        private void Validate(Json v, string now)
        {
            byte[] input = Input(v, now);
            if (input == null)
            {
                return;
            }
            Json expected = v.Get("expected");
            Json wantError = expected.Get("error");
            try
            {
                using (Report r = Lex.Validate(input, VectorSupport.FormatOf(v.GetString("format")), VectorSupport.OptionsOf(v, now)))
                {
                    if (wantError != null)
                    {
                        CompareError(null, wantError);
                    }
                    else
                    {
                        CompareReport(r, expected);
                    }
                }
            }
            catch (LexException e)
            {
                if (wantError != null)
                {
                    CompareError(e, wantError);
                }
                else
                {
                    Fail("validate failed: " + e.Code + " " + e.Message);
                }
            }
        }

        private void Parse(Json v, string now)
        {
            byte[] input = Input(v, now);
            if (input == null)
            {
                return;
            }
            Json expected = v.Get("expected");
            Json wantError = expected.Get("error");
            IReadOnlyList<Message> messages;
            try
            {
                messages = Lex.ParseAll(input, VectorSupport.FormatOf(v.GetString("format")), VectorSupport.OptionsOf(v, now));
            }
            catch (LexException e)
            {
                if (wantError != null)
                {
                    CompareError(e, wantError);
                }
                else
                {
                    Fail("parse failed: " + e.Code + " " + e.Message);
                }
                return;
            }
            if (wantError != null)
            {
                CompareError(null, wantError);
                return;
            }
            long? n = expected.GetLong("messages");
            if (n.HasValue && n.Value != messages.Count)
            {
                Fail("message count " + messages.Count + ", expected " + n);
            }
            Json tree = expected.Get("tree"), warnings = expected.Get("warnings");
            if (tree == null && warnings == null)
            {
                return;
            }
            if (messages.Count != 1)
            {
                Fail("tree/warnings need exactly one message");
                return;
            }
            if (tree != null)
            {
                CompareTree(messages[0], tree);
            }
            if (warnings != null)
            {
                var codes = new List<string>();
                foreach (Issue i in messages[0].ReadWarnings)
                {
                    if (i.Level != Level.Error && i.Level != Level.Critical)
                    {
                        codes.Add(i.Code);
                    }
                }
                var want = new List<string>();
                foreach (Json w in warnings.Items)
                {
                    want.Add(w.Str);
                }
                if (string.Join(",", codes) != string.Join(",", want))
                {
                    Fail("read warnings " + string.Join(",", codes) + ", expected " + string.Join(",", want));
                }
            }
        }

        private static string Trees(byte[] text, Format format)
        {
            var sb = new StringBuilder();
            foreach (Message m in Lex.ParseAll(text, format))
            {
                sb.Append(m.ToJson()).Append('\n');
            }
            return sb.ToString();
        }

        private void Convert(Json v, string now)
        {
            byte[] input = Input(v, now);
            if (input == null)
            {
                return;
            }
            Json expected = v.Get("expected");
            Json wantError = expected.Get("error");
            Format to = VectorSupport.FormatOf(v.GetString("to"));
            Format from = VectorSupport.FormatOf(v.GetString("from") ?? v.GetString("format"));
            string output;
            try
            {
                output = Lex.Convert(input, to, from, v.GetBool("pretty") ?? false);
            }
            catch (LexException e)
            {
                if (wantError != null)
                {
                    CompareError(e, wantError);
                }
                else
                {
                    Fail("convert failed: " + e.Code + " " + e.Message);
                }
                return;
            }
            if (wantError != null)
            {
                CompareError(null, wantError);
                return;
            }
            string want = expected.GetString("output");
            if (want != null && want != output)
            {
                Fail("output differs:\n" + output + "\nexpected:\n" + want);
            }
            if (expected.GetBool("roundTrip") ?? false)
            {
                string a = Trees(input, from), b = Trees(Encoding.UTF8.GetBytes(output), to);
                if (a != b)
                {
                    Fail("round trip differs:\n" + a + "\n" + b);
                }
            }
        }

        private void Fingerprint(Json v)
        {
            Json input = v.Get("input");
            string want = v.Get("expected").GetString("fingerprint");
            string got = Lex.Fingerprint(input.GetString("email"), input.GetString("phone"), input.GetString("lastName"));
            if (want == null || got != want)
            {
                Fail("fingerprint " + got + ", expected " + want);
            }
        }

        private void Transition(Json v)
        {
            Json input = v.Get("input"), expected = v.Get("expected");
            string from = input.GetString("from"), to = input.GetString("to");
            TransitionPolicy policy = input.GetString("policy") == "strict-table" ? TransitionPolicy.StrictTable : TransitionPolicy.Default;
            Json wantError = expected.Get("error");
            Transition verdict;
            try
            {
                verdict = Lex.CheckTransition(from ?? "", to ?? "", policy);
            }
            catch (LexException e)
            {
                if (wantError != null)
                {
                    CompareError(e, wantError);
                }
                else
                {
                    Fail("transition failed: " + e.Code);
                }
                return;
            }
            if (wantError != null)
            {
                CompareError(null, wantError);
                return;
            }
            string got = verdict.ToString().ToLowerInvariant();
            if (got != expected.GetString("verdict"))
            {
                Fail("verdict " + got + ", expected " + expected.GetString("verdict"));
            }
            if (policy == TransitionPolicy.Default && Lex.TransitionAllowed(from, to) != (verdict != LexEdi.Transition.Forbidden))
            {
                Fail("TransitionAllowed disagrees with CheckTransition");
            }
        }

        private void Acknowledge(Json v, string now)
        {
            byte[] input = Input(v, now);
            if (input == null)
            {
                return;
            }
            Json expected = v.Get("expected");
            Json wantError = expected.Get("error");
            ValidationOptions options = VectorSupport.OptionsOf(v, now);
            var build = new BuildOptions { Now = VectorSupport.Clock(now), MessageId = v.GetString("messageId") };
            Message ack;
            try
            {
                using (Message m = Lex.Parse(input, Format.Auto, options))
                {
                    Report report = (v.GetBool("validate") ?? true) ? Lex.Validate(m, options) : null;
                    ack = Lex.Acknowledge(m, v.GetString("status"), report, build);
                }
            }
            catch (LexException e)
            {
                if (wantError != null)
                {
                    CompareError(e, wantError);
                }
                else
                {
                    Fail("acknowledge failed: " + e.Code + " " + e.Message);
                }
                return;
            }
            using (ack)
            {
                if (wantError != null)
                {
                    CompareError(null, wantError);
                    return;
                }
                Json tree = expected.Get("tree");
                if (tree != null)
                {
                    CompareTree(ack, tree);
                }
                string[] keys = { "status", "correlationId" };
                foreach (string key in keys)
                {
                    Json want = expected.Get(key);
                    if (want == null)
                    {
                        continue;
                    }
                    string got = ack.GetJson("/lex/payload/acknowledgment/" + key);
                    if (got == null || !Json.Equal(Json.Parse(got), want, true))
                    {
                        Fail("acknowledgment " + key + " is " + got + ", expected " + want.Raw);
                    }
                }
            }
        }

        private static readonly string[] OutcomeNames = { "ACCEPTED", "REJECTED", "DEAD_LETTER" };

        private void Receive(Json v, string now)
        {
            using (var rx = new Receiver(VectorSupport.OptionsOf(v, now)))
            {
                int s = 0;
                foreach (Json step in v.Get("steps").Items)
                {
                    s++;
                    Json expected = step.Get("expected");
                    byte[] input = Input(step, now);
                    if (input == null)
                    {
                        continue;
                    }
                    Receipt rc;
                    try
                    {
                        rc = rx.Receive(input);
                    }
                    catch (LexException e)
                    {
                        Fail("step " + s + ": receive failed: " + e.Code);
                        continue;
                    }
                    string outcome = OutcomeNames[(int)rc.Outcome];
                    string wantOutcome = expected.GetString("outcome");
                    if (wantOutcome != null && wantOutcome != outcome)
                    {
                        Fail("step " + s + ": outcome " + outcome + ", expected " + wantOutcome);
                    }
                    bool? dup = expected.GetBool("duplicate");
                    if (dup.HasValue && dup.Value != rc.Duplicate)
                    {
                        Fail("step " + s + ": duplicate differs");
                    }
                    bool? valid = expected.GetBool("valid");
                    if (valid.HasValue && valid.Value != rc.Report.Valid)
                    {
                        Fail("step " + s + ": valid differs");
                    }
                    long? http = expected.GetLong("httpStatus");
                    if (http.HasValue && http.Value != rc.HttpStatus)
                    {
                        Fail("step " + s + ": httpStatus " + rc.HttpStatus + ", expected " + http);
                    }
                    Json codes = expected.Get("codes");
                    if (codes != null)
                    {
                        // The codes of the report's errors (CRITICAL/ERROR), as a multiset.
                        var have = new List<string>();
                        foreach (Issue i in rc.Report.Errors)
                        {
                            have.Add(i.Code);
                        }
                        var want = new List<string>();
                        foreach (Json c in codes.Items)
                        {
                            want.Add(c.Str);
                        }
                        have.Sort(string.CompareOrdinal);
                        want.Sort(string.CompareOrdinal);
                        if (string.Join(",", have) != string.Join(",", want))
                        {
                            Fail("step " + s + ": error codes [" + string.Join(",", have) + "], expected [" + string.Join(",", want) + "]");
                        }
                    }
                    string wantAck = expected.GetString("ackStatus");
                    if (wantAck != null)
                    {
                        string got = rc.Ack == null ? null : rc.Ack.GetJson("/lex/payload/acknowledgment/status");
                        if (got == null || Json.Parse(got).Str != wantAck)
                        {
                            Fail("step " + s + ": ack status " + got + ", expected " + wantAck);
                        }
                    }
                    Json wantLead = expected.Get("duplicateOfLead");
                    if (wantLead != null && rc.DuplicateOfLead != (wantLead.Kind == '0' ? null : wantLead.Str))
                    {
                        Fail("step " + s + ": duplicateOfLead " + (rc.DuplicateOfLead ?? "null") + ", expected " + wantLead.Raw);
                    }
                    Json wantRouting = expected.Get("routing");
                    if (wantRouting != null && rc.Routing != (wantRouting.Kind == '0' ? null : wantRouting.Str))
                    {
                        Fail("step " + s + ": routing " + (rc.Routing ?? "null") + ", expected " + wantRouting.Raw);
                    }
                }
            }
        }

        private static readonly string[] DecisionKeys = { "allowed", "code", "ruleId", "policy", "auditRequired", "retainUntil" };

        private void MayForward(Json v, string now)
        {
            Json input = v.Get("input");
            Json expected = v.Get("expected");
            // LoadInput reads `input`: hand it the message (templates apply as everywhere).
            var holder = new Json { Kind = '{' };
            holder.Members.Add(new KeyValuePair<string, Json>("input", input.Get("message")));
            byte[] bytes = Input(holder, now);
            if (bytes == null)
            {
                return;
            }
            ForwardDecision d;
            using (Message m = Lex.Parse(bytes, Format.Json))
            {
                d = Lex.MayForward(m, input.GetString("recipient"), VectorSupport.Clock(now));
            }
            Json actual = Json.Parse(d.Json);
            foreach (string key in DecisionKeys)
            {
                Json want = expected.Get(key);
                if (want == null)
                {
                    continue;
                }
                Json got = actual.Get(key);
                bool same = got == null ? want.Kind == '0' : Json.Equal(want, got, true);
                if (!same)
                {
                    Fail("decision " + key + " differs: " + d.Json);
                }
            }
            // The typed properties agree with the JSON.
            if (d.Allowed != actual.GetBool("allowed") || d.Code != actual.GetString("code")
                || d.RuleId != actual.GetString("ruleId") || d.Policy != actual.GetString("policy")
                || d.AuditRequired != actual.GetBool("auditRequired") || d.Reason != actual.GetString("reason"))
            {
                Fail("ForwardDecision properties disagree with " + d.Json);
            }
            string until = d.RetainUntil.HasValue
                ? d.RetainUntil.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
                : null;
            if (until != actual.GetString("retainUntil"))
            {
                Fail("RetainUntil " + until + " disagrees with " + d.Json);
            }
        }
    }
}
