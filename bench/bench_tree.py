"""Benchmark: lowering throughput, and `rust-ast tree --json` against rustc.

    python bench/bench_tree.py                    # both parts, the pinned file sets
    python bench/bench_tree.py --part lower       # in-process lowering only
    python bench/bench_tree.py --part cli --repeat 3

Part `lower` (in process, CPU time, best of --repeat): parse, lower and number each
file of `sets/largest10.txt` (2.9 MB, 223-411 KB each) and `sets/typical200.txt`
(1.4 MB, median 4 KB), then write the JSON; prints MB/s and s/MB per stage.

Part `cli` (wall time, A B A B alternating runs):
`rust-ast tree FILE --json --ids --edition E` against
`RUSTC_BOOTSTRAP=1 rustc --edition E -Zunpretty=ast-tree FILE`, for the large files;
prints the per-file and total ratios. Files come from Debian's crate sources
(scripts/install_corpus.sh). Prints one JSON line per part.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ast_core import syntax  # noqa: E402
from ast_core.analysis import Analysis  # noqa: E402
from ast_core.targets import target_cfg  # noqa: E402
from ast_core.document import Document, DocumentConfig  # noqa: E402
from ast_core.lower import LowerCx, lower_top_level  # noqa: E402
from ast_core.project import edition_for, read_source  # noqa: E402
from ast_core.stack import paused_gc, run_with_big_stack  # noqa: E402

REGISTRY = Path(os.environ.get("RUST_AST_REGISTRY", "/usr/share/cargo/registry"))


def file_set(name: str) -> list[Path]:
    rels = (Path(__file__).parent / "sets" / f"{name}.txt").read_text().split()
    return [REGISTRY / rel for rel in rels]


def cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


STAGES = ("parse", "parse+lower", "document", "json")


def stage_times(src: bytes, edition: int, repeat: int) -> dict[str, float]:
    """The best CPU time of each stage on one file."""
    best = dict.fromkeys(STAGES, float("inf"))
    doc: list[Document] = []
    for _ in range(repeat):
        best["parse"] = min(best["parse"], cpu(lambda: syntax.parse(src, edition=edition)))

        def lower() -> None:
            tree = syntax.parse(src, edition=edition)
            with paused_gc():
                lower_top_level(LowerCx(src, edition), [c for c in tree.root_node.children if c.is_named])
        best["parse+lower"] = min(best["parse+lower"], cpu(lower))
        best["document"] = min(best["document"], cpu(
            lambda: doc.append(Document(src, DocumentConfig(edition, target_cfg())))))
        analysis = Analysis(doc[-1])
        analysis.krate  # noqa: B018 (materialize outside the timing)
        best["json"] = min(best["json"], cpu(analysis.tree_json))
    return best


def lower_part(repeat: int) -> dict:
    out = {}
    for name in ("largest10", "typical200"):
        files = [p for p in file_set(name) if p.is_file()]
        sources = [(read_source(p), edition_for(p)) for p in files]
        size = sum(len(s) for s, _ in sources)
        stages = dict.fromkeys(STAGES, 0.0)
        for src, edition in sources:
            for k, seconds in stage_times(src, edition, repeat).items():
                stages[k] += seconds
        mb = size / 1e6
        out[name] = {"files": len(files), "mb": round(mb, 3),
                     **{f"{k}_s_per_mb": round(v / mb, 3) for k, v in stages.items()},
                     **{f"{k}_mb_per_s": round(mb / v, 2) for k, v in stages.items()}}
    return {"part": "lower", "cpu": f"process_time, best of {repeat}", **out}


def run(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def cli_part(repeat: int, min_kb: int) -> dict:
    rust_ast = shutil.which("rust-ast") or str(ROOT / ".venv" / "bin" / "rust-ast")
    env = {**os.environ, "RUSTC_BOOTSTRAP": "1"}
    rows = []
    for path in file_set("largest10"):
        if not path.is_file() or path.stat().st_size < min_kb * 1024:
            continue
        edition = str(edition_for(path))
        ours_cmd = [rust_ast, "tree", str(path), "--json", "--ids", "--edition", edition]
        rustc_cmd = ["rustc", "--edition", edition, "-Zunpretty=ast-tree", "--crate-type", "lib",
                     "-o", os.devnull, str(path)]
        ours, theirs = [], []
        for _ in range(repeat):  # alternate, so load changes hit both alike
            ours.append(run(ours_cmd, env))
            theirs.append(run(rustc_cmd, env))
        rows.append({"file": str(path.relative_to(REGISTRY)), "kb": path.stat().st_size // 1024,
                     "rust_ast_ms": round(statistics.median(ours) * 1000),
                     "rustc_ms": round(statistics.median(theirs) * 1000),
                     "ratio": round(statistics.median(ours) / statistics.median(theirs), 3)})
    total_ours = sum(r["rust_ast_ms"] for r in rows)
    total_rustc = sum(r["rustc_ms"] for r in rows)
    return {"part": "cli", "files": len(rows), "repeat": repeat, "rust_ast_total_ms": total_ours,
            "rustc_total_ms": total_rustc, "ratio_of_totals": round(total_ours / max(1, total_rustc), 3),
            "per_file": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["lower", "cli", "all"], default="all")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--min-kb", type=int, default=200, help="cli: only files at least this large")
    args = parser.parse_args()
    if args.part in ("lower", "all"):
        print(json.dumps(run_with_big_stack(lambda: lower_part(args.repeat))), flush=True)
    if args.part in ("cli", "all"):
        if shutil.which("rustc") is None:
            print(json.dumps({"part": "cli", "skipped": "no rustc on PATH"}))
        else:
            print(json.dumps(cli_part(args.repeat, args.min_kb)))


if __name__ == "__main__":
    main()
