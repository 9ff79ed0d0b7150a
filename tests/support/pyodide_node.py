"""Running the project's `checks` in Pyodide (the browser's Python) under Node.js, for the tests."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.outputs.checker_runtime import pack_checks
from tests.support.paths import REPO

PYODIDE = REPO / "node_modules" / "pyodide"

_RUNNER = r"""
import { loadPyodide } from "%(pyodide)s/pyodide.mjs";
import fs from "fs";
const py = await loadPyodide({ indexURL: "%(pyodide)s/" });
// The very zip the site ships (generator/outputs/checker_runtime.py's pack_checks), unpacked as the worker does.
py.unpackArchive(new Uint8Array(fs.readFileSync("%(checks)s")), "zip", { extractDir: "/home/pyodide" });
py.FS.writeFile("/home/pyodide/inputs.json", fs.readFileSync("%(inputs)s"));
py.FS.writeFile("/home/pyodide/body.py", fs.readFileSync("%(body)s"));
console.log(py.runPython(`
import json, sys
sys.path.insert(0, "/home/pyodide")
inputs = json.load(open("/home/pyodide/inputs.json"))
namespace = {"inputs": inputs}
exec(open("/home/pyodide/body.py").read(), namespace)
json.dumps(namespace["result"], ensure_ascii=False)
`));
"""

requires_pyodide = pytest.mark.skipif(
    os.environ.get("CI", "").lower() != "true" and (shutil.which("node") is None or not (PYODIDE / "pyodide.mjs").exists()),
    reason="Node.js or Pyodide missing (./dev.sh test installs them)",
)


def run_in_pyodide(tmp_path: Path, body: str, inputs) -> object:
    """Run `body` in Pyodide with `inputs` (JSON) in scope; return its `result` (JSON)."""
    (tmp_path / "inputs.json").write_text(json.dumps(inputs, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "body.py").write_text(body, encoding="utf-8")
    (tmp_path / "checks.zip").write_bytes(pack_checks())
    script = tmp_path / "run.mjs"
    script.write_text(
        _RUNNER % {
            "pyodide": PYODIDE.as_posix(),
            "checks": (tmp_path / "checks.zip").as_posix(),
            "inputs": (tmp_path / "inputs.json").as_posix(),
            "body": (tmp_path / "body.py").as_posix(),
        },
        encoding="utf-8",
    )
    result = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
