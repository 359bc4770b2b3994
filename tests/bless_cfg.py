"""Record what rustc and cargo report for the check-cfg test data (the only part of the
suite that runs them).

    python -m tests.bless_cfg [NAME ...]        # all cases and crates, or only these

Cases are `tests/data/cfg/cases/NAME.rs`. Their leading `// key: value` comment lines
give the arguments:

    // check-cfg: SPEC        one `--check-cfg SPEC` per line, in order
    // mode: cargo            set CARGO_CRATE_NAME (rustc's cargo texts); default plain rustc
    // crate-name: NAME       `--crate-name NAME` (and CARGO_CRATE_NAME in cargo mode)
    // flags: ARGS            more rustc arguments, shell-split (`-D unexpected_cfgs`)
    // other: ARGS            rustc arguments of a configuration that compiles the code
                              the case's own removes (`--cfg test`): recorded again
                              with them, into `NAME.other.rustc.jsonl`

Each case is compiled as `rustc --edition 2021 --crate-type lib --emit=metadata
--error-format=json ... NAME.rs` from its folder, without RUSTC_BOOTSTRAP, and what
rustc reports about cfgs goes to `NAME.rustc.jsonl`. Crates are the folders
`tests/data/cfg/crates/NAME/`, built with `cargo check --message-format=json` into a
temporary target folder (Cargo.lock is removed afterwards); their findings go to
`NAME/expected.jsonl`, `file` relative to the crate folder. A manifest cargo rejects
is recorded as one `cargo_manifest` error taken from cargo's stderr.

The JSON-lines shape is INTERFACE.md's `check-cfg --format json` one: file, span,
code, level, what, name, value, message, children, suggestions. A rustc child that
carries a suggested replacement is a suggestion, not a child (rustc lists those last
anyway). Additions, for checking our layer more closely: `rustc_code` (E0539...),
`labels` (span labels, primary and secondary), a child's `span` when it has one (and its
`file` when it is not the diagnostic's), and each suggestion's `applicability`. Lines are in file then span order.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ast_core.tokens import tokenize, unescape_str

DATA = Path(__file__).parent / "data" / "cfg"
CASES = DATA / "cases"
CRATES = DATA / "crates"

HEADER = re.compile(r"^// ([a-z-]+): ?(.*)$")

# Errors a cfg predicate itself causes (E0536..E0805) keep their code; everything
# else with an E-code (E0658 feature gates, ...) belongs to other checks.
CFG_ERROR_CODES = {"E0536", "E0537", "E0539", "E0565", "E0805"}
# rustc's closing summaries.
SUMMARY = re.compile(r"^(aborting due to|Some errors have detailed|For more information about)")
# Codeless cfg-related warnings (the version literal one).
CFG_WARNINGS = {"unknown version literal format, assuming it refers to a future version"}

Json = dict[str, Any]


def case_headers(text: str) -> dict[str, list[str]]:
    """The `// key: value` lines at the top of a case file."""
    headers: dict[str, list[str]] = {}
    for line in text.splitlines():
        m = HEADER.match(line)
        if m is None:
            break
        headers.setdefault(m.group(1), []).append(m.group(2))
    return headers


def rustc_command(name: str, headers: dict[str, list[str]],
                  other: bool = False) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that compile case `name` (with `other`: in
    the configuration its `// other:` arguments give)."""
    cmd = ["rustc", "--edition", "2021", "--crate-type", "lib", "--emit=metadata",
           "--error-format=json", "--out-dir", tempfile.gettempdir()]
    env = {k: v for k, v in os.environ.items()
           if k not in ("RUSTC_BOOTSTRAP", "CARGO_CRATE_NAME", "CARGO")}
    crate_name = headers.get("crate-name", [None])[0]
    if crate_name:
        cmd += ["--crate-name", crate_name]
    if headers.get("mode", ["rustc"])[0] == "cargo":
        env["CARGO_CRATE_NAME"] = crate_name or "x"
    for spec in headers.get("check-cfg", []):
        cmd += ["--check-cfg", spec]
    for flags in headers.get("flags", []) + (headers.get("other", []) if other else []):
        cmd += shlex.split(flags)
    cmd.append(f"{name}.rs")
    return cmd, env


