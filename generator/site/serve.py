"""The live preview (`modop serve`): the site built into a private folder and served,
rebuilt when the data, the templates or the settings change.

The address is checked, then listened on, before anything is built: a mistaken
or busy address is said at once. The folders are watched for themselves
(`preview_server`): procedures/ may be renamed, replaced or re-created, as
editors and sync tools do, and the preview follows it. What the terminal and
the pages say is what happened: a rebuild, the errors, whether a good version
is still shown or none has been built yet."""
from __future__ import annotations

import errno
import ipaddress
import logging
import re
import signal
import socket
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from generator.errors import DataErrors, UserError, system_reason
from generator.paths import TEMPLATES_DIR
from generator.site.build import build_site
from generator.site.preview_server import PreviewServer
from generator.source.discovery import find_data_files
from generator.source.site_settings import settings_file

MAX_PORT = 65535
_HOSTNAME = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)(?:\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?")
_ADDRESS_EXAMPLE = "écrivez HÔTE:PORT, par exemple --addr 127.0.0.1:8000"


def _host_and_port(addr: str) -> tuple[str, int]:
    """The host and port of `--addr HÔTE:PORT`, or a UserError saying what to write."""
    host, _, port = addr.rpartition(":")
    host = host.strip()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not host or not port.isascii() or not port.isdigit():
        raise UserError(f"adresse « {addr} » illisible : {_ADDRESS_EXAMPLE}")
    if int(port) > MAX_PORT:
        raise UserError(f"adresse « {addr} » : le port {port} n'existe pas, choisissez-en un de 0 à {MAX_PORT} (par exemple 8000)")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if not _HOSTNAME.fullmatch(host):
            raise UserError(
                f"adresse « {addr} » : l'hôte « {host} » n'est ni une adresse IP ni un nom de machine : "
                "écrivez par exemple 127.0.0.1 ou localhost"
            ) from None
    return host, int(port)


def serve_site(root: Path, addr: str, *, only: tuple[str, ...] = (), drafts: bool = True, engine: str = "mkdocs") -> None:
    """Serve the site on addr; rebuild it with `engine` when procedures/ or the templates change.
    The server is modop's own (site.preview_server, on MkDocs's live-reload
    server) whichever engine builds. `only` (`--only`) names the institutions
    to show, when not all; the years still in draft are shown (under a banner)
    unless `drafts` is False.

    Invalid data never stops the preview: its errors are printed and shown at
    the top of every page (see generator.site.preview_server) until a good build."""
    host, port = _host_and_port(addr)
    find_data_files(root, only)  # no data at all, or an unknown institution: its one-line error, and no preview
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}/"
    with tempfile.TemporaryDirectory(prefix="modop-serve-") as work, _stopped_by_ctrl_c_and_term():
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
        try:
            _listen(server, addr)

            def rebuild() -> None:
                # Never raise: the live-reload server would stall until a good build.
                if server.built_at is not None or server.problems:  # not the first build: a change
                    print("Modification détectée : reconstruction de l'aperçu…", flush=True)
                _rebuild(root, site_dir, url, server, engine=engine, only=only, drafts=drafts)

            rebuild()
            for watched in (root / "procedures", TEMPLATES_DIR, settings_file(root)):
                server.watch(str(watched))
            with _quiet_livereload():
                server.serve()
        except KeyboardInterrupt:
            print("\nArrêt de l'aperçu.", flush=True)
        finally:
            server.shutdown()


def _listen(server: PreviewServer, addr: str) -> None:
    try:
        server.listen()
    except OSError as error:
        if isinstance(error, socket.gaierror):
            why = "nom de machine inconnu : écrivez par exemple 127.0.0.1 ou localhost"
        elif error.errno == errno.EADDRINUSE:
            why = f"{system_reason(error)} : choisissez un autre port, par exemple --addr 127.0.0.1:8001"
        else:
            why = f"{system_reason(error)} : choisissez une autre adresse, par exemple --addr 127.0.0.1:8000"
        raise UserError(f"impossible d'écouter sur {addr} : {why}") from None


def _rebuild(root: Path, site_dir: Path, url: str, server: PreviewServer, *, engine: str, only: tuple[str, ...], drafts: bool) -> None:
    """Build the preview once; say in the terminal and the pages how it went."""
    shown = (
        "la dernière version correcte reste affichée, avec les erreurs"
        if server.built_at is not None
        else "aucune version du site n'a encore pu être construite ; l'aperçu montre les erreurs"
    )
    if not (root / "procedures").is_dir():
        problem = (
            f"le dossier procedures/ n'est plus dans {root} (déplacé, renommé ?) : "
            "remettez-le à sa place, l'aperçu se reconstruira tout seul"
        )
        print(f"modop: {problem}", file=sys.stderr)
        print(f"Données absentes : {shown}.", file=sys.stderr, flush=True)
        server.show_problems([problem])
        return
    try:
        build_site(root, site_dir, site_url=url, only=only, drafts=drafts, engine=engine, twins=False)
    except DataErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        print(f"Données invalides : {shown}.", file=sys.stderr, flush=True)
        server.show_problems([str(error) for error in errors.errors])
    except UserError as error:
        print(f"modop: {error}", file=sys.stderr)
        print(f"Construction impossible : {shown}.", file=sys.stderr, flush=True)
        server.show_problems([str(error)])
    except Exception as error:  # a template's mistake or a bug: said in one line, the preview keeps running
        problem = f"erreur inattendue pendant la construction, à signaler : {type(error).__name__}: {error}"
        print(f"modop: {problem}", file=sys.stderr, flush=True)
        server.show_problems([problem])
    else:
        fixed = bool(server.problems)
        server.built(time.time())
        print("Aperçu à jour" + (" : les erreurs sont corrigées." if fixed else "."), flush=True)


@contextmanager
def _stopped_by_ctrl_c_and_term():
    """Ctrl-C and SIGTERM stop the preview cleanly, even when the shell that
    started it in the background told it to ignore Ctrl-C; as they were after."""

    def stop(signum, frame):
        raise KeyboardInterrupt

    saved = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, saved[0])
        signal.signal(signal.SIGTERM, saved[1])


@contextmanager
def _quiet_livereload():
    logger = logging.getLogger("mkdocs.livereload")
    saved = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(saved)
