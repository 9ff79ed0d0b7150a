"""The memory snapshot holds every module the checker uses: restored in Chromium with
neither the standard library's zip nor the checker's own, the worker answers every
procedure, in words, and makes its calendar, exactly as checks.worker_bridge does in CPython."""
from __future__ import annotations

import json

from checks import worker_bridge
from tests.support.site_audit import answer_of, procedure_data, site_procedures

ZIPS = ("**/assets/checker/stdlib.*.zip", "**/assets/checker/checks.*.zip")
PAGE_URL = "https://modop.example/page/"

# Sends each request to the page's worker and gathers the replies, in order.
ASK_WORKER = """async (requests) => {
  const worker = window.modopChecker.worker;
  const replies = [];
  for (const [index, request] of requests.entries()) {
    const id = 1e6 + index; // not an id worker_client.mjs uses
    replies.push(await new Promise((resolve) => {
      const listener = (event) => {
        if (event.data.id !== id) return;
        worker.removeEventListener("message", listener);
        resolve(event.data);
      };
      worker.addEventListener("message", listener);
      worker.postMessage({ id, ...request });
    }));
  }
  return replies;
}"""


def profiles(questions: list[str], year: int) -> list[dict]:
    """No answer, then each question answered away from the form's default, one at a time."""
    found = [{}]
    for key in questions:
        if key == "regime":
            found += [{key: value} for value in ("apprentissage", "contrat_pro", "formation_continue")]
        elif key == "echeances":
            found += [{key: value} for value in ("3", "5")]
        elif key == "date_acceptation":
            found += [{key: f"{year}-06-15"}, {key: f"{year}-07-20"}]
        else:
            found.append({key: "true"})
    return found


def without_stamp(ics: str) -> str:
    return "".join(line for line in ics.splitlines(keepends=True) if not line.startswith("DTSTAMP"))


def test_the_restored_snapshot_answers_everything_without_the_zips(visit, site_dir, site_server):
    tab = visit()
    for pattern in ZIPS:
        tab.context.route(pattern, lambda route: route.abort())
    page = tab.goto("amu-iut/but1/?at=2024-07-10T10:00")
    answer_of(page)
    assert page.evaluate("window.modopChecker.booted.snapshot") is True

    requests, expected = [], []
    for procedure in site_procedures(site_dir):
        compiled = procedure_data(site_dir, procedure)
        year = int(compiled["academic_year"][:4])
        text = json.dumps(compiled, ensure_ascii=False)
        for profile in profiles(compiled["questions"], year):
            at = f"{year}-07-10T10:00"
            requests.append({"key": procedure, "procedureUrl": f"{site_server.url}data/{procedure}.json",
                             "values": profile, "at": at})
            expected.append(json.loads(worker_bridge.answer(procedure, text, json.dumps(profile), at)))
    replies = page.evaluate(ASK_WORKER, requests)
    assert len(replies) == len(expected) > 50
    for request, reply, wanted in zip(requests, replies, expected):
        reply.pop("id")
        assert reply == wanted, (request["key"], request["values"])

    calendars = [{"kind": "calendar", "key": request["key"], "json": reply["json"], "pageUrl": PAGE_URL}
                 for request, reply in zip(requests, replies) if reply["ok"]]
    made = page.evaluate(ASK_WORKER, calendars)
    for calendar, reply in zip(calendars, made):
        assert reply["ok"], reply
        wanted = worker_bridge.calendar(calendar["key"], calendar["json"], PAGE_URL)
        assert without_stamp(reply["ics"]) == without_stamp(wanted), calendar["key"]

    asked = [url for url in tab.requests if "/assets/checker/stdlib." in url or "/assets/checker/checks." in url]
    assert asked == [], "the snapshot's worker asks for neither zip"
    assert not tab.errors


def snapshot_file(site_dir):
    return next((site_dir / "assets" / "checker").glob("snapshot.*.bin"))


def test_a_host_without_twins_gets_the_snapshot_from_its_gzip_twin(visit, site_dir):
    """The snapshot sent as it is (no Content-Encoding): the worker asks for the .gz twin and inflates it."""
    tab = visit()
    raw = snapshot_file(site_dir).read_bytes()
    tab.context.route("**/assets/checker/snapshot.*.bin", lambda route: route.fulfill(
        status=200, body=raw, headers={"Content-Type": "application/octet-stream"}))
    page = tab.goto("amu-iut/but1/?at=2024-07-10T10:00")
    answer_of(page)
    assert page.evaluate("window.modopChecker.booted.snapshot") is True
    assert any(url.endswith(f"{snapshot_file(site_dir).name}.gz") for url in tab.requests)


def test_a_snapshot_that_does_not_match_pyodide_starts_python_from_scratch(visit, site_dir):
    """Its pages taken from Pyodide's fresh memory fail their checksum: a plain start, the same answer."""
    tab = visit()
    packed = bytearray(snapshot_file(site_dir).read_bytes())
    packed[20:24] = bytes(byte ^ 0xFF for byte in packed[20:24])  # the checksum
    tab.context.route("**/assets/checker/snapshot.*.bin", lambda route: route.fulfill(
        status=200, body=bytes(packed), headers={"Content-Type": "application/octet-stream", "Content-Encoding": "identity"}))
    page = tab.goto("amu-iut/but1/?at=2024-07-10T10:00")
    answer = answer_of(page)
    assert page.evaluate("window.modopChecker.booted.snapshot") is False
    restored = visit().goto("amu-iut/but1/?at=2024-07-10T10:00")
    assert answer_of(restored) == answer
    assert restored.evaluate("window.modopChecker.booted.snapshot") is True
