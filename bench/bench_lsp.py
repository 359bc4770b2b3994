"""Benchmark: the language server as an editor meets it, over stdio.

    python bench/bench_lsp.py                       # the largest Debian file (411 KB)
    python bench/bench_lsp.py --file synth:1.0      # 1 MB made of the typical files
    python bench/bench_lsp.py --file path/to/file.rs --hovers 100 --edits 50

Starts `rust-ast serve` (or `--server "CMD ..."`) with the client of `lsp_client.py`
(standard library only; no project import) and measures, on one file:

- `startup_ms`: from starting the process to the `initialize` answer;
- `first_diag_ms`: from `didOpen` to the file's first diagnostics;
- `crate_check_cfg_ms`: from `didOpen` to check-cfg linting the file in its crate's
  session (`rustAst/crateInfo`'s `checkCfgSession`): the server reads the crate for it
  in the background while no message comes, and lints the file as a session of its
  own meanwhile; `crate_session` asks every 0.1 s, leaving it the gaps. The figures
  below are taken after it (null: no crate reaches the file, or `--server` does not
  say);
- `hover`, `node_at`: round trips of `textDocument/hover` and `rustAst/nodeAt`, one at
  a time, at identifiers spread evenly over the file (p50, p90, p99, max in ms);
- `keystroke_diag`: a one-character insertion (`x` before a `let` binding's name,
  which keeps the file valid), then waiting for the diagnostics of that version;
- `burst_diag`: ten such keystrokes written back to back, then the diagnostics of the
  last version (whether the server works through the backlog or coalesces it);
- `rss_mb`: the server's resident memory after opening the file, and after also
  opening `--more-files` typical files (each waited for).

Files come from Debian's crate sources (`scripts/install_corpus.sh`): `sets/largest10.txt`
and `sets/typical200.txt` list them. Prints one JSON line; progress goes to stderr.
Figures depend on the machine's load: compare runs made side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsp_client import LspClient, LspError, rss_kb  # noqa: E402

REGISTRY = Path(os.environ.get("RUST_AST_REGISTRY", "/usr/share/cargo/registry"))
SETS = Path(__file__).resolve().parent / "sets"
IDENT = re.compile(rb"\b[A-Za-z_][A-Za-z0-9_]*\b")
LET_NAME = re.compile(rb"\blet (?:mut )?([a-z_][a-z0-9_]*)")


def log(*parts: object) -> None:
    print("bench_lsp:", *parts, file=sys.stderr, flush=True)


def file_set(name: str) -> list[Path]:
    return [REGISTRY / rel for rel in (SETS / f"{name}.txt").read_text().split()]


def the_file(spec: str, scratch: Path) -> Path:
    """`--file`: a path, or `synth:MB`, the typical files concatenated up to MB."""
    if not spec.startswith("synth:"):
        return Path(spec)
    limit = float(spec.removeprefix("synth:")) * 1_000_000
    data = bytearray()
    for path in (p for p in file_set("typical200") if p.is_file()):
        if len(data) >= limit:
            break
        # each file in its own module: items of different files cannot clash
        data += b"mod m%d {\n" % len(data) + path.read_bytes().replace(b"#![", b"#[") + b"\n}\n"
    out = scratch / "synth.rs"
    out.write_bytes(bytes(data))
    return out


class Text:
    """The document's text as the client holds it, with LSP positions (UTF-16)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def position(self, offset: int) -> dict[str, int]:
        line = self.data.count(b"\n", 0, offset)
        start = self.data.rfind(b"\n", 0, offset) + 1
        column = len(self.data[start:offset].decode("utf-8", "replace").encode("utf-16-le")) // 2
        return {"line": line, "character": column}

    def insert(self, offset: int, text: bytes) -> dict[str, object]:
        """The incremental change inserting `text` at `offset`, applied here too."""
        at = self.position(offset)
        self.data = self.data[:offset] + text + self.data[offset:]
        return {"range": {"start": at, "end": at}, "text": text.decode()}


def spread(items: list[int], count: int) -> list[int]:
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def summary(seconds: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in seconds)
    if not ms:
        return {}
    def pct(p: float) -> float:
        return round(ms[min(len(ms) - 1, int(p * len(ms)))], 2)
    return {"n": len(ms), "p50": round(statistics.median(ms), 2), "p90": pct(0.9), "p99": pct(0.99),
            "max": round(ms[-1], 2)}


async def keystroke_latencies(client: LspClient, uri: str, text: Text, offsets: list[int], version: int,
                              timeout: float) -> tuple[list[float], int]:
    """Type an `x` at each offset (give them from the end backwards, so the earlier ones
    stay put), one `didChange` at a time, and time each until its version's diagnostics
    are published; returns the times and the last version sent."""
    doc = {"uri": uri}
    latencies = []
    for offset in offsets:
        version += 1
        sent = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {**doc, "version": version},
                                                 "contentChanges": [text.insert(offset, b"x")]})
        published = await client.diagnostics(uri, version=version, after=sent, timeout=timeout)
        latencies.append(published.at - sent)
    return latencies, version


