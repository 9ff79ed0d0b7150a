"""What changed in an institution's procedures between two academic years.

Used by `modop diff INSTITUTION YEAR1 YEAR2` and by each procedure page's
"Ce qui change cette année" section (its sentences, `CHANGES`, in the page's
language: `checks.wording`). Amounts are compared as computed (the national
layer applied), dates and hours as written, steps by identifier."""
from __future__ import annotations

from dataclasses import dataclass

from checks.wording import wording

from generator.errors import UserError
from generator.model.catalog import Catalog, ProcedureRecord


@dataclass(frozen=True)
class Change:
    procedure: str  # full identifier
    text: str  # one sentence, in the catalog's language

    def __str__(self) -> str:
        return f"{self.procedure} : {self.text}"


def _amounts(before, after, w) -> str:
    """`175 € → 178 €`; an unknown amount is `inconnu` (in `w`'s words)."""
    return f"{w.amount(before, 'change')} → {w.amount(after, 'change')}"


def _boundary(value: str, w) -> str:
    return w.CHANGES[value] if value in ("asap", "unknown") else value


def _instalments(record: ProcedureRecord, w) -> str:
    """`en 1, 3 fois`, or `en un nombre de fois non précisé` where the notice does not say."""
    offers = record.compiled["payment"]["instalments"]
    if offers is None:
        return w.CHANGES["instalments_unknown"]
    return w.CHANGES["instalments"].format(counts=", ".join(str(offer["count"]) for offer in offers))


def _label(window: dict, index: int, w) -> str:
    if window.get("label"):
        return w.CHANGES["window_named"].format(label=window["label"])
    return w.CHANGES["window_numbered"].format(number=index + 1)


def procedure_changes(old: ProcedureRecord, new: ProcedureRecord, lang: str = "fr") -> list[str]:
    """The differences of one procedure between two years, as sentences in `lang`."""
    w = wording(lang)
    said = w.CHANGES
    changes: list[str] = []
    before, after = old.data, new.data
    if before["title"] != after["title"]:
        changes.append(said["title"].format(old=before["title"], new=after["title"]))
    changes += _window_changes(before["windows"], after["windows"], w)
    changes += _closure_changes(before.get("closures", []), after.get("closures", []), w)
    changes += _amount_changes(old.compiled, new.compiled, w)
    changes += _code_changes(old.compiled["fee"], new.compiled["fee"], w)
    if _instalments(old, w) != _instalments(new, w):
        changes.append(said["payment"].format(old=_instalments(old, w), new=_instalments(new, w)))
    changes += _step_changes(before["steps"], after["steps"], w)
    old_contacts, new_contacts = set(before.get("contacts", [])), set(after.get("contacts", []))
    changes += [said["contact_added"].format(contact=c) for c in sorted(new_contacts - old_contacts)]
    changes += [said["contact_removed"].format(contact=c) for c in sorted(old_contacts - new_contacts)]
    return changes


def _window_changes(before, after, w) -> list[str]:
    said = w.CHANGES
    if before == "unknown" or after == "unknown":
        if before != after:
            return [said["windows_stated" if before == "unknown" else "windows_unstated"]]
        return []
    changes = []
    for index in range(max(len(before), len(after))):
        if index >= len(before):
            changes.append(said["window_added"].format(window=_label(after[index], index, w)))
            continue
        if index >= len(after):
            changes.append(said["window_removed"].format(window=_label(before[index], index, w)))
            continue
        old, new = before[index], after[index]
        name = _label(new, index, w)
        if old["label"] != new["label"]:
            changes.append(said["window_renamed"].format(window=_label(old, index, w), label=new["label"]))
        old_dates = (old.get("when") or {}).get("date_acceptation", {})
        new_dates = (new.get("when") or {}).get("date_acceptation", {})
        for bound, key in (("from", "accepted_from"), ("to", "accepted_to")):
            if old_dates.get(bound) != new_dates.get(bound):
                changes.append(said[key].format(window=name, old=old_dates.get(bound, "—"), new=new_dates.get(bound, "—")))
        for j in range(max(len(old["periods"]), len(new["periods"]))):
            if j >= len(old["periods"]) or j >= len(new["periods"]):
                changes.append(said["range_added" if j >= len(old["periods"]) else "range_removed"].format(window=name))
                continue
            for bound, key in (("start", "opening"), ("end", "closing")):
                a, b = old["periods"][j][bound], new["periods"][j][bound]
                if a != b:
                    changes.append(said[key].format(window=name, old=_boundary(a, w), new=_boundary(b, w)))
    return changes


