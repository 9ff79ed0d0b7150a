"""Hostile or broken YAML ends in a clear `file:line:col` error, never a traceback nor a hang.

No test here times validate: on a loaded machine its wall time says nothing. A hostile
file that made it hang (an alias bomb, a deep nesting) is caught by the subprocess's
timeout, far above any honest run (HANG)."""
from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from generator.cli import main
from tests.support.cli import run_modop
from tests.support.data_root import copy_procedures
from tests.support.paths import REPO
from tests.support.user_messages import assert_french_lines
from tests.support.yaml_mutations import yaml_mutations

TARGET = "procedures/amu-iut/2024-2025/but1.yaml"
HANG = 120  # seconds: a validate still running then is stuck, whatever the load


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
def test_hostile_file_is_refused_at_its_place(pristine, tmp_path, name):
    root = copy_procedures(pristine, tmp_path / "data")
    target = root / TARGET
    if HOSTILE[name] is None:
        target.write_bytes(bytes(range(256)) * 64)
    else:
        target.write_text(HOSTILE[name], encoding="utf-8")
    result = run_modop("--root", str(root), "validate", timeout=HANG)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{TARGET}:"), result.stderr[:500]
    assert "Traceback" not in result.stderr


def test_fifty_megabyte_file_is_refused_without_reading_it(pristine, tmp_path):
    root = copy_procedures(pristine, tmp_path / "data")
    with open(root / TARGET, "wb") as big:
        big.truncate(50 * 1024 * 1024)
    result = run_modop("--root", str(root), "validate", timeout=HANG)
    assert result.returncode == 1
    assert f"{TARGET}:1:1: fichier trop gros" in result.stderr


@pytest.mark.parametrize("text", ["id: a: b\n", "id: [a, b\n", "id: x\n  - y\nz\n", "id: \"\\q\"\n"])
def test_a_yaml_syntax_error_is_said_in_french(pristine, tmp_path, text):
    root = copy_procedures(pristine, tmp_path / "data")
    (root / TARGET).write_text(text, encoding="utf-8")
    code, stderr = _validate_in_process(root)
    assert code == 1
    first = stderr.splitlines()[0]
    assert first.startswith(f"{TARGET}:"), stderr
    assert_french_lines(stderr)


BUNDLED = sorted(p.relative_to(REPO) for p in (REPO / "procedures").rglob("*.yaml"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=yaml_mutations(REPO, BUNDLED))
def test_mutated_data_never_raises(pristine, mutation):
    relative, text = mutation
    target = pristine / relative
    original = target.read_bytes()
    target.write_text(text, encoding="utf-8")
    try:
        code, stderr = _validate_in_process(pristine)
    finally:
        target.write_bytes(original)
    assert code in (0, 1)
    if code == 1:
        first = stderr.splitlines()[0]
        assert first.startswith("procedures/") and first.count(":") >= 3, stderr
