"""French wording of what the pages and notices show: dates, hours, amounts, days of the
week, telephone links and the profile conditions (`when`) of the data.

Pure functions of plain values; the page templates call them as filters.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from checks.french import MONTHS, WEEKDAYS, day_text

# French typography: a no-break space before the euro sign and inside "14 h 30",
# a narrow no-break space between thousands.
NBSP = "\u00a0"
NNBSP = "\u202f"


def day_of_month(day: int) -> str:
    return "1er" if day == 1 else str(day)


def format_date(value: date) -> str:
    """`mardi 9 juillet 2024`, `lundi 1er juillet 2024`: the checker's own wording."""
    return day_text(value)


def format_short_date(value: date) -> str:
    """`9 juillet 2024`, for periods where the weekday would be noise."""
    return f"{day_of_month(value.day)} {MONTHS[value.month - 1]} {value.year}"


def format_hour(hour: int, minute: int) -> str:
    """`14 h`, `8 h 30`."""
    if minute:
        return f"{hour}{NBSP}h{NBSP}{minute:02d}"
    return f"{hour}{NBSP}h"


def format_instant(value: datetime) -> str:
    """`mardi 9 juillet 2024 à 14 h`, in the local time the value carries."""
    return f"{format_date(value.date())} à {format_hour(value.hour, value.minute)}"


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def boundary_text(iso: str | None, kind: str, side: str) -> str:
    """The words for one end of a period of the compiled data.

    `side` is "start" or "end". A `date` end was compiled to the following
    midnight (exclusive), so the day shown is the one before it.
    """
    if kind == "asap":
        return "dès que possible"
    if kind == "unknown" or iso is None:
        return "non précisée par la notice"
    moment = parse_iso(iso)
    if kind == "date":
        day = moment.date() - timedelta(days=1) if side == "end" else moment.date()
        suffix = " inclus" if side == "end" else ""
        return f"{format_date(day)}{suffix} (heure non précisée)"
    return format_instant(moment)


def closure_text(iso: str, literal: str, side: str) -> str:
    """One end of a closure: `literal` is the YAML value (a date or an instant)."""
    moment = parse_iso(iso)
    if len(str(literal)) == 10:  # a date: the end was compiled to the next midnight
        day = moment.date() - timedelta(days=1) if side == "end" else moment.date()
        return f"{format_date(day)}{' inclus' if side == 'end' else ''}"
    return format_instant(moment)


def format_amount(value: float | int | None) -> str:
    """`175 €`, `3 770,50 €`; None is said to be unknown."""
    if value is None:
        return "montant non précisé par la notice"
    cents = round(float(value) * 100)
    euros, rest = divmod(abs(cents), 100)
    digits = f"{euros:,}".replace(",", NNBSP)
    sign = "-" if cents < 0 else ""
    if rest:
        return f"{sign}{digits},{rest:02d}{NBSP}€"
    return f"{sign}{digits}{NBSP}€"


def parse_date(text: str) -> date:
    return date.fromisoformat(str(text))


def format_period(period: dict | None) -> str:
    """`du 24 juin 2024 au 3 septembre 2024` from a `{from, to}` mapping."""
    return date_range((period or {}).get("from"), (period or {}).get("to"))


def date_range(start: str | None, end: str | None, *, included: bool = False) -> str:
    """`du 24 juin 2024 au 3 septembre 2024`, `à partir du …`, `jusqu'au …` from two
    ISO dates, either of them missing (neither: ""); `included` says the end day is in."""
    suffix = " inclus" if included else ""
    if start and end:
        return f"du {format_short_date(parse_date(start))} au {format_short_date(parse_date(end))}{suffix}"
    if start:
        return f"à partir du {format_short_date(parse_date(start))}"
    if end:
        return f"jusqu'au {format_short_date(parse_date(end))}{suffix}"
    return ""


def format_days(days: list[str]) -> str:
    """`du lundi au jeudi` for a run of three days or more, else `lundi et mardi`."""
    if not days:
        return ""
    indexes = [WEEKDAYS.index(d) for d in days if d in WEEKDAYS]
    if len(indexes) == len(days) and len(days) >= 3 and indexes == list(range(indexes[0], indexes[0] + len(days))):
        return f"du {days[0]} au {days[-1]}"
    if len(days) == 1:
        return f"le {days[0]}"
    return "les " + ", ".join(days[:-1]) + f" et {days[-1]}"


