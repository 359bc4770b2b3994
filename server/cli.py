"""`rust-ast`: the command line. Each subcommand imports only what it needs (the CLI
path never imports pygls: start-up time is most of a small file's run time)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from contextlib import suppress
from pathlib import Path

EDITIONS = ("2015", "2018", "2021", "2024")


EDITION_HELP = "the Rust edition (default: the nearest Cargo.toml's, else 2021)"


class _Parser(argparse.ArgumentParser):
    """Usage errors as the one `rust-ast: error: ...` line every other error is,
    ending with the usage of the command at fault (not the top-level one)."""

    built = False  # (`_parser` sets it once the parser and its commands are complete)

    def _get_formatter(self) -> argparse.HelpFormatter:
        """argparse's formatter once the parser is built. While it is built, argparse makes
        one at every `add_argument`, only to check the metavar: one of a fixed width
        then, since asking the terminal's imports shutil (2 ms of a run's start-up)."""
        if not self.built:
            return argparse.HelpFormatter(self.prog, width=80)
        return super()._get_formatter()

    def error(self, message: str):
        print(f"rust-ast: error: {message} (usage: {self.short_usage()}; see {self.prog} --help)", file=sys.stderr)
        sys.exit(2)

    def short_usage(self) -> str:
        """`rust-ast tree [options] file`: the command and its positional arguments."""
        words = [self.prog, "[options]"]
        for action in self._get_positional_actions():
            name = action.metavar if isinstance(action.metavar, str) else action.dest
            words.append({"?": f"[{name}]", "+": f"{name}...", "*": f"[{name}...]"}.get(str(action.nargs), name))
        return " ".join(words)


COMMANDS = ("tree", "serve", "ids", "expand", "check-cfg")


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `command`, that command's only (argparse's work
    for the other commands and the overview's usage lines costs a small file's tree 10
    of its 362 M instructions)."""
    parser = _Parser(prog="rust-ast", formatter_class=argparse.RawDescriptionHelpFormatter, description=(
        "rustc's AST as rustc sees it: the tree, NodeIds, check-cfg lints and autodiff "
        "expansions, on the command line or over LSP."))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS if command is None else (command,):
        _add_command(sub, name)
    for each in (parser, *sub.choices.values()):
        each.built = True
    if command is None:
        parser.epilog = "commands and their flags (rust-ast COMMAND --help explains each):\n" + "".join(
            "  " + each.format_usage().removeprefix("usage: ") for each in sub.choices.values())
    for command_parser in sub.choices.values():
        command_parser.set_defaults(command_parser=command_parser)
    return parser


def _add_command(sub: argparse._SubParsersAction, name: str) -> None:
    if name == "tree":
        tree = sub.add_parser("tree", help="print the rustc_ast-shaped model of a file")
        tree.add_argument("file", help="a .rs file, or - for standard input")
        tree.add_argument("--json", action="store_true", help="print JSON (docs/json.md)")
        tree.add_argument("--ids", action="store_true", help="include NodeIds (JSON; the text tree always has them)")
        tree.add_argument("--edition", choices=EDITIONS, help=EDITION_HELP)
        _crate_arguments(tree)
    elif name == "serve":
        serve = sub.add_parser("serve", help="run the language server (LSP over stdio)")
        serve.add_argument("--tcp", metavar="HOST:PORT", help="listen on a socket instead of stdio")
        serve.add_argument("--stdio", action="store_true", help="use stdio (the default)")
    elif name == "ids":
        ids = sub.add_parser("ids", help="print the NodeId table of a file (or, with --crate, of a whole crate)")
        ids.add_argument("file", help="a .rs file, or - for standard input", nargs="?")
        ids.add_argument("--json", action="store_true", help="a JSON array, one object per NodeId (docs/json.md)")
        ids.add_argument("--edition", choices=EDITIONS, help=EDITION_HELP)
        ids.add_argument("--crate", metavar="PATH", help="the whole crate's table, each row with its file: PATH is "
                         "a crate root file or a package folder")
        _crate_arguments(ids)
    elif name == "expand":
        expand = sub.add_parser("expand", help="print what every autodiff attribute of a file expands to")
        expand.add_argument("file", help="a .rs file, or - for standard input")
        expand.add_argument("--json", action="store_true", help="one object per attribute (docs/json.md)")
        expand.add_argument("--edition", choices=EDITIONS, help=EDITION_HELP)
        _crate_arguments(expand)
    else:
        from server import cli_check_cfg  # noqa: PLC0415

        cli_check_cfg.add_parser(sub)


