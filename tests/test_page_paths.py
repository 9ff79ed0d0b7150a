"""A procedure's page is `<institution>/<procedure>/index.md`: the links staff write from
their institution's folder are re-aimed for it, and lead where they led."""
from __future__ import annotations

import posixpath

import pytest

from generator.render.page_paths import link_from_institution_page, link_from_procedure_page, procedure_page, written_page
from generator.render.safe_markdown import safe_markdown


@pytest.mark.parametrize(
    "written, read",
    [
        ("reinscription.md", "../reinscription/index.md"),
        ("reinscription.md#etape-2", "../reinscription/index.md#etape-2"),
        ("index.md", "../index.md"),
        ("index.md#contact-scolarite", "../index.md#contact-scolarite"),
        ("./master.md", "../master/index.md"),
        ("../orleans/but1.md", "../../orleans/but1/index.md"),
        ("../orleans/index.md", "../../orleans/index.md"),
        ("../guide/mettre-a-jour.md", "../../guide/mettre-a-jour.md"),
        ("../accessibilite.md", "../../accessibilite.md"),
        ("../donnees/amu-iut/but1.json", "../../donnees/amu-iut/but1.json"),
        ("but1/notice.pdf", "../but1/notice.pdf"),
        ("../../ailleurs.md", "../../../ailleurs.md"),  # outside the site: still outside, the build says so
    ],
)
def test_a_link_from_the_institution_folder_leads_to_the_same_file_from_the_procedure_page(written, read):
    assert link_from_procedure_page(written) == read


def test_re_aimed_links_resolve_to_the_pages_of_the_docs_tree():
    page = procedure_page("amu-iut", "but1")
    assert page == "amu-iut/but1/index.md"
    here = posixpath.dirname(page)
    assert posixpath.normpath(posixpath.join(here, link_from_procedure_page("master.md"))) == procedure_page("amu-iut", "master")
    assert posixpath.normpath(posixpath.join(here, link_from_procedure_page("../orleans/but1.md"))) == procedure_page("orleans", "but1")


def test_only_relative_targets_are_re_aimed():
    body = "[a](autre.md) [b](#etape-1) [c](https://ok.fr/x.md) [d](mailto:a@b.fr) [e](/racine.md) [f](<ma page.md>) `[g](code.md)`"
    assert safe_markdown(body, link_from_procedure_page) == (
        "[a](../autre/index.md) [b](#etape-1) [c](https://ok.fr/x.md) [d](mailto:a@b.fr) [e](/racine.md)"
        " [f](<../ma page/index.md>) `[g](code.md)`"
    )
    assert safe_markdown(body) == body, "without retarget, as written"


@pytest.mark.parametrize(
    "written, read",
    [
        ("reinscription.md", "reinscription/index.md"),
        ("index.md#contact-scolarite", "index.md#contact-scolarite"),
        ("../orleans/but1.md", "../orleans/but1/index.md"),
        ("../guide/mettre-a-jour.md", "../guide/mettre-a-jour.md"),
        ("but1/notice.pdf", "but1/notice.pdf"),
    ],
)
def test_a_summary_s_link_reads_the_same_from_the_institution_page(written, read):
    """The institution's page shows each procedure's summary: its links are re-aimed there too."""
    assert link_from_institution_page(written) == read


def test_link_check_names_the_pages_as_staff_write_them():
    assert written_page(procedure_page("amu-iut", "but1")) == "amu-iut/but1.md"
    assert written_page("amu-iut/index.md") == "amu-iut/index.md"
    assert written_page("guide/mettre-a-jour.md") == "guide/mettre-a-jour.md"
