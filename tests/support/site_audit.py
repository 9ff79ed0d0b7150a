"""What the trust tests look at in a page: axe-core's verdict, Content Security
Policy reports, the browser's storage, and how to walk the built site.

axe-core comes from the npm registry (package.json, a devDependency: never
copied into the site). It is put into the page with `page.evaluate(source)`,
which runs through the DevTools protocol, not as a <script> of the page: the
site's CSP (no 'unsafe-inline') stays on and is not bypassed, and axe itself
causes no CSP report (the crawl checks that too).
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.support.paths import REPO

AXE_FILE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, as RGAA 4.1 asks.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
READY = "[data-result][data-state='ready']"

# Added to every document of a context: keeps each CSP report of the page.
CSP_RECORDER = """
window.__cspReports = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspReports.push({
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
    page: location.href,
  });
});
"""

# Keeps the type of each Blob the page turns into a URL (the .ics download).
BLOB_RECORDER = """
window.__blobTypes = [];
const modopCreateObjectURL = URL.createObjectURL.bind(URL);
URL.createObjectURL = (object) => {
  window.__blobTypes.push(object && object.type);
  return modopCreateObjectURL(object);
};
"""


def axe_source() -> str:
    if not AXE_FILE.is_file():
        message = f"axe-core is missing ({AXE_FILE}): run `npm ci` (./dev.sh test does)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE_FILE.read_text(encoding="utf-8")


def axe_violations(page, include: list[str] | None = None) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations in the page, or in the parts `include` selects."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    # Colours are judged once still: Material fades the header's title after
    # an instant navigation, and a half-faded text is not what one reads.
    poll(page, "() => document.getAnimations().every((animation) => animation.playState !== 'running')", timeout=10)
    return page.evaluate(
        """async ([include, tags]) => {
          const context = include ? { include: include.map((selector) => [selector]) } : document;
          const result = await axe.run(context, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
          return result.violations.map((rule) => ({
            id: rule.id,
            impact: rule.impact,
            help: rule.help,
            nodes: rule.nodes.map((node) => ({ target: node.target.join(" "), html: node.html.slice(0, 200), why: node.failureSummary })),
          }));
        }""",
        [include, AXE_TAGS],
    )


def describe_violations(found: dict[str, list[dict]]) -> str:
    """One readable block per place (page or state) and rule, for assertion messages."""
    lines = []
    for where, violations in found.items():
        for rule in violations:
            lines.append(f"{where}: {rule['id']} ({rule['impact']}) {rule['help']}")
            for node in rule["nodes"][:5]:
                why = " ".join(node["why"].split())
                lines.append(f"    {node['target']}: {why[:300]}")
    return "\n".join(lines)


def csp_reports(page) -> list[dict]:
    return page.evaluate("window.__cspReports || []")


def storage(page) -> dict:
    """Everything this origin keeps in the browser, seen from the page."""
    return page.evaluate(
        """async () => ({
          local: Object.fromEntries(Object.entries(localStorage)),
          session: Object.fromEntries(Object.entries(sessionStorage)),
          cookies: document.cookie,
          indexedDB: (await indexedDB.databases()).map((database) => database.name),
          caches: "caches" in self ? await caches.keys() : [],
        })"""
    )


def html_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site, as the address path a visitor uses."""
    paths = []
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


def site_procedures(site_dir: Path) -> list[str]:
    """Every procedure the built site has data for (data/<institution>/<id>.json), sorted."""
    data = site_dir / "data"
    return sorted(path.relative_to(data).with_suffix("").as_posix() for path in data.glob("*/*.json"))


def procedure_data(site_dir: Path, procedure: str) -> dict:
    return json.loads((site_dir / "data" / f"{procedure}.json").read_text(encoding="utf-8"))


def form(procedure: str) -> str:
    return f"form[data-checker='{procedure}']"


def fill_profile(page, procedure: str, profile: dict) -> None:
    """Answer the checker's questions as a student would: profile keys to text values."""
    for key, value in profile.items():
        field = page.locator(f"{form(procedure)} [name='{key}']")
        kind = field.get_attribute("type") or field.evaluate("node => node.tagName.toLowerCase()")
        if kind == "checkbox":
            field.set_checked(value == "true")
        elif kind == "select":
            field.select_option(value)
        else:
            field.fill(value)


def poll(page, predicate: str, arg=None, timeout: float = 60):
    """Wait until the JavaScript predicate holds, and return what it gave (not
    wait_for_function: that one evaluates a string in the page, which the site's
    CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not (value := page.evaluate(predicate, arg)):
        assert time.monotonic() < deadline, f"timed out waiting for {predicate}"
        time.sleep(0.02)
    return value


# The answer shown for the form's values as they are now (data-json), or null:
# read in one evaluation, so that no new answer can start between reading the
# state and reading the answer; one for other values (a change not yet
# answered) is not it. The form's values are read as checker.mjs reads them.
_CURRENT_ANSWER = """previous => {
  const result = document.querySelector("[data-result]");
  const form = result?.closest("[data-checker-widget]")?.querySelector("form[data-checker]");
  if (!form || result.dataset.state !== "ready" || result.dataset.json === previous) return null;
  const values = {};
  for (const field of form.elements) {
    if (field.name) values[field.name] = field.type === "checkbox" ? String(field.checked) : field.value;
  }
  return result.dataset.values === JSON.stringify(values) ? result.dataset.json : null;
}"""


def shown_answer_text(page, previous: str | None = None, timeout: float = 60) -> str:
    """The answer's JSON text (data-json) once the page shows the answer for the
    form's values as they are now, and it differs from `previous` if given."""
    return poll(page, _CURRENT_ANSWER, previous, timeout=timeout)


def answer_of(page) -> dict:
    """The answer for the form's values as they are now, once shown."""
    return json.loads(shown_answer_text(page))


def wait_new_answer(page, previous: str | None) -> dict:
    """The answer for the form's values as they are now, once it differs from
    `previous` (a data-json text, or None)."""
    return json.loads(shown_answer_text(page, previous))


def fill_every_field(page, procedure: str, academic_year: str) -> dict:
    """Answers every question away from its default (every box ticked, the last
    option, a date in July of the academic year); returns the profile set."""
    profile = {}
    fields = page.locator(f"{form(procedure)} [name]")
    for index in range(fields.count()):
        field = fields.nth(index)
        name = field.get_attribute("name")
        kind = field.get_attribute("type") or field.evaluate("node => node.tagName.toLowerCase()")
        if kind == "checkbox":
            field.check()
            profile[name] = "true"
        elif kind == "select":
            value = field.locator("option").last.get_attribute("value")
            field.select_option(value)
            profile[name] = value
        elif kind == "date":
            value = f"{academic_year[:4]}-07-20"
            field.fill(value)
            profile[name] = value
    return profile


def instant_go(page, url: str) -> None:
    """Follow a link to `url` as a visitor clicks one: Material's instant
    navigation swaps the page's content and keeps its window."""
    page.evaluate(
        """url => {
          window.__modopLeftContent = document.querySelector(".md-content__inner");
          const link = document.createElement("a");
          link.href = url;
          document.body.append(link);
          link.click();
          link.remove();
        }""",
        url,
    )
    poll(
        page,
        """url => location.href === url && document.querySelector(".md-content__inner")
          && document.querySelector(".md-content__inner") !== window.__modopLeftContent""",
        url,
    )
