"""The procedures published as open data: JSON files, their JSON Schemas, an index
and the page that documents them for integrators.

Layout in the docs tree (and so on the site), stable from one build to the next:

    donnees.md                                  the page « Données ouvertes »
    donnees/index.json                          every procedure, its URLs, the licence
    donnees/national.json                       the national layer (CVEC, fees, exemptions)
    donnees/<institution>.json                  an institution: contacts, portals
    donnees/<institution>/<procedure>.json      a procedure, latest academic year
    donnees/<institution>/<year>/<procedure>.json   every academic year
    donnees/schema/<kind>.schema.json           JSON Schemas of these files

A procedure's file is its YAML content as validated (dates stay text, as in the
YAML), with `full_id` and `institution` added. URLs in the index are relative
to the index itself.

The English site has the same layout under `en/` (`en/donnees.md`, `en/donnees/…`),
written from the English catalog: the same figures, dates, identifiers and
schemas, each text in English where the school gave one and in French otherwise,
the index's own words in English and its URLs leading to the English pages,
notices and calendars. The French files hold the French texts alone, as the
French site always did.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

from generator.outputs.calendars import CALENDAR_FILE
from generator.render.environment import template_environment
from generator.render.pdf_notice import NOTICE_FILE
from generator.source.schema import json_schema

FOLDER = "donnees"
PAGE = "donnees.md"
TEMPLATE = "open_data.md.j2"
FORMAT_VERSION = 1

LICENCE = {
    "name": "Licence Ouverte / Open Licence version 2.0",
    "spdx": "etalab-2.0",
    "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
# The index's own words, in the language of the catalog it lists.
INDEX_WORDS = {
    "fr": {
        "title": "Procédures d'inscription : données ouvertes",
        "description": "Chaque procédure d'inscription publiée par ce site, telle qu'écrite dans ses données sources.",
        "attribution": (
            "Données reprises des notices d'inscription des établissements (la notice de chaque procédure "
            "est nommée dans son champ source)\u00a0; seule la notice officielle de l'établissement fait foi."
        ),
        "urls_relative_to": "cet index (donnees/index.json)",
    },
    "en": {
        "title": "Enrolment procedures: open data",
        "description": (
            "Every enrolment procedure this site publishes, as written in its source data, each text "
            "in English where the institution gave one and in French otherwise."
        ),
        "attribution": (
            "Data taken from the institutions' enrolment notices (each procedure's notice is named in "
            "its source field); only the institution's official notice is authoritative."
        ),
        "urls_relative_to": "this index (en/donnees/index.json)",
    },
}

_SLUG = "[a-z0-9][a-z0-9-]*"


def published_procedure(record) -> dict:
    """The procedure's validated YAML content, with its full identifier and its institution."""
    return {"full_id": record.full_id, "institution": record.institution_id, **record.data}


def published_institution(institution: dict) -> dict:
    return {"id": institution["id"], **{k: v for k, v in institution.items() if k != "id"}}


def published_schema(kind: str) -> dict:
    """The JSON Schema of one kind of published file (the YAML's, plus the added fields)."""
    if kind == "index":
        return _index_schema()
    schema = copy.deepcopy(json_schema(kind))
    if kind == "procedure":
        schema["title"] = "modop : procédure publiée (données ouvertes)"
        schema["properties"] = {
            "full_id": {"type": "string", "pattern": f"^{_SLUG}/{_SLUG}$", "description": "<établissement>/<procédure>"},
            "institution": {"type": "string", "pattern": f"^{_SLUG}$", "description": "identifiant de l'établissement"},
            **schema["properties"],
        }
        schema["required"] = ["full_id", "institution", *schema.get("required", [])]
    elif kind == "institution":
        schema["title"] = "modop : établissement publié (données ouvertes)"
        schema["properties"] = {"id": {"type": "string", "pattern": f"^{_SLUG}$"}, **schema["properties"]}
        schema["required"] = ["id", *schema.get("required", [])]
    else:
        schema["title"] = "modop : couche nationale publiée (données ouvertes)"
    return schema


SCHEMA_KINDS = ("index", "national", "institution", "procedure")


