"""pretranslate against real engines: a LibreTranslate-speaking server on 127.0.0.1, Apertium, the memory."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import polib
import pytest
import requests

from tests.conftest import REPO, all_catalogs, fill, msgfmt_check, need_apertium, read_po, run, write_tree
from tests.mt_server import Behaviour, fake_translation, libre_server
from tests.plugin_engine import STUCK_RELEASE
from translate_flow.mt.protect import protect

KEY_ENV = "TF_TEST_LIBRE_KEY"
CANARY = "CANARY-7f3a9e-SECRET"
ARTICLE = (
    "---\ntitle: Reading the manual\n---\n\n"
    "Read the [configuration guide](https://example.org/config) before you run `make install`.\n\n"
    "A plain sentence without any markup.\n\n"
    "{{< note >}}\n\nSee <kbd>Ctrl</kbd> and footnote[^1].\n\n[^1]: The footnote text.\n"
)


def _config(url: str, libre: str = "", **pretranslate: object) -> str:
    settings: dict[str, object] = {"engines": '["libre"]', "timeout": 0.5, "retries": 2, "backoff": 0.01, "jobs": 2}
    settings.update(pretranslate)
    table = "".join(f"{key} = {value}\n" for key, value in settings.items())
    return (
        f'languages = ["fr"]\n[pretranslate]\n{table}[engines.libre]\nurl = "{url}"\napi_key_env = "{KEY_ENV}"\n{libre}'
    )


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, CANARY)


def _setup(project: Path, url: str, files: dict[str, str] | None = None, **kw: object) -> None:
    write_tree(project, {"translate-flow.toml": _config(url, **kw), **(files or {"content/a.md": ARTICLE})})
    assert run(project, "extract", "-q").exit_code == 0


def _po(project: Path, name: str = "a", lang: str = "fr") -> polib.POFile:
    return read_po(project / f"locales/{lang}/{name}.po")


def _no_canary(project: Path, *outputs: str) -> None:
    for path in project.rglob("*"):
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes(), f"the API key leaked into {path}"
    for output in outputs:
        assert CANARY not in output


def test_drafts_are_fuzzy_and_markup_never_reaches_the_engine(project: Path) -> None:
    behaviour = Behaviour()
    with libre_server(behaviour) as url:
        _setup(project, url)
        result = run(project, "pretranslate")
    assert result.exit_code == 0, result.output
    po = _po(project)
    assert len(po) == 5
    for entry in po:
        assert entry.msgstr == fake_translation(entry.msgid, "fr")
        assert entry.flags == ["fuzzy"] and entry.tcomment == "machine translation (libre), please review"
    sent = [r["q"] for r in behaviour.received]
    assert "Read the ⟦0⟧configuration guide⟦1⟧ before you run ⟦2⟧." in sent
    assert "See ⟦0⟧Ctrl⟦1⟧ and footnote⟦2⟧." in sent
    assert not any("example.org" in q or "make install" in q or "kbd" in q for q in sent)
    assert {r["source"] for r in behaviour.received} == {"en"} and {r["target"] for r in behaviour.received} == {"fr"}
    assert "filled: fr 5" in result.output
    msgfmt_check(*all_catalogs(project))
    _no_canary(project, result.output)


def test_identical_texts_are_sent_once_and_a_second_run_sends_nothing(project: Path) -> None:
    behaviour = Behaviour()
    shared = "This sentence appears in two articles."
    files = {"content/a.md": f"{shared}\n\nOnly in a.\n", "content/b.md": f"{shared}\n\nOnly in b.\n"}
    with libre_server(behaviour) as url:
        _setup(project, url, files)
        first = run(project, "pretranslate")
        texts = [r["q"] for r in behaviour.received]
        assert sorted(texts) == sorted([shared, "Only in a.", "Only in b."])
        unique_chars = sum(len(protect(t).text) for t in {shared, "Only in a.", "Only in b."})
        assert f"libre {unique_chars} chars in 3 requests" in first.output
        # Throw the drafts away (as if the PO files were lost) and run again: all from the cache.
        for po in (project / "locales/fr").glob("*.po"):
            po.unlink()
        assert run(project, "extract", "-q").exit_code == 0
        second = run(project, "pretranslate")
    assert len(behaviour.received) == 3
    assert "sent: nothing; cache hits 3" in second.output
    assert _po(project, "b").find(shared).msgstr == fake_translation(shared, "fr")


def test_429_is_retried(project: Path) -> None:
    behaviour = Behaviour(fail_first=2, fail_status=429)
    with libre_server(behaviour) as url:
        _setup(project, url, {"content/a.md": "One sentence to translate.\n"})
        result = run(project, "pretranslate")
    assert result.exit_code == 0, result.output
    assert len(behaviour.received) == 3
    assert _po(project)[0].msgstr == "[fr] One sentence to translate."


def test_500_gives_one_error_and_valid_untouched_files(project: Path) -> None:
    behaviour = Behaviour(always_status=500)
    with libre_server(behaviour) as url:
        _setup(project, url, jobs=1)
        before = (project / "locales/fr/a.po").read_bytes()
        result = run(project, "pretranslate")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("error:")] == [
        "error: libre: server error (HTTP 500)"
    ]
    assert (project / "locales/fr/a.po").read_bytes() == before
    assert len(behaviour.received) == 3  # first batch: 1 try + 2 retries, then the engine is given up
    msgfmt_check(*all_catalogs(project))
    _no_canary(project, result.output)


def test_a_server_that_never_answers_times_out(project: Path) -> None:
    behaviour = Behaviour(hang=True)
    with libre_server(behaviour) as url:
        _setup(project, url, {"content/a.md": "Hello there.\n"}, retries=0)
        result = run(project, "pretranslate")
    assert result.exit_code == 1
    assert "error: libre: timed out after 0.5 s" in result.output
    assert _po(project)[0].msgstr == ""


def test_dropped_placeholders_discard_the_draft(project: Path) -> None:
    behaviour = Behaviour(drop_placeholders=True)
    with libre_server(behaviour) as url:
        _setup(project, url)
        result = run(project, "pretranslate")
    assert result.exit_code == 0
    po = _po(project)
    assert po.find("A plain sentence without any markup.").msgstr.startswith("[fr] ")
    assert (
        po.find("Read the [configuration guide](https://example.org/config) before you run `make install`.").msgstr
        == ""
    )
    assert "discarded draft: libre: placeholders missing ⟦0⟧: 'Read the [configuration guide]" in result.output
    msgfmt_check(*all_catalogs(project))


def test_a_discarded_draft_is_said_once_and_not_asked_again(project: Path) -> None:
    behaviour = Behaviour(drop_placeholders=True)
    with libre_server(behaviour) as url:
        _setup(project, url)
        first = run(project, "pretranslate")
        asked = len(behaviour.received)
        second = run(project, "pretranslate")
    discarded = first.output.count("discarded draft:")
    assert discarded >= 1 and f"discarded {discarded};" in first.output
    assert "discarded draft:" not in second.output
    assert f"discarded 0 (and {discarded} discarded on earlier runs)" in second.output
    assert len(behaviour.received) == asked  # nothing sent the second time


def test_no_network_is_one_line_per_engine(project: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    _setup(project, f"http://127.0.0.1:{port}/", retries=1)
    before = (project / "locales/fr/a.po").read_bytes()
    result = run(project, "pretranslate")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("error:")] == [
        "error: libre: network unreachable"
    ]
    assert (project / "locales/fr/a.po").read_bytes() == before
    _no_canary(project, result.output)


def test_unsupported_pair_is_said_before_any_request(project: Path) -> None:
    behaviour = Behaviour()
    with libre_server(behaviour) as url:
        write_tree(
            project, {"translate-flow.toml": _config(url).replace('["fr"]', '["cy"]'), "content/a.md": "Hello.\n"}
        )
        assert run(project, "extract", "-q").exit_code == 0
        result = run(project, "pretranslate")
    assert "libre: does not support cy" in result.output
    assert behaviour.received == []


def test_secrets_are_refused_in_the_config(project: Path) -> None:
    write_tree(
        project,
        {"translate-flow.toml": _config("http://127.0.0.1:9/", libre='api_key = "oops"\n'), "content/a.md": "Hi.\n"},
    )
    result = run(project, "pretranslate")
    assert result.exit_code == 2
    assert "engines.libre.api_key: secrets are never read from the config; set api_key_env" in result.output


def test_long_segments_are_split_at_sentences(project: Path) -> None:
    behaviour = Behaviour()
    text = "The first sentence is here. The second one follows it. And a third closes the paragraph."
    with libre_server(behaviour) as url:
        _setup(project, url, {"content/a.md": text + "\n"}, libre="max_chars = 40\n")
        assert run(project, "pretranslate").exit_code == 0
    pieces = ["The first sentence is here.", "The second one follows it.", "And a third closes the paragraph."]
    assert sorted(r["q"] for r in behaviour.received) == sorted(pieces)
    assert _po(project)[0].msgstr == " ".join(fake_translation(s, "fr") for s in pieces)


def test_existing_translations_are_never_touched(project: Path) -> None:
    behaviour = Behaviour()
    with libre_server(behaviour) as url:
        _setup(project, url, {"content/a.md": "One.\n\nTwo.\n\nThree.\n"})
        po = _po(project)
        po.find("One.").msgstr = "Un."
        po.find("Two.").msgstr = "Deux ?"
        po.find("Two.").flags.append("fuzzy")
        po.save(str(project / "locales/fr/a.po"))
        assert run(project, "pretranslate").exit_code == 0
    po = _po(project)
    assert [(e.msgstr, e.flags) for e in po] == [("Un.", []), ("Deux ?", ["fuzzy"]), ("[fr] Three.", ["fuzzy"])]
    assert [r["q"] for r in behaviour.received] == ["Three."]


def test_memory_engine_and_compendium(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fr"]\n[engines.memory]\nthreshold = 0.8\ncompendium = "compendium.po"\n',
            "content/a.md": "The cat sleeps on the warm sofa.\n",
            "content/b.md": "The cat sleeps on the warm sofa.\n\nThe cat sleeps on the cold sofa.\n\nFrom the compendium.\n\nNothing like it anywhere.\n",
            "compendium.po": 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "From the compendium."\nmsgstr "Du compendium."\n',
        },
    )
    assert run(project, "extract", "-q").exit_code == 0
    fill(project / "locales/fr/a.po", lambda m: "Le chat dort sur le canapé chaud.")
    result = run(project, "pretranslate", "--engine", "memory", str(project / "content/b.md"))
    assert result.exit_code == 0, result.output
    assert [(e.msgstr, e.flags) for e in _po(project, "b")] == [
        ("Le chat dort sur le canapé chaud.", ["fuzzy"]),
        ("Le chat dort sur le canapé chaud.", ["fuzzy"]),
        # extract already took the compendium's exact match, final, as msgmerge -C does.
        ("Du compendium.", []),
        ("", []),
    ]
    assert "memory hits 2" in result.output and "sent: nothing" in result.output


def test_plugin_engine_by_class_string(project: Path) -> None:
    config = 'languages = ["fr"]\n[pretranslate]\nengines = ["shout"]\n[engines.shout]\nclass = "tests.plugin_engine:ShoutEngine"\nsuffix = "?"\n'
    write_tree(project, {"translate-flow.toml": config, "content/a.md": "Quiet words with `code`.\n"})
    assert run(project, "extract", "-q").exit_code == 0
    assert run(project, "pretranslate").exit_code == 0
    assert _po(project)[0].msgstr == "QUIET WORDS WITH `code`.?"


def test_unknown_engine_is_a_usage_error(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "Hi.\n"})
    result = run(project, "pretranslate", "--engine", "babelfish")
    assert result.exit_code == 2 and "unknown engine 'babelfish'" in result.output


def _pretranslate_process(project: Path) -> subprocess.Popen[str]:
    """`pretranslate` as its own process, to be interrupted like a user would."""
    return subprocess.Popen(
        [sys.executable, "-m", "translate_flow", "-C", str(project), "pretranslate"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_ctrl_c_keeps_what_arrived(project: Path) -> None:
    behaviour = Behaviour(block_after=2)
    files = {"content/a.md": "\n\n".join(f"Sentence number {n}." for n in range(6)) + "\n"}
    with libre_server(behaviour) as url:
        _setup(project, url, files, jobs=1, timeout=2)
        proc = _pretranslate_process(project)
        assert behaviour.saw_blocked.wait(timeout=60)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130, err
        assert "interrupted" in err and "Traceback" not in err
        assert sum(1 for e in _po(project) if e.msgstr) == 2
        with sqlite3.connect(project / ".translate-flow/mt-cache.sqlite3") as db:
            assert db.execute("SELECT COUNT(*) FROM drafts").fetchone()[0] == 2
        behaviour.block_after = None
        before = len(behaviour.received)
        assert run(project, "pretranslate").exit_code == 0
    assert len(behaviour.received) - before == 4  # only what was missing
    assert all(e.msgstr for e in _po(project))


def test_ctrl_c_ends_a_run_stuck_in_a_dripping_answer(project: Path) -> None:
    # The answer never ends and its deadline is far away: Ctrl-C alone must end the run.
    behaviour = Behaviour(drip=True)
    with libre_server(behaviour) as url:
        _setup(project, url, {"content/a.md": "Hello there.\n"}, timeout=30)
        proc = _pretranslate_process(project)
        assert behaviour.saw_blocked.wait(timeout=60)
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=20)  # a hang guard, not a timing
        finally:
            behaviour.release.set()
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == 130, err
        assert "interrupted" in err and "Traceback" not in err


def test_apertium_keeps_placeholders_next_to_possessives_and_dashes(project: Path) -> None:
    # Bare ⟦N⟧ placeholders came back torn apart here ("⟦Contenido⟧ de 0"); as inline elements
    # Apertium keeps them whole.
    need_apertium()
    texts = [
        "Respect the system's `prefers-color-scheme` setting for automatic mode.",
        "`content` - Page content container",
        "[@ldez](https://github.com/ldez) - Search improvements and bug fixes",
        "For more information, see [Hugo's YouTube Shortcode](https://gohugo.io/yt/).",
        'Use the {{< icon "bolt" >}} shortcode and $$x^2$$ here.',
    ]
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["es"]\n[pretranslate]\nengines = ["apertium"]\n',
            "content/a.md": "\n\n".join(texts) + "\n",
        },
    )
    assert run(project, "extract", "-q").exit_code == 0
    result = run(project, "pretranslate", "--lang", "es")
    assert "discarded 0;" in result.output, result.output
    po = read_po(project / "locales/es/a.po")
    assert all(e.msgstr for e in po)
    assert "`prefers-color-scheme`" in po.find(texts[0]).msgstr
    assert '{{< icon "bolt" >}}' in po.find(texts[4]).msgstr and "$$x^2$$" in po.find(texts[4]).msgstr


def test_apertium_translates_the_english_sample_into_spanish(tmp_path: Path) -> None:
    need_apertium()
    root = tmp_path / "site"
    (root / "content/guides").mkdir(parents=True)
    (root / "content/guides/getting-started.md").write_bytes((REPO / "content/guides/getting-started.md").read_bytes())
    (root / "translate-flow.toml").write_text('[pretranslate]\nengines = ["apertium"]\n')
    assert run(root, "extract", "-q").exit_code == 0
    first = run(root, "pretranslate", "--lang", "es")
    assert first.exit_code == 0, first.output
    assert "apertium" in first.output and "in 1 requests" in first.output
    po = read_po(root / "locales/es/guides/getting-started.po")
    assert all(e.msgstr and "fuzzy" in e.flags for e in po)
    link = po.find(
        "Read the [configuration reference](https://example.org/docs/config) for every setting, or see the notes on front matter[^fm]."
    )
    assert "](https://example.org/docs/config)" in link.msgstr and link.msgstr.endswith("[^fm].")
    assert (
        "`translate-flow extract`" in po.find("Run `translate-flow extract` to write one PO file per language.").msgstr
    )
    assert po.find("Getting started").msgstr == "Empezando"
    msgfmt_check(*all_catalogs(root))
    # Second run: everything is filled, nothing is sent. Lost PO files come back from the cache.
    assert "sent: nothing" in run(root, "pretranslate", "--lang", "es").output
    (root / "locales/es/guides/getting-started.po").unlink()
    assert run(root, "extract", "-q").exit_code == 0
    third = run(root, "pretranslate", "--lang", "es")
    assert "sent: nothing" in third.output and f"cache hits {len(po)}" in third.output
    assert run(root, "merge", "--include-fuzzy", "-q").exit_code == 0
    spanish = (root / "content/guides/getting-started.es.md").read_text()
    assert "# Empezando\n" in spanish and '```toml\n# translate-flow.toml\nlanguages = ["zh-CN"]\n```' in spanish


def test_sync_runs_the_whole_flow(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fr"]\n[pretranslate]\nengines = ["shout"]\n[engines.shout]\nclass = "tests.plugin_engine:ShoutEngine"\n',
            "content/a.md": "Hello world.\n",
        },
    )
    result = run(project, "sync", "--include-fuzzy")
    assert result.exit_code == 0, result.output
    assert (project / "content/a.fr.md").read_text() == "HELLO WORLD.!\n"


@pytest.mark.parametrize("after", [1, 3, 5])
def test_sigkill_during_pretranslate_loses_only_requests_in_flight(project: Path, after: int) -> None:
    behaviour = Behaviour(block_after=after)
    files = {"content/a.md": "\n\n".join(f"Sentence number {n}." for n in range(8)) + "\n"}
    with libre_server(behaviour) as url:
        _setup(project, url, files, jobs=1, timeout=5)
        before = (project / "locales/fr/a.po").read_bytes()
        proc = subprocess.Popen(
            [sys.executable, "-m", "translate_flow", "-C", str(project), "pretranslate"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert behaviour.saw_blocked.wait(timeout=60)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # The PO file is its old self (drafts are written at the end or on Ctrl-C)...
        assert (project / "locales/fr/a.po").read_bytes() == before
        # ...and every answer that arrived is in the cache.
        with sqlite3.connect(project / ".translate-flow/mt-cache.sqlite3") as db:
            assert db.execute("SELECT COUNT(*) FROM drafts").fetchone()[0] == after
        behaviour.block_after = None
        sent_before = len(behaviour.received)
        assert run(project, "pretranslate").exit_code == 0
    assert len(behaviour.received) - sent_before == 8 - after
    assert all(e.msgstr for e in _po(project))
    msgfmt_check(*all_catalogs(project))


def test_garbage_from_an_engine_never_reaches_a_po_file(project: Path) -> None:
    behaviour = Behaviour(garbage=True)
    with libre_server(behaviour) as url:
        _setup(project, url, {"content/a.md": "Hello there.\n"}, retries=0)
        before = (project / "locales/fr/a.po").read_bytes()
        result = run(project, "--verbose", "pretranslate")
    assert result.exit_code == 1
    assert "error: libre: unexpected response (JSONDecodeError)" in result.output
    assert (project / "locales/fr/a.po").read_bytes() == before
    _no_canary(project, result.output)
    assert f"api_key_env={KEY_ENV}" in result.output  # verbose names the variable, never its value


@pytest.mark.parametrize(
    ("engine", "code", "expected"),
    [
        ("google", "zh-CN", "zh-CN"),
        ("libre", "zh-CN", "zh"),
        ("mymemory", "zh-CN", "zh-CN"),
        ("google", "pt-BR", "pt"),
        ("libre", "fr", "fr"),
        ("mymemory", "en", "en-US"),
        ("mymemory", "fr", "fr-FR"),
    ],
)
def test_language_codes_are_mapped_per_engine(engine: str, code: str, expected: str) -> None:
    from translate_flow.mt.engines import EngineContext
    from translate_flow.mt.engines.online import OnlineEngine

    settings = {} if engine in ("google", "mymemory") else {"api_key_env": KEY_ENV}
    online = OnlineEngine(engine, settings, EngineContext(Path("."), Path("locales"), 1.0))
    assert online.codes("de", code)[1] == expected


def test_rate_limit_spaces_requests() -> None:
    from translate_flow.mt.rate_limit import RateLimiter

    limiter = RateLimiter(20.0)
    started = time.monotonic()
    for _ in range(5):
        limiter.wait()
    assert time.monotonic() - started >= 4 / 20 - 0.01  # a lower bound: a slow machine only adds time


def test_requests_run_concurrently_with_jobs(project: Path) -> None:
    import threading

    # Each request waits for a second one to arrive: only concurrent requests can finish.
    behaviour = Behaviour(rendezvous=threading.Barrier(2))
    with libre_server(behaviour) as url:
        _setup(project, url, {"content/a.md": "First one.\n\nSecond one.\n"}, jobs=2, retries=0, timeout=30)
        result = run(project, "pretranslate")
    assert result.exit_code == 0, result.output
    assert [e.msgstr for e in _po(project)] == ["[fr] First one.", "[fr] Second one."]


def test_progress_bar_on_a_terminal_only(project: Path) -> None:
    import pty

    config = 'languages = ["fr"]\n[pretranslate]\nengines = ["shout"]\n[engines.shout]\nclass = "tests.plugin_engine:ShoutEngine"\n'
    write_tree(project, {"translate-flow.toml": config, "content/a.md": "One.\n\nTwo.\n\nThree.\n"})
    assert run(project, "extract", "-q").exit_code == 0
    command = [sys.executable, "-m", "translate_flow", "-C", str(project), "pretranslate"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    leader, follower = pty.openpty()
    proc = subprocess.Popen(command, stdout=follower, stderr=follower, stdin=subprocess.DEVNULL, env=env)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert proc.wait() == 0
    assert b"translating" in seen and b"100%" in seen
    # Not a terminal: no bar.
    (project / "locales/fr/a.po").unlink()
    assert run(project, "extract", "-q").exit_code == 0
    piped = subprocess.run(command, capture_output=True, env=env, check=False)
    assert piped.returncode == 0 and b"translating" not in piped.stderr


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        (123, "the answer is int, not text"),
        (["a", "b"], "the answer is list, not text"),
        ({"x": 1}, "the answer is dict, not text"),
        ("x" * 5_000, "the answer is 5000 characters"),
        ("bad\x00draft", "the answer holds control characters: U+0000"),
        ("bad\ud800", "the answer holds a lone surrogate"),
    ],
)
def test_mt_answers_are_validated_and_never_cached(project: Path, answer: object, problem: str) -> None:
    with libre_server(Behaviour(answer=answer)) as url:
        _setup(project, url, {"content/a.md": "Hello there.\n"})
        first = run(project, "pretranslate")
        second = run(project, "pretranslate")
    assert first.exit_code == 0 and "Traceback" not in first.output
    assert f"discarded draft: libre: {problem}" in first.output
    assert _po(project)[0].msgstr == ""
    # Nothing was cached: the second run asks again (and discards again).
    assert "cache hits 0" in second.output and "discarded draft:" in second.output


def test_a_server_that_drips_is_stopped_at_the_request_deadline_and_retried(project: Path) -> None:
    # Each read of a dripping answer is quick, so only a deadline on the whole request stops it;
    # it counts as a timeout, which is worth a retry.
    behaviour = Behaviour(drip=True)
    with libre_server(behaviour) as url:
        _setup(project, url, {"content/a.md": "Hello there.\n"}, retries=1)
        result = run(project, "pretranslate")
        behaviour.release.set()
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("error:")] == [
        "error: libre: timed out after 0.5 s"
    ]
    assert len(behaviour.received) == 2
    assert _po(project)[0].msgstr == ""


def test_an_engine_that_never_returns_is_stopped_by_the_batch_deadline(project: Path) -> None:
    # An engine that ignores its timeout is still bounded: the batch's overall deadline.
    config = (
        'languages = ["fr"]\n[pretranslate]\nengines = ["stuck"]\ntimeout = 0.2\nretries = 0\n'
        '[engines.stuck]\nclass = "tests.plugin_engine:StuckEngine"\n'
    )
    write_tree(project, {"translate-flow.toml": config, "content/a.md": "Hello there.\n"})
    assert run(project, "extract", "-q").exit_code == 0
    try:
        result = run(project, "pretranslate")
    finally:
        STUCK_RELEASE.set()
    assert result.exit_code == 1
    assert "error: stuck: no complete answer within 0.4 s" in result.output
    assert _po(project)[0].msgstr == ""


def test_online_engines_patch_nothing_in_requests_or_deep_translator(project: Path) -> None:
    # Every module-level name and class attribute of requests, urllib3 and deep-translator,
    # before and after a run that retried, timed out and succeeded: the very same objects.
    before = _library_globals()
    timeout_before = socket.getdefaulttimeout()
    for behaviour in (Behaviour(fail_first=1), Behaviour(hang=True)):
        with libre_server(behaviour) as url:
            _setup(project, url, {"content/a.md": "Hello there.\n"}, retries=1)
            run(project, "pretranslate")
        (project / "locales/fr/a.po").unlink()
    after = _library_globals()
    assert requests.sessions.Session.request is before["requests.sessions", "Session", "request"]
    changed = sorted(
        f"{m}.{n}{'.' + a if a else ''}" for (m, n, a), v in before.items() if after.get((m, n, a)) is not v
    )
    assert changed == []
    assert socket.getdefaulttimeout() == timeout_before


def _library_globals() -> dict[tuple[str, str, str], object]:
    found: dict[tuple[str, str, str], object] = {}
    for module_name, module in list(sys.modules.items()):
        if module is None or module_name.split(".")[0] not in ("requests", "urllib3", "deep_translator"):
            continue
        for name, value in list(vars(module).items()):
            found[module_name, name, ""] = value
            if isinstance(value, type) and value.__module__ == module_name:
                for attribute, member in vars(value).items():
                    found[module_name, name, attribute] = member
    return found
