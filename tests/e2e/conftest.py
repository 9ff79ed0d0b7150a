"""End-to-end fixtures: the bundled site, served on 127.0.0.1, in Debian's Chromium.

`site_dir`, `site_server` and `visit` are the site MkDocs builds (the default
engine). A test that takes `engine_site_dir`, `engine_server` or `engine_visit`
runs once per engine instead: on that site and on the one Zensical builds
(tests/conftest.py builds each once per session)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.chromium import CHROMIUM_ARGS, require_chromium, visitor_context
from tests.support.static_server import StaticServer


@pytest.fixture(scope="session")
def site_dir(request) -> Path:
    """The bundled institutions' site as published (tests/conftest.py builds it with a
    public address); or the site MODOP_E2E_SITE names, to rerun on a site already built."""
    prebuilt = os.environ.get("MODOP_E2E_SITE")
    if prebuilt:
        return Path(prebuilt).resolve()
    return request.getfixturevalue("built_site")


@pytest.fixture(scope="session")
def site_server(site_dir):
    """The built site on a local static server (gzip twins, .mjs and .wasm MIME types)."""
    with StaticServer(site_dir) as server:
        yield server


@pytest.fixture(scope="session")
def zensical_server(zensical_site):
    with StaticServer(zensical_site) as server:
        yield server


# Each engine's site and its server, by fixture name.
ENGINES = {"mkdocs": ("site_dir", "site_server"), "zensical": ("zensical_site", "zensical_server")}


@pytest.fixture(scope="session", params=list(ENGINES))
def engine(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def engine_site_dir(request, engine) -> Path:
    return request.getfixturevalue(ENGINES[engine][0])


@pytest.fixture(scope="session")
def engine_server(request, engine) -> StaticServer:
    return request.getfixturevalue(ENGINES[engine][1])


# Module scope: Playwright's sync API runs one instance at a time per thread,
# and other test modules start their own.
@pytest.fixture(scope="module")
def playwright():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="module")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class Visit:
    """A fresh browser context (a new profile) that records every request it makes."""

    def __init__(self, browser, server: StaticServer, **options):
        self.server = server
        self.context = visitor_context(browser, **options)
        self.requests: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def goto(self, path: str):
        self.page.goto(self.server.url + path)
        return self.page

    def close(self) -> None:
        self.context.close()


def _visits(browser, server: StaticServer):
    """`open_visit(**context_options)` opens a new context; all are closed afterwards."""
    opened: list[Visit] = []

    def open_visit(**options) -> Visit:
        opened.append(Visit(browser, server, **options))
        return opened[-1]

    yield open_visit
    for one in opened:
        one.close()


@pytest.fixture
def visit(browser, site_server):
    """`visit(**context_options)` opens a new context; all are closed after the test."""
    yield from _visits(browser, site_server)


@pytest.fixture
def engine_visit(browser, engine_server):
    """`visit`, on each engine's site in turn."""
    yield from _visits(browser, engine_server)
