"""The glossary through the CLI: check's ``glossary`` warning, status's coverage, and a broken file's one line."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import REPO, msgfmt_check, read_po, run, write_tree

ARTICLE = "---\ntitle: Pull requests in Hugo\n---\n\nOpen a pull request for each branch.\n\nRun `hugo` then merge.\n"
GLOSSARY_CSV = (
    "en,zh-CN,fr,note,case,dnt\n"
    "pull request,合并请求,demande de tirage,a GitHub change,,\n"
    "branch,分支,branche,,,\n"
    "Hugo,,,the generator,yes,yes\n"
    "merge,,fusionner,,,\n"
)
GLOSSARY_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX"><text><body>
<termEntry><langSet xml:lang="en"><tig><term>pull request</term></tig></langSet>
<langSet xml:lang="zh-CN"><tig><term>合并请求</term></tig></langSet><langSet xml:lang="fr"><tig><term>demande de tirage</term></tig></langSet></termEntry>
<termEntry><langSet xml:lang="en"><tig><term>branch</term></tig></langSet>
<langSet xml:lang="zh-CN"><tig><term>分支</term></tig></langSet><langSet xml:lang="fr"><tig><term>branche</term></tig></langSet></termEntry>
<termEntry><descrip type="case">yes</descrip><descrip type="dnt">yes</descrip>
<langSet xml:lang="en"><tig><term>Hugo</term></tig></langSet></termEntry>
<termEntry><langSet xml:lang="en"><tig><term>merge</term></tig></langSet><langSet xml:lang="fr"><tig><term>fusionner</term></tig></langSet></termEntry>
</body></text></martif>
"""
ZH = {
    "Pull requests in Hugo": "Hugo 中的拉取请求",  # lacks 合并请求
    "Open a pull request for each branch.": "为每个分支打开一个合并请求。",
    "Run `hugo` then merge.": "运行 `hugo` 然后合并。",
}
FR = {
    "Pull requests in Hugo": "Les demandes de tirage dans hugo",  # hugo in lower case: the dnt term is case-sensitive
    "Open a pull request for each branch.": "Ouvrez une demande de tirage par branche.",
    "Run `hugo` then merge.": "Lancez `hugo` puis fusionnez.",  # an inflected form of fusionner
}


def _site(project: Path, glossary_name: str, glossary: str) -> Path:
    config = f'languages = ["zh-CN", "fr"]\nglossary = "{glossary_name}"\n'
    write_tree(project, {"translate-flow.toml": config, "content/post.md": ARTICLE, glossary_name: glossary})
    assert run(project, "extract", "-q").exit_code == 0
    for language, table in (("zh-CN", ZH), ("fr", FR)):
        path = project / f"locales/{language}/post.po"
        po = read_po(path, wrapwidth=0)
        for entry in po:
            entry.msgstr = table[entry.msgid]
        po.save(str(path))
        msgfmt_check(path)
    assert run(project, "merge", "-q").exit_code == 0
    return project


def _glossary_findings(project: Path, *args: str) -> tuple[int, list[tuple[str, int, str]]]:
    result = run(project, "check", "--format", "json", *args)
    data = json.loads(result.output)
    jsonschema.validate(data, json.loads((REPO / "docs/check-schema.json").read_text()))
    findings = data["findings"]
    return result.exit_code, [(f["path"], f["line"], f["message"]) for f in findings if f["check"] == "glossary"]


def _msgstr_line(path: Path, msgid: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f'msgid "{msgid}"')
    return at + 2  # the msgstr follows the msgid


@pytest.mark.parametrize(("name", "text"), [("glossary.csv", GLOSSARY_CSV), ("terms/site.tbx", GLOSSARY_TBX)])
def test_check_warns_where_a_translation_lacks_a_term(project: Path, name: str, text: str) -> None:
    _site(project, name, text)
    code, found = _glossary_findings(project)
    zh, fr = project / "locales/zh-CN/post.po", project / "locales/fr/post.po"
    assert found == [
        (
            "locales/fr/post.po",
            _msgstr_line(fr, "Pull requests in Hugo"),
            "“Hugo” is not translated; the translation should keep “Hugo”",
        ),
        (
            "locales/zh-CN/post.po",
            _msgstr_line(zh, "Pull requests in Hugo"),
            "“pull request” should be translated as “合并请求”",
        ),
    ]
    assert code == 0  # a warning: the gate does not fail on it by default
    assert _glossary_findings(project, "--fail-on", "glossary")[0] == 1


