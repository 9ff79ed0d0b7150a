"""From a validated procedure to the compiled form that `checks` reads
(checks/README.md): national layer merged in, Paris local times turned into
instants with their UTC offset, so the browser needs no time-zone database.
The data's texts (titles, reasons, labels, sources) are placed by `checks` in
its sentences, in the answers and the calendars: an amount they write gets its
no-break space before « € » here, once."""
from __future__ import annotations

import datetime as dt

from checks.profile import PLATFORMS, PROFILE_KEYS, REGIMES
from checks.wording import fr, wording  # fr: the data's own « 103 € » kept on one line, whatever the page's language
from checks.wording.sentences import clause

from generator.source.schema import DIFFERENTIATED_LEVELS
from generator.source.types import known, paris_instant

# The levels a national fee, and the national exemptions from it, are for: a
# school's own diploma (`autre`) has neither unless its notice says so.
NATIONAL_FEE_LEVELS = ("licence", "master", "doctorat", "ingenieur")


def _condition(when: dict | None) -> dict:
    """A `when` with the profile's own value types (echeances as numbers)."""
    result = {}
    for key, value in (when or {}).items():
        if key == "echeances":
            value = [int(v) for v in value] if isinstance(value, list) else int(value)
        result[key] = value
    return result


def _amount(value, national_amount):
    if value in ("national", "differentiated"):
        return None if national_amount is None else float(national_amount)
    if value == "unknown":
        return None
    return float(value)


def _category(value) -> tuple[str | None, bool]:
    if value == "unknown":
        return None, True
    return value, False


def sources_of(data: dict) -> list[dict]:
    """The notice's sources: `source` is one {title, date, url} or a list of them."""
    source = data["source"]
    return source if isinstance(source, list) else [source]


def contact_text(contact: dict) -> str:
    """`Service de scolarité, scolarite@…, 01 23 45 67 89`: a contact as the answers name it."""
    return ", ".join([contact["name"], *contact.get("emails", []), *(p["number"] for p in contact.get("phones", []))])


