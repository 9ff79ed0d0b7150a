"""A folder a command is about to write into (build --out, schema --out, new-year's
draft), checked before any work starts: a folder where nothing can be written is
said in one line, and the work is not begun."""
from __future__ import annotations

import tempfile
from pathlib import Path

from generator.errors import UserError, system_reason


def check_writable(folder: Path, what: str) -> None:
    """UserError, naming `what` (`--out /proc/x`), unless this process can create
    entries in `folder` (created, with its parents, if missing).

    The nearest folder that exists is tried for real, with a temporary folder
    made and removed at once: permissions, read-only disks and /proc alike."""
    tried = folder
    try:
        if folder.exists() and not folder.is_dir():
            raise UserError(f"{what} : {folder} existe et n'est pas un dossier : choisissez un dossier")
        tried = next(parent for parent in (folder, *folder.parents) if parent.exists())
        if not tried.is_dir():
            raise UserError(f"{what} : {tried} n'est pas un dossier : choisissez un dossier")
        tempfile.TemporaryDirectory(prefix=".modop-", dir=tried).cleanup()
    except OSError as error:
        raise UserError(
            f"{what} : impossible d'écrire dans {tried} ({system_reason(error)}) : choisissez un dossier où vous pouvez écrire"
        ) from None
