"""check's findings about translated articles: what merge would write differently, or would
leave alone as not its own, and the front-matter or shortcode values it cannot write.

From merge's own plans (``plan_merge``), so check reports exactly what merge would do.
"""

from __future__ import annotations

from collections.abc import Mapping

import polib

from translate_flow.config import Config
from translate_flow.project.discover import Source
from translate_flow.project.ownership import file_digest
from translate_flow.project.pages import Pages
from translate_flow.qa.finding import Finding
from translate_flow.qa.findings import about
from translate_flow.reports import Report
from translate_flow.steps.merge_page import NOT_OURS
from translate_flow.steps.merge_plan import SHORTCODE_UNWRITABLE, plan_merge

__all__ = ["output_findings"]


def output_findings(
    config: Config,
    source: Source,
    catalogs: dict[str, polib.POFile],
    owners: Mapping[str, str],
    report: Report,
    lines_of: Mapping[str, Mapping[int, int]],
    pages: Pages | None = None,
) -> dict[str, list[Finding]]:
    """Translated articles that merge would write differently, or would leave alone as not its own.

    ``pages``: the caller's loader, when it asks other questions of the same article."""
    found: dict[str, list[Finding]] = {}
    for plan in plan_merge(config, [source], False, report, languages=set(catalogs), catalogs=catalogs, pages=pages):
        lines = lines_of.get(plan.language, {})
        at_line = {lines.get(e.linenum, e.linenum): e for e in catalogs[plan.language] if not e.obsolete}
        for notice in plan.unfaithful:
            message = notice.message.removeprefix("not merged: ")
            name = "shortcode" if message == SHORTCODE_UNWRITABLE else "front-matter"
            entry = at_line.get(notice.line or 0)
            found.setdefault(plan.language, []).append(
                about(entry, notice.path, notice.line, name, "broken", message, plan.language)
                if entry is not None
                else Finding(notice.path, notice.line, name, "broken", message, plan.language)
            )
        if plan.data is None:
            continue
        out_rel = plan.path.relative_to(config.root).as_posix()
        if not plan.path.exists():
            message = f"{plan.percent:.0f}% translated but not merged; run `translate-flow merge`"
            found.setdefault(plan.language, []).append(
                Finding(out_rel, None, "missing-output", "output", message, plan.language)
            )
        elif (current := plan.path.read_bytes()) != plan.data:
            if owners.get(out_rel) != file_digest(current):
                message = f"merge leaves it alone: {NOT_OURS}"
            else:
                po_path = config.root / plan.po_rel
                older = plan.path.stat().st_mtime < po_path.stat().st_mtime
                why = f"older than {plan.po_rel}" if older else f"differs from what {plan.po_rel} gives"
                message = f"{why}; run `translate-flow merge`"
            found.setdefault(plan.language, []).append(
                Finding(out_rel, None, "outdated-output", "output", message, plan.language)
            )
    return found
