"""French: every figure, sentence and label `checks` writes, as functions of plain values.

No locale (Pyodide has none). French typography: a narrow no-break space
(U+202F) between thousands, a no-break space (U+00A0) before « € » and around
the « h » of an hour. Instants are written in Paris time. Texts from the data
(reasons, labels, sources, contacts) are placed as they are, without their
final full stop.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from checks.paris_time import is_midnight, paris_time
from checks.wording.sentences import SHORTEST_MONTH, as_date, category_text, clause, day_run, iso_moments, joined, last_day, time_range

NBSP = "\u00a0"
NNBSP = "\u202f"

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)

# ---------------------------------------------------------------- figures

# What an unknown amount is called: in a sentence of the answer, on a page
# (where the notice is the only source), in a cell of a page's column « Montant »,
# in a list of changes (« inconnu → 175 € »).
UNKNOWN_AMOUNT = {
    "answer": "montant non précisé",
    "page": "montant non précisé par la notice",
    "cell": "non précisé par la notice",
    "change": "inconnu",
}


def amount(value: float | int | None, unknown: str = "answer") -> str:
    """`175 €`, `3 770,50 €`, `-0,50 €`; None is `UNKNOWN_AMOUNT[unknown]`."""
    if value is None:
        return UNKNOWN_AMOUNT[unknown]
    cents = round(float(value) * 100)
    units, rest = divmod(abs(cents), 100)
    digits = f"{units:,}".replace(",", NNBSP)
    sign = "-" if cents < 0 else ""
    if rest:
        return f"{sign}{digits},{rest:02d}{NBSP}€"
    return f"{sign}{digits}{NBSP}€"


def day_number(day: int) -> str:
    """`1er`, `2`, `31`: the day of the month."""
    return "1er" if day == 1 else str(day)


def day_text(day: date) -> str:
    """`lundi 1er juillet 2024`."""
    return f"{WEEKDAYS[day.weekday()]} {short_date(day)}"


def short_date(day: date) -> str:
    """`9 juillet 2024`, `1er juillet 2024`: for periods, where the weekday would be noise."""
    return f"{day_number(day.day)} {MONTHS[day.month - 1]} {day.year}"


def hour_text(hour: int, minute: int = 0) -> str:
    """`12 h`, `14 h 30`."""
    if minute:
        return f"{hour}{NBSP}h{NBSP}{minute:02d}"
    return f"{hour}{NBSP}h"


def moment_text(moment: datetime) -> str:
    """`mercredi 24 juillet 2024 à 12 h`, in Paris time."""
    local = paris_time(moment)
    return f"{day_text(local.date())} à {hour_text(local.hour, local.minute)}"


def until_text(end: datetime) -> str:
    """`jusqu'au mercredi 24 juillet 2024 à 12 h`; an end at midnight is the day before, included."""
    if is_midnight(end):
        return f"jusqu'au {day_text(last_day(end))} inclus"
    return f"jusqu'au {moment_text(end)}"


def from_text(start: datetime) -> str:
    """`à partir du jeudi 22 août 2024 à 14 h`; a start at midnight is that whole day."""
    if is_midnight(start):
        return f"à partir du {day_text(paris_time(start).date())}"
    return f"à partir du {moment_text(start)}"


def on_text(start: datetime) -> str:
    """`le jeudi 22 août 2024 à 14 h`, or `le jeudi 22 août 2024` at midnight."""
    if is_midnight(start):
        return f"le {day_text(paris_time(start).date())}"
    return f"le {moment_text(start)}"


def period_text(start: datetime | None, end: datetime | None, *, year_end: bool = False) -> str:
    """`du … au …`, `jusqu'au …`, `à partir du …` or `sans date` for a period of instants;
    `year_end`: the end is the end of the academic year, the notice giving none."""
    if start is None and end is None:
        return "sans date d'ouverture ni de fermeture indiquée"
    if end is not None and year_end:
        closing = f"au plus tard jusqu'à la fin de l'année universitaire ({last_day_text(end)} inclus)"
        return closing if start is None else f"{from_text(start)}, {closing}"
    if start is None:
        return until_text(end)
    if end is None:
        return from_text(start)
    opening = from_text(start).replace("à partir du ", "du ", 1)
    closing = until_text(end).replace("jusqu'au ", "au ", 1)
    return f"{opening} {closing}"


def last_day_text(end: datetime) -> str:
    """`lundi 31 août 2026`: the last day of a period that ends at midnight, or the day it ends."""
    return day_text(last_day(end))


def join_and(items) -> str:
    """`01, 02 et 05`."""
    return joined(items, "et")


def join_or(items) -> str:
    """`1, 3 ou 5`."""
    return joined(items, "ou")


# ---------------------------------------------------------------- sources


def sources_text(titles: list[str]) -> str:
    """A notice's sources as its sentences cite them: `Page A ; Page B`."""
    return " ; ".join(clause(title) for title in titles)


def notice_name(titles: list[str]) -> str:
    """`la notice « Page A »`, or `les notices « Page A » et « Page B »`, as a rule's source names it."""
    quoted = [f"« {clause(title)} »" for title in titles]
    return f"la notice {quoted[0]}" if len(quoted) == 1 else f"les notices {join_and(quoted)}"


def national_scale_source(notice: str, reference: str) -> str:
    """A rule's source when its amount is the national one: the notice and the national scale."""
    return f"{notice} et le barème national ({reference})"


def differentiated_scale_source(notice: str, reference: str | None) -> str:
    """A rule's source when its amount is the differentiated fee: the notice and that national scale."""
    return f"{notice} et le barème national des droits différenciés ({reference})"


def national_amount_source(reference: str) -> str:
    """The CVEC's source when its amount is the national one."""
    return f"le montant national ({reference})"


def source_text(source: str | None) -> str:
    """`(source : …)`; without a source, the procedure's notice."""
    return f"(source : {clause(source or 'notice de la procédure')})"


def closed_contact(contact: str, until: datetime) -> str:
    """`Service de scolarité, … (fermé jusqu'au mardi 20 août 2024 inclus : à sa réouverture)`:
    the contact to ask while an office closure closes it, the procedure naming no other."""
    return f"{clause(contact)} (fermé {until_text(until)} : à sa réouverture)"


def whom_to_ask(contact: str | None) -> str:
    """`renseignez-vous auprès de : …`, from the procedure's "unsure" contact."""
    if contact:
        return f"renseignez-vous auprès de : {clause(contact)}"
    return "renseignez-vous auprès de l'établissement"


def explained(figure: str, reason: str, source: str | None, *, ask: bool = False, contact: str | None = None) -> str:
    """`figure — reason ; renseignez-vous… (source : …).`: one sentence of the explanation.

    `ask`: the notice is silent on part of the figure, so the sentence says whom to ask.
    """
    text = f"{figure} — {clause(reason)}" if clause(reason) else figure
    if ask:
        text += f" ; {whom_to_ask(contact)}"
    return f"{text} {source_text(source)}."


