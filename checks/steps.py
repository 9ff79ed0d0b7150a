"""Which steps, and which documents to provide, are this student's."""
from __future__ import annotations

from checks.conditions import condition_holds


def steps_for(procedure: dict, profile: dict) -> list[str]:
    """Ids of the procedure's steps that apply to this student, in order."""
    return [step["id"] for step in procedure.get("steps") or () if condition_holds(step.get("when"), profile)]


def documents_for(procedure: dict, profile: dict) -> list[str]:
    """Ids of the documents this student provides, in order: those of their steps
    whose own condition holds."""
    steps = set(steps_for(procedure, profile))
    return [
        document["id"]
        for document in procedure.get("documents") or ()
        if document.get("step") in steps and condition_holds(document.get("when"), profile)
    ]