def span_of(span: Json) -> list[int]:
    return [span["line_start"], span["column_start"], span["line_end"], span["column_end"]]


def byte_range(text: str, span: Json) -> bytes:
    """The source bytes a rustc JSON span covers (it gives byte offsets too)."""
    return text.encode()[span["byte_start"]:span["byte_end"]]


NAMED = re.compile(
    r"^(?:unexpected `cfg` condition name: |expected values for |no expected values? for )`(?:r#)?([^`]*)`")


VALUED = re.compile(r'^unexpected `cfg` condition value: `(.*)`$')
SPEC_VALUE = re.compile(r'cfg\([^,()]+, values\("((?:[^"\\]|\\.)*)"\)\)')


def leaf_name_value(diag: Json, snippet: bytes) -> tuple[str | None, str | None]:
    """The cfg name of a finding (from its message, or for a value finding from its
    note: `target(os = ..)` checks `target_os`) and the string value written in the
    leaf (`name` / `name = "value"`); for a leaf a macro made of its arguments, whose
    text is the macro's (`feature = $v`), the value its message or its `--check-cfg`
    help names."""
    texts = [diag["message"]] + [c["message"] for c in diag["children"]]
    name = next((m.group(1) for m in map(NAMED.match, texts) if m), None)
    toks = tokenize(snippet)
    while toks and toks[0].kind != "ident":  # rustc's span may start at a stray `,`
        toks.pop(0)
    if len(toks) >= 3 and toks[1].text == "=" and toks[2].kind == "literal":
        return name, unescape_str(toks[2].text)
    valued = VALUED.match(diag["message"])
    if valued is not None:
        return name, valued.group(1)
    spec = next((m for m in map(SPEC_VALUE.search, texts[1:]) if m), None)
    return name, unescape_str(f'"{spec.group(1)}"') if spec is not None else None


def is_cfg_diagnostic(diag: Json) -> bool:
    code = (diag.get("code") or {}).get("code")
    if code == "unexpected_cfgs":
        return True
    if diag["level"] == "warning":
        return diag["message"] in CFG_WARNINGS
    if diag["level"] != "error" or SUMMARY.match(diag["message"]):
        return False
    return code is None or code in CFG_ERROR_CODES


def normalize(diag: Json, file: str, sources: dict[str, str]) -> Json:
    """One rustc JSON diagnostic in the recorded shape."""
    spans = diag["spans"]
    primary = next(s for s in spans if s["is_primary"])
    code = (diag.get("code") or {}).get("code")
    lint = code == "unexpected_cfgs"
    children: list[Json] = []
    suggestions: list[Json] = []
    for child in diag["children"]:
        edits = [s for s in child["spans"] if s.get("suggested_replacement") is not None]
        if edits:
            suggestions.append({
                "message": child["message"],
                "edits": [{"span": span_of(s), "replacement": s["suggested_replacement"]}
                          for s in edits],
                "applicability": edits[0]["suggestion_applicability"],
            })
        else:
            entry: Json = {"level": child["level"], "message": child["message"]}
            if child["spans"]:
                entry["span"] = span_of(child["spans"][0])
                if child["spans"][0]["file_name"] != file:  # a level attribute in a parent module's file
                    entry["file"] = child["spans"][0]["file_name"]
            children.append(entry)
    name = value = None
    if lint:
        name, value = leaf_name_value(diag, byte_range(sources[file], primary))
    what = ("name" if diag["message"].startswith("unexpected `cfg` condition name")
            else "value") if lint else "malformed"
    return {
        "file": file,
        "span": span_of(primary),
        "code": "unexpected_cfgs" if lint else "malformed_cfg",
        "level": diag["level"],
        "what": what,
        "name": name,
        "value": value,
        "message": diag["message"],
        "children": children,
        "suggestions": suggestions,
        "rustc_code": None if lint else code,
        "labels": [{"span": span_of(s), "label": s["label"]} for s in spans if s["label"]],
    }


