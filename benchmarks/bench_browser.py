"""How fast the checker answers in the browser, beside a bare `loadPyodide()` page.

    .venv/bin/python benchmarks/bench_browser.py [--runs 5] [--variants] [--latency MS]

Builds the bundled site (as `modop build` does), serves it on 127.0.0.1 with
tests/support/static_server.py (gzip twins served as a static host would) and
drives Debian's Chromium. Every figure is measured in the page, from its own
clock (performance.now(), zero at navigation start), median of --runs:

- bare loadPyodide: a page whose only script calls `loadPyodide()` from the
  site's own assets/pyodide/ files, in a new browser profile;
- cold: a procedure page in a new browser profile, navigation to first answer;
- form enabled: the same page, navigation to its checker's modules run (the form usable);
- warm: a click to another procedure (Material's instant navigation) to its answer;
- re-answer: a field changed to the new answer;
- bytes: response bodies sent by the server until the first answer;
- painted first: first contentful paint before the worker's script is requested;
- agenda: a click on « Ajouter à mon agenda » to the .ics file made (Python, in the worker);
- parcours: a click on « Mon parcours » to the dialog open (built from the page).

--variants adds the same page built without the memory snapshot
(MODOP_CHECKER_SNAPSHOT=0), to show what the snapshot brings. --latency
delays every request by MS (Chromium's network emulation), as a slow
network's round trip does: what the number of files asked for one after the
other costs; the targets are for localhost, and not checked then.
This is a script, not a test: it prints and exits 0, or 1 if a target is missed.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.support.chromium import CHROMIUM_ARGS, chromium_path  # noqa: E402
from tests.support.static_server import StaticServer  # noqa: E402

COLD_PAGE = "amu-iut/but1/"
WARM_PAGES = ("amu-iut/master", "amu-iut/but1")
CHECKBOX = "boursier"

BARE_HTML = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>loadPyodide()</title></head>
<body><p>loadPyodide()</p>
<script type="module">
import { loadPyodide } from "../assets/pyodide/pyodide.mjs";
await loadPyodide();
window.__benchDone = performance.now();
</script></body></html>
"""

# Installed in every page before its scripts: records, on the page's own clock,
# when each procedure's answer turns ready (the window, hence this record,
# survives Material's instant navigation).
PROBE = """
window.__bench = {firstReady: null, readyAt: {}, formEnabled: null};
new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    const node = mutation.target;
    if (mutation.type !== 'attributes' || !node.matches('[data-result]') || node.dataset.state !== 'ready') continue;
    const form = node.closest('[data-checker-widget]').querySelector('form[data-checker]');
    window.__bench.readyAt[form.dataset.checker] = performance.now();
    if (window.__bench.firstReady === null) window.__bench.firstReady = performance.now();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-state']});
new MutationObserver((mutations, observer) => {
  if (mutations.some((mutation) => mutation.target.matches('form[data-checker] fieldset:enabled'))) {
    window.__bench.formEnabled = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['disabled']});
"""

REANSWER = """
(name) => new Promise((resolve) => {
  const result = document.querySelector('[data-result]');
  const field = document.querySelector(`form[data-checker] [name="${name}"]`);
  const observer = new MutationObserver(() => {
    if (result.dataset.state === 'ready') {
      observer.disconnect();
      resolve(performance.now() - started);
    }
  });
  observer.observe(result, {attributes: true, attributeFilter: ['data-state']});
  const started = performance.now();
  field.click();
})
"""

# A click on « Ajouter à mon agenda » until the page holds the file (its Blob URL).
AGENDA = """
() => new Promise((resolve) => {
  const original = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    URL.createObjectURL = original;
    resolve(performance.now() - started);
    return original.call(URL, blob);
  };
  const started = performance.now();
  document.querySelector('[data-checker-agenda]').click();
})
"""

# A click on « Mon parcours » until its dialog is open (it is built at once), then closed.
PARCOURS = """
() => {
  const started = performance.now();
  document.querySelector('[data-checker-parcours]').click();
  const took = document.querySelector('dialog.modop-parcours[open]') ? performance.now() - started : NaN;
  document.querySelector('dialog.modop-parcours').close();
  return took;
}
"""

PAINT_AND_WORKER = """
() => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const worker = performance.getEntriesByType('resource').find(r => r.name.includes('/assets/checker/worker.mjs'));
  return {paint: paint ? paint.startTime : null, worker: worker ? worker.startTime : null};
}
"""