def clauses(parts: list[str]) -> str:
    """Clauses of one sentence, `a ; b ; c`."""
    return " ; ".join(parts)


# ---------------------------------------------------------------- fee


def fee_figure(value: float | None, category: str | None, category_unknown: bool) -> str:
    """`Frais d'inscription : 175 €, case à cocher « 01 … »`; `category` is `category_text`'s."""
    figure = f"Frais d'inscription : {amount(value)}"
    if category is not None:
        figure += f", case à cocher « {category} »"
    elif category_unknown:
        figure += ", case à cocher non précisée par la notice"
    return figure


def no_fee_sentence(candidature: bool, source: str | None) -> str:
    what = "la notice n'en mentionne pas"
    if candidature:
        what = f"aucun dans cette procédure de candidature, {what}"
    return f"Frais d'inscription : {what} {source_text(source)}."


# The national levels, as « les droits … en licence » says them.
LEVEL_WORDS = {"licence": "en licence", "master": "en master", "ingenieur": "en cycle ingénieur", "doctorat": "en doctorat"}

# Said, on the page's fee table, of a rule of the notice that comes before the national exemptions.
BEFORE_NATIONAL_EXEMPTIONS = "Règle de la notice appliquée avant les exonérations nationales"


def differentiated_information(value: float | None, level: str | None, year: str | None, source: str | None) -> str:
    """The national differentiated amount of a level and year, given as information (never as the fee)."""
    what = f"le montant national des droits d'inscription différenciés {LEVEL_WORDS.get(level, level)} pour {year}"
    if value is None:
        return f"à titre d'information, {what} n'est pas établi (modop n'en a pas de source sûre)"
    cited = f" ({clause(source)})" if source and clause(source) else ""
    return f"à titre d'information, {what} est de {amount(value)}{cited}"


def differentiated_reason(information: str, contact: str | None, *, ask: bool = True) -> str:
    """Why a student subject to differentiated fees is given no amount: the notice is silent;
    with whom to ask, unless `ask` is False (the page says it under its table)."""
    parts = [
        "La notice ne dit pas ce que paient les étudiants soumis aux droits d'inscription différenciés",
        information,
        "l'établissement peut leur accorder une exonération partielle ou totale (décret n° 2019-344 du 19 avril 2019)",
    ]
    return clauses(parts + [whom_to_ask(contact)] if ask else parts)


# ---------------------------------------------------------------- CVEC

# One status, four places: the answer's explanation, the command line's text,
# the widget's headline, a row of the page's table.
_CVEC_STATUS = {
    "answer": {
        "due": "CVEC{year} : {amount} à payer",
        "not_subject": "CVEC : non concerné(e), rien à faire",
        "already_paid": "CVEC : déjà acquittée cette année universitaire, rien à payer",
        "exempt": "CVEC : exonération, {zero} (l'attestation d'exonération reste à obtenir)",
    },
    "text": {
        "due": "CVEC : {amount} à payer",
        "not_subject": "CVEC : non concerné(e), rien à faire",
        "already_paid": "CVEC : déjà acquittée cette année universitaire, rien à payer",
        "exempt": "CVEC : exonération, {zero} — l'attestation d'exonération reste à obtenir",
    },
    "widget": {
        "due": "{amount} à payer sur messervices.etudiant.gouv.fr avant de vous inscrire ; "
        "gardez l'attestation, elle vous sera demandée.",
        "exempt": "exonération ({zero}), mais l'attestation d'exonération reste à obtenir sur messervices.etudiant.gouv.fr.",
        "not_subject": "vous n'y êtes pas assujetti(e), rien à faire.",
        "already_paid": "déjà acquittée cette année universitaire, présentez l'attestation que vous avez.",
    },
    "page": {
        "due": f"À payer{NBSP}: {{amount}}",
        "exempt": f"Exonération{NBSP}: {{zero}}, mais l'attestation d'exonération reste à obtenir",
        "not_subject": f"Pas de CVEC{NBSP}: rien à faire",
    },
}


def cvec_status(status: str, value: float | None, place: str, year: str | None = None) -> str:
    """The CVEC's status in words: `place` is `answer` (with the academic `year`), `text`,
    `widget` or `page`; `value` is the amount due (used when `status` is `due`)."""
    unknown = "page" if place == "page" else "answer"
    return _CVEC_STATUS[place][status].format(
        amount=amount(value, unknown), zero=amount(0), year=f" {year}" if year else ""
    )


# The engine's own reasons, where no rule of the data gives one.
_CVEC_REASONS = {
    "already_paid": (
        "La CVEC n'est due qu'une fois par année universitaire, quel que soit le nombre "
        "d'inscriptions : présentez l'attestation que vous avez déjà"
    ),
    "due": "Aucune exonération ni dispense de la CVEC ne s'applique à votre situation",
}


def cvec_reason(status: str) -> str:
    """Why the CVEC is `already_paid`, or `due` when no rule says why."""
    return _CVEC_REASONS[status]


def no_cvec_sentence(source: str | None) -> str:
    return f"CVEC : la notice de cette procédure n'en parle pas {source_text(source)}."


# ---------------------------------------------------------------- registration dates

# Said when the profile leaves a key unsaid and some of the student's windows depend on it.
_DEPENDS_ON = {
    "date_acceptation": (
        "ces périodes dépendent de la date à laquelle vous avez accepté la proposition d'admission : "
        "indiquez-la pour connaître la vôtre"
    ),
    "plateforme": (
        "ces périodes dépendent de la plateforme par laquelle vous avez été admis(e) : "
        "indiquez-la pour connaître la vôtre"
    ),
}


def depends_on(key: str) -> str:
    """The clause saying the periods depend on a profile key the student left unsaid."""
    return _DEPENDS_ON[key]


# What the student does in a procedure's periods, by the procedure's kind: the
# noun that opens the deadline's clause and the one its periods are named by.
_PERIOD_NOUNS = {
    "inscription": ("Inscription", "d'inscription"),
    "candidature": ("Candidature", "de candidature"),
}