_TIME_RANGE = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


def format_time_range(text: str) -> str:
    """`08:30-12:00` becomes `de 8 h 30 à 12 h`."""
    match = _TIME_RANGE.match(str(text).strip())
    if not match:
        return str(text)
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    return f"de {format_hour(h1, m1)} à {format_hour(h2, m2)}"


def format_hours(hours: list[dict]) -> str:
    """`du lundi au jeudi de 8 h 30 à 12 h et de 13 h 30 à 17 h`."""
    parts = []
    for slot in hours:
        times = [format_time_range(t) for t in slot.get("times", [])]
        text = format_days(slot.get("days", []))
        if times:
            text += " " + (", ".join(times[:-1]) + " et " + times[-1] if len(times) > 1 else times[0])
        parts.append(text)
    return " ; ".join(parts)


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


REGIMES = {
    "initiale": "en formation initiale",
    "apprentissage": "en apprentissage",
    "contrat_pro": "en contrat de professionnalisation",
    "formation_continue": "en formation continue",
}

FLAGS = {
    "boursier": ("boursier", "non boursier"),
    "hors_ue": ("étudiant hors Union européenne", "étudiant de l'Union européenne"),
    "echange": ("en échange (mobilité entrante)", "hors programme d'échange"),
    "refugie": ("réfugié, protection subsidiaire ou demandeur d'asile", "ni réfugié ni demandeur d'asile"),
    "pupille": ("pupille de la nation", "non pupille de la nation"),
    "deja_inscrit": (
        "déjà inscrit dans l'établissement l'année précédente",
        "pas inscrit dans l'établissement l'année précédente",
    ),
    "cvec_deja_acquittee": ("CVEC déjà acquittée cette année", "CVEC pas encore acquittée cette année"),
}


def join_and(items: list[str]) -> str:
    """`01, 02 et 05`."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


def _or_list(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " ou " + items[-1]


def describe_when(when: dict | None) -> str:
    """A `when` condition in words: `en apprentissage, boursier ou boursière`."""
    if not when:
        return "tous les étudiants"
    parts = []
    for key, value in when.items():
        if key == "regime":
            values = value if isinstance(value, list) else [value]
            parts.append(_or_list([REGIMES.get(v, str(v)) for v in values]))
        elif key in FLAGS:
            parts.append(FLAGS[key][0] if value else FLAGS[key][1])
        elif key == "echeances":
            values = value if isinstance(value, list) else [value]
            parts.append("paiement en " + _or_list([f"{v} fois" for v in values]))
        elif key == "date_acceptation":
            bounds = value or {}
            text = date_range(bounds.get("from"), bounds.get("to"), included=True) or "à n'importe quelle date"
            parts.append(f"proposition d'admission acceptée {text}")
        else:
            parts.append(f"{key} : {value}")
    return ", ".join(parts)


_ISO_MOMENT = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?\b")


def iso_dates_in_words(text: str) -> str:
    """Each `2024-07-09` or `2024-07-09 14:00` of a sentence written in words:
    `9 juillet 2024`, `9 juillet 2024 à 14 h`. Impossible dates stay as written."""

    def words(match: re.Match) -> str:
        year, month, day, hour, minute = match.groups()
        try:
            value = date(int(year), int(month), int(day))
        except ValueError:
            return match.group(0)
        text = format_short_date(value)
        if hour is not None and int(hour) < 24 and int(minute) < 60:
            text += f" à {format_hour(int(hour), int(minute))}"
        elif hour is not None:
            return match.group(0)
        return text

    return _ISO_MOMENT.sub(words, text)


def no_break_spaces(text: str) -> str:
    """French typography in a sentence: no-break spaces inside guillemets and
    before a colon (`période « Tous » : …` keeps its parts together)."""
    text = re.sub(r"« +", "«" + NBSP, text)
    text = re.sub(r" +»", NBSP + "»", text)
    return re.sub(r" +:(?=\s|$)", NBSP + ":", text)
