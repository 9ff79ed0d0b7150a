"""What changed in an institution's procedures between two academic years.

Used by `modop diff INSTITUTION YEAR1 YEAR2` and by each procedure page's
"Ce qui change cette année" section. Amounts are compared as computed (the
national layer applied), dates and hours as written, steps by identifier."""
from __future__ import annotations

from dataclasses import dataclass

from checks.wording import fr

from generator.errors import UserError
from generator.model.catalog import Catalog, ProcedureRecord


@dataclass(frozen=True)
class Change:
    procedure: str  # full identifier
    text: str  # one French sentence

    def __str__(self) -> str:
        return f"{self.procedure} : {self.text}"


def _amounts(before, after) -> str:
    """`175 € → 178 €`; an unknown amount is `inconnu`."""
    return f"{fr.amount(before, 'change')} → {fr.amount(after, 'change')}"


def _boundary(value: str) -> str:
    return {"asap": "dès que possible", "unknown": "non précisé"}.get(value, value)


def _instalments(record: ProcedureRecord) -> str:
    """`en 1, 3 fois`, or `en un nombre de fois non précisé` where the notice does not say."""
    offers = record.compiled["payment"]["instalments"]
    if offers is None:
        return "en un nombre de fois non précisé"
    return f"en {', '.join(str(offer['count']) for offer in offers)} fois"


def _label(window: dict, index: int) -> str:
    return f"période « {window['label']} »" if window.get("label") else f"période n° {index + 1}"


def procedure_changes(old: ProcedureRecord, new: ProcedureRecord) -> list[str]:
    """The differences of one procedure between two years, as sentences."""
    changes: list[str] = []
    before, after = old.data, new.data
    if before["title"] != after["title"]:
        changes.append(f"titre : « {before['title']} » devient « {after['title']} »")
    changes += _window_changes(before["windows"], after["windows"])
    changes += _closure_changes(before.get("closures", []), after.get("closures", []))
    changes += _amount_changes(old.compiled, new.compiled)
    changes += _code_changes(old.compiled["fee"], new.compiled["fee"])
    if _instalments(old) != _instalments(new):
        changes.append(f"paiement {_instalments(old)} devient {_instalments(new)}")
    changes += _step_changes(before["steps"], after["steps"])
    old_contacts, new_contacts = set(before.get("contacts", [])), set(after.get("contacts", []))
    changes += [f"contact ajouté : {c}" for c in sorted(new_contacts - old_contacts)]
    changes += [f"contact retiré : {c}" for c in sorted(old_contacts - new_contacts)]
    return changes


def _window_changes(before, after) -> list[str]:
    if before == "unknown" or after == "unknown":
        if before != after:
            return ["périodes d'inscription : " + ("désormais précisées" if before == "unknown" else "plus précisées")]
        return []
    changes = []
    for index in range(max(len(before), len(after))):
        if index >= len(before):
            changes.append(f"nouvelle {_label(after[index], index)}")
            continue
        if index >= len(after):
            changes.append(f"{_label(before[index], index)} supprimée")
            continue
        old, new = before[index], after[index]
        name = _label(new, index)
        if old["label"] != new["label"]:
            changes.append(f"{_label(old, index)} renommée « {new['label']} »")
        old_dates = (old.get("when") or {}).get("date_acceptation", {})
        new_dates = (new.get("when") or {}).get("date_acceptation", {})
        for bound, word in (("from", "acceptation à partir du"), ("to", "acceptation jusqu'au")):
            if old_dates.get(bound) != new_dates.get(bound):
                changes.append(f"{name} : {word} {old_dates.get(bound, '—')} → {new_dates.get(bound, '—')}")
        for j in range(max(len(old["periods"]), len(new["periods"]))):
            if j >= len(old["periods"]) or j >= len(new["periods"]):
                changes.append(f"{name} : {'une plage ajoutée' if j >= len(old['periods']) else 'une plage retirée'}")
                continue
            for bound, word in (("start", "ouverture"), ("end", "fermeture")):
                a, b = old["periods"][j][bound], new["periods"][j][bound]
                if a != b:
                    changes.append(f"{name} : {word} {_boundary(a)} → {_boundary(b)}")
    return changes


