"""Compiled procedures written by hand from the notices (checks/README.md format).

They let the engine's unit tests run without the YAML data or its loader, and
pin down the semantics on small, readable inputs.
"""
NATIONAL_CVEC = {
    "not_subject": [
        {
            "when": {"regime": ["formation_continue", "contrat_pro"]},
            "reason": "Les stagiaires de formation continue et les contrats de professionnalisation ne sont pas assujettis à la CVEC.",
            "source": "Code de l'éducation, article L841-5",
        },
        {
            "when": {"echange": True},
            "reason": "Les étudiants en mobilité entrante sous convention d'échange ne sont pas assujettis à la CVEC.",
            "source": "Code de l'éducation, article L841-5",
        },
    ],
    "exempt": [
        {"when": {"boursier": True}, "reason": "Les boursiers sont exonérés de la CVEC.", "source": "Code de l'éducation, article L841-5"},
        {"when": {"refugie": True}, "reason": "Les réfugiés, protégés subsidiaires et demandeurs d'asile sont exonérés de la CVEC.", "source": "Code de l'éducation, article L841-5"},
    ],
}

NATIONAL_FEE_EXEMPTIONS = [
    {"when": {"boursier": True}, "reason": "Les boursiers sont exonérés des droits d'inscription.", "source": "Code de l'éducation, article R719-49"},
    {"when": {"pupille": True}, "reason": "Les pupilles de la nation sont exonérés des droits d'inscription.", "source": "Code de l'éducation, article R719-49"},
]

AMU_BUT1 = {
    "id": "amu-iut/but1",
    "institution": {"id": "amu-iut", "name": "IUT d'Aix-Marseille"},
    "title": "Première inscription en BUT 1re année",
    "academic_year": "2024-2025",
    "academic_year_stated": True,
    "kind": "inscription",
    "level": "licence",
    "source": "Page « Inscription » de l'IUT d'Aix-Marseille",
    "unsure": {"text": "Écrivez à la scolarité.", "contact": "Service de scolarité de l'IUT"},
    "steps": [
        {"id": "cvec", "title": "Contribution de vie étudiante et de campus", "when": {}},
        {"id": "inscription", "title": "Inscription administrative en ligne", "when": {}},
        {"id": "pieces", "title": "Dépôt des pièces justificatives", "when": {}},
    ],
    "fee": {
        "categories": [],
        "allowed": [],
        "rules": [
            {
                "when": {"regime": ["apprentissage", "contrat_pro", "formation_continue"]},
                "amount": 0,
                "category": None,
                "category_unknown": False,
                "reason": "Les stagiaires de formation continue et les alternants ne paient pas les droits en ligne : ils sont mis en attente de paiement.",
                "source": "Page « Inscription » de l'IUT d'Aix-Marseille",
            },
            {
                "when": {"hors_ue": True},
                "amount": None,
                "category": None,
                "category_unknown": False,
                "reason": "Des frais différenciés s'appliquent aux étudiants extra-communautaires : voir la page des tarifs de l'université.",
                "source": "Page « Inscription » de l'IUT d'Aix-Marseille",
            },
        ],
        "national_exemptions": NATIONAL_FEE_EXEMPTIONS,
        "default": {
            "amount": 175.0,
            "category": None,
            "category_unknown": False,
            "reason": "Droits nationaux de licence pour 2024-2025.",
            "source": "Arrêté du 19 avril 2019",
        },
    },
    "cvec": {"amount": 103.0, "source": "Code de l'éducation, article L841-5", "rules": [], **NATIONAL_CVEC},
    "windows": [
        {
            "label": "Acceptation définitive jusqu'au 12/07/2024 inclus",
            "when": {"deja_inscrit": False, "date_acceptation": {"to": "2024-07-12"}},
            "periods": [
                {"start": "2024-07-09T14:00:00+02:00", "end": "2024-07-19T12:00:00+02:00", "start_kind": "instant", "end_kind": "instant"},
            ],
        },
        {
            "label": "Acceptation entre le 13/07/2024 et le 18/08/2024 inclus",
            "when": {"deja_inscrit": False, "date_acceptation": {"from": "2024-07-13", "to": "2024-08-18"}},
            "periods": [
                {"start": None, "end": "2024-07-24T12:00:00+02:00", "start_kind": "asap", "end_kind": "instant"},
                {"start": "2024-08-22T14:00:00+02:00", "end": "2024-08-28T17:00:00+02:00", "start_kind": "instant", "end_kind": "instant"},
            ],
        },
        {
            "label": "Acceptation définitive à partir du 19/08/2024",
            "when": {"deja_inscrit": False, "date_acceptation": {"from": "2024-08-19"}},
            "periods": [
                {"start": None, "end": "2024-09-09T12:00:00+02:00", "start_kind": "asap", "end_kind": "instant"},
            ],
        },
        {
            "label": "Inscrits à Aix-Marseille Université en 2023-2024",
            "when": {"deja_inscrit": True},
            "periods": [
                {"start": "2024-07-09T14:00:00+02:00", "end": None, "start_kind": "instant", "end_kind": "unknown"},
            ],
        },
    ],
    "closures": [],
    # Paid online when registering; the notice offers one payment only.
    "payment": {
        "methods": ["carte bancaire"],
        "due": "at_registration",
        "instalments": [{"count": 1, "label": None, "min_amount": None}],
        "later_instalments_day": None,
    },
    "questions": ["regime", "boursier", "hors_ue", "pupille", "deja_inscrit", "date_acceptation", "cvec_deja_acquittee"],
}

