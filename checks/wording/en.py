"""English (British): every figure, sentence and label `checks` writes, as functions of plain values.

The same names and signatures as `fr`, worded in English rather than translated
word for word. `€175`, `€3,770.50`, `Tuesday 9 July 2024`, `2 pm`, `2:30 pm`,
`noon`; a no-break space (U+00A0) only inside an hour (`2 pm`), so that it never
breaks; none of French's spaces before « : ; ! ? ». Quotations in single quotes
(‘…’). Instants are written in Paris time. Texts from the data (reasons, labels,
sources, contacts) are placed as they are, without their final full stop.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from checks.paris_time import is_midnight, paris_time
from checks.wording.sentences import (
    DATA_DAYS,
    SHORTEST_MONTH,
    as_date,
    category_text,
    clause,
    day_run,
    iso_moments,
    joined,
    last_day,
    time_range,
)

NBSP = "\u00a0"
NNBSP = "\u202f"  # French's narrow no-break space: English text never sets it

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Its one explanation, where the answer first names it.
_CVEC = "CVEC (Student and Campus Life Contribution)"

# ---------------------------------------------------------------- figures

UNKNOWN_AMOUNT = {
    "answer": "amount not stated",
    "page": "amount not stated in the notice",
    "cell": "not stated in the notice",
    "change": "unknown",
}


def amount(value: float | int | None, unknown: str = "answer") -> str:
    """`€175`, `€3,770.50`, `-€0.50`; None is `UNKNOWN_AMOUNT[unknown]`."""
    if value is None:
        return UNKNOWN_AMOUNT[unknown]
    cents = round(float(value) * 100)
    units, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}€{units:,}" + (f".{rest:02d}" if rest else "")


def day_number(day: int) -> str:
    """`1`, `2`, `31`: the day of the month, as a date writes it."""
    return str(day)


def _ordinal(day: int) -> str:
    """`1st`, `2nd`, `3rd`, `11th`, `22nd`."""
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def day_text(day: date) -> str:
    """`Monday 1 July 2024`."""
    return f"{WEEKDAYS[day.weekday()]} {short_date(day)}"


def short_date(day: date) -> str:
    """`9 July 2024`: for periods, where the weekday would be noise."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def hour_text(hour: int, minute: int = 0) -> str:
    """`noon`, `midnight`, `2 pm`, `2:30 pm`, `8:05 am`."""
    if not minute and hour in (0, 12):
        return "midnight" if hour == 0 else "noon"
    clock = f"{hour % 12 or 12}" + (f":{minute:02d}" if minute else "")
    return f"{clock}{NBSP}{'pm' if hour >= 12 else 'am'}"


def moment_text(moment: datetime) -> str:
    """`Wednesday 24 July 2024 at noon`, in Paris time."""
    local = paris_time(moment)
    return f"{day_text(local.date())} at {hour_text(local.hour, local.minute)}"


def until_text(end: datetime) -> str:
    """`until Wednesday 24 July 2024 at noon`; an end at midnight is the day before, included."""
    if is_midnight(end):
        return f"up to and including {day_text(last_day(end))}"
    return f"until {moment_text(end)}"


def from_text(start: datetime) -> str:
    """`from Thursday 22 August 2024 at 2 pm`; a start at midnight is that whole day."""
    if is_midnight(start):
        return f"from {day_text(paris_time(start).date())}"
    return f"from {moment_text(start)}"


def on_text(start: datetime) -> str:
    """`on Thursday 22 August 2024 at 2 pm`, or `on Thursday 22 August 2024` at midnight."""
    if is_midnight(start):
        return f"on {day_text(paris_time(start).date())}"
    return f"on {moment_text(start)}"


def period_text(start: datetime | None, end: datetime | None, *, year_end: bool = False) -> str:
    """`from … until …`, `until …`, `from …` or no date for a period of instants;
    `year_end`: the end is the end of the academic year, the notice giving none."""
    if start is None and end is None:
        return "with no opening or closing date given"
    if end is not None and year_end:
        closing = f"until the end of the academic year at the latest (up to and including {last_day_text(end)})"
        return closing if start is None else f"{from_text(start)}, {closing}"
    if start is None:
        return until_text(end)
    if end is None:
        return from_text(start)
    return f"{from_text(start)} {until_text(end)}"


def last_day_text(end: datetime) -> str:
    """`Monday 31 August 2026`: the last day of a period that ends at midnight, or the day it ends."""
    return day_text(last_day(end))


def join_and(items) -> str:
    """`01, 02 and 05`."""
    return joined(items, "and")


def join_or(items) -> str:
    """`1, 3 or 5`."""
    return joined(items, "or")


# ---------------------------------------------------------------- sources


def sources_text(titles: list[str]) -> str:
    """A notice's sources as its sentences cite them: `Page A; Page B`."""
    return "; ".join(clause(title) for title in titles)


def notice_name(titles: list[str]) -> str:
    """`the notice ‘Page A’`, or `the notices ‘Page A’ and ‘Page B’`."""
    quoted = [f"‘{clause(title)}’" for title in titles]
    return f"the notice {quoted[0]}" if len(quoted) == 1 else f"the notices {join_and(quoted)}"


def national_scale_source(notice: str, reference: str) -> str:
    """A rule's source when its amount is the national one: the notice and the national scale."""
    return f"{notice} and the national scale of fees ({reference})"


def differentiated_scale_source(notice: str, reference: str | None) -> str:
    """A rule's source when its amount is the differentiated fee: the notice and that national scale."""
    return f"{notice} and the national scale of differentiated fees ({reference})"


def national_amount_source(reference: str) -> str:
    """The CVEC's source when its amount is the national one."""
    return f"the national amount ({reference})"


def source_text(source: str | None) -> str:
    """`(source: …)`; without a source, the procedure's notice."""
    return f"(source: {clause(source or 'the procedure’s notice')})"


def closed_contact(contact: str, until: datetime) -> str:
    """`Service de scolarité, … (closed up to and including Tuesday 20 August 2024: ask once it reopens)`."""
    return f"{clause(contact)} (closed {until_text(until)}: ask once it reopens)"


