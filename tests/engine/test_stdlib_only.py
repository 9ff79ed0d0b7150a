"""`checks` runs in Pyodide's core: it may import the standard library only, never zoneinfo."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.support.paths import REPO

CHECKS = REPO / "checks"
# zoneinfo is in the standard library but has no data in Pyodide.
FORBIDDEN_STDLIB = {"zoneinfo"}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "__import__":
            names.add("<dynamic __import__>")
    return names


def test_every_import_in_checks_is_standard_library_or_checks_itself():
    files = sorted(CHECKS.glob("**/*.py"))
    assert len(files) > 5
    assert CHECKS / "worker_bridge.py" in files and CHECKS / "wording" / "fr.py" in files
    for path in files:
        where = path.relative_to(CHECKS).as_posix()
        for name in _imported_modules(path):
            top = name.split(".")[0]
            if top == "checks":
                continue
            assert top in sys.stdlib_module_names, f"{where} imports {name}, outside the standard library"
            assert top not in FORBIDDEN_STDLIB, f"{where} imports {name}, which has no data in Pyodide"


_ISOLATED_IMPORT = r"""
import sys

REPO = sys.argv[1]
ALLOWED = set(sys.stdlib_module_names) - {"zoneinfo"}


class OnlyStandardLibrary:
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top != "checks" and top not in ALLOWED:
            raise ImportError(f"checks imported {name}, outside the standard library")
        return None


sys.meta_path.insert(0, OnlyStandardLibrary())
sys.path.insert(0, REPO)

import pkgutil
from datetime import datetime, timedelta, timezone

import checks

for module in pkgutil.walk_packages(checks.__path__, "checks."):
    __import__(module.name)

procedure = {
    "id": "x/y", "academic_year": "2024-2025", "kind": "inscription", "source": "Notice",
    "steps": [{"id": "a", "when": {}}],
    "fee": {"rules": [], "national_exemptions": [], "default": {"amount": 175.0, "reason": "Droits."}},
    "cvec": {"amount": 103.0, "rules": [], "not_subject": [], "exempt": []},
    "windows": [{"label": "L", "when": {}, "periods": [{"start": "2024-07-09T14:00:00+02:00", "end": None}]}],
    "closures": [],
    "payment": {"instalments": [{"count": 1}], "later_instalments_day": None},
}
answer = checks.evaluate(procedure, {"echeances": "1"}, datetime(2024, 7, 10, tzinfo=timezone(timedelta(hours=2))))
checks.answer_text(answer)
import checks.worker_bridge
checks.worker_bridge.warm_up()
leaked = sorted(
    name for name in sys.modules
    if name.partition(".")[0] not in ALLOWED | {"checks", "__main__"}
)
assert not leaked, leaked
print("ok", answer["deadline"]["status"])
"""


def test_checks_imports_and_runs_with_only_the_standard_library():
    # -I: no user site, no environment; -S: no site-packages at all.
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", _ISOLATED_IMPORT, str(REPO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok open"
