"""Bad input: one line `path:line: what`, the right exit status, other files still done, nothing half-written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import all_catalogs, msgfmt_check, run, write_tree

GOOD = "---\ntitle: Fine\n---\n\nA good article.\n"
CONFIG = 'languages = ["fr"]\n'


def _errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error: ")]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "yaml.md",
            "---\ntitle: Fine\nsummary: [unclosed\n---\n\nText.\n",
            "content/yaml.md:4: invalid YAML front matter",
        ),
        ("list.md", "---\n- a\n- b\n---\n\nText.\n", "content/list.md:2: front matter is not a mapping"),
        ("toml.md", '+++\ntitle = "x"\nsummary = \n+++\n\nText.\n', "content/toml.md:3: invalid TOML front matter"),
        ("json.md", '{\n  "title": "x",\n  "summary": \n}\n\nText.\n', "content/json.md:4: invalid JSON front matter"),
        (
            "open.md",
            "---\ntitle: never closed\n\nText.\n",
            "content/open.md:1: front matter opened with '---' is never closed",
        ),
        ("bytes.md", b"---\ntitle: x\n---\n\nok\n\xff\xfe bad\n", "content/bytes.md:6: not valid UTF-8"),
        (
            "lang.md",
            "---\nlang: xx-nope\n---\n\nText.\n",
            "content/lang.md:2: front matter 'lang': unknown language code",
        ),
        (
            "tr.md",
            "---\ntranslations:\n  - fr\n  - zz-zz\n---\n\nText.\n",
            "content/tr.md:4: front matter 'translations'",
        ),
    ],
)
def test_bad_article_is_one_line_error_and_others_still_processed(
    project: Path, name: str, data: str | bytes, expected: str
) -> None:
    write_tree(project, {"translate-flow.toml": CONFIG, "content/good.md": GOOD, f"content/{name}": data})
    result = run(project, "extract")
    assert result.exit_code == 1
    errors = _errors(result.output)
    assert len(errors) == 1 and errors[0].startswith(f"error: {expected}"), result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert (project / "locales/fr/good.po").is_file()
    assert not (project / f"locales/fr/{name[:-3]}.po").exists()
    msgfmt_check(*all_catalogs(project))


def test_python_tags_in_yaml_are_refused_never_run(project: Path, tmp_path: Path) -> None:
    canary = tmp_path / "pwned"
    evil = f'---\ntitle: !!python/object/apply:os.system ["touch {canary}"]\n---\n\nText.\n'
    write_tree(project, {"translate-flow.toml": CONFIG, "content/evil.md": evil, "content/good.md": GOOD})
    result = run(project, "extract")
    assert result.exit_code == 1
    assert "content/evil.md:2: invalid YAML front matter: could not determine a constructor" in result.output
    assert not canary.exists()


def test_unreadable_article(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": CONFIG, "content/good.md": GOOD})
    os.symlink(project / "content/missing-target.md", project / "content/dangling.md")
    result = run(project, "extract")
    assert result.exit_code == 1
    assert "error: content/dangling.md: cannot read: No such file or directory" in result.output
    assert (project / "locales/fr/good.po").is_file()


def test_symlink_out_of_the_project_is_refused(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text("Secret text.\n")
    write_tree(project, {"translate-flow.toml": CONFIG, "content/good.md": GOOD})
    os.symlink(outside, project / "content/link.md")
    result = run(project, "extract")
    assert result.exit_code == 1
    assert "content/link.md: is a symbolic link to a file outside the project" in result.output
    assert "Secret" not in (project / "locales/templates/good.pot").read_text()


BROKEN_PO = {
    "unterminated": ('msgid "Hello"\nmsgstr "Bonjour\n', "malformed or unterminated string"),
    "stray": ('msgid "Hello"\nmsgstr "Bonjour"\nwhat is this\n', "not a comment, keyword or string"),
    "order": ('msgstr "Bonjour"\nmsgid "Hello"\n', "'msgstr' is out of place"),
    "duplicate": ('msgid "Hello"\nmsgstr "a"\n\nmsgid "Hello"\nmsgstr "b"\n', "duplicate message definition"),
}


@pytest.mark.parametrize("kind", sorted(BROKEN_PO))
def test_broken_po_is_refused_and_left_exactly_as_it_was(project: Path, kind: str) -> None:
    body, message = BROKEN_PO[kind]
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    write_tree(
        project,
        {
            "translate-flow.toml": CONFIG,
            "content/a.md": "Hello\n",
            "content/b.md": "Other text.\n",
            "locales/fr/a.po": header + body,
        },
    )
    po = project / "locales/fr/a.po"
    os.utime(po, (1_000_000_000, 1_000_000_000))
    before = po.read_bytes()
    result = run(project, "extract")
    assert result.exit_code == 1
    errors = _errors(result.output)
    assert len(errors) == 1 and errors[0].startswith("error: locales/fr/a.po:"), result.output
    assert message in errors[0]
    line = int(errors[0].split(":")[2])
    assert 1 <= line <= (header + body).count("\n") + 1
    assert po.read_bytes() == before and po.stat().st_mtime == 1_000_000_000
    assert (project / "locales/fr/b.po").is_file()
    merged = run(project, "merge")
    assert merged.exit_code == 1 and "locales/fr/a.po:" in merged.output


def test_two_sources_writing_one_output_is_an_error(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["en"]\nsource_language = "zh-CN"\n',
            "content/post.md": "---\nlang: zh-CN\n---\n\n你好。\n",
            "content/post.fr.md": "---\nlang: fr\n---\n\nBonjour.\n",
        },
    )
    result = run(project, "extract")
    assert result.exit_code == 1
    assert "content/post.fr.md: would write content/post.en.md, which content/post.md writes too" in result.output
    assert (project / "locales/en/post.po").is_file()
