using System;

namespace LexEdi
{
    /// <summary>
    /// Options of reading and validating. The native options are built from these values on
    /// first use and reused until a setter runs. Any number of threads may use one instance;
    /// a change made while another thread runs a call applies from the next call on.
    /// </summary>
    public sealed class ValidationOptions
    {
        private static readonly ValidationOptions Defaults = new ValidationOptions();
        private readonly object sync = new object();
        private ValidateOptionsHandle cached;
        private int level;
        private DateTimeOffset? now;
        private ReadMode mode;
        private TransitionPolicy policy;
        private string previousStatus;
        private bool includeInfo;
        private long? maxInputBytes;
        private long? maxDepth;
        private long? maxStringBytes;
        private long? maxNumberChars;
        private long? maxNodes;

        /// <summary>Creates the defaults: level 2, the system clock, tolerant reading, default policy.</summary>
        public ValidationOptions()
        {
            level = 2;
        }

        /// <summary>The conformance level: 1, 2 (default) or 3.</summary>
        public int Level
        {
            get { return level; }
            set { level = value; Invalidate(); }
        }

        /// <summary>The clock of the rules that look at time (TTL, dates); null = the system clock.</summary>
        public DateTimeOffset? Now
        {
            get { return now; }
            set { now = value; Invalidate(); }
        }

        /// <summary>Whether normalisations made while reading are warnings or errors.</summary>
        public ReadMode Mode
        {
            get { return mode; }
            set { mode = value; Invalidate(); }
        }

        /// <summary>Which status transition rules apply.</summary>
        public TransitionPolicy Policy
        {
            get { return policy; }
            set { policy = value; Invalidate(); }
        }

        /// <summary>The stored status of the lead, checked against the message's status (null: none).</summary>
        public string PreviousStatus
        {
            get { return previousStatus; }
            set { previousStatus = value; Invalidate(); }
        }

        /// <summary>Also report issues of level INFO.</summary>
        public bool IncludeInfo
        {
            get { return includeInfo; }
            set { includeInfo = value; Invalidate(); }
        }

        /// <summary>Largest input in bytes (null: the library default).</summary>
        public long? MaxInputBytes
        {
            get { return maxInputBytes; }
            set { maxInputBytes = value; Invalidate(); }
        }

        /// <summary>Deepest nesting (null: the library default).</summary>
        public long? MaxDepth
        {
            get { return maxDepth; }
            set { maxDepth = value; Invalidate(); }
        }

        /// <summary>Longest string in bytes (null: the library default).</summary>
        public long? MaxStringBytes
        {
            get { return maxStringBytes; }
            set { maxStringBytes = value; Invalidate(); }
        }

        /// <summary>Longest number in characters (null: the library default).</summary>
        public long? MaxNumberChars
        {
            get { return maxNumberChars; }
            set { maxNumberChars = value; Invalidate(); }
        }

        /// <summary>Most nodes in a tree (null: the library default).</summary>
        public long? MaxNodes
        {
            get { return maxNodes; }
            set { maxNodes = value; Invalidate(); }
        }

        // A setter drops the cached native options. A call still using them keeps them alive
        // (the marshaller holds a reference on the SafeHandle); the finalizer frees them later.
        private void Invalidate()
        {
            lock (sync)
            {
                cached = null;
            }
        }

        /// <summary>
        /// The native options of the current values, built once and reused until a setter runs.
        /// Shared: callers must not dispose it.
        /// </summary>
        internal ValidateOptionsHandle Cached()
        {
            lock (sync)
            {
                return cached ?? (cached = ToNative());
            }
        }

        /// <summary>Builds new native options; the caller owns the handle.</summary>
        internal ValidateOptionsHandle ToNative()
        {
            Interop.EnsureLoaded();
            IntPtr err = IntPtr.Zero;
            IntPtr ptr = IntPtr.Zero;
            Interop.Check(Native.lex_validate_options_new(ref ptr, ref err), err);
            var h = new ValidateOptionsHandle(ptr);
            try
            {
                // The core checks the range of the whole int (one error text in every language).
                byte level;
                err = IntPtr.Zero;
                Interop.Check(Native.lex_parse_level(Level, out level, ref err), err);
                err = IntPtr.Zero;
                Interop.Check(Native.lex_validate_options_set_level(h, level, ref err), err);
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
            // The core checks the range (positive) with its own text.
            UIntPtr checkedValue;
            UIntPtr nl;
            byte[] n = Interop.Utf8(name, out nl);
            IntPtr err = IntPtr.Zero;
            Interop.Check(Native.lex_parse_limit(n, nl, value.Value, out checkedValue, ref err), err);
            err = IntPtr.Zero;
            Interop.Check(set(h, checkedValue, ref err), err);
        }

        /// <summary>The (shared, cached) native options of <paramref name="options"/>, or of the defaults when null.</summary>
        internal static ValidateOptionsHandle NativeOf(ValidationOptions options)
        {
            return (options ?? Defaults).Cached();
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
