// « Copier le lien de ma situation »: this page's address with the answers
// shown in its fragment (profile_fragment.mjs), put on the clipboard; it
// reopens the page with the same answer. The `?at=` of a preview is kept.
// Where the browser gives no clipboard (a page served over plain http is no
// secure context) or refuses it, the link is shown in a read-only field,
// selected, to copy by hand. The address bar is never changed (no history
// entry per answer).

import { el } from "./dom.mjs";
import { answersFragment } from "./profile_fragment.mjs";

// The link of `values`, the form's answers, at the preview instant `at` (or now).
export function situationLink(form, values, at) {
  const link = new URL(location.href);
  link.search = at ? new URLSearchParams({ at }).toString() : "";
  link.hash = answersFragment(form, values);
  return link.href;
}

// The button, its sentence and the place of the fallback field; `linkOf()` gives the
// link of the answer shown (null while a newer one is computed); `status` says how it
// went; `words`: the widget's (words.mjs).
export function shareNodes(form, linkOf, status, words) {
  const slug = `modop-${form.dataset.checker.replaceAll("/", "-")}`; // as render/checker_view.py's ids
  const noteId = `${slug}-lien-note`;
  const fallback = el("div", { class: "modop-checker__link", "data-checker-link": "" });
  const button = el(
    "button",
    { type: "button", class: "md-button", "data-checker-share": "", "aria-describedby": noteId },
    words.share_button,
  );
  button.addEventListener("click", () => {
    const link = linkOf();
    if (link) copy(link, status, fallback, `${slug}-lien`, words);
  });
  const note = el("p", { class: "modop-checker__hint", id: noteId }, words.share_note);
  return { button, note, fallback };
}

async function copy(link, status, fallback, fieldId, words) {
  fallback.replaceChildren();
  status.textContent = ""; // « Lien copié » again, after a second click, is said again
  try {
    await navigator.clipboard.writeText(link); // no navigator.clipboard outside a secure context: TypeError
    status.textContent = words.link_copied;
  } catch {
    showField(link, status, fallback, fieldId, words);
  }
}

function showField(link, status, fallback, fieldId, words) {
  const field = el("input", { type: "url", id: fieldId, readonly: "", value: link, "data-checker-link-field": "" });
  fallback.append(el("label", { for: fieldId }, words.link_field), field);
  field.focus();
  field.select();
  let copied = false;
  try {
    copied = document.execCommand("copy"); // still allowed here after a click, where the clipboard API is not
  } catch {
    // the student copies it
  }
  status.textContent = copied ? words.link_copied : words.link_not_copied;
}
