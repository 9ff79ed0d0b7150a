"""`modop diff INSTITUTION YEAR1 YEAR2`: what changed between two years of an institution."""
from __future__ import annotations

import argparse

from generator.model.catalog import load_catalog
from generator.model.year_diff import institution_changes


def add_command(commands) -> None:
    parser = commands.add_parser("diff", help="ce qui change entre deux années d'un établissement")
    parser.add_argument("institution", help="identifiant de l'établissement, par exemple amu-iut")
    parser.add_argument("year1", help="année de référence, par exemple 2024-2025")
    parser.add_argument("year2", help="année comparée, par exemple 2025-2026")
    parser.set_defaults(run=run, writes=False)


def run(args: argparse.Namespace) -> int:
    changes = institution_changes(load_catalog(args.root), args.institution, args.year1, args.year2)
    print(f"{args.institution} : {len(changes)} changement{'s' if len(changes) > 1 else ''} de {args.year1} à {args.year2}")
    for change in changes:
        print(f"  {change}")
    return 0
