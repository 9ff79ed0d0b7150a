// « Mon parcours »: the student's own procedure, printable, with boxes to tick.
//
// A modal dialog, in this very page rather than a page of its own: it is made
// from what the page already holds (the answer, the steps' sections), so it
// works offline once the page has loaded, needs no second start of Python, and
// nothing the student answered goes into an address. It is a child of <body>,
// so that printing it can leave the rest of the page out (checker.css). Its
// words are the widget's (`widget.words`, words.mjs).

import { documentsList, figuresList } from "./answer_view.mjs";
import { el, fieldLabel, markFrench, stepSection, textOf } from "./dom.mjs";
import { forgetTicks, readTicks, ticksKey, writeTicks } from "./tick_storage.mjs";
import { fill } from "./words.mjs";

const PARCOURS_OPEN = "modop-parcours-open"; // class of <html> while the dialog is open

// Opens it for the answer shown, `current` ({answer, view}), of `widget`
// (its form, and its ticks, a Set kept for this page); back to `opener` once closed.
export function openParcours(widget, current, opener) {
  closeParcours();
  const dialog = parcoursDialog(widget, current);
  markFrench(dialog, current.view.french_texts);
  dialog.addEventListener("close", () => {
    dialog.remove();
    document.documentElement.classList.remove(PARCOURS_OPEN);
    if (opener.isConnected) opener.focus();
  });
  // A link to a place of this page: close the dialog, then follow it.
  dialog.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (link && link.origin === location.origin && link.pathname === location.pathname && link.hash) dialog.close();
  });
  document.body.append(dialog);
  document.documentElement.classList.add(PARCOURS_OPEN);
  dialog.showModal();
}

export function closeParcours() {
  document.querySelectorAll("dialog.modop-parcours").forEach((dialog) => dialog.close());
}

function parcoursDialog(widget, { answer, view }) {
  const { words } = widget;
  const titleId = "modop-parcours-titre";
  const dialog = el("dialog", { class: "md-typeset modop-parcours", "aria-labelledby": titleId, "data-parcours": answer.procedure });
  const close = el("button", { type: "button", class: "md-button" }, words.parcours_close);
  close.addEventListener("click", () => dialog.close());
  const print = el("button", { type: "button", class: "md-button" }, words.parcours_print);
  print.addEventListener("click", () => window.print());
  const heading = document.querySelector(".md-content h1");
  const title = heading ? textOf(heading) : answer.procedure;
  dialog.append(
    el("div", { class: "modop-parcours__bar" }, print, close),
    el("h2", { id: titleId, tabindex: "-1", autofocus: "" }, fill(words.parcours_title, { title })),
    el("p", {}, fill(words.parcours_for, { year: answer.academic_year, at: view.at })),
    el("p", { class: "modop-parcours__note" }, words.parcours_note),
    el("h3", {}, words.parcours_situation),
    situationList(widget.form, words),
    el("h3", {}, words.parcours_figures),
    figuresList(view, { detailed: false, words }),
    ...(view.documents.length ? [el("h3", {}, words.your_documents), documentsList(view.documents, words)] : []),
    el("h3", {}, words.your_steps),
    ...stepsPart(widget, answer),
  );
  return dialog;
}

// What the student answered, as the form's labels say it.
function situationList(form, words) {
  const items = [];
  let boxes = 0; // the true/false questions, and how many are ticked
  let ticked = 0;
  for (const field of form.elements) {
    if (!field.name) continue;
    const text = fieldLabel(form, field);
    if (field.type === "checkbox") {
      boxes += 1;
      if (field.checked) {
        ticked += 1;
        items.push(text);
      }
    } else if (field.tagName === "SELECT") {
      items.push(fill(words.parcours_answer, { label: text, value: field.selectedOptions[0]?.textContent.trim() ?? field.value }));
    } else if (field.value) {
      const day = new Date(`${field.value}T12:00:00`);
      const shown = Number.isNaN(day.getTime()) ? field.value : dayText(day, words);
      items.push(fill(words.parcours_answer, { label: text, value: shown }));
    } else {
      items.push(fill(words.parcours_answer, { label: text, value: words.parcours_no_date }));
    }
  }
  if (boxes && !ticked) items.push(words.parcours_no_box);
  return el("ul", {}, ...items.map((item) => el("li", {}, item)));
}

// A day in words, the parts the browser names in the widget's language put in its order.
function dayText(day, words) {
  const options = { weekday: "long", day: "numeric", month: "long", year: "numeric" };
  const parts = new Intl.DateTimeFormat(words.parcours_date_locale, options).formatToParts(day);
  return fill(words.parcours_date, Object.fromEntries(parts.map(({ type, value }) => [type, value])));
}

// The student's steps, copied from the page, each with a box to tick.
function stepsPart(widget, answer) {
  const { words } = widget;
  const key = ticksKey(answer);
  const saved = readTicks(key);
  if (saved) saved.forEach((id) => widget.ticks.add(id));
  const status = el("p", { class: "modop-parcours__note", role: "status" });
  const remember = el("input", { type: "checkbox", id: "modop-parcours-garder", "data-parcours-remember": "" });
  remember.checked = saved !== null;
  const list = el("ul", { class: "modop-parcours__steps" });
  const save = () => {
    if (!remember.checked) return;
    status.textContent = writeTicks(key, [...widget.ticks]) ? words.ticks_kept : words.ticks_not_kept;
  };
  for (const id of answer.steps) {
    const section = stepSection(id);
    if (!section) continue;
    const copy = stepCopy(section, id);
    const box = el("input", { type: "checkbox", id: `modop-parcours-fait-${id}`, "data-parcours-step": id });
    const headingId = copy.querySelector("h1, h2, h3, h4, h5, h6")?.id;
    if (headingId) box.setAttribute("aria-describedby", headingId);
    box.checked = widget.ticks.has(id);
    box.addEventListener("change", () => {
      if (box.checked) widget.ticks.add(id);
      else widget.ticks.delete(id);
      save();
    });
    copy.prepend(el("p", { class: "modop-parcours__tick" }, box, el("label", { for: box.id }, words.parcours_step_done)));
    list.append(el("li", {}, copy));
  }
  remember.addEventListener("change", () => {
    if (remember.checked) return save();
    forgetTicks(key);
    status.textContent = words.ticks_forgotten;
  });
  const choice = el(
    "div",
    { class: "modop-parcours__remember" },
    el(
      "p",
      { class: "modop-checker__field--check" },
      remember,
      el("label", { for: remember.id }, words.ticks_remember),
    ),
    el("p", { class: "modop-parcours__note" }, words.ticks_remember_note),
    status,
  );
  return list.childElementCount
    ? [choice, list]
    : [el("p", {}, words.parcours_no_step)];
}

// A step's section as the page shows it, without ids (they stay unique),
// anchors nor badge, its headings one level down (under « Vos étapes »).
function stepCopy(section, id) {
  const copy = section.cloneNode(true);
  copy.querySelectorAll(".headerlink, [data-checker-badge]").forEach((node) => node.remove());
  copy.querySelectorAll("[id]").forEach((node) => node.removeAttribute("id"));
  copy.removeAttribute("id");
  copy.className = "modop-step modop-parcours__step";
  copy.querySelectorAll("h1, h2, h3, h4, h5").forEach((heading, index) => {
    const lower = document.createElement(`h${Number(heading.tagName[1]) + 1}`);
    lower.append(...heading.childNodes);
    if (index === 0) lower.id = `modop-parcours-etape-${id}`;
    heading.replaceWith(lower);
  });
  return copy;
}
