"""`modop new-year INSTITUTION YYYY-YYYY`: next year's procedures as a draft.

The latest year's files are copied with their comments and layout; the edits
are made in the text at the place of each value, so staff recognise their
file. Dates move to the same weekday a year later and end with « à confirmer »
until someone checks them; national amounts come from the national layer;
every edit and every sentence that mentions a date goes into a checklist with
its file and line. The previous year's files are left as they were."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.model.catalog import Catalog, load_catalog
from generator.errors import DataErrors, UserError, display_path
from generator.source.types import TO_CONFIRM
from generator.source.yaml_source import read_yaml

YEAR = re.compile(r"(\d{4})-(\d{4})")
DATE_IN_TEXT = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b(?:19|20)\d{2}\b")


@dataclass
class ChecklistItem:
    file: str
    line: int
    col: int
    text: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.text}"


def shift_weeks(source_year: str, target_year: str) -> int:
    """Whole weeks between the two years: the same weekday, about n years later."""
    years = int(target_year[:4]) - int(source_year[:4])
    return round(years * 365.2425 / 7)


def _scalars(node, path=()):
    """Every scalar node of a tree with its path (keys and list indexes)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, path + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from _scalars(value, path + (index,))
    else:
        yield path, node


def _is_date_path(path: tuple) -> bool:
    if len(path) >= 2 and path[-2] == "date_acceptation":
        return True
    if len(path) == 5 and path[0] == "windows" and path[2] == "periods" and path[4] in ("start", "end"):
        return True
    return len(path) == 3 and path[0] == "closures" and path[2] in ("from", "to")


def _shift_value(text: str, weeks: int) -> str | None:
    """The date or instant moved by whole weeks, or None for asap/unknown."""
    text = text.removesuffix(TO_CONFIRM).strip()
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(.*)", text)
    if not match:
        return None
    moved = dt.date.fromisoformat(match.group(1)) + dt.timedelta(weeks=weeks)
    return moved.isoformat() + match.group(2)


class _Draft:
    """The edits of one procedure file and the checklist they give."""

    def __init__(self, text: str, shown: str):
        self.text = text
        self.shown = shown
        self.edits: list[tuple[int, int, str]] = []
        self.checklist: list[ChecklistItem] = []

    def replace(self, node, value: str, note: str) -> None:
        quote = {"'": "'", '"': '"'}.get(node.style, "")
        self.edits.append((node.start_mark.index, node.end_mark.index, f"{quote}{value}{quote}"))
        self.note(node, note)

    def note(self, node, text: str) -> None:
        self.checklist.append(ChecklistItem(self.shown, node.start_mark.line + 1, node.start_mark.column + 1, text))

    def result(self, header: str) -> str:
        text = self.text
        for start, end, value in sorted(self.edits, reverse=True):
            text = text[:start] + value + text[end:]
        return header + text


def _national_amount_text(value: float | None) -> str:
    if value is None:
        return "unknown"
    return str(int(value)) if float(value).is_integer() else str(value)


def _draft_procedure(catalog: Catalog, record, target: str, weeks: int, shown: str) -> _Draft:
    text = record.path.read_text(encoding="utf-8")
    node, errors = read_yaml(record.path, shown)
    if errors:  # the catalog was valid a moment ago: the file changed meanwhile
        raise DataErrors(errors)
    draft = _Draft(text, shown)
    source_year = record.academic_year
    national = catalog.national
    level = record.data["level"]
    old_fee = national["fees"]["amount"].get(level, {}).get(source_year)
    new_fee = national["fees"]["amount"].get(level, {}).get(target)
    old_cvec = national["cvec"]["amount"].get(source_year)
    new_cvec = national["cvec"]["amount"].get(target)

    for path, scalar in _scalars(node):
        value = scalar.value
        if path == ("academic_year",):
            draft.replace(scalar, target, f"année universitaire : {target} (était {source_year})")
        elif _is_date_path(path):
            moved = _shift_value(value, weeks)
            if moved is not None:
                draft.replace(scalar, moved + TO_CONFIRM, f"date à confirmer : {moved} (était {value.removesuffix(TO_CONFIRM)}, même jour de la semaine)")
        elif path == ("cvec", "amount") and value not in ("national", "unknown"):
            amount = _national_amount_text(new_cvec)
            where = f"montant national {target}" if new_cvec is not None else f"le montant national {target} n'est pas encore connu : complétez national.yaml"
            draft.replace(scalar, amount, f"CVEC : {amount} (était {value} ; {where})")
        elif path[:1] == ("fee",) and path[-1] == "amount" and value not in ("national", "unknown", "0"):
            if old_fee is not None and float(value) == float(old_fee):
                amount = _national_amount_text(new_fee)
                draft.replace(scalar, amount, f"droits d'inscription : {amount} (était {value}, barème national {target})")
            else:
                draft.note(scalar, f"montant {value} € propre à l'établissement : à confirmer pour {target}")
        elif path == ("source", "date") and value != "unknown":
            draft.note(scalar, "date de la notice : mettez celle de la nouvelle notice")
        elif isinstance(value, str) and DATE_IN_TEXT.search(value) and not YEAR.fullmatch(value):
            found = ", ".join(dict.fromkeys(m.group(0) for m in DATE_IN_TEXT.finditer(value)))
            draft.note(scalar, f"le texte mentionne {found} : relisez-le pour {target}")
    if old_cvec is not None and new_cvec is None:
        draft.checklist.append(ChecklistItem(shown, 1, 1, f"CVEC {target} inconnue dans national.yaml : ajoutez-la"))
    return draft


def _copy_screenshots(record, staging: Path) -> None:
    """The pictures a procedure shows stand beside it: the draft needs them too."""
    for step in record.data["steps"]:
        for shot in step.get("screenshots", []):
            destination = staging / shot["src"]
            if not destination.exists():
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(record.path.parent / shot["src"], destination)


def new_year(root: Path, institution_id: str, target: str) -> list[ChecklistItem]:
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

    checklist: list[ChecklistItem] = []
    staging = Path(tempfile.mkdtemp(prefix=f".{target}-", dir=folder.parent))
    try:
        for record in records:
            weeks = shift_weeks(record.academic_year, target)
            destination = folder / record.path.name
            shown = display_path(destination, catalog.root)
            draft = _draft_procedure(catalog, record, target, weeks, shown)
            header = (
                f"# Brouillon {target} écrit par « modop new-year » à partir de {record.academic_year}.\n"
                "# Vérifiez chaque date marquée « à confirmer » puis effacez ces deux mots.\n"
            )
            (staging / record.path.name).write_text(draft.result(header), encoding="utf-8")
            _copy_screenshots(record, staging)
            offset = header.count("\n")
            checklist += [ChecklistItem(i.file, i.line + offset, i.col, i.text) for i in draft.checklist]
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
