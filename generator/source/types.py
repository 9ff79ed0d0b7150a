"""Small declarative types that check YAML nodes and describe themselves as
JSON Schema. Each check returns the plain Python value, or INVALID after
recording an error at the node's place, so that every mistake of a file is
reported in one run.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from checks.paris_time import FIRST_YEAR, LAST_YEAR

from generator.errors import DataError
from generator.source.translations import LANGUAGES, Words
from generator.source.yaml_source import position, read_yaml


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID = _Invalid()
UNKNOWN = "unknown"  # what staff write where the notice says nothing


def known(value) -> bool:
    """Whether a checked value says something (neither missing nor « unknown »)."""
    return value is not None and value != UNKNOWN


@dataclass
class Context:
    """Where the errors of one file go, and where each value stood."""

    file: str
    errors: list[DataError] = field(default_factory=list)
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    # Errors where the value had the right form but an impossible content
    # (30 February): worth more than "expected X or Y" when choices fail.
    definite: list[DataError] = field(default_factory=list)
    # Dates a draft still marks « à confirmer », by path.
    unconfirmed: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def error(self, node, message: str, definite: bool = False) -> _Invalid:
        line, col = position(node)
        error = DataError(self.file, line, col, message)
        self.errors.append(error)
        if definite:
            self.definite.append(error)
        return INVALID

    def error_at(self, path: tuple, message: str) -> None:
        line, col = self.positions.get(path, (1, 1))
        self.errors.append(DataError(self.file, line, col, message))


def _is_null(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _name(path: tuple) -> str:
    """The field named in a message: the last key, or « steps[2] »."""
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "valeur"


class Type:
    expected = "une valeur"

    def check(self, node, ctx: Context, path: tuple):
        ctx.positions[path] = position(node)
        if _is_null(node) and not isinstance(self, Nullable):
            return ctx.error(node, f"« {_name(path)} » est vide : attendu {self.expected}")
        return self._check(node, ctx, path)

    def _check(self, node, ctx, path):  # pragma: no cover - abstract
        raise NotImplementedError

    def json(self) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError


class Scalar(Type):
    """A scalar read as its text, whatever YAML would have guessed."""

    def _check(self, node, ctx, path):
        if not isinstance(node, yaml.ScalarNode):
            return ctx.error(node, f"« {_name(path)} » : attendu {self.expected}, pas une liste ni un dictionnaire")
        return self.parse(node.value.strip(), node, ctx, path)

    def parse(self, text, node, ctx, path):  # pragma: no cover - abstract
        raise NotImplementedError


class Text(Scalar):
    """A text. A prose text (the default) may also be written in two languages,
    `{fr: <français>, en: <English>}` (`fr` required), and checks to a `Words`; a text
    that names a file or a setting (`prose=False`) stays one plain text."""

    expected = "un texte"

    def __init__(self, prose: bool = True):
        self.prose = prose

    def _check(self, node, ctx, path):
        if self.prose and isinstance(node, yaml.MappingNode):
            return self._languages(node, ctx, path)
        return super()._check(node, ctx, path)

    def parse(self, text, node, ctx, path):
        if not text:
            return ctx.error(node, f"« {_name(path)} » est vide : écrivez un texte, ou « unknown » si la notice ne dit rien")
        return Words(text) if self.prose and text != UNKNOWN else text  # « unknown » is a word of modop, not prose

    def _languages(self, node, ctx, path):
        """`{fr: …, en: …}`: the French text and its English version."""
        texts = {}
        failed = False
        for key, key_node, value_node in _mapping_pairs(node, ctx, path):
            if key not in LANGUAGES:
                ctx.error(key_node, f"« {_name(path)} » : clé « {key} » inconnue : fr et en seulement (le texte en français, sa version anglaise)")
                failed = True
                continue
            text = Text(prose=False).check(value_node, ctx, path + (key,))
            failed |= text is INVALID
            texts[key] = text
        if "fr" not in texts and not failed:
            return ctx.error(node, f"« {_name(path)} » : le texte en français manque : écrivez-le après « fr: »")
        return INVALID if failed else Words(texts["fr"], texts.get("en"))

    def json(self):
        text = {"type": "string", "minLength": 1}
        if not self.prose:
            return text
        return {
            "oneOf": [
                text,
                {
                    "type": "object",
                    "properties": {"fr": {**text, "description": "le texte en français"}, "en": {**text, "description": "sa version anglaise"}},
                    "required": ["fr"],
                    "additionalProperties": False,
                },
            ]
        }


class Pattern(Scalar):
    def __init__(self, regex: str, expected: str):
        self.regex = re.compile(regex)
        self.expected = expected

    def parse(self, text, node, ctx, path):
        if not self.regex.fullmatch(text):
            return ctx.error(node, f"« {_name(path)} » vaut « {text} » : attendu {self.expected}")
        return text

    def json(self):
        return {"type": "string", "pattern": f"^(?:{self.regex.pattern})$"}


class AcademicYear(Scalar):
    """An academic year `AAAA-BBBB`: two consecutive years within FIRST_YEAR to LAST_YEAR
    (checks.paris_time), the years the checker answers for."""

    expected = "une année universitaire AAAA-AAAA (par exemple 2024-2025)"

    def parse(self, text, node, ctx, path):
        problem = academic_year_problem(text)
        if problem:
            return ctx.error(node, f"« {_name(path)} » vaut « {text} » : {problem}", definite=True)
        return text

    def json(self):
        return {"type": "string", "pattern": r"^\d{4}-\d{4}$"}


def academic_year_problem(text: str) -> str | None:
    """What is wrong with an academic year as written (`2024-2026`), said as what to
    write instead; None when it is right."""
    match = re.fullmatch(r"(\d{4})-(\d{4})", text)
    if not match:
        return "attendu une année universitaire AAAA-AAAA (par exemple 2024-2025)"
    first, second = int(match.group(1)), int(match.group(2))
    if second != first + 1:
        return f"les deux années doivent se suivre : écrivez par exemple {first:04d}-{first + 1:04d}"
    if not (FIRST_YEAR <= first and second <= LAST_YEAR):
        return f"écrivez une année entre {FIRST_YEAR}-{FIRST_YEAR + 1} et {LAST_YEAR - 1}-{LAST_YEAR}"
    return None


class Word(Scalar):
    def __init__(self, *words: str):
        self.words = words
        self.expected = " ou ".join(f"« {w} »" for w in words)

    def parse(self, text, node, ctx, path):
        if text not in self.words:
            hint = difflib.get_close_matches(text, self.words, n=1)
            tip = f" (vouliez-vous dire « {hint[0]} » ?)" if hint else ""
            return ctx.error(node, f"« {_name(path)} » vaut « {text} » : attendu {self.expected}{tip}")
        return text

    def json(self):
        # YAML reads an unquoted 3 as a number: accept both spellings.
        numbers = [int(w) for w in self.words if w.isdigit()]
        return {"enum": [*self.words, *numbers]}


class Bool(Scalar):
    expected = "true ou false"

    def parse(self, text, node, ctx, path):
        if node.tag.endswith(":bool"):
            return text.lower() in ("true", "yes", "on")
        return ctx.error(node, f"« {_name(path)} » vaut « {text} » : attendu true ou false")

    def json(self):
        return {"type": "boolean"}


class Number(Scalar):
    """A number written in decimal digits (`175`, `3770.5`, `1_000`, `1.5e+3`), from
    `minimum` to `maximum`; with `cents`, at most two digits after the point.

    The text is read as a decimal, not as YAML would guess it: `0x1A` or `1:30`
    (hexadecimal, sexagesimal in YAML 1.1) are refused, and so is a value
    beyond `maximum` (`1.0e+308`, or 23 digits a float would round) before it
    becomes a float."""

    expected = "un nombre (par exemple 175 ou 175.5)"

    def __init__(self, integer: bool = False, minimum: float = 0, maximum: float | None = None,
                 cents: bool = False, expected: str | None = None):
        self.integer = integer
        self.minimum = minimum
        self.maximum = maximum
        self.cents = cents
        self.bounds = expected  # said for a value out of bounds too, when given
        if expected:
            self.expected = expected
        elif integer:
            self.expected = "un nombre entier"

    def parse(self, text, node, ctx, path):
        written = self._decimal(text, node)
        if written is None:
            return ctx.error(node, f"« {_name(path)} » vaut « {text} » : attendu {self.expected}, sans unité ni espace")
        out_of_bounds = None
        if written < self.minimum:
            out_of_bounds = self.bounds or f"au moins {self.minimum}"
        elif self.maximum is not None and written > self.maximum:
            out_of_bounds = self.bounds or f"au plus {self.maximum}"
        if out_of_bounds:
            return ctx.error(node, f"« {_name(path)} » vaut {text} : attendu {out_of_bounds}", definite=True)
        if self.cents and written != round(written, 2):
            return ctx.error(
                node,
                f"« {_name(path)} » vaut {text} : attendu deux décimales au plus (des centimes), par exemple {round(written, 2)}",
                definite=True,
            )
        return int(written) if node.tag.endswith(":int") else float(written)

    def _decimal(self, text: str, node) -> Decimal | None:
        """The number the text writes in decimal digits, or None (not a number YAML sees, .inf, 0x1A)."""
        if not node.tag.endswith((":int",) if self.integer else (":int", ":float")):
            return None
        try:
            written = Decimal(text.replace("_", ""))
        except InvalidOperation:
            return None
        return written if written.is_finite() else None

    def json(self):
        schema = {"type": "integer" if self.integer else "number", "minimum": self.minimum}
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema


TO_CONFIRM = " à confirmer"
# What validate says of each date still « à confirmer » (a warning; an error with --strict).
UNCONFIRMED_DATE = "date encore « à confirmer » : vérifiez-la puis effacez ces mots"


def _strip_to_confirm(text: str, node, ctx: Context, path: tuple) -> str:
    """A draft's date ends with « à confirmer » until staff check it."""
    if text.endswith(TO_CONFIRM):
        ctx.unconfirmed[path] = position(node)
        return text[: -len(TO_CONFIRM)].rstrip()
    return text


