"""The engine claims nothing a notice does not say (issue 11): each finding on a small
procedure of tests/fixtures/silent/, loaded with the bundled national layer by the
real loader, answered by the real engine, shown by the real views.

NBSP is U+00A0 (before « € », around the « h » of an hour), NNBSP U+202F (thousands).
"""
from __future__ import annotations

import datetime as dt
import json

import pytest

from checks import answer_text, evaluate, parse_instant, worker_bridge
from checks.wording import fr
from generator.errors import DataErrors
from generator.model.plausibility import plausibility_warnings
from generator.render.checker_view import checker_view
from generator.render.views import procedure_view
from generator.model.catalog import load_catalog
from tests.support.silent_notices import SILENT_FOLDER, silent_catalog, silent_root

NBSP = "\u00a0"
NNBSP = "\u202f"
YEAR = "2024-2025"


class SilentNotices:
    """Each procedure of tests/fixtures/silent/…/2024-2025/, loaded on its own, once."""

    def __init__(self, tmp_path_factory):
        self.tmp_path_factory = tmp_path_factory
        self.catalogs = {}

    def catalog(self, name: str):
        if name not in self.catalogs:
            self.catalogs[name] = silent_catalog(self.tmp_path_factory.mktemp(name), f"{YEAR}/{name}.yaml")
        return self.catalogs[name]

    def __call__(self, name: str):
        """The record of `name`.yaml."""
        return self.catalog(name).procedures[0]

    def page(self, name: str) -> dict:
        catalog = self.catalog(name)
        record = catalog.procedures[0]
        return procedure_view(record, catalog.institutions[record.institution_id])


@pytest.fixture(scope="module")
def notice(tmp_path_factory):
    return SilentNotices(tmp_path_factory)


def answer(record, profile: dict, at: str) -> dict:
    return evaluate(record.compiled, profile, parse_instant(at))


# --- 1. « As soon as possible » and unknown ends ----------------------------------


def test_an_unknown_end_is_bounded_at_the_end_of_the_academic_year(notice):
    record = notice("sans-fin")
    late = answer(record, {}, "2025-12-01T10:00")["deadline"]
    assert late["status"] == "closed"
    assert late["windows"] == [{"start": "2024-07-08T12:00:00+02:00", "end": "2025-09-01T00:00:00+02:00"}]
    assert "au plus tard à la fin de l'année universitaire, le 31 août 2025" in late["reason"]
    assert "ne précise pas la date de fermeture" in late["reason"]
    assert "renseignez-vous auprès de : Service de scolarité" in late["reason"]
    open_ = answer(record, {}, "2025-03-01T10:00")["deadline"]
    assert (open_["status"], open_["next_change"]) == ("open", "2025-09-01T00:00:00+02:00")


def test_an_end_written_past_the_academic_year_is_bounded_too(notice):
    deadline = answer(notice("fin-au-dela"), {}, "2025-09-15T10:00")["deadline"]
    assert deadline["status"] == "closed"
    assert deadline["windows"][0]["end"] == "2025-09-01T00:00:00+02:00"
    assert "après la fin de l'année universitaire" in deadline["reason"]


def test_asap_is_open_from_its_start_and_bounded_by_the_year_end_the_notice_states(notice):
    record = notice("des-que-possible")
    before = answer(record, {}, "2024-07-15T10:00")["deadline"]
    assert (before["status"], before["next_change"]) == ("upcoming", "2024-08-01T00:00:00+02:00")
    deadline = answer(record, {}, "2024-08-05T10:00")["deadline"]
    assert deadline["status"] == "open"
    assert deadline["windows"] == [{"start": "2024-08-01T00:00:00+02:00", "end": "2025-10-01T00:00:00+02:00"}]
    assert "dès que possible" in deadline["reason"]
    assert "le 30 septembre 2025" in deadline["reason"]
    assert "convention" not in deadline["reason"]  # the notice states this year end


