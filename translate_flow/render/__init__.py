"""Reports for people and tools: ``check`` renders the CI gate's findings, ``status`` the progress tables.

Each function returns a string; only the CLI prints.
"""

from translate_flow.render.check import JSON_SCHEMA_VERSION, check_github, check_json, check_junit, check_text
from translate_flow.render.status import glossary_text, status_html, status_json, status_text

__all__ = [
    "JSON_SCHEMA_VERSION",
    "check_github",
    "check_json",
    "check_junit",
    "check_text",
    "glossary_text",
    "status_html",
    "status_json",
    "status_text",
]
