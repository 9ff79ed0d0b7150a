// What the answer marks on the page around the widget: each step as the
// student's or not (class and badge), and the banner of a `?at=` preview, in
// the widget's words (words.mjs).

import { el, stepSection } from "./dom.mjs";
import { fill } from "./words.mjs";

// Marks each step of `all` as the student's (in `steps`) or not; `steps` null clears the marks.
export function markSteps(all, steps, words) {
  for (const id of all) {
    const section = stepSection(id);
    if (!section) continue;
    const yours = steps ? steps.includes(id) : null;
    section.classList.toggle("modop-step--yours", yours === true);
    section.classList.toggle("modop-step--not-yours", yours === false);
    let badge = section.querySelector(":scope > [data-checker-badge]");
    if (yours === null) {
      badge?.remove();
      continue;
    }
    if (!badge) {
      badge = el("p", { class: "modop-checker__badge", "data-checker-badge": "" });
      const heading = section.querySelector(":scope > h1, :scope > h2, :scope > h3, :scope > h4");
      heading ? heading.after(badge) : section.prepend(badge);
    }
    badge.textContent = yours ? words.step_yours : words.step_not_yours;
  }
}

// The banner says the answers are for the `?at=` instant (`at`), not for now;
// hidden without one. `view`, once answered, words that instant.
export function showBanner(banner, at, view, words) {
  if (!banner) return;
  banner.hidden = !at;
  if (!at) return;
  const when = view ? fill(words.preview_answered, { at: view.at }) : fill(words.preview_asked, { at });
  banner.textContent = fill(words.preview, { when });
}