def whom_to_ask(contact: str | None) -> str:
    """`ask: …`, from the procedure's "unsure" contact."""
    if contact:
        return f"ask: {clause(contact)}"
    return "ask the institution"


def explained(figure: str, reason: str, source: str | None, *, ask: bool = False, contact: str | None = None) -> str:
    """`figure — reason; ask: … (source: …).`: one sentence of the explanation.

    `ask`: the notice is silent on part of the figure, so the sentence says whom to ask.
    """
    text = f"{figure} — {clause(reason)}" if clause(reason) else figure
    if ask:
        text += f"; {whom_to_ask(contact)}"
    return f"{text} {source_text(source)}."


def clauses(parts: list[str]) -> str:
    """Clauses of one sentence, `a; b; c`."""
    return "; ".join(parts)


# ---------------------------------------------------------------- fee


def fee_figure(value: float | None, category: str | None, category_unknown: bool) -> str:
    """`Registration fees: €175, box to tick ‘01 …’`; `category` is `category_text`'s."""
    figure = f"Registration fees: {amount(value)}"
    if category is not None:
        figure += f", box to tick ‘{category}’"
    elif category_unknown:
        figure += ", box to tick not stated in the notice"
    return figure


def no_fee_sentence(candidature: bool, source: str | None) -> str:
    what = "the notice mentions none"
    if candidature:
        what = f"none for this application procedure, {what}"
    return f"Registration fees: {what} {source_text(source)}."


LEVEL_WORDS = {
    "licence": "for a licence (bachelor’s degree)",
    "master": "for a master’s degree",
    "ingenieur": "for an engineering degree",
    "doctorat": "for a doctorate",
}

BEFORE_NATIONAL_EXEMPTIONS = "Rule of the notice applied before the national exemptions"


def differentiated_information(value: float | None, level: str | None, year: str | None, source: str | None) -> str:
    """The national differentiated amount of a level and year, given as information (never as the fee)."""
    what = f"the national amount of differentiated registration fees {LEVEL_WORDS.get(level, level)} in {year}"
    if value is None:
        return f"for information, {what} is not established (modop has no reliable source for it)"
    cited = f" ({clause(source)})" if source and clause(source) else ""
    return f"for information, {what} is {amount(value)}{cited}"


def differentiated_reason(information: str, contact: str | None, *, ask: bool = True) -> str:
    """Why a student subject to differentiated fees is given no amount: the notice is silent;
    with whom to ask, unless `ask` is False (the page says it under its table)."""
    parts = [
        "The notice does not say what students subject to differentiated registration fees pay",
        information,
        "the institution may grant them a partial or full exemption (Decree No 2019-344 of 19 April 2019)",
    ]
    return clauses(parts + [whom_to_ask(contact)] if ask else parts)


# ---------------------------------------------------------------- CVEC

_CVEC_STATUS = {
    "answer": {
        "due": _CVEC + "{year}: {amount} to pay",
        "not_subject": _CVEC + ": not liable, nothing to do",
        "already_paid": _CVEC + ": already paid this academic year, nothing to pay",
        "exempt": _CVEC + ": exempt, {zero} (you still need to obtain the exemption certificate)",
    },
    "text": {
        "due": "CVEC: {amount} to pay",
        "not_subject": "CVEC: not liable, nothing to do",
        "already_paid": "CVEC: already paid this academic year, nothing to pay",
        "exempt": "CVEC: exempt, {zero} — you still need to obtain the exemption certificate",
    },
    "widget": {
        "due": "{amount} to pay on messervices.etudiant.gouv.fr before you register; "
        "keep the certificate, you will be asked for it.",
        "exempt": "exempt ({zero}), but you still need to obtain the exemption certificate on messervices.etudiant.gouv.fr.",
        "not_subject": "you are not liable for it, nothing to do.",
        "already_paid": "already paid this academic year; show the certificate you have.",
    },
    "page": {
        "due": "To pay: {amount}",
        "exempt": "Exempt: {zero}, but you still need to obtain the exemption certificate",
        "not_subject": "No CVEC: nothing to do",
    },
}


def cvec_status(status: str, value: float | None, place: str, year: str | None = None) -> str:
    """The CVEC's status in words: `place` is `answer` (with the academic `year`), `text`,
    `widget` or `page`; `value` is the amount due (used when `status` is `due`)."""
    unknown = "page" if place == "page" else "answer"
    return _CVEC_STATUS[place][status].format(
        amount=amount(value, unknown), zero=amount(0), year=f" for {year}" if year else ""
    )


_CVEC_REASONS = {
    "already_paid": (
        "The CVEC is due only once per academic year, however many courses you register for: "
        "show the certificate you already have"
    ),
    "due": "No CVEC exemption or exception applies to your situation",
}


def cvec_reason(status: str) -> str:
    """Why the CVEC is `already_paid`, or `due` when no rule says why."""
    return _CVEC_REASONS[status]


def no_cvec_sentence(source: str | None) -> str:
    return f"{_CVEC}: this procedure’s notice does not mention it {source_text(source)}."


# ---------------------------------------------------------------- registration dates

_DEPENDS_ON = {
    "date_acceptation": (
        "these periods depend on the date you accepted the offer of admission: give it to find out yours"
    ),
    "plateforme": "these periods depend on the platform that admitted you: give it to find out yours",
}


def depends_on(key: str) -> str:
    """The clause saying the periods depend on a profile key the student left unsaid."""
    return _DEPENDS_ON[key]


# What the student does in a procedure's periods, by the procedure's kind: the
# noun that opens the deadline's clause and the one its periods are named by.
_PERIOD_NOUNS = {
    "inscription": ("Registration", "registration"),
    "candidature": ("Applications", "application"),
}


