"""The only file IO of the analysis: reading sources, finding Cargo.toml, loading a
package's manifest, workspace root and build script, and finding the files of
out-of-line modules (`mod x;`) the way rustc's expansion finds them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cfg.edition import EDITIONS as EDITIONS  # re-exported: the editions a Cargo.toml or a setting may name
from .cfg.edition import inherits_edition, package_edition
from .model import Item, ItemKind
from .record import Record

if TYPE_CHECKING:
    from .cfg.cargo import CargoPackage, ManifestError

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


MAX_SOURCE_BYTES = 10_000_000
"""The largest source file read (the language server's `rustAst.maxFileSize` default):
beyond it, analysis time and memory are more than an inspection tool should spend."""


def read_source(path: Path, limit: int = MAX_SOURCE_BYTES) -> bytes:
    """A regular file's bytes, at most `limit`: a FIFO, a device or a directory is
    refused without reading (a FIFO opens without waiting for a writer)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except OSError as err:
        raise UsageError(f"{path}: {err.strerror or err}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise UsageError(f"{path}: is a directory" if stat.S_ISDIR(mode) else f"{path}: not a regular file")
    with os.fdopen(fd, "rb") as file:
        data = read_limited(file, limit, str(path))
    return decode_source(data, str(path))


def read_limited(file: Any, limit: int, name: str) -> bytes:
    """At most `limit` bytes of `file`; more is an error, found without reading it all."""
    try:
        data = file.read(limit + 1)
    except OSError as err:
        raise UsageError(f"{name}: {err.strerror or err}") from None
    if len(data) > limit:
        raise UsageError(f"{name}: larger than the limit of {limit:,} bytes")
    return data


def read_or_empty(path: Path) -> bytes:
    """`read_source`, or nothing when the file cannot be read: the text of a file
    whose problems are shown (Cargo.toml, build.rs), or that a quick fix edits."""
    try:
        return read_source(path)
    except UsageError:
        return b""


def find_manifest(path: Path) -> Path | None:
    """The nearest Cargo.toml at or above `path`'s folder."""
    folder = path if path.is_dir() else path.parent
    for candidate in [folder, *folder.resolve().parents]:
        manifest = candidate / "Cargo.toml"
        if manifest.is_file():
            return manifest
    return None


def read_text(path: Path) -> str:
    """A UTF-8 text file (Cargo.toml, build.rs), or a `UsageError` naming it."""
    return read_source(path).decode("utf-8")


class WorkspaceRoot(Record):
    """A workspace root manifest: its path, text and parsed TOML."""

    __slots__ = ("manifest", "text", "table")

    def __init__(self, manifest: Path, text: str, table: dict[str, Any]) -> None:
        self.manifest = manifest
        self.text = text
        self.table = table


def find_workspace_root(manifest: Path) -> WorkspaceRoot | None:
    """The nearest Cargo.toml above a package's folder with a `[workspace]` table
    (read and parsed: unreadable or invalid ones are passed over)."""
    import tomllib  # noqa: PLC0415 (only once there is a Cargo.toml: CLI start-up)

    folder = manifest.resolve().parent.parent
    for candidate in [folder, *folder.parents]:
        root = candidate / "Cargo.toml"
        if not root.is_file():
            continue
        try:
            text = read_text(root)
            table = tomllib.loads(text)
        except (UsageError, tomllib.TOMLDecodeError):
            continue
        if isinstance(table.get("workspace"), dict):
            return WorkspaceRoot(root, text, table)
    return None


class Package(Record):
    """A Cargo package as check-cfg sees it: the manifest read as cargo reads it (or
    cargo's error), the workspace root manifest it inherits from (if it does), and its
    build script with the `rustc-check-cfg` specs found in it."""

    __slots__ = ("manifest", "cargo", "workspace_manifest", "build_script", "build_specs")

    def __init__(self, manifest: Path, cargo: CargoPackage | ManifestError, workspace_manifest: Path | None = None,
                 build_script: Path | None = None, build_specs: tuple[str, ...] = ()) -> None:
        self.manifest = manifest
        self.cargo = cargo
        self.workspace_manifest = workspace_manifest
        self.build_script = build_script
        self.build_specs = build_specs

    @property
    def folder(self) -> Path:
        return self.manifest.parent

    def crate_roots(self) -> list[tuple[str, Path]]:
        """The crates cargo builds from the package, `(kind, root file)`: the build
        script, the library, binaries, then examples, tests and benches."""
        from .cfg.cargo import ManifestError  # noqa: PLC0415 (see load_package)

        cargo = self.cargo
        if isinstance(cargo, ManifestError):
            return []
        folder = self.folder
        roots = [("build", self.build_script)] if self.build_script else []
        lib = folder / (cargo.lib_path or "src/lib.rs")
        if lib.is_file():
            roots.append(("lib", lib))
        bins = [folder / path for path in cargo.bin_paths]
        bins += [folder / "src" / "main.rs", *sorted((folder / "src" / "bin").glob("*.rs")),
                 *sorted((folder / "src" / "bin").glob("*/main.rs"))]
        for kind, found in [("bin", bins), *((name, _target_files(folder / name))
                                              for name in ("examples", "tests", "benches"))]:
            roots += [(kind, path) for path in dict.fromkeys(found) if path.is_file()]
        return roots


def _target_files(folder: Path) -> list[Path]:
    """Cargo's auto-discovered targets in `examples/`, `tests/`, `benches/`."""
    return [*sorted(folder.glob("*.rs")), *sorted(folder.glob("*/main.rs"))]


def load_package(manifest: Path) -> Package:
    """Read a package's Cargo.toml, the workspace root manifest when the package
    inherits from it, and its build script."""
    # imported here: `rust-ast tree` imports this module, and the cfg layer costs its
    # start-up ~40 ms
    from .cfg.cargo import ManifestError, build_script_check_cfgs, read_manifest  # noqa: PLC0415

    try:
        text = read_text(manifest)
    except UsageError as err:
        return Package(manifest, ManifestError(str(manifest), 1, 1, str(err)))
    found = find_workspace_root(manifest) if "workspace" in text else None
    root = found.manifest if found is not None else None
    cargo = read_manifest(text, str(manifest), workspace=found.text if found else None, workspace_file=str(root),
                          workspace_table=found.table if found else None)
    if isinstance(cargo, ManifestError):
        return Package(manifest, cargo, root)
    build: Path | None = None
    if cargo.build is not False:
        build = manifest.parent / (cargo.build if isinstance(cargo.build, str) else "build.rs")
        if not build.is_file():
            build = None
    specs: tuple[str, ...] = ()
    if build is not None:
        try:
            specs = tuple(build_script_check_cfgs(read_text(build)))
        except UsageError:
            specs = ()
    return Package(manifest, cargo, root if cargo.lints_from_workspace else None, build, specs)


def file_stamp(*paths: Path | None) -> tuple[tuple[int, int] | None, ...]:
    """Modification time and size of each file (None where missing): what a cache of
    derived data compares to notice that a file changed."""
    stamps = []
    for path in paths:
        try:
            stat = os.stat(path) if path is not None else None
        except OSError:
            stat = None
        stamps.append((stat.st_mtime_ns, stat.st_size) if stat is not None else None)
    return tuple(stamps)


def manifest_edition(manifest: Path) -> int | None:
    """`package.edition` of a Cargo.toml as cargo reads it (2015 when unset), following
    `edition.workspace = true` to the workspace root (the manifest itself when it has
    a `[workspace]` table); None when unreadable or rejected."""
    import tomllib  # noqa: PLC0415 (only once there is a Cargo.toml: CLI start-up)

    try:
        table = tomllib.loads(read_text(manifest))
    except (UsageError, tomllib.TOMLDecodeError):
        return None
    package = table.get("package")
    if not isinstance(package, dict):
        return None
    workspace = table.get("workspace")
    if inherits_edition(package) and not isinstance(workspace, dict):
        root = find_workspace_root(manifest)
        workspace = root.table["workspace"] if root is not None else None
    edition = package_edition(package, workspace if isinstance(workspace, dict) else {})
    return edition if isinstance(edition, int) else None


def edition_for(path: Path | None) -> int:
    """The default (docs/cli.md): the nearest Cargo.toml's edition, else 2021."""
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
      folder of the file that declares it (inside inline modules, to the folder those
      modules' names make, as for `mod x;`).
    """

    def __init__(self, root_file: Path, owns_folder: bool = True) -> None:
        """`root_file` is a crate root, or (`owns_folder` False for a non-`mod.rs`
        file) a module file whose declaring module is unknown."""
        self.root_file = root_file
        # module path (tuple of names) -> the folder its `mod x;` declarations look in,
        # and the file that holds the module
        self.dirs: dict[tuple[str, ...], Path] = {(): self.module_dir(root_file, owns_folder)}
        self.files: dict[tuple[str, ...], Path] = {(): root_file}

    def resolve(self, item: Item, mod_path: Sequence[str], custom: str | None) -> Path | None:
        """The file of `mod x;` (`custom` is its `#[path]`), or None if there is none."""
        kind = item.kind
        assert isinstance(kind, ItemKind.Mod)
        return self.resolve_name(kind.ident.name, mod_path, custom)

    def resolve_name(self, ident: str, mod_path: Sequence[str], custom: str | None,
                     record: bool = True) -> Path | None:
        """`resolve` by the module's name; with `record` False (a module a cfg
        removes) the folder its own modules would use is not remembered."""
        base_len = max(n for n in range(len(mod_path) + 1) if tuple(mod_path[:n]) in self.dirs)
        base = tuple(mod_path[:base_len])
        folder = self.dirs[base]
        inline = list(mod_path[base_len:])
        name = ident.removeprefix("r#")
        if custom is not None:
            # outside inline modules, `#[path]` is relative to the declaring file's folder
            # (for a non-mod-rs `a.rs` too, not `a/`)
            candidate = (self.files[base].parent if not inline else folder).joinpath(*inline, custom)
            found, owns_folder = (candidate if candidate.is_file() else None), True
        else:
            found = None
            for candidate, owns in ((folder.joinpath(*inline, f"{name}.rs"), False),
                                    (folder.joinpath(*inline, name, "mod.rs"), True)):
                if candidate.is_file():
                    found, owns_folder = candidate, owns
                    break
        if found is None or not record:
            return found
        self.dirs[(*mod_path, ident)] = self.module_dir(found, owns_folder)
        self.files[(*mod_path, ident)] = found
        return found

    @staticmethod
    def module_dir(file: Path, owns_folder: bool) -> Path:
        """The folder where the `mod x;` declarations of `file` look."""
        return file.parent if owns_folder else file.parent / file.stem
