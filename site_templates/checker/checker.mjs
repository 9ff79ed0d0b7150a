// The checker widget of the procedure pages (markup: form.html, contract:
// shared/contract.md). Each form[data-checker] asks one Web Worker, shared by
// the whole tab, running `checks` in Pyodide; nothing the student types
// leaves the browser. The worker starts lazily: at the first interaction with
// a form, or when the browser is idle once the page is painted, so the page
// shows first. With Material's instant navigation this module, hence the
// worker, lives on from page to page: the next procedure answers at once.
//
// Once an answer is shown, two things are made from it, in the browser too:
// « Ajouter à mon agenda », the student's own .ics (checks.calendar, in the
// worker), and « Mon parcours », a printable dialog of their own steps with
// boxes to tick, kept in localStorage only if the student asks for it.

const WORKER_URL = new URL("worker.mjs", import.meta.url);
const DATA_URL = new URL("../../data/", import.meta.url); // assets/checker/ -> the site's root

// Shared by every copy of this module in the tab (and read by the tests and the benchmark).
const shared = (globalThis.modopChecker ??= {
  worker: null,
  workersStarted: 0,
  booted: null, // {ms, snapshot} once Python runs
  broken: null, // why the calculator is unavailable, once known
  nextId: 1,
  waiting: new Map(), // request id -> widget
  calls: new Map(), // request id -> {resolve, reject}, for the calendar
});

const widgets = new WeakMap(); // form -> widget

// form.html loads this module `async`, so it runs as soon as it arrives, while
// the rest of the page is still parsed: the form above its tag is there.
bindPage();
// Material's document$ emits every page, instant navigation included; its
// script comes at the end of the page, hence after DOMContentLoaded.
const followMaterial = () => globalThis.document$?.subscribe?.(() => bindPage());
if (document.readyState === "loading") addEventListener("DOMContentLoaded", followMaterial, { once: true });
else followMaterial();

function bindPage() {
  // Instant navigation replaced the page under an open « Mon parcours »: it was that page's.
  document.querySelectorAll("dialog.modop-parcours").forEach((dialog) => dialog.close());
  const forms = [...document.querySelectorAll("form[data-checker]")].filter((form) => !widgets.has(form));
  if (!forms.length) return;
  const fresh = forms.map(bind);
  if (shared.worker || shared.broken) {
    fresh.forEach(ask); // the interpreter already runs in this tab: answer now
  } else {
    whenIdleAfterPaint(() => fresh.forEach((widget) => widget.form.isConnected && ask(widget)));
  }
}

function bind(form) {
  const root = form.closest("[data-checker-widget]") || form.parentElement;
  const widget = {
    form,
    root,
    result: root.querySelector("[data-result]"),
    live: root.querySelector("[data-checker-live]"),
    answer: root.querySelector("[data-checker-answer]"),
    banner: root.querySelector("[data-checker-banner]"),
    current: null, // {answer, view, json} of the answer shown
    ticks: new Set(), // the steps ticked in « Mon parcours », kept for this page only
    latest: 0,
    timer: null,
    steps: [], // every step id of the procedure, once an answer told them
  };
  widgets.set(form, widget);
  const fieldset = form.querySelector("fieldset");
  if (fieldset) fieldset.disabled = false;
  widget.live.textContent =
    "Répondez aux questions : la réponse s'affiche ici et se met à jour à chaque changement.";
  form.addEventListener("change", () => ask(widget));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ask(widget);
  });
  // The first touch of the form starts the interpreter, without waiting for idle time.
  form.addEventListener("focusin", () => startWorker(), { once: true });
  form.addEventListener("pointerdown", () => startWorker(), { once: true });
  showBanner(widget, null);
  return widget;
}

// Right after the first frame with the page's content is painted
// (requestAnimationFrame runs once rendering is unblocked; the timeout lets
// that frame reach the screen): the page shows first, and the interpreter,
// which runs in its own thread, does not wait for every image to load.
function whenIdleAfterPaint(callback) {
  requestAnimationFrame(() => setTimeout(callback, 0));
}

