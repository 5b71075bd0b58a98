using System;
using System.Runtime.InteropServices;
using System.Text;

namespace LexEdi
{
    /// <summary>
    /// UTF-8 marshalling, status checking and the one-time ABI check. Strings cross the
    /// boundary only as explicit UTF-8 bytes: never through the default (ANSI) marshaller.
    /// </summary>
    internal static class Interop
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);
        private static readonly object LoadLock = new object();
        private static volatile bool loaded;

        /// <summary>
        /// Loads liblex on first use and checks its ABI major against <see cref="Native.AbiMajor"/>.
        /// </summary>
        internal static void EnsureLoaded()
        {
            if (loaded)
            {
                return;
            }
            lock (LoadLock)
            {
                if (loaded)
                {
                    return;
                }
                uint abi;
                try
                {
                    abi = Native.lex_abi_version();
                }
                catch (DllNotFoundException e)
                {
                    throw new LexException(
                        "LIBRARY_NOT_FOUND",
                        LexStatus.Error,
                        "the native library liblex could not be loaded (put liblex.so next to LexEdi.dll, "
                            + "or install it where the loader finds it): " + e.Message,
                        null,
                        e);
                }
                CheckAbi(abi);
                loaded = true;
            }
        }

        /// <summary>Throws when the loaded ABI (<c>(major &lt;&lt; 16) | minor</c>) has another major.</summary>
        internal static void CheckAbi(uint loadedAbi)
        {
            uint major = loadedAbi >> 16;
            uint minor = loadedAbi & 0xFFFF;
            if (major != Native.AbiMajor)
            {
                throw new LexException(
                    "ABI_MISMATCH",
                    LexStatus.Error,
                    string.Format(
                        "LexEdi was built for the lex C ABI {0}.{1}, but the loaded liblex has ABI {2}.{3}: "
                            + "install a liblex and a LexEdi of the same release",
                        Native.AbiMajor,
                        Native.AbiMinor,
                        major,
                        minor),
                    null,
                    null);
            }
        }

        /// <summary>
        /// UTF-8 bytes of <paramref name="s"/> followed by a NUL (not counted in the length), so that
        /// an empty string still passes a non-NULL pointer; null stays null ("not given").
        /// </summary>
        internal static byte[] Utf8(string s, out UIntPtr len)
        {
            if (s == null)
            {
                len = UIntPtr.Zero;
                return null;
            }
            int n = StrictUtf8.GetByteCount(s);
            byte[] bytes = new byte[n + 1];
            StrictUtf8.GetBytes(s, 0, s.Length, bytes, 0);
            len = new UIntPtr((uint)n);
            return bytes;
        }

        /// <summary>The length of a byte input, refusing null.</summary>
        internal static UIntPtr Len(byte[] input, string name)
        {
            if (input == null)
            {
                throw new ArgumentNullException(name);
            }
            return new UIntPtr((ulong)input.LongLength);
        }

        /// <summary>Copies a borrowed view into a string; null when absent.</summary>
        internal static string Str(LexStr s)
        {
            return Decode(s.Ptr, s.Len);
        }

        /// <summary>
        /// The argument error for a disposed object: code INVALID_ARGUMENT and the text of the
        /// core's <c>closed_handle</c> (C has no closed state to ask about: a freed pointer is gone).
        /// </summary>
        internal static LexArgumentException Closed(string what)
        {
            return new LexArgumentException("INVALID_ARGUMENT", LexStatus.InvalidArgument, "the " + what + " was closed and cannot be used", null);
        }

        /// <summary>Copies owned text into a string and frees it; null when absent.</summary>
        internal static string Take(ref LexBuf buf)
        {
            try
            {
                return Decode(buf.Ptr, buf.Len);
            }
            finally
            {
                Native.lex_buf_free(ref buf);
            }
        }

        private static string Decode(IntPtr ptr, UIntPtr len)
        {
            if (ptr == IntPtr.Zero)
            {
                return null;
            }
            ulong n = len.ToUInt64();
            if (n > int.MaxValue)
            {
                throw new LexException("INTERNAL_ERROR", LexStatus.Internal, "text too long for a .NET string", null, null);
            }
            byte[] bytes = new byte[(int)n];
            Marshal.Copy(ptr, bytes, 0, (int)n);
            return Encoding.UTF8.GetString(bytes);
        }

        /// <summary>
        /// Frees an unused error object after success, or turns a failed status and its error
        /// object into the matching <see cref="LexException"/> (and frees the object).
        /// </summary>
        internal static void Check(int status, IntPtr err)
        {
            if (status == 0)
            {
                if (err != IntPtr.Zero)
                {
                    Native.lex_error_free(err);
                }
                return;
            }
            throw LexException.FromNative(status, err);
        }

        /// <summary>Checks a status of a call without an error parameter (only NULL can fail it).</summary>
        internal static void Check(int status)
        {
            Check(status, IntPtr.Zero);
        }

        /// <summary>Reads a list of static strings through a count and a getter.</summary>
        internal delegate int CountFn(out UIntPtr n);

        /// <summary>Getter of item i of a static list.</summary>
        internal delegate int GetFn(UIntPtr i, out LexStr s, ref IntPtr err);

        internal static string[] ReadList(CountFn count, GetFn get)
        {
            EnsureLoaded();
            UIntPtr n;
            Check(count(out n));
            string[] items = new string[(int)n.ToUInt64()];
            for (int i = 0; i < items.Length; i++)
            {
                IntPtr err = IntPtr.Zero;
                LexStr s;
                Check(get(new UIntPtr((uint)i), out s, ref err), err);
                items[i] = Str(s);
            }
            return items;
        }
    }
}
