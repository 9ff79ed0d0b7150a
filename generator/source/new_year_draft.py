"""The text edits of `modop new-year`: one procedure file rewritten as next year's draft.

The file keeps its comments and layout; the edits are made in the text at the
place of each value, so staff recognise their file. Dates move to the same
weekday a year later and end with « à confirmer » until someone checks them;
national amounts come from the national layer; every edit and every sentence
that mentions a date goes into a checklist with its file and line.
(`commands.new_year` chooses the files and writes the drafts.)"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import yaml

from generator.errors import DataErrors, PlacedMessage
from generator.source.types import TO_CONFIRM
from generator.source.yaml_source import read_yaml

YEAR = re.compile(r"(\d{4})-(\d{4})")
DATE_IN_TEXT = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b(?:19|20)\d{2}\b")


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
        self.checklist: list[PlacedMessage] = []

    def replace(self, node, value: str, note: str) -> None:
        quote = {"'": "'", '"': '"'}.get(node.style, "")
        self.edits.append((node.start_mark.index, node.end_mark.index, f"{quote}{value}{quote}"))
        self.note(node, note)

    def note(self, node, text: str) -> None:
        self.checklist.append(PlacedMessage(self.shown, node.start_mark.line + 1, node.start_mark.column + 1, text))

    def result(self, header: str) -> str:
        text = self.text
        for start, end, value in sorted(self.edits, reverse=True):
            text = text[:start] + value + text[end:]
        return header + text


def _national_amount_text(value: float | None) -> str:
    if value is None:
        return "unknown"
    return str(int(value)) if float(value).is_integer() else str(value)


def draft_procedure(path: Path, shown: str, source_year: str, level: str, target: str, national: dict) -> tuple[str, list[PlacedMessage]]:
    """The draft of `target` for the procedure file at `path` (checked, of `source_year`),
    and its checklist, lines counted in the draft; `shown` is the draft's file as shown."""
    text = path.read_text(encoding="utf-8")
    node, errors = read_yaml(path, shown)
    if errors:  # the catalog was valid a moment ago: the file changed meanwhile
        raise DataErrors(errors)
    draft = _Draft(text, shown)
    weeks = shift_weeks(source_year, target)
    old_fee = national["fees"]["amount"].get(level, {}).get(source_year)
    new_fee = national["fees"]["amount"].get(level, {}).get(target)
    old_cvec = national["cvec"]["amount"].get(source_year)
    new_cvec = national["cvec"]["amount"].get(target)

    for key_path, scalar in _scalars(node):
        value = scalar.value
        if key_path == ("academic_year",):
            draft.replace(scalar, target, f"année universitaire : {target} (était {source_year})")
        elif _is_date_path(key_path):
            moved = _shift_value(value, weeks)
            if moved is not None:
                draft.replace(scalar, moved + TO_CONFIRM, f"date à confirmer : {moved} (était {value.removesuffix(TO_CONFIRM)}, même jour de la semaine)")
        elif key_path == ("cvec", "amount") and value not in ("national", "unknown"):
            amount = _national_amount_text(new_cvec)
            where = f"montant national {target}" if new_cvec is not None else f"le montant national {target} n'est pas encore connu : complétez national.yaml"
            draft.replace(scalar, amount, f"CVEC : {amount} (était {value} ; {where})")
        elif key_path[:1] == ("fee",) and key_path[-1] == "amount" and value not in ("national", "unknown", "0"):
            if old_fee is not None and float(value) == float(old_fee):
                amount = _national_amount_text(new_fee)
                draft.replace(scalar, amount, f"droits d'inscription : {amount} (était {value}, barème national {target})")
            else:
                draft.note(scalar, f"montant {value} € propre à l'établissement : à confirmer pour {target}")
        elif key_path == ("source", "date") and value != "unknown":
            draft.note(scalar, "date de la notice : mettez celle de la nouvelle notice")
        elif isinstance(value, str) and DATE_IN_TEXT.search(value) and not YEAR.fullmatch(value):
            found = ", ".join(dict.fromkeys(m.group(0) for m in DATE_IN_TEXT.finditer(value)))
            draft.note(scalar, f"le texte mentionne {found} : relisez-le pour {target}")
    if old_cvec is not None and new_cvec is None:
        draft.checklist.append(PlacedMessage(shown, 1, 1, f"CVEC {target} inconnue dans national.yaml : ajoutez-la"))
    header = (
        f"# Brouillon {target} écrit par « modop new-year » à partir de {source_year}.\n"
        "# Vérifiez chaque date marquée « à confirmer » puis effacez ces deux mots.\n"
    )
    offset = header.count("\n")
    return draft.result(header), [replace(item, line=item.line + offset) for item in draft.checklist]
