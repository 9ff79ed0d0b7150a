// An answer of the checker as DOM, from the worker's reply: `answer` is the
// engine's result (checks.evaluate), `view` its French wording (checks/worker_bridge.py).

import { countdownNode } from "./countdown.mjs";
import { el, stepAnchor, stepTitle } from "./dom.mjs";

// Under the widget's form: the figures, the student's steps and documents, « Pourquoi ? ».
export function answerNodes(answer, view) {
  const parts = figuresList(view, { detailed: true });
  const steps = answer.steps.map((id) => [id, stepTitle(id)]).filter(([, title]) => title);
  if (steps.length) {
    addPart(
      parts,
      "Vos étapes",
      el("ul", {}, ...steps.map(([id, title]) => el("li", {}, el("a", { href: `#${stepAnchor(id)}` }, title)))),
    );
  }
  if (view.documents.length) addPart(parts, "Vos pièces à fournir", documentsList(view.documents));
  const why = el(
    "details",
    { class: "modop-checker__why" },
    el("summary", {}, "Pourquoi ?"),
    el("ul", {}, ...view.explanation.map((sentence) => el("li", {}, sentence))),
  );
  return [parts, why];
}

// Fee, CVEC, deadline and payment, as a list of terms. `detailed` (the
// widget): each headline in bold, with its reason, and the countdown; without
// (« Mon parcours », on paper), the headlines alone.
export function figuresList(view, { detailed }) {
  const parts = el("dl", { class: "modop-checker__parts" });
  const headline = (text) => el("p", {}, detailed ? el("strong", {}, text) : text);
  const reason = (text) => (detailed ? el("p", { class: "modop-checker__reason" }, text) : "");
  if (view.fee) {
    addPart(
      parts,
      "Frais d'inscription",
      headline(view.fee.headline),
      view.fee.code ? el("p", {}, "Code à cocher sur le portail : ", el("strong", {}, view.fee.code)) : "",
      view.fee.unknown ? el("p", {}, `Pour connaître le montant, ${view.ask}.`) : "",
      reason(view.fee.reason),
    );
  }
  if (view.cvec) addPart(parts, "CVEC", headline(view.cvec.headline), reason(view.cvec.reason));
  if (view.deadline) {
    addPart(
      parts,
      "Date limite",
      headline(view.deadline.headline),
      detailed && view.deadline.countdown ? countdownNode() : "",
      reason(view.deadline.reason),
    );
  }
  if (view.payment) {
    addPart(
      parts,
      "Paiement",
      el("ul", {}, ...view.payment.lines.map((line) => el("li", {}, line))),
      view.payment.refused ? el("p", {}, view.payment.refused) : "",
    );
  }
  return parts;
}

// The student's documents to provide (the view's labels and notes), for the widget and « Mon parcours ».
export function documentsList(documents) {
  return el(
    "ul",
    { class: "modop-documents" },
    ...documents.map((document) => el("li", {}, document.note ? `${document.label} — ${document.note}` : document.label)),
  );
}

function addPart(parts, term, ...details) {
  parts.append(el("dt", {}, term), el("dd", {}, ...details));
}
