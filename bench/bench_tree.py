"""Benchmark: lowering throughput, and `rust-ast tree --json` against rustc.

    python bench/bench_tree.py                    # both parts, the pinned file sets
    python bench/bench_tree.py --part lower       # in-process lowering only
    python bench/bench_tree.py --part cli --repeat 3

Part `lower` (in process, CPU time, best of --repeat): parse, lower and number each
file of `sets/largest10.txt` (2.9 MB, 223-411 KB each) and `sets/typical200.txt`
(1.4 MB, median 4 KB), then write the JSON; prints MB/s and s/MB per stage.

Part `cli` (A B A B alternating runs, medians of wall time and of CPU time, user+sys,
which the machine's load disturbs less): start-up, `rust-ast tree FILE` on a small file
outside any crate against `rustc -Zunpretty=ast-tree FILE` (--startup-repeat runs);
then `rust-ast tree FILE --json --ids --standalone --edition E` against
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
import tempfile
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


def run(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall and CPU (user+sys) seconds of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # (reaped here, for its rusage)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def compare(ours_cmd: list[str], rustc_cmd: list[str], env: dict, repeat: int) -> dict:
    """Median wall and CPU milliseconds of both commands, run alternately (load changes hit both alike)."""
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(run(ours_cmd, env))
        theirs.append(run(rustc_cmd, env))
    out = {}
    for name, runs in (("rust_ast", ours), ("rustc", theirs)):
        out[f"{name}_ms"] = round(statistics.median(r[0] for r in runs) * 1000, 1)
        out[f"{name}_cpu_ms"] = round(statistics.median(r[1] for r in runs) * 1000, 1)
    return out


SMALL_FILE = """/// A small file, outside any crate.
pub struct Point { pub x: f64, pub y: f64 }

impl Point {
    pub fn norm(&self) -> f64 { (self.x * self.x + self.y * self.y).sqrt() }
}

fn main() {
    let p = Point { x: 3.0, y: 4.0 };
    println!("{}", p.norm());
}
"""


def startup(rust_ast: str, env: dict, repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "small.rs"
        path.write_text(SMALL_FILE)
        rustc_cmd = ["rustc", "--edition", "2021", "-Zunpretty=ast-tree", "-o", os.devnull, str(path)]
        return {"file_bytes": len(SMALL_FILE), "repeat": repeat,
                **compare([rust_ast, "tree", str(path)], rustc_cmd, env, repeat)}


def cli_part(repeat: int, min_kb: int, startup_repeat: int) -> dict:
    rust_ast = shutil.which("rust-ast") or str(ROOT / ".venv" / "bin" / "rust-ast")
    env = {**os.environ, "RUSTC_BOOTSTRAP": "1"}
    rows = []
    for path in file_set("largest10"):
        if not path.is_file() or path.stat().st_size < min_kb * 1024:
            continue
        edition = str(edition_for(path))
        ours_cmd = [rust_ast, "tree", str(path), "--json", "--ids", "--standalone", "--edition", edition]
        rustc_cmd = ["rustc", "--edition", edition, "-Zunpretty=ast-tree", "--crate-type", "lib",
                     "-o", os.devnull, str(path)]
        row = compare(ours_cmd, rustc_cmd, env, repeat)
        rows.append({"file": str(path.relative_to(REGISTRY)), "kb": path.stat().st_size // 1024, **row,
                     "ratio": round(row["rust_ast_ms"] / row["rustc_ms"], 3)})
    totals = {key: round(sum(r[key] for r in rows), 1)
              for key in ("rust_ast_ms", "rustc_ms", "rust_ast_cpu_ms", "rustc_cpu_ms")}
    return {"part": "cli", "load_1min": round(os.getloadavg()[0], 2),
            "startup": startup(rust_ast, env, startup_repeat),
            "files": len(rows), "repeat": repeat, **{f"total_{k}": v for k, v in totals.items()},
            "ratio_of_totals": round(totals["rust_ast_ms"] / max(1, totals["rustc_ms"]), 3),
            "cpu_ratio_of_totals": round(totals["rust_ast_cpu_ms"] / max(1, totals["rustc_cpu_ms"]), 3),
            "per_file": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["lower", "cli", "all"], default="all")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--min-kb", type=int, default=200, help="cli: only files at least this large")
    parser.add_argument("--startup-repeat", type=int, default=20, help="cli: runs of each command on the small file")
    args = parser.parse_args()
    if args.part in ("lower", "all"):
        print(json.dumps(run_with_big_stack(lambda: lower_part(args.repeat))), flush=True)
    if args.part in ("cli", "all"):
        if shutil.which("rustc") is None:
            print(json.dumps({"part": "cli", "skipped": "no rustc on PATH"}))
        else:
            print(json.dumps(cli_part(args.repeat, args.min_kb, args.startup_repeat)))


if __name__ == "__main__":
    main()
