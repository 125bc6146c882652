"""An OpenAI-compatible chat-completions server on 127.0.0.1 for the ``openai`` engine's tests.

It checks every request the way a strict server would (path, headers, model, the
messages and the JSON the engine puts in them) and records what it found wrong, so a
test can assert that nothing was. It "translates" by tagging each segment with the
target language, and can be told to answer wrongly: each request takes the next fault
of ``faults`` (none when the list is empty).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "test-model"
KEY = "sk-test-CANARY-91c2"


def tag(text: str, target: str) -> str:
    return f"[{target}] {text}"


@dataclass
class Chat:
    """How the server answers, and what it saw."""

    faults: list[str] = field(default_factory=list)
    """Faults for the coming requests, first first."""
    max_batch: int = 20
    """More segments than this in one request is a finding."""
    key: str | None = KEY
    """The bearer key every request must carry (None: none may)."""
    requests: list[dict[str, Any]] = field(default_factory=list)
    """The user message's JSON of every request, in arrival order."""
    bodies: list[dict[str, Any]] = field(default_factory=list)
    """Every request body as sent."""
    problems: list[str] = field(default_factory=list)
    """What the server found wrong in the requests."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    release: threading.Event = field(default_factory=threading.Event)
    """A request with the ``hang`` fault waits for this before it ends without an answer."""


def _check(chat: Chat, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> dict[str, Any] | None:
    problems = []
    if handler.path != "/v1/chat/completions":
        problems.append(f"path {handler.path}")
    if not (handler.headers.get("Content-Type") or "").startswith("application/json"):
        problems.append("content type")
    wanted = f"Bearer {chat.key}" if chat.key else None
    if handler.headers.get("Authorization") != wanted:
        problems.append("authorization header")
    if body.get("model") != MODEL:
        problems.append(f"model {body.get('model')!r}")
    messages = body.get("messages")
    payload = None
    if not isinstance(messages, list) or [m.get("role") for m in messages] != ["system", "user"]:
        problems.append("messages are not one system and one user message")
    else:
        system, user = messages[0]["content"], messages[1]["content"]
        if "⟦0⟧" not in system or '"translations"' not in system:
            problems.append("the system message lacks the placeholder rule or the answer shape")
        payload = json.loads(user)
        segments = payload.get("segments")
        if not isinstance(segments, list) or not segments:
            problems.append("no segments")
        elif len(segments) > chat.max_batch:
            problems.append(f"{len(segments)} segments in one request, max_batch {chat.max_batch}")
        elif [s["id"] for s in segments] != [str(n) for n in range(1, len(segments) + 1)]:
            problems.append("ids are not 1..n")
    with chat.lock:
        chat.problems.extend(problems)
    return payload


def _answer(fault: str | None, payload: dict[str, Any]) -> tuple[int, bytes]:
    """The status and body of the answer to ``payload`` with ``fault``."""
    target = payload["target_language"]
    items: list[dict[str, Any]] = [{"id": s["id"], "text": tag(s["text"], target)} for s in payload["segments"]]
    if fault in ("http429", "http500", "http401", "http400"):
        status = int(fault[4:])
        message = f"the key {KEY} is no good" if status in (400, 401) else "busy"
        return status, json.dumps({"error": {"message": message}}).encode()
    if fault == "missing":
        items = items[:-1]
    elif fault == "extra":
        items.append({"id": "999", "text": "nobody asked"})
    elif fault == "duplicate":
        items.append({"id": items[0]["id"], "text": "a second answer"})
    elif fault == "wrong_type":
        items[0]["text"] = ["not", "a", "string"]
    elif fault == "int_ids":
        for item in items:
            item["id"] = int(item["id"])
    elif fault == "not_objects":
        items = [item["text"] for item in items]
    elif fault == "placeholders":
        for item in items:
            item["text"] = item["text"].replace("⟦0⟧", "")
    content = json.dumps({"translations": items}, ensure_ascii=False)
    if fault == "fenced":
        content = f"Sure! Here it is:\n```json\n{content}\n```\n"
    elif fault == "prose":
        content = f'Thinking about {{"the": "task"}} first. {content} Done {{"translations": 3}}.'
    elif fault == "not_json":
        content = "I'm sorry, I cannot translate that."
    elif fault == "truncated":
        content = content[: len(content) // 2]
    elif fault == "translations_not_list":
        content = json.dumps({"translations": {item["id"]: item["text"] for item in items}})
    usage = {"prompt_tokens": 100 * len(payload["segments"]), "completion_tokens": 10 * len(items)}
    document: Any = {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}], "usage": usage}
    if fault == "empty_choices":
        document = {"choices": [], "usage": usage}
    elif fault == "null_content":
        document["choices"][0]["message"]["content"] = None
    elif fault == "no_usage":
        del document["usage"]
    elif fault == "html":
        return 200, b"<html>gateway says hello</html>"
    return 200, json.dumps(document, ensure_ascii=False).encode()


class _Handler(BaseHTTPRequestHandler):
    chat: Chat

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return

    def do_POST(self) -> None:
        chat = self.chat
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        payload = _check(chat, self, body)
        with chat.lock:
            chat.bodies.append(body)
            if payload is not None:
                chat.requests.append(payload)
            fault = chat.faults.pop(0) if chat.faults else None
        if fault == "hang":
            chat.release.wait(timeout=30)
            return
        if payload is None:
            status, data = 400, b'{"error": {"message": "bad request"}}'
        else:
            status, data = _answer(fault, payload)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def chat_server(chat: Chat) -> Iterator[str]:
    """Serve on a free loopback port; yields the base URL (``…/v1``)."""
    handler = type("Handler", (_Handler,), {"chat": chat})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    # A short poll interval: shutdown() waits for the loop to look, and tests start many servers.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        chat.release.set()
        server.shutdown()
        server.server_close()
        thread.join()
