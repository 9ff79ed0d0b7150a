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

The snapshot holds every module the checker uses: a browser that restores it
downloads neither the standard library nor the `checks` zip (those two serve
the plain start, when there is no snapshot or it cannot be used). It is
shipped as it is packed (`pack_snapshot`); its .br/.gz twins, made with every
other file's once the site is built (`outputs.compressed_twins`), are what a
host sends and the browser decodes.

Every URL the browser uses is relative, so the site works under a sub-path.
"""
from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
import struct
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
SNAPSHOT_SCRIPT = Path(__file__).with_name("make_snapshot.mjs")  # run at build time, never shipped
# The widget's module that holds a marker filled in here: the worker gets its configuration.
RUNTIME_MARKER = "/*RUNTIME*/null"
FILLED = {WORKER: RUNTIME_MARKER}
# Where the checker's zip lies in Pyodide's file system, imported from there (zipimport):
# in the snapshot as in a plain start.
CODE_ZIP_PATH = "/modop/checks.zip"
# Python's environment, the snapshot's and a plain start's. -OO and no column
# ranges: no docstrings nor position tables in the code objects, the snapshot a
# tenth lighter; a traceback only loses its ^^^ marks (`checks` asserts nothing).
PYTHON_ENV = {"HOME": "/home/pyodide", "PYTHONOPTIMIZE": "2", "PYTHONNODEBUGRANGES": "1"}

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
SNAPSHOT_MAGIC = b"MDS2"
# What pack_snapshot's page map says of a page.
PAGE_ZERO, PAGE_STORED, PAGE_AS_FRESH = 0, 1, 2
SNAPSHOTS_KEPT = 3  # in the cache: other checkouts sharing node_modules may use older ones


@dataclass(frozen=True)
class CheckerRuntime:
    """The names, relative to assets/checker/, the worker loads (hashed, so cacheable forever)."""

    checks_zip: str
    stdlib_zip: str
    snapshot: str | None
    snapshot_length: int | None  # the memory image the snapshot unpacks to, in bytes


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

    checks_zip = pack_checks()
    stdlib_zip = trimmed_stdlib(pyodide_dir / "python_stdlib.zip")
    snapshot = memory_snapshot(pyodide_dir, stdlib_zip, checks_zip) if _snapshot_wanted() else None
    runtime = CheckerRuntime(
        checks_zip=_hashed_name("checks", checks_zip, ".zip"),
        stdlib_zip=_hashed_name("stdlib", stdlib_zip, ".zip"),
        snapshot=_hashed_name("snapshot", snapshot, ".bin") if snapshot else None,
        snapshot_length=snapshot_length(snapshot) if snapshot else None,
    )
    (checker_out / runtime.checks_zip).write_bytes(checks_zip)
    (checker_out / runtime.stdlib_zip).write_bytes(stdlib_zip)
    if snapshot:
        (checker_out / runtime.snapshot).write_bytes(snapshot)

    lock_info = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    for name in widget_files():
        if name in FILLED:
            (checker_out / name).write_text(_filled_source(name, runtime, lock_info), encoding="utf-8")
        else:
            shutil.copyfile(WIDGET_DIR / name, checker_out / name)

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
    settings = json.dumps({"env": PYTHON_ENV, "code_zip": CODE_ZIP_PATH}, sort_keys=True)
    key = hashlib.sha256()
    # pyodide.asm.mjs holds the build id a snapshot must match.
    for part in (PYODIDE_VERSION.encode(), (pyodide_dir / "pyodide.asm.mjs").read_bytes(),
                 stdlib_zip, checks_zip, script.read_bytes(), settings.encode(), SNAPSHOT_MAGIC):
        key.update(hashlib.sha256(part).digest())
    cached = CACHE_DIR / f"snapshot-{key.hexdigest()[:20]}.bin"
    if cached.is_file():
        os.utime(cached)  # recently used: kept by the clean-up below
        return cached.read_bytes()

    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    work = CACHE_DIR / f"work-{os.getpid()}"
    work.mkdir(exist_ok=True)
    try:
        for name, data in (("stdlib.zip", stdlib_zip), ("checks.zip", checks_zip), ("empty.zip", empty_zip())):
            (work / name).write_bytes(data)
        result = subprocess.run(
            [node, str(script), str(pyodide_dir), str(work / "stdlib.zip"), str(work / "checks.zip"),
             str(work / "empty.zip"), settings, str(work / "snapshot.bin")],
            capture_output=True, text=True, timeout=300,
        )
        if result.returncode != 0:
            # The last lines say what failed (minified Pyodide lines are left out).
            lines = [line for line in (result.stderr or result.stdout).splitlines() if line.strip() and len(line) < 400]
            detail = lines[-12:]
            raise UserError(
                "le vérificateur ne démarre pas dans Pyodide (instantané mémoire impossible) :\n" + "\n".join(detail)
            )
        packed = pack_snapshot((work / "snapshot.bin").read_bytes(), (work / "snapshot.bin.base").read_bytes())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    temporary = cached.with_suffix(f".tmp{os.getpid()}")
    temporary.write_bytes(packed)
    temporary.replace(cached)
    for old in sorted(CACHE_DIR.glob("snapshot-*.bin"), key=lambda path: path.stat().st_mtime, reverse=True)[SNAPSHOTS_KEPT:]:
        old.unlink(missing_ok=True)
    return packed


def pack_snapshot(snapshot: bytes, fresh: bytes) -> bytes:
    """Pyodide's snapshot without the pages the browser has without downloading them.

    `snapshot` is what makeMemorySnapshot gives: a prefix (Pyodide's header and
    the state of its JavaScript side, `prefix` bytes, its second u32) then the
    whole memory. `fresh` is the memory of Pyodide's new instance just before
    it restores a snapshot: zero but for the wasm's data segments. A page of the
    memory is left out when it is all zero, or when it is as in `fresh` (the
    worker copies it from there); most of Pyodide's memory is one or the other.

    Layout (little-endian u32): magic `MDS2`, prefix length, memory length,
    page size, page count, checksum of the pages taken from `fresh` (`fnv1a32`
    of them in order, so that a worker whose fresh memory differs starts Python
    from scratch rather than from a wrong image); then two bits per page
    (PAGE_ZERO, PAGE_STORED, PAGE_AS_FRESH), the prefix, and the stored pages
    in order. worker.mjs undoes it.
    """
    prefix = int.from_bytes(snapshot[4:8], "little")
    memory = memoryview(snapshot)[prefix:]
    count = (len(memory) + SNAPSHOT_PAGE - 1) // SNAPSHOT_PAGE
    page_map = bytearray((count + 3) // 4)
    stored, as_fresh = io.BytesIO(), io.BytesIO()
    zero = bytes(SNAPSHOT_PAGE)
    for index in range(count):
        start, end = index * SNAPSHOT_PAGE, min((index + 1) * SNAPSHOT_PAGE, len(memory))
        page = memory[start:end]
        if page == zero[: end - start]:
            kind = PAGE_ZERO
        elif page == fresh[start:end]:
            kind = PAGE_AS_FRESH
            as_fresh.write(page)
        else:
            kind = PAGE_STORED
            stored.write(page)
        page_map[index // 4] |= kind << (2 * (index % 4))
    header = SNAPSHOT_MAGIC + b"".join(
        n.to_bytes(4, "little") for n in (prefix, len(memory), SNAPSHOT_PAGE, count, fnv1a32(as_fresh.getvalue()))
    )
    return header + bytes(page_map) + snapshot[:prefix] + stored.getvalue()


def snapshot_length(packed: bytes) -> int:
    """The length of the snapshot `packed` unpacks to (its prefix and memory)."""
    return sum(int.from_bytes(packed[offset:offset + 4], "little") for offset in (4, 8))


def fnv1a32(data: bytes) -> int:
    """FNV-1a over the little-endian u32 words of `data` (a multiple of 4 bytes), as worker.mjs computes it."""
    value = 0x811C9DC5
    for (word,) in struct.iter_unpack("<I", data):
        value = ((value ^ word) * 0x01000193) & 0xFFFFFFFF
    return value


def empty_zip() -> bytes:
    """A zip with nothing in it: the standard library of a restored snapshot, which needs none."""
    return _zip_bytes({})


def _snapshot_wanted() -> bool:
    # MODOP_CHECKER_SNAPSHOT=0 builds without it, to measure what it brings.
    return os.environ.get("MODOP_CHECKER_SNAPSHOT", "1") != "0"


def _filled_source(name: str, runtime: CheckerRuntime, lock_info: dict) -> str:
    """The widget's module `name` with its marker (FILLED) replaced."""
    template = (WIDGET_DIR / name).read_text(encoding="utf-8")
    marker = FILLED[name]
    if marker not in template:
        raise AssertionError(f"{name} has lost its {marker} marker")
    pyodide = "../pyodide/"
    config = {
        "pyodide": pyodide,
        "checks": runtime.checks_zip,
        "code_zip": CODE_ZIP_PATH,
        "stdlib": runtime.stdlib_zip,
        "snapshot": runtime.snapshot,
        "snapshot_length": runtime.snapshot_length,
        "env": PYTHON_ENV,
        # Pyodide only needs the lock file's header when no package is loaded from it.
        "lock": {"info": lock_info, "packages": {}},
    }
    return template.replace(marker, json.dumps(config, sort_keys=True))


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
