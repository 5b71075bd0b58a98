using System.Collections.Generic;
using System.IO;
using NUnit.Framework;

namespace LexEdi.Tests
{
    /// <summary>Every shared vector (tests/vectors and any folder of $LEX_VECTOR_DIRS), one test case each.</summary>
    [TestFixture]
    public class VectorTests
    {
        /// <summary>The vector files, as paths relative to the repository root (readable test names).</summary>
        public static IEnumerable<string> Vectors()
        {
            string root = VectorSupport.RepoRoot;
            foreach (string dir in VectorSupport.Dirs)
            {
                foreach (string path in VectorSupport.Collect(dir))
                {
                    yield return path.StartsWith(root) ? path.Substring(root.Length).TrimStart('/') : path;
                }
            }
        }

        [Test]
        public void EveryVectorFolderHoldsVectors()
        {
            foreach (string dir in VectorSupport.Dirs)
            {
                Assert.That(VectorSupport.Collect(dir).Count, Is.GreaterThan(0), "no vector under " + dir);
            }
        }

        [Test, TestCaseSource("Vectors")]
        public void Vector(string path)
        {
            string full = Path.IsPathRooted(path) ? path : Path.Combine(VectorSupport.RepoRoot, path);
            List<string> failures = VectorRunner.Run(full);
            Assert.That(failures, Is.Empty, path + ":\n  " + string.Join("\n  ", failures));
        }
    }
}