def _index_schema() -> dict:
    url = {"type": "string", "minLength": 1}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "index.schema.json",
        "title": "modop : index des données ouvertes",
        "type": "object",
        "required": ["format_version", "licence", "schemas", "national", "institutions", "procedures"],
        "properties": {
            "format_version": {"const": FORMAT_VERSION},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "licence": {
                "type": "object",
                "required": ["name", "spdx", "url"],
                "properties": {"name": {"type": "string"}, "spdx": {"type": "string"}, "url": url},
            },
            "attribution": {"type": "string"},
            "urls_relative_to": {"type": "string"},
            "schemas": {"type": "object", "additionalProperties": url},
            "national": url,
            "institutions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "name", "json", "page"],
                    "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "json": url, "page": url},
                    "additionalProperties": False,
                },
            },
            "procedures": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["full_id", "institution", "id", "title", "academic_year", "kind", "level", "urls", "years"],
                    "properties": {
                        "full_id": {"type": "string", "pattern": f"^{_SLUG}/{_SLUG}$"},
                        "institution": {"type": "string"},
                        "id": {"type": "string"},
                        "title": {"type": "string"},
                        "academic_year": {"type": "string", "pattern": r"^\d{4}-\d{4}$"},
                        "kind": {"enum": ["inscription", "candidature"]},
                        "level": {"type": "string"},
                        "urls": {
                            "type": "object",
                            "required": ["page", "json", "pdf", "ics"],
                            "properties": {"page": url, "json": url, "pdf": url, "ics": url},
                            "additionalProperties": False,
                        },
                        "years": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["academic_year", "json"],
                                "properties": {"academic_year": {"type": "string"}, "json": url},
                                "additionalProperties": False,
                            },
                        },
                    },
                    "additionalProperties": False,
                },
            },
        },
        "additionalProperties": False,
    }


# ---------------------------------------------------------------- paths and URLs


def procedure_json_path(institution_id: str, procedure_id: str, year: str | None = None) -> str:
    """Path of a procedure's JSON inside `donnees/` (latest year when `year` is None)."""
    if year is None:
        return f"{institution_id}/{procedure_id}.json"
    return f"{institution_id}/{year}/{procedure_id}.json"


def procedure_urls(record) -> dict:
    """The URLs of a procedure's page and files, relative to `donnees/index.json`."""
    page = f"../{record.institution_id}/{record.data['id']}/"
    return {
        "page": page,
        "json": procedure_json_path(record.institution_id, record.data["id"]),
        "pdf": page + NOTICE_FILE,
        "ics": page + CALENDAR_FILE,
    }


def open_data_index(catalog) -> dict:
    latest = catalog.latest()
    words = INDEX_WORDS[catalog.lang]
    return {
        "format_version": FORMAT_VERSION,
        "title": words["title"],
        "description": words["description"],
        "licence": LICENCE,
        "attribution": words["attribution"],
        "urls_relative_to": words["urls_relative_to"],
        "schemas": {kind: f"schema/{kind}.schema.json" for kind in SCHEMA_KINDS},
        "national": "national.json",
        "institutions": [
            {"id": key, "name": institution["name"], "json": f"{key}.json", "page": f"../{key}/"}
            for key, institution in sorted(catalog.institutions.items())
        ],
        "procedures": [
            {
                "full_id": record.full_id,
                "institution": record.institution_id,
                "id": record.data["id"],
                "title": record.data["title"],
                "academic_year": record.academic_year,
                "kind": record.data["kind"],
                "level": record.data["level"],
                "urls": procedure_urls(record),
                "years": [
                    {"academic_year": year, "json": procedure_json_path(record.institution_id, record.data["id"], year)}
                    for year in catalog.years(record.full_id)
                ],
            }
            for record in latest
        ],
    }


# ---------------------------------------------------------------- writing


def write_open_data(docs_dir: Path, catalog, templates_dir: Path) -> None:
    """Every file of the layout above into docs_dir."""
    folder = docs_dir / FOLDER
    for kind in SCHEMA_KINDS:
        _write_json(folder / "schema" / f"{kind}.schema.json", published_schema(kind))
    _write_json(folder / "national.json", catalog.national)
    for key in catalog.institutions:
        _write_json(folder / f"{key}.json", published_institution(catalog.declared(key)))
    for record in catalog.procedures:
        _write_json(folder / procedure_json_path(record.institution_id, record.data["id"], record.academic_year), published_procedure(record))
    for record in catalog.latest():
        _write_json(folder / procedure_json_path(record.institution_id, record.data["id"]), published_procedure(record))
    index = open_data_index(catalog)
    _write_json(folder / "index.json", index)
    write_open_data_page(docs_dir, catalog, index, templates_dir)


def open_data_view(index: dict) -> dict:
    """What the page « Données ouvertes » says: the licence, the folder, the fields of a
    procedure and, when there is one, the index's first procedure as an example."""
    example = index["procedures"][0] if index["procedures"] else None
    return {
        "folder": FOLDER,
        "licence": index["licence"],
        "attribution": index["attribution"],
        "fields": list(published_schema("procedure")["properties"]),
        # The identifiers shown as an example of the addresses, even without a procedure.
        "example_ids": {"institution": example["institution"], "procedure": example["id"]}
        if example
        else {"institution": "amu-iut", "procedure": "but1"},
        "example": {"title": example["title"], "entry": json.dumps(example, ensure_ascii=False, indent=2)}
        if example
        else None,
    }


def write_open_data_page(docs_dir: Path, catalog, index: dict, templates_dir: Path) -> None:
    """The page « Données ouvertes » in the catalog's language (`en/open_data.md.j2` for English)."""
    env = template_environment(templates_dir, lang=catalog.lang)
    text = env.get_template(TEMPLATE).render(page=open_data_view(index))
    (docs_dir / PAGE).write_text(text, encoding="utf-8")


def _write_json(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