def deadline_status(
    status: str, moment: datetime | None, *, reopening: bool = False, year_end: bool = False, kind: str = "inscription"
) -> str:
    """`Inscription ouverte jusqu'au …` (`Candidature …` for an application): the status in one clause.

    `moment`: the end of the open period (None: open-ended), the next opening
    (`upcoming`; `reopening` when an earlier period came first), or the end of
    the last period (`closed`); `year_end`: that end is the end of the academic
    year, the notice giving none; `kind`: the procedure's.
    """
    noun = _PERIOD_NOUNS[kind][0]
    until = until_text(moment) if moment is not None else ""
    if year_end and moment is not None:
        until = f"au plus tard jusqu'à la fin de l'année universitaire, le {last_day_text(moment)} inclus"
    if status == "open":
        if moment is None:
            return f"{noun} ouverte, sans date de fermeture indiquée"
        return f"{noun} ouverte {until}"
    if status == "upcoming":
        if reopening:
            return f"{noun} fermée pour l'instant : elle rouvre {on_text(moment)}"
        return f"{noun} pas encore ouverte : elle ouvre {on_text(moment)}"
    return f"{noun} close : votre dernière période courait {until}"


def no_period(all_closed: bool, contact: str | None, kind: str = "inscription") -> str:
    """No period left for the student: every one is under a closure, or none fits them."""
    noun, periods = _PERIOD_NOUNS[kind]
    if all_closed:
        text = f"{noun} close : les périodes {periods} sont entièrement couvertes par la fermeture du portail"
    else:
        text = f"{noun} : aucune période {periods} de la notice ne correspond à votre situation"
    return f"{text} ; {whom_to_ask(contact)}"


def window_labels(labels: list[str]) -> str:
    """`périodes de la notice : « A », « B »`."""
    quoted = ", ".join(f"« {clause(label)} »" for label in labels)
    return "période" + ("s" if len(labels) > 1 else "") + " de la notice : " + quoted


def portal_closed(start: datetime, end: datetime, why: str) -> str:
    """`portail fermé du … au … (raison)`."""
    text = f"portail fermé {period_text(start, end)}"
    return text + (f" ({clause(why)})" if clause(why) else "")


def unknown_bounds(start_unknown: bool, end_unknown: bool, contact: str | None, *, ask: bool = True) -> str:
    """What the notice does not say of the periods' bounds, and whom to ask (unless `ask` is False)."""
    if start_unknown and end_unknown:
        text = "la notice ne précise ni l'ouverture ni la fermeture de certaines périodes"
    elif start_unknown:
        text = "la notice ne précise pas la date d'ouverture"
    else:
        text = "la notice ne précise pas la date de fermeture"
    return f"{text} : {whom_to_ask(contact)}" if ask else text


# How the notice gives an end that the end of the academic year replaces.
_REPLACED_ENDS = {
    "asap": "inscription à faire dès que possible, la notice ne donnant pas de date limite",
    "unknown": "la notice ne précise pas la date de fermeture",
    "past": "la notice donne une fermeture après la fin de l'année universitaire",
}


def year_end_bound(kinds: list[str], end: datetime, convention: bool, contact: str | None) -> str:
    """`la notice ne précise pas la date de fermeture : au plus tard à la fin de l'année
    universitaire, le 31 août 2026 (…) ; renseignez-vous…`. `kinds`: how the notice gives
    the ends replaced (`asap`, `unknown`, `past`); `convention`: the year's end is modop's
    convention, not the notice's."""
    why = (
        "convention de modop : aucun texte national ne fixe la fin de l'année universitaire"
        if convention
        else "fin de l'année universitaire donnée par la notice"
    )
    said = " ; ".join(_REPLACED_ENDS[kind] for kind in kinds)
    return f"{said} : au plus tard à la fin de l'année universitaire, le {short_date(last_day(end))} ({why}) ; {whom_to_ask(contact)}"


def no_dates_sentence(contact: str | None, source: str | None) -> str:
    return f"Dates d'inscription : la notice n'en donne aucune ; {whom_to_ask(contact)} {source_text(source)}."


# ---------------------------------------------------------------- payment


def refused_for_zero_fee(requested: int) -> str:
    return f"Rien à payer : pas de paiement en {requested} fois pour des frais de {amount(0)}."


def _times(count: int) -> str:
    return f"en {count} fois" if count > 1 else "en une fois"


def refused_not_offered(requested: int, offered: list[int]) -> str:
    """`offered`: the counts the procedure offers, in order."""
    choices = " ou ".join(_times(count) for count in offered)
    return f"Le paiement en {requested} fois n'est pas proposé pour cette procédure (paiement possible : {choices})."


def refused_below_minimum(requested: int, minimum: float, fee: float) -> str:
    return (
        f"Le paiement en {requested} fois est réservé aux frais d'au moins {amount(minimum)} "
        f"(les vôtres : {amount(fee)}) : paiement en une fois."
    )


def refused_not_stated(requested: int, contact: str | None) -> str:
    """The notice does not say whether the fee may be paid in `requested` instalments."""
    return (
        f"Paiement en {requested} fois : non précisé par la notice (elle ne dit pas s'il est possible) ; "
        f"{whom_to_ask(contact)}."
    )


_COUNT_WORDS = {2: "deux", 4: "quatre"}


def later_instalments_day_text(day: int) -> str:
    """`le 10`, `le 1er`: the day of the month of the later instalments; past the 28th,
    `le 31 (ou le dernier jour du mois)`, since a shorter month's last day takes its place."""
    text = f"le {day_number(day)}"
    return f"{text} (ou le dernier jour du mois)" if day > SHORTEST_MONTH else text


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
    """`Paiement : en 3 fois, … le …, puis … le 10 de chacun des deux mois suivants (source : …).`

    `plan`: (due date or None, amount or None) of each instalment; `day`: the later
    instalments' day of the month; `at_least`: the first amount is a minimum.
    A date or an amount the notice does not give is said « non précisé », with
    whom to ask (`contact`) unless `ask` is False (`refused` already says it).
    """
    first_due, first_amount = plan[0]
    when = f"le {day_text(first_due)}" if first_due else "à une date non précisée par la notice"
    if len(plan) == 1:
        figure = f"Paiement : en une fois, {amount(first_amount)} {when}"
    else:
        months = _COUNT_WORDS.get(len(plan) - 1, str(len(plan) - 1))
        if day and first_due:
            later_when = f"{later_instalments_day_text(day)} de chacun des {months} mois suivants"
        elif day:
            later_when = f"{later_instalments_day_text(day)} de chacun des {months} mois qui suivent la première échéance"
        else:
            later_when = f"en {months} échéances, à des dates non précisées par la notice"
        if first_amount is None:
            figure = f"Paiement : en {len(plan)} fois, montants des échéances non précisés par la notice, la première {when} puis {later_when}"
        else:
            first = f"au moins {amount(first_amount)}" if at_least else amount(first_amount)
            rest = f"le reste ({amount(plan[1][1])} par échéance si vous payez ce minimum)" if at_least else amount(plan[1][1])
            figure = f"Paiement : en {len(plan)} fois, {first} {when} puis {rest} {later_when}"
    silent = any(due is None or value is None for due, value in plan)
    return explained(figure, refused or "", source, ask=silent and ask, contact=contact)


