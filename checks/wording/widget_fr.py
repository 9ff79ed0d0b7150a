"""The checker widget's own words in French: what form.html and the widget's modules
(site_templates/checker/) write themselves, around the answer `checks` words.

One dict, WIDGET, with the same keys as widget_en.py's; reached through
`checks.wording.widget(lang)`. form.html writes some of them and hands the whole dict
to the widget's modules (the widget's `data-checker-words`); `{name}` is filled in by
them (words.mjs's `fill`).
"""
from __future__ import annotations

WIDGET = {
    # form.html
    "unavailable": "Calculateur indisponible :",
    "needs_javascript": (
        "il a besoin de JavaScript, désactivé dans votre navigateur. Les tableaux de cette page "
        "donnent les frais, la CVEC et les dates de chaque cas."
    ),
    "legend": "Répondez pour connaître vos frais, votre CVEC et votre date limite",
    "privacy": "Le calcul se fait dans votre navigateur : rien de ce que vous indiquez n'est envoyé.",
    "submit": "Calculer",
    "idle": "La réponse s'affiche ici quand le calculateur fonctionne.",
    # checker.mjs
    "listening": "Répondez aux questions : la réponse s'affiche ici et se met à jour à chaque changement.",
    "starting": "Démarrage du calculateur…",
    "broken": (
        "Calculateur indisponible ({error}). Les tableaux de cette page donnent les frais, la CVEC "
        "et les dates de chaque cas."
    ),
    "date_not_understood": (
        "Pas de réponse pour le moment : la date indiquée n'est pas comprise. Corrigez-la (JJ/MM/AAAA) "
        "ou effacez-la, comme indiqué sous le champ."
    ),
    "refused": "Réponse impossible : {error}",
    "agenda_button": "Ajouter à mon agenda (.ics)",
    "parcours_button": "Mon parcours (à imprimer, à cocher)",
    "made_here_with_agenda": (
        "Le fichier d'agenda (vos dates d'inscription) et « Mon parcours » sont faits par votre "
        "navigateur à partir de vos réponses : rien n'est envoyé."
    ),
    "made_here": "« Mon parcours » est fait par votre navigateur à partir de vos réponses : rien n'est envoyé.",
    # worker_client.mjs and worker.mjs: why the calculator is unavailable
    "no_worker": "ce navigateur n'exécute pas WebAssembly ou les Web Workers",
    "no_start": "le calculateur n'a pas pu démarrer",
    "unknown_error": "erreur inconnue",
    "no_wasm": "ce navigateur n'exécute pas WebAssembly",
    "wasm_failed": "WebAssembly n'a pas pu démarrer",
    "boot_timeout": "Python n'a pas démarré à temps",
    "http_error": "{url} : HTTP {status}",
    # answer_view.mjs
    "fee": "Frais d'inscription",
    "fee_code": "Code à cocher sur le portail : ",
    "fee_ask": "Pour connaître le montant, {ask}.",
    "cvec": "CVEC",
    "deadline": "Date limite",
    "payment": "Paiement",
    "your_steps": "Vos étapes",
    "your_documents": "Vos pièces à fournir",
    "document_note": "{label} — {note}",
    "why": "Pourquoi ?",
    # countdown.mjs
    "countdown": "Il reste {duration} {label}.",
    "countdown_day": "{n} j",
    "countdown_days": "{n} j",
    "countdown_hours": "{n} h",
    "countdown_minutes": "{n} min",
    "countdown_seconds": "{n} s",
    # page_marks.mjs
    "step_yours": "Cette étape vous concerne",
    "step_not_yours": "Cette étape ne vous concerne pas",
    "preview": (
        "Aperçu : les réponses de cette page sont calculées pour {when}, indiqué par « ?at= » dans "
        "l'adresse, et non pour maintenant."
    ),
    "preview_answered": "le {at} (heure de Paris)",
    "preview_asked": "à l'instant « {at} »",
    # calendar_download.mjs
    "calendar_file": "inscription-{procedure}.ics",
    "calendar_preparing": "Préparation du fichier d'agenda…",
    "calendar_made": "Fichier « {name} » créé : ouvrez-le pour ajouter vos dates d'inscription à votre agenda.",
    "calendar_failed": "Fichier d'agenda impossible : {error}",
    # share_link.mjs
    "share_button": "Copier le lien de ma situation",
    "share_note": (
        "Ce lien contient vos réponses : qui le reçoit les voit, comme la messagerie par laquelle vous "
        "l'envoyez. Elles sont dans la partie de l'adresse après « # », que le navigateur n'envoie "
        "jamais au site ni à aucun serveur."
    ),
    "link_copied": "Lien copié.",
    "link_field": "Le lien de votre situation",
    "link_not_copied": (
        "Ce navigateur ne permet pas de copier le lien depuis cette page : il est affiché et sélectionné "
        "ci-dessous, copiez-le (Ctrl+C, ou appui long sur un téléphone)."
    ),
    # profile_fragment.mjs
    "link_refused": (
        "Le lien ouvert donnait des réponses que ce formulaire ne peut pas prendre ; elles n'ont pas "
        "été reprises, répondez vous-même à {which} : {each}."
    ),
    "link_refused_one": "cette question",
    "link_refused_several": "ces questions",
    "link_refused_each": "« {label} » (« {value} » {why})",
    "link_refused_separator": " ; ",
    "link_not_a_date": "n'est pas une date comprise",
    "link_not_offered": "n'est pas une réponse proposée ici",
    # parcours.mjs (« Mon parcours »)
    "parcours_title": "Mon parcours : {title}",
    "parcours_close": "Fermer",
    "parcours_print": "Imprimer",
    "parcours_for": "Année universitaire {year}. Calculé pour le {at} (heure de Paris), d'après vos réponses ci-dessous.",
    "parcours_note": (
        "Cette page est faite par votre navigateur : rien de ce que vous avez indiqué n'est envoyé. "
        "Seule la notice officielle de l'établissement fait foi."
    ),
    "parcours_situation": "Votre situation",
    "parcours_figures": "À retenir",
    "parcours_answer": "{label} : {value}",
    "parcours_date_locale": "fr-FR",
    "parcours_date": "{weekday} {day} {month} {year}",  # the parts the locale names
    "parcours_no_date": "non indiquée",
    "parcours_no_box": "Aucune des situations particulières proposées (cases non cochées).",
    "parcours_step_done": "Étape faite",
    "parcours_no_step": "Aucune étape de cette page ne vous concerne.",
    "ticks_remember": "Garder mes coches dans ce navigateur",
    "ticks_remember_note": (
        "Si vous cochez cette case, les étapes que vous cochez sont enregistrées sur cet appareil "
        "seulement (stockage local du navigateur), jamais envoyées, et vous les retrouvez ici la "
        "prochaine fois. Vos réponses ne sont pas enregistrées. Décochez-la pour tout effacer."
    ),
    "ticks_kept": "Vos coches sont gardées dans ce navigateur.",
    "ticks_not_kept": "Ce navigateur ne permet pas de garder vos coches.",
    "ticks_forgotten": "Vos coches ne sont plus gardées dans ce navigateur.",
}
