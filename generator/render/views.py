"""The views of a procedure's page: plain values the templates lay out.

A procedure's page and its PDF notice (`render.pdf_notice`) are built from
the same views, so they say the same thing.
"""
from __future__ import annotations

import re

from generator.model.year_diff import previous_year, procedure_changes
from generator.render import wording
from generator.render.contacts import contact_view, portal_view
from generator.source.types import known

WARNING_TITLES = {
    "note": "À noter",
    "info": "Information",
    "warning": "Attention",
    "danger": "Important",
}

CVEC_STATUS = {
    "due": "À payer",
    "exempt": "Exonération\u00a0: 0\u00a0€, mais l'attestation d'exonération reste à obtenir",
    "not_subject": "Pas de CVEC\u00a0: rien à faire",
}


def boundary_view(iso: str | None, kind: str, side: str) -> dict:
    return {"iso": iso, "text": wording.boundary_text(iso, kind, side), "kind": kind}


def windows_view(compiled: dict, unconfirmed: dict | None = None) -> list | None:
    """The windows as shown; a date still « à confirmer » in a draft says so."""
    if compiled["windows"] is None:
        return None
    unconfirmed = unconfirmed or {}
    return [
        {
            "label": window["label"],
            "when": wording.describe_when(window["when"]) if window["when"] else None,
            "periods": [
                {
                    side: {
                        **boundary_view(p[side], p[f"{side}_kind"], side),
                        "unconfirmed": ("windows", i, "periods", j, side) in unconfirmed,
                    }
                    for side in ("start", "end")
                }
                for j, p in enumerate(window["periods"])
            ],
        }
        for i, window in enumerate(compiled["windows"])
    ]


def closures_view(data: dict, compiled: dict, unconfirmed: dict | None = None) -> list:
    unconfirmed = unconfirmed or {}
    return [
        {
            "start": {
                "iso": c["start"],
                "text": wording.closure_text(c["start"], literal["from"], "start"),
                "unconfirmed": ("closures", i, "from") in unconfirmed,
            },
            "end": {
                "iso": c["end"],
                "text": wording.closure_text(c["end"], literal["to"], "end"),
                "unconfirmed": ("closures", i, "to") in unconfirmed,
            },
            "reason": c["reason"],
        }
        for i, (c, literal) in enumerate(zip(compiled["closures"], data.get("closures", [])))
    ]


def changes_view(catalog, record) -> dict | None:
    """What changed since the same procedure's previous year, if the catalog has one."""
    before = previous_year(catalog, record)
    if before is None:
        return None
    items = [wording.no_break_spaces(wording.iso_dates_in_words(change)) for change in procedure_changes(before, record)]
    return {"year": before.academic_year, "items": items}


def accessibility_view(settings: dict) -> dict:
    """The accessibility statement's facts, from mkdocs.yml (`extra.accessibility`)."""
    extra = (settings.get("extra") or {}).get("accessibility") or {}
    return {
        "status": extra.get("status") or "partiellement conforme",  # as the footer says it
        "publisher": extra.get("publisher"),
        "contact_email": extra.get("contact_email"),
        "contact_url": extra.get("contact_url"),
        "audit": extra.get("audit"),
        "date": wording.format_short_date(wording.parse_date(extra["date"])) if extra.get("date") else None,
        "site_url": settings.get("site_url"),
    }


def _code_text(outcome: dict, categories: dict) -> str | None:
    if outcome.get("category_unknown"):
        return None
    code = outcome.get("category")
    if code is None:
        return ""
    return f"{code} {categories.get(code, '')}".strip()


def fee_view(data: dict, compiled: dict) -> dict | None:
    fee = compiled["fee"]
    if fee is None:
        return None
    categories = {c["code"]: c["label"] for c in fee["categories"]}
    rows = [
        {
            "situation": wording.describe_when(rule["when"]),
            "reason": rule["reason"],
            "amount": rule["amount"],
            "code": _code_text(rule, categories),
        }
        for rule in fee["rules"]
    ]
    # A national exemption whose condition a rule of the procedure already
    # covers is never reached (first match wins): not shown.
    shadowed = [rule["when"] for rule in fee["rules"]]
    rows += [
        {
            "situation": wording.describe_when(rule["when"]),
            "reason": f"{rule['reason']} ({rule['source']})",
            "amount": 0,
            "code": "",
        }
        for rule in fee["national_exemptions"]
        if rule["when"] not in shadowed
    ]
    default = fee["default"]
    rows.append(
        {
            "situation": "Dans tous les autres cas",
            "reason": default["reason"],
            "amount": default["amount"],
            "code": _code_text(default, categories),
        }
    )
    allowed = set(fee["allowed"])
    return {
        "rows": rows,
        "has_unknown": any(row["amount"] is None or row["code"] is None for row in rows),
        "has_codes": bool(categories),
        "categories": [
            {"code": c["code"], "label": c["label"], "allowed": c["code"] in allowed} for c in fee["categories"]
        ],
        "allowed": [c["code"] for c in fee["categories"] if c["code"] in allowed],
        "note": (data.get("fee") or {}).get("note"),
    }


