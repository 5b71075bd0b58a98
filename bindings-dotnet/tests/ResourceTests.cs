using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using NUnit.Framework;

namespace LexEdi.Tests
{
    /// <summary>No native memory is leaked by create/dispose cycles; shared objects work across threads.</summary>
    [TestFixture]
    public class ResourceTests
    {
        private const int Cycles = 100000;

        /// <summary>Resident set size of this process in KiB (Linux /proc).</summary>
        private static long RssKiB()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            foreach (string line in File.ReadAllLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:"))
                {
                    return long.Parse(line.Substring(6).Trim().Split(' ')[0]);
                }
            }
            throw new InvalidOperationException("no VmRSS in /proc/self/status");
        }

        private static void Cycle(byte[] lead, ValidationOptions options)
        {
            using (Message m = Lex.Parse(lead))
            using (Report r = Lex.Validate(m, options))
            using (var rx = new Receiver(options))
            {
                if (!r.Valid || m.MessageId == null)
                {
                    throw new InvalidOperationException("unexpected result");
                }
            }
        }

        [Test]
        public void HundredThousandCreateDisposeCyclesDoNotGrowMemory()
        {
            byte[] lead = ApiTests.Lead;
            ValidationOptions options = ApiTests.AtNow;
            for (int i = 0; i < 2000; i++)
            {
                Cycle(lead, options); // warm up: JIT, allocator pools, the managed heap
            }
            long before = RssKiB();
            for (int i = 0; i < Cycles; i++)
            {
                Cycle(lead, options);
            }
            long after = RssKiB();
            long growth = after - before;
            Console.WriteLine("disposal: RSS {0} KiB before, {1} KiB after {2} cycles (message + report + receiver each): {3:+0;-0} KiB",
                before, after, Cycles, growth);
            // One leaked message alone holds more than 1 KiB of native memory: a leak per cycle
            // would add > 100 MB. 16 MiB leaves room for allocator and GC noise.
            Assert.That(growth, Is.LessThan(16 * 1024), "RSS grew by " + growth + " KiB");
        }

        [Test]
        public void EightThreadsValidateOneSharedMessage()
        {
            using (Message shared = Lex.Parse(ApiTests.Lead))
            {
                string expected = Lex.Validate(shared, ApiTests.AtNow).ToJson();
                var errors = new List<string>();
                var threads = new Thread[8];
                for (int t = 0; t < threads.Length; t++)
                {
                    threads[t] = new Thread(() =>
                    {
                        try
                        {
                            for (int i = 0; i < 500; i++)
                            {
                                using (Report r = Lex.Validate(shared, ApiTests.AtNow))
                                {
                                    if (r.ToJson() != expected)
                                    {
                                        throw new InvalidOperationException("report differs: " + r.ToJson());
                                    }
                                }
                                using (Report r = Lex.Validate(ApiTests.Lead, ApiTests.AtNow))
                                {
                                    if (!r.Valid)
                                    {
                                        throw new InvalidOperationException("input report invalid");
                                    }
                                }
                            }
                        }
                        catch (Exception e)
                        {
                            lock (errors)
                            {
                                errors.Add(e.ToString());
                            }
                        }
                    });
                    threads[t].Start();
                }
                foreach (Thread th in threads)
                {
                    th.Join();
                }
                Assert.That(errors, Is.Empty);
            }
        }

        [Test]
        public void EightThreadsShareOneReceiverAndEachIdIsFirstOnce()
        {
            string template = File.ReadAllText(ApiTests.LeadPath);
            int firsts = 0;
            using (var rx = new Receiver(ApiTests.AtNow))
            {
                var threads = new Thread[8];
                for (int t = 0; t < threads.Length; t++)
                {
                    threads[t] = new Thread(() =>
                    {
                        for (int i = 0; i < 50; i++)
                        {
                            string text = template.Replace("5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23", "id-" + i);
                            if (!rx.Receive(text).Duplicate)
                            {
                                Interlocked.Increment(ref firsts);
                            }
                        }
                    });
                    threads[t].Start();
                }
                foreach (Thread th in threads)
                {
                    th.Join();
                }
            }
            Assert.That(firsts, Is.EqualTo(50));
        }
    }
}
