"""Where a figure comes from, and whom to ask when the notice is silent (the words are the wording's)."""
from __future__ import annotations


def source_of(rule: dict | None, procedure: dict) -> str | None:
    """The rule's own source, else the procedure's notice; None when neither names one."""
    return (rule or {}).get("source") or procedure.get("source")


def contact_of(procedure: dict) -> str | None:
    """The procedure's "unsure" contact, whom a student asks what the notice does not say."""
    return (procedure.get("unsure") or {}).get("contact")