function startWorker() {
  if (shared.worker || shared.broken) return shared.worker;
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    fail("ce navigateur n'exécute pas WebAssembly ou les Web Workers");
    return null;
  }
  try {
    shared.worker = new Worker(WORKER_URL, { type: "module" });
  } catch (error) {
    fail(error.message || String(error));
    return null;
  }
  shared.workersStarted += 1;
  shared.worker.onmessage = (event) => receive(event.data);
  shared.worker.onerror = (event) => {
    event.preventDefault?.();
    fail(event.message || "le calculateur n'a pas pu démarrer");
  };
  return shared.worker;
}

function ask(widget) {
  clearTimeout(widget.timer);
  const worker = startWorker();
  if (!worker) return render(widget, { ok: false, fatal: true, error: shared.broken });
  const id = shared.nextId++;
  widget.latest = id;
  shared.waiting.set(id, widget);
  const key = widget.form.dataset.checker;
  const at = new URLSearchParams(location.search).get("at");
  setState(widget, "loading");
  if (!shared.booted) widget.live.textContent = "Démarrage du calculateur…";
  worker.postMessage({
    id,
    key,
    procedureUrl: new URL(`${key}.json`, DATA_URL).href,
    values: formValues(widget.form),
    at: at || "",
  });
}

function formValues(form) {
  const values = {};
  for (const field of form.elements) {
    if (!field.name) continue;
    values[field.name] = field.type === "checkbox" ? String(field.checked) : field.value;
  }
  return values;
}

function receive(message) {
  const call = shared.calls.get(message.id);
  if (call) {
    shared.calls.delete(message.id);
    if (message.ok) call.resolve(message);
    else call.reject(new Error(message.error));
    return;
  }
  if (message.booted !== undefined) {
    shared.booted = message.booted;
    if (!message.booted) fail(message.error);
    return;
  }
  const widget = shared.waiting.get(message.id);
  shared.waiting.delete(message.id);
  if (message.fatal) return fail(message.error);
  if (!widget || widget.latest !== message.id || !widget.form.isConnected) return; // superseded
  render(widget, message);
}

function fail(reason) {
  shared.broken = reason || "erreur inconnue";
  for (const call of shared.calls.values()) call.reject(new Error(shared.broken));
  shared.calls.clear();
  for (const form of document.querySelectorAll("form[data-checker]")) {
    const widget = widgets.get(form);
    if (widget) render(widget, { ok: false, fatal: true, error: shared.broken });
  }
}

function setState(widget, state) {
  if (state !== "ready") widget.result.removeAttribute("data-json");
  widget.result.setAttribute("aria-busy", String(state === "loading"));
  widget.result.dataset.state = state;
}

function render(widget, message) {
  clearTimeout(widget.timer);
  widget.answer.replaceChildren();
  widget.current = null;
  if (!message.ok) {
    markSteps(widget.steps, null);
    if (message.fatal) {
      widget.live.textContent = `Calculateur indisponible (${message.error}). Les tableaux de cette page donnent les frais, la CVEC et les dates de chaque cas.`;
    } else {
      widget.live.textContent = `Réponse impossible : ${message.error}`;
    }
    setState(widget, "error");
    return;
  }
  const answer = JSON.parse(message.json);
  const view = message.view;
  widget.current = { answer, view, json: message.json };
  widget.answer.append(...answerNodes(answer, view), actionNodes(widget, answer));
  widget.result.setAttribute("data-json", message.json);
  setState(widget, "ready");
  widget.live.textContent = view.summary;
  widget.steps = view.all_steps;
  markSteps(view.all_steps, answer.steps);
  showBanner(widget, view);
  startCountdown(widget, view, answer);
}