def _crate_arguments(parser: argparse.ArgumentParser) -> None:
    """The configuration flags (INTERFACE "Crates and the configuration")."""
    parser.add_argument("--features", action="append", default=[], metavar="F[,G...]",
                        help="cargo features to enable, besides the default ones")
    parser.add_argument("--all-features", action="store_true", help="enable every cargo feature")
    parser.add_argument("--no-default-features", action="store_true", help="do not enable the `default` feature")
    parser.add_argument("--cfg", action="append", default=[], metavar="SPEC",
                        help='a cfg to set, NAME or NAME="VALUE" (as a build script sets them; repeatable)')
    parser.add_argument("--target", metavar="TRIPLE", help="the target triple (default: the host's)")
    parser.add_argument("--standalone", action="store_true",
                        help="FILE is the crate root, as `rustc FILE` (Cargo.toml only gives the edition)")


def _request(args: argparse.Namespace):
    from ast_core.targets import target_cfg  # noqa: PLC0415
    from ast_core.crate import Request, parse_cfg_specs  # noqa: PLC0415
    from ast_core.project import UsageError  # noqa: PLC0415

    cfgs = parse_cfg_specs(args.cfg)
    if cfgs is None:
        raise UsageError(f"invalid `--cfg` argument among {args.cfg!r}: expected NAME or NAME=\"VALUE\"")
    if args.target is not None and target_cfg(args.target) is None:
        raise UsageError(f"unknown target {args.target!r}")
    features = tuple(f for text in args.features for f in text.replace(",", " ").split())
    return Request(features, args.all_features, args.no_default_features, cfgs, args.target,
                   int(args.edition) if args.edition else None)


def _crate_document(args: argparse.Namespace):
    """FILE's document: in its crate, or (`--standalone`, standard input) as a crate root."""
    from ast_core.crate import Crates  # noqa: PLC0415
    from ast_core.document import Document  # noqa: PLC0415

    if args.standalone or args.file == "-":
        return Document(*_source_and_config(args.file, args.edition, _request(args)))
    src, path = _read(args.file)  # (the checks and errors of reading)
    assert path is not None  # only standard input ("-", above) has no path
    return Crates(_request(args)).crate_of(path).doc


def _crate_table(args: argparse.Namespace) -> list[dict]:
    """`ids --crate PATH`: every file's rows, with the file, ordered by id."""
    import os  # noqa: PLC0415

    from ast_core.analysis import Analysis  # noqa: PLC0415
    from ast_core.crate import Crates  # noqa: PLC0415
    from ast_core.project import UsageError, load_package  # noqa: PLC0415

    path = Path(args.crate)
    crates = Crates(_request(args))
    if path.is_dir():
        manifest = path / "Cargo.toml"
        if not manifest.is_file():
            raise UsageError(f"{args.crate}: no Cargo.toml in this folder")
        targets = crates.targets(load_package(manifest))
        if not targets:
            raise UsageError(f"{args.crate}: the package has no crate to number")
        path = targets[0][1]
    elif not path.is_file():
        raise UsageError(f"{args.crate}: no such file or folder")
    root = crates.crate_of(path).crate.root_file()
    rows = []
    for file in root.crate.reached():
        if file.doc is None or not root.crate.prepare(file):
            continue
        name = os.path.relpath(file.path)
        rows += [{**row, "file": name} for row in Analysis(file.doc).id_rows()]
    rows.sort(key=lambda row: row["id"])
    return rows


def _read(file: str) -> tuple[bytes, Path | None]:
    from ast_core.project import MAX_SOURCE_BYTES, decode_source, read_limited, read_source  # noqa: PLC0415

    if file == "-":
        return decode_source(read_limited(sys.stdin.buffer, MAX_SOURCE_BYTES, "<stdin>"), "<stdin>"), None
    path = Path(file)
    return read_source(path), path


def _source_and_config(file: str, edition: str | None, request=None):
    from ast_core.crate import crate_config  # noqa: PLC0415
    from ast_core.document import DocumentConfig  # noqa: PLC0415
    from ast_core.project import edition_for  # noqa: PLC0415

    src, path = _read(file)
    ed = int(edition) if edition else edition_for(path.resolve() if path else None)
    config = crate_config(request, request.features) if request is not None else crate_config()
    return src, DocumentConfig(ed, config.cfg, path)