class ProcedureCompiler:
    """Compiles the procedures of one catalog, with its national layer."""

    def __init__(self, national: dict, lang: str = "fr"):
        self.national = national
        self.words = wording(lang)  # the joins of a rule's sources (« la notice « … » et le barème national »)

    def national_fee(self, level: str, year: str):
        return self.national["fees"]["amount"].get(level, {}).get(year)

    def national_cvec(self, year: str):
        return self.national["cvec"]["amount"].get(year)

    def compile(self, institution: dict, data: dict, provisional: bool = False) -> dict:
        titles = [source["title"] for source in sources_of(data)]
        notice = self.words.notice_name(titles)
        compiled = {
            "id": f"{institution['id']}/{data['id']}",
            "institution": {"id": institution["id"], "name": institution["name"]},
            "title": data["title"],
            "academic_year": data["academic_year"],
            "academic_year_stated": data.get("academic_year_stated", True),
            "provisional": provisional,
            "kind": data["kind"],
            "level": data["level"],
            "source": self.words.sources_text(titles),
            "unsure": self._unsure(institution, data),
            "contacts": self._contacts(institution, data),
            "steps": [{"id": s["id"], "title": s["title"], "when": _condition(s.get("when"))} for s in data["steps"]],
            "documents": [
                {
                    "id": d["id"],
                    "label": d["label"],
                    "step": s["id"],
                    "when": _condition(d.get("when")),
                    "note": d.get("note"),
                }
                for s in data["steps"]
                for d in s.get("documents", [])
            ],
            "fee": self._fee(data, notice),
            "cvec": self._cvec(data, notice),
            "windows": self._windows(data),
            "academic_year_end": self._academic_year_end(data, notice),
            "closures": [self._closure(c) for c in data.get("closures", [])],
            "payment": self._payment(data),
        }
        compiled["questions"] = questions(compiled)
        compiled["options"] = options(compiled)
        return _texts_with_amount_spacing(compiled)

    def _unsure(self, institution: dict, data: dict):
        unsure = data.get("unsure")
        if not unsure:
            return None
        return {"text": unsure["text"], "contact": contact_text(institution["contacts"][unsure["contact"]])}

    @staticmethod
    def _contacts(institution: dict, data: dict) -> list[dict]:
        """The procedure's contacts, its "unsure" contact first: whom the answers name."""
        ids = [data["unsure"]["contact"]] if data.get("unsure") else []
        ids += [key for key in data.get("contacts", []) if key not in ids]
        contacts = institution["contacts"]
        return [{"id": key, "name": contacts[key]["name"], "text": contact_text(contacts[key])} for key in ids]

    def _differentiated(self, level: str, year: str) -> dict | None:
        """The national rule for students subject to differentiated fees, of levels it covers."""
        differentiated = self.national["fees"].get("differentiated")
        if differentiated is None or level not in DIFFERENTIATED_LEVELS:
            return None
        established = differentiated["amount"].get(level, {}).get(year)
        return {
            "amount": None if established is None else float(established["amount"]),
            "level": level,
            "academic_year": year,
            "source": differentiated["reference"] if established is None else established["reference"],
        }

    def _fee(self, data: dict, notice: str):
        fee = data.get("fee")
        if fee is None:
            return None
        national_amount = self.national_fee(data["level"], data["academic_year"])
        reference = self.national["fees"]["reference"]
        differentiated = self._differentiated(data["level"], data["academic_year"])

        def outcome(rule: dict) -> dict:
            category, category_unknown = _category(rule.get("category"))
            source, national = notice, national_amount
            if rule["amount"] == "national":
                source = self.words.national_scale_source(notice, reference)
            elif rule["amount"] == "differentiated":
                national = (differentiated or {}).get("amount")
                source = self.words.differentiated_scale_source(notice, (differentiated or {}).get("source"))
            return {
                "amount": _amount(rule["amount"], national),
                "category": category,
                "category_unknown": category_unknown,
                "reason": rule["reason"],
                "source": source,
            }

        categories = fee.get("categories", [])
        exemptions = self.national["fees"].get("exempt", []) if data["level"] in NATIONAL_FEE_LEVELS else []
        return {
            "categories": categories,
            "allowed": fee.get("allowed", [c["code"] for c in categories]),
            "rules": [
                {
                    "when": _condition(r["when"]),
                    "before_national_exemptions": bool(r.get("before_national_exemptions")),
                    **outcome(r),
                }
                for r in fee.get("rules", [])
            ],
            "national_exemptions": [
                {"when": _condition(r["when"]), "reason": r["reason"], "source": r.get("reference", reference)}
                for r in exemptions
            ],
            "differentiated": differentiated,
            "default": outcome(fee["default"]),
        }

    def _cvec(self, data: dict, notice: str):
        cvec = data.get("cvec")
        if cvec is None:
            return None
        national = self.national["cvec"]
        amount = cvec.get("amount", "national")
        source = notice if amount not in ("national", "unknown") else self.words.national_amount_source(national["reference"])

        def national_rules(kind: str) -> list:
            return [
                {"when": _condition(r["when"]), "reason": r["reason"], "source": r.get("reference", national["reference"])}
                for r in national.get(kind, [])
            ]

        return {
            "amount": _amount(amount, self.national_cvec(data["academic_year"])),
            "source": source,
            "rules": [
                {"when": _condition(r["when"]), "status": r["status"], "reason": r["reason"], "source": notice}
                for r in cvec.get("rules", [])
            ],
            "not_subject": national_rules("not_subject"),
            "exempt": national_rules("exempt"),
        }

    def _windows(self, data: dict):
        windows = data["windows"]
        if windows == "unknown":
            return None
        return [
            {
                "label": w["label"],
                "when": _condition(w.get("when")),
                "periods": [self._period(p) for p in w["periods"]],
            }
            for w in windows
        ]

    def _academic_year_end(self, data: dict, notice: str) -> dict:
        """The end of the academic year, past which no window stays open: the notice's, else
        modop's convention of national.yaml (no national text sets it)."""
        stated = data.get("academic_year_end")
        if stated:
            last_day, convention, source = dt.date.fromisoformat(stated), False, notice
        else:
            rule = self.national["academic_year_end"]
            second_year = int(data["academic_year"][5:])
            last_day, convention, source = dt.date(second_year, rule["month"], rule["day"]), True, rule["reference"]
        end, _ = paris_instant(last_day.isoformat(), end=True)
        return {"end": end, "last_day": last_day.isoformat(), "convention": convention, "source": source}

    @staticmethod
    def _period(period: dict) -> dict:
        start, start_kind = (None, period["start"]) if period["start"] in ("asap", "unknown") else paris_instant(period["start"])
        if period["end"] in ("asap", "unknown"):
            end, end_kind = None, period["end"]
        else:
            end, end_kind = paris_instant(period["end"], end=True)
        return {"start": start, "end": end, "start_kind": start_kind, "end_kind": end_kind}

    @staticmethod
    def _closure(closure: dict) -> dict:
        start, _ = paris_instant(closure["from"])
        end, _ = paris_instant(closure["to"], end=True)
        return {
            "start": start,
            "end": end,
            "reason": closure["reason"],
            "kind": closure.get("kind", "portal"),
            "contact": closure.get("contact"),
        }

    @staticmethod
    def _payment(data: dict) -> dict:
        """Each fact of the notice on payment; None (JSON null) wherever it is silent."""
        payment = data.get("payment")
        payment = payment if isinstance(payment, dict) else {}  # left out or « unknown »
        due = "at_registration" if payment.get("due") == "at_registration" else None
        instalments = payment.get("instalments")
        day = payment.get("later_instalments_day")
        methods = payment.get("methods")
        return {
            "methods": list(methods) if known(methods) else None,
            "due": due,
            "instalments": [_instalment(i, due) for i in instalments] if known(instalments) else None,
            "later_instalments_day": int(day) if known(day) else None,
        }


