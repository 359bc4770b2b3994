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

Then what the active configuration does not compile, each file in a configuration
that compiles it, to `CRATE.other.jsonl`: the `.rs` files of `src/` that cargo's
dep-info does not list are declared at the end of the library's root
(`#[path = ".."] mod __rust_ast_other_N;`: the crate's arguments, root levels and
macros apply), and tests, examples and benches are checked as `cargo test` builds them
(`--tests --examples --benches`); the findings in those files, and what they
surface elsewhere (a macro body only they invoke), are kept.
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

#: More crates, recorded for the comparison over every file (and not held to the
#: active configuration's exact findings, as `DEBIAN_CRATES` are).
EVERY_FILE_CRATES: dict[str, list[str]] = {
    "rustix-0.35.12": [],
    "syn-1.0.107": ["--features", "full,extra-traits,visit,visit-mut,fold"],
    "mio-0.8.4": ["--features", "os-poll,net,os-ext"],
    "socket2-0.4.4": ["--all-features"],
    "parking_lot-0.12.1": [],
    "once_cell-1.17.0": [],
    "smallvec-1.9.0": [],
    "indexmap-1.9.2": [],
    "aho-corasick-0.7.19": [],
    "rand-0.8.5": [],
    "proc-macro2-1.0.47": [],
    "nix-0.26.1": [],
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


def _cargo_check(work: Path, env: dict[str, str], args: list[str]) -> list[dict]:
    proc = subprocess.run(["cargo", "check", "--message-format=json", "--quiet", *args],
                          cwd=work, env=env, capture_output=True, text=True)
    if proc.returncode != 0 and "error: could not compile" not in proc.stderr:
        raise SystemExit(f"{work.name}: cargo failed:\n{proc.stderr}")
    return [json.loads(line) for line in proc.stdout.splitlines()]


def _rows(messages: list[dict], work: Path, keep=None) -> dict[tuple, dict]:
    """The crate's own findings (each once); with `keep`, those in the files it
    accepts, and of errors only those about a cfg (other configurations come with
    other errors: unresolved names of a missing dev-dependency, a target feature of
    another target)."""
    rows: dict[tuple, dict] = {}
    own = (msg for msg in messages if msg.get("manifest_path", "").startswith(str(work)))
    for row in cargo_rows(own, work):
        if keep is not None and (not keep(row["file"]) or row["level"] == "error" and "cfg" not in row["message"]):
            continue
        rows.setdefault((row["file"], tuple(row["span"]), row["message"]), row)
    return rows


def _compiled(target: Path, work: Path) -> set[Path]:
    """The crate's source files rustc read, from cargo's dep-info files (which name
    them relative to the package)."""
    files = set()
    for dep_info in (target / "debug" / "deps").glob("*.d"):
        for line in dep_info.read_text().splitlines():
            if line.endswith(":") and not line.startswith("/"):
                files.add(work / line[:-1])
    return files


def _other_files(work: Path, compiled: set[Path]) -> list[Path]:
    """The `.rs` files of `src/` the active configuration does not compile."""
    return sorted(path for path in (work / "src").rglob("*.rs") if path not in compiled)


def bless(crate: str, args: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home, work, target = Path(tmp, "cargo-home"), Path(tmp, crate), Path(tmp, "target")
        home.mkdir()
        (home / "config.toml").write_text(_CARGO_CONFIG.format(registry=REGISTRY))
        shutil.copytree(REGISTRY / crate, work, ignore=shutil.ignore_patterns("debian", ".cargo-checksum.json"))
        (work / "Cargo.lock").unlink(missing_ok=True)
        _without_dev_dependencies(work / "Cargo.toml")
        env = {k: v for k, v in os.environ.items() if k not in ("RUSTC_BOOTSTRAP", "RUSTFLAGS")}
        env.update(CARGO_HOME=str(home), CARGO_TARGET_DIR=str(target))
        messages = _cargo_check(work, env, args)
        cfgs = [cfg for msg in messages if msg.get("reason") == "build-script-executed"
                and msg["package_id"].startswith("path+") for cfg in msg["cfgs"]]
        rows = _rows(messages, work)
        other = _other_files(work, _compiled(target, work))
        other_names = {str(path.relative_to(work)) for path in other}
        testing = ("tests/", "examples/", "benches/")
        other_rows = _rows(_cargo_check(work, env, [*args, "--keep-going", "--tests", "--examples", "--benches"]),
                           work, lambda file: file.startswith(testing))
        if other:
            root = work / "src" / "lib.rs"
            root.write_text(root.read_text() + "".join(
                f'\n#[path = "{path.relative_to(root.parent)}"]\nmod __rust_ast_other_{k};\n'
                for k, path in enumerate(other)))
            # what those files surface anywhere (a macro body they alone invoke, too)
            extra = _rows(_cargo_check(work, env, ["--lib", *args]), work, lambda file: True)
            other_rows.update((key, row) for key, row in extra.items()
                              if row["file"] in other_names or key not in rows)
    DEBIAN.mkdir(parents=True, exist_ok=True)
    write_jsonl(DEBIAN / f"{crate}.jsonl", list(rows.values()))
    write_jsonl(DEBIAN / f"{crate}.other.jsonl", list(other_rows.values()))
    (DEBIAN / f"{crate}.cfgs.json").write_text(json.dumps(cfgs) + "\n")
    print(f"{crate}: {len(rows)} findings; {len(other)} files of src/ outside the active configuration, "
          f"{len(other_rows)} findings there and in tests/examples/benches")


def main(argv: list[str]) -> int:
    if shutil.which("cargo") is None:
        print("bless_debian_cfg: cargo is needed to record expectations", file=sys.stderr)
        return 2
    for crate, args in {**DEBIAN_CRATES, **EVERY_FILE_CRATES}.items():
        if not argv or crate in argv:
            bless(crate, args)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
