"""The built site, as a student and a browser see it.

Most tests read the bundled institutions' site, built once per session with
the real MkDocs (`built_site`, tests/conftest.py). The others read the sites
of tests/fixtures/site/ and years/ (built there too), or build small
variations (a copy of the data with one change) through the real command line.
"""
from __future__ import annotations

import functools
from html import unescape
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.support.cli import run_modop
from tests.support.contract import SEED_PROCEDURES
from tests.support.data_root import copy_procedures, edit
from tests.support.digests import tree_digest
from tests.support.html_parsing import parse_file
from tests.support.paths import REPO, SITE_FIXTURE
from tests.support.serve_process import running_serve

INSTITUTIONS = sorted({full_id.split("/")[0] for full_id in SEED_PROCEDURES})

# Attributes through which a page makes the browser fetch something.
RESOURCE_ATTRIBUTES = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


class PageScan(HTMLParser):
    """What the tests look at in one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.resources: list[str] = []
        self.css: list[str] = []
        self.headings: list[tuple[int, str]] = []  # inside the article only
        self.th_without_scope = 0
        self.images_without_alt = 0
        self.html_lang = None
        self._article_depth = 0
        self._heading: list | None = None
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        # A canonical or alternate link names an address; the browser fetches nothing.
        fetched = tag != "link" or bool(set((attributes.get("rel") or "").split()) - {"canonical", "alternate"})
        for name in RESOURCE_ATTRIBUTES.get(tag, ()) if fetched else ():
            value = attributes.get(name)
            if value:
                if name == "srcset":
                    self.resources += [part.split()[0] for part in value.split(",") if part.strip()]
                else:
                    self.resources.append(value)
        if attributes.get("style"):
            self.css.append(attributes["style"])
        if tag == "style":
            self._in_style = True
        if tag == "article":
            self._article_depth += 1
        if self._article_depth:
            if re.fullmatch(r"h[1-6]", tag):
                self._heading = [int(tag[1]), ""]
            if tag == "th" and "scope" not in attributes:
                self.th_without_scope += 1
            if tag == "img" and not (attributes.get("alt") or "").strip():
                self.images_without_alt += 1

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        if tag == "article":
            self._article_depth -= 1
        if self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], self._heading[1].replace("¶", "").strip()))
            self._heading = None

    def handle_data(self, data):
        if self._in_style:
            self.css.append(data)
        if self._heading is not None:
            self._heading[1] += data


def scan(path: Path) -> PageScan:
    return parse_file(PageScan(), path)


def other_origin(url: str) -> bool:
    """True when fetching url would leave the site's own origin."""
    url = url.strip()
    if url.startswith("//"):
        return True
    scheme = urlsplit(url).scheme.lower()
    return scheme not in ("", "data", "blob")


def css_urls(text: str) -> list[str]:
    return [m.group(2) if m.group(2) is not None else m.group(4) for m in CSS_URL.finditer(text)]


def page_of(site: Path, full_id: str) -> Path:
    return site / full_id / "index.html"


def html_of(site: Path, full_id: str) -> str:
    return page_of(site, full_id).read_text(encoding="utf-8")


@functools.cache
def bundled_catalog():
    """The bundled data as checked: a text written {fr: …, en: …} is its French here."""
    from generator.model.catalog import load_catalog

    return load_catalog(REPO)


def procedure_yaml(full_id: str) -> dict:
    return bundled_catalog().get(full_id, year=SEED_PROCEDURES[full_id]).data


# ------------------------------------------------------------ the bundled site


