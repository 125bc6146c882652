"""Renderings of check findings and status tables: text, JSON, GitHub annotations, JUnit, HTML.

Each function returns a string; only the CLI prints.
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from translate_flow import __version__
from translate_flow.qa.findings import Finding
from translate_flow.steps.check import CheckReport
from translate_flow.steps.status import StatusRow

JSON_SCHEMA_VERSION = 1


def _where(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}" if finding.line else finding.path


def check_text(report: CheckReport) -> str:
    lines: list[str] = []
    current = None
    for finding in report.findings:
        if finding.path != current:
            if current is not None:
                lines.append("")
            current = finding.path
        level = "" if report.gate.fails(finding) else " (warning)"
        lines.append(f"{_where(finding)}: {finding.check}: {finding.message}{level}")
    failing = len(report.failing)
    warnings = len(report.findings) - failing
    if lines:
        lines.append("")
    lines.append(
        f"{'FAILED' if failing else 'OK'}: {failing} errors, {warnings} warnings in {len(report.checked)} files checked"
    )
    return "\n".join(lines)


def check_json(report: CheckReport) -> str:
    """The stable format described by docs/check-schema.json."""
    data: dict[str, Any] = {
        "version": JSON_SCHEMA_VERSION,
        "generator": f"translate-flow {__version__}",
        "ok": report.ok,
        "summary": {
            "errors": len(report.failing),
            "warnings": len(report.findings) - len(report.failing),
            "files_checked": len(report.checked),
        },
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "check": f.check,
                "category": f.category,
                "severity": "error" if report.gate.fails(f) else "warning",
                "language": f.language,
                "message": f.message,
            }
            for f in report.findings
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def check_github(report: CheckReport) -> str:
    """GitHub Actions workflow commands: each finding shows on the pull request."""
    lines = []
    for f in report.findings:
        level = "error" if report.gate.fails(f) else "warning"
        props = [f"file={_gh_property(f.path)}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_gh_property('translate-flow ' + f.check)}")
        lines.append(f"::{level} {','.join(props)}::{_gh_data(f.message)}")
    failing = len(report.failing)
    lines.append(f"translate-flow check: {failing} errors, {len(report.findings) - failing} warnings")
    return "\n".join(lines)


def check_junit(report: CheckReport) -> str:
    """One test case per file checked; failing findings are its failures."""
    by_path: dict[str, list[Finding]] = {path: [] for path in report.checked}
    for finding in report.findings:
        by_path.setdefault(finding.path, []).append(finding)
    failures = sum(1 for items in by_path.values() if any(report.gate.fails(f) for f in items))
    suite = ET.Element(
        "testsuite",
        name="translate-flow check",
        tests=str(len(by_path)),
        failures=str(failures),
        errors="0",
        skipped="0",
    )
    for path, items in sorted(by_path.items()):
        case = ET.SubElement(suite, "testcase", classname="translate-flow", name=path)
        for f in items:
            if report.gate.fails(f):
                failure = ET.SubElement(case, "failure", type=f.check, message=f.message)
                failure.text = f"{_where(f)}: {f.check}: {f.message}"
        notes = [f"{_where(f)}: {f.check}: {f.message}" for f in items if not report.gate.fails(f)]
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    root = ET.Element("testsuites", name="translate-flow", tests=suite.get("tests", "0"), failures=str(failures))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


# -- status ----------------------------------------------------------------------------


def _bar(percent: float, width: int = 20) -> str:
    done = round(width * percent / 100)
    return "█" * done + "░" * (width - done)


def status_text(rows: Sequence[StatusRow], by_article: bool, bars: bool) -> str:
    head = ["language", "name"] + (["article"] if by_article else ["articles"])
    head += ["entries", "translated", "fuzzy", "untranslated", "done", "words left"]
    table = [head]
    for row in rows:
        c = row.counts
        cells = [row.language, row.name, row.article or "" if by_article else str(row.articles)]
        cells += [
            str(c.total),
            str(c.translated),
            str(c.fuzzy),
            str(c.untranslated),
            f"{c.percent:.0f}%",
            str(c.words_left),
        ]
        if bars:
            cells.append(_bar(c.percent))
        table.append(cells)
    widths = [max(len(r[i]) for r in table if i < len(r)) for i in range(len(table[0]))]
    numeric = set(range(3 if by_article else 2, len(head)))
    out = []
    for r in table:
        parts = [
            cell.rjust(widths[i])
            if i in numeric and i < len(widths)
            else cell.ljust(widths[i])
            if i < len(widths)
            else cell
            for i, cell in enumerate(r)
        ]
        out.append("  ".join(parts).rstrip())
    if not rows:
        out.append("(no PO files yet; run `translate-flow extract`)")
    return "\n".join(out)


def _row_dict(row: StatusRow) -> dict[str, Any]:
    c = row.counts
    return {
        "language": row.language,
        "name": row.name,
        "article": row.article,
        "articles": row.articles,
        "entries": c.total,
        "translated": c.translated,
        "fuzzy": c.fuzzy,
        "untranslated": c.untranslated,
        "obsolete": c.obsolete,
        "percent": round(c.percent, 2),
        "words_left": c.words_left,
        "words_total": c.words_total,
    }


def status_json(languages: Sequence[StatusRow], articles: Sequence[StatusRow]) -> str:
    return json.dumps(
        {
            "version": JSON_SCHEMA_VERSION,
            "languages": [_row_dict(r) for r in languages],
            "articles": [_row_dict(r) for r in articles],
        },
        ensure_ascii=False,
        indent=2,
    )


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem;color:#1d2330;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;max-width:70rem}
th,td{padding:.35rem .6rem;border-bottom:1px solid #e3e6ec;text-align:right;white-space:nowrap}
th:first-child,td:first-child,th:nth-child(2),td:nth-child(2){text-align:left}
.bar{display:inline-block;width:8rem;height:.7rem;background:#e3e6ec;border-radius:.35rem;overflow:hidden;vertical-align:middle}
.bar span{display:block;height:100%;background:#2f8a4c}.bar .fz{background:#e0a526}
.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem;vertical-align:middle}
"""


