"""`ast_core.cfg.cargo`: the `--check-cfg` list, lint level, features and edition cargo
derives from Cargo.toml (check-cfg.md §4.4-4.5), and build-script check-cfg lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from ast_core.cfg.cargo import (
    CargoPackage, ManifestError, UnexpectedCfgsLint, build_script_check_cfgs, read_manifest,
)
from ast_core.cfg.levels import LintLevelSource
from ast_core.project import load_package, manifest_edition

APP = """\
[package]
name = "app"
version = "0.1.0"
edition = "2021"

[features]
default = ["std"]
std = []
serde-support = []
full = ["std", "dep:depa"]

[dependencies]
depa = { path = "../depa", optional = true }
dep-b = { path = "../depb", optional = true }
plain = { path = "../plain" }

[lints.rust]
unexpected_cfgs = { level = "warn", check-cfg = ['cfg(has_foo)', 'cfg(my_flag, values("a", "b"))'] }
"""


def package(text: str, **kw: str) -> CargoPackage:
    result = read_manifest(text, **kw)
    assert isinstance(result, CargoPackage), result
    return result


def test_spec_example_argument_list() -> None:
    app = package(APP)
    build = build_script_check_cfgs(
        'fn main() {\n    println!("cargo::rustc-check-cfg=cfg(from_build, values(\\"x\\", \\"y\\"))");\n'
        '    println!("cargo:rustc-check-cfg=cfg(old_syntax)");\n}\n')
    assert app.check_cfg_args(build) == [
        "cfg(has_foo)",
        'cfg(my_flag, values("a", "b"))',
        "cfg(docsrs,test)",
        'cfg(feature, values("default", "dep-b", "full", "serde-support", "std"))',
        'cfg(from_build, values("x", "y"))',
        "cfg(old_syntax)",
    ]
    assert app.lint == UnexpectedCfgsLint("warn", ("cfg(has_foo)", 'cfg(my_flag, values("a", "b"))'))
    assert app.lint.level_source == LintLevelSource("warn", "command_line")
    assert app.enabled_features() == {"default", "std"}
    assert app.edition == 2021 and app.name == "app"


def test_no_features_and_no_lints() -> None:
    bare = package('[package]\nname = "bare"\n')
    assert bare.check_cfg_args() == ["cfg(docsrs,test)", "cfg(feature, values())"]
    assert bare.edition == 2015
    assert bare.lint.level_source == LintLevelSource()


def test_feature_names() -> None:
    text = """\
[package]
name = "x"
[features]
"a+b" = []
with-dash = ["renamed"]
zed = ["dep:hidden"]
[dependencies]
renamed = { package = "real", path = "r", optional = true }
hidden = { path = "h", optional = true }
[target.'cfg(unix)'.dependencies]
unix-only = { path = "u", optional = true }
[build-dependencies]
builder = { path = "b", optional = true }
"""
    pkg = package(text)
    assert pkg.feature_names == ["a+b", "builder", "renamed", "unix-only", "with-dash", "zed"]
    assert pkg.enabled_features(["with-dash"], default=False) == {"with-dash", "renamed"}


def test_enabled_features_are_transitive() -> None:
    text = """\
[package]
name = "x"
[features]
default = ["std"]
std = ["alloc", "dep-a/std", "dep-b?/std"]
alloc = []
extra = []
[dependencies]
dep-a = { path = "a", optional = true }
dep-b = { path = "b", optional = true }
"""
    pkg = package(text)
    assert pkg.enabled_features() == {"default", "std", "alloc", "dep-a"}
    assert pkg.enabled_features(["extra"], default=False) == {"extra"}


def test_lint_forms() -> None:
    string = package('[package]\nname = "x"\n[lints.rust]\nunexpected_cfgs = "deny"\n')
    assert string.lint == UnexpectedCfgsLint("deny")
    table = package('[package]\nname = "x"\n[lints.rust.unexpected_cfgs]\nlevel = "allow"\n'
                    "priority = 2\ncheck-cfg = ['cfg(a)']\n")
    assert table.lint == UnexpectedCfgsLint("allow", ("cfg(a)",))
    assert table.check_cfg_args()[:2] == ["cfg(a)", "cfg(docsrs,test)"]


def test_missing_level() -> None:
    text = '[package]\nname = "x"\n\n[lints.rust.unexpected_cfgs]\ncheck-cfg = [\'cfg(foo)\']\n'
    assert read_manifest(text) == ManifestError("Cargo.toml", 4, 1, "missing field `level`")
    inline = '[package]\nname = "x"\n[lints.rust]\nunexpected_cfgs = { check-cfg = [] }\n'
    assert read_manifest(inline, "m/Cargo.toml") == ManifestError("m/Cargo.toml", 4, 19, "missing field `level`")


def test_unknown_level() -> None:
    error = read_manifest('[package]\nname = "x"\n[lints.rust]\nunexpected_cfgs = "loud"\n')
    assert isinstance(error, ManifestError) and error.line == 4
    assert error.message.startswith("unknown variant `loud`")


def test_toml_syntax_error_names_file_line_and_column() -> None:
    error = read_manifest('[package]\nname = "x"\nversion = \n', "crate/Cargo.toml")
    assert isinstance(error, ManifestError)
    assert (error.file, error.line, error.column) == ("crate/Cargo.toml", 3, 11)
    assert error.message == "Invalid value"
    assert str(error) == "crate/Cargo.toml:3:11: Invalid value"


def test_workspace_inheritance() -> None:
    root = """\
