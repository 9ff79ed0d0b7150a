"""The same answers in Pyodide (the browser's Python) as in CPython, for every real procedure.

Runs `checks/` in the Pyodide of node_modules/ under Node.js; skipped where
either is missing (`npm ci` installs it).
"""
from __future__ import annotations

from checks import evaluate, parse_instant
from tests.support.paths import REPO
from tests.support.pyodide_node import requires_pyodide, run_in_pyodide

PROFILES = [
    {},
    {"boursier": "true", "date_acceptation": "2024-07-20"},
    {"regime": "apprentissage", "echeances": "3", "deja_inscrit": "true"},
    {"regime": "formation_continue", "cvec_deja_acquittee": "true", "date_acceptation": "2024-08-30"},
    {"hors_ue": "true", "echeances": "5", "date_acceptation": "2024-07-01"},
]
INSTANTS = ["2022-07-19T23:59", "2024-07-25T10:00", "2024-08-22T14:00", "2025-09-15T10:00+00:00"]

@requires_pyodide
def test_pyodide_gives_the_same_answers_as_cpython(tmp_path):
    from generator.model.catalog import load_catalog

    procedures = [record.compiled for record in load_catalog(REPO).latest()]
    inputs = [(p, profile, at) for p in procedures for profile in PROFILES for at in INSTANTS]
    expected = [evaluate(p, profile, parse_instant(at)) for p, profile, at in inputs]
    body = "import checks\nresult = [checks.evaluate(p, profile, checks.parse_instant(at)) for p, profile, at in inputs]\n"
    assert run_in_pyodide(tmp_path, body, inputs) == expected
