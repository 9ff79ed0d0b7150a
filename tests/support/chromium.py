"""Debian's Chromium for the end-to-end tests and the benchmark.

Chromium is the `chromium` on PATH (Debian's package, installed by
./dev.sh test), driven by Playwright from PyPI; Playwright's own browser
download does not work on these machines. Without it the tests are skipped
with the reason, except in CI (CI=true), where a missing browser fails.
"""
from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
]


def chromium_path() -> str | None:
    return shutil.which("chromium")


def require_chromium() -> str:
    path = chromium_path()
    if path is None:
        message = "Debian's chromium is not on PATH: install it with ./dev.sh test (apt-get install chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path