def test_an_entry_flag_or_the_project_switches_the_check_off(project: Path) -> None:
    _site(project, "glossary.csv", GLOSSARY_CSV)
    path = project / "locales/zh-CN/post.po"
    po = read_po(path, wrapwidth=0)
    po.find("Pull requests in Hugo").flags.append("no-glossary-check")
    po.save(str(path))
    assert [f[0] for f in _glossary_findings(project)[1]] == ["locales/fr/post.po"]
    (project / "translate-flow.toml").write_text(
        'languages = ["zh-CN", "fr"]\nglossary = "glossary.csv"\n[check]\ndisable = ["glossary"]\n', encoding="utf-8"
    )
    assert _glossary_findings(project)[1] == []


def test_a_changed_glossary_is_checked_again(project: Path) -> None:
    _site(project, "glossary.csv", GLOSSARY_CSV)
    assert len(_glossary_findings(project)[1]) == 2
    (project / "glossary.csv").write_text(GLOSSARY_CSV.replace("Hugo,,,the generator,yes,yes\n", ""), encoding="utf-8")
    assert [f[0] for f in _glossary_findings(project)[1]] == ["locales/zh-CN/post.po"]


def test_status_shows_glossary_coverage(project: Path) -> None:
    _site(project, "glossary.csv", GLOSSARY_CSV)
    data = json.loads(run(project, "status", "--format", "json").output)
    assert data["glossary"] == {
        "file": "glossary.csv",
        "languages": [
            # fr: pull request ×2, Hugo, branch, merge are followed but the lower-case hugo.
            {"language": "fr", "terms": 4, "source_terms": 4, "uses": 5, "followed": 4},
            # zh-CN has no entry for merge; the title lacks 合并请求.
            {"language": "zh-CN", "terms": 3, "source_terms": 4, "uses": 4, "followed": 3},
        ],
    }
    text = run(project, "status").output
    assert (
        "glossary glossary.csv:\n  fr: 4 of 4 terms translated; 4 of 5 term uses in reviewed translations follow it\n"
        in text
    )
    # Fuzzy entries are not reviewed: they do not count.
    path = project / "locales/fr/post.po"
    po = read_po(path, wrapwidth=0)
    po.find("Pull requests in Hugo").flags.append("fuzzy")
    po.save(str(path))
    fr = json.loads(run(project, "status", "--format", "json").output)["glossary"]["languages"][0]
    assert (fr["uses"], fr["followed"]) == (3, 3)


@pytest.mark.parametrize(
    ("glossary", "error"),
    [
        ("en,fr\nbranch,branche,extra\n", "Error: glossary.csv:2: 3 cells for 2 columns"),
        ("en,fr,case\nbranch,branche,often\n", "Error: glossary.csv:2: case: 'often' is neither yes nor no"),
    ],
)
def test_a_broken_glossary_is_one_line_and_exit_2(project: Path, glossary: str, error: str) -> None:
    _site(project, "glossary.csv", GLOSSARY_CSV)
    (project / "glossary.csv").write_text(glossary, encoding="utf-8")
    for command in ("check", "status"):
        result = run(project, command)
        assert result.exit_code == 2
        assert result.output.strip().splitlines()[-1] == error


def test_the_setting_names_a_file_inside_the_project(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'glossary = "missing.csv"\n', "content/post.md": ARTICLE})
    result = run(project, "check")
    assert result.exit_code == 2 and "'glossary': missing.csv does not exist" in result.output
    (project / "translate-flow.toml").write_text('glossary = "../outside.csv"\n', encoding="utf-8")
    assert "'glossary' must be a relative path inside the project" in run(project, "check").output


