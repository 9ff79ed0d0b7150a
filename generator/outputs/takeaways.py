"""What a student or a school takes away from the site, written into the docs tree:
for each procedure (latest year) its calendar and its printable notice beside
its page, and the open data (`outputs.open_data`), in the catalog's language
(`catalog.lang`): the English catalog's into the English site's docs tree, under
the same names.

    <institution>/<procedure>/calendrier.ics   every window and closure (RFC 5545)
    <institution>/<procedure>/notice.pdf       the notice, A4, tagged PDF/UA-1
    donnees.md, donnees/...                    the open data and its page
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin

from generator.outputs.calendars import CALENDAR_FILE, build_stamp, write_calendar
from generator.outputs.open_data import FOLDER, PAGE, procedure_json_path, write_open_data
from generator.paths import TEMPLATES_DIR
from generator.render.pdf_notice import NOTICE_FILE, NoticeJob, write_notices


def add_takeaways(docs_dir: Path, catalog, *, site_url: str | None = None, stamp: datetime | None = None) -> None:
    """Write every procedure's calendar and notice, and the open data, into docs_dir.

    `site_url` (where the site of the catalog's language is published: the
    English site's is the root's `en/`), when known, puts the page's full address
    in the calendars and the notices. `stamp` is the
    calendars' DTSTAMP: by default SOURCE_DATE_EPOCH when set (reproducible
    builds), else now.
    """
    stamp = stamp or build_stamp()
    notices = []
    for record in catalog.latest():
        folder = docs_dir / record.institution_id / record.data["id"]
        folder.mkdir(parents=True, exist_ok=True)
        page_url = procedure_page_url(site_url, record)
        write_calendar(record, folder, stamp, page_url, catalog.lang)
        institution = catalog.institutions[record.institution_id]
        notices.append(NoticeJob(record, institution, folder / NOTICE_FILE, page_url, catalog.lang))
    write_notices(notices)
    write_open_data(docs_dir, catalog, TEMPLATES_DIR)


def procedure_page_url(site_url: str | None, record) -> str | None:
    if not site_url:
        return None
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", f"{record.institution_id}/{record.data['id']}/")


def takeaway_links(record) -> dict:
    """Links from the procedure's page (`<institution>/<procedure>/index.md`, in the
    folder this module writes into) to what it can take away."""
    return {
        "pdf": NOTICE_FILE,
        "ics": CALENDAR_FILE,
        "json": f"../../{FOLDER}/{procedure_json_path(record.institution_id, record.data['id'])}",
        "open_data": f"../../{PAGE}",
    }