def deadline_status(
    status: str, moment: datetime | None, *, reopening: bool = False, year_end: bool = False, kind: str = "inscription"
) -> str:
    """`Registration open until …` (`Applications …` for an application): the status in one clause.

    `moment`: the end of the open period (None: open-ended), the next opening
    (`upcoming`; `reopening` when an earlier period came first), or the end of
    the last period (`closed`); `year_end`: that end is the end of the academic
    year, the notice giving none; `kind`: the procedure's.
    """
    noun = _PERIOD_NOUNS[kind][0]
    until = until_text(moment) if moment is not None else ""
    if year_end and moment is not None:
        until = f"until the end of the academic year at the latest, up to and including {last_day_text(moment)}"
    if status == "open":
        if moment is None:
            return f"{noun} open, with no closing date given"
        return f"{noun} open {until}"
    if status == "upcoming":
        if reopening:
            return f"{noun} closed for now: reopening {on_text(moment)}"
        return f"{noun} not open yet: opening {on_text(moment)}"
    return f"{noun} closed: your last period ran {until}"


def no_period(all_closed: bool, contact: str | None, kind: str = "inscription") -> str:
    """No period left for the student: every one is under a closure, or none fits them."""
    noun, periods = _PERIOD_NOUNS[kind]
    if all_closed:
        text = f"{noun} closed: the portal’s closure covers the whole of the {periods} periods"
    else:
        text = f"{noun}: no {periods} period of the notice matches your situation"
    return f"{text}; {whom_to_ask(contact)}"


def window_labels(labels: list[str]) -> str:
    """`the notice’s periods: ‘A’, ‘B’`."""
    quoted = ", ".join(f"‘{clause(label)}’" for label in labels)
    return "the notice’s period" + ("s" if len(labels) > 1 else "") + ": " + quoted


def portal_closed(start: datetime, end: datetime, why: str) -> str:
    """`portal closed from … until … (reason)`."""
    text = f"portal closed {period_text(start, end)}"
    return text + (f" ({clause(why)})" if clause(why) else "")


def unknown_bounds(start_unknown: bool, end_unknown: bool, contact: str | None, *, ask: bool = True) -> str:
    """What the notice does not say of the periods' bounds, and whom to ask (unless `ask` is False)."""
    if start_unknown and end_unknown:
        text = "the notice gives neither the opening nor the closing of some periods"
    elif start_unknown:
        text = "the notice does not give the opening date"
    else:
        text = "the notice does not give the closing date"
    return f"{text}: {whom_to_ask(contact)}" if ask else text


_REPLACED_ENDS = {
    "asap": "to be done as soon as possible, the notice giving no deadline",
    "unknown": "the notice does not give the closing date",
    "past": "the notice gives a closing date after the end of the academic year",
}


def _year_end_why(convention: bool, given: str) -> str:
    return "modop’s convention: no national text sets the end of the academic year" if convention else given


def year_end_bound(kinds: list[str], end: datetime, convention: bool, contact: str | None) -> str:
    """`the notice does not give the closing date: at the latest by the end of the academic
    year, 31 August 2026 (…); ask: …`. `kinds`: how the notice gives the ends replaced
    (`asap`, `unknown`, `past`); `convention`: the year's end is modop's convention, not the notice's."""
    why = _year_end_why(convention, "end of the academic year given by the notice")
    said = "; ".join(_REPLACED_ENDS[kind] for kind in kinds)
    return (
        f"{said}: at the latest by the end of the academic year, {short_date(last_day(end))} ({why}); "
        f"{whom_to_ask(contact)}"
    )


def no_dates_sentence(contact: str | None, source: str | None) -> str:
    return f"Registration dates: the notice gives none; {whom_to_ask(contact)} {source_text(source)}."


# ---------------------------------------------------------------- payment


def refused_for_zero_fee(requested: int) -> str:
    return f"Nothing to pay: no payment in {requested} instalments for fees of {amount(0)}."


def _times(count: int) -> str:
    return f"in {count} instalments" if count > 1 else "in a single payment"


def refused_not_offered(requested: int, offered: list[int]) -> str:
    """`offered`: the counts the procedure offers, in order."""
    choices = " or ".join(_times(count) for count in offered)
    return f"Payment in {requested} instalments is not offered for this procedure (you can pay {choices})."


def refused_below_minimum(requested: int, minimum: float, fee: float) -> str:
    return (
        f"Payment in {requested} instalments is only for fees of at least {amount(minimum)} "
        f"(yours: {amount(fee)}): a single payment."
    )


def refused_not_stated(requested: int, contact: str | None) -> str:
    """The notice does not say whether the fee may be paid in `requested` instalments."""
    return (
        f"Payment in {requested} instalments: not stated in the notice (it does not say whether it is possible); "
        f"{whom_to_ask(contact)}."
    )


_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def _months(count: int) -> str:
    """`the following month`, `each of the two following months`."""
    return "the following month" if count == 1 else f"each of the {_COUNT_WORDS.get(count, count)} following months"


def later_instalments_day_text(day: int) -> str:
    """`on the 10th`, `on the 1st`: the day of the month of the later instalments; past the 28th,
    `on the 31st (or the last day of the month)`, since a shorter month's last day takes its place."""
    text = f"on the {_ordinal(day)}"
    return f"{text} (or the last day of the month)" if day > SHORTEST_MONTH else text


def payment_sentence(
    plan: list[tuple[date | None, float | None]],
    day: int | None,
    refused: str | None,
    source: str | None,
    *,
    at_least: bool = False,
    contact: str | None = None,
    ask: bool = True,
) -> str:
    """`Payment: in 3 instalments, … on …, then … on the 10th of each of the two following months (source: …).`

    `plan`: (due date or None, amount or None) of each instalment; `day`: the later
    instalments' day of the month; `at_least`: the first amount is a minimum.
    A date or an amount the notice does not give is said to be not stated, with
    whom to ask (`contact`) unless `ask` is False (`refused` already says it).
    """
    first_due, first_amount = plan[0]
    when = f"on {day_text(first_due)}" if first_due else "on a date not stated in the notice"
    if len(plan) == 1:
        figure = f"Payment: in a single payment, {amount(first_amount)} {when}"
    else:
        later = len(plan) - 1
        if day and first_due:
            later_when = f"{later_instalments_day_text(day)} of {_months(later)}"
        elif day:
            later_when = f"{later_instalments_day_text(day)} of {_months(later)} after the first instalment"
        else:
            later_when = f"in {_COUNT_WORDS.get(later, later)} more instalments, on dates not stated in the notice"
        if first_amount is None:
            figure = (
                f"Payment: in {len(plan)} instalments, amounts not stated in the notice, "
                f"the first {when}, then {later_when}"
            )
        else:
            first = f"at least {amount(first_amount)}" if at_least else amount(first_amount)
            rest = f"the rest ({amount(plan[1][1])} per instalment if you pay this minimum)" if at_least else amount(plan[1][1])
            figure = f"Payment: in {len(plan)} instalments, {first} {when}, then {rest} {later_when}"
    silent = any(due is None or value is None for due, value in plan)
    return explained(figure, refused or "", source, ask=silent and ask, contact=contact)


