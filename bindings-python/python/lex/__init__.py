"""lex: read, validate, convert, build and acknowledge LEX 1.0 lead-exchange messages.

All the work is done by the Rust core (``lex._native``); this package only re-exports it
with the exception classes of :mod:`lex._errors`.
"""

from ._errors import (
    ArgumentError,
    ConversionError,
    InternalError,
    LexError,
    LimitError,
    ParseError,
)
from ._native import (
    ACK_STATUSES,
    ERROR_CODES,
    FORMATS,
    LEX_VERSION,
    MESSAGE_TYPES,
    STATUSES,
    VERSION,
    Issue,
    Limits,
    Message,
    Receipt,
    Receiver,
    Report,
    acknowledge,
    check_transition,
    convert,
    detect,
    fingerprint,
    new_message,
    parse,
    parse_all,
    transition_allowed,
    validate,
)

__version__ = VERSION

__all__ = [
    "ACK_STATUSES",
    "ERROR_CODES",
    "FORMATS",
    "LEX_VERSION",
    "MESSAGE_TYPES",
    "STATUSES",
    "VERSION",
    "ArgumentError",
    "ConversionError",
    "InternalError",
    "Issue",
    "LexError",
    "LimitError",
    "Limits",
    "Message",
    "ParseError",
    "Receipt",
    "Receiver",
    "Report",
    "acknowledge",
    "check_transition",
    "convert",
    "detect",
    "fingerprint",
    "new_message",
    "parse",
    "parse_all",
    "transition_allowed",
    "validate",
]
