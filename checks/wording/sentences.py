"""The full stops of a text from the data, whatever its language: a reason, a label or a
source is placed inside a sentence (`clause`) or ends one (`sentence`)."""
from __future__ import annotations


def clause(text: str) -> str:
    """The text without its final full stop, to be placed inside a sentence."""
    text = text.strip()
    while text.endswith("."):
        text = text[:-1].rstrip()
    return text


def sentence(text: str) -> str:
    """The text ending with one full stop (reasons in the data may carry their own)."""
    text = clause(text)
    if not text or text.endswith(("?", "!", "…")):
        return text
    return text + "."
