"""The checker on the English pages (en/<institution>/<procedure>/): the same answer as
`modop check … --lang en --json`, the same figures as the French twin's, in English
(the widget's own words and the engine's), every French-only text of the data marked
lang="fr", no WCAG 2.1 AA violation in its states, and an English .ics."""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from checks.calendar import student_calendar
from checks.wording.sentences import clause
from checks.wording import widget
from tests.support.chromium import visitor_context
from tests.support.cli import run_modop
from tests.support.site_audit import (
    CSP_RECORDER,
    answer_of,
    axe_violations,
    csp_reports,
    describe_violations,
    fill_profile,
    form,
    shown_answer_text,
)

EN = widget("en")
FR = widget("fr")
# (procedure, profile, instant), over several institutions, kinds and states of the windows.
CASES = [
    ("amu-iut/but1", {"boursier": "true", "date_acceptation": "2024-07-20"}, "2024-07-25T10:00"),
    ("amu-iut/but1", {}, "2024-07-10T09:00"),
    ("amu-iut/master", {"refugie": "true", "date_acceptation": "2024-06-20"}, "2024-06-25T12:00"),
    ("clermont-inp/doctorat-edspi", {"echeances": "3"}, "2025-09-15T10:00"),
    ("clermont-inp/doctorat-edspi", {"echeances": "5", "cvec_deja_acquittee": "true"}, "2025-11-02T08:30"),
    ("upec/reinscription-master-1", {"regime": "apprentissage", "boursier": "true"}, "2024-07-10T10:00"),
    ("assas/doctorat-reinscription", {"boursier": "true"}, "2025-09-20T10:00"),
]
IDS = [f"{case[0]}-{index}" for index, case in enumerate(CASES)]
PROCEDURE, AT = "amu-iut/but1", "2024-07-25T10:00"
WIDGET_PARTS = [".modop-checker", "[data-checker-badge]"]

# What shows a French text where English is due, once the French-only texts (lang="fr") are left out:
# the widget's own French words, an amount written the French way, a French month or weekday.
FRENCH_TELLTALES = re.compile(
    r"Frais d'inscription|Date limite|Pourquoi|Il reste|Vos étapes|Vos pièces|Code à cocher|Cette étape"
    r"|Ajouter à mon agenda|Mon parcours|Copier le lien|\(source :|\d[\d\u202f\u00a0 ,]*\u00a0?€"
    r"|\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b"
    r"|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
)

# The text under `selector` that is not inside an element of another language than the page's.
ENGLISH_TEXT = """selector => {
  const copy = document.querySelector(selector).cloneNode(true);
  copy.querySelectorAll("[lang]:not([lang='en'])").forEach((node) => node.remove());
  return copy.textContent;
}"""

# The texts of the page's answer, outside any lang="fr", that hold one of `texts` (without its final full stop).
UNMARKED_FRENCH = """texts => {
  const wanted = texts.map((text) => text.trim().replace(/[\\s.]+$/, "")).filter(Boolean);
  const walker = document.createTreeWalker(document.querySelector("[data-result]"), NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("[lang='fr']")) continue;
    for (const text of wanted) if (node.data.includes(text)) found.push(text);
  }
  return found;
}"""

# The French-only texts the answer shows inside lang="fr".
MARKED_FRENCH = """() => [...document.querySelectorAll("[data-result] span[lang='fr']")].map((span) => span.textContent)"""


def cli_answer(procedure: str, profile: dict, at: str, lang: str) -> str:
    settings = [arg for key, value in profile.items() for arg in ("--set", f"{key}={value}")]
    result = run_modop("check", procedure, *settings, "--at", at, "--lang", lang, "--json", timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def english_data(site_dir, procedure: str) -> dict:
    return json.loads((site_dir / "en" / "data" / f"{procedure}.json").read_text(encoding="utf-8"))


def asked_in(compiled: dict, profile: dict) -> dict:
    return {key: value for key, value in profile.items() if key in compiled["questions"]}


def figures(answer: dict) -> dict:
    """The answer without its words: what the English and the French answers share."""
    kept = {key: value for key, value in answer.items() if key != "explanation"}
    for part in ("fee", "cvec", "deadline"):
        if kept.get(part):
            kept[part] = {key: value for key, value in kept[part].items() if key != "reason"}
    if kept.get("payment"):
        kept["payment"] = {**kept["payment"], "refused": kept["payment"]["refused"] is not None}
    return kept


def new_tab(browser, server, **options):
    context = visitor_context(browser, **options)
    context.add_init_script(CSP_RECORDER)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, errors


def test_the_widget_has_the_same_words_with_the_same_blanks_in_every_language():
    blanks = re.compile(r"\{(\w+)\}")
    assert EN.keys() == FR.keys()
    for key, french in FR.items():
        assert set(blanks.findall(EN[key])) == set(blanks.findall(french)), key
        assert EN[key].strip(), key
    with pytest.raises(ValueError, match="Langue « de » inconnue"):
        widget("de")


@pytest.mark.parametrize("procedure, profile, at", CASES, ids=IDS)
def test_english_page_answers_as_the_command_line_in_english(browser, site_server, site_dir, procedure, profile, at):
    compiled = english_data(site_dir, procedure)
    profile = asked_in(compiled, profile)
    context, page, errors = new_tab(browser, site_server)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(f"{site_server.url}en/{procedure}/?at={at}")
        assert page.locator("[data-checker-widget]").get_attribute("data-lang") == "en"
        fill_profile(page, procedure, profile)
        shown = shown_answer_text(page)
        assert shown == cli_answer(procedure, profile, at, "en").rstrip("\n")
        english = json.loads(shown)
        # The English data, with the French root's runtime: nothing of the widget twice.
        assert f"{site_server.url}en/data/{procedure}.json" in requests
        assert f"{site_server.url}assets/checker/checker.mjs" in requests
        assert not [url for url in requests if url.startswith((f"{site_server.url}en/assets/checker/", f"{site_server.url}en/assets/pyodide/"))]

        # Every French-only text the answer shows is inside lang="fr"; the rest is English.
        french = compiled.get("french_texts") or []
        assert page.evaluate(UNMARKED_FRENCH, french) == []
        marked = page.evaluate(MARKED_FRENCH)
        for text in {clause(text) for text in french if clause(text) and clause(text) in shown}:
            assert any(text in span for span in marked), text
        text = page.evaluate(ENGLISH_TEXT, "[data-result]")
        assert not FRENCH_TELLTALES.search(text), FRENCH_TELLTALES.search(text)
        assert EN["why"] in text
        for part, label in (("fee", EN["fee"]), ("deadline", EN["deadline"]), ("payment", EN["payment"])):
            assert (label in text) == (english[part] is not None), part
        banner = page.locator("[data-checker-banner]").inner_text()
        assert banner.startswith("Preview: ") and "(Paris time)" in banner

        # The French twin, same profile, same instant: the same figures.
        page.goto(f"{site_server.url}{procedure}/?at={at}")
        fill_profile(page, procedure, profile)
        french = answer_of(page)
        assert figures(french) == figures(english)
        assert french["explanation"] != english["explanation"]
        assert not errors and csp_reports(page) == []
    finally:
        context.close()


def test_the_countdown_badges_and_live_summary_are_english(browser, site_server):
    context, page, _ = new_tab(browser, site_server)
    try:
        page.goto(f"{site_server.url}en/{PROCEDURE}/?at={AT}")
        fill_profile(page, PROCEDURE, {"boursier": "true", "date_acceptation": "2024-07-20"})
        answer = answer_of(page)
        counter = page.locator("[data-checker-countdown]").inner_text()
        # 2024-07-25 10:00 to 2024-08-22 14:00 (the next opening), standing still under ?at=.
        assert re.fullmatch(r"28 days 4 h 0?0 min left \S.*\.", counter), counter
        badges = {page.locator(f"#etape-{step} [data-checker-badge]").inner_text() for step in answer["steps"]}
        assert badges == {EN["step_yours"]}
        live = page.evaluate(ENGLISH_TEXT, "[data-checker-live]")
        assert live.strip() and not FRENCH_TELLTALES.search(live), live
        takeaways = page.locator(".modop-checker__takeaways").inner_text()
        for key in ("agenda_button", "parcours_button", "share_button", "made_here_with_agenda"):
            assert EN[key] in takeaways, key
    finally:
        context.close()


def test_mon_parcours_is_english(browser, site_server):
    context, page, _ = new_tab(browser, site_server)
    try:
        page.goto(f"{site_server.url}en/{PROCEDURE}/?at={AT}")
        fill_profile(page, PROCEDURE, {"boursier": "true", "date_acceptation": "2024-07-20"})
        answer_of(page)
        page.locator("[data-checker-parcours]").click()
        dialog = page.locator("dialog.modop-parcours")
        assert dialog.locator("h2").inner_text().startswith("My checklist: ")
        text = page.evaluate(ENGLISH_TEXT, "dialog.modop-parcours")
        assert "Saturday 20 July 2024" in text  # the acceptance date, as the field holds it
        for key in ("parcours_situation", "parcours_figures", "your_steps", "ticks_remember"):
            assert EN[key] in text, key
        assert not FRENCH_TELLTALES.search(text), FRENCH_TELLTALES.search(text)
        violations = axe_violations(page, ["dialog.modop-parcours"])
        assert not violations, describe_violations({"My checklist": violations})
    finally:
        context.close()


def test_the_calendar_of_an_english_page_is_english(browser, site_server, site_dir):
    context, page, _ = new_tab(browser, site_server, accept_downloads=True)
    try:
        address = f"{site_server.url}en/{PROCEDURE}/?at={AT}"
        page.goto(address)
        fill_profile(page, PROCEDURE, {"date_acceptation": "2024-07-20"})
        answer = answer_of(page)
        with page.expect_download() as download:
            page.locator("[data-checker-agenda]").click()
        assert download.value.suggested_filename == "registration-amu-iut-but1.ics"
        text = download.value.path().read_bytes().decode("utf-8")
        status = page.locator("[data-checker-action-status]").inner_text()
        assert status.startswith("File ‘registration-amu-iut-but1.ics’ created"), status

        calendar = Calendar.from_ical(text)
        events = calendar.walk("VEVENT")
        assert events, "the case has dates"
        for event in events:
            words = f"{event['SUMMARY']}\n{event.get('DESCRIPTION', '')}"
            assert not FRENCH_TELLTALES.search(words) and "inscriptions" not in words, words
            assert re.search(r"\b(?:registration|Registration)\b", words), words
        # The very file checks.calendar writes in English for this answer and the English procedure.
        stamp = events[0].decoded("DTSTAMP")
        assert abs(stamp - datetime.now(timezone.utc)) < timedelta(minutes=5)
        assert text == student_calendar(english_data(site_dir, PROCEDURE), answer, stamp, page_url=address, lang="en")
    finally:
        context.close()


# ---------------------------------------------------------------- the widget's states


def idle(page, context, server):
    waiting = []
    context.route("**/assets/checker/checker.mjs", lambda route: waiting.append(route))
    page.goto(f"{server.url}en/{PROCEDURE}/", wait_until="domcontentloaded")
    while not waiting:  # the widget's script is asked for, and kept waiting
        page.wait_for_timeout(20)
    assert page.locator("[data-result]").get_attribute("data-state") == "idle"
    assert page.locator("[data-checker-live]").inner_text() == EN["idle"]
    assert page.locator(f"{form(PROCEDURE)} legend").inner_text() == EN["legend"]
    return waiting


def ready(page, context, server):
    page.goto(f"{server.url}en/{PROCEDURE}/?at={AT}")
    fill_profile(page, PROCEDURE, {"boursier": "true", "date_acceptation": "2024-07-20"})
    answer_of(page)
    page.locator(".modop-checker__why > summary").click()
    return []


def error(page, context, server):
    page.goto(f"{server.url}en/{PROCEDURE}/?at=tomorrow")
    page.wait_for_selector("[data-result][data-state='error']")
    live = page.locator("[data-checker-live]").inner_text()
    assert live.startswith(EN["refused"].split("{")[0]) and not FRENCH_TELLTALES.search(live), live
    return []


def date_problem(page, context, server):
    page.goto(f"{server.url}en/{PROCEDURE}/?at={AT}")
    answer_of(page)
    field = page.locator(f"{form(PROCEDURE)} [name='date_acceptation']")
    field.focus()
    page.keyboard.type("1507")  # a date typed in part
    page.locator(f"{form(PROCEDURE)} [name='boursier']").focus()
    page.wait_for_selector("[data-result][data-state='error']")
    assert page.locator("[data-checker-live]").inner_text() == EN["date_not_understood"]
    assert page.locator("[data-field-problem]").is_visible()
    return []


def unavailable(page, context, server):
    context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(f"{server.url}en/{PROCEDURE}/")
    page.wait_for_selector("[data-result][data-state='error']")
    live = page.locator("[data-checker-live]").inner_text()
    assert live.startswith(f"Calculator unavailable ({EN['wasm_failed']})"), live
    return []


STATES = {"idle": idle, "ready": ready, "error": error, "date-problem": date_problem, "unavailable": unavailable}


@pytest.mark.parametrize("state", list(STATES))
def test_the_english_widget_has_no_violation_in_any_state(browser, site_server, state):
    context, page, _ = new_tab(browser, site_server)
    waiting = []
    try:
        waiting = STATES[state](page, context, site_server)
        assert page.evaluate("document.documentElement.lang").startswith("en")
        violations = axe_violations(page, WIDGET_PARTS)
        assert not violations, describe_violations({state: violations})
        widget_text = page.evaluate(ENGLISH_TEXT, ".modop-checker")
        assert not FRENCH_TELLTALES.search(widget_text), FRENCH_TELLTALES.search(widget_text)
        assert csp_reports(page) == []
    finally:
        for route in waiting:
            route.continue_()
        context.close()


def test_the_french_widget_keeps_its_words(browser, site_server):
    """The same procedure's French page: no data-lang, the French words, the French data."""
    context, page, _ = new_tab(browser, site_server)
    try:
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{site_server.url}{PROCEDURE}/?at={AT}")
        answer_of(page)
        root = page.locator("[data-checker-widget]")
        assert root.get_attribute("data-lang") is None
        assert page.locator(f"{form(PROCEDURE)} legend").inner_text() == FR["legend"]
        assert FR["why"] in page.locator("[data-result]").inner_text()
        assert f"{site_server.url}data/{PROCEDURE}.json" in requests
        assert not [url for url in requests if "/en/data/" in url or "/en/assets/checker/" in url]
    finally:
        context.close()
