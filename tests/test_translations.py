"""An English version of the data's texts: `{fr: …, en: …}` beside the plain French text.

The French site reads exactly what it read before; the English catalog takes each
text's English, or its French (marked as such) where none is given; validate counts
the texts still without English, as information only."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.model.catalog import load_catalog
from generator.source.schema import json_schema
from generator.source.translations import FrenchText, Words, in_language
from tests.support.cli import errors_of, run_modop
from tests.support.data_root import copy_procedures, edit
from tests.support.paths import SITE_FIXTURE

LICENCE = "procedures/ecole-demo/2024-2025/licence.yaml"
INSTITUTION = "procedures/ecole-demo/institution.yaml"

# The site fixture's licence, some of its texts given in English, in both forms.
FLOW_TITLE = ("title: Inscription en licence *1re année* <script>alert(1)</script>",
              'title: {fr: "Inscription en licence *1re année* <script>alert(1)</script>", en: First-year enrolment}')
BLOCK_REASON = (
    "    reason: Droit national de licence.\n",
    "    reason:\n      fr: Droit national de licence.\n      en: |\n        The national fee for a licence.\n",
)
CONTACT_NAME = ("    name: Service de scolarité\n", "    name: {fr: Service de scolarité, en: Registrar's office}\n")


def _translated_root(folder: Path) -> Path:
    root = copy_procedures(SITE_FIXTURE, folder)
    edit(root, LICENCE, *FLOW_TITLE)
    edit(root, LICENCE, *BLOCK_REASON)
    edit(root, INSTITUTION, *CONTACT_NAME)
    return root


def _licence(catalog):
    return catalog.get("ecole-demo/licence")


def test_both_forms_read_as_the_french_text_with_its_english(tmp_path):
    catalog = load_catalog(_translated_root(tmp_path / "root"))
    data = _licence(catalog).data
    assert data["title"] == "Inscription en licence *1re année* <script>alert(1)</script>"
    assert data["title"].en == "First-year enrolment"
    reason = data["fee"]["default"]["reason"]
    assert (reason, reason.en) == ("Droit national de licence.", "The national fee for a licence.")
    assert catalog.institutions["ecole-demo"]["contacts"]["scolarite"]["name"].en == "Registrar's office"
    assert data["summary"].en is None  # a plain text: French only
    assert data["steps"][0]["screenshots"][0]["src"] == "images/connexion.png"
    assert not isinstance(data["steps"][0]["screenshots"][0]["src"], Words)  # a file, not prose


def test_the_french_compiled_procedures_are_those_of_the_plain_texts(tmp_path):
    plain = load_catalog(copy_procedures(SITE_FIXTURE, tmp_path / "plain"))
    translated = load_catalog(_translated_root(tmp_path / "translated"))
    assert translated.lang == plain.lang == "fr"
    assert translated.in_language("fr") is translated
    for record in plain.procedures:
        twin = translated.get(record.full_id)
        assert json.dumps(twin.compiled, ensure_ascii=False) == json.dumps(record.compiled, ensure_ascii=False)
        assert "french_texts" not in twin.compiled


def test_the_english_catalog_takes_the_english_and_marks_the_french_left(tmp_path):
    catalog = load_catalog(_translated_root(tmp_path / "root")).in_language("en")
    assert catalog.lang == "en"
    record = _licence(catalog)
    assert record.data["title"] == "First-year enrolment" and not isinstance(record.data["title"], FrenchText)
    assert isinstance(record.data["summary"], FrenchText)
    compiled = record.compiled
    assert compiled["title"] == "First-year enrolment"
    assert compiled["fee"]["default"]["reason"] == "The national fee for a licence."
    assert compiled["contacts"][0]["name"] == "Registrar's office"
    # The French left: a reason of a rule (its final full stop is the sentence's), the notice's title.
    assert "Les apprentis ne paient pas de droits d'inscription" in compiled["french_texts"]
    assert "Notice « Inscription » de l'école démo" in compiled["french_texts"]
    assert compiled["french_texts"] == sorted(set(compiled["french_texts"]))
    for english in ("First-year enrolment", "Registrar's office", "Droit national de licence"):
        assert not any(english in text for text in compiled["french_texts"])
    # The figures are the French ones.
    french = _licence(load_catalog(_translated_root(tmp_path / "again"))).compiled
    assert compiled["windows"] == french["windows"] and compiled["questions"] == french["questions"]
    assert [r["amount"] for r in compiled["fee"]["rules"]] == [r["amount"] for r in french["fee"]["rules"]]


def test_in_language_resolves_every_text_of_nested_data():
    data = {"title": Words("Inscription", "Enrolment"), "steps": [{"body": Words("Écrivez.")}], "count": 3, "id": "but1"}
    english = in_language(data, "en")
    assert english == {"title": "Enrolment", "steps": [{"body": "Écrivez."}], "count": 3, "id": "but1"}
    assert type(english["title"]) is str
    assert type(english["steps"][0]["body"]) is FrenchText
    assert data["title"] == "Inscription"  # the French data is left as it was
    assert in_language(data, "fr") is data


def _mistake(tmp_path, old: str, new: str):
    root = copy_procedures(SITE_FIXTURE, tmp_path / "root")
    edit(root, LICENCE, old, new)
    result = run_modop("--root", str(root), "validate")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    return errors_of(result)


def test_a_language_other_than_fr_and_en_is_refused_at_its_key(tmp_path):
    errors = _mistake(tmp_path, "summary: \"Vous", "summary: {fr: Bonjour, de: Hallo}\nsummar: \"Vous")
    assert (LICENCE, 11, 24) in [e[:3] for e in errors], errors
    message = next(e[3] for e in errors if e[:3] == (LICENCE, 11, 24))
    assert "« de » inconnue" in message and "fr et en seulement" in message


def test_an_english_text_without_its_french_is_refused(tmp_path):
    errors = _mistake(tmp_path, "  text: Si votre situation", "  text:\n    en: If unsure, write.\n  tex: Si votre situation")
    assert any(e[:3] == (LICENCE, 20, 5) and "le texte en français manque" in e[3] for e in errors), errors


def _mini_root(folder: Path) -> Path:
    """One procedure of a year to come, with no warning: --strict passes."""
    root = folder
    (root / "procedures" / "mini" / "2098-2099").mkdir(parents=True)
    (root / "procedures" / "national.yaml").write_text((SITE_FIXTURE / "procedures" / "national.yaml").read_text("utf-8"), "utf-8")
    (root / "procedures" / "mini" / "institution.yaml").write_text(
        "name: {fr: École mini, en: Mini School}\nparent: unknown\n"
        "contacts:\n  scolarite:\n    name: Service de scolarité\n    emails: [scolarite@example.fr]\nportals: {}\n",
        "utf-8",
    )
    (root / "procedures" / "mini" / "2098-2099" / "inscription.yaml").write_text(
        "id: inscription\ntitle: {fr: Inscription, en: Enrolment}\nacademic_year: 2098-2099\nkind: inscription\n"
        "level: autre\nsource: {title: Notice de l'école}\nsummary:\n  fr: Une procédure courte.\n  en: A short procedure.\n"
        "audience:\n  for: [Tout le monde]\ncontacts: [scolarite]\n"
        "steps:\n  - id: inscription\n    title: S'inscrire\n    body: Écrivez au service.\nwindows: unknown\n",
        "utf-8",
    )
    return root


def test_validate_counts_the_texts_without_english_as_information_only(tmp_path):
    result = run_modop("--root", str(_mini_root(tmp_path)), "validate", "--strict")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "information : procedures/mini/2098-2099/inscription.yaml : 4 textes sans traduction anglaise " \
           "(la page anglaise les montre en français)" in lines
    # « unknown » is no text to translate: only the contact's name is left in the institution.
    assert "information : procedures/mini/institution.yaml : 1 texte sans traduction anglaise " \
           "(la page anglaise le montre en français)" in lines
    assert lines[-1].startswith("Vérifié : 1 procédure dans 1 établissement, aucune erreur, aucun avertissement")
    assert "avertissement)" not in result.stderr


def test_validate_says_nothing_of_translations_when_every_text_has_its_english(tmp_path):
    root = _mini_root(tmp_path)
    procedure = root / "procedures" / "mini" / "2098-2099" / "inscription.yaml"
    text = procedure.read_text("utf-8")
    for french, english in (("Notice de l'école", "The school's notice"), ("Tout le monde", "Everyone"),
                            ("S'inscrire", "Enrol"), ("Écrivez au service.", "Write to the office.")):
        text = text.replace(french, f'{{fr: "{french}", en: "{english}"}}')
    procedure.write_text(text, "utf-8")
    result = run_modop("--root", str(root), "validate")
    assert result.returncode == 0, result.stderr
    assert "inscription.yaml" not in result.stdout


def test_the_json_schema_describes_both_forms():
    schema = json_schema("institution")
    base = {"name": "École", "parent": "unknown", "contacts": {}, "portals": {}}
    for name in ("École", {"fr": "École"}, {"fr": "École", "en": "School"}):
        jsonschema.validate({**base, "name": name}, schema)
    for name in ({"en": "School"}, {"fr": "École", "de": "Schule"}, {"fr": ""}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**base, "name": name}, schema)
