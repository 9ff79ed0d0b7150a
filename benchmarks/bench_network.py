"""The checker as a student on a phone gets it: over HTTPS, network and CPU emulated.

    .venv/bin/python benchmarks/bench_network.py [--runs 3] [--profiles fibre,4g,slow4g]
                                                 [--site [LABEL=]DIR]... [--variants]

Builds the bundled site as bench_browser.py does (or takes built sites, --site
DIR once per site, to compare builds in one run), serves it over HTTPS on
127.0.0.1 (https_static_server.py: the build's .br/.gz twins, HTTP/1.1
keep-alive) and drives Debian's Chromium as a phone (390×844, device scale 3,
touch, a mobile user agent), with the network and the CPU emulated through the
DevTools protocol:

    fibre     5 ms latency, 100 Mbit/s down and up, CPU ×1
    4G        60 ms, 9 Mbit/s down, 1.5 Mbit/s up, CPU ×2
    slow 4G   150 ms, 1.6 Mbit/s down, 0.75 Mbit/s up, CPU ×4

For each profile, --runs times, the two pages alternately (which goes first
changes run by run), each in a new browser profile with its HTTP cache off:

- checker: navigation start to the first `[data-result][data-state=ready]` of
  clermont-inp/doctorat-edspi/, on the page's clock, with its first contentful
  paint, when its form is usable and the phases the worker posts (`booted.phases`);
- bare: a page whose only script calls `loadPyodide()` from the site's own
  assets/pyodide/, to the promise resolved;
- bytes: the encoded bodies of the responses the page and its workers had
  received by that instant, from the DevTools Network events (Chromium
  reports no body for a worker's own script: worker.mjs's 3 kB and Material's
  search worker's 40 kB are not counted);
- instant navigation: on the checker's tab, a tap on the footer's link to
  another procedure (Material's instant navigation) to its answer;
- repeat visit: a new tab in the same profile, HTTP cache warm, to the first
  answer (a tab with the cache off stores nothing, so a tab with the cache on
  loads the page once in between, unmeasured);
- from the institution page: a new profile, HTTP cache on, opens
  clermont-inp/ (no checker), waits until it is idle and its prefetch links (if
  any) are in, then taps its link to the doctorate page: from the tap to the answer.

What the emulation leaves out: DevTools delays each response by the latency
and shares the bandwidth, but models neither TCP slow start nor TLS round
trips; its CPU throttling slows the page's thread only (the protocol refuses it
on a worker), so the checker's Python, in a worker, runs at the machine's speed
while the bare page's, on the page's thread, is slowed.

Prints one table, the per-phase timings and downloads of each page, and whether
the issue's target is met. It asserts nothing: it exits 0 whatever it measures.
"""
from __future__ import annotations

import argparse
import functools
import re
import signal
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bench_browser import BARE_HTML, PAINT_AND_WORKER, PROBE, build, median, navigate_by_link, poll
from tests.support.chromium import CHROMIUM_ARGS, chromium_path  # the repo is put on sys.path by bench_browser
from https_static_server import HttpsStaticServer, self_signed_certificate

CHECKER_PAGE = "clermont-inp/doctorat-edspi/"
NEXT_PROCEDURE = "clermont-inp/isima-apprentissage"  # the doctorate page's footer links to it
INSTITUTION_PAGE = "clermont-inp/"  # no checker; links to the doctorate page
# Once a page has loaded: its prefetch links (the runtime's files, when the widget's script is
# on every page) all complete, or none. Resource Timing lists prefetches too.
PREFETCHED = """() => document.readyState === 'complete' && [...document.querySelectorAll('link[rel=prefetch]')]
  .every((link) => performance.getEntriesByName(link.href).some((entry) => entry.responseEnd > 0))"""
IDLE_S = 1  # after the load, for the widget to ask for its prefetches when idle
BARE_PAGE = "bench-bare/"
WORKER_SCRIPT = "/assets/checker/worker.mjs"
# Each look from outside takes the page's thread a moment, where the bare page starts Python: seldom.
POLL_MS = 100

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "locale": "fr-FR",
    "timezone_id": "Europe/Paris",
}
PHONE_USER_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                    "Chrome/{major}.0.0.0 Mobile Safari/537.36")

# The target: first answer at most this many times the bare loadPyodide(), by profile,
# with no more bytes than the bare page.
TARGET_RATIOS = {"4g": 0.8, "fibre": 0.5}


