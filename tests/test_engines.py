"""The two engines, MkDocs (the default) and Zensical (`--engine zensical`), on the same
generated project: the same pages, the same checker's files, the theme's overrides in
both, a policy computed over what each wrote, and Zensical's words turned into modop's."""
from __future__ import annotations

import re

import pytest

from generator.commands.build import ENGINE_CHOICES
from generator.errors import UserError
from generator.outputs.content_policy import script_hash
from generator.site.build import ENGINES
from generator.site.zensical_build import failure_message, search_style_hashes
from tests.support.site_audit import html_pages, procedure_data, site_procedures

CSP_STYLE = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*style-src ([^;"]+)')
# The checker's script, stylesheet and preloaded modules, as the page asks for them.
WIDGET_FILES = re.compile(r'<(?:script type="module" async src|link rel="(?:stylesheet|modulepreload)" href)="([^"]*assets/checker/[^"]*)"')

ESC = "\x1b"


def test_the_command_line_offers_every_engine():
    assert ENGINE_CHOICES == tuple(ENGINES)


def test_both_engines_write_the_same_pages(built_site, zensical_site):
    assert html_pages(zensical_site) == html_pages(built_site)


def test_checker_pages_ask_for_the_same_widget_files_under_both_engines(built_site, zensical_site):
    checked = 0
    for procedure in site_procedures(built_site):
        pages = [(site / procedure / "index.html").read_text(encoding="utf-8") for site in (built_site, zensical_site)]
        mkdocs, zensical = (WIDGET_FILES.findall(page) for page in pages)
        assert zensical == mkdocs, procedure
        for address in zensical:  # relative to the page, and inside the site
            assert (zensical_site / procedure / address).resolve().is_file(), (procedure, address)
            assert (zensical_site / procedure / address).resolve().is_relative_to(zensical_site.resolve())
        checked += bool(zensical)
    assert checked >= 5, "the bundled site has checker pages"


@pytest.mark.parametrize("site_name, made_with", [("built_site", "Material for MkDocs"), ("zensical_site", "Zensical")])
def test_the_theme_overrides_hold_under_both_engines(request, site_name, made_with):
    site = request.getfixturevalue(site_name)
    for path in html_pages(site):
        page = (site / path / "index.html" if not path.endswith(".html") else site / path).read_text(encoding="utf-8")
        english = path.startswith("en/")  # the English site
        assert re.search(r'<p class="modop-accessibility">\s*<a href="[^"]*">' + ("Accessibility: " if english else "Accessibilité&nbsp;: "), page), path
        assert f'role="progressbar" aria-label="{"Loading the page" if english else "Chargement de la page"}"' in page, path
        assert re.search(rf"Made with\s*<a [^>]*>\s*{made_with}\s*</a>", page), path


def test_the_policy_allows_the_styles_each_engine_inserts_and_no_other(built_site, zensical_site):
    mkdocs = {CSP_STYLE.search(page.read_text(encoding="utf-8")).group(1) for page in built_site.rglob("*.html")}
    assert mkdocs == {"'self'"}
    hashes = search_style_hashes(zensical_site)
    assert len(hashes) == 1, "Zensical's search interface inserts one style"
    zensical = {CSP_STYLE.search(page.read_text(encoding="utf-8")).group(1) for page in zensical_site.rglob("*.html")}
    assert zensical == {" ".join(["'self'", *sorted(hashes)])}


def test_the_search_style_is_read_from_the_script_zensical_wrote(tmp_path):
    bundle = tmp_path / "assets" / "javascripts" / "bundle.0123abcd.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text(
        r"""var x=1;var Tc='.a{content:"\u00e9\x41"}\n.b{font:\'x\'}';function m(o){o.appendChild(C("style",{},Tc.toString()))}""",
        encoding="utf-8",
    )
    assert search_style_hashes(tmp_path) == {script_hash(".a{content:\"éA\"}\n.b{font:'x'}")}
    bundle.write_text("var Tc='.a{}';function m(o){o.appendChild(C('div',{},Tc))}", encoding="utf-8")
    with pytest.raises(UserError, match="requirements.lock"):
        search_style_hashes(tmp_path)


def test_zensical_warnings_become_french_lines_without_colour():
    said = (
        "Build started\n"
        f"{ESC}[33mWarning:{ESC}[0m page does not exist\n"
        f"    {ESC}[38;5;246m╭─[{ESC}[0m ecole/licence/index.md:11:16 {ESC}[38;5;246m]{ESC}[0m\n"
        f"    {ESC}[38;5;246m│{ESC}[0m\n"
        f" {ESC}[38;5;246m11 │{ESC}[0m {ESC}[38;5;249mV{ESC}[0m{ESC}[38;5;249moir [la page](../autre/index.md).{ESC}[0m\n"
        f"────╯\n"
        f"{ESC}[33mWarning:{ESC}[0m anchor does not exist\n"
        f"    ╭─[ ecole/index.md:3:5 ]\n"
        "2 issues found\n"
        "Traceback (most recent call last):\n"
        '  File "main.py", line 81, in execute_build\n'
        "RuntimeError: Aborted because --strict flag is set\n"
    )
    message = failure_message(said)
    assert message.splitlines() == [
        "Zensical n'a pas pu construire le site : 2 avertissements en mode strict "
        "(corrigez la page indiquée dans le fichier YAML dont elle est générée)",
        "ecole/licence/index.md:11:16 : avertissement de Zensical « page does not exist » "
        "— dans « Voir [la page](../autre/index.md). »",
        "ecole/index.md:3:5 : avertissement de Zensical « anchor does not exist »",
    ]
    assert ESC not in message and "Traceback" not in message


def test_a_stop_of_zensical_is_one_line_in_french():
    said = 'Traceback (most recent call last):\n  File "x.py", line 1\nTypeError: failed to extract field Project.extra\n'
    assert failure_message(said) == "Zensical n'a pas pu construire le site : TypeError: failed to extract field Project.extra"


def test_the_zensical_site_has_each_procedure_s_data(zensical_site, built_site):
    """The files beside the pages are modop's, the same under both engines."""
    for procedure in site_procedures(built_site):
        assert procedure_data(zensical_site, procedure) == procedure_data(built_site, procedure)
