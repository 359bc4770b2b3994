"""Differential tests of crate-wide NodeIds: every id `rust-ast ids --crate` and
`rust-ast tree FILE --json --ids` print is the id `cargo rustc -- -Zunpretty=ast-tree,expanded`
gives that node in the file's crate (recorded by `python -m tests.bless_crate_ids`).

An id printed for a node rustc numbers differently, or numbers only after expanding a
macro or a non-inert attribute, is wrong: there must be none. A node the model leaves
without an id (null) is not wrong; its share is printed as the recall.

Crates: our own (`data/crate_ids/NAME/`) and the lib targets of Debian crates (read from
the registry, never copied; `scripts/install_corpus.sh` installs them). rust-ast never runs
a build script: a Debian crate's build-script cfgs are given as `--cfg`, as a user would.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from dataclasses import dataclass, field
from unittest import mock
from pathlib import Path

import pytest

from server import cli
from tests.bless_crate_ids import DATA, EXPECTED
from tests.bless_rustc import REGISTRY

RECORDINGS = sorted(EXPECTED.glob("*.json"))

Key = tuple  # (file, id, field)
Node = tuple  # (class, kind, span or None)


@dataclass
class Tally:
    """Ids compared against rustc's first walk, per crate."""

    expected: int = 0  # first-walk ids of the files checked
    printed: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def null(self) -> int:
        return self.expected - self.right

    def line(self, name: str) -> str:
        recall = 100 * self.right / max(1, self.expected)
        return (f"{name}: {self.expected} rustc ids, {self.printed} printed, {len(self.wrong)} wrong, "
                f"{self.null} null, recall {recall:.1f}%")


@dataclass
class Target:
    package_dir: Path
    kind: str
    name: str
    root: str
    first_walk_end: int
    files: dict[str, dict[Key, Node]]
    flags: list[str]  # configuration flags for rust-ast: a Debian crate's build-script cfgs


def _package_dir(recording: dict, package: dict) -> Path:
    base = REGISTRY / recording["crate"] if recording["registry"] else DATA / recording["crate"]
    return (base / package["path"]).resolve()


def load_targets(path: Path) -> list[Target]:
    recording = json.loads(path.read_text())
    targets = []
    for package in recording["packages"]:
        for target in package["targets"]:
            files = {file: {(file, row[0], row[4]): (row[1], row[2], tuple(row[3]) if row[3] else None)
                            for row in rows}
                     for file, rows in target["files"].items()}
            flags = [f"--cfg={cfg}" for cfg in target["build_cfgs"]] if recording["registry"] else []
            targets.append(Target(_package_dir(recording, package), target["kind"], target["name"],
                                  target["root"], target["first_walk_end"], files, flags))
    return targets


def owners(targets: list[Target]) -> dict[tuple[Path, str], Target]:
    """Each file's crate: the first target (cargo's order) whose module tree reaches it."""
    out: dict[tuple[Path, str], Target] = {}
    for target in targets:
        for file in target.files:
            out.setdefault((target.package_dir, file), target)
    return out


def run_cli(args: list[str], cwd: Path) -> str:
    out = io.StringIO()
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out):
            code = cli.main(args)
    finally:
        os.chdir(previous)
    assert code == 0, f"rust-ast {' '.join(args)} exited {code}"
    return out.getvalue()


def compare(rows: list[tuple[Key, Node]], target: Target, files: list[str], tally: Tally, via: str) -> None:
    """Check each printed id of `files` against rustc's rows of the target."""
    expected = {k: v for file in files for k, v in target.files.get(file, {}).items()}
    by_id = {k[1:]: (k[0], v) for rows_ in target.files.values() for k, v in rows_.items()}
    tally.expected += len(expected)
    for key, (cls, kind, span) in rows:
        tally.printed += 1
        want = expected.get(key)
        if want is not None and want[:2] == (cls, kind) and (want[2] is None or want[2] == span):
            tally.right += 1
            continue
        file, nid, slot = key
        where = f"{file}: {via}: id {nid}" + (f" ({slot})" if slot else "")
        got = f"ours {cls}::{kind} {list(span) if span else '-'}"
        if want is not None:
            tally.wrong.append(f"{where}: rustc {want[0]}::{want[1]} {list(want[2]) if want[2] else '-'}, {got}")
        elif nid >= target.first_walk_end:
            tally.wrong.append(f"{where}: rustc numbers this id only after expansion, {got}")
        elif key[1:] in by_id:
            other, node = by_id[key[1:]]
            tally.wrong.append(f"{where}: rustc gives it to {node[0]}::{node[1]} in {other}, {got}")
        else:
            tally.wrong.append(f"{where}: rustc has no such id, {got}")