def nothing_to_pay_sentence(refused: str | None, source: str | None) -> str:
    return explained(f"Payment: nothing to pay ({amount(0)})", refused or "", source)


def payment_closed_sentence(fee: float, contact: str | None, source: str | None) -> str:
    """The student's windows have closed: no date to pay is given."""
    return (
        f"Payment: {amount(fee)}; registration is closed for you, so the notice gives no date "
        f"to pay; {whom_to_ask(contact)} {source_text(source)}."
    )


def payment_unknown_sentence(fee: float, contact: str | None, source: str | None) -> str:
    """The notice says nothing of payment: neither how, nor when, nor in how many instalments."""
    return (
        f"Payment: {amount(fee)}; the notice does not say how or when to pay, nor in how many instalments; "
        f"{whom_to_ask(contact)} {source_text(source)}."
    )


# ---------------------------------------------------------------- the answer's other sentences


def provisional_sentence(contact: str | None, source: str | None) -> str:
    return (
        "Provisional dates: some dates of this procedure are still to be confirmed; "
        f"{whom_to_ask(contact)} {source_text(source)}."
    )


def assumed_year_sentence(year: str | None, source: str | None) -> str:
    return f"Academic year: the notice does not state it, {year} is assumed {source_text(source)}."


# ---------------------------------------------------------------- the command line's text


def text_title(procedure_id: str, title: str | None) -> str:
    return f"{procedure_id} — {title}" if title else procedure_id


def text_heading(year: str | None, at: datetime) -> str:
    return f"Academic year {year} · answer for {moment_text(at)} (Paris time)"


TEXT_NO_FEE = "Registration fees: none in this procedure"
TEXT_NO_CVEC = "CVEC: the notice does not mention it"


def text_fee(value: float | None, category: str | None) -> str:
    """The fee line; `category` is `category_text`'s, None when there is no code to tick."""
    line = f"Registration fees: {amount(value)}"
    if category is not None:
        line += f" — box to tick: {category}"
    return line


TEXT_NO_DATES = "Registration: the notice gives no dates"
TEXT_NO_PERIOD = "Registration: no period matches your situation"


def text_depends_on_date(status: str) -> list[str]:
    """Without the acceptance date, the windows are those of every date: said first, then `status`."""
    return [
        "Registration: the dates depend on the day you accepted the offer of admission "
        "(give it with --set date_acceptation=YYYY-MM-DD)",
        f"  Whatever the acceptance date: {status[0].lower()}{status[1:]}",
    ]


def text_periods_heading(count: int) -> str:
    return "  Your periods:" if count > 1 else "  Your period:"


def text_payment_heading(count: int) -> str:
    """`Payment: in 3 instalments`, above one line per instalment."""
    return f"Payment: in {count} instalments"


def text_one_payment(value: float, due: date | None) -> str:
    return f"Payment: in a single payment, {text_instalment(value, due)}"


def text_instalment(value: float | None, due: date | None) -> str:
    what = amount(value) if value is not None else "amount not stated in the notice"
    if due is None:
        return f"{what}, on a date not stated in the notice"
    return f"{what} on {day_text(due)}"


def text_steps(titles: list[str] | None, ids: list[str]) -> list[str]:
    """The student's steps: numbered `titles` when the procedure is known, else the `ids` on one line."""
    if titles is None:
        return [f"Steps that concern you: {', '.join(ids) if ids else 'none'}"]
    return ["Steps that concern you:"] + [f"  {number}. {title}" for number, title in enumerate(titles, 1)]


def text_documents(labels: list[str]) -> list[str]:
    """The student's documents to provide, one a line; nothing when the notice lists none for them."""
    if not labels:
        return []
    return ["Documents to provide:"] + [f"  • {label}" for label in labels]


TEXT_WHY = "Why:"


# ---------------------------------------------------------------- calendars

CLOSED_PORTAL = "Portal closed"
# The calendars' words by the procedure's kind.
_CALENDAR_WORDS = {
    "inscription": {
        "opening": "Registration opens", "closing": "Registration closes", "possible": "Registration possible",
        "name": "Registration", "mine": "My registration", "soon": "Registration ends soon",
        "periods": "registration", "portal": "registration",
    },
    "candidature": {
        "opening": "Applications open", "closing": "Applications close", "possible": "Applications possible",
        "name": "Applications", "mine": "My applications", "soon": "Applications close soon",
        "periods": "applications", "portal": "application",
    },
}


def office_closure_summary(contact_name: str, title: str) -> str:
    """The event of an office's closure: `Closed: Service de scolarité — <procedure>`."""
    return f"Closed: {clause(contact_name)} — {title}"


def office_closure_line(contact_name: str, start: datetime, end: datetime) -> str:
    return f"{clause(contact_name)} is closed {period_text(start, end)} (Paris time)."


def calendar_name(title: str, *, student: bool, kind: str = "inscription") -> str:
    return f"{_CALENDAR_WORDS[kind]['mine' if student else 'name']} — {title}"


def event_summary(side: str, title: str, kind: str = "inscription") -> str:
    """`side`: `opening`, `closing` or `closure` (of the portal)."""
    return f"{CLOSED_PORTAL if side == 'closure' else _CALENDAR_WORDS[kind][side]} — {title}"


