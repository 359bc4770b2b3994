"""Soak: `rust-ast serve` over stdio for minutes of random edits and requests.

    python bench/soak.py                       # 10 minutes on the default file
    python bench/soak.py --minutes 1 --file F  # any Rust file
    python bench/soak.py --big                 # a 5 MB file: largest reply, peak RSS

The soak types random pieces of Rust (with `\\n`, `\\r\\n`, lone `\\r`, astral
characters) at random places and deletes random ranges, asking for hovers, symbols
and the syntax tree in between, like an editor; every `--check` edits it compares
`rustAst/syntaxTree` with a fresh open of the client's text. Prints, every minute and
at the end, one JSON line: messages sent and received, edits applied, mismatches, the
server's RSS (MB). `--big` opens a 5 MB file and asks each request once: the largest
reply (bytes) and the peak RSS. Figures from a loaded machine are indicative.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.lsp.raw import RawServer, TextModel  # noqa: E402

URI = "untitled:soak.rs"
FRESH = "untitled:fresh.rs"
DEFAULT_FILE = ROOT / "examples" / "demo" / "src" / "lib.rs"
PIECES = ["fn f() {}", "let x = 1;", " ", "\n", "\r\n", "\r", "𝕏", "é", "{", "}", "(", ")", ";", "::", "struct S;",
          "#[cfg(test)]", "// c\n", "/*", "*/", '"s"', "'a", "impl S { fn g(&self) {} }", "x + y * 2", "extern"]


def rss_mb(server: RawServer, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{server.proc.pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def tree(server: RawServer, uri: str) -> dict:
    reply = server.call("rustAst/syntaxTree", {"textDocument": {"uri": uri}, "maxNodes": 1_000_000, "maxDepth": 500})
    return reply.get("result") or reply


def soak(path: Path, minutes: float, check: int, seed: int) -> dict:
    rng = random.Random(seed)
    server = RawServer()
    server.initialize()
    model = TextModel(path.read_text(encoding="utf-8"))
    original = model.text
    server.open(URI, model.text)
    sent = edits = mismatches = version = 0
    start = time.monotonic()
    next_report = 60.0
    figures: dict = {}
    while (elapsed := time.monotonic() - start) < minutes * 60:
        version += 1
        if len(model.text) > 2 * len(original) or rng.random() < 0.002:
            change = {"text": original}
            model.text = original
        else:
            lo = model.boundary(rng.random())
            if rng.random() < 0.6:
                hi = lo
            else:
                hi = model.boundary(min(1.0, lo / max(1, len(model.text)) + rng.random() * 0.01))
            change = model.edit(lo, max(lo, hi), rng.choice(PIECES) if hi <= lo or rng.random() < 0.5 else "")
        server.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                                 "contentChanges": [change]})
        sent += 1
        edits += 1
        roll = rng.random()
        if roll < 0.3:
            position = model.position(model.boundary(rng.random()))
            server.call("textDocument/hover", {"textDocument": {"uri": URI}, "position": position})
            sent += 1
        elif roll < 0.35:
            server.call("textDocument/documentSymbol", {"textDocument": {"uri": URI}})
            sent += 1
        if edits % check == 0:
            server.open(FRESH, model.text)
            mismatches += tree(server, URI) != tree(server, FRESH)
            server.notify("textDocument/didClose", {"textDocument": {"uri": FRESH}})
            sent += 4
        if elapsed >= next_report:
            figures = {"minute": round(elapsed / 60, 1), "sent": sent, "received": server.received, "edits": edits,
                       "mismatches": mismatches, "rss_mb": round(rss_mb(server), 1)}
            print(json.dumps(figures), flush=True)
            next_report += 60.0
    server.open(FRESH, model.text)
    mismatches += tree(server, URI) != tree(server, FRESH)
    figures = {"minute": round((time.monotonic() - start) / 60, 1), "sent": sent + 3, "received": server.received,
               "edits": edits, "mismatches": mismatches, "rss_mb": round(rss_mb(server), 1),
               "peak_rss_mb": round(rss_mb(server, "VmHWM"), 1), "file": str(path), "exit": server.close()}
    print(json.dumps(figures), flush=True)
    return figures


def big(size: int) -> dict:
    """A `size`-byte file of real code (the demo repeated): each request once."""
    unit = DEFAULT_FILE.read_text(encoding="utf-8")
    text = (unit * (size // len(unit) + 1))[:size]
    text = text[:text.rfind("\n}\n") + 3]
    server = RawServer()
    server.initialize()
    start = time.monotonic()
    server.open(URI, text)
    doc = {"textDocument": {"uri": URI}}
    timings = {}
    for method, params in [("textDocument/documentSymbol", doc), ("rustAst/syntaxTree", doc),
                           ("textDocument/hover", {**doc, "position": {"line": 100, "character": 8}}),
                           ("textDocument/foldingRange", doc), ("rustAst/nodeIds", doc)]:
        began = time.monotonic()
        reply = server.call(method, params)
        timings[method] = round(time.monotonic() - began, 1)
        if "error" in reply:
            timings[method] = reply["error"]["message"][:80]
    figures = {"bytes": len(text.encode()), "largest_reply_bytes": server.largest, "seconds": timings,
               "total_s": round(time.monotonic() - start, 1), "peak_rss_mb": round(rss_mb(server, "VmHWM"), 1),
               "exit": server.close()}
    print(json.dumps(figures), flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--check", type=int, default=25, help="compare with a fresh open every N edits")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--big", action="store_true", help="the 5 MB file instead of the soak")
    parser.add_argument("--size", type=int, default=5_000_000)
    args = parser.parse_args()
    if args.big:
        big(args.size)
    else:
        soak(args.file, args.minutes, args.check, args.seed)


if __name__ == "__main__":
    main()
