"""The Content Security Policy every page of the built site carries.

A `<meta http-equiv="Content-Security-Policy">` (a static host may send no
header of ours): only the site's own origin, `'wasm-unsafe-eval'` so that the
checker's Python (Pyodide, WebAssembly) may compile, and, for the few inline
scripts that Material writes into its pages, their SHA-256 hashes, computed
here from the built HTML, never `'unsafe-inline'` for scripts.

One policy for the whole site: Material's instant navigation swaps page
contents without reloading, so the first page's policy must already allow
the inline scripts of every other page (they differ only by depth).
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_JAVASCRIPT_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "text/ecmascript", "application/x-javascript", "text/jscript", "text/livescript",
}
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
META_NAME = 'http-equiv="Content-Security-Policy"'

# Styles: the site's stylesheets only. Material writes no inline style and sets
# its dynamic ones through the CSSOM (element.style.setProperty), which CSP
# does not restrict; a `style="…"` attribute in HTML would be refused. Zensical's
# search interface inserts one `<style>` of its own, allowed by its hash (given
# by the engine: site.zensical_build). If a theme upgrade needs more,
# "'self' 'unsafe-inline'" is the fallback (styles cannot run code).
STYLE_SOURCES = "'self'"


def _attributes(text: str) -> dict[str, str]:
    found = {}
    for match in _ATTRIBUTE.finditer(text):
        value = next((v for v in match.groups()[1:] if v is not None), "")
        found.setdefault(match.group(1).lower(), value)
    return found


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script the browser would run (JSON data blocks are not run)."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes = _attributes(match.group(1))
        if "src" in attributes:
            continue
        if attributes.get("type", "").strip().lower() not in _JAVASCRIPT_TYPES:
            continue
        scripts.append(match.group(2))
    return scripts


def script_hash(text: str) -> str:
    """The CSP source that allows this inline script (or style): `'sha256-…'` of its text as parsed."""
    parsed = text.replace("\r\n", "\n").replace("\r", "\n")  # the HTML parser normalises newlines
    digest = hashlib.sha256(parsed.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_policy(script_hashes: set[str] | list[str], style_hashes: set[str] | list[str] = ()) -> str:
    """The policy, given the hashes of every inline script of the site, and of the
    styles its scripts insert."""
    directives = [
        ("default-src", "'self'"),
        ("script-src", " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(set(script_hashes))])),
        ("style-src", " ".join([STYLE_SOURCES, *sorted(set(style_hashes))])),
        ("img-src", "'self' data:"),
        ("font-src", "'self'"),
        ("connect-src", "'self'"),
        ("worker-src", "'self'"),
        ("manifest-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'self'"),
    ]
    return "; ".join(f"{name} {value}" for name, value in directives)


def meta_element(policy: str) -> str:
    return f'<meta {META_NAME} content="{policy}">'


def add_policy(site_dir: Path, extra_hashes: tuple[str, ...] = (), style_hashes: set[str] | tuple[str, ...] = ()) -> str:
    """Put the site's policy into every HTML page of site_dir; return it.
    `style_hashes`: the styles the site's scripts insert at run time."""
    pages = sorted(site_dir.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes = {script_hash(script) for text in texts.values() for script in inline_scripts(text)}
    policy = site_policy(hashes | set(extra_hashes), style_hashes)
    element = meta_element(policy)
    for page, text in texts.items():
        head = _CHARSET.search(text) or _HEAD.search(text)  # before any script
        if head is None:
            raise ValueError(f"{page}: no <head> to hold the Content Security Policy")
        page.write_text(text[: head.end()] + element + text[head.end() :], encoding="utf-8")
    return policy
