"""The shape of the three kinds of file under procedures/ (see procedures/README.md),
checked at the edge with precise messages, and published as JSON Schema."""
from __future__ import annotations

import json
from pathlib import Path

from checks.profile import FLAGS, INSTALMENT_COUNTS, PLATFORMS, REGIMES

from generator.source.types import (
    AcademicYear,
    Bool,
    Date,
    Either,
    Field,
    Instant,
    ListOf,
    MapOf,
    Nullable,
    Number,
    Obj,
    Pattern,
    Text,
    Word,
)

SLUG = Pattern(r"[a-z0-9][a-z0-9-]*", "un identifiant en minuscules, chiffres et tirets (par exemple but1)")
YEAR = AcademicYear()
UNKNOWN = Word("unknown")
URL = Either(
    Pattern(r"(https://|mailto:|tel:)[^\s\"'<>]+", "une adresse https:// (sans espace, guillemet ni chevron)"),
    UNKNOWN,
    expected="une adresse https:// ou « unknown »",
)
EMAIL = Pattern(r"[^@\s\"'<>]+@[^@\s\"'<>]+\.[a-z]{2,}", "une adresse électronique")
# The highest amount a field of euros accepts: the highest fees a notice states are
# some tens of thousands of euros; anything above is a typo (or a float's rounding).
MAX_EUROS = 100_000
EUROS = Number(maximum=MAX_EUROS, cents=True)
AMOUNT = Either(
    Word("national", "differentiated", "unknown"),
    EUROS,
    expected="un nombre (175), « national », « differentiated » (le montant national des droits différenciés) ou « unknown »",
)
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# The levels whose first enrolments may be subject to differentiated fees (a doctorate never is).
DIFFERENTIATED_LEVELS = ("licence", "master", "ingenieur")
# The years of study the finder asks about (`public.niveaux`), drawn from the bundled
# notices: each tells apart two procedures of one institution (AMU's BUT 1 and its
# direct entry into BUT 2 or 3, UPEC's master 1 and master 2), and no notice tells
# BUT 2 from BUT 3. Their French words: checks.wording.fr.LEVEL_CHOICES.
AUDIENCE_LEVELS = ("but1", "but2-3", "licence", "licence_pro", "master1", "master2", "ingenieur", "doctorat", "desu")


INSTALMENTS = Word(*(str(count) for count in INSTALMENT_COUNTS))


def _one_or_list(word: Word) -> Either:
    return Either(word, ListOf(word), expected=f"{word.expected}, ou une liste de ces valeurs")


CONDITION = Obj(
    {
        "regime": Field(_one_or_list(Word(*REGIMES))),
        **{flag: Field(Bool()) for flag in FLAGS},
        "echeances": Field(_one_or_list(INSTALMENTS)),
        "plateforme": Field(_one_or_list(Word(*PLATFORMS))),
        "date_acceptation": Field(Obj({"from": Field(Date()), "to": Field(Date())})),
    },
    expected="une condition sur le profil (par exemple {boursier: true})",
    key_kind="clé de profil",
)

RULE_REASON = {
    "reason": Field(Text(), required=True, description="une phrase en français qui dit pourquoi"),
    "reference": Field(Text(), description="le texte de loi ou la notice qui le dit"),
}

NATIONAL_RULE = Obj({"when": Field(CONDITION, required=True), **RULE_REASON})
PER_YEAR = MapOf(YEAR, EUROS, expected="des montants par année universitaire (2024-2025: 103)")
# A year left out is a year whose amount is not established: never a guess.
PER_YEAR_WITH_REFERENCE = MapOf(
    YEAR,
    Obj({"amount": Field(EUROS, required=True), "reference": Field(Text(), required=True)}),
    expected="par année universitaire, un montant et sa source (2024-2025: {amount: 2850, reference: …})",
)
PORTAL = Obj(
    {
        "name": Field(Text(), required=True),
        "url": Field(URL, required=True),
        "purpose": Field(Text(), required=True),
    }
)

