"""The site's own words in French: what the page templates write around the data
(headings, captions, sentences), read by them as `words` (`checks.wording.pages("fr")`).

The same keys as `pages_en.PAGES`. A value is written into the page as the template
would have written it: it may hold Markdown, an HTML entity or a link of the site,
and `{name}` placeholders that the template fills (`words.key.format(name=…)`). The
words of a figure, a date or a status are not here: `checks.wording.fr` says them.
"""
from __future__ import annotations

PAGES = {
    # The site as a whole: mkdocs.yml's texts, the navigation, the footer, the language switch.
    "site_name": "modop — procédures d'inscription",
    "site_description": "Les procédures d'inscription des établissements d'enseignement supérieur, étape par étape.",
    "copyright": "Pages générées à partir des notices des établissements ; seule la notice officielle fait foi.",
    "dark_mode": "Passer en mode sombre",
    "light_mode": "Passer en mode clair",
    "permalink_title": "Lien vers cette section",
    "nav_home": "Accueil",
    "nav_guide": "Mettre à jour les procédures",
    "nav_open_data": "Données ouvertes",
    "nav_accessibility": "Accessibilité",
    "footer_accessibility": "Accessibilité&nbsp;: {status}",
    "accessibility_statuses": {
        "totalement conforme": "totalement conforme",
        "partiellement conforme": "partiellement conforme",
        "non conforme": "non conforme",
    },
    "loading": "Chargement de la page",
    "language_name": "Français",
    "switch_language": "Langue du site",
    # On a page of the other language, over texts the data gives only in this one (not said on the French site).
    "french_only_notice": "Certaines parties de cette page n'existent qu'en français.",
    # Shared by several pages.
    "colon": "\xa0: ",  # between a name and what it says (French typography: a no-break space before)
    "no_procedure": "Aucune procédure publiée pour le moment.",
    "year_not_stated": "année non précisée par la notice",
    "not_given_f": "non précisée par la notice",
    "contacts_title": "Contacts",
    # The home page.
    "home_title": "Procédures d'inscription",
    "home_intro": (
        "Les procédures d'inscription des établissements, étape par étape : dates et\n"
        "heures, droits d'inscription, CVEC, contacts. Chaque page reprend la notice\n"
        "officielle de l'établissement ; quand la notice ne précise pas une\n"
        "information, la page le dit et indique qui contacter."
    ),
    "home_how_title": "Comment ça marche",
    "home_how": (
        "1. Choisissez votre établissement puis votre procédure (première inscription,\n"
        "   réinscription, candidature…).\n"
        "2. Vérifiez en haut de la page l'année universitaire et, dans « Pour qui ? »,\n"
        "   que la procédure vous concerne.\n"
        "3. Indiquez votre situation dans le vérificateur de la page : il calcule vos\n"
        "   droits d'inscription, votre CVEC et vos dates d'inscription. Ce que vous\n"
        "   saisissez reste dans votre navigateur, rien n'est envoyé.\n"
        "4. Suivez les étapes dans l'ordre. En cas de doute, écrivez au contact indiqué\n"
        "   dans la page avant de payer quoi que ce soit."
    ),
    "home_institutions_title": "Établissements",
    "home_provisional": "dates provisoires",
    "home_guide_title": "Vous tenez à jour ces procédures ?",
    "home_guide": (
        "Le guide [Mettre à jour les procédures](guide/mettre-a-jour.md) explique,\n"
        "sans connaissance en programmation, comment préparer l'année suivante,\n"
        "vérifier les fichiers, prévisualiser le site et le publier."
    ),
    # An institution's page.
    "institution_parent": "Établissement de rattachement : ",
    "institution_address": "Adresse : ",
    "institution_website": "Site web : ",
    "institution_procedures_title": "Procédures",
    "institution_year": "Année universitaire {year}",
    "institution_year_not_stated": " (année non précisée par la notice)",
    "institution_provisional": " **Dates provisoires** : certaines dates sont encore à confirmer par l'établissement.",
    "institution_candidature": "Candidature.",
    "institution_portals_title": "Portails",
    "portals_caption": "Les sites en ligne de l'établissement",
    "portals_columns": ["Portail", "Adresse", "À quoi il sert"],
    "no_portal": "Aucun portail indiqué par la notice.",
    # A contact's details.
    "contact_email": "Courriel : ",
    "contact_phone": "Téléphone : ",
    "contact_hours_not_given": ", horaires non précisés par la notice",
    "to_confirm": "à confirmer",
    "contact_address": "Adresse : ",
    "contact_none": "Ni courriel ni téléphone précisés par la notice.",
    # « Quelle procédure pour moi ? » without JavaScript (its other words: FINDER_WORDS).
    "finder_case_dash": " — ",
    "finder_or": ", ou ",
    # Whom to ask, where to go.
    "ask_contact": "renseignez-vous auprès de ce contact : ",
    "ask_institution": "renseignez-vous auprès de l'établissement",
    "portal_address_not_given": "Adresse non précisée par la notice : ",
    "where": "**Où :**",
    # The tables of a procedure's page and notice.
    "to_confirm_mark": "(à confirmer)",
    "windows_caption": "Périodes d'inscription, heure de Paris",
    "windows_columns": ["Pour qui", "Ouverture", "Fermeture"],
    "closures_caption": "Fermetures, heure de Paris",
    "closures_columns": ["Fermé", "Du", "Au", "Pourquoi"],
    "fee_caption": "Droits d'inscription selon votre situation",
    "fee_columns": ["Votre situation", "Montant", "Code à cocher", "Pourquoi"],
    "fee_columns_no_code": ["Votre situation", "Montant", "Pourquoi"],
    "codes_caption": "Codes de frais d'inscription du portail",
    "codes_columns": ["Code", "Libellé", "Autorisé pour cette procédure"],
    "code_allowed": "Oui",
    "code_refused": "Non : ne le cochez pas",
    "cvec_caption": "CVEC selon votre situation",
    "cvec_columns": ["Votre situation", "CVEC", "Pourquoi"],
    "document_applies_to": "concerne uniquement : {who}",
    # A procedure's page.
    "year_line": "Année universitaire <strong>{year}</strong>",
    "year_line_not_stated": "(année non précisée par la notice)",
    "provisional_mark": "Dates provisoires",
    "provisional_title": "Dates provisoires",
    "provisional_text": (
        "Certaines dates de cette page sont provisoires : l'établissement ne les\n"
        "a pas encore confirmées pour {year}. Elles sont marquées\n"
        "**« à confirmer »**. Avant de vous inscrire ou de payer,\n"
        "{ask}."
    ),
    "year_not_stated_title": "Année non précisée",
    "year_not_stated_text": (
        "La notice de l'établissement ne précise pas l'année universitaire : cette\n"
        "page la suppose être {year}. Avant de suivre la procédure,\n"
        "{ask}."
    ),
    "procedure_institution": "Établissement : ",
    "procedure_candidature": " · Candidature",
    "takeaways": (
        "À emporter : [la notice en PDF]({pdf}){{: download }} ·\n"
        "[toutes les dates pour votre agenda (.ics)]({ics}){{: download }} ·\n"
        "[les données de cette procédure (JSON)]({json})"
    ),
    "checker_title": "Votre situation",
    "audience_title": "Pour qui ?",
    "audience_for": "Cette procédure concerne :",
    "audience_not_for": "Elle ne concerne pas :",
    "changes_title": "Ce qui change cette année",
    "changes_since": "Par rapport à {year} :",
    "changes_none": (
        "Par rapport à {year}, aucun changement des dates, des\n"
        "montants, des codes, des étapes ni des contacts."
    ),
    "prerequisites_title": "Étapes précédentes",
    "prerequisites_intro": "À ce stade, vous devez déjà avoir fait ce qui suit, en dehors de cette procédure.",
    "prerequisite_heading": "Étape précédente {number} : ",
    "steps_title": "Les étapes",
    "steps_in_order": "Suivez les {count} étapes dans l'ordre.",
    "step_heading": "Étape {number} : ",
    "step_applies_to": "**Concerne uniquement :** ",
    "step_menu": "**Dans le menu :** ",
    "step_documents": "**Pièces à fournir :**",
    "windows_title": "Dates d'inscription",
    "windows_none": "La notice ne précise pas les dates d'inscription : {ask}.",
    "windows_unknown": "Quand une date est « non précisée par la notice », {ask}.",
    "closures_title": "Fermetures",
    "closures_intro": (
        "Pendant ces périodes, ce qui est indiqué est fermé : le portail d'inscription\n"
        "(aucune inscription possible) ou un service (il ne répond pas)."
    ),
    "fee_title": "Droits d'inscription",
    "fee_intro": (
        "Lisez le tableau de haut en bas : la première ligne qui correspond à votre\n"
        "situation s'applique."
    ),
    "fee_unknown": "Quand un montant ou un code est « non précisé par la notice », {ask}.",
    "codes_title": "Codes proposés par le portail",
    "fee_candidature": (
        "Cette procédure est une candidature : la notice ne demande pas de droits\n"
        "d'inscription à cette étape."
    ),
    "fee_none": "La notice ne précise pas de droits d'inscription : {ask}.",
    "cvec_title": "CVEC",
    "cvec_intro": "Contribution de vie étudiante et de campus, pour l'année {year} :",
    "cvec_amount_unknown": "montant non précisé par la notice ({ask})",
    "cvec_how": (
        "Elle se paie (ou s'exonère) sur le site du Crous, une seule fois par année\n"
        "universitaire, même si vous vous inscrivez dans plusieurs formations : si vous\n"
        "l'avez déjà acquittée cette année, gardez simplement votre attestation."
    ),
    "cvec_candidature": (
        "La notice de cette candidature ne parle pas de la CVEC : elle se paie au\n"
        "moment de l'inscription, pas de la candidature."
    ),
    "cvec_none": "La notice ne parle pas de la CVEC : {ask}.",
    "payment_title": "Paiement",
    "payment_options": "Vous pouvez payer :",
    "payment_unknown": "Quand une modalité est « non précisée par la notice », {ask}.",
    "unsure_title": "En cas de doute",
    "unsure_contact": "Contact : ",
    "unsure_none": "La notice n'indique pas de contact pour les cas incertains : {ask}.",
    "contacts_none": "La notice n'indique pas de contact : voir la page de [l'établissement](../index.md).",
    "source_title": "Source",
    "source_one": "Cette page reprend la notice de l'établissement :",
    "source_many": "Cette page reprend la notice de l'établissement, en {count} pages :",
    "source_dated": ", datée du {date}",
    "source_undated": " (date non précisée)",
    "source_authority": "Seule la notice officielle fait foi.",
}
