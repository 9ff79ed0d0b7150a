"""Mistakes that once passed `validate` and failed only in `build` (with no line, or a
traceback) are caught at the edge: `validate` names them as file:line:col, in French,
exit 1, and `build` refuses them the same way with nothing written."""
from __future__ import annotations

import os
import re

import pytest

from cli_runner import run_modop
from demo_data import PROCEDURE, edit

ERROR_LINE = re.compile(r"^(?P<file>[^:\n]+\.ya?ml):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$", re.M)

# The demo procedure's step with one screenshot; its src value stands at 19:14.
SCREENSHOT = "    when: {regime: initiale}\n    screenshots:\n      - src: {src}\n        alt: La page de connexion\n"


def _errors(result) -> list[tuple[str, int, int, str]]:
    return [(m["file"], int(m["line"]), int(m["col"]), m["message"]) for m in ERROR_LINE.finditer(result.stderr)]


def _screenshot(root, src: str) -> None:
    edit(root, PROCEDURE, "    when: {regime: initiale}\n", SCREENSHOT.replace("{src}", src))


def _outside_picture(root):
    picture = root / "escape.png"  # beside procedures/, outside every procedure's folder
    picture.write_bytes(b"\x89PNG\r\n")
    return picture


def _parent_path(root):
    _outside_picture(root)
    _screenshot(root, "../../../escape.png")


def _absolute_path(root):
    _screenshot(root, str(_outside_picture(root)))


def _symlink_out(root):
    os.symlink(_outside_picture(root), root / "procedures/demo/2024-2025/lien.png")
    _screenshot(root, "lien.png")


@pytest.mark.parametrize("command", [["validate"], ["build", "--out", "site"]])
@pytest.mark.parametrize("escape", [_parent_path, _absolute_path, _symlink_out], ids=["parent path", "absolute path", "symlink out"])
def test_screenshot_leaving_the_procedure_folder_is_refused_with_its_place(data_root, escape, command):
    escape(data_root)
    result = run_modop("--root", str(data_root), *command)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert [(file, line, col) for file, line, col, message in _errors(result) if "sort du dossier de la procédure" in message] == [
        (PROCEDURE, 19, 14)
    ], result.stderr
    assert not (data_root / "site").exists()


def test_screenshot_inside_the_procedure_folder_is_accepted(data_root):
    (data_root / "procedures/demo/2024-2025/images").mkdir()
    (data_root / "procedures/demo/2024-2025/images/connexion.png").write_bytes(b"\x89PNG\r\n")
    _screenshot(data_root, "images/connexion.png")
    result = run_modop("--root", str(data_root), "validate")
    assert result.returncode == 0, result.stderr
