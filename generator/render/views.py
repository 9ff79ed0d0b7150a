"""The views of a procedure's page: plain values the templates lay out.

A procedure's page and its PDF notice (`render.pdf_notice`) are built from
the same views, so they say the same thing. Every word of a figure, a date, a
status or a condition comes from `checks.wording`.
"""
from __future__ import annotations

import re
from datetime import date

from markupsafe import Markup, escape

from checks.wording import pages, wording
from checks.wording.sentences import clause

from generator.model.compile import sources_of
from generator.errors import display_path
from generator.model.year_diff import previous_year, procedure_changes
from generator.model.year_end import YEAR_OVER, finished
from generator.render.contacts import contact_view, kept_language, portal_view
from generator.render.page_paths import link_from_procedure_page
from generator.source.translations import FrenchText, french_texts, split_french
from generator.source.types import known


def _iso_date(value) -> date:
    """A date of the YAML or of mkdocs.yml: a `date` (YAML's safe loader) or its ISO text."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def boundary_view(iso: str | None, kind: str, side: str, lang: str = "fr") -> dict:
    w = wording(lang)
    return {"iso": iso, "text": w.boundary_text(iso, kind, side), "kind": kind}


def windows_view(compiled: dict, unconfirmed: dict | None = None, lang: str = "fr") -> list | None:
    """The windows as shown; a date still « à confirmer » says so."""
    w = wording(lang)
    if compiled["windows"] is None:
        return None
    unconfirmed = unconfirmed or {}
    return [
        {
            "label": window["label"],
            "when": w.describe_when(window["when"]) if window["when"] else None,
            "periods": [
                {
                    side: {
                        **boundary_view(p[side], p[f"{side}_kind"], side, lang),
                        "unconfirmed": ("windows", i, "periods", j, side) in unconfirmed,
                    }
                    for side in ("start", "end")
                }
                for j, p in enumerate(window["periods"])
            ],
        }
        for i, window in enumerate(compiled["windows"])
    ]


def closures_view(data: dict, compiled: dict, unconfirmed: dict | None = None, contacts: dict | None = None, lang: str = "fr") -> list:
    """The closures of the portal or of an office (`contacts`: the institution's, which
    name it); each end is a date or an instant as the YAML wrote it (a date: no hour
    said, the end day included)."""
    w = wording(lang)
    unconfirmed = unconfirmed or {}
    contacts = contacts or {}

    def end(closure: dict, literal: dict, i: int, side: str, key: str) -> dict:
        kind = "date" if len(str(literal[key])) == 10 else "instant"
        return {
            "iso": closure[side],
            "text": w.boundary_text(closure[side], kind, side, hour_note=False),
            "unconfirmed": ("closures", i, key) in unconfirmed,
        }

    def what(closure: dict) -> str:
        contact = contacts.get(closure["contact"]) if closure["contact"] else None
        return w.closure_what(closure["kind"], contact["name"] if contact else None)

    return [
        {
            "start": end(c, literal, i, "start", "from"),
            "end": end(c, literal, i, "end", "to"),
            "reason": c["reason"],
            "kind": c["kind"],
            "what": what(c),
        }
        for i, (c, literal) in enumerate(zip(compiled["closures"], data.get("closures", [])))
    ]


def changes_view(catalog, record, lang: str = "fr") -> dict | None:
    """What changed since the same procedure's previous year, if the catalog has one."""
    w = wording(lang)
    before = previous_year(catalog, record)
    if before is None:
        return None
    items = [w.french_spacing(w.iso_dates_in_words(change)) for change in procedure_changes(before, record, lang)]
    if lang != "fr":  # the labels and titles an item quotes that the data gives only in French, marked
        french = french_texts([before.data, record.data])
        items = [Markup("").join(_french_marked(part) for part in split_french(item, french)) for item in items]
    return {"year": before.academic_year, "items": items}


def _french_marked(part: str) -> Markup:
    return Markup('<span lang="fr">{}</span>').format(part) if isinstance(part, FrenchText) else escape(part)


def draft_view(record, root, lang: str = "fr") -> dict | None:
    """The banner of a year not published yet (`draft: true`), shown by serve and build --drafts."""
    w = wording(lang)
    if not record.draft:
        return None
    return {"title": w.unpublished_title(record.academic_year), "text": w.unpublished_text(display_path(record.path, root))}


