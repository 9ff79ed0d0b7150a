"""The catalog rendered as a Markdown docs tree for MkDocs.

Layout (others rely on it):

    index.md                         home: the institutions, how it works
    <institution>/index.md           an institution: its procedures, contacts, portals
    <institution>/<procedure>/index.md   a procedure, built as /<institution>/<procedure>/
    <institution>/<procedure>/...        the screenshots of that procedure (beside its page)
    guide/mettre-a-jour.md           the staff guide (site_templates/guide/, as written; French only)
    accessibilite.md                 the accessibility statement

A catalog of another language (`Catalog.in_language`) gives the same tree, its own
words and its data's texts in that language, without the staff guide: built as the
site's `en/`, each of its pages stands at the path of its French twin.

(The names of these top-level folders and pages are refused as institution
identifiers by the catalog: generator.source.discovery.RESERVED_INSTITUTION_IDS.
Why a procedure's page is an index.md, and how the links staff wrote from
their institution's folder are re-aimed for it: render.page_paths.)

Templates live in `site_templates/*.md.j2`. They receive plain "views"
(`render.views`, `render.contacts`, `render.checker_view`), so that they hold
layout only.
"""
from __future__ import annotations

import html
import posixpath
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from checks.wording import pages

from generator.render.checker_view import checker_view
from generator.render.contacts import institution_view
from generator.render.environment import template_environment
from generator.render.finder_view import finder_routing, home_finder, institution_finder, institution_routes
from generator.render.page_paths import link_from_institution_page, link_from_procedure_page, procedure_page
from generator.render.views import accessibility_view, changes_view, draft_view, finished_view, procedure_view, shows_french
from generator.source.discovery import screenshot_file

GUIDE_PAGE = "guide/mettre-a-jour.md"  # in the French site only
ACCESSIBILITY_PAGE = "accessibilite.md"


@dataclass
class DocsPage:
    """One Markdown page of the tree, and the data files whose texts it shows (its own first)."""

    text: str
    sources: tuple[Path, ...] = ()
    # The links its data texts write, re-aimed for the page (render.page_paths):
    # each as the page reads it -> as the data file writes it.
    written: dict[str, list[str]] = field(default_factory=dict)


class _Reaiming:
    """A re-aiming of links (render.page_paths) that remembers, until `taken`, each
    link's written form: render.link_check says a broken one as staff wrote it."""

    def __init__(self, reaim):
        self.reaim = reaim
        self.written: dict[str, list[str]] = {}

    def __call__(self, target: str) -> str:
        read = self.reaim(target)
        self.written.setdefault(read, []).append(target)
        return read

    def taken(self) -> dict[str, list[str]]:
        written, self.written = self.written, {}
        return written


@dataclass
class DocsTree:
    """The docs tree in memory: its pages by path, the other files it holds, its `nav`."""

    pages: dict[str, DocsPage] = field(default_factory=dict)
    # Files beside the pages, by path: each screenshot's copy (its source file), and
    # what `takeaways` links (written by outputs/, so None here).
    files: dict[str, Path | None] = field(default_factory=dict)
    nav: list = field(default_factory=list)
    # « Quelle procédure pour moi ? »'s routing (render.finder_view), written beside its script by outputs/.
    routing: dict = field(default_factory=dict)


