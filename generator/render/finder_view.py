"""The view of « Quelle procédure pour moi ? » (site_templates/partials/finder.html.j2 and
site_templates/finder/finder.mjs): the routing of `model.finder` with every word
placed (the FINDER_* and the answers' words of `checks.wording` in the site's language),
and, for the pages without JavaScript, the plain list of cases it walks to.

One routing per language of the site, written once as JSON (`outputs.finder_routing`:
`assets/finder/` of that language's site); the pages' plain lists are made from the same
one. Addresses in it are from that site's root (`amu-iut/but1/`); the script (one for
both languages, in the French root) resolves them against the routing's place, which
the page gives it, and a page's template against the page's."""
from __future__ import annotations

import posixpath

from markdown.extensions.toc import slugify

from checks.wording import wording

from generator.model.finder import PROFILE_QUESTIONS, paths, route
from generator.render.page_paths import procedure_page
from generator.source.translations import FrenchText

FOLDER = "assets/finder"  # in the site: the script and its routing
SCRIPT = "finder.mjs"
ROUTING = "routing.json"


def _page(institution_id: str, procedure_id: str) -> str:
    return posixpath.dirname(procedure_page(institution_id, procedure_id)) + "/"


def _answer(value) -> str:
    """An answer as the fragment of the procedure's address writes it (`true`, `parcoursup`)."""
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _labelled(node: dict, w) -> dict:
    if "procedures" in node:
        return {"procedures": node["procedures"]}
    key = node["ask"]
    return {
        "ask": key,
        "legend": w.FINDER_QUESTIONS[key],
        "profile": key in PROFILE_QUESTIONS,  # carried into the checker by the fragment
        "options": [
            {"value": _answer(o["value"]), "label": w.finder_choice(key, o["value"]), "next": _labelled(o["next"], w)}
            for o in node["options"]
        ],
        "unsure": {"label": w.FINDER_WORDS["unsure"], "next": _labelled(node["unsure"], w)},
    }


def institution_routes(by_institution: dict[str, list]) -> dict[str, dict]:
    """Each institution's routing (`model.finder.route` of its published records), computed
    once for the routing file and the pages' plain lists."""
    return {key: route(records) for key, records in by_institution.items()}


def finder_routing(institutions: list[dict], by_institution: dict[str, list], routes: dict[str, dict], lang: str = "fr") -> dict:
    """The routing of the site of `lang`: `institutions` are the institution pages' views
    (render.contacts.institution_view), `by_institution` their published records,
    `routes` their routings (`institution_routes`)."""
    w = wording(lang)
    procedures = {}
    for institution in institutions:
        for view, record in zip(institution["procedures"], by_institution[institution["id"]]):
            audience = record.data["audience"]["for"]
            procedures[record.full_id] = {
                "title": view["title"],
                "page": _page(institution["id"], record.data["id"]),
                "for": audience,
                "mark": view["finished"],
                # What the data gives only in French, on another language's site: the script marks it lang="fr".
                "french_title": isinstance(record.data["title"], FrenchText),
                "french_for": [index for index, who in enumerate(audience) if isinstance(who, FrenchText)],
            }
    return {
        "words": {**w.FINDER_WORDS},
        "procedures": procedures,
        "institutions": [
            {
                "id": institution["id"],
                "name": institution["name"],
                "page": institution["id"] + "/",
                "tree": _labelled(routes[institution["id"]], w),
            }
            for institution in institutions
        ],
    }


def institution_finder(routing: dict, institution_id: str, route_of_institution: dict, lang: str = "fr") -> dict:
    """The finder of an institution's page (`route_of_institution`: its routing, from
    `institution_routes`): its script, and each case of the plain list (the answers of a
    way through, those with « je ne sais pas » left out, and its procedures)."""
    w = wording(lang)
    page = institution_id + "/"
    cases = []
    for answers, found in paths(route_of_institution):
        if any(value is None for _, value in answers):
            continue  # a way with « je ne sais pas » only repeats the procedures of the others
        cases.append(
            {
                "text": w.finder_case(list(answers)),
                "procedures": [_link(routing, full_id, page) for full_id in found],
            }
        )
    return {
        "scope": institution_id,
        **_files(lang, "../"),
        "words": routing["words"],
        "cases": cases,
    }


def home_finder(routing: dict, lang: str = "fr") -> dict:
    """The home page's finder: its script, and each institution's page as the plain list."""
    return {
        "scope": "",
        **_files(lang, ""),
        "words": routing["words"],
        "institutions": [{"name": i["name"], "href": f"{i['page']}#{anchor(lang)}"} for i in routing["institutions"]],
    }


def anchor(lang: str = "fr") -> str:
    """The finder's section on a page of `lang`: Python-Markdown's slug of its title (FINDER_WORDS)."""
    return slugify(wording(lang).FINDER_WORDS["title"], "-")


def _files(lang: str, to_root: str) -> dict:
    """The script and the routing, from a page `to_root` below its site's root: the routing
    is its language's, the script the French root's (an English site is its `en/`)."""
    to_script = to_root if lang == "fr" else f"../{to_root}"
    return {"script": f"{to_script}{FOLDER}/{SCRIPT}", "routing": f"{to_root}{FOLDER}/{ROUTING}"}


def _link(routing: dict, full_id: str, from_page: str) -> dict:
    procedure = routing["procedures"][full_id]
    return {"title": procedure["title"], "href": posixpath.relpath(procedure["page"], from_page) + "/", "mark": procedure["mark"]}
