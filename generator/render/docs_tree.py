"""The catalog rendered as a Markdown docs tree for MkDocs.

Layout (others rely on it):

    index.md                         home: the institutions, how it works
    <institution>/index.md           an institution: its procedures, contacts, portals
    <institution>/<procedure>/index.md   a procedure, built as /<institution>/<procedure>/
    <institution>/<procedure>/...        the screenshots of that procedure (beside its page)
    guide/mettre-a-jour.md           the staff guide (site_templates/guide/, as written)
    accessibilite.md                 the accessibility statement

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
import shutil
from pathlib import Path

from generator.render.checker_view import checker_view
from generator.render.contacts import institution_view
from generator.render.environment import template_environment
from generator.render.page_paths import link_from_procedure_page, procedure_page
from generator.render.views import accessibility_view, changes_view, procedure_view
from generator.source.discovery import screenshot_file

GUIDE_PAGES = {"guide/mettre-a-jour.md": "Mettre à jour les procédures"}
ACCESSIBILITY_PAGE = "accessibilite.md"


def write_docs(catalog, docs_dir: Path, templates_dir: Path, settings: dict | None = None, takeaways=None) -> list:
    """Render every page of the catalog into docs_dir; return the MkDocs `nav`.

    `settings` are the site's (mkdocs.yml): the accessibility statement reads
    its `site_url` and `extra.accessibility`. `takeaways(record)`, when given,
    says where a procedure's PDF notice, calendar and data are, for its page."""
    env = template_environment(templates_dir)
    procedure_env = template_environment(templates_dir, retarget=link_from_procedure_page)
    records = catalog.latest()
    by_institution: dict[str, list] = {key: [] for key in sorted(catalog.institutions)}
    for record in records:
        by_institution[record.institution_id].append(record)

    institutions = [
        institution_view(catalog.institutions[key], by_institution[key]) for key in by_institution
    ]
    _write(docs_dir / "index.md", env.get_template("home.md.j2").render(institutions=institutions))

    nav: list = [{"Accueil": "index.md"}]
    for institution in institutions:
        folder = docs_dir / institution["id"]
        _write(folder / "index.md", env.get_template("institution.md.j2").render(institution=institution))
        section = [f"{institution['id']}/index.md"]
        for record in by_institution[institution["id"]]:
            page = procedure_view(record, catalog.institutions[record.institution_id])
            page["changes"] = changes_view(catalog, record)
            page["takeaways"] = takeaways(record) if takeaways else None
            page["checker"] = checker_view(record)
            text = procedure_env.get_template("procedure.md.j2").render(page=page)
            path = procedure_page(record.institution_id, record.data["id"])
            _write(docs_dir / path, text)
            _copy_screenshots(record, (docs_dir / path).parent)
            section.append(path)
        # MkDocs writes nav titles into the HTML as they are.
        nav.append({html.escape(institution["name"], quote=False): section})

    for page, title in GUIDE_PAGES.items():
        source = templates_dir / page
        if source.is_file():
            _write(docs_dir / page, source.read_text(encoding="utf-8"))
            nav.append({title: page})
    _write(
        docs_dir / ACCESSIBILITY_PAGE,
        env.get_template("accessibilite.md.j2").render(statement=accessibility_view(settings or {})),
    )
    nav.append({"Accessibilité": ACCESSIBILITY_PAGE})
    return nav


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy_screenshots(record, target: Path) -> None:
    """Each picture to the same relative place beside the page (the catalog has
    checked that it stands inside the procedure's folder)."""
    for step in record.data["steps"]:
        for shot in step.get("screenshots", []):
            destination = target / shot["src"]
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(screenshot_file(record.path, shot["src"]), destination)

