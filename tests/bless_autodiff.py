"""Record rustc's output for the autodiff and pretty-printer tests: `python -m tests.bless_autodiff`.

Runs the `rustc` on PATH (1.95) with `RUSTC_BOOTSTRAP=1` and stores, beside each input:

  tests/data/autodiff/NAME.rs  -> NAME.expanded     `-Zunpretty=expanded` (absent when rustc crashed)
                               -> NAME.rustc.json   exit status and `--error-format=json` diagnostics
  tests/data/autodiff/pretty/NAME.rs -> NAME.normal `-Zunpretty=normal`
  tests/data/tree/NAME.rs      -> tests/data/autodiff/pretty/tree/NAME.normal (first line: the
                                  source's sha1, so a changed tree case shows as stale)

The tests read these files and never run rustc. A case's edition is `// edition: E` in its
first lines (default 2021), as for the tree cases (`tests.bless_rustc.case_edition`).

  python -m tests.bless_autodiff            everything
  python -m tests.bless_autodiff NAME...    only the named autodiff cases
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bless_rustc import case_edition

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "autodiff"
PRETTY = CASES / "pretty"
TREE = ROOT / "tests" / "data" / "tree"
#: Messages that are rustc's bookkeeping, not diagnostics about the code.
_NOISE = ("aborting due to", "the compiler unexpectedly panicked")


def _rustc(path: Path, mode: str, edition: str) -> subprocess.CompletedProcess[str]:
    """rustc on a copy of `path` in a temporary folder: a crashing rustc writes its
    `rustc-ice-*.txt` report into its working directory, which must not be ours."""
    env = {**os.environ, "RUSTC_BOOTSTRAP": "1", "RUST_BACKTRACE": "0"}
    with tempfile.TemporaryDirectory(prefix="bless_autodiff-") as tmp:
        shutil.copyfile(path, Path(tmp) / path.name)
        return subprocess.run(["rustc", f"--edition={edition}", f"-Zunpretty={mode}", "--error-format=json",
                               path.name], cwd=tmp, capture_output=True, text=True, env=env, timeout=300)


def _span(span: dict) -> list[int]:
    return [span["line_start"], span["column_start"], span["line_end"], span["column_end"]]


def diagnostics(stderr: str) -> list[dict]:
    """rustc's JSON diagnostics: errors and warnings with their primary span and every
    span (rustc's labelled secondary spans say which attribute an error belongs to)."""
    out = []
    for line in stderr.splitlines():
        if not line.startswith("{"):
            continue  # a panic's message and backtrace
        diag = json.loads(line)
        if diag["level"] not in ("error", "warning") or diag["message"].startswith(_NOISE):
            continue
        primary = next((s for s in diag["spans"] if s["is_primary"]), None)
        out.append({
            "level": diag["level"],
            "code": diag["code"]["code"] if diag.get("code") else None,
            "message": diag["message"],
            "span": _span(primary) if primary else None,
            "spans": [_span(s) for s in diag["spans"]],
        })
    return out


def bless_case(path: Path) -> None:
    result = _rustc(path, "expanded", case_edition(path))
    expanded = path.with_suffix(".expanded")
    if result.returncode == 101:
        expanded.unlink(missing_ok=True)
    else:
        expanded.write_text(result.stdout, encoding="utf-8")
    record = {"exit": result.returncode, "ice": result.returncode == 101,
              "diagnostics": diagnostics(result.stderr)}
    path.with_suffix(".rustc.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def bless_normal(source: Path, target: Path, with_hash: bool) -> None:
    result = _rustc(source, "normal", case_edition(source))
    if not result.stdout:  # rustc prints the tree even when later checks fail
        raise RuntimeError(f"{source}: rustc printed nothing: {result.stderr.strip()[:300]}")
    header = f"// sha1 {hashlib.sha1(source.read_bytes()).hexdigest()}\n" if with_hash else ""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(header + result.stdout, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if shutil.which("rustc") is None:
        print("bless_autodiff: no rustc on PATH", file=sys.stderr)
        return 2
    cases = [CASES / f"{name}.rs" for name in args] if args else sorted(CASES.glob("*.rs"))
    for case in cases:
        bless_case(case)
    if not args:
        for source in sorted(PRETTY.glob("*.rs")):
            bless_normal(source, source.with_suffix(".normal"), False)
        for source in sorted(TREE.glob("*.rs")):
            bless_normal(source, PRETTY / "tree" / f"{source.stem}.normal", True)
    print(f"bless_autodiff: {len(cases)} autodiff cases recorded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
