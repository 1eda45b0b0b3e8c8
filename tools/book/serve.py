"""Serves a built site on 127.0.0.1 for the book's tests, as a reader's browser would fetch it.

Both tests use it the same way:

    with serve(Path("build/book-check")) as root_url:
        ...  # root_url is "http://127.0.0.1:PORT/"

The port is chosen by the system, so two test runs never collide, and the server is quiet: a test's output
is its own findings, not the request log.
"""

import contextlib
import functools
import http.server
import threading
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class names it so)
        pass

    def end_headers(self):
        # linkchecker sends at most 10 requests a second to a server unless the server answers with this
        # header (its documentation of maxrequestspersecond); the test server is ours, so it may go faster.
        self.send_header("LinkChecker", "allowed")
        super().end_headers()


@contextlib.contextmanager
def serve(site: Path):
    if not (site / "index.html").is_file():
        raise SystemExit(f"no built site at {site} (build it first: tools/book/build.sh)")
    handler = functools.partial(QuietHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
