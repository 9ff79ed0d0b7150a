"""« Quelle procédure pour moi ? » on the built site, in Chromium: the cases of
tests/finder/ walked on each institution's page (and from the home page, the
institution first), by clicks and by the keyboard alone; the result's link
opens the procedure with the profile's answers in its fragment; axe-core on
every state; without JavaScript, the plain list; nothing stored, nothing sent
off the origin."""
from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
import yaml

from tests.support.chromium import visitor_context
from tests.support.site_audit import CSP_RECORDER, axe_violations, csp_reports, describe_violations, poll, storage
from tests.support.paths import FINDER_CASES
from tests.support.finder_walk import picks, steps, walk

CASES = [
    (data["institution"], case)
    for path in sorted(FINDER_CASES.glob("*.yaml"))
    for data in [yaml.safe_load(path.read_text(encoding="utf-8"))]
    for case in data["cas"]
]
FINDER = "[data-finder]"


def _routing(site_dir) -> dict:
    return json.loads((site_dir / "assets/finder/routing.json").read_text(encoding="utf-8"))


def _expected(institution: str, case: dict) -> list[str]:
    return sorted(f"{institution}/{p}" for p in ([case["procédure"]] if "procédure" in case else case["procédures"]))


@pytest.fixture
def page(browser):
    context = visitor_context(browser)
    context.add_init_script(CSP_RECORDER)
    sent: list[str] = []
    context.on("request", lambda request: sent.append(request.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.sent, page.errors = sent, errors
    yield page
    context.close()


def _started(page) -> None:
    poll(page, "() => document.querySelector('[data-finder]').dataset.state !== 'plain'")


def _pick(page, depth: int, legend: str, label: str) -> None:
    fieldset = page.locator(f"{FINDER} fieldset[data-depth='{depth}']")
    assert fieldset.locator("legend").inner_text() == legend
    fieldset.get_by_label(label, exact=True).check()


def _found(page) -> list[str]:
    """The procedures of the result shown (the finder has answered the last pick), by the page they link."""
    poll(page, "() => document.querySelector('[data-finder]').dataset.state === 'found'")
    hrefs = page.locator(f"{FINDER} [data-finder-result] a").evaluate_all("links => links.map((a) => a.href)")
    return hrefs


def _procedure_of(href: str) -> tuple[str, str]:
    parts = urlsplit(href)
    return parts.path.strip("/"), parts.fragment


def _fragment(carried: dict) -> str:
    return "&".join(f"{key}={value}" for key, value in carried.items())


@pytest.mark.parametrize("institution,case", CASES, ids=[f"{i}: {c['situation'][:40]}" for i, c in CASES])
def test_each_case_on_its_institution_page(page, site_server, site_dir, institution, case):
    routing = _routing(site_dir)
    tree = next(i for i in routing["institutions"] if i["id"] == institution)["tree"]
    page.goto(site_server.url + f"{institution}/")
    _started(page)
    for depth, (legend, label) in enumerate(picks(tree, case["réponses"])):
        _pick(page, depth, legend, label)
    found = [_procedure_of(href) for href in _found(page)]
    _, carried = walk(tree, case["réponses"])
    assert sorted(path for path, _ in found) == _expected(institution, case), case["situation"]
    assert {fragment for _, fragment in found} == {_fragment(carried)}
    assert page.errors == []


@pytest.mark.parametrize(
    "institution,answers,procedure",
    [
        ("amu-iut", {"deja_inscrit": False, "plateforme": "ecandidat", "niveau": "licence_pro"}, "licence-pro"),
        ("orleans", {"deja_inscrit": False}, "but1"),
        ("assas", {"deja_inscrit": True}, "doctorat-reinscription"),
        ("clermont-inp", {"niveau": "ingenieur"}, "isima-apprentissage"),
    ],
)
def test_from_the_home_page_the_link_opens_the_procedure_with_the_answers(page, engine_server, engine_site_dir, institution, answers, procedure):
    """On each engine's site (MkDocs and Zensical)."""
    routing = _routing(engine_site_dir)
    entry = next(i for i in routing["institutions"] if i["id"] == institution)
    page.goto(engine_server.url)
    _started(page)
    _pick(page, 0, routing["words"]["institution_question"], entry["name"])
    for depth, (legend, label) in enumerate(picks(entry["tree"], answers), start=1):
        _pick(page, depth, legend, label)
    (href,) = _found(page)
    _, carried = walk(entry["tree"], answers)
    page.locator(f"{FINDER} [data-finder-result] a").click()
    page.wait_for_url(f"**/{institution}/{procedure}/**")
    assert urlsplit(page.url).path.strip("/") == f"{institution}/{procedure}"
    # Material's instant navigation changes the address before it swaps the content in.
    title = routing["procedures"][f"{institution}/{procedure}"]["title"]
    poll(page, "(title) => document.querySelector('article h1')?.textContent.startsWith(title)", title)
    assert urlsplit(page.url).fragment == _fragment(carried)  # empty where only the level was asked
    assert page.errors == []


def test_keyboard_alone_from_the_home_page_to_the_procedure(page, site_server, site_dir):
    """Tab to the first question, arrows to choose, Tab to the next, Enter on the result."""
    routing = _routing(site_dir)
    entry = next(i for i in routing["institutions"] if i["id"] == "amu-iut")
    answers = {"deja_inscrit": False, "plateforme": "ecandidat", "niveau": "but2-3"}
    page.goto(site_server.url)
    _started(page)
    labels = [[i["name"] for i in routing["institutions"]]]  # each question's answers, in their order
    indexes = [labels[0].index(entry["name"])]
    for node, choice in steps(entry["tree"], answers)[:-1]:
        choices = [*node["options"], node["unsure"]]
        labels.append([c["label"] for c in choices])
        indexes.append(choices.index(choice))
    for depth, index in enumerate(indexes):
        for _ in range(80):
            page.keyboard.press("Tab")
            focused = page.evaluate("() => { const e = document.activeElement; return e && e.closest('fieldset[data-depth]') ? Number(e.closest('fieldset').dataset.depth) : null }")
            if focused == depth:
                break
        else:
            pytest.fail(f"Tab never reached question {depth}")
        page.keyboard.press("Space")  # the first answer of the group
        for _ in range(index):
            page.keyboard.press("ArrowDown")
        checked = page.locator(f"{FINDER} fieldset[data-depth='{depth}'] input:checked + label").inner_text()
        assert checked == labels[depth][index]
    (href,) = _found(page)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.href") == href
    page.keyboard.press("Enter")
    page.wait_for_url("**/amu-iut/but-entree-directe/**")
    assert urlsplit(page.url).fragment == "deja_inscrit=false&plateforme=ecandidat"


def test_the_result_is_announced_politely_and_nothing_is_kept_nor_sent(page, site_server):
    page.goto(site_server.url + "upec/")
    _started(page)
    result = page.locator(f"{FINDER} [data-finder-result]")
    assert result.get_attribute("role") == "status" and result.get_attribute("aria-live") == "polite"
    page.locator(f"{FINDER} fieldset[data-depth='0'] label").first.click()
    _found(page)
    assert "La procédure qui vous concerne" in result.inner_text()
    kept = storage(page)
    # Material keeps the colour scheme it chose (test_site_crawl.MATERIAL_KEYS): no answer of the student.
    assert [key for key in kept["local"] if not key.endswith(".__palette")] == []
    assert kept["session"] == {} and kept["cookies"] == "" and kept["indexedDB"] == [] and kept["caches"] == []
    origin = site_server.url.rstrip("/")
    assert all(url.startswith(origin) or url.startswith("data:") for url in page.sent), page.sent
    assert csp_reports(page) == []


def test_without_javascript_the_plain_list_leads_to_each_procedure(browser, site_server, site_dir):
    context = visitor_context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.url + "amu-iut/")
        plain = page.locator(f"{FINDER} [data-finder-plain]")
        assert plain.is_visible()
        assert not page.locator(f"{FINDER} [data-finder-questions]").is_visible()
        hrefs = plain.locator("a").evaluate_all("links => links.map((a) => a.href)")
        routing = _routing(site_dir)
        own = {p["page"].strip("/") for key, p in routing["procedures"].items() if key.startswith("amu-iut/")}
        assert {_procedure_of(href)[0] for href in hrefs} == own
        plain.locator("a", has_text="Entrée directe").first.click()
        page.wait_for_url("**/amu-iut/but-entree-directe/")
        page.goto(site_server.url)
        home = page.locator(f"{FINDER} [data-finder-plain] a")
        assert home.count() == len(routing["institutions"])
    finally:
        context.close()


def _states(page, site_server, routing):
    """Each state of the finder a student meets, as (name, how to reach it from the last)."""
    amu = next(i for i in routing["institutions"] if i["id"] == "amu-iut")
    yield "home, the institution asked"
    _pick(page, 0, routing["words"]["institution_question"], amu["name"])
    yield "home, AMU's first question"
    chosen = picks(amu["tree"], {"deja_inscrit": False, "plateforme": "ecandidat"})[:2]
    for depth, (legend, label) in enumerate(chosen, start=1):
        _pick(page, depth, legend, label)
        yield f"home, after « {label} »"
    # « je ne sais pas » to the level: several procedures, each with whom it is for
    _pick(page, len(chosen) + 1, "En quelle année d'études vous inscrivez-vous ?", routing["words"]["unsure"])
    assert len(_found(page)) == 3
    yield "home, several procedures"
    _pick(page, len(chosen) + 1, "En quelle année d'études vous inscrivez-vous ?", "DESU (diplôme d'établissement)")
    assert len(_found(page)) == 1
    yield "home, one procedure"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violation_in_any_state(browser, site_server, site_dir, scheme):
    context = visitor_context(browser, color_scheme=scheme)
    context.add_init_script(CSP_RECORDER)
    try:
        page = context.new_page()
        page.goto(site_server.url)
        _started(page)
        found = {}
        for state in _states(page, site_server, _routing(site_dir)):
            found[state] = axe_violations(page, [FINDER])
        page.goto(site_server.url + "itsra/")  # one procedure: the result at once
        poll(page, "() => document.querySelector('[data-finder]').dataset.state === 'found'")
        found["itsra, no question"] = axe_violations(page, [FINDER])
        page.route("**/assets/finder/finder.mjs", lambda route: route.abort())
        page.goto(site_server.url + "amu-iut/")  # the script refused: the plain list
        assert page.locator(f"{FINDER} [data-finder-plain]").is_visible()
        found["amu-iut, the plain list"] = axe_violations(page, [FINDER])
        page.goto(site_server.url)
        found["home, the plain list"] = axe_violations(page, [FINDER])
        assert not any(found.values()), describe_violations(found)
        assert csp_reports(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("institution,french_only", [("orleans", True), ("amu-iut", False)])
def test_on_english_pages_a_result_the_data_gives_only_in_french_is_marked_french(page, site_server, site_dir, institution, french_only):
    """Orléans gives no English: its titles and audiences are French inside the English
    result, marked lang="fr" (RGAA 8.7); AMU's are English, unmarked."""
    routing = json.loads((site_dir / "en/assets/finder/routing.json").read_text(encoding="utf-8"))
    tree = next(i for i in routing["institutions"] if i["id"] == institution)["tree"]
    page.goto(site_server.url + f"en/{institution}/")
    _started(page)
    for depth, (legend, label) in enumerate(picks(tree, {})):  # unsure at each question: every procedure
        _pick(page, depth, legend, label)
    _found(page)
    result = page.locator(f"{FINDER} [data-finder-result]")
    assert "procedure" in result.inner_text().lower()
    titles = result.locator("li > a")
    assert titles.count() >= 2
    assert set(titles.evaluate_all("links => links.map((a) => a.lang)")) == {"fr" if french_only else ""}
    audiences = result.locator("li > span")
    assert audiences.count() >= titles.count()
    assert set(audiences.evaluate_all("spans => spans.map((s) => s.lang)")) == {"fr" if french_only else ""}
    assert page.errors == []
