"""Reliability figures for RELIABILITY.md: processes killed at random points, and fuzzing.

    python -m bench.reliability --kills 20           # SIGKILL loops over extract, merge, pretranslate
    python -m bench.reliability --kills 0 --fuzz     # also the property suite in its large mode

For each kill: the project is copied, a real `translate-flow` process is started and
killed with SIGKILL at a random moment; then every catalog must still be readable
(strictly) and be its old version, its new version, or an intermediate version
that lost no translation (a POT may still carry a pending fingerprint), and a
re-run must end with exactly the files of an uninterrupted run. "Bytes lost" counts the bytes of every
file that differs from the uninterrupted run after the re-run.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

from bench.corpus import generate
from translate_flow.catalog.io import parse_catalog, read_catalog
from translate_flow.catalog.update import kept_translations

TF = [sys.executable, "-m", "translate_flow"]


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".translate-flow" not in p.parts and not p.name.endswith((".tmp", ".lock"))
    }


def prepare(base: Path, articles: int) -> None:
    generate(base, articles, seed=11, languages=["en", "zh-CN"])
    subprocess.run([*TF, "-C", str(base), "extract", "-q"], check=True)
    for index, path in enumerate(sorted((base / "locales").rglob("*.po"))):
        po = polib.pofile(str(path), wrapwidth=0)
        for number, entry in enumerate(po):
            if (index + number) % 3:
                entry.msgstr = "T " + entry.msgid
        po.save(str(path))
    # Every source changes a little, so the next extract rewrites every catalog.
    for path in (base / "content").rglob("*.md"):
        path.write_text(path.read_text(encoding="utf-8") + "\nOne more closing paragraph.\n", encoding="utf-8")


def kill_loop(command: str, base: Path, work: Path, kills: int, rng: random.Random) -> tuple[int, int, int]:
    reference = work / f"{command}-reference"
    shutil.copytree(base, reference)
    started = time.monotonic()
    subprocess.run([*TF, "-C", str(reference), command, "-q"], check=False, capture_output=True)
    duration = time.monotonic() - started
    expected = tree(reference)
    survived = lost = 0
    for attempt in range(kills):
        victim = work / f"{command}-{attempt}"
        shutil.copytree(base, victim)
        before = tree(victim)
        proc = subprocess.Popen(
            [*TF, "-C", str(victim), command, "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.05, duration))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        healthy = True
        for path in victim.rglob("*.po*"):
            rel = path.relative_to(victim).as_posix()
            data = path.read_bytes()
            final = expected.get(rel)
            pending = final.replace(b"Source: ", b"Source: pending-", 1) if final else None
            try:
                current = read_catalog(path, rel)
            except Exception:  # noqa: BLE001 - any failure to read counts against us
                healthy = False
                continue
            if data in (before.get(rel), final, pending):
                continue
            # Between extract's two passes a PO file may be in its intermediate state: still
            # whole, and still holding every translation it had.
            if (
                not rel.endswith(".po")
                or rel not in before
                or kept_translations(parse_catalog(before[rel], rel), current)
            ):
                healthy = False
        subprocess.run([*TF, "-C", str(victim), command, "-q"], check=False, capture_output=True)
        final = tree(victim)
        lost += sum(len(expected[k]) for k in expected if final.get(k) != expected[k])
        survived += healthy and final == expected
        shutil.rmtree(victim)
    return kills, survived, lost


def fuzz() -> str:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "--fuzz",
            "--hypothesis-show-statistics",
            "-p",
            "no:cacheprovider",
            "tests/test_fuzz.py",
            "tests/test_roundtrip.py",
            "tests/test_protect.py",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    examples = sum(int(n) for n in re.findall(r"(\d+) passing examples", done.stdout))
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-300:]
    return f"{examples} passing examples ({summary})"


def main() -> None:
    # Fixed PO dates, so that a re-run a minute later can be compared byte for byte.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1735689600")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=20, help="kills per command")
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--fuzz", action="store_true")
    args = parser.parse_args()
    rng = random.Random(20261129)
    work = Path(tempfile.mkdtemp(prefix="tf-reliability-"))
    try:
        base = work / "base"
        prepare(base, args.articles)
        print("| command | kills | runs left healthy and finished identically | bytes lost |")
        print("|---|---:|---:|---:|")
        for command in ("extract", "merge"):
            staged = work / f"{command}-base"
            shutil.copytree(base, staged)
            if command == "merge":
                subprocess.run([*TF, "-C", str(staged), "extract", "-q"], check=True)
            kills, survived, lost = kill_loop(command, staged, work, args.kills, rng)
            print(f"| {command} | {kills} | {survived} | {lost} |")
        if args.fuzz:
            print(f"\nfuzz: {fuzz()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
