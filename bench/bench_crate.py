"""Benchmark: one module file of a large crate, opened alone in the language server.

    python bench/bench_crate.py                                  # tokio from Debian, src/io/read_buf.rs
    python bench/bench_crate.py --file src/net/addr.rs --all-features
    python bench/bench_crate.py --crate path/to/package --file src/x.rs

A user of a crate has built it once: `--crate` is copied to a temporary folder and
`cargo check`ed there, offline, with the Debian registry as a directory source (its
dev-dependencies the registry lacks dropped), so that cargo's record of the build
script's last run exists (`target/debug/build/NAME-*/output`); without it, every cfg
name a probing build script (tokio's autocfg) may set is uncertain, and every id after
one is unknown by design. `--as-is` skips that and uses `--crate` where it is.

Then it starts `rust-ast serve` (or `--server "CMD ..."`) with the client of
`lsp_client.py`, opens `--file` of the crate (the crate root is never opened: the server
finds the crate itself) and measures:

- `first_diag_ms`: from `didOpen` to the file's first diagnostics;
- `crate_ids_ms`: from `didOpen` to the first `rustAst/nodeIds` answer that holds the
  crate's ids, i.e. the rows `rust-ast ids --crate` prints for this file (asked again until
  it does; `crate_ids_match` says whether it ever did);
- `crate_check_cfg_ms`: from `didOpen` to check-cfg linting the file in its crate's
  session (`bench_lsp.crate_session`); the figures below are taken after it;
- `hover`: round trips of `textDocument/hover` at identifiers spread over the file
  (p50, p90, p99, max in ms);
- `keystroke_diag`: a one-character insertion (`x` before a `let` binding's name) in that
  file, then waiting for the diagnostics of that version;
- `rss_mb`: the server's resident memory with the crate loaded (after the ids).

Targets (issue "The crate is the unit of truth"): first diagnostics <= 500 ms, crate ids
<= 1.5 s, hover p99 <= 5 ms, keystroke p50 <= 10 ms and p99 <= 30 ms, RSS <= 300 MB.
Prints one JSON line; progress goes to stderr. Figures depend on the machine's load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_lsp import IDENT, LET_NAME, Text, crate_session, keystroke_latencies, spread, summary  # noqa: E402
from lsp_client import LspClient, rss_kb  # noqa: E402

REGISTRY = Path(os.environ.get("RUST_AST_REGISTRY", "/usr/share/cargo/registry"))
TOKIO = REGISTRY / "tokio-1.24.2"
DEV_TABLE = re.compile(r'(?:^\[|\.)dev-dependencies\."?([A-Za-z0-9_-]+)"?\]$')
TARGETS = {"first_diag_ms": 500, "crate_ids_ms": 1500, "hover_p99_ms": 5, "keystroke_p50_ms": 10,
           "keystroke_p99_ms": 30, "rss_mb": 300}


CARGO_CONFIG = """\
[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "{registry}"
[net]
offline = true
"""


def log(*parts: object) -> None:
    print("bench_crate:", *parts, file=sys.stderr, flush=True)


def in_registry(name: str) -> bool:
    return any(REGISTRY.glob(f"{name}-[0-9]*"))


def without_dev_dependencies(manifest: Path, keep: Callable[[str], bool]) -> list[str]:
    """Drop the dev-dependencies of `manifest` not to `keep` (cargo resolves them even to
    check the library): `[dev-dependencies.NAME]` and `[target.X.dev-dependencies.NAME]`
    tables, `NAME = ...` lines of `[dev-dependencies]` tables. The names dropped."""
    kept, dropped, in_dev_table, dropping = [], [], False, False
    for line in manifest.read_text().splitlines(keepends=True):
        if line.startswith("["):
            header = line.strip()
            table = DEV_TABLE.search(header)
            in_dev_table = header.endswith("dev-dependencies]")
            dropping = table is not None and not keep(table.group(1))
            if dropping:
                dropped.append(table.group(1))
        elif in_dev_table and "=" in line:
            name = line.split("=", 1)[0].strip().strip('"')
            if not keep(name):
                dropped.append(name)
                continue
        if not dropping:
            kept.append(line)
    manifest.write_text("".join(kept))
    return dropped


def built_copy(crate: Path, scratch: Path, all_features: bool) -> Path:
    """`crate` copied into `scratch` and `cargo check`ed there offline (what its user
    has done), with CARGO_HOME in `scratch`: the copy."""
    if shutil.which("cargo") is None:
        raise SystemExit("bench_crate: cargo is needed to build the crate once (or pass --as-is)")
    home, work = scratch / "cargo-home", scratch / crate.name
    home.mkdir()
    (home / "config.toml").write_text(CARGO_CONFIG.format(registry=REGISTRY))
    shutil.copytree(crate, work, ignore=shutil.ignore_patterns("debian", ".cargo-checksum.json", "target"))
    (work / "Cargo.lock").unlink(missing_ok=True)
    manifest = work / "Cargo.toml"
    env = {k: v for k, v in os.environ.items() if k not in ("RUSTC_BOOTSTRAP", "RUSTFLAGS", "CARGO_TARGET_DIR")}
    env["CARGO_HOME"] = str(home)
    command = ["cargo", "check", "--quiet", *(["--all-features"] if all_features else [])]
    started = time.perf_counter()
    dropped = without_dev_dependencies(manifest, in_registry)
    proc = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True)
    if proc.returncode != 0 and "failed to select a version" in proc.stderr:  # the registry has another version
        dropped += without_dev_dependencies(manifest, lambda name: False)
        proc = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench_crate: {shlex.join(command)} in {work} failed:\n{proc.stderr[-2000:]}")
    log(f"cargo check of the copy in {time.perf_counter() - started:.1f} s "
        f"(dev-dependencies dropped: {', '.join(dropped) or 'none'})")
    return work


def id_key(row: dict) -> tuple:
    return row["id"], row["class"], row["kind"], row.get("field")


def reference_ids(args: argparse.Namespace, crate: Path, file: str) -> tuple[set[tuple], int]:
    """What `rust-ast ids --crate` prints for `file` (the CLI, run once before the server),
    and how many files of the crate have ids (tokio declares most of its modules inside
    `cfg_*!` macro calls, which rustc loads only when it expands them)."""
    command = [*shlex.split(args.cli), "ids", "--crate", ".", "--json"]
    if args.all_features:
        command.append("--all-features")
    proc = subprocess.run(command, cwd=crate, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench_crate: {shlex.join(command)} failed:\n{proc.stderr[-2000:]}")
    rows = json.loads(proc.stdout)
    return {id_key(row) for row in rows if row["file"] == file}, len({row["file"] for row in rows})


async def crate_ids(client: LspClient, uri: str, want: set[tuple], opened: float,
                    timeout: float) -> tuple[float, bool, int]:
    """(ms from didOpen to nodeIds answering the crate's ids, whether it did, ids answered)."""
    deadline = time.perf_counter() + timeout
    while True:
        rows = await client.request("rustAst/nodeIds", {"textDocument": {"uri": uri}}, timeout)
        got = {id_key(row) for row in rows if row.get("id") is not None}
        now = time.perf_counter()
        if got == want or now > deadline:
            return round((now - opened) * 1000, 1), got == want, len(got)
        await asyncio.sleep(0.01)


async def run(args: argparse.Namespace, crate: Path, file: str) -> dict[str, object]:
    path = crate / file
    data = path.read_bytes()
    text = Text(data)
    uri = path.resolve().as_uri()
    out: dict[str, object] = {"crate": str(crate), "file": file, "bytes": len(data),
                              "crate_files": sum(1 for _ in crate.rglob("*.rs"))}
    want, out["files_with_ids"] = reference_ids(args, crate, file)
    out["reference_ids"] = len(want)
    if not want:
        raise SystemExit(f"bench_crate: `rust-ast ids --crate` numbers nothing in {file}: no crate ids to wait for")
    settings = {"rustAst": {"cargo": {"allFeatures": bool(args.all_features)}}}
    client = await LspClient.start(shlex.split(args.server), cwd=crate, settings=settings)
    await client.initialize(crate, timeout=args.timeout)
    try:
        opened = time.perf_counter()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "rust", "version": 1, "text": data.decode("utf-8", "replace")}})
        first = await client.diagnostics(uri, timeout=args.timeout)
        out["first_diag_ms"] = round((first.at - opened) * 1000, 1)
        out["crate_ids_ms"], out["crate_ids_match"], out["ids_answered"] = await crate_ids(
            client, uri, want, opened, args.timeout)
        out["crate_check_cfg_ms"], out["crate_info"] = await crate_session(client, uri, opened, args.timeout)
        out["rss_mb"] = round(rss_kb(client.pid)["rss_kb"] / 1024, 1)
        log(f"{file}: first diagnostics {out['first_diag_ms']} ms, crate ids {out['crate_ids_ms']} ms "
            f"(match: {out['crate_ids_match']}), check-cfg in the crate's session {out['crate_check_cfg_ms']} ms, "
            f"RSS {out['rss_mb']} MB")

        doc = {"uri": uri}
        hovers = []
        for offset in spread([m.start() for m in IDENT.finditer(data)], args.hovers):
            _, seconds = await client.timed_request(
                "textDocument/hover", {"textDocument": doc, "position": text.position(offset)}, args.timeout)
            hovers.append(seconds)
        out["hover"] = summary(hovers)

        version, keystrokes = 1, []
        while len(keystrokes) < args.edits:
            # a round over the `let`s from the end backwards: earlier offsets stay put
            offsets = sorted((m.start(1) for m in LET_NAME.finditer(text.data)), reverse=True)
            if not offsets:
                break
            typed, version = await keystroke_latencies(client, uri, text, offsets[:args.edits - len(keystrokes)],
                                                       version, args.timeout)
            keystrokes += typed
        out["keystroke_diag"] = summary(keystrokes)
        out["rss_mb_after_edits"] = round(rss_kb(client.pid)["rss_kb"] / 1024, 1)
        log(f"hover p99 {out['hover'].get('p99')} ms, keystroke p50 {out['keystroke_diag'].get('p50')} ms "
            f"p99 {out['keystroke_diag'].get('p99')} ms")
    finally:
        out["exit_code"] = await client.shutdown()
    figures = {"first_diag_ms": out["first_diag_ms"], "crate_ids_ms": out["crate_ids_ms"],
               "hover_p99_ms": out["hover"].get("p99"), "keystroke_p50_ms": out["keystroke_diag"].get("p50"),
               "keystroke_p99_ms": out["keystroke_diag"].get("p99"), "rss_mb": out["rss_mb"]}
    out["within_targets"] = {name: value is not None and value <= TARGETS[name] for name, value in figures.items()}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    python = shlex.quote(sys.executable)
    parser.add_argument("--server", default=f"{python} -m server serve",
                        help="the server command (default: this Python's `-m server serve`)")
    parser.add_argument("--cli", default=f"{python} -m server",
                        help="the rust-ast command giving the reference ids (default: this Python's `-m server`)")
    parser.add_argument("--crate", type=Path, default=TOKIO, help="a Cargo package folder (default: Debian's tokio)")
    parser.add_argument("--file", default="src/io/read_buf.rs", help="the module file to open, in --crate")
    parser.add_argument("--all-features", action="store_true", help="analyse with every cargo feature")
    parser.add_argument("--as-is", action="store_true",
                        help="use --crate where it is, without building a copy first")
    parser.add_argument("--hovers", type=int, default=200)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds for any one answer")
    args = parser.parse_args()
    crate = args.crate.resolve()
    if not (crate / args.file).is_file():
        print(f"bench_crate: {crate / args.file}: no such file (scripts/install_corpus.sh installs tokio)",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        if not args.as_is:
            crate = built_copy(crate, Path(scratch), args.all_features)
        print(json.dumps(asyncio.run(run(args, crate, args.file))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
