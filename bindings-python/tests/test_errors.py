"""Error paths: every failure is a lex.LexError subclass with a stable code and a location."""

import json

import lex
import pytest
from conftest import NOW


def test_syntax_error_has_a_location() -> None:
    with pytest.raises(lex.ParseError) as info:
        lex.parse('{"lex": {\n  "header": ]}')
    e = info.value
    assert isinstance(e, lex.LexError) and isinstance(e, ValueError) and isinstance(e, Exception)
    assert (e.code, e.line, e.column, e.offset) == ("SYNTAX_ERROR", 2, 13, 22)
    assert e.segment is None and e.segment_id is None
    assert str(e).startswith("SYNTAX_ERROR: ") and "line 2, column 13" in str(e)
    assert e.message and e.message in str(e)
    assert repr(e).startswith("ParseError('SYNTAX_ERROR', ")


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "EMPTY_INPUT"),
        ("   \n ", "EMPTY_INPUT"),
        (b'{"lex": "\xff"}', "INVALID_ENCODING"),
        ('{"lex": {}, "lex": {}}', "DUPLICATE_KEY"),
        ('{"nolex": {}}', "NOT_A_LEX_MESSAGE"),
        ("[1, 2]", "UNKNOWN_FORMAT"),
        ("hello", "UNKNOWN_FORMAT"),
        ('{"lex": {"header": ', "SYNTAX_ERROR"),
        ("\ud800", "INVALID_ENCODING"),
        ([1, 2], "NOT_A_LEX_MESSAGE"),
        ({"lex": []}, "NOT_A_LEX_MESSAGE"),
    ],
)
def test_parse_errors(data: object, code: str) -> None:
    with pytest.raises(lex.ParseError) as info:
        lex.parse(data)  # type: ignore[arg-type]
    assert info.value.code == code
    with pytest.raises(lex.ParseError):
        lex.validate(data, now=NOW)  # type: ignore[arg-type]


def test_limits_raise_limit_errors() -> None:
    deep = '{"lex": ' + "[" * 10_000 + "]" * 10_000 + "}"
    with pytest.raises(lex.LimitError) as info:
        lex.parse(deep)
    assert info.value.code == "DEPTH_LIMIT_EXCEEDED" and info.value.line == 1
    assert info.value.offset is not None and info.value.offset < 200
    with pytest.raises(lex.LimitError) as info:
        lex.parse('{"lex": {"n": ' + "1" * 5000 + "}}")
    assert info.value.code == "TOKEN_LIMIT_EXCEEDED"
    with pytest.raises(lex.LimitError) as info:
        lex.parse('{"lex": {"header": {}}}', limits=lex.Limits(max_depth=2))
    assert info.value.code == "DEPTH_LIMIT_EXCEEDED"
    with pytest.raises(lex.LimitError) as info:
        lex.parse('{"lex": {}}  ', limits=lex.Limits(max_input_bytes=5))
    assert info.value.code == "SIZE_LIMIT_EXCEEDED"


def test_dict_inputs_are_bounded() -> None:
    deep: dict = {}
    node = deep
    for _ in range(10_000):
        node["a"] = {}
        node = node["a"]
    with pytest.raises(lex.LimitError) as info:
        lex.parse({"lex": deep})
    assert info.value.code == "DEPTH_LIMIT_EXCEEDED"
    assert (info.value.path or "").startswith("/lex/a/a/")
    cyclic: dict = {"lex": {}}
    cyclic["lex"]["self"] = cyclic
    with pytest.raises(lex.LimitError) as info:
        lex.validate(cyclic, now=NOW)
    assert info.value.code == "DEPTH_LIMIT_EXCEEDED"
    with pytest.raises(lex.LimitError) as info:
        lex.parse({"lex": {"list": list(range(100))}}, limits=lex.Limits(max_nodes=50))
    assert info.value.code == "COUNT_LIMIT_EXCEEDED"


@pytest.mark.parametrize(
    "value, where",
    [
        ({"lex": {"x": float("nan")}}, "/lex/x"),
        ({"lex": {"x": float("inf")}}, "/lex/x"),
        ({"lex": {"x": {1, 2}}}, "/lex/x"),
        ({"lex": {"x": [b"bytes"]}}, "/lex/x/0"),
        ({"lex": {1: "int key"}}, "/lex"),
        ({"lex": {"x": object()}}, "/lex/x"),
    ],
)
def test_unconvertible_python_values(value: dict, where: str) -> None:
    with pytest.raises(lex.ArgumentError) as info:
        lex.parse(value)
    assert info.value.code == "INVALID_ARGUMENT" and info.value.path == where
    assert isinstance(info.value, ValueError)


