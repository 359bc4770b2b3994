"""The crate model: which crate a file belongs to, its configuration, and crate-wide
NodeIds that follow edits and changes on disk. The expected ids follow node-ids.md
(edition 2021: the first item of a crate without inner attributes is 7); the
differential tests against rustc's recordings are in test_crate_ids.py."""

from __future__ import annotations

import os
from pathlib import Path

from ast_core.analysis import Analysis
from ast_core.crate import Crates, Request, build_script_cfgs, parse_cfg_specs, workspace
from ast_core.crate.model import CrateFile


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def touch_later(path: Path, text: str) -> None:
    """Rewrite `path` with a modification time surely different from before."""
    stat = path.stat()
    path.write_text(text)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def ids(file: CrateFile) -> dict[str, int]:
    """`ident -> id` of the items of a file, as the crate numbers them."""
    assert file.crate.prepare(file)
    return {row["ident"]: row["id"] for row in Analysis(file.doc).id_rows()
            if row["class"] == "Item" and "ident" in row}


PACKAGE = {
    "Cargo.toml": '[package]\nname = "p"\nversion = "0.1.0"\nedition = "2021"\n\n'
                  '[features]\ndefault = ["std"]\nstd = ["alloc"]\nalloc = []\nextra = []\n',
    "src/lib.rs": '#[cfg(feature = "alloc")] fn with_alloc() {}\nmod a;\nfn after() {}\n',
    "src/a.rs": "fn f() {}\n",
    "src/main.rs": "mod only_bin;\nfn main() {}\n",
    "src/only_bin.rs": "fn g() {}\n",
    "src/stray.rs": "fn s() {}\n",
}


def test_a_module_file_gets_the_crate_ids_at_its_mod_item(tmp_path: Path) -> None:
    write(tmp_path, PACKAGE)
    file = Crates().crate_of(tmp_path / "src/a.rs")
    assert (file.crate.kind, file.module_name) == ("lib", "crate::a")
    # with_alloc 7 (its cfg segment 8, block 9) · mod a 10 · f 11 (block 12) · after 13
    assert ids(file) == {"f": 11}
    assert ids(file.crate.root_file()) == {"with_alloc": 7, "a": 10, "after": 13}
    assert file.crate.config.features == ("alloc", "default", "std")  # through the chain


def test_the_configuration_decides_the_ids(tmp_path: Path) -> None:
    write(tmp_path, PACKAGE)
    file = Crates(Request(no_default_features=True)).crate_of(tmp_path / "src/a.rs")
    assert file.crate.config.features == ()
    assert ids(file.crate.root_file()) == {"a": 7, "after": 10}
    assert ids(file) == {"f": 8}
    extra = Crates(Request(features=("extra",), cfgs=(("x", None),))).crate_of(tmp_path / "src/lib.rs")
    assert extra.crate.config.features == ("alloc", "default", "extra", "std")
    assert ("x", None) in extra.crate.config.cfg


def test_each_file_belongs_to_the_first_target_reaching_it(tmp_path: Path) -> None:
    write(tmp_path, PACKAGE)
    crates = Crates()
    only_bin = crates.crate_of(tmp_path / "src/only_bin.rs")
    assert (only_bin.crate.kind, only_bin.crate.root.name) == ("bin", "main.rs")
    assert ids(only_bin) == {"g": 8}  # mod only_bin 7
    stray = crates.crate_of(tmp_path / "src/stray.rs")
    assert stray.crate.kind == "file" and stray.is_root
    assert ids(stray) == {"s": 7}


