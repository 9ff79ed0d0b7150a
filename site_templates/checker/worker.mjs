// The checker's Python, off the page's thread: Pyodide running `checks`.
//
// One worker per tab: worker_client.mjs starts it once and keeps it across
// Material's instant navigation, so only the first procedure page pays for
// the start. Messages in: {id, key, procedureUrl, values, at}; out:
// {id, ok, json, view} or {id, ok: false, error}, and {booted} once.
// And for « Ajouter à mon agenda »: in {id, kind: "calendar", key, json,
// pageUrl} (json: an answer this worker gave for key), out {id, ok, ics}.
//
// generator/outputs/checker_runtime.py fills RUNTIME with the hashed file names.
const RUNTIME = /*RUNTIME*/null;

const here = new URL(".", import.meta.url);
const local = (name) => new URL(name, here).href;
const PYODIDE = local(RUNTIME.pyodide);
const CODE_DIR = "/modop"; // where make_snapshot.mjs unpacked the checker's code too
const BOOT_TIMEOUT_MS = 60000;

let bridge = null; // the Python function checks.worker_bridge.answer, once booted
let calendarBridge = null; // checks.worker_bridge.calendar
const procedures = new Map(); // key -> Promise of the compiled procedure's JSON text
const knownToPython = new Set(); // keys whose JSON the bridge has already parsed

const booted = boot();
booted.then(
  (info) => postMessage({ booted: info }),
  (error) => postMessage({ booted: null, error: describe(error) }),
);

// Answers go out in the order questions came in.
let queue = Promise.resolve();
self.onmessage = (event) => {
  const request = event.data;
  if (request.kind === "calendar") {
    queue = queue.then(() => calendar(request));
    return;
  }
  procedureText(request); // start fetching the data while Python starts
  queue = queue.then(() => answer(request));
};

// The student's .ics, from the answer the page shows: nothing is fetched.
async function calendar({ id, key, json, pageUrl }) {
  try {
    await booted;
    postMessage({ id, ok: true, ics: calendarBridge(key, json, pageUrl || "") });
  } catch (error) {
    postMessage({ id, ok: false, error: describe(error) });
  }
}

async function answer({ id, key, procedureUrl, values, at }) {
  try {
    await booted;
  } catch (error) {
    postMessage({ id, ok: false, fatal: true, error: describe(error) });
    return;
  }
  try {
    // undefined reaches Python as None (null would be JsNull)
    const text = knownToPython.has(key) ? undefined : await procedureText({ key, procedureUrl });
    const reply = JSON.parse(bridge(key, text, JSON.stringify(values), at || ""));
    knownToPython.add(key);
    postMessage({ id, ...reply });
  } catch (error) {
    postMessage({ id, ok: false, error: describe(error) });
  }
}

function procedureText({ key, procedureUrl }) {
  if (!procedures.has(key)) {
    const text = fetchOk(procedureUrl).then((response) => response.text());
    text.catch(() => procedures.delete(key)); // a later question may try again
    procedures.set(key, text);
  }
  return procedures.get(key);
}

async function boot() {
  const started = performance.now();
  const phases = {}; // when each part was ready, ms after the worker started: for the benchmark
  const mark = (name) => (phases[name] = Math.round(performance.now() - started));
  if (typeof WebAssembly !== "object") {
    throw new Error("ce navigateur n'exécute pas WebAssembly");
  }
  const code = fetchOk(local(RUNTIME.checks)).then((r) => r.arrayBuffer());
  let memory = RUNTIME.snapshot
    ? fetchOk(local(RUNTIME.snapshot)).then(unpackSnapshot).then((m) => (mark("snapshot"), m))
    : null;
  // Pyodide's loader imports its 1.2 MB runtime only once it has its options:
  // ask for it now (same URL, same module), while the snapshot downloads.
  import(PYODIDE + "pyodide.asm.mjs").then(() => mark("runtime"), () => {});
  const { loadPyodide } = await import(PYODIDE + "pyodide.mjs");
  mark("loader");
  let pyodide;
  if (memory) {
    try {
      pyodide = await startPyodide(loadPyodide, memory);
    } catch (error) {
      // A damaged or missing snapshot costs time, not the answer: start Python from scratch.
      console.warn("modop: instantané mémoire inutilisable, démarrage complet de Python", error);
      memory = null;
    }
  }
  if (!pyodide) pyodide = await startPyodide(loadPyodide, null);
  mark("python");
  pyodide.unpackArchive(await code, "zip", { extractDir: CODE_DIR });
  if (!memory) pyodide.runPython(`import sys; sys.path.insert(0, "${CODE_DIR}")`);
  const module = pyodide.pyimport("checks.worker_bridge");
  bridge = module.answer;
  calendarBridge = module.calendar;
  mark("checker");
  return { ms: Math.round(performance.now() - started), snapshot: Boolean(memory), phases };
}

function startPyodide(loadPyodide, memory) {
  const options = {
    indexURL: PYODIDE,
    stdLibURL: local(RUNTIME.stdlib),
    lockFileContents: RUNTIME.lock,
    env: { HOME: "/home/pyodide" },
  };
  if (memory) options._loadSnapshot = memory;
  return withWatchdog(loadPyodide(options));
}

// Pyodide only logs a failed WebAssembly instantiation and then waits
// forever; turn that log line, or a long silence, into an error.
function withWatchdog(promise) {
  const warn = console.warn;
  let timer;
  const failure = new Promise((_, reject) => {
    console.warn = (...args) => {
      if (args[0] === "wasm instantiation failed!") reject(new Error("WebAssembly n'a pas pu démarrer"));
      warn.apply(console, args);
    };
    timer = setTimeout(() => reject(new Error("Python n'a pas démarré à temps")), BOOT_TIMEOUT_MS);
  });
  return Promise.race([promise, failure]).finally(() => {
    console.warn = warn;
    clearTimeout(timer);
  });
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} : HTTP ${response.status}`);
  return response;
}

// The snapshot as generator/outputs/checker_runtime.py's pack_snapshot wrote it: gzip of
// a header, a bitmap of the stored pages and those pages (zero pages left out).
async function unpackSnapshot(response) {
  const inflated = response.body.pipeThrough(new DecompressionStream("gzip"));
  const packed = new Uint8Array(await new Response(inflated).arrayBuffer());
  const header = new DataView(packed.buffer, packed.byteOffset, 16);
  if (new TextDecoder().decode(packed.subarray(0, 4)) !== "MDSN") throw new Error("instantané illisible");
  const total = header.getUint32(4, true);
  const pageSize = header.getUint32(8, true);
  const count = header.getUint32(12, true);
  const bitmap = packed.subarray(16, 16 + Math.ceil(count / 8));
  const memory = new Uint8Array(total);
  let offset = 16 + bitmap.length;
  for (let page = 0; page < count; ) {
    if (!(bitmap[page >> 3] & (1 << (page & 7)))) {
      page += 1;
      continue;
    }
    let end = page; // copy a run of stored pages at once
    while (end < count && bitmap[end >> 3] & (1 << (end & 7))) end += 1;
    const length = Math.min(end * pageSize, total) - page * pageSize;
    memory.set(packed.subarray(offset, offset + length), page * pageSize);
    offset += length;
    page = end;
  }
  if (offset !== packed.length) throw new Error("instantané tronqué");
  return memory;
}

function describe(error) {
  const text = error && error.message ? error.message : String(error);
  // A Python traceback: its last line says what went wrong.
  return text.trim().split("\n").pop();
}
