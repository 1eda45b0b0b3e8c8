"""Packs the module's loader and worker.js into one script a page can load with a <script> tag, also from
file:// (where a browser refuses to fetch a .wasm file or start a worker from a file): the worker's whole
source, the WebAssembly inlined (SINGLE_FILE), as one string the widget turns into a Blob for its Worker.

usage: pack_worker.py LOADER_JS WORKER_JS OUT_JS
"""

import json
import sys
from pathlib import Path

if len(sys.argv) != 4:
    sys.exit("usage: pack_worker.py LOADER_JS WORKER_JS OUT_JS")
loader, worker, out = (Path(argument) for argument in sys.argv[1:])
source = loader.read_text(encoding="utf-8") + "\n" + worker.read_text(encoding="utf-8")
text = ("// The book's chapter programs compiled to WebAssembly (src/web/), as a Web Worker's source.\n"
        f"window.nnWorkerSource = {json.dumps(source)};\n")
temporary = out.with_suffix(".tmp")
temporary.write_text(text, encoding="utf-8")
temporary.replace(out)
