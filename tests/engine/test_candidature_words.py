"""A candidature's deadline is worded as an application, not as a registration.

Found while adding UGA's Mon Master candidature (issue 11, part C): the fee and
the CVEC say « procédure de candidature », but the deadline still says
« Inscription ouverte » / « Inscription close » for a period in which the
student applies and cannot register. The wording belongs to checks.wording
(another developer's area): reported here, not fixed.
"""
from __future__ import annotations

import pytest

from checks import evaluate, parse_instant
from generator.model.catalog import load_catalog
from tests.support.paths import REPO


@pytest.mark.xfail(strict=True, reason="checks.wording words every deadline as « Inscription », even for kind: candidature")
def test_an_open_candidature_period_is_not_called_registration():
    procedure = load_catalog(REPO).get("uga/master-candidature-mon-master").compiled
    answer = evaluate(procedure, {}, parse_instant("2025-03-01T10:00"))
    assert answer["deadline"]["status"] == "open"
    assert not answer["deadline"]["reason"].startswith("Inscription"), answer["deadline"]["reason"]