def nothing_to_pay_sentence(refused: str | None, source: str | None) -> str:
    return explained(f"Paiement : rien à payer ({amount(0)})", refused or "", source)


def payment_closed_sentence(fee: float, contact: str | None, source: str | None) -> str:
    """The student's windows have closed: no date to pay is given."""
    return (
        f"Paiement : {amount(fee)} ; l'inscription est close pour vous, la notice ne donne donc pas de date "
        f"pour payer ; {whom_to_ask(contact)} {source_text(source)}."
    )


def payment_unknown_sentence(fee: float, contact: str | None, source: str | None) -> str:
    """The notice says nothing of payment: neither how, nor when, nor in how many instalments."""
    return (
        f"Paiement : {amount(fee)} ; la notice ne précise pas comment payer, ni quand, ni en combien de fois ; "
        f"{whom_to_ask(contact)} {source_text(source)}."
    )


# ---------------------------------------------------------------- the answer's other sentences


def provisional_sentence(contact: str | None, source: str | None) -> str:
    return (
        "Dates provisoires : certaines dates de cette procédure sont encore à confirmer ; "
        f"{whom_to_ask(contact)} {source_text(source)}."
    )


def assumed_year_sentence(year: str | None, source: str | None) -> str:
    return f"Année universitaire : la notice ne la précise pas, {year} est supposée {source_text(source)}."


# ---------------------------------------------------------------- the command line's text


def text_title(procedure_id: str, title: str | None) -> str:
    return f"{procedure_id} — {title}" if title else procedure_id


def text_heading(year: str | None, at: datetime) -> str:
    return f"Année universitaire {year} · réponse pour le {moment_text(at)} (heure de Paris)"


TEXT_NO_FEE = "Frais d'inscription : aucun dans cette procédure"
TEXT_NO_CVEC = "CVEC : la notice n'en parle pas"


def text_fee(value: float | None, category: str | None) -> str:
    """The fee line; `category` is `category_text`'s, None when there is no code to tick."""
    line = f"Frais d'inscription : {amount(value)}"
    if category is not None:
        line += f" — case à cocher : {category}"
    return line


TEXT_NO_DATES = "Inscription : la notice ne donne pas de dates"
TEXT_NO_PERIOD = "Inscription : aucune période ne correspond à votre situation"


def text_depends_on_date(status: str) -> list[str]:
    """Without the acceptance date, the windows are those of every date: said first, then `status`."""
    return [
        "Inscription : les dates dépendent du jour où vous avez accepté la proposition d'admission "
        "(donnez-le avec --set date_acceptation=AAAA-MM-JJ)",
        f"  Toutes dates d'acceptation confondues : {status[0].lower()}{status[1:]}",
    ]


def text_periods_heading(count: int) -> str:
    return "  Vos périodes :" if count > 1 else "  Votre période :"


def text_payment_heading(count: int) -> str:
    """`Paiement : en 3 fois`, above one line per instalment."""
    return f"Paiement : en {count} fois"


def text_one_payment(value: float, due: date | None) -> str:
    return f"Paiement : en une fois, {text_instalment(value, due)}"


def text_instalment(value: float | None, due: date | None) -> str:
    what = amount(value) if value is not None else "montant non précisé par la notice"
    if due is None:
        return f"{what}, à une date non précisée par la notice"
    return f"{what} le {day_text(due)}"


def text_steps(titles: list[str] | None, ids: list[str]) -> list[str]:
    """The student's steps: numbered `titles` when the procedure is known, else the `ids` on one line."""
    if titles is None:
        return [f"Étapes qui vous concernent : {', '.join(ids) if ids else 'aucune'}"]
    return ["Étapes qui vous concernent :"] + [f"  {number}. {title}" for number, title in enumerate(titles, 1)]


def text_documents(labels: list[str]) -> list[str]:
    """The student's documents to provide, one a line; nothing when the notice lists none for them."""
    if not labels:
        return []
    return ["Pièces à fournir :"] + [f"  • {label}" for label in labels]


TEXT_WHY = "Pourquoi :"


# ---------------------------------------------------------------- calendars

CLOSED_PORTAL = "Portail fermé"
# The calendars' nouns by the procedure's kind: (plural, « de … » of a period or a portal).
_CALENDAR_NOUNS = {"inscription": ("inscriptions", "d'inscription"), "candidature": ("candidatures", "de candidature")}


def _summaries(kind: str) -> dict[str, str]:
    plural = _CALENDAR_NOUNS[kind][0]
    return {"opening": f"Ouverture des {plural}", "closing": f"Clôture des {plural}", "closure": CLOSED_PORTAL}


def office_closure_summary(contact_name: str, title: str) -> str:
    """The event of an office's closure: `Fermeture : Service de scolarité — <procedure>`."""
    return f"Fermeture : {clause(contact_name)} — {title}"


def office_closure_line(contact_name: str, start: datetime, end: datetime) -> str:
    return f"{clause(contact_name)} est fermé {period_text(start, end)} (heure de Paris)."


# `kind` below is the procedure's: `inscription` or `candidature` (an application).


def calendar_name(title: str, *, student: bool, kind: str = "inscription") -> str:
    plural = _CALENDAR_NOUNS[kind][0]
    return f"{'Mes ' + plural if student else plural.capitalize()} — {title}"


def event_summary(side: str, title: str, kind: str = "inscription") -> str:
    """`side`: `opening`, `closing` or `closure` (of the portal)."""
    return f"{_summaries(kind)[side]} — {title}"


def event_first_line(side: str, moment: datetime, *, year_end: bool = False, kind: str = "inscription") -> str:
    """The event's first line: when the registrations (applications) open, or until when they
    are possible (`year_end`: until the end of the academic year, the notice giving no end)."""
    possible = f"{_CALENDAR_NOUNS[kind][0].capitalize()} possibles"
    if side == "opening":
        return f"{_summaries(kind)['opening']} {on_text(moment)}."
    if year_end:
        return (
            f"{possible} au plus tard jusqu'à la fin de l'année universitaire, le {last_day_text(moment)} "
            "inclus : la notice ne donne pas d'autre date de fermeture."
        )
    return f"{possible} {until_text(moment)}."


def alarm_text(side: str, title: str, kind: str = "inscription") -> str:
    plural = _CALENDAR_NOUNS[kind][0]
    if side == "opening":
        return f"Les {plural} ouvrent : {title}"
    return f"Les {plural} se terminent bientôt : {title}"


def student_period_line(start: datetime | None, end: datetime | None, kind: str = "inscription") -> str:
    return f"Votre période {_CALENDAR_NOUNS[kind][1]} : {period_text(start, end)} (heure de Paris)."


