"""Benchmark: `rust-ast check-cfg` over a whole large crate (tokio from Debian).

    python bench/bench_check_cfg.py                       # tokio, 5 runs, jobs 2 and 1
    python bench/bench_check_cfg.py --crate PATH --repeat 3 --jobs 2

Runs the installed command, as a user would, on the crate's folder (every `.rs` file
below it: src, tests, examples, benches, build.rs) with `--format json`, and prints
one JSON line per `--jobs` value: files, source MB, findings (and how many of them
were found outside the active configuration: other platforms' modules, modules under a
false cfg, tests, examples, benches, as `configuration: "other"` marks them), wall time (best and
median of --repeat) and files per second at the best time. The target is the whole
of tokio in under 3 s on 2 cores. Files come from Debian's crate sources
(scripts/install_corpus.sh).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

TOKIO = Path("/usr/share/cargo/registry/tokio-1.24.2")
COMMAND = [sys.executable, "-m", "server", "check-cfg"]


def source_files(crate: Path) -> list[Path]:
    return [path for path in crate.rglob("*.rs") if "target" not in path.parts]


def run(crate: Path, jobs: int) -> tuple[float, list[str]]:
    """One run's wall time and its findings' configurations."""
    start = time.perf_counter()
    proc = subprocess.run([*COMMAND, str(crate), "--format", "json", "--jobs", str(jobs)],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"rust-ast check-cfg failed ({proc.returncode}): {proc.stderr}")
    return elapsed, [json.loads(line)["configuration"] for line in proc.stdout.splitlines()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crate", type=Path, default=TOKIO)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, nargs="+", default=[2, 1])
    args = parser.parse_args()
    if not args.crate.is_dir():
        print(f"bench_check_cfg: {args.crate} not found (scripts/install_corpus.sh installs tokio)",
              file=sys.stderr)
        return 2
    files = source_files(args.crate)
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    for jobs in args.jobs:
        runs = [run(args.crate, jobs) for _ in range(args.repeat)]
        times = [t for t, _ in runs]
        best = min(times)
        print(json.dumps({
            "crate": args.crate.name, "jobs": jobs, "cores": os.cpu_count(), "files": len(files),
            "megabytes": round(megabytes, 2), "findings": len(runs[0][1]),
            "findings_other_configuration": runs[0][1].count("other"),
            "best_s": round(best, 3), "median_s": round(statistics.median(times), 3),
            "files_per_s": round(len(files) / best, 1), "target_s": 3.0, "met": best < 3.0}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
