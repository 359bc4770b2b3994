"""`rust-ast check-cfg` over files and folders: crate by crate, session by session.

Each file belongs to the package of the nearest Cargo.toml (or `--manifest-path`).
Cargo runs one rustc session per crate of a package: the build script, the library,
each binary, example, test and bench. A session starts at the crate's root file and
follows `mod x;` declarations rustc would load, so a module file gets the levels set
around its `mod` item and its place in the session's emission order (which decides
where the once-only notes go). A requested file no crate root reaches (a module
declared inside a macro call, a stray file) is its own session; one reached only
through a `mod` a false cfg removes is linted as rustc would lint it in a
configuration that compiles it (`OTHER`): with the levels set around its `mod` and in
its parents and the crate's macros, in the library's session after all of the library
(as if declared at the end of its root: rustc's once-per-session notes went to the
library's findings), or in a session of its own for a package without a library. The
tests, examples and benches are linted as `cargo test` builds them (with `--test`, so
`cfg(test)` holds), each its own session. Their findings are marked, and left out
with `active_only`.

Files are parsed and scanned in worker processes (the expensive part); the walk over
module trees, the levels and the emission order are cheap and run in the main
process. A package cargo would reject (a bad Cargo.toml) is reported and its files
are linted without a Cargo.toml: only malformed predicates, unless `--check-cfg`
specs are given.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cargo import CargoPackage
from .diagnostic import CfgDiagnostic
from .expected import CheckCfgError, parse_check_cfg
from .toolchain import Toolchain, shipped_toolchain
from ..lower import lower_file
from ..model import LineIndex
from .report import (
    FileContext, Keyed, called_macros, child_context, crate_templates, emit_session, file_findings, file_levels,
    file_report, first_calls, package_problems,
)
from .fragments import Templates
from .scan import CfgScan, scan_file
from .session import SessionSpec, build_session, cargo_session_specs
from ..stack import paused_gc
from ..project import DEFAULT_EDITION, ModFiles, Package, UsageError, find_manifest, load_package, read_source

CLI_ORIGIN = "`--check-cfg`"
Features = tuple[tuple[str, ...], bool]
"""Cargo features to enable on top of the default ones, and whether to enable all."""
Cfgs = tuple[tuple[str, "str | None"], ...]
"""`--cfg`s to treat as set (a build script's `cargo::rustc-cfg` lines)."""
#: Below this much source, worker processes cost more than they save.
_PARALLEL_BYTES = 512 * 1024
_SKIPPED_DIRS = frozenset({"node_modules"})


#: The configuration of a finding outside what the active configuration compiles.
OTHER = "other"
ACTIVE = "active"
#: Why a file is linted in another configuration, by what kind of crate root or `mod`.
_OTHER_WHY = {
    "mod": "its `mod` declaration is cfg'd out in the active configuration",
    "examples": "an example, linted as `cargo test` builds it (`--test`)",
    "tests": "an integration test, linted as `cargo test` builds it (`--test`)",
    "benches": "a bench, linted as `cargo test` builds it (`--test`)",
}
_TEST_TARGETS = ("examples", "tests", "benches")
#: Where files only cfg'd-out `mod`s reach sit in the library's session: after all of
#: it, as if declared at the end of its root (a node path above any of the root's).
_APPENDED = 1 << 30


@dataclass(frozen=True, slots=True)
class Reported:
    """A diagnostic to print: the file as shown, its text, the diagnostic, and the
    configuration it was found in (`ACTIVE`, or `OTHER` with why); `files` shows and
    indexes the other files its children point into (`Child.file`)."""

    name: str
    index: LineIndex
    diag: CfgDiagnostic
    configuration: str = ACTIVE
    why: str = ""
    files: Mapping[str, tuple[str, LineIndex]] = field(default_factory=dict)


@dataclass(slots=True)
class Outcome:
    """What a run found: diagnostics in file then position order, unreadable inputs
    (one line each), and whether some file was linted with checking off."""

    reported: list[Reported] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unchecked: bool = False


@dataclass(frozen=True, slots=True)
class _Parsed:
    src: bytes
    scan: CfgScan


def _scan_task(task: tuple[str, SessionSpec]) -> _Parsed | str:
    """Read, lower and scan one file (in a worker process): the scan, or why not."""
    path, spec = task
    try:
        src = read_source(Path(path))
    except UsageError as err:
        return str(err)
    with paused_gc():  # the tree is acyclic and short-lived: the cyclic GC only costs
        try:
            items, inner = lower_file(src, spec.edition)
        except Exception as exc:  # noqa: BLE001 - a lowering bug must not lose the other files
            return f"{path}: rust-ast could not lower this file ({type(exc).__name__}: {exc}); please report this"
        scan = scan_file(src, inner, items, build_session(spec))
    # Hover sites and inactive code are for editors: not worth shipping between processes.
    return _Parsed(src, replace(scan, sites=(), inactive=()))


def requested_files(paths: Sequence[str]) -> tuple[dict[Path, bool], list[str]]:
    """The `.rs` files a command line names: each file (explicit: True) and every
    `.rs` file below each folder (False), outside cargo's build folders and hidden
    folders; and the paths that do not exist."""
    files: dict[Path, bool] = {}
    missing = []
    for text in paths:
        path = Path(text)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith(".")
                                 and not _is_build_folder(Path(root, d)))
                for name in sorted(names):
                    if name.endswith(".rs"):
                        files.setdefault(Path(root, name).resolve(), False)
        elif path.exists():
            files[path.resolve()] = True
        else:
            missing.append(f"{text}: no such file or folder")
    return files, missing


