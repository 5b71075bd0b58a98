"""The exception family of ``lex``.

Every operation error carries a stable ``code`` (``SYNTAX_ERROR``, ``DEPTH_LIMIT_EXCEEDED``,
...) and, when it is about input, where it happened. The native module raises these classes;
validation findings are never raised, they are returned in a :class:`lex.Report`.
"""

from __future__ import annotations


class LexError(Exception):
    """An operation could not be done. Base class of every exception ``lex`` raises."""

    code: str
    message: str
    line: int | None
    column: int | None
    offset: int | None
    segment: int | None
    segment_id: str | None
    element: int | None
    component: int | None
    path: str | None
    location: str

    def __init__(
        self,
        code: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        offset: int | None = None,
        segment: int | None = None,
        segment_id: str | None = None,
        element: int | None = None,
        component: int | None = None,
        path: str | None = None,
        location: str = "",
    ) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
        self.segment = segment
        self.segment_id = segment_id
        self.element = element
        self.component = component
        self.path = path
        self.location = location

    def __str__(self) -> str:
        text = f"{self.code}: {self.message}"
        return f"{text} ({self.location})" if self.location else text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.message!r})"


class ParseError(LexError, ValueError):
    """The input could not be read: empty, not UTF-8, malformed, not a LEX message, unknown
    format, a forbidden XML construct, a broken EDI envelope."""


class LimitError(LexError, ValueError):
    """The input exceeds a configured limit (size, depth, token length, value count)."""


class ArgumentError(LexError, ValueError):
    """An argument is invalid (unknown format, status, level, unconvertible value, ...)."""


class ConversionError(LexError):
    """The message cannot be written in the requested format."""


class IoError(LexError):
    """Reading or writing a file or stream failed."""


class InternalError(LexError):
    """A bug in lex (an internal invariant failed or a panic was caught). Please report it."""


for _cls in (LexError, ParseError, LimitError, ArgumentError, ConversionError, IoError, InternalError):
    _cls.__module__ = "lex"
del _cls
