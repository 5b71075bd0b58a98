"""The Python surface: inputs, Message, Report, Issue, building, lifecycle, Receiver."""

import copy
import hashlib
import json
from datetime import datetime, timezone
from decimal import Decimal

import lex
import pytest
from conftest import NOW


def test_constants_mirror_the_core() -> None:
    assert lex.STATUSES[0] == "CART" and lex.STATUSES[-1] == "ARCHIVED" and len(lex.STATUSES) == 15
    assert lex.MESSAGE_TYPES == ("LEAD", "ASSET", "ACKNOWLEDGMENT", "SUBSCRIPTION", "LEAD_CLOSURE")
    assert "REJECTED" in lex.ACK_STATUSES and len(lex.ACK_STATUSES) == 8
    assert lex.FORMATS == ("json", "xml", "x12", "edifact")
    assert lex.LEX_VERSION == "1.0"
    assert lex.VERSION == lex.__version__ and lex.VERSION.count(".") == 2
    assert "SYNTAX_ERROR" in lex.ERROR_CODES and "INTERNAL_ERROR" in lex.ERROR_CODES
    assert len(set(lex.ERROR_CODES)) == len(lex.ERROR_CODES)


def test_str_bytes_dict_and_message_give_the_same_message(lead: dict) -> None:
    text = json.dumps(lead)
    from_str = lex.parse(text)
    assert lex.parse(text.encode()) == from_str
    assert lex.parse(bytearray(text.encode())) == from_str
    assert lex.parse(lead) == from_str
    assert lex.parse(from_str) == from_str
    assert from_str.message_type == "LEAD"
    assert from_str.message_id == "5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23"
    assert from_str.source_format == "json"
    assert from_str.read_issues == []
    assert repr(from_str) == "<lex.Message LEAD 5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23>"


def test_dict_conversion_keeps_order_and_number_text() -> None:
    tree = {
        "lex": {
            "header": {"z": 1, "a": 2.5, "m": True, "n": None},
            "payload": {
                "big": 123456789012345678901234567890,
                "dec": Decimal("1.50"),
                "exp": 1e100,
                "neg": -0.0,
                "list": [1, "two", [False], {"k": "v"}],
                "tuple": ("x", 3),
            },
        }
    }
    msg = lex.parse(tree)
    assert msg.to_json(pretty=False) == (
        '{"lex":{"header":{"z":1,"a":2.5,"m":true,"n":null},"payload":{"big":'
        '123456789012345678901234567890,"dec":1.50,"exp":1e+100,"neg":-0.0,'
        '"list":[1,"two",[false],{"k":"v"}],"tuple":["x",3]}}}'
    )
    back = msg.to_dict()
    assert list(back["lex"]["header"]) == ["z", "a", "m", "n"]
    assert back["lex"]["header"] == {"z": 1, "a": 2.5, "m": True, "n": None}
    assert back["lex"]["header"]["m"] is True
    payload = back["lex"]["payload"]
    assert payload["big"] == 123456789012345678901234567890 and isinstance(payload["big"], int)
    assert payload["dec"] == 1.5 and isinstance(payload["dec"], float)
    assert payload["tuple"] == ["x", 3]


def test_dict_input_is_not_modified(lead: dict) -> None:
    lead["lex"]["payload"]["lead"]["customer"]["email"] = lead["lex"]["payload"]["lead"]["customer"].pop(
        "emailAddress"
    )
    before = copy.deepcopy(lead)
    msg = lex.parse(lead)
    assert lead == before
    # The alias was normalised in the message, and reported.
    assert [i.code for i in msg.read_issues] == ["ALIAS_NORMALIZED"]
    assert "emailAddress" in msg.to_dict()["lex"]["payload"]["lead"]["customer"]


def test_to_json_pretty_and_compact(lead: dict) -> None:
    msg = lex.parse(lead)
    compact = msg.to_json(pretty=False)
    pretty = msg.to_json()
    assert "\n" not in compact and "\n" in pretty
    assert json.loads(compact) == json.loads(pretty) == lead
    assert lex.convert(lead, "json", pretty=False) == compact
    assert lex.convert(json.dumps(lead), "JSON", "json") == pretty


