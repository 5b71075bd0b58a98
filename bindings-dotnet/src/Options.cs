using System;

namespace LexEdi
{
    /// <summary>
    /// Options of reading and validating. A plain settings object: the native options are built
    /// from it for each call, so one instance may be shared by threads as long as nobody
    /// changes it meanwhile.
    /// </summary>
    public sealed class ValidationOptions
    {
        /// <summary>Creates the defaults: level 2, the system clock, tolerant reading, default policy.</summary>
        public ValidationOptions()
        {
            Level = 2;
        }

        /// <summary>The conformance level: 1, 2 (default) or 3.</summary>
        public int Level { get; set; }

        /// <summary>The clock of the rules that look at time (TTL, dates); null = the system clock.</summary>
        public DateTimeOffset? Now { get; set; }

        /// <summary>Whether normalisations made while reading are warnings or errors.</summary>
        public ReadMode Mode { get; set; }

        /// <summary>Which status transition rules apply.</summary>
        public TransitionPolicy Policy { get; set; }

        /// <summary>The stored status of the lead, checked against the message's status (null: none).</summary>
        public string PreviousStatus { get; set; }

        /// <summary>Also report issues of level INFO.</summary>
        public bool IncludeInfo { get; set; }

        /// <summary>Largest input in bytes (null: the library default).</summary>
        public long? MaxInputBytes { get; set; }

        /// <summary>Deepest nesting (null: the library default).</summary>
        public long? MaxDepth { get; set; }

        /// <summary>Longest string in bytes (null: the library default).</summary>
        public long? MaxStringBytes { get; set; }

        /// <summary>Longest number in characters (null: the library default).</summary>
        public long? MaxNumberChars { get; set; }

        /// <summary>Most nodes in a tree (null: the library default).</summary>
        public long? MaxNodes { get; set; }

        /// <summary>Builds the native options; the caller disposes the handle.</summary>
        internal ValidateOptionsHandle ToNative()
        {
            Interop.EnsureLoaded();
            IntPtr err = IntPtr.Zero;
            IntPtr ptr = IntPtr.Zero;
            Interop.Check(Native.lex_validate_options_new(ref ptr, ref err), err);
            var h = new ValidateOptionsHandle(ptr);
            try
            {
                if (Level < 0 || Level > 255)
                {
                    throw new ArgumentOutOfRangeException("Level", Level, "the conformance level is 1, 2 or 3");
                }
                err = IntPtr.Zero;
                Interop.Check(Native.lex_validate_options_set_level(h, (byte)Level, ref err), err);
                if (Now.HasValue)
                {
                    err = IntPtr.Zero;
                    Interop.Check(Native.lex_validate_options_set_now_unix_ms(h, Now.Value.ToUnixTimeMilliseconds(), ref err), err);
                }
                err = IntPtr.Zero;
                Interop.Check(Native.lex_validate_options_set_mode(h, (int)Mode, ref err), err);
                err = IntPtr.Zero;
                Interop.Check(Native.lex_validate_options_set_policy(h, (int)Policy, ref err), err);
                if (PreviousStatus != null)
                {
                    UIntPtr len;
                    byte[] s = Interop.Utf8(PreviousStatus, out len);
                    err = IntPtr.Zero;
                    Interop.Check(Native.lex_validate_options_set_previous_status(h, s, len, ref err), err);
                }
                err = IntPtr.Zero;
                Interop.Check(Native.lex_validate_options_set_include_info(h, IncludeInfo ? (byte)1 : (byte)0, ref err), err);
                SetLimit(h, MaxInputBytes, "MaxInputBytes", Native.lex_validate_options_set_max_input_bytes);
                SetLimit(h, MaxDepth, "MaxDepth", Native.lex_validate_options_set_max_depth);
                SetLimit(h, MaxStringBytes, "MaxStringBytes", Native.lex_validate_options_set_max_string_bytes);
                SetLimit(h, MaxNumberChars, "MaxNumberChars", Native.lex_validate_options_set_max_number_chars);
                SetLimit(h, MaxNodes, "MaxNodes", Native.lex_validate_options_set_max_nodes);
                return h;
            }
            catch
            {
                h.Dispose();
                throw;
            }
        }

        private delegate int LimitSetter(ValidateOptionsHandle h, UIntPtr value, ref IntPtr err);

        private static void SetLimit(ValidateOptionsHandle h, long? value, string name, LimitSetter set)
        {
            if (!value.HasValue)
            {
                return;
            }
            if (value.Value < 0)
            {
                throw new ArgumentOutOfRangeException(name, value.Value, "a limit cannot be negative");
            }
            IntPtr err = IntPtr.Zero;
            Interop.Check(set(h, new UIntPtr((ulong)value.Value), ref err), err);
        }

        /// <summary>The native options of <paramref name="options"/>, or of the defaults when null.</summary>
        internal static ValidateOptionsHandle NativeOf(ValidationOptions options)
        {
            return (options ?? new ValidationOptions()).ToNative();
        }
    }

    /// <summary>Options of building messages (<see cref="Lex.NewMessage"/>, <see cref="Lex.Acknowledge"/>).</summary>
    public sealed class BuildOptions
    {
        /// <summary>The timestamp to write; null = the system clock.</summary>
        public DateTimeOffset? Now { get; set; }

        /// <summary>The new message's own id; null = a fresh UUID v4.</summary>
        public string MessageId { get; set; }

        internal static BuildOptionsHandle NativeOf(BuildOptions options)
        {
            Interop.EnsureLoaded();
            IntPtr err = IntPtr.Zero;
            IntPtr ptr = IntPtr.Zero;
            Interop.Check(Native.lex_build_options_new(ref ptr, ref err), err);
            var h = new BuildOptionsHandle(ptr);
            if (options == null)
            {
                return h;
            }
            try
            {
                if (options.Now.HasValue)
                {
                    err = IntPtr.Zero;
                    Interop.Check(Native.lex_build_options_set_now_unix_ms(h, options.Now.Value.ToUnixTimeMilliseconds(), ref err), err);
                }
                if (options.MessageId != null)
                {
                    UIntPtr len;
                    byte[] id = Interop.Utf8(options.MessageId, out len);
                    err = IntPtr.Zero;
                    Interop.Check(Native.lex_build_options_set_message_id(h, id, len, ref err), err);
                }
                return h;
            }
            catch
            {
                h.Dispose();
                throw;
            }
        }
    }
}
