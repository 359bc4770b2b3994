"""The only file IO of the analysis: reading sources, finding Cargo.toml, and loading
the files of out-of-line modules (`mod x;`) the way rustc's expansion finds them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path

from .model import Item, ItemKind

EDITIONS = (2015, 2018, 2021, 2024)
DEFAULT_EDITION = 2021
_BOM = b"\xef\xbb\xbf"


class UsageError(Exception):
    """Bad usage or unreadable input: one line for the user, exit status 2."""


def decode_source(data: bytes, name: str) -> bytes:
    """Check that `data` is UTF-8 Rust source and drop a leading BOM (rustc does too)."""
    if b"\0" in data[:8192] and not data.isascii():
        raise UsageError(f"{name}: looks like a binary file, not Rust source")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UsageError(f"{name}: not valid UTF-8 (byte {err.start})") from None
    return data[3:] if data.startswith(_BOM) else data


def read_source(path: Path) -> bytes:
    if path.is_dir():
        raise UsageError(f"{path}: is a directory")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except OSError as err:
        raise UsageError(f"{path}: {err.strerror or err}") from None
    return decode_source(data, str(path))


def find_manifest(path: Path) -> Path | None:
    """The nearest Cargo.toml at or above `path`'s folder."""
    folder = path if path.is_dir() else path.parent
    for candidate in [folder, *folder.resolve().parents]:
        manifest = candidate / "Cargo.toml"
        if manifest.is_file():
            return manifest
    return None


def manifest_edition(manifest: Path) -> int | None:
    """`package.edition` of a Cargo.toml (2015 when unset, as cargo reads it), following
    `edition.workspace = true` to the workspace root; None when unreadable."""
    try:
        table = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    package = table.get("package")
    if not isinstance(package, dict):
        return None
    edition = package.get("edition", "2015")
    if isinstance(edition, dict) and edition.get("workspace") is True:
        root = find_manifest(manifest.parent.parent) if manifest.parent.parent != manifest.parent else None
        while root is not None:
            try:
                ws = tomllib.loads(root.read_text(encoding="utf-8")).get("workspace")
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                return None
            if isinstance(ws, dict):
                edition = ws.get("package", {}).get("edition", "2015")
                break
            parent = root.parent.parent
            root = find_manifest(parent) if parent != root.parent else None
    try:
        value = int(str(edition))
    except ValueError:
        return None
    return value if value in EDITIONS else None


def edition_for(path: Path | None) -> int:
    """INTERFACE.md's default: the nearest Cargo.toml's edition, else 2021."""
    if path is None:
        return DEFAULT_EDITION
    manifest = find_manifest(path)
    edition = manifest_edition(manifest) if manifest is not None else None
    return edition if edition is not None else DEFAULT_EDITION


class ModFiles:
    """Where the files of `mod x;` declarations live, rustc's rules:

    - a crate root, `mod.rs` or a file loaded through `#[path]` owns its folder:
      `mod x;` in it is `x.rs` or `x/mod.rs` beside it;
    - any other file `a.rs` owns `a/`: `mod x;` in it is `a/x.rs` or `a/x/mod.rs`;
    - inline modules add their name to that folder; `#[path]` is relative to the
      folder of the file (or of the inline module) that declares it.
    """

    def __init__(self, root_file: Path) -> None:
        self.root_file = root_file
        # module path (tuple of names) -> the folder its `mod x;` declarations look in
        self.dirs: dict[tuple[str, ...], Path] = {(): root_file.parent}

    def resolve(self, item: Item, mod_path: Sequence[str], custom: str | None) -> Path | None:
        """The file of `mod x;` (`custom` is its `#[path]`), or None if there is none."""
        kind = item.kind
        assert isinstance(kind, ItemKind.Mod)
        base_len = max(n for n in range(len(mod_path) + 1) if tuple(mod_path[:n]) in self.dirs)
        folder = self.dirs[tuple(mod_path[:base_len])]
        inline = list(mod_path[base_len:])
        name = kind.ident.name.removeprefix("r#")
        if custom is not None:
            candidate = folder.joinpath(*inline, custom)
            found, owns_folder = (candidate if candidate.is_file() else None), True
        else:
            found = None
            for candidate, owns in ((folder.joinpath(*inline, f"{name}.rs"), False),
                                    (folder.joinpath(*inline, name, "mod.rs"), True)):
                if candidate.is_file():
                    found, owns_folder = candidate, owns
                    break
        if found is None:
            return None
        key = (*mod_path, kind.ident.name)
        self.dirs[key] = found.parent if owns_folder else found.parent / found.stem
        return found
