"""Puts the in-browser checker into the generated docs tree.

What lands in `<docs>/`:

    assets/pyodide/      Pyodide's runtime, copied from node_modules (pinned by package-lock.json)
    assets/checker/      every ES module and stylesheet of site_templates/checker/ (the widget,
                         the site's print stylesheet listed in mkdocs.yml's extra_css; the
                         list is render.checker_view's, the one the pages link to), the
                         worker (worker.mjs, its RUNTIME filled in) and, under content-hashed
                         names, `checks` packed as a zip, a trimmed standard library and a
                         memory snapshot of the interpreter
    data/<inst>/<id>.json  each procedure's compiled JSON (`outputs.procedure_data`)

The memory snapshot is why the first answer comes fast: Pyodide spends most of
its start-up initialising Python and importing modules; Node runs that once,
here, with `checks` imported, and the browser restores the memory instead of
redoing it. It depends only on Pyodide and `checks`, never on the procedures,
so it is cached under node_modules/.cache/ and a YAML edit does not redo it.

Every URL the browser uses is relative, so the site works under a sub-path.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UserError
from generator.outputs.procedure_data import write_procedure_data
from generator.paths import CACHE_DIR, CHECKS_DIR, PROJECT_DIR, WIDGET_DIR
from generator.render.checker_view import WIDGET_FOLDER, WORKER, widget_files

log = logging.getLogger(__name__)

PYODIDE_VERSION = "314.0.7"

# The files of the npm package that the browser needs (the rest is for Node or typings).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
# Shipped beside a gzip twin, for hosts that serve precompressed files (gzip_static).
GZIP_TWINS = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
SNAPSHOT_SCRIPT = Path(__file__).with_name("make_snapshot.mjs")  # run at build time, never shipped
RUNTIME_MARKER = "/*RUNTIME*/null"

# Standard-library parts a pure computation never reaches: left out of the
# trimmed library the browser downloads (python_stdlib.zip itself stays whole).
STDLIB_LEFT_OUT = frozenset({
    "_pyrepl", "curses", "dbm", "doctest.py", "email", "ftplib.py", "http", "idlelib",
    "imaplib.py", "mailbox.py", "multiprocessing", "pdb.py", "pickletools.py", "poplib.py",
    "pydoc.py", "pydoc_data", "smtplib.py", "sqlite3", "tkinter", "turtle.py", "turtledemo",
    "unittest", "wsgiref", "xml", "xmlrpc", "__phello__",
})
# Of the codecs, only those Python, JSON or zipfile (cp437) may ask for.
ENCODINGS_KEPT = frozenset({
    "__init__.py", "aliases.py", "ascii.py", "latin_1.py", "utf_8.py", "utf_8_sig.py",
    "utf_16.py", "utf_16_le.py", "utf_16_be.py", "utf_32.py", "utf_32_le.py", "utf_32_be.py",
    "raw_unicode_escape.py", "unicode_escape.py", "idna.py", "punycode.py", "cp1252.py", "cp437.py",
})

# A fixed timestamp makes the zips, hence their hashes and the cache, reproducible.
ZIP_DATE = (2020, 1, 1, 0, 0, 0)
SNAPSHOT_PAGE = 4096
SNAPSHOT_MAGIC = b"MDSN"


@dataclass(frozen=True)
class CheckerRuntime:
    """The names, relative to assets/checker/, the worker loads (hashed, so cacheable forever)."""

    checks_zip: str
    stdlib_zip: str
    snapshot: str | None


def add_checker_assets(docs_dir: Path, catalog) -> CheckerRuntime:
    """Copy Pyodide, the packed `checks`, the snapshot and the widget's files into docs_dir,
    with the data each page's checker fetches."""
    pyodide_dir = find_pyodide()
    assets = docs_dir / "assets"
    pyodide_out = assets / "pyodide"
    checker_out = docs_dir / WIDGET_FOLDER
    pyodide_out.mkdir(parents=True, exist_ok=True)
    checker_out.mkdir(parents=True, exist_ok=True)

    for name in PYODIDE_FILES:
        shutil.copyfile(pyodide_dir / name, pyodide_out / name)
    for name in GZIP_TWINS:
        (pyodide_out / f"{name}.gz").write_bytes(_cached_gzip(pyodide_dir / name))

    checks_zip = pack_checks()
    stdlib_zip = trimmed_stdlib(pyodide_dir / "python_stdlib.zip")
    snapshot = memory_snapshot(pyodide_dir, stdlib_zip, checks_zip) if _snapshot_wanted() else None
    runtime = CheckerRuntime(
        checks_zip=_hashed_name("checks", checks_zip, ".zip"),
        stdlib_zip=_hashed_name("stdlib", stdlib_zip, ".zip"),
        snapshot=_hashed_name("snapshot", snapshot, ".bin.gz") if snapshot else None,
    )
    (checker_out / runtime.checks_zip).write_bytes(checks_zip)
    (checker_out / runtime.stdlib_zip).write_bytes(stdlib_zip)
    if snapshot:
        (checker_out / runtime.snapshot).write_bytes(snapshot)

    lock_info = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    for name in widget_files():
        if name == WORKER:
            (checker_out / name).write_text(_worker_source(runtime, lock_info), encoding="utf-8")
        else:
            shutil.copyfile(WIDGET_DIR / name, checker_out / name)
        data = (checker_out / name).read_bytes()
        (checker_out / f"{name}.gz").write_bytes(gzip.compress(data, 9, mtime=0))

    write_procedure_data(docs_dir, catalog)
    return runtime


