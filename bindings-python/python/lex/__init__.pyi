"""Type stubs for lex (checked against the compiled module with mypy.stubtest)."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal, Union, final

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
    "ForwardDecision",
    "InternalError",
    "IoError",
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
    "duplicate_closure",
    "edifact_contrl",
    "edifact_contrl_read",
    "fingerprint",
    "may_forward",
    "new_message",
    "parse",
    "parse_all",
    "serialize_all",
    "transition_allowed",
    "validate",
    "x12_functional_ack",
    "x12_read_functional_ack",
]

__version__: str
VERSION: str
LEX_VERSION: str
STATUSES: tuple[str, ...]
MESSAGE_TYPES: tuple[str, ...]
ACK_STATUSES: tuple[str, ...]
FORMATS: tuple[str, ...]
ERROR_CODES: tuple[str, ...]

_MessageInput = Union[str, bytes, bytearray, Mapping[str, Any], "Message"]
"""A message: text in any format, a mapping (the JSON-EDI tree) or a parsed Message."""

_Clock = datetime | str
"""An aware datetime or an RFC 3339 timestamp."""

class LexError(Exception):
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
    ) -> None: ...

class ParseError(LexError, ValueError): ...
class LimitError(LexError, ValueError): ...
class ArgumentError(LexError, ValueError): ...
class ConversionError(LexError): ...
class IoError(LexError): ...
class InternalError(LexError): ...

@final
class Limits:
    def __new__(
        cls,
        *,
        max_input_bytes: int | None = None,
        max_depth: int | None = None,
        max_string_bytes: int | None = None,
        max_number_chars: int | None = None,
        max_nodes: int | None = None,
    ) -> Limits: ...
    @property
    def max_input_bytes(self) -> int: ...
    @property
    def max_depth(self) -> int: ...
    @property
    def max_string_bytes(self) -> int: ...
    @property
    def max_number_chars(self) -> int: ...
    @property
    def max_nodes(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self, /) -> int: ...

@final
class Issue:
    @property
    def level(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def pointer(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def rule_id(self) -> str | None: ...
    @property
    def rejected_value(self) -> Any: ...
    @property
    def allowed_values(self) -> list[str] | None: ...
    @property
    def constraint(self) -> str | None: ...
    @property
    def threshold(self) -> Any: ...
    @property
    def from_status(self) -> str | None: ...
    @property
    def to_status(self) -> str | None: ...
    @property
    def suggestion(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Report:
    @property
    def valid(self) -> bool: ...
    @property
    def errors(self) -> list[Issue]: ...
    @property
    def warnings(self) -> list[Issue]: ...
    @property
    def issues(self) -> list[Issue]: ...
    @property
    def http_status(self) -> int: ...
    def has_code(self, code: str) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, pretty: bool = True) -> str: ...
    def __bool__(self, /) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Message:
    @property
    def message_type(self) -> str | None: ...
    @property
    def message_id(self) -> str | None: ...
    @property
    def source_format(self) -> str: ...
    @property
    def read_issues(self) -> list[Issue]: ...
    def fingerprint(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, pretty: bool = True) -> str: ...
    def to_xml(self, pretty: bool = True) -> str: ...
    def to_x12(self, pretty: bool = True) -> str: ...
    def to_edifact(self, pretty: bool = True) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Receipt:
    @property
    def message(self) -> Message: ...
    @property
    def report(self) -> Report: ...
    @property
    def ack(self) -> Message | None: ...
    @property
    def duplicate(self) -> bool: ...
    @property
    def outcome(self) -> Literal["ACCEPTED", "REJECTED", "DEAD_LETTER"]: ...
    @property
    def http_status(self) -> int: ...
    @property
    def duplicate_of_lead(self) -> str | None: ...
    @property
    def routing(self) -> Literal["DLQ", "DISCARD", "RETURN"] | None: ...
    @property
    def dead_letter_reason(self) -> str | None: ...
    @property
    def retry_attempt(self) -> int | None: ...
    @property
    def fingerprint(self) -> str | None: ...
    @property
    def ack_status(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class ForwardDecision:
    @property
    def allowed(self) -> bool: ...
    @property
    def code(self) -> str: ...
    @property
    def rule_id(self) -> str | None: ...
    @property
    def policy(self) -> str | None: ...
    @property
    def reason(self) -> str: ...
    @property
    def audit_required(self) -> bool: ...
    @property
    def retain_until(self) -> str | None: ...
    def __bool__(self, /) -> bool: ...

@final
class Receiver:
    def __new__(
        cls,
        *,
        level: int = 2,
        now: _Clock | None = None,
        strict: bool = False,
        policy: str = "default",
        include_info: bool = False,
        limits: Limits | None = None,
    ) -> Receiver: ...
    def receive(self, data: _MessageInput) -> Receipt: ...
    def receive_all(self, data: _MessageInput) -> list[Receipt]: ...

def parse(
    data: _MessageInput,
    format: str | None = None,
    *,
    strict: bool = False,
    limits: Limits | None = None,
) -> Message: ...
def parse_all(
    data: _MessageInput,
    format: str | None = None,
    *,
    strict: bool = False,
    limits: Limits | None = None,
) -> list[Message]: ...
def validate(
    data: _MessageInput,
    format: str | None = None,
    *,
    level: int = 2,
    now: _Clock | None = None,
    strict: bool = False,
    policy: str = "default",
    previous_status: str | None = None,
    include_info: bool = False,
    limits: Limits | None = None,
) -> Report: ...
def convert(
    data: _MessageInput,
    to: str,
    from_format: str | None = None,
    *,
    pretty: bool = True,
    strict: bool = False,
    limits: Limits | None = None,
) -> str: ...
def detect(data: str | bytes | bytearray) -> str | None: ...
def fingerprint(email: str = "", phone: str = "", last_name: str = "") -> str: ...
def acknowledge(
    message: _MessageInput,
    status: str | None = None,
    report: Report | None = None,
    *,
    message_id: str | None = None,
    now: _Clock | None = None,
) -> Message: ...
def new_message(
    message_type: str,
    payload: Mapping[str, Any],
    sender_id: str,
    receiver_id: str,
    *,
    message_id: str | None = None,
    now: _Clock | None = None,
) -> Message: ...
def transition_allowed(from_status: str, to_status: str) -> bool: ...
def check_transition(
    from_status: str, to_status: str, policy: str = "default"
) -> Literal["allowed", "unlisted", "forbidden"]: ...
def may_forward(message: _MessageInput, recipient: str, *, now: _Clock | None = None) -> ForwardDecision: ...
def duplicate_closure(
    duplicate: _MessageInput,
    canonical_lead_id: str,
    *,
    message_id: str | None = None,
    now: _Clock | None = None,
) -> Message: ...
def edifact_contrl(data: str | bytes | bytearray) -> str: ...
def edifact_contrl_read(data: str | bytes | bytearray) -> list[dict[str, Any]]: ...
def x12_functional_ack(
    data: str | bytes | bytearray, *, strict: bool = False, limits: Limits | None = None
) -> str: ...
def x12_read_functional_ack(
    data: str | bytes | bytearray, *, strict: bool = False, limits: Limits | None = None
) -> list[dict[str, Any]]: ...
def serialize_all(messages: list[Message], to: str, *, pretty: bool = False) -> str: ...
