"""Objects are immutable and the core runs without the GIL: many threads at once."""

import copy
import json
import threading
from concurrent.futures import ThreadPoolExecutor

import lex
from conftest import NOW


def test_validate_from_8_threads(lead: dict) -> None:
    good = json.dumps(lead).encode()
    bad_tree = copy.deepcopy(lead)
    bad_tree["lex"]["header"]["messageType"] = "INQUIRY"
    bad = json.dumps(bad_tree)
    shared = lex.parse(lead)
    expected_good = lex.validate(good, now=NOW)
    expected_bad = lex.validate(bad, now=NOW)
    assert expected_good and not expected_bad
    start = threading.Barrier(8)

    def work(n: int) -> int:
        start.wait()
        checked = 0
        for i in range(150):
            data = (good, bad, shared, lead)[(n + i) % 4]
            report = lex.validate(data, now=NOW)
            assert report == (expected_bad if data is bad else expected_good)
            assert shared.to_dict() == lead
            checked += 1
        return checked

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert sum(pool.map(work, range(8))) == 8 * 150


def test_one_receiver_from_8_threads(lead: dict) -> None:
    receiver = lex.Receiver(now=NOW)
    text = json.dumps(lead)
    start = threading.Barrier(8)

    def work(_: int) -> bool:
        start.wait()
        return receiver.receive(text).duplicate

    with ThreadPoolExecutor(max_workers=8) as pool:
        duplicates = list(pool.map(work, range(8)))
    # Exactly one thread processed the message; the other seven got its receipt back.
    assert sorted(duplicates) == [False] + [True] * 7


def test_the_gil_is_released_during_work(lead: dict) -> None:
    """While one thread validates a large input, another thread keeps running Python code."""
    big = copy.deepcopy(lead)
    big["lex"]["payload"]["lead"]["notes"] = ["x" * 64] * 200_000
    data = json.dumps(big).encode()
    ticks = 0
    done = threading.Event()

    def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    t = threading.Thread(target=ticker)
    t.start()
    try:
        for _ in range(3):
            lex.parse(data)
    finally:
        done.set()
        t.join()
    assert ticks > 0
