"""The checker in Chromium, whatever the address's `?at=` and the fields hold:
an answer, or a French message that names what to correct, never the name of
a Python error. Hypothesis draws the instants and the values; each goes
through the page's own entry to the calculator (worker_client.mjs's request,
which the widget calls and whose error it shows as « Réponse impossible : … »),
in one page that is never reloaded."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.paris_time import FIRST_YEAR, LAST_YEAR
from tests.support.site_audit import answer_of
from tests.support.user_messages import FOREIGN, FIX

EXAMPLES = 200
PROCEDURE = "amu-iut/but1"

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=24)
INSTANTS = st.one_of(
    st.datetimes().map(lambda moment: moment.isoformat(timespec="minutes")),
    st.builds(
        "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}{}".format,
        st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32), st.integers(0, 25), st.integers(0, 61),
        st.sampled_from(["", "Z", "+00:00", "+02:00", "-23:59", "+24:00", "+14:00", "+01:30:15"]),
    ),
    st.sampled_from(["0001-01-01T00:00", "9999-12-31T23:59+00:00", "9999-12-31T23:00Z", "2024-03-31T02:30", "2024-10-27T02:30", "demain"]),
    TEXT,
)
VALUES = st.fixed_dictionaries(
    {},
    optional={
        "boursier": st.one_of(st.sampled_from(["true", "false"]), TEXT),
        "regime": st.one_of(st.sampled_from(["initiale", "apprentissage", ""]), TEXT),
        "date_acceptation": st.one_of(st.sampled_from(["", "2024-07-20", "22024-03-10", "0001-01-01", "2024-02-30"]), TEXT),
        "inconnu": TEXT,
    },
)

# Through the page's own modules (the same worker as its widget's).
ASK = """async ([at, values, procedure]) => {
  const entry = document.querySelector("script[src$='checker.mjs']").src;
  const { request } = await import(new URL("worker_client.mjs", entry).href);
  const reply = await request({
    key: procedure,
    procedureUrl: new URL(`../../data/${procedure}.json`, entry).href,
    values,
    at,
  });
  return { ok: reply.ok, json: reply.json || null, error: reply.error || null };
}"""


def test_generated_instants_and_values_give_an_answer_or_a_french_message(visit):
    tab = visit()
    page = tab.goto(f"{PROCEDURE}/?at=2024-07-25T10:00")
    answer_of(page)  # the calculator runs in this tab
    seen = {"answers": 0, "messages": 0}

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(at=INSTANTS, values=VALUES)
    def ask(at, values):
        reply = page.evaluate(ASK, [at, values, PROCEDURE])
        if reply["ok"]:
            seen["answers"] += 1
            answer = json.loads(reply["json"])
            assert FIRST_YEAR <= int(answer["at"][:4]) <= LAST_YEAR, answer["at"]
        else:
            seen["messages"] += 1
            error = reply["error"]
            assert not FOREIGN.search(error), (at, values, error)
            assert FIX.search(error), (at, values, error)

    ask()
    print(f"\n?at= fuzz: {seen['answers']} answers, {seen['messages']} French messages")
    assert not tab.errors
