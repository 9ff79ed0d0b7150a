"""The live preview's web server (`modop serve`).

MkDocs's live-reload server, with two changes:

- its reload script is a file (`/.modop-preview.js`, its two numbers in
  data attributes), not an inline script, so the pages' Content Security
  Policy (no inline script but those hashed at build time) allows it;
- while the data is invalid, every page it serves begins with the list of
  errors (`file:line:col: message`), above the last good version of the page,
  and an address with no page left shows the errors alone; the next good
  build takes them away. Staff see their mistake where they look: in the page.
"""
from __future__ import annotations

import html
import re
import string

from mkdocs.livereload import _SCRIPT_TEMPLATE_STR, LiveReloadServer

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
<h1>Pas de page à cette adresse pour le moment</h1>
</body>
</html>
"""


class PreviewServer(LiveReloadServer):
    """A LiveReloadServer that shows the data's errors in every page."""

    def __init__(self, *args, on_listen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.on_listen = on_listen
        self.problems: list[str] = []
        self.error_handler = self._error_page

    def server_activate(self) -> None:
        super().server_activate()
        if self.on_listen:
            self.on_listen()

    def show_problems(self, problems: list[str]) -> None:
        """The errors to show in the pages from now on (none: the site as built)."""
        self.problems = list(problems)

    def banner(self) -> bytes:
        if not self.problems:
            return b""
        count = len(self.problems)
        items = "\n".join(f"<li><code>{html.escape(problem)}</code></li>" for problem in self.problems)
        text = (
            '<div class="modop-preview-errors" role="alert">\n'
            f"<p><strong>Aperçu\u00a0: {count} erreur{'s' if count > 1 else ''} dans les données.</strong> "
            "Tant qu'elles ne sont pas corrigées, l'aperçu montre la dernière version correcte du site, "
            "et le site ne peut pas être publié. Corrigez le fichier à la ligne et à la colonne indiquées, "
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
        page = _ERROR_PAGE.format().encode("utf-8")
        return self._inject_js_into_html(page, self._visible_epoch)
