"""What valid data can still get wrong: warnings of `modop validate`, errors with --strict.

A student who falls through a gap between two acceptance-date ranges, two
windows that disagree for the same student, dates outside the season of the
academic year, a portal closure that covers a whole period, a CVEC different
from the national amount with no reason given, an `http://` link, a phone line
without hours, a year already over (every end bounded by the end of the
academic year, as the engine reads it), a date still « à confirmer », two
procedures of one year that « Quelle procédure pour moi ? » cannot tell apart:
each is said with its file, line and a suggested fix."""
from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

from checks.conditions import condition_holds
from checks.deadline import bounded_end
from checks.profile import DEFAULTS, FLAGS, REGIMES
from generator.errors import DataError, display_path
from generator.model.catalog import Catalog, ProcedureRecord
from generator.model.finder import shadowed
from generator.model.year_end import finished
from generator.source.types import UNCONFIRMED_DATE


def plausibility_warnings(catalog: Catalog, now: dt.datetime | None = None) -> list[DataError]:
    now = now or dt.datetime.now(dt.timezone.utc)
    latest = {id(r) for r in catalog.latest()}
    warnings: list[DataError] = []
    for record in catalog.procedures:
        shown = display_path(record.path, catalog.root)

        def warn(path: tuple, message: str) -> None:
            line, col = record.positions.get(path, (1, 1))
            warnings.append(DataError(shown, line, col, message))

        for (line, col) in record.unconfirmed.values():
            warnings.append(DataError(shown, line, col, UNCONFIRMED_DATE))
        _acceptance_gaps_and_overlaps(record, warn)
        _season(record, warn)
        _closures_covering_periods(record, warn)
        _national_amounts(catalog, record, warn)
        _insecure_links(record.data, (), warn)
        if id(record) in latest:
            _year_over(record, now, warn)
    for institution_id in catalog.institutions:
        institution = catalog.declared(institution_id)  # the national portals are checked in national.yaml
        shown, positions = catalog.institution_positions[institution_id]
        for name, contact in institution["contacts"].items():
            for index, phone in enumerate(contact.get("phones", [])):
                if phone["hours"] == "unknown":
                    line, col = positions.get(("contacts", name, "phones", index, "hours"), (1, 1))
                    warnings.append(
                        DataError(shown, line, col, f"le numéro {phone['number']} n'a pas d'horaires : ajoutez les jours et heures d'appel si vous les connaissez")
                    )
        _insecure_links(institution, (), lambda path, message: warnings.append(DataError(shown, *positions.get(path, (1, 1)), message)))
    warnings += _told_apart(catalog)
    return sorted(set(warnings))


def _told_apart(catalog: Catalog) -> list[DataError]:
    """Each published procedure the finder never leads to alone, at its `public` (or its `id`)."""
    published = [r for r in catalog.procedures if not r.draft]
    warnings = []
    for hidden, other in shadowed(published):
        line, col = hidden.positions.get(("public",)) or hidden.positions.get(("id",), (1, 1))
        warnings.append(
            DataError(
                display_path(hidden.path, catalog.root), line, col,
                f"« Quelle procédure pour moi ? » ne peut pas distinguer {hidden.data['id']} de {other.data['id']} "
                f"({hidden.academic_year}) : toute réponse qui mène à {hidden.data['id']} mène aussi à {other.data['id']} ; "
                "précisez dans « public » à qui chacune s'adresse (deja_inscrit, plateformes, niveaux)",
            )
        )
    return warnings


def _profiles(questions: list[str]) -> Iterator[dict]:
    """Every combination of the values of the questions a procedure asks (dates aside)."""
    keys = [k for k in questions if k == "regime" or k in FLAGS]
    choices = [REGIMES if k == "regime" else (False, True) for k in keys]
    for values in itertools.product(*choices):
        yield {**DEFAULTS, **dict(zip(keys, values))}


def _acceptance_gaps_and_overlaps(record: ProcedureRecord, warn) -> None:
    windows = record.compiled["windows"] or []
    bounds = {}
    for index, window in enumerate(windows):
        dates = (window["when"] or {}).get("date_acceptation")
        if dates:
            for side in ("from", "to"):
                if side in dates:
                    bounds.setdefault(dt.date.fromisoformat(dates[side]), []).append((index, side))
    if not bounds:
        return
    first, last = min(bounds), max(bounds)
    candidates = sorted({d + dt.timedelta(days=step) for d in bounds for step in (-1, 0, 1)} & _days(first, last))
    reported_gaps, reported_overlaps = set(), set()
    for profile in _profiles(record.compiled["questions"]):
        dated = [w for w in windows if "date_acceptation" in (w["when"] or {}) and condition_holds(w["when"], profile, keep_unsaid=True)]
        if not dated:
            continue
        for day in candidates:
            student = {**profile, "date_acceptation": day}
            matching = [i for i, w in enumerate(windows) if condition_holds(w["when"], student)]
            if not matching and day not in reported_gaps:
                reported_gaps.add(day)
                before = max((d for d in bounds if d < day), default=first)
                index, side = bounds[before][0]
                warn(
                    ("windows", index, "when", "date_acceptation", side),
                    f"aucune période d'inscription pour une proposition acceptée le {day.isoformat()} ({_who(profile)}) : "
                    "élargissez une des deux plages de date_acceptation pour qu'elles se touchent",
                )
            if len(matching) > 1 and _overlap(windows, matching) and tuple(matching) not in reported_overlaps:
                reported_overlaps.add(tuple(matching))
                warn(
                    ("windows", matching[1], "label"),
                    f"les périodes « {windows[matching[0]]['label']} » et « {windows[matching[1]]['label']} » "
                    f"s'appliquent au même étudiant ({_who(profile)}, acceptation le {day.isoformat()}) et se chevauchent : "
                    "précisez leurs conditions when",
                )


