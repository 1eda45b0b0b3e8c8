// The chapter programs in the reader's browser: a page's <div class="nn-widget" data-program="ch02-tanh">
// becomes a form of the program's flags, a Train button, and the run drawn as it goes (the loss per epoch and
// the network's output over the unit square). The program is the chapter's own main(), compiled to
// WebAssembly (src/web/), running in a Web Worker whose script and module generated/web/nn-web.js carries
// as text (gzip in base64), so that it also runs from a page opened from disk. The widget never judges a setting: every field goes to
// the program as its flag, and a refusal is the program's own one-line message, shown beside the field it
// names.
//
// The markup (at most one widget a page; book.toml loads this file on every page):
//   data-program   ch01-linear, ch02-tanh or ch03-gpu
//   data-mode      "sweep" for chapter 3's sweep (many networks, counted); "depth" for chapter 5's deep
//                  network (ch02-tanh with a depth and a width in place of --layers, every layer's gradient
//                  traced and drawn as bars); else one network drawn as it trains
//   data-defaults  settings in the fragment's form (activation=relu&dataset=ring&full-batch)
//   data-flags     more defaults as command-line flags (--lr 0.05 --full-batch), as the book's generated
//                  files write them, so that a page can include its settings rather than type their numbers
// The page's fragment (#activation=tanh&layers=2,5,5,1&seed=7&run) overrides the defaults; a trailing &run
// trains on load, and Train writes the fields back into the fragment, so the address reproduces the run.
(function () {
  "use strict";

  // The choices of the select fields are the programs' name tables (src/nn/names.hpp) as their --help lists
  // them; the page has no program to ask until it trains, so they are copied here, and widget_test.py checks
  // every select but the loss (which offers l1 and mse only) against the --help.
  const ACTIVATIONS = ["none", "tanh", "sigmoid", "relu", "leaky-relu", "elu", "gelu", "softplus", "sin", "step"];
  const DATASETS = ["gate", "ring", "quadrants", "blobs", "spirals", "comfort"];

  // The flags the widget offers, in the order the command line lists them, with the programs' defaults (as
  // their --help prints them; tools/book/widget_test.py checks that they still are). An optional field shows
  // only where the page's defaults or the fragment mention it. A field at its `unset` value is left out of the
  // command, the program's flags and the link, as the program's own default (the output activation "same" as
  // the hidden one, PyTorch's initialisation, the inputs as given), so the book's commands read as before.
  const TRAINING_FIELDS = [
    {name: "activation", kind: "select", options: ACTIVATIONS, value: "tanh", about: "after the hidden layers"},
    {name: "output-activation", kind: "select", options: ["same"].concat(ACTIVATIONS), value: "same",
     about: "after the output layer", unset: "same"},
    {name: "layers", kind: "text", value: "2,1,1", about: "layer sizes"},
    {name: "dataset", kind: "select", options: DATASETS, value: "gate", about: "data to learn"},
    {name: "gate", kind: "select", options: ["and", "or", "nand", "xor"], value: "and", about: "truth table"},
    {name: "loss", kind: "select", options: ["l1", "mse"], value: "l1", about: "loss function"},
    {name: "optimizer", kind: "select", options: ["adam", "sgd"], value: "adam", about: "update rule"},
    {name: "lr", kind: "text", value: "0.1", about: "learning rate"},
    {name: "epochs", kind: "text", value: "8", about: "number of epochs"},
    {name: "batches-per-epoch", kind: "text", value: "100", about: "steps an epoch", optional: true},
    {name: "full-batch", kind: "switch", value: false, about: "all rows every step", optional: true},
    {name: "init", kind: "select", options: ["pytorch", "xavier", "he"], value: "pytorch", about: "starting weights",
     unset: "pytorch"},
    {name: "inputs", kind: "select", options: ["unit", "centred"], value: "unit", about: "x as given, or 2x − 1",
     unset: "unit"},
    {name: "seed", kind: "text", value: "0", about: "random seed"},
  ];
  // Chapter 3's sweep, as the page runs it: the program's defaults and the book's grid.
  const SWEEP_FIELDS = [
    {name: "activations", kind: "text", value: "none,tanh", about: "comma-separated"},
    {name: "output-activations", kind: "text", value: "", about: "after the output; empty: the same", unset: ""},
    {name: "gates", kind: "text", value: "and", about: "comma-separated"},
    {name: "grid-layers", kind: "text", value: "2,1,1 2,5,5,1", about: "space-separated", repeated: true},
    {name: "networks", kind: "text", value: "1000", about: "per configuration"},
    {name: "lr", kind: "text", value: "0.1", about: "learning rate"},
    {name: "epochs", kind: "text", value: "8", about: "number of epochs"},
    {name: "seed", kind: "text", value: "0", about: "network n: seed + n"},
  ];
  // Chapter 5's deep network: chapter 2's program with its hidden layers given as a depth and a width, which
  // the widget writes as --layers 2,W,...,W,1 (depth 0: --layers 2,1, no hidden layer). Their defaults, one
  // layer of one unit, are the program's --layers 2,1,1. The depth is the widget's own field, so it offers
  // its own range (chapter 5 trains up to 8 hidden layers); the width goes to the program as typed, which
  // judges it as it judges --layers. A --layers among the page's defaults (chapter 4's training, which
  // chapter 5's page includes, names one) is no field here, so it is left out as any unknown default is.
  const DEPTHS = Array.from({length: 9}, (_, k) => String(k));
  const WIDTHS = Array.from({length: 16}, (_, k) => String(k + 1));
  const DEPTH_FIELDS = TRAINING_FIELDS.flatMap((field) => field.name !== "layers" ? [field] : [
    {name: "depth", kind: "select", options: DEPTHS, value: "1", about: "hidden layers", layers: true},
    {name: "width", kind: "select", options: WIDTHS, value: "1", about: "units a hidden layer", layers: true,
     refusedAs: "layers"},  // a depth from the list never makes --layers refused: a refusal is the width's
  ]);
  const SWEEP_BLOCK = 256n;  // networks a run of the sweep: the bars fill in after every block
  const SEEDS = 2n ** 64n;  // the programs' seeds are 64-bit and wrap, as seed + n does in the sweep

  const NO_WASM = "This browser has no WebAssembly: the figures above are the program's output.";
  const NO_PROGRAMS = "This build of the book has no WebAssembly programs: the figures above are the program's output.";
  const NO_DECOMPRESSION = "This browser cannot unpack the chapter programs (no DecompressionStream): the figures above are the program's output.";
  const COLOURS = {train: "#1f77b4", judged: "#ff7f0e", floor: "#d62728"};  // the book's blue, orange, red
  // The gradient bars: each layer at the first traced epoch (initialisation) and at the last.
  const TRACE_COLOURS = {first: "#1f77b4", last: "#ff7f0e"};
  // matplotlib's viridis, its 256 colours as the book's figures draw them (tools/book/figures_style.py).
  const VIRIDIS = hexColours(
    "44015444025645045745055946075a46085c460a5d460b5e470d60470e61471063471164471365481467481668481769" +
    "48186a481a6c481b6d481c6e481d6f481f70482071482173482374482475482576482677482878482979472a7a472c7a" +
    "472d7b472e7c472f7d46307e46327e46337f463480453581453781453882443983443a83443b84433d84433e85423f85" +
    "4240864241864142874144874045884046883f47883f48893e49893e4a893e4c8a3d4d8a3d4e8a3c4f8a3c508b3b518b" +
    "3b528b3a538b3a548c39558c39568c38588c38598c375a8c375b8d365c8d365d8d355e8d355f8d34608d34618d33628d" +
    "33638d32648e32658e31668e31678e31688e30698e306a8e2f6b8e2f6c8e2e6d8e2e6e8e2e6f8e2d708e2d718e2c718e" +
    "2c728e2c738e2b748e2b758e2a768e2a778e2a788e29798e297a8e297b8e287c8e287d8e277e8e277f8e27808e26818e" +
    "26828e26828e25838e25848e25858e24868e24878e23888e23898e238a8d228b8d228c8d228d8d218e8d218f8d21908d" +
    "21918c20928c20928c20938c1f948c1f958b1f968b1f978b1f988b1f998a1f9a8a1e9b8a1e9c891e9d891f9e891f9f88" +
    "1fa0881fa1881fa1871fa28720a38620a48621a58521a68522a78522a88423a98324aa8325ab8225ac8226ad8127ad81" +
    "28ae8029af7f2ab07f2cb17e2db27d2eb37c2fb47c31b57b32b67a34b67935b77937b87838b9773aba763bbb753dbc74" +
    "3fbc7340bd7242be7144bf7046c06f48c16e4ac16d4cc26c4ec36b50c46a52c56954c56856c66758c7655ac8645cc863" +
    "5ec96260ca6063cb5f65cb5e67cc5c69cd5b6ccd5a6ece5870cf5773d05675d05477d1537ad1517cd2507fd34e81d34d" +
    "84d44b86d54989d5488bd6468ed64590d74393d74195d84098d83e9bd93c9dd93ba0da39a2da37a5db36a8db34aadc32" +
    "addc30b0dd2fb2dd2db5de2bb8de29bade28bddf26c0df25c2df23c5e021c8e020cae11fcde11dd0e11cd2e21bd5e21a" +
    "d8e219dae319dde318dfe318e2e418e5e419e7e419eae51aece51befe51cf1e51df4e61ef6e620f8e621fbe723fde725");

  // Whether a field holds its `unset` value, the program's default that no flag needs to say.
  function isUnset(field, input) {
    return field.unset !== undefined && input.value.trim() === field.unset;
  }

  function hexColours(hex) {
    const colours = [];
    for (let i = 0; i < hex.length; i += 6) {
      colours.push([0, 2, 4].map((k) => parseInt(hex.slice(i + k, i + k + 2), 16)));
    }
    return colours;
  }

  // --- Settings: the fragment's form, the command line's form -------------------------------------------

  function decode(text) {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      return text;  // a stray % is the reader's text, not ours to refuse
    }
  }

  // Commas stay readable in an address (2,5,5,1 rather than 2%2C5%2C5%2C1).
  function encode(text) {
    return encodeURIComponent(text).replace(/%2C/g, ",");
  }

  // "a=1&b&run" as [[key, value or null for a bare key]] and whether it asks to run; null for a fragment that
  // is not settings (mdBook's heading anchors, #the-floor).
  function parseSettings(text) {
    text = text.replace(/^#/, "");
    if (!text.includes("=") && !text.includes("&") && text !== "run") return null;
    const pairs = [];
    let run = false;
    for (const part of text.split("&")) {
      if (!part) continue;
      const at = part.indexOf("=");
      const key = decode(at < 0 ? part : part.slice(0, at));
      if (key === "run" && at < 0) {
        run = true;
      } else {
        pairs.push([key, at < 0 ? null : decode(part.slice(at + 1))]);
      }
    }
    return {pairs: pairs, run: run};
  }

  // "`--lr 0.05 --full-batch`" (a generated file's text) as the same pairs.
  function parseFlags(text) {
    const words = text.replace(/`/g, " ").trim().split(/\s+/).filter(Boolean);
    const pairs = [];
    for (let i = 0; i < words.length; ++i) {
      if (!words[i].startsWith("--")) continue;
      const hasValue = i + 1 < words.length && !words[i + 1].startsWith("--");
      pairs.push([words[i].slice(2), hasValue ? words[++i] : null]);
    }
    return pairs;
  }

  // A word as a POSIX shell reads it back.
  function shellWord(word) {
    return /^[A-Za-z0-9_,.\/=:+-]+$/.test(word) ? word : "'" + word.replace(/'/g, "'\\''") + "'";
  }

  // --- The widget ----------------------------------------------------------------------------------------

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children || []) node.appendChild(child);
    return node;
  }

  function note(root, text) {
    root.replaceChildren(element("p", {class: "nn-note", text: text}));
  }

  // nn-web.js carries the worker's script and the WebAssembly gzipped, as base64 text: a page opened from
  // disk may load a script but not fetch a file, and gzip keeps the download to a third of the module's size.
  function gunzip(base64) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer().then((buffer) => new Uint8Array(buffer));
  }

  function start() {
    const widgets = document.querySelectorAll(".nn-widget");
    if (widgets.length === 0) return;
    if (widgets.length > 1) {
      // mdBook's print view puts every chapter on one page: the widgets run on the chapters' own pages.
      widgets.forEach((root) => note(root, "Open the chapter's own page to run this program in your browser."));
      return;
    }
    const root = widgets[0];
    if (typeof WebAssembly !== "object") {
      note(root, NO_WASM);
      return;
    }
    note(root, "Loading the chapter programs…");
    const script = document.createElement("script");
    script.src = (typeof path_to_root === "string" ? path_to_root : "") + "generated/web/nn-web.js";
    script.onload = function () {
      const pack = window.nnWorkerPack;
      if (!pack || typeof pack.source !== "string" || typeof pack.wasm !== "string") {
        // A build without Emscripten ships a stand-in that sets no programs (a missing file is a console error).
        note(root, NO_PROGRAMS);
        return;
      }
      if (typeof DecompressionStream !== "function") {
        note(root, NO_DECOMPRESSION);
        return;
      }
      Promise.all([gunzip(pack.source), gunzip(pack.wasm)]).then(function ([source, wasm]) {
        Widget.source = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
        Widget.wasm = wasm.buffer;
        new Widget(root);
      }, function (error) {
        note(root, "The chapter programs could not be unpacked: " + error.message);
      });
    };
    script.onerror = function () {
      note(root, NO_PROGRAMS);
    };
    document.body.appendChild(script);
  }

  class Widget {
    constructor(root) {
      this.root = root;
      this.program = root.dataset.program;
      this.sweep = root.dataset.mode === "sweep";
      this.deep = root.dataset.mode === "depth";
      this.worker = null;
      this.running = false;
      this.frame = 0;
      this.build();
      window.addEventListener("hashchange", () => this.loadFragment(false));
      this.loadFragment(true);
    }

    // The fields, with the page's defaults and the fragment's settings in them.
    build() {
      const defaults = parseSettings(this.root.dataset.defaults || "") || {pairs: []};
      this.defaults = defaults.pairs.concat(parseFlags(this.root.dataset.flags || ""));
      const fragment = parseSettings(location.hash) || {pairs: []};
      const mentioned = new Set(this.defaults.concat(fragment.pairs).map((pair) => pair[0]));
      const all = this.sweep ? SWEEP_FIELDS : this.deep ? DEPTH_FIELDS : TRAINING_FIELDS;
      const linear = this.program === "ch01-linear";  // chapter 1 has no activation, hidden or output
      this.fields = all.filter((field) => (!linear || !["activation", "output-activation"].includes(field.name)) &&
                                          (!field.optional || mentioned.has(field.name)));

      const id = (name) => "nn-" + name;
      this.inputs = {};
      this.messages = {};
      const form = element("div", {class: "nn-fields"});
      for (const field of this.fields) {
        let input;
        if (field.kind === "select") {
          input = element("select", {id: id(field.name)},
                          field.options.map((option) => element("option", {value: option, text: option})));
        } else {
          input = element("input", {id: id(field.name), type: field.kind === "switch" ? "checkbox" : "text",
                                    spellcheck: "false", autocomplete: "off"});
        }
        const message = element("p", {class: "nn-field-message", id: id(field.name) + "-message", role: "alert"});
        input.setAttribute("aria-describedby", message.id);
        input.addEventListener("input", () => this.showCommand());
        input.addEventListener("change", () => this.showCommand());
        // The depth and the width are no flags of the program: they name themselves, and say what they make.
        const label = element("label", {for: input.id, title: field.about + (field.layers ? " (--layers)" : "")},
                              [element("code", {text: (field.layers ? "" : "--") + field.name}),
                               element("span", {text: field.about})]);
        form.appendChild(element("div", {class: "nn-field nn-" + field.kind, "data-field": field.name},
                                 field.kind === "switch" ? [input, label, message] : [label, input, message]));
        this.inputs[field.name] = input;
        this.messages[field.name] = message;
      }
      if (this.inputs.dataset) this.inputs.dataset.addEventListener("change", () => this.datasetChanged());
      if (this.inputs.depth) this.inputs.depth.addEventListener("change", () => this.datasetChanged());

      const button = (text, action) => {
        const node = element("button", {type: "button", text: text});
        node.addEventListener("click", action);
        return node;
      };
      this.trainButton = button(this.sweep ? "Run the sweep" : "Train", () => this.train());
      this.stopButton = button("Stop", () => this.stop());
      this.stopButton.disabled = true;
      this.copyButton = button("Copy command", () => this.copyCommand());
      this.command = element("code", {class: "nn-command"});
      this.top = element("p", {class: "nn-message", role: "alert"});
      this.linkNote = element("p", {class: "nn-link-note"});
      this.status = element("p", {class: "nn-status", role: "status", "aria-live": "polite"});
      this.report = element("pre", {class: "nn-report", hidden: ""});

      const what = this.sweep ? "many networks at once" : "one network";
      const title = this.deep ?
        "Chapter 2's program, compiled to WebAssembly, trains one network of the depth and width below in your " +
        "browser, and measures every layer's gradient before and after training (--trace-layers)." :
        `The chapter's program, compiled to WebAssembly, trains ${what} in your browser.`;
      const children = [
        element("p", {class: "nn-title"}, [element("strong", {text: "Run it here. "}), document.createTextNode(title)]),
        this.linkNote, this.top, form,
        element("div", {class: "nn-buttons"}, [this.trainButton, this.stopButton, this.copyButton]),
        element("p", {class: "nn-command-line"}, [this.command]),
        this.status];
      if (this.sweep) {
        this.bars = element("div", {class: "nn-bars"});
        this.barsCaption = element("p", {class: "nn-bars-caption"});
        children.push(this.bars, this.barsCaption);
      } else {
        this.curve = this.canvas("nn-curve", 440, 300, "The loss after every epoch");
        this.map = this.canvas("nn-map", 360, 300, "The network's output over the unit square");
        this.legend = element("p", {class: "nn-legend"});
        if (this.deep) {
          this.outcome = element("p", {class: "nn-outcome"});
          children.push(this.outcome);
        }
        children.push(element("div", {class: "nn-plots"}, [this.curve.canvas, this.map.canvas]), this.legend);
        if (this.deep) {
          this.gradients = this.canvas("nn-gradients", 440, 300,
                                       "Each layer's gradient norm at initialisation and after training");
          this.gradientCaption = element("p", {class: "nn-gradient-caption"});
          this.gradientTable = element("table", {class: "nn-gradient-table"});
          this.gradientNumbers = element("details", {class: "nn-gradient-numbers", hidden: ""}, [
            element("summary", {text: "The bars' numbers, as the program's layer_trace gives them"}),
            this.gradientTable,
            element("p", {text: "A layer's stalled share: the share of its (row, unit) pairs whose slope |g′(z)| " +
                                "is under 0.01, as --trace-layers records it."})]);
          children.push(element("div", {class: "nn-plots"}, [this.gradients.canvas]), this.gradientCaption,
                        this.gradientNumbers);
        }
      }
      children.push(this.report);
      this.root.replaceChildren(...children);
      this.root.dataset.state = "idle";
      this.clearRun();
    }

    canvas(name, width, height, label) {
      const canvas = element("canvas", {class: name, role: "img", "aria-label": label});
      const scale = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
      canvas.width = width * scale;
      canvas.height = height * scale;
      const context = canvas.getContext("2d");
      context.scale(scale, scale);
      return {canvas: canvas, context: context, width: width, height: height};
    }

    // The defaults, then the fragment's settings (when it has any); runs when the fragment ends in &run.
    loadFragment(first) {
      const fragment = parseSettings(location.hash);
      if (!first && !fragment) return;
      for (const field of this.fields) this.setField(field, field.kind === "switch" ? field.value : [field.value]);
      const unknown = [];
      const settings = new Map();
      [this.defaults, fragment ? fragment.pairs : []].forEach((pairs, source) => {
        const fromFragment = source === 1;
        const seen = new Set();  // a repeated key's values from one source replace the earlier source's
        for (const [key, value] of pairs) {
          const field = this.fields.find((f) => f.name === key);
          if (!field) {
            if (fromFragment) unknown.push(key);
          } else if (field.kind === "switch") {
            settings.set(key, value === null || !/^(false|0|no|off)$/i.test(value));
          } else if (field.repeated && seen.has(key)) {
            settings.get(key).push(value === null ? "" : value);
          } else {
            settings.set(key, [value === null ? "" : value]);
          }
          seen.add(key);
        }
      });
      for (const [key, value] of settings) this.setField(this.fields.find((f) => f.name === key), value);
      this.linkNote.textContent = unknown.length === 0 ? "" :
        `The link's ${unknown.length === 1 ? "setting" : "settings"} ${unknown.map((k) => "“" + k + "”").join(", ")} ` +
        `${unknown.length === 1 ? "is not one" : "are not"} of this widget's fields and ${unknown.length === 1 ? "was" : "were"} left out.`;
      this.datasetChanged();
      if (fragment && fragment.run) this.train();
    }

    setField(field, value) {
      const input = this.inputs[field.name];
      if (field.kind === "switch") {
        input.checked = value;
      } else if (field.kind === "select") {
        // A value the list does not offer still goes to the program, which says what it expects.
        const text = value[value.length - 1];
        if (!field.options.includes(text) && !Array.from(input.options).some((o) => o.value === text)) {
          input.appendChild(element("option", {value: text, text: text}));
        }
        input.value = text;
      } else {
        input.value = field.repeated ? value.join(" ") : value[value.length - 1];
      }
    }

    // A point set chooses the data on its own: the gate field then has nothing to say (and is not passed).
    // So has the width without a hidden layer.
    datasetChanged() {
      if (this.inputs.gate && this.inputs.dataset) this.inputs.gate.disabled = this.inputs.dataset.value !== "gate";
      if (this.inputs.width) this.inputs.width.disabled = this.inputs.depth.value === "0";
      this.showCommand();
    }

    // The depth and the width as --layers 2,W,...,W,1; null for a depth the list does not offer (from a link).
    layers() {
      const depth = this.inputs.depth.value;
      if (!DEPTHS.includes(depth)) return null;
      return ["2"].concat(Array(Number(depth)).fill(this.inputs.width.value), ["1"]).join(",");
    }

    // The settings as flags: [flag, value] or [flag] for a switch, in the fields' order.
    flags() {
      const flags = [];
      for (const field of this.fields) {
        const input = this.inputs[field.name];
        if (field.name === "depth") {
          const layers = this.layers();
          if (layers !== null) flags.push(["--layers", layers]);
        }
        if (field.layers || input.disabled || isUnset(field, input)) continue;
        if (field.kind === "switch") {
          if (input.checked) flags.push(["--" + field.name]);
        } else if (field.repeated) {
          const words = input.value.trim().split(/\s+/);
          for (const word of words) flags.push(["--" + field.name, word]);
        } else {
          flags.push(["--" + field.name, input.value]);
        }
      }
      // Chapter 5's bars are the program's layer trace: at initialisation and after the last epoch.
      if (this.deep) flags.push(["--trace-layers"]);
      return flags;
    }

    commandLine() {
      const flags = this.flags();
      const words = ["build/chapters/" + this.program];
      if (this.sweep) words.push("--sweep", "--device", "cpu");
      for (const flag of this.sweep ? this.sweepOrder(flags) : flags) words.push(...flag);
      return words.map(shellWord).join(" ");
    }

    // The sweep's command line names --networks first, as the book's commands do.
    sweepOrder(flags) {
      return flags.filter((f) => f[0] === "--networks").concat(flags.filter((f) => f[0] !== "--networks"));
    }

    showCommand() {
      this.command.textContent = this.commandLine();
    }

    fragment() {
      const parts = [];
      for (const field of this.fields) {
        const input = this.inputs[field.name];
        if (input.disabled || isUnset(field, input)) continue;
        if (field.kind === "switch") {
          if (input.checked) parts.push(encode(field.name));
          else if (this.defaults.some((pair) => pair[0] === field.name)) parts.push(encode(field.name) + "=false");
        } else if (field.repeated) {
          for (const word of input.value.trim().split(/\s+/)) parts.push(encode(field.name) + "=" + encode(word));
        } else {
          parts.push(encode(field.name) + "=" + encode(input.value));
        }
      }
      return parts.concat("run").join("&");
    }

    copyCommand() {
      const text = this.commandLine();
      this.command.textContent = text;
      const selectIt = () => {
        const range = document.createRange();
        range.selectNodeContents(this.command);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      };
      const say = (text) => { this.copyButton.textContent = text; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(() => say("Copied"), () => { selectIt(); say("Selected: copy it"); });
      } else {
        selectIt();
        say("Selected: copy it");
      }
      setTimeout(() => say("Copy command"), 2500);
    }

    // --- Running ---

    clearRun() {
      this.root.removeAttribute("data-result");
      this.root.removeAttribute("data-seconds");
      this.top.textContent = "";
      for (const field of this.fields) {
        this.messages[field.name].textContent = "";
        this.inputs[field.name].removeAttribute("aria-invalid");
        this.inputs[field.name].parentElement.classList.remove("nn-refused");
      }
      this.report.hidden = true;
      this.report.textContent = "";
      this.run = {losses: [], judged: [], epochs: 0, surface: null, grid: 0, points: null, floor: null, result: null,
                  loss: this.inputs.loss ? this.inputs.loss.value : "l1",
                  pointSet: this.inputs.dataset ? this.inputs.dataset.value !== "gate" : false};
      if (this.sweep) {
        this.bars.replaceChildren();
        this.barsCaption.textContent = "";
      } else {
        this.draw();
      }
    }

    train() {
      if (this.running) this.stop();
      this.clearRun();
      this.showCommand();
      try {
        history.replaceState(history.state, "", "#" + this.fragment());
      } catch (error) {
        // A page whose address cannot change (some file:// settings) still runs.
      }
      this.started = performance.now();
      this.setRunning(true);
      if (this.sweep) {
        this.startSweep();
      } else if (this.deep && this.layers() === null) {
        // The one setting the widget judges: a depth is its own field, not the program's flag.
        const depth = this.fields.find((field) => field.name === "depth");
        this.markRefused(depth, `depth: the number of hidden layers, ${DEPTHS[0]} to ${DEPTHS[DEPTHS.length - 1]}, ` +
                                `got '${this.inputs.depth.value}'`);
        this.finish("refused", "The widget cannot make --layers from this depth; nothing ran.");
      } else {
        this.status.textContent = "Starting…";
        this.runProgram(this.flags().flat(), (message) => this.trainingMessage(message));
      }
    }

    setRunning(running) {
      this.running = running;
      this.trainButton.disabled = running;
      this.stopButton.disabled = !running;
      this.root.dataset.state = running ? "running" : this.root.dataset.state;
    }

    finish(state, text) {
      this.setRunning(false);
      this.root.dataset.state = state;
      this.status.textContent = text;
      if (this.deep) this.drawSoon();  // the bars' placeholder no longer says "training…"
    }

    stop() {
      if (this.worker) this.worker.terminate();
      this.worker = null;
      if (this.running) this.finish("stopped", "Stopped.");
    }

    seconds() {
      return (performance.now() - this.started) / 1000;
    }

    // One run of the program with ARGS (the worker adds --json -); every message goes to ON_MESSAGE.
    runProgram(args, onMessage) {
      if (!this.worker) {
        try {
          this.worker = new Worker(Widget.source);
        } catch (error) {
          this.top.textContent = "This browser could not start the program: " + error.message;
          this.finish("failed", "");
          return;
        }
        this.worker.onerror = (event) => {
          event.preventDefault();
          this.worker.terminate();
          this.worker = null;
          this.top.textContent = "The program stopped: " + (event.message || "an error in its worker");
          this.finish("failed", "");
        };
      }
      this.worker.onmessage = (event) => onMessage(event.data);
      this.worker.postMessage({program: this.program, args: args, wasm: Widget.wasm});
    }

    // Exit code 2 is a refusal: one line naming a flag, shown beside that field (else at the top).
    refused(report) {
      const line = report.trim();
      let best = null;
      for (const field of this.fields) {
        const at = line.search(new RegExp("--" + (field.refusedAs || field.name) + "(?![\\w-])"));
        if (at >= 0 && (best === null || at < best.at)) best = {at: at, field: field};
      }
      if (best) {
        this.markRefused(best.field, line);
      } else {
        this.top.textContent = line;
      }
      this.finish("refused", "The program refused the settings; nothing ran.");
    }

    markRefused(field, line) {
      const input = this.inputs[field.name];
      this.messages[field.name].textContent = line;
      input.setAttribute("aria-invalid", "true");
      input.parentElement.classList.add("nn-refused");
    }

    failed(message) {
      this.top.textContent = `The program stopped with exit code ${message.code}. ${message.report.trim()}`;
      this.finish("failed", "");
    }

    trainingMessage(message) {
      const run = this.run;
      if (message.type === "points") {
        run.points = message.rows;
      } else if (message.type === "epoch") {
        run.losses.push(message.train_loss);
        run.judged.push(message.judged_loss);
        run.epochs = message.epochs;
        run.surface = message.surface;
        run.grid = message.grid;
        this.status.textContent = `Epoch ${message.epoch} of ${message.epochs}: training ${run.loss} ` +
          `${message.train_loss.toFixed(4)}, ${run.pointSet ? "training-set" : "truth-table"} ${run.loss} ` +
          `${message.judged_loss.toFixed(4)}`;
        this.drawSoon();
      } else if (message.type === "exit") {
        if (message.code === 2) return this.refused(message.report);
        if (message.code !== 0) return this.failed(message);
        const seconds = this.seconds();
        let result = null;
        try {
          result = JSON.parse(message.json);
        } catch (error) {
          // The report still says what happened.
        }
        // Chapter 1's floor, for the gate's truth table (a point set has none).
        const linear = result && !run.pointSet && result.linear;
        if (linear) run.floor = run.loss === "mse" ? linear.mse_floor : linear.l1_floor;
        run.result = result;
        run.report = message.report;
        this.report.textContent = message.report.trim();
        this.report.hidden = false;
        this.root.setAttribute("data-result", message.json);
        this.root.setAttribute("data-seconds", seconds.toFixed(3));
        this.draw();
        this.finish("done", `Trained in ${seconds.toFixed(2)} s; the program's report is below the plots.`);
      }
    }

    // --- The sweep, in blocks: network n of the whole sweep is network n - k * block of block k, started from
    // seed --seed + n, so the blocks together train exactly the sweep's networks. ---

    startSweep() {
      const networks = this.inputs.networks.value, seed = this.inputs.seed.value;
      const plain = /^[0-9]+$/.test(networks) && /^[0-9]+$/.test(seed) && BigInt(networks) >= 1n &&
                    BigInt(seed) < SEEDS;
      // Anything else goes to the program as one run, which refuses it or runs it whole.
      this.plan = plain ? {total: BigInt(networks), seed: BigInt(seed), done: 0n} : {raw: true};
      this.totals = new Map();
      this.nextBlock();
    }

    nextBlock() {
      const plan = this.plan;
      let count, seed;
      if (plan.raw) {
        count = this.inputs.networks.value;
        seed = this.inputs.seed.value;
      } else {
        const left = plan.total - plan.done;
        count = (left < SWEEP_BLOCK ? left : SWEEP_BLOCK).toString();
        seed = BigInt.asUintN(64, plan.seed + plan.done).toString();
      }
      plan.running = count;
      const flags = this.flags().filter((f) => f[0] !== "--networks" && f[0] !== "--seed");
      const args = ["--sweep", "--device", "cpu", "--networks", count].concat(flags.flat(), ["--seed", seed]);
      this.status.textContent = plan.raw ? "Training…" :
        `Training networks ${plan.done + 1n} to ${plan.done + BigInt(count)} of ${plan.total}…`;
      this.runProgram(args, (message) => this.sweepMessage(message));
    }

    sweepMessage(message) {
      if (message.type !== "exit") return;
      if (message.code === 2 && this.totals.size === 0) return this.refused(message.report);
      if (message.code !== 0) return this.failed(message);
      const result = JSON.parse(message.json);
      for (const c of result.configurations) {
        const key = [c.activation, c.output_activation, c.gate, c.layers.join(","), c.lr].join(" ");
        if (!this.totals.has(key)) {
          this.totals.set(key, {activation: c.activation, gate: c.gate, layers: c.layers, lr: c.lr,
                                networks: 0, learned: 0, rounds_correctly: 0});
          // Named only where the sweep names it, as in the program's JSON.
          if (c.output_activation) this.totals.get(key).output_activation = c.output_activation;
        }
        const total = this.totals.get(key);
        total.networks += c.networks;
        total.learned += c.learned;
        total.rounds_correctly += c.rounds_correctly;
      }
      const definition = message.report.split("\n").find((line) => line.startsWith("learned:"));
      if (definition) this.barsCaption.textContent = definition.replace(/;$/, ".");
      this.drawBars();
      const plan = this.plan;
      if (!plan.raw) plan.done += BigInt(plan.running);
      if (plan.raw || plan.done >= plan.total) {
        const seconds = this.seconds();
        this.root.setAttribute("data-result", JSON.stringify({configurations: Array.from(this.totals.values())}));
        this.root.setAttribute("data-seconds", seconds.toFixed(3));
        this.finish("done", `Trained in ${seconds.toFixed(2)} s.`);
      } else {
        this.nextBlock();
      }
    }

    drawBars() {
      const rows = [];
      for (const c of this.totals.values()) {
        const share = c.networks > 0 ? c.learned / c.networks : 0;
        const percent = (100 * share).toFixed(1) + "%";
        const fill = element("div", {class: "nn-bar-fill"});
        fill.style.width = (100 * share) + "%";
        const track = element("div", {class: "nn-bar-track", role: "img",
                                      "aria-label": `${percent} of the networks learned`}, [fill]);
        rows.push(element("div", {class: "nn-bar"}, [
          // "tanh", or "tanh>sigmoid" where the output activation is named, as the program's table prints it.
          element("span", {class: "nn-bar-label", text: `${c.activation}${c.output_activation ? ">" + c.output_activation : ""} ${c.layers.join(",")} ${c.gate}`}),
          track,
          element("span", {class: "nn-bar-count", text: `${c.learned} of ${c.networks} learned (${percent})`})]));
      }
      this.bars.replaceChildren(...rows);
    }

    // --- Drawing: at most once an animation frame, the latest epoch ---

    drawSoon() {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.draw();
      });
    }

    draw() {
      const style = getComputedStyle(this.root);
      this.ink = style.color;
      this.font = "13px " + (style.fontFamily || "sans-serif");
      this.drawCurve();
      this.drawMap();
      this.drawLegend();
      if (this.deep) {
        this.drawOutcome();
        this.drawGradients();
        this.describeGradients();
      }
    }

    drawCurve() {
      const {context: c, width, height} = this.curve;
      const run = this.run;
      const left = 56, right = 14, top = 34, bottom = 42;
      const w = width - left - right, h = height - top - bottom;
      c.clearRect(0, 0, width, height);
      c.font = this.font;
      c.fillStyle = c.strokeStyle = this.ink;
      c.lineWidth = 1;
      const epochs = Math.max(run.epochs, 1);
      const values = run.losses.concat(run.judged, run.floor === null ? [] : [run.floor]);
      const step = niceStep((Math.max(0, ...values.filter(Number.isFinite)) || 1) / 4);
      const high = step * Math.ceil((Math.max(0, ...values.filter(Number.isFinite)) || 1) * 1.02 / step);
      const x = (epoch) => left + (epochs === 1 ? w / 2 : (epoch - 1) / (epochs - 1) * w);
      const y = (value) => top + h - Math.min(Math.max(value, 0), high) / high * h;
      // Axes, ticks and their labels.
      c.beginPath();
      c.moveTo(left, top);
      c.lineTo(left, top + h);
      c.lineTo(left + w, top + h);
      c.stroke();
      c.textAlign = "right";
      c.textBaseline = "middle";
      for (let k = 0; k * step <= high * (1 + 1e-9); ++k) {
        const value = k * step;
        c.fillText(value.toFixed(decimals(step)), left - 6, y(value));
        c.beginPath();
        c.moveTo(left - 3, y(value));
        c.lineTo(left, y(value));
        c.stroke();
      }
      c.textAlign = "center";
      c.textBaseline = "top";
      const every = Math.max(1, Math.ceil(epochs / 8));
      for (let epoch = 1; epoch <= epochs; epoch += every) c.fillText(String(epoch), x(epoch), top + h + 5);
      if (run.epochs > 1 && (epochs - 1) % every !== 0) c.fillText(String(epochs), x(epochs), top + h + 5);
      c.fillText("epoch", left + w / 2, top + h + 23);
      c.save();
      c.translate(14, top + h / 2);
      c.rotate(-Math.PI / 2);
      c.textBaseline = "middle";
      c.fillText("mean " + run.loss + " loss", 0, 0);
      c.restore();
      // The floor, then the two losses.
      if (run.floor !== null) {
        c.save();
        c.strokeStyle = c.fillStyle = COLOURS.floor;
        c.setLineDash([6, 4]);
        c.lineWidth = 1.5;
        c.beginPath();
        c.moveTo(left, y(run.floor));
        c.lineTo(left + w, y(run.floor));
        c.stroke();
        // Its label below it, where a linear network's truth-table loss never goes.
        c.textAlign = "right";
        c.textBaseline = "top";
        c.fillText("linear floor " + run.floor.toFixed(4), left + w, y(run.floor) + 4);
        c.restore();
      }
      const series = [[run.losses, COLOURS.train, "training " + run.loss],
                      [run.judged, COLOURS.judged, (run.pointSet ? "training-set " : "truth-table ") + run.loss]];
      let legendX = left;
      for (const [values, colour, label] of series) {
        c.strokeStyle = c.fillStyle = colour;
        c.lineWidth = 2;
        c.beginPath();
        values.forEach((value, i) => (i === 0 ? c.moveTo : c.lineTo).call(c, x(i + 1), y(value)));
        c.stroke();
        if (values.length === 1) c.fillRect(x(1) - 2, y(values[0]) - 2, 4, 4);
        c.beginPath();
        c.moveTo(legendX, 14);
        c.lineTo(legendX + 20, 14);
        c.stroke();
        c.fillStyle = this.ink;
        c.textAlign = "left";
        c.textBaseline = "middle";
        c.fillText(label, legendX + 25, 14);
        legendX += 25 + c.measureText(label).width + 18;
      }
    }

    drawMap() {
      const {context: c, width, height} = this.map;
      const run = this.run;
      const top = 12, bottom = 46, left = 46;
      const side = height - top - bottom;
      c.clearRect(0, 0, width, height);
      c.font = this.font;
      c.fillStyle = c.strokeStyle = this.ink;
      c.lineWidth = 1;
      const grid = run.grid || 41;
      const half = 0.5 / (grid - 1);  // each cell is centred on its point, as the book's heat maps draw it
      const px = (x1) => left + (x1 + half) / (1 + 2 * half) * side;
      const py = (x2) => top + side - (x2 + half) / (1 + 2 * half) * side;
      if (run.surface) {
        const image = new ImageData(grid, grid);
        for (let i = 0; i < grid; ++i) {
          for (let j = 0; j < grid; ++j) {
            const colour = viridis(run.surface[i * grid + j]);
            const at = 4 * ((grid - 1 - i) * grid + j);  // row i is x2 = i / (grid - 1), drawn upwards
            image.data.set(colour, at);
            image.data[at + 3] = 255;
          }
        }
        const cells = document.createElement("canvas");
        cells.width = cells.height = grid;
        cells.getContext("2d").putImageData(image, 0, 0);
        c.imageSmoothingEnabled = false;
        c.drawImage(cells, left, top, side, side);
      } else {
        c.save();
        c.fillStyle = "rgba(128, 128, 128, 0.12)";
        c.fillRect(left, top, side, side);
        c.restore();
        c.textAlign = "center";
        c.textBaseline = "middle";
        c.fillText(this.running ? "training…" : "press Train", left + side / 2, top + side / 2);
      }
      c.strokeRect(left, top, side, side);
      // Ticks at 0, 0.5 and 1 on both axes.
      c.textAlign = "center";
      c.textBaseline = "top";
      for (const t of [0, 0.5, 1]) c.fillText(String(t), px(t), top + side + 5);
      c.fillText("x1", left + side / 2, top + side + 24);
      c.textAlign = "right";
      c.textBaseline = "middle";
      for (const t of [0, 0.5, 1]) c.fillText(String(t), left - 5, py(t));
      c.fillText("x2", left - 28, top + side / 2);
      // The colour bar: the output from 0 to 1 (values outside are drawn at its ends).
      const barX = left + side + 14, barWidth = 12;
      for (let k = 0; k < side; ++k) {
        const colour = viridis(1 - k / (side - 1));
        c.fillStyle = `rgb(${colour[0]}, ${colour[1]}, ${colour[2]})`;
        c.fillRect(barX, top + k, barWidth, 1.5);
      }
      c.fillStyle = c.strokeStyle = this.ink;
      c.strokeRect(barX, top, barWidth, side);
      c.textAlign = "left";
      for (const t of [0, 0.5, 1]) c.fillText(String(t), barX + barWidth + 4, top + side - t * side);
      // The rows the network learns from: target 0 dark circles, target 1 light squares; held-out points hollow.
      const rows = run.points;
      if (!rows) return;
      const gate = rows.length === 16;
      for (let r = 0; r < rows.length; r += 4) {
        const x = px(rows[r]), y = py(rows[r + 1]), one = rows[r + 2] >= 0.5, heldOut = rows[r + 3] === 1;
        const size = gate ? 7 : 2.6;
        c.beginPath();
        if (one && !gate) c.rect(x - size, y - size, 2 * size, 2 * size);
        else c.arc(x, y, size, 0, 2 * Math.PI);
        if (heldOut) {
          c.lineWidth = 2.6;
          c.strokeStyle = one ? "#000000" : "#ffffff";
          c.stroke();
          c.lineWidth = 1.2;
          c.strokeStyle = one ? "#ffffff" : "#000000";
          c.stroke();
        } else {
          c.fillStyle = one ? "#ffffff" : (gate ? "#222222" : "#000000");
          c.fill();
          c.lineWidth = gate ? 1.5 : 0.6;
          c.strokeStyle = gate ? "#555555" : (one ? "#000000" : "#ffffff");
          c.stroke();
        }
      }
    }

    drawLegend() {
      const run = this.run;
      if (!run.points) {
        this.legend.textContent = "";
        return;
      }
      this.legend.textContent = run.pointSet ?
        "The map: the network's output over the square, with the training points (dark circles: class 0, " +
        "light squares: class 1) and the held-out test points drawn hollow." :
        "The map: the network's output over the square, with the truth table's four rows (dark: target 0, " +
        "white: target 1).";
    }

    // --- Chapter 5: the outcome and the layer trace, from the program's JSON ---

    // Whether the network learned: the JSON's learned and a point set's test accuracy, with the rule the
    // program's report states.
    drawOutcome() {
      const result = this.run.result;
      if (!result) {
        this.outcome.replaceChildren();
        return;
      }
      const settings = result.settings || {};
      let text = " " + (settings.dataset || settings.gate);
      if (typeof result.test_accuracy === "number") {
        text += `: test accuracy ${(100 * result.test_accuracy).toFixed(1)}%`;
      }
      const rule = (this.run.report || "").match(/\(learned means: [^)]*\)/);
      if (rule) text += " " + rule[0];
      this.outcome.replaceChildren(element("strong", {text: result.learned ? "Learned" : "Did not learn"}),
                                   document.createTextNode(text + "."));
    }

    // The layer trace as bars: each layer's gradient norm at the first traced epoch (0: the starting weights)
    // and at the last, on a log scale. A norm of 0 has no bar and is written 0; JSON's null (NaN) is n/a.
    drawGradients() {
      const {context: c, width, height} = this.gradients;
      const traces = this.run.result && this.run.result.layer_trace;
      const left = 56, right = 14, top = 34, bottom = 42;
      const w = width - left - right, h = height - top - bottom;
      c.clearRect(0, 0, width, height);
      c.font = this.font;
      c.fillStyle = c.strokeStyle = this.ink;
      c.lineWidth = 1;
      if (!traces || traces.length === 0) {
        c.save();
        c.fillStyle = "rgba(128, 128, 128, 0.12)";
        c.fillRect(left, top, w, h);
        c.restore();
        c.textAlign = "center";
        c.textBaseline = "middle";
        c.fillText(this.running ? "training… (the bars come at the end)" : "press Train", left + w / 2, top + h / 2);
        return;
      }
      const series = traceSeries(traces);
      const count = series[0].trace.layer_gradient_norms.length;
      const positive = series.flatMap((s) => s.trace.layer_gradient_norms)
                             .filter((value) => typeof value === "number" && Number.isFinite(value) && value > 0);
      // The scale's foot a third of a power of ten or more below the smallest norm, so that every bar shows.
      const low = positive.length ? Math.floor(Math.log10(Math.min(...positive)) - 0.3) : -3;
      const high = Math.max(low + 1, positive.length ? Math.ceil(Math.log10(Math.max(...positive))) : 0);
      const y = (value) => top + h - (Math.log10(value) - low) / (high - low) * h;
      // Axes, a tick at every power of ten, and at most 7 labels.
      c.beginPath();
      c.moveTo(left, top);
      c.lineTo(left, top + h);
      c.lineTo(left + w, top + h);
      c.stroke();
      c.textAlign = "right";
      c.textBaseline = "middle";
      const every = Math.ceil((high - low + 1) / 7);
      for (let power = low; power <= high; ++power) {
        c.beginPath();
        c.moveTo(left - 3, y(10 ** power));
        c.lineTo(left, y(10 ** power));
        c.stroke();
        if ((high - power) % every === 0) c.fillText(powerOfTen(power), left - 6, y(10 ** power));
      }
      c.save();
      c.translate(14, top + h / 2);
      c.rotate(-Math.PI / 2);
      c.textAlign = "center";
      c.fillText("gradient norm (log scale)", 0, 0);
      c.restore();
      // The bars, a group a layer: hidden layers 1, 2, ..., then the output layer.
      const group = w / count;
      const bar = Math.min(18, 0.8 * group / series.length);
      c.textAlign = "center";
      c.textBaseline = "top";
      for (let layer = 0; layer < count; ++layer) {
        const middle = left + (layer + 0.5) * group;
        c.fillStyle = this.ink;
        c.fillText(layer === count - 1 ? "out" : String(layer + 1), middle, top + h + 5);
        series.forEach((s, k) => {
          const value = s.trace.layer_gradient_norms[layer];
          const x = middle + (k - series.length / 2) * bar;
          c.fillStyle = s.colour;
          if (typeof value === "number" && Number.isFinite(value) && value > 0) {
            c.fillRect(x, y(value), bar - 1, top + h - y(value));
          } else {
            c.save();
            c.font = "10px " + (getComputedStyle(this.root).fontFamily || "sans-serif");
            c.textBaseline = "bottom";
            c.fillText(value === 0 ? "0" : "n/a", x + bar / 2, top + h - 2);
            c.restore();
          }
        });
      }
      c.fillStyle = this.ink;
      c.fillText("layer (out: the output layer)", left + w / 2, top + h + 23);
      // The legend: which epoch each colour is.
      let legendX = left;
      c.textAlign = "left";
      c.textBaseline = "middle";
      for (const s of series) {
        c.fillStyle = s.colour;
        c.fillRect(legendX, 9, 12, 10);
        c.fillStyle = this.ink;
        c.fillText(s.label, legendX + 17, 14);
        legendX += 17 + c.measureText(s.label).width + 18;
      }
    }

    // What the bars show, the first-to-last hidden gradient ratio where there are two hidden layers or more,
    // and the bars' numbers in a table.
    describeGradients() {
      const traces = this.run.result && this.run.result.layer_trace;
      if (!traces || traces.length === 0) {
        this.gradientCaption.textContent = "";
        this.gradientTable.replaceChildren();
        this.gradientNumbers.hidden = true;
        return;
      }
      const series = traceSeries(traces);
      const count = series[0].trace.layer_gradient_norms.length;
      let text = "The bars: each layer's gradient norm ‖∂L/∂W‖, the Frobenius norm of the gradient of the mean " +
                 "loss over the whole training set with respect to the layer's weights, on a log scale.";
      if (count >= 3) {
        text += " The first hidden layer's gradient over the last hidden layer's: " +
                series.map((s) => `${significant(s.trace.first_to_last_hidden_gradient_ratio)} ${s.when}`).join(", ") + ".";
      }
      this.gradientCaption.textContent = text;
      const cell = (tag, text) => element(tag, {text: text});
      const rows = [element("tr", {}, [cell("th", "layer")].concat(
        series.map((s) => cell("th", `gradient norm ${s.when}`)),
        series.map((s) => cell("th", `stalled share ${s.when}`))))];
      for (let layer = 0; layer < count; ++layer) {
        rows.push(element("tr", {}, [cell("td", layer === count - 1 ? "output" : String(layer + 1))].concat(
          series.map((s) => cell("td", significant(s.trace.layer_gradient_norms[layer]))),
          series.map((s) => cell("td", significant(s.trace.stalled_shares[layer]))))));
      }
      this.gradientTable.replaceChildren(...rows);
      this.gradientNumbers.hidden = false;
    }
  }

  // A number of the program's JSON as the page prints it: three significant digits, with an exponent below
  // 0.001 and from 100000 (0.00194, 2.92e-4); JSON's null (a NaN) as "n/a".
  function significant(value) {
    if (typeof value !== "number" || !Number.isFinite(value)) return "n/a";
    if (value === 0) return "0";
    const exponent = Math.floor(Math.log10(Math.abs(value)));
    return exponent < -3 || exponent > 4 ? value.toExponential(2) : String(Number(value.toPrecision(3)));
  }

  // The traced epochs the bars show: the first (0, the starting weights, by default) and the last.
  function traceSeries(traces) {
    const first = traces[0], last = traces[traces.length - 1];
    const when = (trace) => trace.epoch === 0 ? "at epoch 0" : `after epoch ${trace.epoch}`;
    const series = [{trace: first, colour: TRACE_COLOURS.first, when: when(first),
                     label: first.epoch === 0 ? "epoch 0: the starting weights" : when(first)}];
    if (last !== first) series.push({trace: last, colour: TRACE_COLOURS.last, when: when(last), label: when(last)});
    return series;
  }

  // 10 to the power P as an axis writes it: 10⁻³.
  function powerOfTen(power) {
    const superscript = {"-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹"};
    return power === 0 ? "1" : "10" + String(power).split("").map((ch) => superscript[ch]).join("");
  }

  function viridis(value) {
    const v = Math.min(Math.max(Number.isFinite(value) ? value : 0, 0), 1);
    return VIRIDIS[Math.min(255, Math.floor(v * 256))];
  }

  // A tick spacing near VALUE: 1, 2, 2.5 or 5 times a power of ten.
  function niceStep(value) {
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const m of [1, 2, 2.5, 5]) if (m * power >= value * (1 - 1e-9)) return m * power;
    return 10 * power;
  }

  // The decimals that write STEP's multiples exactly.
  function decimals(step) {
    for (let d = 0; d < 6; ++d) {
      const scaled = step * Math.pow(10, d);
      if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return d;
    }
    return 6;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
