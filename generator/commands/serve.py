"""`modop serve [--addr HOST:PORT] [--no-drafts] [--only INSTITUTION] [--engine mkdocs|zensical]`: the live preview, rebuilt when a file changes."""
from __future__ import annotations

import argparse

from generator.commands.build import add_engine_option
from generator.commands.validate import add_only_option


def add_command(commands) -> None:
    parser = commands.add_parser("serve", help="aperçu en direct, reconstruit à chaque modification")
    parser.add_argument("--addr", default="127.0.0.1:8000", help="adresse d'écoute (par défaut : 127.0.0.1:8000)")
    parser.add_argument(
        "--no-drafts",
        dest="drafts",
        action="store_false",
        help="montre le site tel que build le publie, sans les années en brouillon (draft: true)",
    )
    add_only_option(parser)
    add_engine_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.site.serve import serve_site  # MkDocs and its live-reload server: loaded only to serve

    serve_site(args.root, args.addr, only=args.only, drafts=args.drafts, engine=args.engine)
    return 0
