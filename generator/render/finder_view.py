"""The view of « Quelle procédure pour moi ? » (site_templates/partials/finder.html.j2 and
site_templates/finder/finder.mjs): the routing of `model.finder` with every word
placed (checks.wording.fr's FINDER_* and the answers' words), and, for the pages
without JavaScript, the plain list of cases it walks to.

One routing for the whole site, written once as JSON beside the script
(`outputs.finder_routing`); the pages' plain lists are made from the same one.
Addresses in it are from the site's root (`amu-iut/but1/`); the script resolves
them against its own place, a page's template against the page's."""
from __future__ import annotations

import posixpath

from checks.wording import fr

from generator.model.finder import PROFILE_QUESTIONS, paths, route
from generator.render.page_paths import procedure_page

FOLDER = "assets/finder"  # in the site: the script and its routing
SCRIPT = "finder.mjs"
ROUTING = "routing.json"
# The section's anchor: Python-Markdown's slug of FINDER_WORDS["title"], for the home page's links.
ANCHOR = "quelle-procedure-pour-moi"


def _page(institution_id: str, procedure_id: str) -> str:
    return posixpath.dirname(procedure_page(institution_id, procedure_id)) + "/"


def _answer(value) -> str:
    """An answer as the fragment of the procedure's address writes it (`true`, `parcoursup`)."""
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _labelled(node: dict) -> dict:
    if "procedures" in node:
        return {"procedures": node["procedures"]}
    key = node["ask"]
    return {
        "ask": key,
        "legend": fr.FINDER_QUESTIONS[key],
        "profile": key in PROFILE_QUESTIONS,  # carried into the checker by the fragment
        "options": [
            {"value": _answer(o["value"]), "label": fr.finder_choice(key, o["value"]), "next": _labelled(o["next"])}
            for o in node["options"]
        ],
        "unsure": {"label": fr.FINDER_WORDS["unsure"], "next": _labelled(node["unsure"])},
    }


def institution_routes(by_institution: dict[str, list]) -> dict[str, dict]:
    """Each institution's routing (`model.finder.route` of its published records), computed
    once for the routing file and the pages' plain lists."""
    return {key: route(records) for key, records in by_institution.items()}


def finder_routing(institutions: list[dict], by_institution: dict[str, list], routes: dict[str, dict]) -> dict:
    """The site's routing: `institutions` are the institution pages' views
    (render.contacts.institution_view), `by_institution` their published records,
    `routes` their routings (`institution_routes`)."""
    procedures = {}
    for institution in institutions:
        for view, record in zip(institution["procedures"], by_institution[institution["id"]]):
            procedures[record.full_id] = {
                "title": view["title"],
                "page": _page(institution["id"], record.data["id"]),
                "for": record.data["audience"]["for"],
                "mark": view["finished"],
            }
    return {
        "words": {**fr.FINDER_WORDS},
        "procedures": procedures,
        "institutions": [
            {
                "id": institution["id"],
                "name": institution["name"],
                "page": institution["id"] + "/",
                "tree": _labelled(routes[institution["id"]]),
            }
            for institution in institutions
        ],
    }


def institution_finder(routing: dict, institution_id: str, route_of_institution: dict) -> dict:
    """The finder of an institution's page (`route_of_institution`: its routing, from
    `institution_routes`): its script, and each case of the plain list (the answers of a
    way through, those with « je ne sais pas » left out, and its procedures)."""
    page = institution_id + "/"
    cases = []
    for answers, found in paths(route_of_institution):
        if any(value is None for _, value in answers):
            continue  # a way with « je ne sais pas » only repeats the procedures of the others
        cases.append(
            {
                "text": fr.finder_case(list(answers)),
                "procedures": [_link(routing, full_id, page) for full_id in found],
            }
        )
    return {
        "scope": institution_id,
        "script": f"../{FOLDER}/{SCRIPT}",
        "words": routing["words"],
        "cases": cases,
    }


def home_finder(routing: dict) -> dict:
    """The home page's finder: its script, and each institution's page as the plain list."""
    return {
        "scope": "",
        "script": f"{FOLDER}/{SCRIPT}",
        "words": routing["words"],
        "institutions": [{"name": i["name"], "href": f"{i['page']}#{ANCHOR}"} for i in routing["institutions"]],
    }


def _link(routing: dict, full_id: str, from_page: str) -> dict:
    procedure = routing["procedures"][full_id]
    return {"title": procedure["title"], "href": posixpath.relpath(procedure["page"], from_page) + "/", "mark": procedure["mark"]}
