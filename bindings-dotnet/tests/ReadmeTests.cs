using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace LexEdi.Tests
{
    /// <summary>The C# example of bindings-dotnet/README.md compiles with mcs and prints what the README says.</summary>
    [TestFixture]
    public class ReadmeTests
    {
        private static string Run(string file, string args, string workDir, out int exitCode)
        {
            var psi = new ProcessStartInfo(file, args)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = workDir,
            };
            using (Process p = Process.Start(psi))
            {
                string stderr = null;
                var errThread = new System.Threading.Thread(() => stderr = p.StandardError.ReadToEnd());
                errThread.Start();
                string stdout = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                errThread.Join();
                exitCode = p.ExitCode;
                return stdout + (string.IsNullOrEmpty(stderr) ? "" : "\n[stderr]\n" + stderr);
            }
        }

        [Test]
        public void ReadmeExampleCompilesAndPrintsTheDocumentedOutput()
        {
            string root = VectorSupport.RepoRoot;
            string readme = File.ReadAllText(Path.Combine(root, "bindings-dotnet", "README.md"));
            Match code = Regex.Match(readme, "```csharp\n(.*?)```", RegexOptions.Singleline);
            Assert.That(code.Success, "README.md has no ```csharp block");
            Match output = Regex.Match(readme.Substring(code.Index + code.Length), "```text\n(.*?)```", RegexOptions.Singleline);
            Assert.That(output.Success, "README.md has no ```text block after the example");

            // Build next to LexEdi.dll so that Mono finds it and liblex.so beside it.
            string dir = Path.GetDirectoryName(typeof(Lex).Assembly.Location);
            string source = Path.Combine(dir, "ReadmeExample.cs");
            string exe = Path.Combine(dir, "ReadmeExample.exe");
            File.WriteAllText(source, code.Groups[1].Value);
            int rc;
            string compiled = Run("mcs", "-langversion:7.2 -warnaserror+ -nologo -r:LexEdi.dll -out:ReadmeExample.exe ReadmeExample.cs", dir, out rc);
            Assert.That(rc, Is.EqualTo(0), "mcs failed:\n" + compiled);

            string printed = Run("mono", "\"" + exe + "\" \"" + Path.Combine(root, "examples", "lead.json") + "\"", root, out rc);
            Assert.That(printed, Is.EqualTo(output.Groups[1].Value));
            Assert.That(rc, Is.EqualTo(0));
        }
    }
}