def window_period_line(label: str, start: datetime | None, end: datetime | None, kind: str = "inscription") -> str:
    who = f"{clause(label)} : " if clause(label) else ""
    return f"{who}{_CALENDAR_NOUNS[kind][0]} {period_text(start, end)} (heure de Paris)."


def closure_line(start: datetime, end: datetime, kind: str = "inscription") -> str:
    return f"Le portail {_CALENDAR_NOUNS[kind][1]} n'est pas accessible {period_text(start, end)} (heure de Paris)."


def event_description(
    first: str, context: str, title: str, institution: str | None, year: str | None, provisional: bool, page_url: str | None
) -> str:
    """An event's description: what happens, its context, the procedure, and that the notice prevails."""
    lines = [first]
    if context:
        lines.append(context)
    about = f"Procédure : {title}"
    if institution:
        about += f", {institution}"
    if year:
        about += f", année universitaire {year}"
    lines.append(about + ".")
    if provisional:
        lines.append("Dates provisoires : certaines dates sont encore à confirmer par l'établissement.")
    if page_url:
        lines.append(f"Détails et démarches : {page_url}")
    lines.append("Seule la notice officielle de l'établissement fait foi.")
    return "\n".join(lines)


# ---------------------------------------------------------------- what the student typed


def profile_not_a_mapping() -> str:
    return "Le profil doit être un ensemble de paires clé = valeur."


def unknown_profile_key(key: str, keys) -> str:
    return f"Donnée inconnue « {key} » : les données possibles sont {', '.join(keys)}."


def impossible_flag(key: str, value) -> str:
    return f"Valeur « {value} » impossible pour {key} : true ou false attendu."


def impossible_regime(value, regimes) -> str:
    return f"Valeur « {value} » impossible pour regime : {', '.join(regimes)} attendu."


def impossible_platform(value, platforms) -> str:
    return f"Valeur « {value} » impossible pour plateforme : {', '.join(platforms)} ou rien attendu."


def impossible_instalments(value, counts) -> str:
    return f"Valeur « {value} » impossible pour echeances : {join_or(counts)} attendu."


def impossible_date(value, first_year: int, last_year: int) -> str:
    return (
        f"Date d'acceptation « {value} » impossible : écrivez une date qui existe, "
        f"entre {first_year} et {last_year}, sous la forme AAAA-MM-JJ (par exemple 2024-07-20)."
    )


def unreadable_instant(text: str) -> str:
    return (
        f"Instant « {text} » illisible : AAAA-MM-JJTHH:MM attendu (heure de Paris), "
        "par exemple 2024-07-20T10:00."
    )


def instant_out_of_range(text: str, first_year: int, last_year: int) -> str:
    return (
        f"Instant « {text} » hors des années où le calculateur répond : choisissez un instant "
        f"entre {first_year} et {last_year} (heure de Paris), par exemple 2024-07-20T10:00."
    )


# ---------------------------------------------------------------- the widget's view


def view_fee_headline(value: float | None) -> str:
    if value is None:
        return f"{amount(None, 'page')}."
    if value == 0:
        return "rien à payer à l'établissement."
    return f"{amount(value)} à payer à l'établissement."


def view_deadline_headline(status: str | None, kind: str = "inscription") -> str:
    """`status` is `deadline_status`'s clause; None when no period concerns the student."""
    if status is None:
        return f"Aucune période {_PERIOD_NOUNS[kind][1]} ne vous concerne dans cette notice."
    return status + "."


def countdown_label(status: str) -> str:
    return "avant la fermeture" if status == "open" else "avant l'ouverture"


def view_instalment(number: int, count: int, value: float | None, due: date | None) -> str:
    """`Échéance 2 : 50 €, le …`, or `Paiement unique : …` when `count` is 1."""
    what = "Paiement unique" if count == 1 else f"Échéance {number}"
    when = f"le {day_text(due)}" if due else "date non précisée par la notice"
    figure = amount(value) if value is not None else "montant non précisé par la notice"
    return f"{what} : {figure}, {when}"


def view_summary(fee: str | None, cvec: str | None, deadline: str | None) -> str:
    """What the live region reads out after each change: the three headlines there are."""
    named = (("Frais d'inscription", fee), ("CVEC", cvec), ("Date limite", deadline))
    return " ".join(f"{name} : {headline}" for name, headline in named if headline)


# ---------------------------------------------------------------- the checker's form

# Each question of the form (a profile key), as its field is labelled.
FIELD_LABELS = {
    "regime": "Votre régime d'inscription",
    "boursier": "Je suis boursier ou boursière de l'enseignement supérieur (CROUS, bourse du gouvernement français…)",
    "hors_ue": "Je suis soumis(e) aux droits d'inscription différenciés (étudiant(e) extra-européen(ne))",
    "echange": "Je viens en échange (mobilité entrante sous convention, par exemple Erasmus+)",
    "refugie": "Je suis réfugié(e), bénéficiaire de la protection subsidiaire ou demandeur(se) d'asile",
    "pupille": "Je suis pupille de la nation",
    "deja_inscrit": "J'étais inscrit(e) dans cet établissement l'année dernière",
    "plateforme": "Plateforme par laquelle vous avez été admis(e)",
    "date_acceptation": "Date à laquelle vous avez accepté la proposition d'admission",
    "cvec_deja_acquittee": "J'ai déjà payé la CVEC (ou obtenu son exonération) pour cette année universitaire",
    "echeances": "Paiement des frais d'inscription",
}
# What a field's hint says under it, for the questions that have one.
FIELD_HINTS = {
    # Who is subject, as the arrêté du 19 avril 2019 (articles 3 to 8) defines it.
    "hors_ue": (
        "Vous l'êtes si vous vous inscrivez pour la première fois, depuis la rentrée 2019-2020, en licence, "
        "en master ou en cycle d'ingénieur d'un établissement public, sans être ressortissant(e) de l'Union "
        "européenne, de l'Espace économique européen (Islande, Liechtenstein, Norvège), de Suisse, d'Andorre "
        "ou de Monaco, ni résident(e) du Québec. Vous ne l'êtes pas si vous avez une carte de résident de "
        "longue durée (ou êtes l'enfant à charge d'un résident), une carte de séjour de membre de la famille "
        "d'un citoyen européen, si vous êtes fiscalement domicilié(e) en France, ou rattaché(e) à un foyer "
        "fiscal qui l'est, depuis au moins deux ans au 1er janvier, si vous êtes réfugié(e) ou bénéficiaire "
        "de la protection subsidiaire (ou l'enfant d'une personne qui l'est), ni en doctorat."
    ),
    "plateforme": "Laissez « Non indiquée » si vous ne savez pas : la réponse donne alors les dates de chaque plateforme.",
    "date_acceptation": "Sur Parcoursup, eCandidat ou Mon Master. Laissez vide si vous ne l'avez pas encore acceptée.",
}