def event_first_line(side: str, moment: datetime, *, year_end: bool = False, kind: str = "inscription") -> str:
    """The event's first line: when registration (applications) opens, or until when it is
    possible (`year_end`: until the end of the academic year, the notice giving no end)."""
    words = _CALENDAR_WORDS[kind]
    if side == "opening":
        return f"{words['opening']} {on_text(moment)}."
    if year_end:
        return (
            f"{words['possible']} until the end of the academic year at the latest, up to and including "
            f"{last_day_text(moment)}: the notice gives no other closing date."
        )
    return f"{words['possible']} {until_text(moment)}."


def alarm_text(side: str, title: str, kind: str = "inscription") -> str:
    return f"{_CALENDAR_WORDS[kind]['opening' if side == 'opening' else 'soon']}: {title}"


def student_period_line(start: datetime | None, end: datetime | None, kind: str = "inscription") -> str:
    return f"Your {_CALENDAR_WORDS[kind]['portal']} period: {period_text(start, end)} (Paris time)."


def window_period_line(label: str, start: datetime | None, end: datetime | None, kind: str = "inscription") -> str:
    who = f"{clause(label)}: " if clause(label) else ""
    return f"{who}{_CALENDAR_WORDS[kind]['periods']} {period_text(start, end)} (Paris time)."


def closure_line(start: datetime, end: datetime, kind: str = "inscription") -> str:
    return f"The {_CALENDAR_WORDS[kind]['portal']} portal is not available {period_text(start, end)} (Paris time)."


def event_description(
    first: str, context: str, title: str, institution: str | None, year: str | None, provisional: bool, page_url: str | None
) -> str:
    """An event's description: what happens, its context, the procedure, and that the notice prevails."""
    lines = [first]
    if context:
        lines.append(context)
    about = f"Procedure: {title}"
    if institution:
        about += f", {institution}"
    if year:
        about += f", academic year {year}"
    lines.append(about + ".")
    if provisional:
        lines.append("Provisional dates: some dates are still to be confirmed by the institution.")
    if page_url:
        lines.append(f"Details and steps: {page_url}")
    lines.append("Only the institution’s official notice is authoritative.")
    return "\n".join(lines)


# ---------------------------------------------------------------- what the student typed


def profile_not_a_mapping() -> str:
    return "The profile must be a set of key = value pairs."


def unknown_profile_key(key: str, keys) -> str:
    return f"Unknown item ‘{key}’: the possible items are {', '.join(keys)}."


def impossible_flag(key: str, value) -> str:
    return f"Value ‘{value}’ not possible for {key}: true or false expected."


def impossible_regime(value, regimes) -> str:
    return f"Value ‘{value}’ not possible for regime: {', '.join(regimes)} expected."


def impossible_platform(value, platforms) -> str:
    return f"Value ‘{value}’ not possible for plateforme: {', '.join(platforms)} or nothing expected."


def impossible_instalments(value, counts) -> str:
    return f"Value ‘{value}’ not possible for echeances: {join_or(counts)} expected."


def impossible_date(value, first_year: int, last_year: int) -> str:
    return (
        f"Acceptance date ‘{value}’ not possible: write a date that exists, "
        f"between {first_year} and {last_year}, as YYYY-MM-DD (for example 2024-07-20)."
    )


def unreadable_instant(text: str) -> str:
    return f"Instant ‘{text}’ unreadable: YYYY-MM-DDTHH:MM expected (Paris time), for example 2024-07-20T10:00."


def instant_out_of_range(text: str, first_year: int, last_year: int) -> str:
    return (
        f"Instant ‘{text}’ is outside the years the checker answers for: choose an instant "
        f"between {first_year} and {last_year} (Paris time), for example 2024-07-20T10:00."
    )


# ---------------------------------------------------------------- the widget's view


def view_fee_headline(value: float | None) -> str:
    if value is None:
        return f"{amount(None, 'page')}."
    if value == 0:
        return "nothing to pay to the institution."
    return f"{amount(value)} to pay to the institution."


def view_deadline_headline(status: str | None, kind: str = "inscription") -> str:
    """`status` is `deadline_status`'s clause; None when no period concerns the student."""
    if status is None:
        return f"No {_PERIOD_NOUNS[kind][1]} period of this notice concerns you."
    return status + "."


def countdown_label(status: str) -> str:
    return "until it closes" if status == "open" else "until it opens"


def view_instalment(number: int, count: int, value: float | None, due: date | None) -> str:
    """`Instalment 2: €50, on …`, or `Single payment: …` when `count` is 1."""
    what = "Single payment" if count == 1 else f"Instalment {number}"
    when = f"on {day_text(due)}" if due else "date not stated in the notice"
    figure = amount(value) if value is not None else "amount not stated in the notice"
    return f"{what}: {figure}, {when}"


def view_summary(fee: str | None, cvec: str | None, deadline: str | None) -> str:
    """What the live region reads out after each change: the three headlines there are."""
    named = (("Registration fees", fee), ("CVEC", cvec), ("Deadline", deadline))
    return " ".join(f"{name}: {headline}" for name, headline in named if headline)


# ---------------------------------------------------------------- the checker's form

FIELD_LABELS = {
    "regime": "How you study",
    "boursier": "I hold a French higher-education grant (CROUS, French government scholarship…)",
    "hors_ue": "I am subject to differentiated registration fees (student from outside Europe)",
    "echange": "I am coming on an exchange (incoming mobility under an agreement, such as Erasmus+)",
    "refugie": "I am a refugee, a beneficiary of subsidiary protection or an asylum seeker",
    "pupille": "I am a pupille de la nation (ward of the French state)",
    "deja_inscrit": "I was registered at this institution last year",
    "plateforme": "Platform that admitted you",
    "date_acceptation": "Date you accepted the offer of admission",
    "cvec_deja_acquittee": "I have already paid the CVEC (or been exempted from it) for this academic year",
    "echeances": "Paying the registration fees",
}
FIELD_HINTS = {
    # Who is subject, as the arrêté du 19 avril 2019 (articles 3 to 8) defines it.
    "hors_ue": (
        "You are if, since the 2019-2020 academic year, you are registering for the first time for a licence, "
        "a master’s or an engineering degree at a public institution and are not a national of the European "
        "Union, the European Economic Area (Iceland, Liechtenstein, Norway), Switzerland, Andorra or Monaco, "
        "nor a resident of Quebec. You are not if you hold a long-term resident card (or are the dependent "
        "child of a resident), a residence card as a family member of a European citizen, if you (or the tax "
        "household you belong to) have had your tax residence in France for at least two years on 1 January, "
        "if you are a refugee or a beneficiary of subsidiary protection (or the child of one), nor for a doctorate."
    ),
    "plateforme": "Leave ‘Not stated’ if you do not know: the answer then gives the dates for each platform.",
    "date_acceptation": "On Parcoursup, eCandidat or Mon Master. Leave it empty if you have not accepted it yet.",
}