def test_the_year_over_warning_reads_the_bounded_ends(notice):
    record = notice("sans-fin")
    catalog = notice.catalog("sans-fin")
    warnings = plausibility_warnings(catalog, dt.datetime(2025, 12, 1, tzinfo=dt.timezone.utc))
    assert any("toutes les périodes de 2024-2025 sont passées" in w.message for w in warnings), warnings
    assert record.compiled["academic_year_end"]["end"] == "2025-09-01T00:00:00+02:00"


def test_the_page_says_asap_and_the_year_end(notice):
    page = notice.page("des-que-possible")
    assert page["windows"][0]["periods"][0]["end"]["text"] == "dès que possible"


# --- 2. An invented claim: payment unknown ---------------------------------------


@pytest.mark.parametrize("name", ["sans-paiement", "paiement-inconnu"])
def test_a_notice_silent_on_payment_says_nothing_of_instalments(notice, name):
    reply = answer(notice(name), {"echeances": "3"}, "2024-08-01T10:00")
    payment = reply["payment"]
    assert payment["plan"] == [{"due": None, "amount_eur": 175.0}]
    assert "n'est pas proposé" not in payment["refused"]
    assert "non précisé par la notice" in payment["refused"] and "3 fois" in payment["refused"]
    assert "renseignez-vous auprès de : Service de scolarité" in payment["refused"]
    sentence = reply["explanation"][-1]
    assert sentence.startswith("Paiement") and "ne précise pas comment payer" in sentence


def test_paid_online_at_registration_is_due_the_day_the_student_registers(notice):
    record = notice("paiement-en-ligne")
    assert answer(record, {}, "2024-08-01T10:00")["payment"]["plan"] == [{"due": "2024-08-01", "amount_eur": 175.0}]
    upcoming = answer(record, {}, "2024-07-01T10:00")["payment"]
    assert upcoming["plan"] == [{"due": "2024-07-08", "amount_eur": 175.0}]
    three = answer(record, {"echeances": "3"}, "2024-08-01T10:00")["payment"]
    assert three["plan"] == [{"due": "2024-08-01", "amount_eur": 175.0}]
    assert "non précisé par la notice" in three["refused"]


# --- 3 and 15. Students subject to differentiated fees, and the order of the rules ----


def test_a_notice_silent_on_differentiated_fees_gives_no_amount_as_a_fact(notice):
    record = notice("hors-ue-muette")
    fee = answer(record, {"hors_ue": "true"}, "2024-08-01T10:00")["fee"]
    assert fee["amount_eur"] is None
    assert f"2{NNBSP}850{NBSP}€" in fee["reason"]  # the national table 2 amount, as information
    assert "arrêté du 19 avril 2019" in fee["reason"].lower()
    assert "exonération" in fee["reason"]
    assert "renseignez-vous auprès de : Service de scolarité" in fee["reason"]
    assert "hors_ue" in record.compiled["questions"]
    assert answer(record, {"hors_ue": "true", "boursier": "true"}, "2024-08-01T10:00")["fee"]["amount_eur"] == 0.0


def test_a_doctorate_never_asks_about_differentiated_fees(notice):
    record = notice("doctorat-muet")
    assert "hors_ue" not in record.compiled["questions"]
    assert answer(record, {"hors_ue": "true"}, "2024-08-01T10:00")["fee"]["amount_eur"] == 391.0


def test_national_exemptions_come_before_a_schools_rule_for_differentiated_fees(notice):
    record = notice("hors-ue-regle")
    subject = {"hors_ue": "true"}
    assert answer(record, subject, "2024-08-01T10:00")["fee"]["amount_eur"] == 3879.0
    for exempt in ({"pupille": "true"}, {"regime": "apprentissage"}, {"echange": "true"}):
        fee = answer(record, {**subject, **exempt}, "2024-08-01T10:00")["fee"]
        assert fee["amount_eur"] == 0.0, exempt


