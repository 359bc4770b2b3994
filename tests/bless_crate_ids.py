"""Record rustc's crate-wide NodeIds for `tests/test_crate_ids.py`:
`python -m tests.bless_crate_ids [NAME ...]`.

For each crate target, in a temporary copy of the package (dependencies from the Debian
registry as an offline directory source, dev-dependencies dropped, CARGO_HOME temporary):

    RUSTC_BOOTSTRAP=1 cargo rustc --lib|--bin B|--example E|--test T -- -Zunpretty=ast-tree,expanded

(a build script: the rustc command `cargo build -v` shows for it, with the same flag).
rustc's Debug dump is read here (its spans name the file of each node) and stored as
`tests/data/crate_ids/expected/NAME.json`: per target, per file, one row
`[id, class, kind, span, field]` for every NodeId of the first walk (node-ids.md §6).
Ids rustc hands out only after expanding macros and non-inert attributes are left out:
all of them are at least `first_walk_end`, the smallest id of a node that is certainly
late: macro output (its span has a syntax context), a node inside a Block with an id
larger than the Block's (a Block is numbered after its contents), or an item or statement
whose id is larger than a later one's in walk order (deferred by an attribute).

Each target also records `build_cfgs`, the cfgs its package's build script set when
cargo ran it: rust-ast never runs a build script, so the tests give a Debian crate's as
`--cfg` (our own crates' build scripts print theirs unconditionally, which rust-ast reads).

Crates: our own under `tests/data/crate_ids/NAME/` (each package of a workspace, all its
targets) and the lib targets of `DEBIAN_CRATES` under the registry (never copied into the
repository).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.bless_debian_cfg import _CARGO_CONFIG, _without_dev_dependencies
from tests.bless_rustc import REGISTRY
from tests.rustc_dump import Span, Struct, Tuple, node_id, parse_dump, variant

DATA = Path(__file__).parent / "data" / "crate_ids"
EXPECTED = DATA / "expected"

#: Debian crate folders whose whole lib target is recorded.
DEBIAN_CRATES = [
    "autocfg-1.1.0", "bitflags-1.3.2", "bytes-1.2.1", "cfg-if-1.0.0", "crossbeam-utils-0.8.12",
    "either-1.6.1", "getrandom-0.2.8", "hashbrown-0.12.3", "indexmap-1.9.2", "itoa-1.0.1",
    "lazy_static-1.4.0", "lock_api-0.4.9", "log-0.4.17", "memchr-2.5.0", "once_cell-1.17.0",
    "scopeguard-1.1.0", "smallvec-1.9.0", "unicode-ident-1.0.0",
]

#: cargo's order of targets within a package; a build script is a crate of its own
#: (last: no other target reaches it). Benches need dev-dependencies: not recorded.
TARGET_ORDER = {"lib": 0, "proc-macro": 0, "bin": 1, "example": 2, "test": 3, "custom-build": 4}

# Classes rustc prints no span for (node-ids.md); their rows carry span null.
SPANLESS = {"PathSegment", "Lifetime", "AnonConst", "GenericParam", "TraitRef", "VariantData",
            "CoroutineKind", "PreciseCapturingArg"}
# Classes whose `kind` field names their kind.
KIND_FIELD = {"Item", "Stmt", "Expr", "Pat", "Ty", "Local", "GenericParam", "WherePredicate",
              "UseTree", "TyPat"}
# Item-level classes: in walk order their first-walk ids increase.
ITEM_LEVEL = {"Item", "AssocItem", "ForeignItem", "Stmt"}


# --------------------------------------------------------------------------- the dump

Around = tuple  # (file or None, syntax context) of the nearest enclosing span


class Collector:
    """Every NodeId slot of the dump as a row, in dump order, with the file its node
    lies in and its syntax context (its own span's, else the nearest enclosing span's)."""

    def __init__(self) -> None:
        self.rows: list[dict] = []
        # The id of the innermost enclosing Block: numbered after its contents, so a
        # node inside with a larger id was numbered late.
        self.block_ids: list[int] = []

    def add(self, nid: int, cls: str, kind: str | None, span: Span | None, around: Around,
            field: str | None = None) -> None:
        file, ctxt = (span[0], span[5]) if isinstance(span, Span) else around
        where = list(span[1:5]) if isinstance(span, Span) and span[0] and cls not in SPANLESS else None
        above_block = bool(self.block_ids) and nid > self.block_ids[-1]
        self.rows.append({"id": nid, "class": cls, "kind": kind, "span": where, "file": file,
                          "field": field, "ctxt": ctxt, "above_block": above_block})

    def walk(self, value, around: Around, tag: str | None = None) -> None:
        if isinstance(value, list):
            for item in value:
                self.walk(item, around, tag)
        elif isinstance(value, Struct):
            self.struct(value, around, tag)
        elif isinstance(value, Tuple):
            self.tuple(value, around, tag)

    def struct(self, s: Struct, around: Around, tag: str | None) -> None:
        f = s.fields
        span = f.get("span")
        if isinstance(span, Span):
            around = (span[0], span[5])  # file None for `no-location`: the injected prelude
        cls = s.name
        if cls == "Item":
            cls = {"assoc": "AssocItem", "foreign": "ForeignItem"}.get(tag, "Item")
        if cls == "Crate":
            inner = f["spans"].fields.get("inner_span") if isinstance(f.get("spans"), Struct) else None
            around = (inner[0], inner[5]) if isinstance(inner, Span) else around
            self.add(node_id(f["id"]), "Crate", None, inner, around)
        elif cls in ("Async", "Gen", "AsyncGen") and "closure_id" in f:
            self.add(node_id(f["closure_id"]), "CoroutineKind", cls, None, around)
            self.add(node_id(f["return_impl_trait_id"]), "CoroutineKind", cls, None, around,
                     "return_impl_trait_id")
            return
        elif cls == "Visibility":
            kind = f.get("kind")
            if isinstance(kind, Struct) and kind.name == "Restricted":
                self.walk(kind.fields.get("path"), around)
                self.add(node_id(kind.fields["id"]), "Visibility", "Restricted", span, around)
            return
        elif cls == "TraitRef" and "ref_id" in f:
            self.walk(f.get("path"), around)
            self.add(node_id(f["ref_id"]), "TraitRef", None, None, around)
            return
        elif node_id(f.get("id")) is not None:
            kind = variant(f.get("kind")) if s.name in KIND_FIELD else None
            self.add(node_id(f["id"]), cls, kind, span, around)
        if s.name == "Block":
            self.block_ids.append(node_id(f["id"]))
        for name, value in f.items():
            if name in ("id", "span", "tokens"):
                continue
            inner_tag = None
            if name == "items" and s.name in ("Impl", "Trait"):
                inner_tag = "assoc"
            elif name == "items" and s.name == "ForeignMod":
                inner_tag = "foreign"
            elif s.name == "Variant" and name == "data":
                inner_tag = "vdata"
            self.walk(value, around, inner_tag)
        if s.name == "Block":
            self.block_ids.pop()

    def tuple(self, t: Tuple, around: Around, tag: str | None) -> None:
        name, items = t.name, t.items
        if name == "NodeId":
            return
        if name == "lifetime" and items and isinstance(items[0], Tuple) and items[0].name == ":":
            self.add(int(items[0].items[0]), "Lifetime", None, None, around)
            return
        if name in ("Tuple", "Unit") and tag == "vdata":
            for item in items:
                if node_id(item) is None:
                    self.walk(item, around)
            self.add(node_id(items[-1]), "VariantData", name, None, around)
            return
        if name == "Arg" and len(items) == 2 and node_id(items[1]) is not None:
            self.walk(items[0], around)
            self.add(node_id(items[1]), "PreciseCapturingArg", "Arg", None, around)
            return
        if name == "ImplTrait" and items and node_id(items[0]) is not None:
            ty = self.rows[-1]  # the Ty row, just added
            self.rows.append({**ty, "id": node_id(items[0]), "field": "impl_trait_id"})
            self.walk(items[1:], around)
            return
        if name is None and len(items) == 2 and node_id(items[1]) is not None \
                and isinstance(items[0], Struct) and items[0].name == "UseTree":
            self.struct(items[0], around, None)  # a nested use tree: its subtree, then its id
            tree = items[0]
            self.add(node_id(items[1]), "UseTree", variant(tree.fields.get("kind")),
                     tree.fields.get("span"), around)
            return
        if name is None and len(items) == 2 and node_id(items[0]) is not None:
            start = len(self.rows)  # define_opaque: (NodeId, Path)
            self.walk(items[1], around)
            self.add(node_id(items[0]), "Path", None, None, around, "define_opaque_id")
            self.rows[start:] = self.rows[-1:] + self.rows[start:-1]
            return
        if name in ("Struct", "Union") and tag is None and len(items) == 3:
            self.walk(items[:2], around)
            self.walk(items[2], around, "vdata")
            return
        self.walk(items, around, tag if name in ("Some", None) else None)


def first_walk_end(rows: list[dict]) -> int:
    """The smallest id that is certainly numbered after the first walk (module doc)."""
    injected = sorted(r["id"] for r in rows if r["file"] is None and r["ctxt"])
    injected_end = injected[0] if injected else 0
    while injected_end + 1 in injected:  # the prelude: the first run of injected ids
        injected_end += 1
    late = []
    for row in rows:
        if (row["ctxt"] and row["id"] > injected_end and row["span"] is not None) or row["above_block"]:
            late.append(row["id"])
    items = [r for r in rows if r["class"] in ITEM_LEVEL and not r["ctxt"] and r["field"] is None]
    following_min = None
    for row in reversed(items):
        if following_min is not None and row["id"] > following_min:
            late.append(row["id"])
        following_min = row["id"] if following_min is None else min(following_min, row["id"])
    return min(late, default=max((r["id"] for r in rows), default=0) + 1)


# --------------------------------------------------------------------------- cargo

def _cargo_env(home: Path, target_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("RUSTFLAGS", "CARGO_BUILD_RUSTFLAGS")}
    env.update(CARGO_HOME=str(home), CARGO_TARGET_DIR=str(target_dir), RUSTC_BOOTSTRAP="1")
    return env


def _targets(work: Path, env: dict) -> list[tuple[Path, dict]]:
    """(package folder, target) of every recorded target, packages in workspace order,
    targets in cargo's order."""
    meta = json.loads(subprocess.run(
        ["cargo", "metadata", "--no-deps", "--format-version", "1", "--offline"], cwd=work, env=env,
        capture_output=True, text=True, check=True).stdout)
    out = []
    for package in meta["packages"]:
        folder = Path(package["manifest_path"]).parent
        targets = [t for t in package["targets"] if t["kind"][0] in TARGET_ORDER]
        targets.sort(key=lambda t: TARGET_ORDER[t["kind"][0]])
        out += [(folder, dict(t, package=package["name"], edition=package["edition"])) for t in targets]
    return out


