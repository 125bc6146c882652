"""Start-up cost: `translate-flow --version` and a no-op extract of a 10-article site,
each measured above a bare `python -c pass`, and the modules each one imports.

    python -m bench.startup              # 21 runs of each: wall and CPU time, median and best
    python -m bench.startup --runs 51 --importtime

The goal (issue 19) is under 80 ms above bare Python for both. Each run is its own
process; the machine is shared, so the median of many runs is what to read.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import generate

PYTHON = sys.executable
GOAL_MS = 80.0
# Measured as an installed user runs it: with compiled bytecode, which the warm-up run writes.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run of ``command``."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def timings(commands: dict[str, list[str]], cwd: Path, runs: int) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) seconds of each command, interleaved so that a busy moment hits them all alike."""
    out: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            out[name].append(_run(command, cwd))
    return out


def slowest_imports(command: list[str], cwd: Path, count: int) -> list[tuple[int, str]]:
    """The ``count`` largest cumulative import times (µs) of one run of ``command``."""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", *command[1:]], cwd=cwd, env=ENV, capture_output=True, text=True, check=True
    )
    rows: list[tuple[int, str]] = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    return sorted(rows, reverse=True)[:count]


def _commands(site: Path) -> dict[str, list[str]]:
    tf = [PYTHON, "-m", "translate_flow"]
    return {
        "python -c pass": [PYTHON, "-c", "pass"],
        "translate-flow --version": [*tf, "--version"],
        "translate-flow extract (no-op, 10 articles)": [*tf, "extract", "-q"],
    }


def _site(folder: Path) -> Path:
    generate(folder, 10, seed=7, languages=["en", "zh-CN"])
    subprocess.run([PYTHON, "-m", "translate_flow", "extract", "-q"], cwd=folder, env=ENV, check=True)
    return folder


def startup_above_bare_python(runs: int) -> dict[str, float]:
    """Each command's median wall time above bare Python's, in ms (for bench.run's goals)."""
    with tempfile.TemporaryDirectory(prefix="tf-startup-") as tmp:
        site = _site(Path(tmp))
        commands = _commands(site)
        timings(commands, site, 1)
        results = timings(commands, site, runs)
    medians = {name: statistics.median(wall for wall, _ in values) for name, values in results.items()}
    base = medians.pop("python -c pass")
    return {name: (value - base) * 1000 for name, value in medians.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports of each command")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tf-startup-") as tmp:
        site = _site(Path(tmp))
        commands = _commands(site)
        timings(commands, site, 1)  # the warm-up: bytecode written, disk cache filled
        results = timings(commands, site, args.runs)
        walls = {name: [wall for wall, _ in values] for name, values in results.items()}
        cpus = {name: [cpu for _, cpu in values] for name, values in results.items()}
        base, base_cpu = statistics.median(walls["python -c pass"]), statistics.median(cpus["python -c pass"])
        print(f"{args.runs} runs each; bare python: median {base * 1000:.0f} ms wall, {base_cpu * 1000:.0f} ms CPU\n")
        print(
            f"| command | wall median | wall best | CPU median | above bare python (wall, CPU) | goal < {GOAL_MS:.0f} ms |"
        )
        print("|---|---:|---:|---:|---:|---|")
        for name in commands:
            median, best, cpu = statistics.median(walls[name]), min(walls[name]), statistics.median(cpus[name])
            above, above_cpu = (median - base) * 1000, (cpu - base_cpu) * 1000
            verdict = "" if name == "python -c pass" else ("met" if above < GOAL_MS else "NOT met")
            print(
                f"| {name} | {median * 1000:.0f} ms | {best * 1000:.0f} ms | {cpu * 1000:.0f} ms "
                f"| {above:.0f} ms, {above_cpu:.0f} ms | {verdict} |"
            )
        print("\nOn a busy machine the wall times wander; the CPU times are the steadier figure.")
        if args.importtime:
            for name, command in list(commands.items())[1:]:
                print(f"\nslowest imports (cumulative µs), {name}:")
                for micros, module in slowest_imports(command, site, 15):
                    print(f"{micros:>9} {module}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
