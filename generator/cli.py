"""The command line: `modop` or `python -m generator`.

Every command works on `procedures/` of the current directory (like MkDocs
with its `mkdocs.yml`), or of `--root`. Each command is a module of
`generator.commands` (its options and its run); here they are assembled, and
errors reach the user as plain lines with their exit code, never as a traceback:
1 for mistakes in the data, 2 for any other problem the user can fix.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands import build, check, diff, new_year, schema, serve, validate
from generator.errors import DataErrors, UserError

COMMANDS = (validate, schema, build, serve, new_year, diff, check)  # in the order of --help


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
    parser.set_defaults(writes=True)  # commands that only read (validate, diff, check) set it to False
    for command in COMMANDS:
        command.add_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.root = args.root.resolve()
    try:
        return args.run(args)
    except DataErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        count = len(errors.errors)
        # A command that writes says it wrote nothing; one that only reads, what to do.
        after = "rien n'a été écrit" if args.writes else "corrigez chacune à la ligne et à la colonne indiquées, puis relancez la commande"
        print(f"{count} erreur{'s' if count > 1 else ''} : {after}.", file=sys.stderr)
        return 1
    except UserError as error:
        print(f"modop: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