def build(out: Path, *, snapshot: bool) -> None:
    """The bundled site, with a site_url (Material's instant navigation needs the sitemap)."""
    from generator.site.build import build_site

    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = settings.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):  # relative to mkdocs.yml, which moves
        theme["custom_dir"] = str((REPO / theme["custom_dir"]).resolve())
    note = None
    if not settings.get("site_url"):
        settings["site_url"] = "https://modop.example/"
        note = "mkdocs.yml has no site_url: built with one, or instant navigation would be off"
    with tempfile.TemporaryDirectory(prefix="modop-bench-root-") as root:
        (Path(root) / "procedures").symlink_to(REPO / "procedures")
        (Path(root) / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
        with _environment(MODOP_CHECKER_SNAPSHOT="1" if snapshot else "0"):
            build_site(Path(root), out)
    (out / "bench-bare").mkdir()
    (out / "bench-bare" / "index.html").write_text(BARE_HTML, encoding="utf-8")
    if note:
        print(f"note: {note}", flush=True)


@contextmanager
def _environment(**values):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def new_page(context, latency: float):
    page = context.new_page()
    if latency:
        devtools = context.new_cdp_session(page)
        devtools.send("Network.enable")
        devtools.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": latency, "downloadThroughput": -1, "uploadThroughput": -1},
        )
    return page


def bare_run(browser, server: StaticServer, latency: float) -> dict:
    context = browser.new_context()
    try:
        page = new_page(context, latency)
        server.reset_counts()
        page.goto(server.url + "bench-bare/")
        poll(page, "() => window.__benchDone !== undefined")
        return {"cold": page.evaluate("window.__benchDone"), "bytes": server.bytes_sent}
    finally:
        context.close()


def our_run(browser, server: StaticServer, latency: float, *, warm: bool, reanswers: int) -> dict:
    context = browser.new_context()
    try:
        page = new_page(context, latency)
        page.add_init_script(PROBE)
        server.reset_counts()
        page.goto(server.url + COLD_PAGE)
        poll(page, "() => window.__bench.firstReady !== null")
        figures = {
            "cold": page.evaluate("window.__bench.firstReady"),
            "form": page.evaluate("window.__bench.formEnabled"),
            "bytes": server.bytes_sent,
        }
        figures.update(page.evaluate(PAINT_AND_WORKER))
        figures["warm"] = []
        if warm:
            page.evaluate("window.__benchSameTab = true")
            for procedure in WARM_PAGES:
                link = page.locator(f".md-sidebar--primary a[href$='/{procedure}/']:visible").first
                figures["warm"].append(navigate_by_link(page, link, procedure, link.click))
            figures["instant"] = page.evaluate("window.__benchSameTab === true")  # no full page load
            figures["workers"] = page.evaluate("window.modopChecker.workersStarted")
        figures["reanswer"] = [page.evaluate(REANSWER, CHECKBOX) for _ in range(reanswers)]
        figures["agenda"] = [page.evaluate(AGENDA) for _ in range(3)] if warm else []
        figures["parcours"] = [page.evaluate(PARCOURS) for _ in range(3)] if warm else []
        booted = page.evaluate("window.modopChecker.booted")
        figures["snapshot"] = bool(booted and booted["snapshot"])
        figures["phases"] = {**(booted or {}).get("phases", {}), "booted": (booted or {}).get("ms")}
        return figures
    finally:
        context.close()


def navigate_by_link(page, link, key: str, activate, timeout: float = 120) -> float:
    """ms from the click on `link` (`activate` clicks or taps it) to procedure `key`'s answer
    ready, on the page's clock (the page has PROBE)."""
    link.evaluate(
        "(a, key) => { delete window.__bench.readyAt[key]; a.addEventListener('click', () => {"
        " window.__benchClick = performance.now(); }, {capture: true, once: true}); }",
        key,
    )
    activate()
    poll(page, "key => window.__bench.readyAt[key] !== undefined", key, timeout)
    return page.evaluate("key => window.__bench.readyAt[key] - window.__benchClick", key)


