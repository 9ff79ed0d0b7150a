"""The command line: `modop` or `python -m generator`.

Every command works on `procedures/` of the current directory (like MkDocs
with its `mkdocs.yml`), or of `--root`. Each command is a module of
`generator.commands` (its options and its run); here they are assembled, and
errors reach the user as plain French lines with their exit code, never as a
traceback: 1 for mistakes in the data, 2 for any other problem the user can fix
(a bad option, a folder that cannot be written, what the system refused), 130
when interrupted. A reader that stops early (`modop check … | head -1`) loses
the rest of the output, not the work: the command ends as it would have.
"""
from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from generator.commands import build, check, diff, new_year, schema, serve, validate
from generator.errors import DataErrors, UserError, one_line, system_reason

COMMANDS = (validate, schema, build, serve, new_year, diff, check)  # in the order of --help

# argparse's own words (Python 3.11), in French. argparse takes them from gettext,
# module-wide: they are lent to it only while modop's parsers are made and work.
_ARGPARSE_WORDS = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "affiche cette aide",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s : %(message)s",
    "the following arguments are required: %s": "il manque %s : complétez la commande",
    "unrecognized arguments: %s": "argument en trop ou inconnu : « %s » : retirez-le",
    "expected one argument": "attendu une valeur après l'option",
    "expected at most one argument": "attendu une valeur au plus",
    "expected at least one argument": "attendu une valeur au moins",
    "ignored explicit argument %r": "cette option ne prend pas de valeur (« %s ») : retirez-la",
    "invalid choice: %(value)r (choose from %(choices)s)": "« %(value)s » inconnu : choisissez parmi %(choices)s",
    "ambiguous option: %(option)s could match %(matches)s": "option « %(option)s » ambiguë : écrivez l'une de %(matches)s",
    "invalid %(type)s value: %(value)r": "valeur « %(value)s » illisible : vérifiez-la",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "commande « %(parser_name)s » inconnue : choisissez parmi %(choices)s",
    "not allowed with argument %s": "impossible avec %s : gardez l'une des deux options",
    "one of the arguments %s is required": "attendu l'une des options %s",
    "unexpected option string: %s": "option inattendue %s : retirez-la",
}
_ARGPARSE_COUNTED = {("expected %s argument", "expected %s arguments"): ("attendu %s valeur", "attendu %s valeurs")}


def _french(message: str) -> str:
    return _ARGPARSE_WORDS.get(message, message)


def _french_counted(singular: str, plural: str, count: int) -> str:
    one, many = _ARGPARSE_COUNTED.get((singular, plural), (singular, plural))
    return one if count == 1 else many


@contextmanager
def _argparse_in_french():
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _french, _french_counted
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class _FrenchParser(argparse.ArgumentParser):
    """argparse in French, its mistakes said in one line that points to the help."""

    def parse_args(self, args=None, namespace=None):
        with _argparse_in_french():
            return super().parse_args(args, namespace)

    def format_help(self) -> str:
        with _argparse_in_french():
            return super().format_help()

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {one_line(message)} (aide : {self.prog} -h)\n")


def _parser() -> argparse.ArgumentParser:
    with _argparse_in_french():  # the help's headings are worded as the parsers are made
        parser = _FrenchParser(
            prog="modop",
            description="Génère le site des procédures d'inscription à partir de procedures/*.yaml.",
        )
        parser.add_argument(
            "--root",
            type=Path,
            default=Path.cwd(),
            metavar="DOSSIER",
            help="dossier qui contient procedures/ (par défaut : le dossier courant)",
        )
        commands = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")
        parser.set_defaults(writes=True)  # commands that only read (validate, diff, check) set it to False
        for command in COMMANDS:
            command.add_command(commands)
    return parser


class _Said:
    """A command's stdout or stderr: what cannot be said (the reader has gone, `| head`;
    a character the terminal's encoding lacks) never stops the command's work."""

    def __init__(self, stream):
        self.stream = stream
        self.reader_gone = False

    def write(self, text: str) -> int:
        if not self.reader_gone:
            try:
                self.stream.write(text)
            except UnicodeEncodeError:
                encoding = getattr(self.stream, "encoding", None) or "utf-8"
                self._guarded(self.stream.write, text.encode(encoding, "backslashreplace").decode(encoding))
            except BrokenPipeError:
                self._reader_left()
        return len(text)

    def flush(self) -> None:
        if not self.reader_gone:
            self._guarded(self.stream.flush)

    def _guarded(self, action, *args) -> None:
        try:
            action(*args)
        except BrokenPipeError:
            self._reader_left()

    def _reader_left(self) -> None:
        """Nothing more reaches the reader; the file descriptor goes to /dev/null, so that
        the interpreter's last flush of what is still buffered is quiet too."""
        self.reader_gone = True
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.stream.fileno())
        except (OSError, ValueError, AttributeError):  # not a real file (captured by a test)
            pass

    def __getattr__(self, name):
        return getattr(self.stream, name)


@contextmanager
def _output_that_never_stops_the_work():
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Said(sys.stdout), _Said(sys.stderr)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        sys.stdout, sys.stderr = saved


def main(argv: list[str] | None = None) -> int:
    with _output_that_never_stops_the_work():
        try:
            args = _parser().parse_args(argv)
        except SystemExit as stop:  # --help, or a mistake in the options, already said
            return stop.code if isinstance(stop.code, int) else 2
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        args.root = args.root.resolve()
        return args.run(args)
    except DataErrors as errors:
        for error in errors.errors:
            print(one_line(str(error)), file=sys.stderr)
        count = len(errors.errors)
        # A command that writes says it wrote nothing; one that only reads, what to do.
        after = "rien n'a été écrit" if args.writes else "corrigez chacune à la ligne et à la colonne indiquées, puis relancez la commande"
        print(f"{count} erreur{'s' if count > 1 else ''} : {after}.", file=sys.stderr)
        return 1
    except UserError as error:
        print(f"modop: {one_line(str(error))}", file=sys.stderr)
        return 2
    except OSError as error:  # what the system refused, where no check could know it before
        where = f" : {one_line(str(error.filename))}" if error.filename else ""
        print(f"modop: {system_reason(error)}{where} : vérifiez le chemin, les droits et la place sur le disque", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
