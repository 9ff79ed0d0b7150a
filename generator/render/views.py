"""The catalog rendered as a Markdown docs tree for MkDocs.

Layout (others rely on it):

    index.md                         home: the institutions, how it works
    <institution>/index.md           an institution: its procedures, contacts, portals
    <institution>/<procedure>.md     a procedure, built as /<institution>/<procedure>/
    <institution>/<procedure>/...    the screenshots of that procedure
    guide/mettre-a-jour.md           the staff guide (site_templates/guide/, as written)
    accessibilite.md                 the accessibility statement

(The names of these top-level folders and pages are refused as institution
identifiers by the catalog: generator.catalog.RESERVED_INSTITUTION_IDS.)

Templates live in `site_templates/*.md.j2`. Everything that comes from YAML
is escaped; the Markdown bodies of the YAML are inserted as Markdown, in the
safe subset of generator.render.safe_markdown (no raw HTML, no link but https:,
mailto:, tel: and relative ones). The templates receive plain "views" built
here, so that they hold layout only.
"""
from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator.render import wording
from generator.errors import UserError, display_path
from generator.render.safe_markdown import safe_markdown
from generator.model.year_diff import previous_year, procedure_changes

UNKNOWN = "unknown"
GUIDE_PAGES = {"guide/mettre-a-jour.md": "Mettre à jour les procédures"}
ACCESSIBILITY_PAGE = "accessibilite.md"

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

# Characters that Python-Markdown would read as syntax inside a line of text.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]])")


def _one_line(value) -> str:
    # Only ASCII white space: the no-break spaces of French typography stay.
    return re.sub(r"[ \t\r\n]+", " ", str(value)).strip()


def markdown_text(value) -> Markup:
    """Plain text from YAML, placed where Markdown is parsed (headings, list items):
    HTML-escaped and with Markdown syntax neutralised, on one line."""
    text = _one_line(value)
    return Markup(_MARKDOWN_SYNTAX.sub(r"\\\1", str(escape(text))))


def markdown_block(value) -> Markup:
    """A Markdown body from YAML, inserted as Markdown (its authors write Markdown),
    in the safe subset: raw HTML shown as text, only https:, mailto:, tel: and
    relative links."""
    return Markup(safe_markdown(str(value).strip()))


def front_matter_string(value) -> Markup:
    """A page title for the YAML front matter. Material writes `page.meta.title`
    into the HTML as it is, so the HTML escaping happens here."""
    return Markup(json.dumps(html.escape(_one_line(value), quote=False), ensure_ascii=False))


def template_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=markdown_text,
        markdown=markdown_block,
        amount=wording.format_amount,
        front_matter=front_matter_string,
        join_fr=wording.join_and,
    )
    return env


def write_docs(catalog, docs_dir: Path, templates_dir: Path, settings: dict | None = None, takeaways=None) -> list:
    """Render every page of the catalog into docs_dir; return the MkDocs `nav`.

    `settings` are the site's (mkdocs.yml): the accessibility statement reads
    its `site_url` and `extra.accessibility`. `takeaways(record)`, when given,
    says where a procedure's PDF notice, calendar and data are, for its page."""
    env = template_environment(templates_dir)
    records = catalog.latest()
    by_institution: dict[str, list] = {key: [] for key in sorted(catalog.institutions)}
    for record in records:
        by_institution[record.institution_id].append(record)

    institutions = [
        institution_view(catalog.institutions[key], by_institution[key]) for key in by_institution
    ]
    _write(docs_dir / "index.md", env.get_template("home.md.j2").render(institutions=institutions))

    nav: list = [{"Accueil": "index.md"}]
    for institution in institutions:
        folder = docs_dir / institution["id"]
        _write(folder / "index.md", env.get_template("institution.md.j2").render(institution=institution))
        section = [f"{institution['id']}/index.md"]
        for record in by_institution[institution["id"]]:
            page = procedure_view(record, catalog.institutions[record.institution_id])
            page["changes"] = changes_view(catalog, record)
            page["takeaways"] = takeaways(record) if takeaways else None
            text = env.get_template("procedure.md.j2").render(
                page=page, record=record, compiled=record.compiled
            )
            _write(folder / f"{record.data['id']}.md", text)
            _copy_screenshots(record, folder / record.data["id"], catalog.root)
            section.append(f"{institution['id']}/{record.data['id']}.md")
        # MkDocs writes nav titles into the HTML as they are.
        nav.append({html.escape(institution["name"], quote=False): section})

    for page, title in GUIDE_PAGES.items():
        source = templates_dir / page
        if source.is_file():
            _write(docs_dir / page, source.read_text(encoding="utf-8"))
            nav.append({title: page})
    _write(
        docs_dir / ACCESSIBILITY_PAGE,
        env.get_template("accessibilite.md.j2").render(statement=accessibility_view(settings or {})),
    )
    nav.append({"Accessibilité": ACCESSIBILITY_PAGE})
    return nav


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy_screenshots(record, target: Path, root: Path) -> None:
    for step in record.data["steps"]:
        for shot in step.get("screenshots", []):
            source = (record.path.parent / shot["src"]).resolve()
            if not source.is_relative_to(record.path.parent.resolve()):
                raise UserError(
                    f"{display_path(record.path, root)} : l'image « {shot['src']} » doit être dans le dossier de la procédure"
                )
            destination = target / shot["src"]
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)


# ---------------------------------------------------------------- views


def known(value) -> bool:
    return value is not None and value != UNKNOWN


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
        "status": extra.get("status", "partiellement conforme"),
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