def poll(page, predicate: str, arg=None, timeout: float = 120, every_ms: float = 10) -> None:
    """Wait until the predicate holds, evaluated from outside the page: the site's
    Content-Security-Policy forbids wait_for_function's string evaluation. The
    figures themselves are taken by the page's clock, not by this polling."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate, arg):
        if time.monotonic() > deadline:
            raise TimeoutError(predicate)
        time.sleep(every_ms / 1000)


def median(values) -> float:
    return statistics.median(values) if values else float("nan")


def spread(values) -> str:
    if not values:
        return "-"
    return f"{median(values):7.0f} ms  ({min(values):.0f}–{max(values):.0f})"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold runs of each page (default 5)")
    parser.add_argument("--variants", action="store_true", help="also measure the page without the memory snapshot")
    parser.add_argument("--latency", type=float, default=0, help="ms added to every request (default 0)")
    args = parser.parse_args(argv)

    executable = chromium_path()
    if executable is None:
        print("Debian's chromium is not on PATH: apt-get install chromium (./dev.sh test installs it)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="modop-bench-") as work:
        sites = {"ours": Path(work) / "site"}
        print("Building the site…", flush=True)
        build(sites["ours"], snapshot=True)
        if args.variants:
            sites["no snapshot"] = Path(work) / "site-no-snapshot"
            build(sites["no snapshot"], snapshot=False)

        results: dict[str, list[dict]] = {name: [] for name in ["bare", *sites]}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            servers = {name: StaticServer(path) for name, path in sites.items()}
            for server in servers.values():
                server.__enter__()
            try:
                # Interleaved, so that the machine's load weighs alike on every page.
                for run in range(args.runs):
                    print(f"run {run + 1}/{args.runs}", flush=True)
                    results["bare"].append(bare_run(browser, servers["ours"], args.latency))
                    for name, server in servers.items():
                        main_page = name == "ours"
                        results[name].append(
                            our_run(browser, server, args.latency, warm=main_page, reanswers=10 if main_page else 0)
                        )
            finally:
                for server in servers.values():
                    server.__exit__(None, None, None)
                browser.close()

    return report(results, args.runs, args.latency)


def report(results: dict, runs: int, latency: float) -> int:
    bare = median([r["cold"] for r in results["bare"]])
    ours = results["ours"]
    cold = median([r["cold"] for r in ours])
    warm = [w for r in ours for w in r["warm"]]
    reanswer = [v for r in ours for v in r["reanswer"][1:]]  # the first one may still load a module
    painted_first = all(r["paint"] is not None and r["worker"] is not None and r["paint"] < r["worker"] for r in ours)

    print()
    network = f"localhost + {latency:.0f} ms per request" if latency else "localhost"
    print(f"Checker in Chromium, {network}, {os.cpu_count()} cores, median of {runs} runs (min–max)")
    print(f"{'':34}{'time':>10}          {'bytes':>12}")
    print(f"{'bare loadPyodide(), cold':34}{spread([r['cold'] for r in results['bare']])}  {_mb(results['bare'])}")
    for name, label in (("ours", "our page, cold (first answer)"), ("no snapshot", "our page without snapshot, cold")):
        if name in results:
            print(f"{label:34}{spread([r['cold'] for r in results[name]])}  {_mb(results[name])}")
    print(f"{'our page, cold (form enabled)':34}{spread([r['form'] for r in ours])}")
    print(f"{'our page, warm (instant nav.)':34}{spread(warm)}")
    print(f"{'our page, re-answer':34}{spread(reanswer)}")
    print(f"{'« Ajouter à mon agenda » → .ics':34}{spread([v for r in ours for v in r['agenda']])}")
    print(f"{'« Mon parcours » → open':34}{spread([v for r in ours for v in r['parcours']])}")
    print(f"{'first paint → worker requested':34}"
          f"{median([r['paint'] for r in ours]):7.0f} ms → {median([r['worker'] for r in ours]):.0f} ms")
    phases = {key: median([r["phases"][key] for r in ours if key in r["phases"]]) for key in ours[0]["phases"]}
    print("in the worker, ms after it started: " + ", ".join(f"{key} {value:.0f}" for key, value in phases.items()))
    print(f"snapshot used: {all(r['snapshot'] for r in ours)}; "
          f"instant navigation kept the tab: {all(r.get('instant') for r in ours)}; "
          f"workers per tab: {max(r.get('workers', 0) for r in ours)}")

    checks = [
        (f"cold ≤ 0.6 × bare ({cold:.0f} ≤ {0.6 * bare:.0f} ms, ratio {cold / bare:.2f})", cold <= 0.6 * bare),
        (f"warm < 150 ms ({median(warm):.0f} ms)", median(warm) < 150),
        (f"re-answer < 50 ms ({median(reanswer):.0f} ms)", median(reanswer) < 50),
        ("page painted before the interpreter starts loading", painted_first),
    ]
    print()
    if latency:
        print("targets not checked: they are for localhost, without --latency")
        return 0
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return 0 if all(ok for _, ok in checks) else 1


def _mb(runs: list[dict]) -> str:
    return f"{median([r['bytes'] for r in runs]) / 1e6:9.2f} MB"


if __name__ == "__main__":
    sys.exit(main())
