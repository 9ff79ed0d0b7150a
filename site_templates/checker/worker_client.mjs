// The one Web Worker of the tab (worker.mjs: `checks` in Pyodide) and the
// requests made to it. It starts at the first touch of a form or the first
// request, and lives on from page to page with Material's instant navigation:
// the next procedure answers at once. Why it is unavailable is kept as a
// reason (words.mjs's reasonText): each page words it in its own language.

const WORKER_URL = new URL("worker.mjs", import.meta.url);

// Shared by every copy of these modules in the tab (and read by the tests and the benchmark).
const shared = (globalThis.modopChecker ??= {
  worker: null,
  workersStarted: 0,
  booted: null, // {ms, snapshot, phases} once Python runs
  broken: null, // why the calculator is unavailable, once known: a reason (words.mjs)
  nextId: 1,
  waiting: new Map(), // request id -> {resolve, reject}
});

const brokenListeners = [];

// Whether the interpreter was started in this tab (it may have failed since).
export function started() {
  return Boolean(shared.worker || shared.broken);
}

export function booted() {
  return Boolean(shared.booted);
}

// Why the calculator is unavailable (a reason, words.mjs), or null.
export function brokenReason() {
  return shared.broken;
}

// `listener(reason)` runs when the calculator turns out to be unavailable (`reason`: words.mjs's).
export function onBroken(listener) {
  brokenListeners.push(listener);
}

export function startWorker() {
  if (started()) return shared.worker;
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    fail({ key: "no_worker" });
    return null;
  }
  try {
    shared.worker = new Worker(WORKER_URL, { type: "module" });
  } catch (error) {
    fail(error.message || String(error)); // the browser's words
    return null;
  }
  shared.workersStarted += 1;
  shared.worker.onmessage = (event) => receive(event.data);
  shared.worker.onerror = (event) => {
    event.preventDefault?.();
    fail(event.message || { key: "no_start" });
  };
  return shared.worker;
}

// Posts a request to the worker (worker.mjs says which); resolves with its
// reply, ok or not, and rejects only if the calculator is unavailable.
export function request(message) {
  const worker = startWorker();
  if (!worker) return Promise.reject(unavailable());
  const id = shared.nextId++;
  return new Promise((resolve, reject) => {
    shared.waiting.set(id, { resolve, reject });
    worker.postMessage({ id, ...message });
  });
}

function receive(message) {
  if (message.booted !== undefined) {
    shared.booted = message.booted;
    if (!message.booted) fail(message.error);
    return;
  }
  if (message.fatal) return fail(message.error); // rejects this request too
  const waiting = shared.waiting.get(message.id);
  shared.waiting.delete(message.id);
  waiting?.resolve(message);
}

// The rejection of a request: the calculator is unavailable, for `reason`.
function unavailable() {
  return Object.assign(new Error("calculator unavailable"), { reason: shared.broken });
}

function fail(reason) {
  shared.broken = reason || { key: "unknown_error" };
  for (const waiting of shared.waiting.values()) waiting.reject(unavailable());
  shared.waiting.clear();
  for (const listener of brokenListeners) listener(shared.broken);
}