def _closure_changes(before: list, after: list) -> list[str]:
    changes = []
    for index in range(max(len(before), len(after))):
        if index >= len(before):
            changes.append(f"nouvelle fermeture du {after[index]['from']} au {after[index]['to']}")
        elif index >= len(after):
            changes.append(f"fermeture du {before[index]['from']} au {before[index]['to']} supprimée")
        elif (before[index]["from"], before[index]["to"]) != (after[index]["from"], after[index]["to"]):
            changes.append(
                f"fermeture : du {before[index]['from']} au {before[index]['to']} → du {after[index]['from']} au {after[index]['to']}"
            )
    return changes


def _amount_changes(old: dict, new: dict) -> list[str]:
    changes = []
    if old["fee"] and new["fee"]:
        if old["fee"]["default"]["amount"] != new["fee"]["default"]["amount"]:
            changes.append(f"droits d'inscription : {_amounts(old['fee']['default']['amount'], new['fee']['default']['amount'])}")
        for index, (a, b) in enumerate(zip(old["fee"]["rules"], new["fee"]["rules"])):
            if a["amount"] != b["amount"]:
                changes.append(f"droits d'inscription, règle n° {index + 1} : {_amounts(a['amount'], b['amount'])}")
    elif bool(old["fee"]) != bool(new["fee"]):
        changes.append("droits d'inscription : " + ("ajoutés" if new["fee"] else "retirés"))
    if old["cvec"] and new["cvec"]:
        if old["cvec"]["amount"] != new["cvec"]["amount"]:
            changes.append(f"CVEC : {_amounts(old['cvec']['amount'], new['cvec']['amount'])}")
    elif bool(old["cvec"]) != bool(new["cvec"]):
        changes.append("CVEC : " + ("ajoutée" if new["cvec"] else "retirée"))
    return changes


def _code_changes(old_fee, new_fee) -> list[str]:
    if not old_fee or not new_fee:
        return []
    changes = []
    old_codes = {c["code"]: c["label"] for c in old_fee["categories"]}
    new_codes = {c["code"]: c["label"] for c in new_fee["categories"]}
    changes += [f"code ajouté : {c} {new_codes[c]}" for c in new_codes if c not in old_codes]
    changes += [f"code retiré : {c} {old_codes[c]}" for c in old_codes if c not in new_codes]
    if old_fee["allowed"] != new_fee["allowed"]:
        changes.append(f"codes autorisés : {', '.join(old_fee['allowed'])} → {', '.join(new_fee['allowed'])}")
    if old_fee["default"]["category"] != new_fee["default"]["category"]:
        changes.append(f"code à cocher par défaut : {old_fee['default']['category']} → {new_fee['default']['category']}")
    return changes


def _step_changes(before: list, after: list) -> list[str]:
    old = {s["id"]: s for s in before}
    new = {s["id"]: s for s in after}
    changes = [f"étape ajoutée : {s['title']}" for i, s in new.items() if i not in old]
    changes += [f"étape retirée : {s['title']}" for i, s in old.items() if i not in new]
    changes += [
        f"étape « {old[i]['title']} » renommée « {new[i]['title']} »"
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
            changes.append(Change(full_id, f"nouvelle procédure en {year2}"))
        elif new is None:
            changes.append(Change(full_id, f"procédure absente en {year2}"))
        else:
            changes += [Change(full_id, text) for text in procedure_changes(old, new)]
    return changes


def previous_year(catalog: Catalog, record: ProcedureRecord) -> ProcedureRecord | None:
    """The same procedure's record of the year before, if the catalog has one."""
    earlier = [r for r in catalog.procedures if r.full_id == record.full_id and r.academic_year < record.academic_year]
    return max(earlier, key=lambda r: r.academic_year) if earlier else None
