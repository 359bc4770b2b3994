"""Which crate a file belongs to, as cargo builds it (INTERFACE "Crates and the
configuration").

A file inside a Cargo package belongs to the first target whose module tree reaches
it: the lib, the bins, examples, tests, benches (cargo's order); the build script is a
crate of its own. A file no target reaches, or outside any package, is a crate root by
itself. Packages and crates are kept until their Cargo.toml (or build script)
changes.

Changes on disk are noticed by one check (`Crates.check_disk`): the stamps (modification
time and size) of every file the crates read, the manifests, build scripts and cargo's
record of their last run, and the module files; run on a read at most once a
`DISK_CHECK_SECONDS`, or at once after `files_changed` (a watcher's report, a save)
marked it due.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..targets import CfgSet
from ..project import (
    DEFAULT_EDITION, Package, UsageError, file_stamp, find_manifest, load_package, manifest_edition, read_text,
)
from .config import (
    Cfg, CrateConfig, Request, build_script_cfgs, build_script_open_names, crate_config, parse_cfg_specs,
)
from .model import CrateFile, CrateModel

if TYPE_CHECKING:
    from ..cfg.cargo import CargoPackage

_RUSTC_CFG_LINES = ("cargo:rustc-cfg=", "cargo::rustc-cfg=")
_KINDS = {"lib": "lib", "bin": "bin", "examples": "example", "tests": "test", "benches": "bench", "build": "build"}
_PACKAGE_FILES = ("Cargo.toml", "build.rs")
#: How long a check of the files on disk is trusted when nothing says it is out of date.
DISK_CHECK_SECONDS = 1.0


class _LoadedPackage:
    """A package with the stamps of the files its configuration comes from."""

    def __init__(self, manifest: Path) -> None:
        self.package = load_package(manifest)
        self.build_cfgs: tuple[Cfg, ...] = ()
        self.build_open: frozenset[str] | None = frozenset()  # the names it may set, not read (None: any)
        self.build_output: Path | None = None  # cargo's record of its last run, when fresh
        script = self.package.build_script
        if script is not None:
            recorded = last_build_output(self.package, script)
            if recorded is not None:  # what it printed when cargo last ran it: exact
                self.build_output, self.build_cfgs = recorded
            else:
                try:
                    text = read_text(script)
                except UsageError:
                    text = ""
                self.build_cfgs = tuple(build_script_cfgs(text))
                self.build_open = build_script_open_names(text, self.build_cfgs)
        self.stamp = file_stamp(*self.files())

    def files(self) -> tuple[Path | None, ...]:
        """The files the package's configuration was read from (None: a file it has not)."""
        package = self.package
        return package.manifest, package.build_script, package.workspace_manifest, self.build_output

    def current(self) -> bool:
        return self.stamp == file_stamp(*self.files())


def _cargo_package(package: Package) -> CargoPackage | None:
    """The package's manifest as cargo reads it; None when cargo reports an error."""
    # (check-cfg's modules load with the first Cargo.toml, not with this one: CLI start-up)
    from ..cfg.cargo import CargoPackage  # noqa: PLC0415

    return package.cargo if isinstance(package.cargo, CargoPackage) else None


def last_build_output(package: Package, script: Path) -> tuple[Path, tuple[Cfg, ...]] | None:
    """The cfgs the build script printed when cargo last ran it for the host
    (`target/debug/build/NAME-HASH/output`, the newest, if not older than the script),
    read, never run; None without such a record."""
    cargo = _cargo_package(package)
    name = cargo.name if cargo is not None else None
    if not name:
        return None
    try:
        script_time = script.stat().st_mtime_ns
    except OSError:
        return None
    for folder in [package.folder.resolve(), *package.folder.resolve().parents]:
        target = folder / "target"
        if not (target / "CACHEDIR.TAG").is_file():
            continue
        outputs = []
        for output in (target / "debug" / "build").glob(f"{name}-*/output"):
            try:
                outputs.append((output.stat().st_mtime_ns, output))
            except OSError:
                continue
        if not outputs:
            return None
        when, newest = max(outputs)
        if when < script_time:
            return None
        try:
            lines = newest.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return None
        specs = [line.split("=", 1)[1] for line in lines if line.startswith(_RUSTC_CFG_LINES)]
        cfgs = parse_cfg_specs(specs)
        return (newest, cfgs) if cfgs is not None else None
    return None


