"""The printable notice of a procedure: an A4, tagged (PDF/UA-1) PDF made with WeasyPrint.

The notice restates the procedure page: numbered steps, windows, fees, CVEC,
payment, contacts and source, from the same views as the page
(`render.views.procedure_view`), rendered from `site_templates/pdf/` in the
language of its catalog: its own words from `checks.wording.notice(lang)`, the
figures from `checks.wording.wording(lang)`; on a notice in another language
than French, a text the school gave in French only is marked `lang="fr"`.
WeasyPrint lays it out with the system's fonts (DejaVu, embedded as subsets)
and fetches nothing but the template's stylesheet and the procedure's own
screenshots: any other address stops the build.
"""
from __future__ import annotations

import hashlib
import html
import multiprocessing
import os
import re
import shutil
import signal
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import markdown
import weasyprint
from markupsafe import Markup, escape
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from checks.wording import notice, pages, wording

from generator.errors import UserError
from generator.paths import PDF_TEMPLATES_DIR, TEMPLATES_DIR
from generator.render.environment import template_environment
from generator.render.safe_markdown import ALLOWED_LINK_SCHEMES, safe_markdown
from generator.render.views import procedure_view, shows_french
from generator.source.discovery import screenshot_file
from generator.source.translations import FrenchText

TEMPLATE = "pdf/notice.html.j2"
NOTICE_FILE = "notice.pdf"  # beside the procedure's page
STYLESHEET = PDF_TEMPLATES_DIR / "notice.css"

# PDF/UA-1 implies the tag tree (pdf_tags) and the title shown in the window.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}

