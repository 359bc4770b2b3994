"""`rust-ast check-cfg PATH... [--manifest-path] [--check-cfg SPEC]... [--format]`:
rustc's `unexpected_cfgs` lint and its malformed-predicate errors over files and
folders (docs/cli.md). Exit status: 0 nothing found, 1 findings, 2 bad usage or
unreadable input."""

from __future__ import annotations

import argparse
import json
import sys

NOTE_UNCHECKED = ("rust-ast: note: some files have no (valid) Cargo.toml and no `--check-cfg` was given: "
                  "like rustc, their cfg names and values are not checked, only malformed predicates; "
                  "pass `--check-cfg 'cfg()'` (and the cfgs you use) to check them")


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check-cfg", help="lint cfg conditions like rustc's unexpected_cfgs")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="a .rs file, a folder (all .rs files below it), or - for standard input")
    parser.add_argument("--manifest-path", metavar="CARGO_TOML",
                        help="the Cargo.toml to use (default: the nearest one above each file)")
    parser.add_argument("--check-cfg", action="append", default=[], metavar="SPEC",
                        help="an expected cfg, as rustc's --check-cfg (repeatable)")
    parser.add_argument("--features", action="append", default=[], metavar="FEATURES",
                        help="cargo features to treat as enabled, besides the default ones (comma-separated)")
    parser.add_argument("--all-features", action="store_true", help="treat every cargo feature as enabled")
    parser.add_argument("--cfg", action="append", default=[], metavar="SPEC",
                        help="a cfg to treat as set, as rustc's --cfg: NAME or NAME=\"VALUE\" (e.g. what a "
                             "build script prints as cargo::rustc-cfg; repeatable)")
    parser.add_argument("--active-only", action="store_true",
                        help="lint only what the active configuration compiles (not files only other platforms, "
                             "features or `cargo test` compile)")
    parser.add_argument("--rustc", default="rustc", metavar="PATH",
                        help="the rustc whose well-known cfgs and target configurations apply (default: rustc "
                             "on PATH; the shipped rustc 1.95 tables when it cannot answer)")
    parser.add_argument("--format", choices=("human", "json"), default="human",
                        help="rustc's human-readable diagnostics, or JSON Lines (docs/json.md)")
    parser.add_argument("--json", dest="format", action="store_const", const="json", help="the same as --format json")
    parser.add_argument("--jobs", type=_positive, metavar="N", help="worker processes (default: one per core)")


def _positive(text: str) -> int:
    value = int(text) if text.isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    from ast_core.cfg.output import render_human, summary_line, to_json  # noqa: PLC0415
    from ast_core.cfg.driver import check_paths, check_source  # noqa: PLC0415
    from ast_core.targets import DEFAULT_TARGET, parse_print_cfg  # noqa: PLC0415
    from ast_core.cfg.toolchain import read_toolchain  # noqa: PLC0415
    from ast_core.project import UsageError, decode_source  # noqa: PLC0415

    paths = [p for p in args.paths if p != "-"]
    features = (tuple(f for text in args.features for f in text.replace(",", " ").split()), args.all_features)
    cfgs = tuple(parse_print_cfg("\n".join(args.cfg)))
    if len(cfgs) != len(args.cfg):
        raise UsageError(f"invalid `--cfg` argument among {args.cfg!r}: expected NAME or NAME=\"VALUE\"")
    toolchain = read_toolchain(args.rustc, (DEFAULT_TARGET,))
    outcome = check_paths(paths, args.manifest_path, args.check_cfg, args.jobs,
                          features=features, cfgs=cfgs, toolchain=toolchain,
                          active_only=args.active_only) if paths else None
    if "-" in args.paths:
        src = decode_source(sys.stdin.buffer.read(), "<stdin>")
        stdin = check_source(src, "<stdin>", args.manifest_path, args.check_cfg, features, cfgs, toolchain)
        if outcome is None:
            outcome = stdin
        else:
            outcome.reported = sorted(outcome.reported + stdin.reported,
                                      key=lambda r: (r.name, r.diag.span, r.diag.message))
            outcome.unchecked |= stdin.unchecked
    assert outcome is not None
    out = sys.stdout
    for found in outcome.reported:
        if args.format == "json":
            row = {**to_json(found.diag, found.name, found.index, found.files), "configuration": found.configuration}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            text = render_human(found.diag, found.name, found.index, found.files)
            if found.why:
                text += f"  = note: found in another configuration than the active one: {found.why}\n"
            out.write(text + "\n")
    if args.format == "human" and outcome.reported:
        out.write(summary_line(sum(f.diag.level == "error" for f in outcome.reported), len(outcome.reported)))
    out.flush()
    if outcome.unchecked:
        print(NOTE_UNCHECKED, file=sys.stderr)
    for problem in outcome.problems:
        print(f"rust-ast: error: {problem}", file=sys.stderr)
    if outcome.problems:
        return 2
    return 1 if outcome.reported else 0

