"""The command line: `modop` or `python -m generator`.

Every command works on `procedures/` of the current directory (like MkDocs
with its `mkdocs.yml`), or of `--root`. Errors reach the user as plain lines,
never as a traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.errors import DataErrors, UserError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="modop",
        description="Génère le site des procédures d'inscription à partir de procedures/*.yaml.",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="dossier qui contient procedures/ (par défaut : le dossier courant)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")

    validate = commands.add_parser("validate", help="vérifie les fichiers YAML et signale chaque erreur")
    validate.add_argument("--strict", action="store_true", help="les dates encore « à confirmer » sont des erreurs")

    schema = commands.add_parser("schema", help="écrit les schémas JSON des fichiers YAML, pour l'éditeur")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="dossier à écrire (par défaut : schema)")

    build = commands.add_parser("build", help="construit le site statique")
    build.add_argument("--out", type=Path, default=Path("site"), help="dossier du site (par défaut : site)")
    build.add_argument("--strict", action="store_true", help="refuse de publier des dates encore « à confirmer »")
    build.add_argument(
        "--site-url",
        metavar="URL",
        help="adresse publique du site, par exemple https://inscriptions.example.fr/ (par défaut : celle de mkdocs.yml)",
    )

    serve = commands.add_parser("serve", help="aperçu en direct, reconstruit à chaque modification")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="adresse d'écoute (par défaut : 127.0.0.1:8000)")

    new_year = commands.add_parser("new-year", help="prépare l'année suivante d'un établissement, en brouillon")
    new_year.add_argument("institution", help="identifiant de l'établissement, par exemple amu-iut")
    new_year.add_argument("year", help="nouvelle année universitaire, par exemple 2025-2026")

    diff = commands.add_parser("diff", help="ce qui change entre deux années d'un établissement")
    diff.add_argument("institution", help="identifiant de l'établissement, par exemple amu-iut")
    diff.add_argument("year1", help="année de référence, par exemple 2024-2025")
    diff.add_argument("year2", help="année comparée, par exemple 2025-2026")

    check = commands.add_parser("check", help="calcule la réponse du vérificateur pour un profil")
    check.add_argument("procedure", help="identifiant, par exemple amu-iut/but1")
    check.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="CLE=VALEUR",
        help="une donnée du profil, par exemple boursier=true (répétable)",
    )
    check.add_argument("--at", help="instant du calcul, AAAA-MM-JJTHH:MM (heure de Paris) ; par défaut : maintenant")
    check.add_argument("--year", help="année universitaire (par défaut : la plus récente)")
    check.add_argument("--json", action="store_true", help="affiche la réponse en JSON")
    return parser


def _run(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    if args.command == "validate":
        from generator.model.catalog import load_catalog

        catalog = load_catalog(root)
        _report_warnings(catalog, strict=args.strict)
        count, places = len(catalog.procedures), len(catalog.institutions)
        print(f"Données valides : {count} procédure{'s' if count > 1 else ''} dans {places} établissement{'s' if places > 1 else ''}.")
        return 0
    if args.command == "new-year":
        from generator.source.new_year_draft import new_year

        checklist = new_year(root, args.institution, args.year)
        print(f"Brouillon {args.year} écrit pour {args.institution}. À vérifier, fichier par fichier :")
        for item in checklist:
            print(f"  {item}")
        print("Effacez « à confirmer » de chaque date vérifiée ; « modop validate » liste celles qui restent.")
        return 0
    if args.command == "diff":
        from generator.model.catalog import load_catalog
        from generator.model.year_diff import institution_changes

        changes = institution_changes(load_catalog(root), args.institution, args.year1, args.year2)
        print(f"{args.institution} : {len(changes)} changement{'s' if len(changes) > 1 else ''} de {args.year1} à {args.year2}")
        for change in changes:
            print(f"  {change}")
        return 0
    if args.command == "schema":
        from generator.source.schema import write_json_schemas

        for path in write_json_schemas(args.out):
            print(f"Schéma écrit : {path}")
        return 0
    if args.command == "build":
        from generator.model.catalog import load_catalog
        from generator.site.build import build_site

        if args.strict:
            _report_warnings(load_catalog(root), strict=True)
        build_site(root, args.out.resolve(), site_url=args.site_url)
        return 0
    if args.command == "serve":
        from generator.site.serve import serve_site

        serve_site(root, args.addr)
        return 0
    if args.command == "check":
        from generator.commands.check import run_check

        return run_check(root, args)
    raise AssertionError(args.command)


def _report_warnings(catalog, strict: bool) -> None:
    """Print what is plausible but suspect: warnings, or errors when strict."""
    from generator.model.plausibility import plausibility_warnings

    found = plausibility_warnings(catalog)
    if strict and found:
        raise DataErrors(found)
    for error in sorted(found):
        print(f"{error} (avertissement)", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except DataErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        count = len(errors.errors)
        print(f"{count} erreur{'s' if count > 1 else ''} : rien n'a été écrit.", file=sys.stderr)
        return 1
    except UserError as error:
        print(f"modop: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
