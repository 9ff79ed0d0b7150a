"""Where a figure comes from, and whom to ask when the notice is silent (the words are the wording's)."""
from __future__ import annotations

from datetime import datetime

from checks.wording import wording


def kind_of(procedure: dict | None) -> str:
    """What the student does in the procedure's periods: `inscription` or `candidature`."""
    return (procedure or {}).get("kind") or "inscription"


def source_of(rule: dict | None, procedure: dict) -> str | None:
    """The rule's own source, else the procedure's notice; None when neither names one."""
    return (rule or {}).get("source") or procedure.get("source")


def contact_of(procedure: dict, at: datetime | None = None, lang: str = "fr") -> str | None:
    """Whom a student asks what the notice does not say, at `at`.

    The procedure's contacts come "unsure" contact first. While an office
    closure closes the first one, the next contact of the procedure that is
    open; when none is, the first one, said closed until its closure ends.
    """
    contacts = procedure.get("contacts") or ()
    if not contacts:
        return (procedure.get("unsure") or {}).get("contact")
    closed = {} if at is None else closed_offices(procedure, at)
    for contact in contacts:
        if contact["id"] not in closed:
            return contact["text"]
    first = contacts[0]
    return wording(lang).closed_contact(first["text"], closed[first["id"]])


def closed_offices(procedure: dict, at: datetime) -> dict[str, datetime]:
    """The contacts an office closure closes at `at`, with the end of their closure."""
    closed = {}
    for closure in procedure.get("closures") or ():
        if closure.get("kind") == "office" and closure.get("contact"):
            start, end = datetime.fromisoformat(closure["start"]), datetime.fromisoformat(closure["end"])
            if start <= at < end:
                closed[closure["contact"]] = max(end, closed.get(closure["contact"], end))
    return closed
