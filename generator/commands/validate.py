"""`modop validate [--strict] [--only INSTITUTION]`: every file checked; errors as file:line:col: message, then warnings."""
from __future__ import annotations

import argparse
import sys

from generator.errors import DataErrors, display_path
from generator.model.catalog import Catalog, load_catalog
from generator.model.plausibility import plausibility_warnings
from generator.paths import TEMPLATES_DIR
from generator.source.site_settings import read_site_settings, settings_file
from generator.source.translations import untranslated


def add_command(commands) -> None:
    parser = commands.add_parser("validate", help="vérifie les fichiers YAML et signale chaque erreur")
    parser.add_argument("--strict", action="store_true", help="les avertissements (dates encore « à confirmer »…) sont des erreurs")
    add_only_option(parser)
    parser.set_defaults(run=run, writes=False)


def add_only_option(parser: argparse.ArgumentParser) -> None:
    """`--only INSTITUTION`, repeatable: validate, build and serve read only those institutions."""
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="ÉTABLISSEMENT",
        help="ne lit que cet établissement (et la couche nationale) ; répétable",
    )


def run(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.root, args.only)
    warnings = report_warnings(catalog, strict=args.strict, links=link_check(catalog))
    report_translations(catalog)
    count, places = len(catalog.procedures), len(catalog.institutions)
    only = f" (--only {', '.join(catalog.institutions)})" if args.only else ""
    said = f"{warnings} avertissement{'s' if warnings > 1 else ''}" if warnings else "aucun avertissement"
    print(
        f"Vérifié : {count} procédure{'s' if count > 1 else ''} dans {places} établissement{'s' if places > 1 else ''}{only}, "
        f"aucune erreur, {said} (rien n'est écrit par validate)."
    )
    return 0


def missing_translations(catalog: Catalog) -> list[tuple[str, int]]:
    """Each data file (as shown) whose prose texts lack an English version, with how many."""
    procedures = catalog.root / "procedures"
    files = [(procedures / "national.yaml", catalog.national)]
    files += [(procedures / key / "institution.yaml", catalog.declared(key)) for key in catalog.institutions]
    files += [(record.path, record.data) for record in catalog.procedures]
    counted = [(display_path(path, catalog.root), untranslated(data)) for path, data in files]
    return [(shown, count) for shown, count in counted if count]


def report_translations(catalog: Catalog) -> None:
    """Print, as information (neither a warning nor an error, even with --strict), how many
    texts of each file the English site shows in French."""
    missing = missing_translations(catalog)
    if missing:
        print("Traductions anglaises manquantes (information) :")
    for shown, count in missing:
        texts = f"{count} texte{'s' if count > 1 else ''} sans traduction anglaise"
        print(f"information : {shown} : {texts} (la page anglaise {'les' if count > 1 else 'le'} montre en français)")


def link_check(catalog: Catalog):
    """The links of the data, judged on the pages as build renders them (`render.link_check`):
    the site as published and, when there are drafts, as `build --drafts` and serve show it."""
    from generator.outputs.takeaways import takeaway_links  # Jinja and Markdown: loaded by the commands that need them
    from generator.render.docs_tree import docs_tree
    from generator.render.link_check import LinkProblems, link_problems

    settings = read_site_settings(settings_file(catalog.root))
    published = catalog.without_drafts()
    found = LinkProblems()
    for site in (published, catalog) if published.unpublished else (published,):
        problems = link_problems(site, docs_tree(site, TEMPLATES_DIR, settings, takeaway_links), settings)
        found.errors += problems.errors
        found.left_out += problems.left_out
    return LinkProblems(sorted(set(found.errors)), sorted(set(found.left_out)))


def report_warnings(catalog: Catalog, strict: bool, links=None, now=None) -> int:
    """Print what is plausible but suspect: warnings, or errors when strict; return how many.
    `links` (`render.link_check.LinkProblems`): its errors are raised with the others, its
    links to institutions left out by --only are warnings. `now`: the instant a year is
    judged over at (by default, now)."""
    errors = list(links.errors) if links else []
    warnings = catalog.warnings + plausibility_warnings(catalog, now) + (links.left_out if links else [])
    if strict:
        errors, warnings = errors + warnings, []
    for warning in sorted(warnings):
        print(f"{warning} (avertissement)", file=sys.stderr)
    if errors:
        raise DataErrors(errors)
    return len(warnings)