def _is_build_folder(folder: Path) -> bool:
    """Cargo's `target/` (which marks itself for backup tools), not a module named so."""
    return (folder / "CACHEDIR.TAG").is_file()


def check_cli_specs(specs: Sequence[str]) -> None:
    """rustc stops at an invalid `--check-cfg`; so does the command line."""
    for spec in specs:
        parsed = parse_check_cfg(spec)
        if isinstance(parsed, CheckCfgError):
            raise UsageError(f"{parsed.message} ({parsed.notes[0]})")


class _Runner:
    """One run: the packages of the requested files, scanned in parallel, then walked
    session by session."""

    def __init__(self, files: dict[Path, bool], manifest: Path | None, specs: Sequence[str],
                 cwd: Path, jobs: int, features: Features = ((), False), cfgs: Cfgs = (),
                 toolchain: Toolchain | None = None, active_only: bool = False) -> None:
        self.files = files
        self.toolchain = toolchain or shipped_toolchain()
        self.active_only = active_only
        # Files a cfg'd-out `mod` declares: the context they would have had.
        self.reach: dict[Path, FileContext] = {}
        self.manifest = manifest
        self.extra = tuple((s, CLI_ORIGIN) for s in specs)
        self.features = features
        self.cfgs = cfgs
        self.cwd = cwd
        self.jobs = jobs
        self.outcome = Outcome()
        self.parsed: dict[tuple[Path, SessionSpec], _Parsed | None] = {}
        self.texts: dict[Path, bytes] = {}  # each file's text, as read
        self.indexes: dict[Path, LineIndex] = {}  # line indexes of files reported into
        self.done: set[Path] = set()
        self.removed: set[Path] = set()  # files rustc never reads: their `mod` is cfg'd out
        self.assigned: set[Path] = set()  # files placed in a module tree
        # The current package's macros that drop their input, and those its active files call.
        self.drops: frozenset[str] = frozenset()
        self.called: frozenset[str] = frozenset()
        # The package's `macro_rules!` whose calls make cfgs of their arguments.
        self.templates = Templates(build_session(SessionSpec()))

    def display(self, path: Path) -> str:
        return os.path.relpath(path, self.cwd)

    # -- packages and sessions -------------------------------------------------------

    def packages(self) -> dict[Path | None, list[Path]]:
        """The requested files by package: the manifest's path (None outside any)."""
        groups: dict[Path | None, list[Path]] = {}
        by_folder: dict[Path, Path | None] = {}
        for path in self.files:
            if self.manifest is not None:
                manifest: Path | None = self.manifest
            elif path.parent in by_folder:
                manifest = by_folder[path.parent]
            else:
                found = find_manifest(path)
                manifest = by_folder[path.parent] = found.resolve() if found else None
            groups.setdefault(manifest, []).append(path)
        return groups

    def specs_for(self, package: Package | None) -> tuple[SessionSpec, SessionSpec]:
        """The library's and the build script's session specs."""
        if package is None or not isinstance(package.cargo, CargoPackage) or package.cargo.name is None:
            edition = package.cargo.edition if package is not None and isinstance(
                package.cargo, CargoPackage) else DEFAULT_EDITION
            spec = SessionSpec(self.extra, edition=edition, features=self.features[0], cfgs=self.cfgs,
                               toolchain=self.toolchain)
            return spec, spec
        requested, every = self.features
        return cargo_session_specs(package.cargo, package.build_specs, self.extra, features=requested,
                                   all_features=every, cfgs=self.cfgs, toolchain=self.toolchain)

    def run(self) -> Outcome:
        groups = self.packages()
        loaded = {manifest: load_package(manifest) for manifest in groups if manifest is not None}
        plans = []
        for manifest, files in groups.items():
            package = loaded.get(manifest) if manifest is not None else None
            main, build = self.specs_for(package)
            if package is not None:
                self.package_problems(package, main)
            plans.append((package, main, build, files))
        self.scan_requested([(path, self.scan_spec(p, path, main, build))
                             for p, main, build, files in plans for path in files])
        for package, main, build, files in plans:
            self.package_sessions(package, main, build, files)
        self.outcome.reported.sort(key=lambda r: (r.name, r.diag.span, r.diag.message))
        return self.outcome

    def scan_spec(self, package: Package | None, path: Path, main: SessionSpec, build: SessionSpec) -> SessionSpec:
        """The session a requested file is most likely scanned in (scanned in parallel
        ahead of the module walk): the build script's, a test target's, or the main one."""
        if package is None:
            return main
        if path == _resolved(package.build_script):
            return build
        if not self.active_only and isinstance(package.cargo, CargoPackage) and any(
                path.is_relative_to(package.folder / kind) for kind in _TEST_TARGETS):
            return _testing(main)
        return main

    def package_problems(self, package: Package, spec: SessionSpec) -> None:
        for problem in package_problems(package, build_session(spec)):
            self.outcome.reported.append(Reported(self.display(problem.file), LineIndex(problem.src), problem.diag))

    # -- scanning ------------------------------------------------------------------------

    def scan_requested(self, tasks: list[tuple[Path, SessionSpec]]) -> None:
        size = sum(_size(path) for path, _ in tasks)
        work = [(str(path), spec) for path, spec in tasks]
        if self.jobs > 1 and len(work) > 1 and size >= _PARALLEL_BYTES:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(self.jobs, mp_context=context) as pool:
                results = list(pool.map(_scan_task, work, chunksize=max(1, len(work) // (self.jobs * 8))))
        else:
            results = [_scan_task(task) for task in work]
        for (path, spec), result in zip(tasks, results, strict=True):
            self.store(path, spec, result)

    def store(self, path: Path, spec: SessionSpec, result: _Parsed | str) -> _Parsed | None:
        if isinstance(result, str):
            if path in self.files:
                self.outcome.problems.append(result.replace(str(path), self.display(path), 1))
            self.parsed[(path, spec)] = None
            return None
        self.parsed[(path, spec)] = result
        self.texts[path] = result.src
        return result

    def get(self, path: Path, spec: SessionSpec) -> _Parsed | None:
        key = (path, spec)
        if key in self.parsed:
            return self.parsed[key]
        return self.store(path, spec, _scan_task((str(path), spec)))

    # -- sessions --------------------------------------------------------------------------

    def package_sessions(self, package: Package | None, main: SessionSpec, build: SessionSpec,
                         files: list[Path]) -> None:
        """The sessions of one package: its crates' module trees, then trees started by
        the requested files none of them reaches; then each session's findings, with
        the macros the package's active files call (a crate's macros are used across
        its files, whatever part of the module tree we see)."""
        requested = set(files)
        self.drops = frozenset().union(*(parsed.scan.drops for path in files
                                         if (parsed := self.parsed.get((path, main))) is not None))
        trees: list[tuple[list[tuple[Path, FileContext, str]], SessionSpec]] = []
        library: list[tuple[Path, FileContext, str]] | None = None  # the library's session
        if package is not None and isinstance(package.cargo, CargoPackage):
            wanted_dirs = {parent for path in files for parent in path.parents}
            testing = _testing(main)
            for kind, root in package.crate_roots():
                root = root.resolve()
                other = kind in _TEST_TARGETS
                if root in requested or root.parent in wanted_dirs:
                    spec = build if kind == "build" else testing if other else main
                    tree = self.module_tree(root, spec, lambda path, folder: path in requested or folder in wanted_dirs)
                    if not (other and self.active_only):  # (walked all the same: its files are placed)
                        files_why = [(path, context, _OTHER_WHY[kind] if other else "") for path, context in tree]
                        trees.append((files_why, spec))
                        if kind == "lib":
                            library = files_why
        by_depth = sorted(files, key=lambda p: (len(p.parts) - (p.name == "mod.rs"), p))
        # Shallowest first, a folder's `mod.rs` before the files it declares beside it.
        for path in by_depth:
            if path in self.assigned or self.is_removed(path):
                continue
            tree = self.module_tree(path, main, lambda child, _: child in requested and child not in self.assigned,
                                    owns_folder=path.name in ("mod.rs", "lib.rs", "main.rs"))
            trees.append(([(path, context, "") for path, context in tree], main))
        # Then what only cfg'd-out `mod`s reach, each in the context of its `mod` (an
        # other tree can remove more of them: shallowest first, until none is left).
        while not self.active_only:
            left = [path for path in by_depth if path not in self.assigned and path in self.removed]
            if not left:
                break
            path = left[0]
            self.removed.discard(path)
            tree = self.module_tree(path, main, lambda child, _: child in requested and child not in self.assigned,
                                    owns_folder=path.name in ("mod.rs", "lib.rs", "main.rs"),
                                    context=self.reach.get(path))
            if library is None:
                trees.append(([(path, context, _OTHER_WHY["mod"]) for path, context in tree], main))
            else:  # compiled with the library, declared after all of it (its lints come after the library's)
                library += [(path, FileContext((_APPENDED, *context.node), context.levels), _OTHER_WHY["mod"])
                            for path, context in tree]
        scans = [(path, parsed.scan) for members, spec in trees for path, _, _ in members
                 if (parsed := self.parsed.get((path, spec))) is not None and path not in self.removed]
        self.called = called_macros((pair for _, scan in scans for pair in scan.invoked), self.drops)
        self.templates = crate_templates(scans, build_session(main))
        for members, spec in trees:
            self.session(members, spec)

    def is_removed(self, path: Path) -> bool:
        """Whether a file no crate root reaches is one rustc never reads: declared by a
        removed `mod`, or in the folder of a removed module (its declarer, as far as
        folders tell), unless it was named on the command line."""
        if self.files.get(path):
            return False
        folder = path.parent.parent if path.name == "mod.rs" else path.parent
        owners = (folder / "mod.rs", folder.parent / f"{folder.name}.rs", folder / "lib.rs", folder / "main.rs")
        if path in self.removed or any(owner != path and owner in self.removed for owner in owners):
            self.removed.add(path)
            return True
        return False

    def module_tree(self, root: Path, spec: SessionSpec, wanted: Callable[[Path, Path], bool],
                    owns_folder: bool = True, context: FileContext | None = None) -> list[tuple[Path, FileContext]]:
        """The files of a crate reachable from `root` (in `context`: by default the
        crate root's) through `mod` declarations rustc loads (in rustc's order), each
        with its context. Files a false `#![cfg]` removes, and those only removed
        declarations lead to, go to `self.removed`, with the context they would have
        had in `self.reach`."""
        mod_files = ModFiles(root, owns_folder)
        out: list[tuple[Path, FileContext]] = []

        def visit(path: Path, mod_path: tuple[str, ...], context: FileContext) -> None:
            self.assigned.add(path)
            self.removed.discard(path)  # another declaration of it was cfg'd out
            parsed = self.get(path, spec)
            if parsed is None:
                return
            out.append((path, context))
            scan = parsed.scan
            if scan.removed is not None:
                self.removed.add(path)
                return
            levels = file_levels([scan], context.levels)
            for decl in scan.mods:
                at = (*mod_path, *decl.inline)
                active = decl.active and not self.drops.intersection(decl.inside)
                child = mod_files.resolve_name(decl.name, at, decl.path_attr, record=active)
                if child is None:
                    continue
                child = child.resolve()
                child_at = child_context(context, levels, 0, decl, str(path))
                if not active:
                    if child not in self.assigned:
                        self.removed.add(child)
                        self.reach.setdefault(child, child_at)
                elif child not in self.assigned and wanted(child, mod_files.dirs[(*at, decl.name)].resolve()):
                    visit(child, (*at, decl.name), child_at)

        visit(root, (), context or FileContext(levels=spec.given))
        return out

    def session(self, files: Iterable[tuple[Path, FileContext, str]], spec: SessionSpec) -> None:
        """One rustc session over `files`: its lints in emission order, its errors;
        what falls in requested files, not reported before, is reported (marked as
        found in another configuration, and why, where a file's `why` says so)."""
        members = [(path, context, parsed, why) for path, context, why in files
                   if (parsed := self.get(path, spec)) is not None]
        lints: list[Keyed] = []
        macros = replace(self.templates, session=build_session(spec))
        indexes: dict[Path, LineIndex] = {}
        fresh = {path for path, _, _, _ in members if path in self.files and path not in self.done}
        whys = {path: why for path, _, _, why in members}
        founds = []
        for path, context, parsed, why in members:
            found = file_findings([parsed.scan], context, self.called, self.drops, path, macros, parsed.src)
            lints += found.lints
            founds.append(found)
            if path in fresh:
                indexes[path] = self.index(path)
                self.report(path, indexes[path], found.errors, why)
        self.done.update(fresh)
        for path, diag in emit_session(lints, first_calls(founds)):
            if path in indexes:
                self.report(path, indexes[path], [diag], whys[path])
        if fresh and not build_session(spec).checking:
            self.outcome.unchecked = True

    def report(self, path: Path, index: LineIndex, diags: Iterable[CfgDiagnostic], other: str = "") -> None:
        """`diags` of a file the session reaches, found in another configuration when
        `other` (the file's) or their own `other` (code a false cfg removes) says why."""
        name = self.display(path)
        self.outcome.reported += [Reported(name, index, diag, OTHER if why else ACTIVE, why, self.children_files(diag))
                                  for diag in diags if not (why := other or diag.other) or not self.active_only]

    def children_files(self, diag: CfgDiagnostic) -> dict[str, tuple[str, LineIndex]]:
        """The other files `diag`'s children point into, shown and indexed."""
        out = {}
        for child in diag.children:
            if child.file is not None and child.file not in out:
                path = Path(child.file)
                out[child.file] = (self.display(path), self.index(path))
        return out

    def index(self, path: Path) -> LineIndex:
        """A file's line index, made once."""
        if path not in self.indexes:
            self.indexes[path] = LineIndex(self.texts[path])
        return self.indexes[path]


def _testing(spec: SessionSpec) -> SessionSpec:
    """`spec` as `cargo test` builds a target: with `--test`, so `cfg(test)` holds."""
    return replace(spec, cfgs=(*spec.cfgs, ("test", None)))


def _resolved(path: Path | None) -> Path | None:
    return path.resolve() if path is not None else None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def check_paths(paths: Sequence[str], manifest_path: str | None = None, specs: Sequence[str] = (),
                jobs: int | None = None, cwd: Path | None = None, features: Features = ((), False),
                cfgs: Cfgs = (), toolchain: Toolchain | None = None, active_only: bool = False) -> Outcome:
    """Lint the `.rs` files `paths` name (files and folders) as `rust-ast check-cfg`,
    with `toolchain`'s tables (default: the shipped ones); with `active_only`, only
    what the active configuration compiles.
    Bad usage (an invalid spec, a missing `--manifest-path`) raises `UsageError`;
    unreadable or missing inputs are listed in the outcome's `problems`."""
    check_cli_specs(specs)
    manifest = None
    if manifest_path is not None:
        manifest = Path(manifest_path)
        if not manifest.is_file():
            raise UsageError(f"{manifest_path}: no such manifest")
        manifest = manifest.resolve()
    files, missing = requested_files(paths)
    runner = _Runner(files, manifest, specs, (cwd or Path.cwd()).resolve(), jobs or os.cpu_count() or 1,
                     features, cfgs, toolchain, active_only)
    outcome = runner.run()
    outcome.problems[:0] = missing
    return outcome


def check_source(src: bytes, name: str, manifest_path: str | None = None, specs: Sequence[str] = (),
                 features: Features = ((), False), cfgs: Cfgs = (), toolchain: Toolchain | None = None) -> Outcome:
    """Lint one text that is not a file on disk (standard input) as its own session."""
    check_cli_specs(specs)
    if manifest_path is not None and not Path(manifest_path).is_file():
        raise UsageError(f"{manifest_path}: no such manifest")
    runner = _Runner({}, None, specs, Path.cwd(), 1, features, cfgs, toolchain)
    package = load_package(Path(manifest_path).resolve()) if manifest_path is not None else None
    main, _ = runner.specs_for(package)
    if package is not None:
        runner.package_problems(package, main)
    session = build_session(main)
    items, inner = lower_file(src, main.edition)
    diags, _ = file_report([scan_file(src, inner, items, session)], session, src)
    index = LineIndex(src)
    outcome = runner.outcome
    outcome.reported += [Reported(name, index, d, OTHER if d.other else ACTIVE, d.other) for d in diags]
    outcome.reported.sort(key=lambda r: (r.name, r.diag.span, r.diag.message))
    outcome.unchecked = not session.checking
    return outcome