def test_home_lists_every_institution(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for institution in INSTITUTIONS:
        name = bundled_catalog().institutions[institution]["name"]
        link = re.search(rf'<a href="{re.escape(institution)}/">([^<]+)</a>', home)
        assert link, f"no link to {institution}/ on the home page"
        assert unescape(link.group(1)) == name
        assert (built_site / institution / "index.html").is_file()
    assert "Comment ça marche" in home


def test_each_institution_page_links_its_procedures(built_site):
    for full_id in SEED_PROCEDURES:
        institution, procedure = full_id.split("/")
        page = (built_site / institution / "index.html").read_text(encoding="utf-8")
        assert f'href="{procedure}/"' in page, f"{institution}/ does not link to {procedure}"


@pytest.mark.parametrize("full_id", sorted(SEED_PROCEDURES))
def test_procedure_page_shows_year_steps_and_windows(built_site, full_id):
    html = html_of(built_site, full_id)
    data = procedure_yaml(full_id)
    year = SEED_PROCEDURES[full_id]

    assert f'<p class="modop-year">Année universitaire <strong>{year}</strong>' in html
    if data.get("academic_year_stated", True) is False:
        assert "année non précisée par la notice" in html

    steps = re.findall(r'<section class="modop-step" id="etape-([a-z0-9-]+)">\s*<h3[^>]*>Étape (\d+)\u00a0: ', html)
    assert [step_id for step_id, _ in steps] == [step["id"] for step in data["steps"]]
    assert [int(number) for _, number in steps] == list(range(1, len(data["steps"]) + 1))

    if data["windows"] == "unknown":
        assert "La notice ne précise pas les dates d'inscription" in html
    else:
        table = re.search(r"<table>\s*<caption>Périodes d'inscription.*?</table>", html, re.S)
        assert table, "no table of registration windows"
        for window in data["windows"]:
            assert window["label"].replace("'", "&#39;") in table.group(0)
        for iso, text in re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', table.group(0)):
            moment = datetime.fromisoformat(iso)
            assert moment.utcoffset() is not None, iso
            assert str(moment.year) in text and re.search(r"(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)", text)


def test_window_boundaries_in_french_with_machine_readable_instants(built_site):
    html = html_of(built_site, "amu-iut/but1")
    assert '<time datetime="2024-07-09T14:00:00+02:00">mardi 9 juillet 2024 à 14\u00a0h</time>' in html
    assert '<time datetime="2024-08-28T17:00:00+02:00">mercredi 28 août 2024 à 17\u00a0h</time>' in html
    # "jusqu'au 24/07/2024 à 12h": no start given, the student may register at once.
    assert "<td>dès que possible</td>" in html


def test_warnings_are_admonitions_and_contacts_are_links(built_site):
    html = html_of(built_site, "orleans/but1")
    assert 'href="mailto:assistance.inscription@univ-orleans.fr"' in html
    assert 'href="tel:+33238417086"' in html
    assert "du lundi au jeudi de 8\u00a0h\u00a030 à 12\u00a0h" in html
    doctorat = html_of(built_site, "clermont-inp/doctorat-edspi")
    assert re.search(r'<div class="admonition (warning|danger)">\s*<p class="admonition-title">(Attention|Important)</p>', doctorat)
    assert "Paybox 3 échéances" in doctorat and "Paybox 5 échéances" in doctorat


def test_pages_are_french_and_accessible(built_site):
    pages = sorted(built_site.rglob("index.html"))
    assert len(pages) >= 1 + len(INSTITUTIONS) + len(SEED_PROCEDURES)
    for path in pages:
        page = scan(path)
        where = path.relative_to(built_site)
        assert page.html_lang == ("en" if where.parts[0] == "en" else "fr"), where  # en/: the English site
        levels = [level for level, _ in page.headings]
        assert levels.count(1) == 1 and levels[0] == 1, f"{where}: one h1, first"
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{where}: heading h{before} followed by h{after}"
        assert page.th_without_scope == 0, f"{where}: a table header without scope"
        assert page.images_without_alt == 0, f"{where}: an image without alt text"


def test_no_page_or_stylesheet_fetches_from_another_origin(built_site):
    offenders = []
    html_files = sorted(built_site.rglob("*.html"))
    css_files = sorted(built_site.rglob("*.css"))
    assert html_files and css_files
    checked = 0
    for path in html_files:
        page = scan(path)
        urls = page.resources + [url for text in page.css for url in css_urls(text)]
        checked += len(urls)
        offenders += [(str(path.relative_to(built_site)), url) for url in urls if other_origin(url)]
    for path in css_files:
        urls = css_urls(path.read_text(encoding="utf-8"))
        checked += len(urls)
        offenders += [(str(path.relative_to(built_site)), url) for url in urls if other_origin(url)]
    assert checked > 100, "the scan found almost nothing to check: is the parser broken?"
    assert offenders == []
    text = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text


def test_search_index_is_french(built_site):
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["fr"]
    locations = {doc["location"] for doc in index["docs"]}
    for full_id in SEED_PROCEDURES:
        assert f"{full_id}/" in locations, full_id
    # Lunr's French stemmer ships with the site, not from a CDN.
    assert (built_site / "assets" / "javascripts" / "lunr" / "min" / "lunr.fr.min.js").is_file()


# ------------------------------------------------------------ builds of variations


def test_text_from_yaml_is_shown_as_written(fixture_site):
    html = html_of(fixture_site, "ecole-demo/licence")
    assert "<script>alert(1)" not in html
    assert "Inscription en licence *1re année* &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<title>Inscription en licence *1re année* &lt;script&gt;" in html
    assert "Candidats &lt;en attente&gt; &amp; autres" in html
    # The institution's name in the navigation and links, escaped once.
    assert "École &lt;démo&gt; &amp; Cie" in html and "<démo>" not in html
    # Markdown bodies are Markdown.
    assert "<strong>trois étapes</strong>" in html


def test_unknowns_and_kinds_of_boundary_are_said_plainly(fixture_site):
    html = html_of(fixture_site, "ecole-demo/licence")
    assert "année non précisée par la notice" in html
    assert '<time datetime="2024-09-04T00:00:00+02:00">mardi 3 septembre 2024 inclus (heure non précisée)</time>' in html
    assert "<td>dès que possible</td>" in html
    assert "<td>non précisée par la notice</td>" in html
    assert 'Quand une date est «\u00a0non précisée par la notice\u00a0», renseignez-vous auprès de ce contact\u00a0: <a href="#contact-scolarite">' in html
    assert "Portail de paiement\u00a0: Paiement des droits. Adresse non précisée par la notice" in html
    assert "horaires non précisés par la notice" in html
    candidature = html_of(fixture_site, "ecole-demo/candidature")
    assert "La notice ne précise pas les dates d'inscription" in candidature
    assert "candidature\u00a0: la notice ne demande pas de droits" in candidature


def test_fee_codes_say_which_are_allowed(fixture_site):
    html = html_of(fixture_site, "ecole-demo/licence")
    assert '<tr><th scope="row">D6</th><td>Doctorant</td><td>Non\u00a0: ne le cochez pas</td></tr>' in html
    assert '<tr><th scope="row">01</th><td>Etudiant non boursier</td><td>Oui</td></tr>' in html
    assert "seuls les codes 01 et 02 sont autorisés" in html
    assert "Paybox 5 échéances (paiement en 5 fois), possible à partir de 1\u202f000\u00a0€ de droits" in html


def test_steps_have_ids_screenshots_and_branches(fixture_site):
    html = html_of(fixture_site, "ecole-demo/licence")
    assert '<section class="modop-step" id="etape-cvec">' in html
    assert '<section class="modop-step" id="etape-dossier">' in html
    assert '<img alt="Formulaire de connexion avec les champs identifiant et mot de passe." src="images/connexion.png" />' in html
    assert (fixture_site / "ecole-demo" / "licence" / "images" / "connexion.png").is_file()
    assert re.search(r"<h4[^>]*>Votre dossier est complet", html)
    assert re.search(r'<div class="admonition warning">\s*<p class="admonition-title">Attention</p>', html)
    assert "<strong>Dans le menu\u00a0:</strong> Mon Inscription &gt; 1. Mon Dossier d&#39;inscription" in html


@pytest.fixture
def previous_site(tmp_path: Path) -> Path:
    """An output folder that already holds a site."""
    out = tmp_path / "out" / "site"
    (out / "amu-iut" / "but1").mkdir(parents=True)
    (out / "index.html").write_text("<p>ancien site</p>", encoding="utf-8")
    (out / "amu-iut" / "but1" / "index.html").write_text("<p>ancienne page</p>", encoding="utf-8")
    return out


def failed_build_over(previous_site: Path, root: Path, *options: str) -> str:
    """Build root's data over previous_site (with `build`'s options), which must fail
    and leave it whole, with no temporary folder beside it; what the command said on stderr."""
    before = tree_digest(previous_site)

    result = run_modop("--root", str(root), "build", "--out", str(previous_site), *options)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert tree_digest(previous_site) == before
    assert sorted(p.name for p in previous_site.parent.iterdir()) == ["site"], "a temporary folder was left behind"
    return result.stderr


def test_invalid_data_leaves_previous_site_untouched(tmp_path, previous_site):
    root = copy_procedures(REPO, tmp_path / "root")
    edit(root, "procedures/amu-iut/2024-2025/but1.yaml", "academic_year: 2024-2025", "academic_year: 2024-2026")
    stderr = failed_build_over(previous_site, root)
    assert re.search(r"procedures/amu-iut/2024-2025/but1\.yaml:\d+:\d+: ", stderr), stderr


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
@pytest.mark.parametrize(
    "link, said",
    [
        ("page-inexistante.md", "pas de page page-inexistante.md dans ecole-demo"),
        ("licence/notice-absente.pdf", "pas de page licence/notice-absente.pdf dans ecole-demo"),
    ],
)
def test_a_broken_link_of_the_data_stops_either_engine_s_build_at_its_place(tmp_path, previous_site, engine, link, said):
    """A link to no page or to no file (which Zensical would not see) is said at its line
    of the YAML before any engine runs (render.link_check), and nothing is published."""
    root = copy_procedures(SITE_FIXTURE, tmp_path / "root")
    edit(root, "procedures/ecole-demo/2024-2025/candidature.yaml", "\nsummary: Déposez", f"\nsummary: Voir [la page]({link}). Déposez")
    stderr = failed_build_over(previous_site, root, "--engine", engine)
    assert stderr.startswith(f"procedures/ecole-demo/2024-2025/candidature.yaml:11:25: lien « {link} » : {said}"), stderr
    assert "MkDocs" not in stderr and "Zensical" not in stderr and "\x1b" not in stderr


def test_build_replaces_previous_site(tmp_path, previous_site):
    result = run_modop("--root", str(SITE_FIXTURE), "build", "--out", str(previous_site))
    assert result.returncode == 0, result.stderr
    assert "ancien site" not in (previous_site / "index.html").read_text(encoding="utf-8")
    assert not (previous_site / "amu-iut").exists()
    assert sorted(p.name for p in previous_site.parent.iterdir()) == ["site"]


def test_refuses_to_replace_a_folder_that_is_not_a_site(tmp_path):
    out = tmp_path / "documents"
    out.mkdir()
    (out / "thesis.tex").write_text("précieux", encoding="utf-8")
    result = run_modop("--root", str(SITE_FIXTURE), "build", "--out", str(out))
    assert result.returncode != 0
    assert "ne ressemble pas à un site" in result.stderr
    assert (out / "thesis.tex").read_text(encoding="utf-8") == "précieux"


def test_generated_tree_builds_with_plain_mkdocs(tmp_path):
    from generator.model.catalog import load_catalog
    from generator.site.project import write_project
    from generator.source.site_settings import settings_file

    project = tmp_path / "project"
    config_file = write_project(load_catalog(REPO), project, settings_file(REPO))
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    assert "hooks" not in config
    assert config["plugins"] == [{"search": {"lang": "fr"}}]
    assert config["theme"]["font"] is False

    out = tmp_path / "plain"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config_file), "-d", str(out)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert '<section class="modop-step" id="etape-cvec">' in html_of(out, "amu-iut/but1")


