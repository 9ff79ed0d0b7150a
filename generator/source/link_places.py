"""Where a data file writes a Markdown link: the line and column of its target.

The pages show the data's texts (bodies, notes, summaries) as Markdown; a link
that does not resolve is found in a page (`render.link_check`) and said here at
its place in the YAML, whatever field and scalar style hold it."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.source.yaml_source import read_yaml


class LinkPlaces:
    """The links of the data files, each file read once."""

    def __init__(self):
        self._files: dict[Path, tuple[str, list[yaml.ScalarNode]]] = {}

    def places(self, path: Path, target: str) -> list[tuple[int, int]]:
        """(line, col) of each `](target` written in a text of the file: the target's first
        character, or the text's own start where the file spells it otherwise (an escape
        of a quoted string)."""
        raw, scalars = self._read(path)
        link = re.compile(r"\]\(\s*<?(" + re.escape(target) + r")(?=[\s>)])")
        found = []
        for scalar in scalars:
            written = [m.start(1) for m in link.finditer(raw, scalar.start_mark.index, scalar.end_mark.index)]
            for at in written:
                found.append((raw.count("\n", 0, at) + 1, at - (raw.rfind("\n", 0, at) + 1) + 1))
            if not written and link.search(scalar.value):
                found.append((scalar.start_mark.line + 1, scalar.start_mark.column + 1))
        return found

    def _read(self, path: Path) -> tuple[str, list[yaml.ScalarNode]]:
        if path not in self._files:
            node, errors = read_yaml(path, str(path))
            raw = path.read_text(encoding="utf-8") if not errors else ""
            self._files[path] = (raw, list(_scalars(node)) if node is not None else [])
        return self._files[path]


def _scalars(node):
    """Every scalar node of a node tree."""
    if isinstance(node, yaml.MappingNode):
        for _key, value in node.value:
            yield from _scalars(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item)
    else:
        yield node
