// « Quelle procédure pour moi ? » on the home and institution pages (markup:
// site_templates/partials/finder.html.j2). It walks the routing the build
// computed from each procedure's `public` (the routing.json of the page's
// language, at the finder's data-routing, made by generator/render/finder_view.py;
// its pages are addresses from that routing's site root): one question after
// the other, only those the routing holds, then the procedure (or the few) it leads to, linked with
// the answers that are profile keys in the address's fragment, which the
// procedure's checker reads. Every word it shows comes from the routing.
// Nothing is stored and nothing is sent: the fragment never leaves the browser.

import { el } from "../checker/dom.mjs"; // the widget's, shipped on every site (assets/checker/)

const routings = new Map(); // by address, each fetched once per tab
const bound = new WeakSet(); // the finders of the page already started

// Loaded `async`: it may run before the page is parsed, or once, for several
// pages under Material's instant navigation, whose document$ emits each page.
if (document.readyState === "loading") addEventListener("DOMContentLoaded", startPage, { once: true });
else startPage();
const followMaterial = () => globalThis.document$?.subscribe?.(() => startPage());
if (document.readyState === "loading") addEventListener("DOMContentLoaded", followMaterial, { once: true });
else followMaterial();

async function startPage() {
  const roots = [...document.querySelectorAll("[data-finder]")].filter((root) => !bound.has(root));
  for (const root of roots) {
    bound.add(root);
    const address = new URL(root.dataset.routing, location.href).href;
    try {
      if (!routings.has(address)) routings.set(address, await (await fetch(address)).json());
    } catch {
      continue; // the plain list stays: it is the finder without the script
    }
    start(root, routings.get(address), new URL("../../", address)); // assets/finder/ -> its site's root
  }
}

function start(root, routing, siteRoot) {
  const scope = root.dataset.finder;
  const finder = {
    root,
    routing,
    siteRoot,
    prefix: `modop-finder-${scope || "accueil"}`,
    form: root.querySelector("[data-finder-questions]"),
    result: root.querySelector("[data-finder-result]"),
    words: routing.words,
  };
  const institution = scope ? routing.institutions.find((candidate) => candidate.id === scope) : null;
  if (scope && !institution) return;
  finder.form.addEventListener("submit", (event) => event.preventDefault());
  root.querySelector("[data-finder-plain]").hidden = true;
  root.querySelector("[data-finder-intro]").hidden = false;
  finder.form.hidden = false;
  root.dataset.state = "asking";
  if (institution) showNode(finder, 0, institution.tree, {}, false);
  else askInstitution(finder);
}

function askInstitution(finder) {
  const institutions = finder.routing.institutions;
  question(finder, 0, finder.words.institution_question, institutions.map((i) => i.name), (index) =>
    showNode(finder, 1, institutions[index].tree, {}, true),
  );
}

// `answers`: the profile keys answered so far, carried into the procedure's checker.
function showNode(finder, depth, node, answers, announce) {
  if (node.procedures) {
    clearFrom(finder, depth);
    showResult(finder, node.procedures, answers);
    finder.root.dataset.state = "found"; // for the tests: the result is the one of the last answer
    return;
  }
  const choices = [
    ...node.options.map((option) => ({ label: option.label, next: option.next, value: option.value })),
    { label: node.unsure.label, next: node.unsure.next, value: null },
  ];
  question(finder, depth, node.legend, choices.map((c) => c.label), (index) => {
    const chosen = choices[index];
    const given = node.profile && chosen.value !== null ? { ...answers, [node.ask]: chosen.value } : answers;
    showNode(finder, depth + 1, chosen.next, given, true);
  });
  if (announce) say(finder, [el("p", {}, `${finder.words.next_question} ${node.legend}`)]);
}

function question(finder, depth, legend, labels, picked) {
  clearFrom(finder, depth);
  say(finder, []);
  finder.root.dataset.state = "asking";
  const name = `${finder.prefix}-${depth}`;
  const fieldset = el("fieldset", { class: "modop-finder__question", "data-depth": String(depth) }, el("legend", {}, legend));
  labels.forEach((label, index) => {
    const id = `${name}-${index}`;
    const input = el("input", { type: "radio", name, id, value: String(index) });
    input.addEventListener("change", () => input.checked && picked(index));
    fieldset.append(el("div", { class: "modop-finder__choice" }, input, el("label", { for: id }, label)));
  });
  finder.form.append(fieldset);
}

function clearFrom(finder, depth) {
  for (const fieldset of finder.form.querySelectorAll("fieldset")) {
    if (Number(fieldset.dataset.depth) >= depth) fieldset.remove();
  }
}

// A text the data gives only in French, on another language's site (the routing says which).
const french = (only) => (only ? { lang: "fr" } : {});

// Whom a procedure is for, its cases one after the other, each French-only one marked.
function audience(procedure, words) {
  return procedure.for.flatMap((who, index) => [
    ...(index ? [words.case_separator] : []),
    el("span", french(procedure.french_for.includes(index)), who),
  ]);
}

function showResult(finder, ids, answers) {
  const { words, routing } = finder;
  const fragment = new URLSearchParams(answers).toString();
  const link = (id) => {
    const procedure = routing.procedures[id];
    const url = new URL(procedure.page, finder.siteRoot);
    if (fragment) url.hash = fragment;
    const parts = [el("a", { href: url.href, ...french(procedure.french_title) }, procedure.title)];
    if (procedure.mark) parts.push(` (${procedure.mark})`);
    return parts;
  };
  const nodes = [];
  if (ids.length === 1) {
    nodes.push(el("p", {}, words.one_result), el("p", { class: "modop-finder__found" }, ...link(ids[0])));
  } else if (ids.length) {
    nodes.push(el("p", {}, `${words.several_why} ${words.several_results}`));
    nodes.push(
      el("ul", {}, ...ids.map((id) => el("li", {}, ...link(id), ` ${words.for} `, ...audience(routing.procedures[id], words)))),
    );
  } else {
    nodes.push(el("p", {}, words.none));
  }
  if (ids.length && fragment) nodes.push(el("p", {}, words.carried));
  say(finder, nodes);
}

function say(finder, nodes) {
  finder.result.replaceChildren(...nodes);
}