def test_build_takes_the_public_address(tmp_path):
    out = tmp_path / "site"
    result = run_modop("--root", str(SITE_FIXTURE), "build", "--out", str(out), "--site-url", "https://inscriptions.example.fr/modop/")
    assert result.returncode == 0, result.stderr
    assert "<loc>https://inscriptions.example.fr/modop/ecole-demo/licence/</loc>" in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://inscriptions.example.fr/modop/ecole-demo/licence/">' in html_of(out, "ecole-demo/licence")
    # The accessibility statement names the site it applies to.
    assert 'href="https://inscriptions.example.fr/modop/"' in (out / "accessibilite" / "index.html").read_text(encoding="utf-8")


RESERVED_INSTITUTIONS = ["_modop", "accessibilite", "assets", "data", "donnees", "guide", "search"]


def test_validate_refuses_reserved_names(tmp_path):
    root = copy_procedures(SITE_FIXTURE, tmp_path / "root")
    demo = root / "procedures" / "ecole-demo"
    for name in RESERVED_INSTITUTIONS:
        shutil.copytree(demo, root / "procedures" / name)
    edit(root, "procedures/ecole-demo/2024-2025/candidature.yaml", "id: candidature", "id: index")

    result = run_modop("--root", str(root), "validate")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for name in RESERVED_INSTITUTIONS:
        assert re.search(rf"^procedures/{re.escape(name)}/institution\.yaml:1:1: .*« {re.escape(name)} » est réservé", result.stderr, re.M), result.stderr
    # The position of the identifier itself.
    assert re.search(r"^procedures/ecole-demo/2024-2025/candidature\.yaml:1:5: l'identifiant « index » est réservé", result.stderr, re.M), result.stderr


