"""The live preview (`modop serve`): the site built into a private folder and served,
rebuilt when the data, the templates or the settings change."""
from __future__ import annotations

import logging
import signal
import sys
import tempfile
import traceback
from contextlib import contextmanager
from pathlib import Path

from generator.errors import DataErrors, UserError
from generator.paths import TEMPLATES_DIR
from generator.site.build import build_site
from generator.site.preview_server import PreviewServer
from generator.source.discovery import find_data_files
from generator.source.site_settings import settings_file


def _host_and_port(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":")
    if not host or not port.isdigit():
        raise UserError(f"adresse « {addr} » invalide : attendu HÔTE:PORT, par exemple 127.0.0.1:8000")
    return host.strip("[]"), int(port)


def serve_site(root: Path, addr: str, *, only: tuple[str, ...] = (), drafts: bool = True, engine: str = "mkdocs") -> None:
    """Serve the site on addr; rebuild it with `engine` when procedures/ or the templates change.
    The server is modop's own (site.preview_server, on MkDocs's live-reload
    server) whichever engine builds. `only` (`--only`) names the institutions
    to show, when not all; the years still in draft are shown (under a banner)
    unless `drafts` is False.

    Invalid data never stops the preview: its errors are printed and shown at
    the top of every page (see generator.site.preview_server) until a good build."""
    host, port = _host_and_port(addr)
    _stop_on_ctrl_c_and_term()
    find_data_files(root, only)  # no data at all, or an unknown institution: its one-line error, and no preview
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
                build_site(root, site_dir, site_url=url, only=only, drafts=drafts, engine=engine)
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
