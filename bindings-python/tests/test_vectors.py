"""Every shared vector (tests/vectors/) and the public LEX conformance vectors, through the
Python API, with the Rust runner's comparison rules."""

from pathlib import Path

import pytest
import vector_runner as vr
from conftest import CONFORMANCE, VECTORS

# The public vectors are cases only when the standard is present (LEX_SPEC_DIR).
CASES = vr.collect(VECTORS) + vr.collect(CONFORMANCE)


def test_vector_sources_are_found() -> None:
    assert VECTORS.is_dir()


def test_public_conformance_vectors_are_found() -> None:
    if not CONFORMANCE.is_dir():
        pytest.skip(f"LEX_SPEC_DIR {CONFORMANCE.parents[1]} not found: public vectors skipped")
    assert len(vr.collect(CONFORMANCE)) == 20


@pytest.mark.parametrize("path", CASES, ids=[str(p.relative_to(p.parents[1])) for p in CASES])
def test_vector(path: Path) -> None:
    vector = vr.load(path.read_text(encoding="utf-8-sig"))
    try:
        vr.run(vector, path.parent)
    except vr.VectorSkipped as skipped:
        pytest.skip(str(skipped))
