// The checker widget of the procedure pages (markup: form.html, contract:
// shared/contract.md). Each form[data-checker] asks one Web Worker, shared by
// the whole tab, running `checks` in Pyodide; nothing the student types
// leaves the browser. The worker starts lazily: at the first interaction with
// a form, or when the browser is idle once the page is painted, so the page
// shows first. With Material's instant navigation this module, hence the
// worker, lives on from page to page: the next procedure answers at once.

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
  widget.answer.append(...answerNodes(answer, view));
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

function stepTitle(id) {
  const heading = document.getElementById(`etape-${id}`)?.querySelector("h1, h2, h3, h4, h5, h6");
  if (!heading) return null;
  const copy = heading.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
  return copy.textContent.trim();
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
