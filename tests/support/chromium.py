"""Debian's Chromium for the tests and the benchmark, and the browser context a
visitor of the site has.

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


def visitor_context(browser, **options):
    """A new context (a fresh profile) as a student in France has one: French,
    Paris time; a minute for anything the page must do (Python starts cold)."""
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris", **options)
    context.set_default_timeout(60_000)
    return context