def crate_rows(target: Target) -> list[tuple[Key, Node]]:
    """`rust-ast ids --crate ROOT --json`, run in the package folder."""
    out = run_cli(["ids", "--crate", target.root, "--json", *target.flags], target.package_dir)
    return [((row["file"], row["id"], row.get("field")),
             (row["class"], row["kind"], tuple(row["span"]) if row["span"] else None))
            for row in json.loads(out)]


def editor_rows(target: Target, opened: str) -> list[tuple[Key, Node]]:
    """The rows `ids --crate` prints, read as the language server reads them: `opened`
    open in the editor, the other files read from disk keeping only their counts
    (`Document.drop_model`; at once, as in a large crate) until each is read, and
    lowered again then."""
    from ast_core.analysis import Analysis
    from ast_core.crate import CrateFile, Crates, model

    args = cli._parser().parse_args(["ids", "--crate", target.root, *target.flags])
    crates = Crates(cli._request(args))
    path = target.package_dir / opened
    with mock.patch.object(model, "UNREAD_MODELS_BYTES", 0):
        file: CrateFile | None = crates.open(path, path.read_bytes())
    assert file is not None
    crate, above = file.crate, set()
    while file is not None:
        above.add(file.path)
        file = file.parent
    assert all(unit.dropped or not unit.items for file in crate.files.values() if file.path not in above
               and file.doc is not None for unit in file.doc.units), "files nobody edits keep their counts only"
    rows = []
    for file in crate.reached():
        if file.doc is None or not crate.prepare(file):
            continue
        name = os.path.relpath(file.path, target.package_dir)
        rows += [((name, row["id"], row.get("field")),
                  (row["class"], row["kind"], tuple(row["span"]) if row["span"] else None))
                 for row in Analysis(file.doc).id_rows()]
    return rows


def file_trees(target: Target, files: list[str]) -> dict[str, dict]:
    """`rust-ast tree FILE --json --ids` of `files` of the target: the root file through
    the CLI, the others through the calls the CLI makes (`_crate_document`, `tree_json`)
    with one `Crates` shared over the crate's files, which reads the crate once."""
    from ast_core.analysis import Analysis
    from ast_core.crate import Crates

    trees = {target.root: json.loads(run_cli(["tree", target.root, "--json", "--ids", *target.flags],
                                             target.package_dir))}
    args = cli._parser().parse_args(["tree", target.root, "--json", "--ids", *target.flags])
    crates = Crates(cli._request(args))
    for file in files:
        if file not in trees:
            doc = crates.crate_of(target.package_dir / file).doc
            trees[file] = json.loads(Analysis(doc).tree_json(with_ids=True))
    return trees


def tree_rows(tree: dict, file: str) -> list[tuple[Key, Node]]:
    """The ids of a file's tree (the file's own nodes)."""
    rows, stack = [], [tree]
    while stack:
        node = stack.pop()
        stack.extend(node.get("children", ()))
        value = (node["class"], node["kind"], tuple(node["span"]) if node.get("span") else None)
        if node.get("id") is not None:
            rows.append(((file, node["id"], None), value))
        for slot, nid in (node.get("extra_ids") or {}).items():
            if nid is not None:
                rows.append(((file, nid, slot), value))
    return rows


def _available(path: Path) -> bool:
    return all(t.package_dir.is_dir() for t in load_targets(path))


@pytest.mark.parametrize("recording", RECORDINGS, ids=lambda p: p.stem)
def test_crate_ids_match_cargo_rustc(recording: Path) -> None:
    if not _available(recording):
        pytest.skip(f"{recording.stem}: Debian crate sources not installed under {REGISTRY} "
                    "(run scripts/install_corpus.sh)")
    targets = load_targets(recording)
    owner = owners(targets)
    crate, files = Tally(), Tally()
    for target in targets:
        own_files = [f for f in target.files if owner[(target.package_dir, f)] is target]
        rows = crate_rows(target)
        compare(rows, target, list(target.files), crate, f"ids --crate {target.root}")
        opened = own_files[-1]  # (a module file, where the crate has one)
        assert sorted(editor_rows(target, opened)) == sorted(rows), f"{opened} open in the editor"
        trees = file_trees(target, own_files)
        for file in own_files:
            compare(tree_rows(trees[file], file), target, [file], files, "tree --ids")
    print(crate.line(f"{recording.stem} ids --crate"))
    print(files.line(f"{recording.stem} tree FILE"))
    assert crate.wrong == [], "\n".join(crate.wrong[:40])
    assert files.wrong == [], "\n".join(files.wrong[:40])
