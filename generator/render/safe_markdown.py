"""The Markdown that YAML bodies may use: a safe subset, rewritten before MkDocs.

Staff write paragraphs, lists, emphasis, code and links in `body`, `text` and
`note` fields. What could run in a student's browser is taken out here, in the
Markdown source itself, so that the generated docs tree stays safe when built
by a plain `mkdocs build` (no hook of ours runs there). An allow-list:

- inline links `[texte](cible)` keep their target when it is `https:`,
  `mailto:`, `tel:` or relative to the site (MkDocs checks those); any other
  target (`javascript:`, `data:`, `http:`, `//hôte`) leaves the text alone;
  a relative one is re-aimed by `retarget` when the page is not where its
  author wrote from (`render.page_paths`);
- images `![texte](cible)` must be files of the site (a relative path), else
  their text stays;
- every other `[` is escaped: no reference link, no definition, so no link
  can reach MkDocs without passing the test above;
- raw HTML is shown as text: every `<` and `&` outside code is escaped, except
  the autolinks `<https://…>` and `<nom@exemple.fr>`;
- `{` is escaped, so that no `{: onclick=… }` reaches the attr_list extension.

Code spans (`` `…` `` on one line) are left alone: Markdown escapes them itself.
"""
from __future__ import annotations

import html
import re

ALLOWED_LINK_SCHEMES = ("https", "mailto", "tel")

# As Python-Markdown's BACKTICK_RE, on one line only: a span Markdown might not
# see as code (across paragraphs) is escaped like the rest.
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)([^\n]+?)(?<!`)\1(?!`)")
# [text](target "title") and ![alt](target): the text may hold one level of brackets.
_INLINE_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\(\s*(?P<target><[^<>\n]*>|[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)"
    r"(?P<title>\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
# Python-Markdown's AUTOLINK_RE (https only) and AUTOMAIL_RE, narrowed.
_AUTOLINK = re.compile(r"<(?:https://[^\s<>]+|[^\s<>@:/!]+@[^\s<>@!]+\.[^\s<>@!]+)>")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# What browsers drop or ignore inside a URL before reading its scheme.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def link_target_allowed(target: str, *, image: bool = False) -> bool:
    """True for https:, mailto:, tel: and site-relative targets (images: relative only)."""
    url = target.strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1]
    url = _IGNORED_IN_URL.sub("", html.unescape(url)).replace("\\", "/")
    if url.startswith("//"):
        return False
    scheme = _SCHEME.match(url)
    if scheme is None:
        return True
    return not image and scheme.group(1).lower() in ALLOWED_LINK_SCHEMES


def safe_markdown(text: str, retarget=None) -> str:
    """The body with raw HTML, unsafe links and attribute lists neutralised.

    `retarget(target)`, when given, rewrites each kept link's relative target
    (not an anchor alone, not `/…`): the page reads it from another folder."""
    # Markdown escapes what a code span holds: it stays as written.
    return _between_matches(_CODE_SPAN, text, lambda prose: _prose(prose, retarget), lambda code: code.group(0))


def _prose(text: str, retarget) -> str:
    """Text outside code spans: links kept or unwrapped, the rest escaped."""
    return _between_matches(_INLINE_LINK, text, _escape, lambda link: _link(link, retarget))


def _link(link: re.Match, retarget) -> str:
    label = _prose(link.group("text"), retarget)
    target = link.group("target")
    if not link_target_allowed(target, image=bool(link.group("bang"))):
        return label
    address = target[1:-1] if target.startswith("<") else target
    if retarget and address and not _SCHEME.match(address) and not address.startswith(("#", "/")):
        target = target.replace(address, retarget(address), 1)
    title = link.group("title") or ""  # an attribute: Markdown escapes it
    return f"{link.group('bang')}[{label}]({target}{title})"


def _escape(text: str) -> str:
    return _between_matches(_AUTOLINK, text, _escape_plain, lambda autolink: autolink.group(0))


def _escape_plain(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "\\{").replace("[", "\\[")


def _between_matches(pattern: re.Pattern, text: str, between, matched) -> str:
    """The text with each match of pattern replaced by `matched(match)` and each
    piece of text between two matches by `between(piece)`."""
    pieces: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(between(text[position : match.start()]))
        pieces.append(matched(match))
        position = match.end()
    pieces.append(between(text[position:]))
    return "".join(pieces)
