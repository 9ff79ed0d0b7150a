"""The answer as plain French text, for the command line."""
from __future__ import annotations

from datetime import date, datetime

from checks.deadline import DEPENDS_ON_DATE, Period, status_text
from checks.fee import category_text
from checks.french import day_text, euros, moment_text, period_text

_CVEC_LINES = {
    "not_subject": "CVEC : non concerné(e), rien à faire",
    "already_paid": "CVEC : déjà acquittée cette année universitaire, rien à payer",
    "exempt": "CVEC : exonération, 0 € — l'attestation d'exonération reste à obtenir",
}


def answer_text(answer: dict, procedure: dict | None = None) -> str:
    """Readable French lines; with the compiled procedure, codes and steps get their labels."""
    at = datetime.fromisoformat(answer["at"])
    title = f"{answer['procedure']} — {procedure['title']}" if procedure and procedure.get("title") else answer["procedure"]
    lines = [
        title,
        f"Année universitaire {answer['academic_year']} · réponse pour le {moment_text(at)} (heure de Paris)",
        "",
        _fee_line(answer["fee"], procedure),
        _cvec_line(answer["cvec"]),
        *_deadline_lines(answer["deadline"], at),
    ]
    if answer["payment"] is not None:
        lines += _payment_lines(answer["payment"])
    lines += _steps_lines(answer["steps"], procedure)
    lines += ["", "Pourquoi :"] + [f"  • {sentence}" for sentence in answer["explanation"]]
    return "\n".join(lines) + "\n"


def _fee_line(fee: dict | None, procedure: dict | None) -> str:
    if fee is None:
        return "Frais d'inscription : aucun dans cette procédure"
    line = f"Frais d'inscription : {euros(fee['amount_eur'])}"
    if fee["category"] is not None:
        code = category_text(procedure.get("fee") or {}, fee["category"]) if procedure else fee["category"]
        line += f" — case à cocher : {code}"
    return line


def _cvec_line(cvec: dict | None) -> str:
    if cvec is None:
        return "CVEC : la notice n'en parle pas"
    if cvec["status"] == "due":
        return f"CVEC : {euros(cvec['amount_eur'])} à payer"
    return _CVEC_LINES[cvec["status"]]


def _deadline_lines(deadline: dict | None, at: datetime) -> list[str]:
    if deadline is None:
        return ["Inscription : la notice ne donne pas de dates"]
    periods = tuple(
        Period(_moment(w["start"]), _moment(w["end"]), "instant", "instant") for w in deadline["windows"]
    )
    if not periods:
        return ["Inscription : aucune période ne correspond à votre situation"]
    status = status_text(periods, deadline["status"], at)
    if DEPENDS_ON_DATE in deadline["reason"]:
        # Without the date, the windows are those of every acceptance date: say so first.
        lines = [
            "Inscription : les dates dépendent du jour où vous avez accepté la proposition d'admission "
            "(donnez-le avec --set date_acceptation=AAAA-MM-JJ)",
            f"  Toutes dates d'acceptation confondues : {status[0].lower()}{status[1:]}",
        ]
    else:
        lines = [status]
    lines.append("  Vos périodes :" if len(periods) > 1 else "  Votre période :")
    lines += [f"  • {period_text(p.start, p.end)}" for p in periods]
    return lines


def _payment_lines(payment: dict) -> list[str]:
    plan = payment["plan"]
    if len(plan) == 1:
        lines = [f"Paiement : en une fois, {_instalment(plan[0])}"]
    else:
        lines = [f"Paiement : en {len(plan)} fois"] + [f"  • {_instalment(item)}" for item in plan]
    if payment["refused"]:
        lines.append(f"  {payment['refused']}")
    return lines


def _instalment(item: dict) -> str:
    if item["due"] is None:
        return f"{euros(item['amount_eur'])} à une date que l'établissement indiquera"
    return f"{euros(item['amount_eur'])} le {day_text(date.fromisoformat(item['due']))}"


def _steps_lines(steps: list[str], procedure: dict | None) -> list[str]:
    titles = {s["id"]: s.get("title") for s in (procedure or {}).get("steps") or ()}
    if not titles:
        return [f"Étapes qui vous concernent : {', '.join(steps) if steps else 'aucune'}"]
    return ["Étapes qui vous concernent :"] + [
        f"  {number}. {titles.get(step) or step}" for number, step in enumerate(steps, 1)
    ]


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)