def _out_of_years(day: str, node, ctx: Context, path: tuple):
    """INVALID, recorded, when the date `AAAA-MM-JJ` is not of FIRST_YEAR to LAST_YEAR, the
    years the checker answers for (checks.paris_time); else None."""
    if FIRST_YEAR <= int(day[:4]) <= LAST_YEAR:
        return None
    return ctx.error(
        node, f"« {_name(path)} » : la date {day} est hors des années {FIRST_YEAR} à {LAST_YEAR} : vérifiez l'année", definite=True
    )



class Date(Scalar):
    """A date `AAAA-MM-JJ` of FIRST_YEAR to LAST_YEAR; in a procedure's draft it may end with « à confirmer »."""

    expected = "une date AAAA-MM-JJ"

    def __init__(self, drafts: bool = True):
        self.drafts = drafts

    def parse(self, text, node, ctx, path):
        if self.drafts:
            text = _strip_to_confirm(text, node, ctx, path)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return ctx.error(node, f"« {_name(path)} » vaut « {text} » : attendu une date AAAA-MM-JJ (par exemple 2024-07-09)")
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            return ctx.error(node, f"« {_name(path)} » : la date {text} n'existe pas dans le calendrier", definite=True)
        return _out_of_years(text, node, ctx, path) or text

    def json(self):
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}( à confirmer)?$" if self.drafts else r"^\d{4}-\d{2}-\d{2}$"}


