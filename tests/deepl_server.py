"""A DeepL API v2 server on 127.0.0.1 for the ``deepl`` engine's tests.

It checks every request the way DeepL would (the auth header, JSON bodies, language
codes, TSV glossary entries, a known ``glossary_id`` of the right pair, at most
``max_batch`` texts, well-formed XML) and records what it found wrong, so a test can
assert that nothing was. It "translates" by tagging each text with the target code and
replacing the glossary's source terms with their translations, so a test sees the
glossary at work. Each translate request takes the next fault of ``faults``.
"""

from __future__ import annotations

import json
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

KEY = "deepl-CANARY-5e1f:fx"
PAIRS = [("en", "fr"), ("en", "de"), ("en", "zh"), ("fr", "en")]


def tag(text: str, target: str) -> str:
    return f"[{target}] {text}"


@dataclass
class DeepL:
    """How the server answers, and what it saw."""

    faults: list[str] = field(default_factory=list)
    """Faults for the coming translate requests, first first."""
    max_batch: int = 50
    """More texts than this in one request is a finding."""
    pairs: list[tuple[str, str]] = field(default_factory=lambda: list(PAIRS))
    """The glossary language pairs the server offers."""
    glossaries: dict[str, dict[str, Any]] = field(default_factory=dict)
    """The account's glossaries by id: name, languages, and entries as a dict."""
    translations: list[dict[str, Any]] = field(default_factory=list)
    """Every translate request body, in arrival order."""
    created: list[dict[str, Any]] = field(default_factory=list)
    """Every glossary creation body."""
    refuse_glossaries: bool = False
    """Answer every glossary creation 400, as DeepL does for entries it will not take."""
    listed: int = 0
    """How many times the glossaries were listed."""
    problems: list[str] = field(default_factory=list)
    """What the server found wrong in the requests."""
    lock: threading.Lock = field(default_factory=threading.Lock)


