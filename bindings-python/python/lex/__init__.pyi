"""Type stubs for lex (checked against the compiled module with mypy.stubtest)."""

from datetime import datetime
from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, Tuple, Union, final

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

__version__: str
VERSION: str
LEX_VERSION: str
STATUSES: Tuple[str, ...]
MESSAGE_TYPES: Tuple[str, ...]
ACK_STATUSES: Tuple[str, ...]
FORMATS: Tuple[str, ...]
ERROR_CODES: Tuple[str, ...]

_MessageInput = Union[str, bytes, bytearray, Mapping[str, Any], "Message"]
"""A message: text in any format, a mapping (the JSON-EDI tree) or a parsed Message."""

_Clock = Union[datetime, str]
"""An aware datetime or an RFC 3339 timestamp."""

class LexError(Exception):
    code: str
    message: str
    line: Optional[int]
    column: Optional[int]
    offset: Optional[int]
    segment: Optional[int]
    segment_id: Optional[str]
    element: Optional[int]
    component: Optional[int]
    path: Optional[str]
    location: str
    def __init__(
        self,
        code: str,
        message: str,
        *,
        line: Optional[int] = None,
        column: Optional[int] = None,
        offset: Optional[int] = None,
        segment: Optional[int] = None,
        segment_id: Optional[str] = None,
        element: Optional[int] = None,
        component: Optional[int] = None,
        path: Optional[str] = None,
        location: str = "",
    ) -> None: ...

class ParseError(LexError, ValueError): ...
class LimitError(LexError, ValueError): ...
class ArgumentError(LexError, ValueError): ...
class ConversionError(LexError): ...
class InternalError(LexError): ...

@final
class Limits:
    def __new__(
        cls,
        *,
        max_input_bytes: Optional[int] = None,
        max_depth: Optional[int] = None,
        max_string_bytes: Optional[int] = None,
        max_number_chars: Optional[int] = None,
        max_nodes: Optional[int] = None,
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
    def rule_id(self) -> Optional[str]: ...
    @property
    def rejected_value(self) -> Any: ...
    @property
    def allowed_values(self) -> Optional[List[str]]: ...
    @property
    def constraint(self) -> Optional[str]: ...
    @property
    def threshold(self) -> Any: ...
    @property
    def from_status(self) -> Optional[str]: ...
    @property
    def to_status(self) -> Optional[str]: ...
    @property
    def suggestion(self) -> Optional[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Report:
    @property
    def valid(self) -> bool: ...
    @property
    def errors(self) -> List[Issue]: ...
    @property
    def warnings(self) -> List[Issue]: ...
    @property
    def issues(self) -> List[Issue]: ...
    @property
    def http_status(self) -> int: ...
    def has_code(self, code: str) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self, pretty: bool = True) -> str: ...
    def __bool__(self, /) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Message:
    @property
    def message_type(self) -> Optional[str]: ...
    @property
    def message_id(self) -> Optional[str]: ...
    @property
    def source_format(self) -> str: ...
    @property
    def read_issues(self) -> List[Issue]: ...
    def fingerprint(self) -> Optional[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
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
    def ack(self) -> Optional[Message]: ...
    @property
    def duplicate(self) -> bool: ...
    @property
    def outcome(self) -> Literal["ACCEPTED", "REJECTED", "DEAD_LETTER"]: ...
    @property
    def http_status(self) -> int: ...
    @property
    def duplicate_of_lead(self) -> Optional[str]: ...

@final
class Receiver:
    def __new__(
        cls,
        *,
        level: int = 2,
        now: Optional[_Clock] = None,
        strict: bool = False,
        policy: str = "default",
        include_info: bool = False,
        limits: Optional[Limits] = None,
    ) -> Receiver: ...
    def receive(self, data: _MessageInput) -> Receipt: ...
    def receive_all(self, data: _MessageInput) -> List[Receipt]: ...

def parse(
    data: _MessageInput,
    format: Optional[str] = None,
    *,
    strict: bool = False,
    limits: Optional[Limits] = None,
) -> Message: ...
def parse_all(
    data: _MessageInput,
    format: Optional[str] = None,
    *,
    strict: bool = False,
    limits: Optional[Limits] = None,
) -> List[Message]: ...
def validate(
    data: _MessageInput,
    format: Optional[str] = None,
    *,
    level: int = 2,
    now: Optional[_Clock] = None,
    strict: bool = False,
    policy: str = "default",
    previous_status: Optional[str] = None,
    include_info: bool = False,
    limits: Optional[Limits] = None,
) -> Report: ...
def convert(
    data: _MessageInput,
    to: str,
    from_format: Optional[str] = None,
    *,
    pretty: bool = True,
    strict: bool = False,
    limits: Optional[Limits] = None,
) -> str: ...
def detect(data: Union[str, bytes, bytearray]) -> Optional[str]: ...
def fingerprint(email: str = "", phone: str = "", last_name: str = "") -> str: ...
def acknowledge(
    message: _MessageInput,
    status: Optional[str] = None,
    report: Optional[Report] = None,
    *,
    message_id: Optional[str] = None,
    now: Optional[_Clock] = None,
) -> Message: ...
def new_message(
    message_type: str,
    payload: Mapping[str, Any],
    sender_id: str,
    receiver_id: str,
    *,
    message_id: Optional[str] = None,
    now: Optional[_Clock] = None,
) -> Message: ...
def transition_allowed(from_status: str, to_status: str) -> bool: ...
def check_transition(
    from_status: str, to_status: str, policy: str = "default"
) -> Literal["allowed", "unlisted", "forbidden"]: ...