def test_argument_errors(lead: dict) -> None:
    cases = [
        lambda: lex.parse(lead, "yaml"),
        lambda: lex.convert(lead, "pdf"),
        lambda: lex.validate(lead, level=4),
        lambda: lex.validate(lead, level=0),
        lambda: lex.validate(lead, policy="lenient"),
        lambda: lex.validate(lead, now="yesterday"),
        lambda: lex.validate(lead, now=__import__("datetime").datetime(2026, 1, 1)),
        lambda: lex.validate(lead, now=12),
        lambda: lex.parse(42),
        lambda: lex.parse(None),
        lambda: lex.detect(lead),
        lambda: lex.transition_allowed("CART", "FLYING"),
        lambda: lex.check_transition("NOWHERE", "CART"),
        lambda: lex.check_transition("CART", "SHOPPING", "sideways"),
        lambda: lex.acknowledge(lead, "MAYBE"),
        lambda: lex.acknowledge(lex.acknowledge(lead)),
        lambda: lex.new_message("INQUIRY", {}, "a", "b"),
        lambda: lex.new_message("LEAD", [], "a", "b"),
        lambda: lex.Receiver(level=9),
        lambda: lex.parse(json.dumps(lead) + json.dumps(lead)),
    ]
    for n, call in enumerate(cases):
        with pytest.raises(lex.LexError) as info:
            call()
        assert info.value.code in ("INVALID_ARGUMENT", "SYNTAX_ERROR"), n
        if info.value.code == "INVALID_ARGUMENT":
            assert isinstance(info.value, lex.ArgumentError), n


def test_writers_for_other_formats_raise_lex_errors(lead: dict) -> None:
    """XML/X12/EDIFACT writers come from the core; whatever they do, failures are LexErrors."""
    msg = lex.parse(lead)
    for write in (msg.to_xml, msg.to_x12, msg.to_edifact):
        try:
            text = write()
        except lex.LexError as e:
            assert e.code in lex.ERROR_CODES
        else:
            assert isinstance(text, str) and text


def test_every_error_code_maps_to_a_class() -> None:
    families = {
        lex.ParseError: {
            "EMPTY_INPUT",
            "INVALID_ENCODING",
            "SYNTAX_ERROR",
            "DUPLICATE_KEY",
            "NOT_A_LEX_MESSAGE",
            "UNKNOWN_FORMAT",
            "FORBIDDEN_CONSTRUCT",
            "ENVELOPE_ERROR",
            "PAYLOAD_INTEGRITY",
        },
        lex.LimitError: {
            "SIZE_LIMIT_EXCEEDED",
            "DEPTH_LIMIT_EXCEEDED",
            "TOKEN_LIMIT_EXCEEDED",
            "COUNT_LIMIT_EXCEEDED",
        },
        lex.ArgumentError: {"INVALID_ARGUMENT"},
        lex.ConversionError: {"UNREPRESENTABLE"},
        lex.InternalError: {"INTERNAL_ERROR"},
        lex.IoError: {"IO_ERROR"},
    }
    assert set().union(*families.values()) == set(lex.ERROR_CODES)
    for cls in families:
        assert issubclass(cls, lex.LexError) and cls.__module__ == "lex"


def test_a_panic_becomes_internal_error() -> None:
    # Debug builds (the ones `make test` uses) carry a hook that panics inside the boundary.
    from lex import _native

    with pytest.raises(lex.InternalError) as info:
        _native._debug_panic()  # type: ignore[attr-defined]
    assert info.value.code == "INTERNAL_ERROR"
    assert "deliberate panic" in info.value.message
    assert isinstance(info.value, Exception)
    # The module keeps working afterwards.
    assert lex.transition_allowed("CART", "SHOPPING")


def test_errors_pickle_with_their_location() -> None:
    import pickle

    with pytest.raises(lex.ParseError) as info:
        lex.parse('{"lex": {"a": 1,}}')
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is lex.ParseError
    assert (again.code, again.line, again.column, again.offset, str(again)) == (
        info.value.code,
        info.value.line,
        info.value.column,
        info.value.offset,
        str(info.value),
    )
