"""A static HTTPS server on 127.0.0.1 that sends a built site as a precompressing host would.

    certificate = self_signed_certificate()
    with HttpsStaticServer(site_dir, certificate, pages={"/bench-bare/": html}) as server:
        server.url   # https://127.0.0.1:<port>/

- HTTPS (browsers only ask for brotli over HTTPS) with a throwaway self-signed
  certificate made by `openssl`. Chromium takes it with
  --ignore-certificate-errors-spki-list=<certificate.spki_sha256>: with
  --ignore-certificate-errors alone the connection keeps its certificate
  error, and Chromium does not cache what comes over it.
- HTTP/1.1 with keep-alive, no HTTP/2: at most six connections per origin.
- The `.br` or `.gz` twin of a file when the browser accepts that encoding
  (brotli first), with Content-Encoding and Vary; a file without a twin is sent
  as it is, uncompressed (no compression on the fly).
- MIME types for .mjs, .wasm, .json and .zip; an ETag (If-None-Match is answered
  with 304) and Last-Modified; Cache-Control: no-cache, so a repeat visit
  revalidates every file, as on a host without special rules.
- sitemap.xml's addresses are rewritten to this server's origin: Material's
  instant navigation only follows links listed there, matched by scheme and host.
- `pages`: documents served from memory, at a path the site does not have.
"""
from __future__ import annotations

import base64
import email.utils
import functools
import hashlib
import http.server
import io
import re
import ssl
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.support.static_server import ServedInThread  # the repository is on sys.path (bench_browser puts it there)

MIME_TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".zip": "application/zip",
    ".gz": "application/gzip",
    ".css": "text/css",
    ".html": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
}
# Preferred first; the file name suffix of each encoding's twin.
TWINS = (("br", ".br"), ("gzip", ".gz"))
CONNECTION_TIMEOUT_S = 30  # an idle keep-alive connection's thread ends after this


class _Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    timeout = CONNECTION_TIMEOUT_S
    server: "_Server"

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path_only = self.path.split("?", 1)[0].split("#", 1)[0]
        if path_only in self.server.pages:
            return self._send_bytes(self.server.pages[path_only], "text/html; charset=utf-8")
        path = Path(self.translate_path(self.path))
        if path.is_dir() and path_only.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # directory redirects and 404s, as usual
        if path.name == "sitemap.xml":
            return self._sitemap(path)
        encoding, body = self._variant(path)
        return self._send_file(path, body, encoding)

    def _variant(self, path: Path) -> tuple[str | None, Path]:
        accepted = _accepted_encodings(self.headers.get("Accept-Encoding", ""))
        for encoding, suffix in TWINS:
            twin = path.with_name(path.name + suffix)
            if encoding in accepted and twin.is_file():
                return encoding, twin
        return None, path

    def _send_file(self, path: Path, body: Path, encoding: str | None):
        stat = body.stat()
        etag = '"%s"' % hashlib.sha1(f"{body.name}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
        has_twins = any(path.with_name(path.name + suffix).is_file() for _, suffix in TWINS)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            if has_twins:
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if has_twins:
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        return open(body, "rb")

    def _sitemap(self, path: Path):
        text = re.sub(r"<loc>https?://[^/<]+", f"<loc>{self.server.origin}", path.read_text(encoding="utf-8"))
        return self._send_bytes(text.encode("utf-8"), "application/xml")

    def _send_bytes(self, data: bytes, content_type: str):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


def _accepted_encodings(header: str) -> set[str]:
    """The codings of an Accept-Encoding header whose q is not 0."""
    accepted = set()
    for item in header.split(","):
        name, _, parameters = item.strip().partition(";")
        quality = parameters.strip().removeprefix("q=").strip() if parameters.strip().startswith("q=") else "1"
        try:
            if float(quality) > 0:
                accepted.add(name.strip().lower())
        except ValueError:
            pass
    return accepted


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    origin: str
    pages: dict[str, bytes]

    def handle_error(self, request, client_address):
        # A browser closed at the end of a run drops its connections mid-transfer: not an error.
        if not isinstance(sys.exc_info()[1], (ConnectionError, ssl.SSLError, TimeoutError)):
            super().handle_error(request, client_address)


@dataclass(frozen=True)
class Certificate:
    context: ssl.SSLContext  # the server's TLS context, certificate loaded
    spki_sha256: str  # base64 SHA-256 of its public key, as Chromium's SPKI lists want it


def self_signed_certificate() -> Certificate:
    """A new self-signed certificate for 127.0.0.1, valid one day; its files are gone once loaded."""
    with tempfile.TemporaryDirectory(prefix="modop-bench-tls-") as directory:
        key, certificate = Path(directory) / "key.pem", Path(directory) / "certificate.pem"
        _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                 "-keyout", str(key), "-out", str(certificate), "-days", "1", "-subj", "/CN=127.0.0.1",
                 "-addext", "subjectAltName=IP:127.0.0.1")
        public_key = _openssl("x509", "-in", str(certificate), "-pubkey", "-noout")
        spki = _openssl("pkey", "-pubin", "-outform", "DER", input=public_key)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificate, key)
    context.set_alpn_protocols(["http/1.1"])
    return Certificate(context, base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii"))


def _openssl(*args: str, input: bytes | None = None) -> bytes:
    return subprocess.run(["openssl", *args], input=input, check=True, capture_output=True, timeout=30).stdout


class HttpsStaticServer(ServedInThread):
    """The site in `directory` on https://127.0.0.1:<free port>/ (see the module's docstring)."""

    scheme = "https"

    def __init__(self, directory: Path, certificate: Certificate, pages: dict[str, str] | None = None):
        super().__init__(_Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory))))
        # The handshake happens in each connection's thread, at its first read, not in accept().
        self._server.socket = certificate.context.wrap_socket(
            self._server.socket, server_side=True, do_handshake_on_connect=False)
        self._server.origin = self.url.rstrip("/")
        self._server.pages = {path: text.encode("utf-8") for path, text in (pages or {}).items()}