class Crates:
    """Every crate the analysed files belong to, for one requested configuration;
    `buffers` holds the texts of files open in the editor (they override the disk)."""

    def __init__(self, request: Request | None = None, target_cfg: CfgSet | None = None) -> None:
        self.request = request or Request()
        self.target_cfg = target_cfg  # the target's cfg set, when the caller knows it better
        self.buffers: dict[Path, bytes] = {}
        self._packages: dict[Path, _LoadedPackage] = {}
        self._crates: dict[tuple[Path, str], CrateModel] = {}
        self._manifests: dict[Path, Path | None] = {}  # a source folder's Cargo.toml (`package`)
        self._checked = time.monotonic()
        self._due = False  # `files_changed` marked the check of the disk due now
        self._dropped = False  # crates were dropped since the last check (a Cargo.toml came or went)

    # -- finding a file's crate ---------------------------------------------------------

    def crate_of(self, path: Path) -> CrateFile:
        """`path`'s file in the crate it belongs to (loading that crate's module tree)."""
        path = path.resolve()
        manifest = find_manifest(path)
        loaded = self._package(manifest.resolve()) if manifest is not None else None
        if loaded is not None and _cargo_package(loaded.package) is not None:
            for kind, root in self.targets(loaded.package):
                if kind == "build" and root != path and not path.is_relative_to(root.parent / "build"):
                    continue
                crate = self._crate(loaded, kind, root)
                crate.root_file()
                file = crate.files.get(path)
                if file is not None and crate.place(file):
                    crate.document(file)
                    return file
        edition = self.request.edition or DEFAULT_EDITION
        if manifest is not None and self.request.edition is None:
            edition = manifest_edition(manifest) or DEFAULT_EDITION
        key = (path, "file")
        alone = self._crates.get(key)
        if alone is None or alone.edition != edition:
            alone = self._crates[key] = CrateModel(path, "file", edition, self._config(), None, self.buffers)
        return alone.root_file()

    def loaded(self, path: Path) -> CrateFile | None:
        """`path`'s file in a crate already loaded, if one reaches it."""
        path = path.resolve()
        for crate in self._crates.values():
            file = crate.files.get(path)
            if file is not None and crate.place(file):
                return file
        return None

    def provisional(self, path: Path) -> tuple[int, CfgSet]:
        """The edition and cfg set `path` is most likely analysed in (its package's
        library's), found without loading any crate."""
        manifest = find_manifest(path)
        loaded = self._package(manifest.resolve()) if manifest is not None else None
        cargo = _cargo_package(loaded.package) if loaded is not None else None
        if loaded is None or cargo is None:
            return self.request.edition or DEFAULT_EDITION, self._config().cfg
        requested = cargo.feature_names if self.request.all_features else self.request.features
        features = cargo.enabled_features(requested, default=not self.request.no_default_features)
        return self.request.edition or cargo.edition, self._config(features, loaded.build_cfgs).cfg

    @staticmethod
    def targets(package: Package) -> list[tuple[str, Path]]:
        """The package's crates in cargo's order, the build script last: `(kind, root)`."""
        roots = [(_KINDS.get(kind, kind), root.resolve()) for kind, root in package.crate_roots()]
        return [*(r for r in roots if r[0] != "build"), *(r for r in roots if r[0] == "build")]

    def _package(self, manifest: Path) -> _LoadedPackage:
        loaded = self._packages.get(manifest)
        if loaded is None:
            loaded = self._packages[manifest] = _LoadedPackage(manifest)
        return loaded

    def _crate(self, loaded: _LoadedPackage, kind: str, root: Path) -> CrateModel:
        key = (root, kind)
        crate = self._crates.get(key)
        if crate is None:
            cargo = _cargo_package(loaded.package)
            assert cargo is not None
            request = self.request
            requested = cargo.feature_names if request.all_features else request.features
            features = cargo.enabled_features(requested, default=not request.no_default_features)
            build = kind == "build"
            # `--cfg`s (`cfg.extra`) given: the user says what the build script sets
            config = self._config(features, () if build else loaded.build_cfgs, kind in ("test", "bench"),
                                  frozenset() if build or request.cfgs else loaded.build_open)
            edition = request.edition or cargo.edition
            crate = self._crates[key] = CrateModel(root, kind, edition, config, cargo.name, self.buffers)
            crate.folder = loaded.package.folder.resolve()
        return crate

    def _config(self, features: Iterable[str] = (), build_cfgs: Iterable[Cfg] = (), test: bool = False,
                open_names: frozenset[str] | None = frozenset()) -> CrateConfig:
        return crate_config(self.request, features, build_cfgs, self.target_cfg, test, open_names)

    def package(self, path: Path) -> Package | None:
        """The package of a source file as the crates read it (None outside any
        Cargo.toml): a new object once its files changed on disk."""
        folder = path.parent
        if folder not in self._manifests:
            found = find_manifest(path)
            self._manifests[folder] = found.resolve() if found else None
        manifest = self._manifests[folder]
        return self._package(manifest).package if manifest is not None else None

    def check_disk(self) -> bool:
        """The one check for changes on disk, of every file the crates read: packages
        whose Cargo.toml, workspace root, build script or its recorded output changed are
        dropped with their crates (read again when next asked for), module files that
        changed are read again and the crate renumbered. Run at most once a
        `DISK_CHECK_SECONDS` unless `files_changed` made it due; whether anything changed
        (the crates' documents then move to their new crates: `crates()`)."""
        now = time.monotonic()
        if not self._due and now - self._checked < DISK_CHECK_SECONDS:
            return False
        self._checked, self._due = now, False
        changed, self._dropped = self._dropped, False
        for manifest in [manifest for manifest, loaded in self._packages.items() if not loaded.current()]:
            self.forget_package(manifest)
            self._manifests.clear()  # (a Cargo.toml may have gone)
            changed = True
        for crate in self.crates():
            changed = crate.check_disk() or changed
        return changed

    def forget_package(self, manifest: Path) -> None:
        """Drop a package (its Cargo.toml changed) and its crates."""
        self._packages.pop(manifest, None)
        folder = manifest.parent
        for key in [k for k in self._crates if k[0].is_relative_to(folder)]:
            del self._crates[key]

    def crates(self) -> list[CrateModel]:
        return list(self._crates.values())

    # -- open buffers and changes --------------------------------------------------------

    def open(self, path: Path, src: bytes) -> CrateFile:
        """Open `path` with the editor's text: its file in its crate."""
        path = path.resolve()
        self.buffers[path] = src
        file = self.crate_of(path)
        for crate in self.crates():  # other crates reaching it read the buffer from now on
            if crate is not file.crate and path in crate.files:
                crate.open(path)
        opened = file.crate.open(path)
        return opened if opened is not None else file

    def close(self, path: Path) -> None:
        path = path.resolve()
        if self.buffers.pop(path, None) is None:
            return
        for crate in self.crates():
            crate.close(path)

    def files_changed(self, paths: list[Path]) -> None:
        """Files changed on disk (a watcher reports them, or the editor saved them): the
        next `check_disk` runs at once. A Cargo.toml or build script no package read
        (a new one) changes the package of its folder: it is dropped now."""
        self._due = True
        read = {file.resolve() for loaded in self._packages.values() for file in loaded.files() if file is not None}
        for path in paths:
            path = path.resolve()
            if path.name in _PACKAGE_FILES and path not in read:
                self._manifests.clear()
                self.forget_package(path.parent / "Cargo.toml")
                self._dropped = True
