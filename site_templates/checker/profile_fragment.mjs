// The student's answers in the page's fragment: `#boursier=true&echeances=3`
// (URLSearchParams syntax; the profile's keys and values, checks/profile.py).
// « Copier le lien de ma situation » (share_link.mjs) writes it, the finder's
// links to a procedure too; the page reads it before its first answer. A
// browser never sends the fragment to a server. A fragment without « = » is
// an anchor of the page (#etape-2), not answers.

import { fieldLabel } from "./dom.mjs";
import { fill } from "./words.mjs";

const SHOWN_VALUE_LENGTH = 40; // a longer value of a link is cut when it is quoted back

// The answers `hash` (location.hash) holds, or null for an anchor or no fragment.
export function fragmentAnswers(hash) {
  const text = hash.replace(/^#/, "");
  return text.includes("=") ? new URLSearchParams(text) : null;
}

// Puts `answers` into the form's fields. A key the form has no field for is
// left silently (the finder sends all it knows); a value its field cannot take
// is not applied: returned, as [{field, value}], for refusedText.
export function applyAnswers(form, answers) {
  const refused = [];
  const fields = [...form.elements].filter((field) => field.name);
  for (const [key, value] of answers) {
    const field = fields.find((candidate) => candidate.name === key);
    if (field && !setField(field, value.trim())) refused.push({ field, value });
  }
  return refused;
}

// The fragment of the form's `values` (as checker.mjs sends them), each field's
// default left out: a short link, that gives the same answer.
export function answersFragment(form, values) {
  const kept = new URLSearchParams();
  for (const field of form.elements) {
    if (field.name && field.name in values && values[field.name] !== defaultValue(field)) {
      kept.append(field.name, values[field.name]);
    }
  }
  return kept.toString();
}

// What the student is told, next to the form, of the answers not applied: the
// fields by their labels, in the widget's `words` (words.mjs); "" when every answer was taken.
export function refusedText(form, refused, words) {
  if (!refused.length) return "";
  const each = refused.map(({ field, value }) => {
    const shown = value.length > SHOWN_VALUE_LENGTH ? `${value.slice(0, SHOWN_VALUE_LENGTH)}…` : value;
    const why = field.type === "date" ? words.link_not_a_date : words.link_not_offered;
    return fill(words.link_refused_each, { label: fieldLabel(form, field), value: shown, why });
  });
  const which = refused.length > 1 ? words.link_refused_several : words.link_refused_one;
  return fill(words.link_refused, { which, each: each.join(words.link_refused_separator) });
}

// Whether `field` took `value` (the profile's text of a value).
function setField(field, value) {
  if (field.type === "checkbox") {
    const flag = value.toLowerCase(); // as checks.profile reads a flag
    if (flag !== "true" && flag !== "false") return false;
    field.checked = flag === "true";
    return true;
  }
  if (field.tagName === "SELECT") {
    // An « Autre » option stands for the values no condition of the procedure names.
    const option = [...field.options].find(
      (candidate) => candidate.value === value || candidate.dataset.standsFor?.split(" ").includes(value),
    );
    if (!option) return false;
    field.value = option.value;
    return true;
  }
  // A date: the browser's own reading (a value it cannot read becomes ""), within the field's years.
  const before = field.value;
  field.value = value;
  const { rangeUnderflow, rangeOverflow } = field.validity;
  if (field.value === value && !rangeUnderflow && !rangeOverflow) return true;
  field.value = before;
  return false;
}

function defaultValue(field) {
  if (field.type === "checkbox") return String(field.defaultChecked);
  if (field.tagName === "SELECT") {
    return ([...field.options].find((option) => option.defaultSelected) ?? field.options[0])?.value ?? "";
  }
  return field.defaultValue;
}
