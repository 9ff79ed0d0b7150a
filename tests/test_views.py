"""The views the templates lay out (generator/render/), each built from a small hand-made
procedure and read as a student reads the page: the row's words, the unknown said
plainly, the code to tick, the dates and amounts in French.

NBSP is U+00A0 (before « € », around the « h » of an hour, before « : »), NNBSP
U+202F (between thousands).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

from generator.model.catalog import ProcedureRecord
from generator.model.compile import ProcedureCompiler
from generator.outputs.open_data import open_data_view
from generator.paths import WIDGET_DIR
from generator.render.checker_view import checker_view, has_checker, preloaded_modules
from generator.render.contacts import contact_view, institution_view, portal_view
from generator.render.views import (
    accessibility_view,
    changes_view,
    closures_view,
    cvec_view,
    fee_view,
    payment_view,
    procedure_view,
    step_view,
    windows_view,
)

NBSP = "\u00a0"
NNBSP = "\u202f"

NATIONAL = {
    "fees": {
        "reference": "Arrêté du 19 avril 2019",
        "amount": {"licence": {"2024-2025": 175, "2025-2026": 178}},
        "exempt": [
            {"when": {"boursier": True}, "reason": "Les boursiers sont exonérés", "reference": "Code de l'éducation, R719-49"},
            {"when": {"pupille": True}, "reason": "Les pupilles de la nation sont exonérés"},
        ],
    },
    "cvec": {
        "reference": "Code de l'éducation, L841-5",
        "amount": {"2024-2025": 103, "2025-2026": 105},
        "not_subject": [{"when": {"echange": True}, "reason": "Les étudiants en échange n'y sont pas assujettis"}],
        "exempt": [{"when": {"refugie": True}, "reason": "Les réfugiés en sont exonérés"}],
    },
    "academic_year_end": {"month": 8, "day": 31, "reference": "convention de modop"},
}

INSTITUTION = {
    "id": "ecole",
    "name": "École d'essai",
    "parent": "unknown",
    "address": "1 rue de l'École, 13000 Marseille",
    "website": "https://www.ecole.example.fr/",
    "contacts": {
        "scolarite": {
            "name": "Service de scolarité",
            "role": "Inscriptions administratives",
            "emails": ["scolarite@ecole.example.fr"],
            "phones": [
                {
                    "number": "04 91 00 00 00",
                    "hours": [{"days": ["lundi", "mardi", "mercredi", "jeudi"], "times": ["08:30-12:00", "13:30-17:00"]}],
                    "period": {"from": "2024-07-01", "to": "2024-09-30"},
                }
            ],
            "address": "unknown",
        },
        "accueil": {"name": "Accueil", "phones": [{"number": "+33 4 91 11 11 11", "hours": "unknown"}]},
        "muet": {"name": "Bureau sans coordonnées"},
    },
    "portals": {
        "ent": {"name": "ENT", "url": "https://ent.ecole.example.fr/", "purpose": "Votre dossier d'inscription."},
        "paiement": {"name": "Paiement", "url": "unknown", "purpose": "Payer les droits"},
    },
}


def procedure_data(year: str = "2024-2025") -> dict:
    """A procedure as the schema leaves it (dates and instants as written in the YAML)."""
    return {
        "id": "licence",
        "title": "Inscription en licence",
        "academic_year": year,
        "kind": "inscription",
        "level": "licence",
        "source": {"title": "Notice d'inscription", "date": "2024-06-03", "url": "https://www.ecole.example.fr/notice"},
        "summary": "Trois étapes, dans l'ordre.",
        "audience": {"for": ["Admis en 1re année"], "not_for": ["Redoublants"]},
        "contacts": ["scolarite"],
        "unsure": {"contact": "accueil", "text": "En cas de doute, appelez l'accueil."},
        "steps": [
            {
                "id": "cvec",
                "title": "Étape 1 : payer la CVEC",
                "body": "Sur le site du Crous.",
                "portals": ["ent"],
                "when": {"regime": ["initiale", "apprentissage"]},
                "warnings": [{"kind": "danger", "text": "Gardez l'attestation."}, {"text": "Une seule fois par an."}],
                "screenshots": [{"src": "images/crous.png", "alt": "La page du Crous."}],
            },
            {"id": "dossier", "title": "le dossier", "body": "Remplissez-le.", "menu": "Mon dossier > Inscription"},
        ],
        "windows": [
            {
                "label": "Admis en juillet",
                "when": {"date_acceptation": {"from": "2024-07-01", "to": "2024-07-15"}},
                "periods": [{"start": "2024-07-09 14:00", "end": "2024-07-19"}, {"start": "asap", "end": "unknown"}],
            },
            {"label": "Tous", "periods": [{"start": "unknown", "end": "2024-08-28 17:00"}]},
        ],
        "closures": [
            {"from": "2024-07-27", "to": "2024-08-18", "reason": "Fermeture estivale"},
            {"from": "2024-08-20 08:00", "to": "2024-08-20 12:30", "reason": "Maintenance"},
        ],
        "fee": {
            "categories": [
                {"code": "01", "label": "Etudiant non boursier"},
                {"code": "02", "label": "Etudiant boursier"},
                {"code": "D1", "label": "Doctorant"},
            ],
            "allowed": ["01", "02"],
            "rules": [
                {"when": {"boursier": True}, "before_national_exemptions": True, "amount": 0, "category": "02", "reason": "Boursier : rien à payer"},
                {"when": {"hors_ue": True}, "amount": "unknown", "category": "unknown", "reason": "Droits différenciés"},
            ],
            "default": {"amount": "national", "category": "01", "reason": "Droits nationaux de licence"},
            "note": "Payez **en ligne**.",
        },
        "cvec": {
            "amount": "national",
            "rules": [{"when": {"regime": "apprentissage"}, "status": "due", "reason": "Les apprentis la paient"}],
        },
        "payment": {
            "methods": ["carte bancaire"],
            "due": "at_registration",
            "instalments": [{"count": "1"}, {"count": "3", "label": "Paybox 3 échéances", "min_amount": 1000}],
            "later_instalments_day": 10,
        },
    }


def record_of(data: dict, unconfirmed: dict | None = None, provisional: bool = False) -> ProcedureRecord:
    compiled = ProcedureCompiler(NATIONAL).compile(INSTITUTION, data, provisional=provisional)
    return ProcedureRecord(
        full_id=f"ecole/{data['id']}",
        institution_id="ecole",
        path=Path("procedures/ecole") / data["academic_year"] / f"{data['id']}.yaml",
        data=data,
        compiled=compiled,
        positions={},
        unconfirmed=unconfirmed or {},
    )


RECORD = record_of(procedure_data())


# ---------------------------------------------------------------- dates


def test_windows_view_says_each_boundary_in_french_and_the_unknown_plainly():
    windows = windows_view(RECORD.compiled)
    july, everyone = windows
    assert july["label"] == "Admis en juillet"
    assert july["when"] == "proposition d'admission acceptée du 1er juillet 2024 au 15 juillet 2024 inclus"
    first, second = july["periods"]
    assert first["start"]["text"] == f"mardi 9 juillet 2024 à 14{NBSP}h"
    assert first["start"]["iso"] == "2024-07-09T14:00:00+02:00"
    assert first["end"]["text"] == "vendredi 19 juillet 2024 inclus (heure non précisée)"
    assert second["start"]["text"] == "dès que possible" and second["start"]["iso"] is None
    assert second["end"]["text"] == "non précisée par la notice"
    assert everyone["when"] is None
    assert everyone["periods"][0]["start"]["text"] == "non précisée par la notice"
    assert everyone["periods"][0]["end"]["text"] == f"mercredi 28 août 2024 à 17{NBSP}h"
    assert not any(p[side]["unconfirmed"] for w in windows for p in w["periods"] for side in ("start", "end"))


def test_windows_view_marks_the_dates_still_to_confirm_and_none_without_dates():
    unconfirmed = {("windows", 0, "periods", 0, "end"): (12, 14)}
    windows = windows_view(RECORD.compiled, unconfirmed)
    assert windows[0]["periods"][0]["end"]["unconfirmed"]
    assert not windows[0]["periods"][0]["start"]["unconfirmed"]
    assert windows_view({**RECORD.compiled, "windows": None}) is None


def test_closures_view_says_a_date_as_a_whole_day_and_an_instant_with_its_hour():
    summer, maintenance = closures_view(RECORD.data, RECORD.compiled, {("closures", 1, "to"): (3, 4)})
    assert summer["start"]["text"] == "samedi 27 juillet 2024"
    assert summer["end"]["text"] == "dimanche 18 août 2024 inclus"
    assert summer["end"]["iso"] == "2024-08-19T00:00:00+02:00"
    assert summer["reason"] == "Fermeture estivale"
    assert maintenance["start"]["text"] == f"mardi 20 août 2024 à 8{NBSP}h"
    assert maintenance["end"]["text"] == f"mardi 20 août 2024 à 12{NBSP}h{NBSP}30"
    assert maintenance["end"]["unconfirmed"] and not maintenance["start"]["unconfirmed"]


# ---------------------------------------------------------------- fees, CVEC, payment


def test_fee_view_rows_say_the_amount_the_code_and_the_unknown():
    fee = fee_view(RECORD.data, RECORD.compiled)
    rows = {row["situation"]: row for row in fee["rows"]}
    boursier = rows["boursier"]
    assert (boursier["amount_text"], boursier["code"]) == (f"0{NBSP}€", "02 Etudiant boursier")
    assert boursier["precedence"] == "Règle de la notice appliquée avant les exonérations nationales"
    assert fee["rows"][0] is boursier
    hors_ue = rows["soumis aux droits d'inscription différenciés"]
    assert (hors_ue["amount_text"], hors_ue["code"]) == ("non précisé par la notice", "non précisé par la notice")
    # The national exemption of the boursiers is the procedure's first rule already: not shown twice.
    assert [row["situation"] for row in fee["rows"]].count("boursier") == 1
    pupille = rows["pupille de la nation"]
    assert pupille["amount_text"] == f"0{NBSP}€" and pupille["code"] == "aucun code indiqué"
    assert pupille["reason"] == "Les pupilles de la nation sont exonérés (Arrêté du 19 avril 2019)"
    other = fee["rows"][-1]
    assert other["situation"] == "Dans tous les autres cas"
    assert (other["amount_text"], other["code"], other["reason"]) == (f"175{NBSP}€", "01 Etudiant non boursier", "Droits nationaux de licence")
    assert fee["has_unknown"] and fee["has_codes"]
    assert fee["codes_text"] == "Le portail propose 3 codes ; pour cette procédure, seuls les codes 01 et 02 sont autorisés"
    assert [(c["code"], c["allowed"]) for c in fee["categories"]] == [("01", True), ("02", True), ("D1", False)]
    assert fee["note"] == "Payez **en ligne**."


def test_fee_view_stops_at_a_rule_for_every_student():
    """A rule without condition, before the national exemptions (ISIMA's apprentices), is
    the only row: no exemption, no other case is ever reached after it."""
    data = procedure_data()
    data["fee"]["rules"] = [
        {"when": {}, "before_national_exemptions": True, "amount": 0, "category": "01", "reason": "Rien à payer"},
        *data["fee"]["rules"],
    ]
    record = record_of(data)
    rows = fee_view(record.data, record.compiled)["rows"]
    assert [(row["situation"], row["amount_text"]) for row in rows] == [("tous les étudiants", f"0{NBSP}€")]


def test_fee_view_says_one_code_in_the_singular_and_none_without_fee():
    data = procedure_data()
    data["fee"]["categories"] = [{"code": "01", "label": "Etudiant non boursier"}]
    data["fee"]["allowed"] = ["01"]
    record = record_of(data)
    fee = fee_view(record.data, record.compiled)
    assert fee["codes_text"] == "Le portail propose 1 code ; pour cette procédure, seul le code 01 est autorisé"
    del data["fee"]
    record = record_of(data)
    assert fee_view(record.data, record.compiled) is None


def test_cvec_view_says_each_status_and_the_amount_due_otherwise():
    cvec = cvec_view(RECORD.data, RECORD.compiled)
    rows = [(row["situation"], row["status_text"], row["reason"]) for row in cvec["rows"]]
    assert rows == [
        ("en apprentissage", f"À payer{NBSP}: 103{NBSP}€", "Les apprentis la paient"),
        ("en échange (mobilité entrante)", f"Pas de CVEC{NBSP}: rien à faire", "Les étudiants en échange n'y sont pas assujettis (Code de l'éducation, L841-5)"),
        ("réfugié, protection subsidiaire ou demandeur d'asile", f"Exonération{NBSP}: 0{NBSP}€, mais l'attestation d'exonération reste à obtenir", "Les réfugiés en sont exonérés (Code de l'éducation, L841-5)"),
        ("Dans tous les autres cas", f"À payer{NBSP}: 103{NBSP}€", f"Montant{NBSP}: le montant national (Code de l'éducation, L841-5)"),
    ]
    assert cvec["amount_text"] == f"103{NBSP}€"


def test_cvec_view_of_an_unknown_amount():
    data = procedure_data("2030-2031")  # no national amount for that year
    record = record_of(data)
    cvec = cvec_view(record.data, record.compiled)
    assert cvec["amount"] is None and cvec["amount_text"] == "non précisé par la notice"
    assert cvec["rows"][-1]["status_text"] == f"À payer{NBSP}: montant non précisé par la notice"


def test_payment_view_lists_the_ways_to_pay():
    payment = payment_view(RECORD.data, RECORD.compiled)
    assert payment["options"] == [
        "en une fois",
        f"Paybox 3 échéances (paiement en 3 fois), possible à partir de 1{NNBSP}000{NBSP}€ de droits",
    ]
    assert payment["methods_text"] == "Moyens de paiement : carte bancaire"
    assert payment["due_text"] == "Quand payer : au moment de l'inscription"
    assert payment["later_text"].endswith("prélevées le 10 de chacun des mois suivants") and not payment["unknown"]
    data = procedure_data()
    del data["payment"]  # the notice says nothing of payment: every fact « non précisé »
    record = record_of(data)
    silent = payment_view(record.data, record.compiled)
    assert silent["methods_text"] == "Moyens de paiement : non précisés par la notice"
    assert silent["due_text"] == "Quand payer : non précisé par la notice"
    assert silent["options"] is None and silent["options_unknown_text"].startswith("En combien de fois : non précisé")
    assert silent["unknown"]
    del data["fee"]
    record = record_of(data)
    assert payment_view(record.data, record.compiled) is None


# ---------------------------------------------------------------- steps, the page, contacts


def test_step_view_numbers_the_step_and_says_whom_it_concerns():
    step = step_view(2, RECORD.data["steps"][0], INSTITUTION)
    assert step["number"] == 2 and step["anchor"] == "etape-cvec"
    assert step["title"] == "Payer la CVEC"  # the data's own number is left out
    assert step["applies_to"] == "en formation initiale ou en apprentissage"
    assert [(w["kind"], w["title"]) for w in step["warnings"]] == [("danger", "Important"), ("warning", "Attention")]
    assert step["screenshots"] == [{"src": "images/crous.png", "alt": "La page du Crous."}]  # beside the page
    assert step["portals"][0]["shown_url"] == "ent.ecole.example.fr"
    other = step_view(3, RECORD.data["steps"][1], INSTITUTION)
    assert other["title"] == "Le dossier" and other["applies_to"] is None and other["menu"] == "Mon dossier > Inscription"


def test_procedure_view_gathers_the_page():
    page = procedure_view(RECORD, INSTITUTION)
    assert (page["title"], page["year"], page["candidature"], page["provisional"]) == ("Inscription en licence", "2024-2025", False, False)
    assert page["steps_in_order"] == 2
    assert [c["id"] for c in page["contacts"]] == ["scolarite", "accueil"]  # the "en cas de doute" contact added
    assert page["ask"]["name"] == "Accueil" and page["unsure"]["contact"]["anchor"] == "contact-accueil"
    assert page["sources"] == [{"title": "Notice d'inscription", "date": "3 juin 2024", "url": "https://www.ecole.example.fr/notice"}]
    assert page["windows_unknown"]
    assert [c["start"]["text"] for c in page["closures"]] == ["samedi 27 juillet 2024", f"mardi 20 août 2024 à 8{NBSP}h"]


def test_procedure_view_of_a_candidature_with_one_step_and_no_date():
    data = procedure_data()
    data.update(kind="candidature", steps=data["steps"][1:], windows="unknown", closures=[])
    data["source"].update(date="unknown", url="unknown")
    page = procedure_view(record_of(data), INSTITUTION)
    assert page["candidature"] and page["steps_in_order"] is None
    assert page["windows"] is None and not page["windows_unknown"]
    assert page["sources"] == [{"title": "Notice d'inscription", "date": None, "url": None}]


def test_contact_view_words_the_hours_and_links_the_phone():
    contact = contact_view("scolarite", INSTITUTION["contacts"]["scolarite"])
    phone = contact["phones"][0]
    assert phone["uri"] == "tel:+33491000000"
    assert phone["hours"] == f"du lundi au jeudi de 8{NBSP}h{NBSP}30 à 12{NBSP}h et de 13{NBSP}h{NBSP}30 à 17{NBSP}h"
    assert phone["period"] == "du 1er juillet 2024 au 30 septembre 2024"
    assert contact["anchor"] == "contact-scolarite" and contact["address"] is None and contact["address_unknown"]
    assert not contact["no_email_nor_phone"]
    accueil = contact_view("accueil", INSTITUTION["contacts"]["accueil"])
    assert accueil["phones"][0]["uri"] == "tel:+33491111111" and accueil["phones"][0]["hours"] is None
    assert contact_view("muet", INSTITUTION["contacts"]["muet"])["no_email_nor_phone"]


def test_a_phone_period_new_year_moved_is_marked_to_confirm():
    moved = {("contacts", "scolarite", "phones", 0, "period", "from"): (9, 21)}
    assert contact_view("scolarite", INSTITUTION["contacts"]["scolarite"], moved)["phones"][0]["period_unconfirmed"]
    assert not contact_view("scolarite", INSTITUTION["contacts"]["scolarite"])["phones"][0]["period_unconfirmed"]
    assert institution_view(INSTITUTION, [], moved)["contacts"][0]["phones"][0]["period_unconfirmed"]


def test_portal_view_shows_the_address_or_says_it_is_unknown():
    assert portal_view(INSTITUTION, "ent") == {
        "name": "ENT",
        "url": "https://ent.ecole.example.fr/",
        "shown_url": "ent.ecole.example.fr",
        "purpose": "Votre dossier d'inscription",
    }
    unknown = portal_view(INSTITUTION, "paiement")
    assert unknown["url"] is None and unknown["shown_url"] is None


def test_institution_view_lists_its_procedures_contacts_and_portals():
    data = procedure_data()
    data.update(id="candidature", title="Candidature", kind="candidature")
    view = institution_view(INSTITUTION, [RECORD, record_of(data, provisional=True)])
    assert view["shown_website"] == "www.ecole.example.fr" and view["parent"] is None
    assert [(p["path"], p["candidature"], p["provisional"]) for p in view["procedures"]] == [
        ("ecole/licence/index.md", False, False),
        ("ecole/candidature/index.md", True, True),
    ]
    assert [c["name"] for c in view["contacts"]] == ["Service de scolarité", "Accueil", "Bureau sans coordonnées"]
    assert [p["name"] for p in view["portals"]] == ["ENT", "Paiement"]


# ---------------------------------------------------------------- changes, statement, open data


def test_changes_view_says_what_changed_since_last_year_in_words():
    old = record_of(procedure_data("2024-2025"))
    data = procedure_data("2025-2026")
    data["windows"][1]["periods"][0]["end"] = "2025-08-27 17:00"
    data["steps"] = data["steps"][:1]
    new = record_of(data)
    changes = changes_view(SimpleNamespace(procedures=[old, new]), new)
    assert changes["year"] == "2024-2025"
    assert changes["items"] == [
        f"période «{NBSP}Tous{NBSP}»{NBSP}: fermeture 28 août 2024 à 17{NBSP}h → 27 août 2025 à 17{NBSP}h",
        f"droits d'inscription{NBSP}: 175{NBSP}€ → 178{NBSP}€",
        f"CVEC{NBSP}: 103{NBSP}€ → 105{NBSP}€",
        f"étape retirée{NBSP}: le dossier",
    ]
    assert changes_view(SimpleNamespace(procedures=[old]), old) is None


def test_an_unknown_amount_in_the_changes_is_said_unknown():
    old = record_of(procedure_data("2024-2025"))
    new = record_of(procedure_data("2030-2031"))  # no national amounts that year
    items = changes_view(SimpleNamespace(procedures=[old, new]), new)["items"]
    assert f"droits d'inscription{NBSP}: 175{NBSP}€ → inconnu" in items
    assert f"CVEC{NBSP}: 103{NBSP}€ → inconnu" in items


def test_accessibility_view_from_the_settings():
    statement = accessibility_view({"site_url": "https://modop.example/", "extra": {"accessibility": {"date": date(2026, 11, 1)}}})
    assert statement["date"] == "1er novembre 2026"
    assert statement["status"] == "partiellement conforme"
    assert statement["site_url"] == "https://modop.example/" and statement["publisher"] is None
    assert accessibility_view({"extra": {"accessibility": {"date": "2026-11-23", "status": "non conforme"}}})["status"] == "non conforme"
    assert accessibility_view({})["date"] is None


def test_open_data_view_takes_its_example_from_the_index():
    entry = {"institution": "ecole", "id": "licence", "title": "Inscription en licence"}
    index = {"licence": {"name": "Licence Ouverte"}, "attribution": "Données des notices", "procedures": [entry]}
    view = open_data_view(index)
    assert view["example_ids"] == {"institution": "ecole", "procedure": "licence"}
    assert view["example"]["title"] == "Inscription en licence" and '"id": "licence"' in view["example"]["entry"]
    assert "full_id" in view["fields"] and view["folder"] == "donnees"
    empty = open_data_view({**index, "procedures": []})
    assert empty["example"] is None and empty["example_ids"] == {"institution": "amu-iut", "procedure": "but1"}


# ---------------------------------------------------------------- the checker


def test_checker_view_asks_the_procedures_questions_in_the_profiles_order():
    checker = checker_view(RECORD)
    assert checker["procedure"] == "ecole/licence"
    fields = {field["key"]: field for field in checker["fields"]}
    assert list(fields) == RECORD.compiled["questions"]
    assert list(fields) == ["regime", "boursier", "hors_ue", "echange", "refugie", "pupille", "date_acceptation", "cvec_deja_acquittee", "echeances"]
    regime = fields["regime"]
    assert (regime["kind"], regime["label"], regime["id"]) == ("select", "Votre régime d'inscription", "modop-ecole-licence-regime")
    # Only what the procedure tells apart: its conditions name two regimes, it offers one or three payments.
    assert [(o["value"], o["label"], o["selected"]) for o in regime["options"]] == [
        ("initiale", "Formation initiale", True),
        ("apprentissage", "Apprentissage", False),
        ("contrat_pro", "Autre : contrat de professionnalisation ou formation continue", False),
    ]
    # The « Autre » option names the values it stands for (a link's `regime=formation_continue` picks it).
    assert [o["stands_for"] for o in regime["options"]] == [None, None, "contrat_pro formation_continue"]
    assert [(o["value"], o["label"], o["selected"]) for o in fields["echeances"]["options"]] == [
        ("1", "En une fois", True),
        ("3", "En 3 fois", False),
    ]
    boursier = fields["boursier"]
    assert boursier["kind"] == "checkbox" and boursier["options"] == [] and boursier["hint"] is None
    assert boursier["label"].startswith("Je suis boursier ou boursière de l'enseignement supérieur")
    accepted = fields["date_acceptation"]
    assert accepted["kind"] == "date" and accepted["hint_id"] == "modop-ecole-licence-date_acceptation-hint"
    assert accepted["hint"].startswith("Sur Parcoursup, eCandidat ou Mon Master.")
    assert (accepted["min"], accepted["max"]) == ("2000-01-01", "2099-12-31")  # the years the engine answers for
    assert accepted["problem_id"] == "modop-ecole-licence-date_acceptation-problem"
    assert "JJ/MM/AAAA" in accepted["problem"] and "date_acceptation" not in accepted["problem"]
    assert boursier["problem"] is None and boursier["min"] is None
    assert checker["privacy_id"] == "modop-ecole-licence-privacy"


def test_checker_view_points_at_the_shipped_files_from_the_page():
    checker = checker_view(RECORD)
    assert checker["script"] == "../../assets/checker/checker.mjs"
    assert checker["stylesheet"] == "../../assets/checker/checker.css"
    # Every module of the widget but the page's script and the worker's.
    shipped = sorted(path.name for path in WIDGET_DIR.glob("*.mjs"))
    assert preloaded_modules() == [name for name in shipped if name not in ("checker.mjs", "worker.mjs")]
    assert len(preloaded_modules()) >= 2
    assert checker["preloaded"] == [f"../../assets/checker/{name}" for name in preloaded_modules()]


def test_no_checker_without_anything_to_compute():
    data = procedure_data()
    data.update(windows="unknown", closures=[])
    del data["fee"], data["cvec"], data["payment"]
    record = record_of(data)
    assert not has_checker(record.compiled) and checker_view(record) is None
    assert has_checker(RECORD.compiled)