def test_a_file_growing_on_disk_shifts_the_ids_after_its_mod_item(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(workspace, "DISK_CHECK_SECONDS", 3600.0)
    write(tmp_path, PACKAGE)
    crates = Crates()
    root = crates.crate_of(tmp_path / "src/lib.rs")
    assert ids(root)["after"] == 13
    touch_later(tmp_path / "src/a.rs", "fn f() {}\nfn g() {}\n")
    assert not crates.check_disk()  # checked less than DISK_CHECK_SECONDS ago: trusted
    crates.files_changed([tmp_path / "src/a.rs"])  # a watcher's report: the next check runs at once
    assert crates.check_disk()
    assert ids(root)["after"] == 15


def test_changes_nobody_reports_are_seen_by_the_next_check(tmp_path: Path, monkeypatch) -> None:
    """Without a watcher, the check a read makes once a second finds module files and
    Cargo.toml changed by their stamps."""
    monkeypatch.setattr(workspace, "DISK_CHECK_SECONDS", 0.0)
    write(tmp_path, PACKAGE)
    crates = Crates()
    root = crates.crate_of(tmp_path / "src/lib.rs")
    assert not crates.check_disk()
    touch_later(tmp_path / "src/a.rs", "fn f() {}\nfn g() {}\n")
    assert crates.check_disk()
    assert ids(root)["after"] == 15
    touch_later(tmp_path / "Cargo.toml", PACKAGE["Cargo.toml"].replace('default = ["std"]', "default = []"))
    assert crates.check_disk()
    assert root.crate not in crates.crates()  # dropped with its package: read again when asked for
    assert ids(crates.crate_of(tmp_path / "src/lib.rs")) == {"a": 7, "after": 12}  # with_alloc cfg'd out


def test_a_new_cargo_toml_or_build_script_reported_changes_the_crate(tmp_path: Path) -> None:
    """Files no package read yet are seen only when reported (a watcher, a save): the
    package of their folder is read again."""
    write(tmp_path, {name: text for name, text in PACKAGE.items() if name != "Cargo.toml"})
    crates = Crates()
    assert crates.crate_of(tmp_path / "src/a.rs").crate.kind == "file"  # no package: a crate of its own
    write(tmp_path, {"Cargo.toml": PACKAGE["Cargo.toml"]})
    crates.files_changed([tmp_path / "Cargo.toml"])
    assert crates.check_disk()
    assert not any(crate.kind == "file" for crate in crates.crates())
    file = crates.crate_of(tmp_path / "src/a.rs")
    assert (file.crate.kind, file.crate.config.cfgs) == ("lib", ())
    write(tmp_path, {"build.rs": 'fn main() {\n    println!("cargo::rustc-cfg=has_x");\n}\n'})
    crates.files_changed([tmp_path / "build.rs"])
    assert crates.check_disk()
    assert crates.crate_of(tmp_path / "src/a.rs").crate.config.cfgs == (("has_x", None),)


def test_an_edit_in_an_open_module_moves_the_files_after_it(tmp_path: Path) -> None:
    write(tmp_path, {**PACKAGE, "src/lib.rs": "mod a;\nmod b;\nfn after() {}\n", "src/b.rs": "fn h() {}\n"})
    crates = Crates()
    a = crates.open(tmp_path / "src/a.rs", b"fn f() {}\n")
    b = crates.crate_of(tmp_path / "src/b.rs")
    # mod a 7 · f 8 (block 9) · mod b 10 · h 11 (block 12) · after 13
    assert ids(b) == {"h": 11}
    revision = a.crate.root_file().doc.revision
    a.doc.edit(3, 4, b"g")  # `fn g() {}`: the same count, nothing after it moves
    assert (ids(b), ids(a), a.crate.root_file().doc.revision) == ({"h": 11}, {"g": 8}, revision)
    a.doc.edit(3, 4, b"f")
    a.doc.edit(0, 0, b"fn e() {}\n")
    assert ids(b) == {"h": 13}
    assert ids(a) == {"e": 8, "f": 10}
    assert ids(a.crate.root_file())["after"] == 15
    crates.close(tmp_path / "src/a.rs")  # back to the disk's text
    assert ids(b) == {"h": 11}


def test_code_that_cannot_be_read_typed_in_a_module_leaves_the_ids_after_its_mod_item_unknown(tmp_path: Path) -> None:
    write(tmp_path, {**PACKAGE, "src/lib.rs": "mod a;\nfn after() {}\n"})
    a = Crates().open(tmp_path / "src/a.rs", b"fn f() {}\n")
    root = a.crate.root_file()
    assert ids(root) == {"a": 7, "after": 10}
    a.doc.edit(10, 10, b"fn g() { let = ; }\n")
    assert ids(root) == {"a": 7}  # `after` has no id: the count of a.rs is unknown
    a.doc.edit(10, 29, b"fn g() {}\n")
    assert ids(a) == {"f": 8, "g": 10}
    assert ids(root) == {"a": 7, "after": 12}

def test_a_file_read_from_disk_keeps_no_syntax_tree_until_the_editor_opens_it(tmp_path: Path) -> None:
    write(tmp_path, {**PACKAGE, "src/lib.rs": "mod a;\nmod b;\nfn after() {}\n", "src/b.rs": "fn h() {}\n"})
    crates = Crates()
    b = crates.crate_of(tmp_path / "src/b.rs")
    a = b.crate.files[(tmp_path / "src/a.rs").resolve()]
    assert a.doc is not None and b.doc is not None
    assert not a.doc.editable and not b.doc.editable  # the model only: a crate has many such files
    assert ids(a) == {"f": 8}
    opened = crates.open(tmp_path / "src/a.rs", b"fn f() {}\n")  # the disk's text, now the editor's
    assert opened.doc is not None and opened.doc.editable
    opened.doc.edit(0, 0, b"fn e() {}\n")
    assert ids(opened) == {"e": 8, "f": 10}
    assert ids(b) == {"h": 13}


def test_files_nobody_edits_keep_their_counts_and_are_lowered_again_when_read(tmp_path: Path, monkeypatch) -> None:
    """While files are open in the editor, a file read from disk with no open file among
    its modules keeps only what numbering needs (`Document.drop_model`); a change below
    it renumbers it, and reading it lowers it again, with the crate's ids."""
    monkeypatch.setattr(workspace, "DISK_CHECK_SECONDS", 0.0)
    write(tmp_path, {**PACKAGE, "src/lib.rs": "mod a;\nmod b;\nfn after() {}\n",
                     "src/a.rs": "fn f() {}\nmod c;\nfn g() {}\n", "src/a/c.rs": "fn h() {}\n",
                     "src/b.rs": "fn i() {}\n"})
    crates = Crates()
    b = crates.open(tmp_path / "src/b.rs", b"fn i() {}\n")
    root = b.crate.root_file()
    a, c = (b.crate.files[(tmp_path / name).resolve()] for name in ("src/a.rs", "src/a/c.rs"))
    assert a.doc is not None and c.doc is not None and root.doc is not None and b.doc is not None
    assert (a.doc.model_kept, c.doc.model_kept, root.doc.model_kept, b.doc.model_kept) == (False, False, True, True)
    # a pass over the crate's files (check-cfg's session) reads the models as loaded and keeps its results
    for file in (root, a, c, b):
        assert file.doc is not None and file.doc.unit_results("items", lambda unit: len(unit.items),
                                                              lambda count, delta: count) == [1] * len(file.doc.units)
    assert all(unit.dropped for unit in (*a.doc.units, *c.doc.units))
    assert not any(unit.dropped for unit in (*root.doc.units, *b.doc.units))  # b is open, lib.rs above it
    touch_later(tmp_path / "src/a/c.rs", "fn h() {}\nfn h2() {}\n")
    assert crates.check_disk()
    # mod a 7 · f 8 (block 9) · mod c 10 · h 11 (12) · h2 13 (14) · g 15 (16) · mod b 17 · i 18 (19) · after 20
    assert ids(b) == {"i": 18}
    assert ids(root) == {"a": 7, "b": 17, "after": 20}
    assert ids(a) == {"f": 8, "c": 10, "g": 15}
    assert ids(c) == {"h": 11, "h2": 13}


def test_module_paths_as_rustc_follows_them(tmp_path: Path) -> None:
    write(tmp_path, {
        "Cargo.toml": '[package]\nname = "q"\nversion = "0.1.0"\nedition = "2021"\n',
        "src/lib.rs": 'mod outer;\nmod inline {\n    #[path = "deep.rs"]\n    mod d;\n}\n'
                      '#[cfg_attr(all(), path = "elsewhere/e.rs")]\nmod e;\n#[cfg(any())]\nmod gone;\n',
        "src/outer.rs": "mod child;\n",  # a non-mod-rs file owns `outer/`
        "src/outer/child.rs": "fn c() {}\n",
        "src/inline/deep.rs": "fn d() {}\n",
        "src/elsewhere/e.rs": "fn e() {}\n",
        "src/gone.rs": "fn gone() {}\n",
    })
    crates = Crates()
    child = crates.crate_of(tmp_path / "src/outer/child.rs")
    assert child.module_name == "crate::outer::child"
    deep = crates.crate_of(tmp_path / "src/inline/deep.rs")
    assert deep.module_name == "crate::inline::d"
    assert crates.crate_of(tmp_path / "src/elsewhere/e.rs").module_name == "crate::e"
    gone = crates.crate_of(tmp_path / "src/gone.rs")
    assert gone.crate.kind == "file"  # the cfg'd-out `mod gone;` loads nothing


def test_build_scripts_set_the_cfgs_they_print_unconditionally() -> None:
    text = '''
fn main() {
    println!("cargo::rustc-cfg=fast");
    println!("cargo:rustc-cfg=flavor=\\"small\\"");
    if std::env::var("X").is_ok() {
        println!("cargo::rustc-cfg=conditional");
    }
    println!("cargo::rustc-cfg={}", name());
}
fn helper() { println!("cargo::rustc-cfg=in_helper"); }
'''
    assert build_script_cfgs(text) == [("fast", None), ("flavor", "small")]


def test_cfg_specs_parse_as_rustc_takes_them() -> None:
    assert parse_cfg_specs(["a", 'b="c"']) == (("a", None), ("b", "c"))
    assert parse_cfg_specs(["not a cfg"]) is None


def test_code_that_cannot_be_read_before_a_mod_item_leaves_the_files_ids_unknown(tmp_path: Path) -> None:
    write(tmp_path, {**PACKAGE, "src/lib.rs": "fn broken( {}\nmod a;\nfn after() {}\n"})
    crates = Crates()
    root = crates.open(tmp_path / "src/lib.rs", (tmp_path / "src/lib.rs").read_bytes())
    a = crates.crate_of(tmp_path / "src/a.rs")
    assert a.crate is root.crate
    assert ids(a) == {}  # never a guessed id
    assert Analysis(a.doc).unreadable(a.doc.krate.items[0])
    root.doc.edit(0, len(root.doc.src), b"fn fixed() {}\nmod a;\nfn after() {}\n")
    assert ids(a) == {"f": 10}  # fixed 7 (block 8) · mod a 9


def test_a_module_a_macro_call_declares_is_the_crates_with_unknown_ids(tmp_path: Path) -> None:
    write(tmp_path, {**PACKAGE, "src/lib.rs": "macro_rules! cfg_x { ($($i:item)*) => { $($i)* } }\n"
                                              "cfg_x! { mod a; }\nfn after() {}\n",
                     "src/a.rs": "mod inner;\nfn f() {}\n", "src/a/inner.rs": "fn g() {}\n"})
    crates = Crates()
    inner = crates.crate_of(tmp_path / "src/a/inner.rs")
    assert (inner.crate.kind, inner.module_name, inner.declaring_macro) == ("lib", "crate::a::inner", "cfg_x")
    assert ids(inner) == {}
    analysis = Analysis(inner.doc)
    [g] = analysis.krate.items
    assert analysis.no_id_reasons.reason([g]) == (
        "expansion", "numbered after the macro call `cfg_x!` declaring this module expands")
    assert ids(inner.crate.root_file()) == {"cfg_x": 7, "after": 8}  # the call itself uses no id


def test_a_cfg_a_build_script_may_set_unseen_makes_the_ids_after_it_unknown(tmp_path: Path) -> None:
    write(tmp_path, {**PACKAGE, "build.rs": 'fn main() {\n    if std::env::var("X").is_ok() {\n'
                                            '        println!("cargo::rustc-cfg=maybe");\n    }\n}\n',
                     "src/lib.rs": "fn before() {}\n#[cfg(maybe)]\nfn perhaps() {}\n#[cfg(unix)]\nfn after() {}\n"})
    file = Crates().crate_of(tmp_path / "src/lib.rs")
    assert file.crate.config.open_names == {"maybe"}
    assert ids(file) == {"before": 7}  # whether `perhaps` exists is unknown: so is every later id


def test_a_path_attribute_in_a_non_mod_rs_file_is_relative_to_its_folder(tmp_path: Path) -> None:
    # as rustc 1.95 loads them: `src/x.rs` (not `src/b/x.rs`), and inside an inline
    # module `src/b/inl/y.rs` (not `src/inl/y.rs`)
    write(tmp_path, {**PACKAGE, "src/lib.rs": "mod b;\n",
                     "src/b.rs": '#[path = "x.rs"] mod x;\nmod inl { #[path = "y.rs"] mod y; }\n',
                     "src/x.rs": "fn in_src_x() {}\n", "src/b/x.rs": "fn in_b_x() {}\n",
                     "src/b/inl/y.rs": "fn in_b_inl_y() {}\n", "src/inl/y.rs": "fn in_inl_y() {}\n"})
    crates = Crates()
    assert crates.crate_of(tmp_path / "src/x.rs").module_name == "crate::b::x"
    assert crates.crate_of(tmp_path / "src/b/inl/y.rs").module_name == "crate::b::inl::y"
    assert crates.crate_of(tmp_path / "src/b/x.rs").crate.kind == "file"


def test_cargos_record_of_the_last_build_script_run_gives_its_cfgs(tmp_path: Path) -> None:
    write(tmp_path, {**PACKAGE, "build.rs": 'fn main() {\n    if std::env::var("X").is_ok() {\n'
                                            '        println!("cargo::rustc-cfg=maybe");\n    }\n}\n',
                     "src/lib.rs": "fn before() {}\n#[cfg(maybe)]\nfn perhaps() {}\nfn after() {}\n",
                     "target/CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n",
                     "target/debug/build/p-0123/output": "cargo::rustc-cfg=maybe\ncargo:rerun-if-changed=build.rs\n"})
    output = tmp_path / "target/debug/build/p-0123/output"
    touch_later(output, output.read_text())  # newer than build.rs
    file = Crates().crate_of(tmp_path / "src/lib.rs")
    assert (file.crate.config.cfgs, file.crate.config.open_names) == ((("maybe", None),), frozenset())
    assert ids(file) == {"before": 7, "perhaps": 9, "after": 12}  # (the cfg segment 10, block 11)
