"""Where the data is: `procedures/national.yaml`, the institution folders beside it and
the procedure files in each, and the names the built site keeps for itself."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import DataError, UserError, display_path

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
class InstitutionFolder:
    """One institution: its folder's name is its identifier."""

    id: str
    institution_file: Path
    procedure_files: list[Path]


@dataclass
class DataFiles:
    """Every file to read under procedures/, and what is missing or misnamed there."""

    national_file: Path | None
    institutions: list[InstitutionFolder] = field(default_factory=list)
    errors: list[DataError] = field(default_factory=list)
    # The institution folders `--only` leaves aside: not read, but their names are known.
    left_out: tuple[str, ...] = ()


def procedures_folder(root: Path) -> Path:
    """root/procedures, or a UserError saying where to stand."""
    folder = root / "procedures"
    if not folder.is_dir():
        raise UserError(
            f"pas de dossier procedures/ dans {root} : placez-vous dans le dossier du projet ou indiquez-le avec --root"
        )
    return folder


def find_data_files(root: Path, only: tuple[str, ...] = ()) -> DataFiles:
    """The national layer and each institution folder with its procedure files, sorted.

    Folders whose name starts with `.` or `_` are left aside (notes, old files);
    so are hidden files and folders inside an institution. `only` (the
    `--only` of a command), when given, names the institutions to read: the
    others are not opened at all."""
    folder = procedures_folder(root)
    national = folder / "national.yaml"
    found = DataFiles(national if national.is_file() else None)
    if found.national_file is None:
        found.errors.append(DataError(display_path(national, root), 1, 1, "fichier manquant : la couche nationale est obligatoire"))
    folders = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    if only:
        known = [p.name for p in folders if not p.name.startswith("_") and p.name not in RESERVED_INSTITUTION_IDS]
        unknown = [name for name in dict.fromkeys(only) if name not in known]
        if unknown:
            names = ", ".join(f"« {name} »" for name in unknown)
            raise UserError(f"--only : établissement inconnu {names} ; établissements : {', '.join(known) or 'aucun'}")
        found.left_out = tuple(name for name in known if name not in only)
        folders = [p for p in folders if p.name in only]
    for institution_folder in folders:
        institution_file = institution_folder / "institution.yaml"
        shown = display_path(institution_file, root)
        if institution_folder.name in RESERVED_INSTITUTION_IDS:
            found.errors.append(
                DataError(
                    shown,
                    1,
                    1,
                    f"le nom de dossier « {institution_folder.name} » est réservé par le site (noms réservés : "
                    f"{', '.join(RESERVED_INSTITUTION_IDS)}) : renommez le dossier de l'établissement",
                )
            )
            continue
        if institution_folder.name.startswith("_"):
            continue
        if not institution_file.is_file():
            found.errors.append(DataError(shown, 1, 1, "fichier manquant : chaque dossier d'établissement a son institution.yaml"))
            continue
        found.institutions.append(
            InstitutionFolder(institution_folder.name, institution_file, _procedure_files(institution_folder, institution_file))
        )
    return found


def screenshot_file(procedure_file: Path, src: str) -> Path | None:
    """The file a screenshot's `src` names, links resolved, or None when that is not
    inside the procedure's folder: an absolute path, a `..`, a link pointing out.

    Pages copy the picture to the same relative place beside them, so it must stay there."""
    if Path(src).is_absolute() or ".." in Path(src).parts:
        return None
    folder = procedure_file.parent.resolve()
    target = (folder / src).resolve()
    return target if target.is_relative_to(folder) else None


def _procedure_files(folder: Path, institution_file: Path) -> list[Path]:
    files = []
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.suffix in YAML_SUFFIXES and path != institution_file and path.is_file() and not hidden:
            files.append(path)
    return files
