using System;
using System.Diagnostics;
using System.IO;
using LexEdi;

/// <summary>
/// Prints the cost per call of common LexEdi operations (a benchmark program, not a test):
/// the same operations as ffi/bench/bench.c, so the difference is the P/Invoke layer.
///   make bench-dotnet
/// </summary>
public static class Bench
{
    private static void Measure(string name, int n, Action op)
    {
        for (int i = 0; i < n / 10; i++)
        {
            op(); // warm up (JIT, marshalling stubs)
        }
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < n; i++)
        {
            op();
        }
        sw.Stop();
        Console.WriteLine("{0,-40} {1,12:F0}", name, sw.Elapsed.TotalMilliseconds * 1e6 / n);
    }

    /// <summary>Entry point: Bench.exe [input.json] [iterations].</summary>
    public static int Main(string[] args)
    {
        byte[] input = File.ReadAllBytes(args.Length > 0 ? args[0] : "examples/lead.json");
        int n = args.Length > 1 ? int.Parse(args[1]) : 20000;
        var options = new ValidationOptions { Now = DateTimeOffset.Parse("2026-05-04T10:00:00Z") };
        using (Message m = Lex.Parse(input))
        {
            Console.WriteLine("{0,-40} {1,12}", "operation (LexEdi on Mono)", "ns/call");
            Measure("Message.MessageId (accessor)", n, () => m.MessageId.GetHashCode());
            Measure("Lex.Fingerprint", n, () => Lex.Fingerprint("jane@example.com", "+14155551234", "Smith").GetHashCode());
            Measure("Lex.Parse + Dispose", n, () => Lex.Parse(input).Dispose());
            Measure("Lex.Validate(message) + Dispose", n, () => Lex.Validate(m, options).Dispose());
            Measure("Message.ToJson", n, () => m.ToJson().GetHashCode());
            Measure("Lex.Convert(json -> json)", n, () => Lex.Convert(input, Format.Json).GetHashCode());
        }
        return 0;
    }
}
