"""`modop build --out DIR [--strict] [--site-url URL] [--engine mkdocs|zensical]`: the whole static site, published at once."""
from __future__ import annotations

import argparse
from pathlib import Path

from generator.commands.validate import report_warnings
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
    from generator.site.build import build_site  # MkDocs, Jinja, WeasyPrint: loaded by the commands that need them

    if args.strict:
        report_warnings(load_catalog(args.root), strict=True)
    build_site(args.root, args.out.resolve(), site_url=args.site_url, engine=args.engine)
    return 0
