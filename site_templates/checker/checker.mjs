// The checker widget of the procedure pages (markup: form.html). Each
// form[data-checker] asks the tab's one Web Worker (worker_client.mjs), running
// `checks` in Pyodide; nothing the student types leaves the browser. The
// worker starts once the page's first content is painted (or at the first
// touch of a form, if sooner): the page shows first, then the runtime's
// downloads take the network.
//
// Answers in the page's fragment (#boursier=true&echeances=3, profile_fragment.mjs)
// fill the form before its first answer. Once an answer is shown, three things
// are made from it, in the browser too: « Ajouter à mon agenda »
// (calendar_download.mjs), « Mon parcours » (parcours.mjs), a printable dialog
// of the student's own steps, and « Copier le lien de ma situation »
// (share_link.mjs), the page's address with those answers in its fragment.
//
// The widget speaks its page's language (its data-lang, French without one):
// its own words come from its data-checker-words (words.mjs), the answer's
// from the worker, for the compiled procedure of that language.

// Every module of the widget is named here, even one only another module
// uses: the browser asks for them all as soon as this file is parsed, in one
// round of requests, rather than one level of imports after the other.
import { answerNodes } from "./answer_view.mjs";
import { downloadCalendar } from "./calendar_download.mjs";
import { startCountdown } from "./countdown.mjs";
import { datesUnderstood, saysOtherwise } from "./date_field.mjs";
import { el, markFrench } from "./dom.mjs";
import { markSteps, showBanner } from "./page_marks.mjs";
import { closeParcours, openParcours } from "./parcours.mjs";
import { previewInstant } from "./preview_instant.mjs";
import { applyAnswers, fragmentAnswers, refusedText } from "./profile_fragment.mjs";
import { holdReadingPlace } from "./reading_place.mjs";
import { shareNodes, situationLink } from "./share_link.mjs";
import "./tick_storage.mjs"; // parcours.mjs's, named here for that reason
import { booted, brokenReason, onBroken, request, started, startWorker } from "./worker_client.mjs";
import { fill, reasonText, widgetLang, widgetWords } from "./words.mjs";

// The compiled procedures of a language: assets/checker/ -> the (French) site's root, en/ beside.
const dataUrl = (lang) => new URL(lang === "fr" ? "../../data/" : `../../${lang}/data/`, import.meta.url);

const widgets = new WeakMap(); // form -> widget

onBroken((reason) => {
  for (const form of document.querySelectorAll("form[data-checker]")) {
    const widget = widgets.get(form);
    if (widget) render(widget, { ok: false, fatal: true, error: reason });
  }
});

// form.html loads this module `async`, so it runs as soon as it arrives, while
// the rest of the page is still parsed: the form above its tag is there.
bindPage();
// Material's document$ emits every page, instant navigation included; its
// script comes at the end of the page, hence after DOMContentLoaded.
const followMaterial = () => globalThis.document$?.subscribe?.(() => bindPage());
if (document.readyState === "loading") addEventListener("DOMContentLoaded", followMaterial, { once: true });
else followMaterial();
// A link with other answers opened in this very tab changes only the fragment: no new page.
addEventListener("hashchange", () => {
  for (const form of document.querySelectorAll("form[data-checker]")) {
    const widget = widgets.get(form);
    if (widget && applyFragment(widget)) ask(widget);
  }
});

function bindPage() {
  // Instant navigation replaced the page under an open « Mon parcours »: it was that page's.
  closeParcours();
  const all = [...document.querySelectorAll("form[data-checker]")];
  if (!all.length) return;
  const forms = all.filter((form) => !widgets.has(form));
  if (!forms.length) return;
  const fresh = forms.map(bind);
  if (started()) {
    fresh.forEach(ask); // the interpreter already runs in this tab: answer now
  } else {
    afterFirstPaint(() => fresh.forEach((widget) => widget.form.isConnected && ask(widget)));
  }
}