def test_report_and_issue_classes() -> None:
    report = lex.validate('{"lex":{"header":{"messageType":"INQUIRY"},"payload":{}}}', now=NOW)
    assert isinstance(report, lex.Report)
    assert not report and report.valid is False
    assert report.http_status == 422
    assert report.has_code("INVALID_ENUM_VALUE") and not report.has_code("NOPE")
    first = report.errors[0]
    assert isinstance(first, lex.Issue)
    assert (first.code, first.pointer) == ("INVALID_ENUM_VALUE", "/lex/header/messageType")
    assert first.level in ("CRITICAL", "ERROR")
    assert first.rejected_value == "INQUIRY"
    assert first.allowed_values is not None and "LEAD" in first.allowed_values
    assert repr(first).startswith("Issue(level=") and "INVALID_ENUM_VALUE" in repr(first)
    assert "INVALID_ENUM_VALUE" in str(first)
    d = report.to_dict()
    assert list(d) == ["valid", "errors", "warnings"] and d["valid"] is False
    assert d["errors"][0] == first.to_dict()
    assert first.to_dict()["rejectedValue"] == "INQUIRY"
    assert json.loads(report.to_json(pretty=False)) == d
    assert report.issues == report.errors + report.warnings
    assert repr(report).startswith("Report(valid=False, errors=[")
    assert report == lex.validate('{"lex":{"header":{"messageType":"INQUIRY"},"payload":{}}}', now=NOW)


def test_validate_options(lead: dict) -> None:
    assert lex.validate(lead, now=NOW)
    assert lex.validate(lead, level=1, now=datetime(2026, 4, 3, 12, tzinfo=timezone.utc))
    # The clock decides what is in the future.
    future = lex.validate(lead, now="2026-04-03T09:00:00Z")
    assert future.has_code("TIMESTAMP_IN_FUTURE") and not future
    # A stored status that cannot move to the message's status.
    back = lex.validate(lead, now=NOW, previous_status="DELIVERED")
    assert [i.code for i in back.errors] == ["INVALID_STATUS_TRANSITION"]
    assert (back.errors[0].from_status, back.errors[0].to_status) == ("DELIVERED", "EXPRESSED_INTEREST")
    # Strict mode turns normalisations into errors.
    lead["lex"]["payload"]["lead"]["customer"]["email"] = lead["lex"]["payload"]["lead"]["customer"].pop(
        "emailAddress"
    )
    assert lex.validate(lead, now=NOW).warnings[0].code == "ALIAS_NORMALIZED"
    strict = lex.validate(lead, now=NOW, strict=True)
    assert not strict and strict.errors[0].code == "ALIAS_NORMALIZED"


def test_fingerprint_matches_the_published_formula(lead: dict) -> None:
    expected = hashlib.sha256(b"amara.okafor@example.org|7700900123|okafor").hexdigest()
    assert lex.fingerprint(" Amara.Okafor@Example.org ", "+44 7700 900123", "Okafor") == expected
    assert (
        lex.fingerprint(email="amara.okafor@example.org", phone="7700900123", last_name="OKAFOR") == expected
    )
    assert lex.parse(lead).fingerprint() == expected
    assert lex.fingerprint() == hashlib.sha256(b"||").hexdigest()
    ack = lex.acknowledge(lead, now=NOW)
    assert ack.fingerprint() is None


def test_transitions() -> None:
    assert lex.transition_allowed("CART", "SHOPPING") is True
    assert lex.transition_allowed("ARCHIVED", "CART") is False
    assert lex.check_transition("DELIVERED", "ARCHIVED") == "allowed"
    assert lex.check_transition("EXPLORING", "DELIVERED") == "unlisted"
    assert lex.check_transition("EXPLORING", "DELIVERED", "strict-table") == "forbidden"
    assert lex.check_transition("DELIVERED", "IN_NEGOTIATION") == "forbidden"


def test_acknowledge(lead: dict) -> None:
    msg = lex.parse(lead)
    report = lex.validate(msg, now=NOW)
    ack = lex.acknowledge(msg, report=report, message_id="0b6b3c2e-8f7d-4c1a-9e5b-2d4f6a8c0e13", now=NOW)
    tree = ack.to_dict()["lex"]
    assert tree["header"]["messageId"] == "0b6b3c2e-8f7d-4c1a-9e5b-2d4f6a8c0e13"
    assert tree["header"]["timestamp"] == NOW
    assert (tree["header"]["senderId"], tree["header"]["receiverId"]) == (
        "DEALER-CONTOSO-017",
        "PORTAL-NORTHWIND",
    )
    body = tree["payload"]["acknowledgment"]
    assert body["status"] == "RECEIVED" and body["originalMessageType"] == "LEAD"
    assert body["validationResults"]["isValid"] is True
    assert (
        lex.acknowledge(msg, "ACCEPTED").to_dict()["lex"]["payload"]["acknowledgment"]["status"] == "RECEIVED"
    )
    bad = lex.validate('{"lex":{"header":{"messageType":"INQUIRY"},"payload":{}}}', now=NOW)
    rejected = lex.acknowledge(msg, report=bad, now=NOW).to_dict()["lex"]["payload"]["acknowledgment"]
    assert rejected["status"] == "REJECTED"
    # The acknowledgment is itself a valid message.
    assert lex.validate(ack, now=NOW)


