// The Web Worker that runs a chapter program for a widget (theme/widget.js), appended to the module's
// Emscripten loader (createNNModule) by pack_worker.py. One message starts one run, in a fresh instance of
// the module, as a fresh process would:
//   in:  {program: "ch02-tanh", args: ["--activation", "none", ...], wasm}   (the worker adds --json -;
//        wasm is the module's bytes, which a page opened from disk cannot fetch)
//   out: {type: "points", rows}   Float32Array of (x1, x2, target, held out ? 1 : 0) rows, before epoch 1
//        {type: "epoch", epoch, epochs, train_loss, judged_loss, grid, surface}   after every epoch
//        {type: "exit", code, json, report}   the exit code, standard output (the --json document) and
//                                             standard error (the program's report, or its one-line refusal)
"use strict";
self.onmessage = function (event) {
  const request = event.data;
  const json = [], report = [];
  let finished = false;
  const finish = function (code) {
    if (finished) return;
    finished = true;
    self.postMessage({type: "exit", code: code, json: json.join("\n"), report: report.join("\n")});
  };
  createNNModule({
    noInitialRun: true,
    wasmBinary: request.wasm,
    print: function (line) { json.push(line); },
    printErr: function (line) { report.push(line); },
    onPoints: function (rows) { self.postMessage({type: "points", rows: rows}, [rows.buffer]); },
    onEpoch: function (epoch) { self.postMessage(Object.assign({type: "epoch"}, epoch), [epoch.surface.buffer]); },
    onExit: finish,
  }).then(function (module) {
    try {
      finish(module.callMain([request.program].concat(request.args, ["--json", "-"])));
    } catch (error) {
      // exit() unwinds through callMain; onExit has then already reported the code.
      if (!(error && error.name === "ExitStatus")) {
        report.push(String(error));
        finish(1);
      }
    }
  });
};