def write_jsonl(path: Path, rows: list[Json]) -> None:
    rows.sort(key=lambda r: (r["file"], r["span"], r["message"]))
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def bless_case(path: Path) -> None:
    text = path.read_text()
    headers = case_headers(text)
    record_case(path, text, *rustc_command(path.stem, headers), path.stem + ".rustc.jsonl")
    if "other" in headers:
        record_case(path, text, *rustc_command(path.stem, headers, other=True), path.stem + ".other.rustc.jsonl")


def record_case(path: Path, text: str, cmd: list[str], env: dict[str, str], name: str) -> None:
    with tempfile.TemporaryDirectory() as work:  # a crashing rustc writes rustc-ice-*.txt where it runs
        shutil.copy(path, work)
        proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("{"):
            raise SystemExit(f"{path.name}: rustc printed non-JSON: {line}")
        diag = json.loads(line)
        if diag.get("$message_type") == "diagnostic" and is_cfg_diagnostic(diag):
            if not diag["spans"]:
                raise SystemExit(f"{path.name}: spanless diagnostic: {diag['message']}")
            rows.append(normalize(diag, path.name, {path.name: text}))
    write_jsonl(path.with_name(name), rows)


MANIFEST_ERROR = re.compile(
    r"^error: (.*)\n\s*--> ([^:\n]+):(\d+):(\d+)\n(?:.*\n)*?\s*\|\s*(\^+)", re.MULTILINE)


def manifest_error(stderr: str, crate: Path) -> Json:
    """cargo's rejection of a manifest, from its human-readable stderr:
    `error: MESSAGE` / ` --> FILE:LINE:COL` / carets under the offending text."""
    m = MANIFEST_ERROR.search(stderr)
    if m is None:
        raise SystemExit(f"{crate.name}: cargo failed:\n{stderr}")
    line, col, carets = int(m.group(3)), int(m.group(4)), len(m.group(5))
    return {
        "file": m.group(2), "span": [line, col, line, col + carets],
        "code": "cargo_manifest", "level": "error", "what": "malformed",
        "name": None, "value": None, "message": m.group(1),
        "children": [], "suggestions": [], "rustc_code": None, "labels": [],
    }


def cargo_rows(messages: Iterable[Json], folder: Path) -> Iterator[Json]:
    """The cfg diagnostics among cargo's `--message-format=json` messages, in the
    recorded shape, `file` as cargo names it (relative to `folder`, where cargo ran);
    files outside `folder` (absolute names: registry dependencies) are skipped."""
    for msg in messages:
        if msg.get("reason") != "compiler-message":
            continue
        diag = msg["message"]
        if not is_cfg_diagnostic(diag) or not diag["spans"]:
            continue
        file = next(s for s in diag["spans"] if s["is_primary"])["file_name"]
        if Path(file).is_absolute():
            continue
        yield normalize(diag, file, {file: (folder / file).read_text()})


def bless_crate(crate: Path) -> None:
    with tempfile.TemporaryDirectory() as target:
        env = {k: v for k, v in os.environ.items() if k != "RUSTC_BOOTSTRAP"}
        env["CARGO_TARGET_DIR"] = target
        proc = subprocess.run(
            ["cargo", "check", "--offline", "--message-format=json", "--quiet"],
            cwd=crate, env=env, capture_output=True, text=True)
    rows = list(cargo_rows(map(json.loads, proc.stdout.splitlines()), crate))
    if proc.returncode != 0 and not rows:
        rows.append(manifest_error(proc.stderr, crate))
    write_jsonl(crate / "expected.jsonl", rows)
    shutil.rmtree(crate / "target", ignore_errors=True)
    for lock in crate.rglob("Cargo.lock"):
        lock.unlink()


def main(argv: list[str]) -> int:
    if shutil.which("rustc") is None or shutil.which("cargo") is None:
        print("bless_cfg: rustc and cargo are needed to record expectations", file=sys.stderr)
        return 2
    wanted = set(argv)
    for case in sorted(CASES.glob("*.rs")):
        if not wanted or case.stem in wanted:
            bless_case(case)
    for crate in sorted(p for p in CRATES.iterdir() if p.is_dir()):
        if not wanted or crate.name in wanted:
            bless_crate(crate)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
