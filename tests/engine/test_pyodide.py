"""The same answers in Pyodide (the browser's Python) as in CPython, for every real procedure.

Runs `checks/` in the Pyodide of node_modules/ under Node.js; skipped where
either is missing (`npm ci` installs it).
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from checks import evaluate, parse_instant

REPO = Path(__file__).resolve().parents[2]
PYODIDE = REPO / "node_modules" / "pyodide"
PROFILES = [
    {},
    {"boursier": "true", "date_acceptation": "2024-07-20"},
    {"regime": "apprentissage", "echeances": "3", "deja_inscrit": "true"},
    {"regime": "formation_continue", "cvec_deja_acquittee": "true", "date_acceptation": "2024-08-30"},
    {"hors_ue": "true", "echeances": "5", "date_acceptation": "2024-07-01"},
]
INSTANTS = ["2022-07-19T23:59", "2024-07-25T10:00", "2024-08-22T14:00", "2025-09-15T10:00+00:00"]

_RUNNER = r"""
import { loadPyodide } from "%(pyodide)s/pyodide.mjs";
import fs from "fs";
const py = await loadPyodide({ indexURL: "%(pyodide)s/" });
py.FS.mkdirTree("/home/pyodide/checks");
for (const name of fs.readdirSync("%(checks)s")) {
  if (name.endsWith(".py")) py.FS.writeFile("/home/pyodide/checks/" + name, fs.readFileSync("%(checks)s/" + name));
}
py.FS.writeFile("/home/pyodide/inputs.json", fs.readFileSync("%(inputs)s"));
console.log(py.runPython(`
import json, sys
sys.path.insert(0, "/home/pyodide")
import checks
inputs = json.load(open("/home/pyodide/inputs.json"))
json.dumps([checks.evaluate(p, profile, checks.parse_instant(at)) for p, profile, at in inputs], ensure_ascii=False)
`));
"""


@pytest.mark.skipif(shutil.which("node") is None or not (PYODIDE / "pyodide.mjs").exists(), reason="Node.js or Pyodide missing")
def test_pyodide_gives_the_same_answers_as_cpython(tmp_path):
    from generator.catalog import load_catalog

    procedures = [record.compiled for record in load_catalog(REPO).latest()]
    inputs = [(p, profile, at) for p in procedures for profile in PROFILES for at in INSTANTS]
    expected = [evaluate(p, profile, parse_instant(at)) for p, profile, at in inputs]
    (tmp_path / "inputs.json").write_text(json.dumps(inputs, ensure_ascii=False), encoding="utf-8")
    script = tmp_path / "run.mjs"
    script.write_text(
        _RUNNER % {"pyodide": PYODIDE.as_posix(), "checks": (REPO / "checks").as_posix(), "inputs": (tmp_path / "inputs.json").as_posix()},
        encoding="utf-8",
    )
    result = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected
