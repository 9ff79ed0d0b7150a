"""The English site, `en/` of the built site (issue 14): every French page has its English
twin at the same path under `en/` (the staff guide aside), each page's language switch
(its links marked hreflang) leads to its twin and back, the English pages say they are in
English, the site's own words are English there, and a text the data gives only in
French is marked `lang="fr"` under one notice per page."""
from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from checks.wording import pages
from generator.model.catalog import load_catalog
from generator.paths import TEMPLATES_DIR
from generator.render.docs_tree import docs_tree
from tests.support.data_root import edit

ENGLISH, FRENCH = pages("en"), pages("fr")
NOTICE = ENGLISH["french_only_notice"]
GUIDE = "guide/mettre-a-jour/index.html"
FRENCH_ONLY = "orleans/but1"  # a procedure whose data gives no English
TITLE = "title: Première inscription en BUT 1re année (admis sur Parcoursup)"  # its title, as written


class _Page(HTMLParser):
    """What the tests read of a built page: its language, the alternates its head names
    (none), its switch's links, the checker's form, and the languages of the text it shows."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.head_links: dict[str, str] = {}
        self.switch: dict[str, str] = {}
        self.forms: list[str] = []
        self.langs: list[str] = []  # the language of each element open, innermost last
        self.french: list[str] = []  # the text shown inside lang="fr"
        self.text: list[str] = []
        self._skip = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.head_links[attrs["hreflang"]] = attrs["href"]
        if tag == "a" and "md-select__link" in (attrs.get("class") or ""):
            self.switch[attrs["hreflang"]] = attrs["href"]
        if tag == "form" and "data-checker" in attrs:
            self.forms.append(attrs["data-checker"])
        if tag in ("script", "style"):
            self._skip += 1
        if tag not in _VOID:
            self.langs.append(attrs.get("lang") or (self.langs[-1] if self.langs else None))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag not in _VOID and self.langs:
            self.langs.pop()

    def handle_data(self, data):
        if self._skip or not data.strip():
            return
        self.text.append(data)
        if self.langs and self.langs[-1] == "fr":
            self.french.append(data)

    def shown(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text))


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def read(site, page: str) -> _Page:
    return _Page((site / page).read_text(encoding="utf-8"))


def followed(page: str, href: str) -> str:
    """The file of the site a relative link of `page` leads to (a folder's index.html)."""
    path = urlsplit(href).path
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return "index.html" if target == "." else f"{target}/index.html" if path.endswith("/") else target


def html_files(site) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def french_pages(site) -> list[str]:
    return [page for page in html_files(site) if not page.startswith("en/") and page != "404.html"]


def test_every_french_page_has_its_english_twin_and_checker(built_site):
    english = {page for page in html_files(built_site) if page.startswith("en/")}
    for page in french_pages(built_site):
        if page == GUIDE:
            assert f"en/{page}" not in english  # the staff guide is French only
            continue
        assert f"en/{page}" in english, page
        french_forms = read(built_site, page).forms
        assert read(built_site, f"en/{page}").forms == french_forms, page
    checkers = [page for page in french_pages(built_site) if read(built_site, page).forms]
    assert len(checkers) >= 10
    for page in checkers:
        procedure = read(built_site, page).forms[0]
        assert json.loads((built_site / f"en/data/{procedure}.json").read_text(encoding="utf-8"))["id"]


def test_the_english_site_uses_the_french_root_checker_runtime(built_site):
    assert (built_site / "assets/checker").is_dir() and (built_site / "assets/pyodide").is_dir()
    assert not (built_site / "en/assets/checker").exists() and not (built_site / "en/assets/pyodide").exists()
    text = (built_site / "en/amu-iut/but1/index.html").read_text(encoding="utf-8")
    assert 'src="../../../assets/checker/checker.mjs"' in text


def test_each_page_leads_to_its_twin_and_back(built_site):
    for page in french_pages(built_site):
        french = read(built_site, page).switch
        assert followed(page, french["fr"]) == page, page
        twin = followed(page, french["en"])
        if page == GUIDE:
            assert twin == "en/index.html"  # French only: its switch leads to the English home
            continue
        assert twin == f"en/{page}", page
        english = read(built_site, twin).switch
        assert followed(twin, english["en"]) == twin
        assert followed(twin, english["fr"]) == page


def test_no_page_names_alternates_in_its_head(built_site):
    """Material's script fetches `sitemap.xml` beside the address of every <link
    rel="alternate"> of a page: beside a twin page, a request that can only fail (404),
    on every page a student opens. The switch's links carry the hreflang instead."""
    for page in html_files(built_site):
        assert not read(built_site, page).head_links, page


def test_the_switch_names_each_language_in_itself(built_site):
    text = (built_site / "en/index.html").read_text(encoding="utf-8")
    assert re.search(r'hreflang="fr" lang="fr" class="md-select__link">\s*Français', text)
    assert re.search(r'hreflang="en" lang="en" class="md-select__link" aria-current="page">\s*English', text)


def test_english_pages_are_in_english(built_site):
    for page in html_files(built_site):
        if page.startswith("en/"):
            assert read(built_site, page).lang == "en", page
        else:
            assert read(built_site, page).lang == "fr", page
    home, procedure = read(built_site, "en/index.html").shown(), read(built_site, "en/amu-iut/but1/index.html").shown()
    for words in (ENGLISH["home_title"], ENGLISH["home_how_title"], ENGLISH["copyright"]):
        assert words in home
    for french in (FRENCH["home_title"], FRENCH["home_how_title"], "Accessibilité"):
        assert french not in home
    for words in (ENGLISH["audience_title"], ENGLISH["steps_title"], ENGLISH["fee_caption"], "Accessibility: partially compliant"):
        assert words in procedure
    for french in (FRENCH["audience_title"], FRENCH["steps_title"], FRENCH["fee_caption"], FRENCH["source_authority"]):
        assert french not in procedure


def test_french_only_texts_are_marked_under_one_notice(built_site):
    """Université d'Orléans gives its texts in French only: its English page shows them marked."""
    page = read(built_site, f"en/{FRENCH_ONLY}/index.html")
    french = " ".join(page.french)
    assert "Première inscription en BUT 1re année" in french  # the title, from the data
    assert ENGLISH["steps_title"] not in french  # the site's own words are not
    assert page.shown().count(NOTICE) == 1
    assert NOTICE not in read(built_site, f"{FRENCH_ONLY}/index.html").shown()


def test_the_themes_copies_of_a_french_only_title_are_marked_too(built_site):
    """The header, the navigation and the table of contents repeat the page's title and
    its steps' titles (each in the theme's md-ellipsis element): French only, marked there too."""
    title = "Première inscription en BUT 1re année"
    for page in (f"en/{FRENCH_ONLY}/index.html", "en/orleans/index.html"):
        text = (built_site / page).read_text(encoding="utf-8")
        copies = re.findall(r'class="md-ellipsis">(.*?)</(?:span|div)>', text, flags=re.S)
        holding = [copy for copy in copies if title in copy]
        assert holding, page
        for copy in holding:
            assert re.search(r'<span lang="fr">[^<]*' + re.escape(title), copy), (page, copy)
    # AMU's titles are English: left as they are.
    text = (built_site / "en/amu-iut/but1/index.html").read_text(encoding="utf-8")
    own = [copy for copy in re.findall(r'class="md-ellipsis">(.*?)</(?:span|div)>', text, flags=re.S) if "BUT" in copy]
    assert own and not any('lang="fr"' in copy for copy in own)


def test_english_texts_of_the_data_are_shown_unmarked(built_site):
    """AMU's IUT gives its texts in English too: its English page shows them, not the French."""
    page = read(built_site, "en/amu-iut/but1/index.html")
    assert "First enrolment in the first year of a BUT" in page.shown()
    assert "First enrolment in the first year of a BUT" not in " ".join(page.french)
    assert "Première inscription en BUT 1re année" not in page.shown()


def test_a_translated_text_is_not_marked(data_root):
    """A title given in English shows in English, unmarked; its summary, French only, is marked."""
    edit(data_root, "procedures/orleans/2024-2025/but1.yaml", TITLE, f"title: {{fr: {TITLE.removeprefix('title: ')}, en: First-year BUT enrolment}}")
    catalog = load_catalog(data_root).without_drafts().in_language("en")
    page = docs_tree(catalog, TEMPLATES_DIR).pages[f"{FRENCH_ONLY}/index.md"].text
    assert "\n# First-year BUT enrolment\n" in page
    assert '<span lang="fr">' in page and NOTICE in page
    assert '<div lang="fr" markdown>' in page  # a body, marked as a block
    french = docs_tree(load_catalog(data_root).without_drafts(), TEMPLATES_DIR).pages[f"{FRENCH_ONLY}/index.md"].text
    assert 'lang="fr"' not in french and "First-year BUT enrolment" not in french


def test_what_changes_since_last_year_is_english_its_french_labels_marked(data_root):
    """Assas's doctorate (French only) changed between two years: the sentences are the
    site's own, in English; the window labels they quote are the data's, French, marked."""
    catalog = load_catalog(data_root).without_drafts()
    english = docs_tree(catalog.in_language("en"), TEMPLATES_DIR).pages["assas/doctorat-reinscription/index.md"].text
    french = docs_tree(catalog, TEMPLATES_DIR).pages["assas/doctorat-reinscription/index.md"].text
    assert "- registration fees: €391 → €397\n" in english and "- CVEC: €103 → €105\n" in english
    assert "‘<span lang=\"fr\">Comité de suivi individuel tenu avant le 8 juillet 2025</span>’: opening 17 June 2024 → 27 June 2025" in english
    assert "- droits d&#39;inscription\u00a0: 391\u00a0€ → 397\u00a0€\n" in french.replace("&nbsp;", "\u00a0") and 'lang="fr"' not in french


def test_english_search_holds_english_words(built_site):
    index = json.loads((built_site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
    titles = {doc["title"] for doc in index["docs"]}
    assert ENGLISH["steps_title"] in titles and ENGLISH["audience_title"] in titles
    assert FRENCH["steps_title"] not in titles and FRENCH["audience_title"] not in titles
    french = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert french["config"]["lang"] == ["fr"] and FRENCH["steps_title"] in {doc["title"] for doc in french["docs"]}

