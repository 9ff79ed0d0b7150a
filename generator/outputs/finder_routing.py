"""assets/finder/: « Quelle procédure pour moi ? »'s script (site_templates/finder/) and
the routing it walks (render.finder_view), computed once at build time."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.paths import FINDER_DIR
from generator.render.finder_view import FOLDER, ROUTING, SCRIPT


def add_finder(docs_dir: Path, routing: dict, *, script: bool = True) -> None:
    """Write the script (unless `script` is false: a site of another language uses the
    French root's) and its routing (compact JSON) into docs_dir/assets/finder/."""
    folder = docs_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    if script:
        shutil.copyfile(FINDER_DIR / SCRIPT, folder / SCRIPT)
    (folder / ROUTING).write_text(json.dumps(routing, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
