"""Record rustc's trees for the differential tests: `python -m tests.bless_rustc`.

Reads rustc's trees with `tests.rustc_dump` (the `rustc` on PATH, `RUSTC_BOOTSTRAP=1`)
and stores each tree flattened (one JSON row per line, `tests.difftree.save_rows`):

  tests/data/tree/NAME.rs                    -> NAME.rustc.json    (our own cases)
  tests/data/corpus/files.txt lists Debian crate files (under /usr/share/cargo/registry)
                                             -> corpus/expected/CRATE/PATH.json

The crate sources themselves are never copied: the test command installs them.

  python -m tests.bless_rustc              both sets
  python -m tests.bless_rustc --cases      our cases only (or --corpus)
  python -m tests.bless_rustc --select     re-draw corpus/files.txt from the registry
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tests.difftree import flatten, save_rows
from tests.rustc_dump import rustc_tree

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "tree"
CORPUS = ROOT / "tests" / "data" / "corpus"
REGISTRY = Path(os.environ.get("RUST_AST_REGISTRY", "/usr/share/cargo/registry"))
DEBIAN_PACKAGES = CORPUS / "debian-packages.txt"


def case_edition(path: Path) -> str:
    """`// edition: 2018` in a case's first lines, else 2021."""
    for line in path.read_text(encoding="utf-8").splitlines()[:5]:
        if line.startswith("// edition:"):
            return line.split(":", 1)[1].strip()
    return "2021"


def _bless_one(job: tuple[Path, str, Path]) -> tuple[str, str | None]:
    source, edition, target = job
    try:
        tree = rustc_tree(source, edition)
    except (RuntimeError, ValueError, subprocess.TimeoutExpired) as err:
        return str(source), str(err)
    target.parent.mkdir(parents=True, exist_ok=True)
    save_rows(target, flatten(tree))
    return str(source), None


def corpus_files() -> list[tuple[str, str]]:
    """`(path under the registry, edition)` of each corpus file."""
    rows = []
    for line in (CORPUS / "files.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            rel, edition = line.split()
            rows.append((rel, edition))
    return rows


def expected_path(rel: str) -> Path:
    return CORPUS / "expected" / (rel + ".json")


def _crate_edition(crate_dir: Path) -> str:
    sys.path.insert(0, str(ROOT))
    from ast_core.project import manifest_edition  # noqa: PLC0415

    edition = manifest_edition(crate_dir / "Cargo.toml")
    return str(edition or 2015)


def select(per_crate: int = 6, minimum: int = 330) -> None:
    """Draw corpus files: a fixed hash order, up to `per_crate` files of 0.3-60 KB from
    each crate, whole crates in name order until `minimum` files."""
    chosen: list[str] = []
    crates = sorted(p for p in REGISTRY.iterdir() if (p / "Cargo.toml").is_file())
    for crate in crates:
        files = [p for p in crate.rglob("*.rs")
                 if 300 <= p.stat().st_size <= 60_000 and "target" not in p.parts]
        files.sort(key=lambda p: hashlib.sha1(str(p.relative_to(REGISTRY)).encode()).hexdigest())
        edition = _crate_edition(crate)
        chosen += [f"{p.relative_to(REGISTRY)} {edition}" for p in files[:per_crate]]
        if len(chosen) >= minimum and len({c.split('/')[0] for c in chosen}) >= 15:
            break
    (CORPUS / "files.txt").write_text(
        "# Debian crate files (under /usr/share/cargo/registry) and their editions; "
        "made by `python -m tests.bless_rustc --select`\n" + "\n".join(chosen) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bless_rustc")
    parser.add_argument("--cases", action="store_true")
    parser.add_argument("--corpus", action="store_true")
    parser.add_argument("--select", action="store_true")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args(argv)
    if shutil.which("rustc") is None:
        print("bless_rustc: no rustc on PATH", file=sys.stderr)
        return 2
    if args.select:
        select()
    jobs: list[tuple[Path, str, Path]] = []
    if args.cases or not args.corpus:
        for case in sorted(CASES.glob("*.rs")):
            jobs.append((case, case_edition(case), case.with_name(case.stem + ".rustc.json")))
    if args.corpus or not args.cases:
        for rel, edition in corpus_files():
            jobs.append((REGISTRY / rel, edition, expected_path(rel)))
    failed = []
    with ProcessPoolExecutor(args.jobs) as pool:
        for source, error in pool.map(_bless_one, jobs):
            if error is not None:
                failed.append(source)
                print(f"bless_rustc: {source}: {error}", file=sys.stderr)
    print(f"bless_rustc: {len(jobs) - len(failed)} recorded, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
