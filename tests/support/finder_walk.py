"""A way through « Quelle procédure pour moi ? »'s routing (assets/finder/routing.json,
generator/render/finder_view.py), walked as the page's script walks it."""
from __future__ import annotations


def _text(value) -> str | None:
    """An answer as the routing writes it (`true`, `parcoursup`); None: « je ne sais pas »."""
    if value is None:
        return None
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def steps(node: dict, answers: dict) -> list[tuple[dict, dict]]:
    """Each question on the way (its node) and the choice the answers make there (a
    question they leave out is « je ne sais pas »), then the leaf as the last node."""
    taken = []
    while "ask" in node:
        option = next((o for o in node["options"] if o["value"] == _text(answers.get(node["ask"]))), None)
        chosen = option or node["unsure"]
        taken.append((node, chosen))
        node = chosen["next"]
    return taken + [(node, None)]


def walk(node: dict, answers: dict) -> tuple[list[str], dict]:
    """The procedures the routing leads to, and the fragment's answers it carries (the
    answers given to questions on profile keys)."""
    taken = steps(node, answers)
    carried = {n["ask"]: c["value"] for n, c in taken[:-1] if n["profile"] and c is not n["unsure"]}
    return taken[-1][0]["procedures"], carried


def picks(node: dict, answers: dict) -> list[tuple[str, str]]:
    """The (legend, label) of each answer the student picks on the way, as the page words them."""
    return [(n["legend"], c["label"]) for n, c in steps(node, answers)[:-1]]