def test_a_schools_own_amount_for_differentiated_fees_leaves_the_national_exemptions_first(notice):
    """Finding 15 as staff first write it: `when: {hors_ue: true}` and a number, nothing
    repeated by hand; a non-EU pupille de la nation, apprentice or exchange student
    owes nothing, as the national rules say."""
    record = notice("hors-ue-montant")
    subject = {"hors_ue": "true"}
    assert answer(record, subject, "2024-08-01T10:00")["fee"]["amount_eur"] == 3879.0
    for exempt in ({"pupille": "true"}, {"regime": "apprentissage"}, {"echange": "true"}, {"boursier": "true"}):
        fee = answer(record, {**subject, **exempt}, "2024-08-01T10:00")["fee"]
        assert fee["amount_eur"] == 0.0, exempt


def test_a_rule_may_come_before_the_national_exemptions(notice):
    fee = answer(notice("hors-ue-regle"), {"boursier": "true", "hors_ue": "true"}, "2024-08-01T10:00")["fee"]
    assert (fee["amount_eur"], fee["category"]) == (0.0, "02")
    page = notice.page("hors-ue-regle")
    first = page["fee"]["rows"][0]
    assert first["precedence"] == fr.BEFORE_NATIONAL_EXEMPTIONS


def test_the_fee_table_shows_the_national_rows_in_the_order_they_apply(notice):
    rows = notice.page("hors-ue-muette")["fee"]["rows"]
    situations = [row["situation"] for row in rows]
    assert situations[-1] == fr.OTHER_CASES
    assert situations[-2] == fr.describe_when({"hors_ue": True})
    assert rows[-2]["amount_text"] == fr.amount(None, "cell")


# --- 4. Closures -----------------------------------------------------------------


def test_a_portal_closure_covering_a_period_is_warned_about_at_its_line(notice):
    catalog = notice.catalog("fermeture-portail")
    warnings = [w for w in plausibility_warnings(catalog, dt.datetime(2024, 6, 1, tzinfo=dt.timezone.utc))]
    covering = [w for w in warnings if "couvre toute la période" in w.message]
    assert covering and covering[0].line == 30, warnings


def test_no_payment_date_once_the_students_windows_are_closed(notice):
    reply = answer(notice("fermeture-portail"), {}, "2024-07-10T10:00")
    assert reply["deadline"]["status"] == "closed"
    assert reply["payment"]["plan"] == [{"due": None, "amount_eur": 175.0}]
    sentence = reply["explanation"][-1]
    assert "inscription est close" in sentence and "renseignez-vous auprès de : Service de scolarité" in sentence


def test_an_office_closure_does_not_cut_the_windows_and_another_contact_is_asked(notice):
    record = notice("fermeture-bureau")
    assert record.compiled["closures"][0]["kind"] == "office"
    assert record.compiled["closures"][0]["contact"] == "scolarite"
    during = answer(record, {}, "2024-07-25T10:00")
    assert during["deadline"]["status"] == "open"
    assert during["deadline"]["windows"] == [{"start": "2024-07-01T00:00:00+02:00", "end": "2024-10-01T00:00:00+02:00"}]
    fee_sentence = during["explanation"][0]
    assert "Secrétariat pédagogique" in fee_sentence and "Service de scolarité" not in fee_sentence
    after = answer(record, {}, "2024-08-25T10:00")
    assert "Service de scolarité" in after["explanation"][0]


def test_an_office_closure_of_the_only_contact_says_until_when(notice):
    sentence = answer(notice("fermeture-seul-bureau"), {}, "2024-07-25T10:00")["explanation"][0]
    assert "Service de scolarité" in sentence
    assert "fermé jusqu'au mardi 20 août 2024 inclus" in sentence


def test_the_dates_table_says_what_is_closed(notice):
    closure = notice.page("fermeture-bureau")["closures"][0]
    assert closure["what"] == "Service de scolarité fermé"


# --- 5. National portals -----------------------------------------------------------


