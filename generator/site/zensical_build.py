"""Building the generated project with Zensical (`modop build --engine zensical`), the
maintained successor of MkDocs and Material: it reads the same mkdocs.yml and Markdown.

Zensical has no option for the output folder, which must lie inside the project:
it builds into the project's `site/`, and the site is then moved where modop
publishes from. It runs in its own process: its warnings are written by its Rust
core straight to the error stream, in colour, with a Python traceback when strict
mode stops it. None of that reaches a user as it is: each warning becomes one line,
in French, naming the generated page, line and column, with Zensical's own words
after.

Its search interface adds a `<style>` element at run time (in a shadow root), which
the Content Security Policy allows by its hash: `search_style_hashes` finds that
style in the script Zensical wrote into the site.
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from generator.errors import UserError
from generator.outputs.content_policy import script_hash

NAME = "Zensical"

_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
# `Warning: page does not exist`, then `╭─[ ecole/licence/index.md:11:16 ]`, then the line quoted.
_WARNING = re.compile(r"^(?:Warning|Error): (?P<what>.+)$", re.M)
_PLACE = re.compile(r"╭─\[ (?P<place>[^\]]+?:\d+:\d+) \]")
_QUOTED_LINE = re.compile(r"^\s*\d+ │ (?P<text>.*)$", re.M)
_LAST_ERROR = re.compile(r"^(?P<error>[A-Za-z_.]*(?:Error|Exception): .+)$", re.M)

# The search interface's style: `appendChild(C("style",{},Tc.toString()))`, its text
# a string literal of the bundle (`var Tc='…'`).
_STYLE_ELEMENT = re.compile(r"""\(\s*["']style["']\s*,\s*\{\s*\}\s*,\s*(?P<name>[\w$]+)(?:\.toString\(\))?\s*\)""")
_BUNDLE = "assets/javascripts/bundle.*.min.js"


def run_zensical(config_file: Path, site_dir: Path) -> None:
    """Build the project of `config_file` with Zensical in strict mode (a warning, such
    as a broken link, fails the build) and put the site in `site_dir` (empty)."""
    if importlib.util.find_spec("zensical") is None:
        raise UserError(f"{NAME} n'est pas installé ici : ./dev.sh l'installe (requirements.lock), ou construisez avec --engine mkdocs")
    project = config_file.parent
    built = project / "site"  # the generated mkdocs.yml's site_dir
    try:
        result = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config_file)],
            cwd=project,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
    except OSError as error:
        raise UserError(f"impossible de lancer {NAME} : {error.strerror or error}") from None
    if result.returncode != 0 or not (built / "index.html").is_file():
        raise UserError(failure_message(result.stdout + "\n" + result.stderr))
    site_dir.rmdir()
    shutil.move(str(built), str(site_dir))  # a rename when both are on one disk


def failure_message(output: str) -> str:
    """What Zensical said when it stopped, in French first, its own words after."""
    text = _COLOUR.sub("", output)
    warnings = []
    found_all = list(_WARNING.finditer(text))
    for found, following in zip(found_all, [*found_all[1:], None]):
        block = text[found.end() : following.start() if following else len(text)]
        place = _PLACE.search(block)
        quoted = _QUOTED_LINE.search(block)
        where = f"{place.group('place')} : " if place else ""
        line = f" — dans « {quoted.group('text').strip()} »" if quoted else ""
        warnings.append(f"{where}avertissement de {NAME} « {found.group('what').strip()} »{line}")
    if warnings:
        count = len(warnings)
        return (
            f"{NAME} n'a pas pu construire le site : {count} avertissement{'s' if count > 1 else ''} "
            "en mode strict (corrigez la page indiquée dans le fichier YAML dont elle est générée)\n"
            + "\n".join(warnings)
        )
    error = _LAST_ERROR.findall(text)
    said = error[-1].strip() if error else (text.strip().splitlines() or ["aucun message"])[-1]
    return f"{NAME} n'a pas pu construire le site : {said}"


def search_style_hashes(site_dir: Path) -> set[str]:
    """The CSP sources (`'sha256-…'`) of the styles Zensical's scripts insert at run time."""
    hashes = set()
    for bundle in site_dir.glob(_BUNDLE):
        source = bundle.read_text(encoding="utf-8")
        for element in _STYLE_ELEMENT.finditer(source):
            literal = re.search(rf"""(?<![\w$]){re.escape(element.group('name'))}\s*=\s*(?P<q>['"`])""", source)
            if literal:
                hashes.add(script_hash(_string_literal(source, literal.end(), literal.group("q"))))
    if not hashes:
        raise UserError(
            f"le script de {NAME} écrit dans le site ({_BUNDLE}) n'a plus le style de sa recherche là où modop le cherche : "
            "la politique de sécurité (CSP) de ce site bloquerait la recherche. Installez la version de Zensical "
            "que fixe requirements.lock, ou construisez avec --engine mkdocs"
        )
    return hashes


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _string_literal(source: str, start: int, quote: str) -> str:
    """The value of the JavaScript string literal whose text starts at `start`
    (after its opening quote)."""
    value = []
    at = start
    while source[at] != quote:
        char = source[at]
        if char == "\\":
            escaped = source[at + 1]
            if escaped == "u" and source[at + 2] == "{":
                end = source.index("}", at)
                value.append(chr(int(source[at + 3 : end], 16)))
                at = end + 1
                continue
            if escaped in "ux":
                width = 4 if escaped == "u" else 2
                value.append(chr(int(source[at + 2 : at + 2 + width], 16)))
                at += 2 + width
                continue
            if escaped == "\n":  # a line continuation
                at += 2
                continue
            value.append(_ESCAPES.get(escaped, escaped))
            at += 2
            continue
        value.append(char)
        at += 1
    return "".join(value)