FA_ARTICLE = "---\ntitle: Themes\n---\n\nCombine them here.\n\nUse a shortcode in the theme.\n"
FA_GLOSSARY = "en,fa\ntheme,تم\nshortcode,شورت\u200cکد\n"
FA = {
    "Themes": "تم‌ها",
    "Combine them here.": "آن‌ها را اینجا ترکیب کنید.",
    "Use a shortcode in the theme.": "یک کد در تم.",
}


def _fa_site(project: Path) -> Path:
    config = 'languages = ["fa"]\nglossary = "glossary.csv"\n'
    write_tree(project, {"translate-flow.toml": config, "content/post.md": FA_ARTICLE, "glossary.csv": FA_GLOSSARY})
    assert run(project, "extract", "-q").exit_code == 0
    path = project / "locales/fa/post.po"
    po = read_po(path, wrapwidth=0)
    for entry in po:
        entry.msgstr = FA[entry.msgid]
    po.save(str(path))
    msgfmt_check(path)
    return path


def test_a_shorter_word_is_not_the_term_and_terms_print_as_written(project: Path) -> None:
    """ "them" is not "theme"; a term with a zero-width non-joiner is printed as it is written,
    and the text report names the check once."""
    path = _fa_site(project)
    line = _msgstr_line(path, "Use a shortcode in the theme.")
    message = "“shortcode” should be translated as “شورت\u200cکد”"
    assert _glossary_findings(project)[1] == [("locales/fa/post.po", line, message)]
    text = run(project, "check").output
    assert f"locales/fa/post.po:{line}: glossary: {message} (warning)\n" in text
    assert "glossary: glossary:" not in text and "\\u200c" not in text
    github = run(project, "check", "--format", "github").output
    assert f"::warning file=locales/fa/post.po,line={line},title=translate-flow glossary::{message}%0A" in github


JA_CSV = "en,ja,de\ntheme,テーマ,Thema\n"
JA_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX"><text><body>
<termEntry><langSet xml:lang="en"><tig><term>theme</term></tig></langSet>
<langSet xml:lang="ja"><tig><term>テーマ</term></tig></langSet>
<langSet xml:lang="de"><tig><term>Thema</term></tig></langSet></termEntry>
</body></text></martif>
"""


@pytest.mark.parametrize(("name", "text", "kind"), [("glossary.csv", JA_CSV, "column"), ("g.tbx", JA_TBX, "language")])
def test_a_language_column_serves_the_project_language_it_means(project: Path, name: str, text: str, kind: str) -> None:
    """A ``ja`` column serves a project whose language is ``ja-JP`` (as Hugo sites name them);
    a column no project language uses is one warning, from check and from status."""
    config = f'languages = ["ja-JP"]\nglossary = "{name}"\n'
    write_tree(project, {"translate-flow.toml": config, "content/post.md": "# Themes\n\nPick a theme.\n", name: text})
    assert run(project, "extract", "-q").exit_code == 0
    path = project / "locales/ja-JP/post.po"
    po = read_po(path, wrapwidth=0)
    po.find("Themes").msgstr = "テーマ一覧"
    po.find("Pick a theme.").msgstr = "外観を選びます。"
    po.save(str(path))
    data = json.loads(run(project, "check", "--format", "json").output)
    found = [(f["path"], f["check"], f["severity"], f["message"]) for f in data["findings"] if "glossary" in f["check"]]
    unused = f"{kind} de is no language of the project (en, ja-JP): its terms are not used"
    assert found == [
        (name, "glossary-language", "warning", unused),
        ("locales/ja-JP/post.po", "glossary", "warning", "“theme” should be translated as “テーマ”"),
    ]
    status = run(project, "status")
    assert status.exit_code == 0
    assert status.output.count(unused) == 1 and f"{name}: {unused}\n" in status.output
    assert "ja-JP: 1 of 1 terms translated; 1 of 2 term uses in reviewed translations follow it" in status.output
