"""A LibreTranslate-compatible server on 127.0.0.1 for the HTTP engine tests.

It "translates" by tagging the text, so a test can tell a draft from its source,
and it can be told to misbehave: answer 429 or 500, never answer, or drop the
placeholders from what it sends back.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


@dataclass
class Behaviour:
    """How the server answers; tests change it between runs."""

    fail_first: int = 0
    fail_status: int = 429
    always_status: int | None = None
    hang: bool = False
    drop_placeholders: bool = False
    block_after: int | None = None
    garbage: bool = False
    answer: object = None
    """When set, the JSON value sent as ``translatedText`` instead of a translation."""
    drip: bool = False
    """Answer 200, then one byte a second (each read is quick; the whole answer never ends)."""
    rendezvous: threading.Barrier | None = None
    """When set, every request waits until that many are in flight at once."""
    received: list[dict[str, str]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    saw_blocked: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


def fake_translation(text: str, target: str) -> str:
    return f"[{target}] {text}"


class _Handler(BaseHTTPRequestHandler):
    behaviour: Behaviour

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return

    def do_POST(self) -> None:
        behaviour = self.behaviour
        query = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            query.update({k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()})
        with behaviour.lock:
            behaviour.received.append(query)
            count = len(behaviour.received)
        if behaviour.rendezvous is not None:
            behaviour.rendezvous.wait(timeout=20)
        if behaviour.hang or (behaviour.block_after is not None and count > behaviour.block_after):
            behaviour.saw_blocked.set()
            behaviour.release.wait(timeout=30)
            return
        if behaviour.always_status is not None or count <= behaviour.fail_first:
            status = behaviour.always_status or behaviour.fail_status
            self.send_response(status)
            self.end_headers()
            self.wfile.write(b'{"error": "no"}')
            return
        if behaviour.drip:
            behaviour.saw_blocked.set()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(300):  # bounded: the server gives up after a minute at most
                if behaviour.release.wait(timeout=0.2):
                    return
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
            return
        if behaviour.answer is not None:
            body = json.dumps({"translatedText": behaviour.answer}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)
            return
        if behaviour.garbage:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"<html>not json at all</html>")
            return
        text = fake_translation(query.get("q", ""), query.get("target", ""))
        if behaviour.drop_placeholders:
            text = text.replace("⟦0⟧", "")
        body = json.dumps({"translatedText": text}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def libre_server(behaviour: Behaviour) -> Iterator[str]:
    """Serve on a free loopback port; yields the base URL."""
    handler = type("Handler", (_Handler,), {"behaviour": behaviour})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        behaviour.release.set()
        server.shutdown()
        server.server_close()
        thread.join()