def test_provisional_dates_are_said_so(years_site, fixture_site):
    html = html_of(years_site, "ecole-annees/inscription")
    assert '<p class="modop-year">Année universitaire <strong>2025-2026</strong> <span class="modop-provisional">Dates provisoires</span></p>' in html
    banner = re.search(r'<div class="admonition warning">\s*<p class="admonition-title">Dates provisoires</p>(.*?)</div>', html, re.S)
    assert banner, "no « Dates provisoires » admonition"
    assert "pas encore confirmées pour 2025-2026" in banner.group(1)
    assert html.index("Dates provisoires</p>") < html.index('id="votre-situation"'), "the banner is not near the top"
    # Exactly the dates written « à confirmer » are marked.
    assert html.count('<strong class="modop-to-confirm">(à confirmer)</strong>') == 2
    assert '<time datetime="2025-07-08T14:00:00+02:00">mardi 8 juillet 2025 à 14\u00a0h</time> <strong class="modop-to-confirm">' in html
    assert '<time datetime="2025-07-18T12:00:00+02:00">vendredi 18 juillet 2025 à 12\u00a0h</time></td>' in html
    # Said where the procedure is listed too.
    # (built now, in a later year: that year is over too, `test_finished_year`)
    assert "(2025-2026, dates provisoires, année terminée)" in (years_site / "index.html").read_text(encoding="utf-8")
    assert "<strong>Dates provisoires</strong>\u00a0: certaines dates sont encore à confirmer" in (years_site / "ecole-annees" / "index.html").read_text(encoding="utf-8")
    # A confirmed procedure has none of it.
    confirmed = html_of(fixture_site, "ecole-demo/licence")
    assert "Dates provisoires" not in confirmed and "modop-to-confirm" not in confirmed


