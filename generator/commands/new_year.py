"""`modop new-year INSTITUTION YYYY-YYYY`: next year's procedures of an institution, as a draft.

The latest year's files are rewritten by `source.new_year_draft` into a new
folder `<institution>/<year>/`, written whole or not at all, and checked
again; the previous year's files are left as they were. The checklist of
what to verify is printed, file by file."""
from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from generator.errors import DataErrors, PlacedMessage, UserError, display_path
from generator.model.catalog import load_catalog
from generator.output_folder import check_writable
from generator.source.new_year_draft import draft_procedure
from generator.source.types import academic_year_problem


def add_command(commands) -> None:
    parser = commands.add_parser("new-year", help="prépare l'année suivante d'un établissement, en brouillon")
    parser.add_argument("institution", metavar="ÉTABLISSEMENT", help="identifiant de l'établissement, par exemple amu-iut")
    parser.add_argument("year", metavar="ANNÉE", help="nouvelle année universitaire, par exemple 2025-2026")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    checklist = new_year(args.root, args.institution, args.year)
    print(f"Brouillon {args.year} écrit pour {args.institution}. À vérifier, fichier par fichier :")
    for item in checklist:
        print(f"  {item}")
    print("Effacez « à confirmer » de chaque date vérifiée ; « modop validate » liste celles qui restent.")
    return 0


def new_year(root: Path, institution_id: str, target: str) -> list[PlacedMessage]:
    """Write the draft of `target` for one institution; return the checklist."""
    problem = academic_year_problem(target)
    if problem:
        raise UserError(f"année « {target} » : {problem}")
    catalog = load_catalog(root)
    if institution_id not in catalog.institutions:
        raise UserError(f"établissement inconnu « {institution_id} » ; établissements : {', '.join(catalog.institutions)}")
    records = [r for r in catalog.latest() if r.institution_id == institution_id]
    if any(r.academic_year >= target for r in records):
        raise UserError(f"{institution_id} a déjà des procédures {target} ou plus récentes : rien n'a été écrit")
    folder = catalog.root / "procedures" / institution_id / target
    if folder.exists():
        raise UserError(f"le dossier {display_path(folder, catalog.root)} existe déjà : rien n'a été écrit")
    check_writable(folder.parent, f"brouillon {display_path(folder, catalog.root)}")

    checklist: list[PlacedMessage] = []
    staging = Path(tempfile.mkdtemp(prefix=f".{target}-", dir=folder.parent))
    try:
        for record in records:
            shown = display_path(folder / record.path.name, catalog.root)
            text, items = draft_procedure(
                record.path, shown, record.academic_year, record.data["level"], target, catalog.national
            )
            (staging / record.path.name).write_text(text, encoding="utf-8")
            _copy_screenshots(record, staging)
            checklist += items
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        load_catalog(root)
    except DataErrors:
        shutil.rmtree(folder)
        raise
    return checklist


def _copy_screenshots(record, staging: Path) -> None:
    """The pictures a procedure shows stand beside it: the draft needs them too."""
    for step in record.data["steps"]:
        for shot in step.get("screenshots", []):
            destination = staging / shot["src"]
            if not destination.exists():
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(record.path.parent / shot["src"], destination)