def _instalment(option: dict, due: str | None) -> dict:
    share = option.get("first_share")
    if known(share):
        numerator, denominator = share.split("/")
        share = [int(numerator), int(denominator)]
    first_due = option.get("first_due")
    return {
        "count": int(option["count"]),
        "label": option.get("label"),
        "min_amount": option.get("min_amount"),
        "first_due": due if first_due is None else ("at_registration" if first_due == "at_registration" else None),
        "first_share": share,
        "at_least": bool(option.get("at_least")),
    }


def _texts_with_amount_spacing(value):
    """Every text of the compiled procedure with `checks.wording`'s amount spacing
    (`103 €` as typed in the YAML keeps its « € » on its line); nothing else changes."""
    if isinstance(value, str):
        return fr.amount_spacing(value)
    if isinstance(value, list):
        return [_texts_with_amount_spacing(item) for item in value]
    if isinstance(value, dict):
        return {key: _texts_with_amount_spacing(item) for key, item in value.items()}
    return value


def _texts(value) -> list[str]:
    """Every text of a compiled procedure."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    return []


def french_texts_held(compiled: dict, candidates: list[str]) -> list[str]:
    """Which of `candidates` (the French texts left in a procedure of another language)
    the compiled procedure holds, alone or inside one of its texts (a source's title in
    « la notice « … » »), as the compiler wrote them (amount spacing, without a final full
    stop, which its sentences place themselves): sorted, once each."""
    held = "\0".join(_texts(compiled))
    placed = {clause(fr.amount_spacing(text)) for text in candidates}
    return sorted(text for text in placed if text and text in held)


def _conditions(compiled: dict) -> list[dict]:
    """Every `when` of the compiled procedure: steps, documents, fee, CVEC, windows."""
    whens = [s["when"] for s in compiled["steps"]] + [d["when"] for d in compiled["documents"]]
    if compiled["fee"]:
        whens += [r["when"] for r in compiled["fee"]["rules"] + compiled["fee"]["national_exemptions"]]
    if compiled["cvec"]:
        cvec = compiled["cvec"]
        whens += [r["when"] for r in cvec["rules"] + cvec["not_subject"] + cvec["exempt"]]
    whens += [w["when"] for w in compiled["windows"] or ()]
    return whens


def questions(compiled: dict) -> list[str]:
    """The profile keys this procedure's answer depends on, in the contract's order."""
    used = {key for when in _conditions(compiled) for key in when}
    if compiled["cvec"]:
        used.add("cvec_deja_acquittee")
    if compiled["fee"] and compiled["fee"]["differentiated"]:
        used.add("hors_ue")
    if compiled["fee"] and len(instalment_counts(compiled)) > 1:
        used.add("echeances")
    return [key for key in PROFILE_KEYS if key in used]


def instalment_counts(compiled: dict) -> list[int]:
    """The numbers of instalments the procedure offers (one payment always), in order."""
    offers = compiled["payment"]["instalments"] or ()
    return sorted({1, *(offer["count"] for offer in offers)})


def options(compiled: dict) -> dict:
    """The values of each choice the form asks that the procedure tells apart: the regimes
    and platforms a condition names, the counts of instalments it offers."""
    named: dict[str, set] = {"regime": set(), "plateforme": set()}
    for when in _conditions(compiled):
        for key in named:
            if key in when:
                value = when[key]
                named[key].update(value if isinstance(value, list) else [value])
    result = {}
    asked = compiled["questions"]
    if "regime" in asked:
        result["regime"] = [regime for regime in REGIMES if regime in named["regime"]]
    if "plateforme" in asked:
        result["plateforme"] = [platform for platform in PLATFORMS if platform in named["plateforme"]]
    if "echeances" in asked:
        result["echeances"] = instalment_counts(compiled)
    return result
