"""The server gives a module file its crate's NodeIds: open one module file (its crate
root never opened) and every id `rustAst/nodeIds` answers is the one
`cargo rustc -- -Zunpretty=ast-tree,expanded` gives that node (the recordings of
`tests/test_crate_ids.py`); a node without an id is allowed, a wrong id is not."""

from __future__ import annotations

import json

import pytest
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient

from tests.bless_crate_ids import EXPECTED
from tests.test_crate_ids import Target, load_targets, owners

#: (recording, package folder in the recording, module file): never a crate root.
MODULE_FILES = [
    ("features", ".", "src/shapes.rs"),
    ("paths", ".", "src/inl/deep.rs"),
    ("layouts", ".", "src/x/y/z.rs"),
    ("workspace", "members/app", "src/commands/list.rs"),
    ("hashbrown-0.12.3", ".", "src/raw/mod.rs"),
]


def lsp_range(lines: list[str], span: tuple) -> dict:
    """A recorded span (lines from 1, columns from 1 in chars) as an LSP range (UTF-16)."""
    def position(line: int, col: int) -> dict:
        text = lines[line - 1] if line - 1 < len(lines) else ""
        return {"line": line - 1, "character": len(text[:col - 1].encode("utf-16-le")) // 2}
    return {"start": position(span[0], span[1]), "end": position(span[2], span[3])}


def target_of(recording: str, package: str, file: str) -> Target:
    """The target whose crate `file` of the package folder `package` belongs to."""
    for (package_dir, name), owner in owners(load_targets(EXPECTED / f"{recording}.json")).items():
        if name == file and (package == "." or package_dir.as_posix().endswith("/" + package)):
            return owner
    raise AssertionError(f"{recording}: no target holds {package}/{file}")


@pytest.mark.parametrize(("recording", "package", "file"), MODULE_FILES, ids=lambda v: str(v))
async def test_module_file_gets_its_crates_ids(vscode: LanguageClient, recording: str, package: str,
                                                file: str) -> None:
    target = target_of(recording, package, file)
    path = target.package_dir / file
    if not path.is_file():
        pytest.skip(f"{path} is not installed (run scripts/install_corpus.sh)")
    text = path.read_text(encoding="utf-8")
    uri = from_fs_path(str(path))
    vscode.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="rust", version=1, text=text)))
    rows = json.loads(json.dumps(await vscode.protocol.send_request_async(
        "rustAst/nodeIds", {"textDocument": {"uri": uri}})))
    lines = text.splitlines()
    expected = target.files[file]
    wrong, right = [], 0
    for row in rows:
        key = (file, row["id"], row.get("field"))
        want = expected.get(key)
        ok = want is not None and want[:2] == (row["class"], row["kind"]) and (
            want[2] is None or lsp_range(lines, want[2]) == row["range"])
        if ok:
            right += 1
        else:
            wrong.append(f"{file}: id {row['id']}: rustc {want}, ours {row['class']}::{row['kind']} {row['range']}")
    print(f"{recording} {file}: {len(expected)} rustc ids, {len(rows)} answered, {len(wrong)} wrong, "
          f"recall {100 * right / max(1, len(expected)):.1f}%")
    assert wrong == [], "\n".join(wrong[:40])
    assert right > 0, "no NodeId answered for the module file"
