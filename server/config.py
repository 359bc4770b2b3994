"""Settings (section `rustAst`), typed, documented, with defaults. A bad value is
reported (`window/showMessage`) and its default kept, as jedi-language-server does.

The `doc` metadata is what `editors/vscode/package.json` declares; a test keeps the two
in sync.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from ast_core.cfg.expected import CheckCfgError, parse_check_cfg
from ast_core.targets import host_target
from ast_core.project import EDITIONS


@dataclass(frozen=True)
class Settings:
    """`rustAst.*`; keys are the camelCase dotted names in the metadata."""

    check_cfg_extra: tuple[str, ...] = field(default=(), metadata={
        "key": "checkCfg.extra", "type": "array",
        "doc": "Extra `--check-cfg` specs, e.g. `cfg(has_foo)` or `cfg(flavor, values(\"a\", \"b\"))`."})
    check_cfg_features: tuple[str, ...] = field(default=(), metadata={
        "key": "checkCfg.features", "type": "array",
        "doc": "Cargo features to treat as enabled when deciding which code is active."})
    cargo_no_default_features: bool = field(default=False, metadata={
        "key": "cargo.noDefaultFeatures", "type": "boolean",
        "doc": "Do not enable the `default` feature (as `cargo build --no-default-features`)."})
    cargo_all_features: bool = field(default=False, metadata={
        "key": "cargo.allFeatures", "type": "boolean",
        "doc": "Enable every cargo feature (as `cargo build --all-features`)."})
    cfg_extra: tuple[str, ...] = field(default=(), metadata={
        "key": "cfg.extra", "type": "array",
        "doc": "Cfgs to set, `name` or `name=\"value\"`, as a build script sets them with `cargo::rustc-cfg`."})
    check_cfg_all_configurations: bool = field(default=True, metadata={
        "key": "checkCfg.allConfigurations", "type": "boolean",
        "doc": "Also lint files the active configuration does not compile (other platforms' modules, modules "
               "under a false cfg) and the cfgs inside items a false cfg removes (`#[cfg(test)] mod tests`), "
               "marking their findings; off: only what the active configuration compiles."})
    cfg_target: str | None = field(default=None, metadata={
        "key": "cfg.target", "type": ["string", "null"],
        "doc": "Target triple whose cfg values decide active code; null: the host's."})
    inlay_hints_node_ids: bool = field(default=False, metadata={
        "key": "inlayHints.nodeIds", "type": "boolean",
        "doc": "Show rustc's NodeIds as inlay hints after items, blocks, expressions and patterns."})
    rustc_path: str | None = field(default=None, metadata={
        "key": "rustc.path", "type": ["string", "null"],
        "doc": "The rustc whose well-known cfg names and target configurations check-cfg uses. "
               "null: the shipped rustc 1.95 tables, or the `rustc` on PATH when the client says the "
               "workspace is trusted (a workspace can choose that rustc through `rust-toolchain.toml`)."})
    max_file_size: int = field(default=10_000_000, metadata={
        "key": "maxFileSize", "type": "integer",
        "doc": "Files larger than this many bytes are not analysed: they get a diagnostic saying so, and "
               "requests about them fail at once."})
    edition: int | None = field(default=None, metadata={
        "key": "edition", "type": ["string", "null"],
        "doc": "Rust edition (2015, 2018, 2021, 2024); default: the nearest Cargo.toml's, else 2021."})
    # Per-feature switches, so rust-ast can run beside rust-analyzer (README, "Editors").
    hover_enable: bool = field(default=True, metadata={
        "key": "hover.enable", "type": "boolean",
        "doc": "Hovers: the AST node under the cursor, its NodeId and its parents."})
    outline_enable: bool = field(default=True, metadata={
        "key": "outline.enable", "type": "boolean",
        "doc": "Document symbols (the outline) from the AST's items."})
    folding_enable: bool = field(default=True, metadata={
        "key": "folding.enable", "type": "boolean",
        "doc": "Folding ranges from the AST's items and blocks."})
    selection_range_enable: bool = field(default=True, metadata={
        "key": "selectionRange.enable", "type": "boolean",
        "doc": "Smart selection (expand/shrink) along the AST's nodes."})
    inactive_code_enable: bool = field(default=True, metadata={
        "key": "inactiveCode.enable", "type": "boolean",
        "doc": "Grey out code that `#[cfg]` leaves out (hint diagnostics tagged unnecessary)."})


    @property
    def target(self) -> str:
        """The target triple in effect."""
        return self.cfg_target or host_target()

def _lookup(raw: Any, dotted: str) -> Any:
    cur = raw
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return _MISSING
        cur = cur[part]
    return cur


_MISSING = object()


def parse_settings(raw: Any) -> tuple[Settings, list[str]]:
    """Settings from the client's `rustAst` section, and one message per bad value."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return Settings(), [f"rustAst settings must be an object, got {type(raw).__name__}"]
    for fld in fields(Settings):
        key = fld.metadata["key"]
        value = _lookup(raw, key)
        if value is _MISSING or value is None:
            continue
        checked = _check(fld.name, value)
        if isinstance(checked, str) and checked.startswith("!"):
            problems.append(f"rustAst.{key}: {checked[1:]}; using the default")
        else:
            values[fld.name] = checked
    return Settings(**values), problems


def _check(name: str, value: Any) -> Any:
    """The value converted, or "!reason"."""
    if name == "cfg_extra":
        from ast_core.crate import parse_cfg_specs  # noqa: PLC0415

        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "!expected a list of strings"
        if parse_cfg_specs(value) is None:
            return '!expected `name` or `name="value"` cfgs'
        return tuple(value)
    if name in ("check_cfg_extra", "check_cfg_features"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "!expected a list of strings"
        if name == "check_cfg_extra":
            invalid = [err for err in map(parse_check_cfg, value) if isinstance(err, CheckCfgError)]
            if invalid:
                return f"!{invalid[0].message} ({invalid[0].notes[0]})"
        return tuple(value)
    if name == "cfg_target":
        if not isinstance(value, str) or not value:
            return "!expected a target triple"
        return value  # known to the shipped table or the toolchain: checked once it is read
    if name == "rustc_path":
        if not isinstance(value, str) or not value:
            return "!expected the path of a rustc"
        return value
    if name in ("inlay_hints_node_ids", "cargo_no_default_features", "cargo_all_features",
                "check_cfg_all_configurations") or name.endswith("_enable"):
        if not isinstance(value, bool):
            return "!expected true or false"
        return value
    if name == "max_file_size":
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            return "!expected a positive number of bytes"
        return value
    if name == "edition":
        try:
            edition = int(str(value))
        except ValueError:
            return f"!unknown edition {value!r}"
        if edition not in EDITIONS:
            return f"!unknown edition {value!r} (2015, 2018, 2021 or 2024)"
        return edition
    raise AssertionError(name)