function bind(form) {
  const root = form.closest("[data-checker-widget]") || form.parentElement;
  const widget = {
    form,
    root,
    lang: widgetLang(root),
    words: widgetWords(root),
    result: root.querySelector("[data-result]"),
    live: root.querySelector("[data-checker-live]"),
    answer: root.querySelector("[data-checker-answer]"),
    banner: root.querySelector("[data-checker-banner]"),
    notice: root.querySelector("[data-checker-link-notice]"),
    at: previewInstant(), // the instant of the page's address, if it sets one
    current: null, // {answer, view, json, values} of the answer shown
    fragment: null, // the page's fragment whose answers the form took last
    ticks: new Set(), // the steps ticked in « Mon parcours », kept for this page only
    asked: 0, // requests made: only the reply to the latest is shown
    countdown: null,
    steps: [], // every step id of the procedure, once an answer told them
  };
  widgets.set(form, widget);
  const fieldset = form.querySelector("fieldset");
  if (fieldset) fieldset.disabled = false;
  applyFragment(widget); // before the first answer: the one shown first is the link's
  widget.live.textContent = widget.words.listening;
  form.addEventListener("change", () => ask(widget));
  // A date typed in part changes no value: it is found when the field is left.
  form.addEventListener("focusout", (event) => saysOtherwise(event.target) && ask(widget));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ask(widget);
  });
  // The first touch of the form starts the interpreter, without waiting for idle time.
  form.addEventListener("focusin", () => startWorker(), { once: true });
  form.addEventListener("pointerdown", () => startWorker(), { once: true });
  showBanner(widget.banner, widget.at, null, widget.words);
  return widget;
}

// Puts the answers of the page's fragment into the form, the others at their
// defaults (a link leaves them out), and says next to it what it could not
// take; whether there were answers not taken yet (going back to a fragment
// already taken does not undo what the student changed since).
function applyFragment(widget) {
  const answers = fragmentAnswers(location.hash);
  if (!answers || location.hash === widget.fragment) return false;
  widget.fragment = location.hash;
  widget.form.reset();
  if (widget.notice) widget.notice.textContent = refusedText(widget.form, applyAnswers(widget.form, answers), widget.words);
  return true;
}

// Once the page's first content is on screen: at once if its first-contentful-paint
// entry is there (an observer's callback, not urgent to the browser, may come
// late), else when it comes; without paint timing, after the next frame. The
// page shows first, and the interpreter, which runs in its own thread, waits
// neither for an idle moment nor for every image.
function afterFirstPaint(callback) {
  if (performance.getEntriesByName("first-contentful-paint").length) {
    callback();
    return;
  }
  if (!globalThis.PerformanceObserver?.supportedEntryTypes?.includes("paint")) {
    requestAnimationFrame(() => setTimeout(callback, 0));
    return;
  }
  const observer = new PerformanceObserver((entries) => {
    if (!entries.getEntriesByName("first-contentful-paint").length) return;
    observer.disconnect();
    callback();
  });
  observer.observe({ type: "paint", buffered: true });
}

function ask(widget) {
  widget.countdown?.stop();
  const asked = ++widget.asked; // a reply still to come is for values no longer there
  if (!datesUnderstood(widget.form)) return render(widget, { ok: false, dateNotUnderstood: true });
  if (!startWorker()) return render(widget, { ok: false, fatal: true, error: brokenReason() });
  const key = widget.form.dataset.checker;
  const values = formValues(widget.form);
  setState(widget, "loading");
  if (!booted()) widget.live.textContent = widget.words.starting;
  request({
    key,
    procedureUrl: new URL(`${key}.json`, dataUrl(widget.lang)).href,
    values,
    at: widget.at || "",
    lang: widget.lang,
  }).then(
    (reply) => {
      if (widget.asked === asked && widget.form.isConnected) render(widget, reply, values); // else superseded
    },
    () => {}, // the calculator is unavailable: onBroken above says so in every widget
  );
}

