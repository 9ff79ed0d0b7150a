"""The static site: the catalog's pages turned into HTML by MkDocs (or Zensical), published at once.

`build_site` writes the stand-alone MkDocs projects (`site.project`: the French
site, and the English one, built into its `en/`) into a temporary folder, builds
them into a temporary sibling of the output folder with the engine asked for (`ENGINES`: MkDocs by default, or Zensical, which
reads the same project: `site.zensical_build`), checks that every relative
link of the result leads to a file of it (`site.site_links`), finishes it
(each page's security policy, then every file's compressed twins) and swaps
it into place: on any error the previous output stays as it was.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.errors import UserError, display_path
from generator.model.catalog import load_catalog
from generator.outputs.calendars import build_stamp
from generator.output_folder import check_writable
from generator.outputs.compressed_twins import add_twins
from generator.outputs.content_policy import add_policy
from generator.paths import PROJECT_DIR
from generator.render.page_paths import procedure_page
from generator.site.project import ENGLISH_FOLDER, write_project
from generator.site.site_links import broken_links
from generator.site.theme_language import french_headings, mark_theme_french
from generator.site.zensical_build import NAME as ZENSICAL, run_zensical, search_style_hashes
from generator.source.site_settings import settings_file


def build_site(
    root: Path,
    out: Path,
    *,
    site_url: str | None = None,
    only: tuple[str, ...] = (),
    drafts: bool = False,
    at: datetime | None = None,
    engine: str = "mkdocs",
    twins: bool = True,
) -> None:
    """Build the whole site into `out` with `engine` (a key of ENGINES); on any
    error nothing in `out` changes.

    `site_url` (the address the site is served from) overrides the settings'
    one: Material's instant navigation, which keeps the checker's runtime
    alive from page to page, only works with the right address. `only`
    (`--only`) names the institutions to publish, when not all; `drafts`
    publishes the years still `draft: true` too, each page under a banner.
    `at` is the instant the pages are built for (a year over by then says so):
    by default SOURCE_DATE_EPOCH when set, else now. `twins=False` leaves out
    the .br/.gz twins of the files (the live preview, whose own server does
    not send them)."""
    check_output(root, out)
    builder = ENGINES[engine]
    print("Chargement des procédures…", flush=True)
    catalog = load_catalog(root, only)
    if not drafts:
        catalog = catalog.without_drafts()
        for line in unpublished_lines(catalog.unpublished):
            print(line, flush=True)
    count = len(catalog.latest())
    stages = {
        "pages": f"Pages de {count} procédure{'s' if count > 1 else ''}…",
        "checker": "Calculatrice (Pyodide)…",
        "takeaways": "Notices PDF, calendriers et données ouvertes…",
        "english": "Pages anglaises…",
        "engine": f"Construction du site avec {builder.name}…",
        "english_engine": f"Construction du site anglais avec {builder.name}…",
        "twins": "Fichiers compressés (.br, .gz)…",
    }

    def progress(stage: str) -> None:
        print(stages[stage], flush=True)

    with tempfile.TemporaryDirectory(prefix="modop-project-") as work:
        instant = at or build_stamp()
        config_file = write_project(catalog, Path(work), settings_file(root), site_url=site_url, progress=progress, at=instant)
        progress("english")
        english = catalog.in_language("en")  # resolved and compiled once: for its project and its theme's marks
        english_file = write_project(
            english, Path(work) / ENGLISH_FOLDER, settings_file(root), site_url=site_url, at=instant, lang="en"
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".new", dir=out.parent))
        try:
            try:
                progress("engine")
                builder.run(config_file, staging)
                progress("english_engine")
                (staging / ENGLISH_FOLDER).mkdir()
                builder.run(english_file, staging / ENGLISH_FOLDER)
                # A server shows the root's 404 page for every missing address; the English
                # project's, its links written from the server's root, would lead nowhere.
                (staging / ENGLISH_FOLDER / "404.html").unlink(missing_ok=True)
                mark_theme_french(staging / ENGLISH_FOLDER, french_headings(english))
                _check_links(staging, builder.name, _served_path(config_file))
            except UserError as error:
                raise UserError(_name_sources(str(error), catalog, root)) from None
            add_policy(staging, style_hashes=builder.style_hashes(staging))
            if twins:  # after the site's last change: a twin must be its file's very bytes
                progress("twins")
                add_twins(staging)
            _publish(staging, out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    print(f"Site écrit dans {out}", flush=True)


def unpublished_lines(drafts: list) -> list[str]:
    """What build leaves out, one line per academic year: « 7 procédures de 2025-2026 en
    brouillon, non publiées : … ; build --drafts pour les inclure »."""
    lines = []
    for year in sorted({r.academic_year for r in drafts}):
        ids = sorted(r.full_id for r in drafts if r.academic_year == year)
        plural, them = ("s", "les ") if len(ids) > 1 else ("", "l'")
        lines.append(
            f"{len(ids)} procédure{plural} de {year} en brouillon, non publiée{plural} : {', '.join(ids)} ; "
            f"build --drafts pour {them}inclure"
        )
    return lines



def _served_path(config_file: Path) -> str:
    """The path the site is served under, from the generated project's site_url (`/` without one)."""
    site_url = yaml.safe_load(config_file.read_text(encoding="utf-8")).get("site_url") or "/"
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def _check_links(site_dir: Path, engine: str, base: str) -> None:
    """Every relative address of the built site leads to one of its files (site.site_links)."""
    broken = broken_links(site_dir, base)
    if broken:
        count = len(broken)
        raise UserError(
            f"le site construit par {engine} a {count} lien{'s' if count > 1 else ''} qui ne mène{'nt' if count > 1 else ''} "
            "à aucun fichier du site (corrigez la cible du lien dans le fichier YAML dont la page est générée) :\n"
            + "\n".join(f"{page} : « {address} »" for page, address in broken)
        )


