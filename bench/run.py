"""Benchmark translate-flow on synthetic sites, side by side with po4a, mdpo and Translate Toolkit.

    python -m bench.run                       # 100 and 1,000 articles
    python -m bench.run --sizes 100,1000,10000 --competitors   # and the goals of issue 19, met or not

Every phase runs as a separate process under /usr/bin/time (wall time and peak RSS).
Competitors run only when installed (this script installs nothing):
    apt-get install po4a ; pip install mdpo translate-toolkit
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import polib

from bench.corpus import generate
from bench.startup import ENV, startup_above_bare_python

PYTHON = sys.executable
TF = [PYTHON, "-m", "translate_flow"]
PO4A_FORMAT = ["-f", "text", "-o", "markdown", "-M", "UTF-8"]


@dataclass
class Timing:
    size: int
    tool: str
    phase: str
    seconds: float
    rss_mb: float

    @property
    def rate(self) -> float:
        return self.size / self.seconds if self.seconds else float("inf")


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command, children included."""
    if Path("/usr/bin/time").exists():
        report = cwd / ".time"
        started = time.perf_counter()
        subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", str(report), *command],
            cwd=cwd,
            env=ENV,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - started
        rss = int(report.read_text().split()[-1]) / 1024
        report.unlink()
        return wall, rss
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started, float("nan")


def fill(root: Path) -> None:
    """Stand in for the translators: every entry gets a translation."""
    for path in (root / "locales").rglob("*.po"):
        po = polib.pofile(str(path), wrapwidth=0)
        for entry in po:
            if not entry.obsolete:
                entry.msgstr = "T " + entry.msgid
        po.save(str(path))


def bench_translate_flow(size: int, work: Path, jobs: int | None) -> list[Timing]:
    root = work / f"tf-{size}"
    generate(root, size, seed=7, languages=["en", "zh-CN"])
    extra = ["--jobs", str(jobs)] if jobs else []
    out: list[Timing] = []

    def step(phase: str, *args: str) -> None:
        seconds, rss = measure([*TF, *args], root)
        out.append(Timing(size, "translate-flow", phase, seconds, rss))

    step("extract (cold)", "extract", "-q", *extra)
    step("extract (no-op)", "extract", "-q", *extra)
    fill(root)
    step("merge (cold)", "merge", "-q", *extra)
    step("merge (no-op)", "merge", "-q", *extra)
    try:  # check exits 1 on this corpus (nothing is reviewed); the time is what counts
        seconds, rss = measure([*TF, "check", "--format", "json", "-o", str(root / "check.json")], root)
    except subprocess.CalledProcessError:
        seconds, rss = float("nan"), float("nan")
    out.append(Timing(size, "translate-flow", "check", seconds, rss))
    step("status", "status", "--format", "json")
    return out


COMPETITOR_SCRIPTS = {
    "mdpo (in-process)": """
import sys, pathlib
from mdpo.md2po import markdown_to_pofile
from mdpo.po2md import pofile_to_markdown
phase, root = sys.argv[1], pathlib.Path(sys.argv[2])
for md in sorted((root / "content").rglob("*.md")):
    po = md.with_suffix(".po")
    if phase == "extract":
        markdown_to_pofile(str(md), save=True, po_filepath=str(po))
    else:
        pofile_to_markdown(str(md), str(po), save=str(md.with_suffix(".out")))
""",
}


def _files(root: Path) -> list[Path]:
    return sorted((root / "content").rglob("*.md"))


