"""The answer kept and shared: a procedure page opened with the student's answers in
its fragment (`#boursier=true&echeances=3`, the profile's keys and values) answers for
them from its first answer; « Copier le lien de ma situation » puts the page's address
with the answers shown in the fragment on the clipboard (or, where the browser gives no
clipboard, in a field to copy by hand), and that link reopens the same answer."""
from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from tests.e2e.test_browser_checker import asked, cli_answer
from tests.support.chromium import CHROMIUM_ARGS, require_chromium, visitor_context
from tests.support.cli import run_modop
from tests.support.data_root import copy_procedures, edit
from tests.support.paths import SITE_FIXTURE
from tests.support.site_audit import fill_profile, form, instant_go, poll, shown_answer_text
from tests.support.static_server import StaticServer

# (procedure, profile, instant), over several seed institutions: each page opened with
# the profile in its fragment is held to `modop check --set … --at … --json`.
CASES = [
    ("amu-iut/but1", {"boursier": "true", "date_acceptation": "2024-07-20"}, "2024-07-25T10:00"),
    ("amu-iut/master", {"refugie": "true", "deja_inscrit": "true", "date_acceptation": "2024-06-20"}, "2024-06-25T12:00"),
    ("clermont-inp/doctorat-edspi", {"echeances": "3", "cvec_deja_acquittee": "true"}, "2025-09-15T10:00"),
    ("orleans/but1", {"hors_ue": "true", "regime": "formation_continue", "date_acceptation": "2024-07-02"}, "2024-07-05T23:59"),
    ("uga/doctorat-inscription", {"echeances": "3", "deja_inscrit": "true"}, "2024-10-01T10:00"),
    ("upec/reinscription-master-1", {"regime": "apprentissage", "boursier": "true"}, "2024-07-10T10:00"),
]
IDS = [f"{case[0]}-{index}" for index, case in enumerate(CASES)]
# What a finder knows that these procedures do not ask: left silently.
FINDER_EXTRA = {"plateforme": "parcoursup"}
CLIPBOARD = ["clipboard-read", "clipboard-write"]
NOTICE = "[data-checker-link-notice]"

# Every answer the page shows, in order: the form's values it was for (data-values).
ANSWERS_SHOWN = """
window.__answersShown = [];
new MutationObserver((records) => {
  for (const record of records) {
    if (record.target.dataset.json) window.__answersShown.push(record.target.dataset.values);
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-json"] });
"""


def fragment(profile: dict) -> str:
    return "#" + urlencode(profile)


def copy_link(page) -> None:
    page.locator("[data-checker-share]").click()


def status_text(page) -> str:
    return page.locator("[data-checker-action-status]").inner_text()


@pytest.mark.parametrize("procedure, profile, at", CASES, ids=IDS)
def test_a_page_opened_with_answers_in_its_fragment_answers_as_the_command_line(
    engine_visit, engine_site_dir, procedure, profile, at
):
    assert set(profile) <= set(asked(engine_site_dir, procedure))
    tab = engine_visit()
    tab.page.add_init_script(ANSWERS_SHOWN)
    page = tab.goto(f"{procedure}/?at={at}{fragment({**profile, **FINDER_EXTRA})}")
    shown = shown_answer_text(page)
    assert shown == cli_answer(procedure, profile, at).rstrip("\n")
    values = json.loads(page.locator("[data-result]").get_attribute("data-values"))
    assert {key: values[key] for key in profile} == profile
    # No answer the student did not ask for came first: the first shown is the link's.
    assert page.evaluate("window.__answersShown") == [json.dumps(values, separators=(",", ":"))]
    assert page.locator(NOTICE).inner_text() == "", "a key the form does not ask is left silently"
    assert not tab.errors


def test_a_link_followed_from_another_page_of_the_site_fills_the_form_too(engine_visit, engine_server):
    """The finder's links are followed by the theme's instant navigation: no new page load."""
    procedure, profile, at = CASES[1]
    page = engine_visit().goto("amu-iut/")
    # The theme follows a click by instant navigation once it has the sitemap (before, a full load).
    poll(page, "() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/sitemap.xml'))")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__samePage = true")
    instant_go(page, f"{engine_server.url}{procedure}/?at={at}{fragment(profile)}")
    page.wait_for_selector(form(procedure))
    assert shown_answer_text(page) == cli_answer(procedure, profile, at).rstrip("\n")
    assert page.evaluate("window.__samePage") is True, "followed by instant navigation"


