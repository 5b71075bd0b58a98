"""Every shared vector (tests/vectors/) and the public LEX conformance vectors, through the
Python API, with the Rust runner's comparison rules."""

from pathlib import Path

import pytest
import vector_runner as vr
from conftest import CONFORMANCE, VECTORS


def _cases() -> list[Path]:
    return vr.collect(VECTORS) + vr.collect(CONFORMANCE)


CASES = _cases()


def test_vector_sources_are_found() -> None:
    # The public suite is beside the repository in CI; the project's own vectors grow.
    if CONFORMANCE.is_dir():
        assert len(vr.collect(CONFORMANCE)) == 20
    assert VECTORS.is_dir()


@pytest.mark.parametrize("path", CASES, ids=[str(p.relative_to(p.parents[1])) for p in CASES])
def test_vector(path: Path) -> None:
    vector = vr.load(path.read_text(encoding="utf-8-sig"))
    vr.run(vector, path.parent)