def _run(args: argparse.Namespace) -> int:
    from ast_core.analysis import Analysis  # noqa: PLC0415
    from ast_core.project import UsageError  # noqa: PLC0415

    # One run, then exit: nothing loaded by now is garbage, so the collection a model's
    # first build starts with (ast_core.stack.paused_gc) need not look at it.
    gc.freeze()
    gc.enable()
    out = sys.stdout
    if args.command == "tree":
        if args.json and (args.standalone or args.file == "-"):
            from ast_core.batch import write_tree_json  # noqa: PLC0415

            doc_src, config = _source_and_config(args.file, args.edition, _request(args))
            write_tree_json(doc_src, config, out.buffer, with_ids=args.ids)  # (nothing is written before)
            out.buffer.write(b"\n")
            return 0
        analysis = Analysis(_crate_document(args))
        if args.json:
            out.write(analysis.tree_json(with_ids=args.ids) + "\n")
        else:
            out.writelines(analysis.tree_lines())
        return 0
    if args.command == "ids":
        import json  # noqa: PLC0415

        if args.crate is not None:
            rows = _crate_table(args)
        elif args.file is None:
            raise UsageError("ids: give a FILE, or --crate PATH")
        else:
            rows = Analysis(_crate_document(args)).id_rows()
        if args.json:
            out.writelines(json.JSONEncoder(ensure_ascii=False).iterencode(rows))  # as it is encoded
            out.write("\n")
        else:
            for row in rows:
                span = row["span"]
                where = f" [{span[0]}:{span[1]}-{span[2]}:{span[3]}]" if span else ""
                kind = f"::{row['kind']}" if row["kind"] else ""
                field = f" ({row['field']})" if row.get("field") else ""
                ident = f" {row['ident']}" if row.get("ident") else ""
                file = f" {row['file']}" if row.get("file") else ""
                out.write(f"{row['id']:6d} {row['class']}{kind}{file}{where}{ident}{field}\n")
        return 0
    if args.command == "expand":
        import json  # noqa: PLC0415

        from ast_core.passes.autodiff import expansion_json  # noqa: PLC0415

        analysis = Analysis(_crate_document(args))
        index = analysis.doc.index
        if args.json:
            expansions = analysis.autodiff_expansions()
            out.write(json.dumps([expansion_json(e, index) for e in expansions], ensure_ascii=False) + "\n")
            return 1 if any(d.level == "error" for e in expansions for d in e.diagnostics) else 0
        out.write(analysis.autodiff_expanded())  # (its expansions come from the same pass)
        out.flush()
        return _report_expand_errors(args.file, analysis.autodiff_expansions(), index)
    if args.command == "check-cfg":
        from server import cli_check_cfg  # noqa: PLC0415

        return cli_check_cfg.run(args)
    raise AssertionError(args.command)


def _report_expand_errors(file: str, expansions, index) -> int:
    """rustc's errors for the attributes on stderr, as rustc prints them; exit status 1
    when there are any. A file without autodiff attributes gets a note."""
    from ast_core.cfg.diagnostic import Label  # noqa: PLC0415
    from ast_core.cfg.output import Rendered, render_human, summary_line  # noqa: PLC0415

    name = file if file != "-" else "<stdin>"
    if not expansions:
        print(f"rust-ast: note: {name} has no autodiff attributes: printed unchanged", file=sys.stderr)
    diags = [diag for exp in expansions for diag in exp.diagnostics]
    for diag in diags:
        labels = tuple(Label(span, text) for span, text in diag.labels)
        rendered = Rendered(diag.level, diag.code, diag.message, diag.span, labels)
        sys.stderr.write(render_human(rendered, name, index) + "\n")
    if diags:
        sys.stderr.write(summary_line(sum(d.level == "error" for d in diags), len(diags)))
    return 1 if any(d.level == "error" for d in diags) else 0


def run() -> None:
    """The `rust-ast` command: `main`, then the process ends as soon as its output is
    flushed, without the interpreter's teardown (freeing every module and object, a
    last collection: ~9 ms of a small file's run). Every command has finished its work
    when `main` returns (check-cfg's worker processes are joined)."""
    status = main()
    with suppress(BrokenPipeError):  # (a reader that stopped early, which `main` allows)
        sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    # Importing makes no cyclic garbage: no collections until the command runs (during
    # the imports they cost a small file's tree 12 of its 345 M instructions).
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: list[str] | None) -> int:
    from ast_core.project import UsageError  # noqa: PLC0415
    from ast_core.stack import run_with_big_stack  # noqa: PLC0415

    words = sys.argv[1:] if argv is None else argv
    args, unknown = _parser(words[0] if words and words[0] in COMMANDS else None).parse_known_args(words)
    if unknown:
        args.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command == "serve":
        from server.server import serve  # noqa: PLC0415 (pygls only for the server)

        gc.enable()
        return run_with_big_stack(lambda: serve(args.tcp)) or 0
    try:
        return run_with_big_stack(lambda: _run(args))
    except UsageError as err:
        print(f"rust-ast: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
