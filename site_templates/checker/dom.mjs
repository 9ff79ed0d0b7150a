// DOM helpers of the checker's modules.

// An element with its attributes and children; "" and null children are left
// out, so that a part shown in some cases only reads `condition ? node : ""`.
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.filter((child) => child !== "" && child != null));
  return node;
}

// Each occurrence of one of `texts` in the text under `node` put inside a
// <span lang="fr">: the French-only texts of an English page's data
// (compiled["french_texts"], the view's french_texts), wherever an answer
// places them; one matches without its final full stop too (checks'
// sentences.clause), the longest first.
export function markFrench(node, texts) {
  const wanted = [...new Set((texts || []).map((text) => text.trim().replace(/[\s.]+$/, "")))]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  if (!wanted.length) return;
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!text.parentElement.closest("[lang='fr']")) found.push(text);
  }
  for (const text of found) wrapFrench(text, wanted);
}

function wrapFrench(node, wanted) {
  const value = node.data;
  const pieces = [];
  let from = 0;
  for (;;) {
    let next = null; // the first occurrence after `from`, the longest text at one place
    for (const french of wanted) {
      const index = value.indexOf(french, from);
      if (index !== -1 && (next === null || index < next.index)) next = { index, french };
    }
    if (!next) break;
    pieces.push(value.slice(from, next.index), el("span", { lang: "fr" }, next.french));
    from = next.index + next.french.length;
  }
  if (!pieces.length) return;
  pieces.push(value.slice(from));
  node.replaceWith(...pieces.filter((piece) => piece !== ""));
}

// A node's text as one reads it, without the "¶" links MkDocs adds to headings.
export function textOf(node) {
  const copy = node.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
  return copy.textContent.trim();
}

// The section of a step on the page: id etape-<step> (generator/pages.py's anchor).
export function stepSection(id) {
  return document.getElementById(stepAnchor(id));
}

export function stepAnchor(id) {
  return `etape-${id}`;
}

export function stepTitle(id) {
  const heading = stepSection(id)?.querySelector("h1, h2, h3, h4, h5, h6");
  return heading ? textOf(heading) : null;
}

// A field of the checker's form as its visible label names it (never its profile key).
export function fieldLabel(form, field) {
  const label = field.id ? form.querySelector(`label[for="${CSS.escape(field.id)}"]`) : null;
  return label ? textOf(label) : field.name;
}