def date_field_problem(first_year: int, last_year: int) -> str:
    """Said next to the form's date field when the browser could not read what was
    typed (a part missing, a day that does not exist, a year out of range)."""
    return (
        "Incomplete or impossible date: give the day, the month and the year as DD/MM/YYYY, "
        f"between {first_year} and {last_year} (for example 20/07/2024), or clear it if you have not accepted the offer yet."
    )


REGIME_CHOICES = {
    "initiale": "Initial education",
    "apprentissage": "Apprenticeship",
    "contrat_pro": "Professionalisation contract",
    "formation_continue": "Continuing education",
}


PLATFORM_CHOICES = {
    None: "Not stated",
    "parcoursup": "Parcoursup",
    "ecandidat": "eCandidat",
    "monmaster": "Mon Master",
    "etudes_en_france": "Études en France",
    "aucune": "None (direct admission by the institution)",
}


def field_choice(key: str, value) -> str:
    """The words of one option of a select field: a regime (`Apprenticeship`), a platform
    (`Parcoursup`, `Not stated` for None), a number of instalments (`In a single payment`, `In 3 instalments`)."""
    if key == "regime":
        return REGIME_CHOICES[value]
    if key == "plateforme":
        return PLATFORM_CHOICES[value]
    text = _times(value)
    return text[0].upper() + text[1:]


def other_choice(key: str, values) -> str:
    """The one option of a select field for the values no rule tells apart:
    `Other: initial education or continuing education`."""
    words = [field_choice(key, value) for value in values]
    if key == "regime":
        words = [word[0].lower() + word[1:] for word in words]
    return f"Other: {join_or(words)}"


# ---------------------------------------------------------------- the site's pages


def date_range(bounds: dict | None, *, included: bool = False) -> str:
    """`from 24 June 2024 to 3 September 2024` from a `{from, to}` mapping of dates or ISO
    texts; `from …`, `until …`; `` without bounds. `included` says the end is included."""
    bounds = bounds or {}
    start, end = bounds.get("from"), bounds.get("to")
    if start and end:
        return f"from {short_date(as_date(start))} to {short_date(as_date(end))}{' inclusive' if included else ''}"
    if start:
        return f"from {short_date(as_date(start))}"
    if end:
        return f"{'up to and including' if included else 'until'} {short_date(as_date(end))}"
    return ""


def weekdays_text(days: list[str]) -> str:
    """`Monday to Thursday` for a run of three days or more, else `on Mondays`,
    `on Mondays and Tuesdays`; `days` as the data names them (`lundi`)."""
    if not days:
        return ""
    if day_run(days):
        return f"{_weekday(days[0])} to {_weekday(days[-1])}"
    return "on " + join_and([f"{_weekday(day)}s" for day in days])


def _weekday(day: str) -> str:
    """`Monday` for the data's `lundi`."""
    return WEEKDAYS[DATA_DAYS.index(day)] if day in DATA_DAYS else day


def time_range_text(text: str) -> str:
    """`08:30-12:00` becomes `from 8:30 am to noon`; another text stays as written."""
    hours = time_range(text)
    if hours is None:
        return str(text)
    h1, m1, h2, m2 = hours
    return f"from {hour_text(h1, m1)} to {hour_text(h2, m2)}"


def phone_hours_text(hours: list[dict]) -> str:
    """`Monday to Thursday from 8:30 am to noon and from 1:30 pm to 5 pm` from `[{days, times}]`."""
    parts = []
    for slot in hours:
        times = [time_range_text(t) for t in slot.get("times", [])]
        text = weekdays_text(slot.get("days", []))
        if times:
            text += " " + join_and(times)
        parts.append(text)
    return "; ".join(parts)


def fee_code_cell(code: str | None) -> str:
    """The code to tick of a row of the page's fee table: `01 Etudiant non boursier`
    (`category_text`'s), None when the notice does not say, `` when there is none."""
    if code is None:
        return "not stated in the notice"
    return code or "no code given"


def portal_codes_text(offered: int, allowed: list[str]) -> str:
    """`The portal offers 3 codes; for this procedure, only codes 01 and 02 are allowed`."""
    codes = "code" if offered == 1 else "codes"
    if len(allowed) == 1:
        which = f"only code {join_and(allowed)} is allowed"
    else:
        which = f"only codes {join_and(allowed)} are allowed"
    return f"The portal offers {offered} {codes}; for this procedure, {which}"


def payment_option(
    count: int,
    label: str | None,
    min_amount: float | None,
    *,
    first_share=None,
    at_least: bool = False,
    first_due_unknown: bool = False,
) -> str:
    """One way to pay, on the page: `in a single payment`, `in 3 instalments`, or the notice's
    label (`Paybox 5 échéances (payment in 5 instalments)`), with its minimum (`, possible for
    fees of €1,000 or more`), the share of its first instalment (`[1, 3]`, or `"unknown"`) and
    whether the date of the first is unknown."""
    text = label or _times(count)
    if label and count > 1:
        text += f" (payment {_times(count)})"
    if min_amount is not None:
        text += f", possible for fees of {amount(min_amount)} or more"
    if first_share == "unknown":
        text += ", instalment amounts not stated in the notice"
    elif first_share is not None:
        share = f"{first_share[0]}/{first_share[1]}"
        text += f", {'at least ' if at_least else ''}{share} of the fees with the first instalment, the rest in equal shares"
    if first_due_unknown:
        text += ", date of the first instalment not stated in the notice"
    return text


