"""checks.wording: the words of every figure, pinned to the letter (and to the space).

NBSP is U+00A0 (before « € », around the « h » of an hour, before « : » on the
pages), NNBSP U+202F (between thousands, before « ; ! ? »).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from types import ModuleType

import pytest

import checks
from checks.calendar import student_calendar
from checks.wording import LANGUAGES, en, fr, wording
from tests.support.handmade_procedures import AMU_BUT1

NBSP = "\u00a0"
NNBSP = "\u202f"
PARIS_SUMMER = timezone(timedelta(hours=2))


def test_wording_gives_the_language_module_and_refuses_an_unknown_one():
    assert wording() is fr and wording("fr") is fr and wording("en") is en
    assert LANGUAGES == ("fr", "en")
    with pytest.raises(ValueError, match="Langue « xx » inconnue : fr, en attendu"):
        wording("xx")


def test_every_language_has_the_functions_of_french():
    names = {name for name, value in vars(fr).items() if not name.startswith("_") and not isinstance(value, ModuleType)}
    for lang in LANGUAGES:
        missing = names - set(vars(wording(lang)))
        assert not missing, f"{lang} lacks {sorted(missing)}"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (175, f"175{NBSP}€"),
        (175.0, f"175{NBSP}€"),
        (3770.5, f"3{NNBSP}770,50{NBSP}€"),
        (1234567, f"1{NNBSP}234{NNBSP}567{NBSP}€"),
        (1000, f"1{NNBSP}000{NBSP}€"),
        (999.999, f"1{NNBSP}000{NBSP}€"),
        (132.34, f"132,34{NBSP}€"),
        (0, f"0{NBSP}€"),
        (0.5, f"0,50{NBSP}€"),
        (0.004, f"0{NBSP}€"),
        (-0.5, f"-0,50{NBSP}€"),
        (-3770.5, f"-3{NNBSP}770,50{NBSP}€"),
    ],
)
def test_amounts(value, text):
    assert fr.amount(value) == text


def test_an_unknown_amount_is_named_for_its_place():
    assert fr.amount(None) == "montant non précisé"
    assert fr.amount(None, "answer") == "montant non précisé"
    assert fr.amount(None, "page") == "montant non précisé par la notice"
    assert fr.amount(None, "change") == "inconnu"
    with pytest.raises(KeyError):
        fr.amount(None, "ailleurs")


def test_dates_say_1er_for_the_first_of_the_month():
    assert fr.day_number(1) == "1er" and fr.day_number(2) == "2" and fr.day_number(31) == "31"
    assert fr.day_text(date(2024, 7, 1)) == "lundi 1er juillet 2024"
    assert fr.day_text(date(2024, 7, 9)) == "mardi 9 juillet 2024"
    assert fr.short_date(date(2024, 7, 1)) == "1er juillet 2024"
    assert fr.short_date(date(2025, 2, 11)) == "11 février 2025"
    assert fr.day_text(date(2024, 12, 1)) == "dimanche 1er décembre 2024"


def test_hours():
    assert fr.hour_text(14, 30) == f"14{NBSP}h{NBSP}30"
    assert fr.hour_text(12) == f"12{NBSP}h"
    assert fr.hour_text(8, 5) == f"8{NBSP}h{NBSP}05"
    assert fr.hour_text(0, 0) == f"0{NBSP}h"


def test_instants_are_written_in_paris_time():
    utc = datetime(2024, 7, 1, 12, 30, tzinfo=timezone.utc)
    assert fr.moment_text(utc) == f"lundi 1er juillet 2024 à 14{NBSP}h{NBSP}30"
    winter = datetime(2025, 1, 10, 8, 0, tzinfo=timezone.utc)
    assert fr.moment_text(winter) == f"vendredi 10 janvier 2025 à 9{NBSP}h"


def test_an_end_at_midnight_is_the_day_before_included():
    midnight = datetime(2024, 7, 20, tzinfo=PARIS_SUMMER)
    noon = datetime(2024, 7, 19, 12, tzinfo=PARIS_SUMMER)
    assert fr.until_text(midnight) == "jusqu'au vendredi 19 juillet 2024 inclus"
    assert fr.until_text(noon) == f"jusqu'au vendredi 19 juillet 2024 à 12{NBSP}h"
    assert fr.from_text(datetime(2024, 7, 1, tzinfo=PARIS_SUMMER)) == "à partir du lundi 1er juillet 2024"
    assert fr.on_text(datetime(2024, 8, 22, 14, tzinfo=PARIS_SUMMER)) == f"le jeudi 22 août 2024 à 14{NBSP}h"
    assert fr.period_text(datetime(2024, 7, 9, 14, tzinfo=PARIS_SUMMER), midnight) == (
        f"du mardi 9 juillet 2024 à 14{NBSP}h au vendredi 19 juillet 2024 inclus"
    )
    assert fr.period_text(None, None) == "sans date d'ouverture ni de fermeture indiquée"


def test_lists():
    assert fr.join_and([]) == "" and fr.join_and(["01"]) == "01"
    assert fr.join_and(["01", "02", "05"]) == "01, 02 et 05"
    assert fr.join_or([1, 3, 5]) == "1, 3 ou 5"


def test_sources_and_whom_to_ask():
    assert fr.source_text("Notice 2024.") == "(source : Notice 2024)"
    assert fr.source_text(None) == "(source : notice de la procédure)"
    assert fr.whom_to_ask("la scolarité, 04 00 00 00 00.") == "renseignez-vous auprès de : la scolarité, 04 00 00 00 00"
    assert fr.whom_to_ask(None) == "renseignez-vous auprès de l'établissement"
    assert fr.explained("CVEC : 0 €", "Boursier.", "Code", ask=True, contact=None) == (
        "CVEC : 0 € — Boursier ; renseignez-vous auprès de l'établissement (source : Code)."
    )
    assert fr.explained("Frais", "", None) == "Frais (source : notice de la procédure)."


def test_the_cvec_status_in_each_place():
    amount = f"103{NBSP}€"
    zero = f"0{NBSP}€"
    assert fr.cvec_status("due", 103, "answer", "2024-2025") == f"CVEC 2024-2025 : {amount} à payer"
    assert fr.cvec_status("due", None, "answer") == "CVEC : montant non précisé à payer"
    assert fr.cvec_status("exempt", 0, "answer") == f"CVEC : exonération, {zero} (l'attestation d'exonération reste à obtenir)"
    assert fr.cvec_status("exempt", 0, "text") == f"CVEC : exonération, {zero} — l'attestation d'exonération reste à obtenir"
    assert fr.cvec_status("not_subject", 0, "text") == "CVEC : non concerné(e), rien à faire"
    assert fr.cvec_status("already_paid", 0, "widget") == (
        "déjà acquittée cette année universitaire, présentez l'attestation que vous avez."
    )
    assert fr.cvec_status("due", 103, "widget").startswith(f"{amount} à payer sur messervices.etudiant.gouv.fr")
    # A row of the page's table.
    assert fr.cvec_status("due", 103, "page") == f"À payer{NBSP}: {amount}"
    assert fr.cvec_status("due", None, "page") == f"À payer{NBSP}: montant non précisé par la notice"
    assert fr.cvec_status("exempt", 0, "page") == (
        f"Exonération{NBSP}: {zero}, mais l'attestation d'exonération reste à obtenir"
    )
    assert fr.cvec_status("not_subject", 0, "page") == f"Pas de CVEC{NBSP}: rien à faire"


def test_payment_sentences():
    plan = [(date(2024, 9, 1), 60.34), (date(2024, 10, 10), 60.33), (date(2024, 11, 10), 60.33)]
    assert fr.payment_sentence(plan, 10, None, "Notice") == (
        f"Paiement : en 3 fois, 60,34{NBSP}€ le dimanche 1er septembre 2024 puis 60,33{NBSP}€ "
        "le 10 de chacun des deux mois suivants (source : Notice)."
    )
    # A day some months do not have: the plan takes their last day, and the sentence says so.
    short = [(date(2024, 1, 15), 60.34), (date(2024, 2, 29), 60.33), (date(2024, 3, 31), 60.33)]
    assert "puis 60,33\u00a0€ le 31 (ou le dernier jour du mois) de chacun des deux mois suivants" in fr.payment_sentence(
        short, 31, None, "Notice"
    )
    assert fr.later_instalments_day_text(1) == "le 1er"
    assert fr.later_instalments_day_text(28) == "le 28"
    assert fr.later_instalments_day_text(29) == "le 29 (ou le dernier jour du mois)"
    assert fr.refused_for_zero_fee(3) == f"Rien à payer : pas de paiement en 3 fois pour des frais de 0{NBSP}€."
    assert fr.refused_not_offered(5, [1, 3]) == (
        "Le paiement en 5 fois n'est pas proposé pour cette procédure (paiement possible : en une fois ou en 3 fois)."
    )
    assert fr.refused_below_minimum(5, 1000, 397) == (
        f"Le paiement en 5 fois est réservé aux frais d'au moins 1{NNBSP}000{NBSP}€ "
        f"(les vôtres : 397{NBSP}€) : paiement en une fois."
    )
    assert fr.refused_not_stated(3, "la scolarité") == (
        "Paiement en 3 fois : non précisé par la notice (elle ne dit pas s'il est possible) ; "
        "renseignez-vous auprès de : la scolarité."
    )
    unknown = [(date(2024, 9, 1), 300.0), (None, 300.0), (None, 300.0)]
    assert fr.payment_sentence(unknown, None, None, "Notice", at_least=True, contact="la scolarité") == (
        f"Paiement : en 3 fois, au moins 300{NBSP}€ le dimanche 1er septembre 2024 puis le reste (300{NBSP}€ par "
        "échéance si vous payez ce minimum) en deux échéances, à des dates non précisées par la notice ; "
        "renseignez-vous auprès de : la scolarité (source : Notice)."
    )


def test_profile_errors():
    assert fr.impossible_instalments("2", (1, 3, 5)) == "Valeur « 2 » impossible pour echeances : 1, 3 ou 5 attendu."
    assert fr.unknown_profile_key("x", ("regime", "boursier")) == (
        "Donnée inconnue « x » : les données possibles sont regime, boursier."
    )


# ---------------------------------------------------------------- the pages' pieces


def test_date_ranges():
    assert fr.date_range({"from": "2024-06-24", "to": date(2024, 9, 3)}) == "du 24 juin 2024 au 3 septembre 2024"
    assert fr.date_range({"from": "2024-07-01"}) == "à partir du 1er juillet 2024"
    assert fr.date_range({"to": "2024-09-30"}) == "jusqu'au 30 septembre 2024"
    assert fr.date_range({"from": "2024-07-01", "to": "2024-07-02"}, included=True) == "du 1er juillet 2024 au 2 juillet 2024 inclus"
    assert fr.date_range(None) == "" and fr.date_range({}) == ""


def test_weekdays_time_ranges_and_phone_hours():
    assert fr.weekdays_text(["lundi", "mardi", "mercredi", "jeudi"]) == "du lundi au jeudi"
    assert fr.weekdays_text(["lundi", "mardi"]) == "les lundi et mardi"
    assert fr.weekdays_text(["lundi", "mercredi", "vendredi"]) == "les lundi, mercredi et vendredi"
    assert fr.weekdays_text(["vendredi"]) == "le vendredi"
    assert fr.weekdays_text([]) == ""
    assert fr.time_range_text("08:30-12:00") == f"de 8{NBSP}h{NBSP}30 à 12{NBSP}h"
    assert fr.time_range_text("sur rendez-vous") == "sur rendez-vous"
    hours = [
        {"days": ["lundi", "mardi", "mercredi", "jeudi"], "times": ["08:30-12:00", "13:30-17:00"]},
        {"days": ["vendredi"], "times": ["08:30-12:00"]},
    ]
    assert fr.phone_hours_text(hours) == (
        f"du lundi au jeudi de 8{NBSP}h{NBSP}30 à 12{NBSP}h et de 13{NBSP}h{NBSP}30 à 17{NBSP}h ; "
        f"le vendredi de 8{NBSP}h{NBSP}30 à 12{NBSP}h"
    )


def test_describe_when():
    assert fr.describe_when(None) == "tous les étudiants" and fr.describe_when({}) == "tous les étudiants"
    assert fr.describe_when({"regime": ["apprentissage", "contrat_pro"], "boursier": True}) == (
        "en apprentissage ou en contrat de professionnalisation, boursier"
    )
    assert fr.describe_when({"hors_ue": False, "echeances": [3, 5]}) == (
        "non soumis aux droits d'inscription différenciés, paiement en 3 fois ou 5 fois"
    )
    assert fr.describe_when({"plateforme": ["parcoursup", "ecandidat"]}) == "admis(e) par Parcoursup ou admis(e) par eCandidat"
    assert fr.describe_when({"date_acceptation": {"from": "2024-07-01", "to": "2024-07-15"}}) == (
        "proposition d'admission acceptée du 1er juillet 2024 au 15 juillet 2024 inclus"
    )
    assert fr.describe_when({"date_acceptation": {"from": "2024-07-16"}}) == (
        "proposition d'admission acceptée à partir du 16 juillet 2024"
    )
    assert fr.describe_when({"date_acceptation": {}}) == "proposition d'admission acceptée à n'importe quelle date"
    assert fr.describe_when({"autre": 3}) == "autre : 3"


def test_boundaries_of_a_period():
    assert fr.boundary_text(None, "asap", "start") == "dès que possible"
    assert fr.boundary_text(None, "unknown", "end") == "non précisée par la notice"
    assert fr.boundary_text("2024-07-20T00:00:00+02:00", "date", "end") == "vendredi 19 juillet 2024 inclus (heure non précisée)"
    assert fr.boundary_text("2024-07-01T00:00:00+02:00", "date", "start") == "lundi 1er juillet 2024 (heure non précisée)"
    assert fr.boundary_text("2024-07-09T14:00:00+02:00", "instant", "start") == f"mardi 9 juillet 2024 à 14{NBSP}h"
    # A closure's date: no note about the hour.
    assert fr.boundary_text("2024-08-01T00:00:00+02:00", "date", "end", hour_note=False) == "mercredi 31 juillet 2024 inclus"


def test_iso_dates_in_words():
    assert fr.iso_dates_in_words("du 2024-07-09 14:00 au 2024-07-01") == f"du 9 juillet 2024 à 14{NBSP}h au 1er juillet 2024"
    assert fr.iso_dates_in_words("2024-02-30 et 2024-07-09 25:00") == "2024-02-30 et 2024-07-09 25:00"


def test_french_spacing_of_a_sentence():
    assert fr.french_spacing("période « Tous » : du lundi") == f"période «{NBSP}Tous{NBSP}»{NBSP}: du lundi"
    assert fr.french_spacing("vraiment ? oui ; non !") == f"vraiment{NNBSP}? oui{NNBSP}; non{NNBSP}!"
    assert fr.french_spacing("«x»") == f"«{NBSP}x{NBSP}»"
    assert fr.french_spacing("voir https://exemple.fr : ici") == f"voir https://exemple.fr{NBSP}: ici"
    assert fr.french_spacing("schéma ://x") == "schéma ://x"
    assert fr.french_spacing("sans espace: rien") == "sans espace: rien"


def test_lang_reaches_every_part_and_an_unknown_one_is_refused():
    at = datetime(2024, 7, 22, 10, tzinfo=PARIS_SUMMER)
    answer = checks.evaluate(AMU_BUT1, {}, at, lang="fr")
    assert answer == checks.evaluate(AMU_BUT1, {}, at)
    assert checks.answer_text(answer, AMU_BUT1, lang="fr") == checks.answer_text(answer, AMU_BUT1)
    for call in (
        lambda: checks.evaluate(AMU_BUT1, {}, at, lang="xx"),
        lambda: checks.answer_text(answer, AMU_BUT1, lang="xx"),
        lambda: student_calendar(AMU_BUT1, answer, at, lang="xx"),
        lambda: checks.parse_profile({}, lang="xx"),
        lambda: checks.parse_instant("2024-07-22T10:00", lang="xx"),
    ):
        with pytest.raises(ValueError, match="Langue « xx » inconnue"):
            call()
