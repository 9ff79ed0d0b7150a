"""« Quelle procédure pour moi ? »: the routing the build writes for the page's script,
walked as the script walks it, against each institution's cases (tests/finder/);
its plain list for the pages without JavaScript; and validate's warning for two
procedures it cannot tell apart."""
from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

from generator.model.catalog import load_catalog
from generator.paths import TEMPLATES_DIR
from generator.render.docs_tree import docs_tree
from generator.render.finder_view import anchor
from tests.support.cli import run_modop
from tests.support.data_root import edit
from tests.support.demo_data import PROCEDURE
from tests.support.finder_walk import walk
from tests.support.paths import FINDER_CASES, REPO

ANCHOR = anchor("fr")

CASE_FILES = sorted(FINDER_CASES.glob("*.yaml"))


@pytest.fixture(scope="module")
def tree():
    return docs_tree(load_catalog(REPO), TEMPLATES_DIR)


def _cases(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_institution_has_its_cases(tree):
    assert sorted(path.stem for path in CASE_FILES) == sorted(i["id"] for i in tree.routing["institutions"])


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda path: path.stem)
def test_each_case_leads_to_the_procedure_its_notice_gives(tree, path):
    cases = _cases(path)
    institution = next(i for i in tree.routing["institutions"] if i["id"] == cases["institution"])
    for case in cases["cas"]:
        expected = [case["procédure"]] if "procédure" in case else case["procédures"]
        found, _ = walk(institution["tree"], case["réponses"])
        assert sorted(found) == sorted(f"{cases['institution']}/{p}" for p in expected), case["situation"]


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda path: path.stem)
def test_every_published_procedure_is_the_answer_of_some_case(tree, path):
    cases = _cases(path)
    reached = {case["procédure"] for case in cases["cas"] if "procédure" in case}
    published = {full_id.split("/")[1] for full_id in tree.routing["procedures"] if full_id.startswith(cases["institution"] + "/")}
    assert reached == published


def test_only_profile_answers_are_carried_into_the_fragment(tree):
    amu = next(i for i in tree.routing["institutions"] if i["id"] == "amu-iut")
    found, carried = walk(amu["tree"], {"deja_inscrit": False, "plateforme": "ecandidat", "niveau": "licence_pro"})
    assert found == ["amu-iut/licence-pro"]
    assert carried == {"deja_inscrit": "false", "plateforme": "ecandidat"}  # the level is no profile key


def test_a_question_is_asked_only_where_it_tells_the_procedures_apart(tree):
    routing = {i["id"]: i["tree"] for i in tree.routing["institutions"]}
    assert routing["itsra"] == {"procedures": ["itsra/selection"]}  # one procedure: no question
    # A doctorate and a master 1 application: only the year tells them apart.
    assert routing["uga"]["ask"] == "niveau"
    assert {o["value"]: o["next"] for o in routing["uga"]["options"]} == {
        "master1": {"procedures": ["uga/master-candidature-mon-master"]},
        "doctorat": {"procedures": ["uga/doctorat-inscription"]},
    }
    assert routing["upec"]["ask"] == "niveau"  # both are re-enrolments: only the year tells them apart
    assert [o["value"] for o in routing["upec"]["options"]] == ["master1", "master2"]
    assert routing["orleans"]["ask"] == "deja_inscrit"
    assert all("procedures" in o["next"] for o in routing["orleans"]["options"])


def test_the_plain_list_gives_every_procedure_without_javascript(tree):
    for institution in tree.routing["institutions"]:
        text = tree.pages[f"{institution['id']}/index.md"].text
        plain = text[text.index("data-finder-plain") : text.index("data-finder-questions")]
        linked = set(re.findall(r'<a href="([^"]+)"', plain))
        own = {p["page"] for key, p in tree.routing["procedures"].items() if key.startswith(institution["id"] + "/")}
        assert {f"{institution['id']}/{href}" for href in linked} == own
    home = tree.pages["index.md"].text
    for institution in tree.routing["institutions"]:
        assert f'href="{institution["id"]}/#{ANCHOR}"' in home


def test_the_routing_file_is_what_the_pages_were_made_from(tmp_path):
    result = run_modop("build", "--out", str(tmp_path / "site"), "--only", "orleans")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    routing = json.loads((site / "assets/finder/routing.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in routing["institutions"]] == ["orleans"]
    assert (site / "assets/finder/finder.mjs").is_file()
    page = (site / "orleans/index.html").read_text(encoding="utf-8")
    assert f'id="{ANCHOR}"' in page and 'data-finder="orleans"' in page


def _second_procedure(root) -> str:
    """A copy of the demo procedure under another id: two procedures of one year alike."""
    source = root / PROCEDURE
    copy = source.with_name("inscription-bis.yaml")
    shutil.copyfile(source, copy)
    edit(root, str(copy.relative_to(root)), "id: inscription", "id: inscription-bis")
    return str(copy.relative_to(root))


def _finder_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "Quelle procédure pour moi" in line]


def test_two_procedures_told_apart_by_nothing_are_a_warning_at_their_place(data_root):
    bis = _second_procedure(data_root)
    result = run_modop("--root", str(data_root), "validate")
    assert result.returncode == 0, result.stderr
    lines = _finder_lines(result.stderr)
    assert len(lines) == 2 and all(line.endswith("(avertissement)") for line in lines), lines
    said = re.escape("« Quelle procédure pour moi ? » ne peut pas distinguer inscription-bis de inscription")
    assert any(re.match(rf"{re.escape(bis)}:\d+:\d+: {said}", line) for line in lines), lines
    strict = run_modop("--root", str(data_root), "validate", "--strict")
    assert strict.returncode == 1 and _finder_lines(strict.stderr)
    assert "Traceback" not in strict.stderr


def test_a_public_that_tells_them_apart_silences_the_warning(data_root):
    bis = _second_procedure(data_root)
    edit(data_root, PROCEDURE, "contacts:", "public: {deja_inscrit: false}\ncontacts:")
    lines = _finder_lines(run_modop("--root", str(data_root), "validate").stderr)
    # Every answer that leads to the first (not enrolled last year) leads to the second, which says nothing.
    assert len(lines) == 1 and lines[0].startswith(f"{PROCEDURE}:"), lines
    edit(data_root, bis, "contacts:", "public: {deja_inscrit: true}\ncontacts:")
    assert _finder_lines(run_modop("--root", str(data_root), "validate").stderr) == []


def test_a_public_outside_the_vocabulary_is_an_error_naming_its_place(data_root):
    edit(data_root, PROCEDURE, "contacts:", "public: {niveaux: [master3]}\ncontacts:")
    result = run_modop("--root", str(data_root), "validate")
    assert result.returncode == 1
    assert re.search(rf"{PROCEDURE}:\d+:\d+: .*master3", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