def test_page_says_what_changed_since_last_year(years_site, fixture_site):
    html = html_of(years_site, "ecole-annees/inscription")
    section = re.search(r'<h2 id="ce-qui-change-cette-annee">Ce qui change cette année.*?</h2>\s*<p>Par rapport à 2024-2025\u00a0:</p>\s*<ul>(.*?)</ul>', html, re.S)
    assert section, "no « Ce qui change cette année » section"
    items = [unescape(item) for item in re.findall(r"<li>(.*?)</li>", section.group(1))]
    assert items == [
        "période «\u00a0Tous les admis\u00a0»\u00a0: ouverture 9 juillet 2024 à 14\u00a0h → 8 juillet 2025 à 14\u00a0h",
        "période «\u00a0Tous les admis\u00a0»\u00a0: fermeture 19 juillet 2024 à 12\u00a0h → 18 juillet 2025 à 12\u00a0h",
        "nouvelle fermeture du 26 juillet 2025 au 20 août 2025",
        "droits d'inscription\u00a0: 175\u00a0€ → 178\u00a0€",
        "CVEC\u00a0: 103\u00a0€ → 105\u00a0€",
        "étape ajoutée\u00a0: Déposer les pièces justificatives",
    ]
    # No previous year, no section.
    assert "Ce qui change cette année" not in html_of(fixture_site, "ecole-demo/licence")