def date_field_problem(first_year: int, last_year: int) -> str:
    """Said next to the form's date field when the browser could not read what was
    typed (a part missing, a day that does not exist, a year out of range); the
    format is the one the field shows in French."""
    return (
        "Date incomplète ou impossible : indiquez le jour, le mois et l'année sous la forme JJ/MM/AAAA, "
        f"entre {first_year} et {last_year} (par exemple 20/07/2024), ou effacez-la si vous n'avez pas encore accepté la proposition."
    )
REGIME_CHOICES = {
    "initiale": "Formation initiale",
    "apprentissage": "Apprentissage",
    "contrat_pro": "Contrat de professionnalisation",
    "formation_continue": "Formation continue",
}


PLATFORM_CHOICES = {
    None: "Non indiquée",
    "parcoursup": "Parcoursup",
    "ecandidat": "eCandidat",
    "monmaster": "Mon Master",
    "etudes_en_france": "Études en France",
    "aucune": "Aucune (admission directe par l'établissement)",
}


def field_choice(key: str, value) -> str:
    """The words of one option of a select field: a regime (`Apprentissage`), a platform
    (`Parcoursup`, `Non indiquée` for None), a number of instalments (`En une fois`, `En 3 fois`)."""
    if key == "regime":
        return REGIME_CHOICES[value]
    if key == "plateforme":
        return PLATFORM_CHOICES[value]
    text = _times(value)
    return text[0].upper() + text[1:]


def other_choice(key: str, values) -> str:
    """The one option of a select field for the values no rule tells apart:
    `Autre : formation initiale ou formation continue`."""
    words = [field_choice(key, value) for value in values]
    if key == "regime":
        words = [word[0].lower() + word[1:] for word in words]
    return f"Autre : {join_or(words)}"


# ---------------------------------------------------------------- the site's pages


def date_range(bounds: dict | None, *, included: bool = False) -> str:
    """`du 24 juin 2024 au 3 septembre 2024` from a `{from, to}` mapping of dates or ISO
    texts; `à partir du …`, `jusqu'au …`; `` without bounds. `included` adds « inclus » to the end."""
    bounds = bounds or {}
    start, end = bounds.get("from"), bounds.get("to")
    suffix = " inclus" if included else ""
    if start and end:
        return f"du {short_date(as_date(start))} au {short_date(as_date(end))}{suffix}"
    if start:
        return f"à partir du {short_date(as_date(start))}"
    if end:
        return f"jusqu'au {short_date(as_date(end))}{suffix}"
    return ""


def weekdays_text(days: list[str]) -> str:
    """`du lundi au jeudi` for a run of three days or more, else `le lundi`, `les lundi et mardi`."""
    if not days:
        return ""
    if day_run(days):
        return f"du {days[0]} au {days[-1]}"
    if len(days) == 1:
        return f"le {days[0]}"
    return "les " + ", ".join(days[:-1]) + f" et {days[-1]}"


def time_range_text(text: str) -> str:
    """`08:30-12:00` becomes `de 8 h 30 à 12 h`; another text stays as written."""
    hours = time_range(text)
    if hours is None:
        return str(text)
    h1, m1, h2, m2 = hours
    return f"de {hour_text(h1, m1)} à {hour_text(h2, m2)}"


def phone_hours_text(hours: list[dict]) -> str:
    """`du lundi au jeudi de 8 h 30 à 12 h et de 13 h 30 à 17 h` from `[{days, times}]`."""
    parts = []
    for slot in hours:
        times = [time_range_text(t) for t in slot.get("times", [])]
        text = weekdays_text(slot.get("days", []))
        if times:
            text += " " + (", ".join(times[:-1]) + " et " + times[-1] if len(times) > 1 else times[0])
        parts.append(text)
    return " ; ".join(parts)


def fee_code_cell(code: str | None) -> str:
    """The code to tick of a row of the page's fee table: `01 Etudiant non boursier`
    (`category_text`'s), None when the notice does not say, `` when there is none."""
    if code is None:
        return "non précisé par la notice"
    return code or "aucun code indiqué"


def portal_codes_text(offered: int, allowed: list[str]) -> str:
    """`Le portail propose 3 codes ; pour cette procédure, seuls les codes 01 et 02 sont autorisés`."""
    codes = "code" if offered == 1 else "codes"
    if len(allowed) == 1:
        which = f"seul le code {join_and(allowed)} est autorisé"
    else:
        which = f"seuls les codes {join_and(allowed)} sont autorisés"
    return f"Le portail propose {offered} {codes} ; pour cette procédure, {which}"


def payment_option(
    count: int,
    label: str | None,
    min_amount: float | None,
    *,
    first_share=None,
    at_least: bool = False,
    first_due_unknown: bool = False,
) -> str:
    """One way to pay, on the page: `en une fois`, `en 3 fois`, or the notice's label
    (`Paybox 5 échéances (paiement en 5 fois)`), with its minimum (`, possible à partir de
    1 000 € de droits`), the share of its first instalment (`[1, 3]`, or `"unknown"`) and
    whether the date of the first is unknown."""
    text = label or _times(count)
    if label and count > 1:
        text += f" (paiement {_times(count)})"
    if min_amount is not None:
        text += f", possible à partir de {amount(min_amount)} de droits"
    if first_share == "unknown":
        text += ", montants des échéances non précisés par la notice"
    elif first_share is not None:
        share = f"{first_share[0]}/{first_share[1]}"
        text += f", {'au moins ' if at_least else ''}{share} des droits à la première échéance, le reste en parts égales"
    if first_due_unknown:
        text += ", date de la première échéance non précisée par la notice"
    return text


def payment_methods_text(methods: list[str] | None) -> str:
    """`Moyens de paiement : carte bancaire`; None: the notice does not say."""
    if methods is None:
        return "Moyens de paiement : non précisés par la notice"
    return f"Moyens de paiement : {', '.join(methods)}"


def payment_due_text(due: str | None) -> str:
    """When the fee (or its first instalment) is paid: `at_registration`, or None (not said)."""
    if due == "at_registration":
        return "Quand payer : au moment de l'inscription"
    return "Quand payer : non précisé par la notice"


UNKNOWN_INSTALMENTS = "En combien de fois : non précisé par la notice (elle ne dit pas si un paiement en plusieurs fois est possible)"


def later_instalments_text(day: int | None) -> str:
    """The day the instalments after the first are drawn, or that the notice does not give it."""
    if day is None:
        return "En cas de paiement en plusieurs fois, les dates des échéances qui suivent la première ne sont pas précisées par la notice"
    return f"En cas de paiement en plusieurs fois, les échéances qui suivent la première sont prélevées {later_instalments_day_text(day)} de chacun des mois suivants"