@dataclass(frozen=True)
class Profile:
    key: str
    name: str
    latency_ms: float
    down_mbit: float
    up_mbit: float
    cpu: float

    def network_conditions(self) -> dict:
        return {"offline": False, "latency": self.latency_ms,
                "downloadThroughput": self.down_mbit * 1e6 / 8, "uploadThroughput": self.up_mbit * 1e6 / 8}

    @property
    def timeout_s(self) -> float:
        """Bound on one page's wait: a minute, plus three times what 14 MB take at this speed."""
        return 60 + 3 * 14e6 * 8 / (self.down_mbit * 1e6)


PROFILES = {profile.key: profile for profile in (
    Profile("fibre", "fibre", 5, 100, 100, 1),
    Profile("4g", "4G", 60, 9, 1.5, 2),
    Profile("slow4g", "slow 4G", 150, 1.6, 0.75, 4),
)}

# What a download is, by its URL: the first match names it.
KINDS = (
    ("snapshot", "/assets/checker/snapshot."),
    ("wasm", ".wasm"),
    ("stdlib zip", "stdlib"),
    ("Pyodide's scripts", "/assets/pyodide/"),
    ("checker code", "/assets/checker/"),
    ("procedure data", "/data/"),
    ("search", "/search/"),
    ("search", "/assets/javascripts/workers/"),
    ("search", "/assets/javascripts/lunr/"),
)
OTHER_KIND = "page (HTML, CSS, Material's JS)"


def kind_of(url: str) -> str:
    return next((kind for kind, part in KINDS if part in url), OTHER_KIND)


class Tab:
    """A new tab with the profile's network and CPU emulated through its DevTools session, and
    every response of the page and of its workers recorded (Playwright reads them from the
    DevTools Network events of every target it attaches, workers included)."""

    def __init__(self, context, profile: Profile, *, cache: bool):
        self.page = context.new_page()
        self.page.add_init_script(PROBE)
        self._finished = []
        self.page.on("requestfinished", lambda request: self._finished.append(request))
        session = context.new_cdp_session(self.page)
        session.send("Network.enable")
        # The page's requests; a worker's come from a new profile's empty cache.
        session.send("Network.setCacheDisabled", {"cacheDisabled": not cache})
        session.send("Network.emulateNetworkConditions", profile.network_conditions())
        session.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu})

    def open(self, url: str, timeout_s: float) -> None:
        self.page.goto(url, timeout=timeout_s * 1000)

    def close(self) -> None:
        self.page.close()

    def downloads_until(self, page_ms: float) -> list[dict]:
        """Each response complete by `page_ms`, on the page's clock: its encoded body's bytes and
        its start and end (the browser's wall clock against the page's time origin: ±5 ms)."""
        origin = self.page.evaluate("performance.timeOrigin")
        rows = []
        for request in self._finished:
            timing = request.timing
            start, end = timing["startTime"] - origin, timing["startTime"] + timing["responseEnd"] - origin
            if request.url.startswith("data:") or end > page_ms:
                continue
            response = request.response()
            rows.append({"url": request.url, "kind": kind_of(request.url), "start": start, "end": end,
                         "bytes": request.sizes()["responseBodySize"],
                         "encoding": response.headers.get("content-encoding", "") if response else ""})
        return rows


def phone_context(browser):
    major = browser.version.split(".")[0]
    return browser.new_context(**PHONE, user_agent=PHONE_USER_AGENT.format(major=major))


def first_answer(tab: Tab, url: str, profile: Profile) -> dict:
    """Open the checker page in `tab`: its first answer, bytes until then and how it got there."""
    tab.open(url, profile.timeout_s)
    poll(tab.page, "() => window.__bench.firstReady !== null", timeout=profile.timeout_s, every_ms=POLL_MS)
    answer = tab.page.evaluate("window.__bench.firstReady")
    downloads = tab.downloads_until(answer)
    figures = {"answer": answer, "bytes": sum(row["bytes"] for row in downloads), "downloads": downloads,
               "form": tab.page.evaluate("window.__bench.formEnabled")}
    figures.update(tab.page.evaluate(PAINT_AND_WORKER))
    booted = tab.page.evaluate("window.modopChecker.booted") or {}
    figures["snapshot"] = bool(booted.get("snapshot"))
    figures["phases"] = dict(booted.get("phases", {}))
    worker = next((worker for worker in tab.page.workers if WORKER_SCRIPT in worker.url), None)
    if worker is not None:  # the worker's clock starts later than the page's
        figures["worker_origin"] = worker.evaluate("performance.timeOrigin") - tab.page.evaluate("performance.timeOrigin")
    return figures


