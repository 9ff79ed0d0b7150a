"""Where a figure comes from, and whom to ask when the notice is silent."""
from __future__ import annotations

from checks.french import clause

_FALLBACK_SOURCE = "notice de la procédure"


def source_text(rule: dict | None, procedure: dict) -> str:
    """`(source : …)`: the rule's own source, else the procedure's notice."""
    source = (rule or {}).get("source") or procedure.get("source") or _FALLBACK_SOURCE
    return f"(source : {clause(source)})"


def whom_to_ask(procedure: dict) -> str:
    """`renseignez-vous auprès de : …`, from the procedure's "unsure" contact."""
    contact = (procedure.get("unsure") or {}).get("contact")
    if contact:
        return f"renseignez-vous auprès de : {clause(contact)}"
    return "renseignez-vous auprès de l'établissement"
