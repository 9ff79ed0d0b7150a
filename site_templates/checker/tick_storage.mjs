// The steps ticked in « Mon parcours », kept in localStorage only once the
// student asks for it: their ids, nothing of their answers, one key per
// procedure and academic year. A browser that refuses storage keeps nothing.

export function ticksKey(answer) {
  return `modop-parcours:${answer.procedure}:${answer.academic_year}`;
}

// The ids kept under `key`, or null if nothing is kept.
export function readTicks(key) {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : new Set(JSON.parse(text).done || []);
  } catch {
    return null;
  }
}

// Whether the browser kept them.
export function writeTicks(key, done) {
  try {
    localStorage.setItem(key, JSON.stringify({ done }));
    return true;
  } catch {
    return false;
  }
}

export function forgetTicks(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing was kept
  }
}
