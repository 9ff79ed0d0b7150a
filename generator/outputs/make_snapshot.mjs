// Run by generator/outputs/checker_runtime.py at site build time (never shipped):
//   node make_snapshot.mjs PYODIDE_DIR STDLIB_ZIP CHECKS_ZIP EMPTY_ZIP SETTINGS_JSON OUT
// Starts Pyodide in Node on the very files the browser will load, imports the
// checker (and runs it once, so lazily imported modules are in), and writes
// the interpreter's memory to OUT. worker.mjs restores it instead of starting Python.
// SETTINGS_JSON: {"env": Python's environment, "code_zip": where the checker's zip goes}.
//
// Then it restores that memory as worker.mjs does, with an empty standard
// library and no checker zip (the browser downloads neither), runs the checker
// again, and writes to OUT.base the memory of Pyodide's fresh instance just
// before the restore: checker_runtime.py leaves out of the shipped file the
// pages equal to it (the wasm's data segments, which the browser already has).
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, stdlibZip, checksZip, emptyZip, settingsJson, out] = process.argv.slice(2);
const settings = JSON.parse(settingsJson);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const createModule = (await import(pathToFileURL(path.join(pyodideDir, "pyodide.asm.mjs")).href)).default;
const lock = JSON.parse(readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8"));
const options = {
  indexURL: pyodideDir + path.sep,
  // The same lock as the browser's: only its header, no package is loaded from it.
  lockFileContents: { info: lock.info, packages: {} },
  env: settings.env,
};

const pyodide = await loadPyodide({ ...options, stdLibURL: stdlibZip, _makeSnapshot: true });
// The checker's code is imported from its zip (zipimport: nothing to unpack, no shutil imported).
pyodide.FS.mkdirTree(path.posix.dirname(settings.code_zip));
pyodide.FS.writeFile(settings.code_zip, new Uint8Array(readFileSync(checksZip)));
pyodide.runPython(`
import gc, os, sys, zipimport
sys.path.insert(0, ${JSON.stringify(settings.code_zip)})
os.environ.pop("_", None)  # Node's script path: nothing of the build machine in the snapshot
import checks.worker_bridge
checks.worker_bridge.warm_up()
# The zips' tables of contents: the restored interpreter rereads its (empty) zips, so that
# a module missing from the snapshot is a plain ModuleNotFoundError.
zipimport._zip_directory_cache.clear()
gc.collect()
`);
zeroUnusedMemory(pyodide._module);
const memory = pyodide.makeMemorySnapshot();

let fresh = null;
const restored = await loadPyodide({
  ...options,
  stdLibURL: emptyZip,
  _loadSnapshot: memory,
  createPyodideModule: async (emscriptenSettings) => {
    const module = await createModule(emscriptenSettings);
    fresh = module.HEAP8.slice();
    return module;
  },
});
restored.pyimport("checks.worker_bridge").warm_up();

writeFileSync(out, memory);
writeFileSync(out + ".base", fresh);

// Freed memory keeps what it held, and so does the stack below its pointer:
// zeroed, those pages drop out of the packed snapshot (and the rest compresses
// better). Every free block malloc can give without growing the heap is taken,
// zeroed, then given back; only malloc's own few bytes per block remain.
function zeroUnusedMemory(module) {
  const limit = module._malloc_footprint_limit();
  module._malloc_set_footprint_limit(module._malloc_footprint()); // malloc fails rather than grow
  const taken = [];
  try {
    for (let size = 1 << 24; size >= 16; size >>= 1) {
      for (let block = module._malloc(size); block; block = module._malloc(size)) {
        module.HEAP8.fill(0, block, block + size);
        taken.push(block);
      }
    }
  } finally {
    for (const block of taken) module._free(block);
    module._malloc_set_footprint_limit(limit);
  }
  module.HEAP8.fill(0, module._emscripten_stack_get_end(), module._emscripten_stack_get_current());
}
