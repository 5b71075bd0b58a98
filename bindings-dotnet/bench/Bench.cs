using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using LexEdi;

/// <summary>
/// The C# benchmark of issue 13 (a program, not a test): absolute figures of LexEdi on Mono
/// over the shared corpus (validate, parse, X12/EDIFACT read, convert) and the P/Invoke
/// overhead of a trivial call. There is no C# peer to compare with; the ratio column is left
/// empty. Prints a Markdown table in the columns of the other languages and writes it to the
/// output file.
///   make bench-dotnet   (Bench.exe [corpus dir] [output .md])
/// </summary>
public static class Bench
{
    /// <summary>The cheapest call into liblex (no arguments, a number back): the runtime's own
    /// P/Invoke cost, against which the binding's trivial call is read.</summary>
    [DllImport("lex", CallingConvention = CallingConvention.Cdecl)]
    private static extern uint lex_abi_version();

    private static readonly StringBuilder Rows = new StringBuilder();
    private static readonly List<string> Notes = new List<string>();

    /// <summary>Best seconds per call over 5 rounds of at least 0.2 s each, after a sizing round.</summary>
    private static double Measure(Action op)
    {
        long n = 1;
        while (true)
        {
            var sw = Stopwatch.StartNew();
            for (long i = 0; i < n; i++)
            {
                op();
            }
            double dt = sw.Elapsed.TotalSeconds;
            if (dt > 0.2)
            {
                break;
            }
            n *= dt < 0.02 ? 10 : 2;
        }
        double best = double.MaxValue;
        for (int r = 0; r < 5; r++)
        {
            var sw = Stopwatch.StartNew();
            for (long i = 0; i < n; i++)
            {
                op();
            }
            best = Math.Min(best, sw.Elapsed.TotalSeconds / n);
        }
        return best;
    }

    private static void Row(string op, string impl, long bytes, Action action)
    {
        double t = Measure(action);
        string us = t < 1e-6
            ? string.Format(CultureInfo.InvariantCulture, "{0:F0} ns", t * 1e9)
            : string.Format(CultureInfo.InvariantCulture, "{0:F2}", t * 1e6);
        string mbps = bytes > 0 ? string.Format(CultureInfo.InvariantCulture, "{0:F1}", bytes / t / 1e6) : "—";
        Rows.AppendFormat(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3} | {4} | — |\n",
            op, impl, bytes > 0 ? bytes.ToString(CultureInfo.InvariantCulture) : "—", us, mbps);
    }

    private static void DisposeAll(IReadOnlyList<Message> messages)
    {
        foreach (Message m in messages)
        {
            m.Dispose();
        }
    }

    private static string Runtime()
    {
        Type mono = Type.GetType("Mono.Runtime");
        MethodInfo name = mono == null ? null : mono.GetMethod("GetDisplayName", BindingFlags.NonPublic | BindingFlags.Static);
        return name == null ? Environment.Version.ToString() : "Mono " + ((string)name.Invoke(null, null)).Split(' ')[0];
    }

    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        string corpus = args.Length > 0 ? args[0] : "build/bench-corpus";
        string output = args.Length > 1 ? args[1] : "build/bench-results/dotnet.md";
        foreach (string size in new[] { "small", "typical", "large" })
        {
            foreach (string kind in new[] { "valid", "invalid" })
            {
                string path = Path.Combine(corpus, size + "-" + kind + ".json");
                if (!File.Exists(path))
                {
                    continue;
                }
                byte[] bytes = File.ReadAllBytes(path);
                string text = Encoding.UTF8.GetString(bytes);
                string op = "json-validate/" + size + "-" + kind;
                Row(op, "Lex.Validate(string) + Dispose", bytes.Length, () => Lex.Validate(text).Dispose());
                Row(op, "Lex.Validate(byte[]) + Dispose", bytes.Length, () => Lex.Validate(bytes).Dispose());
            }
        }
        foreach (string size in new[] { "small", "typical", "large" })
        {
            string path = Path.Combine(corpus, size + "-valid.json");
            if (File.Exists(path))
            {
                byte[] bytes = File.ReadAllBytes(path);
                Row("json-parse/" + size + "-valid", "Lex.Parse(byte[]) + Dispose", bytes.Length,
                    () => Lex.Parse(bytes).Dispose());
            }
        }
        var interchanges = new[]
        {
            Tuple.Create("x12-batch.x12", "x12-read/100-typical", Format.X12),
            Tuple.Create("edifact-batch.edi", "edifact-read/100-typical", Format.Edifact),
        };
        foreach (var ic in interchanges)
        {
            string path = Path.Combine(corpus, ic.Item1);
            if (!File.Exists(path))
            {
                Notes.Add(ic.Item1 + " is not in the corpus (the core cannot write that format yet): not measured");
                continue;
            }
            byte[] bytes = File.ReadAllBytes(path);
            Row(ic.Item2, "Lex.ParseAll + Dispose", bytes.Length, () => DisposeAll(Lex.ParseAll(bytes, ic.Item3)));
        }
        var conversions = new[]
        {
            Tuple.Create("typical-valid.json", Format.Json, Format.Edifact, "json-to-edifact"),
            Tuple.Create("typical-valid.json", Format.Json, Format.X12, "json-to-x12"),
            Tuple.Create("typical-valid.json", Format.Json, Format.Xml, "json-to-xml"),
            Tuple.Create("typical-valid.edi", Format.Edifact, Format.Json, "edifact-to-json"),
            Tuple.Create("typical-valid.x12", Format.X12, Format.Json, "x12-to-json"),
            Tuple.Create("typical-valid.xml", Format.Xml, Format.Json, "xml-to-json"),
        };
        foreach (var c in conversions)
        {
            string path = Path.Combine(corpus, c.Item1);
            if (!File.Exists(path))
            {
                Notes.Add(c.Item1 + " is not in the corpus: convert/" + c.Item4 + " not measured");
                continue;
            }
            byte[] bytes = File.ReadAllBytes(path);
            Row("convert/" + c.Item4, "Lex.Convert", bytes.Length, () => Lex.Convert(bytes, c.Item3, c.Item2).GetHashCode());
        }
        string from = "SHOPPING", to = "ORDER";
        Row("per-call overhead", "Lex.TransitionAllowed (trivial call through P/Invoke)", 0,
            () => Lex.TransitionAllowed(from, to));
        Row("per-call overhead", "lex_abi_version() declared in the harness (P/Invoke floor: no arguments)", 0,
            () => lex_abi_version());
        Row("per-call overhead", "string.Equals (pure C#, for scale)", 0, () => string.Equals(from, to));

        var md = new StringBuilder();
        md.Append("### C# (" + Runtime() + ", LexEdi built with mcs, hand-written harness, one process)\n\n");
        md.Append("| operation / input | implementation | bytes | µs/op | MB/s | this time ÷ lex time |\n");
        md.Append("|---|---|---:|---:|---:|---:|\n");
        md.Append(Rows);
        md.Append("\n- No C# peer is measured (absolute figures only); the per-call row is the P/Invoke overhead.\n");
        foreach (string note in Notes)
        {
            md.Append("- ").Append(note).Append('\n');
        }
        Console.WriteLine(md.ToString());
        string dir = Path.GetDirectoryName(output);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        File.WriteAllText(output, md.ToString(), new UTF8Encoding(false));
        return 0;
    }
}
