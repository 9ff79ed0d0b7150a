"""Running the command line as a user would, and reading the errors it names."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.support.paths import REPO

# One data error as the command line writes it: `file:line:col: message`.
ERROR_LINE = re.compile(r"^(?P<file>[^:\n]+\.ya?ml):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$", re.M)


def run_modop(*args: str, cwd: Path = REPO, timeout: float = 600, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `python -m generator ARGS`, capturing its output; `env` adds to the environment."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **env} if env else None,
    )


def errors_of(result: subprocess.CompletedProcess) -> list[tuple[str, int, int, str]]:
    """(file, line, column, message) of each data error on the command's stderr."""
    return [(m["file"], int(m["line"]), int(m["col"]), m["message"]) for m in ERROR_LINE.finditer(result.stderr)]
