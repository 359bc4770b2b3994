"""What cargo passes rustc for a package, computed from Cargo.toml text (cargo 1.95).

For the library target cargo passes, in order: the lint level of `unexpected_cfgs`
from `[lints.rust]` (`--warn=unexpected_cfgs`, ...), that lint's `check-cfg` entries
verbatim, `--cfg feature="X"` per enabled feature, `--check-cfg cfg(docsrs,test)`,
`--check-cfg cfg(feature, values(..))` with every feature name in byte order (each
`[features]` key, and each optional dependency that no feature names as `dep:NAME`,
under its key in the manifest), and last the `cargo::rustc-check-cfg=` lines the
build script prints.

No file IO here: the caller (`ast_core/project.py`) reads Cargo.toml, the workspace
root manifest and build.rs, and passes their text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from typing import Any, get_args

from ast_core.cfg.edition import package_edition
from ast_core.cfg.levels import LintLevel, LintLevelSource
from ast_core.record import Record
from ast_core.tokens import tokenize, unescape_str

_LEVELS: dict[str, LintLevel] = {level: level for level in get_args(LintLevel)}
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_CHECK_CFG_PREFIXES = ("cargo::rustc-check-cfg=", "cargo:rustc-check-cfg=")
_DEPENDENCY_TABLES = ("dependencies", "build-dependencies")
#: The `--check-cfg` cargo passes for every package.
DOCSRS_TEST_CHECK_CFG = "cfg(docsrs,test)"


class ManifestError(Record):
    """A Cargo.toml cargo would reject: where (1-based line and column) and why."""

    __slots__ = ("file", "line", "column", "message")

    def __init__(self, file: str, line: int, column: int, message: str) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.message = message

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class UnexpectedCfgsLint(Record):
    """`[lints.rust] unexpected_cfgs`: its level (None when not configured) and its
    `check-cfg` entries."""

    __slots__ = ("level", "check_cfg")

    def __init__(self, level: LintLevel | None = None, check_cfg: tuple[str, ...] = ()) -> None:
        self.level = level
        self.check_cfg = check_cfg

    @property
    def level_source(self) -> LintLevelSource:
        """Where rustc's level comes from: cargo's command-line flag, or the default."""
        if self.level is None:
            return LintLevelSource()
        return LintLevelSource(self.level, "command_line")


NO_LINT = UnexpectedCfgsLint()
"""A manifest without `[lints.rust] unexpected_cfgs`."""


class CargoPackage(Record):
    """The parts of a package manifest that decide check-cfg."""

    __slots__ = ("name", "edition", "features", "optional_dependencies", "lint", "lints_from_workspace", "lib_path",
                 "bin_paths", "build")

    def __init__(self, name: str | None, edition: int, features: Mapping[str, tuple[str, ...]],
                 optional_dependencies: tuple[str, ...], lint: UnexpectedCfgsLint = NO_LINT,
                 lints_from_workspace: bool = False, lib_path: str | None = None, bin_paths: tuple[str, ...] = (),
                 build: str | bool | None = None) -> None:
        self.name = name
        self.edition = edition
        self.features = features
        self.optional_dependencies = optional_dependencies
        self.lint = lint
        # `[lints] workspace = true`: the lint config lives in the workspace root manifest.
        self.lints_from_workspace = lints_from_workspace
        # The targets declared (paths relative to the manifest's folder): `[lib] path`,
        # each `[[bin]] path`, and `package.build` (a path, or False for none; None when
        # unset: cargo then uses `build.rs` if it exists).
        self.lib_path = lib_path
        self.bin_paths = bin_paths
        self.build = build

    @property
    def feature_names(self) -> list[str]:
        """Every feature, in the byte order cargo lists them: `[features]` keys and
        the implicit features of optional dependencies no feature names as `dep:`."""
        named = {value[4:] for values in self.features.values() for value in values
                 if value.startswith("dep:")}
        implicit = [dep for dep in self.optional_dependencies if dep not in named]
        return sorted(set(self.features) | set(implicit), key=str.encode)

    @property
    def features_check_cfg(self) -> str:
        """The `--check-cfg` declaring the package's features."""
        values = ", ".join(f'"{name}"' for name in self.feature_names)
        return f"cfg(feature, values({values}))"

    def check_cfg_args(self, build_script: Iterable[str] = ()) -> list[str]:
        """The `--check-cfg` arguments cargo passes, in cargo's order."""
        return [*self.lint.check_cfg, DOCSRS_TEST_CHECK_CFG, self.features_check_cfg, *build_script]

    def enabled_features(self, requested: Iterable[str] = (), default: bool = True) -> frozenset[str]:
        """The features cargo enables (`--cfg feature="X"`): the requested ones and,
        unless `default` is off, `default`; then everything they enable in turn."""
        implicit = set(self.feature_names) - set(self.features)
        todo = [*requested, *(["default"] if default and "default" in self.features else [])]
        enabled: set[str] = set()
        while todo:
            name = todo.pop()
            if name in enabled or (name not in self.features and name not in implicit):
                continue
            enabled.add(name)
            for value in self.features.get(name, ()):
                if value.startswith("dep:") or "?/" in value:
                    continue
                todo.append(value.split("/", 1)[0])
        return frozenset(enabled)


def _manifest_error(file: str, err: tomllib.TOMLDecodeError) -> ManifestError:
    text = str(err)
    m = _TOML_POSITION.search(text)
    if m is None:
        return ManifestError(file, 1, 1, text)
    return ManifestError(file, int(m.group(1)), int(m.group(2)), text[:m.start()])


