"""How extract scales on hostile articles within the size limit: each input at n and 2n.

A near-linear step shows as a time ratio near 2 when n doubles; a quadratic one as near 4.
Each run is its own process (`translate-flow extract -j 1`), timed from outside.

    python -m bench.scaling                  # the default sizes
    python -m bench.scaling --scale 0.25     # smaller, for a quick look
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

INPUTS: dict[str, Callable[[int], str]] = {
    "images on one line": lambda n: " ".join("![alt](u)" for _ in range(n)) + "\n",
    "table columns": lambda n: (
        "|"
        + "|".join(f"h{i}" for i in range(n))
        + "|\n|"
        + "---|" * n
        + "\n|"
        + "|".join(f"c{i}" for i in range(n))
        + "|\n"
    ),
    "repeated paragraph": lambda n: "Hello world.\n\n" * n,
    "repeated setext heading": lambda n: "Title\n===\n\n" * n,
    "soft-wrapped lines": lambda n: "word\n" * n,
}
SIZES = {
    "images on one line": 8_000,
    "table columns": 10_000,
    "repeated paragraph": 20_000,
    "repeated setext heading": 20_000,
    "soft-wrapped lines": 250_000,
}


def _extract_seconds(body: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "content").mkdir()
        (root / "content/a.md").write_text(body, encoding="utf-8")
        (root / "translate-flow.toml").write_text('languages = ["fr"]\n', encoding="utf-8")
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "translate_flow", "-C", str(root), "extract", "-q", "-j", "1"],
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(done.stderr)
        return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    args = parser.parse_args()
    print(f"{'input':26} {'n':>9} {'bytes':>10} {'t(n)':>8} {'t(2n)':>8} {'ratio':>6}")
    for name, make in INPUTS.items():
        n = max(1, int(SIZES[name] * args.scale))
        small, large = make(n), make(2 * n)
        t1, t2 = _extract_seconds(small), _extract_seconds(large)
        print(f"{name:26} {n:>9} {len(large.encode()):>10} {t1:>7.2f}s {t2:>7.2f}s {t2 / t1:>6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
