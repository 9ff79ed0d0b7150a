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
// link of the answer shown (null while a newer one is computed); `status` says how it went.
export function shareNodes(form, linkOf, status) {
  const slug = `modop-${form.dataset.checker.replaceAll("/", "-")}`; // as render/checker_view.py's ids
  const noteId = `${slug}-lien-note`;
  const fallback = el("div", { class: "modop-checker__link", "data-checker-link": "" });
  const button = el(
    "button",
    { type: "button", class: "md-button", "data-checker-share": "", "aria-describedby": noteId },
    "Copier le lien de ma situation",
  );
  button.addEventListener("click", () => {
    const link = linkOf();
    if (link) copy(link, status, fallback, `${slug}-lien`);
  });
  const note = el(
    "p",
    { class: "modop-checker__hint", id: noteId },
    "Ce lien contient vos réponses : qui le reçoit les voit, comme la messagerie par laquelle vous l'envoyez. " +
      "Elles sont dans la partie de l'adresse après « # », que le navigateur n'envoie jamais au site ni à aucun serveur.",
  );
  return { button, note, fallback };
}

async function copy(link, status, fallback, fieldId) {
  fallback.replaceChildren();
  status.textContent = ""; // « Lien copié » again, after a second click, is said again
  try {
    await navigator.clipboard.writeText(link); // no navigator.clipboard outside a secure context: TypeError
    status.textContent = "Lien copié.";
  } catch {
    showField(link, status, fallback, fieldId);
  }
}

function showField(link, status, fallback, fieldId) {
  const field = el("input", { type: "url", id: fieldId, readonly: "", value: link, "data-checker-link-field": "" });
  fallback.append(el("label", { for: fieldId }, "Le lien de votre situation"), field);
  field.focus();
  field.select();
  let copied = false;
  try {
    copied = document.execCommand("copy"); // still allowed here after a click, where the clipboard API is not
  } catch {
    // the student copies it
  }
  status.textContent = copied
    ? "Lien copié."
    : "Ce navigateur ne permet pas de copier le lien depuis cette page : il est affiché et sélectionné ci-dessous, copiez-le (Ctrl+C, ou appui long sur un téléphone).";
}
