using System;

namespace LexEdi
{
    /// <summary>The status of a failed call into liblex (<c>lex_status</c>).</summary>
    public enum LexStatus
    {
        /// <summary>Success (never carried by an exception).</summary>
        Ok = 0,
        /// <summary>An operation error outside the groups below (see <see cref="LexException.Code"/>).</summary>
        Error = 1,
        /// <summary>The input could not be read.</summary>
        ParseError = 2,
        /// <summary>The input exceeds a configured limit.</summary>
        LimitExceeded = 3,
        /// <summary>An argument was invalid.</summary>
        InvalidArgument = 4,
        /// <summary>A required argument was missing.</summary>
        NullPointer = 5,
        /// <summary>The message cannot be written in the requested format.</summary>
        Unrepresentable = 6,
        /// <summary>An internal invariant failed (a bug in lex).</summary>
        Internal = 7,
        /// <summary>A panic was caught inside the library (a bug in lex); the process is intact.</summary>
        Panic = 255,
    }

    /// <summary>Where an error happened. Every member is null when unknown.</summary>
    public sealed class ErrorLocation
    {
        internal ErrorLocation(LexLocation l)
        {
            Line = Opt(l.Line);
            Column = Opt(l.Column);
            Offset = Opt(l.Offset);
            Segment = Opt(l.Segment);
            Element = Opt(l.Element);
            Component = Opt(l.Component);
            SegmentId = Interop.Str(l.SegmentId);
            Path = Interop.Str(l.Path);
        }

        /// <summary>1-based line.</summary>
        public long? Line { get; private set; }
        /// <summary>1-based column, in characters.</summary>
        public long? Column { get; private set; }
        /// <summary>0-based byte offset.</summary>
        public long? Offset { get; private set; }
        /// <summary>1-based EDI segment ordinal.</summary>
        public long? Segment { get; private set; }
        /// <summary>1-based EDI element position.</summary>
        public long? Element { get; private set; }
        /// <summary>1-based EDI component position.</summary>
        public long? Component { get; private set; }
        /// <summary>EDI segment tag (<c>ISA</c>, <c>UNH</c>, ...).</summary>
        public string SegmentId { get; private set; }
        /// <summary>JSON pointer into the message tree.</summary>
        public string Path { get; private set; }

        private static long? Opt(long v)
        {
            return v < 0 ? (long?)null : v;
        }
    }

    /// <summary>
    /// Any failure of a lex operation ("could not do what you asked"). Validation findings are
    /// never thrown: they come back in a <see cref="Report"/>.
    /// </summary>
    public class LexException : Exception
    {
        /// <summary>Creates an exception with a stable code.</summary>
        public LexException(string code, LexStatus status, string message, ErrorLocation location, Exception inner)
            : base(message, inner)
        {
            Code = code;
            Status = status;
            Location = location;
        }

        /// <summary>The stable error code of the core (<c>SYNTAX_ERROR</c>, <c>INTERNAL_ERROR</c>, ...).</summary>
        public string Code { get; private set; }

        /// <summary>The status liblex returned.</summary>
        public LexStatus Status { get; private set; }

        /// <summary>Where it happened, when known (null otherwise).</summary>
        public ErrorLocation Location { get; private set; }