NATIONAL = Obj(
    {
        "cvec": Field(
            Obj(
                {
                    "label": Field(Text(), required=True),
                    "reference": Field(Text(), required=True),
                    "amount": Field(PER_YEAR, required=True),
                    "not_subject": Field(ListOf(NATIONAL_RULE)),
                    "exempt": Field(ListOf(NATIONAL_RULE)),
                }
            ),
            required=True,
        ),
        "fees": Field(
            Obj(
                {
                    "reference": Field(Text(), required=True),
                    "amount": Field(
                        Obj({level: Field(PER_YEAR) for level in ("licence", "master", "doctorat", "ingenieur")}),
                        required=True,
                    ),
                    "exempt": Field(ListOf(NATIONAL_RULE)),
                    "differentiated": Field(
                        Obj(
                            {
                                "reference": Field(Text(), required=True),
                                "amount": Field(
                                    Obj({level: Field(PER_YEAR_WITH_REFERENCE) for level in DIFFERENTIATED_LEVELS}),
                                    required=True,
                                ),
                            }
                        ),
                        description="droits d'inscription différenciés (arrêté du 19 avril 2019, article 8 et tableau 2)",
                    ),
                }
            ),
            required=True,
        ),
        "academic_year_end": Field(
            Obj(
                {
                    "month": Field(Number(integer=True, minimum=1, maximum=12), required=True),
                    "day": Field(Number(integer=True, minimum=1, maximum=31), required=True),
                    "reference": Field(Text(), required=True),
                }
            ),
            required=True,
            description="dernier jour de l'année universitaire, dans sa seconde année civile : convention de modop",
        ),
        "portals": Field(MapOf(SLUG, PORTAL), description="portails nationaux, hérités par chaque établissement"),
    }
)

HOURS = Either(
    UNKNOWN,
    ListOf(
        Obj(
            {
                "days": Field(ListOf(Word(*DAYS)), required=True),
                "times": Field(
                    ListOf(Pattern(r"\d{2}:\d{2}-\d{2}:\d{2}", "une plage HH:MM-HH:MM (par exemple 08:30-12:00)")),
                    required=True,
                ),
            }
        )
    ),
    expected="des horaires (une liste de jours et de plages) ou « unknown »",
)

CONTACT = Obj(
    {
        "name": Field(Text(), required=True),
        "role": Field(Text()),
        "emails": Field(ListOf(EMAIL)),
        "phones": Field(
            ListOf(
                Obj(
                    {
                        "number": Field(Pattern(r"\+?[0-9][0-9 .]{7,}[0-9]", "un numéro de téléphone"), required=True),
                        "hours": Field(HOURS, required=True),
                        "period": Field(Obj({"from": Field(Date(), required=True), "to": Field(Date(), required=True)})),
                        "note": Field(Text()),
                    }
                )
            )
        ),
        "address": Field(Text()),
        "note": Field(Text()),
    }
)

INSTITUTION = Obj(
    {
        "name": Field(Text(), required=True, description="nom de l'établissement"),
        "parent": Field(Text(), required=True, description="établissement de rattachement, ou unknown"),
        "address": Field(Text()),
        "website": Field(URL),
        "contacts": Field(MapOf(SLUG, CONTACT), required=True),
        "portals": Field(MapOf(SLUG, PORTAL), required=True, description="portails de l'établissement (les nationaux sont hérités)"),
    }
)

PORTAL_REFS = ListOf(SLUG)
WARNING = Obj({"kind": Field(Word("note", "info", "warning", "danger")), "text": Field(Text(), required=True)})

DOCUMENT = Obj(
    {
        "id": Field(SLUG, required=True, description="identifiant, unique dans la procédure"),
        "label": Field(Text(), required=True),
        "when": Field(CONDITION),
        "note": Field(Text()),
    }
)

STEP = Obj(
    {
        "id": Field(SLUG, required=True),
        "title": Field(Text(), required=True),
        "body": Field(Text(), required=True),
        "portals": Field(PORTAL_REFS),
        "menu": Field(Text()),
        "when": Field(CONDITION),
        "warnings": Field(ListOf(WARNING)),
        "screenshots": Field(ListOf(Obj({"src": Field(Text(prose=False), required=True), "alt": Field(Text(), required=True)}))),
        "branches": Field(ListOf(Obj({"title": Field(Text(), required=True), "body": Field(Text(), required=True)}))),
        "documents": Field(ListOf(DOCUMENT), description="pièces justificatives à fournir à cette étape"),
    }
)

