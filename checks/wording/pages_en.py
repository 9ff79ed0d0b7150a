"""The site's own words in English: what the page templates write around the data
(headings, captions, sentences), read by them as `words` (`checks.wording.pages("en")`).

The same keys as `pages_fr.PAGES`, and written the same way (see there): Markdown,
entities, links of the site and `{name}` placeholders allowed. British English.
"""
from __future__ import annotations

PAGES = {
    # The site as a whole: mkdocs.yml's texts, the navigation, the footer, the language switch.
    "site_name": "modop — enrolment procedures",
    "site_description": "The enrolment procedures of French higher-education institutions, step by step.",
    "copyright": "Pages generated from the institutions' official notices; only the official notice is authoritative.",
    "dark_mode": "Switch to dark mode",
    "light_mode": "Switch to light mode",
    "permalink_title": "Link to this section",
    "nav_home": "Home",
    "nav_guide": "Updating the procedures",
    "nav_open_data": "Open data",
    "nav_accessibility": "Accessibility",
    "footer_accessibility": "Accessibility: {status}",
    "accessibility_statuses": {
        "totalement conforme": "fully compliant",
        "partiellement conforme": "partially compliant",
        "non conforme": "not compliant",
    },
    "loading": "Loading the page",
    "language_name": "English",
    "switch_language": "Site language",
    # On a page of this language, over texts the data gives only in French.
    "french_only_notice": "Some parts of this page exist only in French: they are shown in French.",
    # Shared by several pages.
    "colon": ": ",  # between a name and what it says
    "no_procedure": "No procedure published yet.",
    "year_not_stated": "year not stated in the notice",
    "not_given_f": "not stated in the notice",
    "contacts_title": "Contacts",
    # The home page.
    "home_title": "Enrolment procedures",
    "home_intro": (
        "The enrolment procedures of French institutions, step by step: dates and\n"
        "times, registration fees, CVEC, contacts. Each page follows the institution's\n"
        "official notice; where the notice leaves something out, the page says so\n"
        "and tells you whom to contact."
    ),
    "home_how_title": "How it works",
    "home_how": (
        "1. Choose your institution, then your procedure (first enrolment,\n"
        "   re-enrolment, application…).\n"
        "2. Check the academic year at the top of the page and, under “Who is it for?”,\n"
        "   that the procedure applies to you.\n"
        "3. Describe your situation in the page's checker: it works out your\n"
        "   registration fees, your CVEC and your registration dates. What you enter\n"
        "   stays in your browser: nothing is sent.\n"
        "4. Follow the steps in order. If in doubt, write to the contact given\n"
        "   on the page before paying anything."
    ),
    "home_institutions_title": "Institutions",
    "home_provisional": "provisional dates",
    "home_guide_title": "Do you keep these procedures up to date?",
    "home_guide": (
        'The guide <a href="../guide/mettre-a-jour/" hreflang="fr" lang="fr">Mettre à jour les procédures</a>\n'
        "(in French) explains, with no programming knowledge needed, how to prepare the\n"
        "next year, check the files, preview the site and publish it."
    ),
    # An institution's page.
    "institution_parent": "Parent institution: ",
    "institution_address": "Address: ",
    "institution_website": "Website: ",
    "institution_procedures_title": "Procedures",
    "institution_year": "Academic year {year}",
    "institution_year_not_stated": " (year not stated in the notice)",
    "institution_provisional": " **Provisional dates**: some dates are still to be confirmed by the institution.",
    "institution_candidature": "Application.",
    "institution_portals_title": "Portals",
    "portals_caption": "The institution's online services",
    "portals_columns": ["Portal", "Address", "What it is for"],
    "no_portal": "No portal given in the notice.",
    # A contact's details.
    "contact_email": "Email: ",
    "contact_phone": "Phone: ",
    "contact_hours_not_given": ", opening hours not stated in the notice",
    "to_confirm": "to be confirmed",
    "contact_address": "Address: ",
    "contact_none": "Neither email nor phone given in the notice.",
    # « Which procedure is for me? » without JavaScript (its other words: FINDER_WORDS).
    "finder_case_dash": " — ",
    "finder_or": ", or ",
    # Whom to ask, where to go.
    "ask_contact": "ask this contact: ",
    "ask_institution": "ask the institution",
    "portal_address_not_given": "Address not stated in the notice: ",
    "where": "**Where:**",
    # The tables of a procedure's page and notice.
    "to_confirm_mark": "(to be confirmed)",
    "windows_caption": "Registration periods, Paris time",
    "windows_columns": ["Who for", "Opens", "Closes"],
    "closures_caption": "Closures, Paris time",
    "closures_columns": ["Closed", "From", "To", "Why"],
    "fee_caption": "Registration fees by situation",
    "fee_columns": ["Your situation", "Amount", "Code to tick", "Why"],
    "fee_columns_no_code": ["Your situation", "Amount", "Why"],
    "codes_caption": "The portal's registration fee codes",
    "codes_columns": ["Code", "Label", "Allowed for this procedure"],
    "code_allowed": "Yes",
    "code_refused": "No: do not tick it",
    "cvec_caption": "CVEC by situation",
    "cvec_columns": ["Your situation", "CVEC", "Why"],
    "document_applies_to": "only for: {who}",
    # A procedure's page.
    "year_line": "Academic year <strong>{year}</strong>",
    "year_line_not_stated": "(year not stated in the notice)",
    "provisional_mark": "Provisional dates",
    "provisional_title": "Provisional dates",
    "provisional_text": (
        "Some dates on this page are provisional: the institution has not yet\n"
        "confirmed them for {year}. They are marked **“to be confirmed”**.\n"
        "Before you enrol or pay, {ask}."
    ),
    "year_not_stated_title": "Year not stated",
    "year_not_stated_text": (
        "The institution's notice does not state the academic year: this page\n"
        "assumes it is {year}. Before following the procedure, {ask}."
    ),
    "procedure_institution": "Institution: ",
    "procedure_candidature": " · Application",
    "takeaways": (
        "To take away: [the notice as a PDF]({pdf}){{: download }} ·\n"
        "[every date for your calendar (.ics)]({ics}){{: download }} ·\n"
        "[this procedure's data (JSON)]({json})"
    ),
    "checker_title": "Your situation",
    "audience_title": "Who is it for?",
    "audience_for": "This procedure is for:",
    "audience_not_for": "It is not for:",
    "changes_title": "What changes this year",
    "changes_since": "Compared with {year}:",
    "changes_none": (
        "Compared with {year}, no change to the dates, amounts,\n"
        "codes, steps or contacts."
    ),
    "prerequisites_title": "Earlier steps",
    "prerequisites_intro": "By now you should already have done the following, outside this procedure.",
    "prerequisite_heading": "Earlier step {number}: ",
    "steps_title": "The steps",
    "steps_in_order": "Follow the {count} steps in order.",
    "step_heading": "Step {number}: ",
    "step_applies_to": "**Only for:** ",
    "step_menu": "**In the menu:** ",
    "step_documents": "**Documents to provide:**",
    "windows_title": "Registration dates",
    "windows_none": "The notice does not give the registration dates: {ask}.",
    "windows_unknown": "Where a date is “not stated in the notice”, {ask}.",
    "closures_title": "Closures",
    "closures_intro": (
        "During these periods, what is listed is closed: the registration portal\n"
        "(no registration possible) or an office (it does not answer)."
    ),
    "fee_title": "Registration fees",
    "fee_intro": (
        "Read the table from top to bottom: the first row that matches your\n"
        "situation applies."
    ),
    "fee_unknown": "Where an amount or a code is “not stated in the notice”, {ask}.",
    "codes_title": "Codes offered by the portal",
    "fee_candidature": (
        "This procedure is an application: the notice asks for no registration fees\n"
        "at this stage."
    ),
    "fee_none": "The notice does not state any registration fees: {ask}.",
    "cvec_title": "CVEC",
    "cvec_intro": "Student and Campus Life Contribution, for the year {year}:",
    "cvec_amount_unknown": "amount not stated in the notice ({ask})",
    "cvec_how": (
        "It is paid (or waived) on the Crous website, once per academic year,\n"
        "even if you enrol in several programmes: if you have already paid it\n"
        "this year, just keep your certificate."
    ),
    "cvec_candidature": (
        "The notice of this application does not mention the CVEC: it is paid\n"
        "when you enrol, not when you apply."
    ),
    "cvec_none": "The notice does not mention the CVEC: {ask}.",
    "payment_title": "Payment",
    "payment_options": "You can pay:",
    "payment_unknown": "Where a payment detail is “not stated in the notice”, {ask}.",
    "unsure_title": "If in doubt",
    "unsure_contact": "Contact: ",
    "unsure_none": "The notice gives no contact for uncertain cases: {ask}.",
    "contacts_none": "The notice gives no contact: see [the institution's page](../index.md).",
    "source_title": "Source",
    "source_one": "This page follows the institution's notice:",
    "source_many": "This page follows the institution's notice, in {count} pages:",
    "source_dated": ", dated {date}",
    "source_undated": " (date not stated)",
    "source_authority": "Only the official notice is authoritative.",
}
