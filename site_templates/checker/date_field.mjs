// The form's date fields (form.html). A native date input gives an empty value
// for a date typed in part or one that does not exist (validity.badInput), and
// Chromium takes a year of up to six digits: such a date is not understood,
// and is said next to the field (its [data-field-problem], added to the
// field's aria-describedby, and aria-invalid) rather than read as no date.

// Whether every date field of the form holds a date understood (or none);
// each field says so from now on.
export function datesUnderstood(form) {
  let all = true;
  for (const field of dateFields(form)) {
    const understood = dateUnderstood(field);
    say(field, understood);
    all &&= understood;
  }
  return all;
}

// Whether what the field now holds differs from what it says (a date typed
// in part changes no value, hence fires no change event: found on leaving it).
export function saysOtherwise(field) {
  return field.matches?.("input[type='date']") && dateUnderstood(field) === (field.getAttribute("aria-invalid") === "true");
}

function dateFields(form) {
  return form.querySelectorAll("input[type='date']");
}

function dateUnderstood(field) {
  const { badInput, rangeUnderflow, rangeOverflow } = field.validity;
  return !badInput && !rangeUnderflow && !rangeOverflow && (!field.value || /^\d{4}-\d{2}-\d{2}$/.test(field.value));
}

function say(field, understood) {
  const problem = field.closest(".modop-checker__field")?.querySelector("[data-field-problem]");
  if (!problem) return;
  problem.hidden = understood;
  const described = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter((id) => id && id !== problem.id);
  if (!understood) described.push(problem.id);
  if (described.length) field.setAttribute("aria-describedby", described.join(" "));
  else field.removeAttribute("aria-describedby");
  if (understood) field.removeAttribute("aria-invalid");
  else field.setAttribute("aria-invalid", "true");
}