def finished_view(catalog, record, at, lang: str = "fr") -> dict | None:
    """The banner of a procedure whose year is over at `at` (`model.year_end`), and where
    next year's is: the same procedure (by its title) or the institution's procedures of a
    later year, when published; else the page says it is not yet, and whom to ask."""
    w = wording(lang)
    over = finished(record, at) if at else None
    if over is None:
        return None
    year_over, candidature = over == YEAR_OVER, record.data["kind"] == "candidature"
    later = [
        r for r in catalog.latest() if r.institution_id == record.institution_id and r.academic_year > record.academic_year
    ]
    same = [r for r in later if r.data["title"].casefold() == record.data["title"].casefold()]
    following = None
    if later:
        newest = max(same or later, key=lambda r: r.academic_year)
        text, link = w.next_year_published(newest.academic_year, bool(same))
        following = {"text": text, "link": link, "path": link_from_procedure_page(f"{newest.data['id']}.md" if same else "index.md")}
    return {
        "title": w.finished_title(year_over, record.academic_year, candidature),
        "text": w.finished_text(year_over, record.academic_year, candidature),
        "next": following,
        "not_yet": w.NEXT_YEAR_NOT_PUBLISHED,
    }


def accessibility_view(settings: dict, lang: str = "fr") -> dict:
    """The accessibility statement's facts, from mkdocs.yml (`extra.accessibility`), its
    status (written in French there) in `lang`."""
    w = wording(lang)
    extra = (settings.get("extra") or {}).get("accessibility") or {}
    return {
        "status": accessibility_status(settings, lang),
        "publisher": extra.get("publisher"),
        "contact_email": extra.get("contact_email"),
        "contact_url": extra.get("contact_url"),
        "audit": extra.get("audit"),
        "date": w.short_date(_iso_date(extra["date"])) if extra.get("date") else None,
        "site_url": settings.get("site_url"),
    }


def accessibility_status(settings: dict, lang: str = "fr") -> str:
    """The site's state of conformity to the RGAA (mkdocs.yml's `extra.accessibility.status`,
    else « partiellement conforme »), in `lang`: the statement and the footer say it alike."""
    extra = (settings.get("extra") or {}).get("accessibility") or {}
    return pages(lang)["accessibility_statuses"][extra.get("status") or "partiellement conforme"]


def _code_text(outcome: dict, categories: dict, lang: str = "fr") -> str:
    """The row's code to tick, with its label: unknown, none, or `01 Etudiant non boursier`."""
    w = wording(lang)
    if outcome.get("category_unknown"):
        return w.fee_code_cell(None)
    code = outcome.get("category")
    if code is None:
        return w.fee_code_cell("")
    return w.fee_code_cell(w.category_text(code, categories.get(code)))


def _fee_row(situation: str, reason: str, outcome: dict, categories: dict, precedence: str | None = None, lang: str = "fr") -> dict:
    w = wording(lang)
    amount = outcome["amount"]
    return {
        "situation": situation,
        "reason": reason,
        "amount": amount,
        "amount_text": w.amount(amount, "cell"),
        "code": _code_text(outcome, categories, lang),
        # The notice is silent on the amount or the code: the page says whom to ask.
        "unknown": amount is None or bool(outcome.get("category_unknown")),
        # Said of a rule of the notice that comes before the national exemptions.
        "precedence": precedence,
    }


def _with_source(rule: dict, compiled: dict) -> str:
    """A national rule's reason with its legal source; French as a whole when its reason is
    one of the French texts left on a page of another language (`french_marked`)."""
    text = f"{rule['reason']} ({rule['source']})"
    return FrenchText(text) if clause(rule["reason"]) in compiled.get("french_texts", ()) else text


