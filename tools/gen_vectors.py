#!/usr/bin/env python3
"""Generates the project's `validate` vectors (tests/vectors/validate/*.json).

    python3 tools/gen_vectors.py tests/vectors/validate

Each vector starts from one of five hand-written base messages (one per message type, valid
at every conformance level with no issues), applies a small change and states what the
specification says must happen. Most rules come as a pair: a vector where the rule fires and
a near-identical one where it does not. Expected outputs are written from the rules
(docs/decisions.md D21), not from the implementation's output.
"""

import copy
import json
import os
import sys

DEL = object()
NOW = "2026-04-03T12:00:00Z"


def header(mtype, n):
    return {
        "messageId": f"3f0c9a52-7d1e-4b8a-9c2f-{n:012d}",
        "messageType": mtype,
        "version": "1.0",
        "timestamp": "2026-04-03T11:30:00Z",
        "senderId": "WEBPORTAL-NORTH",
        "receiverId": "RETAILER-0042",
    }


LEAD = {
    "leadId": "LEAD-VAL-000001",
    "status": "SHOPPING",
    "leadType": "PRIMARY",
    "source": "MANUFACTURER_WEBSITE",
    "customer": {
        "firstName": "Ines",
        "lastName": "Okafor",
        "emailAddress": "ines.okafor@example.org",
        "phoneNumber": "+442079460123",
    },
    "desiredProduct": {"productType": "VEHICLE_NEW", "assetClass": "VEHICLE", "make": "Volvo", "model": "EX30", "year": 2026},
    "consentRecord": {"ukGdpr": {"legalBasis": "CONSENT", "retentionPeriodDays": 365}},
    "metadata": {"createdDate": "2026-04-03T11:29:00Z", "countryCode": "GB", "language": "en-GB"},
}

ASSET = {
    "assetId": "STOCK-VAL-0001",
    "status": "AVAILABLE",
    "assetClass": "VEHICLE",
    "productType": "VEHICLE_NEW",
    "manufacturer": "Kia",
    "model": "EV6",
    "year": 2026,
    "groundVehicle": {"vin": "11111111111111111", "doors": 5},
    "evSpecifications": {
        "drivetrainType": "BEV",
        "batteryCapacityKwh": 77.4,
        "estimatedRange": {"rangeKm": 528, "standard": "WLTP"},
        "chargePorts": [{"standard": "CCS2", "acLevel": "LEVEL_2", "isPrimary": True}],
        "maxDcChargingKw": 233,
    },
    "pricing": {"basePrice": 45990, "currency": "EUR"},
}

ACK = {
    "acknowledgmentId": "ACK-VAL-000001",
    "correlationId": "3f0c9a52-7d1e-4b8a-9c2f-000000000001",
    "originalMessageType": "LEAD",
    "status": "RECEIVED",
    "timestamp": "2026-04-03T11:31:00Z",
}

SUB = {
    "subscriptionId": "SUB-VAL-000001",
    "subscriberId": "RETAILER-0042",
    "status": "ACTIVE",
    "eventTypes": ["LEAD_CREATED", "LEAD_STATUS_CHANGED"],
    "deliveryMethods": [{"method": "WEBHOOK", "destination": "https://hooks.example.org/lex"}],
    "systemCapabilities": {
        "lexVersion": "1.0.0",
        "conformanceLevel": "L3",
        "supportedMessageTypes": ["LEAD", "ACKNOWLEDGMENT"],
        "lastUpdated": "2026-03-01T00:00:00Z",
    },
}

CLOSURE = {
    "originalLeadId": "LEAD-VAL-000001",
    "closureStatus": "WON",
    "leadCreatedDate": "2026-03-01T09:00:00Z",
    "leadClosureDate": "2026-04-02T16:00:00Z",
    "closureDetail": {"purchaseConfirmed": True, "dealAmount": 41250, "currency": "EUR"},
    "purchasedProduct": {"productType": "VEHICLE_NEW", "manufacturer": "Volvo", "model": "EX30"},
    "customerOutcome": {"purchaseConfirmed": True, "financingUsed": False},
}

TYPES = {
    "LEAD": ("lead", LEAD),
    "ASSET": ("asset", ASSET),
    "ACKNOWLEDGMENT": ("acknowledgment", ACK),
    "SUBSCRIPTION": ("subscription", SUB),
    "LEAD_CLOSURE": ("leadClosure", CLOSURE),
}

FINSUM = {
    "vehiclePrice": 42000,
    "negotiatedPrice": 40500,
    "tradeInAllowance": 9000,
    "tradeInPayoff": 2000,
    "netTradeIn": 7000,
    "currency": "GBP",
    "taxesAndFees": {
        "calculatedBy": "DMS-TAXCALC",
        "calculatedAt": "2026-04-02T10:00:00Z",
        "jurisdictionCodes": ["GB"],
        "lineItems": [
            {"label": "VAT", "type": "VAT", "amount": 6750},
            {"label": "Registration", "type": "REGISTRATION_FEE", "amount": 55},
        ],
        "totalTaxesAndFees": 6805,
        "isEstimate": True,
    },
}

CAPTIVE = {
    "captiveOrg": "VOLVO-CARS-FS",
    "programId": "EX30-APR-2026Q2",
    "programName": "Spring APR",
    "programType": "APR_SUBVENTION",
    "dealStructure": "RETAIL_FINANCE",
    "snapshotTimestamp": "2026-04-02T09:00:00Z",
    "programExpiresAt": "2026-06-30T23:59:59Z",
    "retailFinance": {"offeredApr": 1.9, "termMonths": 48, "currency": "GBP"},
    "bonusIncentives": [{"type": "LOYALTY_BONUS", "amount": 500, "currency": "GBP"}],
    "appliedIncentivesTotal": 500,
    "disclaimer": "Subject to credit approval by the captive lender.",
    "evaluatedBy": "DMS-FI-DESK",
    "evaluatedAt": "2026-04-02T09:05:00Z",
    "bindingCommitment": False,
}

LINEAGE = {
    "version": 2,
    "entries": [
        {"seq": 1, "systemId": "WEBPORTAL-NORTH", "systemType": "MARKETPLACE", "timestamp": "2026-04-01T08:00:00Z", "action": "LEAD_CREATED"},
        {"seq": 2, "systemId": "DMS-0042", "systemType": "DMS", "timestamp": "2026-04-02T08:00:00Z", "action": "PRICE_NEGOTIATED",
         "deltaFromPrevious": {"negotiatedPrice": 40500}},
    ],
}

NOTES = [
    {"noteId": "N-1", "category": "PRICING_NOTE", "visibility": "ALL_PARTIES", "authorId": "SALES-7",
     "timestamp": "2026-04-02T08:05:00Z", "body": "Customer accepted the spring APR offer.", "linkedTo": {"dealLineageSeq": 2}},
]

INTEL = {
    "intentScore": 0.71,
    "confidenceLevel": "HIGH",
    "buyingWindowDays": 45,
    "scoreTrend": "IMPROVING",
    "scoringReasons": [{"factor": "RETURN_VISIT", "direction": "POSITIVE", "weight": 0.4}],
    "behavioralSignals": ["VDP_VIEW_3X", "PAYMENT_CALCULATOR_USED"],
    "predictedProducts": [{"productType": "VEHICLE_NEW", "confidenceScore": 0.6}],
    "channelAffinity": [{"channel": "EMAIL", "affinityScore": 0.8}],
    "enrichmentSources": [{"type": "CRM_HISTORICAL", "provider": "DMS-0042", "signalCount": 12}],
    "modelMetadata": {"modelId": "intent-gbm", "modelVersion": "4.2.0", "scoredAt": "2026-04-03T11:00:00Z", "dataFreshnessDays": 2},
}

AI = {
    "conversationInsights": {
        "summary": "Asked about range and home charging.",
        "sentiment": "POSITIVE",
        "sentimentScore": 0.82,
        "intentClassifications": [{"intent": "PURCHASE_INTENT", "confidence": 0.77}],
        "analyzedAt": "2026-04-03T11:10:00Z",
    },
    "nextBestActions": [{"actionCode": "BOOK_TEST_DRIVE", "urgency": "WITHIN_24H", "confidence": 0.7}],
    "competitorMentions": [{"competitor": "Polestar"}],
    "generatedBy": {"engine": "gpt-x", "provider": "OTHER", "generatedAt": "2026-04-03T11:10:00Z"},
}

AI_GOV = {
    "dataOwner": "RETAILER-0042", "forwardingPolicy": "OPEN", "analyticsAllowed": True, "trainingDataAllowed": False,
    "declaredAt": "2026-04-03T11:00:00Z", "declaredBy": "RETAILER-0042",
    "aiGovernance": {"aiGeneratedContentPresent": True, "humanReviewRequired": True, "aiDecisionScope": "ROUTING_ADVISORY"},
}


def setp(doc, path, value):
    """Sets (or deletes with DEL) a dotted path; `[n]` segments index arrays."""
    parts = []
    for p in path.split("."):
        while "[" in p:
            name, _, rest = p.partition("[")
            if name:
                parts.append(name)
            idx, _, p = rest.partition("]")
            parts.append(int(idx))
        if p:
            parts.append(p)
    cur = doc
    for p in parts[:-1]:
        if isinstance(p, int):
            cur = cur[p]
        else:
            cur = cur.setdefault(p, {})
    last = parts[-1]
    if value is DEL:
        if isinstance(last, int):
            del cur[last]
        else:
            cur.pop(last, None)
    else:
        cur[last] = copy.deepcopy(value)


