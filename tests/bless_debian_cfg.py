"""Record what cargo reports about cfgs for real crates from Debian
(`/usr/share/cargo/registry`, installed by `scripts/install_corpus.sh`), for
`tests/test_cfg_debian.py`.

    python -m tests.bless_debian_cfg [CRATE ...]

Each crate of `DEBIAN_CRATES` is copied to a temporary folder, its dev-dependencies
dropped (Debian does not ship them all; they do not change what cargo declares for
the library), and checked with `cargo check --message-format=json` (plus the features
listed), dependencies coming from the Debian registry as a directory source, offline.
The crate's own findings (lib, binaries, build script) go to
`tests/data/cfg/debian/CRATE.jsonl` in the shape of `tests/bless_cfg.py`, each
finding once (rustc repeats a cfg per macro expansion); the cfgs its build script set
(`cargo::rustc-cfg`, which `rust-ast` cannot run and takes as `--cfg`) go to
`CRATE.cfgs.json`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bless_cfg import cargo_rows, write_jsonl
from tests.bless_rustc import REGISTRY

DEBIAN = Path(__file__).parent / "data" / "cfg" / "debian"
#: Crate folder under the registry -> extra `cargo check` arguments (and `rust-ast
#: check-cfg`'s, which has the same feature options).
DEBIAN_CRATES: dict[str, list[str]] = {
    "tokio-1.24.2": ["--all-features"],
    "libc-0.2.139": [],
    "serde-1.0.152": ["--features", "std,derive,rc"],
    "memchr-2.5.0": [],
    "crossbeam-utils-0.8.12": [],
    "hashbrown-0.12.3": [],
    "log-0.4.17": ["--features", "std,kv_unstable"],
    "bytes-1.2.1": [],
    "getrandom-0.2.8": [],
    "lock_api-0.4.9": [],
}

_CARGO_CONFIG = """\
[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "{registry}"
[net]
offline = true
"""


def _without_dev_dependencies(manifest: Path) -> None:
    kept, skipping = [], False
    for line in manifest.read_text().splitlines(keepends=True):
        if line.startswith("["):
            skipping = "dev-dependencies" in line
        if not skipping:
            kept.append(line)
    manifest.write_text("".join(kept))


def bless(crate: str, args: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home, work = Path(tmp, "cargo-home"), Path(tmp, crate)
        home.mkdir()
        (home / "config.toml").write_text(_CARGO_CONFIG.format(registry=REGISTRY))
        shutil.copytree(REGISTRY / crate, work, ignore=shutil.ignore_patterns("debian", ".cargo-checksum.json"))
        (work / "Cargo.lock").unlink(missing_ok=True)
        _without_dev_dependencies(work / "Cargo.toml")
        env = {k: v for k, v in os.environ.items() if k not in ("RUSTC_BOOTSTRAP", "RUSTFLAGS")}
        env.update(CARGO_HOME=str(home), CARGO_TARGET_DIR=str(Path(tmp, "target")))
        proc = subprocess.run(["cargo", "check", "--message-format=json", "--quiet", *args],
                              cwd=work, env=env, capture_output=True, text=True)
        if proc.returncode != 0 and "error: could not compile" not in proc.stderr:
            raise SystemExit(f"{crate}: cargo failed:\n{proc.stderr}")
        messages = [json.loads(line) for line in proc.stdout.splitlines()]
        cfgs = [cfg for msg in messages if msg.get("reason") == "build-script-executed"
                and msg["package_id"].startswith("path+") for cfg in msg["cfgs"]]
        rows: dict[tuple, dict] = {}
        own = (msg for msg in messages if msg.get("manifest_path", "").startswith(str(work)))
        for row in cargo_rows(own, work):
            rows.setdefault((row["file"], tuple(row["span"]), row["message"]), row)
    DEBIAN.mkdir(parents=True, exist_ok=True)
    write_jsonl(DEBIAN / f"{crate}.jsonl", list(rows.values()))
    (DEBIAN / f"{crate}.cfgs.json").write_text(json.dumps(cfgs) + "\n")
    print(f"{crate}: {len(rows)} findings")


def main(argv: list[str]) -> int:
    if shutil.which("cargo") is None:
        print("bless_debian_cfg: cargo is needed to record expectations", file=sys.stderr)
        return 2
    for crate, args in DEBIAN_CRATES.items():
        if not argv or crate in argv:
            bless(crate, args)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