[workspace]
members = ["m"]
[workspace.package]
edition = "2018"
[workspace.lints.rust]
unexpected_cfgs = { level = "warn", check-cfg = ['cfg(ws_flag)'] }
"""
    member = '[package]\nname = "m"\nedition.workspace = true\n[lints]\nworkspace = true\n'
    pkg = package(member, workspace=root)
    assert pkg.edition == 2018 and pkg.lints_from_workspace
    assert pkg.lint == UnexpectedCfgsLint("warn", ("cfg(ws_flag)",))
    error = read_manifest(member)
    assert isinstance(error, ManifestError) and error.line == 4
    broken = read_manifest(member, workspace="[workspace\n", workspace_file="../Cargo.toml")
    assert isinstance(broken, ManifestError) and broken.file == "../Cargo.toml"


def test_root_package_is_its_own_workspace() -> None:
    text = ('[package]\nname = "x"\nedition.workspace = true\n[lints]\nworkspace = true\n'
            '[workspace]\n[workspace.package]\nedition = "2024"\n'
            '[workspace.lints.rust]\nunexpected_cfgs = "allow"\n')
    pkg = package(text)
    assert (pkg.edition, pkg.lint.level) == (2024, "allow")


@pytest.mark.parametrize("value,position,message", [
    ('"abc"', (4, 11), "failed to parse the `edition` key: supported edition values are `2015`, `2018`, "
                       "`2021`, or `2024`, but `abc` is unknown"),
    ('"2038"', (4, 11), "failed to parse the `edition` key: this version of Cargo is older than the `2038` "
                        "edition, and only supports `2015`, `2018`, `2021`, and `2024` editions."),
    ("2021", (4, 11), "invalid type: integer `2021`, expected a string or workspace"),
    ("true", (4, 11), "invalid type: boolean `true`, expected a string or workspace"),
    ("{ workspace = false }", (4, 11), "`workspace` cannot be false"),
])
def test_edition_cargo_rejects(value: str, position: tuple[int, int], message: str) -> None:
    """cargo 1.95's errors (its wording; for an unknown edition cargo names no line)."""
    text = f'[package]\nname = "x"\nversion = "0.1.0"\nedition = {value}\n'
    assert read_manifest(text, "x/Cargo.toml") == ManifestError("x/Cargo.toml", *position, message)


def test_inherited_edition_cargo_rejects() -> None:
    member = '[package]\nname = "m"\nedition.workspace = true\n'
    error = read_manifest(member, workspace='[workspace]\n[workspace.package]\nedition = "x1"\n')
    assert isinstance(error, ManifestError) and (error.line, error.column) == (3, 1)
    assert error.message.endswith("but `x1` is unknown")


def test_bad_edition_is_a_manifest_error_of_the_package(tmp_path: Path) -> None:
    (tmp_path / "Cargo.toml").write_text('[package]\nname = "x"\nedition = "abc"\n')
    loaded = load_package(tmp_path / "Cargo.toml")
    assert isinstance(loaded.cargo, ManifestError) and loaded.cargo.message.endswith("but `abc` is unknown")
    assert manifest_edition(tmp_path / "Cargo.toml") is None


def test_manifest_edition_follows_the_workspace_root(tmp_path: Path) -> None:
    (tmp_path / "Cargo.toml").write_text('[workspace]\nmembers = ["m"]\n[workspace.package]\nedition = "2018"\n')
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "Cargo.toml").write_text('[package]\nname = "m"\nedition.workspace = true\n')
    assert manifest_edition(tmp_path / "m" / "Cargo.toml") == 2018
    loaded = load_package(tmp_path / "m" / "Cargo.toml")
    assert isinstance(loaded.cargo, CargoPackage) and loaded.cargo.edition == 2018
    (tmp_path / "Cargo.toml").write_text('[package]\nname = "r"\nedition.workspace = true\n'
                                         '[workspace]\n[workspace.package]\nedition = "2024"\n')
    assert manifest_edition(tmp_path / "Cargo.toml") == 2024


def test_build_script_lines() -> None:
    build = r'''
fn main() {
    println!("cargo::rustc-check-cfg=cfg(a)");
    println!("cargo:rustc-check-cfg=cfg(b)");
    println!(r#"cargo::rustc-check-cfg=cfg(c, values("x"))"#);
    println!("cargo::rustc-check-cfg=cfg(d, values(\"{{y}}\"))");
    println!("cargo::rustc-check-cfg=cfg({})", name);
    println!("cargo::rustc-cfg=a");
    let s = "cargo::rustc-check-cfg=cfg(not_printed)";
    // println!("cargo::rustc-check-cfg=cfg(commented)");
}
'''
    assert build_script_check_cfgs(build) == [
        "cfg(a)", "cfg(b)", 'cfg(c, values("x"))', 'cfg(d, values("{y}"))']
