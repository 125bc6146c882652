"""The bundled sample project: its committed PO files and translations are golden files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, all_catalogs, msgfmt_check, project_tree, run


def _copy_sample(tmp_path: Path) -> Path:
    root = tmp_path / "sample"
    for name in ("content", "locales"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "translate-flow.toml", root)
    return root


def test_committed_sample_is_up_to_date(tmp_path: Path, monkeypatch: object) -> None:
    root = _copy_sample(tmp_path)
    before = project_tree(root)
    result = run(root, "sync")  # the README's main job
    assert result.exit_code == 0, result.output
    assert project_tree(root) == before, "re-run `translate-flow sync` and commit"


def test_sample_has_the_promised_shapes() -> None:
    news = (REPO / "content/news/qq-group-files.md").read_text(encoding="utf-8")
    assert news.startswith('---\ntitle: "') and 'lang:\n  - "zh-CN"\ntranslations:\n  - "zh-CN"\n' in news
    assert (REPO / "content/guides/toml-front-matter.md").read_text().startswith("+++\n")
    assert (REPO / "content/notes/json-front-matter.md").read_text().startswith("{\n")
    assert (REPO / "content/news/qq-group-files.en.md").is_file()


def test_every_committed_catalog_passes_msgfmt() -> None:
    catalogs = all_catalogs(REPO / "locales")
    assert len(catalogs) >= 8
    msgfmt_check(*catalogs)


def test_real_subprocess_run(tmp_path: Path) -> None:
    root = _copy_sample(tmp_path)
    shutil.rmtree(root / "locales")
    for output in (root / "content").rglob("*.*.md"):
        output.unlink()
    command = [sys.executable, "-m", "translate_flow", "-C", str(root)]
    done = subprocess.run([*command, "extract"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "wrote locales/en/news/qq-group-files.po" in done.stdout
    done = subprocess.run([*command, "merge"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "not written: 0% translated" in done.stderr
    msgfmt_check(*all_catalogs(root))


def test_subprocess_bad_input_has_no_traceback(tmp_path: Path) -> None:
    root = tmp_path / "bad"
    (root / "content").mkdir(parents=True)
    (root / "content/a.md").write_text("---\ntitle: [\n---\nText\n")
    (root / "content/b.md").write_text("Fine text.\n")
    (root / "translate-flow.toml").write_text('languages = ["fr"]\n')
    done = subprocess.run(
        [sys.executable, "-m", "translate_flow", "-C", str(root), "extract"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    # libyaml and pure-Python PyYAML word the problem differently; the place is the same.
    assert len(errors) == 1 and errors[0].startswith("error: content/a.md:3: invalid YAML front matter: "), errors
    assert (root / "locales/fr/b.po").is_file()
    version = subprocess.run(
        [sys.executable, "-m", "translate_flow", "--version"], capture_output=True, text=True, check=False
    )
    assert version.returncode == 0 and version.stdout.startswith("translate-flow, version ")