def _html_bar(row: StatusRow) -> str:
    c = row.counts
    total = c.total or 1
    done = 100 * c.translated / total
    fuzzy = 100 * c.fuzzy / total
    return (
        f'<span class="bar" role="img" aria-label="{c.percent:.0f}% translated">'
        f'<span style="width:{done:.1f}%;float:left"></span><span class="fz" style="width:{fuzzy:.1f}%;float:left"></span></span>'
    )


def status_html(languages: Sequence[StatusRow], articles: Sequence[StatusRow], project: str) -> str:
    """A self-contained page: inline CSS, no scripts, no external files."""
    e = html.escape

    def table(rows: Sequence[StatusRow], first: str) -> str:
        head = f"<tr><th>{first}</th><th>language</th><th>entries</th><th>translated</th><th>fuzzy</th><th>untranslated</th><th>words left</th><th>done</th><th></th></tr>"
        body = "".join(
            f"<tr><td>{e(r.article or r.name)}</td><td>{e(r.language)}</td><td>{r.counts.total}</td><td>{r.counts.translated}</td>"
            f"<td>{r.counts.fuzzy}</td><td>{r.counts.untranslated}</td><td>{r.counts.words_left}</td>"
            f"<td>{r.counts.percent:.0f}%</td><td>{_html_bar(r)}</td></tr>"
            for r in rows
        )
        return f"<table>{head}{body}</table>"

    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Translation status: {e(project)}</title><style>{_CSS}</style></head><body>"
        f"<h1>Translation status: {e(project)}</h1>"
        '<p class="legend"><span style="background:#2f8a4c"></span>translated<span style="background:#e0a526"></span>fuzzy'
        '<span style="background:#e3e6ec"></span>untranslated</p>'
        f"<h2>By language</h2>{table(languages, 'language name')}"
        f"<h2>By article</h2>{table(articles, 'article')}"
        f"<p><small>translate-flow {__version__}</small></p></body></html>\n"
    )
