using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LexEdi.Tests
{
    /// <summary>
    /// A test-only JSON reader for the vector files. Hand-written on purpose: the runner needs
    /// the raw text of each value (a vector's `input` goes to the library byte for byte, and
    /// scalars are compared by their text like the C runner does) and object members in their
    /// order (trees are compared key order included). Mono's JavaScriptSerializer keeps
    /// neither, and NuGet (Json.NET) is not available to this build.
    /// </summary>
    internal sealed class Json
    {
        public char Kind; // '{' '[' '"' 'n' (number) 't' 'f' '0' (null)
        public string Raw = "";
        public string Str;
        public readonly List<KeyValuePair<string, Json>> Members = new List<KeyValuePair<string, Json>>();
        public readonly List<Json> Items = new List<Json>();

        public static Json Parse(string text)
        {
            int pos = 0;
            Json v = Value(text, ref pos);
            Ws(text, ref pos);
            if (pos != text.Length)
            {
                throw new FormatException("trailing characters at " + pos);
            }
            return v;
        }

        /// <summary>The member <paramref name="key"/> of an object, or null.</summary>
        public Json Get(string key)
        {
            foreach (var m in Members)
            {
                if (m.Key == key)
                {
                    return m.Value;
                }
            }
            return null;
        }

        /// <summary>The string member <paramref name="key"/>, or null.</summary>
        public string GetString(string key)
        {
            Json v = Get(key);
            return v != null && v.Kind == '"' ? v.Str : null;
        }

        public bool? GetBool(string key)
        {
            Json v = Get(key);
            return v == null || (v.Kind != 't' && v.Kind != 'f') ? (bool?)null : v.Kind == 't';
        }

        public long? GetLong(string key)
        {
            Json v = Get(key);
            return v == null || v.Kind != 'n' ? (long?)null : long.Parse(v.Raw, CultureInfo.InvariantCulture);
        }

        /// <summary>Structural equality; scalars by text, strings by value; members in order if asked.</summary>
        public static bool Equal(Json a, Json b, bool ordered)
        {
            if (a == null || b == null || a.Kind != b.Kind)
            {
                return false;
            }
            switch (a.Kind)
            {
                case '"':
                    return a.Str == b.Str;
                case '[':
                    if (a.Items.Count != b.Items.Count)
                    {
                        return false;
                    }
                    for (int i = 0; i < a.Items.Count; i++)
                    {
                        if (!Equal(a.Items[i], b.Items[i], ordered))
                        {
                            return false;
                        }
                    }
                    return true;
                case '{':
                    if (a.Members.Count != b.Members.Count)
                    {
                        return false;
                    }
                    for (int i = 0; i < a.Members.Count; i++)
                    {
                        var m = a.Members[i];
                        if (ordered)
                        {
                            if (m.Key != b.Members[i].Key || !Equal(m.Value, b.Members[i].Value, true))
                            {
                                return false;
                            }
                        }
                        else if (!Equal(m.Value, b.Get(m.Key), false))
                        {
                            return false;
                        }
                    }
                    return true;
                default:
                    return a.Raw == b.Raw;
            }
        }

        private static void Ws(string s, ref int p)
        {
            while (p < s.Length && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r'))
            {
                p++;
            }
        }

        private static Json Value(string s, ref int p)
        {
            Ws(s, ref p);
            if (p >= s.Length)
            {
                throw new FormatException("unexpected end");
            }
            int start = p;
            var v = new Json();
            char c = s[p];
            if (c == '{')
            {
                v.Kind = '{';
                p++;
                Ws(s, ref p);
                if (p < s.Length && s[p] == '}')
                {
                    p++;
                }
                else
                {
                    while (true)
                    {
                        Ws(s, ref p);
                        string key = StringAt(s, ref p);
                        Ws(s, ref p);
                        Expect(s, ref p, ':');
                        v.Members.Add(new KeyValuePair<string, Json>(key, Value(s, ref p)));
                        Ws(s, ref p);
                        if (p < s.Length && s[p] == ',')
                        {
                            p++;
                            continue;
                        }
                        Expect(s, ref p, '}');
                        break;
                    }
                }
            }
            else if (c == '[')
            {
                v.Kind = '[';
                p++;
                Ws(s, ref p);
                if (p < s.Length && s[p] == ']')
                {
                    p++;
                }
                else
                {
                    while (true)
                    {
                        v.Items.Add(Value(s, ref p));
                        Ws(s, ref p);
                        if (p < s.Length && s[p] == ',')
                        {
                            p++;
                            continue;
                        }
                        Expect(s, ref p, ']');
                        break;
                    }
                }
            }
            else if (c == '"')
            {
                v.Kind = '"';
                v.Str = StringAt(s, ref p);
            }
            else if (Lit(s, ref p, "true"))
            {
                v.Kind = 't';
            }
            else if (Lit(s, ref p, "false"))
            {
                v.Kind = 'f';
            }
            else if (Lit(s, ref p, "null"))
            {
                v.Kind = '0';
            }
            else
            {
                v.Kind = 'n';
                while (p < s.Length && "+-0123456789.eE".IndexOf(s[p]) >= 0)
                {
                    p++;
                }
                if (p == start)
                {
                    throw new FormatException("unexpected character at " + p);
                }
            }
            v.Raw = s.Substring(start, p - start);
            return v;
        }

        private static bool Lit(string s, ref int p, string word)
        {
            if (string.CompareOrdinal(s, p, word, 0, word.Length) == 0)
            {
                p += word.Length;
                return true;
            }
            return false;
        }

        private static void Expect(string s, ref int p, char c)
        {
            if (p >= s.Length || s[p] != c)
            {
                throw new FormatException("expected '" + c + "' at " + p);
            }
            p++;
        }

        private static string StringAt(string s, ref int p)
        {
            Expect(s, ref p, '"');
            var sb = new StringBuilder();
            while (p < s.Length && s[p] != '"')
            {
                char c = s[p++];
                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }
                char e = s[p++];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        sb.Append((char)int.Parse(s.Substring(p, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        p += 4;
                        break;
                    default: sb.Append(e); break;
                }
            }
            Expect(s, ref p, '"');
            return sb.ToString();
        }
    }
}
