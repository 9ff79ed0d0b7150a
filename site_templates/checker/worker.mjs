// The checker's Python, off the page's thread: Pyodide running `checks`.
//
// One worker per tab: worker_client.mjs starts it once and keeps it across
// Material's instant navigation, so only the first procedure page pays for
// the start. Messages in: {id, key, procedureUrl, values, at, lang}; out:
// {id, ok, json, view} or {id, ok: false, error}, and {booted} once.
// And for « Ajouter à mon agenda »: in {id, kind: "calendar", key, json,
// pageUrl, lang} (json: an answer this worker gave for key), out {id, ok, ics}.
// `lang` ("fr" when absent) is the page's: the answer's words, and which
// compiled procedure (each language has its own). An `error` is a text worded
// where it arose (Python's, the browser's) or, for the worker's own, a
// {key, values} of the widget's words (words.mjs), which this worker does not
// hold: the page words it in its own language.
//
// It starts from the memory snapshot (generator/outputs/checker_runtime.py):
// the wasm and the snapshot, asked for at once, are all it downloads; the
// standard library and the checker's zip only serve a plain start, when the
// snapshot is missing or unusable. checker_runtime.py fills RUNTIME with the
// hashed file names, the snapshot's length and Python's environment.
const RUNTIME = /*RUNTIME*/null;

const here = new URL(".", import.meta.url);
const local = (name) => new URL(name, here).href;
const PYODIDE = local(RUNTIME.pyodide);
const WASM = PYODIDE + "pyodide.asm.wasm";
// Counted from when every download is in: on a slow network they alone take minutes.
const BOOT_TIMEOUT_MS = 60000;
const PAGE_STORED = 1, PAGE_AS_FRESH = 2; // pack_snapshot's page map (0: all zero)

let bridge = null; // the Python function checks.worker_bridge.answer, once booted
let calendarBridge = null; // checks.worker_bridge.calendar
const procedures = new Map(); // slot -> Promise of the compiled procedure's JSON text
const knownToPython = new Set(); // slots whose JSON the bridge has already parsed
// A procedure in one language, as both maps and the bridge know it.
const slotOf = ({ key, lang }) => `${lang || "fr"}:${key}`;
// One of the worker's own failures, worded by the page (its words' key).
const ownFailure = (key, values = {}) => Object.assign(new Error(key), { reason: { key, values } });

const started = performance.now();
const phases = {}; // when each part was ready, ms after the worker started: for the benchmark
const mark = (name) => (phases[name] = Math.round(performance.now() - started));

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
async function calendar(request) {
  const { id, json, pageUrl, lang } = request;
  try {
    await booted;
    postMessage({ id, ok: true, ics: calendarBridge(slotOf(request), json, pageUrl || "", lang || "fr") });
  } catch (error) {
    postMessage({ id, ok: false, error: describe(error) });
  }
}

async function answer(request) {
  const { id, values, at, lang } = request;
  const slot = slotOf(request);
  try {
    await booted;
  } catch (error) {
    postMessage({ id, ok: false, fatal: true, error: describe(error) });
    return;
  }
  try {
    // undefined reaches Python as None (null would be JsNull)
    const text = knownToPython.has(slot) ? undefined : await procedureText(request);
    const reply = JSON.parse(bridge(slot, text, JSON.stringify(values), at || "", lang || "fr"));
    knownToPython.add(slot);
    postMessage({ id, ...reply });
  } catch (error) {
    postMessage({ id, ok: false, error: describe(error) });
  }
}

function procedureText(request) {
  const slot = slotOf(request);
  if (!procedures.has(slot)) {
    const text = fetchOk(request.procedureUrl).then((response) => response.text());
    text.catch(() => procedures.delete(slot)); // a later question may try again
    procedures.set(slot, text);
  }
  return procedures.get(slot);
}

