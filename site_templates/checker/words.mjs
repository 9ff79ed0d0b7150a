// The widget's own words, in its page's language: form.html puts them in the
// widget's data-checker-words (checks/wording/widget_<lang>.py's WIDGET), and
// the modules take every word they write from there, none from a literal.

// The words of the widget whose root is `root`.
export function widgetWords(root) {
  return JSON.parse(root.dataset.checkerWords);
}

// The page's language, as the widget's data-lang says it (none: French).
export function widgetLang(root) {
  return root.dataset.lang || "fr";
}

// `template` with each `{name}` replaced by `values[name]`.
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// A reason (why there is no answer) in words: a text worded where it arose
// (Python's, the browser's), or {key, values}, one of the widget's words filled in.
export function reasonText(words, reason) {
  if (typeof reason === "string") return reason;
  return reason?.key ? fill(words[reason.key], reason.values || {}) : words.unknown_error;
}
