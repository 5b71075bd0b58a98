"""Shared paths for the lex Python tests."""

import pytest
from vector_runner import REPO, SPEC

VECTORS = REPO / "tests" / "vectors"
CONFORMANCE = SPEC / "tests" / "conformance"


@pytest.fixture
def lead() -> dict:
    """A valid LEAD (level 2 at 2026-04-03T12:00:00Z) as a fresh dict."""
    return {
        "lex": {
            "header": {
                "messageId": "5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23",
                "messageType": "LEAD",
                "version": "1.0",
                "timestamp": "2026-04-03T09:30:00Z",
                "senderId": "PORTAL-NORTHWIND",
                "receiverId": "DEALER-CONTOSO-017",
            },
            "payload": {
                "lead": {
                    "leadId": "LEAD-NW-2026-000417",
                    "status": "EXPRESSED_INTEREST",
                    "source": "MANUFACTURER_WEBSITE",
                    "customer": {
                        "firstName": "Amara",
                        "lastName": "Okafor",
                        "emailAddress": "amara.okafor@example.org",
                        "phoneNumber": "+447700900123",
                    },
                    "desiredProduct": {
                        "productType": "VEHICLE_NEW",
                        "make": "Volvo",
                        "model": "EX30",
                        "year": 2026,
                    },
                }
            },
        }
    }


NOW = "2026-04-03T12:00:00Z"
