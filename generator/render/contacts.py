"""The views of an institution's page and of the contacts and portals a procedure names."""
from __future__ import annotations

from generator.render import wording
from generator.source.types import UNKNOWN, known


def portal_view(institution: dict, portal_id: str) -> dict:
    portal = institution["portals"][portal_id]
    url = portal["url"] if known(portal["url"]) else None
    return {
        "name": portal["name"],
        "url": url,
        "shown_url": wording.host_of(url) if url else None,
        "purpose": portal["purpose"].rstrip(" ."),
    }


def contact_view(contact_id: str, contact: dict) -> dict:
    phones = []
    for phone in contact.get("phones", []):
        hours = phone.get("hours")
        phones.append(
            {
                "number": phone["number"],
                "uri": wording.tel_uri(phone["number"]),
                "hours": wording.format_hours(hours) if known(hours) else None,
                "period": wording.format_period(phone.get("period")),
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
        "address": address if known(address) else None,
        "address_unknown": address == UNKNOWN,
        "note": contact.get("note"),
    }


def institution_view(institution: dict, records: list) -> dict:
    website = institution.get("website")
    return {
        "id": institution["id"],
        "name": institution["name"],
        "parent": institution["parent"] if known(institution["parent"]) else None,
        "address": institution.get("address") if known(institution.get("address")) else None,
        "website": website if known(website) else None,
        "shown_website": wording.host_of(website) if known(website) else None,
        "contacts": [contact_view(key, value) for key, value in institution["contacts"].items()],
        "portals": [portal_view(institution, key) for key in institution["portals"]],
        "procedures": [
            {
                "file": f"{r.data['id']}.md",
                "path": f"{institution['id']}/{r.data['id']}.md",
                "title": r.data["title"],
                "year": r.data["academic_year"],
                "year_stated": r.data.get("academic_year_stated", True),
                "draft": bool(r.compiled.get("draft")),
                "summary": r.data["summary"],
                "kind": r.data["kind"],
            }
            for r in records
        ],
    }

