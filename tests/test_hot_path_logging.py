"""No logging call from our own code on the per-article path (issue 19: 142,000 of them on 300 articles).

Every call into the ``logging`` package made while extract, merge and check run is
counted by its caller. Ours must be none. markdown-it-py's block rules log each rule
they try; those are the library's own, counted here so that the figure stays visible.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

from bench.corpus import generate
from tests.conftest import run


def _logging_callers(root: Path, *commands: tuple[str, ...]) -> Counter[str]:
    callers: Counter[str] = Counter()

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event != "call" or not frame.f_globals.get("__name__", "").startswith("logging"):
            return
        caller = frame.f_back
        if caller is not None and not caller.f_globals.get("__name__", "").startswith("logging"):
            callers[caller.f_globals.get("__name__", "?")] += 1

    sys.setprofile(profile)
    try:
        for command in commands:
            run(root, *command)
    finally:
        sys.setprofile(None)
    return callers


def test_our_code_makes_no_logging_call_per_article(tmp_path: Path) -> None:
    generate(tmp_path, 6, seed=3, languages=["en", "zh-CN"])
    callers = _logging_callers(
        tmp_path, ("extract", "-q", "-j", "1"), ("merge", "-q", "-j", "1"), ("check", "--format", "json")
    )
    # The parser's block rules did log (so the probe works) ...
    assert sum(n for name, n in callers.items() if name.startswith("markdown_it")) > 0
    # ... and nothing of ours did.
    assert [name for name in callers if name.startswith("translate_flow")] == []
