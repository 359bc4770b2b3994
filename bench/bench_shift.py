"""Benchmark: moving cached per-unit results after an edit (`ast_core.shift`).

    python bench/bench_shift.py                  # tokio's runtime, autodiff cases
    python bench/bench_shift.py --repeat 50

An edit moves every unit after it; the document then moves their cached results
(check-cfg scans, autodiff expansions) instead of recomputing them. This prints one
JSON line per kind of result: how many there are and the best time of --repeat to
move all of them by one byte, per result. Files come from Debian's crate sources
(scripts/install_corpus.sh) and tests/data/autodiff.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ast_core.targets import target_cfg  # noqa: E402
from ast_core.document import Document, DocumentConfig  # noqa: E402
from ast_core.passes.autodiff import autodiff_expansions  # noqa: E402
from ast_core.cfg.report import document_scans  # noqa: E402
from ast_core.cfg.session import SessionSpec, build_session  # noqa: E402
from ast_core.shift import shifted  # noqa: E402

TOKIO_RUNTIME = Path("/usr/share/cargo/registry/tokio-1.24.2/src/runtime")
AUTODIFF_CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "autodiff"


def best_per_item(values: list, repeat: int, move) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for value in values:
            move(value, 1)
        best = min(best, time.perf_counter() - start)
    return best / max(1, len(values))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    session = build_session(SessionSpec())
    scans = []
    for path in sorted(TOKIO_RUNTIME.rglob("*.rs")):
        doc = Document(path.read_bytes(), DocumentConfig(2021, target_cfg(), path))
        scans += document_scans(doc, session)
    expansions = []
    for path in sorted(AUTODIFF_CASES.glob("*.rs")):
        expansions += autodiff_expansions(Document(path.read_bytes(), DocumentConfig(2021, target_cfg(), path)))
    for name, values, move in (("check-cfg scans", scans, lambda scan, db: scan.shifted(db)),
                               ("autodiff expansions", expansions, shifted)):
        print(json.dumps({"results": name, "count": len(values),
                          "us_per_result": round(best_per_item(values, args.repeat, move) * 1e6, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