def _selector(target: dict) -> list[str]:
    kind = target["kind"][0]
    if kind in ("lib", "proc-macro"):
        return ["--lib"]
    return [f"--{kind}", target["name"]]


_BUILD_CFG = re.compile(r"^cargo::?rustc-cfg=(.+)$", re.M)


def build_script_cfgs(env: dict, package: str) -> list[str]:
    """The cfgs the package's build script set when cargo ran it (`cargo:rustc-cfg=`)."""
    build = Path(env["CARGO_TARGET_DIR"], "debug", "build")
    name = re.compile(re.escape(package) + r"-[0-9a-f]{16}")
    cfgs: list[str] = []
    for output in sorted(build.glob("*/output")):
        if name.fullmatch(output.parent.name):
            cfgs += _BUILD_CFG.findall(output.read_text())
    return cfgs


def _dump(work: Path, target: dict, env: dict) -> str:
    """rustc's `-Zunpretty=ast-tree,expanded` dump of the target, with cargo's arguments."""
    if target["kind"][0] == "custom-build":
        return _build_script_dump(work, target, env)
    proc = subprocess.run(["cargo", "rustc", "--quiet", "-p", target["package"], *_selector(target),
                           "--", "-Zunpretty=ast-tree,expanded"],
                          cwd=work, env=env, capture_output=True, text=True)
    if proc.returncode != 0 or not proc.stdout.startswith("Crate"):
        raise RuntimeError(f"cargo rustc {target['name']} failed:\n{proc.stderr[-3000:]}")
    return proc.stdout


