"""Every link the data writes in the pages, checked as MkDocs will check it, before MkDocs.

The docs tree is rendered with the real templates (`render.docs_tree`) and
each page is read by Python-Markdown with the site's extensions, as MkDocs
reads it: the ids it has (headings slugified by the toc extension, attr_list's
`{ #id }`, raw HTML) and the links it holds. A link that a data file writes
(`source.link_places` finds it in the file's texts) must lead to a page of
the tree or a file beside them, and to an id of that page; each one that does
not is said at its place in the YAML, in French, with what to do. Links are
judged as staff write them (render.page_paths): from the institution's folder,
a procedure's page named `<institution>/<procedure>.md`. The links
the templates write are theirs (tests/test_links.py walks the built site).

MkDocs's rules, with modop's mkdocs.yml (`validation:` all `warn`, `strict`):
a link is relative to its page's file; it names a `.md` page or a file of
the tree; an absolute path or a folder (`candidature/`) is refused.
"""
from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from generator.errors import DataError, display_path
from generator.render.page_paths import written_page
from generator.source.link_places import LinkPlaces

# The extensions MkDocs always adds to those of mkdocs.yml.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
FIX_ANCHOR = "corrigez l'ancre (#etape-<id> pour une étape, #contact-<id> pour un contact, un titre en minuscules sans accents, ses espaces en tirets)"


@dataclass
class LinkProblems:
    """What the links of the data would break: `errors` in any case; `left_out`, links to
    an institution that `--only` left unread (a warning of validate, an error of build)."""

    errors: list[DataError] = field(default_factory=list)
    left_out: list[DataError] = field(default_factory=list)


def link_problems(catalog, tree, settings: dict | None) -> LinkProblems:
    """Every broken link that a data file writes in a page of `tree` (a `DocsTree`)."""
    return _Judge(catalog, tree, settings or {}).run()


@dataclass
class _PageReading:
    ids: set[str] = field(default_factory=set)
    # The ids the page's Markdown names itself (a step's section, a contact's `{ #id }`),
    # before the toc extension gives the other headings theirs.
    named: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _Named(Treeprocessor):
    """The ids already there when the toc extension starts (after attr_list)."""

    def __init__(self, md, reading: _PageReading):
        super().__init__(md)
        self.reading = reading

    def run(self, root):
        self.reading.named.update(element.get("id") for element in root.iter() if element.get("id"))


class _Collect(Treeprocessor):
    """The ids and link targets of the page, once every other processor has run."""

    def __init__(self, md, reading: _PageReading):
        super().__init__(md)
        self.reading = reading

    def run(self, root):
        for element in root.iter():
            if element.get("id"):
                self.reading.ids.add(element.get("id"))
            if element.tag == "a":
                if element.get("name"):
                    self.reading.ids.add(element.get("name"))
                if element.get("href") is not None:
                    self.reading.links.append(element.get("href"))
            elif element.tag == "img" and element.get("src") is not None:
                self.reading.links.append(element.get("src"))


class _RawIds(HTMLParser):
    """The ids of the page's raw HTML (the tables, the checker's form), as MkDocs finds them."""

    def __init__(self, ids: set[str]):
        super().__init__(convert_charrefs=True)
        self.ids = ids

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


def _extensions(settings: dict) -> tuple[list, dict]:
    """The Markdown extensions and their settings as MkDocs gives them to Python-Markdown."""
    names, configs = list(MKDOCS_BUILTIN_EXTENSIONS), {}
    for item in settings.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, config in item.items():
                names.append(name)
                configs[name] = config or {}
        else:
            names.append(item)
    return list(dict.fromkeys(names)), configs


