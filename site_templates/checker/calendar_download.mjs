// « Ajouter à mon agenda »: the student's own .ics, made in the worker by
// checks.calendar from the answer shown, and saved from a Blob: nothing is sent.

import { el } from "./dom.mjs";
import { request } from "./worker_client.mjs";

// `json`: the answer shown for the procedure `key`; `status` says how it went.
export async function downloadCalendar(key, json, status) {
  const page = new URL(location.href);
  page.hash = "";
  status.textContent = "Préparation du fichier d'agenda…";
  try {
    const reply = await request({ kind: "calendar", key, json, pageUrl: page.href });
    if (!reply.ok) throw new Error(reply.error);
    const name = `inscription-${key.replaceAll("/", "-")}.ics`;
    const url = URL.createObjectURL(new Blob([reply.ics], { type: "text/calendar;charset=utf-8" }));
    const link = el("a", { href: url, download: name, hidden: "" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = `Fichier « ${name} » créé : ouvrez-le pour ajouter vos dates d'inscription à votre agenda.`;
  } catch (error) {
    status.textContent = `Fichier d'agenda impossible : ${error.message}`;
  }
}
