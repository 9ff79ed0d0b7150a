"""The text edits of `modop new-year`: a procedure file rewritten as next year's draft,
and its institution's dates moved to the new year.

The files keep their comments and layout; the edits are made in the text at
the place of each value, so staff recognise their file. Dates move to the same
weekday a year later and end with « à confirmer » until someone checks them;
national amounts come from the national layer; a draft starts with
`draft: true`, so that the site keeps the current year until staff publish it.
Every edit, every sentence that mentions a date and every amount a text
writes that the new data no longer has go into a checklist with its file and
line. (`commands.new_year` chooses the files and writes the drafts.)"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from checks.wording import fr

from generator.errors import DataErrors, PlacedMessage
from generator.source.types import TO_CONFIRM
from generator.source.yaml_source import read_yaml

YEAR = re.compile(r"(\d{4})-(\d{4})")
DATE_IN_TEXT = re.compile(
    r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}(?:er)?\s+(?:" + "|".join(fr.MONTHS) + r")\b|\b(?:19|20)\d{2}\b",
    re.I,
)
# `103 €`, `**103 €**`, `1 000 euros`, `601,00 €`: an amount as staff type it in a text.
AMOUNT_IN_TEXT = re.compile(
    r"(?<![\d,.])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[,.](\d{1,2}))?(?:\*{1,2}|[ \u00a0\u202f])*(?:€|euros?\b)"
)
# Written above `draft: true` in each new file.
DRAFT_LINES = (
    "# Brouillon non publié : tant que la ligne « draft: true » reste, build garde l'année précédente\n"
    "# sur le site (serve montre ce brouillon). Quand tout est vérifié, effacez-la pour publier.\n"
    "draft: true\n"
)


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


def _is_phone_period_path(path: tuple) -> bool:
    return len(path) == 6 and path[0] == "contacts" and path[2] == "phones" and path[4] == "period"


def _shift_value(text: str, weeks: int) -> str | None:
    """The date or instant moved by whole weeks, or None for asap/unknown."""
    text = text.removesuffix(TO_CONFIRM).strip()
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(.*)", text)
    if not match:
        return None
    moved = dt.date.fromisoformat(match.group(1)) + dt.timedelta(weeks=weeks)
    return moved.isoformat() + match.group(2)


@dataclass
class _Amounts:
    """What an amount written in a text may be: an old figure that changes (its words and
    its new value, None when not known yet), or one the new data still has."""

    changed: dict[float, tuple[str, float | None]] = field(default_factory=dict)
    kept: set[float] = field(default_factory=set)

    def figure(self, what: str, old: float | None, new: float | None) -> None:
        if old is None:
            return
        if new is not None and float(new) == float(old):
            self.kept.add(float(old))
        else:
            self.changed.setdefault(float(old), (what, new))
        if new is not None:
            self.kept.add(float(new))


class _Draft:
    """The edits of one file and the checklist they give."""

    def __init__(self, text: str, shown: str, source_year: str, target: str, amounts: _Amounts):
        self.text = text
        self.shown = shown
        self.source_year = source_year
        self.target = target
        self.amounts = amounts
        self.edits: list[tuple[int, int, str]] = []
        self.checklist: list[PlacedMessage] = []

    def replace(self, node, value: str, note: str) -> None:
        quote = {"'": "'", '"': '"'}.get(node.style, "")
        self.edits.append((node.start_mark.index, node.end_mark.index, f"{quote}{value}{quote}"))
        self.note(node, note)

    def note(self, node, text: str, written: str | None = None) -> None:
        """A checklist item at the node, or where `written` stands in it (a block's line)."""
        at = self.text.find(written, node.start_mark.index, node.end_mark.index) if written else -1
        if at < 0:
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
        else:
            line, col = self.text.count("\n", 0, at) + 1, at - (self.text.rfind("\n", 0, at) + 1) + 1
        self.checklist.append(PlacedMessage(self.shown, line, col, text))

    def shift_date(self, node, weeks: int) -> None:
        moved = _shift_value(node.value, weeks)
        if moved is not None:
            was = node.value.removesuffix(TO_CONFIRM)
            self.replace(node, moved + TO_CONFIRM, f"date à confirmer : {moved} (était {was}, même jour de la semaine)")

    def read_text(self, node) -> None:
        """A sentence of the data: the dates it mentions (never moved), the amounts it
        writes that the new year's data does not have."""
        value = node.value
        if DATE_IN_TEXT.search(value) and not YEAR.fullmatch(value):
            mentions = list(dict.fromkeys(m.group(0) for m in DATE_IN_TEXT.finditer(value)))
            self.note(node, f"le texte mentionne {', '.join(mentions)} : relisez-le pour {self.target}", mentions[0])
        for match in AMOUNT_IN_TEXT.finditer(value):
            number = float(re.sub(r"[ \u00a0\u202f]", "", match.group(1)) + "." + (match.group(2) or "0"))
            if number == 0 or (number in self.amounts.kept and number not in self.amounts.changed):
                continue
            said = fr.amount(number)
            if number in self.amounts.changed:
                what, new = self.amounts.changed[number]
                if new is None:
                    why = f"c'est {what} de {self.source_year}, dont le montant {self.target} n'est pas encore dans national.yaml : complétez-le, puis corrigez le texte"
                else:
                    why = f"c'est {what} de {self.source_year}, qui passe à {fr.amount(new)} en {self.target} : corrigez le texte"
            else:
                why = f"aucun montant des données ne vaut {said} : vérifiez-le pour {self.target}"
            self.note(node, f"le texte mentionne {said} : {why}", match.group(0))

    def result(self) -> str:
        text = self.text
        for start, end, value in sorted(self.edits, reverse=True):
            text = text[:start] + value + text[end:]
        return text


def _national_amount_text(value: float | None) -> str:
    if value is None:
        return "unknown"
    return str(int(value)) if float(value).is_integer() else str(value)


def _read(path: Path, shown: str):
    node, errors = read_yaml(path, shown)
    if errors:  # the catalog was valid a moment ago: the file changed meanwhile
        raise DataErrors(errors)
    return node


def _own_amounts(node) -> set[float]:
    """The amounts a procedure states itself (not `national`): new-year leaves them as they are."""
    found = set()
    for key_path, scalar in _scalars(node):
        if key_path and key_path[-1] in ("amount", "min_amount"):
            try:
                found.add(float(scalar.value))
            except ValueError:
                continue
    return found


def draft_procedure(path: Path, shown: str, source_year: str, level: str, target: str, national: dict) -> tuple[str, list[PlacedMessage]]:
    """The draft of `target` for the procedure file at `path` (checked, of `source_year`),
    and its checklist, lines counted in the draft; `shown` is the draft's file as shown."""
    node = _read(path, shown)
    old_fee = national["fees"]["amount"].get(level, {}).get(source_year)
    new_fee = national["fees"]["amount"].get(level, {}).get(target)
    old_cvec = national["cvec"]["amount"].get(source_year)
    new_cvec = national["cvec"]["amount"].get(target)
    amounts = _Amounts(kept=_own_amounts(node))
    amounts.figure("la CVEC", old_cvec, new_cvec)
    amounts.figure(f"le droit national de {level}", old_fee, new_fee)
    draft = _Draft(path.read_text(encoding="utf-8"), shown, source_year, target, amounts)
    weeks = shift_weeks(source_year, target)

    for key_path, scalar in _scalars(node):
        value = scalar.value
        if key_path == ("academic_year",):
            draft.replace(scalar, target, f"année universitaire : {target} (était {source_year})")
        elif key_path == ("draft",):
            draft.edits.append((scalar.start_mark.index, scalar.end_mark.index, "true"))
        elif _is_date_path(key_path):
            draft.shift_date(scalar, weeks)
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
        elif isinstance(value, str) and scalar.tag.endswith(":str"):
            draft.read_text(scalar)
    if old_cvec is not None and new_cvec is None:
        draft.checklist.append(PlacedMessage(shown, 1, 1, f"CVEC {target} inconnue dans national.yaml : ajoutez-la"))

    header = (
        f"# Brouillon {target} écrit par « modop new-year » à partir de {source_year}.\n"
        "# Vérifiez chaque date marquée « à confirmer » puis effacez ces deux mots.\n"
    )
    # `draft: true` before the first key (after the file's own opening comments), unless it has one.
    inserted_at = None
    if not any(key.value == "draft" for key, _ in node.value):
        first_key = node.value[0][0].start_mark
        inserted_at = first_key.line + 1
        draft.edits.append((first_key.index - first_key.column, first_key.index - first_key.column, DRAFT_LINES))
    offset, extra = header.count("\n"), DRAFT_LINES.count("\n")
    checklist = [
        replace(item, line=item.line + offset + (extra if inserted_at is not None and item.line >= inserted_at else 0))
        for item in draft.checklist
    ]
    return header + draft.result(), checklist


def draft_institution(path: Path, shown: str, source_year: str, target: str, national: dict) -> tuple[str | None, list[PlacedMessage]]:
    """institution.yaml with its phone lines' dates moved to `target` and marked « à confirmer »
    (None when nothing moves), and its checklist: those dates, and the texts to reread.

    The file is shared by every year: a date already in the new year's season (from
    January of its first year on), or still « à confirmer », stays where it is."""
    node = _read(path, shown)
    amounts = _Amounts()
    amounts.figure("la CVEC", national["cvec"]["amount"].get(source_year), national["cvec"]["amount"].get(target))
    for level, per_year in national["fees"]["amount"].items():
        amounts.figure(f"le droit national de {level}", per_year.get(source_year), per_year.get(target))
    draft = _Draft(path.read_text(encoding="utf-8"), shown, source_year, target, amounts)
    season = dt.date(int(target[:4]), 1, 1)
    weeks = shift_weeks(source_year, target)
    for key_path, scalar in _scalars(node):
        if _is_phone_period_path(key_path):
            value = scalar.value
            if not value.endswith(TO_CONFIRM) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and dt.date.fromisoformat(value) < season:
                draft.shift_date(scalar, weeks)
        elif isinstance(scalar.value, str) and scalar.tag.endswith(":str"):
            draft.read_text(scalar)
    return (draft.result() if draft.edits else None), draft.checklist
