"""Record rustc's trees and errors for the syntax tests: `python -m tests.bless_syntax`.

For each `tests/data/syntax/NAME.rs` (edition in a `// edition: E` line at the top),
writes `NAME.rustc.json`: rustc 1.95's tree flattened as `tests/difftree.py` flattens
it (one row a line, so a re-recording diffs line by line; null when rustc prints no
tree, e.g. after an edition error) and the errors rustc reports (message, line,
column). rustc runs in a temporary folder: it writes `rustc-ice-*.txt` files into its
working directory when it crashes, and none may land in the data.

  python -m tests.bless_syntax            every file
  python -m tests.bless_syntax NAME...    those files (names without `.rs`)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tests.difftree import flatten
from tests.rustc_dump import rustc_tree

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "syntax"
_ERROR = re.compile(r"^error(?:\[E\d+\])?: (.*)\n\s*--> [^\n]*?:(\d+):(\d+)$", re.M)


def edition(path: Path) -> str:
    """`// edition: E` in the first lines (after a BOM or shebang), else 2021."""
    for line in path.read_text(encoding="utf-8-sig").splitlines()[:3]:
        if line.startswith("// edition:"):
            return line.split(":", 1)[1].strip()
    return "2021"


def recording_path(source: Path) -> Path:
    return source.with_name(source.stem + ".rustc.json")


def rustc_errors(source: Path, ed: str, workdir: str) -> list[list]:
    """`[message, line, column]` of each error rustc reports while expanding."""
    out = subprocess.run(["rustc", "--edition", ed, "--crate-type", "lib", "-Zunpretty=ast-tree,expanded",
                          "-o", os.devnull, str(source)], cwd=workdir, capture_output=True, text=True,
                         env=dict(os.environ, RUSTC_BOOTSTRAP="1"), timeout=300)
    return [[m, int(line), int(col)] for m, line, col in _ERROR.findall(out.stderr)]


def rustc_rows(source: Path, ed: str) -> list | None:
    """rustc's flattened tree, None when rustc prints none."""
    try:
        return flatten(rustc_tree(source, ed))
    except RuntimeError:
        return None


def dumps(record: dict) -> str:
    """The recording with one tree row a line."""
    rows = record["rows"]
    head = {k: v for k, v in record.items() if k != "rows"}
    text = json.dumps(head, ensure_ascii=False)[:-1]
    if rows is None:
        return text + ', "rows": null}\n'
    lines = ",\n".join(json.dumps([*r[:3], list(r[3]) if r[3] else None, r[4], dict(r[5]) if r[5] else None])
                       for r in rows)
    return text + ', "rows": [\n' + lines + "\n]}\n"


def bless_one(source: Path) -> str:
    ed = edition(source)
    with tempfile.TemporaryDirectory() as workdir:
        record = {"edition": ed, "rustc_errors": rustc_errors(source, ed, workdir),
                  "rows": rustc_rows(source, ed)}
    recording_path(source).write_text(dumps(record), encoding="utf-8")
    return f"{source.name}: {'no tree' if record['rows'] is None else len(record['rows'])} rows, " \
           f"{len(record['rustc_errors'])} errors"


def main(argv: list[str]) -> int:
    if shutil.which("rustc") is None:
        print("bless_syntax: no rustc on PATH", file=sys.stderr)
        return 2
    sources = [DATA / f"{name}.rs" for name in argv] if argv else sorted(DATA.glob("*.rs"))
    with ProcessPoolExecutor(os.cpu_count() or 2) as pool:
        for line in pool.map(bless_one, sources):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
