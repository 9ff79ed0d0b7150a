"""Reading one YAML file into a node tree that remembers lines and columns.

PyYAML's composer keeps a mark on every node; we stop there (no construction)
so that the schema reads the text of each scalar itself and every error can
name its place. Anchors and aliases are refused in the data: staff files do
not need them, and refusing them makes an alias bomb harmless (mkdocs.yml,
MkDocs's file, may keep its own).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from generator.errors import DataError

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 40


# libyaml's C parser, when PyYAML has it, reads ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Refused(Exception):
    def __init__(self, mark, message: str):
        self.mark = mark
        self.message = message


def _screen_events(text: str, aliases: bool) -> None:
    """Refuse aliases and anchors (unless `aliases`) and deep nesting before building any node."""
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if not aliases and isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, "les alias YAML (*nom) ne sont pas acceptés : recopiez la valeur")
        if not aliases and getattr(event, "anchor", None):
            raise _Refused(event.start_mark, "les ancres YAML (&nom) ne sont pas acceptées : recopiez la valeur")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux)")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def position(node) -> tuple[int, int]:
    """1-based line and column of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_yaml(path: Path, shown: str, *, aliases: bool = False) -> tuple[yaml.Node | None, list[DataError]]:
    """The root node of the file, or the errors that prevent reading it.
    `aliases` lets anchors and aliases through (for a file that is not staff data)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [DataError(shown, 1, 1, f"fichier trop gros ({size} octets, {MAX_FILE_BYTES} au plus) : est-ce bien une procédure ?")]
        raw = path.read_bytes()
    except OSError as error:
        return None, [DataError(shown, 1, 1, f"impossible de lire le fichier : {error.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [DataError(shown, line, col, "caractère qui n'est pas de l'UTF-8 : enregistrez le fichier en UTF-8")]
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return None, [DataError(shown, 1, 1, "fichier vide : ajoutez son contenu ou supprimez-le")]
    try:
        _screen_events(text, aliases)
        node = yaml.compose(text, Loader=_LOADER)
    except _Refused as refused:
        line, col = refused.mark.line + 1, refused.mark.column + 1
        return None, [DataError(shown, line, col, refused.message)]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_error(shown, error, text)]
    except yaml.reader.ReaderError as error:  # a control character YAML does not allow
        before = text[: getattr(error, "position", 0)]
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        return None, [DataError(shown, line, col, f"caractère de contrôle interdit (code {error.character:#x}) : supprimez-le")]
    except yaml.YAMLError as error:  # errors without a mark
        return None, [DataError(shown, 1, 1, f"YAML illisible : {error}")]
    if node is None:
        return None, [DataError(shown, 1, 1, "fichier vide : ajoutez son contenu ou supprimez-le")]
    return node, []


def _syntax_error(shown: str, error: yaml.MarkedYAMLError, text: str) -> DataError:
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "syntaxe incorrecte"
    if "\t" in problem or "tab" in problem:
        message = "tabulation interdite en YAML : indentez avec des espaces"
    elif 0 < line <= len(text.splitlines()) and "\t" in text.splitlines()[line - 1]:
        message = "tabulation interdite en YAML : indentez avec des espaces"
    else:
        said = next((french for english, french in _YAML_PROBLEMS if english in problem), None)
        message = f"syntaxe YAML incorrecte{f' ({said})' if said else ''} : vérifiez l'indentation, les deux-points et les guillemets"
    return DataError(shown, line, col, message)


# PyYAML's problems (English), said in French; one not listed is not quoted.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "deux-points inattendu"),
    ("could not find expected ':'", "deux-points manquant"),
    ("did not find expected key", "clé attendue à cet endroit"),
    ("did not find expected node content", "valeur attendue à cet endroit"),
    ("did not find expected '-' indicator", "tiret de liste attendu"),
    ("found character that cannot start any token", "caractère qui ne peut pas commencer une valeur"),
    ("found unexpected end of stream", "fin du fichier avant la fin d'une valeur"),
    ("found unknown escape character", "séquence d'échappement inconnue entre guillemets"),
    ("expected ',' or ']'", "virgule ou ] attendu"),
    ("expected ',' or '}'", "virgule ou } attendu"),
    ("found undefined alias", "alias (*nom) sans ancre (&nom)"),
    ("expected alphabetic or numeric character", "nom d'ancre ou d'alias attendu"),
    ("expected <block end>", "indentation incohérente"),
    ("expected a comment or a line break", "texte inattendu après une valeur"),
)