def closure_what(kind: str, contact_name: str | None) -> str:
    """What a closure closes, in the page's dates table: the portal, or an office."""
    if kind == "office":
        return f"{clause(contact_name or 'Service')} fermé"
    return "Portail d'inscription fermé"


def year_end_note(last_day: date, convention: bool) -> str:
    """What an end « non précisée » or « dès que possible » stands for, under the dates table."""
    why = (
        "convention de modop : aucun texte national ne fixe la fin de l'année universitaire"
        if convention
        else "date donnée par la notice"
    )
    return (
        "Une fermeture « non précisée par la notice » ou « dès que possible » court au plus tard jusqu'à la fin "
        f"de l'année universitaire, le {short_date(last_day)} ({why})"
    )


REGIME_WORDS = {
    "initiale": "en formation initiale",
    "apprentissage": "en apprentissage",
    "contrat_pro": "en contrat de professionnalisation",
    "formation_continue": "en formation continue",
}

PLATFORM_WORDS = {
    "parcoursup": "admis(e) par Parcoursup",
    "ecandidat": "admis(e) par eCandidat",
    "monmaster": "admis(e) par Mon Master",
    "etudes_en_france": "admis(e) par Études en France",
    "aucune": "admis(e) sans plateforme nationale",
}

# Each flag's words when it is true, then when it is false.
FLAG_WORDS = {
    "boursier": ("boursier", "non boursier"),
    "hors_ue": ("soumis aux droits d'inscription différenciés", "non soumis aux droits d'inscription différenciés"),
    "echange": ("en échange (mobilité entrante)", "hors programme d'échange"),
    "refugie": ("réfugié, protection subsidiaire ou demandeur d'asile", "ni réfugié ni demandeur d'asile"),
    "pupille": ("pupille de la nation", "non pupille de la nation"),
    "deja_inscrit": (
        "déjà inscrit dans l'établissement l'année précédente",
        "pas inscrit dans l'établissement l'année précédente",
    ),
    "cvec_deja_acquittee": ("CVEC déjà acquittée cette année", "CVEC pas encore acquittée cette année"),
}


# The title of a step's warning on the page, by its kind (an admonition of the page).
WARNING_TITLES = {
    "note": "À noter",
    "info": "Information",
    "warning": "Attention",
    "danger": "Important",
}

def unpublished_title(year: str) -> str:
    """The title of a draft page's banner (a year staff have not published yet)."""
    return f"Brouillon {year}, non publié"


def unpublished_text(file: str) -> str:
    """What a draft page's banner tells staff: where it shows, and how to publish it."""
    return (
        "Cette page n'apparaît que dans l'aperçu (modop serve) et dans un site construit avec "
        "build --drafts : le site publié montre encore l'année précédente. Quand ses dates sont "
        f"vérifiées, effacez la ligne « draft: true » en tête de {file} pour la publier."
    )


def finished_title(year_over: bool, year: str, candidature: bool) -> str:
    """The title of the banner of a procedure whose year is over (`year_over`) or whose
    registration (or application) periods are all past."""
    if year_over:
        return f"Année universitaire {year} terminée"
    return f"{'Candidatures' if candidature else 'Inscriptions'} {year} closes"


def finished_text(year_over: bool, year: str, candidature: bool) -> str:
    if year_over:
        return f"L'année universitaire {year} est terminée : cette page ne vaut plus pour vous inscrire."
    periods = "de candidature" if candidature else "d'inscription"
    return f"Toutes les périodes {periods} {year} de cette page sont passées."


def next_year_published(year: str, same_procedure: bool) -> tuple[str, str]:
    """What the banner of a finished year says of a later year published here, and its link's words."""
    if same_procedure:
        return f"La procédure {year} est publiée", "voyez sa page"
    return f"Les procédures {year} de l'établissement sont publiées", "voyez la page de l'établissement"


NEXT_YEAR_NOT_PUBLISHED = "La notice de l'année suivante n'est pas encore publiée ici"

def finished_mark(year_over: bool, candidature: bool) -> str:
    """Beside a procedure in the lists of the home and institution pages."""
    if year_over:
        return "année terminée"
    return "candidatures closes" if candidature else "inscriptions closes"


# The situation of the last row of a page's fee or CVEC table: whatever the rows above leave.
OTHER_CASES = "Dans tous les autres cas"


def amount_source(source: str) -> str:
    """`Montant : le montant national (…)`: where the CVEC's amount comes from, in a page's table."""
    return f"Montant{NBSP}: {source}"


def describe_when(when: dict | None) -> str:
    """A `when` condition in words: `en apprentissage, boursier`; none is `tous les étudiants`."""
    if not when:
        return "tous les étudiants"
    parts = []
    for key, value in when.items():
        values = value if isinstance(value, list) else [value]
        if key == "regime":
            parts.append(join_or([REGIME_WORDS.get(v, str(v)) for v in values]))
        elif key in FLAG_WORDS:
            parts.append(FLAG_WORDS[key][0] if value else FLAG_WORDS[key][1])
        elif key == "echeances":
            parts.append("paiement en " + join_or([f"{v} fois" for v in values]))
        elif key == "date_acceptation":
            accepted = date_range(value, included=True) or "à n'importe quelle date"
            parts.append(f"proposition d'admission acceptée {accepted}")
        elif key == "plateforme":
            parts.append(join_or([PLATFORM_WORDS.get(v, str(v)) for v in values]))
        else:
            parts.append(f"{key} : {value}")
    return ", ".join(parts)


def boundary_text(iso: str | None, kind: str, side: str, *, hour_note: bool = True) -> str:
    """One end of a period of the compiled data (`side`: `start` or `end`).

    `kind` is the compiled `start_kind`/`end_kind`: `asap`, `unknown`, `date`
    or `instant`. A `date` end was compiled to the following midnight
    (exclusive), so the day shown is the one before, « inclus »; `hour_note`
    adds « (heure non précisée) » to a date.
    """
    if kind == "asap":
        return "dès que possible"
    if kind == "unknown" or iso is None:
        return "non précisée par la notice"
    moment = paris_time(datetime.fromisoformat(iso))
    if kind != "date":
        return moment_text(moment)
    day = moment.date() - timedelta(days=1) if side == "end" else moment.date()
    suffix = " inclus" if side == "end" else ""
    note = " (heure non précisée)" if hour_note else ""
    return f"{day_text(day)}{suffix}{note}"


def iso_dates_in_words(text: str) -> str:
    """Each `2024-07-09` or `2024-07-09 14:00` of a sentence written in words:
    `9 juillet 2024`, `9 juillet 2024 à 14 h`. Impossible dates stay as written."""

    def words(day: date, hour: int | None, minute: int | None) -> str:
        return short_date(day) if hour is None else f"{short_date(day)} à {hour_text(hour, minute)}"

    return iso_moments(text, words)


