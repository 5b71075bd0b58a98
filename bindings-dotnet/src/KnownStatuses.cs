using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace LexEdi
{
    /// <summary>
    /// The lead status names as NUL-terminated UTF-8 in pinned arrays, made once per process: a
    /// transition check between two of them hands liblex two addresses instead of encoding and
    /// marshalling two byte arrays (on Mono, the array marshalling alone costs more than the
    /// native call). The arrays stay pinned for the life of the process, like the status list.
    /// </summary>
    internal static class KnownStatuses
    {
        private sealed class Table
        {
            internal readonly string[] Names;
            internal readonly IntPtr[] Ptrs;
            internal readonly UIntPtr[] Lens;

            internal Table(IReadOnlyList<string> names)
            {
                Names = new string[names.Count];
                Ptrs = new IntPtr[names.Count];
                Lens = new UIntPtr[names.Count];
                for (int i = 0; i < names.Count; i++)
                {
                    Names[i] = names[i];
                    byte[] bytes = Interop.Utf8(names[i], out Lens[i]);
                    Ptrs[i] = GCHandle.Alloc(bytes, GCHandleType.Pinned).AddrOfPinnedObject();
                }
            }
        }

        private static Table table;

        /// <summary>The pinned UTF-8 of a status name; false for anything that is not a status.</summary>
        internal static bool TryGet(string status, out IntPtr ptr, out UIntPtr len)
        {
            Table t = table ?? (table = new Table(Lex.Statuses));
            if (status != null)
            {
                // A scan of 15 short names (reference first: callers mostly pass literals or
                // LeadStatus wire names) is cheaper on Mono than a Dictionary lookup.
                string[] names = t.Names;
                for (int i = 0; i < names.Length; i++)
                {
                    string n = names[i];
                    if ((object)n == (object)status || (n.Length == status.Length && string.CompareOrdinal(n, status) == 0))
                    {
                        ptr = t.Ptrs[i];
                        len = t.Lens[i];
                        return true;
                    }
                }
            }
            ptr = IntPtr.Zero;
            len = UIntPtr.Zero;
            return false;
        }
    }
}
