"""mkdocs.yml as far as modop reads it: which file holds a root's site settings, and
the settings modop itself uses, checked by a schema with every mistake named as
`mkdocs.yml:line:col: message`. The rest of the file is MkDocs's own.

What modop reads: `site_url` (the pages' public address, for calendars, notices
and the accessibility statement), `theme.custom_dir` (copied into the generated
project), `extra.accessibility` (the statement and the footer's mention); and the
whole file through PyYAML's safe loader, to hand it on to MkDocs.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.errors import DataError, display_path
from generator.paths import SETTINGS_FILE
from generator.source.schema import EMAIL
from generator.source.types import INVALID, Date, Either, Field, Nullable, Obj, Pattern, Text, Word, check_file

# The RGAA's three states of conformity, as the statement and the footer say them.
ACCESSIBILITY_STATUSES = ("totalement conforme", "partiellement conforme", "non conforme")

ACCESSIBILITY = Obj(
    {
        "status": Field(Nullable(Word(*ACCESSIBILITY_STATUSES)), description="état de conformité au RGAA"),
        "publisher": Field(Nullable(Text(prose=False)), description="qui publie le site"),
        "contact_email": Field(Nullable(EMAIL), description="où signaler un problème d'accessibilité"),
        "contact_url": Field(
            Nullable(Pattern(r"https://[^\s\"'<>]+", "une adresse https:// (sans espace, guillemet ni chevron)")),
            description="ou un formulaire de contact",
        ),
        "audit": Field(Nullable(Text(prose=False)), description="les résultats de l'audit, en Markdown"),
        "date": Field(Nullable(Date(drafts=False)), description="date de la déclaration"),
    }
)

# The site's public address, in mkdocs.yml as after build's --site-url.
SITE_URL = re.compile(r"https?://[^\s\"'<>/\[\]]+(?:/[^\s\"'<>]*)?")
SITE_URL_EXPECTED = "une adresse http:// ou https:// (par exemple https://inscriptions.example.fr/)"

SITE_SETTINGS = Obj(
    {
        "site_url": Field(Nullable(Pattern(SITE_URL.pattern, SITE_URL_EXPECTED))),
        "theme": Field(
            Either(
                Text(prose=False),
                Obj({"custom_dir": Field(Nullable(Text(prose=False)))}, other_keys=True),
                expected="le nom d'un thème, ou ses réglages (name, custom_dir…)",
            )
        ),
        "extra": Field(Nullable(Obj({"accessibility": Field(Nullable(ACCESSIBILITY))}, other_keys=True))),
    },
    expected="les réglages de MkDocs (site_name, theme…)",
    other_keys=True,
)

_TAG = re.compile(r"tag '([^']+)'")


def settings_file(root: Path) -> Path:
    """The site settings: the root's own mkdocs.yml if it has one, else modop's."""
    own = root / "mkdocs.yml"
    return own if own.is_file() else SETTINGS_FILE


def read_site_settings(path: Path) -> dict:
    """The whole settings file as MkDocs reads it (`site_settings_errors` has checked it)."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def site_settings_errors(root: Path) -> list[DataError]:
    """Every mistake in the root's site settings (none: modop can build with them)."""
    path = settings_file(root)
    settings, ctx = check_file(path, display_path(path, root), SITE_SETTINGS, aliases=True)
    if settings is INVALID:
        return ctx.errors
    theme = settings.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom_dir and not (path.parent / custom_dir).is_dir():
        ctx.error_at(
            ("theme", "custom_dir"),
            f"« custom_dir » : pas de dossier {custom_dir} à côté de {path.name} : corrigez le chemin (relatif à ce fichier) ou retirez la ligne",
        )
    try:
        yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:  # a tag such as !ENV or !!python/name: (the file was read above)
        mark = getattr(error, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        tag = _TAG.search(str(error))
        what = f"la balise YAML « {tag.group(1).replace('tag:yaml.org,2002:', '!!')} »" if tag else "une balise YAML"
        ctx.errors.append(
            DataError(ctx.file, line, col, f"{what} n'est pas prise en charge par modop (il lit ce fichier sans exécuter de code) : écrivez la valeur elle-même")
        )
    return ctx.errors