def payment_methods_text(methods: list[str] | None) -> str:
    """`Payment methods: carte bancaire`; None: the notice does not say."""
    if methods is None:
        return "Payment methods: not stated in the notice"
    return f"Payment methods: {', '.join(methods)}"


def payment_due_text(due: str | None) -> str:
    """When the fee (or its first instalment) is paid: `at_registration`, or None (not said)."""
    if due == "at_registration":
        return "When to pay: when you register"
    return "When to pay: not stated in the notice"


UNKNOWN_INSTALMENTS = "In how many instalments: not stated in the notice (it does not say whether paying in instalments is possible)"


def later_instalments_text(day: int | None) -> str:
    """The day the instalments after the first are drawn, or that the notice does not give it."""
    if day is None:
        return "If you pay in instalments, the notice does not give the dates of those after the first"
    return f"If you pay in instalments, those after the first are taken {later_instalments_day_text(day)} of each following month"


def closure_what(kind: str, contact_name: str | None) -> str:
    """What a closure closes, in the page's dates table: the portal, or an office."""
    if kind == "office":
        return f"{clause(contact_name or 'Office')} closed"
    return "Registration portal closed"


def year_end_note(last_day: date, convention: bool) -> str:
    """What an end `not stated in the notice` or `as soon as possible` stands for, under the dates table."""
    why = _year_end_why(convention, "date given by the notice")
    return (
        "A closing ‘not stated in the notice’ or ‘as soon as possible’ runs until the end of the academic year "
        f"at the latest, {short_date(last_day)} ({why})"
    )


REGIME_WORDS = {
    "initiale": "in initial education",
    "apprentissage": "on an apprenticeship",
    "contrat_pro": "on a professionalisation contract",
    "formation_continue": "in continuing education",
}

PLATFORM_WORDS = {
    "parcoursup": "admitted through Parcoursup",
    "ecandidat": "admitted through eCandidat",
    "monmaster": "admitted through Mon Master",
    "etudes_en_france": "admitted through Études en France",
    "aucune": "admitted without a national platform",
}

FLAG_WORDS = {
    "boursier": ("grant holder", "not a grant holder"),
    "hors_ue": ("subject to differentiated registration fees", "not subject to differentiated registration fees"),
    "echange": ("on exchange (incoming mobility)", "not on an exchange programme"),
    "refugie": ("refugee, subsidiary protection or asylum seeker", "neither a refugee nor an asylum seeker"),
    "pupille": ("pupille de la nation", "not a pupille de la nation"),
    "deja_inscrit": (
        "registered at the institution the previous year",
        "not registered at the institution the previous year",
    ),
    "cvec_deja_acquittee": ("CVEC already paid this year", "CVEC not yet paid this year"),
}


WARNING_TITLES = {
    "note": "Note",
    "info": "Information",
    "warning": "Warning",
    "danger": "Important",
}


def unpublished_title(year: str) -> str:
    """The title of a draft page's banner (a year staff have not published yet)."""
    return f"Draft {year}, not published"


def unpublished_text(file: str) -> str:
    """What a draft page's banner tells staff: where it shows, and how to publish it."""
    return (
        "This page only appears in the preview (modop serve) and in a site built with "
        "build --drafts: the published site still shows the previous year. Once its dates are "
        f"checked, delete the line ‘draft: true’ at the top of {file} to publish it."
    )


def finished_title(year_over: bool, year: str, candidature: bool) -> str:
    """The title of the banner of a procedure whose year is over (`year_over`) or whose
    registration (or application) periods are all past."""
    if year_over:
        return f"Academic year {year} is over"
    return f"{'Applications' if candidature else 'Registration'} {year} closed"


def finished_text(year_over: bool, year: str, candidature: bool) -> str:
    if year_over:
        return f"The {year} academic year is over: this page no longer applies for registering."
    return f"All the {'application' if candidature else 'registration'} periods for {year} on this page are over."


def next_year_published(year: str, same_procedure: bool) -> tuple[str, str]:
    """What the banner of a finished year says of a later year published here, and its link's words."""
    if same_procedure:
        return f"The {year} procedure is published", "see its page"
    return f"The institution’s {year} procedures are published", "see the institution’s page"


NEXT_YEAR_NOT_PUBLISHED = "The following year’s notice is not published here yet"


def finished_mark(year_over: bool, candidature: bool) -> str:
    """Beside a procedure in the lists of the home and institution pages."""
    if year_over:
        return "year over"
    return "applications closed" if candidature else "registration closed"


OTHER_CASES = "In every other case"


def amount_source(source: str) -> str:
    """`Amount: the national amount (…)`: where the CVEC's amount comes from, in a page's table."""
    return f"Amount: {source}"


def describe_when(when: dict | None) -> str:
    """A `when` condition in words: `on an apprenticeship, grant holder`; none is `all students`."""
    if not when:
        return "all students"
    parts = []
    for key, value in when.items():
        values = value if isinstance(value, list) else [value]
        if key == "regime":
            parts.append(join_or([REGIME_WORDS.get(v, str(v)) for v in values]))
        elif key in FLAG_WORDS:
            parts.append(FLAG_WORDS[key][0] if value else FLAG_WORDS[key][1])
        elif key == "echeances":
            parts.append("paying " + join_or([_times(int(v)) for v in values]))
        elif key == "date_acceptation":
            accepted = date_range(value, included=True) or "on any date"
            parts.append(f"offer of admission accepted {accepted}")
        elif key == "plateforme":
            parts.append(join_or([PLATFORM_WORDS.get(v, str(v)) for v in values]))
        else:
            parts.append(f"{key}: {value}")
    return ", ".join(parts)


