"""The checker widget's own words in (British) English: the same keys as widget_fr.py's
WIDGET, reached through `checks.wording.widget("en")`."""
from __future__ import annotations

WIDGET = {
    # form.html
    "unavailable": "Calculator unavailable:",
    "needs_javascript": (
        "it needs JavaScript, which is turned off in your browser. The tables on this page give the fees, "
        "the CVEC and the dates for every case."
    ),
    "legend": "Answer to find out your fees, your CVEC and your deadline",
    "privacy": "The calculation is done in your browser: nothing you enter is sent anywhere.",
    "submit": "Calculate",
    "idle": "The answer appears here when the calculator is running.",
    # checker.mjs
    "listening": "Answer the questions: the answer appears here and is updated with every change.",
    "starting": "Starting the calculator…",
    "broken": (
        "Calculator unavailable ({error}). The tables on this page give the fees, the CVEC and the dates "
        "for every case."
    ),
    "date_not_understood": (
        "No answer for now: the date given is not understood. Correct it (DD/MM/YYYY) or clear it, "
        "as explained under the field."
    ),
    "refused": "No answer possible: {error}",
    "agenda_button": "Add to my calendar (.ics)",
    "parcours_button": "My checklist (to print and tick)",
    "made_here_with_agenda": (
        "The calendar file (your registration dates) and ‘My checklist’ are made by your browser from "
        "your answers: nothing is sent."
    ),
    "made_here": "‘My checklist’ is made by your browser from your answers: nothing is sent.",
    # worker_client.mjs and worker.mjs: why the calculator is unavailable
    "no_worker": "this browser does not run WebAssembly or Web Workers",
    "no_start": "the calculator could not start",
    "unknown_error": "unknown error",
    "no_wasm": "this browser does not run WebAssembly",
    "wasm_failed": "WebAssembly could not start",
    "boot_timeout": "Python did not start in time",
    "http_error": "{url}: HTTP {status}",
    # answer_view.mjs
    "fee": "Registration fees",
    "fee_code": "Code to tick on the portal: ",
    "fee_ask": "To find out the amount, {ask}.",
    "cvec": "CVEC",
    "deadline": "Deadline",
    "payment": "Payment",
    "your_steps": "Your steps",
    "your_documents": "Your documents to provide",
    "document_note": "{label} — {note}",
    "why": "Why?",
    # countdown.mjs
    "countdown": "{duration} left {label}.",
    "countdown_day": "{n} day",
    "countdown_days": "{n} days",
    "countdown_hours": "{n} h",
    "countdown_minutes": "{n} min",
    "countdown_seconds": "{n} s",
    # page_marks.mjs
    "step_yours": "This step concerns you",
    "step_not_yours": "This step does not concern you",
    "preview": (
        "Preview: the answers on this page are calculated for {when}, as set by ‘?at=’ in the address, "
        "not for now."
    ),
    "preview_answered": "{at} (Paris time)",
    "preview_asked": "the instant ‘{at}’",
    # calendar_download.mjs
    "calendar_file": "registration-{procedure}.ics",
    "calendar_preparing": "Preparing the calendar file…",
    "calendar_made": "File ‘{name}’ created: open it to add your registration dates to your calendar.",
    "calendar_failed": "Calendar file impossible: {error}",
    # share_link.mjs
    "share_button": "Copy the link to my situation",
    "share_note": (
        "This link contains your answers: whoever receives it sees them, as does the messaging service "
        "you send it through. They are in the part of the address after ‘#’, which the browser never "
        "sends to the site or to any server."
    ),
    "link_copied": "Link copied.",
    "link_field": "The link to your situation",
    "link_not_copied": (
        "This browser does not allow copying the link from this page: it is shown and selected below, "
        "copy it (Ctrl+C, or a long press on a phone)."
    ),
    # profile_fragment.mjs
    "link_refused": (
        "The link opened gave answers this form cannot take; they were not used, please answer "
        "{which} yourself: {each}."
    ),
    "link_refused_one": "this question",
    "link_refused_several": "these questions",
    "link_refused_each": "‘{label}’ (‘{value}’ {why})",
    "link_refused_separator": "; ",
    "link_not_a_date": "is not a date that is understood",
    "link_not_offered": "is not an answer offered here",
    # parcours.mjs (‘My checklist’)
    "parcours_title": "My checklist: {title}",
    "parcours_close": "Close",
    "parcours_print": "Print",
    "parcours_for": "Academic year {year}. Calculated for {at} (Paris time), from your answers below.",
    "parcours_note": (
        "This page is made by your browser: nothing you entered is sent. Only the institution's official "
        "notice is authoritative."
    ),
    "parcours_situation": "Your situation",
    "parcours_figures": "Key points",
    "parcours_answer": "{label}: {value}",
    "parcours_date_locale": "en-GB",
    "parcours_date": "{weekday} {day} {month} {year}",  # the parts the locale names
    "parcours_no_date": "not given",
    "parcours_no_box": "None of the particular situations offered (boxes not ticked).",
    "parcours_step_done": "Step done",
    "parcours_no_step": "No step on this page concerns you.",
    "ticks_remember": "Keep my ticks in this browser",
    "ticks_remember_note": (
        "If you tick this box, the steps you tick are saved on this device only (the browser's local "
        "storage), never sent, and you will find them here next time. Your answers are not saved. "
        "Untick it to erase everything."
    ),
    "ticks_kept": "Your ticks are kept in this browser.",
    "ticks_not_kept": "This browser does not allow keeping your ticks.",
    "ticks_forgotten": "Your ticks are no longer kept in this browser.",
}
