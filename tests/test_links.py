"""Link integrity of the whole built site.

Every internal link, and every anchor it names, must lead to a file of the
site and to an element with that id; every external link must be a
well-formed https:, mailto: or tel: address. The walk covers every HTML page
of the bundled institutions' site (`built_site`) and of the fixture site,
which links from YAML bodies to other pages and anchors (`fixture_site`,
tests/conftest.py).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.site.site_links import broken_links as broken_links_of_the_build
from tests.support.cli import errors_of, run_modop
from tests.support.data_root import copy_procedures, edit
from tests.support.html_parsing import parse_file
from tests.support.paths import SITE_FIXTURE

# Where a page points the browser at another address (href) or fetches from (src).
LINK_ATTRIBUTES = {"a": ("href",), "link": ("href",), "area": ("href",), "script": ("src",), "img": ("src",), "source": ("src",)}
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.I)
EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?\d{3,15}$")


class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        for key in ("id", "name"):
            if attributes.get(key) and (key == "id" or tag == "a"):
                self.ids.add(attributes[key])
        for name in LINK_ATTRIBUTES.get(tag, ()):
            if name in attributes:
                self.links.append((tag, attributes[name]))


def read(path: Path) -> Links:
    return parse_file(Links(), path)


def external_problem(url: str) -> str | None:
    """Why an address outside the site is not a well-formed https:, mailto: or tel: one, else None."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if re.search(r"[\s<>\"]", url):
        return "blank, quote or angle bracket in the address"
    if scheme == "https":
        host = parts.hostname or ""
        return None if HOST.match(host) else f"host « {host} » is not a domain name"
    if scheme == "mailto":
        return None if EMAIL.match(unquote(parts.path)) else "not an e-mail address"
    if scheme == "tel":
        return None if PHONE.match(parts.path) else "not an international phone number"
    return f"scheme « {scheme} » (only https, mailto and tel)"


def target_file(site: Path, page: Path, path: str) -> Path | None:
    """The file a relative or root-relative address leads to, as a static host serves it."""
    base = site if path.startswith("/") else page.parent
    candidate = (base / unquote(path.lstrip("/"))).resolve()
    if not candidate.is_relative_to(site.resolve()):
        return None
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path) -> tuple[list[str], int]:
    pages = sorted(site.rglob("*.html"))
    parsed = {page.resolve(): read(page) for page in pages}
    problems, checked = [], 0
    for page in pages:
        where = page.relative_to(site)
        for tag, url in parsed[page.resolve()].links:
            checked += 1
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//"):
                problem = external_problem(url)
                if problem:
                    problems.append(f"{where}: <{tag}> {url}: {problem}")
                continue
            # 404.html is served at any depth: its addresses start at the root.
            if parts.path:
                target = target_file(site, page, parts.path)
                if target is None:
                    problems.append(f"{where}: <{tag}> {url}: no such file")
                    continue
            else:
                target = page
            if parts.fragment and target.suffix == ".html":
                ids = parsed.get(target.resolve()) or read(target)
                if unquote(parts.fragment) not in ids.ids:
                    problems.append(f"{where}: <{tag}> {url}: no element with id « {parts.fragment} » in {target.relative_to(site.resolve())}")
    return problems, checked


@pytest.mark.parametrize("site_name", ["built_site", "zensical_site"])
def test_every_link_of_the_bundled_site_resolves(request, site_name):
    """As each engine builds it: Zensical checks only the links to .md pages and anchors."""
    problems, checked = broken_links(request.getfixturevalue(site_name))
    assert checked > 1000, f"only {checked} links: is the parser broken?"
    assert problems == [], "\n".join(problems)


def test_links_from_yaml_bodies_resolve(fixture_site):
    problems, checked = broken_links(fixture_site)
    assert problems == [], "\n".join(problems)
    licence = (fixture_site / "ecole-demo" / "licence" / "index.html").read_text(encoding="utf-8")
    # The fixture's body links to another procedure, the institution page and a step, each with its anchor.
    assert '<a href="../candidature/#etape-compte">la candidature</a>' in licence
    assert '<a href="../#contact-selection">de l\'établissement</a>' in licence
    assert '<a href="#etape-cvec">l\'étape CVEC</a>' in licence


