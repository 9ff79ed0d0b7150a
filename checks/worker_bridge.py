"""The worker's door into `checks`: JSON text in, JSON text out.

Packed with `checks` by generator/outputs/checker_runtime.py and imported by the
checker's Web Worker (site_templates/checker/worker.mjs) in Pyodide as
`checks.worker_bridge`. `answer` gives the page the contract's answer
serialised exactly as `python -m generator check … --json` prints it, and a
`view`: the same answer as short sentences the widget places in the page (the
countdown and the highlighting are the widget's). `calendar` turns an answer
into the student's own `.ics` (« Ajouter à mon agenda »). `lang` chooses the
wording (`checks.wording`), French by default.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

import checks
from checks.calendar import student_calendar
from checks.deadline import answer_periods, status_text, year_end_of
from checks.fee import category_text
from checks.sources import contact_of, kind_of
from checks.wording import LANGUAGES, wording

_procedures: dict[str, dict] = {}


def answer(key: str, procedure_text: str | None, values_text: str, at_text: str, lang: str = "fr") -> str:
    """`{"ok": true, "json": …, "view": …}`, or `{"ok": false, "error": …}` for a bad profile or instant.

    `procedure_text` is the compiled procedure's JSON the first time `key` is
    seen, then may be None; `values_text` maps profile keys to the form's text
    values; `at_text` is `YYYY-MM-DDTHH:MM` (Paris time) or empty for now.
    """
    if procedure_text is not None:
        _procedures[key] = json.loads(procedure_text)
    procedure = _procedures[key]
    try:
        values = json.loads(values_text)
        at = checks.parse_instant(at_text, lang) if at_text else now()
        result = checks.evaluate(procedure, values, at, lang)
    except ValueError as error:  # ProfileError is one; parse_instant's message is worded too
        return json.dumps({"ok": False, "error": str(error)}, ensure_ascii=False)
    return json.dumps(
        {"ok": True, "json": answer_json(result), "view": view(result, procedure, lang)}, ensure_ascii=False
    )


def calendar(key: str, answer_text: str, page_url: str, lang: str = "fr") -> str:
    """This student's windows as an iCalendar file (`checks.calendar.student_calendar`).

    `answer_text` is the answer the page shows (its `data-json`), computed
    for `key`, whose procedure `answer` has already read; the file is stamped now.
    """
    return student_calendar(_procedures[key], json.loads(answer_text), now(), page_url=page_url or None, lang=lang)


def answer_json(result: dict) -> str:
    """The answer as the command line prints it with --json (without its final newline)."""
    return json.dumps(result, ensure_ascii=False, indent=2)


def now() -> datetime:
    return checks.paris_time(datetime.now(timezone.utc))


def view(result: dict, procedure: dict, lang: str = "fr") -> dict:
    """The answer in words, part by part; a part the procedure lacks is None."""
    words = wording(lang)
    at = datetime.fromisoformat(result["at"])
    parts = {
        "at": words.moment_text(at),
        "fee": _fee_view(result["fee"], procedure, lang),
        "cvec": _cvec_view(result["cvec"], lang),
        "deadline": _deadline_view(result["deadline"], at, procedure, lang),
        "payment": _payment_view(result["payment"], lang),
        "documents": _documents_view(result["documents"], procedure),
        "ask": words.whom_to_ask(contact_of(procedure, at, lang)),
        "explanation": result["explanation"],
        "all_steps": [step["id"] for step in procedure.get("steps") or ()],
    }
    parts["summary"] = words.view_summary(
        *((parts[name] or {}).get("headline") for name in ("fee", "cvec", "deadline"))
    )
    return parts


def _fee_view(fee: dict | None, procedure: dict, lang: str) -> dict | None:
    if fee is None:
        return None
    amount = fee["amount_eur"]
    code = category_text(procedure.get("fee") or {}, fee["category"], lang) if fee["category"] else None
    headline = wording(lang).view_fee_headline(amount)
    return {"headline": headline, "code": code, "reason": fee["reason"], "unknown": amount is None}


def _cvec_view(cvec: dict | None, lang: str) -> dict | None:
    if cvec is None:
        return None
    headline = wording(lang).cvec_status(cvec["status"], cvec["amount_eur"], "widget")
    return {"headline": headline, "status": cvec["status"], "reason": cvec["reason"]}


def _deadline_view(deadline: dict | None, at: datetime, procedure: dict, lang: str) -> dict | None:
    if deadline is None:
        return None
    words = wording(lang)
    periods = answer_periods(deadline, year_end_of(procedure))
    status = deadline["status"]
    kind = kind_of(procedure)
    headline = words.view_deadline_headline(status_text(periods, status, at, lang, kind) if periods else None, kind)
    next_change = deadline["next_change"]
    countdown = None
    if next_change is not None:
        countdown = {"to": next_change, "label": words.countdown_label(status)}
    return {"headline": headline, "status": status, "reason": deadline["reason"], "countdown": countdown}


def _payment_view(payment: dict | None, lang: str) -> dict | None:
    if payment is None:
        return None
    words = wording(lang)
    plan = payment["plan"]
    lines = [
        words.view_instalment(number, len(plan), item["amount_eur"], date.fromisoformat(item["due"]) if item["due"] else None)
        for number, item in enumerate(plan, start=1)
    ]
    return {"lines": lines, "refused": payment["refused"]}


def _documents_view(documents: list[str], procedure: dict) -> list[dict]:
    """The student's documents to provide, with their labels and notes, in order."""
    by_id = {d["id"]: d for d in procedure.get("documents") or ()}
    return [
        {"id": document, "label": by_id.get(document, {}).get("label") or document, "note": by_id.get(document, {}).get("note")}
        for document in documents
    ]


