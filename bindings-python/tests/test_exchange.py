"""Forwarding decisions, duplicate closures, receipt details and EDIFACT CONTRL."""

import copy

import lex
import pytest
from conftest import NOW


def test_may_forward_without_governance(lead: dict) -> None:
    decision = lex.may_forward(lead, "DEALER-OTHER", now=NOW)
    assert isinstance(decision, lex.ForwardDecision)
    assert decision.allowed and bool(decision)
    assert decision.code == "FORWARD_NO_GOVERNANCE" and decision.policy is None
    assert decision.audit_required is False and decision.retain_until is None
    assert decision.reason
    assert repr(decision) == 'ForwardDecision(allowed=True, code="FORWARD_NO_GOVERNANCE")'
    assert lex.may_forward(lex.parse(lead), "DEALER-OTHER").code == decision.code


def test_may_forward_blocked_recipient(lead: dict) -> None:
    lead["lex"]["dataGovernance"] = {"forwardingPolicy": "OPEN", "blockedRecipients": ["DEALER-X"]}
    blocked = lex.may_forward(lead, "DEALER-X", now=NOW)
    assert not blocked and blocked.code == "FORWARD_BLOCKED_RECIPIENT" and blocked.policy == "OPEN"
    assert lex.may_forward(lead, "DEALER-Y", now=NOW).code == "FORWARD_OPEN"


def test_duplicate_closure(lead: dict) -> None:
    closure = lex.duplicate_closure(lead, "LEAD-CANONICAL-1", message_id="c1", now=NOW)
    assert closure.message_type == "LEAD_CLOSURE" and closure.message_id == "c1"
    tree = closure.to_dict()["lex"]
    body = tree["payload"]["leadClosure"]
    assert body["closureStatus"] == "DUPLICATE"
    assert body["originalLeadId"] == "LEAD-NW-2026-000417"
    assert body["duplicateOfLeadId"] == "LEAD-CANONICAL-1"
    assert tree["header"]["correlationId"] == lead["lex"]["header"]["messageId"]


def test_receipt_details(lead: dict) -> None:
    receiver = lex.Receiver(now=NOW)
    receipt = receiver.receive(lead)
    customer = lead["lex"]["payload"]["lead"]["customer"]
    assert receipt.fingerprint == lex.fingerprint(
        customer["emailAddress"], customer["phoneNumber"], customer["lastName"]
    )
    assert receipt.ack_status == "RECEIVED"
    assert receipt.routing is None and receipt.dead_letter_reason is None
    assert receipt.retry_attempt is None
    d = receipt.to_dict()
    assert d["outcome"] == "ACCEPTED" and d["httpStatus"] == 200
    expired = copy.deepcopy(lead)
    expired["lex"]["header"]["messageId"] = "5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a99"
    expired["lex"]["header"]["ttl"] = {"expiresAt": "2026-04-03T10:00:00Z", "onExpiry": "DISCARD"}
    dead = receiver.receive(expired)
    assert (dead.outcome, dead.http_status, dead.routing) == ("DEAD_LETTER", 410, "DISCARD")
    assert dead.dead_letter_reason == "TTL_EXPIRED" and dead.ack is None and dead.ack_status is None


def test_edifact_contrl_round_trip(lead: dict) -> None:
    interchange = lex.parse(lead).to_edifact()
    contrl = lex.edifact_contrl(interchange)
    assert "CONTRL" in contrl
    reports = lex.edifact_contrl_read(contrl.encode())
    assert isinstance(reports, list) and len(reports) == 1
    assert reports[0]["accepted"] is True


def test_edifact_contrl_errors(lead: dict) -> None:
    for call in (lex.edifact_contrl, lex.edifact_contrl_read):
        with pytest.raises(lex.LexError) as info:
            call("not edifact")
        assert info.value.code in lex.ERROR_CODES
        with pytest.raises(lex.ArgumentError):
            call(lead)  # type: ignore[arg-type]