async function boot() {
  if (typeof WebAssembly !== "object") {
    throw ownFailure("no_wasm");
  }
  // Everything at once, before Pyodide's loader has even arrived.
  const wasm = download(WASM, "wasm");
  const snapshot = RUNTIME.snapshot ? snapshotDownload() : null;
  let plain = snapshot ? null : plainFiles();
  const createModule = import(PYODIDE + "pyodide.asm.mjs").then((module) => (mark("runtime"), module.default));
  createModule.catch(() => {}); // the loader's import below reports it
  const { loadPyodide } = await import(PYODIDE + "pyodide.mjs");
  mark("loader");
  let pyodide = null;
  if (snapshot) {
    try {
      pyodide = await startPyodide(loadPyodide, await createModule, wasm, snapshot, null);
    } catch (error) {
      // A damaged or missing snapshot costs time, not the answer: start Python from scratch.
      console.warn("modop: instantané mémoire inutilisable, démarrage complet de Python", error);
      plain = plainFiles();
    }
  }
  if (plain) {
    pyodide = await startPyodide(loadPyodide, await createModule, snapshot ? download(WASM, "wasm") : wasm, null, plain.stdlib);
    pyodide.FS.mkdirTree(RUNTIME.code_zip.replace(/\/[^/]*$/, ""));
    pyodide.FS.writeFile(RUNTIME.code_zip, new Uint8Array(await plain.code));
    pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(RUNTIME.code_zip)})`);
  }
  mark("python");
  const module = pyodide.pyimport("checks.worker_bridge");
  bridge = module.answer;
  calendarBridge = module.calendar;
  mark("checker");
  return { ms: Math.round(performance.now() - started), snapshot: !plain, phases };
}

// What a plain start needs besides the wasm: the standard library and the checker's zip.
function plainFiles() {
  return {
    stdlib: download(local(RUNTIME.stdlib), "stdlib"),
    code: fetchOk(local(RUNTIME.checks)).then((response) => response.arrayBuffer()),
  };
}

// Pyodide from the snapshot (snapshotDownload()'s), or from scratch with `stdlib`
// (download()'s, as `wasm`: the loader's own requests for them get those responses).
function startPyodide(loadPyodide, createModule, wasm, snapshot, stdlib) {
  // A restored snapshot needs no standard library: Pyodide still installs one, an empty
  // zip handed over from memory (that address is never asked of the network).
  stdlib ??= { url: local("empty-stdlib.zip"), response: Promise.resolve(new Response(EMPTY_ZIP)) };
  const options = {
    indexURL: PYODIDE,
    stdLibURL: stdlib.url,
    lockFileContents: RUNTIME.lock,
    env: RUNTIME.env,
    // Pyodide's module, once instantiated (noInitialRun: Python not started yet): the
    // snapshot's pages left out as "as fresh" are copied from its memory before the restore.
    createPyodideModule: async (settings) => {
      const module = await createModule(settings);
      if (snapshot) (await snapshot.unpacked).fillFrom(module.HEAP8);
      return module;
    },
  };
  // Pyodide sizes the memory by it and reads it only after createPyodideModule: filled by then.
  if (snapshot) options._loadSnapshot = snapshot.memory;
  const arrivals = [wasm.arrived, snapshot ? snapshot.unpacked : stdlib.arrived];
  return withWatchdog(handOver([wasm, stdlib], () => loadPyodide(options)), Promise.all(arrivals));
}

// A request made now, whose response Pyodide's loader gets when it asks for `url`
// (handOver); `arrived` resolves once its body has been read to the end.
function download(url, phase) {
  let arrived;
  const done = new Promise((resolve) => (arrived = resolve));
  const response = fetch(url).then((original) => {
    if (!original.body) return arrived(), original;
    const body = original.body.pipeThrough(new TransformStream({ flush: () => (mark(phase), arrived()) }));
    return new Response(body, { status: original.status, statusText: original.statusText, headers: original.headers });
  });
  response.catch(() => arrived()); // the loader reports the failure
  return { url, response, arrived: done };
}

// While `run` goes, a fetch of one of these downloads' URLs gets its response (once).
async function handOver(downloads, run) {
  const waiting = new Map(downloads.map((item) => [item.url, item.response]));
  const fetchFromNetwork = self.fetch;
  self.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = waiting.get(url);
    if (!response) return fetchFromNetwork(input, init);
    waiting.delete(url);
    return response;
  };
  try {
    return await run();
  } finally {
    self.fetch = fetchFromNetwork;
  }
}

// Pyodide only logs a failed WebAssembly instantiation and then waits
// forever; turn that log line, or a long silence once the downloads are in, into an error.
function withWatchdog(promise, downloadsIn) {
  const warn = console.warn;
  let timer;
  const failure = new Promise((_, reject) => {
    console.warn = (...args) => {
      if (args[0] === "wasm instantiation failed!") reject(ownFailure("wasm_failed"));
      warn.apply(console, args);
    };
    downloadsIn.then(() => {
      timer = setTimeout(() => reject(ownFailure("boot_timeout")), BOOT_TIMEOUT_MS);
    }, () => {});
  });
  return Promise.race([promise, failure]).finally(() => {
    console.warn = warn;
    clearTimeout(timer);
  });
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw ownFailure("http_error", { url, status: response.status });
  return response;
}

// The snapshot, as pack_snapshot in generator/outputs/checker_runtime.py wrote it:
// {memory} at once (the image Pyodide restores, RUNTIME.snapshot_length bytes),
// {unpacked}: its stored pages in place, then `fillFrom(fresh)` copies the others.
function snapshotDownload() {
  const memory = new Uint8Array(RUNTIME.snapshot_length);
  const unpacked = snapshotBytes(local(RUNTIME.snapshot)).then((packed) => unpackSnapshot(packed, memory));
  unpacked.then(() => mark("snapshot"), () => {}); // startPyodide reports a failure
  return { memory, unpacked };
}

// Its bytes, decoded by the browser from the host's .br or .gz twin. A host that sends
// the file as it is (no twins served) is asked for the .gz twin itself, inflated here.
async function snapshotBytes(url) {
  const response = await fetchOk(url);
  if (response.headers.get("content-encoding")) return new Uint8Array(await response.arrayBuffer());
  const twin = await fetch(url + ".gz").catch(() => null);
  if (!twin?.ok) return new Uint8Array(await response.arrayBuffer());
  response.body.cancel();
  const inflated = twin.headers.get("content-encoding") ? twin.body : twin.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

function unpackSnapshot(packed, memory) {
  const header = new DataView(packed.buffer, packed.byteOffset, 24);
  if (new TextDecoder().decode(packed.subarray(0, 4)) !== "MDS2") throw new Error("instantané illisible");
  const [prefix, total, pageSize, count, checksum] = [4, 8, 12, 16, 20].map((at) => header.getUint32(at, true));
  if (prefix + total !== memory.length) throw new Error("instantané d'une autre construction");
  const kinds = packed.subarray(24, 24 + Math.ceil(count / 4));
  const kind = (page) => (kinds[page >> 2] >> ((page & 3) * 2)) & 3;
  let offset = 24 + kinds.length;
  memory.set(packed.subarray(offset, offset + prefix));
  offset += prefix;
  const fresh = []; // [start, end) of the pages to copy from the fresh instance
  for (let page = 0; page < count; ) {
    const run = kind(page);
    let end = page + 1; // a run of pages of one kind at once
    while (end < count && kind(end) === run) end += 1;
    const [from, to] = [page * pageSize, Math.min(end * pageSize, total)];
    if (run === PAGE_STORED) {
      memory.set(packed.subarray(offset, offset + to - from), prefix + from);
      offset += to - from;
    } else if (run === PAGE_AS_FRESH) {
      fresh.push([from, to]);
    }
    page = end;
  }
  if (offset !== packed.length) throw new Error("instantané tronqué");
  return {
    fillFrom(heap) {
      let hash = 0x811c9dc5; // pack_snapshot's fnv1a32 of these pages, in order
      for (const [from, to] of fresh) {
        const words = new Uint32Array(heap.buffer, heap.byteOffset + from, (to - from) >> 2);
        for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i], 0x01000193);
        memory.set(heap.subarray(from, to), prefix + from);
      }
      if (hash >>> 0 !== checksum) throw new Error("instantané d'une autre version de Pyodide");
    },
  };
}

// A zip with nothing in it: its end-of-central-directory record alone.
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

function describe(error) {
  if (error?.reason) return error.reason;
  const text = error && error.message ? error.message : String(error);
  // A Python traceback: its last line says what went wrong.
  return text.trim().split("\n").pop();
}
