"""The live preview (`modop serve`) in Debian's Chromium, as staff use it.

A YAML edit reaches the open page by itself, and fast (issue 5: within two
seconds of saving; measured and printed here, asserted with a margin for a
shared machine); invalid data shows its `file:line:col: message` errors in
the page itself, on every page, until the file is fixed; the preview's own
reload script obeys the pages' Content Security Policy.
"""
from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import pytest

from tests.support.chromium import CHROMIUM_ARGS, require_chromium
from tests.support.data_root import copy_procedures
from tests.support.paths import SITE_FIXTURE
from tests.support.serve_process import running_serve

# Issue 5 asks for two seconds; the assertion leaves room for a loaded 2-core machine.
PREVIEW_DELAY_BOUND = 5.0
WRITES = 3


@pytest.fixture
def preview(tmp_path):
    """`modop serve` over a copy of the fixture data: (root, url, stderr lines)."""
    root = copy_procedures(SITE_FIXTURE, tmp_path / "root")
    with running_serve(root, tmp_path) as (url, errors):
        yield root, url, errors


@pytest.fixture
def chromium_page():
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(60_000)
            yield page
        finally:
            browser.close()


def save(path: Path, text: str) -> float:
    """Write the file as an editor saves it; the instant the save ended."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    return time.monotonic()


def test_an_edit_shows_in_the_browser_and_errors_show_in_the_page(preview, chromium_page, capsys):
    root, url, stderr = preview
    page = chromium_page
    csp_reports: list[str] = []
    page.on("console", lambda message: csp_reports.append(message.text) if "Content Security Policy" in message.text else None)
    procedure = root / "procedures" / "ecole-demo" / "2024-2025" / "candidature.yaml"
    original = procedure.read_text(encoding="utf-8")
    assert "title: Candidature à une sélection" in original

    page.goto(url + "ecole-demo/candidature/")
    assert page.locator("h1").inner_text().startswith("Candidature à une sélection")
    page.wait_for_timeout(500)  # the page's reload script is waiting for a change

    # 1. Each save reaches the open page by itself; how long it takes.
    delays = []
    for attempt in range(1, WRITES + 1):
        title = f"Candidature modifiée {attempt}"
        saved = save(procedure, original.replace("title: Candidature à une sélection", f"title: {title}"))
        page.wait_for_function("title => document.querySelector('h1')?.textContent.startsWith(title)", arg=title, timeout=60_000)
        delays.append(time.monotonic() - saved)
        page.wait_for_timeout(300)
    with capsys.disabled():
        print(f"\nlive preview: YAML saved → page shown in {', '.join(f'{d:.2f}' for d in delays)} s (median {statistics.median(delays):.2f} s)")
    assert statistics.median(delays) < PREVIEW_DELAY_BOUND, delays

    # 2. A mistake: the page keeps the last good version, with the errors above it.
    saved = save(procedure, original.replace("academic_year: 2024-2025", "academic_year: 2024-2026") + "windows: [cassé\n")
    banner = page.locator(".modop-preview-errors")
    banner.wait_for(state="visible", timeout=60_000)
    with capsys.disabled():
        print(f"live preview: error shown in the page {time.monotonic() - saved:.2f} s after saving")
    text = banner.inner_text()
    assert "procedures/ecole-demo/2024-2025/candidature.yaml:" in text
    import re

    assert re.search(r"candidature\.yaml:\d+:\d+: ", text), text
    assert page.get_attribute(".modop-preview-errors", "role") == "alert"
    assert page.locator("h1").inner_text().startswith(f"Candidature modifiée {WRITES}")
    assert any("Données invalides" in line for line in stderr)
    # On every page, and at an address that has no page.
    page.goto(url)
    assert "candidature.yaml:" in page.locator(".modop-preview-errors").inner_text()
    page.goto(url + "ecole-demo/licence/")
    assert "candidature.yaml:" in page.locator(".modop-preview-errors").inner_text()
    page.goto(url + "ecole-demo/nouvelle-procedure/")
    assert "candidature.yaml:" in page.locator(".modop-preview-errors").inner_text()

    # 3. Fixed: the errors go away by themselves, the new text shows.
    page.goto(url + "ecole-demo/candidature/")
    page.wait_for_timeout(500)
    save(procedure, original.replace("title: Candidature à une sélection", "title: Candidature corrigée"))
    page.wait_for_function("() => document.querySelector('h1')?.textContent.startsWith('Candidature corrigée')", timeout=60_000)
    assert page.locator(".modop-preview-errors").count() == 0

    assert csp_reports == [], csp_reports


def test_preview_starts_on_invalid_data_and_recovers(tmp_path, chromium_page):
    """Broken data from the start: every address shows the errors, then the site once fixed."""
    root = copy_procedures(SITE_FIXTURE, tmp_path / "root")
    procedure = root / "procedures" / "ecole-demo" / "2024-2025" / "candidature.yaml"
    good = procedure.read_text(encoding="utf-8")
    procedure.write_text(good.replace("kind: candidature", "kind: concours"), encoding="utf-8")
    with running_serve(root, tmp_path) as (url, _errors):
        page = chromium_page
        page.goto(url + "ecole-demo/candidature/")
        assert "candidature.yaml:" in page.locator(".modop-preview-errors").inner_text()
        page.wait_for_timeout(500)
        save(procedure, good)
        page.wait_for_function("() => document.querySelector('h1')?.textContent.startsWith('Candidature à une sélection')", timeout=60_000)
        assert page.locator(".modop-preview-errors").count() == 0


def test_the_preview_rebuilds_with_zensical_when_asked(tmp_path, chromium_page):
    """`serve --engine zensical`: Zensical builds, modop's preview server serves and reloads."""
    root = copy_procedures(SITE_FIXTURE, tmp_path / "root")
    procedure = root / "procedures" / "ecole-demo" / "2024-2025" / "candidature.yaml"
    original = procedure.read_text(encoding="utf-8")
    with running_serve(root, tmp_path, "--engine", "zensical") as (url, _errors):
        page = chromium_page
        page.goto(url + "ecole-demo/candidature/")
        assert page.locator("meta[name='generator']").get_attribute("content").startswith("zensical-")
        assert page.locator("script[src='/.modop-preview.js']").count() == 1
        page.wait_for_timeout(500)  # the page's reload script is waiting for a change
        save(procedure, original.replace("title: Candidature à une sélection", "title: Candidature par Zensical"))
        page.wait_for_function("() => document.querySelector('h1')?.textContent.startsWith('Candidature par Zensical')", timeout=60_000)
        assert page.locator("meta[name='generator']").get_attribute("content").startswith("zensical-")