_SPACE_BEFORE_EURO = re.compile(r"(?<=\d)[ \t\r\n]+€")


def amount_spacing(text: str, space: str = NBSP) -> str:
    """`103 €` written in a text of the data (a reason, a title, a summary) with the
    no-break space `amount` puts before « € » (or `space`, the same space written
    otherwise, such as `&nbsp;`): the amount never ends a line without its sign."""
    return _SPACE_BEFORE_EURO.sub(f"{space}€", text)


def french_spacing(text: str) -> str:
    """French typography in a sentence: a no-break space before « : » (not before
    `://`) and before the « € » of an amount, a narrow one before « ; ! ? »,
    no-break spaces inside « »."""
    text = amount_spacing(text)
    text = re.sub(r"[ \t\n]+:(?!//)", f"{NBSP}:", text)
    text = re.sub(r"[ \t\n]+([;!?])", f"{NNBSP}\\1", text)
    text = re.sub(r"«[ \t\n]*", f"«{NBSP}", text)
    return re.sub(r"[ \t\n]*»", f"{NBSP}»", text)


# ---------------------------------------------------------------- the finder
# « Quelle procédure pour moi ? » on the home and institution pages: every word it
# shows, with JavaScript (site_templates/finder/finder.mjs reads FINDER_WORDS from
# the routing the build writes) or without (the templates). Its questions are
# the profile's deja_inscrit and plateforme, then the year of study.

FINDER_WORDS = {
    "title": "Quelle procédure pour moi ?",
    "intro": "Répondez à quelques questions : elles mènent à la procédure qui vous concerne. Vos réponses restent dans votre navigateur.",
    "no_script": "Sans JavaScript, voici la procédure de chaque cas :",
    "single": "Une seule procédure est publiée pour cet établissement :",
    "none": "Aucune procédure n'est publiée pour cet établissement pour le moment.",
    "institution_question": "Votre établissement",
    "institution_cases": "Choisissez votre établissement : sa page liste la procédure de chaque cas.",
    "unsure": "Je ne sais pas, ou autre réponse",
    "one_result": "La procédure qui vous concerne :",
    "several_results": "Ces procédures peuvent vous concerner ; lisez « Pour qui ? » au début de chacune :",
    "several_why": "Vos réponses ne suffisent pas à choisir entre elles.",
    "next_question": "Question suivante :",
    "carried": "Le lien contient celles de vos réponses dont le calculateur de la procédure a besoin : il les reprend.",
    "for": "— pour :",
    "case_separator": " ; ",
}

FINDER_QUESTIONS = {
    "deja_inscrit": "Étiez-vous inscrit(e) dans cet établissement l'année dernière ?",
    "plateforme": "Sur quelle plateforme avez-vous été admis(e) ?",
    "niveau": "En quelle année d'études vous inscrivez-vous ?",
}

LEVEL_CHOICES = {
    "but1": "BUT 1re année",
    "but2-3": "BUT 2e ou 3e année",
    "licence": "Licence (hors licence professionnelle)",
    "licence_pro": "Licence professionnelle",
    "master1": "Master 1re année",
    "master2": "Master 2e année",
    "ingenieur": "Cycle ingénieur",
    "doctorat": "Doctorat",
    "desu": "DESU (diplôme d'établissement)",
}


def finder_choice(key: str, value) -> str:
    """The words of one answer to a question of the finder: `Oui`, `Parcoursup`, `Master 1re année`."""
    if key == "deja_inscrit":
        return "Oui" if value else "Non"
    if key == "plateforme":
        return PLATFORM_CHOICES[value]
    return LEVEL_CHOICES[value]


def finder_case(answers: list[tuple[str, object]]) -> str:
    """One case of the finder's plain list, its answers in order:
    `Inscrit(e) l'an dernier : non ; plateforme : Parcoursup`."""
    names = {"deja_inscrit": "Inscrit(e) l'an dernier", "plateforme": "plateforme", "niveau": "année"}
    parts = [f"{names[key]} : {finder_choice(key, value).lower() if key == 'deja_inscrit' else finder_choice(key, value)}" for key, value in answers]
    text = FINDER_WORDS["case_separator"].join(parts)
    return text[0].upper() + text[1:] if text else ""


# ---------------------------------------------------------------- year to year (modop diff, « Ce qui change »)

# One sentence per kind of change between two years of a procedure (model.year_diff).
CHANGES = {
    "title": "titre : « {old} » devient « {new} »",
    "windows_stated": "périodes d'inscription : désormais précisées",
    "windows_unstated": "périodes d'inscription : plus précisées",
    "window_added": "nouvelle {window}",
    "window_removed": "{window} supprimée",
    "window_renamed": "{window} renommée « {label} »",
    "window_named": "période « {label} »",
    "window_numbered": "période n° {number}",
    "accepted_from": "{window} : acceptation à partir du {old} → {new}",
    "accepted_to": "{window} : acceptation jusqu'au {old} → {new}",
    "range_added": "{window} : une plage ajoutée",
    "range_removed": "{window} : une plage retirée",
    "opening": "{window} : ouverture {old} → {new}",
    "closing": "{window} : fermeture {old} → {new}",
    "asap": "dès que possible",
    "unknown": "non précisé",
    "closure_added": "nouvelle fermeture du {start} au {end}",
    "closure_removed": "fermeture du {start} au {end} supprimée",
    "closure_moved": "fermeture : du {old_start} au {old_end} → du {new_start} au {new_end}",
    "fee": "droits d'inscription : {amounts}",
    "fee_rule": "droits d'inscription, règle n° {number} : {amounts}",
    "fee_added": "droits d'inscription : ajoutés",
    "fee_removed": "droits d'inscription : retirés",
    "cvec": "CVEC : {amounts}",
    "cvec_added": "CVEC : ajoutée",
    "cvec_removed": "CVEC : retirée",
    "code_added": "code ajouté : {code} {label}",
    "code_removed": "code retiré : {code} {label}",
    "codes_allowed": "codes autorisés : {old} → {new}",
    "code_default": "code à cocher par défaut : {old} → {new}",
    "instalments": "en {counts} fois",
    "instalments_unknown": "en un nombre de fois non précisé",
    "payment": "paiement {old} devient {new}",
    "step_added": "étape ajoutée : {title}",
    "step_removed": "étape retirée : {title}",
    "step_renamed": "étape « {old} » renommée « {new} »",
    "contact_added": "contact ajouté : {contact}",
    "contact_removed": "contact retiré : {contact}",
    "new_procedure": "nouvelle procédure en {year}",
    "missing_procedure": "procédure absente en {year}",
}
