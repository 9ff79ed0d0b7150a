"""What the checker's contract promises (its procedures, its command line and the
answer it documents), restated once for the tests that hold us to it."""
from __future__ import annotations

# The contract's procedures, each with the academic year of its bundled data.
SEED_PROCEDURES = {
    "clermont-inp/isima-apprentissage": "2022-2023",
    "clermont-inp/doctorat-edspi": "2025-2026",
    "orleans/but1": "2024-2025",
    "orleans/reinscription": "2024-2025",
    "itsra/selection": "2024-2025",
    "amu-iut/but1": "2024-2025",
    "amu-iut/but-reinscription": "2024-2025",
    "amu-iut/but-entree-directe": "2024-2025",
    "amu-iut/licence-pro": "2024-2025",
    "amu-iut/desu-gol": "2024-2025",
    "amu-iut/desu-gol-reinscription": "2024-2025",
    "amu-iut/master": "2024-2025",
    "assas/doctorat-reinscription": "2025-2026",
    "assas/master-droits-etudiants-etrangers": "2023-2024",
    "uga/doctorat-inscription": "2024-2025",
    "uga/master-candidature-mon-master": "2025-2026",
    "upec/reinscription-master-1": "2024-2025",
    "upec/reinscription-master-2": "2024-2025",
}
ANSWER_KEYS = ["procedure", "academic_year", "at", "fee", "cvec", "deadline", "payment", "steps", "documents", "explanation"]

# The contract's example command and the answer it documents.
EXAMPLE_ARGS = (
    "check", "amu-iut/but1", "--set", "boursier=true", "--set", "date_acceptation=2024-07-20",
    "--at", "2024-07-25T10:00", "--json",
)
EXAMPLE_PROFILE = {"boursier": "true", "date_acceptation": "2024-07-20"}
EXAMPLE_AT = "2024-07-25T10:00"


def assert_contract_example(answer: dict) -> None:
    """The parts of the example answer that the contract spells out."""
    assert list(answer) == ANSWER_KEYS
    assert list(answer["fee"]) == ["amount_eur", "category", "reason"]
    assert list(answer["cvec"]) == ["status", "amount_eur", "reason"]
    assert list(answer["deadline"]) == ["status", "windows", "next_change", "reason"]
    assert list(answer["payment"]) == ["plan", "refused"]
    assert answer["procedure"] == "amu-iut/but1"
    assert answer["academic_year"] == "2024-2025"
    assert answer["at"] == "2024-07-25T10:00:00+02:00"
    assert answer["fee"]["amount_eur"] == 0.0 and answer["fee"]["category"] is None
    assert answer["cvec"]["status"] == "exempt" and answer["cvec"]["amount_eur"] == 0.0
    assert answer["deadline"]["status"] == "upcoming"
    assert answer["deadline"]["windows"] == [
        {"start": None, "end": "2024-07-24T12:00:00+02:00"},
        {"start": "2024-08-22T14:00:00+02:00", "end": "2024-08-28T17:00:00+02:00"},
    ]
    assert answer["deadline"]["next_change"] == "2024-08-22T14:00:00+02:00"
    assert [item["amount_eur"] for item in answer["payment"]["plan"]] == [0.0]
    assert answer["payment"]["refused"] is None
    assert answer["steps"] == ["cvec", "inscription", "pieces"]
    assert answer["documents"] == []
    assert all(isinstance(s, str) and s.endswith(".") and "source" in s for s in answer["explanation"])