class Instant(Scalar):
    """A Paris local instant `AAAA-MM-JJ HH:MM`, or a date when no hour is known, of FIRST_YEAR to LAST_YEAR."""

    expected = "une date AAAA-MM-JJ ou un instant AAAA-MM-JJ HH:MM"

    def parse(self, text, node, ctx, path):
        text = _strip_to_confirm(text, node, ctx, path)
        match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::00)?)?", text)
        if not match:
            return ctx.error(
                node,
                f"« {_name(path)} » vaut « {text} » : attendu une date (2024-07-09) ou une date et une heure (2024-07-09 14:00)",
            )
        try:
            dt.date.fromisoformat(match.group(1))
        except ValueError:
            return ctx.error(node, f"« {_name(path)} » : la date {match.group(1)} n'existe pas dans le calendrier", definite=True)
        if _out_of_years(match.group(1), node, ctx, path):
            return INVALID
        if match.group(2) is None:
            return match.group(1)
        hour, minute = int(match.group(2)), int(match.group(3))
        if hour > 23 or minute > 59:
            return ctx.error(node, f"« {_name(path)} » : l'heure {match.group(2)}:{match.group(3)} n'existe pas", definite=True)
        return f"{match.group(1)} {hour:02d}:{minute:02d}"

    def json(self):
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2})?( à confirmer)?$"}


