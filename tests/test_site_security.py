"""Hostile text in the YAML and the Content Security Policy of the built pages.

tests/fixtures/hostile/ (`hostile_site`, tests/conftest.py) puts an attack in every text field a page shows:
`<script>`, `<img onerror>`, `javascript:` links (plain, encoded, nested,
by reference), `data:` and `//host` links, `{: onclick }` attribute lists,
raw HTML blocks. The built site must show them as text: no element, no
event handler, no link but https:, mailto:, tel: and the site's own.
"""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from generator.outputs.content_policy import inline_scripts, script_hash
from generator.render.safe_markdown import safe_markdown
from tests.support.chromium import CHROMIUM_ARGS, chromium_path
from tests.support.cli import run_modop
from tests.support.data_root import copy_procedures, edit
from tests.support.html_parsing import parse_file
from tests.support.paths import HOSTILE_FIXTURE
from tests.support.static_server import StaticServer

HOSTILE_PAGE = ("ecole-hostile", "attaque")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcset", "poster", "xlink:href", "background", "cite"}
ALLOWED_SCHEMES = {"https", "mailto", "tel"}


class Elements(HTMLParser):
    """Every start tag of a page, with its attributes (character references decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def elements(path: Path) -> Elements:
    return parse_file(Elements(), path)


def scheme_of(url: str) -> str:
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", cleaned)
    return match.group(1).lower() if match else ""


# ------------------------------------------------------------ hostile text


def test_hostile_text_never_becomes_markup(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 4
    offences = []
    for path in pages:
        where = str(path.relative_to(hostile_site))
        html = path.read_text(encoding="utf-8")
        for script in inline_scripts(html):
            if "alert" in script:
                offences.append((where, "inline script", script[:80]))
        for tag, attributes in elements(path).tags:
            if tag in ("iframe", "object", "embed", "frame", "base"):
                offences.append((where, tag, attributes))
            if tag == "img" and attributes.get("src") == "x":
                offences.append((where, "img src=x", attributes))
            if tag == "script" and "src" in attributes and scheme_of(attributes["src"]):
                offences.append((where, "script from elsewhere", attributes["src"]))
            for name, value in attributes.items():
                if name.startswith("on"):
                    offences.append((where, f"{tag} {name}", value))
                if name in URL_ATTRIBUTES and scheme_of(value) not in ALLOWED_SCHEMES | {""}:
                    offences.append((where, f"{tag} {name} scheme", value))
    assert offences == [], "\n".join(map(repr, offences))


def test_hostile_text_is_shown_as_written(hostile_site):
    page = elements(hostile_site.joinpath(*HOSTILE_PAGE, "index.html"))
    text = unescape("".join(page.text))
    for shown in (
        "Inscription <script>alert('titre')</script> <img src=x onerror=alert('titre-img')>",
        "Résumé <script>alert('resume')</script> et <img src=x onerror=alert('resume-img')>.",
        "<script>alert('corps')</script>",
        "<div markdown=\"1\" onclick=\"alert('corps-div')\">bloc gras</div>",
        "<a href=\"javascript:alert('corps-a')\">lien brut</a>",
        "Paragraphe avec attributs {: onclick=\"alert('attr-list')\" }",
        "<script>alert('code')</script> reste du code.",
        "Période <script>alert('periode')</script>",
        "Scolarité <script>alert('contact')</script>",
        "Menu <script>alert('menu')</script>",
    ):
        assert shown in text, shown
    # A forbidden link keeps its words, without the link.
    assert "un lien piégé\net un autre." in text
    links = {attributes.get("href") for tag, attributes in page.tags if tag == "a"}
    assert "https://www.example.org/?a=1&b=2" in links
    assert "mailto:scol@example.org" in links and "tel:+33238417086" in links
    assert "https://www.example.org/inscription" in links


@pytest.mark.parametrize(
    "file, old, new",
    [
        ("institution.yaml", "website: https://www.example.org/", "website: \"https://www.example.org/\\\"><script>alert('site')</script>\""),
        ("institution.yaml", "    emails: [scolarite@example.org]", "    emails: [\"scol\\\"onmouseover=\\\"alert(1)\\\"@example.org\"]"),
        ("institution.yaml", "    url: https://ent.example.org/", "    url: \"https://ent.example.org/\\\"onmouseover=\\\"alert(1)\""),
        ("2024-2025/attaque.yaml", "  url: https://www.example.org/notice.pdf", "  url: https://www.example.org/<script>"),
    ],
    ids=["website", "email", "portal", "source"],
)
def test_addresses_with_quotes_or_tags_are_refused(tmp_path, file, old, new):
    """Addresses never reach a page with a quote or a tag in them (and Jinja would escape them)."""
    edit(copy_procedures(HOSTILE_FIXTURE, tmp_path), f"procedures/ecole-hostile/{file}", old, new)
    result = run_modop("--root", str(tmp_path), "validate")
    assert result.returncode == 1
    assert re.search(rf"^procedures/ecole-hostile/{re.escape(file)}:\d+:\d+: « (website|emails|url) » vaut", result.stderr, re.M), result.stderr


MARKDOWN = markdown.Markdown(
    extensions=["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details"]
)


@pytest.mark.parametrize(
    "body, wanted, unwanted",
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", "<script"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;", "<img"),
        ("[x](javascript:alert(1))", "<p>x</p>", "href"),
        ("[x](JaVaScRiPt:alert(1))", "<p>x</p>", "href"),
        ("[x]( javascript:alert(1) )", "<p>x</p>", "href"),
        ("[x](<javascript:alert(1)>)", "<p>x</p>", "href"),
        ("[x](java&#09;script:alert(1))", "<p>x</p>", "href"),
        ("[x](&#106;avascript:alert(1))", "<p>x</p>", "href"),
        ("[x](javascript:alert((1)))", "[x](javascript:alert((1)))", "href"),
        ("[x][r]\n\n[r]: javascript:alert(1)", "[r]: javascript:alert(1)", "href"),
        ("[x](data:text/html,hi)", "<p>x</p>", "href"),
        ("[x](vbscript:msgbox)", "<p>x</p>", "href"),
        ("[x](//evil.example/)", "<p>x</p>", "href"),
        ("[x](http://evil.example/)", "<p>x</p>", "href"),
        ("![x](https://evil.example/p.png)", "<p>x</p>", "<img"),
        ("Texte {: onclick=\"alert(1)\" }", "<p>Texte {: onclick=", "<p onclick"),
        ("# Titre {onclick=alert(1)}", "Titre {onclick=alert(1)}", "<h1 onclick"),
        ("`a`\n\n<script>alert(1)</script>\n\n`b`", "&lt;script&gt;", "<script"),
        ("\\`<img src=x onerror=alert(1)>\\`", "&lt;img", "<img"),
        ("<div markdown=\"1\">**a**</div>", "&lt;div", "<div"),
        ("<!-- commentaire --> texte", "&lt;!-- commentaire --&gt;", "<!--"),
        ("[ok](https://ok.fr/?a=1&b=2)", '<a href="https://ok.fr/?a=1&amp;b=2">ok</a>', "javascript"),
        ("[m](mailto:a@b.fr) [t](tel:+33123456789)", '<a href="mailto:a@b.fr">m</a>', "javascript"),
        ("Voir <https://a.fr/x>.", '<a href="https://a.fr/x">https://a.fr/x</a>', "&lt;https"),
        ("[page](autre.md#etape-1) et [ici](#etape-2)", '<a href="autre.md#etape-1">page</a>', "javascript"),
        ("`<b>code</b>` & R&D", "<code>&lt;b&gt;code&lt;/b&gt;</code> &amp; R&amp;D", "<b>"),
        ("**gras** et *italique*\n\n- un\n- deux", "<strong>gras</strong>", "&lt;"),
    ],
)
def test_bodies_keep_a_safe_markdown_subset(body, wanted, unwanted):
    html = MARKDOWN.reset().convert(safe_markdown(body))
    assert wanted in html, html
    assert unwanted not in html, html


# ------------------------------------------------------------ Content Security Policy

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def policy_of(html: str) -> dict[str, list[str]]:
    found = CSP_META.findall(html)
    assert len(found) == 1, f"{len(found)} CSP meta elements"
    directives = {}
    for part in found[0].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("site_name", ["built_site", "hostile_site", "zensical_site"])
def test_every_page_carries_a_policy_that_covers_its_inline_scripts(request, site_name):
    site = request.getfixturevalue(site_name)
    pages = sorted(site.rglob("*.html"))
    assert pages
    policies = set()
    hashed = 0
    for path in pages:
        where = path.relative_to(site)
        html = path.read_text(encoding="utf-8")
        policy = policy_of(html)
        policies.add(CSP_META.search(html).group(1))
        # Before anything the browser runs or fetches.
        meta_at = CSP_META.search(html).start()
        first_script = html.find("<script")
        assert first_script == -1 or meta_at < first_script, where
        assert meta_at < html.find("<link"), where

        assert policy["default-src"] == ["'self'"], where
        assert policy["object-src"] == ["'none'"], where
        assert policy["base-uri"] == ["'self'"], where
        script_src = policy["script-src"]
        assert script_src[:2] == ["'self'", "'wasm-unsafe-eval'"], where
        assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", source) for source in script_src[2:]), where
        for source in (value for values in policy.values() for value in values):
            assert source not in ("'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "'unsafe-hashes'"), (where, source)
            assert "://" not in source, (where, source)
        for script in inline_scripts(html):
            assert script_hash(script) in script_src, f"{where}: an inline script is not in the policy"
            hashed += 1
        # What the policy refuses must not be in the page at all.
        for tag, attributes in elements(path).tags:
            assert not [name for name in attributes if name.startswith("on")], f"{where}: an inline event handler on <{tag}>"
            assert "style" not in attributes, f"{where}: a style attribute on <{tag}> (style-src 'self')"
            assert tag != "style", f"{where}: a <style> element (style-src 'self')"
    assert hashed >= len(pages), "no inline script found: is the scan broken?"
    # Instant navigation keeps the first page's policy: it must be the site's one.
    assert len(policies) == 1


def test_policy_hashes_match_what_the_browser_hashes():
    # The value of `script-src 'sha256-…'` for `alert(1)` (as in the CSP specification's examples).
    assert script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    assert script_hash("a\r\nb") == script_hash("a\nb")


def test_external_json_blocks_are_not_hashed():
    html = '<script id="__config" type="application/json">{"a": 1}</script><script>run()</script><script src="x.js"></script>'
    assert inline_scripts(html) == ["run()"]


# ------------------------------------------------------------ in a browser


def test_hostile_page_runs_nothing_in_chromium(hostile_site):
    """The hostile page, and its checker used, in Chromium: no dialog opens, no CSP violation."""
    chromium = chromium_path()
    if chromium is None:
        pytest.skip("Debian's chromium is not on PATH (./dev.sh test installs it)")
    from playwright.sync_api import sync_playwright

    dialogs, violations = [], []
    with StaticServer(hostile_site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
            for path in ("", "ecole-hostile/", "ecole-hostile/attaque/"):
                page.goto(server.url + path)
                page.wait_for_load_state("load")
                # What a reader does to a page: point at things, move the focus.
                page.evaluate(
                    """() => document.querySelectorAll("article *").forEach((element) => {
                        for (const type of ["mouseover", "mouseenter", "focus", "load", "error"]) {
                            element.dispatchEvent(new Event(type, {bubbles: true}));
                        }
                    })"""
                )
            page.locator("form[data-checker] button[type=submit]").click()
            page.wait_for_selector("[data-result][data-state=ready], [data-result][data-state=error]", timeout=90_000)
            page.wait_for_timeout(500)
        finally:
            browser.close()
    assert dialogs == []
    assert violations == []


def test_hostile_fixture_has_attacks_in_every_text_field():
    """The fixture keeps its purpose: an attack in each field a page shows."""
    procedure = yaml.safe_load((HOSTILE_FIXTURE / "procedures" / "ecole-hostile" / "2024-2025" / "attaque.yaml").read_text(encoding="utf-8"))
    institution = yaml.safe_load((HOSTILE_FIXTURE / "procedures" / "ecole-hostile" / "institution.yaml").read_text(encoding="utf-8"))
    step = procedure["steps"][0]
    fields = [
        procedure["title"], procedure["summary"], procedure["unsure"]["text"], procedure["source"]["title"],
        *procedure["audience"]["for"], step["title"], step["body"], step["menu"], step["warnings"][0]["text"],
        step["branches"][0]["title"], step["branches"][0]["body"], procedure["windows"][0]["label"],
        procedure["closures"][0]["reason"], procedure["fee"]["categories"][0]["label"], procedure["fee"]["note"],
        institution["name"], institution["contacts"]["scolarite"]["name"], institution["portals"]["ent"]["name"],
    ]
    for field in fields:
        assert "alert(" in field, field