def bench_competitors(size: int, work: Path, only: set[str]) -> list[Timing]:
    out: list[Timing] = []
    base = work / f"comp-{size}"
    generate(base, size, seed=7, languages=["en", "zh-CN"])

    def run_per_file(tool: str, phase: str, build: object) -> None:
        root = base
        script = work / "per_file.py"
        script.write_text(
            "import subprocess, sys, pathlib, json\n"
            "for cmd in json.load(open(sys.argv[1])):\n"
            "    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        )
        commands = [build(md) for md in _files(root)]  # type: ignore[operator]
        listing = work / "commands.json"
        listing.write_text(json.dumps(commands))
        try:
            seconds, rss = measure([PYTHON, str(script), str(listing)], root)
        except subprocess.CalledProcessError as exc:
            # One failed competitor run leaves its row out (the goals say "not measured"); the rest goes on.
            print(f"{tool} {phase} at {size} articles failed (exit {exc.returncode})", file=sys.stderr)
            return
        out.append(Timing(size, tool, phase, seconds, rss))

    if "po4a" in only and shutil.which("po4a-updatepo") and shutil.which("po4a-translate"):
        run_per_file(
            "po4a (per file)",
            "extract",
            lambda md: [
                "po4a-updatepo",
                *PO4A_FORMAT,
                "-m",
                str(md),
                "-p",
                str(md.with_suffix(".po4a.po")),
            ],
        )
        run_per_file(
            "po4a (per file)",
            "merge",
            lambda md: [
                "po4a-translate",
                *PO4A_FORMAT,
                "-m",
                str(md),
                "-p",
                str(md.with_suffix(".po4a.po")),
                "-l",
                str(md.with_suffix(".po4a.out")),
                "-k",
                "0",
            ],
        )
    try:
        if "mdpo" not in only and "mdpo-inprocess" not in only:
            raise ImportError
        import mdpo  # noqa: F401

        if "mdpo" in only:
            run_per_file(
                "mdpo (command per file)",
                "extract",
                lambda md: [
                    PYTHON,
                    "-m",
                    "mdpo.md2po",
                    str(md),
                    "--save",
                    "--po-filepath",
                    str(md.with_suffix(".mdpo.po")),
                ],
            )
            run_per_file(
                "mdpo (command per file)",
                "merge",
                lambda md: [
                    PYTHON,
                    "-m",
                    "mdpo.po2md",
                    str(md),
                    "--pofiles",
                    str(md.with_suffix(".mdpo.po")),
                    "--save",
                    str(md.with_suffix(".mdpo.out")),
                ],
            )
        script = work / "mdpo_inprocess.py"
        script.write_text(COMPETITOR_SCRIPTS["mdpo (in-process)"])
        for phase in ("extract", "merge"):
            seconds, rss = measure([PYTHON, str(script), phase, str(base)], base)
            out.append(Timing(size, "mdpo (in-process)", phase, seconds, rss))
    except ImportError:
        pass
    try:
        if "translate-toolkit" not in only:
            raise ImportError
        import translate.convert.md2po  # noqa: F401

        po_dir, out_dir = base / "tt-po", base / "tt-out"
        seconds, rss = measure([PYTHON, "-m", "translate.convert.md2po", "-i", "content", "-o", str(po_dir)], base)
        out.append(Timing(size, "Translate Toolkit", "extract", seconds, rss))
        seconds, rss = measure(
            [PYTHON, "-m", "translate.convert.po2md", "-t", "content", "-i", str(po_dir), "-o", str(out_dir)], base
        )
        out.append(Timing(size, "Translate Toolkit", "merge", seconds, rss))
    except ImportError:
        pass
    return out


def table(rows: list[Timing]) -> str:
    lines = ["| articles | tool | phase | wall (s) | articles/s | peak RSS (MB) |", "|---:|---|---|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r.size:,} | {r.tool} | {r.phase} | {r.seconds:.2f} | {r.rate:,.0f} | {r.rss_mb:.0f} |")
    return "\n".join(lines)


def ratios(rows: list[Timing]) -> str:
    ours = {
        (r.size, r.phase.split(" ")[0]): r.seconds
        for r in rows
        if r.tool == "translate-flow" and "no-op" not in r.phase
    }
    noop = {r.size: r.seconds for r in rows if r.tool == "translate-flow" and r.phase == "extract (no-op)"}
    lines = [
        "| articles | compared with | extract | merge | no-op extract vs their extract |",
        "|---:|---|---:|---:|---:|",
    ]
    tools = sorted({r.tool for r in rows if r.tool != "translate-flow"})
    for size in sorted({r.size for r in rows}):
        for tool in tools:
            theirs = {r.phase: r.seconds for r in rows if r.tool == tool and r.size == size}
            if not theirs:
                continue
            ext = theirs.get("extract", float("nan")) / ours.get((size, "extract"), float("nan"))
            mer = theirs.get("merge", float("nan")) / ours.get((size, "merge"), float("nan"))
            nop = theirs.get("extract", float("nan")) / noop.get(size, float("nan"))
            lines.append(f"| {size:,} | {tool} | {ext:.1f}× | {mer:.1f}× | {nop:.0f}× |")
    return "\n".join(lines)


@dataclass
class Goal:
    """One of issue 19's targets, with what this run measured."""

    what: str
    target: str
    measured: float | None
    """The ratio or figure measured, None when the run could not measure it (a tool missing)."""
    met: bool | None


def _seconds(rows: list[Timing], size: int, tool: str, phase: str) -> float | None:
    found = [r.seconds for r in rows if r.size == size and r.tool == tool and r.phase == phase]
    return found[0] if found else None


def _ratio(theirs: float | None, ours: float | None) -> float | None:
    return None if theirs is None or ours is None or not ours else theirs / ours


def goals(rows: list[Timing], startup: dict[str, float] | None) -> list[Goal]:
    """Issue 19's speed goals against this run's figures."""
    tf, mdpo, po4a = "translate-flow", "mdpo (in-process)", "po4a (per file)"
    big = max((r.size for r in rows), default=0)
    sizes = sorted({r.size for r in rows if r.tool == tf})
    out: list[Goal] = []

    def ratio_goal(what: str, least: float, theirs: float | None, ours: float | None) -> None:
        value = _ratio(theirs, ours)
        out.append(Goal(what, f">= {least:g}x", value, None if value is None else value >= least))

    ratio_goal(
        f"cold extract vs mdpo in-process ({big:,} articles)",
        3,
        _seconds(rows, big, mdpo, "extract"),
        _seconds(rows, big, tf, "extract (cold)"),
    )
    ratio_goal(
        f"cold extract vs po4a per file ({big:,} articles)",
        40,
        _seconds(rows, big, po4a, "extract"),
        _seconds(rows, big, tf, "extract (cold)"),
    )
    ratio_goal(
        f"merge vs mdpo in-process ({big:,} articles)",
        3,
        _seconds(rows, big, mdpo, "merge"),
        _seconds(rows, big, tf, "merge (cold)"),
    )
    noop_size = 300 if 300 in sizes else (sizes[0] if sizes else 0)
    ratio_goal(
        f"no-op extract vs po4a's cold extract ({noop_size:,} articles)",
        100,
        _seconds(rows, noop_size, po4a, "extract"),
        _seconds(rows, noop_size, tf, "extract (no-op)"),
    )
    for name, above in (startup or {}).items():
        out.append(Goal(f"{name}, above bare python (median)", "< 80 ms", above, above < 80))
    rss = {r.size: r.rss_mb for r in rows if r.tool == tf and r.phase == "extract (cold)"}
    if len(rss) >= 2:
        growth = rss[sizes[-1]] / rss[sizes[0]]
        # "Flat": ten times the articles may not double the peak memory.
        limit = 2.0
        out.append(
            Goal(
                f"peak RSS of extract, {sizes[-1]:,} vs {sizes[0]:,} articles", f"< {limit:g}x", growth, growth < limit
            )
        )
    return out


def goals_table(found: list[Goal]) -> str:
    lines = ["| goal | target | measured | |", "|---|---|---:|---|"]
    for goal in found:
        if goal.measured is None:
            lines.append(f"| {goal.what} | {goal.target} | not measured (tool missing or failed) | |")
            continue
        unit = " ms" if goal.target.endswith("ms") else "x"
        verdict = "met" if goal.met else "NOT met"
        lines.append(f"| {goal.what} | {goal.target} | {goal.measured:.1f}{unit} | {verdict} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes", default="100,1000", help="comma-separated; --competitors adds 300 for the no-op goal"
    )
    parser.add_argument("--jobs", type=int, default=None, help="translate-flow --jobs (default: its own)")
    parser.add_argument(
        "--competitors", action="store_true", help="also run po4a, mdpo and Translate Toolkit where installed"
    )
    parser.add_argument("--only", default="po4a,mdpo,translate-toolkit", help="which competitors to run")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    parser.add_argument("--startup-runs", type=int, default=21, help="runs of each start-up measurement")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="tf-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    sizes = sorted({int(s) for s in args.sizes.split(",")} | ({300} if args.competitors else set()))
    rows: list[Timing] = []
    for size in sizes:
        rows += bench_translate_flow(size, work, args.jobs)
        if args.competitors:
            rows += bench_competitors(size, work, set(args.only.split(",")))
        print(f"done: {size} articles", file=sys.stderr)
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}\n")
    print(table(rows))
    if args.competitors:
        print()
        print(ratios(rows))
        startup = startup_above_bare_python(args.startup_runs)
        print()
        print(goals_table(goals(rows, startup)))
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
