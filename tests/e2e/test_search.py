"""The site's search, opened as a visitor opens it (the « / » key), on each engine's site.

Material's search and Zensical's are two programs: Material's runs lunr with
French stemming (`search: lang: fr`); Zensical's ignores `lang` and matches
prefixes with accents folded, in an interface of its own that speaks English
and inserts its style at run time, which the Content Security Policy allows by
hash (generator/site/zensical_build.py). A Zensical release that changes that
style shows here as a CSP report.

axe-core is not run over the open search: both interfaces fail colour contrast
there (README, « Les deux moteurs »).
"""
from __future__ import annotations

import pytest

from tests.support.site_audit import CSP_RECORDER, csp_reports

# Each engine's result links (Zensical's are in an open shadow root, which CSS locators cross).
RESULTS = {"mkdocs": "a.md-search-result__link", "zensical": "[role='listbox'] a[role='option']"}

# When the search is ready for a query. Material's worker builds its lunr index
# from search_index.json (seconds on a loaded machine): until then its result
# line says « Initialisation de la recherche »; from then on it reads the query
# at each key's release only (a keyup), not at an input event. Zensical's page fetches search.json
# itself and drops a query typed before it arrived (no result ever, as on a slow
# network): wait for the index.
READY = {
    "mkdocs": "() => { const meta = document.querySelector('.md-search-result__meta');"
    " return Boolean(meta) && !meta.textContent.includes('Initialisation'); }",
    "zensical": "() => performance.getEntriesByType('resource')"
    ".some(entry => new URL(entry.name).pathname.endsWith('/search.json') && entry.responseEnd > 0)",
}


def results_for(engine: str, tab, query: str) -> list[str]:
    """The addresses the search lists for `query`, typed at once in the search opened by « / »."""
    from playwright.sync_api import TimeoutError as Timeout

    page = tab.page
    page.wait_for_function(READY[engine], timeout=120_000)
    page.keyboard.press("/")
    page.keyboard.insert_text(query)  # one input event: no list for a part of the query
    page.keyboard.press("End")  # a key released with the whole query in the field: Material reads it then
    links = page.locator(RESULTS[engine])
    try:
        links.first.wait_for(state="attached", timeout=30_000)  # the list is written at once
    except Timeout:
        pytest.fail(f"no result for « {query} »; CSP reports: {csp_reports(page)}; errors: {tab.errors}")
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


@pytest.mark.parametrize("query", ["exonération", "CVEC"])
def test_the_search_finds_procedure_pages_and_the_policy_allows_it(engine, engine_visit, query):
    tab = engine_visit()
    tab.context.add_init_script(CSP_RECORDER)
    tab.goto("")
    found = results_for(engine, tab, query)
    assert any("/amu-iut/" in href or "/orleans/" in href for href in found), found
    assert csp_reports(tab.page) == []
    assert tab.errors == []