def checker_run(browser, server: HttpsStaticServer, profile: Profile) -> dict:
    """Cold first answer, then instant navigation in the same tab, then a repeat visit."""
    context = phone_context(browser)
    url = server.url + CHECKER_PAGE
    try:
        cold = Tab(context, profile, cache=False)
        figures = first_answer(cold, url, profile)
        cold.page.evaluate("window.__benchSameTab = true")
        link = cold.page.locator(f".md-footer a[href$='/{NEXT_PROCEDURE}/']").first
        # A site built without site_url loads the whole page instead: no figure, the rest goes on.
        figures["instant"] = measured("instant navigation", functools.partial(
            navigate_by_link, cold.page, link, NEXT_PROCEDURE, link.tap, profile.timeout_s))
        figures["kept_tab"] = measured("instant navigation", lambda: cold.page.evaluate("window.__benchSameTab === true"))
        cold.close()
        filling = Tab(context, profile, cache=True)
        first_answer(filling, url, profile)
        filling.close()
        repeat = first_answer(Tab(context, profile, cache=True), url, profile)
        figures["repeat"], figures["repeat_bytes"] = repeat["answer"], repeat["bytes"]
    finally:
        context.close()
    figures.update(measured("from the institution page", functools.partial(from_institution, browser, server, profile)) or {})
    return figures


def from_institution(browser, server: HttpsStaticServer, profile: Profile) -> dict:
    """A new profile opens the institution's page (no checker), stays until it is idle and its
    prefetches are in, then taps the link to the doctorate page: that page's answer, from the tap."""
    context = phone_context(browser)
    try:
        tab = Tab(context, profile, cache=True)
        tab.open(server.url + INSTITUTION_PAGE, profile.timeout_s)
        poll(tab.page, "() => document.readyState === 'complete'", timeout=profile.timeout_s, every_ms=POLL_MS)
        time.sleep(IDLE_S)
        poll(tab.page, PREFETCHED, timeout=profile.timeout_s, every_ms=POLL_MS)
        prefetched = tab.page.evaluate("document.querySelectorAll('link[rel=prefetch]').length")
        link = tab.page.locator(f".md-content a[href$='{CHECKER_PAGE.rsplit('/', 2)[-2]}/']").first
        answer = navigate_by_link(tab.page, link, CHECKER_PAGE.rstrip("/"), link.tap, profile.timeout_s)
        return {"from_institution": answer, "prefetched": prefetched}
    finally:
        context.close()


def bare_run(browser, server: HttpsStaticServer, profile: Profile) -> dict:
    context = phone_context(browser)
    try:
        tab = Tab(context, profile, cache=False)
        tab.open(server.url + BARE_PAGE, profile.timeout_s)
        poll(tab.page, "() => window.__benchDone !== undefined", timeout=profile.timeout_s, every_ms=POLL_MS)
        done = tab.page.evaluate("window.__benchDone")
        downloads = tab.downloads_until(done)
        return {"answer": done, "bytes": sum(row["bytes"] for row in downloads), "downloads": downloads}
    finally:
        context.close()


