// Runs a chapter program from the book's WebAssembly module under node, as a shell runs the native one:
// standard output, standard error and the exit code are the program's.
//   node run_module.js BUILD/web/nn-web-module.js ch02-tanh --activation none --json -
"use strict";
const [modulePath, ...args] = process.argv.slice(2);
const path = require("path");
const createNNModule = require(path.resolve(modulePath));
// The module's bytes handed over as the page's worker hands them (a page from disk cannot fetch them).
const wasm = require("fs").readFileSync(path.resolve(modulePath).replace(/\.js$/, ".wasm"));
let exited = false;
const exit = (code) => {
  if (!exited) { exited = true; process.exitCode = code; }
};
createNNModule({
  noInitialRun: true,
  wasmBinary: wasm,
  print: (line) => process.stdout.write(line + "\n"),
  printErr: (line) => process.stderr.write(line + "\n"),
  onExit: exit,
}).then((module) => {
  try {
    exit(module.callMain(args));
  } catch (error) {
    if (!(error && error.name === "ExitStatus")) throw error;
  }
});