def fee_view(data: dict, compiled: dict, lang: str = "fr") -> dict | None:
    """The fee table, its rows in the order they apply (checks/README.md): the notice's rules
    that come first, the national exemptions, the notice's other rules, the national rule
    for students subject to differentiated fees, every other case. A row whose condition
    one above it already holds is never reached (first match wins): not shown."""
    w = wording(lang)
    fee = compiled["fee"]
    if fee is None:
        return None
    categories = {c["code"]: c["label"] for c in fee["categories"]}
    first = [rule for rule in fee["rules"] if rule["before_national_exemptions"]]
    later = [rule for rule in fee["rules"] if not rule["before_national_exemptions"]]
    exemptions = [rule for rule in fee["national_exemptions"] if rule["when"] not in [r["when"] for r in first]]
    # (condition, row) in the order they apply; None: every other case.
    entries = [
        (rule["when"], _fee_row(w.describe_when(rule["when"]), rule["reason"], rule, categories, w.BEFORE_NATIONAL_EXEMPTIONS, lang))
        for rule in first
    ]
    entries += [
        (rule["when"], _fee_row(w.describe_when(rule["when"]), _with_source(rule, compiled), {"amount": 0}, categories, lang=lang))
        for rule in exemptions
    ]
    reached = [rule for rule in later if rule["when"] not in [r["when"] for r in exemptions]]
    entries += [(rule["when"], _fee_row(w.describe_when(rule["when"]), rule["reason"], rule, categories, lang=lang)) for rule in reached]
    subject = {"hors_ue": True}
    differentiated = fee["differentiated"]
    if differentiated and subject not in [rule["when"] for rule in fee["rules"]]:
        information = w.differentiated_information(
            differentiated["amount"], differentiated["level"], differentiated["academic_year"], differentiated["source"]
        )
        entries.append(
            (
                subject,
                _fee_row(
                    w.describe_when(subject),
                    w.differentiated_reason(information, None, ask=False),
                    {"amount": None, "category_unknown": bool(categories)},
                    categories,
                    lang=lang,
                ),
            )
        )
    entries.append((None, _fee_row(w.OTHER_CASES, fee["default"]["reason"], fee["default"], categories, lang=lang)))
    # A rule for every student (no condition) is the last row any student reaches.
    everyone = next((index for index, (when, _) in enumerate(entries) if when == {}), len(entries) - 1)
    rows = [row for _, row in entries[: everyone + 1]]
    allowed = [c["code"] for c in fee["categories"] if c["code"] in set(fee["allowed"])]
    return {
        "rows": rows,
        "has_unknown": any(row["unknown"] for row in rows),
        "has_codes": bool(categories),
        "categories": [
            {"code": c["code"], "label": c["label"], "allowed": c["code"] in allowed} for c in fee["categories"]
        ],
        "codes_text": w.portal_codes_text(len(categories), allowed) if categories else None,
        "note": (data.get("fee") or {}).get("note"),
    }


def cvec_view(data: dict, compiled: dict, lang: str = "fr") -> dict | None:
    w = wording(lang)
    cvec = compiled["cvec"]
    if cvec is None:
        return None
    amount = cvec["amount"]

    def row(situation: str, status: str, reason: str) -> dict:
        return {"situation": situation, "status": status, "status_text": w.cvec_status(status, amount, "page"), "reason": reason}

    rows = [row(w.describe_when(r["when"]), r["status"], r["reason"]) for r in cvec["rules"]]
    rows += [row(w.describe_when(r["when"]), "not_subject", _with_source(r, compiled)) for r in cvec["not_subject"]]
    rows += [row(w.describe_when(r["when"]), "exempt", _with_source(r, compiled)) for r in cvec["exempt"]]
    rows.append(row(w.OTHER_CASES, "due", w.amount_source(cvec["source"])))
    return {
        "amount": amount,
        "amount_text": w.amount(amount, "cell"),
        "rows": rows,
        "note": (data.get("cvec") or {}).get("note"),
    }


def payment_view(data: dict, compiled: dict, lang: str = "fr") -> dict | None:
    """How to pay the fee: each fact the notice gives, and « non précisé » where it is silent."""
    w = wording(lang)
    if compiled["fee"] is None:
        return None
    payment = compiled["payment"]
    written = data.get("payment") if isinstance(data.get("payment"), dict) else {}
    instalments = payment["instalments"]
    options = None
    if instalments is not None:
        options = [
            w.payment_option(
                i["count"],
                i["label"],
                i["min_amount"],
                first_share=i["first_share"],
                at_least=i["at_least"],
                first_due_unknown=i["count"] > 1 and i["first_due"] is None,
            )
            for i in instalments
        ]
    several = instalments is None or any(i["count"] > 1 for i in instalments)
    return {
        "methods_text": w.payment_methods_text(payment["methods"]),
        "due_text": w.payment_due_text(payment["due"]),
        "options": options,
        "options_unknown_text": w.UNKNOWN_INSTALMENTS if options is None else None,
        "later_text": w.later_instalments_text(payment["later_instalments_day"]) if several and instalments else None,
        "unknown": payment["methods"] is None or payment["due"] is None or options is None,
        "note": written.get("note"),
    }


def _year_end_note(compiled: dict, lang: str = "fr") -> str | None:
    w = wording(lang)
    ends = [period["end_kind"] for window in compiled["windows"] or [] for period in window["periods"]]
    if not any(kind in ("asap", "unknown") for kind in ends):
        return None
    year_end = compiled["academic_year_end"]
    return w.year_end_note(_iso_date(year_end["last_day"]), year_end["convention"])


_STEP_NUMBER = re.compile(r"^\s*[ÉéEe]tape\s*n?°?\s*\d+\s*[:.)–-]\s*")


