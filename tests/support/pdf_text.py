"""The text of a PDF notice as the tests compare it."""
from __future__ import annotations

from pypdf import PdfReader

from checks.wording.fr import NBSP, NNBSP


def plain(text: str) -> str:
    """text with its no-break spaces as plain ones and each run of blanks as one space."""
    return " ".join(text.replace(NBSP, " ").replace(NNBSP, " ").split())


def pdf_text(reader: PdfReader) -> str:
    """Every page's text, plain."""
    return plain(" ".join(page.extract_text() for page in reader.pages))