def boundary_text(iso: str | None, kind: str, side: str, *, hour_note: bool = True) -> str:
    """One end of a period of the compiled data (`side`: `start` or `end`).

    `kind` is the compiled `start_kind`/`end_kind`: `asap`, `unknown`, `date`
    or `instant`. A `date` end was compiled to the following midnight
    (exclusive), so the day shown is the one before, inclusive; `hour_note`
    adds `(time not given)` to a date.
    """
    if kind == "asap":
        return "as soon as possible"
    if kind == "unknown" or iso is None:
        return "not stated in the notice"
    moment = paris_time(datetime.fromisoformat(iso))
    if kind != "date":
        return moment_text(moment)
    day = moment.date() - timedelta(days=1) if side == "end" else moment.date()
    suffix = " inclusive" if side == "end" else ""
    note = " (time not given)" if hour_note else ""
    return f"{day_text(day)}{suffix}{note}"


def iso_dates_in_words(text: str) -> str:
    """Each `2024-07-09` or `2024-07-09 14:00` of a sentence written in words:
    `9 July 2024`, `9 July 2024 at 2 pm`. Impossible dates stay as written."""

    def words(day: date, hour: int | None, minute: int | None) -> str:
        return short_date(day) if hour is None else f"{short_date(day)} at {hour_text(hour, minute)}"

    return iso_moments(text, words)


def amount_spacing(text: str, space: str = NBSP) -> str:
    """An amount typed in a text of the data: English sets no space between `€` and its
    figure, so the text stays as written (`space` is French's no-break space, unused here)."""
    return text


def french_spacing(text: str) -> str:
    """English typography needs none of French's spaces: the sentence stays as written."""
    return amount_spacing(text)


# ---------------------------------------------------------------- the finder

FINDER_WORDS = {
    "title": "Which procedure is mine?",
    "intro": "Answer a few questions: they lead to the procedure that concerns you. Your answers stay in your browser.",
    "no_script": "Without JavaScript, here is the procedure for each case:",
    "single": "Only one procedure is published for this institution:",
    "none": "No procedure is published for this institution yet.",
    "institution_question": "Your institution",
    "institution_cases": "Choose your institution: its page lists the procedure for each case.",
    "unsure": "I do not know, or another answer",
    "one_result": "The procedure that concerns you:",
    "several_results": "These procedures may concern you; read ‘Who is it for?’ at the start of each:",
    "several_why": "Your answers are not enough to choose between them.",
    "next_question": "Next question:",
    "carried": "The link carries those of your answers that the procedure’s checker needs: it fills them in.",
    "for": "— for:",
    "case_separator": "; ",
}

FINDER_QUESTIONS = {
    "deja_inscrit": "Were you registered at this institution last year?",
    "plateforme": "Which platform admitted you?",
    "niveau": "Which year of study are you registering for?",
}

LEVEL_CHOICES = {
    "but1": "BUT, 1st year",
    "but2-3": "BUT, 2nd or 3rd year",
    "licence": "Licence (bachelor’s degree, not a professional licence)",
    "licence_pro": "Professional licence (licence professionnelle)",
    "master1": "Master’s, 1st year",
    "master2": "Master’s, 2nd year",
    "ingenieur": "Engineering degree (cycle ingénieur)",
    "doctorat": "Doctorate",
    "desu": "DESU (the university’s own diploma)",
}


def finder_choice(key: str, value) -> str:
    """The words of one answer to a question of the finder: `Yes`, `Parcoursup`, `Master’s, 1st year`."""
    if key == "deja_inscrit":
        return "Yes" if value else "No"
    if key == "plateforme":
        return PLATFORM_CHOICES[value]
    return LEVEL_CHOICES[value]


def finder_case(answers: list[tuple[str, object]]) -> str:
    """One case of the finder's plain list, its answers in order:
    `Registered last year: no; platform: Parcoursup`."""
    names = {"deja_inscrit": "Registered last year", "plateforme": "platform", "niveau": "year"}
    parts = [f"{names[key]}: {finder_choice(key, value).lower() if key == 'deja_inscrit' else finder_choice(key, value)}" for key, value in answers]
    text = FINDER_WORDS["case_separator"].join(parts)
    return text[0].upper() + text[1:] if text else ""


# ---------------------------------------------------------------- year to year (the page's « What changes »)

# One sentence per kind of change between two years of a procedure (model.year_diff).
CHANGES = {
    "title": "title: ‘{old}’ becomes ‘{new}’",
    "windows_stated": "registration periods: now stated",
    "windows_unstated": "registration periods: no longer stated",
    "window_added": "new {window}",
    "window_removed": "{window} removed",
    "window_renamed": "{window} renamed ‘{label}’",
    "window_named": "period ‘{label}’",
    "window_numbered": "period No {number}",
    "accepted_from": "{window}: acceptance from {old} → {new}",
    "accepted_to": "{window}: acceptance up to {old} → {new}",
    "range_added": "{window}: a range added",
    "range_removed": "{window}: a range removed",
    "opening": "{window}: opening {old} → {new}",
    "closing": "{window}: closing {old} → {new}",
    "asap": "as soon as possible",
    "unknown": "not stated",
    "closure_added": "new closure from {start} to {end}",
    "closure_removed": "closure from {start} to {end} removed",
    "closure_moved": "closure: from {old_start} to {old_end} → from {new_start} to {new_end}",
    "fee": "registration fees: {amounts}",
    "fee_rule": "registration fees, rule No {number}: {amounts}",
    "fee_added": "registration fees: added",
    "fee_removed": "registration fees: removed",
    "cvec": "CVEC: {amounts}",
    "cvec_added": "CVEC: added",
    "cvec_removed": "CVEC: removed",
    "code_added": "code added: {code} {label}",
    "code_removed": "code removed: {code} {label}",
    "codes_allowed": "codes allowed: {old} → {new}",
    "code_default": "code to tick by default: {old} → {new}",
    "instalments": "in {counts} instalment(s)",
    "instalments_unknown": "in a number of instalments not stated",
    "payment": "payment {old} becomes {new}",
    "step_added": "step added: {title}",
    "step_removed": "step removed: {title}",
    "step_renamed": "step ‘{old}’ renamed ‘{new}’",
    "contact_added": "contact added: {contact}",
    "contact_removed": "contact removed: {contact}",
    "new_procedure": "new procedure in {year}",
    "missing_procedure": "procedure missing in {year}",
}
