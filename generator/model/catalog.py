"""All the data under procedures/: found, read, checked and compiled once.

Checks happen here, at the edge, with every error named by file, line and
column; everything downstream trusts the catalog."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.model.compile import ProcedureCompiler, paris_instant
from generator.errors import DataError, DataErrors, UserError, display_path
from generator.source.schema import INSTITUTION, NATIONAL, PROCEDURE
from generator.source.types import INVALID, Context
from generator.source.yaml_source import read_yaml

YAML_SUFFIXES = (".yaml", ".yml")
# Top-level folders and pages of the built site: an institution folder of the
# same name would overwrite them (the site's assets, the checker's data, the
# search index, the open data, the staff guide, the accessibility statement).
# Folders and files of the site itself; inside donnees/, an institution's
# JSON stands beside national.json, index.json and schema/.
RESERVED_INSTITUTION_IDS = ("_modop", "accessibilite", "assets", "data", "donnees", "guide", "index", "national", "schema", "search")
# <institution>/index.md is the institution's own page.
RESERVED_PROCEDURE_IDS = ("index",)


@dataclass
class ProcedureRecord:
    full_id: str
    institution_id: str
    path: Path
    data: dict
    compiled: dict
    positions: dict
    unconfirmed: dict  # path in the data -> (line, col) of each date still « à confirmer »

    @property
    def academic_year(self) -> str:
        return self.data["academic_year"]


@dataclass
class Catalog:
    root: Path
    national: dict
    institutions: dict[str, dict]
    procedures: list[ProcedureRecord]
    # Where each institution's values stand: (file as shown, path -> (line, col)).
    institution_positions: dict[str, tuple[str, dict]]

    def latest(self) -> list[ProcedureRecord]:
        """One record per procedure, its latest academic year, by institution then title."""
        newest: dict[str, ProcedureRecord] = {}
        for record in self.procedures:
            kept = newest.get(record.full_id)
            if kept is None or record.academic_year > kept.academic_year:
                newest[record.full_id] = record
        return sorted(newest.values(), key=lambda r: (r.institution_id, r.data["title"]))

    def years(self, full_id: str) -> list[str]:
        return sorted(r.academic_year for r in self.procedures if r.full_id == full_id)

    def get(self, full_id: str, year: str | None = None) -> ProcedureRecord:
        matches = [r for r in self.procedures if r.full_id == full_id]
        if not matches:
            known = ", ".join(sorted({r.full_id for r in self.procedures}))
            raise UserError(f"procédure inconnue « {full_id} » ; procédures connues : {known}")
        if year is None:
            return max(matches, key=lambda r: r.academic_year)
        for record in matches:
            if record.academic_year == year:
                return record
        raise UserError(
            f"pas d'année {year} pour {full_id} ; années disponibles : {', '.join(self.years(full_id))}"
        )


def load_catalog(root: Path) -> Catalog:
    """Read and check every file under root/procedures; raise DataErrors listing all mistakes."""
    return _CatalogReader(root).read()


class _CatalogReader:
    def __init__(self, root: Path):
        self.root = root
        self.folder = root / "procedures"
        self.errors: list[DataError] = []

    def shown(self, path: Path) -> str:
        return display_path(path, self.root)

    def parse(self, path: Path, schema) -> tuple[object, Context]:
        ctx = Context(self.shown(path))
        node, errors = read_yaml(path, ctx.file)
        if errors:
            self.errors.extend(errors)
            return INVALID, ctx
        value = schema.check(node, ctx, ())
        self.errors.extend(ctx.errors)
        return value, ctx

    def read(self) -> Catalog:
        if not self.folder.is_dir():
            raise UserError(
                f"pas de dossier procedures/ dans {self.root} : placez-vous dans le dossier du projet ou indiquez-le avec --root"
            )
        national_path = self.folder / "national.yaml"
        if not national_path.is_file():
            self.errors.append(DataError(self.shown(national_path), 1, 1, "fichier manquant : la couche nationale est obligatoire"))
            national = INVALID
        else:
            national, _ = self.parse(national_path, NATIONAL)

        institutions: dict[str, dict] = {}
        institution_positions: dict[str, tuple[str, dict]] = {}
        procedures: list[tuple[Path, dict, Context, str]] = []
        for folder in sorted(p for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
            institution_path = folder / "institution.yaml"
            if folder.name in RESERVED_INSTITUTION_IDS:
                self.errors.append(
                    DataError(
                        self.shown(institution_path),
                        1,
                        1,
                        f"le nom de dossier « {folder.name} » est réservé par le site (noms réservés : "
                        f"{', '.join(RESERVED_INSTITUTION_IDS)}) : renommez le dossier de l'établissement",
                    )
                )
                continue
            if folder.name.startswith("_"):
                continue
            if not institution_path.is_file():
                self.errors.append(
                    DataError(self.shown(institution_path), 1, 1, "fichier manquant : chaque dossier d'établissement a son institution.yaml")
                )
                continue
            institution, institution_ctx = self.parse(institution_path, INSTITUTION)
            for path in sorted(folder.rglob("*")):
                hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
                if path.suffix in YAML_SUFFIXES and path != institution_path and path.is_file() and not hidden:
                    data, ctx = self.parse(path, PROCEDURE)
                    if data is not INVALID:
                        procedures.append((path, data, ctx, folder.name))
            if institution is not INVALID:
                institutions[folder.name] = {"id": folder.name, **institution}
                institution_positions[folder.name] = (institution_ctx.file, institution_ctx.positions)

        for path, data, ctx, institution_id in procedures:
            if institution_id in institutions:
                self.errors.extend(_consistency_errors(path, data, ctx, institutions[institution_id]))
        self.errors.extend(_duplicate_errors(procedures))
        if not procedures and not self.errors:
            self.errors.append(DataError(self.shown(self.folder), 1, 1, "aucune procédure : ajoutez un fichier <établissement>/<année>/<procédure>.yaml"))
        if self.errors:
            raise DataErrors(self.errors)

        compiler = ProcedureCompiler(national)
        records = [
            ProcedureRecord(
                full_id=f"{institution_id}/{data['id']}",
                institution_id=institution_id,
                path=path,
                data=data,
                compiled=compiler.compile(institutions[institution_id], data, draft=bool(ctx.unconfirmed)),
                positions=ctx.positions,
                unconfirmed=ctx.unconfirmed,
            )
            for path, data, ctx, institution_id in procedures
        ]
        return Catalog(self.root, national, institutions, records, institution_positions)


def _duplicate_errors(procedures) -> list[DataError]:
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


def _consistency_errors(path: Path, data: dict, ctx: Context, institution: dict) -> list[DataError]:
    """What the schema alone cannot see: references, order of dates, codes."""
    found = Context(ctx.file, positions=ctx.positions)
    institution_file = f"procedures/{institution['id']}/institution.yaml"

    if data["id"] in RESERVED_PROCEDURE_IDS:
        found.error_at(("id",), f"l'identifiant « {data['id']} » est réservé à la page de l'établissement : choisissez-en un autre")

    first, second = (int(y) for y in data["academic_year"].split("-"))
    if second != first + 1:
        found.error_at(("academic_year",), f"année universitaire {data['academic_year']} : les deux années doivent se suivre (par exemple {first}-{first + 1})")

    def check_portals(refs, where):
        for i, ref in enumerate(refs or []):
            if ref not in institution["portals"]:
                known = ", ".join(institution["portals"]) or "aucun"
                found.error_at(where + (i,), f"portail inconnu « {ref} » (portails déclarés : {known}) : ajoutez-le dans {institution_file} ou corrigez le nom")

    for i, step in enumerate(data.get("prerequisites", [])):
        check_portals(step.get("portals"), ("prerequisites", i, "portals"))
    step_ids: dict[str, int] = {}
    for i, step in enumerate(data["steps"]):
        check_portals(step.get("portals"), ("steps", i, "portals"))
        if step["id"] in step_ids:
            found.error_at(("steps", i, "id"), f"étape « {step['id']} » en double (déjà l'étape n° {step_ids[step['id']] + 1}) : donnez-lui un autre id")
        step_ids.setdefault(step["id"], i)
        for j, shot in enumerate(step.get("screenshots", [])):
            if not (path.parent / shot["src"]).is_file():
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

    windows = data["windows"]
    if windows != "unknown":
        for i, window in enumerate(windows):
            for j, period in enumerate(window["periods"]):
                _check_order(found, period["start"], period["end"], ("windows", i, "periods", j, "end"), "la période")
    for i, closure in enumerate(data.get("closures", [])):
        _check_order(found, closure["from"], closure["to"], ("closures", i, "to"), "la fermeture")
    return found.errors


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
    if start in ("asap", "unknown") or end == "unknown":
        return
    start_at = dt.datetime.fromisoformat(paris_instant(start)[0])
    end_at = dt.datetime.fromisoformat(paris_instant(end, end=True)[0])
    if end_at <= start_at:
        found.error_at(where, f"{what} se termine ({end}) avant de commencer ({start}) : vérifiez les deux dates")
