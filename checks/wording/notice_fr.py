"""The PDF notice's own words in French (site_templates/pdf/notice.html.j2).

Every figure, date and condition is worded by `checks.wording.fr`; here are
only the notice's headings and sentences. A `{name}` is a value the notice puts
in (a number, the year, a link to a contact); `notice_en.NOTICE` has the same keys.
"""

NOTICE = {
    # The document: its description and keywords (the PDF's metadata).
    "description": "Notice d'inscription {year} : {title}",
    "keywords": "inscription, {year}, {institution}",
    # Between a name and what follows it (a step's number and its title, a portal and its purpose).
    "colon": " : ",
    # Whom to ask where the notice is silent.
    "ask_contact": "renseignez-vous auprès de ce contact :",
    "ask_institution": "renseignez-vous auprès de l'établissement",
    "where": "Où :",
    "portal_no_address": "(adresse non précisée par la notice)",
    # The cover; the running header and footer of the other pages.
    "academic_year": "Année universitaire",
    "year_not_stated": "(année non précisée par la notice : {ask})",
    "candidature": "Candidature",
    "provisional_title": "Dates provisoires :",
    "provisional": "certaines dates de cette procédure sont encore à confirmer par l'établissement.",
    "french_parts": "",  # the French notice is French throughout
    "online": "Version en ligne, avec le calcul de vos droits et de vos dates :",
    "page_number": "Page {page} sur {pages}",
    # Whom it is for, and the steps.
    "audience_title": "Pour qui ?",
    "audience_for": "Cette procédure concerne :",
    "audience_not_for": "Elle ne concerne pas :",
    "prerequisites_title": "Étapes précédentes",
    "prerequisites_intro": "À ce stade, vous devez déjà avoir fait ce qui suit, en dehors de cette procédure.",
    "prerequisite": "Étape précédente {number}",
    "steps_title": "Les étapes",
    "steps_in_order": "Suivez les {count} étapes dans l'ordre.",
    "step": "Étape {number}",
    "applies_to": "Concerne uniquement :",
    "menu": "Dans le menu :",
    "documents": "Pièces à fournir\u00a0:",
    # Dates.
    "windows_title": "Dates d'inscription",
    "windows_none": "La notice ne précise pas les dates d'inscription : {ask}.",
    "windows_unknown": "Quand une date est «\u00a0non précisée par la notice\u00a0», {ask}.",
    "closures_title": "Fermetures",
    "closures_intro": (
        "Pendant ces périodes, ce qui est indiqué est fermé\u00a0: le portail d'inscription "
        "(aucune inscription possible) ou un service (il ne répond pas)."
    ),
    # Fees.
    "fee_title": "Droits d'inscription",
    "fee_intro": "Lisez le tableau de haut en bas : la première ligne qui correspond à votre situation s'applique.",
    "fee_unknown": "Quand un montant ou un code est « non précisé par la notice », {ask}.",
    "codes_title": "Codes proposés par le portail",
    "fee_candidature": "Cette procédure est une candidature : la notice ne demande pas de droits d'inscription à cette étape.",
    "fee_none": "La notice ne précise pas de droits d'inscription : {ask}.",
    # CVEC.
    "cvec_title": "CVEC",
    "cvec_amount": (
        "Contribution de vie étudiante et de campus, pour l'année {year} : {amount}. Elle se paie "
        "(ou s'exonère) sur le site du Crous, une seule fois par année universitaire, même si vous "
        "vous inscrivez dans plusieurs formations : si vous l'avez déjà acquittée cette année, "
        "gardez simplement votre attestation."
    ),
    "cvec_candidature": (
        "La notice de cette candidature ne parle pas de la CVEC : elle se paie au moment de "
        "l'inscription, pas de la candidature."
    ),
    "cvec_none": "La notice ne parle pas de la CVEC : {ask}.",
    # Payment.
    "payment_title": "Paiement",
    "payment_options": "Vous pouvez payer\u00a0:",
    "payment_unknown": "Quand une modalité est «\u00a0non précisée par la notice\u00a0», {ask}.",
    # Whom to ask, the contacts, the source.
    "unsure_title": "En cas de doute",
    "unsure_contact": "Contact :",
    "unsure_none": "La notice n'indique pas de contact pour les cas incertains : {ask}.",
    "contacts_title": "Contacts",
    "contacts_none": "La notice n'indique pas de contact : voir le site de l'établissement.",
    "source_title": "Source",
    "sources_one": "Cette notice reprend la notice de l'établissement\u00a0:",
    "sources_many": "Cette notice reprend la notice de l'établissement, en {count} pages\u00a0:",
    "source_dated": ", datée du {date}",
    "source_undated": "(date non précisée)",
    "official": "Seule la notice officielle fait foi.",
}
