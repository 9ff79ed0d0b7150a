// The live countdown under the deadline: how long until the student's status
// changes (view.deadline.countdown, worded by checks/worker_bridge.py), to the second,
// in the widget's words (words.mjs).

import { el } from "./dom.mjs";
import { fill } from "./words.mjs";

const COUNTER = "[data-checker-countdown]";

// Where the countdown goes in an answer (answer_view.mjs).
export function countdownNode() {
  return el("p", { class: "modop-checker__countdown", role: "timer", "data-checker-countdown": "" });
}

// Runs the countdown placed in `container`, if any, until `stop()` or until it
// leaves the page. `frozenAt` (ms, for a `?at=` preview): shown for that
// instant, standing still. At zero the status has just changed: `onDue()`.
export function startCountdown(container, countdown, frozenAt, onDue, words) {
  const counter = container.querySelector(COUNTER);
  let timer = null;
  const stop = () => clearTimeout(timer);
  if (!counter) return { stop };
  const target = Date.parse(countdown.to);
  const tick = () => {
    if (!counter.isConnected) return;
    const left = target - (frozenAt ?? Date.now());
    if (left <= 0) {
      if (frozenAt === null) onDue();
      return;
    }
    counter.textContent = fill(words.countdown, { duration: duration(left, words), label: countdown.label });
    if (frozenAt === null) timer = setTimeout(tick, 1000 - (Date.now() % 1000));
  };
  tick();
  return { stop };
}

function duration(ms, words) {
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pieces = [];
  if (days) pieces.push(fill(days === 1 ? words.countdown_day : words.countdown_days, { n: days }));
  if (days || hours) pieces.push(fill(words.countdown_hours, { n: hours }));
  pieces.push(fill(words.countdown_minutes, { n: minutes }));
  if (!days) pieces.push(fill(words.countdown_seconds, { n: String(rest).padStart(2, "0") }));
  return pieces.join(" ");
}
