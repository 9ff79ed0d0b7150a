"""The links of the built site: every relative address of every page leads to a file of the site.

Checked after the engine has built, whichever it is: MkDocs's strict mode checks
the links written in Markdown (to pages, files and anchors), Zensical's only those
to Markdown pages and anchors, and neither looks at the addresses of raw HTML (the
checker's script, stylesheet and modules). A broken one stops the build here, before
anything is published. Anchors are left to the engines; addresses with a scheme
(`https:`, `mailto:`, `tel:`) to tests/test_links.py.
"""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The addresses a page follows or fetches: <a href>, <link href>, <script src>, <img src>, <source src>.
_ADDRESS = re.compile(
    r"""<(?:a|link|area)\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)')"""
    r"""|<(?:script|img|source)\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')""",
    re.I,
)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def broken_links(site_dir: Path, base: str = "/") -> list[tuple[str, str]]:
    """(page, address) for each relative or root-relative address of a page of
    site_dir that leads to no file of the site; page as `amu-iut/but1/index.html`.

    `base` is the path the site is served under (that of its site_url, `/modop/`
    for `https://example.fr/modop/`): a root-relative address, as the 404 page
    writes them, is read from there; one outside it leads to no file of the site."""
    files = {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}
    found = []
    for page in sorted(name for name in files if name.endswith(".html")):
        text = _COMMENT.sub("", (site_dir / page).read_text(encoding="utf-8"))
        folder = posixpath.dirname(page)
        for match in _ADDRESS.finditer(text):
            address = html.unescape(next(value for value in match.groups() if value is not None))
            parts = urlsplit(address)
            if parts.scheme or address.startswith("//") or not parts.path:
                continue
            path = unquote(parts.path)
            if path.startswith("/"):
                if not (path + "/").startswith(base):
                    found.append((page, address))
                    continue
                target = posixpath.normpath(path[len(base):] or ".")
            else:
                target = posixpath.normpath(posixpath.join(folder, path))
            folder_page = "index.html" if target == "." else f"{target}/index.html"  # a folder's address
            if target not in files and folder_page not in files:
                found.append((page, address))
    return found
