"""What a user may read on stderr: French lines that name what to fix, never a
traceback, a Python error's name or an English message of a library."""
from __future__ import annotations

import re

# Words of messages that did not come from modop: Python's, argparse's, the C library's.
FOREIGN = re.compile(
    r"Traceback|Exception ignored|\b[A-Z][A-Za-z]*(?:Error|Exception)\b|\[Errno|"
    r"\b(?:error|usage|required|expected|unrecognized|choose from|ambiguous|invalid|"
    r"permission denied|no such file|not a directory|file exists|is a directory|"
    r"read-only file system|cannot|could not|failed)\b",
    re.IGNORECASE,
)

# A line says what to do about what is wrong: an instruction, the value expected, or the
# values there are (the closing line of a list of data errors says that nothing was written).
FIX = re.compile(
    r"\b(?:écrivez|choisissez|corrigez|ajoutez|vérifiez|indiquez|placez|supprimez|renommez|retirez|"
    r"gardez|enregistrez|indentez|donnez|utilisez|précisez|recopiez|effacez|mettez|complétez|renseignez|"
    r"préparez|élargissez|lancez|attendu|attendue|vouliez-vous dire|possibles|connues|disponibles|"
    r"déclarés|établissements|aide)\b|rien n'a été écrit",
    re.IGNORECASE,
)


QUOTED = re.compile(r"«[^»]*»")


def problems_in(stderr: str) -> list[str]:
    """The lines of stderr a user should not read: foreign words, or nothing said about what to do."""
    problems = []
    for line in stderr.splitlines():
        if not line.strip():
            continue
        if FOREIGN.search(QUOTED.sub("« »", line)):  # what the user typed, quoted, may be any word
            problems.append(f"not modop's French: {line}")
        elif not FIX.search(line):
            problems.append(f"says not what to do: {line}")
    return problems


def assert_french_lines(stderr: str) -> None:
    problems = problems_in(stderr)
    assert not problems, "\n".join(problems) + "\n--- stderr:\n" + stderr


def assert_one_french_line(stderr: str) -> None:
    assert stderr.count("\n") == 1 and stderr.endswith("\n"), f"one line expected:\n{stderr}"
    assert_french_lines(stderr)
