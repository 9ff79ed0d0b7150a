"""The PDF notice's own words in English (site_templates/pdf/notice.html.j2): the
same keys as `notice_fr.NOTICE`; figures, dates and conditions come from
`checks.wording.en`, the headings it shares with the page from `pages_en.PAGES`."""

NOTICE = {
    "description": "Registration notice {year}: {title}",
    "keywords": "enrolment, {year}, {institution}",
    "colon": ": ",
    "ask_contact": "ask this contact:",
    "where": "Where:",
    "portal_no_address": "(address not stated in the notice)",
    "academic_year": "Academic year",
    "year_not_stated": "(year not stated in the notice: {ask})",
    "candidature": "Application",
    "provisional_title": "Provisional dates:",
    "provisional": "some dates of this procedure are still to be confirmed by the institution.",
    "french_parts": (
        "Some parts of this notice are in French only: the institution has not given them in English."
    ),
    "online": "Online version, which works out your fees and dates:",
    "page_number": "Page {page} of {pages}",
    "audience_for": "This procedure is for:",
    "audience_not_for": "It is not for:",
    "prerequisite": "Earlier step {number}",
    "step": "Step {number}",
    "applies_to": "Only for:",
    "menu": "In the menu:",
    "documents": "Documents to provide:",
    "windows_none": "The notice does not give the registration dates: {ask}.",
    "closures_intro": (
        "During these periods, what is listed is closed: the registration portal (no registration "
        "possible) or an office (it does not answer)."
    ),
    "fee_intro": "Read the table from top to bottom: the first row that matches your situation applies.",
    "fee_unknown": "Where an amount or a code is “not stated in the notice”, {ask}.",
    "fee_candidature": "This procedure is an application: the notice asks for no registration fees at this stage.",
    "fee_none": "The notice does not state any registration fees: {ask}.",
    "cvec_amount": (
        "Student and Campus Life Contribution, for the year {year}: {amount}. It is paid (or waived) "
        "on the Crous website, once per academic year, even if you enrol in several programmes: if "
        "you have already paid it this year, just keep your certificate."
    ),
    "cvec_candidature": (
        "The notice of this application does not mention the CVEC: it is paid when you enrol, "
        "not when you apply."
    ),
    "cvec_none": "The notice does not mention the CVEC: {ask}.",
    "unsure_contact": "Contact:",
    "unsure_none": "The notice gives no contact for uncertain cases: {ask}.",
    "contacts_none": "The notice gives no contact: see the institution's website.",
    "sources_one": "This notice follows the institution's notice:",
    "sources_many": "This notice follows the institution's notice, in {count} pages:",
    "source_undated": "(date not stated)",
    "official": "Only the official notice is authoritative.",
}