def test_national_portals_are_inherited_with_their_addresses(notice):
    page = notice.page("portails-nationaux")
    portals = {p["name"]: p for step in page["steps"] for p in step["portals"]}
    assert portals["Parcoursup"]["url"] == "https://www.parcoursup.fr/"
    assert portals["MesServices.étudiant.gouv.fr (Crous)"]["url"] == "https://www.messervices.etudiant.gouv.fr/"
    assert portals["eCandidat"]["url"] is None and "chaque université" in portals["eCandidat"]["purpose"]
    assert portals["ENT de l'école"]["url"] == "https://ent.muette.example.fr/"


# --- 6. Documents to provide -------------------------------------------------------


def test_the_answer_lists_the_documents_of_the_student(notice):
    record = notice("pieces")
    reply = answer(record, {}, "2024-08-01T10:00")
    assert list(reply)[list(reply).index("steps") + 1] == "documents"
    assert reply["documents"] == ["cv", "identite"]
    assert answer(record, {"boursier": "true", "regime": "apprentissage"}, "2024-08-01T10:00")["documents"] == [
        "cv", "identite", "bourse", "contrat",
    ]
    text = answer_text(reply, record.compiled)
    assert "Curriculum vitae" in text and "Pièce d'identité" in text and "Notification de bourse" not in text


def test_the_page_lists_each_documents_under_its_step(notice):
    steps = notice.page("pieces")["steps"]
    assert [d["label"] for d in steps[0]["documents"]] == ["Curriculum vitae", "Pièce d'identité", "Notification de bourse"]
    assert steps[0]["documents"][2]["applies_to"] == fr.describe_when({"boursier": True})
    assert steps[0]["documents"][2]["note"] == "Celle de l'année en cours."


def test_the_widgets_view_gives_the_students_documents_with_their_labels(notice):
    record = notice("pieces")
    reply = json.loads(
        worker_bridge.answer("pieces", json.dumps(record.compiled), json.dumps({"boursier": "true"}), "2024-08-01T10:00")
    )
    assert reply["ok"]
    assert reply["view"]["documents"] == [
        {"id": "cv", "label": "Curriculum vitae", "note": None},
        {"id": "identite", "label": "Pièce d'identité", "note": None},
        {"id": "bourse", "label": "Notification de bourse", "note": "Celle de l'année en cours."},
    ]
    assert json.loads(reply["json"])["documents"] == ["cv", "identite", "bourse"]


def test_a_procedure_without_documents_answers_an_empty_list(notice):
    assert answer(notice("sans-fin"), {}, "2024-08-01T10:00")["documents"] == []


# --- 11. The form follows the data ----------------------------------------------------


def test_the_form_offers_only_the_instalments_and_regimes_the_procedure_answers(notice):
    fields = {field["key"]: field for field in checker_view(notice("echeances"))["fields"]}
    assert [o["value"] for o in fields["echeances"]["options"]] == ["1", "3"]
    regimes = fields["regime"]["options"]
    assert [o["value"] for o in regimes] == ["apprentissage", "initiale"]
    assert regimes[1]["label"].startswith("Autre")
    assert regimes[1]["selected"]


# --- 12. Who pays differentiated fees, said exactly --------------------------------------


def test_the_differentiated_fee_question_says_who_is_concerned():
    words = fr.FIELD_LABELS["hors_ue"] + " " + fr.FIELD_HINTS["hors_ue"]
    for who in ("Union européenne", "Suisse", "Andorre", "Monaco", "Québec", "réfugié", "2019"):
        assert who in words, who
    assert "hors Union européenne" not in fr.describe_when({"hors_ue": True})
    assert "droits d'inscription différenciés" in fr.describe_when({"hors_ue": True})


# --- 13. The admission platform -----------------------------------------------------------