_RUNNING = re.compile(r"Running `(.*--crate-name build_script_build .*)`")


def _build_script_dump(work: Path, target: dict, env: dict) -> str:
    """`cargo rustc` cannot select a build script: run the rustc command `cargo build -v`
    shows for it, its output options replaced by the dump."""
    env = dict(env, CARGO_TARGET_DIR=env["CARGO_TARGET_DIR"] + "-build-script")  # compiled afresh
    proc = subprocess.run(["cargo", "build", "-v", "-p", target["package"]], cwd=work, env=env,
                          capture_output=True, text=True)
    commands = _RUNNING.findall(proc.stderr)
    if proc.returncode != 0 or len(commands) != 1:
        raise RuntimeError(f"cargo build -v {target['package']}: no build script command:\n{proc.stderr[-3000:]}")
    args: list[str] = []
    for arg in shlex.split(commands[0]):
        if arg.startswith(("--error-format=", "--json=", "--emit=")):
            continue
        if arg.startswith("incremental=") and args[-1] == "-C":
            args.pop()
            continue
        args.append(arg)
    dump = subprocess.run([*args, "-Zunpretty=ast-tree,expanded"], cwd=work, env=env, capture_output=True,
                          text=True)
    if dump.returncode != 0 or not dump.stdout.startswith("Crate"):
        raise RuntimeError(f"rustc build script of {target['package']} failed:\n{dump.stderr[-3000:]}")
    return dump.stdout


