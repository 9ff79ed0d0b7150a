// Run by generator/outputs/checker_runtime.py at site build time (never shipped):
//   node make_snapshot.mjs PYODIDE_DIR STDLIB_ZIP CHECKS_ZIP OUT
// Starts Pyodide in Node on the very files the browser will load, imports the
// checker (and runs it once, so lazily imported modules are in), and writes the
// interpreter's memory to OUT. worker.mjs restores it instead of starting Python.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, stdlibZip, checksZip, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const lock = JSON.parse(readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8"));

const pyodide = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  stdLibURL: stdlibZip,
  // The same lock as the browser's: only its header, no package is loaded from it.
  lockFileContents: { info: lock.info, packages: {} },
  env: { HOME: "/home/pyodide" },
  _makeSnapshot: true,
});
// The checker's code lives in /modop, where worker.mjs unpacks it too.
pyodide.unpackArchive(new Uint8Array(readFileSync(checksZip)), "zip", { extractDir: "/modop" });
pyodide.runPython(`
import os, sys
sys.path.insert(0, "/modop")
os.environ.pop("_", None)  # Node's script path: nothing of the build machine in the snapshot
import checks.worker_bridge
checks.worker_bridge.warm_up()
`);
writeFileSync(out, pyodide.makeMemorySnapshot());