CATEGORY = Either(Pattern(r"[A-Za-z0-9]{1,4}", "un code de la liste categories"), UNKNOWN, expected="un code de categories ou « unknown »")
FEE_OUTCOME = {
    "amount": Field(AMOUNT, required=True),
    "category": Field(CATEGORY),
    "reason": Field(Text(), required=True),
}

FEE = Obj(
    {
        "categories": Field(
            ListOf(Obj({"code": Field(Pattern(r"[A-Za-z0-9]{1,4}", "un code court (01, D1)"), required=True), "label": Field(Text(), required=True)}))
        ),
        "allowed": Field(ListOf(Pattern(r"[A-Za-z0-9]{1,4}", "un code de categories"))),
        "rules": Field(
            ListOf(
                Obj(
                    {
                        "when": Field(CONDITION, required=True),
                        "before_national_exemptions": Field(
                            Bool(), description="true : la règle s'applique avant les exonérations nationales"
                        ),
                        **FEE_OUTCOME,
                    }
                )
            )
        ),
        "default": Field(Obj(FEE_OUTCOME), required=True),
        "note": Field(Text()),
    }
)

CVEC = Obj(
    {
        "amount": Field(AMOUNT),
        "rules": Field(
            ListOf(
                Obj(
                    {
                        "when": Field(CONDITION, required=True),
                        "status": Field(Word("due", "exempt", "not_subject"), required=True),
                        "reason": Field(Text(), required=True),
                    }
                )
            )
        ),
        "note": Field(Text()),
    }
)

START = Either(Word("asap", "unknown"), Instant(), expected="une date, une date et une heure, « asap » ou « unknown »")
END = Either(Word("asap", "unknown"), Instant(), expected="une date, une date et une heure, « asap » ou « unknown »")

WINDOWS = Either(
    UNKNOWN,
    ListOf(
        Obj(
            {
                "label": Field(Text(), required=True),
                "when": Field(CONDITION),
                "periods": Field(
                    ListOf(Obj({"start": Field(START, required=True), "end": Field(END, required=True)})),
                    required=True,
                ),
            }
        )
    ),
    expected="une liste de périodes d'inscription, ou « unknown »",
)

DUE = Word("at_registration", "unknown")
SHARE = Either(
    Pattern(r"[1-9][0-9]*/[1-9][0-9]*", "une fraction (1/3)"), UNKNOWN, expected="une fraction (1/3) ou « unknown »"
)
PAYMENT = Either(
    UNKNOWN,
    Obj(
        {
            "methods": Field(Either(UNKNOWN, ListOf(Text()), expected="une liste de moyens de paiement ou « unknown »")),
            "due": Field(DUE, description="quand se paie le droit (ou sa première échéance) : at_registration ou unknown"),
            "instalments": Field(
                Either(
                    UNKNOWN,
                    ListOf(
                        Obj(
                            {
                                "count": Field(INSTALMENTS, required=True),
                                "label": Field(Text()),
                                "min_amount": Field(EUROS),
                                "first_due": Field(DUE, description="la première échéance de cette option, si ce n'est pas « due »"),
                                "first_share": Field(SHARE, description="la part de la première échéance (parts égales sinon)"),
                                "at_least": Field(Bool(), description="true : la première part est un minimum"),
                            }
                        )
                    ),
                    expected="une liste de façons de payer, ou « unknown »",
                )
            ),
            "later_instalments_day": Field(
                Either(
                    UNKNOWN,
                    Number(integer=True, minimum=1, maximum=31, expected="un jour du mois, de 1 à 31"),
                    expected="un jour du mois (1 à 31) ou « unknown »",
                )
            ),
            "note": Field(Text()),
        }
    ),
    expected="les modalités de paiement, ou « unknown »",
)
SOURCE = Obj({"title": Field(Text(), required=True), "date": Field(Either(Date(), UNKNOWN)), "url": Field(URL)})