def record_target(work: Path, package_dir: Path, target: dict, env: dict) -> dict:
    text = _dump(work, target, env)
    collector = Collector()
    collector.walk(parse_dump(text), (None, 0))
    rows = collector.rows
    end = first_walk_end(rows)
    files: dict[str, list] = {}
    for row in rows:
        if row["id"] >= end or row["ctxt"] or row["file"] is None:
            continue
        path = (work / row["file"]).resolve()
        rel = os.path.relpath(path, package_dir.resolve())
        files.setdefault(rel, []).append([row["id"], row["class"], row["kind"], row["span"], row["field"]])
    root = os.path.relpath(Path(target["src_path"]).resolve(), package_dir.resolve())
    return {"kind": target["kind"][0], "name": target["name"], "root": root,
            "edition": target["edition"],
            "build_cfgs": [] if target["kind"][0] == "custom-build" else build_script_cfgs(env, target["package"]),
            "first_walk_end": end,
            "last_id": max(r["id"] for r in rows),
            "files": {k: sorted(v, key=lambda r: r[0]) for k, v in sorted(files.items())}}


def record(name: str, source: Path) -> dict:
    """All targets of the package(s) in `source` (a package or a workspace folder)."""
    with tempfile.TemporaryDirectory() as tmp:
        home, work = Path(tmp, "cargo-home"), Path(tmp, source.name)
        home.mkdir()
        (home / "config.toml").write_text(_CARGO_CONFIG.format(registry=REGISTRY))
        shutil.copytree(source, work, ignore=shutil.ignore_patterns(
            "debian", ".cargo-checksum.json", "Cargo.lock", "target"))
        for manifest in work.rglob("Cargo.toml"):
            _without_dev_dependencies(manifest)
        env = _cargo_env(home, Path(tmp, "target"))
        packages: dict[str, dict] = {}
        for package_dir, target in _targets(work, env):
            if source.is_relative_to(REGISTRY) and target["kind"][0] not in ("lib", "proc-macro"):
                continue
            rel = os.path.relpath(package_dir, work)
            entry = packages.setdefault(rel, {"package": target["package"], "path": rel, "targets": []})
            entry["targets"].append(record_target(work, package_dir, target, env))
    return {"crate": name, "registry": source.is_relative_to(REGISTRY), "packages": list(packages.values())}


def dump_recording(recording: dict) -> str:
    """Plain JSON, one id row per line (diffable)."""
    lines = ["{", f'"crate": {json.dumps(recording["crate"])},',
             f'"registry": {json.dumps(recording["registry"])},', '"packages": [']
    for p_index, package in enumerate(recording["packages"]):
        lines.append(f'{{"package": {json.dumps(package["package"])}, "path": {json.dumps(package["path"])}, '
                     '"targets": [')
        for t_index, target in enumerate(package["targets"]):
            head = {k: v for k, v in target.items() if k != "files"}
            lines.append(json.dumps(head)[:-1] + ', "files": {')
            for f_index, (file, rows) in enumerate(target["files"].items()):
                lines.append(f"{json.dumps(file)}: [")
                lines += [json.dumps(row, separators=(",", ":")) + ("," if i < len(rows) - 1 else "")
                          for i, row in enumerate(rows)]
                lines.append("]" + ("," if f_index < len(target["files"]) - 1 else ""))
            lines.append("}}" + ("," if t_index < len(package["targets"]) - 1 else ""))
        lines.append("]}" + ("," if p_index < len(recording["packages"]) - 1 else ""))
    lines += ["]", "}"]
    return "\n".join(lines) + "\n"


def own_crates() -> list[str]:
    return sorted(p.name for p in DATA.iterdir() if (p / "Cargo.toml").is_file())


def sources() -> dict[str, Path]:
    """Recording name -> package or workspace folder."""
    out = {name: DATA / name for name in own_crates()}
    out.update({name: REGISTRY / name for name in DEBIAN_CRATES})
    return out


def _bless(name: str, source: Path) -> str:
    recording = record(name, source)
    EXPECTED.mkdir(parents=True, exist_ok=True)
    (EXPECTED / f"{name}.json").write_text(dump_recording(recording))
    targets = [t for p in recording["packages"] for t in p["targets"]]
    rows = sum(len(r) for t in targets for r in t["files"].values())
    return f"{name}: {len(targets)} targets, {rows} first-walk ids"


def main(argv: list[str]) -> int:
    if shutil.which("cargo") is None or shutil.which("rustc") is None:
        print("bless_crate_ids: cargo and rustc are needed to record", file=sys.stderr)
        return 2
    chosen = {k: v for k, v in sources().items() if not argv or k in argv}
    failed = 0
    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        futures = {name: pool.submit(_bless, name, source) for name, source in chosen.items()}
        for name, future in futures.items():
            try:
                print(future.result())
            except (RuntimeError, subprocess.CalledProcessError) as err:
                failed += 1
                print(f"bless_crate_ids: {name}: {err}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