def docs_tree(catalog, templates_dir: Path, settings: dict | None = None, takeaways=None, at=None) -> DocsTree:
    """Render every page of the catalog, in memory.

    `settings` are the site's (mkdocs.yml): the accessibility statement reads
    its `site_url` and `extra.accessibility`. `takeaways(record)`, when given,
    says where a procedure's PDF notice, calendar and data are, for its page.
    `at`, the build's instant, says which years are over. The pages are in the
    catalog's language (`catalog.lang`)."""
    lang = catalog.lang
    words = pages(lang)
    env = template_environment(templates_dir, lang=lang)
    tree = DocsTree()
    from_institution, from_procedure = _Reaiming(link_from_institution_page), _Reaiming(link_from_procedure_page)
    institution_env = template_environment(templates_dir, retarget=from_institution, lang=lang)
    procedure_env = template_environment(templates_dir, retarget=from_procedure, lang=lang)

    def notice(view) -> str | None:
        """The page's one notice that some of its texts exist only in French."""
        return words["french_only_notice"] if shows_french(view) else None

    records = catalog.latest()
    by_institution: dict[str, list] = {key: [] for key in sorted(catalog.institutions)}
    for record in records:
        by_institution[record.institution_id].append(record)

    institutions = [
        institution_view(catalog.institutions[key], by_institution[key], catalog.institution_unconfirmed.get(key, {}), at, lang)
        for key in by_institution
    ]
    routes = institution_routes(by_institution)
    tree.routing = finder_routing(institutions, by_institution, routes, lang)
    tree.pages["index.md"] = DocsPage(
        env.get_template("home.md.j2").render(
            institutions=institutions, finder=home_finder(tree.routing, lang), french_notice=notice(institutions)
        )
    )

    tree.nav.append({words["nav_home"]: "index.md"})
    for institution in institutions:
        key = institution["id"]
        institution_file = catalog.root / "procedures" / key / "institution.yaml"
        tree.pages[f"{key}/index.md"] = DocsPage(
            institution_env.get_template("institution.md.j2").render(
                institution=institution,
                finder=institution_finder(tree.routing, key, routes[key], lang),
                french_notice=notice(institution),
            ),
            (institution_file, *(r.path for r in by_institution[key])),
            from_institution.taken(),
        )
        section = [f"{key}/index.md"]
        for record in by_institution[key]:
            page = procedure_view(record, catalog.institutions[key], catalog.institution_unconfirmed.get(key, {}), lang)
            page["changes"] = changes_view(catalog, record, lang)
            page["draft"] = draft_view(record, catalog.root, lang)
            page["finished"] = finished_view(catalog, record, at, lang)
            page["takeaways"] = takeaways(record) if takeaways else None
            page["checker"] = checker_view(record, lang)
            path = procedure_page(key, record.data["id"])
            text = procedure_env.get_template("procedure.md.j2").render(page=page, french_notice=notice(page))
            tree.pages[path] = DocsPage(text, (record.path, institution_file), from_procedure.taken())
            for shot in _screenshots(record):
                tree.files[_joined(path, shot)] = screenshot_file(record.path, shot)
            for target in (page["takeaways"] or {}).values():
                tree.files.setdefault(_joined(path, target), None)
            section.append(path)
        # MkDocs writes nav titles into the HTML as they are.
        tree.nav.append({html.escape(institution["name"], quote=False): section})

    guide = templates_dir / GUIDE_PAGE
    if lang == "fr" and guide.is_file():
        tree.pages[GUIDE_PAGE] = DocsPage(guide.read_text(encoding="utf-8"))
        tree.nav.append({words["nav_guide"]: GUIDE_PAGE})
    tree.pages[ACCESSIBILITY_PAGE] = DocsPage(
        env.get_template("accessibilite.md.j2").render(statement=accessibility_view(settings or {}, lang))
    )
    tree.nav.append({words["nav_accessibility"]: ACCESSIBILITY_PAGE})
    return tree


def write_docs(catalog, docs_dir: Path, templates_dir: Path, settings: dict | None = None, takeaways=None, at=None) -> DocsTree:
    """Render every page of the catalog into docs_dir, with the screenshots; return the
    tree (its `nav` is MkDocs's). The arguments are `docs_tree`'s."""
    tree = docs_tree(catalog, templates_dir, settings, takeaways, at)
    for path, page in tree.pages.items():
        _write(docs_dir / path, page.text)
    for path, source in tree.files.items():
        if source is not None:
            (docs_dir / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, docs_dir / path)
    return tree


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _screenshots(record) -> list[str]:
    """The `src` of each picture of the procedure: copied to the same relative place
    beside the page (the catalog has checked that it stands inside the procedure's folder)."""
    return [shot["src"] for step in record.data["steps"] for shot in step.get("screenshots", [])]


def _joined(page: str, target: str) -> str:
    """The path in the tree of a relative link written in `page`."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
