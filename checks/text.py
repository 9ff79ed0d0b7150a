"""The answer as plain text, for the command line (French by default)."""
from __future__ import annotations

from datetime import date, datetime

from checks.deadline import YEAR_END, answer_periods, status_text, year_end_of
from checks.fee import category_text
from checks.sources import kind_of
from checks.wording import wording


def answer_text(answer: dict, procedure: dict | None = None, lang: str = "fr") -> str:
    """Readable lines; with the compiled procedure, codes and steps get their labels."""
    words = wording(lang)
    at = datetime.fromisoformat(answer["at"])
    lines = [
        words.text_title(answer["procedure"], (procedure or {}).get("title")),
        words.text_heading(answer["academic_year"], at),
        "",
        _fee_line(answer["fee"], procedure, lang),
        _cvec_line(answer["cvec"], lang),
        *_deadline_lines(answer["deadline"], at, procedure, lang),
    ]
    if answer["payment"] is not None:
        lines += _payment_lines(answer["payment"], lang)
    lines += _steps_lines(answer["steps"], procedure, lang)
    lines += _documents_lines(answer["documents"], procedure, lang)
    lines += ["", words.TEXT_WHY] + [f"  • {sentence}" for sentence in answer["explanation"]]
    return "\n".join(lines) + "\n"


def _fee_line(fee: dict | None, procedure: dict | None, lang: str) -> str:
    words = wording(lang)
    if fee is None:
        return words.TEXT_NO_FEE
    code = fee["category"]
    if code is not None and procedure:
        code = category_text(procedure.get("fee") or {}, code, lang)
    return words.text_fee(fee["amount_eur"], code)


def _cvec_line(cvec: dict | None, lang: str) -> str:
    words = wording(lang)
    if cvec is None:
        return words.TEXT_NO_CVEC
    return words.cvec_status(cvec["status"], cvec["amount_eur"], "text")


def _deadline_lines(deadline: dict | None, at: datetime, procedure: dict | None, lang: str) -> list[str]:
    words = wording(lang)
    if deadline is None:
        return [words.TEXT_NO_DATES]
    periods = answer_periods(deadline, year_end_of(procedure or {}))
    if not periods:
        return [words.TEXT_NO_PERIOD]
    status = status_text(periods, deadline["status"], at, lang, kind_of(procedure))
    if words.depends_on("date_acceptation") in deadline["reason"]:
        lines = words.text_depends_on_date(status)
    else:
        lines = [status]
    lines.append(words.text_periods_heading(len(periods)))
    lines += [f"  • {words.period_text(p.start, p.end, year_end=p.end_kind == YEAR_END)}" for p in periods]
    return lines


def _payment_lines(payment: dict, lang: str) -> list[str]:
    words = wording(lang)
    plan = [(_day(item["due"]), item["amount_eur"]) for item in payment["plan"]]
    if len(plan) == 1:
        due, amount = plan[0]
        lines = [words.text_one_payment(amount, due)]
    else:
        lines = [words.text_payment_heading(len(plan))]
        lines += [f"  • {words.text_instalment(amount, due)}" for due, amount in plan]
    if payment["refused"]:
        lines.append(f"  {payment['refused']}")
    return lines


def _steps_lines(steps: list[str], procedure: dict | None, lang: str) -> list[str]:
    words = wording(lang)
    titles = {s["id"]: s.get("title") for s in (procedure or {}).get("steps") or ()}
    if not titles:
        return words.text_steps(None, steps)
    return words.text_steps([titles.get(step) or step for step in steps], steps)


def _documents_lines(documents: list[str], procedure: dict | None, lang: str) -> list[str]:
    words = wording(lang)
    labels = {d["id"]: d.get("label") for d in (procedure or {}).get("documents") or ()}
    return words.text_documents([labels.get(document) or document for document in documents])


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)