class _Judge:
    def __init__(self, catalog, tree, settings: dict):
        self.catalog = catalog
        self.tree = tree
        self.places = LinkPlaces()
        self.readings: dict[str, _PageReading] = {}
        names, configs = _extensions(settings)
        self.markdown = markdown.Markdown(extensions=names, extension_configs=configs)
        # The pages as staff name them in their links (render.page_paths.written_page).
        self.pages = {written_page(path): page for path, page in tree.pages.items()}
        # Each data file's own page: a procedure's, an institution's index.
        self.own_page = {page.sources[0]: path for path, page in self.pages.items() if page.sources}

    def read(self, path: str) -> _PageReading:
        if path not in self.readings:
            reading = _PageReading()
            text = self.pages[path].text
            self.markdown.reset()
            self.markdown.treeprocessors.register(_Named(self.markdown, reading), "modop_named_ids", 6)  # attr_list 8, toc 5
            self.markdown.treeprocessors.register(_Collect(self.markdown, reading), "modop_links", 0)
            self.markdown.convert(text)
            raw = _RawIds(reading.ids)
            raw.feed(text)
            raw.close()
            self.readings[path] = reading
        return self.readings[path]

    def run(self) -> LinkProblems:
        found = LinkProblems()
        for path, page in self.pages.items():
            if not page.sources:
                continue
            read = dict.fromkeys(self.read(path).links)
            for link in dict.fromkeys(written for seen in read for written in page.written.get(seen, [seen])):
                parts = urlsplit(link)
                if parts.scheme or parts.netloc:
                    continue
                for source in page.sources:
                    places = self.places.places(source, link)
                    if not places:
                        continue
                    problem = self.problem(path, parts, own_page=self.own_page.get(source))
                    if problem is None:
                        continue
                    message, left_out = problem
                    shown = display_path(source, self.catalog.root)
                    for line, col in places:
                        error = DataError(shown, line, col, f"lien « {link} » : {message}")
                        (found.left_out if left_out else found.errors).append(error)
        found.errors = sorted(set(found.errors))
        found.left_out = sorted(set(found.left_out))
        return found

    def problem(self, page: str, parts, *, own_page: str | None) -> tuple[str, bool] | None:
        """Why the link of `page` does not resolve (and whether only --only is to blame), or None.
        `own_page` is the page of the file that writes it, if any (a text may be shown on others)."""
        folder = posixpath.dirname(page)
        if not parts.path:
            return self.own_anchor_problem(page, parts.fragment, own_page)
        if parts.path.startswith("/"):
            relative = posixpath.relpath(unquote(parts.path).lstrip("/"), folder or ".")
            return f"chemin absolu : écrivez-le depuis le dossier de l'établissement, {relative}", False
        target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
        if target.startswith("../") or target == "..":
            return "le lien sort du site : écrivez le chemin d'une page du site, par exemple ../<établissement>/<procédure>.md", False
        if target in self.pages:
            return self.anchor_problem(target, parts.fragment, f"dans la page {target}")
        if target in self.tree.files:
            return None
        for page_file in (f"{target}.md", f"{target}/index.md"):
            if page_file in self.pages:
                written = posixpath.relpath(page_file, folder or ".")
                return f"écrivez le fichier de la page, {written}", False
        return self.missing_page(target)

    def own_anchor_problem(self, page: str, anchor: str, own_page: str | None):
        """`#anchor` alone names an id of the page it is shown on: a text shown on two pages
        (a procedure's summary, on its institution's page too) needs it on both."""
        if own_page in (None, page):
            return self.anchor_problem(page, anchor, "dans cette page")
        if not anchor or anchor in self.read(page).ids:
            return None
        where = f"sur la page {page}, qui reprend aussi ce texte, pas d'ancre « {anchor} »"
        if anchor in self.read(own_page).ids:
            written = posixpath.relpath(own_page, posixpath.dirname(page) or ".")
            return f"{where} : écrivez le lien avec le nom de la page, {written}#{anchor}", False
        return f"{where} : {FIX_ANCHOR}", False

    def anchor_problem(self, target: str, anchor: str, in_page: str):
        ids = self.read(target).ids
        if not anchor or anchor in ids:
            return None
        return f"pas d'ancre « {anchor} » {in_page} : {_anchor_fix(anchor, self.read(target))}", False

    def missing_page(self, target: str) -> tuple[str, bool]:
        drafts = [r for r in self.catalog.unpublished if f"{r.institution_id}/{r.data['id']}.md" == target]
        if drafts:
            draft = max(drafts, key=lambda r: r.academic_year)
            return (
                f"la procédure {draft.data['id']} n'existe qu'en brouillon ({draft.academic_year}) et n'est pas publiée : "
                f"publiez-la (effacez « draft: true » de {display_path(draft.path, self.catalog.root)}) ou retirez ce lien",
                False,
            )
        first, _, rest = target.partition("/")
        if first in self.catalog.left_out:
            return (
                f"l'établissement {first} est laissé de côté par --only : la page aurait ici un lien cassé ; "
                f"ajoutez --only {first} pour vérifier ce lien",
                True,
            )
        if not rest:
            return f"pas de page {target} sur le site : corrigez le lien", False
        if f"{first}/index.md" in self.pages:
            pages = sorted(posixpath.basename(p) for p in self.pages if posixpath.dirname(p) == first)
            return f"pas de page {rest} dans {first} (pages : {', '.join(pages)}) : corrigez le nom du fichier", False
        institutions = ", ".join(sorted(self.catalog.institutions))
        return (
            f"pas d'établissement « {first} » (établissements : {institutions}) : corrigez le lien "
            "(une procédure d'un autre établissement s'écrit ../<établissement>/<procédure>.md)",
            False,
        )


def _anchor_fix(anchor: str, reading: _PageReading) -> str:
    """What to write instead: a close anchor of the same kind (a step's, a contact's, a
    heading's), else the steps' or contacts' anchors of the page, else how anchors are made."""
    kind = next((k for k in ("etape-", "contact-") if anchor.startswith(k)), "")
    named = {i[len(kind):]: i for i in sorted(reading.named if kind else reading.ids) if i.startswith(kind)}
    close = difflib.get_close_matches(anchor[len(kind):], named, n=1, cutoff=0.6)
    if close:
        return f"vouliez-vous dire « #{named[close[0]]} » ?"
    if kind and named:
        return f"ancres de ce genre dans la page : {', '.join('#' + i for i in named.values())}"
    return FIX_ANCHOR
