"""generator/ is built in layers (generator/README.md): a module imports from its own
layer and the ones below it, never from one above, so that each change has one room."""
from __future__ import annotations

import ast
from pathlib import Path

from tests.support.paths import REPO

# Bottom to top; errors.py, paths.py and output_folder.py stand below them all, cli.py above them all.
LAYERS = ("source", "model", "render", "outputs", "site", "commands")
BASE = ("errors", "paths", "output_folder")
TOP = ("cli", "__main__")


def _rank(parts: tuple[str, ...]) -> int:
    """The height of generator.<parts…>: its layer's index, -1 for the base, the top for cli."""
    head = parts[0] if parts else "__init__"
    if head in LAYERS:
        return LAYERS.index(head)
    if head in BASE or head == "__init__":
        return -1
    assert head in TOP, f"generator/{head}: a new top-level module; find its layer (generator/README.md)"
    return len(LAYERS)


def _imports(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    """Each generator module the file imports (at the top or inside a function), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "generator":
            module = tuple(node.module.split(".")[1:])
            targets = [module + (alias.name,) if not module else module for alias in node.names]
        elif isinstance(node, ast.Import):
            targets = [tuple(a.name.split(".")[1:]) for a in node.names if a.name.split(".")[0] == "generator"]
        else:
            continue
        found += [(node.lineno, target) for target in targets]
    return found


def test_every_import_points_down_or_sideways():
    upward = []
    modules = sorted((REPO / "generator").rglob("*.py"))
    assert len(modules) > 20
    for path in modules:
        parts = path.relative_to(REPO / "generator").with_suffix("").parts
        for line, target in _imports(path):
            if _rank(target) > _rank(parts):
                upward.append(f"generator/{'/'.join(parts)}.py:{line} imports generator.{'.'.join(target)}")
    assert upward == [], "imports from a higher layer:\n" + "\n".join(upward)


def test_top_level_holds_only_the_entry_points_and_the_base():
    names = sorted(path.stem for path in (REPO / "generator").glob("*.py"))
    assert names == sorted(("__init__", *BASE, *TOP))