@pytest.mark.parametrize("procedure, profile, at", CASES[:4], ids=IDS[:4])
def test_the_copied_link_reopens_the_same_answer(visit, site_server, procedure, profile, at):
    tab = visit(permissions=CLIPBOARD)
    page = tab.goto(f"{procedure}/?at={at}")
    fill_profile(page, procedure, profile)
    shown = shown_answer_text(page)
    copy_link(page)
    page.locator("[data-checker-action-status]", has_text="Lien copié").wait_for()
    link = page.evaluate("navigator.clipboard.readText()")
    assert page.url == f"{site_server.url}{procedure}/?at={at}", "the address bar is left as it is"

    address = urlsplit(link)
    assert link.startswith(f"{site_server.url}{procedure}/?")
    assert dict(parse_qsl(address.query)) == {"at": at}, "the preview's instant is kept"
    assert dict(parse_qsl(address.fragment)) == profile, "the answers, each default left out"
    note = page.locator("#" + page.locator("[data-checker-share]").get_attribute("aria-describedby"))
    assert note.is_visible() and "contient vos réponses" in note.inner_text() and "jamais" in note.inner_text()

    again = visit().page
    again.goto(link)
    assert shown_answer_text(again) == shown


def test_only_the_answers_away_from_their_defaults_are_in_the_link(visit, site_server):
    tab = visit(permissions=CLIPBOARD)
    page = tab.goto("amu-iut/but1/")
    shown_answer_text(page)
    copy_link(page)
    page.locator("[data-checker-action-status]", has_text="Lien copié").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_server.url}amu-iut/but1/", "no answer given: no fragment"


def test_a_value_the_form_cannot_take_is_not_applied_and_is_named_by_its_label(visit):
    procedure, at = "amu-iut/but1", "2024-07-25T10:00"
    tab = visit()
    answers = {"boursier": "true", "date_acceptation": "2024-02-30", "pupille": "oui", "inconnu": "1", **FINDER_EXTRA}
    page = tab.goto(f"{procedure}/?at={at}{fragment(answers)}")
    assert shown_answer_text(page) == cli_answer(procedure, {"boursier": "true"}, at).rstrip("\n")
    assert page.locator(f"{form(procedure)} [name='pupille']").is_checked() is False
    assert page.locator(f"{form(procedure)} [name='date_acceptation']").input_value() == ""

    notice = page.locator(NOTICE)
    assert (notice.get_attribute("role"), notice.get_attribute("aria-live")) == ("status", "polite")
    assert notice.evaluate("node => node.previousElementSibling.matches('form[data-checker]')"), "next to the form"
    text = notice.inner_text()
    assert notice.is_visible() and "n'ont pas été reprises" in text
    assert "« Je suis pupille de la nation » (« oui »" in text
    assert "« Date à laquelle vous avez accepté la proposition d'admission » (« 2024-02-30 » n'est pas une date comprise)" in text
    for raw in ("date_acceptation", "inconnu", "plateforme", "boursier"):
        assert raw not in text, raw


def test_a_count_of_instalments_the_procedure_does_not_offer_is_not_applied(visit):
    procedure, at = "uga/doctorat-inscription", "2024-10-01T10:00"
    page = visit().goto(f"{procedure}/?at={at}#echeances=5&deja_inscrit=true")
    assert shown_answer_text(page) == cli_answer(procedure, {"deja_inscrit": "true"}, at).rstrip("\n")
    assert "« Paiement des frais d'inscription » (« 5 » n'est pas une réponse proposée ici)" in page.locator(NOTICE).inner_text()


