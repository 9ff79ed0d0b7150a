"""The rules engine of modop: fee, CVEC, deadline and payment plan for one student.

Standard library only: the same code runs in CPython and in Pyodide. See
checks/README.md for the compiled procedure it reads, how each part is decided
and where its words are (`checks.wording`).
"""
from checks.answer import evaluate
from checks.instant import parse_instant
from checks.paris_time import paris_offset, paris_time
from checks.profile import PROFILE_KEYS, ProfileError, parse_profile
from checks.steps import documents_for, steps_for
from checks.text import answer_text

__all__ = [
    "PROFILE_KEYS",
    "ProfileError",
    "answer_text",
    "documents_for",
    "evaluate",
    "paris_offset",
    "paris_time",
    "parse_instant",
    "parse_profile",
    "steps_for",
]
