"""Machine-translation throughput of `translate-flow pretranslate`: characters per second per engine.

    python -m bench.mt_rate                                  # 200 articles, every engine
    python -m bench.mt_rate --articles 10000 --engines apertium

An English-only synthetic site (bench/corpus.py, seed 7) targeting Spanish is extracted
once; each engine then pretranslates its own copy of it, with an empty cache, as one
timed `translate-flow pretranslate --engine NAME` process. The characters sent are the
ones its summary reports.

`apertium` is the real engine (the installed eng-spa pair), run on this machine. The HTTP
engines (`openai`, `deepl`, `libre`) talk to servers this script starts on 127.0.0.1 that
answer at once (the stubs of the test suite), so their figure is translate-flow's own
cost per character: an upper bound on what it can push, not the engine's speed. A hosted
engine's real rate is its quota and its latency.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import generate
from tests.chat_server import KEY as CHAT_KEY
from tests.chat_server import MODEL, Chat, chat_server
from tests.deepl_server import KEY as DEEPL_KEY
from tests.deepl_server import DeepL, deepl_server
from tests.mt_server import Behaviour, libre_server

PYTHON = sys.executable
ENGINES = ("apertium", "openai", "deepl", "libre")
TARGET = "es"
# The summary's line of what went where: "sent: apertium 1234 chars in 5 requests, …; cache hits …".
_SENT = re.compile(r"([\w.-]+) (\d+) chars in (\d+) requests")
_FILLED = re.compile(r"^filled: (.*)$", re.MULTILINE)


@dataclass(frozen=True)
class Rate:
    """One engine's pretranslate run."""

    engine: str
    """The engine's name."""
    articles: int
    """Articles in the site."""
    chars: int
    """Characters sent to the engine, as the summary counts them."""
    requests: int
    """Requests made to the engine."""
    drafts: int
    """Entries filled."""
    seconds: float
    """Wall time of the whole pretranslate process."""

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else float("nan")

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else float("nan")


def sent(summary: str) -> dict[str, tuple[int, int]]:
    """(characters, requests) per engine, read from pretranslate's summary (its stderr)."""
    for line in summary.splitlines():
        if line.startswith("sent: "):
            head = line[len("sent: ") :].split(";")[0]
            return {name: (int(chars), int(requests)) for name, chars, requests in _SENT.findall(head)}
    return {}


def filled(summary: str) -> int:
    """Entries filled, all languages together, read from pretranslate's summary."""
    found = _FILLED.search(summary)
    if not found or found.group(1) == "none":
        return 0
    return sum(int(part.rsplit(" ", 1)[1]) for part in found.group(1).split(", "))


def table(rows: list[Rate]) -> str:
    lines = [
        "| engine | articles | characters sent | requests | drafts | wall (s) | characters/s | articles/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.engine} | {r.articles:,} | {r.chars:,} | {r.requests:,} | {r.drafts:,} | {r.seconds:.2f} "
            f"| {r.chars_per_second:,.0f} | {r.articles_per_second:,.1f} |"
        )
    return "\n".join(lines)


@contextmanager
def engine_settings(engine: str) -> Iterator[tuple[str, dict[str, str], list[str]]]:
    """The engine's TOML table, its environment, and the list its stub server fills with problems."""
    if engine == "openai":
        chat = Chat()
        with chat_server(chat) as url:
            table = f'[engines.openai]\nbase_url = "{url}"\nmodel = "{MODEL}"\napi_key_env = "BENCH_OPENAI_KEY"\n'
            yield table, {"BENCH_OPENAI_KEY": CHAT_KEY}, chat.problems
    elif engine == "deepl":
        deepl = DeepL()
        with deepl_server(deepl) as url:
            yield (
                f'[engines.deepl]\nbase_url = "{url}"\napi_key_env = "BENCH_DEEPL_KEY"\n',
                {"BENCH_DEEPL_KEY": DEEPL_KEY},
                deepl.problems,
            )
    elif engine == "libre":
        with libre_server(Behaviour()) as url:
            # The stub takes any key; the engine wants one named.
            yield f'[engines.libre]\nurl = "{url}"\napi_key_env = "BENCH_LIBRE_KEY"\n', {"BENCH_LIBRE_KEY": "x"}, []
    else:
        yield "", {}, []


def _site(work: Path, articles: int) -> Path:
    """The extracted English site, every entry still empty."""
    site = work / "site"
    generate(site, articles, seed=7, languages=["en", TARGET], sources=("en",))
    subprocess.run([PYTHON, "-m", "translate_flow", "extract", "-q"], cwd=site, check=True)
    return site


def measure(site: Path, work: Path, engine: str, articles: int) -> Rate:
    """Pretranslate a fresh copy of ``site`` (no cache) with ``engine`` alone, timed from outside."""
    root = work / engine
    shutil.copytree(site, root, ignore=shutil.ignore_patterns("mt-cache.sqlite3*"))
    with engine_settings(engine) as (settings, variables, problems):
        config = root / "translate-flow.toml"
        config.write_text(config.read_text(encoding="utf-8") + settings, encoding="utf-8")
        env = {**os.environ, **variables, "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
        started = time.perf_counter()
        done = subprocess.run(
            [PYTHON, "-m", "translate_flow", "pretranslate", "--engine", engine],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{engine}: pretranslate exited {done.returncode}\n{done.stderr}")
    if problems:
        raise SystemExit(f"{engine}: the stub server found {len(problems)} problems, the first: {problems[0]}")
    chars, requests = sent(done.stderr).get(engine, (0, 0))
    return Rate(engine, articles, chars, requests, filled(done.stderr), seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated, from " + ", ".join(ENGINES))
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    args = parser.parse_args()
    engines = [name for name in args.engines.split(",") if name]
    unknown = sorted(set(engines) - set(ENGINES))
    if unknown:
        parser.error(f"unknown engine {unknown[0]}; choose from {', '.join(ENGINES)}")
    if "apertium" in engines and not shutil.which("apertium"):
        parser.error("apertium is not installed (apt-get install apertium apertium-eng-spa)")
    work = args.keep or Path(tempfile.mkdtemp(prefix="tf-mt-rate-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        site = _site(work, args.articles)
        rows = []
        for engine in engines:
            rows.append(measure(site, work, engine, args.articles))
            print(f"done: {engine}", file=sys.stderr)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; English site, target {TARGET}\n")
    print(table(rows))
    print(
        "\napertium is the real engine on this machine. openai, deepl and libre answered from a stub on\n"
        "127.0.0.1 at once: their rate is translate-flow's own cost per character, an upper bound;\n"
        "a hosted engine's real rate is its quota and latency."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