def test_an_anchor_fragment_still_leads_to_its_heading(visit):
    procedure, at = "amu-iut/but1", "2024-07-25T10:00"
    page = visit().goto(f"{procedure}/?at={at}#etape-pieces")
    assert shown_answer_text(page) == cli_answer(procedure, {}, at).rstrip("\n"), "no answer taken from an anchor"
    assert page.evaluate("scrollY") > 0
    top = page.evaluate("document.getElementById('etape-pieces').getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] / 2, top
    assert page.locator(NOTICE).inner_text() == ""


def test_a_link_with_other_answers_opened_in_the_same_tab_is_taken_once(visit):
    procedure, at = "amu-iut/but1", "2024-07-25T10:00"
    page = visit().goto(f"{procedure}/?at={at}")
    without = shown_answer_text(page)
    page.evaluate("location.hash = '#boursier=true'")
    with_link = shown_answer_text(page, without)
    assert with_link == cli_answer(procedure, {"boursier": "true"}, at).rstrip("\n")
    # The student changes an answer, follows an anchor, comes back: their change stays.
    page.locator(f"{form(procedure)} [name='pupille']").check()
    changed = shown_answer_text(page)
    page.evaluate("location.hash = '#etape-pieces'")
    page.go_back()
    poll(page, "() => location.hash === '#boursier=true'")
    assert page.locator(f"{form(procedure)} [name='pupille']").is_checked()
    assert shown_answer_text(page) == changed
    # Another link: its answers, and the defaults for those it leaves out.
    page.evaluate("location.hash = '#hors_ue=true'")
    assert shown_answer_text(page, changed) == cli_answer(procedure, {"hors_ue": "true"}, at).rstrip("\n")


@pytest.fixture
def insecure_browser(playwright):
    """A browser that reaches the test server under a name of its own: an http:// page
    that is not on the loopback address is no secure context (no navigator.clipboard)."""
    browser = playwright.chromium.launch(
        executable_path=require_chromium(), args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP modop.test 127.0.0.1"]
    )
    yield browser
    browser.close()


def test_without_a_clipboard_the_link_is_shown_selected_and_reopens_the_same_answer(insecure_browser, site_server):
    procedure, profile, at = CASES[2]
    origin = site_server.url.replace("127.0.0.1", "modop.test")
    context = visitor_context(insecure_browser)
    try:
        page = context.new_page()
        page.goto(f"{origin}{procedure}/?at={at}{fragment(profile)}")
        assert page.evaluate("isSecureContext") is False and page.evaluate("navigator.clipboard === undefined")
        shown = shown_answer_text(page)
        # With the keyboard: the button, then Enter.
        page.locator("[data-checker-share]").focus()
        page.keyboard.press("Enter")
        field = page.locator("[data-checker-link-field]")
        field.wait_for()
        link = field.input_value()
        address = urlsplit(link)
        assert link.startswith(f"{origin}{procedure}/?")
        assert (dict(parse_qsl(address.query)), dict(parse_qsl(address.fragment))) == ({"at": at}, profile)
        assert field.get_attribute("readonly") is not None
        assert page.locator(f"label[for='{field.get_attribute('id')}']").is_visible()
        assert field.evaluate("node => node === document.activeElement && node.selectionStart === 0 && node.selectionEnd === node.value.length")
        assert status_text(page), "the live region says what to do"

        again = context.new_page()
        again.goto(link)
        assert shown_answer_text(again) == shown
    finally:
        context.close()


# tests/fixtures/site's licence with one window for Parcoursup's admitted: its form's
# platform field offers « Parcoursup » and one « Autre » for the four other platforms.
PARCOURSUP_WINDOW = (
    "when: {deja_inscrit: false, date_acceptation: {to: 2024-07-12}}",
    "when: {deja_inscrit: false, plateforme: parcoursup, date_acceptation: {to: 2024-07-12}}",
)


@pytest.fixture(scope="module")
def platform_root(tmp_path_factory):
    root = copy_procedures(SITE_FIXTURE, tmp_path_factory.mktemp("platform") / "data")
    edit(root, "procedures/ecole-demo/2024-2025/licence.yaml", *PARCOURSUP_WINDOW)
    return root


@pytest.fixture(scope="module")
def platform_server(platform_root):
    out = platform_root.parent / "site"
    result = run_modop("--root", str(platform_root), "build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    with StaticServer(out) as server:
        yield server


def test_a_platform_no_condition_names_picks_the_autre_option(browser, platform_root, platform_server):
    procedure, at = "ecole-demo/licence", "2024-07-10T10:00"
    profile = {"deja_inscrit": "false", "plateforme": "monmaster", "date_acceptation": "2024-07-10"}
    context = visitor_context(browser)
    try:
        page = context.new_page()
        page.goto(f"{platform_server.url}{procedure}/?at={at}{fragment(profile)}")
        shown = shown_answer_text(page)
        platform = page.locator(f"{form(procedure)} [name='plateforme']")
        assert platform.evaluate("node => node.selectedOptions[0].textContent").startswith("Autre")
        assert "monmaster" in platform.evaluate("node => node.selectedOptions[0].dataset.standsFor").split()
        settings = [arg for key, value in profile.items() for arg in ("--set", f"{key}={value}")]
        expected = run_modop("--root", str(platform_root), "check", procedure, *settings, "--at", at, "--json")
        assert expected.returncode == 0, expected.stderr
        assert shown == expected.stdout.rstrip("\n"), "the « Autre » option answers as the platform it stands for"
        assert page.locator(NOTICE).inner_text() == ""
    finally:
        context.close()