function formValues(form) {
  const values = {};
  for (const field of form.elements) {
    if (!field.name) continue;
    values[field.name] = field.type === "checkbox" ? String(field.checked) : field.value;
  }
  return values;
}

function setState(widget, state) {
  if (state !== "ready") {
    widget.result.removeAttribute("data-json");
    widget.result.removeAttribute("data-values");
  }
  widget.result.setAttribute("aria-busy", String(state === "loading"));
  widget.result.dataset.state = state;
}

// `values` are the form's values the answer is for: kept in data-values with
// the answer, so that a reader tells this answer from one for other values.
function render(widget, message, values) {
  const settle = holdReadingPlace(widget.root);
  show(widget, message, values);
  settle();
}

// The reply, or why there is none, in the widget and on the page's steps.
function show(widget, message, values) {
  const { words } = widget;
  widget.countdown?.stop();
  widget.answer.replaceChildren();
  widget.current = null;
  if (!message.ok) {
    markSteps(widget.steps, null, words);
    const error = reasonText(words, message.error);
    if (message.fatal) widget.live.textContent = fill(words.broken, { error });
    else if (message.dateNotUnderstood) widget.live.textContent = words.date_not_understood;
    else widget.live.textContent = fill(words.refused, { error });
    setState(widget, "error");
    return;
  }
  const answer = JSON.parse(message.json);
  const view = message.view;
  widget.current = { answer, view, json: message.json, values };
  widget.answer.append(...answerNodes(answer, view, words), actionNodes(widget, answer));
  widget.result.setAttribute("data-json", message.json);
  widget.result.setAttribute("data-values", JSON.stringify(values));
  setState(widget, "ready");
  widget.live.textContent = view.summary;
  markFrench(widget.result, view.french_texts); // an English page's French-only texts
  widget.steps = view.all_steps;
  markSteps(view.all_steps, answer.steps, words);
  showBanner(widget.banner, widget.at, view, words);
  // A `?at=` preview shows the countdown for that instant, standing still.
  const frozenAt = widget.at ? Date.parse(answer.at) : null;
  widget.countdown = startCountdown(widget.answer, view.deadline?.countdown, frozenAt, () => ask(widget), words);
}

// « Ajouter à mon agenda », « Mon parcours » and « Copier le lien de ma situation », under the answer.
function actionNodes(widget, answer) {
  const { words } = widget;
  const status = el("p", { class: "modop-checker__hint", role: "status", "data-checker-action-status": "" });
  const actions = el("div", { class: "modop-checker__actions" });
  const hasDates = (answer.deadline?.windows || []).some((window) => window.start || window.end);
  if (hasDates) {
    const agenda = el("button", { type: "button", class: "md-button", "data-checker-agenda": "" }, words.agenda_button);
    agenda.addEventListener("click", () => {
      const current = shownAnswer(widget);
      if (current) downloadCalendar(widget.form.dataset.checker, current.json, status, words, widget.lang);
    });
    actions.append(agenda);
  }
  const parcours = el(
    "button",
    { type: "button", class: "md-button", "data-checker-parcours": "", "aria-haspopup": "dialog" },
    words.parcours_button,
  );
  parcours.addEventListener("click", () => {
    const current = shownAnswer(widget);
    if (current) openParcours(widget, current, parcours);
  });
  actions.append(parcours);
  const share = shareNodes(
    widget.form,
    () => {
      const current = shownAnswer(widget);
      return current && situationLink(widget.form, current.values, widget.at);
    },
    status,
    words,
  );
  actions.append(share.button);
  const note = el("p", { class: "modop-checker__hint" }, hasDates ? words.made_here_with_agenda : words.made_here);
  return el("div", { class: "modop-checker__takeaways" }, actions, note, share.note, share.fallback, status);
}

// The take-aways are made from the answer shown; not while a newer one is computed.
function shownAnswer(widget) {
  return widget.result.dataset.state === "ready" ? widget.current : null;
}
