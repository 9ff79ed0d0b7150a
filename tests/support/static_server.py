"""A small threaded static server for the end-to-end tests and the benchmark.

It serves a built site as a plain static host would: the right MIME types for
.mjs and .wasm, and, like nginx's gzip_static or most static hosts, the `.gz`
twin of a file when the browser accepts gzip. It records every request.

One liberty: sitemap.xml's addresses are served with this server's origin.
Material's instant navigation only follows links listed in the sitemap, and
matches their scheme and host but not their port, so a site built for
https://example.fr/ behaves here as it will there.
"""
from __future__ import annotations

import email.utils
import functools
import http.server
import io
import re
import threading
from pathlib import Path

MIME_TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".css": "text/css",
    ".html": "text/html; charset=utf-8",
    ".zip": "application/zip",
    ".gz": "application/gzip",
    ".svg": "image/svg+xml",
}


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    server: "_Server"

    def log_message(self, format, *args):  # quiet: the tests read self.server.requests
        pass

    def end_headers(self):
        # Revalidate every time, as a static host without special rules does.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def copyfile(self, source, outputfile):
        copied = 0
        while chunk := source.read(1 << 16):
            outputfile.write(chunk)
            copied += len(chunk)
        with self.server.lock:
            self.server.bytes_sent += copied

    def send_head(self):
        self.server.requests.append(self.path)
        path = Path(self.translate_path(self.path))
        if path.name == "sitemap.xml" and path.is_file():
            return self._sitemap(path)
        twin = path.with_name(path.name + ".gz")
        if path.is_file() and twin.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            stat = twin.stat()
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(stat.st_size))
            self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return open(twin, "rb")
        return super().send_head()


    def _sitemap(self, path: Path):
        host, port = self.server.server_address[:2]
        text = re.sub(r"<loc>https?://[^/<]+", f"<loc>http://{host}:{port}", path.read_text(encoding="utf-8"))
        data = text.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    requests: list
    bytes_sent: int  # response bodies, as sent (gzip twins count compressed)
    lock: threading.Lock


class ServedInThread:
    """A server run by a background thread for the length of a `with` block; `url` ends with "/"."""

    scheme = "http"

    def __init__(self, server: http.server.HTTPServer):
        self._server = server
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{self.scheme}://{host}:{port}/"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class StaticServer(ServedInThread):
    """`with StaticServer(site_dir) as server: server.url` (http://127.0.0.1:<port>/)."""

    def __init__(self, directory: Path, host: str = "127.0.0.1"):
        super().__init__(_Server((host, 0), functools.partial(_Handler, directory=str(directory))))
        self._server.requests = []
        self._server.bytes_sent = 0
        self._server.lock = threading.Lock()

    @property
    def requests(self) -> list[str]:
        return self._server.requests

    @property
    def bytes_sent(self) -> int:
        return self._server.bytes_sent

    def reset_counts(self) -> None:
        with self._server.lock:
            self._server.requests.clear()
            self._server.bytes_sent = 0