def test_windows_may_depend_on_the_admission_platform(notice):
    record = notice("plateforme")
    assert "plateforme" in record.compiled["questions"]
    unsaid = answer(record, {}, "2024-07-10T10:00")
    assert len(unsaid["deadline"]["windows"]) == 2
    assert "plateforme" in unsaid["deadline"]["reason"]
    assert unsaid["steps"] == ["inscription"]
    ecandidat = answer(record, {"plateforme": "ecandidat"}, "2024-07-10T10:00")["deadline"]
    assert ecandidat["windows"] == [{"start": "2024-08-22T14:00:00+02:00", "end": "2024-09-20T12:00:00+02:00"}]
    abroad = answer(record, {"plateforme": "etudes_en_france"}, "2024-07-10T10:00")
    assert abroad["steps"] == ["inscription", "etudes-en-france"] and abroad["deadline"]["windows"] == []
    field = {f["key"]: f for f in checker_view(record)["fields"]}["plateforme"]
    assert field["kind"] == "select" and field["options"][0]["value"] == ""


# --- 14. Payment plans --------------------------------------------------------------------


def test_at_least_one_third_first_then_the_rest_on_dates_not_given(notice):
    record = notice("paiement-parts")
    reply = answer(record, {"echeances": "3"}, "2024-08-01T10:00")
    plan = reply["payment"]["plan"]
    assert plan == [
        {"due": "2024-08-01", "amount_eur": 300.0},
        {"due": None, "amount_eur": 300.0},
        {"due": None, "amount_eur": 300.0},
    ]
    sentence = reply["explanation"][-1]
    assert "au moins" in sentence and "non précisées par la notice" in sentence


def test_every_sentence_cites_every_source_and_the_page_lists_them(notice):
    record = notice("paiement-parts")
    reply = answer(record, {}, "2024-08-01T10:00")
    for sentence in reply["explanation"]:
        assert "Page « Inscription »" in sentence and "Page « Frais d'inscription »" in sentence, sentence
    page = notice.page("paiement-parts")
    assert [s["title"] for s in page["sources"]] == ["Page « Inscription »", "Page « Frais d'inscription »"]
    assert page["sources"][0]["date"] == "3 juin 2024"


def _edited(root, name: str, *replacements: tuple[str, str]):
    """The catalog of `name`, each (old, new) of `replacements` made in its file."""
    silent_root(root, f"{YEAR}/{name}.yaml")
    path = root / "procedures" / SILENT_FOLDER.name / YEAR / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return load_catalog(root)


PAID_AT_REGISTRATION = ("  methods: [carte bancaire]\n", "  methods: [carte bancaire]\n  due: at_registration\n")


def test_later_instalments_on_an_unknown_day_have_no_date(tmp_path):
    catalog = _edited(tmp_path, "echeances", PAID_AT_REGISTRATION, ("later_instalments_day: 5", "later_instalments_day: unknown"))
    reply = evaluate(catalog.procedures[0].compiled, {"echeances": "3"}, parse_instant("2025-01-15T10:00"))
    assert [item["due"] for item in reply["payment"]["plan"]] == ["2025-01-15", None, None]
    assert "non précisées par la notice" in reply["explanation"][-1]


def test_a_later_instalments_day_past_a_short_months_end_is_its_last_day(tmp_path):
    catalog = _edited(tmp_path, "echeances", PAID_AT_REGISTRATION, ("later_instalments_day: 5", "later_instalments_day: 31"))
    reply = evaluate(catalog.procedures[0].compiled, {"echeances": "3"}, parse_instant("2025-01-15T10:00"))
    assert [item["due"] for item in reply["payment"]["plan"]] == ["2025-01-15", "2025-02-28", "2025-03-31"]
    said = "le 31 (ou le dernier jour du mois)"
    assert said in reply["explanation"][-1]
    record = catalog.procedures[0]
    assert said in procedure_view(record, catalog.institutions[record.institution_id])["payment"]["later_text"]


def test_a_later_instalments_day_is_a_day_or_unknown(tmp_path):
    with pytest.raises(DataErrors, match="later_instalments_day"):
        _edited(tmp_path, "echeances", ("later_instalments_day: 5", "later_instalments_day: zéro"))
