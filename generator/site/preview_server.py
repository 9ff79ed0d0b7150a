"""The live preview's web server (`modop serve`).

MkDocs's live-reload server, with two changes:

- its reload script is a file (`/.modop-preview.js`, its two numbers in
  data attributes), not an inline script, so the pages' Content Security
  Policy (no inline script but those hashed at build time) allows it;
- while the data is invalid, every page it serves begins with the list of
  errors (`file:line:col: message`), above the last good version of the page,
  and an address with no page left shows the errors alone; the next good
  build takes them away. Staff see their mistake where they look: in the page,
  which says whether a good version is shown, and since when, or none yet;
- it listens as soon as asked (`listen`), before the first build, so that a
  wrong or busy address is said at once;
- a watched folder may disappear and come back (renamed, replaced by a copy,
  re-created, as editors and sync tools do): while it is missing it reads as
  empty, and watching goes on (watchdog's own poller stops for good).
"""
from __future__ import annotations

import html
import os
import re
import stat
import string
import time

from mkdocs.livereload import _SCRIPT_TEMPLATE_STR, LiveReloadServer
from watchdog.observers.polling import PollingObserverVFS

SCRIPT_PATH = "/.modop-preview.js"

# MkDocs's own reload loop (it polls /livereload/<epoch>/<id> and reloads the
# page when the site changed), called with the numbers of the script element.
_RELOAD_SCRIPT = (
    string.Template(_SCRIPT_TEMPLATE_STR).safe_substitute(epoch="0", request_id="0").replace("livereload(0, 0);", "")
    + ";(function (script) {\n"
    + "    livereload(Number(script.dataset.epoch), Number(script.dataset.request));\n"
    + "})(document.currentScript);\n"
).encode("utf-8")

_BODY = re.compile(rb"<body\b[^>]*>", re.I)

_ERROR_PAGE = """<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Erreurs dans les données — aperçu modop</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.5; color: #1a1a1a; }}
.modop-preview-errors {{ border: 0.2rem solid #b00020; padding: 1rem 1.5rem; background: #fff5f5; }}
code {{ white-space: pre-wrap; }}
</style>
</head>
<body>
<h1>{heading}</h1>
</body>
</html>
"""

# What a watched folder that is not there (yet, or again) looks like to the poller:
# a folder, with nothing in it.
_MISSING_FOLDER = os.stat_result((stat.S_IFDIR, 0, 0, 0, 0, 0, 0, 0, 0, 0))


class PreviewServer(LiveReloadServer):
    """A LiveReloadServer that shows the data's errors in every page."""

    def __init__(self, *args, on_listen=None, polling_interval: float = 0.5, **kwargs):
        super().__init__(*args, polling_interval=polling_interval, **kwargs)
        self.on_listen = on_listen
        self.problems: list[str] = []
        self.built_at: float | None = None  # when the site served was built; None: never yet
        self.error_handler = self._error_page
        self.listening = False
        self.watched_roots: set[str] = set()
        self.observer = PollingObserverVFS(stat=self._stat, listdir=os.scandir, polling_interval=polling_interval)

    def listen(self) -> None:
        """Bind and listen now; `serve` later starts answering (the first build is done by then)."""
        super().server_bind()
        super().server_activate()
        self.listening = True

    def server_bind(self) -> None:
        if not self.listening:
            super().server_bind()

    def server_activate(self) -> None:
        if not self.listening:
            super().server_activate()
            self.listening = True
        if self.on_listen:
            self.on_listen()

    def watch(self, path: str, func=None, *, recursive: bool = True) -> None:
        self.watched_roots.add(os.path.abspath(path))
        super().watch(path, func, recursive=recursive)

    def _stat(self, path: str) -> os.stat_result:
        try:
            return os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            if path in self.watched_roots:
                return _MISSING_FOLDER
            raise

    def show_problems(self, problems: list[str]) -> None:
        """The errors to show in the pages from now on (none: the site as built)."""
        self.problems = list(problems)

    def built(self, when: float) -> None:
        """A good build is served from now on: its errors, if any, are gone."""
        self.built_at = when
        self.problems = []

    def banner(self) -> bytes:
        if not self.problems:
            return b""
        count = len(self.problems)
        items = "\n".join(f"<li><code>{html.escape(problem)}</code></li>" for problem in self.problems)
        if self.built_at is None:
            shown = "Aucune version du site n'a encore pu être construite."
        else:
            shown = (
                "Tant qu'elles ne sont pas corrigées, l'aperçu montre la dernière version correcte du site, "
                f"construite à {time.strftime('%H:%M:%S', time.localtime(self.built_at))}, et le site ne peut pas être publié."
            )
        text = (
            '<div class="modop-preview-errors" role="alert">\n'
            f"<p><strong>Aperçu\u00a0: {count} erreur{'s' if count > 1 else ''} dans les données.</strong> "
            f"{shown} Corrigez le fichier à la ligne et à la colonne indiquées, "
            "puis enregistrez-le\u00a0: la page se met à jour toute seule.</p>\n"
            f"<ul>\n{items}\n</ul>\n</div>\n"
        )
        return text.encode("utf-8")

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        from mkdocs.livereload import _timestamp

        script = f'<script src="{SCRIPT_PATH}" data-epoch="{epoch}" data-request="{_timestamp()}"></script>'.encode()
        body_end = content.rfind(b"</body>")
        if body_end < 0:
            body_end = len(content)
        content = content[:body_end] + script + content[body_end:]
        banner = self.banner()
        if banner:
            body = _BODY.search(content)
            at = body.end() if body else 0
            content = content[:at] + banner + content[at:]
        return content

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path == SCRIPT_PATH:
            start_response(
                "200 OK",
                [("Content-Type", "text/javascript"), ("Content-Length", str(len(_RELOAD_SCRIPT))), ("Cache-Control", "no-store")],
            )
            return [_RELOAD_SCRIPT]
        return super()._serve_request(environ, start_response)

    def _error_page(self, code: int) -> bytes | None:
        """An address without a page: the errors, if any, with the reload script."""
        if code != 404 or not self.problems:
            return None
        heading = "Pas de page à cette adresse pour le moment" if self.built_at else "Aucune version du site n'a encore été construite"
        page = _ERROR_PAGE.format(heading=heading).encode("utf-8")
        return self._inject_js_into_html(page, self._visible_epoch)