class Out:
    def __init__(self):
        self.vectors = []
        self.n = 0

    def add(self, vid, desc, mtype="LEAD", changes=(), level=2, errors=(), warnings=(), valid=None,
            mode=None, policy=None, previous=None, raw=None, now=None):
        self.n += 1
        key, body = TYPES[mtype]
        msg = {"lex": {"header": header(mtype, self.n), "payload": {key: copy.deepcopy(body)}}}
        for path, value in changes:
            if path.startswith("/"):
                setp(msg, path[1:], value)
            else:
                setp(msg["lex"]["payload"][key], path, value)
        if raw:
            msg = raw(msg)
        v = {"id": vid, "description": desc, "operation": "validate", "level": f"L{level}"}
        if mode:
            v["mode"] = mode
        if policy:
            v["policy"] = policy
        if previous:
            v["previousState"] = {"leadId": msg["lex"]["payload"].get(key, {}).get("leadId", ""), "status": previous}
        if now:
            v["now"] = now
        v["input"] = msg
        errs = [I(*e) if isinstance(e, tuple) else e for e in errors]
        warns = [I(*w) if isinstance(w, tuple) else w for w in warnings]
        if valid is None:
            valid = not errs
        v["expected"] = {"valid": valid, "errors": errs, "warnings": warns}
        self.vectors.append(v)


def I(code, level, field, **extra):
    d = {"field": field, "code": code, "level": level}
    d.update(extra)
    return d


E, W, C = "ERROR", "WARNING", "CRITICAL"
L = "lex.payload.lead"


