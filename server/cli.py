"""`rust-ast`: the command line. Each subcommand imports only what it needs (the CLI
path never imports pygls: start-up time is most of a small file's run time)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from server import cli_check_cfg

EDITIONS = ("2015", "2018", "2021", "2024")


EDITION_HELP = "the Rust edition (default: the nearest Cargo.toml's, else 2021)"


class _Parser(argparse.ArgumentParser):
    """Usage errors as the command's usage line, then the one `rust-ast: error: ...`
    line every other error is."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        print(f"rust-ast: error: {message} (see {self.prog} --help)", file=sys.stderr)
        sys.exit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rust-ast", formatter_class=argparse.RawDescriptionHelpFormatter, description=(
        "rustc's AST as rustc sees it: the tree, NodeIds, check-cfg lints and autodiff "
        "expansions, on the command line or over LSP."))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    tree = sub.add_parser("tree", help="print the rustc_ast-shaped model of a file")
    tree.add_argument("file", help="a .rs file, or - for standard input")
    tree.add_argument("--json", action="store_true", help="print JSON (docs/json.md)")
    tree.add_argument("--ids", action="store_true", help="include NodeIds (JSON; the text tree always has them)")
    tree.add_argument("--edition", choices=EDITIONS, help=EDITION_HELP)

    serve = sub.add_parser("serve", help="run the language server (LSP over stdio)")
    serve.add_argument("--tcp", metavar="HOST:PORT", help="listen on a socket instead of stdio")
    serve.add_argument("--stdio", action="store_true", help="use stdio (the default)")

    ids = sub.add_parser("ids", help="print the NodeId table of a file")
    ids.add_argument("file", help="a .rs file, or - for standard input")
    ids.add_argument("--json", action="store_true", help="a JSON array, one object per NodeId (docs/json.md)")
    ids.add_argument("--edition", choices=EDITIONS, help=EDITION_HELP)

    expand = sub.add_parser("expand", help="print what every autodiff attribute of a file expands to")
    expand.add_argument("file", help="a .rs file, or - for standard input")
    expand.add_argument("--json", action="store_true", help="one object per attribute (docs/json.md)")
    expand.add_argument("--edition", choices=EDITIONS, help=EDITION_HELP)

    cli_check_cfg.add_parser(sub)
    parser.epilog = "commands and their flags (rust-ast COMMAND --help explains each):\n" + "".join(
        "  " + command.format_usage().removeprefix("usage: ") for command in sub.choices.values())
    for command in sub.choices.values():
        command.set_defaults(command_parser=command)
    return parser


def _read(file: str) -> tuple[bytes, Path | None]:
    from ast_core.project import MAX_SOURCE_BYTES, decode_source, read_limited, read_source  # noqa: PLC0415

    if file == "-":
        return decode_source(read_limited(sys.stdin.buffer, MAX_SOURCE_BYTES, "<stdin>"), "<stdin>"), None
    path = Path(file)
    return read_source(path), path


def _source_and_config(file: str, edition: str | None):
    from ast_core.cfg.targets import DEFAULT_TARGET, target_cfg  # noqa: PLC0415
    from ast_core.document import DocumentConfig  # noqa: PLC0415
    from ast_core.project import edition_for  # noqa: PLC0415

    src, path = _read(file)
    ed = int(edition) if edition else edition_for(path.resolve() if path else None)
    return src, DocumentConfig(ed, target_cfg(DEFAULT_TARGET), path)


def _document(file: str, edition: str | None):
    from ast_core.document import Document  # noqa: PLC0415

    return Document(*_source_and_config(file, edition))


def _run(args: argparse.Namespace) -> int:
    from ast_core.analysis import Analysis  # noqa: PLC0415

    out = sys.stdout
    if args.command == "tree":
        if args.json and args.ids:
            from ast_core.batch import tree_json  # noqa: PLC0415

            doc_src, config = _source_and_config(args.file, args.edition)
            out.write(tree_json(doc_src, config) + "\n")
            return 0
        analysis = Analysis(_document(args.file, args.edition))
        out.write(analysis.tree_json(with_ids=args.ids) + "\n" if args.json else analysis.tree_text())
        return 0
    if args.command == "ids":
        import json  # noqa: PLC0415

        analysis = Analysis(_document(args.file, args.edition))
        rows = analysis.id_rows()
        if args.json:
            out.write(json.dumps(rows, ensure_ascii=False) + "\n")
        else:
            for row in rows:
                span = row["span"]
                where = f" [{span[0]}:{span[1]}-{span[2]}:{span[3]}]" if span else ""
                kind = f"::{row['kind']}" if row["kind"] else ""
                field = f" ({row['field']})" if row.get("field") else ""
                ident = f" {row['ident']}" if row.get("ident") else ""
                out.write(f"{row['id']:6d} {row['class']}{kind}{where}{ident}{field}\n")
        return 0
    if args.command == "expand":
        import json  # noqa: PLC0415

        from ast_core.passes.autodiff import expand, expansion_json  # noqa: PLC0415

        doc = _document(args.file, args.edition)
        expansions, expanded = expand(doc)
        if args.json:
            out.write(json.dumps([expansion_json(e, doc.index) for e in expansions], ensure_ascii=False) + "\n")
            return 1 if any(e.diagnostics for e in expansions) else 0
        out.write(expanded)
        out.flush()
        return _report_expand_errors(args.file, expansions, doc.index)
    if args.command == "check-cfg":
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


def main(argv: list[str] | None = None) -> int:
    from ast_core.project import UsageError  # noqa: PLC0415
    from ast_core.stack import run_with_big_stack  # noqa: PLC0415

    args, unknown = _parser().parse_known_args(argv)
    if unknown:
        args.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command == "serve":
        from server.server import serve  # noqa: PLC0415 (pygls only for the server)

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
