"""What the schema alone cannot see, checked across values and files: the portals and
contacts a procedure names exist in its institution.yaml (or, for portals, in the
national layer), its fee codes are declared, its dates are in order, its screenshots
stand beside it, no identifier is used twice; and, as warnings, a file whose year
folder or name says something else than its data."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.errors import DataError
from generator.source.discovery import RESERVED_PROCEDURE_IDS, screenshot_file
from generator.source.schema import DIFFERENTIATED_LEVELS
from generator.source.types import Context, paris_instant

YEAR_FOLDER = re.compile(r"\d{4}-\d{4}")


def duplicate_errors(procedures) -> list[DataError]:
    """The same identifier twice for one institution and year; `procedures` holds (path, data, ctx, institution_id)."""
    errors = []
    seen: dict[tuple, Context] = {}
    for _path, data, ctx, institution_id in procedures:
        key = (institution_id, data["id"], data["academic_year"])
        if key in seen:
            line, col = ctx.positions.get(("id",), (1, 1))
            errors.append(
                DataError(
                    ctx.file,
                    line,
                    col,
                    f"identifiant « {data['id']} » déjà utilisé pour {data['academic_year']} par {seen[key].file} : choisissez-en un autre",
                )
            )
        else:
            seen[key] = ctx
    return errors


def naming_warnings(path: Path, data: dict, ctx: Context, institution_folder: Path) -> list[DataError]:
    """A file whose place says another year, or whose name another page, than its data:
    staff look for it under the wrong folder or name (the site goes by the data)."""
    found = Context(ctx.file, positions=ctx.positions)
    institution_id, year = institution_folder.name, data["academic_year"]
    where = path.parent.relative_to(institution_folder).parts
    if not where or not YEAR_FOLDER.fullmatch(where[0]):
        found.error_at(("academic_year",), f"le fichier n'est pas dans un dossier d'année : rangez-le dans procedures/{institution_id}/{year}/")
    elif where[0] != year:
        found.error_at(
            ("academic_year",),
            f"academic_year {year} dans le dossier {where[0]} : déplacez le fichier dans procedures/{institution_id}/{year}/ ou corrigez academic_year",
        )
    if path.stem != data["id"]:
        found.error_at(
            ("id",),
            f"l'identifiant « {data['id']} » diffère du nom du fichier {path.name} ; la page est publiée à l'adresse "
            f"{institution_id}/{data['id']}/ : renommez le fichier {data['id']}{path.suffix} ou changez l'identifiant",
        )
    return found.errors


def reference_errors(path: Path, data: dict, ctx: Context, institution: dict) -> list[DataError]:
    """What the schema alone cannot see: references, order of dates, codes.

    `institution["portals"]` holds the national portals too (the catalog merges them)."""
    found = Context(ctx.file, positions=ctx.positions)
    institution_file = f"procedures/{institution['id']}/institution.yaml"

    if data["id"] in RESERVED_PROCEDURE_IDS:
        found.error_at(("id",), f"l'identifiant « {data['id']} » est réservé à la page de l'établissement : choisissez-en un autre")


    def check_portals(refs, where):
        for i, ref in enumerate(refs or []):
            if ref not in institution["portals"]:
                known = ", ".join(institution["portals"]) or "aucun"
                found.error_at(where + (i,), f"portail inconnu « {ref} » (portails déclarés : {known}) : ajoutez-le dans {institution_file} ou corrigez le nom")

    for i, step in enumerate(data.get("prerequisites", [])):
        check_portals(step.get("portals"), ("prerequisites", i, "portals"))
    step_ids: dict[str, int] = {}
    document_ids: set[str] = set()
    for i, step in enumerate(data["steps"]):
        for j, document in enumerate(step.get("documents", [])):
            if document["id"] in document_ids:
                found.error_at(("steps", i, "documents", j, "id"), f"pièce « {document['id']} » en double dans la procédure : donnez-lui un autre id")
            document_ids.add(document["id"])
        check_portals(step.get("portals"), ("steps", i, "portals"))
        if step["id"] in step_ids:
            found.error_at(("steps", i, "id"), f"étape « {step['id']} » en double (déjà l'étape n° {step_ids[step['id']] + 1}) : donnez-lui un autre id")
        step_ids.setdefault(step["id"], i)
        for j, shot in enumerate(step.get("screenshots", [])):
            picture = screenshot_file(path, shot["src"])
            if picture is None:
                found.error_at(
                    ("steps", i, "screenshots", j, "src"),
                    f"l'image « {shot['src']} » sort du dossier de la procédure : placez-la dans ce dossier "
                    "(ou un de ses sous-dossiers) et écrivez son chemin depuis celui-ci, par exemple images/capture.png",
                )
            elif not picture.is_file():
                found.error_at(("steps", i, "screenshots", j, "src"), f"image introuvable « {shot['src']} » : placez-la à côté du fichier de la procédure")

    contacts = institution["contacts"]
    for i, ref in enumerate(data.get("contacts", [])):
        if ref not in contacts:
            found.error_at(("contacts", i), f"contact inconnu « {ref} » (contacts déclarés : {', '.join(contacts)}) : ajoutez-le dans {institution_file}")
    unsure = data.get("unsure")
    if unsure and unsure["contact"] not in contacts:
        found.error_at(("unsure", "contact"), f"contact inconnu « {unsure['contact']} » (contacts déclarés : {', '.join(contacts)})")

    fee = data.get("fee")
    if fee:
        _check_fee_codes(fee, found)
        _check_differentiated(fee, data["level"], found)

    windows = data["windows"]
    if windows != "unknown":
        for i, window in enumerate(windows):
            for j, period in enumerate(window["periods"]):
                _check_order(found, period["start"], period["end"], ("windows", i, "periods", j, "end"), "la période")
    for i, closure in enumerate(data.get("closures", [])):
        _check_order(found, closure["from"], closure["to"], ("closures", i, "to"), "la fermeture")
        _check_closure_contact(closure, contacts, ("closures", i), found)
    return found.errors


def _check_closure_contact(closure: dict, contacts: dict, where: tuple, found: Context) -> None:
    """An office's closure names the contact it closes; the portal's names none."""
    contact = closure.get("contact")
    if closure.get("kind", "portal") == "office":
        if contact is None:
            found.error_at(where + ("kind",), "fermeture « office » sans contact : ajoutez contact: <identifiant du contact fermé>")
        elif contact not in contacts:
            found.error_at(where + ("contact",), f"contact inconnu « {contact} » (contacts déclarés : {', '.join(contacts)})")
    elif contact is not None:
        found.error_at(
            where + ("contact",),
            "une fermeture du portail ne nomme pas de contact : écrivez kind: office si c'est ce contact qui est fermé",
        )


def _check_differentiated(fee: dict, level: str, found: Context) -> None:
    """`amount: differentiated` names the national table 2, of the levels it covers."""
    outcomes = [(("fee", "rules", i, "amount"), r) for i, r in enumerate(fee.get("rules", []))]
    outcomes.append((("fee", "default", "amount"), fee["default"]))
    for where, outcome in outcomes:
        if outcome["amount"] == "differentiated" and level not in DIFFERENTIATED_LEVELS:
            found.error_at(
                where,
                f"« differentiated » : les droits différenciés ne concernent que {', '.join(DIFFERENTIATED_LEVELS)}, "
                f"pas le niveau {level} : écrivez le montant de la notice, ou unknown",
            )


def _check_fee_codes(fee: dict, found: Context) -> None:
    codes = [c["code"] for c in fee.get("categories", [])]
    allowed = fee.get("allowed", codes)
    for i, code in enumerate(fee.get("allowed", [])):
        if code not in codes:
            found.error_at(("fee", "allowed", i), f"code de frais inconnu « {code} » : il n'est pas dans fee.categories ({', '.join(codes) or 'vide'})")
    outcomes = [(("fee", "rules", i, "category"), r) for i, r in enumerate(fee.get("rules", []))]
    outcomes.append((("fee", "default", "category"), fee["default"]))
    for where, outcome in outcomes:
        code = outcome.get("category")
        if code is None or code == "unknown":
            continue
        if code not in codes:
            found.error_at(where, f"code de frais inconnu « {code} » : il n'est pas dans fee.categories ({', '.join(codes) or 'vide'})")
        elif code not in allowed:
            found.error_at(where, f"le code « {code} » n'est pas autorisé pour cette procédure (fee.allowed : {', '.join(allowed)})")


def _check_order(found: Context, start: str, end: str, where: tuple, what: str) -> None:
    if start in ("asap", "unknown") or end in ("asap", "unknown"):
        return
    start_at = dt.datetime.fromisoformat(paris_instant(start)[0])
    end_at = dt.datetime.fromisoformat(paris_instant(end, end=True)[0])
    if end_at <= start_at:
        found.error_at(where, f"{what} se termine ({end}) avant de commencer ({start}) : vérifiez les deux dates")
