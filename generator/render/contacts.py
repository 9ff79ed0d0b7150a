"""The views of an institution's page and of the contacts and portals a procedure names."""
from __future__ import annotations

import posixpath
import re

from checks.wording import wording

from generator.model.year_end import YEAR_OVER, finished
from generator.render.page_paths import procedure_page
from generator.source.translations import FrenchText
from generator.source.types import UNKNOWN, known


def tel_uri(number: str) -> str:
    """`02 38 41 70 86` becomes `tel:+33238417086`; an international number keeps its code."""
    digits = re.sub(r"[^\d+]", "", str(number))
    if digits.startswith("+"):
        return "tel:" + digits
    if digits.startswith("00"):
        return "tel:+" + digits[2:]
    if digits.startswith("0") and len(digits) == 10:
        return "tel:+33" + digits[1:]
    return "tel:" + digits


def host_of(url: str) -> str:
    """`https://www.example.fr/a/b` becomes `www.example.fr/a/b`, shown beside a link."""
    return re.sub(r"^https?://", "", str(url)).rstrip("/")


def portal_view(institution: dict, portal_id: str) -> dict:
    portal = institution["portals"][portal_id]
    url = portal["url"] if known(portal["url"]) else None
    return {
        "name": portal["name"],
        "url": url,
        "shown_url": host_of(url) if url else None,
        "purpose": kept_language(portal["purpose"], portal["purpose"].rstrip(" .")),
    }


def contact_view(contact_id: str, contact: dict, unconfirmed=(), lang: str = "fr") -> dict:
    """`unconfirmed`: the paths of the institution's dates still « à confirmer » (a phone line's
    period that new-year moved), which the page marks; `lang`, the page's language."""
    w = wording(lang)
    phones = []
    for index, phone in enumerate(contact.get("phones", [])):
        hours = phone.get("hours")
        phones.append(
            {
                "number": phone["number"],
                "uri": tel_uri(phone["number"]),
                "hours": w.phone_hours_text(hours) if known(hours) else None,
                "period": w.date_range(phone.get("period")),
                "period_unconfirmed": any(("contacts", contact_id, "phones", index, "period", side) in unconfirmed for side in ("from", "to")),
                "note": phone.get("note"),
            }
        )
    address = contact.get("address")
    return {
        "id": contact_id,
        "anchor": f"contact-{contact_id}",
        "name": contact["name"],
        "role": contact.get("role"),
        "emails": contact.get("emails", []),
        "phones": phones,
        "no_email_nor_phone": not contact.get("emails") and not phones,
        "address": address if known(address) else None,
        "address_unknown": address == UNKNOWN,
        "note": contact.get("note"),
    }


def institution_view(institution: dict, records: list, unconfirmed=(), at=None, lang: str = "fr") -> dict:
    """`unconfirmed`: as `contact_view`'s; at `at`, a procedure whose year is over is marked;
    `lang`, the page's language."""
    website = institution.get("website")
    return {
        "id": institution["id"],
        "name": institution["name"],
        "parent": institution["parent"] if known(institution["parent"]) else None,
        "address": institution.get("address") if known(institution.get("address")) else None,
        "website": website if known(website) else None,
        "shown_website": host_of(website) if known(website) else None,
        "contacts": [contact_view(key, value, unconfirmed, lang) for key, value in institution["contacts"].items()],
        "portals": [portal_view(institution, key) for key in institution["portals"]],
        "procedures": [
            {
                "file": posixpath.relpath(procedure_page(institution["id"], r.data["id"]), institution["id"]),
                "path": procedure_page(institution["id"], r.data["id"]),
                "title": r.data["title"],
                "year": r.data["academic_year"],
                "year_stated": r.data.get("academic_year_stated", True),
                "provisional": bool(r.compiled.get("provisional")),
                "finished": _finished_mark(r, at, lang),
                "summary": r.data["summary"],
                "candidature": r.data["kind"] == "candidature",
            }
            for r in records
        ],
    }


def kept_language(source: str, text: str) -> str:
    """`text`, made from `source` (trimmed, recased), still marked French if `source` was (`source.translations`)."""
    return FrenchText(text) if isinstance(source, FrenchText) else text


def _finished_mark(record, at, lang: str) -> str | None:
    """« année terminée », « inscriptions closes » (« candidatures closes »), or None (`model.year_end`)."""
    over = finished(record, at) if at else None
    return None if over is None else wording(lang).finished_mark(over == YEAR_OVER, record.data["kind"] == "candidature")
