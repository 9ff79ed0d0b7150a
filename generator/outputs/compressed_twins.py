"""The `.br` and `.gz` twins of the built site's files, for hosts that send precompressed files.

A browser that accepts brotli and asks for `a.js` gets `a.js.br` with
`Content-Encoding: br` from a host set up for it (nginx's brotli_static and
gzip_static, Apache's rewrite rules, GitLab Pages: the staff guide says how),
and decodes it itself. Every file of a kind that compresses gets both twins,
the pages, Material's stylesheets and scripts and the search index as much as
the checker's runtime (the wasm, the memory snapshot), once the site has had
its last change (`site.build` calls `add_twins` after the pages get their
security policy). A twin no smaller than its file is not written.

Brotli at its best quality, 11, is slow (half a minute for the 9.6 MB wasm):
the twins of files of `CACHED_FROM` bytes or more are kept under
node_modules/.cache/, by content, so that an unchanged file is encoded once;
a cached twin unused for `CACHE_KEPT_DAYS` is removed.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import time
from pathlib import Path

import brotli

from generator.paths import CACHE_DIR

# Text, and the checker's two large binaries (the wasm, the memory snapshot):
# images, PDF notices and zips are compressed already.
COMPRESSIBLE = frozenset({
    ".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".ics", ".map", ".webmanifest",
    ".wasm", ".bin",
})
TWINS = {".br": lambda data: brotli.compress(data, quality=11), ".gz": lambda data: gzip.compress(data, 9, mtime=0)}
CACHED_FROM = 16 * 1024
CACHE_KEPT_DAYS = 14
TWINS_CACHE = CACHE_DIR / "twins"


def add_twins(site_dir: Path) -> None:
    """Write `<file>.br` and `<file>.gz` beside every compressible file of site_dir."""
    files = [path for path in sorted(site_dir.rglob("*")) if path.suffix in COMPRESSIBLE and path.is_file()]
    for path in files:
        data = path.read_bytes()
        for suffix, encode in TWINS.items():
            packed = _encoded(data, suffix, encode)
            if len(packed) < len(data):
                path.with_name(path.name + suffix).write_bytes(packed)
    _forget_unused()


def _encoded(data: bytes, suffix: str, encode) -> bytes:
    if len(data) < CACHED_FROM:
        return encode(data)
    cached = TWINS_CACHE / f"{hashlib.sha256(data).hexdigest()[:32]}{suffix}"
    try:
        packed = cached.read_bytes()
        os.utime(cached)
        return packed
    except OSError:
        pass
    packed = encode(data)
    try:
        TWINS_CACHE.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_name(f"{cached.name}.tmp{os.getpid()}")
        temporary.write_bytes(packed)
        temporary.replace(cached)
    except OSError:
        pass  # a read-only cache costs time, not the twin
    return packed


def _forget_unused() -> None:
    oldest = time.time() - CACHE_KEPT_DAYS * 86400
    for cached in TWINS_CACHE.glob("*") if TWINS_CACHE.is_dir() else ():
        try:
            if cached.stat().st_mtime < oldest:
                cached.unlink()
        except OSError:
            pass  # removed meanwhile by another build
