"""Runs the cases written as data in tests/engine/cases/*.yaml against the real procedures.

Each file names a procedure and lists cases: a profile, an instant (Paris time
unless an offset is given) and the parts of the answer expected. Only the keys
written are checked (see cases/README.md).
"""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest
import yaml

from checks import ProfileError, evaluate, parse_instant
from tests.support.paths import ENGINE_CASES, REPO

_LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$")
_SUFFIX = "_contains"


def _load_cases():
    params = []
    for path in sorted(ENGINE_CASES.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for number, case in enumerate(document["cases"], 1):
            procedure = case.get("procedure", document.get("procedure"))
            year = case.get("year", document.get("year"))
            label = f"{path.stem}#{number} {case.get('name', '')}".strip()
            params.append(pytest.param(procedure, year, case, id=label))
    return params


@pytest.fixture(scope="module")
def catalog():
    from generator.model.catalog import load_catalog

    return load_catalog(REPO)


def _instant(value) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else parse_instant(value.isoformat())
    return parse_instant(str(value))


def _expected_value(value):
    """Times written `2024-08-22 14:00` are Paris time; the answer writes them in ISO with offset."""
    if isinstance(value, datetime):
        return _instant(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and _LOCAL_TIME.match(value):
        return parse_instant(value).isoformat()
    return value


def assert_matches(actual, expected, where: str = "answer") -> None:
    """Every key written in `expected` holds in `actual`; `x_contains` checks text inside `x`."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        for key, wanted in expected.items():
            if key.endswith(_SUFFIX):
                text = actual[key[: -len(_SUFFIX)]]
                text = " ".join(text) if isinstance(text, list) else text
                for piece in wanted if isinstance(wanted, list) else [wanted]:
                    assert piece in text, f"{where}.{key}: {piece!r} not in {text!r}"
                continue
            assert key in actual, f"{where}: no key {key!r} in {sorted(actual)}"
            assert_matches(actual[key], wanted, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{where}: expected {expected!r}, got {actual!r}"
        for index, (item, wanted) in enumerate(zip(actual, expected)):
            assert_matches(item, wanted, f"{where}[{index}]")
    else:
        wanted = _expected_value(expected)
        if isinstance(wanted, bool) or isinstance(actual, bool):
            assert actual is wanted, f"{where}: expected {wanted!r}, got {actual!r}"
        else:
            assert actual == wanted, f"{where}: expected {wanted!r}, got {actual!r}"


@pytest.mark.parametrize(("procedure_id", "year", "case"), _load_cases())
def test_case(catalog, procedure_id, year, case):
    procedure = catalog.get(procedure_id, year=year).compiled
    at = _instant(case["at"])
    if "error" in case:
        with pytest.raises(ProfileError, match=re.escape(case["error"])):
            evaluate(procedure, case.get("profile") or {}, at)
        return
    answer = evaluate(procedure, case.get("profile") or {}, at)
    assert_matches(answer, case["expected"])