def test_the_walk_sees_broken_links(tmp_path):
    """The checker of this file finds what it must find."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<p id="here"></p><a href="a/">ok</a><a href="a/#there">ok</a><a href="#here">ok</a>'
        '<a href="b/">no file</a><a href="a/#nowhere">no id</a><a href="#gone">no id</a>'
        '<a href="http://example.fr/">http</a><a href="https://localhost/">no domain</a>'
        '<a href="mailto:nobody">bad mail</a><a href="tel:+33 1">bad phone</a><a href="javascript:x()">js</a>'
        '<a href="https://www.example.fr/ok">ok</a><a href="mailto:a@b.fr">ok</a><a href="tel:+33123456789">ok</a>',
        encoding="utf-8",
    )
    (site / "a" / "index.html").write_text('<h2 id="there">x</h2><a href="../">up</a>', encoding="utf-8")
    problems, checked = broken_links(site)
    assert checked == 15
    assert len(problems) == 8, "\n".join(problems)


# ------------------------------------------------------------ links the data writes, checked before MkDocs

LICENCE = "procedures/ecole-demo/2024-2025/licence.yaml"
CANDIDATURE = "procedures/ecole-demo/2024-2025/candidature.yaml"
# Appended to a body of licence.yaml: each broken link, then links that resolve to
# anchors of generated pages (a heading, a contact) and to a screenshot.
LINKS = """      Voir aussi [une page absente](absente.md), [Orléans](../orleans/but1.md),
      [une étape absente](candidature.md#etape-absente), [l'étape](#etape-cvc),
      [un contact](index.md#contact-personne), [un dossier](candidature/),
      [un lien absolu](/ecole-demo/candidature.md), [les droits](#droits-dinscription),
      [les dates](candidature.md#dates-dinscription), [le contact](#contact-scolarite)
      et ![la capture](licence/images/connexion.png).
"""
# (link, words of its message)
BROKEN = [
    ("absente.md", "pas de page absente.md dans ecole-demo (pages : candidature.md, index.md, licence.md)"),
    ("../orleans/but1.md", "pas d'établissement « orleans » (établissements : ecole-demo)"),
    ("candidature.md#etape-absente", "pas d'ancre « etape-absente » dans la page ecole-demo/candidature.md : ancres de ce genre dans la page : #etape-compte"),
    ("#etape-cvc", "pas d'ancre « etape-cvc » dans cette page : vouliez-vous dire « #etape-cvec » ?"),
    ("index.md#contact-personne", "pas d'ancre « contact-personne » dans la page ecole-demo/index.md"),
    ("candidature/", "écrivez le fichier de la page, candidature.md"),
    ("/ecole-demo/candidature.md", "chemin absolu : écrivez-le depuis le dossier de l'établissement, candidature.md"),
]


def _place(root: Path, relative: str, link: str) -> tuple[int, int]:
    """Line and column of the target of the Markdown link `](link)` in a data file."""
    for number, line in enumerate((root / relative).read_text(encoding="utf-8").splitlines(), start=1):
        if f"]({link})" in line:
            return number, line.index(f"]({link})") + 3
    raise AssertionError(f"{link} not in {relative}")


@pytest.fixture
def data_with_broken_links(tmp_path) -> Path:
    root = copy_procedures(SITE_FIXTURE, tmp_path / "root")
    edit(root, LICENCE, "ou [l'étape CVEC](#etape-cvec).\n", "ou [l'étape CVEC](#etape-cvec).\n" + LINKS)
    # Right on its own page, broken on the institution's, which shows the summary too.
    edit(root, CANDIDATURE, "summary: Déposez votre candidature en ligne.", "summary: Déposez votre candidature en ligne ([première étape](#etape-compte)).")
    return root


def _expected(root: Path) -> list[tuple[str, int, int, str]]:
    expected = [(LICENCE, *_place(root, LICENCE, link), f"lien « {link} » : {words}") for link, words in BROKEN]
    expected.append(
        (CANDIDATURE, *_place(root, CANDIDATURE, "#etape-compte"), "lien « #etape-compte » : sur la page ecole-demo/index.md, qui reprend aussi ce texte, pas d'ancre « etape-compte »")
    )
    return expected


def _found(result, expected) -> None:
    found = errors_of(result)
    for file, line, col, words in expected:
        assert any((f, l, c) == (file, line, col) and m.startswith(words) for f, l, c, m in found), (
            f"expected {file}:{line}:{col}: {words}…, got:\n{result.stderr}"
        )


def test_validate_names_each_broken_link_of_the_data_at_its_place(data_with_broken_links):
    result = run_modop("--root", str(data_with_broken_links), "validate")
    assert result.returncode == 1
    expected = _expected(data_with_broken_links)
    _found(result, expected)
    links = [m for *_, m in errors_of(result) if m.startswith("lien « ")]
    assert len(links) == len(expected), result.stderr  # the links that resolve are not reported


def test_build_refuses_the_same_links_before_mkdocs(data_with_broken_links, tmp_path):
    out = tmp_path / "site"
    result = run_modop("--root", str(data_with_broken_links), "build", "--out", str(out))
    assert result.returncode == 1
    _found(result, _expected(data_with_broken_links))
    assert "MkDocs" not in result.stderr and "Doc file" not in result.stderr
    assert not out.exists()


def test_what_mkdocs_still_refuses_is_said_in_french_then_in_its_words(tmp_path):
    from generator.errors import UserError
    from generator.site.build import run_mkdocs

    (tmp_path / "docs" / "ecole").mkdir(parents=True)
    (tmp_path / "docs" / "ecole" / "licence.md").write_text("# Licence\n\n[ailleurs](ailleurs.md)\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: essai\nvalidation:\n  unrecognized_links: warn\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        run_mkdocs(config, tmp_path / "site")
    said = str(raised.value)
    assert said.startswith("MkDocs n'a pas pu construire le site, alors que les données ont passé les vérifications de modop.")
    french, english = said.split("Message de MkDocs (en anglais) :\n")
    assert "transmettez ce message" in french and "ailleurs.md" not in french
    assert "'ailleurs.md'" in english and "not found among documentation files" in english


def test_the_build_s_own_check_finds_addresses_that_lead_to_no_file(tmp_path):
    """generator.site.site_links, which stops any engine's build: relative and
    root-relative addresses of raw HTML as of Markdown, folders by their index.html."""
    site = tmp_path / "site"
    (site / "a" / "b").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "assets" / "x.mjs").write_text("", encoding="utf-8")
    (site / "index.html").write_text('<a href="a/b/">ok</a><a href="./">ok</a><a href="/assets/x.mjs">ok</a>', encoding="utf-8")
    (site / "a" / "b" / "index.html").write_text(
        '<script type="module" src="../../assets/x.mjs"></script><link rel="modulepreload" href="../../assets/x.mjs">'
        '<a href="../../">ok</a><a href="#here">ok</a><a href="https://ok.fr/missing.pdf">ok</a><!-- <a href="gone/"> -->'
        '<script type="module" src="../../../assets/x.mjs"></script>'  # one level above the site
        "<img src='photo.png'><a href=\"../notice.pdf?x=1#p\">no file</a><a href=\"../../a/\">no index.html</a>",
        encoding="utf-8",
    )
    assert broken_links_of_the_build(site) == [
        ("a/b/index.html", "../../../assets/x.mjs"),
        ("a/b/index.html", "photo.png"),
        ("a/b/index.html", "../notice.pdf?x=1#p"),
        ("a/b/index.html", "../../a/"),
    ]


def test_root_relative_addresses_are_read_from_the_served_path(tmp_path):
    """A site served under /modop/ (its site_url): the 404 page's /modop/… addresses
    lead to its files, an address outside /modop/ to none."""
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "x.css").write_text("", encoding="utf-8")
    (site / "index.html").write_text("", encoding="utf-8")
    (site / "404.html").write_text(
        '<link href="/modop/assets/x.css"><a href="/modop/">ok</a><a href="/modop">ok</a>'
        '<a href="/assets/x.css">outside</a><a href="/modop/gone/">no file</a>',
        encoding="utf-8",
    )
    assert broken_links_of_the_build(site, "/modop/") == [("404.html", "/assets/x.css"), ("404.html", "/modop/gone/")]

