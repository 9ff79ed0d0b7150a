"""The two kinds of error a user may see: a mistake in the data, with its
place, and a plain one-line problem (unknown procedure, bad option); and the
place-and-message shape they share with warnings and new-year's checklist."""
from __future__ import annotations

import errno
import unicodedata
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class PlacedMessage:
    """A sentence about one place of a file, printed as `path:line:col: message`
    (an item of new-year's checklist, a warning, an error)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class DataError(PlacedMessage):
    """One mistake in a data file (or, from `model.plausibility`, a warning about one)."""


class DataErrors(Exception):
    """All the mistakes found in the data, reported together."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


class UserError(Exception):
    """A problem the user can fix, said in one line (no traceback)."""


def display_path(path: Path, root: Path) -> str:
    """The path as the user typed it: relative to the root when inside it."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


# What the system said, in French (its own words are the C library's, in English).
_SYSTEM_REASONS = {
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EDQUOT: "quota de disque dépassé",
    errno.ENOENT: "introuvable",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EISDIR: "c'est un dossier",
    errno.EEXIST: "existe déjà",
    errno.ENAMETOOLONG: "nom trop long",
    errno.ELOOP: "trop de liens symboliques",
    errno.EBUSY: "ressource occupée",
    errno.EIO: "erreur d'entrée-sortie du disque",
    errno.EMFILE: "trop de fichiers ouverts",
    errno.EADDRINUSE: "adresse déjà utilisée par un autre programme",
    errno.EADDRNOTAVAIL: "adresse absente de cette machine",
}


def system_reason(error: OSError) -> str:
    """Why the system refused, in French: `permission refusée`, `plus de place sur le disque`…"""
    return _SYSTEM_REASONS.get(error.errno, f"erreur du système n° {error.errno}" if error.errno else "erreur du système")


def one_line(text: str) -> str:
    """A message as the one line it is meant to be in a terminal: the characters a
    typed or read value may hold that would break or hide it (a newline, a
    carriage return, an escape) written as escapes, `\\r`."""
    return "".join(
        repr(char)[1:-1] if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") else char
        for char in text
    )
