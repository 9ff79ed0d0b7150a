"""« Quelle procédure pour moi ? »: the routing from a student's answers to the
procedures of one institution, computed once from each procedure's `public`
(procedures/README.md), and the procedures it can never tell apart.

The questions come in a fixed order (last year's enrolment, the admission
platform, the year of study); one is asked only where an answer narrows the
procedures still possible, and offers the answers some procedure names (each
leads to at least one); « je ne sais pas, ou autre réponse » (`None`) keeps
them all and goes on. A node is
`{"ask": key, "options": [{"value", "next"}], "unsure": node}`, a leaf
`{"procedures": [full ids]}`: plain JSON, walked as it is by the page's script."""
from __future__ import annotations

from checks.profile import PLATFORMS

from generator.source.schema import AUDIENCE_LEVELS

# The finder's questions, in the order it asks them, with every answer each may get.
QUESTIONS = {"deja_inscrit": (True, False), "plateforme": PLATFORMS, "niveau": AUDIENCE_LEVELS}
# Where each question's answers are declared in a procedure's `public`.
PUBLIC_KEYS = {"deja_inscrit": "deja_inscrit", "plateforme": "plateformes", "niveau": "niveaux"}
# The questions whose answers are profile keys: they carry over into the procedure's checker.
PROFILE_QUESTIONS = ("deja_inscrit", "plateforme")


def answers_for(data: dict, key: str) -> frozenset:
    """The answers to question `key` that lead to this procedure: all of them where
    its `public` does not say (or says `either`)."""
    declared = (data.get("public") or {}).get(PUBLIC_KEYS[key])
    if declared is None or declared == "either":
        return frozenset(QUESTIONS[key])
    if isinstance(declared, bool):
        return frozenset({declared})
    return frozenset(declared)


def route(records: list) -> dict:
    """The finder's routing through these procedures (one institution's, as published)."""
    publics = {record.full_id: {key: answers_for(record.data, key) for key in QUESTIONS} for record in records}
    return _node(sorted(publics), publics, tuple(QUESTIONS))


def _node(candidates: list[str], publics: dict, questions: tuple[str, ...]) -> dict:
    for index, key in enumerate(questions):
        if len(candidates) < 2:
            break
        every = frozenset(QUESTIONS[key])
        named = set().union(*(publics[c][key] for c in candidates if publics[c][key] != every))
        # Only the answers some procedure names: the others (a level no notice here
        # speaks of) go with « je ne sais pas, ou autre réponse », which keeps them all.
        options = [(value, [c for c in candidates if value in publics[c][key]]) for value in QUESTIONS[key] if value in named]
        if all(kept == candidates for _, kept in options):
            continue  # every answer keeps them all: not worth asking
        rest = questions[index + 1 :]
        return {
            "ask": key,
            "options": [{"value": value, "next": _node(kept, publics, rest)} for value, kept in options],
            "unsure": _node(candidates, publics, rest),
        }
    return {"procedures": candidates}


def paths(node: dict, answers: tuple = ()):
    """Every way through the routing: (answers as ((key, value or None), …), the leaf's procedures)."""
    if "procedures" in node:
        yield answers, node["procedures"]
        return
    for option in node["options"]:
        yield from paths(option["next"], (*answers, (node["ask"], option["value"])))
    yield from paths(node["unsure"], (*answers, (node["ask"], None)))


def shadowed(records: list) -> list[tuple]:
    """The pairs (hidden, other) of procedures of one institution and academic year where
    every answer leading to `hidden` also leads to `other`: no way through the finder
    leads to `hidden` alone (two procedures declared alike, or one without `public`)."""
    groups: dict[tuple[str, str], list] = {}
    for record in records:
        groups.setdefault((record.institution_id, record.academic_year), []).append(record)
    pairs = []
    for group in groups.values():
        publics = [(record, {key: answers_for(record.data, key) for key in QUESTIONS}) for record in group]
        for hidden, hidden_answers in publics:
            for other, other_answers in publics:
                if other is not hidden and all(hidden_answers[key] <= other_answers[key] for key in QUESTIONS):
                    pairs.append((hidden, other))
    return pairs
