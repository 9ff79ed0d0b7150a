"""Where a procedure's page lies in the docs tree, and how a link that staff wrote
from their institution's folder reads from there.

A procedure's page is `<institution>/<procedure>/index.md`, in the folder of the
page it becomes (`/<institution>/<procedure>/`), beside its screenshots, notice
and calendar. So a relative address in the page's raw HTML (the checker's script
and stylesheet) means the same to every engine: MkDocs resolves it against the
page's address, Zensical against the Markdown file, and the two are one folder.

Staff write their links relative to the institution's folder, as if each
procedure were `<institution>/<procedure>.md` (`reinscription.md`, `index.md`,
`../orleans/but1.md`; site_templates/guide/mettre-a-jour.md): that stays their
syntax, and `link_from_procedure_page` re-aims such a link for the page;
`link_from_institution_page` does the same on the institution's page, which
shows the procedures' summaries (`master.md` is `master/index.md` there).
"""
from __future__ import annotations

import posixpath

from generator.source.discovery import RESERVED_INSTITUTION_IDS

PAGE_FILE = "index.md"


def procedure_page(institution_id: str, procedure_id: str) -> str:
    """The procedure's page in the docs tree."""
    return f"{institution_id}/{procedure_id}/{PAGE_FILE}"


def link_from_procedure_page(target: str) -> str:
    """A relative link target written from the institution's folder, as it reads
    from a procedure's page: one folder up, and a procedure written `<id>.md`
    named by its page. Anchors (`#…`) and absolute addresses are the caller's."""
    return _reaimed(target, 1)


def link_from_institution_page(target: str) -> str:
    """The same link as it reads from the institution's page, in that very folder:
    only a procedure written `<id>.md` named by its page."""
    return _reaimed(target, 0)


def written_page(path: str) -> str:
    """A page of the docs tree as staff name it in their links: a procedure's
    `<institution>/<procedure>/index.md` is `<institution>/<procedure>.md`."""
    parts = path.split("/")
    if len(parts) == 3 and parts[2] == PAGE_FILE:
        return f"{parts[0]}/{parts[1]}.md"
    return path


def _reaimed(target: str, deeper: int) -> str:
    """`target`, written from the institution's folder, from a page `deeper` folders below it."""
    path, hash_mark, fragment = target.partition("#")
    climbs, rest = _climbs(posixpath.normpath(path))
    if climbs == 0 and "/" not in rest:
        rest = _procedure_page(rest)  # a procedure of the same institution
    elif climbs == 1 and rest.count("/") == 1 and rest.split("/")[0] not in RESERVED_INSTITUTION_IDS:
        folder, name = rest.split("/")
        rest = f"{folder}/{_procedure_page(name)}"  # a procedure of another institution
    return "../" * (climbs + deeper) + rest + hash_mark + fragment


def _climbs(path: str) -> tuple[int, str]:
    """How many `..` a normalised relative path starts with, and what follows them."""
    parts = path.split("/")
    climbs = 0
    while climbs < len(parts) and parts[climbs] == "..":
        climbs += 1
    return climbs, "/".join(parts[climbs:])


def _procedure_page(name: str) -> str:
    """`<id>.md` (but `index.md`) is a procedure's page, in its own folder."""
    if name.endswith(".md") and name != PAGE_FILE:
        return f"{name[:-3]}/{PAGE_FILE}"
    return name