function answerNodes(answer, view) {
  const parts = el("dl", { class: "modop-checker__parts" });
  const add = (term, ...details) => parts.append(el("dt", {}, term), el("dd", {}, ...details));
  if (view.fee) {
    add(
      "Frais d'inscription",
      el("p", {}, el("strong", {}, view.fee.headline)),
      view.fee.code ? el("p", {}, "Code à cocher sur le portail : ", el("strong", {}, view.fee.code)) : "",
      view.fee.unknown ? el("p", {}, `Pour connaître le montant, ${view.ask}.`) : "",
      el("p", { class: "modop-checker__reason" }, view.fee.reason),
    );
  }
  if (view.cvec) {
    add("CVEC", el("p", {}, el("strong", {}, view.cvec.headline)), el("p", { class: "modop-checker__reason" }, view.cvec.reason));
  }
  if (view.deadline) {
    add(
      "Date limite",
      el("p", {}, el("strong", {}, view.deadline.headline)),
      view.deadline.countdown ? el("p", { class: "modop-checker__countdown", role: "timer", "data-checker-countdown": "" }) : "",
      el("p", { class: "modop-checker__reason" }, view.deadline.reason),
    );
  }
  if (view.payment) {
    add(
      "Paiement",
      el("ul", {}, ...view.payment.lines.map((line) => el("li", {}, line))),
      view.payment.refused ? el("p", {}, view.payment.refused) : "",
    );
  }
  const steps = answer.steps.map((id) => [id, stepTitle(id)]).filter(([, title]) => title);
  if (steps.length) {
    add(
      "Vos étapes",
      el("ul", {}, ...steps.map(([id, title]) => el("li", {}, el("a", { href: `#etape-${id}` }, title)))),
    );
  }
  const why = el(
    "details",
    { class: "modop-checker__why" },
    el("summary", {}, "Pourquoi ?"),
    el("ul", {}, ...view.explanation.map((sentence) => el("li", {}, sentence))),
  );
  return [parts, why];
}

// « Ajouter à mon agenda » and « Mon parcours », under the answer.
function actionNodes(widget, answer) {
  const status = el("p", { class: "modop-checker__hint", role: "status", "data-checker-action-status": "" });
  const actions = el("div", { class: "modop-checker__actions" });
  const hasDates = (answer.deadline?.windows || []).some((window) => window.start || window.end);
  if (hasDates) {
    const agenda = el("button", { type: "button", class: "md-button", "data-checker-agenda": "" }, "Ajouter à mon agenda (.ics)");
    agenda.addEventListener("click", () => downloadCalendar(widget, status));
    actions.append(agenda);
  }
  const parcours = el(
    "button",
    { type: "button", class: "md-button", "data-checker-parcours": "", "aria-haspopup": "dialog" },
    "Mon parcours (à imprimer, à cocher)",
  );
  parcours.addEventListener("click", () => openParcours(widget, parcours));
  actions.append(parcours);
  const note = el(
    "p",
    { class: "modop-checker__hint" },
    hasDates
      ? "Le fichier d'agenda (vos dates d'inscription) et « Mon parcours » sont faits par votre navigateur à partir de vos réponses : rien n'est envoyé."
      : "« Mon parcours » est fait par votre navigateur à partir de vos réponses : rien n'est envoyé.",
  );
  return el("div", { class: "modop-checker__takeaways" }, actions, note, status);
}

// Posts a message to the worker; resolves with its reply.
function call(message) {
  const worker = startWorker();
  if (!worker) return Promise.reject(new Error(shared.broken));
  const id = shared.nextId++;
  return new Promise((resolve, reject) => {
    shared.calls.set(id, { resolve, reject });
    worker.postMessage({ id, ...message });
  });
}

// Both take-aways are made from the answer shown; not while a newer one is computed.
function shownAnswer(widget) {
  return widget.result.dataset.state === "ready" ? widget.current : null;
}

