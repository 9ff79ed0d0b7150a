"""The folders and files the tests read, each named once."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

FIXTURES = REPO / "tests" / "fixtures"
# A data root (procedures/): the small institution ecole-demo, with a
# screenshot, links between pages and text that must be escaped.
SITE_FIXTURE = FIXTURES / "site"
# A data root: ecole-annees, one procedure in 2024-2025 and its 2025-2026 draft.
YEARS_FIXTURE = FIXTURES / "years"
# A data root: ecole-hostile, an attack in every text field a page shows.
HOSTILE_FIXTURE = FIXTURES / "hostile"
# A data root without national layer: ecole-muette, whose small procedures
# each leave out or mark « unknown » what their notice does not say; loaded
# one at a time with the bundled national layer (tests.support.silent_notices).
SILENT_FIXTURE = FIXTURES / "silent"
# The institution folder `demo`, added to a copy of the bundled data, that
# the validation tests break one thing at a time.
VALIDATION_FIXTURE = FIXTURES / "validation"
# What a student must find on the built site, notice by notice.
SEED_FACTS = FIXTURES / "seed_facts.yaml"
# The checker's cases, written as data (their README says how).
ENGINE_CASES = REPO / "tests" / "engine" / "cases"
# « Quelle procédure pour moi ? »: each institution's cases, written as data (their README says how).
FINDER_CASES = REPO / "tests" / "finder"
