"""`modop schema [--out DIR]`: the JSON Schemas of the YAML files, for editors."""
from __future__ import annotations

import argparse
from pathlib import Path

from generator.output_folder import check_writable
from generator.source.schema import write_json_schemas


def add_command(commands) -> None:
    parser = commands.add_parser("schema", help="écrit les schémas JSON des fichiers YAML, pour l'éditeur")
    parser.add_argument("--out", type=Path, default=Path("schema"), metavar="DOSSIER", help="dossier à écrire (par défaut : schema)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    check_writable(args.out, f"--out {args.out}")
    for path in write_json_schemas(args.out):
        print(f"Schéma écrit : {path}")
    return 0
