// The one Web Worker of the tab (worker.mjs: `checks` in Pyodide) and the
// requests made to it. It starts at the first touch of a form or the first
// request, and lives on from page to page with Material's instant navigation:
// the next procedure answers at once.

const WORKER_URL = new URL("worker.mjs", import.meta.url);

// Shared by every copy of these modules in the tab (and read by the tests and the benchmark).
const shared = (globalThis.modopChecker ??= {
  worker: null,
  workersStarted: 0,
  booted: null, // {ms, snapshot, phases} once Python runs
  broken: null, // why the calculator is unavailable, once known
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

// Why the calculator is unavailable, or null.
export function brokenReason() {
  return shared.broken;
}

// `listener(reason)` runs when the calculator turns out to be unavailable.
export function onBroken(listener) {
  brokenListeners.push(listener);
}

export function startWorker() {
  if (started()) return shared.worker;
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    fail("ce navigateur n'exécute pas WebAssembly ou les Web Workers");
    return null;
  }
  try {
    shared.worker = new Worker(WORKER_URL, { type: "module" });
  } catch (error) {
    fail(error.message || String(error));
    return null;
  }
  shared.workersStarted += 1;
  shared.worker.onmessage = (event) => receive(event.data);
  shared.worker.onerror = (event) => {
    event.preventDefault?.();
    fail(event.message || "le calculateur n'a pas pu démarrer");
  };
  return shared.worker;
}

// Posts a request to the worker (worker.mjs says which); resolves with its
// reply, ok or not, and rejects only if the calculator is unavailable.
export function request(message) {
  const worker = startWorker();
  if (!worker) return Promise.reject(new Error(shared.broken));
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

function fail(reason) {
  shared.broken = reason || "erreur inconnue";
  for (const waiting of shared.waiting.values()) waiting.reject(new Error(shared.broken));
  shared.waiting.clear();
  for (const listener of brokenListeners) listener(shared.broken);
}
