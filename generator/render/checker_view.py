"""The view of a procedure page's checker (site_templates/checker/form.html): whether the
page has one, where the widget's files are, the form's fields and the modules the page
asks for with its script.

The fields are the profile keys the procedure asks (`compiled["questions"]`), each
made from `checks.profile` (its flags, its choices and their defaults) and worded by
`checks.wording`; a choice offers only the values the procedure tells apart
(`compiled["options"]`: the counts of instalments it offers, the regimes and
platforms its conditions name, one « Autre » option for the rest). The widget's files are those of site_templates/checker/ that the
site ships (`outputs.checker_runtime` copies them into WIDGET_FOLDER), once, at the French
root: an English page (under en/) reaches them one level further up. The widget's own
words are `checks.wording.widget(lang)`, written by form.html and handed to its modules.
"""
from __future__ import annotations

import json

from checks.paris_time import FIRST_YEAR, LAST_YEAR
from checks.profile import DEFAULTS, FLAGS, PLATFORMS, REGIMES
from checks.wording import widget, wording

from generator.paths import WIDGET_DIR

WIDGET_FOLDER = "assets/checker"  # in the site
WIDGET_PATTERNS = ("*.mjs", "*.css")  # of site_templates/checker/, what the browser loads
ENTRY = "checker.mjs"  # the page's script: it imports every other module of the page
STYLESHEET = "checker.css"
WORKER = "worker.mjs"  # started by worker_client.mjs in a Web Worker, never loaded by the page

# The profile keys answered by picking one value of a list, with every value they may take.
_CHOICES = {"regime": REGIMES, "plateforme": PLATFORMS, "echeances": None}


def widget_files() -> list[str]:
    """The names of the widget's files the browser loads, sorted (a glob: the widget
    may be split into several modules)."""
    return sorted({path.name for pattern in WIDGET_PATTERNS for path in WIDGET_DIR.glob(pattern) if path.is_file()})


def preloaded_modules() -> list[str]:
    """The modules the page asks for with its script rather than once the script has
    arrived (a round trip less on a slow network): every shipped module but the entry
    and the worker."""
    return [name for name in widget_files() if name.endswith(".mjs") and name not in (ENTRY, WORKER)]


def has_checker(compiled: dict) -> bool:
    """Whether a procedure has anything to compute (ITSRA's selection has no fee, CVEC nor dates)."""
    return any(compiled.get(part) is not None for part in ("fee", "cvec", "windows"))


def field_view(key: str, field_id: str, offered: list | None = None, lang: str = "fr") -> dict:
    """One question of the form: `kind` is `checkbox` (a flag), `select` (a choice) or
    `date` (the one key left, date_acceptation). `offered`: the values of a choice the
    procedure tells apart (`compiled["options"][key]`). A date field takes the years the
    engine answers for (`min`, `max`) and has its message for a date the browser
    could not read (`problem`, shown by the widget's date_field.mjs)."""
    words = wording(lang)
    kind = "checkbox" if key in FLAGS else "select" if key in _CHOICES else "date"
    hint = words.FIELD_HINTS.get(key)
    dated = kind == "date"
    return {
        "key": key,
        "id": field_id,
        "kind": kind,
        "label": words.FIELD_LABELS[key],
        "options": _options(key, offered or [], words) if kind == "select" else [],
        "hint": hint,
        "hint_id": f"{field_id}-hint" if hint else None,
        "min": f"{FIRST_YEAR}-01-01" if dated else None,
        "max": f"{LAST_YEAR}-12-31" if dated else None,
        "problem": words.date_field_problem(FIRST_YEAR, LAST_YEAR) if dated else None,
        "problem_id": f"{field_id}-problem" if dated else None,
    }


def _options(key: str, offered: list, words) -> list[dict]:
    """The options of a select: the values told apart, then « Autre » for every value no
    condition names (the answer is the same for all of them: the first one stands for
    them, and `stands_for` lists them all, for a profile in the page's address that names
    another); a platform's first option is « Non indiquée »."""
    options = [(value, words.field_choice(key, value), ()) for value in offered]
    every = _CHOICES[key]
    if every is not None:
        others = [value for value in every if value not in offered]
        if others:
            label = words.field_choice(key, others[0]) if len(others) == 1 else words.other_choice(key, others)
            options.append((others[0], label, others))
        if key == "plateforme":
            options.insert(0, (None, words.field_choice(key, None), ()))
    default = DEFAULTS[key]
    chosen = next((value for value, _, _ in options if value == default), None)
    if chosen is None and key == "regime":
        chosen = options[-1][0]  # the default regime is one of the « Autre » ones
    return [
        {
            "value": "" if value is None else str(value),
            "label": label,
            "selected": value == chosen,
            "stands_for": " ".join(others) if len(others) > 1 else None,
        }
        for value, label, others in options
    ]


def checker_view(record, lang: str = "fr") -> dict | None:
    """The checker of a procedure's page in `lang` ("fr", or "en" for its English twin
    under en/); None when it has nothing to compute."""
    if not has_checker(record.compiled):
        return None
    # The page is <institution>/<procedure>/ (directory URLs), en/<institution>/<procedure>/
    # in English: its files' paths are relative, so that the site works under a sub-path;
    # its Markdown file sits in that folder (render.page_paths), so MkDocs and Zensical
    # read them alike. Both languages share the French root's files.
    depth = len(record.full_id.split("/")) + (0 if lang == "fr" else 1)
    root = "../" * depth
    folder = f"{root}{WIDGET_FOLDER}/"
    slug = "modop-" + record.full_id.replace("/", "-")
    words = widget(lang)
    return {
        "procedure": record.full_id,
        "lang": None if lang == "fr" else lang,  # the widget's data-lang: none is French
        "words": words,
        "words_json": json.dumps(words, ensure_ascii=False, separators=(",", ":")),
        "privacy_id": f"{slug}-privacy",
        "fields": [
            field_view(key, f"{slug}-{key}", (record.compiled.get("options") or {}).get(key), lang)
            for key in record.compiled["questions"]
        ],
        "stylesheet": folder + STYLESHEET,
        "script": folder + ENTRY,
        "preloaded": [folder + name for name in preloaded_modules()],
    }
