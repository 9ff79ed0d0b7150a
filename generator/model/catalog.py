"""All the data under procedures/: found, read, checked and compiled once.

`load_catalog` runs the edge (`generator.source`: the files found, each read and
checked against its schema, then the references across them, and the site
settings of mkdocs.yml) and compiles every procedure only when no error is left;
everything above the model trusts the catalog and the settings."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import DataError, DataErrors, UserError, display_path
from generator.model.compile import ProcedureCompiler, french_texts_held
from generator.source.discovery import find_data_files
from generator.source.references import duplicate_errors, naming_warnings, reference_errors
from generator.source.schema import INSTITUTION, NATIONAL, PROCEDURE
from generator.source.site_settings import site_settings_errors
from generator.source.translations import french_texts, in_language
from generator.source.types import INVALID, UNCONFIRMED_DATE, Context, check_file


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
    def provisional(self) -> bool:
        """Some dates are still « à confirmer »: the compiled procedure says so."""
        return bool(self.unconfirmed)

    @property
    def academic_year(self) -> str:
        return self.data["academic_year"]

    @property
    def draft(self) -> bool:
        """A new year not published yet (`draft: true`): build leaves it out, serve shows it."""
        return self.data.get("draft", False)


@dataclass
class Catalog:
    root: Path
    national: dict
    institutions: dict[str, dict]
    procedures: list[ProcedureRecord]
    # Where each institution's values stand: (file as shown, path -> (line, col)).
    institution_positions: dict[str, tuple[str, dict]]
    # The portals each institution.yaml declares; its `portals` also hold the national
    # ones it inherits (an institution's portal of the same id replaces the national one).
    declared_portals: dict[str, tuple[str, ...]]

    def declared(self, institution_id: str) -> dict:
        """The institution as its institution.yaml writes it (without inherited portals)."""
        institution = self.institutions[institution_id]
        portals = {key: institution["portals"][key] for key in self.declared_portals[institution_id]}
        return {**institution, "portals": portals}
    # The institutions `--only` left unread (their folders exist).
    left_out: tuple[str, ...] = ()
    # Each institution's dates still « à confirmer » (phone lines), by path -> (line, col).
    institution_unconfirmed: dict[str, dict] = field(default_factory=dict)
    # What the edge found suspect in valid files (a year folder, a file name): warnings.
    warnings: list[DataError] = field(default_factory=list)
    # The drafts `without_drafts` took out: what the site does not publish.
    unpublished: list[ProcedureRecord] = field(default_factory=list)
    # The language its texts are in: "fr", or another of `in_language`.
    lang: str = "fr"

    def without_drafts(self) -> Catalog:
        """The catalog as the live site publishes it: no draft (`draft: true`) year, nor its warnings."""
        drafts = [r for r in self.procedures if r.draft]
        shown = {display_path(r.path, self.root) for r in drafts}
        return replace(
            self,
            procedures=[r for r in self.procedures if not r.draft],
            unpublished=drafts,
            warnings=[w for w in self.warnings if w.path not in shown],
        )

    def in_language(self, lang: str) -> Catalog:
        """The catalog as the site of `lang` shows it: every text of the data in that
        language (`source.translations.in_language`: French where no translation is
        given), each procedure compiled again from it. Its compiled procedures also
        hold `french_texts`, the French texts left in them. "fr": the catalog itself."""
        if lang == self.lang:
            return self
        national = in_language(self.national, lang)
        institutions = {key: in_language(value, lang) for key, value in self.institutions.items()}
        compiler = ProcedureCompiler(national, lang)

        def resolved(record: ProcedureRecord) -> ProcedureRecord:
            data = in_language(record.data, lang)
            institution = institutions[record.institution_id]
            compiled = compiler.compile(institution, data, provisional=record.provisional)
            left = french_texts([national, institution, data])
            compiled["french_texts"] = french_texts_held(compiled, left)
            return replace(record, data=data, compiled=compiled)

        return replace(
            self,
            national=national,
            institutions=institutions,
            procedures=[resolved(r) for r in self.procedures],
            unpublished=[resolved(r) for r in self.unpublished],
            lang=lang,
        )

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


def load_catalog(root: Path, only: tuple[str, ...] = ()) -> Catalog:
    """Read and check every file under root/procedures (or only the institutions
    named in `only`, with the national layer) and the root's site settings;
    raise DataErrors listing all mistakes."""
    return _CatalogReader(root, tuple(only or ())).read()


class _CatalogReader:
    def __init__(self, root: Path, only: tuple[str, ...]):
        self.root = root
        self.only = only
        self.errors: list[DataError] = []
        self.warnings: list[DataError] = []

    def check(self, path: Path, schema):
        value, ctx = check_file(path, display_path(path, self.root), schema)
        self.errors.extend(ctx.errors)
        return value, ctx

    def read(self) -> Catalog:
        files = find_data_files(self.root, self.only)
        self.errors.extend(files.errors)
        national = INVALID if files.national_file is None else self.check(files.national_file, NATIONAL)[0]

        institutions: dict[str, dict] = {}
        institution_positions: dict[str, tuple[str, dict]] = {}
        declared_portals: dict[str, tuple[str, ...]] = {}
        national_portals = {} if national is INVALID else national.get("portals", {})
        institution_unconfirmed: dict[str, dict] = {}
        procedures: list[tuple[Path, dict, Context, str]] = []
        for folder in files.institutions:
            institution, institution_ctx = self.check(folder.institution_file, INSTITUTION)
            for path in folder.procedure_files:
                data, ctx = self.check(path, PROCEDURE)
                if data is not INVALID:
                    procedures.append((path, data, ctx, folder.id))
                    self.warnings.extend(naming_warnings(path, data, ctx, folder.institution_file.parent))
            if institution is not INVALID:
                portals = {**national_portals, **institution["portals"]}
                institutions[folder.id] = {"id": folder.id, **institution, "portals": portals}
                institution_positions[folder.id] = (institution_ctx.file, institution_ctx.positions)
                declared_portals[folder.id] = tuple(institution["portals"])
                institution_unconfirmed[folder.id] = institution_ctx.unconfirmed
                self.warnings += [DataError(institution_ctx.file, *place, UNCONFIRMED_DATE) for place in institution_ctx.unconfirmed.values()]

        for path, data, ctx, institution_id in procedures:
            if institution_id in institutions:
                self.errors.extend(reference_errors(path, data, ctx, institutions[institution_id]))
        self.errors.extend(duplicate_errors(procedures))
        if not procedures and not self.errors:
            shown = display_path(self.root / "procedures", self.root)
            self.errors.append(DataError(shown, 1, 1, "aucune procédure : ajoutez un fichier <établissement>/<année>/<procédure>.yaml"))
        self.errors.extend(site_settings_errors(self.root))
        if self.errors:
            raise DataErrors(self.errors)

        compiler = ProcedureCompiler(national)
        records = [
            ProcedureRecord(
                full_id=f"{institution_id}/{data['id']}",
                institution_id=institution_id,
                path=path,
                data=data,
                compiled=compiler.compile(institutions[institution_id], data, provisional=bool(ctx.unconfirmed)),
                positions=ctx.positions,
                unconfirmed=ctx.unconfirmed,
            )
            for path, data, ctx, institution_id in procedures
        ]
        return Catalog(
            self.root,
            national,
            institutions,
            records,
            institution_positions,
            declared_portals,
            left_out=files.left_out,
            institution_unconfirmed=institution_unconfirmed,
            warnings=self.warnings,
        )