async def crate_session(client: LspClient, uri: str, opened: float, timeout: float) -> tuple[float | None, dict]:
    """(ms from didOpen to check-cfg linting the file in its crate's session, or None
    when it does not; the last crateInfo answer): asked every 0.1 s while
    `checkCfgSession` is "reading"."""
    deadline = time.perf_counter() + timeout
    while True:
        try:
            info = await client.request("rustAst/crateInfo", {"textDocument": {"uri": uri}}, timeout)
        except LspError:
            return None, {}
        now = time.perf_counter()
        if info.get("checkCfgSession") != "reading" or now > deadline:
            ms = round((now - opened) * 1000, 1) if info.get("checkCfgSession") == "crate" else None
            return ms, info
        await asyncio.sleep(0.1)


async def run(args: argparse.Namespace, path: Path) -> dict[str, object]:
    data = path.read_bytes()
    text = Text(data)
    uri = path.resolve().as_uri()
    out: dict[str, object] = {"file": str(path), "bytes": len(data)}

    start = time.perf_counter()
    client = await LspClient.start(shlex.split(args.server), cwd=path.parent)
    await client.initialize(path.parent, timeout=args.timeout)
    out["startup_ms"] = round((time.perf_counter() - start) * 1000, 1)
    try:
        opened = time.perf_counter()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "rust", "version": 1, "text": data.decode("utf-8", "replace")}})
        first = await client.diagnostics(uri, timeout=args.timeout)
        out["first_diag_ms"] = round((first.at - opened) * 1000, 1)
        out["rss_mb"] = {"after_open": round(rss_kb(client.pid)["rss_kb"] / 1024, 1)}
        log(f"opened {path.name} ({len(data)} B): first diagnostics after {out['first_diag_ms']} ms")
        out["crate_check_cfg_ms"], _ = await crate_session(client, uri, opened, args.timeout)

        doc = {"uri": uri}
        idents = spread([m.start() for m in IDENT.finditer(data)], args.hovers)
        hovers = []
        for offset in idents:
            _, seconds = await client.timed_request(
                "textDocument/hover", {"textDocument": doc, "position": text.position(offset)}, args.timeout)
            hovers.append(seconds)
        out["hover"] = summary(hovers)
        node_at = []
        for offset in idents[:args.node_at]:
            _, seconds = await client.timed_request(
                "rustAst/nodeAt", {"textDocument": doc, "position": text.position(offset)}, args.timeout)
            node_at.append(seconds)
        out["node_at"] = summary(node_at)
        log(f"hover p50 {out['hover'].get('p50')} ms, nodeAt p50 {out['node_at'].get('p50')} ms")

        version = 1
        # from the end of the file backwards, so earlier offsets stay where they are
        lets = sorted(spread([m.start(1) for m in LET_NAME.finditer(data)], args.edits), reverse=True)
        keystrokes, version = await keystroke_latencies(client, uri, text, lets, version, args.timeout)
        out["keystroke_diag"] = summary(keystrokes)
        bursts = []
        for offset in lets[:args.bursts]:
            for _ in range(10):
                version += 1
                client.notify("textDocument/didChange", {"textDocument": {**doc, "version": version},
                                                         "contentChanges": [text.insert(offset, b"x")]})
            sent = time.perf_counter()
            published = await client.diagnostics(uri, version=version, after=sent, timeout=args.timeout)
            bursts.append(published.at - sent)
        out["burst_diag"] = summary(bursts)
        log(f"keystroke to diagnostics p50 {out['keystroke_diag'].get('p50')} ms")

        more = [p for p in file_set("typical200") if p.is_file()][:args.more_files]
        for extra in more:
            extra_uri = extra.resolve().as_uri()
            sent = time.perf_counter()
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": extra_uri, "languageId": "rust", "version": 1,
                "text": extra.read_bytes().decode("utf-8", "replace")}})
            await client.diagnostics(extra_uri, after=sent, timeout=args.timeout)
        out["rss_mb"]["after_more_files"] = round(rss_kb(client.pid)["rss_kb"] / 1024, 1)
        out["rss_mb"]["more_files"] = len(more)
        out["server_requests"] = client.server_requests
    finally:
        out["exit_code"] = await client.shutdown()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--server", default=f"{shlex.quote(sys.executable)} -m server serve",
                        help="the server command (default: this Python's `-m server serve`)")
    parser.add_argument("--file", default=None, help="a .rs file, or synth:MB (default: the largest corpus file)")
    parser.add_argument("--hovers", type=int, default=200)
    parser.add_argument("--node-at", type=int, default=50)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--bursts", type=int, default=10)
    parser.add_argument("--more-files", type=int, default=50)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds for any one answer")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = the_file(args.file, Path(scratch)) if args.file else file_set("largest10")[0]
        if not path.is_file():
            print(f"bench_lsp: {path}: no such file (scripts/install_corpus.sh installs the corpus)", file=sys.stderr)
            return 2
        result = asyncio.run(run(args, path))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
