"""`modop build --out DIR [--strict] [--drafts] [--only INSTITUTION] [--at INSTANT] [--site-url URL] [--engine mkdocs|zensical]`: the whole static site, published at once."""
from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

import checks

from generator.commands.validate import add_only_option, report_warnings
from generator.errors import UserError
from generator.model.catalog import load_catalog
from generator.outputs.calendars import build_stamp
from generator.source.site_settings import SITE_URL, SITE_URL_EXPECTED


def add_command(commands) -> None:
    parser = commands.add_parser("build", help="construit le site statique")
    parser.add_argument("--out", type=Path, default=Path("site"), metavar="DOSSIER", help="dossier du site (par défaut : site)")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="refuse de publier tant qu'il reste un avertissement (une date encore « à confirmer »…) dans ce qui est publié",
    )
    parser.add_argument(
        "--site-url",
        metavar="URL",
        help="adresse publique du site, par exemple https://inscriptions.example.fr/ (par défaut : celle de mkdocs.yml)",
    )
    parser.add_argument(
        "--at",
        metavar="AAAA-MM-JJTHH:MM",
        help="construit les pages telles qu'elles seront à cet instant (heure de Paris) : une année terminée le dit "
        "(par défaut : SOURCE_DATE_EPOCH s'il est défini, sinon maintenant)",
    )
    parser.add_argument(
        "--drafts",
        action="store_true",
        help="publie aussi les années en brouillon (draft: true), chaque page sous un bandeau « Brouillon »",
    )
    add_only_option(parser)
    add_engine_option(parser)
    parser.set_defaults(run=run)


ENGINE_CHOICES = ("mkdocs", "zensical")  # generator.site.build.ENGINES, named here so that --help loads no engine


def add_engine_option(parser) -> None:
    """`--engine`, shared by `build` and `serve`."""
    parser.add_argument(
        "--engine",
        choices=ENGINE_CHOICES,
        default="mkdocs",
        help="ce qui construit le site à partir des pages : mkdocs (par défaut) ou zensical, son successeur maintenu",
    )


def run(args: argparse.Namespace) -> int:
    from generator.site.build import build_site, check_output  # MkDocs, Jinja, WeasyPrint: loaded by the commands that need them

    if args.site_url is not None and not SITE_URL.fullmatch(args.site_url):
        raise UserError(f"--site-url « {args.site_url} » : attendu {SITE_URL_EXPECTED}")
    out = args.out.resolve()
    check_output(args.root, out)  # before the strict check, which reads every file
    at = _instant(args.at) if args.at else build_stamp()  # one instant for the warnings and the pages
    if args.strict:  # what is published is judged: a draft left out is not
        catalog = load_catalog(args.root, args.only)
        report_warnings(catalog if args.drafts else catalog.without_drafts(), strict=True, now=at)
    build_site(args.root, out, site_url=args.site_url, only=args.only, drafts=args.drafts, at=at, engine=args.engine)
    return 0


def _instant(text: str) -> datetime:
    try:
        return checks.parse_instant(text)
    except ValueError as error:
        raise UserError(str(error)) from None