def test_new_message(lead: dict) -> None:
    body = lead["lex"]["payload"]["lead"]
    msg = lex.new_message(
        "LEAD", body, "S-1", "R-1", message_id="11111111-2222-4333-8444-555555555555", now=NOW
    )
    header = msg.to_dict()["lex"]["header"]
    assert header == {
        "messageId": "11111111-2222-4333-8444-555555555555",
        "messageType": "LEAD",
        "version": "1.0",
        "timestamp": NOW,
        "senderId": "S-1",
        "receiverId": "R-1",
    }
    assert msg.to_dict()["lex"]["payload"] == {"lead": body}
    fresh = lex.new_message("LEAD", {"lead": body}, "S-1", "R-1")
    assert fresh.message_id != msg.message_id and len(fresh.message_id or "") == 36
    assert fresh.to_dict()["lex"]["payload"] == {"lead": body}


def test_receiver(lead: dict) -> None:
    receiver = lex.Receiver(now=NOW)
    first = receiver.receive(json.dumps(lead).encode())
    assert isinstance(first, lex.Receipt)
    assert (first.outcome, first.http_status, first.duplicate) == ("ACCEPTED", 200, False)
    assert first.report.valid and first.message.message_id == lead["lex"]["header"]["messageId"]
    assert first.ack is not None and first.ack.message_type == "ACKNOWLEDGMENT"
    assert first.duplicate_of_lead is None
    again = receiver.receive(lead)
    assert again.duplicate and again.ack == first.ack and again.report == first.report
    assert "duplicate=True" in repr(again)
    # A second lead with the same customer is flagged as a duplicate of the first.
    other = copy.deepcopy(lead)
    other["lex"]["header"]["messageId"] = "5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a24"
    other["lex"]["payload"]["lead"]["leadId"] = "LEAD-NW-2026-000418"
    assert receiver.receive(lex.parse(other)).duplicate_of_lead == "LEAD-NW-2026-000417"
    # The stored status makes a backward move invalid.
    moved = copy.deepcopy(lead)
    moved["lex"]["header"]["messageId"] = "5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a25"
    moved["lex"]["payload"]["lead"]["status"] = "ARCHIVED"
    assert receiver.receive(moved).outcome == "ACCEPTED"
    moved["lex"]["header"]["messageId"] = "5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a26"
    moved["lex"]["payload"]["lead"]["status"] = "CART"
    rejected = receiver.receive(moved)
    assert (rejected.outcome, rejected.http_status) == ("REJECTED", 422)
    assert rejected.report.has_code("INVALID_STATUS_TRANSITION")
    assert rejected.ack is not None
    assert [r.outcome for r in receiver.receive_all(json.dumps(lead))] == ["ACCEPTED"]


def test_detect() -> None:
    assert lex.detect('  {"lex":{}}') == "json"
    assert lex.detect(b"<?xml version='1.0'?><lex/>") == "xml"
    assert lex.detect(b"ISA*00*") == "x12"
    assert lex.detect("UNB+UNOC:3") == "edifact"
    assert lex.detect("hello") is None
    assert lex.detect(b"") is None


def test_limits_object() -> None:
    default = lex.Limits()
    assert default.max_depth == 128 and default.max_input_bytes == 64 * 1024 * 1024
    custom = lex.Limits(max_depth=4, max_nodes=10)
    assert (custom.max_depth, custom.max_nodes, custom.max_number_chars) == (4, 10, 256)
    assert custom == lex.Limits(max_depth=4, max_nodes=10) and custom != default
    assert hash(custom) == hash(lex.Limits(max_depth=4, max_nodes=10))
    assert repr(custom).startswith("Limits(max_input_bytes=")


def test_objects_are_immutable(lead: dict) -> None:
    msg = lex.parse(lead)
    report = lex.validate(msg, now=NOW)
    for obj, attr in (
        (msg, "message_id"),
        (report, "valid"),
        (report.errors[0] if report.errors else msg, "code"),
    ):
        with pytest.raises((AttributeError, TypeError)):
            setattr(obj, attr, None)
    with pytest.raises(TypeError):
        hash(msg)
