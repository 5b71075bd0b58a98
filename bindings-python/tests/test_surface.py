"""The operations added for parity (X12 997, serialize_all) and bad input: every wrong type,
unknown name, out-of-range level and negative limit raises lex.ArgumentError with the
core's code and text."""

from typing import Any, Callable

import lex
import pytest


def test_x12_997_round_trip(lead: dict) -> None:
    x12 = lex.parse(lead).to_x12()
    ack = lex.x12_functional_ack(x12)
    assert ack.startswith("ISA") and "ST*997*" in ack
    groups = lex.x12_read_functional_ack(ack.encode())
    assert groups[0]["functionalId"] == "PO" and groups[0]["status"] == "A"
    with pytest.raises(lex.ParseError):
        lex.x12_functional_ack("{}")
    with pytest.raises(lex.ArgumentError):
        lex.x12_functional_ack(lead)  # type: ignore[arg-type]


def test_edifact_contrl_round_trip(lead: dict) -> None:
    contrl = lex.edifact_contrl(lex.parse(lead).to_edifact())
    assert "CONTRL:D:3:UN" in contrl
    assert lex.edifact_contrl_read(contrl)[0]["accepted"] is True


def test_serialize_all(lead: dict) -> None:
    m = lex.parse(lead)
    assert "GE*2*" in lex.serialize_all([m, m], "x12")
    with pytest.raises(lex.LexError):
        lex.serialize_all([m, m], "json")
    with pytest.raises(lex.ArgumentError) as info:
        lex.serialize_all([m, "text"], "x12")  # type: ignore[list-item]
    assert info.value.message == "messages must be an iterable of lex.Message"


BAD: list[tuple[Callable[[dict], Any], str]] = [
    (lambda d: lex.parse(d, 12), "format must be a string"),
    (lambda d: lex.parse(d, "yaml"), 'unknown format "yaml" (expected json, xml, x12 or edifact)'),
    (lambda d: lex.convert(d, None), "format must be a string"),
    (lambda d: lex.validate(d, level=0), "level must be 1, 2 or 3, not 0"),
    (lambda d: lex.validate(d, level=4), "level must be 1, 2 or 3, not 4"),
    (lambda d: lex.validate(d, level="2"), "level must be an integer"),
    (lambda d: lex.validate(d, level=True), "level must be an integer"),
    (lambda d: lex.validate(d, policy=3), "policy must be a string"),
    (
        lambda d: lex.validate(d, policy="lenient"),
        'unknown transition policy "lenient" (expected default or strict-table)',
    ),
    (lambda d: lex.Receiver(level=4), "level must be 1, 2 or 3, not 4"),
    (lambda d: lex.Limits(max_depth=-1), "limit max_depth must be a positive integer, not -1"),
    (lambda d: lex.Limits(max_nodes=0), "limit max_nodes must be a positive integer, not 0"),
    (lambda d: lex.Limits(max_depth="deep"), "max_depth must be an integer"),
    (lambda d: lex.new_message("lead", {}, "a", "b"), 'unknown message type "lead"'),
    (lambda d: lex.new_message(5, {}, "a", "b"), "message_type must be a string"),
    (lambda d: lex.check_transition("CART", "SHOPPING", "sideways"), "unknown transition policy"),
]


@pytest.mark.parametrize("call, text", BAD)
def test_bad_arguments_raise_the_core_argument_error(
    lead: dict, call: Callable[[dict], Any], text: str
) -> None:
    with pytest.raises(lex.ArgumentError) as info:
        call(lead)
    e = info.value
    assert isinstance(e, ValueError) and e.code == "INVALID_ARGUMENT"
    assert e.message.startswith(text), e.message