def _closure_changes(before: list, after: list, w) -> list[str]:
    said = w.CHANGES
    changes = []
    for index in range(max(len(before), len(after))):
        if index >= len(before):
            changes.append(said["closure_added"].format(start=after[index]["from"], end=after[index]["to"]))
        elif index >= len(after):
            changes.append(said["closure_removed"].format(start=before[index]["from"], end=before[index]["to"]))
        elif (before[index]["from"], before[index]["to"]) != (after[index]["from"], after[index]["to"]):
            changes.append(said["closure_moved"].format(
                old_start=before[index]["from"], old_end=before[index]["to"],
                new_start=after[index]["from"], new_end=after[index]["to"],
            ))
    return changes


def _amount_changes(old: dict, new: dict, w) -> list[str]:
    said = w.CHANGES
    changes = []
    if old["fee"] and new["fee"]:
        if old["fee"]["default"]["amount"] != new["fee"]["default"]["amount"]:
            changes.append(said["fee"].format(amounts=_amounts(old["fee"]["default"]["amount"], new["fee"]["default"]["amount"], w)))
        for index, (a, b) in enumerate(zip(old["fee"]["rules"], new["fee"]["rules"])):
            if a["amount"] != b["amount"]:
                changes.append(said["fee_rule"].format(number=index + 1, amounts=_amounts(a["amount"], b["amount"], w)))
    elif bool(old["fee"]) != bool(new["fee"]):
        changes.append(said["fee_added" if new["fee"] else "fee_removed"])
    if old["cvec"] and new["cvec"]:
        if old["cvec"]["amount"] != new["cvec"]["amount"]:
            changes.append(said["cvec"].format(amounts=_amounts(old["cvec"]["amount"], new["cvec"]["amount"], w)))
    elif bool(old["cvec"]) != bool(new["cvec"]):
        changes.append(said["cvec_added" if new["cvec"] else "cvec_removed"])
    return changes


def _code_changes(old_fee, new_fee, w) -> list[str]:
    said = w.CHANGES
    if not old_fee or not new_fee:
        return []
    changes = []
    old_codes = {c["code"]: c["label"] for c in old_fee["categories"]}
    new_codes = {c["code"]: c["label"] for c in new_fee["categories"]}
    changes += [said["code_added"].format(code=c, label=new_codes[c]) for c in new_codes if c not in old_codes]
    changes += [said["code_removed"].format(code=c, label=old_codes[c]) for c in old_codes if c not in new_codes]
    if old_fee["allowed"] != new_fee["allowed"]:
        changes.append(said["codes_allowed"].format(old=", ".join(old_fee["allowed"]), new=", ".join(new_fee["allowed"])))
    if old_fee["default"]["category"] != new_fee["default"]["category"]:
        changes.append(said["code_default"].format(old=old_fee["default"]["category"], new=new_fee["default"]["category"]))
    return changes


def _step_changes(before: list, after: list, w) -> list[str]:
    said = w.CHANGES
    old = {s["id"]: s for s in before}
    new = {s["id"]: s for s in after}
    changes = [said["step_added"].format(title=s["title"]) for i, s in new.items() if i not in old]
    changes += [said["step_removed"].format(title=s["title"]) for i, s in old.items() if i not in new]
    changes += [
        said["step_renamed"].format(old=old[i]["title"], new=new[i]["title"])
        for i in new
        if i in old and old[i]["title"] != new[i]["title"]
    ]
    return changes


def institution_changes(catalog: Catalog, institution_id: str, year1: str, year2: str) -> list[Change]:
    """Every change between two years of one institution, procedure by procedure."""
    if institution_id not in catalog.institutions:
        raise UserError(f"établissement inconnu « {institution_id} » ; établissements : {', '.join(catalog.institutions)}")
    by_year = {
        year: {r.full_id: r for r in catalog.procedures if r.institution_id == institution_id and r.academic_year == year}
        for year in (year1, year2)
    }
    for year, records in by_year.items():
        if not records:
            years = sorted({r.academic_year for r in catalog.procedures if r.institution_id == institution_id})
            raise UserError(f"{institution_id} n'a pas de procédure {year} ; années disponibles : {', '.join(years)}")
    changes = []
    for full_id in sorted(by_year[year1].keys() | by_year[year2].keys()):
        old, new = by_year[year1].get(full_id), by_year[year2].get(full_id)
        if old is None:
            changes.append(Change(full_id, wording(catalog.lang).CHANGES["new_procedure"].format(year=year2)))
        elif new is None:
            changes.append(Change(full_id, wording(catalog.lang).CHANGES["missing_procedure"].format(year=year2)))
        else:
            changes += [Change(full_id, text) for text in procedure_changes(old, new, catalog.lang)]
    return changes


def previous_year(catalog: Catalog, record: ProcedureRecord) -> ProcedureRecord | None:
    """The same procedure's record of the year before, if the catalog has one."""
    earlier = [r for r in catalog.procedures if r.full_id == record.full_id and r.academic_year < record.academic_year]
    return max(earlier, key=lambda r: r.academic_year) if earlier else None
