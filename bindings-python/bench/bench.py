"""Prints timings of the main lex calls (a benchmark program, not a test).

Run after building the package: ``python bindings-python/bench/bench.py``. Numbers are per
call, best of five rounds; the thread table shows how validation scales when the GIL is
released during core work.
"""

from __future__ import annotations

import copy
import json
import time
import timeit
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import lex

NOW = "2026-04-03T12:00:00Z"
LEAD: dict[str, Any] = {
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
                "desiredProduct": {"productType": "VEHICLE_NEW", "make": "Volvo", "model": "EX30"},
            }
        },
    }
}


def per_call(fn: Callable[[], object], number: int) -> float:
    """Best-of-five seconds per call."""
    return min(timeit.repeat(fn, number=number, repeat=5)) / number


def fmt(seconds: float) -> str:
    return f"{seconds * 1e6:10.2f} µs"


def main() -> None:
    text = json.dumps(LEAD)
    data = text.encode()
    big = copy.deepcopy(LEAD)
    big["lex"]["payload"]["lead"]["notes"] = [f"note {i} " + "x" * 40 for i in range(20_000)]
    big_data = json.dumps(big).encode()
    msg = lex.parse(data)
    rows = [
        ("transition_allowed", lambda: lex.transition_allowed("CART", "SHOPPING"), 20_000),
        ("fingerprint", lambda: lex.fingerprint("a@b.org", "+15551234567", "Doe"), 20_000),
        ("parse(bytes) 0.7 KB", lambda: lex.parse(data), 5_000),
        ("parse(str) 0.7 KB", lambda: lex.parse(text), 5_000),
        ("parse(dict)", lambda: lex.parse(LEAD), 5_000),
        ("validate(bytes)", lambda: lex.validate(data, now=NOW), 5_000),
        ("validate(Message)", lambda: lex.validate(msg, now=NOW), 5_000),
        ("Message.to_dict()", msg.to_dict, 5_000),
        ("Message.to_json()", lambda: msg.to_json(pretty=False), 5_000),
        ("json.loads (stdlib, for scale)", lambda: json.loads(text), 5_000),
        (f"parse(bytes) {len(big_data) // 1024} KB", lambda: lex.parse(big_data), 20),
        (f"validate(bytes) {len(big_data) // 1024} KB", lambda: lex.validate(big_data, now=NOW), 20),
    ]
    print(f"lex {lex.VERSION} (LEX {lex.LEX_VERSION})")
    print(f"{'call':<34}{'per call':>14}")
    for name, fn, number in rows:
        print(f"{name:<34}{fmt(per_call(fn, number)):>14}")

    print()
    print(f"{'threads validating the ' + str(len(big_data) // 1024) + ' KB input':<34}{'calls/s':>14}")
    calls = 16
    for threads in (1, 2, 4):
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(lambda _: lex.validate(big_data, now=NOW), range(calls)))
        elapsed = time.perf_counter() - start
        print(f"{threads:<34}{calls / elapsed:>14.1f}")


if __name__ == "__main__":
    main()