def _name_sources(message: str, catalog, root: Path) -> str:
    """The engines name generated pages (`'ecole/licence/index.md'`, or with a line and
    a column: `ecole/licence/index.md:11:16`), modop's link check the HTML page
    (`ecole/licence/index.html`); say which YAML file each one comes from."""
    for record in catalog.latest():
        markdown = procedure_page(record.institution_id, record.data["id"])
        page = re.compile(rf"(?<![\w/.-]){re.escape(markdown.removesuffix('.md'))}\.(?:md|html)(?::\d+:\d+)?'?")
        source = f" (généré depuis {display_path(record.path, root)})"
        message = page.sub(lambda named: named.group(0) + source, message)
    return message


class _Collected(logging.Handler):
    """Keeps MkDocs's warnings and errors to show them only if the build fails."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname.lower()}: {record.getMessage()}")


@contextmanager
def _quiet_mkdocs():
    logger = logging.getLogger("mkdocs")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    collected = _Collected()
    logger.handlers = [collected]
    # WARNING, not ERROR: strict mode counts the warnings that reach the logger.
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield collected
    finally:
        logger.handlers, logger.level, logger.propagate = saved


def run_mkdocs(config_file: Path, site_dir: Path) -> None:
    """Build with MkDocs in strict mode; a warning (a broken link) fails the build.

    The data's mistakes were all said before (`load_catalog`, `render.link_check`):
    what MkDocs still refuses is said in French, then in MkDocs's words (the
    YAML file of each generated page it names is added by `_name_sources`)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _quiet_mkdocs() as collected:
        try:
            config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
            build(config)
        except MkDocsException as error:
            said = "\n".join([str(error), *collected.messages]).strip()
            raise UserError(
                "MkDocs n'a pas pu construire le site, alors que les données ont passé les vérifications de modop. "
                "Si vous venez de modifier mkdocs.yml ou site_templates/, revoyez ce changement ; sinon, "
                "transmettez ce message à la personne qui maintient modop. "
                f"Message de MkDocs (en anglais) :\n{said}"
            ) from None


@dataclass(frozen=True)
class Engine:
    """What turns the generated project into the site."""

    name: str  # as the user reads it
    run: Callable[[Path, Path], None]  # (config_file, site_dir): build the site into site_dir
    style_hashes: Callable[[Path], set[str]]  # the CSP hashes of the styles its scripts insert


ENGINES = {
    "mkdocs": Engine("MkDocs", run_mkdocs, lambda site_dir: set()),
    "zensical": Engine(ZENSICAL, run_zensical, search_style_hashes),
}


def check_output(root: Path, out: Path) -> None:
    """Refuse, before any work, an output folder whose replacement would lose something
    else, or where the new site cannot be written (it is made beside it, then swapped in)."""
    procedures = root / "procedures"
    if out in (root, procedures, PROJECT_DIR) or out in root.parents or out in PROJECT_DIR.parents or procedures in out.parents:
        raise UserError(f"le dossier de sortie {out} contient les procédures : choisissez-en un autre (par exemple site)")
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} existe et n'est pas un dossier : choisissez un autre dossier de sortie")
    if out.is_dir() and any(out.iterdir()) and not (out / "index.html").is_file():
        raise UserError(
            f"{out} n'est pas vide et ne ressemble pas à un site déjà construit : choisissez un dossier vide ou nouveau"
        )
    check_writable(out.parent, f"--out {out}")


def _publish(staging: Path, out: Path) -> None:
    """Put the new site in place of the old one, by renames on the same disk."""
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp made it private
    if not out.exists():
        os.rename(staging, out)
        return
    previous = out.with_name(f".{out.name}.{uuid.uuid4().hex}.old")
    os.rename(out, previous)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(previous, out)
        raise
    shutil.rmtree(previous, ignore_errors=True)