_MARKDOWN_EXTENSIONS = ["attr_list", "tables", "sane_lists"]
_HREF = re.compile(r'href="([^"]*)"')
_TEXT_NODE = re.compile(r"(<(pre|code|style)\b.*?</\2>|<[^>]*>)|([^<]+)", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b([^>]*)>\Z")  # one element's tag, not a whole <code>…</code>
_LANG = re.compile(r'\blang="([a-z]+)"')
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def markdown_html(text: str, page_url: str | None) -> Markup:
    """A Markdown body of the YAML as HTML. Links keep an https, mailto or tel target
    or an anchor; a link relative to the site points at the site when its address
    is known; any other target is dropped (the text stays)."""
    rendered = markdown.markdown(safe_markdown(str(text).strip()), extensions=_MARKDOWN_EXTENSIONS, output_format="html")

    def absolute(match: re.Match) -> str:
        href = html.unescape(match.group(1))
        scheme = urlsplit(href).scheme
        if scheme in ALLOWED_LINK_SCHEMES or (not scheme and href.startswith("#")):
            return match.group(0)
        if not scheme and page_url:  # relative to the procedure's page on the site
            return f'href="{html.escape(urljoin(page_url, href))}"'
        return 'data-link-dropped=""'  # another scheme, or a site link without the site's address

    body = Markup(_HREF.sub(absolute, rendered))
    if isinstance(text, FrenchText):  # a French text on a notice in another language
        return Markup('<div lang="fr">{}</div>').format(body)
    return body


def fill(words: str, **values) -> Markup:
    """One of the notice's own sentences with its `{name}` values put in: the words and
    every plain value escaped, a value already written as HTML (a link) kept."""
    return escape(words).format(**values)


def css_content(words: str, **values: str) -> Markup:
    """One of the notice's own sentences as the `content` of a page's margin box: its
    text as CSS strings, each `{name}` replaced by the CSS of `values` (a counter)."""
    css = []
    for index, part in enumerate(_PLACEHOLDER.split(words)):
        if index % 2:
            css.append(values[part])
        elif part:
            css.append('"' + part.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return Markup(" ".join(css))


def french_spacing(document: str, lang: str = "fr") -> str:
    """The typography of each text's language (its wording's `french_spacing`: French's
    no-break spaces, none for English) in the text of an HTML document in `lang`,
    never in its tags, code, style or URLs: a passage marked `lang="fr"` on an
    English notice keeps French typography."""
    languages = [lang]  # the language of each element open at this point

    def place(match: re.Match) -> str:
        tag = match.group(1)
        if tag is None:
            return wording(languages[-1]).french_spacing(match.group(3))
        element = _TAG.match(tag)
        if element and element.group(1):
            if len(languages) > 1:
                languages.pop()
        elif element and element.group(2).lower() not in _VOID and not tag.endswith("/>"):
            marked = _LANG.search(element.group(3))
            languages.append(marked.group(1) if marked else languages[-1])
        return tag

    return _TEXT_NODE.sub(place, document)


def notice_html(record, institution: dict, *, page_url: str | None = None, lang: str = "fr") -> str:
    """The notice as one HTML document in `lang` (record and institution being that
    language's), its typography applied."""
    env = template_environment(TEMPLATES_DIR, lang=lang)
    env.filters.update(markdown=lambda text: markdown_html(text, page_url), fill=fill, css_content=css_content, unmarked=str)
    page = procedure_view(record, institution, lang=lang)
    for step, data in zip(page["steps"], record.data["steps"]):
        # The page's views point at the site's copy; the PDF reads the procedure's folder.
        step["screenshots"] = [
            {
                "src": screenshot_file(record.path, shot["src"]).as_uri(),
                "alt": shot["alt"],
                "french": isinstance(shot["alt"], FrenchText),  # said of the image: an attribute has no language of its own
            }
            for shot in data.get("screenshots", [])
        ]
    html = env.get_template(TEMPLATE).render(
        page=page,
        page_url=page_url,
        notice={**pages(lang), **notice(lang)},  # the page's headings, and the notice's own words
        french_parts=shows_french(page),
    )
    return french_spacing(html, lang)


def cache_folder() -> Path:
    """Where laid-out notices are kept between builds (MODOP_CACHE, else the user's cache)."""
    configured = os.environ.get("MODOP_CACHE")
    if configured:
        return Path(configured) / "notices"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "modop" / "notices"


def _notice_key(html: str, record) -> str:
    """Everything the PDF is made of: the HTML, the stylesheet, the pictures, the tool."""
    digest = hashlib.sha256()
    for part in (html, weasyprint.__version__, repr(sorted(PDF_OPTIONS.items()))):
        digest.update(part.encode("utf-8"))
    digest.update(STYLESHEET.read_bytes())
    for step in record.data["steps"]:
        for shot in step.get("screenshots", []):
            digest.update((record.path.parent / shot["src"]).read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class NoticeJob:
    """One notice to write: the procedure, its institution, the file, the page's
    address, the language (the record's and the institution's)."""

    record: object
    institution: dict
    target: Path
    page_url: str | None = None
    lang: str = "fr"


def write_notices(jobs: list[NoticeJob]) -> None:
    """Write the PDF notices of a build.

    Laying out a PDF takes a fifth of a second: a notice whose content has
    not changed since a previous build is copied from the cache (the live
    preview stays quick), and the others are laid out on every core."""
    pending = []
    for job in jobs:
        html = notice_html(job.record, job.institution, page_url=job.page_url, lang=job.lang)
        cached = cache_folder() / f"{_notice_key(html, job.record)}.pdf"
        job.target.parent.mkdir(parents=True, exist_ok=True)
        if cached.is_file():
            shutil.copyfile(cached, job.target)
        else:
            pending.append((html, job.record, job.target, cached))
    workers = min(len(pending), os.cpu_count() or 1)
    if workers <= 1:
        fonts = FontConfiguration()  # fonts looked up once for every notice
        for html, record, target, cached in pending:
            _lay_out_and_keep(html, record, target, cached, fonts)
        return
    # Spawned, not forked: `serve` rebuilds from a watcher thread, and a fork
    # taken while another thread holds a lock can hang for ever.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker) as pool:
        for _ in pool.map(_lay_out_and_keep, *zip(*pending)):
            pass  # an error in a worker is raised here


_worker_fonts = None


def _start_worker() -> None:
    global _worker_fonts
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the build, which stops the pool
    _worker_fonts = FontConfiguration()  # once per process: fontconfig is slow to start


def write_notice(record, institution: dict, target: Path, *, page_url: str | None = None, lang: str = "fr") -> None:
    """Write the PDF notice of one procedure record to target."""
    write_notices([NoticeJob(record, institution, target, page_url, lang)])


def _lay_out_and_keep(html: str, record, target: Path, cached: Path, fonts=None) -> None:
    _lay_out(html, record, target, fonts or _worker_fonts)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.part")
        shutil.copyfile(target, partial)
        os.replace(partial, cached)
    except OSError:
        pass  # no cache (read-only home, full disk): the next build lays it out again


def _lay_out(html: str, record, target: Path, font_config) -> None:
    fetcher = LocalFilesOnly([PDF_TEMPLATES_DIR, record.path.parent])
    try:
        document = HTML(string=html, base_url=record.path.parent.resolve().as_uri() + "/", url_fetcher=fetcher)
        stylesheet = CSS(filename=str(STYLESHEET), url_fetcher=fetcher, font_config=font_config)
        document.write_pdf(target, stylesheets=[stylesheet], font_config=font_config, **PDF_OPTIONS)
    except FatalURLFetchingError as error:
        raise UserError(f"{record.path}: notice PDF : {error.__cause__ or error}") from None


class LocalFilesOnly(URLFetcher):
    """WeasyPrint's fetcher, held to files under the given folders and data: URLs.

    Anything else (another origin, a file elsewhere) stops the rendering."""

    def __init__(self, folders):
        super().__init__(allowed_protocols=("file", "data"), fail_on_errors=True)
        self.folders = [Path(folder).resolve() for folder in folders]

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(url2pathname(parts.path)).resolve()
            if not any(path.is_relative_to(folder) for folder in self.folders):
                raise FatalURLFetchingError(f"fichier hors du dossier de la procédure refusé : {url}")
        elif parts.scheme != "data":
            raise FatalURLFetchingError(f"adresse externe refusée (la notice ne charge rien d'ailleurs) : {url}")
        return super().fetch(url, headers)
