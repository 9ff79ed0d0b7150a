"""Hostile or broken YAML ends in a clear `file:line:col` error, quickly, never a traceback."""
from __future__ import annotations

import contextlib
import io
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from tests.support.cli import run_modop
from tests.support.data_root import copy_procedures
from tests.support.paths import REPO

TARGET = "procedures/amu-iut/2024-2025/but1.yaml"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return copy_procedures(REPO, tmp_path_factory.mktemp("pristine"))


def _validate_in_process(root: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--root", str(root), "validate"])
    return code, err.getvalue()


HOSTILE = {
    "alias bomb": "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)),
    "deeply nested flow": "id: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "deeply nested block": "".join("  " * i + f"k{i}:\n" for i in range(3_000)),
    "binary garbage": None,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_file_is_refused_quickly(pristine, tmp_path, name):
    root = copy_procedures(pristine, tmp_path / "data")
    target = root / TARGET
    if HOSTILE[name] is None:
        target.write_bytes(bytes(range(256)) * 64)
    else:
        target.write_text(HOSTILE[name], encoding="utf-8")
    started = time.monotonic()
    result = run_modop("--root", str(root), "validate", timeout=30)
    assert time.monotonic() - started < 10
    assert result.returncode == 1
    assert result.stderr.startswith(f"{TARGET}:"), result.stderr[:500]
    assert "Traceback" not in result.stderr


def test_fifty_megabyte_file_is_refused_without_reading_it(pristine, tmp_path):
    root = copy_procedures(pristine, tmp_path / "data")
    with open(root / TARGET, "wb") as big:
        big.truncate(50 * 1024 * 1024)
    started = time.monotonic()
    result = run_modop("--root", str(root), "validate", timeout=30)
    assert time.monotonic() - started < 10
    assert result.returncode == 1
    assert f"{TARGET}:1:1: fichier trop gros" in result.stderr


BUNDLED = sorted(p.relative_to(REPO) for p in (REPO / "procedures").rglob("*.yaml"))
NOISE = st.sampled_from(["", "x", "- ", ":", "  ", "\t", "[", "{", "'", '"', "unknown", "2024-13-45", "-1", "true", "é", "<script>"])


@st.composite
def mutations(draw):
    """One bundled file with a few lines dropped, swapped or scrambled."""
    relative = draw(st.sampled_from(BUNDLED))
    lines = (REPO / relative).read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "value", "insert", "swap", "truncate"]))
        if action == "drop":
            del lines[index]
        elif action == "value" and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {draw(NOISE)}{draw(st.text(max_size=8))}"
        elif action == "insert":
            lines.insert(index, draw(NOISE) + draw(st.text(max_size=12)))
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        else:
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
    return relative, "\n".join(lines) + "\n"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=mutations())
def test_mutated_data_never_raises(pristine, mutation):
    relative, text = mutation
    target = pristine / relative
    original = target.read_bytes()
    target.write_text(text, encoding="utf-8")
    started = time.monotonic()
    try:
        code, stderr = _validate_in_process(pristine)
    finally:
        target.write_bytes(original)
    assert time.monotonic() - started < 5
    assert code in (0, 1)
    if code == 1:
        first = stderr.splitlines()[0]
        assert first.startswith("procedures/") and first.count(":") >= 3, stderr
