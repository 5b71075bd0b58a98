using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LexEdi
{
    /// <summary>
    /// The answer of <see cref="Lex.MayForward"/>: may a message be routed to a recipient under
    /// its <c>lex.dataGovernance</c> block? Immutable.
    /// </summary>
    public sealed class ForwardDecision
    {
        private ForwardDecision()
        {
        }

        /// <summary>True when the message may be routed to the recipient.</summary>
        public bool Allowed { get; private set; }

        /// <summary>
        /// The stable reason code: <c>FORWARD_OPEN</c>, <c>FORWARD_NO_GOVERNANCE</c>,
        /// <c>FORWARD_ALLOWED_RECIPIENT</c>, <c>FORWARD_DIRECT_RECEIVER</c> (allowed);
        /// <c>FORWARD_BLOCKED_RECIPIENT</c>, <c>FORWARD_LOCKED</c>, <c>FORWARD_NOT_ALLOWED_RECIPIENT</c>,
        /// <c>FORWARD_RETENTION_EXPIRED</c>, <c>FORWARD_INVALID_POLICY</c>, <c>FORWARD_INVALID_RECIPIENT</c> (denied).
        /// </summary>
        public string Code { get; private set; }

        /// <summary>The published rule behind the decision (<c>DG-007</c>, <c>DG-010</c>, ...), or null.</summary>
        public string RuleId { get; private set; }

        /// <summary>The declared forwardingPolicy (<c>OPEN</c>, <c>RESTRICTED</c>, <c>LOCKED</c>, ...), or null without governance.</summary>
        public string Policy { get; private set; }

        /// <summary>True when the forwarder should log the forwarding event (<c>auditRequired</c>).</summary>
        public bool AuditRequired { get; private set; }

        /// <summary><c>declaredAt + retentionPolicy.maxRetentionDays</c> (UTC), or null when either is missing.</summary>
        public DateTimeOffset? RetainUntil { get; private set; }

        /// <summary>A human-readable explanation (may change between versions: never compare it).</summary>
        public string Reason { get; private set; }

        /// <summary>The decision as returned by liblex: the core's compact JSON object.</summary>
        public string Json { get; private set; }

        /// <inheritdoc/>
        public override string ToString()
        {
            return Json;
        }

        internal static ForwardDecision FromJson(string json)
        {
            Dictionary<string, object> m = FlatJson.Read(json);
            var d = new ForwardDecision { Json = json };
            d.Allowed = Get<bool>(m, "allowed", json);
            d.Code = Get<string>(m, "code", json);
            d.RuleId = Optional(m, "ruleId", json);
            d.Policy = Optional(m, "policy", json);
            d.Reason = Get<string>(m, "reason", json);
            d.AuditRequired = Get<bool>(m, "auditRequired", json);
            string until = Optional(m, "retainUntil", json);
            if (until != null)
            {
                d.RetainUntil = DateTimeOffset.Parse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            }
            return d;
        }

        private static T Get<T>(Dictionary<string, object> m, string key, string json)
        {
            object v;
            if (!m.TryGetValue(key, out v) || !(v is T))
            {
                throw FlatJson.Bad("member " + key + " is missing or of the wrong type", json);
            }
            return (T)v;
        }

        private static string Optional(Dictionary<string, object> m, string key, string json)
        {
            return m.ContainsKey(key) ? Get<string>(m, key, json) : null;
        }
    }

    /// <summary>
    /// Reads a flat JSON object whose values are strings, booleans or null: the shape of the
    /// decision liblex returns. Hand-written because netstandard2.0 and the Mono (mcs) build
    /// offer no JSON reader without extra assemblies, and the text is the core's own compact
    /// output; anything else is reported as an internal error, never guessed at.
    /// </summary>
    internal static class FlatJson
    {
        internal static Dictionary<string, object> Read(string s)
        {
            var m = new Dictionary<string, object>();
            int i = 0;
            Expect(s, ref i, '{');
            if (Peek(s, i) == '}')
            {
                i++;
            }
            else
            {
                while (true)
                {
                    string key = ReadString(s, ref i);
                    Expect(s, ref i, ':');
                    m[key] = ReadValue(s, ref i);
                    char c = Peek(s, i++);
                    if (c == '}')
                    {
                        break;
                    }
                    if (c != ',')
                    {
                        throw Bad("',' or '}' expected at " + (i - 1), s);
                    }
                }
            }
            if (i != s.Length)
            {
                throw Bad("text after the object at " + i, s);
            }
            return m;
        }

        internal static LexException Bad(string what, string json)
        {
            return new LexException("INTERNAL_ERROR", LexStatus.Internal, "unexpected JSON from liblex (" + what + "): " + json, null, null);
        }

        private static char Peek(string s, int i)
        {
            return i < s.Length ? s[i] : '\0';
        }

        private static void Expect(string s, ref int i, char c)
        {
            if (Peek(s, i) != c)
            {
                throw Bad("'" + c + "' expected at " + i, s);
            }
            i++;
        }

        private static object ReadValue(string s, ref int i)
        {
            if (Peek(s, i) == '"')
            {
                return ReadString(s, ref i);
            }
            string[] words = { "true", "false", "null" };
            object[] values = { true, false, null };
            for (int w = 0; w < words.Length; w++)
            {
                if (string.CompareOrdinal(s, i, words[w], 0, words[w].Length) == 0)
                {
                    i += words[w].Length;
                    return values[w];
                }
            }
            throw Bad("a string, boolean or null expected at " + i, s);
        }

        private static string ReadString(string s, ref int i)
        {
            Expect(s, ref i, '"');
            var sb = new StringBuilder();
            while (true)
            {
                char c = Peek(s, i++);
                if (i > s.Length)
                {
                    throw Bad("unterminated string", s);
                }
                if (c == '"')
                {
                    return sb.ToString();
                }
                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }
                char e = Peek(s, i++);
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        int code;
                        if (i + 4 > s.Length || !int.TryParse(s.Substring(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code))
                        {
                            throw Bad("bad \\u escape at " + i, s);
                        }
                        sb.Append((char)code); // surrogate pairs arrive as two escapes
                        i += 4;
                        break;
                    default:
                        throw Bad("bad escape at " + (i - 1), s);
                }
            }
        }
    }
}