def _line_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _position(text: str, *patterns: str) -> tuple[int, int]:
    """Line and column (from 1) of the first pattern that matches (at its group 1 if
    it has one), or 1:1."""
    for pattern in patterns:
        m = re.search(pattern, text, re.MULTILINE)
        if m is not None:
            return _line_col(text, m.start(1) if m.re.groups else m.start())
    return 1, 1


def _read_lint(lints: Any, text: str, file: str) -> UnexpectedCfgsLint | ManifestError:
    """The `unexpected_cfgs` entry of a `[lints.rust]` (or `[workspace.lints.rust]`)."""
    entry = lints.get("rust", {}).get("unexpected_cfgs") if isinstance(lints, dict) else None
    if entry is None:
        return NO_LINT
    if isinstance(entry, str):
        written, check_cfg = entry, []
    elif isinstance(entry, dict):
        if "level" not in entry:
            # cargo points at the table header, or (inferred) at the inline table.
            where = _position(text, r"^\[(?:workspace\.)?lints\.rust\.unexpected_cfgs\]",
                              r"unexpected_cfgs\s*=\s*(\{)")
            return ManifestError(file, *where, "missing field `level`")
        written, check_cfg = entry["level"], entry.get("check-cfg", [])
    else:
        return ManifestError(file, *_position(text, r"unexpected_cfgs"), "invalid type for `unexpected_cfgs`")
    level = _LEVELS.get(written)
    if level is None:
        return ManifestError(file, *_position(text, r"unexpected_cfgs"),
                             # (inferred: serde's wording for an unknown level)
                             f"unknown variant `{written}`, expected one of `forbid`, `deny`, "
                             "`warn`, `allow`, `expect`")
    return UnexpectedCfgsLint(level, tuple(str(spec) for spec in check_cfg))


def _optional_dependencies(manifest: Mapping[str, Any]) -> tuple[str, ...]:
    tables = [manifest.get(name, {}) for name in _DEPENDENCY_TABLES]
    for target in manifest.get("target", {}).values():
        tables += [target.get(name, {}) for name in _DEPENDENCY_TABLES]
    deps = {key for table in tables for key, spec in table.items()
            if isinstance(spec, dict) and spec.get("optional") is True}
    return tuple(sorted(deps))


def read_manifest(text: str, file: str = "Cargo.toml", *, workspace: str | None = None,
                  workspace_file: str = "Cargo.toml",
                  workspace_table: Mapping[str, Any] | None = None) -> CargoPackage | ManifestError:
    """A package manifest, with `workspace = true` entries taken from the workspace
    root manifest `workspace` (its text; `workspace_table` is that text parsed, when
    the caller has parsed it) when given; the manifest itself serves as the root when
    it has a `[workspace]` table."""
    try:
        manifest = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        return _manifest_error(file, err)
    root: Mapping[str, Any] = manifest
    root_text, root_file = text, file
    if workspace is not None:
        try:
            root = workspace_table if workspace_table is not None else tomllib.loads(workspace)
        except tomllib.TOMLDecodeError as err:
            return _manifest_error(workspace_file, err)
        root_text, root_file = workspace, workspace_file
    inherited = root.get("workspace", {})
    package = manifest.get("package", {})
    edition = package_edition(package, inherited if isinstance(inherited, dict) else {})
    if isinstance(edition, str):
        # At the `edition` entry: cargo points there for a value of the wrong type, and
        # names no line for an unknown edition.
        where = _position(text, r"^\s*edition\s*=\s*(\S)", r"^\s*edition\.")
        return ManifestError(file, *where, edition)
    lints = manifest.get("lints", {})
    from_workspace = isinstance(lints, dict) and lints.get("workspace") is True
    if from_workspace:
        if "lints" not in inherited:
            return ManifestError(file, *_position(text, r"^\[lints\]"),
                                 "error inheriting `lints` from workspace root manifest's "
                                 "`workspace.lints`")
        lint = _read_lint(inherited["lints"], root_text, root_file)
    else:
        lint = _read_lint(lints, text, file)
    if isinstance(lint, ManifestError):
        return lint
    features = {name: tuple(values) for name, values in manifest.get("features", {}).items()}
    lib = manifest.get("lib")
    lib_path = lib.get("path") if isinstance(lib, dict) and isinstance(lib.get("path"), str) else None
    bins = tuple(b["path"] for b in manifest.get("bin", []) if isinstance(b, dict) and isinstance(b.get("path"), str))
    build = package.get("build")
    return CargoPackage(package.get("name"), edition, features,
                        _optional_dependencies(manifest), lint, from_workspace, lib_path, bins,
                        build if isinstance(build, (str, bool)) else None)


def build_script_check_cfgs(text: str) -> list[str]:
    """The specs a build script prints as `cargo::rustc-check-cfg=SPEC` (or the old
    `cargo:rustc-check-cfg=SPEC`), from the string literals that open `println!`
    calls: plain and raw strings, `{{`/`}}` unescaped. A line built at run time
    (`format!`, a `{}` placeholder, a loop over names) is out of reach and skipped."""
    data = text.encode()
    tokens = tokenize(data)
    specs = []
    for i, tok in enumerate(tokens[:-3]):
        if not (tok.text == "println" and tokens[i + 1].text == "!" and tokens[i + 2].kind == "open"):
            continue
        literal = tokens[i + 3]
        value = unescape_str(literal.text) if literal.kind == "literal" else None
        if value is None or not value.startswith(_CHECK_CFG_PREFIXES):
            continue
        if "{" in value.replace("{{", ""):  # a format placeholder: built at run time
            continue
        spec = value.split("=", 1)[1].replace("{{", "{").replace("}}", "}")
        specs.append(spec)
    return specs