def _entries(tsv: object, problems: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    if not isinstance(tsv, str) or not tsv:
        problems.append("no entries")
        return found
    for line in tsv.split("\n"):
        cells = line.split("\t")
        if len(cells) != 2 or not all(cells) or any(c != c.strip() for c in cells):
            problems.append(f"bad TSV line {line!r}")
        elif cells[0] in found:
            problems.append(f"duplicate source entry {cells[0]!r}")
        else:
            found[cells[0]] = cells[1]
    return found


def _translate(deepl: DeepL, body: dict[str, Any], problems: list[str]) -> list[str]:
    texts = body.get("text")
    if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
        problems.append("text is not a list of strings")
        return []
    if len(texts) > deepl.max_batch:
        problems.append(f"{len(texts)} texts in one request, max_batch {deepl.max_batch}")
    if body.get("tag_handling") != "xml" or body.get("ignore_tags") != ["x"]:
        problems.append("no xml tag handling with ignore_tags x")
    source, target = body.get("source_lang"), body.get("target_lang")
    if not isinstance(source, str) or not source.isupper() or "-" in source:
        problems.append(f"source_lang {source!r}")
    if not isinstance(target, str) or not target.isupper():
        problems.append(f"target_lang {target!r}")
    entries: dict[str, str] = {}
    if "glossary_id" in body:
        glossary = deepl.glossaries.get(body["glossary_id"])
        if glossary is None:
            problems.append(f"unknown glossary_id {body['glossary_id']!r}")
        elif (glossary["source_lang"], glossary["target_lang"]) != (
            str(source).lower(),
            str(target).lower().split("-")[0],
        ):
            problems.append("the glossary's languages are not the request's")
        else:
            entries = glossary["entries"]
    out = []
    for text in texts:
        try:
            ET.fromstring(f"<t>{text}</t>")
        except ET.ParseError:
            problems.append(f"not well-formed XML: {text!r}")
        for term, translation in entries.items():
            text = text.replace(term, translation)
        out.append(tag(text, str(target)))
    return out


def _fault_answer(fault: str, texts: list[str], source: str) -> tuple[int, bytes]:
    if fault.startswith("http"):
        status = int(fault[4:])
        return status, json.dumps({"message": f"no, {KEY}", "detail": "see the docs"}).encode()
    items = [{"detected_source_language": source, "text": text} for text in texts]
    if fault == "count":
        return 200, json.dumps({"translations": items[:-1]}).encode()
    if fault == "malformed":
        return 200, b'{"translations": [{"text": "cut off'
    if fault == "not_text":
        items[0]["text"] = 42
        return 200, json.dumps({"translations": items}).encode()
    if fault == "drop_tags":
        for item in items:
            item["text"] = str(item["text"]).replace("<x>0</x>", "")
        return 200, json.dumps({"translations": items}, ensure_ascii=False).encode()
    raise AssertionError(f"unknown fault {fault}")


class _Handler(BaseHTTPRequestHandler):
    deepl: DeepL

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return

    def _send(self, status: int, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _authorised(self, problems: list[str]) -> bool:
        if self.headers.get("Authorization") != f"DeepL-Auth-Key {KEY}":
            problems.append(f"authorization header on {self.path}")
            return False
        if KEY in self.path:
            problems.append("the key in the URL")
        return True

    def do_GET(self) -> None:
        deepl, problems = self.deepl, []
        if not self._authorised(problems):
            status, answer = 403, {"message": "Forbidden"}
        elif self.path == "/v2/glossary-language-pairs":
            status, answer = (
                200,
                {"supported_languages": [{"source_lang": s, "target_lang": t} for s, t in deepl.pairs]},
            )
        elif self.path == "/v2/glossaries":
            with deepl.lock:
                deepl.listed += 1
                listed = [{k: v for k, v in g.items() if k != "entries"} for g in deepl.glossaries.values()]
            status, answer = 200, {"glossaries": listed}
        else:
            problems.append(f"GET {self.path}")
            status, answer = 404, {"message": "Not found"}
        with deepl.lock:
            deepl.problems.extend(problems)
        self._send(status, json.dumps(answer, ensure_ascii=False).encode())

    def do_POST(self) -> None:
        deepl, problems = self.deepl, []
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            problems.append("content type")
        if len(raw) > 128 * 1024:
            problems.append("request body over 128 KiB")
        body = json.loads(raw)
        status, data = 404, b'{"message": "Not found"}'
        if not self._authorised(problems):
            status, data = 403, b'{"message": "Forbidden"}'
        elif self.path == "/v2/glossaries":
            status, data = self._create(body, problems)
        elif self.path == "/v2/translate":
            texts = _translate(deepl, body, problems)
            with deepl.lock:
                deepl.translations.append(body)
                fault = deepl.faults.pop(0) if deepl.faults else None
            if fault is not None:
                status, data = _fault_answer(fault, texts, str(body.get("source_lang")))
            else:
                items = [{"detected_source_language": body.get("source_lang"), "text": t} for t in texts]
                status, data = 200, json.dumps({"translations": items}, ensure_ascii=False).encode()
        else:
            problems.append(f"POST {self.path}")
        with deepl.lock:
            deepl.problems.extend(problems)
        self._send(status, data)

    def _create(self, body: dict[str, Any], problems: list[str]) -> tuple[int, bytes]:
        deepl = self.deepl
        if body.get("entries_format") != "tsv":
            problems.append("entries_format is not tsv")
        pair = (body.get("source_lang"), body.get("target_lang"))
        if deepl.refuse_glossaries:
            return 400, b'{"message": "Invalid glossary entries provided"}'
        if pair not in deepl.pairs:
            problems.append(f"glossary for an unsupported pair {pair}")
            return 400, b'{"message": "Unsupported glossary language pair"}'
        entries = _entries(body.get("entries"), problems)
        with deepl.lock:
            deepl.created.append(body)
            identity = f"g-{len(deepl.created)}"
            deepl.glossaries[identity] = {
                "glossary_id": identity,
                "name": body.get("name"),
                "ready": True,
                "source_lang": pair[0],
                "target_lang": pair[1],
                "entry_count": len(entries),
                "entries": entries,
            }
            answer = {k: v for k, v in deepl.glossaries[identity].items() if k != "entries"}
        return 201, json.dumps(answer, ensure_ascii=False).encode()


@contextmanager
def deepl_server(deepl: DeepL) -> Iterator[str]:
    """Serve on a free loopback port; yields the base URL."""
    handler = type("Handler", (_Handler,), {"deepl": deepl})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