def cvec_view(data: dict, compiled: dict) -> dict | None:
    cvec = compiled["cvec"]
    if cvec is None:
        return None
    amount = cvec["amount"]
    rows = [
        {
            "situation": wording.describe_when(rule["when"]),
            "status": rule["status"],
            "reason": rule["reason"],
        }
        for rule in cvec["rules"]
    ]
    rows += [
        {"situation": wording.describe_when(r["when"]), "status": "not_subject", "reason": f"{r['reason']} ({r['source']})"}
        for r in cvec["not_subject"]
    ]
    rows += [
        {"situation": wording.describe_when(r["when"]), "status": "exempt", "reason": f"{r['reason']} ({r['source']})"}
        for r in cvec["exempt"]
    ]
    for row in rows:
        row["status_text"] = CVEC_STATUS[row["status"]]
        if row["status"] == "due":
            row["status_text"] += f"\u00a0: {wording.format_amount(amount)}"
    return {
        "amount": amount,
        "source": cvec["source"],
        "rows": rows,
        "note": (data.get("cvec") or {}).get("note"),
    }


def payment_view(data: dict, compiled: dict) -> dict | None:
    payment = data.get("payment")
    if not payment or compiled["fee"] is None:
        return None
    options = []
    for instalment in compiled["payment"]["instalments"]:
        count = instalment["count"]
        text = instalment["label"] or ("en une fois" if count == 1 else f"en {count} fois")
        if instalment["label"] and count > 1:
            text += f" (paiement en {count} fois)"
        if instalment["min_amount"] is not None:
            text += f", possible à partir de {wording.format_amount(instalment['min_amount'])} de droits"
        options.append(text)
    return {
        "methods": payment.get("methods", []),
        "options": options,
        "later_day": compiled["payment"]["later_instalments_day"],
        "note": payment.get("note"),
    }


_STEP_NUMBER = re.compile(r"^\s*[ÉéEe]tape\s*n?°?\s*\d+\s*[:.)–-]\s*")


def step_title(title: str) -> str:
    """The title without a number of its own ("Étape 2 : l'inscription"): the page numbers the steps."""
    stripped = _STEP_NUMBER.sub("", title, count=1)
    return stripped[:1].upper() + stripped[1:] if stripped else title


def step_view(number: int, step: dict, institution: dict, procedure_id: str) -> dict:
    return {
        "number": number,
        "anchor": f"etape-{step['id']}",
        "title": step_title(step["title"]),
        "body": step["body"],
        "applies_to": wording.describe_when(step["when"]) if step.get("when") else None,
        "portals": [portal_view(institution, p) for p in step.get("portals", [])],
        "menu": step.get("menu"),
        "warnings": [
            {
                "kind": w.get("kind", "warning"),
                "title": WARNING_TITLES[w.get("kind", "warning")],
                "text": w["text"],
            }
            for w in step.get("warnings", [])
        ],
        "screenshots": [{"src": f"{procedure_id}/{s['src']}", "alt": s["alt"]} for s in step.get("screenshots", [])],
        "branches": step.get("branches", []),
    }


def procedure_view(record, institution: dict) -> dict:
    data, compiled = record.data, record.compiled
    contact_ids = list(data.get("contacts", []))
    unsure = data.get("unsure")
    if unsure and unsure["contact"] not in contact_ids:
        contact_ids.append(unsure["contact"])
    contacts = [contact_view(key, institution["contacts"][key]) for key in contact_ids]
    by_id = {c["id"]: c for c in contacts}
    # Whom to ask when the notice is silent: the "en cas de doute" contact first.
    ask = by_id.get(unsure["contact"]) if unsure else (contacts[0] if contacts else None)
    source = data["source"]
    return {
        "id": data["id"],
        "title": data["title"],
        "year": data["academic_year"],
        "year_stated": data.get("academic_year_stated", True),
        "kind": data["kind"],
        "summary": data["summary"],
        "institution": {"id": institution["id"], "name": institution["name"]},
        "audience_for": data["audience"]["for"],
        "audience_not_for": data["audience"].get("not_for", []),
        "prerequisites": [
            {
                "title": step_title(p["title"]),
                "body": p["body"],
                "portals": [portal_view(institution, key) for key in p.get("portals", [])],
            }
            for p in data.get("prerequisites", [])
        ],
        "steps": [step_view(i, s, institution, data["id"]) for i, s in enumerate(data["steps"], start=1)],
        "draft": bool(compiled.get("draft")),
        "windows": windows_view(compiled, record.unconfirmed),
        "windows_unknown": any(
            kind == "unknown"
            for window in compiled["windows"] or []
            for period in window["periods"]
            for kind in (period["start_kind"], period["end_kind"])
        ),
        "closures": closures_view(data, compiled, record.unconfirmed),
        "fee": fee_view(data, compiled),
        "cvec": cvec_view(data, compiled),
        "payment": payment_view(data, compiled),
        "contacts": contacts,
        "ask": ask,
        "unsure": {"text": unsure["text"], "contact": by_id[unsure["contact"]]} if unsure else None,
        "source": {
            "title": source["title"],
            "date": wording.format_short_date(wording.parse_date(source["date"])) if known(source.get("date")) else None,
            "url": source["url"] if known(source.get("url")) else None,
        },
    }
