"""`modop build --out DIR [--strict] [--drafts] [--only INSTITUTION] [--site-url URL]`: the whole static site, published at once."""
from __future__ import annotations

import argparse
from pathlib import Path

from generator.commands.validate import add_only_option, report_warnings
from generator.model.catalog import load_catalog


def add_command(commands) -> None:
    parser = commands.add_parser("build", help="construit le site statique")
    parser.add_argument("--out", type=Path, default=Path("site"), help="dossier du site (par défaut : site)")
    parser.add_argument("--strict", action="store_true", help="refuse de publier des dates encore « à confirmer »")
    parser.add_argument(
        "--site-url",
        metavar="URL",
        help="adresse publique du site, par exemple https://inscriptions.example.fr/ (par défaut : celle de mkdocs.yml)",
    )
    parser.add_argument(
        "--drafts",
        action="store_true",
        help="publie aussi les années en brouillon (draft: true), chaque page sous un bandeau « Brouillon »",
    )
    add_only_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.site.build import build_site  # MkDocs, Jinja, WeasyPrint: loaded by the commands that need them

    if args.strict:
        report_warnings(load_catalog(args.root, args.only), strict=True)
    build_site(args.root, args.out.resolve(), site_url=args.site_url, only=args.only, drafts=args.drafts)
    return 0
