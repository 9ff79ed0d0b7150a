"""data/<institution>/<procedure>.json: each procedure's compiled form, as the page's checker
fetches and evaluates it (the latest academic year of each procedure)."""
from __future__ import annotations

import json
from pathlib import Path

FOLDER = "data"


def write_procedure_data(docs_dir: Path, catalog) -> None:
    """One compact JSON file per procedure, under docs_dir/data/."""
    for record in catalog.latest():
        path = docs_dir / FOLDER / f"{record.full_id}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record.compiled, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
