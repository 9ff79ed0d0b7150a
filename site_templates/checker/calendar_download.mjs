// « Ajouter à mon agenda »: the student's own .ics, made in the worker by
// checks.calendar from the answer shown, and saved from a Blob: nothing is sent.
// In the page's language `lang`, its status in the widget's `words` (words.mjs).

import { el } from "./dom.mjs";
import { fill, reasonText } from "./words.mjs";
import { request } from "./worker_client.mjs";

// `json`: the answer shown for the procedure `key`; `status` says how it went.
export async function downloadCalendar(key, json, status, words, lang) {
  const page = new URL(location.href);
  page.hash = "";
  status.textContent = words.calendar_preparing;
  try {
    const reply = await request({ kind: "calendar", key, json, pageUrl: page.href, lang });
    if (!reply.ok) throw Object.assign(new Error("no calendar"), { reason: reply.error });
    const name = fill(words.calendar_file, { procedure: key.replaceAll("/", "-") });
    const url = URL.createObjectURL(new Blob([reply.ics], { type: "text/calendar;charset=utf-8" }));
    const link = el("a", { href: url, download: name, hidden: "" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = fill(words.calendar_made, { name });
  } catch (error) {
    status.textContent = fill(words.calendar_failed, { error: reasonText(words, error.reason ?? error.message) });
  }
}
