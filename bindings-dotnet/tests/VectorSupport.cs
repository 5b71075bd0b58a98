using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace LexEdi.Tests
{
    /// <summary>Locating and loading the shared vectors (tests/vectors/README.md).</summary>
    internal static class VectorSupport
    {
        public const string DefaultNow = "2026-04-03T12:00:00Z";

        /// <summary>The repository root: $LEX_REPO_ROOT, else the first parent holding tests/vectors.</summary>
        public static string RepoRoot
        {
            get
            {
                string env = Environment.GetEnvironmentVariable("LEX_REPO_ROOT");
                if (!string.IsNullOrEmpty(env))
                {
                    return Path.GetFullPath(env);
                }
                string dir = Directory.GetCurrentDirectory();
                while (dir != null)
                {
                    if (Directory.Exists(Path.Combine(dir, "tests", "vectors")) && Directory.Exists(Path.Combine(dir, "bindings-dotnet")))
                    {
                        return dir;
                    }
                    dir = Path.GetDirectoryName(dir);
                }
                throw new InvalidOperationException("cannot find the repository root: set LEX_REPO_ROOT");
            }
        }

        /// <summary>The upstream standard: $LEX_SPEC_DIR (the Makefile exports it), else ../shared/spec/lex-1.0 beside the root.</summary>
        public static string SpecDir
        {
            get
            {
                string env = Environment.GetEnvironmentVariable("LEX_SPEC_DIR");
                return Path.GetFullPath(string.IsNullOrEmpty(env) ? Path.Combine(RepoRoot, "../shared/spec/lex-1.0") : env);
            }
        }

        /// <summary>Why the vector <paramref name="v"/> cannot run here (it names a `specFile` and the standard is absent), or null.</summary>
        public static string SkipReason(Json v)
        {
            if (v.GetString("specFile") == null || Directory.Exists(SpecDir))
            {
                return null;
            }
            return (v.GetString("id") ?? "") + ": LEX_SPEC_DIR " + SpecDir + " not found: skipped";
        }

        /// <summary>The vector folders: $LEX_VECTOR_DIRS (space separated, relative to the root) or tests/vectors.</summary>
        public static string[] Dirs
        {
            get
            {
                string env = Environment.GetEnvironmentVariable("LEX_VECTOR_DIRS");
                string[] dirs = string.IsNullOrWhiteSpace(env)
                    ? new[] { "tests/vectors" }
                    : env.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                var full = new string[dirs.Length];
                for (int i = 0; i < dirs.Length; i++)
                {
                    full[i] = Path.IsPathRooted(dirs[i]) ? dirs[i] : Path.Combine(RepoRoot, dirs[i]);
                }
                return full;
            }
        }

        /// <summary>Every *.json below a folder, sorted by ordinal path (the order of every runner).</summary>
        public static List<string> Collect(string dir)
        {
            var paths = new List<string>();
            if (Directory.Exists(dir))
            {
                paths.AddRange(Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories));
            }
            paths.Sort(string.CompareOrdinal);
            return paths;
        }

        private static readonly Regex Template = new Regex(@"\{\{NOW_PLUS_(-?[0-9]+)S\}\}");

        /// <summary>The input bytes of a vector (or step): `input` raw text, `inputText`, `inputFile` or `specFile`, templated.</summary>
        public static byte[] LoadInput(Json v, string vectorPath, string now)
        {
            string raw;
            Json input = v.Get("input");
            if (input != null)
            {
                raw = input.Raw;
            }
            else if (v.GetString("inputText") != null)
            {
                raw = v.GetString("inputText");
            }
            else if (v.GetString("inputFile") != null)
            {
                string file = Path.Combine(Path.GetDirectoryName(vectorPath), v.GetString("inputFile"));
                raw = new UTF8Encoding(false).GetString(File.ReadAllBytes(file));
            }
            else if (v.GetString("specFile") != null)
            {
                string file = Path.Combine(SpecDir, v.GetString("specFile"));
                raw = new UTF8Encoding(false).GetString(File.ReadAllBytes(file));
            }
            else
            {
                return null;
            }
            DateTimeOffset clock = Clock(now);
            raw = Template.Replace(raw, m => clock.AddSeconds(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                .UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            return new UTF8Encoding(false).GetBytes(raw);
        }

        public static DateTimeOffset Clock(string now)
        {
            return DateTimeOffset.Parse(now, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        public static Format FormatOf(string name)
        {
            switch (name)
            {
                case null: return Format.Auto;
                case "json": return Format.Json;
                case "xml": return Format.Xml;
                case "x12": return Format.X12;
                case "edifact": return Format.Edifact;
                default: return (Format)(-1);
            }
        }

        public static string LevelName(Level level)
        {
            return level.ToString().ToUpperInvariant();
        }

        /// <summary>Validation options of a vector: level / conformanceLevel, mode, policy, previousState, now.</summary>
        public static ValidationOptions OptionsOf(Json v, string now)
        {
            var o = new ValidationOptions { Now = Clock(now) };
            string level = v.GetString("level");
            long? cl = v.GetLong("conformanceLevel");
            if (level != null && level.Length == 2 && level[0] == 'L')
            {
                cl = level[1] - '0';
            }
            if (cl.HasValue)
            {
                o.Level = (int)cl.Value;
            }
            if (v.GetString("mode") == "strict")
            {
                o.Mode = ReadMode.Strict;
            }
            if (v.GetString("policy") == "strict-table")
            {
                o.Policy = TransitionPolicy.StrictTable;
            }
            Json prev = v.Get("previousState");
            if (prev != null && prev.GetString("status") != null)
            {
                o.PreviousStatus = prev.GetString("status");
            }
            return o;
        }
    }
}
