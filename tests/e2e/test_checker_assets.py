"""What generator/outputs/checker_runtime.py puts in the docs tree (no browser needed)."""
from __future__ import annotations

import gzip
import io
import json
import posixpath
import random
import re
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.outputs import checker_runtime as browser_assets
from generator.errors import UserError
from generator.render.checker_view import has_checker
from tests.support.paths import REPO

MAX_MODULE_LINES = 300
# The modules a page's <script type="module" src> names, and what a module
# imports: `import … from "x"`, `export … from "x"`, `import "x"`, `import("x")`.
MODULE_SCRIPT = re.compile(r'<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"')
MODULE_PRELOAD = re.compile(r'<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"')
IMPORT = re.compile(
    r"""^\s*(?:import|export)\s+[\w$*\s{},]*?\bfrom\s*(["'])(?P<from>.+?)\1"""
    r"""|^\s*import\s*(["'])(?P<bare>.+?)\3"""
    r"""|\bimport\(\s*(["'])(?P<dynamic>.+?)\5\s*\)""",
    re.MULTILINE,
)


def unpack_snapshot(packed: bytes, fresh: bytes) -> bytes:
    """worker.mjs's unpackSnapshot and fillFrom, in Python: the snapshot Pyodide restores."""
    assert packed[:4] == b"MDS2"
    prefix, total, page_size, count, checksum = (int.from_bytes(packed[i:i + 4], "little") for i in range(4, 24, 4))
    kinds = packed[24:24 + (count + 3) // 4]
    offset = 24 + len(kinds)
    snapshot = bytearray(packed[offset:offset + prefix] + bytes(total))
    offset += prefix
    taken = []
    for page in range(count):
        kind = (kinds[page // 4] >> (2 * (page % 4))) & 3
        start, end = page * page_size, min((page + 1) * page_size, total)
        if kind == browser_assets.PAGE_STORED:
            snapshot[prefix + start:prefix + end] = packed[offset:offset + end - start]
            offset += end - start
        elif kind == browser_assets.PAGE_AS_FRESH:
            snapshot[prefix + start:prefix + end] = fresh[start:end]
            taken.append(fresh[start:end])
        else:
            assert kind == browser_assets.PAGE_ZERO
    assert offset == len(packed)
    assert browser_assets.fnv1a32(b"".join(taken)) == checksum
    return bytes(snapshot)


def test_snapshot_packing_leaves_out_zero_and_fresh_pages_and_round_trips():
    rng = random.Random(4)
    page = browser_assets.SNAPSHOT_PAGE
    fresh_pages = [rng.randbytes(page) if rng.random() < 0.3 else bytes(page) for _ in range(40)]
    pages = [rng.choice([bytes(page), fresh, rng.randbytes(page)]) for fresh in fresh_pages]
    fresh = b"".join(fresh_pages)
    memory = b"".join(pages) + rng.randbytes(100)  # a last, partial page
    prefix = (48).to_bytes(4, "little") * 2 + rng.randbytes(40)  # Pyodide's: its length is the second u32
    packed = browser_assets.pack_snapshot(prefix + memory, fresh)
    assert unpack_snapshot(packed, fresh) == prefix + memory
    assert browser_assets.snapshot_length(packed) == len(prefix + memory)
    stored = sum(1 for kept, fresh_page in zip(pages, fresh_pages) if kept not in (bytes(page), fresh_page))
    assert len(packed) < len(prefix) + (stored + 1) * page + 200


def test_fnv1a32_is_the_reference_function():
    assert browser_assets.fnv1a32(b"") == 0x811C9DC5
    word = (0x61).to_bytes(4, "little")
    assert browser_assets.fnv1a32(word) == ((0x811C9DC5 ^ 0x61) * 0x01000193) & 0xFFFFFFFF


def test_missing_pyodide_says_to_run_npm_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(browser_assets, "PROJECT_DIR", tmp_path)
    with pytest.raises(UserError, match="npm ci"):
        browser_assets.find_pyodide()


def test_wrong_pyodide_version_says_to_run_npm_ci(monkeypatch, tmp_path):
    package = tmp_path / "node_modules" / "pyodide"
    package.mkdir(parents=True)
    (package / "package.json").write_text('{"version": "0.1.0"}')
    monkeypatch.setattr(browser_assets, "PROJECT_DIR", tmp_path)
    with pytest.raises(UserError, match="314.0.7.*npm ci"):
        browser_assets.find_pyodide()


def test_pyodide_is_pinned_with_its_integrity_hash():
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"]["node_modules/pyodide"]
    assert entry["version"] == browser_assets.PYODIDE_VERSION
    assert entry["integrity"].startswith("sha512-")
    assert json.loads((REPO / "package.json").read_text())["dependencies"]["pyodide"] == browser_assets.PYODIDE_VERSION


def test_checks_zip_is_the_engine_and_the_bridge_reproducibly():
    packed = browser_assets.pack_checks()
    names = zipfile.ZipFile(io.BytesIO(packed)).namelist()
    assert {"checks/__init__.py", "checks/worker_bridge.py", "checks/wording/__init__.py", "checks/wording/fr.py"} <= set(names)
    assert all(name.startswith("checks/") for name in names)
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    assert browser_assets.pack_checks() == packed


def test_has_checker_only_for_procedures_with_something_to_compute():
    assert not has_checker({"fee": None, "cvec": None, "windows": None})
    assert has_checker({"fee": None, "cvec": {"amount": 103}, "windows": None})


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    browser_assets.find_pyodide()  # a UserError here means: run npm ci
    compiled = {"id": "exemple/une", "fee": None, "cvec": None, "windows": None, "questions": []}
    catalog = SimpleNamespace(latest=lambda: [SimpleNamespace(full_id="exemple/une", compiled=compiled)])
    docs = tmp_path_factory.mktemp("docs")
    runtime = browser_assets.add_checker_assets(docs, catalog)
    return docs, runtime, compiled


def test_assets_hold_pyodide_the_widget_and_the_data(docs):
    docs, runtime, compiled = docs
    for name in browser_assets.PYODIDE_FILES:
        assert (docs / "assets" / "pyodide" / name).is_file()
    for name in ("checker.mjs", "checker.css", "worker.mjs", runtime.checks_zip, runtime.stdlib_zip):
        assert (docs / "assets" / "checker" / name).is_file()
    assert json.loads((docs / "data" / "exemple" / "une.json").read_text(encoding="utf-8")) == compiled


def test_every_module_and_stylesheet_of_the_widget_is_shipped(docs):
    docs, _, _ = docs
    shipped = docs / "assets" / "checker"
    sources = [path for pattern in ("*.mjs", "*.css") for path in (REPO / "site_templates" / "checker").glob(pattern)]
    assert {"checker.mjs", "worker.mjs", "checker.css", "print.css"} <= {path.name for path in sources}
    for source in sources:
        assert (shipped / source.name).is_file(), source.name
    assert not (shipped / "make_snapshot.mjs").exists()  # run at build time, never shipped


def test_worker_knows_its_files_by_relative_url(docs):
    docs, runtime, _ = docs
    worker = (docs / "assets" / "checker" / "worker.mjs").read_text(encoding="utf-8")
    assert browser_assets.RUNTIME_MARKER not in worker
    config = json.loads(worker.split("const RUNTIME = ", 1)[1].split(";\n", 1)[0])
    assert config["pyodide"] == "../pyodide/"
    assert config["checks"] == runtime.checks_zip and config["stdlib"] == runtime.stdlib_zip
    assert config["snapshot"] == runtime.snapshot and config["snapshot_length"] == runtime.snapshot_length
    assert config["env"] == browser_assets.PYTHON_ENV and config["code_zip"] == browser_assets.CODE_ZIP_PATH
    assert "://" not in json.dumps(config)


def test_snapshot_is_made_when_node_is_there(docs):
    docs, runtime, _ = docs
    if browser_assets.shutil.which("node") is None:
        pytest.skip("no Node.js: the site is built without the memory snapshot")
    packed = (docs / "assets" / "checker" / runtime.snapshot).read_bytes()
    assert packed[:4] == browser_assets.SNAPSHOT_MAGIC
    assert browser_assets.snapshot_length(packed) == runtime.snapshot_length > 10_000_000  # Pyodide's whole memory
    # Zero pages and the wasm's data segments left out, freed memory zeroed: well under half of it is shipped.
    assert len(packed) < runtime.snapshot_length * 0.4


def test_bridge_answers_as_the_engine_in_cpython():
    import checks
    from checks import worker_bridge

    procedure = json.loads(json.dumps(_small_procedure()))
    reply = json.loads(worker_bridge.answer("x", json.dumps(procedure), '{"boursier": "true"}', "2024-07-10T10:00"))
    assert reply["ok"]
    expected = checks.evaluate(procedure, {"boursier": "true"}, checks.parse_instant("2024-07-10T10:00"))
    assert reply["json"] == json.dumps(expected, ensure_ascii=False, indent=2)
    assert reply["view"]["fee"]["headline"]
    again = json.loads(worker_bridge.answer("x", None, '{"regime": "inconnu"}', ""))
    assert not again["ok"] and "regime" in again["error"]


def _small_procedure() -> dict:
    return {
        "id": "exemple/une", "institution": {"id": "exemple", "name": "Exemple"}, "title": "Une",
        "academic_year": "2024-2025", "academic_year_stated": True, "source": "la notice",
        "unsure": {"text": "", "contact": "la scolarité"}, "steps": [{"id": "a", "title": "A", "when": {}}],
        "fee": {"categories": [], "allowed": [], "rules": [], "national_exemptions": [
            {"when": {"boursier": True}, "reason": "Boursier.", "source": "loi"}],
            "default": {"amount": 175.0, "category": None, "category_unknown": False, "reason": "National.", "source": "loi"}},
        "cvec": {"amount": 103.0, "source": "loi", "rules": [], "not_subject": [], "exempt": []},
        "windows": None, "closures": [],
        "payment": {"instalments": [{"count": 1, "label": None, "min_amount": None}], "later_instalments_day": None},
        "questions": ["boursier"],
    }


def imports_of(source: str) -> list[str]:
    return [match["from"] or match["bare"] or match["dynamic"] for match in IMPORT.finditer(source)]


def module_graph(site: Path, entry: str) -> dict[str, list[str]]:
    """The entry and every module it imports, transitively: path in the site -> the
    paths it imports. Fails on an import that is not relative or not in the site."""
    graph: dict[str, list[str]] = {}
    todo = [entry]
    while todo:
        path = todo.pop()
        if path in graph:
            continue
        assert (site / path).is_file(), f"{path} is imported but not in the built site"
        graph[path] = []
        for specifier in imports_of((site / path).read_text(encoding="utf-8")):
            # Relative: the site works under a sub-path, and the CSP (script-src 'self') allows it.
            assert specifier.startswith(("./", "../")), f"{path} imports {specifier!r}: not a relative address"
            imported = posixpath.normpath(posixpath.join(posixpath.dirname(path), specifier))
            graph[path].append(imported)
            todo.append(imported)
    return graph


def test_the_import_pattern_finds_every_form():
    source = '''import { a, b as c } from "./one.mjs";
import * as all from './two.mjs';
import {
  d,
} from "./three.mjs";
import "./four.mjs"; // imported for its side effects
export { e } from "./five.mjs";
const later = await import("./six.mjs");
// import nothing from "./comment.mjs" (not at the start of a line)
export function f() { return "from './seven.mjs'"; }
'''
    assert imports_of(source) == [f"./{name}.mjs" for name in ("one", "two", "three", "four", "five", "six")]


def test_every_module_the_checker_imports_is_shipped_and_asked_for_at_once(site_dir):
    page = "amu-iut/but1/index.html"
    html = (site_dir / page).read_text(encoding="utf-8")

    def in_page(hrefs: list[str]) -> list[str]:
        return [posixpath.normpath(posixpath.join(posixpath.dirname(page), href)) for href in hrefs]

    entries = in_page(MODULE_SCRIPT.findall(html))
    assert entries == ["assets/checker/checker.mjs"]
    graph = module_graph(site_dir, entries[0])
    assert len(graph) > 1, "the entry imports the widget's modules"
    for path in graph:
        twin = site_dir / f"{path}.gz"
        assert twin.is_file() and gzip.decompress(twin.read_bytes()) == (site_dir / path).read_bytes(), path
    # The entry names every module itself: the browser asks for them all in one
    # round of requests once it is parsed, not one level of imports after another.
    assert set(graph) - {entries[0]} == set(graph[entries[0]])
    # And the page asks for them with itself (form.html's modulepreload links).
    assert sorted(in_page(MODULE_PRELOAD.findall(html))) == sorted(set(graph) - {entries[0]})


def test_no_checker_module_is_over_300_lines(site_dir):
    modules = sorted((site_dir / "assets" / "checker").glob("*.mjs"))
    assert len(modules) > 2
    lengths = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in modules}
    assert {name: lines for name, lines in lengths.items() if lines > MAX_MODULE_LINES} == {}
