"""Regenerate the check-cfg data files from the local rustc (1.95 for this project):

    python scripts/gen_cfg_data.py

- `ast_core/data/well_known_cfgs.json`: the names and values rustc expects once any
  `--check-cfg` is given (`RUSTC_BOOTSTRAP=1 rustc -Zunstable-options
  --print=check-cfg --check-cfg 'cfg()'`), as `{"rustc": VERSION, "names": {NAME:
  [VALUE or null, ...]}}` with each value list sorted (null first).
- `ast_core/data/target_cfgs.json`: `{TRIPLE: [[NAME, VALUE or null], ...]}`, the lines
  of `RUSTC_BOOTSTRAP=1 rustc -Zunstable-options --print cfg --target TRIPLE` for the
  common targets the rustc knows. The unstable flag makes rustc also print the gated
  cfgs it sets (`target_has_atomic_load_store`, `ub_checks`, ...), which code tests
  and which decide what rustc keeps even on stable.

Nothing at run time runs rustc; only this script does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ast_core.cfg.expected import parse_check_cfg  # noqa: E402
from ast_core.targets import parse_print_cfg  # noqa: E402

DATA = ROOT / "ast_core" / "data"

TARGETS = [
    "x86_64-unknown-linux-gnu", "x86_64-unknown-linux-musl",
    "aarch64-unknown-linux-gnu", "aarch64-unknown-linux-musl",
    "x86_64-apple-darwin", "aarch64-apple-darwin",
    "x86_64-pc-windows-msvc", "x86_64-pc-windows-gnu",
    "wasm32-unknown-unknown", "wasm32-wasip1", "aarch64-linux-android",
    "thumbv7em-none-eabihf", "riscv64gc-unknown-linux-gnu", "i686-unknown-linux-gnu",
    "armv7-unknown-linux-gnueabihf",
]


def rustc(*args: str, bootstrap: bool = False) -> str:
    env = dict(os.environ, RUSTC_BOOTSTRAP="1") if bootstrap else {
        k: v for k, v in os.environ.items() if k != "RUSTC_BOOTSTRAP"}
    return subprocess.run(["rustc", *args], check=True, capture_output=True, text=True,
                          env=env).stdout


def well_known() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "empty.rs"
        src.write_text("")
        printed = rustc("-Zunstable-options", "--print=check-cfg", "--check-cfg", "cfg()",
                        "--crate-type", "lib", str(src), bootstrap=True)
    names: dict[str, list[str | None]] = {}
    for line in printed.splitlines():
        spec = parse_check_cfg(line)
        if not hasattr(spec, "names"):
            raise SystemExit(f"unreadable --print=check-cfg line: {line}")
        for name in spec.names:
            names[name] = sorted(spec.values, key=lambda v: (v is not None, v or ""))
    return {"rustc": rustc("--version").strip(), "names": dict(sorted(names.items()))}


def target_cfgs() -> dict[str, list[tuple[str, str | None]]]:
    known = set(rustc("--print", "target-list").split())
    return {t: parse_print_cfg(rustc("-Zunstable-options", "--print", "cfg", "--target", t, bootstrap=True))
            for t in TARGETS if t in known}


def main() -> None:
    (DATA / "well_known_cfgs.json").write_text(json.dumps(well_known(), indent=1) + "\n")
    (DATA / "target_cfgs.json").write_text(pairs_json(target_cfgs()))


def pairs_json(table: dict[str, list[tuple[str, str | None]]]) -> str:
    """The target table as JSON, a pair per line."""
    triples = (f" {json.dumps(triple)}: [\n" + ",\n".join(f"  {json.dumps(pair)}" for pair in pairs) + "\n ]"
               for triple, pairs in table.items())
    return "{\n" + ",\n".join(triples) + "\n}\n"


if __name__ == "__main__":
    main()
