"""Quick fixes to Cargo.toml text that keep its formatting (via `tomlkit`).

- `add_check_cfg`: declare a cfg in `[lints.rust] unexpected_cfgs` (rustc's "or consider
  adding in `Cargo.toml` the `check-cfg` lint config" help), creating the entry as
  `{ level = "warn", check-cfg = [...] }` when missing, extending an existing inline
  table, table or array, and turning `unexpected_cfgs = "LEVEL"` into the table form.
- `add_feature`: `NAME = []` in `[features]`, creating the section when missing.

Each returns the edits to apply to the original text, `(lo, hi, replacement)` with
UTF-8 byte offsets (the project's span unit), trimmed to the part that changes; an
empty list when there is nothing to do. A member whose `[lints]` says
`workspace = true` (`CargoPackage.lints_from_workspace`) takes its lints from the
workspace root: edit the root manifest with `workspace=True`. `CargoToml` parses a
text once for several edits (a code-action request may offer a few).
"""

from __future__ import annotations

import copy
import re

import tomlkit
from tomlkit.container import Container
from tomlkit.items import AoT, Array, InlineTable, Item, String, Table

TextEdit = tuple[int, int, str]


def minimal_edits(old: str, new: str) -> list[TextEdit]:
    """The one edit turning `old` into `new`, without their common prefix and suffix.
    Text appended after the final newline is inserted before it instead (the same
    result): editors treat an edit at the very end of a file differently, and Neovim
    leaves an empty last line."""
    if old == new:
        return []
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    newline = "\r\n" if old.endswith("\r\n") else "\n"
    if start == len(old) and end == 0 and old.endswith(newline) and new.endswith(newline):
        start, end = start - len(newline), len(newline)  # the final newline becomes the common suffix
    inserted = new[start:len(new) - end]
    lo = len(old[:start].encode())
    hi = len(old[:len(old) - end].encode())
    return [(lo, hi, inserted)]


def _dumps(doc: tomlkit.TOMLDocument, original: str) -> str:
    """The edited document, ending in a newline if the original did, with the
    original's line endings (`\r\n` stays `\r\n`)."""
    new = tomlkit.dumps(doc)
    if "\r\n" in original:
        new = re.sub(r"(?<!\r)\n", "\r\n", new)
    newline = "\r\n" if "\r\n" in original else "\n"
    return new + newline if original.endswith("\n") and not new.endswith("\n") else new


def _toml_string(text: str) -> str:
    """`text` as TOML: a literal string like rustc's help writes, unless it cannot be one."""
    if "'" in text or "\n" in text:
        return tomlkit.string(text).as_string()
    return f"'{text}'"


def _child_table(parent: Container | Table | InlineTable, key: str, *, super_table: bool) -> Table | InlineTable:
    """`parent[key]`, created as a (super) table when missing."""
    if key not in parent:
        parent.add(key, tomlkit.table(is_super_table=super_table))
    table = parent[key]
    if not isinstance(table, (Table, InlineTable)):
        raise ValueError(f"`{key}` in Cargo.toml is not a table")
    return table


class CargoToml:
    """A Cargo.toml text parsed once (a TOML syntax error raises `ValueError`), for
    any number of edits, each computed on a copy of the parse."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._doc = tomlkit.parse(text)

    def _copy(self) -> tomlkit.TOMLDocument:
        return copy.deepcopy(self._doc)

    def add_check_cfg(self, spec: str, *, workspace: bool = False) -> list[TextEdit]:
        """See the module function `add_check_cfg`."""
        return _add_check_cfg(self._copy(), self.text, spec, workspace)

    def add_feature(self, name: str) -> list[TextEdit]:
        """See the module function `add_feature`."""
        return _add_feature(self._copy(), self.text, name)


def add_check_cfg(text: str, spec: str, *, workspace: bool = False) -> list[TextEdit]:
    """Edits that add `spec` to the `check-cfg` of `unexpected_cfgs` in `[lints.rust]`
    (in `[workspace.lints.rust]` with `workspace=True`)."""
    return _add_check_cfg(tomlkit.parse(text), text, spec, workspace)


def _add_check_cfg(doc: tomlkit.TOMLDocument, text: str, spec: str, workspace: bool) -> list[TextEdit]:
    root: Container | Table | InlineTable = doc
    if workspace:
        root = _child_table(doc, "workspace", super_table=False)
    lints = _child_table(root, "lints", super_table=True)
    rust = _child_table(lints, "rust", super_table=False)
    entry: Item | None = rust.get("unexpected_cfgs")
    if entry is None or isinstance(entry, String):
        level = str(entry) if entry is not None else "warn"
        snippet = f'x = {{ level = "{level}", check-cfg = [{_toml_string(spec)}] }}'
        value = tomlkit.parse(snippet)["x"]
        if entry is None:
            rust.add("unexpected_cfgs", value)
        else:
            rust["unexpected_cfgs"] = value
    elif isinstance(entry, (InlineTable, Table)):
        specs = entry.get("check-cfg")
        if specs is None and isinstance(entry, InlineTable):
            # Rebuilt as text: tomlkit would drop the space before the closing brace.
            inner = entry.as_string().rstrip().removesuffix("}").rstrip()
            separator = " " if inner == "{" else ", "
            snippet = f"x = {inner}{separator}check-cfg = [{_toml_string(spec)}] }}"
            rust["unexpected_cfgs"] = tomlkit.parse(snippet)["x"]
        elif specs is None:
            entry["check-cfg"] = tomlkit.parse(f"x = [{_toml_string(spec)}]")["x"]
        elif isinstance(specs, (Array, AoT)):
            if spec in [str(s) for s in specs]:
                return []
            specs.append(tomlkit.parse(f"x = {_toml_string(spec)}")["x"])
        else:
            raise ValueError("`check-cfg` in Cargo.toml is not an array")
    else:
        raise ValueError("`unexpected_cfgs` in Cargo.toml is neither a level nor a table")
    return minimal_edits(text, _dumps(doc, text))


def add_feature(text: str, name: str) -> list[TextEdit]:
    """Edits that declare the feature `name = []` in `[features]`."""
    return _add_feature(tomlkit.parse(text), text, name)


def _add_feature(doc: tomlkit.TOMLDocument, text: str, name: str) -> list[TextEdit]:
    features = _child_table(doc, "features", super_table=False)
    if name in features:
        return []
    features.add(name, tomlkit.array())
    return minimal_edits(text, _dumps(doc, text))
