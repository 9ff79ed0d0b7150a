"""Broken copies of a data file, drawn by Hypothesis: a few lines dropped, swapped,
cut short, or given a value or a line of noise."""
from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

NOISE = st.sampled_from(["", "x", "- ", ":", "  ", "\t", "[", "{", "'", '"', "unknown", "2024-13-45", "-1", "true", "é", "<script>"])


@st.composite
def yaml_mutations(draw, base: Path, files: list[Path]):
    """(relative path, text): one of `files` (relative to `base`) with one to four lines changed."""
    relative = draw(st.sampled_from(files))
    lines = (base / relative).read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "value", "insert", "swap", "truncate"]))
        if action == "drop":
            del lines[index]
        elif action == "value" and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {draw(NOISE)}{draw(st.text(max_size=8))}"
        elif action == "insert":
            lines.insert(index, draw(NOISE) + draw(st.text(max_size=12)))
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        else:
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
    return relative, "\n".join(lines) + "\n"
