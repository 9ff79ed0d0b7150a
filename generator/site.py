"""The static site: the catalog's pages turned into HTML by MkDocs.

`build_site` writes a stand-alone MkDocs project (docs tree, checker assets,
mkdocs.yml) into a temporary folder, builds it into a temporary sibling of
the output folder, then swaps it into place: on any error the previous
output stays as it was. `serve_site` does the same into a private folder and
serves it, rebuilding when the data or the templates change.
"""
from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
import traceback
import uuid
from contextlib import contextmanager
from pathlib import Path

import yaml

from generator.browser_assets import add_checker_assets
from generator.catalog import load_catalog
from generator.content_policy import add_policy
from generator.errors import DataErrors, UserError, display_path
from generator.pages import write_docs
from generator.open_data import PAGE as OPEN_DATA_PAGE
from generator.takeaways import add_takeaways, takeaway_links

PROJECT_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_DIR / "site_templates"
STATIC_DIR = TEMPLATES_DIR / "docs"  # copied as they are into the docs tree


def settings_file(root: Path) -> Path:
    """The site settings: the root's own mkdocs.yml if it has one, else modop's."""
    own = root / "mkdocs.yml"
    return own if own.is_file() else PROJECT_DIR / "mkdocs.yml"


def build_site(root: Path, out: Path, *, site_url: str | None = None) -> None:
    """Build the whole site into `out`; on any error nothing in `out` changes.

    `site_url` (the address the site is served from) overrides the settings'
    one: Material's instant navigation, which keeps the checker's runtime
    alive from page to page, only works with the right address."""
    print("Chargement des procédures…", flush=True)
    catalog = load_catalog(root)
    _check_output(root, out)
    count = len(catalog.latest())
    stages = {
        "pages": f"Pages de {count} procédure{'s' if count > 1 else ''}…",
        "checker": "Calculatrice (Pyodide)…",
        "takeaways": "Notices PDF, calendriers et données ouvertes…",
        "mkdocs": "Construction du site avec MkDocs…",
    }

    def progress(stage: str) -> None:
        print(stages[stage], flush=True)

    with tempfile.TemporaryDirectory(prefix="modop-project-") as work:
        config_file = write_project(catalog, Path(work), settings_file(root), site_url=site_url, progress=progress)
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".new", dir=out.parent))
        try:
            try:
                progress("mkdocs")
                run_mkdocs(config_file, staging)
            except UserError as error:
                raise UserError(_name_sources(str(error), catalog, root)) from None
            add_policy(staging)
            _publish(staging, out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    print(f"Site écrit dans {out}", flush=True)


def _name_sources(message: str, catalog, root: Path) -> str:
    """MkDocs names generated pages; say which YAML file each one comes from."""
    for record in catalog.latest():
        page = f"'{record.institution_id}/{record.data['id']}.md'"
        message = message.replace(page, f"{page} (généré depuis {display_path(record.path, root)})")
    return message


def write_project(catalog, project_dir: Path, settings: Path, *, site_url: str | None = None, progress=None) -> Path:
    """A MkDocs project that stands on its own: `mkdocs build -f <it>` works.

    `progress(stage)`, when given, is called as each stage starts: "pages",
    "checker", "takeaways"."""
    progress = progress or (lambda stage: None)
    docs_dir = project_dir / "docs"
    docs_dir.mkdir(parents=True)
    config = yaml.safe_load(settings.read_text(encoding="utf-8")) or {}
    if site_url:
        config["site_url"] = site_url
    progress("pages")
    nav = write_docs(catalog, docs_dir, TEMPLATES_DIR, config, takeaways=takeaway_links)
    if STATIC_DIR.is_dir():
        shutil.copytree(STATIC_DIR, docs_dir, dirs_exist_ok=True)
    progress("checker")
    add_checker_assets(docs_dir, catalog)
    progress("takeaways")
    add_takeaways(docs_dir, catalog, site_url=config.get("site_url"))
    nav.insert(-1, {"Données ouvertes": OPEN_DATA_PAGE})  # before the accessibility statement

    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["nav"] = nav
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        source = (settings.parent / theme["custom_dir"]).resolve()
        shutil.copytree(source, project_dir / "overrides")
        theme["custom_dir"] = "overrides"
    for key in ("hooks", "watch"):  # the generated tree runs no code of ours
        config.pop(key, None)
    config_file = project_dir / "mkdocs.yml"
    config_file.write_text(
        "# Generated by modop from " + settings.name + ": edit that file, not this one.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return config_file


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
    """Build with MkDocs in strict mode; a warning (a broken link) fails the build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _quiet_mkdocs() as collected:
        try:
            config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
            build(config)
        except MkDocsException as error:
            details = "\n".join(collected.messages)
            raise UserError(f"MkDocs n'a pas pu construire le site : {error}\n{details}".rstrip()) from None


def _check_output(root: Path, out: Path) -> None:
    """Refuse an output folder whose replacement would lose something else."""
    procedures = root / "procedures"
    if out in (root, procedures, PROJECT_DIR) or out in root.parents or out in PROJECT_DIR.parents or procedures in out.parents:
        raise UserError(f"le dossier de sortie {out} contient les procédures : choisissez-en un autre (par exemple site)")
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} existe et n'est pas un dossier : choisissez un autre dossier de sortie")
    if out.is_dir() and any(out.iterdir()) and not (out / "index.html").is_file():
        raise UserError(
            f"{out} n'est pas vide et ne ressemble pas à un site déjà construit : choisissez un dossier vide ou nouveau"
        )


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


def _host_and_port(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":")
    if not host or not port.isdigit():
        raise UserError(f"adresse « {addr} » invalide : attendu HÔTE:PORT, par exemple 127.0.0.1:8000")
    return host.strip("[]"), int(port)


def serve_site(root: Path, addr: str) -> None:
    """Serve the site on addr; rebuild it when procedures/ or the templates change.

    Invalid data never stops the preview: its errors are printed and shown at
    the top of every page (see generator.preview) until a good build."""
    from generator.preview import PreviewServer

    host, port = _host_and_port(addr)
    _stop_on_ctrl_c_and_term()
    if not (root / "procedures").is_dir():
        load_catalog(root)  # no data at all: its one-line error, and no preview
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}/"
    with tempfile.TemporaryDirectory(prefix="modop-serve-") as work:
        site_dir = Path(work) / "site"
        server = PreviewServer(
            builder=lambda: rebuild(),
            host=host,
            port=port,
            root=str(site_dir),
            # Look for changes four times a second: the page shows an edit within about a second.
            polling_interval=0.25,
            on_listen=lambda: print(f"Aperçu sur {url} (Ctrl-C pour arrêter)", flush=True),
        )

        def rebuild() -> None:
            # Never raise: the live-reload server would stall until a good build.
            try:
                build_site(root, site_dir, site_url=url)
            except DataErrors as errors:
                for error in errors.errors:
                    print(error, file=sys.stderr)
                print("Données invalides : la dernière version correcte reste affichée, avec les erreurs.", file=sys.stderr, flush=True)
                server.show_problems([str(error) for error in errors.errors])
            except UserError as error:
                print(f"modop: {error}", file=sys.stderr)
                print("La dernière version correcte reste affichée, avec l'erreur.", file=sys.stderr, flush=True)
                server.show_problems([str(error)])
            except Exception as error:  # a template's mistake or a bug: shown too, the preview keeps running
                traceback.print_exc()
                server.show_problems([f"erreur inattendue pendant la construction : {type(error).__name__}: {error}"])
            else:
                server.show_problems([])

        rebuild()
        for watched in (root / "procedures", TEMPLATES_DIR, settings_file(root)):
            server.watch(str(watched))
        try:
            with _quiet_livereload():
                server.serve()
        except OSError as error:
            raise UserError(f"impossible d'écouter sur {addr} : {error.strerror or error}") from None
        except KeyboardInterrupt:
            print("\nArrêt de l'aperçu.", flush=True)
        finally:
            server.shutdown()


def _stop_on_ctrl_c_and_term() -> None:
    """Ctrl-C and SIGTERM stop the preview cleanly, even when the shell that
    started it in the background told it to ignore Ctrl-C."""

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, stop)


@contextmanager
def _quiet_livereload():
    logger = logging.getLogger("mkdocs.livereload")
    saved = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(saved)