def step_title(title: str) -> str:
    """The title without a number of its own ("Étape 2 : l'inscription"): the page numbers the steps."""
    stripped = _STEP_NUMBER.sub("", title, count=1)
    return kept_language(title, stripped[:1].upper() + stripped[1:]) if stripped else title


def step_view(number: int, step: dict, institution: dict, lang: str = "fr") -> dict:
    w = wording(lang)
    documents = [
        {
            "label": d["label"],
            "applies_to": w.describe_when(d["when"]) if d.get("when") else None,
            "note": d.get("note"),
        }
        for d in step.get("documents", [])
    ]
    return {
        "number": number,
        "anchor": f"etape-{step['id']}",
        "title": step_title(step["title"]),
        "body": step["body"],
        "applies_to": w.describe_when(step["when"]) if step.get("when") else None,
        "portals": [portal_view(institution, p) for p in step.get("portals", [])],
        "menu": step.get("menu"),
        "warnings": [
            {
                "kind": warning.get("kind", "warning"),
                "title": w.WARNING_TITLES[warning.get("kind", "warning")],
                "text": warning["text"],
            }
            for warning in step.get("warnings", [])
        ],
        # An image's text is an attribute, where no language can be marked.
        "screenshots": [{"src": s["src"], "alt": str(s["alt"])} for s in step.get("screenshots", [])],
        "branches": step.get("branches", []),
        "documents": documents,
    }


def procedure_view(record, institution: dict, institution_unconfirmed=(), lang: str = "fr") -> dict:
    """`institution_unconfirmed`: the institution's dates still « à confirmer » (`contact_view`)."""
    w = wording(lang)
    data, compiled = record.data, record.compiled
    contact_ids = list(data.get("contacts", []))
    unsure = data.get("unsure")
    if unsure and unsure["contact"] not in contact_ids:
        contact_ids.append(unsure["contact"])
    contacts = [contact_view(key, institution["contacts"][key], institution_unconfirmed, lang) for key in contact_ids]
    by_id = {c["id"]: c for c in contacts}
    # Whom to ask when the notice is silent: the "en cas de doute" contact first.
    ask = by_id.get(unsure["contact"]) if unsure else (contacts[0] if contacts else None)
    steps = [step_view(i, s, institution, lang) for i, s in enumerate(data["steps"], start=1)]
    view = {
        "id": data["id"],
        "title": data["title"],
        "year": data["academic_year"],
        "year_stated": data.get("academic_year_stated", True),
        "candidature": data["kind"] == "candidature",
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
        "steps": steps,
        # How many steps to follow in order; None when there is only one.
        "steps_in_order": len(steps) if len(steps) > 1 else None,
        "provisional": bool(compiled.get("provisional")),
        "windows": windows_view(compiled, record.unconfirmed, lang),
        "windows_unknown": any(
            kind == "unknown"
            for window in compiled["windows"] or []
            for period in window["periods"]
            for kind in (period["start_kind"], period["end_kind"])
        ),
        # What an end the notice does not give (or gives as « dès que possible ») stands for.
        "year_end": _year_end_note(compiled, lang),
        "closures": closures_view(data, compiled, record.unconfirmed, institution["contacts"], lang),
        "fee": fee_view(data, compiled, lang),
        "cvec": cvec_view(data, compiled, lang),
        "payment": payment_view(data, compiled, lang),
        "contacts": contacts,
        "ask": ask,
        "unsure": {"text": unsure["text"], "contact": by_id[unsure["contact"]]} if unsure else None,
        "sources": [
            {
                "title": source["title"],
                "date": w.short_date(_iso_date(source["date"])) if known(source.get("date")) else None,
                "url": source["url"] if known(source.get("url")) else None,
            }
            for source in sources_of(data)
        ],
    }
    # The compiled procedure's texts left in French (its figures' words placed them, as the checker's answers do).
    french = set(compiled.get("french_texts", ()))
    return french_marked(view, french) if french else view


def french_marked(value, french: set):
    """`value` (a view: dicts, lists, texts) with each text that is one of `french` (the
    French texts left on a page of another language, without their final full stop, as
    the compiled procedure lists them) as a `FrenchText`."""
    if isinstance(value, dict):
        return {key: french_marked(item, french) for key, item in value.items()}
    if isinstance(value, list):
        return [french_marked(item, french) for item in value]
    if isinstance(value, str) and not isinstance(value, FrenchText) and clause(value) in french:
        return FrenchText(value)
    return value


def shows_french(value) -> bool:
    """Whether a view holds a French text placed on a page of another language."""
    if isinstance(value, dict):
        return any(shows_french(item) for item in value.values())
    if isinstance(value, list):
        return any(shows_french(item) for item in value)
    return isinstance(value, FrenchText)

