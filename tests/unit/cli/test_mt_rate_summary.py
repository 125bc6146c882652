"""bench.mt_rate reads its figures from pretranslate's printed summary: the two must agree."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.mt_rate import filled, sent
from translate_flow.cli.output import print_pretranslate
from translate_flow.mt.engines.protocol import Tokens
from translate_flow.mt.run import PretranslateReport


def test_the_bench_reads_what_pretranslate_prints(capsys: pytest.CaptureFixture[str]) -> None:
    report = PretranslateReport(
        written=["locales/es/a.po"],
        filled=Counter({"es": 812, "fr": 40}),
        chars_sent=Counter({"apertium": 53211, "openai": 1907}),
        chars_by_language={"openai": Counter({"fr": 1907})},
        tokens={"openai": {"fr": Tokens(prompt=5120, completion=1840)}},
        retried_alone=Counter({"openai": 2}),
        requests=Counter({"apertium": 9, "openai": 3}),
        cache_hits=17,
        memory_hits=4,
    )
    print_pretranslate(report, quiet=False)
    summary = capsys.readouterr().err
    assert sent(summary) == {"apertium": (53211, 9), "openai": (1907, 3)}
    assert filled(summary) == 852


def test_a_run_that_sent_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    print_pretranslate(PretranslateReport(), quiet=False)
    summary = capsys.readouterr().err
    assert sent(summary) == {}
    assert filled(summary) == 0
