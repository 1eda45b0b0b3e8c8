"""Packs the module for the widgets into one script a page can load with a <script> tag, also from file://
(where a browser refuses to fetch a .wasm file or start a worker from a file): the worker's source (the
Emscripten loader and worker.js) and the WebAssembly, each gzipped and in base64, which theme/widget.js
unpacks with the browser's DecompressionStream. Gzip makes the download about a third of the raw module's
size; mtime 0 keeps the same build byte for byte the same.

usage: pack_worker.py LOADER_JS WASM WORKER_JS OUT_JS
"""

import base64
import gzip
import sys
from pathlib import Path

if len(sys.argv) != 5:
    sys.exit("usage: pack_worker.py LOADER_JS WASM WORKER_JS OUT_JS")
loader, wasm, worker, out = (Path(argument) for argument in sys.argv[1:])


def packed(data: bytes) -> str:
    return base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode("ascii")


source = loader.read_bytes() + b"\n" + worker.read_bytes()
text = ("// The book's chapter programs compiled to WebAssembly (src/web): a Web Worker's source and its module,\n"
        "// each gzipped and in base64 (src/web/pack_worker.py).\n"
        f'window.nnWorkerPack = {{source: "{packed(source)}",\n  wasm: "{packed(wasm.read_bytes())}"}};\n')
temporary = out.with_suffix(".tmp")
temporary.write_text(text, encoding="ascii")
temporary.replace(out)