async function downloadCalendar(widget, status) {
  const current = shownAnswer(widget);
  if (!current) return;
  const key = widget.form.dataset.checker;
  const page = new URL(location.href);
  page.hash = "";
  status.textContent = "Préparation du fichier d'agenda…";
  try {
    const { ics } = await call({ kind: "calendar", key, json: current.json, pageUrl: page.href });
    const name = `inscription-${key.replaceAll("/", "-")}.ics`;
    const url = URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" }));
    const link = el("a", { href: url, download: name, hidden: "" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = `Fichier « ${name} » créé : ouvrez-le pour ajouter vos dates d'inscription à votre agenda.`;
  } catch (error) {
    status.textContent = `Fichier d'agenda impossible : ${error.message}`;
  }
}

// ---------------------------------------------------------------- Mon parcours
//
// A modal dialog, in this very page rather than a page of its own: it is made
// from what the page already holds (the answer, the steps' sections), so it
// works offline once the page has loaded, needs no second start of Python, and
// nothing the student answered goes into an address. It is a child of <body>,
// so that printing it can leave the rest of the page out (checker.css).

const PARCOURS_OPEN = "modop-parcours-open"; // class of <html> while the dialog is open

function openParcours(widget, opener) {
  const current = shownAnswer(widget);
  if (!current) return;
  document.querySelectorAll("dialog.modop-parcours").forEach((dialog) => dialog.close());
  const dialog = parcoursDialog(widget, current);
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

function parcoursDialog(widget, { answer, view }) {
  const titleId = "modop-parcours-titre";
  const dialog = el("dialog", { class: "md-typeset modop-parcours", "aria-labelledby": titleId, "data-parcours": answer.procedure });
  const close = el("button", { type: "button", class: "md-button" }, "Fermer");
  close.addEventListener("click", () => dialog.close());
  const print = el("button", { type: "button", class: "md-button" }, "Imprimer");
  print.addEventListener("click", () => window.print());
  const heading = document.querySelector(".md-content h1");
  const title = heading ? textOf(heading) : answer.procedure;
  dialog.append(
    el("div", { class: "modop-parcours__bar" }, print, close),
    el("h2", { id: titleId, tabindex: "-1", autofocus: "" }, `Mon parcours : ${title}`),
    el(
      "p",
      {},
      `Année universitaire ${answer.academic_year}. Calculé pour le ${view.at} (heure de Paris), d'après vos réponses ci-dessous.`,
    ),
    el(
      "p",
      { class: "modop-parcours__note" },
      "Cette page est faite par votre navigateur : rien de ce que vous avez indiqué n'est envoyé. Seule la notice officielle de l'établissement fait foi.",
    ),
    el("h3", {}, "Votre situation"),
    situationList(widget.form),
    el("h3", {}, "À retenir"),
    figuresList(view),
    el("h3", {}, "Vos étapes"),
    ...stepsPart(widget, answer),
  );
  return dialog;
}

// What the student answered, as the form's labels say it.
function situationList(form) {
  const items = [];
  let boxes = 0; // the true/false questions, and how many are ticked
  let ticked = 0;
  for (const field of form.elements) {
    if (!field.name) continue;
    const label = field.id ? form.querySelector(`label[for="${CSS.escape(field.id)}"]`) : null;
    const text = label ? textOf(label) : field.name;
    if (field.type === "checkbox") {
      boxes += 1;
      if (field.checked) {
        ticked += 1;
        items.push(text);
      }
    } else if (field.tagName === "SELECT") {
      items.push(`${text} : ${field.selectedOptions[0]?.textContent.trim() ?? field.value}`);
    } else if (field.value) {
      const day = new Date(`${field.value}T12:00:00`);
      const shown = Number.isNaN(day.getTime())
        ? field.value
        : day.toLocaleDateString("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric" });
      items.push(`${text} : ${shown}`);
    } else {
      items.push(`${text} : non indiquée`);
    }
  }
  if (boxes && !ticked) items.push("Aucune des situations particulières proposées (cases non cochées).");
  return el("ul", {}, ...items.map((item) => el("li", {}, item)));
}

function figuresList(view) {
  const parts = el("dl", { class: "modop-checker__parts" });
  const add = (term, ...details) => parts.append(el("dt", {}, term), el("dd", {}, ...details));
  if (view.fee) {
    add(
      "Frais d'inscription",
      el("p", {}, view.fee.headline),
      view.fee.code ? el("p", {}, "Code à cocher sur le portail : ", el("strong", {}, view.fee.code)) : "",
      view.fee.unknown ? el("p", {}, `Pour connaître le montant, ${view.ask}.`) : "",
    );
  }
  if (view.cvec) add("CVEC", el("p", {}, view.cvec.headline));
  if (view.deadline) add("Date limite", el("p", {}, view.deadline.headline));
  if (view.payment) {
    add(
      "Paiement",
      el("ul", {}, ...view.payment.lines.map((line) => el("li", {}, line))),
      view.payment.refused ? el("p", {}, view.payment.refused) : "",
    );
  }
  return parts;
}

// The student's steps, copied from the page, each with a box to tick.
function stepsPart(widget, answer) {
  const key = `modop-parcours:${answer.procedure}:${answer.academic_year}`;
  const saved = readTicks(key);
  if (saved) saved.forEach((id) => widget.ticks.add(id));
  const status = el("p", { class: "modop-parcours__note", role: "status" });
  const remember = el("input", { type: "checkbox", id: "modop-parcours-garder", "data-parcours-remember": "" });
  remember.checked = saved !== null;
  const list = el("ul", { class: "modop-parcours__steps" });
  const save = () => {
    if (!remember.checked) return;
    status.textContent = writeTicks(key, [...widget.ticks])
      ? "Vos coches sont gardées dans ce navigateur."
      : "Ce navigateur ne permet pas de garder vos coches.";
  };
  for (const id of answer.steps) {
    const section = document.getElementById(`etape-${id}`);
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
    copy.prepend(el("p", { class: "modop-parcours__tick" }, box, el("label", { for: box.id }, "Étape faite")));
    list.append(el("li", {}, copy));
  }
  remember.addEventListener("change", () => {
    if (remember.checked) return save();
    forgetTicks(key);
    status.textContent = "Vos coches ne sont plus gardées dans ce navigateur.";
  });
  const choice = el(
    "div",
    { class: "modop-parcours__remember" },
    el(
      "p",
      { class: "modop-checker__field--check" },
      remember,
      el("label", { for: remember.id }, "Garder mes coches dans ce navigateur"),
    ),
    el(
      "p",
      { class: "modop-parcours__note" },
      "Si vous cochez cette case, les étapes que vous cochez sont enregistrées sur cet appareil seulement (stockage local du navigateur), jamais envoyées, et vous les retrouvez ici la prochaine fois. Vos réponses ne sont pas enregistrées. Décochez-la pour tout effacer.",
    ),
    status,
  );
  return list.childElementCount
    ? [choice, list]
    : [el("p", {}, "Aucune étape de cette page ne vous concerne.")];
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

function readTicks(key) {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : new Set(JSON.parse(text).done || []);
  } catch {
    return null;
  }
}

function writeTicks(key, done) {
  try {
    localStorage.setItem(key, JSON.stringify({ done }));
    return true;
  } catch {
    return false;
  }
}

function forgetTicks(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing was kept
  }
}

function textOf(node) {
  const copy = node.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
  return copy.textContent.trim();
}

function stepTitle(id) {
  const heading = document.getElementById(`etape-${id}`)?.querySelector("h1, h2, h3, h4, h5, h6");
  return heading ? textOf(heading) : null;
}

// Marks each step of the page (id etape-<step>) as the student's or not; null clears.
function markSteps(all, steps) {
  for (const id of all) {
    const section = document.getElementById(`etape-${id}`);
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
    badge.textContent = yours ? "Cette étape vous concerne" : "Cette étape ne vous concerne pas";
  }
}

function showBanner(widget, view) {
  const at = new URLSearchParams(location.search).get("at");
  if (!widget.banner) return;
  widget.banner.hidden = !at;
  if (!at) return;
  const when = view ? `le ${view.at} (heure de Paris)` : `à l'instant « ${at} »`;
  widget.banner.textContent =
    `Aperçu : les réponses de cette page sont calculées pour ${when}, indiqué par « ?at= » dans l'adresse, et non pour maintenant.`;
}

function startCountdown(widget, view, answer) {
  const counter = widget.answer.querySelector("[data-checker-countdown]");
  if (!counter) return;
  const target = Date.parse(view.deadline.countdown.to);
  const frozen = new URLSearchParams(location.search).has("at") ? Date.parse(answer.at) : null;
  const tick = () => {
    if (!counter.isConnected) return;
    const left = target - (frozen ?? Date.now());
    if (left <= 0) {
      if (frozen === null) ask(widget); // the status has just changed: ask again
      return;
    }
    counter.textContent = `Il reste ${duration(left)} ${view.deadline.countdown.label}.`;
    if (frozen === null) widget.timer = setTimeout(tick, 1000 - (Date.now() % 1000));
  };
  tick();
}

function duration(ms) {
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pieces = [];
  if (days) pieces.push(`${days} j`);
  if (days || hours) pieces.push(`${hours} h`);
  pieces.push(`${minutes} min`);
  if (!days) pieces.push(`${String(rest).padStart(2, "0")} s`);
  return pieces.join(" ");
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.filter((child) => child !== "" && child != null));
  return node;
}