        /// <summary>Builds the exception for a failed status; frees <paramref name="err"/>.</summary>
        internal static LexException FromNative(int status, IntPtr err)
        {
            string code = null;
            string message = null;
            ErrorLocation location = null;
            if (err != IntPtr.Zero)
            {
                try
                {
                    LexStr s;
                    if (Native.lex_error_code(err, out s) == 0)
                    {
                        code = Interop.Str(s);
                    }
                    if (Native.lex_error_message(err, out s) == 0)
                    {
                        message = Interop.Str(s);
                    }
                    LexLocation loc;
                    if (Native.lex_error_location(err, out loc) == 0)
                    {
                        location = new ErrorLocation(loc);
                    }
                }
                finally
                {
                    Native.lex_error_free(err);
                }
            }
            if (code == null)
            {
                LexStr name;
                code = Native.lex_status_name(status, out name) == 0 ? Interop.Str(name) : "UNKNOWN_STATUS";
            }
            if (message == null)
            {
                message = code;
            }
            LexStatus st = (LexStatus)status;
            switch (st)
            {
                case LexStatus.ParseError:
                    return new ParseException(code, message, location);
                case LexStatus.LimitExceeded:
                    return new LimitException(code, message, location);
                case LexStatus.InvalidArgument:
                case LexStatus.NullPointer:
                    return new LexArgumentException(code, st, message, location);
                case LexStatus.Unrepresentable:
                    return new ConversionException(code, message, location);
                case LexStatus.Error:
                    // The only family liblex reports as LEX_STATUS_ERROR is Io.
                    return new IoException(code, message, location);
                default:
                    return new InternalException(code, st, message, location);
            }
        }
    }

    /// <summary>An exception whose location is the point of failure inside the input.</summary>
    public abstract class LexLocatedException : LexException
    {
        internal LexLocatedException(string code, LexStatus status, string message, ErrorLocation location)
            : base(code, status, message, location, null)
        {
        }

        /// <summary>1-based line, or null.</summary>
        public long? Line { get { return Location == null ? null : Location.Line; } }
        /// <summary>1-based column in characters, or null.</summary>
        public long? Column { get { return Location == null ? null : Location.Column; } }
        /// <summary>0-based byte offset, or null.</summary>
        public long? Offset { get { return Location == null ? null : Location.Offset; } }
        /// <summary>1-based EDI segment ordinal, or null.</summary>
        public long? Segment { get { return Location == null ? null : Location.Segment; } }
        /// <summary>EDI segment tag, or null.</summary>
        public string SegmentId { get { return Location == null ? null : Location.SegmentId; } }
        /// <summary>1-based EDI element position, or null.</summary>
        public long? Element { get { return Location == null ? null : Location.Element; } }
        /// <summary>1-based EDI component position, or null.</summary>
        public long? Component { get { return Location == null ? null : Location.Component; } }
        /// <summary>JSON pointer into the message tree, or null.</summary>
        public string Path { get { return Location == null ? null : Location.Path; } }
    }

    /// <summary>The input could not be read (empty, not UTF-8, malformed, not a LEX message, ...).</summary>
    public sealed class ParseException : LexLocatedException
    {
        internal ParseException(string code, string message, ErrorLocation location)
            : base(code, LexStatus.ParseError, message, location)
        {
        }
    }

    /// <summary>The input exceeds a configured limit (size, depth, token length, node count).</summary>
    public sealed class LimitException : LexLocatedException
    {
        internal LimitException(string code, string message, ErrorLocation location)
            : base(code, LexStatus.LimitExceeded, message, location)
        {
        }
    }

    /// <summary>An argument was invalid: unknown status or message type, bad option value, missing value.</summary>
    public sealed class LexArgumentException : LexException
    {
        internal LexArgumentException(string code, LexStatus status, string message, ErrorLocation location)
            : base(code, status, message, location, null)
        {
        }
    }

    /// <summary>The message cannot be written in the requested format (<c>UNREPRESENTABLE</c>).</summary>
    public sealed class ConversionException : LexLocatedException
    {
        internal ConversionException(string code, string message, ErrorLocation location)
            : base(code, LexStatus.Unrepresentable, message, location)
        {
        }
    }

    /// <summary>Reading or writing a file or stream failed (<c>IO_ERROR</c>).</summary>
    public sealed class IoException : LexLocatedException
    {
        internal IoException(string code, string message, ErrorLocation location)
            : base(code, LexStatus.Error, message, location)
        {
        }
    }

    /// <summary>A bug inside lex: a failed invariant, or a panic caught at the boundary.</summary>
    public sealed class InternalException : LexException
    {
        internal InternalException(string code, LexStatus status, string message, ErrorLocation location)
            : base(code, status, message, location, null)
        {
        }
    }
}