# Whom the procedure is for, as the finder (« Quelle procédure pour moi ? ») asks it;
# a key left out: the notice does not say (every answer leads to the procedure).
PUBLIC = Obj(
    {
        "deja_inscrit": Field(
            Either(Bool(), Word("either"), expected="true, false ou « either »"),
            description="true : étudiants inscrits l'an dernier ; false : première inscription ; either : les deux",
        ),
        "plateformes": Field(
            ListOf(Word(*PLATFORMS)),
            description="les plateformes d'admission des étudiants concernés (aucune : admission directe)",
        ),
        "niveaux": Field(ListOf(Word(*AUDIENCE_LEVELS)), description="les années d'études concernées"),
    },
    expected="le public de la procédure ({deja_inscrit, plateformes, niveaux})",
)

PROCEDURE = Obj(
    {
        "draft": Field(Bool(), description="true : brouillon d'une nouvelle année, que build ne publie pas ; effacez la ligne pour publier"),
        "id": Field(SLUG, required=True, description="identifiant, unique dans l'établissement et l'année"),
        "title": Field(Text(), required=True),
        "academic_year": Field(YEAR, required=True),
        "academic_year_stated": Field(Bool()),
        "academic_year_end": Field(Date(), description="dernier jour de l'année universitaire, quand la notice en donne un"),
        "kind": Field(Word("inscription", "candidature"), required=True),
        "level": Field(Word("licence", "master", "doctorat", "ingenieur", "autre"), required=True),
        "source": Field(
            Either(SOURCE, ListOf(SOURCE), expected="une source {title, date, url}, ou une liste de sources"),
            required=True,
        ),
        "summary": Field(Text(), required=True),
        "audience": Field(
            Obj({"for": Field(ListOf(Text()), required=True), "not_for": Field(ListOf(Text()))}),
            required=True,
        ),
        "public": Field(PUBLIC, description="à qui s'adresse la procédure, pour « Quelle procédure pour moi ? »"),
        "contacts": Field(ListOf(SLUG)),
        "unsure": Field(Obj({"contact": Field(SLUG, required=True), "text": Field(Text(), required=True)})),
        "prerequisites": Field(
            ListOf(Obj({"title": Field(Text(), required=True), "body": Field(Text(), required=True), "portals": Field(PORTAL_REFS)}))
        ),
        "steps": Field(ListOf(STEP), required=True),
        "fee": Field(Nullable(FEE)),
        "cvec": Field(Nullable(CVEC)),
        "windows": Field(WINDOWS, required=True, description="périodes d'inscription, ou unknown"),
        "closures": Field(
            ListOf(
                Obj(
                    {
                        "kind": Field(
                            Word("portal", "office"),
                            description="portal (le portail, par défaut : l'inscription est impossible) ou office (un contact)",
                        ),
                        "contact": Field(SLUG, description="le contact fermé, pour une fermeture office"),
                        "from": Field(Instant(), required=True),
                        "to": Field(Instant(), required=True),
                        "reason": Field(Text(), required=True),
                    }
                )
            )
        ),
        "payment": Field(PAYMENT),
    }
)

SCHEMAS = {"national": NATIONAL, "institution": INSTITUTION, "procedure": PROCEDURE}
TITLES = {
    "national": "modop : couche nationale (procedures/national.yaml)",
    "institution": "modop : établissement (procedures/<établissement>/institution.yaml)",
    "procedure": "modop : procédure (procedures/<établissement>/<année>/<procédure>.yaml)",
}


def json_schema(kind: str) -> dict:
    """The JSON Schema (draft-07) of one kind of file, for editors."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"{kind}.schema.json",
        "title": TITLES[kind],
        **SCHEMAS[kind].json(),
    }


def write_json_schemas(folder: Path) -> list[Path]:
    """Write `<kind>.schema.json` for the three kinds of file into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMAS:
        path = folder / f"{kind}.schema.json"
        path.write_text(json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