def warm_up() -> None:
    """Run every part once in every language, so the memory snapshot holds every module they import."""
    procedure = {
        "id": "exemple/warm-up",
        "institution": {"id": "exemple", "name": "Exemple"},
        "title": "Exemple",
        "academic_year": "2024-2025",
        "academic_year_stated": False,
        "level": "licence",
        "source": "exemple",
        "unsure": {"text": "", "contact": "exemple"},
        "contacts": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
        "steps": [{"id": "a", "title": "A", "when": {"boursier": False}}],
        "documents": [{"id": "d", "label": "D", "step": "a", "when": {}, "note": None}],
        "fee": {
            "categories": [{"code": "01", "label": "Exemple"}],
            "allowed": ["01"],
            "rules": [{"when": {"regime": ["apprentissage"]}, "before_national_exemptions": False, "amount": 0,
                       "category": None, "category_unknown": False, "reason": "r", "source": "s"}],
            "national_exemptions": [{"when": {"boursier": True}, "reason": "r", "source": "s"}],
            "differentiated": {"amount": 2850.0, "level": "licence", "academic_year": "2024-2025", "source": "s"},
            "default": {"amount": 175.0, "category": "01", "category_unknown": False, "reason": "r", "source": "s"},
        },
        "cvec": {"amount": 103.0, "source": "s", "rules": [], "not_subject": [], "exempt": []},
        "windows": [{"label": "l", "when": {"date_acceptation": {"from": "2024-07-01"}, "plateforme": "parcoursup"},
                     "periods": [{"start": "2024-07-09T14:00:00+02:00", "end": "2024-07-19T12:00:00+02:00",
                                  "start_kind": "instant", "end_kind": "instant"},
                                 {"start": "2024-08-22T14:00:00+02:00", "end": None,
                                  "start_kind": "instant", "end_kind": "unknown"}]}],
        "academic_year_end": {"end": "2025-09-01T00:00:00+02:00", "last_day": "2025-08-31", "convention": True, "source": "s"},
        "closures": [{"start": "2024-07-01T00:00:00+02:00", "end": "2024-08-01T00:00:00+02:00", "reason": "r",
                      "kind": "office", "contact": "a"}],
        "payment": {"methods": None, "due": "at_registration",
                    "instalments": [{"count": 1, "label": None, "min_amount": None, "first_due": "at_registration",
                                     "first_share": None, "at_least": False},
                                    {"count": 3, "label": None, "min_amount": None, "first_due": "at_registration",
                                     "first_share": [1, 3], "at_least": True}],
                    "later_instalments_day": 10},
        "questions": ["regime", "boursier", "hors_ue", "plateforme", "date_acceptation", "echeances"],
        "options": {"regime": ["apprentissage"], "plateforme": ["parcoursup"], "echeances": [1, 3]},
    }
    text = json.dumps(procedure)
    for lang in LANGUAGES:
        for values, at in (
            ({"echeances": "3", "date_acceptation": "2024-07-02"}, "2024-07-10T10:00"),
            ({"boursier": "true", "hors_ue": "true"}, ""),
            ({"hors_ue": "true", "plateforme": "parcoursup"}, "2025-03-10T10:00"),
            ({"regime": "inconnu"}, "2024-07-10T10:00"),
        ):
            reply = json.loads(answer("exemple/warm-up", text, json.dumps(values), at, lang))
            if reply["ok"]:
                calendar("exemple/warm-up", reply["json"], "https://exemple.invalid/", lang)
        checks.answer_text(checks.evaluate(procedure, {}, now(), lang), procedure, lang)
    _procedures.clear()
