"""The Jinja environment of the page templates, and the filters that put YAML text into Markdown.

Everything that comes from YAML is escaped; the Markdown bodies of the YAML
are inserted as Markdown, in the safe subset of `render.safe_markdown` (no raw
HTML, no link but https:, mailto:, tel: and relative ones). The templates
receive views (`render.views`, `render.contacts`, `render.checker_view`) whose
figures are already worded (`checks.wording`): the filters only place text.

An environment is of one language: its templates read the site's own words as
`words` (`checks.wording.pages(lang)`), an English one looks for a template in
`site_templates/en/` first, and a French text placed on a page of another language
(`FrenchText`: the data gave no translation) is marked `lang="fr"`, inline or as a block.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from checks.wording import fr, pages

from generator.render.safe_markdown import safe_markdown
from generator.source.translations import FrenchText

# Characters that Python-Markdown would read as syntax inside a line of text.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]])")


def _one_line(value) -> str:
    # Only ASCII white space: the no-break spaces of French typography stay; markup
    # made by a view (a French part marked inside an English sentence) stays markup.
    text = re.sub(r"[ \t\r\n]+", " ", str(value)).strip()
    return Markup(text) if isinstance(value, Markup) else text


def markdown_text(value) -> Markup:
    """Plain text from YAML, placed where Markdown is parsed (headings, list items):
    HTML-escaped and with Markdown syntax neutralised, on one line.

    An amount's no-break space is written `&nbsp;`: MkDocs collapses the white
    space of a heading into plain spaces in the table of contents, but not an entity."""
    text = _MARKDOWN_SYNTAX.sub(r"\\\1", str(escape(_one_line(value))))
    return _inline_french(value, Markup(fr.amount_spacing(text, "&nbsp;")))


def markdown_block(value, retarget=None) -> Markup:
    """A Markdown body from YAML, inserted as Markdown (its authors write Markdown),
    in the safe subset: raw HTML shown as text, only https:, mailto:, tel: and
    relative links (re-aimed by `retarget`, see `render.safe_markdown`)."""
    body = Markup(safe_markdown(str(value).strip(), retarget))
    if isinstance(value, FrenchText):  # md_in_html parses the Markdown inside the block
        return Markup('<div lang="fr" markdown>\n\n') + body + Markup("\n\n</div>")
    return body


def _inline_french(value, placed: Markup) -> Markup:
    """`placed` (the text of `value` as written in the page) inside `<span lang="fr">`
    when `value` is a French text on a page of another language."""
    return Markup('<span lang="fr">') + placed + Markup("</span>") if isinstance(value, FrenchText) else placed


def front_matter_string(value) -> Markup:
    """A page title for the YAML front matter. Material writes `page.meta.title`
    into the HTML as it is, so the HTML escaping happens here."""
    return Markup(json.dumps(html.escape(_one_line(value), quote=False), ensure_ascii=False))


def amounts_kept_whole(value):
    """Every value a template writes, with a no-break space before the « € » of an
    amount (the data's texts write `103 €` as typed). Escaped text stays escaped; a
    French text on a page of another language is marked `lang="fr"`."""
    if isinstance(value, FrenchText):
        return _inline_french(value, Markup(fr.amount_spacing(str(escape(value)))))
    if isinstance(value, Markup):
        return Markup(fr.amount_spacing(str(value)))
    if isinstance(value, str):
        return fr.amount_spacing(value)
    return value


def _as_written(value):
    """The site's own words (`checks.wording.pages`) as the template's own text: not escaped."""
    if isinstance(value, dict):
        return {key: _as_written(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_written(item) for item in value]
    return Markup(value)


def template_environment(templates_dir: Path, retarget=None, lang: str = "fr") -> jinja2.Environment:
    """The environment of the pages of `lang`: `markdown` inserts a body as Markdown (the PDF
    notice's own environment turns it into HTML instead), its relative links
    re-aimed by `retarget` for pages that do not stand where their authors wrote from.
    The templates read the site's own words of `lang` as `words`; a template of
    `templates_dir/<lang>/` (other than French) stands in for the one of the same name."""
    folders = [templates_dir / lang] if lang != "fr" else []
    env = jinja2.Environment(
        finalize=amounts_kept_whole,
        loader=jinja2.FileSystemLoader([str(folder) for folder in [*folders, templates_dir]]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=markdown_text,
        markdown=lambda value: markdown_block(value, retarget),
        front_matter=front_matter_string,
    )
    env.globals.update(words=_as_written(pages(lang)), lang=lang)
    return env
