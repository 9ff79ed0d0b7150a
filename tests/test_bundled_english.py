"""The bundled institutions translated into English keep every text translated.

AMU's IUT (its institution.yaml and its seven 2024-2025 procedures) and Clermont Auvergne
INP (its institution.yaml and the EDSPI doctorate) give an English version of each prose
text: walking the loaded catalog's data, every `Words` of those files has its `.en`, so
that an edit writing a plain French text again shows up here, naming the file and the
field, instead of a French paragraph silently appearing on the English page."""
from __future__ import annotations

import re

import pytest

from generator.model.catalog import load_catalog
from generator.source.translations import Words
from tests.support.paths import REPO

AMU = "procedures/amu-iut/2024-2025"
TRANSLATED = (
    "procedures/amu-iut/institution.yaml",
    *(f"{AMU}/{name}.yaml" for name in (
        "but1", "but-entree-directe", "but-reinscription", "desu-gol", "desu-gol-reinscription", "licence-pro", "master",
    )),
    "procedures/clermont-inp/institution.yaml",
    "procedures/clermont-inp/2025-2026/doctorat-edspi.yaml",
)
# The texts left French on purpose: the names of the portal's own options (Aurion offers
# « Paybox 3 échéances » in French only); the English page shows them as French, the
# English wording saying beside them how many instalments each is.
FRENCH_ONLY = {
    "procedures/clermont-inp/2025-2026/doctorat-edspi.yaml": {"payment.instalments[1].label", "payment.instalments[2].label"},
}
# Proper names, the same in English.
SAME_IN_ENGLISH = {"IUT d'Aix-Marseille", "Aix-Marseille Université", "Clermont Auvergne INP", "Aurion"}

URL_OR_EMAIL = re.compile(r"https?://[^\s<>()]+[^\s<>().,;]|[\w.-]+@[\w-]+(?:\.[\w-]+)+")
EUROS = re.compile(r"(\d[\d\u00a0\u202f ]*(?:,\d+)?) ?€")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(REPO)


def _data(catalog, file: str) -> dict:
    """The checked data of one file, as the catalog holds it (an institution without the
    national portals it inherits)."""
    parts = file.split("/")
    if parts[-1] == "institution.yaml":
        return catalog.declared(parts[1])
    (record,) = [r for r in catalog.procedures if r.path == REPO / file]
    return record.data


def _texts(value, where: str = ""):
    """Each prose text of `value` with the field it stands in (`steps[1].branches[0].title`)."""
    if isinstance(value, Words):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{where}[{index}]")


@pytest.mark.parametrize("file", TRANSLATED)
def test_every_prose_text_has_english(catalog, file):
    texts = dict(_texts(_data(catalog, file)))
    assert len(texts) > len(FRENCH_ONLY.get(file, ())), f"{file}: no prose text found"
    missing = [field for field, words in texts.items() if words.en is None and field not in FRENCH_ONLY.get(file, ())]
    assert not missing, f"{file}: no English for " + ", ".join(missing)


@pytest.mark.parametrize("file", sorted(FRENCH_ONLY))
def test_the_texts_left_french_are_still_there_and_french(catalog, file):
    texts = dict(_texts(_data(catalog, file)))
    for field in FRENCH_ONLY[file]:
        assert field in texts and texts[field].en is None, f"{file}: {field} is no longer a French-only text"


@pytest.mark.parametrize("file", TRANSLATED)
def test_the_english_is_not_the_french_copied(catalog, file):
    copied = [
        field for field, words in _texts(_data(catalog, file))
        if words.en is not None and words.en == str(words) and str(words) not in SAME_IN_ENGLISH
    ]
    assert not copied, f"{file}: the English repeats the French in " + ", ".join(copied)


@pytest.mark.parametrize("file", TRANSLATED)
def test_the_english_keeps_the_addresses_and_amounts(catalog, file):
    """A link, an e-mail address or an amount of the French text is in its English too
    (amounts written the English way: « 1000 € » is « €1,000 »)."""
    lost = []
    for field, words in _texts(_data(catalog, file)):
        if words.en is None:
            continue
        english_amounts = re.sub(r"(?<=\d),(?=\d{3})", "", words.en)
        for address in URL_OR_EMAIL.findall(words):
            if address not in words.en:
                lost.append(f"{field}: {address}")
        for figure in EUROS.findall(words):
            number = re.sub(r"[\s\u00a0\u202f]", "", figure).replace(",", ".")
            if not re.search(rf"€{re.escape(number)}(?!\d|\.\d)", english_amounts):
                lost.append(f"{field}: {figure.strip()} €")
    assert not lost, f"{file}: the English lacks " + "; ".join(lost)