def build():
    o = Out()
    a = o.add
    # --- Base messages: valid, no issues, at every level. ------------------------------
    for t in TYPES:
        for lvl in (1, 2, 3):
            a(f"VAL-{t}-BASE-L{lvl}", f"the base {t} message is valid with no issues at L{lvl}", t, level=lvl)

    # --- Envelope ----------------------------------------------------------------------
    a("VAL-ENV-001", "no header: CRITICAL and stop", changes=[("/lex.header", DEL)],
      errors=[I("REQUIRED_FIELD_MISSING", C, "lex.header")])
    a("VAL-ENV-002", "unknown messageType is CRITICAL", changes=[("/lex.header.messageType", "INQUIRY")],
      errors=[I("INVALID_ENUM_VALUE", C, "lex.header.messageType", rejectedValue="INQUIRY",
               allowedValues=["LEAD", "ASSET", "ACKNOWLEDGMENT", "SUBSCRIPTION", "LEAD_CLOSURE"])])
    a("VAL-ENV-003", "timestamp 5 minutes ahead is in the future", changes=[("/lex.header.timestamp", "{{NOW_PLUS_300S}}")],
      errors=[I("TIMESTAMP_IN_FUTURE", C, "lex.header.timestamp")])
    a("VAL-ENV-004", "timestamp 30 s ahead is within the allowed skew", changes=[("/lex.header.timestamp", "{{NOW_PLUS_30S}}")])
    a("VAL-ENV-005", "an expired TTL is CRITICAL (HTTP 410)", level=3,
      changes=[("/lex.header.ttl", {"maxAgeSeconds": 3600, "expiresAt": "2026-04-03T11:00:00Z", "onExpiry": "DLQ"})],
      errors=[I("MESSAGE_TTL_EXPIRED", C, "lex.header.ttl.expiresAt", rejectedValue="2026-04-03T11:00:00Z")])
    a("VAL-ENV-006", "a TTL that has not expired passes", level=1,
      changes=[("/lex.header.ttl", {"maxAgeSeconds": 3600, "expiresAt": "2026-04-03T12:30:00Z", "onExpiry": "DLQ"})])
    a("VAL-ENV-007", "the TTL rule is not level-gated (L1)", level=1,
      changes=[("/lex.header.ttl", {"expiresAt": "2026-04-03T11:00:00Z"})],
      errors=[I("MESSAGE_TTL_EXPIRED", C, "lex.header.ttl.expiresAt")])
    for t, (key, _) in TYPES.items():
        a(f"VAL-ENV-PAYLOAD-{t}", f"a {t} message without lex.payload.{key} is CRITICAL", t,
          changes=[(f"/lex.payload.{key}", DEL)], errors=[I("REQUIRED_FIELD_MISSING", C, f"payload.{key}")])
    for f in ("messageId", "senderId", "receiverId", "timestamp"):
        a(f"VAL-HDR-REQ-{f}", f"header.{f} is required (CRITICAL)", "ASSET", changes=[(f"/lex.header.{f}", DEL)],
          errors=[I("REQUIRED_FIELD_MISSING", C, f"lex.header.{f}")])
    a("VAL-HDR-001", "header.version missing is a WARNING (disputed requirement)", "SUBSCRIPTION",
      changes=[("/lex.header.version", DEL)], warnings=[I("REQUIRED_FIELD_MISSING", W, "lex.header.version")])
    a("VAL-HDR-002", "header.version missing is an ERROR in strict mode", "SUBSCRIPTION", mode="strict",
      changes=[("/lex.header.version", DEL)], errors=[I("REQUIRED_FIELD_MISSING", E, "lex.header.version")])
    a("VAL-HDR-003", "a non-UUID messageId is a WARNING", "ACKNOWLEDGMENT", changes=[("/lex.header.messageId", "MSG-2026-0001")],
      warnings=[I("INVALID_FORMAT", W, "lex.header.messageId", rejectedValue="MSG-2026-0001")])
    a("VAL-HDR-004", "a non-UUID messageId is an ERROR in strict mode", "ACKNOWLEDGMENT", mode="strict",
      changes=[("/lex.header.messageId", "MSG-2026-0001")], errors=[I("INVALID_FORMAT", E, "lex.header.messageId")])
    a("VAL-HDR-005", "another major version is unsupported", "LEAD_CLOSURE", changes=[("/lex.header.version", "2.0")],
      errors=[I("UNSUPPORTED_VERSION", E, "lex.header.version", rejectedValue="2.0")])
    a("VAL-HDR-006", "a newer minor version of 1.x is accepted", "LEAD_CLOSURE", changes=[("/lex.header.version", "1.1")])
    a("VAL-HDR-007", "an unreadable header timestamp is CRITICAL", "ASSET", changes=[("/lex.header.timestamp", "yesterday")],
      errors=[I("INVALID_FORMAT", C, "lex.header.timestamp", rejectedValue="yesterday")])
    a("VAL-HDR-008", "senderId shorter than 3 characters", "ASSET", changes=[("/lex.header.senderId", "AB")],
      errors=[I("INVALID_LENGTH", E, "lex.header.senderId")])
    a("VAL-HDR-009", "receiverId must be a string", "ASSET", changes=[("/lex.header.receiverId", 42)],
      errors=[I("INVALID_TYPE", E, "lex.header.receiverId", rejectedValue=42)])
    a("VAL-HDR-010", "encryptionMethod outside its enum is an ERROR", "LEAD",
      changes=[("/lex.header.encryptionMethod", "TLS1.0")],
      errors=[I("INVALID_ENUM_VALUE", E, "lex.header.encryptionMethod", rejectedValue="TLS1.0")])
    a("VAL-HDR-011", "encryptionMethod TLS1.3 is fine", "LEAD", changes=[("/lex.header.encryptionMethod", "TLS1.3")])
    a("VAL-HDR-012", "ttl.onExpiry outside its enum (optional block) is a WARNING", "LEAD",
      changes=[("/lex.header.ttl", {"maxAgeSeconds": 3600, "onExpiry": "BOUNCE"})],
      warnings=[I("INVALID_ENUM_VALUE", W, "lex.header.ttl.onExpiry", rejectedValue="BOUNCE")])
    a("VAL-HDR-013", "retryContext.attemptNumber above 10", "LEAD",
      changes=[("/lex.header.retryContext", {"attemptNumber": 11, "maxAttempts": 6})],
      errors=[I("VALUE_OUT_OF_RANGE", E, "lex.header.retryContext.attemptNumber", rejectedValue=11, threshold=10)])
    a("VAL-HDR-014", "retryContext never causes rejection", "LEAD",
      changes=[("/lex.header.retryContext", {"originalTimestamp": "2026-04-03T11:00:00Z", "attemptNumber": 3, "maxAttempts": 6})])
    ext = {"namespace": "acme.fleet.routing", "version": "1.2.0", "producer": "ACME-ROUTER",
           "producedAt": "2026-04-03T11:00:00Z", "data": {"region": "north"}}
    a("VAL-EXT-001", "a well-formed extension entry passes", "ASSET", changes=[("/lex.extensions", [ext])])
    a("VAL-EXT-002", "an unknown key in a (closed) extension entry is a WARNING", "ASSET",
      changes=[("/lex.extensions", [dict(ext, owner="x")])], warnings=[I("UNKNOWN_FIELD", W, "lex.extensions[0].owner")])
    a("VAL-EXT-003", "an unknown key in a closed object is an ERROR in strict mode", "ASSET", mode="strict",
      changes=[("/lex.extensions", [dict(ext, owner="x")])], errors=[I("UNKNOWN_FIELD", E, "lex.extensions[0].owner")])
    a("VAL-EXT-004", "an extension entry without data", "ASSET",
      changes=[("/lex.extensions", [{k: v for k, v in ext.items() if k != "data"}])],
      errors=[I("REQUIRED_FIELD_MISSING", E, "lex.extensions[0].data")])
    a("VAL-EXT-005", "an extension version that is not semver", "ASSET",
      changes=[("/lex.extensions", [dict(ext, version="1.2")])], errors=[I("INVALID_FORMAT", E, "lex.extensions[0].version")])
    a("VAL-DG-001", "dataGovernance forwardingPolicy outside its enum (core enum)", "LEAD",
      changes=[("/lex.dataGovernance", dict(AI_GOV, forwardingPolicy="PRIVATE"))],
      errors=[I("INVALID_ENUM_VALUE", E, "lex.dataGovernance.forwardingPolicy", rejectedValue="PRIVATE")])
    a("VAL-DG-002", "a complete dataGovernance block passes", "LEAD", changes=[("/lex.dataGovernance", AI_GOV)])
    a("VAL-SIG-001", "signature.algorithm outside its enum (optional block) is a WARNING", "LEAD",
      changes=[("/lex.signature", {"algorithm": "MD5", "value": "abc"})],
      warnings=[I("INVALID_ENUM_VALUE", W, "lex.signature.algorithm", rejectedValue="MD5")])

    # --- Aliases -------------------------------------------------------------------------
    a("VAL-ALIAS-001", "root key LEX is read as lex with a warning", "ASSET",
      raw=lambda m: {"LEX": m["lex"]}, warnings=[I("ALIAS_NORMALIZED", W, "lex")])
    a("VAL-ALIAS-002", "customer.email / phone are read as emailAddress / phoneNumber",
      changes=[("customer.emailAddress", DEL), ("customer.email", "ines.okafor@example.org"),
               ("customer.phoneNumber", DEL), ("customer.phone", "+442079460123")],
      warnings=[I("ALIAS_NORMALIZED", W, f"{L}.customer.emailAddress"), I("ALIAS_NORMALIZED", W, f"{L}.customer.phoneNumber")])
    a("VAL-ALIAS-003", "aliases are ERRORs in strict mode", mode="strict",
      changes=[("customer.emailAddress", DEL), ("customer.email", "ines.okafor@example.org")],
      errors=[I("ALIAS_NORMALIZED", E, f"{L}.customer.emailAddress")])
    a("VAL-ALIAS-004", "an alias and its canonical key with different values conflict",
      changes=[("customer.email", "other@example.org")],
      errors=[I("CONFLICTING_ALIASES", E, f"{L}.customer.email")])
    a("VAL-ALIAS-005", "source DEALER_WEBSITE is read as RETAILER_WEBSITE", changes=[("source", "DEALER_WEBSITE")],
      warnings=[I("ALIAS_NORMALIZED", W, f"{L}.source", rejectedValue="DEALER_WEBSITE")])
    a("VAL-ALIAS-006", "desiredVehicle is read as desiredProduct",
      raw=lambda m: rename_key(m, "desiredProduct", "desiredVehicle"),
      warnings=[I("ALIAS_NORMALIZED", W, f"{L}.desiredProduct")])
    a("VAL-ALIAS-007", "header.lexVersion 1.0.0 is read as version 1.0",
      raw=lambda m: rename_header_version(m),
      warnings=[I("ALIAS_NORMALIZED", W, "lex.header.version"), I("ALIAS_NORMALIZED", W, "lex.header.version")])
    a("VAL-ALIAS-008", "financing.preferredLoanTerm is read as loanTerm and then range-checked",
      changes=[("financing", {"needsFinancing": True, "preferredLoanTerm": 96})],
      errors=[I("LOAN_TERM_OUT_OF_RANGE", E, "financing.loanTerm", rejectedValue=96)],
      warnings=[I("ALIAS_NORMALIZED", W, f"{L}.financing.loanTerm")])
    a("VAL-ALIAS-009", "leadIntelligence.qualityTier is read as leadQualityTier", level=3,
      changes=[("leadIntelligence", dict(INTEL, qualityTier="GOLD"))],
      warnings=[I("ALIAS_NORMALIZED", W, f"{L}.leadIntelligence.leadQualityTier")])
    a("VAL-ALIAS-010", "acknowledgment status ACCEPTED is read as RECEIVED", "ACKNOWLEDGMENT",
      changes=[("status", "ACCEPTED")], warnings=[I("ALIAS_NORMALIZED", W, "lex.payload.acknowledgment.status", rejectedValue="ACCEPTED")])
    a("VAL-ALIAS-011", "closure leadId / closedAt are read as originalLeadId / leadClosureDate", "LEAD_CLOSURE",
      raw=lambda m: closure_legacy(m),
      warnings=[I("ALIAS_NORMALIZED", W, "lex.payload.leadClosure.originalLeadId"),
                I("ALIAS_NORMALIZED", W, "lex.payload.leadClosure.leadClosureDate")])
    a("VAL-ALIAS-012", "closureType SALE_COMPLETED is read as closureStatus WON", "LEAD_CLOSURE",
      changes=[("closureStatus", DEL), ("closureType", "SALE_COMPLETED")],
      warnings=[I("ALIAS_NORMALIZED", W, "lex.payload.leadClosure.closureStatus", rejectedValue="SALE_COMPLETED")])
    a("VAL-ALIAS-013", "a single chargePort object is read as chargePorts[]", "ASSET",
      changes=[("evSpecifications.chargePorts", DEL), ("evSpecifications.chargePort", {"standard": "CCS2", "acLevel": "LEVEL_2"})],
      warnings=[I("ALIAS_NORMALIZED", W, "lex.payload.asset.evSpecifications.chargePorts")])
    a("VAL-ALIAS-014", "charge port standard CCS_COMBO2 is read as CCS2", "ASSET",
      changes=[("evSpecifications.chargePorts[0].standard", "CCS_COMBO2")],
      warnings=[I("ALIAS_NORMALIZED", W, "lex.payload.asset.evSpecifications.chargePorts[0].standard")])
    a("VAL-ALIAS-015", "metadata.createdAt is read as createdDate",
      changes=[("metadata.createdDate", DEL), ("metadata.createdAt", "2026-04-03T11:29:00Z")],
      warnings=[I("ALIAS_NORMALIZED", W, f"{L}.metadata.createdDate")])

    # --- LEAD: vector-backed rules -------------------------------------------------------
    a("VAL-LEAD-001", "a LEAD without customer is CRITICAL and stops", changes=[("customer", DEL)],
      errors=[I("REQUIRED_FIELD_MISSING", C, "payload.lead.customer")])
    a("VAL-LEAD-002", "a LEAD without desiredProduct is CRITICAL and stops", changes=[("desiredProduct", DEL), ("status", "NOPE")],
      errors=[I("REQUIRED_FIELD_MISSING", C, "payload.lead.desiredProduct")])
    for lvl in (1, 2, 3):
        a(f"VAL-LEAD-003-L{lvl}", f"missing firstName is an ERROR at L{lvl}", level=lvl, changes=[("customer.firstName", DEL)],
          errors=[I("REQUIRED_FIELD_MISSING", E, "payload.lead.customer.firstName")])
    a("VAL-LEAD-004", "a blank firstName counts as missing", changes=[("customer.firstName", "   ")],
      errors=[I("REQUIRED_FIELD_MISSING", E, "payload.lead.customer.firstName")])
    a("VAL-LEAD-005", "an email without a domain dot", changes=[("customer.emailAddress", "ines@localhost")],
      errors=[I("INVALID_EMAIL_FORMAT", E, "customer.emailAddress", rejectedValue="ines@localhost")])
    a("VAL-LEAD-006", "the email rule applies at L1 too", level=1, changes=[("customer.emailAddress", "no at sign")],
      errors=[I("INVALID_EMAIL_FORMAT", E, "customer.emailAddress")])
    a("VAL-LEAD-007", "a 4-digit phone number", changes=[("customer.phoneNumber", "5551")],
      errors=[I("INVALID_PHONE_FORMAT", E, "customer.phoneNumber", rejectedValue="5551")])
    a("VAL-LEAD-008", "9 digits without + is too short", changes=[("customer.phoneNumber", "207946012")],
      errors=[I("INVALID_PHONE_FORMAT", E, "customer.phoneNumber")])
    a("VAL-LEAD-009", "7 digits with a leading + is enough", changes=[("customer.phoneNumber", "+3541234")])
    a("VAL-LEAD-010", "10 digits with punctuation is enough", changes=[("customer.phoneNumber", "(207) 946-0123")])
    a("VAL-LEAD-011", "loanTerm 96 is above 84 months", changes=[("financing", {"needsFinancing": True, "loanTerm": 96})],
      errors=[I("LOAN_TERM_OUT_OF_RANGE", E, "financing.loanTerm", rejectedValue=96)])
    a("VAL-LEAD-012", "loanTerm 6 is below 12 months", changes=[("financing", {"loanTerm": 6})],
      errors=[I("LOAN_TERM_OUT_OF_RANGE", E, "financing.loanTerm", rejectedValue=6)])
    a("VAL-LEAD-013", "loanTerm 84 is allowed", changes=[("financing", {"loanTerm": 84})])
    a("VAL-LEAD-014", "an ACCESSORY lead needs parentOrderId", changes=[("leadType", "ACCESSORY")],
      errors=[I("POST_ORDER_REQUIRES_PARENT_ID", E, "lead.parentOrderId")])
    a("VAL-LEAD-015", "an ACCESSORY lead with parentOrderId passes",
      changes=[("leadType", "ACCESSORY"), ("parentOrderId", "ORDER-2026-0007")])
    a("VAL-LEAD-016", "a SUBSCRIPTION lead without parentOrderId is a WARNING", changes=[("leadType", "SUBSCRIPTION")],
      warnings=[I("POST_ORDER_REQUIRES_PARENT_ID", W, "lead.parentOrderId")])
    a("VAL-LEAD-017", "PII without consentRecord at L3", level=3, changes=[("consentRecord", DEL)],
      errors=[I("CONSENT_RECORD_REQUIRED", E, "lead.consentRecord")])
    a("VAL-LEAD-018", "PII without consentRecord is fine at L2", level=2, changes=[("consentRecord", DEL)])
    a("VAL-LEAD-019", "PII without consentRecord is fine at L1", level=1, changes=[("consentRecord", DEL)])
    a("VAL-LEAD-020", "an upper-case fingerprint is invalid", level=3,
      changes=[("deduplication", {"customerFingerprint": "A" * 64})],
      errors=[I("INVALID_FINGERPRINT_FORMAT", E, "deduplication.customerFingerprint", rejectedValue="A" * 64)])
    a("VAL-LEAD-021", "a 64-hex fingerprint passes", level=3, changes=[("deduplication", {"customerFingerprint": "0f" * 32})])
    a("VAL-LEAD-022", "the fingerprint rule applies at L1", level=1, changes=[("deduplication", {"customerFingerprint": "xyz"})],
      errors=[I("INVALID_FINGERPRINT_FORMAT", E, "deduplication.customerFingerprint")])
    a("VAL-LEAD-023", "deduplication without customerFingerprint (binding block)", changes=[("deduplication", {"deduplicationWindowHours": 24})],
      errors=[I("REQUIRED_FIELD_MISSING", E, f"{L}.deduplication.customerFingerprint")])

    # --- LEAD: transitions -----------------------------------------------------------------
    a("VAL-TRN-001", "DELIVERED → IN_NEGOTIATION (stored status) is forbidden", previous="DELIVERED",
      changes=[("status", "IN_NEGOTIATION")],
      errors=[I("INVALID_STATUS_TRANSITION", E, "lead.status", fromStatus="DELIVERED", toStatus="IN_NEGOTIATION")])
    a("VAL-TRN-002", "DELIVERED → ARCHIVED is allowed", previous="DELIVERED", changes=[("status", "ARCHIVED")])
    a("VAL-TRN-003", "the from-status falls back to the last leadHistory entry", level=1,
      changes=[("status", "SHOPPING"), ("leadHistory", [{"previousStatus": "ARCHIVED", "newStatus": "SHOPPING"}])],
      errors=[I("INVALID_STATUS_TRANSITION", E, "lead.status", fromStatus="ARCHIVED", toStatus="SHOPPING")])
    a("VAL-TRN-004", "a first history entry with previousStatus null is accepted",
      changes=[("leadHistory", [{"version": 1, "previousStatus": None, "newStatus": "SHOPPING"}])])
    a("VAL-TRN-005", "skipping ORDER (SHOPPING → DELIVERED) is allowed with a warning", previous="SHOPPING",
      changes=[("status", "DELIVERED")],
      warnings=[I("STATUS_TRANSITION_UNLISTED", W, "lead.status", fromStatus="SHOPPING", toStatus="DELIVERED")])
    a("VAL-TRN-006", "ORDER back to SHOPPING is forbidden", previous="ORDER", changes=[("status", "SHOPPING")],
      errors=[I("INVALID_STATUS_TRANSITION", E, "lead.status", fromStatus="ORDER", toStatus="SHOPPING")])
    a("VAL-TRN-007", "SHOPPING → ORDER is allowed by default", previous="SHOPPING", changes=[("status", "ORDER")])
    a("VAL-TRN-008", "SHOPPING → ORDER is forbidden under strict-table", previous="SHOPPING", policy="strict-table",
      changes=[("status", "ORDER")],
      errors=[I("INVALID_STATUS_TRANSITION", E, "lead.status", fromStatus="SHOPPING", toStatus="ORDER")])
    a("VAL-TRN-009", "the stored status wins over leadHistory", previous="EXPLORING",
      changes=[("status", "SHOPPING"), ("leadHistory", [{"previousStatus": "DELIVERED", "newStatus": "SHOPPING"}])])
    a("VAL-TRN-010", "a status outside the 15 values is an enum error, not a transition one", previous="SHOPPING",
      changes=[("status", "ABANDONED")],
      errors=[I("INVALID_ENUM_VALUE", E, f"{L}.status", rejectedValue="ABANDONED")])

    # --- LEAD: structural ------------------------------------------------------------------
    for f in ("leadId", "status", "source"):
        a(f"VAL-LEAD-REQ-{f}", f"lead.{f} is required", changes=[(f, DEL)],
          errors=[I("REQUIRED_FIELD_MISSING", E, f"{L}.{f}")])
    a("VAL-LEAD-030", "lead.metadata missing is a WARNING (disputed)", changes=[("metadata", DEL)],
      warnings=[I("REQUIRED_FIELD_MISSING", W, f"{L}.metadata")])
    a("VAL-LEAD-031", "lead.metadata missing is an ERROR in strict mode", mode="strict", changes=[("metadata", DEL)],
      errors=[I("REQUIRED_FIELD_MISSING", E, f"{L}.metadata")])
    a("VAL-LEAD-032", "only a phone number: the missing email is a WARNING", level=2, changes=[("customer.emailAddress", DEL)],
      warnings=[I("REQUIRED_FIELD_MISSING", W, f"{L}.customer.emailAddress")])
    a("VAL-LEAD-033", "neither email nor phone: both are ERRORs",
      changes=[("customer.emailAddress", DEL), ("customer.phoneNumber", DEL)],
      errors=[I("REQUIRED_FIELD_MISSING", E, f"{L}.customer.emailAddress"), I("REQUIRED_FIELD_MISSING", E, f"{L}.customer.phoneNumber")])
    a("VAL-LEAD-034", "productType missing with assetClass present is a WARNING", changes=[("desiredProduct.productType", DEL)],
      warnings=[I("REQUIRED_FIELD_MISSING", W, f"{L}.desiredProduct.productType")])
    a("VAL-LEAD-035", "productType missing without assetClass is an ERROR",
      changes=[("desiredProduct.productType", DEL), ("desiredProduct.assetClass", DEL)],
      errors=[I("REQUIRED_FIELD_MISSING", E, f"{L}.desiredProduct.productType")])
    a("VAL-LEAD-036", "a lower-case productType breaks the pattern", changes=[("desiredProduct.productType", "vehicle")],
      errors=[I("INVALID_FORMAT", E, f"{L}.desiredProduct.productType", rejectedValue="vehicle")])
    a("VAL-LEAD-037", "leadType outside its enum (core)", changes=[("leadType", "UPSELL")],
      errors=[I("INVALID_ENUM_VALUE", E, f"{L}.leadType", rejectedValue="UPSELL")])
    a("VAL-LEAD-038", "source outside its enum (core)", changes=[("source", "BILLBOARD")],
      errors=[I("INVALID_ENUM_VALUE", E, f"{L}.source", rejectedValue="BILLBOARD")])
    a("VAL-LEAD-039", "desiredProduct.assetClass outside its enum (core)", changes=[("desiredProduct.assetClass", "AUTOMOTIVE")],
      errors=[I("INVALID_ENUM_VALUE", E, f"{L}.desiredProduct.assetClass", rejectedValue="AUTOMOTIVE")])
    a("VAL-LEAD-040", "an enum inside an optional block is a WARNING",
      changes=[("tradeIn", {"tradeInVehicleOffered": True, "tradeInCondition": "MINT"})],
      warnings=[I("INVALID_ENUM_VALUE", W, f"{L}.tradeIn.tradeInCondition", rejectedValue="MINT")])
    a("VAL-LEAD-041", "optional-block enums are ERRORs in strict mode", mode="strict",
      changes=[("tradeIn", {"tradeInCondition": "MINT"})],
      errors=[I("INVALID_ENUM_VALUE", E, f"{L}.tradeIn.tradeInCondition")])
    a("VAL-LEAD-042", "leadId shorter than 10 characters", changes=[("leadId", "L-1")],
      errors=[I("INVALID_LENGTH", E, f"{L}.leadId")])
    a("VAL-LEAD-043", "leadVersion must be an integer", changes=[("leadVersion", "2")],
      errors=[I("INVALID_TYPE", E, f"{L}.leadVersion", rejectedValue="2")])
    a("VAL-LEAD-044", "leadVersion 2.0 is an integer", changes=[("leadVersion", 2.0)])
    a("VAL-LEAD-045", "desiredProduct.year below 1900", changes=[("desiredProduct.year", 1850)],
      errors=[I("VALUE_OUT_OF_RANGE", E, f"{L}.desiredProduct.year", rejectedValue=1850, threshold=1900)])
    a("VAL-LEAD-046", "metadata.countryCode must be two upper-case letters", changes=[("metadata.countryCode", "gbr")],
      errors=[I("INVALID_FORMAT", E, f"{L}.metadata.countryCode", rejectedValue="gbr")])
    a("VAL-LEAD-047", "leadCreatedDate must be a date-time", changes=[("leadCreatedDate", "2026-04-03")],
      errors=[I("INVALID_FORMAT", E, f"{L}.leadCreatedDate", rejectedValue="2026-04-03")])
    a("VAL-LEAD-048", "purchaseTimeframe.earliestDate must be a real date", changes=[("purchaseTimeframe", {"earliestDate": "2026-02-30"})],
      errors=[I("INVALID_FORMAT", E, f"{L}.purchaseTimeframe.earliestDate")])
    a("VAL-LEAD-049", "sourceDetail.sourceURL must be a URI", changes=[("sourceDetail", {"sourceURL": "www.example.org/cars"})],
      errors=[I("INVALID_FORMAT", E, f"{L}.sourceDetail.sourceURL")])
    a("VAL-LEAD-050", "assignedTo.email must be an email", changes=[("assignedTo", {"name": "Sam", "email": "sam"})],
      errors=[I("INVALID_FORMAT", E, f"{L}.assignedTo.email")])
    a("VAL-LEAD-051", "a nested required field inside an optional block is a WARNING",
      changes=[("customer.phoneNumbers", [{"type": "MOBILE"}])],
      warnings=[I("REQUIRED_FIELD_MISSING", W, f"{L}.customer.phoneNumbers[0].number")])
    a("VAL-LEAD-052", "fleetOrder.quantity is binding (ERROR)", changes=[("fleetOrder", {"currency": "GBP"})],
      errors=[I("REQUIRED_FIELD_MISSING", E, f"{L}.fleetOrder.quantity")])
    a("VAL-LEAD-053", "a consent block's schema-required field is binding", level=3,
      changes=[("consentRecord.tcpa", {"consentSource": "WEB_FORM"})],
      errors=[I("REQUIRED_FIELD_MISSING", E, f"{L}.consentRecord.tcpa.expressWrittenConsent")])
    a("VAL-LEAD-054", "a consent legalBasis outside its enum is an ERROR (core)",
      changes=[("consentRecord.ukGdpr.legalBasis", "MARKETING")],
      errors=[I("INVALID_ENUM_VALUE", E, f"{L}.consentRecord.ukGdpr.legalBasis", rejectedValue="MARKETING")])
    a("VAL-LEAD-055", "unknown fields of open objects pass through silently",
      changes=[("desiredProduct.evPreferences", {"estimatedRangeKm": 400, "rangeStandard": "WLTP"}), ("customer.nickname", "Ini")])
    a("VAL-LEAD-056", "an unknown field in a closed deal object is a WARNING", level=2,
      changes=[("financialSummary", dict(FINSUM, taxesAndFees=dict(FINSUM["taxesAndFees"], memo="x")))],
      warnings=[I("UNKNOWN_FIELD", W, f"{L}.financialSummary.taxesAndFees.memo")])
    a("VAL-LEAD-057", "history statuses are core enums", changes=[("leadHistory", [{"previousStatus": "NEW", "newStatus": "SHOPPING"}])],
      errors=[I("INVALID_ENUM_VALUE", E, f"{L}.leadHistory[0].previousStatus", rejectedValue="NEW")])

    # --- EV (lead and asset) ---------------------------------------------------------------
    for lvl in (1, 2, 3):
        a(f"VAL-EV-001-L{lvl}", f"a range figure without its standard (lead) at L{lvl}", level=lvl,
          changes=[("desiredProduct.evPreferences", {"estimatedRangeKm": 450})],
          warnings=[I("EV_RANGE_STANDARD_MISSING", W, "evSpecifications.estimatedRangeKm")])
    a("VAL-EV-002", "a range figure with its standard passes", level=3,
      changes=[("desiredProduct.evPreferences", {"estimatedRangeKm": 450, "rangeStandard": "WLTP"})])
    a("VAL-EV-003", "asset range without a standard", "ASSET", level=3, changes=[("evSpecifications.estimatedRange.standard", DEL)],
      warnings=[I("EV_RANGE_STANDARD_MISSING", W, "evSpecifications.estimatedRangeKm")])
    for lvl in (1, 3):
        a(f"VAL-EV-004-L{lvl}", f"BEV with a CCS port but no maxDcChargingKw at L{lvl}", "ASSET", level=lvl,
          changes=[("evSpecifications.maxDcChargingKw", DEL)],
          warnings=[I("EV_DC_SPEC_MISSING", W, "evSpecifications.chargePort.maxDcChargingKw")])
    a("VAL-EV-005", "PHEV with a DC port but no maxDcChargingKw", "ASSET",
      changes=[("evSpecifications.maxDcChargingKw", DEL), ("evSpecifications.drivetrainType", "PHEV")],
      warnings=[I("EV_DC_SPEC_MISSING", W, "evSpecifications.chargePort.maxDcChargingKw")])
    a("VAL-EV-006", "an AC-only port needs no DC figure", "ASSET",
      changes=[("evSpecifications.maxDcChargingKw", DEL), ("evSpecifications.chargePorts[0].standard", "TYPE2")])
    a("VAL-EV-007", "a battery of 0 kWh at L3", "ASSET", level=3, changes=[("evSpecifications.batteryCapacityKwh", 0)],
      errors=[I("VALUE_OUT_OF_RANGE", E, "lex.payload.asset.evSpecifications.batteryCapacityKwh", rejectedValue=0)])
    a("VAL-EV-008", "a battery of 0 kWh passes the schema at L2", "ASSET", level=2, changes=[("evSpecifications.batteryCapacityKwh", 0)])
    a("VAL-EV-009", "a tax-credit statement older than a year", "ASSET", level=3,
      changes=[("evSpecifications.taxCreditEligibility", {"region": "US-CA", "asOf": "2024-12-31"})],
      warnings=[I("EV_INCENTIVE_STALE", W, "lex.payload.asset.evSpecifications.taxCreditEligibility.asOf", threshold=365)])
    a("VAL-EV-010", "a recent tax-credit statement", "ASSET", level=3,
      changes=[("evSpecifications.taxCreditEligibility", {"region": "US-CA", "asOf": "2026-01-15"})])
    a("VAL-EV-011", "installation interest without parking type", "ASSET", level=3,
      changes=[("evSpecifications.homeChargingInterest", {"interestedInInstallation": True})],
      warnings=[I("EV_PARKING_TYPE_MISSING", W, "lex.payload.asset.evSpecifications.homeChargingInterest.parkingType")])
    a("VAL-EV-012", "installation interest with parking type", "ASSET", level=3,
      changes=[("evSpecifications.homeChargingInterest", {"interestedInInstallation": True, "parkingType": "GARAGE"})])

    # --- Lead intelligence -----------------------------------------------------------------
    li = f"{L}.leadIntelligence"
    for lvl in (1, 3):
        a(f"VAL-LI-001-L{lvl}", f"intentScore above 1 at L{lvl}", level=lvl, changes=[("leadIntelligence", dict(INTEL, intentScore=1.2))],
          errors=[I("INTENT_SCORE_OUT_OF_RANGE", E, "leadIntelligence.intentScore", rejectedValue=1.2)])
        a(f"VAL-LI-010-L{lvl}", f"scores on 9-day-old data at L{lvl}", level=lvl,
          changes=[("leadIntelligence", dict(INTEL, modelMetadata=dict(INTEL["modelMetadata"], dataFreshnessDays=9)))],
          warnings=[I("INTELLIGENCE_SCORES_STALE", W, "leadIntelligence.modelMetadata.dataFreshnessDays", rejectedValue=9, threshold=7)])
    a("VAL-LI-000", "a complete leadIntelligence block passes at L3", level=3, changes=[("leadIntelligence", INTEL)])
    a("VAL-LI-000-L2", "intentScore 0.0 is a real score", level=2, changes=[("leadIntelligence", dict(INTEL, intentScore=0.0))])
    a("VAL-LI-002", "scores dated in the future", level=3,
      changes=[("leadIntelligence", dict(INTEL, modelMetadata=dict(INTEL["modelMetadata"], scoredAt="2026-04-04T00:00:00Z")))],
      errors=[I("LI-002", E, f"{li}.modelMetadata.scoredAt")])
    a("VAL-LI-002-L2", "the LI family beyond the vector rules is L3-only", level=2,
      changes=[("leadIntelligence", dict(INTEL, modelMetadata=dict(INTEL["modelMetadata"], scoredAt="2026-04-04T00:00:00Z")))])
    a("VAL-LI-003", "negative dataFreshnessDays", level=3,
      changes=[("leadIntelligence", dict(INTEL, modelMetadata=dict(INTEL["modelMetadata"], dataFreshnessDays=-1)))],
      errors=[I("LI-003", E, f"{li}.modelMetadata.dataFreshnessDays")])
    a("VAL-LI-004", "buyingWindowDays 0", level=3, changes=[("leadIntelligence", dict(INTEL, buyingWindowDays=0))],
      errors=[I("LI-004", E, f"{li}.buyingWindowDays")])
    a("VAL-LI-005", "a predicted product confidence above 1", level=3,
      changes=[("leadIntelligence", dict(INTEL, predictedProducts=[{"productType": "VEHICLE_NEW", "confidenceScore": 1.4}]))],
      errors=[I("LI-005", E, f"{li}.predictedProducts[0].confidenceScore")])
    a("VAL-LI-006", "a channel affinity below 0", level=3,
      changes=[("leadIntelligence", dict(INTEL, channelAffinity=[{"channel": "SMS", "affinityScore": -0.2}]))],
      errors=[I("LI-006", E, f"{li}.channelAffinity[0].affinityScore")])
    a("VAL-LI-007", "a scoring weight above 1", level=3,
      changes=[("leadIntelligence", dict(INTEL, scoringReasons=[{"factor": "X", "direction": "POSITIVE", "weight": 2}]))],
      errors=[I("LI-007", E, f"{li}.scoringReasons[0].weight")])
    a("VAL-LI-008", "a scoring direction outside POSITIVE/NEGATIVE", level=3,
      changes=[("leadIntelligence", dict(INTEL, scoringReasons=[{"factor": "X", "direction": "UP", "weight": 0.3}]))],
      errors=[I("LI-008", E, f"{li}.scoringReasons[0].direction", rejectedValue="UP")])
    a("VAL-LI-009", "intentScore without confidenceLevel", level=3,
      changes=[("leadIntelligence", {k: v for k, v in INTEL.items() if k != "confidenceLevel"})],
      warnings=[I("LI-009", W, f"{li}.confidenceLevel")])
    a("VAL-LI-011", "an unregistered behavioural signal", level=3,
      changes=[("leadIntelligence", dict(INTEL, behavioralSignals=["VDP_VIEW_3X", "MOUSE_WIGGLE"]))],
      warnings=[I("LI-011", W, f"{li}.behavioralSignals[1]", rejectedValue="MOUSE_WIGGLE")])
    a("VAL-LI-012", "scoreTrend without intentScore", level=3,
      changes=[("leadIntelligence", {k: v for k, v in INTEL.items() if k not in ("intentScore",)})],
      warnings=[I("LI-012", W, f"{li}.scoreTrend")])
    a("VAL-LI-013", "a negative enrichment signal count", level=3,
      changes=[("leadIntelligence", dict(INTEL, enrichmentSources=[{"type": "TELEMATICS", "provider": "P", "signalCount": -3}]))],
      errors=[I("LI-013", E, f"{li}.enrichmentSources[0].signalCount")])
    a("VAL-LI-014", "modelMetadata without modelId is a WARNING (nested required)", level=2,
      changes=[("leadIntelligence", dict(INTEL, modelMetadata={k: v for k, v in INTEL["modelMetadata"].items() if k != "modelId"}))],
      warnings=[I("REQUIRED_FIELD_MISSING", W, f"{li}.modelMetadata.modelId")])

    # --- AI insights -------------------------------------------------------------------------
    ai = f"{L}.aiInsights"

    def aiw(**kw):
        d = copy.deepcopy(AI)
        d.update(kw)
        return [("aiInsights", d), ("/lex.dataGovernance", AI_GOV)]

    def ci(**kw):
        return aiw(conversationInsights=dict(AI["conversationInsights"], **kw))

    a("VAL-AI-000", "a complete aiInsights block passes at L3", level=3, changes=aiw())
    a("VAL-AI-001", "sentimentScore above 1", level=3, changes=ci(sentimentScore=1.5),
      errors=[I("AI-001", E, f"{ai}.conversationInsights.sentimentScore")])
    a("VAL-AI-002", "an intent classification confidence above 1", level=3,
      changes=ci(intentClassifications=[{"intent": "PURCHASE_INTENT", "confidence": 3}]),
      errors=[I("AI-002", E, f"{ai}.conversationInsights.intentClassifications[0].confidence")])
    a("VAL-AI-003", "a next-best action confidence below 0", level=3,
      changes=aiw(nextBestActions=[{"actionCode": "CALL", "urgency": "IMMEDIATE", "confidence": -1}]),
      errors=[I("AI-003", E, f"{ai}.nextBestActions[0].confidence")])
    a("VAL-AI-004", "insights generated in the future", level=3,
      changes=aiw(generatedBy=dict(AI["generatedBy"], generatedAt="2026-04-05T00:00:00Z")),
      errors=[I("AI-004", E, f"{ai}.generatedBy.generatedAt")])
    a("VAL-AI-005", "aiInsights without generatedBy at L3", level=3,
      changes=[("aiInsights", {k: v for k, v in AI.items() if k != "generatedBy"}), ("/lex.dataGovernance", AI_GOV)],
      errors=[I("AI-005", E, f"{ai}.generatedBy")])
    a("VAL-AI-005-L2", "aiInsights without generatedBy at L2 (schema requirement)", level=2,
      changes=[("aiInsights", {k: v for k, v in AI.items() if k != "generatedBy"}), ("/lex.dataGovernance", AI_GOV)],
      errors=[I("REQUIRED_FIELD_MISSING", E, f"{ai}.generatedBy")])
    a("VAL-AI-006", "a summary without analyzedAt", level=3,
      changes=aiw(conversationInsights={"summary": "Short chat.", "sentiment": "NEUTRAL"}),
      warnings=[I("AI-006", W, f"{ai}.conversationInsights.analyzedAt")])
    six = [{"actionCode": f"A{i}", "urgency": "THIS_WEEK", "confidence": 0.9 - i / 10} for i in range(6)]
    for lvl in (2, 3):
        a(f"VAL-AI-007-L{lvl}", f"six next-best actions are a WARNING at L{lvl} (not a schema ERROR)", level=lvl,
          changes=aiw(nextBestActions=six), warnings=[I("AI-007", W, f"{ai}.nextBestActions")])
    a("VAL-AI-008", "an empty competitor name", level=3, changes=aiw(competitorMentions=[{"competitor": " "}]),
      errors=[I("AI-008", E, f"{ai}.competitorMentions[0].competitor")])

    # --- Financial summary (LEAD at IN_NEGOTIATION) ------------------------------------------
    fs = f"{L}.financialSummary"
    neg = [("status", "IN_NEGOTIATION")]

    def fin(**kw):
        d = copy.deepcopy(FINSUM)
        d.update(kw)
        return neg + [("financialSummary", d)]

    def tf(**kw):
        return fin(taxesAndFees=dict(FINSUM["taxesAndFees"], **kw))

    def tf_without(key):
        return fin(taxesAndFees={k: v for k, v in FINSUM["taxesAndFees"].items() if k != key})

    a("VAL-FIN-000", "a consistent financial summary passes at L3", level=3, changes=fin())
    a("VAL-FIN-001", "financialSummary without currency", level=3, changes=[("status", "IN_NEGOTIATION"),
      ("financialSummary", {k: v for k, v in FINSUM.items() if k != "currency"})], errors=[I("FIN-001", E, f"{fs}.currency")])
    a("VAL-FIN-001-L2", "without currency at L2: the schema requirement", level=2, changes=[("status", "IN_NEGOTIATION"),
      ("financialSummary", {k: v for k, v in FINSUM.items() if k != "currency"})],
      errors=[I("REQUIRED_FIELD_MISSING", E, f"{fs}.currency")])
    a("VAL-FIN-002", "taxesAndFees without calculatedBy", level=3, changes=tf_without("calculatedBy"),
      errors=[I("FIN-002", E, f"{fs}.taxesAndFees.calculatedBy")])
    a("VAL-FIN-003", "isEstimate false in a LEAD", level=3, changes=tf(isEstimate=False),
      errors=[I("FIN-003", E, f"{fs}.taxesAndFees.isEstimate")])
    a("VAL-FIN-004", "taxesAndFees without calculatedAt", level=3, changes=tf_without("calculatedAt"),
      errors=[I("FIN-004", E, f"{fs}.taxesAndFees.calculatedAt")])
    a("VAL-FIN-005", "empty jurisdictionCodes", level=3, changes=tf(jurisdictionCodes=[]),
      errors=[I("FIN-005", E, f"{fs}.taxesAndFees.jurisdictionCodes")])
    a("VAL-FIN-006", "taxesAndFees without lineItems", level=3, changes=tf_without("lineItems"),
      errors=[I("FIN-006", E, f"{fs}.taxesAndFees.lineItems")])
    a("VAL-FIN-007", "a total that is not the sum of the line items", level=3, changes=tf(totalTaxesAndFees=7000),
      warnings=[I("FIN-007", W, f"{fs}.taxesAndFees.totalTaxesAndFees", threshold=6805)])
    a("VAL-FIN-008", "netTradeIn is not allowance minus payoff", level=3, changes=fin(netTradeIn=6000),
      warnings=[I("FIN-008", W, f"{fs}.netTradeIn")])
    a("VAL-FIN-009", "negotiated above the vehicle price", level=3, changes=fin(negotiatedPrice=43000),
      warnings=[I("FIN-009", W, f"{fs}.negotiatedPrice")])
    a("VAL-FIN-010", "taxes calculated 60 days before the message", level=3, changes=tf(calculatedAt="2026-02-01T10:00:00Z"),
      warnings=[I("FIN-010", W, f"{fs}.taxesAndFees.calculatedAt")])
    a("VAL-FIN-011", "a financial summary on a SHOPPING lead", level=3, changes=[("financialSummary", FINSUM)],
      warnings=[I("FINANCIAL_SUMMARY_PREMATURE", W, fs, rejectedValue="SHOPPING")])
    a("VAL-FIN-012", "FIN rules are L3-only", level=2, changes=tf(totalTaxesAndFees=7000, isEstimate=False))
    a("VAL-FIN-013", "a line item type outside its enum (deal block: core)", level=2,
      changes=tf(lineItems=[{"label": "VAT", "type": "SALES_TAX", "amount": 6805}]),
      errors=[I("INVALID_ENUM_VALUE", E, f"{fs}.taxesAndFees.lineItems[0].type", rejectedValue="SALES_TAX")])

    # --- Captive finance ---------------------------------------------------------------------
    cf = f"{L}.captiveFinance"

    def cap(**kw):
        d = copy.deepcopy(CAPTIVE)
        d.update(kw)
        return neg + [("captiveFinance", d)]

    def cap_without(key):
        return neg + [("captiveFinance", {k: v for k, v in CAPTIVE.items() if k != key})]

    a("VAL-CF-000", "a complete captive offer passes at L3", level=3, changes=cap())
    a("VAL-CF-001", "a binding commitment in a LEAD", level=3, changes=cap(bindingCommitment=True),
      errors=[I("CF-001", E, f"{cf}.bindingCommitment")])
    for n, key in ((2, "snapshotTimestamp"), (3, "captiveOrg"), (4, "programId"), (5, "evaluatedBy"), (6, "evaluatedAt"), (7, "disclaimer")):
        a(f"VAL-CF-00{n}", f"captiveFinance without {key}", level=3, changes=cap_without(key),
          errors=[(f"CF-00{n}", E, f"{cf}.{key}")])
    a("VAL-CF-008", "RETAIL_FINANCE without retailFinance (null counts as absent)", level=3, changes=cap(retailFinance=None),
      errors=[I("CF-008", E, f"{cf}.retailFinance")])
    a("VAL-CF-009", "LEASE without leaseTerms", level=3, changes=cap(dealStructure="LEASE", retailFinance=None),
      errors=[I("CF-009", E, f"{cf}.leaseTerms")])
    a("VAL-CF-009-L2", "a null sub-block is accepted by the schema layer at L2", level=2, changes=cap(dealStructure="LEASE", retailFinance=None))
    a("VAL-CF-010", "the program expired before the message", level=3, changes=cap(programExpiresAt="2026-03-31T23:59:59Z"),
      warnings=[I("CF-010", W, f"{cf}.programExpiresAt")])
    a("VAL-CF-011", "applied incentives differ from the bonus sum", level=3, changes=cap(appliedIncentivesTotal=750),
      warnings=[I("CF-011", W, f"{cf}.appliedIncentivesTotal", threshold=500)])
    a("VAL-CF-012", "a too-short disclaimer breaks the schema", level=2, changes=cap(disclaimer="T&C"),
      errors=[I("INVALID_LENGTH", E, f"{cf}.disclaimer")])

    # --- Deal lineage and structured notes ------------------------------------------------------
    dl = f"{L}.dealLineage"

    def lin(entries=None, **kw):
        d = copy.deepcopy(LINEAGE)
        if entries is not None:
            d["entries"] = entries
        d.update(kw)
        return neg + [("dealLineage", d)]

    e1, e2 = LINEAGE["entries"]
    a("VAL-DL-000", "a consistent deal lineage with notes passes at L3", level=3, changes=lin() + [("structuredNotes", NOTES)])
    a("VAL-DL-001", "dealLineage without version", level=3, changes=neg + [("dealLineage", {"entries": LINEAGE["entries"]})],
      errors=[I("DL-001", E, f"{dl}.version")])
    a("VAL-DL-002", "dealLineage with no entries", level=3, changes=lin(entries=[], version=1),
      errors=[I("DL-002", E, f"{dl}.entries")])
    a("VAL-DL-003", "an entry without systemId", level=3,
      changes=lin(entries=[e1, {k: v for k, v in e2.items() if k != "systemId"}]),
      errors=[I("DL-003", E, f"{dl}.entries[1].systemId")])
    a("VAL-DL-004", "seq going backwards", level=3, changes=lin(entries=[dict(e1, seq=2), dict(e2, seq=1)]),
      errors=[I("DL-004", E, f"{dl}.entries[1].seq")])
    a("VAL-DL-005", "an action outside the enum", level=3, changes=lin(entries=[e1, dict(e2, action="REPRICED")]),
      errors=[I("DL-005", E, f"{dl}.entries[1].action")])
    a("VAL-DL-006", "a systemType outside the enum", level=3, changes=lin(entries=[e1, dict(e2, systemType="ERP")]),
      errors=[I("DL-006", E, f"{dl}.entries[1].systemType")])
    a("VAL-DL-007", "two entries with the same seq", level=3, changes=lin(entries=[e1, dict(e2, seq=1)]),
      warnings=[I("DL-007", W, f"{dl}.entries[1].seq")])
    a("VAL-DL-008", "a modification without deltaFromPrevious", level=3,
      changes=lin(entries=[e1, {k: v for k, v in e2.items() if k != "deltaFromPrevious"}]),
      warnings=[I("DL-008", W, f"{dl}.entries[1].deltaFromPrevious")])
    a("VAL-DL-009", "version differs from the entry count", level=3, changes=lin(version=3),
      warnings=[I("DL-009", W, f"{dl}.version")])
    a("VAL-DL-010", "lineage rules are L3-only", level=2, changes=lin(version=3))
    sn = f"{L}.structuredNotes[0]"
    for n, key in ((1, "noteId"), (3, "body"), (4, "authorId")):
        a(f"VAL-SN-00{n}", f"a note with an empty {key}", level=3, changes=lin() + [("structuredNotes", [dict(NOTES[0], **{key: ""})])],
          errors=[(f"SN-00{n}", E, f"{sn}.{key}")])
    a("VAL-SN-002", "a visibility outside the enum", level=3, changes=lin() + [("structuredNotes", [dict(NOTES[0], visibility="SECRET")])],
      errors=[I("SN-002", E, f"{sn}.visibility", rejectedValue="SECRET")])
    a("VAL-SN-005", "a note with an unreadable timestamp", level=3,
      changes=lin() + [("structuredNotes", [dict(NOTES[0], timestamp="last week")])],
      errors=[I("SN-005", E, f"{sn}.timestamp")])
    a("VAL-SN-007", "a note linked to a missing lineage seq", level=3,
      changes=lin() + [("structuredNotes", [dict(NOTES[0], linkedTo={"dealLineageSeq": 9})])],
      warnings=[I("SN-007", W, f"{sn}.linkedTo.dealLineageSeq")])

    # --- Multi-industry ------------------------------------------------------------------------
    a("VAL-MI-001", "delivery slots that do not add up to the quantity", level=3,
      changes=[("fleetOrder", {"quantity": 10, "deliverySchedule": [
          {"quantity": 4, "targetDate": "2026-06-01", "targetLocation": "Leeds depot"},
          {"quantity": 4, "targetDate": "2026-07-01", "targetLocation": "York depot"}]})],
      warnings=[I("FLEET_DELIVERY_MISMATCH", W, f"{L}.fleetOrder.deliverySchedule", threshold=10)])
    a("VAL-MI-002", "delivery slots that add up", level=3,
      changes=[("fleetOrder", {"quantity": 8, "deliverySchedule": [
          {"quantity": 4, "targetDate": "2026-06-01", "targetLocation": "Leeds depot"},
          {"quantity": 4, "targetDate": "2026-07-01", "targetLocation": "York depot"}]})])
    a("VAL-MI-003", "unit specifications beyond the ordered quantity", level=3,
      changes=[("fleetOrder", {"quantity": 2, "unitSpecifications": [{"quantity": 3, "configurationCode": "EX30-PLUS"}]})],
      errors=[I("VALUE_OUT_OF_RANGE", E, f"{L}.fleetOrder.unitSpecifications", threshold=2)])
    a("VAL-MI-004", "an ORGANIZATION buyer without details", level=3, changes=[("customer.buyerType", "ORGANIZATION")],
      warnings=[I("ORGANIZATION_BUYER_MISSING", W, f"{L}.customer.organizationBuyer")])
    a("VAL-MI-005", "a government buyer without a procurement method", level=3,
      changes=[("customer.buyerType", "ORGANIZATION"), ("customer.organizationBuyer", {"companyName": "City of Leeds", "governmentEntity": True})],
      warnings=[I("PROCUREMENT_METHOD_MISSING", W, f"{L}.customer.organizationBuyer.procurementMethodology")])
    a("VAL-MI-006", "a government buyer with a procurement method", level=3,
      changes=[("customer.buyerType", "ORGANIZATION"),
               ("customer.organizationBuyer", {"companyName": "City of Leeds", "governmentEntity": True, "procurementMethodology": "TENDER"})])
    a("VAL-MI-007", "multi-industry rules are L3-only", level=2, changes=[("customer.buyerType", "ORGANIZATION")])
    a("VAL-MI-008", "organizationBuyer without companyName (binding)", level=2,
      changes=[("customer.organizationBuyer", {"governmentEntity": False})],
      errors=[I("REQUIRED_FIELD_MISSING", E, f"{L}.customer.organizationBuyer.companyName")])

    # --- Data quality (L2) ---------------------------------------------------------------------
    a("VAL-Q-001", "a trade-in VIN with a wrong check digit", level=2, changes=[("tradeIn", {"vin": "1M8GDM9A1KP042788"})],
      warnings=[I("VIN_CHECK_DIGIT", W, f"{L}.tradeIn.vin", rejectedValue="1M8GDM9A1KP042788")])
    a("VAL-Q-002", "a trade-in VIN with the right check digit", level=2, changes=[("tradeIn", {"vin": "1M8GDM9AXKP042788"})])
    a("VAL-Q-003", "the VIN check is not an L1 rule", level=1, changes=[("tradeIn", {"vin": "1M8GDM9A1KP042788"})])
    a("VAL-Q-004", "an inverted budget range", level=2, changes=[("desiredProduct.budgetMin", 50000), ("desiredProduct.budgetMax", 30000)],
      warnings=[I("BUDGET_RANGE_INVERTED", W, f"{L}.desiredProduct.budgetMin")])
    a("VAL-Q-005", "an asset VIN with a wrong check digit", "ASSET", level=3, changes=[("groundVehicle.vin", "11111111211111111")],
      warnings=[I("VIN_CHECK_DIGIT", W, "lex.payload.asset.groundVehicle.vin")])

    # --- ASSET ----------------------------------------------------------------------------------
    A = "lex.payload.asset"
    a("VAL-ASSET-001", "an asset without model", "ASSET", changes=[("model", DEL)],
      errors=[I("REQUIRED_FIELD_MISSING", E, f"{A}.model")])
    a("VAL-ASSET-002", "an asset status outside its enum", "ASSET", changes=[("status", "ON_ORDER")],
      errors=[I("INVALID_ENUM_VALUE", E, f"{A}.status", rejectedValue="ON_ORDER")])
    a("VAL-ASSET-003", "a VIN with lower-case letters breaks the pattern", "ASSET", changes=[("groundVehicle.vin", "1m8gdm9axkp042788")],
      errors=[I("INVALID_FORMAT", E, f"{A}.groundVehicle.vin")])
    a("VAL-ASSET-004", "an asset year as a string", "ASSET", changes=[("year", "2026")],
      errors=[I("INVALID_TYPE", E, f"{A}.year", rejectedValue="2026")])
    a("VAL-ASSET-005", "doors above 10", "ASSET", changes=[("groundVehicle.doors", 12)],
      errors=[I("VALUE_OUT_OF_RANGE", E, f"{A}.groundVehicle.doors", threshold=10)])
    a("VAL-ASSET-006", "an enum inside a class block is a WARNING", "ASSET", changes=[("groundVehicle.bodyType", "SPACESHIP")],
      warnings=[I("INVALID_ENUM_VALUE", W, f"{A}.groundVehicle.bodyType", rejectedValue="SPACESHIP")])
    a("VAL-ASSET-007", "pricing.currency must be ISO 4217-shaped", "ASSET", changes=[("pricing.currency", "euro")],
      errors=[I("INVALID_FORMAT", E, f"{A}.pricing.currency")])

    # --- ACKNOWLEDGMENT ---------------------------------------------------------------------------
    K = "lex.payload.acknowledgment"
    a("VAL-ACK-001", "an acknowledgment status outside its enum", "ACKNOWLEDGMENT", changes=[("status", "OK")],
      errors=[I("INVALID_ENUM_VALUE", E, f"{K}.status", rejectedValue="OK")])
    a("VAL-ACK-002", "an acknowledgment without timestamp", "ACKNOWLEDGMENT", changes=[("timestamp", DEL)],
      errors=[I("REQUIRED_FIELD_MISSING", E, f"{K}.timestamp")])
    a("VAL-ACK-003", "acknowledgmentId shorter than 10", "ACKNOWLEDGMENT", changes=[("acknowledgmentId", "ACK-1")],
      errors=[I("INVALID_LENGTH", E, f"{K}.acknowledgmentId")])
    a("VAL-ACK-004", "an action outside its enum is a WARNING", "ACKNOWLEDGMENT",
      changes=[("actionsTaken", [{"action": "EMAILED", "timestamp": "2026-04-03T11:31:00Z"}])],
      warnings=[I("INVALID_ENUM_VALUE", W, f"{K}.actionsTaken[0].action", rejectedValue="EMAILED")])
    a("VAL-ACK-005", "originalMessageType ACKNOWLEDGMENT is not allowed", "ACKNOWLEDGMENT",
      changes=[("originalMessageType", "ACKNOWLEDGMENT")],
      errors=[I("INVALID_ENUM_VALUE", E, f"{K}.originalMessageType", rejectedValue="ACKNOWLEDGMENT")])
    a("VAL-ACK-006", "retryInformation.maxRetries below 1", "ACKNOWLEDGMENT",
      changes=[("retryInformation", {"isRetryable": True, "maxRetries": 0})],
      errors=[I("VALUE_OUT_OF_RANGE", E, f"{K}.retryInformation.maxRetries", threshold=1)])

    # --- SUBSCRIPTION ------------------------------------------------------------------------------
    S = "lex.payload.subscription"
    sc = f"{S}.systemCapabilities"
    a("VAL-SUB-001", "eventTypes must not be empty", "SUBSCRIPTION", changes=[("eventTypes", [])],
      errors=[I("INVALID_LENGTH", E, f"{S}.eventTypes")])
    a("VAL-SUB-002", "an event type outside its enum (core)", "SUBSCRIPTION", changes=[("eventTypes", ["LEAD_CREATED", "ALL"])],
      errors=[I("INVALID_ENUM_VALUE", E, f"{S}.eventTypes[1]", rejectedValue="ALL")])
    a("VAL-SUB-003", "a delivery method without destination is a WARNING", "SUBSCRIPTION",
      changes=[("deliveryMethods", [{"method": "WEBHOOK"}])],
      warnings=[I("REQUIRED_FIELD_MISSING", W, f"{S}.deliveryMethods[0].destination")])
    a("VAL-SUB-004", "a subscription status outside its enum", "SUBSCRIPTION", changes=[("status", "ON")],
      errors=[I("INVALID_ENUM_VALUE", E, f"{S}.status", rejectedValue="ON")])
    a("VAL-SUB-005", "an unknown key in systemCapabilities (closed)", "SUBSCRIPTION",
      changes=[("systemCapabilities.vendor", "ACME")], warnings=[I("UNKNOWN_FIELD", W, f"{sc}.vendor")])
    a("VAL-CAP-001", "systemCapabilities without lexVersion", "SUBSCRIPTION", level=3,
      changes=[("systemCapabilities.lexVersion", DEL)], errors=[I("CAP-001", E, f"{sc}.lexVersion")])
    a("VAL-CAP-002", "lexVersion that is not semver", "SUBSCRIPTION", level=3,
      changes=[("systemCapabilities.lexVersion", "1.0")], errors=[I("CAP-002", E, f"{sc}.lexVersion", rejectedValue="1.0")])
    a("VAL-CAP-003", "conformanceLevel L4", "SUBSCRIPTION", level=3,
      changes=[("systemCapabilities.conformanceLevel", "L4")], errors=[I("CAP-003", E, f"{sc}.conformanceLevel", rejectedValue="L4")])
    a("VAL-CAP-004", "no supported message types", "SUBSCRIPTION", level=3,
      changes=[("systemCapabilities.supportedMessageTypes", [])], errors=[I("CAP-004", E, f"{sc}.supportedMessageTypes")])
    a("VAL-CAP-005", "lastUpdated unreadable", "SUBSCRIPTION", level=3,
      changes=[("systemCapabilities.lastUpdated", "March")], errors=[I("CAP-005", E, f"{sc}.lastUpdated")])
    a("VAL-CAP-006", "an L2 system listing dealLineage as unsupported", "SUBSCRIPTION", level=3,
      changes=[("systemCapabilities.conformanceLevel", "L2"), ("systemCapabilities.unsupportedBlocks", ["dealLineage"])],
      warnings=[I("CAP-006", W, f"{sc}.unsupportedBlocks[0]")])
    a("VAL-CAP-007", "an L3 system listing known unsupported blocks", "SUBSCRIPTION", level=3,
      changes=[("systemCapabilities.unsupportedBlocks", ["dealLineage", "evSpecifications"])])
    a("VAL-CAP-008", "an unknown block name", "SUBSCRIPTION", level=3,
      changes=[("systemCapabilities.unsupportedBlocks", ["warpDrive"])],
      warnings=[I("CAP-008", W, f"{sc}.unsupportedBlocks[0]", rejectedValue="warpDrive")])
    a("VAL-CAP-009", "capability rules are L3-only", "SUBSCRIPTION", level=2,
      changes=[("systemCapabilities.unsupportedBlocks", ["warpDrive"])])
    a("VAL-CAP-010", "a subscription without systemCapabilities is valid (INFO only)", "SUBSCRIPTION", level=3,
      changes=[("systemCapabilities", DEL)])

    # --- LEAD_CLOSURE --------------------------------------------------------------------------------
    Z = "lex.payload.leadClosure"
    for lvl in (1, 2):
        a(f"VAL-CLS-001-L{lvl}", f"a closure without originalLeadId at L{lvl}", "LEAD_CLOSURE", level=lvl,
          changes=[("originalLeadId", DEL)], errors=[I("REQUIRED_FIELD_MISSING", E, "leadClosure.originalLeadId")])
    a("VAL-CLS-002", "an empty originalLeadId", "LEAD_CLOSURE", changes=[("originalLeadId", "")],
      errors=[I("REQUIRED_FIELD_MISSING", E, "leadClosure.originalLeadId")])
    a("VAL-CLS-003", "closureStatus outside its enum", "LEAD_CLOSURE", changes=[("closureStatus", "SOLD")],
      errors=[I("INVALID_ENUM_VALUE", E, "leadClosure.closureStatus", rejectedValue="SOLD",
               allowedValues=["WON", "LOST", "ABANDONED", "REASSIGNED", "CANCELLED", "DUPLICATE"])])
    a("VAL-CLS-004", "closureStatus missing", "LEAD_CLOSURE", changes=[("closureStatus", DEL)],
      errors=[I("INVALID_ENUM_VALUE", E, "leadClosure.closureStatus")])
    a("VAL-CLS-005", "closed before it was created", "LEAD_CLOSURE", level=2, changes=[("leadClosureDate", "2026-02-01T00:00:00Z")],
      errors=[I("INVALID_DATE_ORDER", E, f"{Z}.leadClosureDate")])
    a("VAL-CLS-006", "the date order rule is L2 (not L1)", "LEAD_CLOSURE", level=1, changes=[("leadClosureDate", "2026-02-01T00:00:00Z")])
    a("VAL-CLS-007", "leadCreatedDate missing is a WARNING (disputed)", "LEAD_CLOSURE", changes=[("leadCreatedDate", DEL)],
      warnings=[I("REQUIRED_FIELD_MISSING", W, f"{Z}.leadCreatedDate")])
    a("VAL-CLS-008", "a WON closure without purchase details at L3", "LEAD_CLOSURE", level=3,
      changes=[("purchasedProduct", DEL), ("customerOutcome", DEL), ("closureDetail", {"purchaseConfirmed": True})],
      warnings=[I("WON_CLOSURE_INCOMPLETE", W, f"{Z}.purchasedProduct"), I("WON_CLOSURE_INCOMPLETE", W, f"{Z}.customerOutcome"),
                I("WON_CLOSURE_INCOMPLETE", W, f"{Z}.closureDetail.dealAmount")])
    a("VAL-CLS-009", "a WON closure without purchase details is clean at L2", "LEAD_CLOSURE", level=2,
      changes=[("purchasedProduct", DEL), ("customerOutcome", DEL), ("closureDetail", {"purchaseConfirmed": True})])
    a("VAL-CLS-010", "a negative deal amount", "LEAD_CLOSURE", changes=[("closureDetail.dealAmount", -5)],
      errors=[I("VALUE_OUT_OF_RANGE", E, f"{Z}.closureDetail.dealAmount", rejectedValue=-5, threshold=0)])
    a("VAL-CLS-011", "a LOST closure at L3", "LEAD_CLOSURE", level=3,
      changes=[("closureStatus", "LOST"), ("closureReason", "CUSTOMER_CHOSE_COMPETITOR"), ("purchasedProduct", DEL)])
    a("VAL-CLS-012", "dealerNotes above 2000 characters", "LEAD_CLOSURE", changes=[("dealerNotes", "n" * 2001)],
      errors=[I("INVALID_LENGTH", E, f"{Z}.dealerNotes")])
    a("VAL-CLS-013", "a closure financial summary may be final (isEstimate false)", "LEAD_CLOSURE", level=3,
      changes=[("financialSummary", dict(FINSUM, taxesAndFees=dict(FINSUM["taxesAndFees"], isEstimate=False)))])
    a("VAL-CLS-014", "a closure financial summary total mismatch", "LEAD_CLOSURE", level=3,
      changes=[("financialSummary", dict(FINSUM, taxesAndFees=dict(FINSUM["taxesAndFees"], totalTaxesAndFees=1)))],
      warnings=[I("FIN-007", W, f"{Z}.financialSummary.taxesAndFees.totalTaxesAndFees")])
    a("VAL-CLS-015", "a binding captive commitment is fine in a closure", "LEAD_CLOSURE", level=3,
      changes=[("captiveFinance", dict(CAPTIVE, bindingCommitment=True))])
    a("VAL-CLS-016", "purchasedProduct without productType is a WARNING (nested required)", "LEAD_CLOSURE",
      changes=[("purchasedProduct.productType", DEL)],
      warnings=[I("REQUIRED_FIELD_MISSING", W, f"{Z}.purchasedProduct.productType")])
    return o.vectors


def rename_key(m, old, new):
    lead = m["lex"]["payload"]["lead"]
    m["lex"]["payload"]["lead"] = {(new if k == old else k): v for k, v in lead.items()}
    return m


def rename_header_version(m):
    h = m["lex"]["header"]
    m["lex"]["header"] = {("lexVersion" if k == "version" else k): ("1.0.0" if k == "version" else v) for k, v in h.items()}
    return m


def closure_legacy(m):
    c = m["lex"]["payload"]["leadClosure"]
    ren = {"originalLeadId": "leadId", "leadClosureDate": "closedAt"}
    m["lex"]["payload"]["leadClosure"] = {ren.get(k, k): v for k, v in c.items()}
    return m


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    dst = sys.argv[1]
    os.makedirs(dst, exist_ok=True)
    for f in os.listdir(dst):
        if f.startswith("val-") and f.endswith(".json"):
            os.remove(os.path.join(dst, f))
    vectors = build()
    ids = [v["id"] for v in vectors]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for v in vectors:
        with open(os.path.join(dst, v["id"].lower() + ".json"), "w", encoding="utf-8") as f:
            json.dump(v, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print(f"{len(vectors)} vectors written to {dst}")


if __name__ == "__main__":
    main()
