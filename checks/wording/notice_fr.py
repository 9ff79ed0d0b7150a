"""The PDF notice's own words in French (site_templates/pdf/notice.html.j2).

Every figure, date and condition is worded by `checks.wording.fr`; here are
only the notice's own headings and sentences: those it shares with the page
(`PAGES` of pages_fr.py) are taken there, this dict adding to them. A `{name}` is a value the notice puts
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
    "audience_for": "Cette procédure concerne :",
    "audience_not_for": "Elle ne concerne pas :",
    "prerequisite": "Étape précédente {number}",
    "step": "Étape {number}",
    "applies_to": "Concerne uniquement :",
    "menu": "Dans le menu :",
    "documents": "Pièces à fournir\u00a0:",
    # Dates.
    "windows_none": "La notice ne précise pas les dates d'inscription : {ask}.",
    "closures_intro": (
        "Pendant ces périodes, ce qui est indiqué est fermé\u00a0: le portail d'inscription "
        "(aucune inscription possible) ou un service (il ne répond pas)."
    ),
    # Fees.
    "fee_intro": "Lisez le tableau de haut en bas : la première ligne qui correspond à votre situation s'applique.",
    "fee_unknown": "Quand un montant ou un code est « non précisé par la notice », {ask}.",
    "fee_candidature": "Cette procédure est une candidature : la notice ne demande pas de droits d'inscription à cette étape.",
    "fee_none": "La notice ne précise pas de droits d'inscription : {ask}.",
    # CVEC.
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
    # Whom to ask, the contacts, the sources.
    "unsure_contact": "Contact :",
    "unsure_none": "La notice n'indique pas de contact pour les cas incertains : {ask}.",
    "contacts_none": "La notice n'indique pas de contact : voir le site de l'établissement.",
    "sources_one": "Cette notice reprend la notice de l'établissement\u00a0:",
    "sources_many": "Cette notice reprend la notice de l'établissement, en {count} pages\u00a0:",
    "source_undated": "(date non précisée)",
    "official": "Seule la notice officielle fait foi.",
}
