"""`package.edition` of a Cargo.toml as cargo 1.95 reads it, from the parsed TOML.

Shared by `cargo.read_manifest` (which reports cargo's error) and
`ast_core.project.manifest_edition` (the edition a lone file is lowered with), which
must not import the rest of the cfg layer: this module imports nothing of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

EDITIONS = (2015, 2018, 2021, 2024)
_UNKNOWN = ("failed to parse the `edition` key: supported edition values are `2015`, `2018`, `2021`, "
            "or `2024`, but `{}` is unknown")
_FUTURE = ("failed to parse the `edition` key: this version of Cargo is older than the `{}` edition, "
           "and only supports `2015`, `2018`, `2021`, and `2024` editions.")


def inherits_edition(package: Mapping[str, Any]) -> bool:
    """Whether a `[package]` table says `edition.workspace = true`."""
    edition = package.get("edition")
    return isinstance(edition, dict) and edition.get("workspace") is True


def package_edition(package: Mapping[str, Any], workspace: Mapping[str, Any]) -> int | str:
    """The edition of a `[package]` table: 2015 when unset, `[workspace.package]
    edition` of the workspace root's `[workspace]` table `workspace` with
    `edition.workspace = true`. A str is cargo's error for a value it rejects."""
    edition = package.get("edition", "2015")
    if inherits_edition(package):
        inherited = workspace.get("package")
        edition = inherited.get("edition", "2015") if isinstance(inherited, dict) else "2015"
    elif isinstance(edition, dict):
        return "`workspace` cannot be false" if "workspace" in edition else "missing field `workspace`"
    if not isinstance(edition, str):
        return f"invalid type: {_toml_kind(edition)}, expected a string or workspace"
    if edition.isascii() and edition.isdigit():
        year = int(edition)
        if year in EDITIONS and edition == str(year):
            return year
        if 2024 < year < 2050:
            return _FUTURE.format(edition)
    return _UNKNOWN.format(edition)


def _toml_kind(value: object) -> str:
    """serde's words for a TOML value of the wrong type."""
    if isinstance(value, bool):
        return f"boolean `{str(value).lower()}`"
    if isinstance(value, int):
        return f"integer `{value}`"
    if isinstance(value, float):
        return f"floating point `{value}`"
    if isinstance(value, list):
        return "sequence"
    return "datetime"
