// An answer of the checker as DOM, from the worker's reply: `answer` is the
// engine's result (checks.evaluate), `view` its wording in the page's language
// (checks/worker_bridge.py), `words` the widget's own (words.mjs).

import { countdownNode } from "./countdown.mjs";
import { el, stepAnchor, stepTitle } from "./dom.mjs";
import { fill } from "./words.mjs";

// Under the widget's form: the figures, the student's steps and documents, « Pourquoi ? ».
export function answerNodes(answer, view, words) {
  const parts = figuresList(view, { detailed: true, words });
  const steps = answer.steps.map((id) => [id, stepTitle(id)]).filter(([, title]) => title);
  if (steps.length) {
    addPart(
      parts,
      words.your_steps,
      el("ul", {}, ...steps.map(([id, title]) => el("li", {}, el("a", { href: `#${stepAnchor(id)}` }, title)))),
    );
  }
  if (view.documents.length) addPart(parts, words.your_documents, documentsList(view.documents, words));
  const why = el(
    "details",
    { class: "modop-checker__why" },
    el("summary", {}, words.why),
    el("ul", {}, ...view.explanation.map((sentence) => el("li", {}, sentence))),
  );
  return [parts, why];
}

// Fee, CVEC, deadline and payment, as a list of terms. `detailed` (the
// widget): each headline in bold, with its reason, and the countdown; without
// (« Mon parcours », on paper), the headlines alone.
export function figuresList(view, { detailed, words }) {
  const parts = el("dl", { class: "modop-checker__parts" });
  const headline = (text) => el("p", {}, detailed ? el("strong", {}, text) : text);
  const reason = (text) => (detailed ? el("p", { class: "modop-checker__reason" }, text) : "");
  if (view.fee) {
    addPart(
      parts,
      words.fee,
      headline(view.fee.headline),
      view.fee.code ? el("p", {}, words.fee_code, el("strong", {}, view.fee.code)) : "",
      view.fee.unknown ? el("p", {}, fill(words.fee_ask, { ask: view.ask })) : "",
      reason(view.fee.reason),
    );
  }
  if (view.cvec) addPart(parts, words.cvec, headline(view.cvec.headline), reason(view.cvec.reason));
  if (view.deadline) {
    addPart(
      parts,
      words.deadline,
      headline(view.deadline.headline),
      detailed && view.deadline.countdown ? countdownNode() : "",
      reason(view.deadline.reason),
    );
  }
  if (view.payment) {
    addPart(
      parts,
      words.payment,
      el("ul", {}, ...view.payment.lines.map((line) => el("li", {}, line))),
      view.payment.refused ? el("p", {}, view.payment.refused) : "",
    );
  }
  return parts;
}

// The student's documents to provide (the view's labels and notes), for the widget and « Mon parcours ».
export function documentsList(documents, words) {
  const line = ({ label, note }) => (note ? fill(words.document_note, { label, note }) : label);
  return el("ul", { class: "modop-documents" }, ...documents.map((document) => el("li", {}, line(document))));
}

function addPart(parts, term, ...details) {
  parts.append(el("dt", {}, term), el("dd", {}, ...details));
}
