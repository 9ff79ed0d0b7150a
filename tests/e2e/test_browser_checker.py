"""The checker widget in Chromium: same answers as the command line, one worker per tab,
`?at=`, nothing sent elsewhere, and a page that still informs without JavaScript."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from tests.support.chromium import CHROMIUM_ARGS, require_chromium
from tests.support.cli import run_modop
from tests.support.site_audit import answer_of, fill_profile, form, procedure_data, shown_answer_text, wait_new_answer

# (procedure, profile, instant): each is checked in the page against `modop check --json`.
CASES = [
    ("amu-iut/but1", {"boursier": "true", "date_acceptation": "2024-07-20"}, "2024-07-25T10:00"),
    ("amu-iut/but1", {}, "2024-07-10T09:00"),
    ("amu-iut/master", {"refugie": "true", "date_acceptation": "2024-06-20"}, "2024-06-25T12:00"),
    ("clermont-inp/doctorat-edspi", {"echeances": "3"}, "2025-09-15T10:00"),
    ("clermont-inp/doctorat-edspi", {"echeances": "5", "cvec_deja_acquittee": "true"}, "2025-11-02T08:30"),
    ("clermont-inp/isima-apprentissage", {"regime": "apprentissage"}, "2022-07-01T10:00"),
    ("orleans/reinscription", {"regime": "formation_continue", "echange": "true"}, "2024-07-15T12:00"),
    ("orleans/but1", {"hors_ue": "true", "date_acceptation": "2024-07-02"}, "2024-07-05T23:59"),
]



def cli_answer(procedure: str, profile: dict, at: str) -> str:
    settings = [arg for key, value in profile.items() for arg in ("--set", f"{key}={value}")]
    result = run_modop("check", procedure, *settings, "--at", at, "--json", timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def nav_link(page, procedure: str):
    """The sidebar's link to a procedure (Material's instant navigation makes hrefs absolute)."""
    return page.locator(f".md-sidebar--primary a[href$='/{procedure}/']:visible").first


def asked(site_dir, procedure: str) -> list[str]:
    return procedure_data(site_dir, procedure)["questions"]


@pytest.mark.parametrize("procedure, profile, at", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_page_answers_as_the_command_line(engine_visit, engine_site_dir, procedure, profile, at):
    profile = {key: value for key, value in profile.items() if key in asked(engine_site_dir, procedure)}
    tab = engine_visit()
    page = tab.goto(f"{procedure}/?at={at}")
    fill_profile(page, procedure, profile)
    shown = shown_answer_text(page)
    expected = cli_answer(procedure, profile, at)
    assert json.loads(shown) == json.loads(expected)
    assert shown == expected.rstrip("\n"), "same serialisation as `modop check --json`"
    assert not tab.errors


def test_fields_are_the_questions_with_visible_labels(visit, site_dir):
    page = visit().goto("amu-iut/but1/")
    fields = page.locator(f"{form('amu-iut/but1')} [name]")
    names = [fields.nth(i).get_attribute("name") for i in range(fields.count())]
    assert names == asked(site_dir, "amu-iut/but1")
    for name in names:
        field = page.locator(f"{form('amu-iut/but1')} [name='{name}']")
        label = page.locator(f"label[for='{field.get_attribute('id')}']")
        assert label.is_visible() and label.inner_text().strip(), name
    assert page.locator("[data-result]").count() == 1
    assert page.locator("[data-result] [aria-live='polite']").count() == 1


def test_answer_is_shown_in_french_and_steps_are_marked(visit):
    page = visit().goto("amu-iut/but1/?at=2024-07-25T10:00")
    fill_profile(page, "amu-iut/but1", {"boursier": "true", "date_acceptation": "2024-07-20"})
    answer = answer_of(page)
    text = page.locator("[data-result]").inner_text()
    assert "exonération" in text and "jeudi 22 août 2024 à 14\u00a0h" in text
    assert "Il reste" in text  # the countdown to the next change
    live = page.locator("[data-checker-live]").inner_text()
    assert live.startswith("Frais d'inscription")
    for step in answer["steps"]:
        assert "modop-step--yours" in page.locator(f"#etape-{step}").get_attribute("class")
    page.get_by_text("Pourquoi ?").click()
    assert page.get_by_text(answer["explanation"][0]).is_visible()


def test_keyboard_alone_changes_the_answer(visit):
    page = visit().goto("amu-iut/but1/?at=2024-07-25T10:00")
    shown = shown_answer_text(page)  # read before the key: the answer is fast
    first = json.loads(shown)
    page.locator(f"{form('amu-iut/but1')} [name='boursier']").focus()
    page.keyboard.press("Space")
    second = wait_new_answer(page, shown)
    assert first["fee"] != second["fee"] and second["fee"]["amount_eur"] == 0


def test_at_in_the_address_sets_the_instant_and_says_so(visit):
    page = visit().goto("amu-iut/but1/?at=2024-07-25T10:00")
    answer = answer_of(page)
    assert answer["at"] == "2024-07-25T10:00:00+02:00"
    banner = page.locator("[data-checker-banner]")
    assert banner.is_visible() and "jeudi 25 juillet 2024 à 10\u00a0h" in banner.inner_text()


def test_without_at_the_answer_is_for_now_and_has_no_banner(visit):
    page = visit().goto("amu-iut/but1/")
    answer = answer_of(page)
    at = datetime.fromisoformat(answer["at"])
    assert abs(at - datetime.now(timezone.utc)) < timedelta(minutes=5)
    assert at.utcoffset() in (timedelta(hours=1), timedelta(hours=2))  # Paris time
    assert page.locator("[data-checker-banner]").is_hidden()


def test_a_bad_at_is_an_error_in_french(visit):
    page = visit().goto("amu-iut/but1/?at=demain")
    page.wait_for_selector("[data-result][data-state='error']")
    assert "illisible" in page.locator("[data-checker-live]").inner_text()


@pytest.mark.parametrize("at", ["0001-01-01T00:00", "9999-12-31T23:59%2B00:00", "9999-12-31T23:00Z"])
def test_an_at_outside_the_years_answered_is_an_error_in_french(visit, at):
    page = visit().goto(f"amu-iut/but1/?at={at}")
    page.wait_for_selector("[data-result][data-state='error']")
    live = page.locator("[data-checker-live]").inner_text()
    assert "entre 2000 et 2099" in live and "Error" not in live, live


# Digits typed into the field as a student types them: a part missing (Chromium
# keeps the value empty: validity.badInput), a year cut short or too long (a
# value outside the years the engine answers for, min and max).
@pytest.mark.parametrize("typed", ["1507", "3102", "200720245"])
def test_a_date_not_understood_is_said_next_to_the_field_and_nothing_is_computed(visit, typed):
    page = visit().goto("amu-iut/but1/?at=2024-07-25T10:00")
    answer_of(page)
    field = page.locator(f"{form('amu-iut/but1')} [name='date_acceptation']")
    hint, problem = field.get_attribute("aria-describedby"), f"{field.get_attribute('id')}-problem"
    field.focus()
    page.keyboard.type(typed)
    page.locator(f"{form('amu-iut/but1')} [name='boursier']").focus()  # the field is left
    page.wait_for_selector("[data-result][data-state='error']")
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("aria-describedby").split() == [hint, problem]
    message = page.locator(f"#{problem}")
    assert message.is_visible() and "JJ/MM/AAAA" in message.inner_text()
    assert message.evaluate("node => node.closest('.modop-checker__field') !== null"), "next to the field"
    live = page.locator("[data-checker-live]").inner_text()
    assert "date indiquée n'est pas comprise" in live, live
    assert page.locator("[data-result]").get_attribute("data-json") is None, "no answer"
    widget = page.locator("[data-checker-widget]").inner_text()
    assert "date_acceptation" not in widget and "AAAA-MM-JJ" not in widget

    # Corrected: the answer comes back, and the field says nothing more.
    field.fill("2024-07-20")
    answer = answer_of(page)
    assert "date_acceptation" not in " ".join(answer["explanation"])
    assert field.get_attribute("aria-invalid") is None
    assert field.get_attribute("aria-describedby") == hint
    assert message.is_hidden()


def test_a_date_typed_in_part_then_erased_gives_the_answer_without_a_date(visit):
    page = visit().goto("amu-iut/but1/?at=2024-07-25T10:00")
    without = answer_of(page)
    field = page.locator(f"{form('amu-iut/but1')} [name='date_acceptation']")
    elsewhere = page.locator(f"{form('amu-iut/but1')} [name='boursier']")
    field.focus()
    page.keyboard.type("15")  # the day alone: the field's value stays empty, no change event
    elsewhere.focus()
    page.wait_for_selector("[data-result][data-state='error']")
    field.focus()  # its first part, the day
    page.keyboard.press("Backspace")
    elsewhere.focus()
    assert answer_of(page) == without
    assert field.get_attribute("aria-invalid") is None


def test_instant_navigation_reuses_the_worker(engine_visit, engine_site_dir):
    sitemap = (engine_site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>" in sitemap, "Material's instant navigation needs a sitemap: set site_url in mkdocs.yml"
    tab = engine_visit()
    tab.page.add_init_script(
        """
        window.__workersCreated = 0;  // the checker's (Material's search has its own worker)
        const NativeWorker = window.Worker;
        window.Worker = class extends NativeWorker {
          constructor(url, options) {
            super(url, options);
            if (String(url).includes("/assets/checker/worker.mjs")) window.__workersCreated += 1;
          }
        };
        """
    )
    page = tab.goto("amu-iut/but1/?at=2024-07-25T10:00")
    answer_of(page)
    page.evaluate("window.__samePage = true")
    nav_link(page, "amu-iut/master").click()
    page.wait_for_selector(f"{form('amu-iut/master')}")
    answer = answer_of(page)
    assert answer["procedure"] == "amu-iut/master"
    assert page.evaluate("window.__samePage") is True, "Material's instant navigation kept the page"
    assert page.evaluate("window.__workersCreated") == 1
    assert page.evaluate("window.modopChecker.workersStarted") == 1


def test_no_request_leaves_the_origin(visit, site_server):
    tab = visit()
    page = tab.goto("orleans/but1/?at=2024-07-05T10:00")
    answer_of(page)
    nav_link(page, "orleans/reinscription").click()
    page.wait_for_url("**/orleans/reinscription/")
    answer_of(page)
    assert tab.requests, "requests were recorded"
    outside = [url for url in tab.requests if not url.startswith(site_server.url)]
    assert outside == []


def test_the_interpreter_starts_after_the_page_has_loaded(visit, site_server):
    tab = visit()
    page = tab.goto("amu-iut/but1/")
    answer_of(page)
    timing = page.evaluate(
        """() => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          const worker = performance.getEntriesByType('resource').find(r => r.name.includes('/assets/checker/worker.mjs'));
          return {paint: paint && paint.startTime, worker: worker && worker.startTime};
        }"""
    )
    assert timing["paint"] is not None and timing["worker"] is not None
    assert timing["paint"] < timing["worker"]


def test_without_javascript_the_tables_remain_and_the_widget_says_so(playwright, site_server):
    # A browser whose JavaScript is off in its settings, as a user turns it off:
    # unlike Playwright's per-context switch, it renders <noscript>.
    browser = playwright.chromium.launch(
        executable_path=require_chromium(), args=[*CHROMIUM_ARGS, "--blink-settings=scriptEnabled=false"]
    )
    try:
        page = browser.new_page()
        # Answers in the fragment (a shared link) need the checker's script: the page says the same.
        for address in ("amu-iut/but1/", "amu-iut/but1/#boursier=true&echeances=3"):
            page.goto(site_server.url + address)
            assert page.locator("table").count() >= 1
            assert page.locator(".modop-checker__unavailable").is_visible()
            assert "Calculateur indisponible" in page.locator(".modop-checker__unavailable").inner_text()
            assert page.locator("[data-result]").get_attribute("data-state") == "idle"
            assert page.locator(f"{form('amu-iut/but1')} [name='boursier']").is_disabled()
            assert page.locator("[data-checker-link-notice]").inner_text() == ""
    finally:
        browser.close()


def test_when_webassembly_fails_the_widget_says_so(visit):
    tab = visit()
    tab.context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page = tab.goto("amu-iut/but1/")
    page.wait_for_selector("[data-result][data-state='error']")
    assert "Calculateur indisponible" in page.locator("[data-checker-live]").inner_text()


def test_a_procedure_with_nothing_to_compute_has_no_form(visit):
    page = visit().goto("itsra/selection/")
    assert page.locator("form[data-checker]").count() == 0
    assert page.locator("[data-result]").count() == 0


def test_without_the_snapshot_python_starts_from_scratch_with_the_same_answer(visit):
    tab = visit()
    tab.context.route("**/assets/checker/snapshot.*", lambda route: route.abort())
    procedure, profile, at = CASES[0]
    page = tab.goto(f"{procedure}/?at={at}")
    fill_profile(page, procedure, profile)
    answer = answer_of(page)
    assert page.evaluate("window.modopChecker.booted.snapshot") is False
    assert answer == json.loads(cli_answer(procedure, profile, at))