PARIS = ZoneInfo("Europe/Paris")


def paris_instant(text: str, *, end: bool = False) -> tuple[str, str]:
    """ISO instant of a YAML `AAAA-MM-JJ[ HH:MM]` and its kind.

    A bare date starts at that day's midnight; as an end it closes at the
    following midnight, so that the whole day is included. A time the spring's
    change skips is the real instant an hour later (02:30 is 03:30+02:00), as
    `checks.parse_instant` reads it; a repeated autumn time is the first one."""
    if " " in text:
        day, clock = text.split(" ")
        hour, minute = (int(p) for p in clock.split(":"))
        local = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute))
        return local.replace(tzinfo=PARIS).astimezone(dt.timezone.utc).astimezone(PARIS).isoformat(), "instant"
    day = dt.date.fromisoformat(text)
    if end:
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time()).replace(tzinfo=PARIS).isoformat(), "date"


class Either(Type):
    """The first of several types that accepts the value (words first)."""

    def __init__(self, *choices: Type, expected: str | None = None):
        self.choices = choices
        self.expected = expected or " ou ".join(c.expected for c in choices)

    def _check(self, node, ctx, path):
        definite = []
        for choice in self.choices:
            trial = Context(ctx.file)
            value = choice.check(node, trial, path)
            if not trial.errors:
                ctx.positions.update(trial.positions)
                ctx.unconfirmed.update(trial.unconfirmed)
                return value
            definite += trial.definite
        if definite:
            ctx.errors.append(definite[0])
            ctx.definite.append(definite[0])
            return INVALID
        if isinstance(node, yaml.ScalarNode):
            return ctx.error(node, f"« {_name(path)} » vaut « {node.value} » : attendu {self.expected}")
        # A structure: report the errors of the structured choice.
        for choice in self.choices:
            if isinstance(choice, (_Mapping, ListOf)) and _shape_matches(choice, node):
                return choice.check(node, ctx, path)
        return ctx.error(node, f"« {_name(path)} » : attendu {self.expected}")

    def json(self):
        return {"anyOf": [c.json() for c in self.choices]}


def _shape_matches(choice: Type, node) -> bool:
    if isinstance(choice, ListOf):
        return isinstance(node, yaml.SequenceNode)
    return isinstance(node, yaml.MappingNode)


class Nullable(Type):
    """A value that may be left empty (`fee:` or `fee: null`): then None."""

    def __init__(self, inner: Type):
        self.inner = inner
        self.expected = inner.expected

    def _check(self, node, ctx, path):
        if _is_null(node):
            return None
        return self.inner.check(node, ctx, path)

    def json(self):
        return {"anyOf": [self.inner.json(), {"type": "null"}]}


class ListOf(Type):
    def __init__(self, item: Type, expected: str = "une liste"):
        self.item = item
        self.expected = expected

    def _check(self, node, ctx, path):
        if not isinstance(node, yaml.SequenceNode):
            return ctx.error(node, f"« {_name(path)} » : attendu {self.expected} (des lignes commençant par « - »)")
        values = [self.item.check(child, ctx, path + (i,)) for i, child in enumerate(node.value)]
        return INVALID if any(v is INVALID for v in values) else values

    def json(self):
        return {"type": "array", "items": self.item.json()}


