"""Fetch the CommonMark spec examples for the structure suite, from the package registry only.

The examples are not ours to commit, but markdown-it-py's source distribution carries them
(``tests/test_cmark_spec/commonmark.json``). This takes that sdist at the version and with
the hashes pinned in ``requirements-test.txt``, so the corpus is as reproducible as the rest,
and writes ``.cache/commonmark-spec.json``. CI runs it before the tests; without it the
suite skips and says how to get it.

    python3 tests/corpora/fetch_commonmark_spec.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TARGET = REPO / ".cache" / "commonmark-spec.json"
MEMBER = "tests/test_cmark_spec/commonmark.json"


def pinned_requirement() -> str:
    """markdown-it-py's block of requirements-test.txt: its pin and every hash."""
    lock = (REPO / "requirements-test.txt").read_text(encoding="utf-8")
    match = re.search(r"^markdown-it-py==\S+(?: \\\n\s+--hash=sha256:[0-9a-f]+)+", lock, re.MULTILINE)
    if match is None:
        raise SystemExit("requirements-test.txt pins no markdown-it-py")
    return match.group()


def main() -> int:
    if TARGET.exists():
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        requirement = Path(tmp) / "req.txt"
        requirement.write_text(pinned_requirement() + "\n", encoding="utf-8")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "-q",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--require-hashes",
                "-r",
                str(requirement),
                "-d",
                tmp,
            ],
            check=True,
        )
        (sdist,) = Path(tmp).glob("markdown_it_py-*.tar.gz")
        with tarfile.open(sdist) as archive:
            member = next(m for m in archive.getmembers() if m.name.endswith(MEMBER))
            data = archive.extractfile(member)
            assert data is not None
            TARGET.parent.mkdir(exist_ok=True)
            partial = TARGET.with_suffix(".tmp")
            partial.write_bytes(data.read())
            partial.replace(TARGET)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
