"""From a validated procedure to the compiled form that `checks` reads
(checks/README.md): national layer merged in, Paris local times turned into
instants with their UTC offset, so the browser needs no time-zone database.
The data's texts (titles, reasons, labels, sources) are placed by `checks` in
its sentences, in the answers and the calendars: an amount they write gets its
no-break space before « € » here, once."""
from __future__ import annotations

from checks.profile import PROFILE_KEYS
from checks.wording import fr

from generator.source.types import paris_instant


def _condition(when: dict | None) -> dict:
    """A `when` with the profile's own value types (echeances as numbers)."""
    result = {}
    for key, value in (when or {}).items():
        if key == "echeances":
            value = [int(v) for v in value] if isinstance(value, list) else int(value)
        result[key] = value
    return result


def _amount(value, national_amount):
    if value == "national":
        return None if national_amount is None else float(national_amount)
    if value == "unknown":
        return None
    return float(value)


def _category(value) -> tuple[str | None, bool]:
    if value == "unknown":
        return None, True
    return value, False


class ProcedureCompiler:
    """Compiles the procedures of one catalog, with its national layer."""

    def __init__(self, national: dict):
        self.national = national

    def national_fee(self, level: str, year: str):
        return self.national["fees"]["amount"].get(level, {}).get(year)

    def national_cvec(self, year: str):
        return self.national["cvec"]["amount"].get(year)

    def compile(self, institution: dict, data: dict, draft: bool = False) -> dict:
        notice = f"la notice « {data['source']['title']} »"
        compiled = {
            "id": f"{institution['id']}/{data['id']}",
            "institution": {"id": institution["id"], "name": institution["name"]},
            "title": data["title"],
            "academic_year": data["academic_year"],
            "academic_year_stated": data.get("academic_year_stated", True),
            "draft": draft,
            "kind": data["kind"],
            "level": data["level"],
            "source": data["source"]["title"],
            "unsure": self._unsure(institution, data),
            "steps": [{"id": s["id"], "title": s["title"], "when": _condition(s.get("when"))} for s in data["steps"]],
            "fee": self._fee(data, notice),
            "cvec": self._cvec(data, notice),
            "windows": self._windows(data),
            "closures": [self._closure(c) for c in data.get("closures", [])],
            "payment": self._payment(data),
        }
        compiled["questions"] = questions(compiled)
        return _texts_with_amount_spacing(compiled)

    def _unsure(self, institution: dict, data: dict):
        unsure = data.get("unsure")
        if not unsure:
            return None
        contact = institution["contacts"][unsure["contact"]]
        parts = [contact["name"], *contact.get("emails", []), *(p["number"] for p in contact.get("phones", []))]
        return {"text": unsure["text"], "contact": ", ".join(parts)}

    def _fee(self, data: dict, notice: str):
        fee = data.get("fee")
        if fee is None:
            return None
        national_amount = self.national_fee(data["level"], data["academic_year"])
        reference = self.national["fees"]["reference"]

        def outcome(rule: dict) -> dict:
            category, category_unknown = _category(rule.get("category"))
            source = notice
            if rule["amount"] == "national":
                source = f"{notice} et le barème national ({reference})"
            return {
                "amount": _amount(rule["amount"], national_amount),
                "category": category,
                "category_unknown": category_unknown,
                "reason": rule["reason"],
                "source": source,
            }

        categories = fee.get("categories", [])
        return {
            "categories": categories,
            "allowed": fee.get("allowed", [c["code"] for c in categories]),
            "rules": [{"when": _condition(r["when"]), **outcome(r)} for r in fee.get("rules", [])],
            "national_exemptions": [
                {"when": _condition(r["when"]), "reason": r["reason"], "source": r.get("reference", reference)}
                for r in self.national["fees"].get("exempt", [])
            ],
            "default": outcome(fee["default"]),
        }

    def _cvec(self, data: dict, notice: str):
        cvec = data.get("cvec")
        if cvec is None:
            return None
        national = self.national["cvec"]
        amount = cvec.get("amount", "national")
        source = notice if amount not in ("national", "unknown") else f"le montant national ({national['reference']})"

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

    @staticmethod
    def _period(period: dict) -> dict:
        start, start_kind = (None, period["start"]) if period["start"] in ("asap", "unknown") else paris_instant(period["start"])
        if period["end"] == "unknown":
            end, end_kind = None, "unknown"
        else:
            end, end_kind = paris_instant(period["end"], end=True)
        return {"start": start, "end": end, "start_kind": start_kind, "end_kind": end_kind}

    @staticmethod
    def _closure(closure: dict) -> dict:
        start, _ = paris_instant(closure["from"])
        end, _ = paris_instant(closure["to"], end=True)
        return {"start": start, "end": end, "reason": closure["reason"]}

    @staticmethod
    def _payment(data: dict) -> dict:
        payment = data.get("payment", {})
        instalments = payment.get("instalments") or [{"count": "1"}]
        return {
            "instalments": [
                {"count": int(i["count"]), "label": i.get("label"), "min_amount": i.get("min_amount")}
                for i in instalments
            ],
            "later_instalments_day": payment.get("later_instalments_day"),
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


def questions(compiled: dict) -> list[str]:
    """The profile keys this procedure's answer depends on, in the contract's order."""
    used: set[str] = set()

    def collect(rules):
        for rule in rules:
            used.update(rule["when"])

    collect(compiled["steps"])
    if compiled["fee"]:
        fee = compiled["fee"]
        collect(fee["rules"])
        collect(fee["national_exemptions"])
    if compiled["cvec"]:
        cvec = compiled["cvec"]
        collect(cvec["rules"])
        collect(cvec["not_subject"])
        collect(cvec["exempt"])
        used.add("cvec_deja_acquittee")
    if compiled["windows"]:
        collect(compiled["windows"])
    fee_known = compiled["fee"] is not None
    if fee_known and any(i["count"] > 1 for i in compiled["payment"]["instalments"]):
        used.add("echeances")
    return [key for key in PROFILE_KEYS if key in used]
