// DOM helpers of the checker's modules.

// An element with its attributes and children; "" and null children are left
// out, so that a part shown in some cases only reads `condition ? node : ""`.
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.filter((child) => child !== "" && child != null));
  return node;
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