def _days(first: dt.date, last: dt.date) -> set[dt.date]:
    return {first + dt.timedelta(days=n) for n in range((last - first).days + 1)}


def _who(profile: dict) -> str:
    parts = [f"régime {profile['regime']}"] + [flag for flag in FLAGS if profile[flag]]
    return ", ".join(parts)


def _overlap(windows: list, indexes: list[int]) -> bool:
    spans = []
    for index in indexes:
        for period in windows[index]["periods"]:
            start = dt.datetime.fromisoformat(period["start"]) if period["start"] else dt.datetime.min.replace(tzinfo=dt.timezone.utc)
            end = dt.datetime.fromisoformat(period["end"]) if period["end"] else dt.datetime.max.replace(tzinfo=dt.timezone.utc)
            spans.append((index, start, end))
    return any(a[0] != b[0] and a[1] < b[2] and b[1] < a[2] for a, b in itertools.combinations(spans, 2))


def _season(record: ProcedureRecord, warn) -> None:
    """Registration for AAAA-BBBB happens between January AAAA and June BBBB."""
    first = int(record.academic_year[:4])
    earliest = dt.datetime(first, 1, 1, tzinfo=dt.timezone.utc)
    latest = dt.datetime(first + 1, 7, 1, tzinfo=dt.timezone.utc)
    dated = [(("windows", i, "periods", j, side), p[side]) for i, w in enumerate(record.compiled["windows"] or []) for j, p in enumerate(w["periods"]) for side in ("start", "end")]
    dated += [(("closures", i, key), c[side]) for i, c in enumerate(record.compiled["closures"]) for side, key in (("start", "from"), ("end", "to"))]
    for path, value in dated:
        if value and not earliest <= dt.datetime.fromisoformat(value) <= latest:
            warn(path, f"date {value[:10]} hors de la saison d'inscription de {record.academic_year} : vérifiez l'année")


def _closures_covering_periods(record: ProcedureRecord, warn) -> None:
    """A portal closure over the whole of a period leaves its students no time to register."""
    compiled = record.compiled
    for k, closure in enumerate(compiled["closures"]):
        if closure["kind"] != "portal":
            continue
        closed_from, closed_to = dt.datetime.fromisoformat(closure["start"]), dt.datetime.fromisoformat(closure["end"])
        for window in compiled["windows"] or []:
            for period in window["periods"]:
                end = bounded_end(period, compiled)
                if period["start"] is None or end is None:
                    continue  # open from the start: a closure cannot cover it
                if closed_from <= dt.datetime.fromisoformat(period["start"]) and end <= closed_to:
                    warn(
                        ("closures", k, "from"),
                        f"la fermeture du portail du {closure['start'][:10]} au {record.data['closures'][k]['to'][:10]} "
                        f"couvre toute la période « {window['label']} » : ses étudiants n'ont plus aucun moment pour "
                        "s'inscrire ; vérifiez les dates, ou écrivez kind: office si seul un service est fermé",
                    )


def _national_amounts(catalog: Catalog, record: ProcedureRecord, warn) -> None:
    cvec = record.data.get("cvec")
    if cvec and isinstance(cvec.get("amount"), (int, float)) and not cvec.get("note"):
        national = catalog.national["cvec"]["amount"].get(record.academic_year)
        if national is not None and float(cvec["amount"]) != float(national):
            warn(
                ("cvec", "amount"),
                f"CVEC de {cvec['amount']} € alors que le montant national {record.academic_year} est de {national} € : "
                "écrivez « national », ou dites pourquoi dans cvec.note",
            )


def _insecure_links(value, path: tuple, warn) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _insecure_links(item, path + (key,), warn)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _insecure_links(item, path + (index,), warn)
    elif isinstance(value, str) and "http://" in value:
        warn(path, "lien en http:// : écrivez https:// (ou retirez le lien si le site n'a pas de version sécurisée)")


def _year_over(record: ProcedureRecord, now: dt.datetime, warn) -> None:
    if finished(record, now):  # what the page's banner says too
        warn(
            ("academic_year",),
            f"toutes les périodes de {record.academic_year} sont passées : préparez l'année suivante avec « modop new-year »",
        )