def measured(what: str, run):
    """run(), or None if the page did not get there in time or went away (the benchmark goes on)."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        return run()
    except (TimeoutError, PlaywrightError) as error:
        print(f"  {what}: not measured ({str(error).splitlines()[0]})", flush=True)
        return None


def parse_sites(values: list[str]) -> dict[str, Path]:
    """--site [LABEL=]DIR values, labelled (by DIR as written when no LABEL); ValueError if one is no site."""
    sites = {}
    for value in values:
        label, _, directory = value.partition("=") if re.match(r"^[^/=]+=", value) else ("", "", value)
        path = Path(directory).resolve()
        missing = [part for part in (CHECKER_PAGE + "index.html", "assets/pyodide/pyodide.mjs") if not (path / part).is_file()]
        if missing:
            raise ValueError(f"--site {value}: not a built modop site ({', '.join(missing)} missing)")
        sites[label or directory] = path
    return sites


def parse_profiles(value: str) -> list[Profile]:
    keys = [re.sub(r"[\s_-]", "", key.lower()) for key in value.split(",") if key.strip()]
    unknown = [key for key in keys if key not in PROFILES]
    if unknown or not keys:
        raise argparse.ArgumentTypeError(f"unknown profile {', '.join(unknown)}; choose among {', '.join(PROFILES)}")
    return [PROFILES[key] for key in keys]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold runs of each page per profile (default 3)")
    parser.add_argument("--profiles", type=parse_profiles, default=list(PROFILES.values()),
                        help=f"comma-separated, among {', '.join(PROFILES)} (default: all)")
    parser.add_argument("--site", action="append", default=[], metavar="[LABEL=]DIR",
                        help="a site already built (repeat to compare builds); default: build the bundled site")
    parser.add_argument("--variants", action="store_true",
                        help="also build the bundled site without the memory snapshot (MODOP_CHECKER_SNAPSHOT=0)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    executable = chromium_path()
    if executable is None:
        print("Debian's chromium is not on PATH: apt-get install chromium (./dev.sh test installs it)", file=sys.stderr)
        return 2
    try:
        sites = parse_sites(args.site)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    # SIGTERM unwinds like Ctrl-C, so that the browser, the driver and the servers are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    with tempfile.TemporaryDirectory(prefix="modop-bench-network-") as work:
        if not sites or args.variants:
            print("Building the site…", flush=True)
        if not sites:
            sites["built now"] = Path(work) / "site"
            build(sites["built now"], snapshot=True)
        if args.variants:
            sites["no snapshot"] = Path(work) / "site-no-snapshot"
            build(sites["no snapshot"], snapshot=False)
        results = measure(executable, sites, args.profiles, args.runs)
    report(results, sites, args.profiles, args.runs)
    return 0


def measure(executable: str, sites: dict[str, Path], profiles: list[Profile], runs: int) -> dict:
    """{"runs": {(site label, profile key, "checker" or "bare"): [record or None per run]}, "browser": version}"""
    from playwright.sync_api import sync_playwright

    results = {"runs": {}}
    pages = {"/" + BARE_PAGE: BARE_HTML}
    certificate = self_signed_certificate()
    with ExitStack() as stack:
        servers = {label: stack.enter_context(HttpsStaticServer(path, certificate, pages=pages))
                   for label, path in sites.items()}
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=executable, args=[
            *CHROMIUM_ARGS, "--ignore-certificate-errors",
            f"--ignore-certificate-errors-spki-list={certificate.spki_sha256}"])
        stack.callback(browser.close)
        results["browser"] = browser.version
        for profile in profiles:
            for run in range(runs):
                print(f"{profile.name}: run {run + 1}/{runs}", flush=True)
                for label, server in servers.items():
                    # Alternated run by run, so that neither page always goes first.
                    for page in ("checker", "bare") if run % 2 == 0 else ("bare", "checker"):
                        visit = checker_run if page == "checker" else bare_run
                        record = measured(f"{label}, {page}", functools.partial(visit, browser, server, profile))
                        results["runs"].setdefault((label, profile.key, page), []).append(record)
    return results


def report(results: dict, sites: dict[str, Path], profiles: list[Profile], runs: int) -> None:
    def records(label, profile, page):
        return [r for r in results["runs"].get((label, profile.key, page), []) if r is not None]

    def figure(label, profile, page, key):
        return median([r[key] for r in records(label, profile, page) if r.get(key) is not None])

    print()
    print(f"The checker on a phone (Chromium {results['browser']}, 390×844, HTTPS, HTTP/1.1 keep-alive,"
          f" no HTTP/2), median of {runs} runs")
    print("Bytes: encoded bodies of the responses the page and its workers had received by then.")
    header = ["profile", "checker first answer", "bare loadPyodide", "ratio", "checker bytes", "bare bytes",
              "repeat visit", "instant navigation", "from institution page"]
    several = len(sites) > 1
    rows = []
    for label in sites:
        for profile in profiles:
            checker, bare = figure(label, profile, "checker", "answer"), figure(label, profile, "bare", "answer")
            rows.append([
                *([label] if several else []), profile.name, _duration(checker), _duration(bare), _ratio(checker, bare),
                _bytes(figure(label, profile, "checker", "bytes")), _bytes(figure(label, profile, "bare", "bytes")),
                _duration(figure(label, profile, "checker", "repeat")), _duration(figure(label, profile, "checker", "instant")),
                _duration(figure(label, profile, "checker", "from_institution")),
            ])
    _table([*(["site"] if several else []), *header], rows, left=2 if several else 1)

    print("Emulated: DevTools delays each response by the latency and shares the bandwidth (no TCP slow start,"
          " no TLS round trips); its CPU throttling slows the page's thread only, not workers, where the"
          " checker's Python runs (the bare page's runs on the page's thread).")

    for label in sites:
        for profile in profiles:
            details(label, profile, records(label, profile, "checker"), records(label, profile, "bare"))

    print()
    print("Target (the issue): first answer ≤ 0.8 × bare loadPyodide() on 4G and ≤ 0.5 × on fibre,"
          " with checker bytes ≤ bare bytes")
    for label in sites:
        verdicts = []  # (text, True, False or None when not measured)
        for key, limit in TARGET_RATIOS.items():
            profile = PROFILES[key]
            ratio = figure(label, profile, "checker", "answer") / figure(label, profile, "bare", "answer")
            verdicts.append((f"{profile.name} ratio {_ratio(ratio, 1)} ≤ {limit}", None if ratio != ratio else ratio <= limit))
        checker_bytes = median([r["bytes"] for p in profiles for r in records(label, p, "checker")])
        bare_bytes = median([r["bytes"] for p in profiles for r in records(label, p, "bare")])
        verdicts.append((f"bytes {_bytes(checker_bytes)} ≤ {_bytes(bare_bytes)}",
                         None if checker_bytes != checker_bytes or bare_bytes != bare_bytes else checker_bytes <= bare_bytes))
        words = {True: "met", False: "not met", None: "not measured"}
        oks = [ok for _, ok in verdicts]
        overall = "not met" if False in oks else ("not measured" if None in oks else "met")
        print(f"  {label}: " + "; ".join(f"{text} {words[ok]}" for text, ok in verdicts) + f" → {overall}")


def details(label: str, profile: Profile, checker: list[dict], bare: list[dict]) -> None:
    print()
    print(f"{profile.name}, {label}: {len(checker)} checker and {len(bare)} bare runs measured")
    if checker:
        print(f"  checker page: first paint {_ms(checker, 'paint')}, form usable at {_ms(checker, 'form')},"
              f" worker requested at {_ms(checker, 'worker')}, first answer {_ms(checker, 'answer')}; snapshot used in {sum(r['snapshot'] for r in checker)}"
              f" of {len(checker)}; instant navigation kept the tab in {sum(bool(r.get('kept_tab')) for r in checker)}"
              f"; repeat visit received {_bytes(median([r['repeat_bytes'] for r in checker]))}"
              f"; the institution page prefetched {median([r['prefetched'] for r in checker if 'prefetched' in r]):.0f} files")
        origin = median([r["worker_origin"] for r in checker if "worker_origin" in r])
        phase_names = list(dict.fromkeys(name for r in checker for name in r["phases"]))
        print("  worker phases, ms on the page's clock (worker start + the phase it posts): "
              + ", ".join(f"{name} {origin + median([r['phases'][name] for r in checker if name in r['phases']]):.0f}"
                          for name in phase_names))
        downloads_table("checker", checker)
    if bare:
        downloads_table("bare loadPyodide()", bare)


def downloads_table(what: str, runs: list[dict]) -> None:
    """The median download of each URL (bytes, start → end on the page's clock), largest first, then by kind."""
    by_url: dict[str, list[dict]] = {}
    for run in runs:
        for row in run["downloads"]:
            by_url.setdefault(row["url"], []).append(row)
    rows, kinds = [], {}
    for url, seen in by_url.items():
        size = median([row["bytes"] for row in seen])
        kinds[seen[0]["kind"]] = kinds.get(seen[0]["kind"], 0) + size
        if size >= 20_000:
            path = urlsplit(url).path
            rows.append((size, [path.rsplit("/", 1)[-1] or path, seen[0]["kind"], _bytes(size),
                                seen[0]["encoding"] or "none", f"{median([row['start'] for row in seen]):.0f}",
                                f"{median([row['end'] for row in seen]):.0f}"]))
    print(f"  {what}, downloads of 20 kB or more (ms on the page's clock):")
    _table(["file", "kind", "bytes", "encoding", "start", "end"], [row for _, row in sorted(rows, key=lambda r: -r[0])],
           indent="    ", left=2)
    print("    by kind: " + ", ".join(f"{kind} {_bytes(size)}" for kind, size in sorted(kinds.items(), key=lambda k: -k[1])))


def _table(header: list[str], rows: list[list[str]], indent: str = "", left: int = 1) -> None:
    """Columns separated by |, the first `left` ones aligned left, the others right."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    for cells in (header, ["-" * width for width in widths], *rows):
        print(indent + " | ".join(str(cell).ljust(width) if i < left else str(cell).rjust(width)
                                  for i, (cell, width) in enumerate(zip(cells, widths))))


def _ms(runs: list[dict], key: str) -> str:
    return _duration(median([r[key] for r in runs if r.get(key) is not None]))


def _duration(ms: float) -> str:
    if ms != ms:  # NaN: nothing measured
        return "-"
    return f"{ms:.0f} ms" if ms < 1000 else f"{ms / 1000:.2f} s"


def _ratio(a: float, b: float) -> str:
    return "-" if a != a or b != b else f"{a / b:.2f}"


def _bytes(size: float) -> str:
    if size != size:
        return "-"
    return f"{size / 1e6:.2f} MB" if size >= 100_000 else f"{size / 1e3:.0f} kB"


if __name__ == "__main__":
    sys.exit(main())