def test_staff_guide_and_accessibility_statement_are_published(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="guide/mettre-a-jour/">Mettre à jour les procédures</a>' in home
    guide = (built_site / "guide" / "mettre-a-jour" / "index.html").read_text(encoding="utf-8")
    assert "<h1 id=\"mettre-a-jour-les-procedures\">Mettre à jour les procédures" in guide
    for command in ("modop new-year", "modop diff", "modop validate", "modop serve", "modop build", "--site-url"):
        assert command in guide, command
    # In the navigation, after the institutions (whose procedures the pruned nav folds away).
    nav = re.findall(r'<a href="([^"]+)" class="md-nav__link[^"]*">', home)
    institutions = {full_id.split("/")[0] for full_id in SEED_PROCEDURES}
    assert nav.index("guide/mettre-a-jour/") > max(nav.index(f"{institution}/") for institution in institutions)

    statement = (built_site / "accessibilite" / "index.html").read_text(encoding="utf-8")
    headings = [text for _, text in scan(built_site / "accessibilite" / "index.html").headings]
    for heading in (
        "Déclaration d'accessibilité",
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration d'accessibilité",
        "Retour d'information et contact",
        "Voies de recours",
    ):
        assert heading in headings, heading
    assert "<strong>partiellement conforme</strong>" in statement
    assert "Aucun audit de conformité" in statement
    assert 'href="https://formulaire.defenseurdesdroits.fr/"' in statement


def test_every_page_footer_carries_the_accessibility_mention(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > len(SEED_PROCEDURES)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        link = re.search(
            r'<p class="modop-accessibility">\s*<a href="([^"]+)">(?:Accessibilité&nbsp;: partiellement conforme|Accessibility: partially compliant)</a>',
            html,
        )  # the English site's (en/) in English
        assert link, f"{path.relative_to(built_site)}: no accessibility mention in the footer"
        target = link.group(1)
        if target.startswith("/"):  # 404.html, served at any depth, links from the root
            resolved = built_site / target.lstrip("/")
        else:
            resolved = (path.parent / target).resolve()
        assert (resolved / "index.html").is_file(), f"{path.relative_to(built_site)}: {target}"


# ------------------------------------------------------------ live preview


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_rebuilds_on_yaml_change_and_keeps_last_good_version(tmp_path):
    root = copy_procedures(SITE_FIXTURE, tmp_path / "root")
    procedure = root / "procedures" / "ecole-demo" / "2024-2025" / "candidature.yaml"
    with running_serve(root, tmp_path) as (preview, errors):
        url = preview + "ecole-demo/candidature/"
        assert "Candidature à une sélection" in fetch(url)
        # Material's instant navigation only follows the links the sitemap lists, with their address.
        assert f"<loc>{preview}ecole-demo/licence/</loc>" in fetch(preview + "sitemap.xml")

        edit(root, "procedures/ecole-demo/2024-2025/candidature.yaml", "title: Candidature à une sélection", "title: Candidature modifiée")
        wait_for(lambda: "Candidature modifiée" in fetch(url), 120, "the edited title")

        procedure.write_text("title: [cassé\n", encoding="utf-8")
        wait_for(lambda: any("Données invalides" in line for line in errors), 120, "the error report")
        assert any("candidature.yaml:" in line for line in errors)
        assert "Candidature modifiée" in fetch(url), "the last good version is no longer served"


# ------------------------------------------------------------ French wording


def test_french_dates_hours_amounts_and_phones():
    from checks.wording import fr as french
    from generator.render.contacts import tel_uri

    assert french.moment_text(datetime(2024, 7, 1, 8, 30)) == "lundi 1er juillet 2024 à 8\u00a0h\u00a030"
    assert french.moment_text(datetime(2024, 7, 9, 14, 0)) == "mardi 9 juillet 2024 à 14\u00a0h"
    assert french.amount(3770.5, "page") == "3\u202f770,50\u00a0€"
    assert french.amount(175.0, "page") == "175\u00a0€"
    assert french.amount(None, "page") == "montant non précisé par la notice"
    assert tel_uri("02 38 41 70 86") == "tel:+33238417086"
    assert tel_uri("+33 4 73 17 01 00") == "tel:+33473170100"
    assert french.weekdays_text(["lundi", "mardi", "mercredi", "jeudi"]) == "du lundi au jeudi"
    assert french.weekdays_text(["lundi", "mercredi"]) == "les lundi et mercredi"


def test_a_summary_s_link_to_another_procedure_leads_there_from_both_pages_that_show_it(tmp_path):
    """A summary is shown on the procedure's page and on its institution's: `licence.md`,
    written from the institution's folder, leads to the licence's page from both."""
    root = copy_procedures(SITE_FIXTURE, tmp_path / "root")
    edit(root, "procedures/ecole-demo/2024-2025/candidature.yaml", "\nsummary: Déposez", "\nsummary: Voir [la licence](licence.md). Déposez")
    out = tmp_path / "site"
    result = run_modop("--root", str(root), "build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    institution = (out / "ecole-demo" / "index.html").read_text(encoding="utf-8")
    procedure = (out / "ecole-demo" / "candidature" / "index.html").read_text(encoding="utf-8")
    assert '<a href="licence/">la licence</a>' in institution
    assert '<a href="../licence/">la licence</a>' in procedure