def _mapping_pairs(node, ctx, path):
    """Key text and value node of a mapping, refusing duplicate keys."""
    seen: dict[str, yaml.Node] = {}
    pairs = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            ctx.error(key_node, "une clé doit être un simple mot")
            continue
        key = key_node.value
        if key in seen:
            line, _ = position(seen[key])
            ctx.error(key_node, f"clé « {key} » en double (déjà à la ligne {line}) : gardez-en une seule")
            continue
        seen[key] = key_node
        ctx.positions[path + (key, "<key>")] = position(key_node)
        pairs.append((key, key_node, value_node))
    return pairs


class _Mapping(Type):
    """A YAML mapping, its keys read one by one (duplicates refused)."""

    def _check(self, node, ctx, path):
        if not isinstance(node, yaml.MappingNode):
            return ctx.error(node, f"« {_name(path)} » : attendu {self.expected} (des lignes « clé: valeur »)")
        return self._check_pairs(node, _mapping_pairs(node, ctx, path), ctx, path)

    def _check_pairs(self, node, pairs, ctx, path):  # pragma: no cover - abstract
        raise NotImplementedError


class MapOf(_Mapping):
    """A mapping from identifiers (or other keys) to values of one type."""

    def __init__(self, key: Scalar, value: Type, expected: str = "un dictionnaire"):
        self.key = key
        self.value = value
        self.expected = expected

    def _check_pairs(self, node, pairs, ctx, path):
        result = {}
        for key, key_node, value_node in pairs:
            if self.key.check(key_node, ctx, path + (key, "<key>")) is INVALID:
                continue
            result[key] = self.value.check(value_node, ctx, path + (key,))
        return INVALID if any(v is INVALID for v in result.values()) else result

    def json(self):
        return {"type": "object", "additionalProperties": self.value.json(), "propertyNames": self.key.json()}


@dataclass
class Field:
    type: Type
    required: bool = False
    description: str = ""


class Obj(_Mapping):
    """A mapping with known keys: unknown keys and missing required ones are errors.

    With `other_keys`, keys it does not name belong to someone else (MkDocs, in
    mkdocs.yml): they are left unchecked and out of the value."""

    def __init__(self, fields: dict[str, Field], expected: str = "un dictionnaire", key_kind: str = "clé", other_keys: bool = False):
        self.fields = fields
        self.expected = expected
        self.key_kind = key_kind
        self.other_keys = other_keys

    def _check_pairs(self, node, pairs, ctx, path):
        result = {}
        failed = False
        for key, key_node, value_node in pairs:
            if key not in self.fields and self.other_keys:
                continue
            if key not in self.fields:
                hint = difflib.get_close_matches(key, self.fields, n=1)
                tip = f"vouliez-vous dire « {hint[0]} » ?" if hint else "clés possibles : " + ", ".join(self.fields)
                ctx.error(key_node, f"{self.key_kind} inconnue « {key} » : {tip}")
                failed = True
                continue
            value = self.fields[key].type.check(value_node, ctx, path + (key,))
            failed |= value is INVALID
            result[key] = value
        for name, spec in self.fields.items():
            if spec.required and name not in result:
                ctx.error(node, f"champ obligatoire « {name} » manquant : attendu {spec.description or spec.type.expected}")
                failed = True
        return INVALID if failed else result

    def json(self):
        properties = {}
        for name, spec in self.fields.items():
            schema = spec.type.json()
            if spec.description:
                schema = {**schema, "description": spec.description}
            properties[name] = schema
        required = [n for n, s in self.fields.items() if s.required]
        schema = {"type": "object", "properties": properties, "additionalProperties": self.other_keys}
        if required:
            schema["required"] = required
        return schema


def check_file(path: Path, shown: str, schema: Type, *, aliases: bool = False) -> tuple[object, Context]:
    """Read one YAML file and check it against its schema: the value (INVALID
    when anything is wrong) and the context holding its errors and positions.
    `aliases`: see `read_yaml`."""
    ctx = Context(shown)
    node, errors = read_yaml(path, shown, aliases=aliases)
    if errors:
        ctx.errors.extend(errors)
        return INVALID, ctx
    return schema.check(node, ctx, ()), ctx
