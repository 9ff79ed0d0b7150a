"""Reading a page of the built site with one of the tests' HTML parsers."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import TypeVar

Parser = TypeVar("Parser", bound=HTMLParser)


def parse_file(parser: Parser, path: Path) -> Parser:
    """parser, fed the whole HTML file at path."""
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser
