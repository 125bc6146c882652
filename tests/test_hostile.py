"""Limits, paths and faults: bounded work, nothing outside the project, nothing lost."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import all_catalogs, msgfmt_check, project_tree, read_po, run, write_tree
from translate_flow.catalog.io import read_catalog

CONFIG = 'languages = ["fr"]\n'


# -- limits ----------------------------------------------------------------------------


def test_a_huge_article_is_refused_naming_the_limit(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": CONFIG, "content/ok.md": "Fine.\n"})
    with (project / "content/huge.md").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB (sparse), over the default 10 MiB
    result = run(project, "extract")
    assert result.exit_code == 1
    assert "error: content/huge.md: 52428800 bytes is over the limit of 10485760 (max_article_bytes)" in result.output
    assert (project / "locales/fr/ok.po").is_file()


def test_big_inputs_within_the_limits_work(project: Path) -> None:
    long_line = "word " * 200_000  # a 1 MB line
    many = "\n\n".join(f"Paragraph number {n} of many." for n in range(5000))
    quotes = "> " * 500 + "deep quote\n"
    lists = "".join("  " * depth + "- level\n" for depth in range(300))
    write_tree(
        project,
        {
            "translate-flow.toml": CONFIG,
            "content/long.md": long_line + "\n",
            "content/many.md": many + "\n",
            "content/nested.md": quotes + "\n" + lists,
        },
    )
    result = run(project, "extract")
    assert result.exit_code == 0, result.output
    assert len(read_po(project / "locales/fr/many.po")) == 5000
    assert read_po(project / "locales/fr/long.po")[0].msgid == long_line.strip()
    msgfmt_check(*all_catalogs(project))
    assert run(project, "merge").exit_code == 0


def test_yaml_alias_bomb_and_deep_nesting(project: Path) -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, 12):
        bomb += f"l{level}: &l{level} [" + ", ".join([f"*{'a' if level == 1 else 'l' + str(level - 1)}"] * 9) + "]\n"
    bomb += "title: Still fine\n---\n\nBody.\n"
    deep_yaml = "---\ntitle: " + "[" * 20000 + "]" * 20000 + "\n---\n\nBody.\n"
    deep_json = '{"title": ' + "[" * 20000 + "]" * 20000 + "}\n\nBody.\n"
    write_tree(
        project,
        {
            "translate-flow.toml": CONFIG,
            "content/bomb.md": bomb,
            "content/deep.md": deep_yaml,
            "content/deepj.md": deep_json,
        },
    )
    result = run(project, "extract")
    assert result.exit_code == 1 and result.exception is not None and isinstance(result.exception, SystemExit)
    assert [e.msgid for e in read_po(project / "locales/fr/bomb.po")] == ["Still fine", "Body."]
    # Too deep is refused for that file alone, by our own limit, whatever the parser would do.
    assert "error: content/deep.md:2: front matter is nested deeper than 100 levels" in result.output
    assert "error: content/deepj.md:1: front matter is nested deeper than 100 levels" in result.output
    assert not (project / "locales/fr/deep.po").exists() and not (project / "locales/fr/deepj.po").exists()


# -- paths -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('content_dir = "/etc"\n', "'content_dir' must be a relative path inside the project"),
        ('locales_dir = "../elsewhere"\n', "'locales_dir' must be a relative path inside the project"),
        ('[language_keys]\nfr = "../../etc"\n', "is not a usable language key"),
        (
            'layout = "directory"\n[content_dirs]\nfr = "../x"\n',
            "'content_dirs.fr' must be a relative path inside the project",
        ),
        (
            '[pretranslate]\ncache = "/tmp/cache.sqlite"\n',
            "'pretranslate.cache' must be a relative path inside the project",
        ),
    ],
)
def test_config_cannot_point_outside(project: Path, toml: str, message: str) -> None:
    write_tree(project, {"translate-flow.toml": CONFIG + toml, "content/a.md": "Hi.\n"})
    result = run(project, "extract")
    assert result.exit_code == 2 and message in result.output


def test_hugo_content_dir_outside_is_refused(project: Path) -> None:
    write_tree(project, {"hugo.toml": '[languages.en]\ncontentDir = "../../elsewhere"\n', "content/a.md": "Hi.\n"})
    result = run(project, "extract")
    assert result.exit_code == 2 and "languages.en.contentDir must be inside the project" in result.output


def test_symlinked_folders_out_of_the_project_are_refused(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "sub" / "secret.md").write_text("Secret.\n")
    write_tree(project, {"translate-flow.toml": CONFIG, "content/a.md": "Hi.\n"})
    os.symlink(outside / "sub", project / "content" / "linked")
    result = run(project, "extract")
    # A linked folder is not followed at all: nothing is read from it, nothing is written for it.
    assert result.exit_code == 0, result.output
    assert "Secret" not in "".join(p.read_text() for p in all_catalogs(project))
    assert not (project / "locales/fr/linked").exists()
    os.symlink(outside, project / "locales-out")
    (project / "translate-flow.toml").write_text(CONFIG + 'locales_dir = "locales-out"\n')
    assert run(project, "extract").exit_code == 2
    assert not list(outside.rglob("*.po"))


# -- faults ----------------------------------------------------------------------------


def _limited(size: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def test_a_full_disk_is_a_clean_error_and_nothing_is_truncated(project: Path) -> None:
    write_tree(
        project, {"translate-flow.toml": CONFIG, "content/a.md": "Short.\n", "content/b.md": "Long text. " * 400 + "\n"}
    )
    assert run(project, "extract", "-q").exit_code == 0
    before = project_tree(project)
    (project / "content/b.md").write_text("Longer text now. " * 600 + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "translate_flow", "-C", str(project), "extract", "-j", "1"],
        capture_output=True,
        text=True,
        preexec_fn=lambda: _limited(4096),
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "cannot write: File too large" in done.stderr
    after = project_tree(project)
    for rel in ("locales/fr/b.po", "locales/templates/b.pot"):
        assert after[rel] == before[rel]  # the old version, whole
    assert not list(project.rglob("*.tmp"))
    for path in all_catalogs(project):
        read_catalog(path, path.name)


def test_an_immutable_file_is_a_clean_error(project: Path) -> None:
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("chattr is not installed")
    write_tree(project, {"translate-flow.toml": CONFIG, "content/a.md": "One.\n", "content/b.md": "Two.\n"})
    assert run(project, "extract", "-q").exit_code == 0
    target = project / "locales/fr/a.po"
    if subprocess.run([chattr, "+i", str(target)], capture_output=True, check=False).returncode != 0:
        pytest.skip("this file system does not support immutable files")
    try:
        before = target.read_bytes()
        (project / "content/a.md").write_text("One, edited.\n")
        (project / "content/b.md").write_text("Two, edited.\n")
        result = run(project, "extract", "-j", "1")
        assert result.exit_code == 1
        assert "error: locales/fr/a.po: cannot write: Operation not permitted" in result.output
        assert target.read_bytes() == before
        assert "Two, edited." in (project / "locales/fr/b.po").read_text()
    finally:
        subprocess.run([chattr, "-i", str(target)], check=False)