DOCTORAT = {
    "id": "clermont-inp/doctorat-edspi",
    "institution": {"id": "clermont-inp", "name": "Clermont Auvergne INP"},
    "title": "Doctorat, École doctorale SPI",
    "academic_year": "2025-2026",
    "academic_year_stated": True,
    "kind": "inscription",
    "level": "doctorat",
    "source": "Mode opératoire inscriptions doctorat ED SPI",
    "unsure": {"text": "Patientez ou écrivez.", "contact": "DRED, edspi.dred@uca.fr"},
    "steps": [
        {"id": "dossier", "title": "Mon dossier d'inscription", "when": {}},
        {"id": "paiement-plusieurs-fois", "title": "Choisir le paiement en plusieurs fois", "when": {"echeances": [3, 5]}},
    ],
    "fee": {
        "categories": [
            {"code": "D1", "label": "Inscription normale Doctorant (NO)"},
            {"code": "D6", "label": "Inscription Doctorants Boursiers Gouvernementaux Français (BGF)"},
        ],
        "allowed": ["D1", "D6"],
        "rules": [
            {"when": {"boursier": True}, "before_national_exemptions": True, "amount": 0, "category": "D6",
             "category_unknown": False,
             "reason": "Les boursiers valident leur inscription sans droits à payer.", "source": "Mode opératoire ED SPI"},
        ],
        "national_exemptions": NATIONAL_FEE_EXEMPTIONS,
        "default": {"amount": 397.0, "category": "D1", "category_unknown": False,
                    "reason": "Droit d'inscription en doctorat : 397 euros.", "source": "Mode opératoire ED SPI"},
    },
    "cvec": {"amount": 105.0, "source": "Code de l'éducation, article L841-5", "rules": [], **NATIONAL_CVEC},
    "windows": None,
    "closures": [],
    "payment": {
        "methods": ["carte bancaire"],
        "due": "at_registration",
        "instalments": [
            {"count": 1, "label": None, "min_amount": None},
            {"count": 3, "label": "Paybox 3 échéances", "min_amount": None},
            {"count": 5, "label": "Paybox 5 échéances", "min_amount": 1000},
        ],
        "later_instalments_day": 10,
    },
    "questions": ["regime", "boursier", "echeances"],
}

ISIMA = {
    "id": "clermont-inp/isima-apprentissage",
    "institution": {"id": "clermont-inp", "name": "Clermont Auvergne INP"},
    "title": "Cycle ingénieur ISIMA par apprentissage",
    "academic_year": "2022-2023",
    "academic_year_stated": False,
    "kind": "inscription",
    "level": "ingenieur",
    "source": "Mode opératoire inscriptions ISIMA apprentissage",
    "unsure": None,
    "steps": [{"id": "dossier", "title": "Mon dossier d'inscription", "when": {}}],
    "fee": {
        "categories": [{"code": "01", "label": "Etudiant non boursier"}, {"code": "02", "label": "Etudiant Boursier"}],
        "allowed": ["01", "02"],
        "rules": [{"when": {}, "before_national_exemptions": True, "amount": 0, "category": "01", "category_unknown": False,
                   "reason": "Vous devez cocher la case 01 Etudiant non boursier ; le montant est de 0 euros.",
                   "source": "Mode opératoire ISIMA apprentissage"}],
        "national_exemptions": NATIONAL_FEE_EXEMPTIONS,
        "default": {"amount": 601.0, "category": None, "category_unknown": False, "reason": "Droits d'ingénieur.", "source": "Arrêté"},
    },
    "cvec": {"amount": 95.0, "source": "Code de l'éducation, article L841-5",
             "rules": [{"when": {"regime": "apprentissage"}, "status": "due", "reason": "Les apprentis acquittent la CVEC.", "source": "Notice"}],
             **NATIONAL_CVEC},
    "windows": [
        {"label": "Portail Aurion", "when": {},
         "periods": [{"start": None, "end": None, "start_kind": "unknown", "end_kind": "unknown"}]},
    ],
    "closures": [{"start": "2022-07-20T00:00:00+02:00", "end": "2022-08-23T00:00:00+02:00", "reason": "Fermeture estivale de l'établissement"}],
    "payment": None,
    "questions": ["regime", "cvec_deja_acquittee"],
}

ITSRA = {
    "id": "itsra/selection",
    "institution": {"id": "itsra", "name": "ITSRA"},
    "title": "Inscription à une sélection",
    "academic_year": "2024-2025",
    "academic_year_stated": False,
    "kind": "candidature",
    "level": "autre",
    "source": "Notice ITSRANET",
    "unsure": {"text": "…", "contact": "Service sélection, contacts@itsra.net"},
    "steps": [{"id": "connexion", "title": "Connexion", "when": {}}],
    "fee": None,
    "cvec": None,
    "windows": None,
    "closures": [],
    "payment": None,
    "questions": [],
}