def find_pyodide() -> Path:
    """node_modules/pyodide at the pinned version, or a UserError saying how to get it."""
    package = PROJECT_DIR / "node_modules" / "pyodide"
    how = "lancez `npm ci` à la racine du projet (ou ./dev.sh serve) pour installer Pyodide"
    try:
        version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise UserError(f"Pyodide est introuvable dans {package} : {how}.") from None
    if version != PYODIDE_VERSION:
        raise UserError(f"Pyodide {version} dans {package}, {PYODIDE_VERSION} attendu : {how}.")
    missing = [name for name in PYODIDE_FILES if not (package / name).is_file()]
    if missing:
        raise UserError(f"Pyodide incomplet dans {package} (manque {', '.join(missing)}) : {how}.")
    return package


def pack_checks() -> bytes:
    """`checks` (its subpackages and the worker's bridge, checks.worker_bridge, included) as a zip of sources."""
    files = {
        f"checks/{path.relative_to(CHECKS_DIR).as_posix()}": path.read_bytes()
        for path in sorted(CHECKS_DIR.glob("**/*.py"))
    }
    return _zip_bytes(files)


def trimmed_stdlib(full: Path) -> bytes:
    """Pyodide's standard library without the packages a pure computation never imports."""
    files = {}
    with zipfile.ZipFile(full) as source:
        for info in source.infolist():
            parts = info.filename.split("/")
            if info.is_dir() or parts[0] in STDLIB_LEFT_OUT:
                continue
            if parts[0] == "encodings" and parts[-1] not in ENCODINGS_KEPT:
                continue
            files[info.filename] = source.read(info)
    return _zip_bytes(files)


