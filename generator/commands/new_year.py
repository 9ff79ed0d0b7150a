"""`modop new-year INSTITUTION YYYY-YYYY`: next year's procedures of an institution, as a draft.

The latest year's files are rewritten by `source.new_year_draft` into a new
folder `<institution>/<year>/`, each one `draft: true` (the site keeps the
current year until staff publish it), and the dates of institution.yaml move
too; all is written whole or not at all, and checked again. The previous
year's files are left as they were. The checklist of what to verify is
printed, file by file."""
from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from generator.errors import PlacedMessage, UserError, display_path
from generator.model.catalog import load_catalog
from generator.source.new_year_draft import YEAR, draft_institution, draft_procedure


def add_command(commands) -> None:
    parser = commands.add_parser("new-year", help="prépare l'année suivante d'un établissement, en brouillon")
    parser.add_argument("institution", help="identifiant de l'établissement, par exemple amu-iut")
    parser.add_argument("year", help="nouvelle année universitaire, par exemple 2025-2026")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    checklist = new_year(args.root, args.institution, args.year)
    print(f"Brouillon {args.year} écrit pour {args.institution}. À vérifier, fichier par fichier :")
    for item in checklist:
        print(f"  {item}")
    print("Effacez « à confirmer » de chaque date vérifiée ; « modop validate » liste celles qui restent.")
    print(
        f"Le brouillon n'est pas publié : « modop build » garde l'année précédente sur le site tant que chaque "
        f"fichier de {args.institution}/{args.year}/ commence par « draft: true » (« modop serve » le montre). "
        "Quand tout est vérifié, effacez cette ligne pour publier."
    )
    if any(item.path.endswith("institution.yaml") and item.message.startswith("date à confirmer") for item in checklist):
        print(
            f"institution.yaml est commun à toutes les années : ses dates déplacées sont publiées, « à confirmer », "
            "dès le prochain build."
        )
    return 0


def new_year(root: Path, institution_id: str, target: str) -> list[PlacedMessage]:
    """Write the draft of `target` for one institution; return the checklist."""
    match = YEAR.fullmatch(target)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise UserError(f"année « {target} » : écrivez l'année universitaire sous la forme AAAA-AAAA, par exemple 2025-2026")
    catalog = load_catalog(root)
    if institution_id not in catalog.institutions:
        raise UserError(f"établissement inconnu « {institution_id} » ; établissements : {', '.join(catalog.institutions)}")
    records = [r for r in catalog.latest() if r.institution_id == institution_id]
    if any(r.academic_year >= target for r in records):
        raise UserError(f"{institution_id} a déjà des procédures {target} ou plus récentes : rien n'a été écrit")
    folder = catalog.root / "procedures" / institution_id / target
    if folder.exists():
        raise UserError(f"le dossier {display_path(folder, catalog.root)} existe déjà : rien n'a été écrit")
    source_year = max(r.academic_year for r in records)
    institution_file = folder.parent / "institution.yaml"
    institution_before = institution_file.read_text(encoding="utf-8")
    institution_after, checklist = draft_institution(
        institution_file, display_path(institution_file, catalog.root), source_year, target, catalog.national
    )

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
        if institution_after is not None:
            _replace_text(institution_file, institution_after)
        load_catalog(root)
    except BaseException:
        shutil.rmtree(folder)
        _replace_text(institution_file, institution_before)
        raise
    return checklist


def _replace_text(path: Path, text: str) -> None:
    """The file's new text, in place at once (a rename on the same disk)."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _copy_screenshots(record, staging: Path) -> None:
    """The pictures a procedure shows stand beside it: the draft needs them too."""
    for step in record.data["steps"]:
        for shot in step.get("screenshots", []):
            destination = staging / shot["src"]
            if not destination.exists():
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(record.path.parent / shot["src"], destination)
