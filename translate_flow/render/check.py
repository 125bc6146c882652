"""Check reports as text, JSON (docs/check-schema.json), GitHub annotations and JUnit XML.

Each function returns a string; only the CLI prints.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

from translate_flow import __version__

if TYPE_CHECKING:
    from translate_flow.qa.finding import Finding
    from translate_flow.steps.check import CheckReport

__all__ = ["JSON_SCHEMA_VERSION", "check_github", "check_json", "check_junit", "check_text"]

JSON_SCHEMA_VERSION = 2
"""The ``version`` of the JSON reports (check and status); raised when a field changes meaning,
goes or becomes required. 2: findings carry the entry (msgid, msgctxt, references) and point at
its msgstr; counts leave out entries that match no source text.

docs/check-schema.json describes the check report."""

_SHOWN = 80
"""Characters of a msgid shown in text, GitHub and JUnit reports (JSON has it whole)."""


def _where(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}" if finding.line else finding.path


def _unit(finding: Finding) -> str:
    """The entry a finding is about, as a PO editor's search box wants it: msgctxt, msgid, references."""
    if finding.msgid is None:
        return ""
    msgid = finding.msgid if len(finding.msgid) <= _SHOWN else finding.msgid[: _SHOWN - 1] + "…"
    parts = [f"msgctxt {json.dumps(finding.msgctxt, ensure_ascii=False)}"] if finding.msgctxt is not None else []
    parts.append(f"msgid {json.dumps(msgid, ensure_ascii=False)}")
    if finding.references:
        parts.append("#: " + " ".join(finding.references))
    return " ".join(parts)


def _line(finding: Finding) -> str:
    unit = _unit(finding)
    return f"{_where(finding)}: {finding.check}: {finding.message}" + (f"\n    {unit}" if unit else "")


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
        if unit := _unit(finding):
            lines.append(f"    {unit}")
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
                "msgid": f.msgid,
                "msgctxt": f.msgctxt,
                "references": list(f.references),
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
        # The annotation's body may span lines: the entry goes on its own.
        body = "\n".join(part for part in (f.message, _unit(f)) if part)
        lines.append(f"::{level} {','.join(props)}::{_gh_data(body)}")
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
                failure.text = _line(f)
        notes = [_line(f) for f in items if not report.gate.fails(f)]
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    root = ET.Element("testsuites", name="translate-flow", tests=suite.get("tests", "0"), failures=str(failures))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