def memory_snapshot(pyodide_dir: Path, stdlib_zip: bytes, checks_zip: bytes) -> bytes | None:
    """The interpreter's memory with `checks` imported, packed (see `pack_snapshot`); cached.

    None, with a warning, when Node is missing: the checker then starts Python
    from scratch, slower but the same answers.
    """
    node = shutil.which("node")
    if node is None:
        log.warning("Node.js introuvable : le vérificateur démarrera sans instantané mémoire (plus lentement).")
        return None
    script = SNAPSHOT_SCRIPT
    key = hashlib.sha256()
    # pyodide.asm.mjs holds the build id a snapshot must match.
    for part in (PYODIDE_VERSION.encode(), (pyodide_dir / "pyodide.asm.mjs").read_bytes(),
                 stdlib_zip, checks_zip, script.read_bytes()):
        key.update(hashlib.sha256(part).digest())
    cached = CACHE_DIR / f"snapshot-{key.hexdigest()[:20]}.bin.gz"
    if cached.is_file():
        return cached.read_bytes()

    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    work = CACHE_DIR / f"work-{os.getpid()}"
    work.mkdir(exist_ok=True)
    try:
        (work / "stdlib.zip").write_bytes(stdlib_zip)
        (work / "checks.zip").write_bytes(checks_zip)
        result = subprocess.run(
            [node, str(script), str(pyodide_dir), str(work / "stdlib.zip"), str(work / "checks.zip"), str(work / "snapshot.bin")],
            capture_output=True, text=True, timeout=300,
        )
        if result.returncode != 0:
            # The last lines say what failed (minified Pyodide lines are left out).
            lines = [line for line in (result.stderr or result.stdout).splitlines() if line.strip() and len(line) < 400]
            detail = lines[-12:]
            raise UserError(
                "le vérificateur ne démarre pas dans Pyodide (instantané mémoire impossible) :\n" + "\n".join(detail)
            )
        packed = pack_snapshot((work / "snapshot.bin").read_bytes())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for old in CACHE_DIR.glob("snapshot-*.bin.gz"):
        old.unlink(missing_ok=True)
    temporary = cached.with_suffix(".tmp")
    temporary.write_bytes(packed)
    temporary.replace(cached)
    return packed


def pack_snapshot(memory: bytes) -> bytes:
    """The memory image without its all-zero pages, gzipped.

    Half of Pyodide's memory is zero pages; leaving them out halves what the
    browser inflates. Layout (little-endian u32): magic `MDSN`, total length,
    page size, page count, then one bit per page (set: stored), then the
    stored pages in order. worker.mjs undoes it.
    """
    zero = bytes(SNAPSHOT_PAGE)
    count = (len(memory) + SNAPSHOT_PAGE - 1) // SNAPSHOT_PAGE
    bitmap = bytearray((count + 7) // 8)
    stored = io.BytesIO()
    for index in range(count):
        page = memory[index * SNAPSHOT_PAGE:(index + 1) * SNAPSHOT_PAGE]
        if page != zero[: len(page)]:
            bitmap[index // 8] |= 1 << (index % 8)
            stored.write(page)
    header = SNAPSHOT_MAGIC + b"".join(n.to_bytes(4, "little") for n in (len(memory), SNAPSHOT_PAGE, count))
    return gzip.compress(header + bytes(bitmap) + stored.getvalue(), 6, mtime=0)


def _snapshot_wanted() -> bool:
    # MODOP_CHECKER_SNAPSHOT=0 builds without it, to measure what it brings.
    return os.environ.get("MODOP_CHECKER_SNAPSHOT", "1") != "0"


def _worker_source(runtime: CheckerRuntime, lock_info: dict) -> str:
    template = (WIDGET_DIR / WORKER).read_text(encoding="utf-8")
    if RUNTIME_MARKER not in template:
        raise AssertionError(f"{WORKER} has lost its {RUNTIME_MARKER} marker")
    config = {
        "pyodide": "../pyodide/",
        "checks": runtime.checks_zip,
        "stdlib": runtime.stdlib_zip,
        "snapshot": runtime.snapshot,
        # Pyodide only needs the lock file's header when no package is loaded from it.
        "lock": {"info": lock_info, "packages": {}},
    }
    return template.replace(RUNTIME_MARKER, json.dumps(config, sort_keys=True))


def _hashed_name(stem: str, data: bytes, suffix: str) -> str:
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}{suffix}"


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()


def _cached_gzip(path: Path) -> bytes:
    """gzip -9 of a Pyodide file, cached: the 9.6 MB wasm takes seconds to compress."""
    data = path.read_bytes()
    cached = CACHE_DIR / f"{path.name}.{hashlib.sha256(data).hexdigest()[:16]}.gz"
    if cached.is_file():
        return cached.read_bytes()
    packed = gzip.compress(data, 9, mtime=0)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    temporary = cached.with_suffix(f".tmp{os.getpid()}")
    temporary.write_bytes(packed)
    temporary.replace(cached)
    return packed
