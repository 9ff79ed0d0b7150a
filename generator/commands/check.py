"""`modop check ID --set cle=valeur … --at AAAA-MM-JJTHH:MM [--lang en] [--json]`: one answer of the checker.

The same `checks.evaluate` as the page's widget, on the same compiled
procedure. `--at` without an offset is Paris time, resolved by
`checks.parse_instant` (the EU rule, held to zoneinfo by the tests) so that
the command line and the browser read a local time alike, within the years
the engine answers for (`checks.paris_time.FIRST_YEAR` to `LAST_YEAR`).
`--lang` words the answer's sentences (French by default); its figures are the
same in every language.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone

import checks
from checks.paris_time import FIRST_YEAR, LAST_YEAR
from checks.wording import LANGUAGES

from generator.errors import UserError
from generator.model.catalog import load_catalog


def add_command(commands) -> None:
    parser = commands.add_parser("check", help="calcule la réponse du vérificateur pour un profil")
    parser.add_argument("procedure", metavar="PROCÉDURE", help="identifiant, par exemple amu-iut/but1")
    parser.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="CLE=VALEUR",
        help="une donnée du profil, par exemple boursier=true (répétable)",
    )
    parser.add_argument(
        "--at",
        metavar="INSTANT",
        help=f"instant du calcul, AAAA-MM-JJTHH:MM (heure de Paris, années {FIRST_YEAR} à {LAST_YEAR}) ; par défaut : "
        "maintenant. Une heure que le passage à l'heure d'été saute (2024-03-31T02:30) est l'instant réel, "
        "une heure plus tard (3 h 30) ; une heure que le passage à l'heure d'hiver répète est la première, "
        "en heure d'été",
    )
    parser.add_argument("--year", metavar="ANNÉE", help="année universitaire (par défaut : la plus récente)")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="fr",
        help="langue des phrases de la réponse (raisons, explication, texte) ; le JSON garde ses clés "
        "et ses chiffres dans toutes les langues ; par défaut : fr",
    )
    parser.add_argument("--json", action="store_true", help="affiche la réponse en JSON")
    parser.set_defaults(run=run, writes=False)


def run(args: argparse.Namespace) -> int:
    """Print the answer in `--lang` (JSON with --json, else text); UserError for any bad input
    (its message in French, as every message of the command line)."""
    profile = _profile(args.settings)
    at = _instant(args.at)
    record = load_catalog(args.root).in_language(args.lang).get(args.procedure, year=args.year)
    answer = checks.evaluate(record.compiled, profile, at, args.lang)
    if args.json:
        sys.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(checks.answer_text(answer, record.compiled, args.lang))
    return 0


def _profile(settings: list[str]) -> dict:
    """The parsed profile from the `--set cle=valeur` options."""
    values: dict[str, str] = {}
    for setting in settings or ():
        key, equals, value = setting.partition("=")
        key = key.strip()
        if not equals or not key:
            raise UserError(f"« {setting} » : écrivez --set cle=valeur, par exemple --set boursier=true")
        if key in values and values[key] != value.strip():
            raise UserError(f"« {key} » est donné deux fois avec des valeurs différentes : gardez un seul --set {key}=…")
        values[key] = value.strip()
    try:
        return checks.parse_profile(values)
    except checks.ProfileError as error:
        raise UserError(str(error)) from None


def _instant(text: str | None) -> datetime:
    if text is None:
        return checks.paris_time(datetime.now(timezone.utc))
    try:
        return checks.parse_instant(text)
    except ValueError as error:
        raise UserError(str(error)) from None
