"""One crate's configuration, as `cargo build` on the host passes it to rustc.

The user asks for features (`--features`, `--all-features`, `--no-default-features`),
extra `--cfg`s and a target; cargo adds the default features, follows feature chains,
and passes `--cfg feature="F"` for each enabled one. A build script's
`cargo::rustc-cfg=` lines count where they can be read without running it: string
literals printed unconditionally by `fn main` (not inside an `if`, a loop, a `match`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..patterns import lazy_regex
from ..record import Record
from ..targets import CfgSet, host_target, target_cfg
from ..tokens import tokenize, unescape_str

_RUSTC_CFG_PREFIXES = ("cargo::rustc-cfg=", "cargo:rustc-cfg=")
_LITERAL_CFG = lazy_regex(r"rustc-cfg=([A-Za-z_][A-Za-z0-9_]*)")
_DYNAMIC_CFG = lazy_regex(r'rustc-cfg=(?:\{|"|$)', re.MULTILINE)
_STRING_NAME = lazy_regex(r'"([A-Za-z_][A-Za-z0-9_]*)"')
Cfg = tuple[str, "str | None"]


class Request(Record):
    """What the user asks cargo for (command-line flags or settings)."""

    __slots__ = ("features", "all_features", "no_default_features", "cfgs", "target", "edition")

    def __init__(self, features: tuple[str, ...] = (), all_features: bool = False,
                 no_default_features: bool = False, cfgs: tuple[Cfg, ...] = (), target: str | None = None,
                 edition: int | None = None) -> None:
        self.features = features
        self.all_features = all_features
        self.no_default_features = no_default_features
        self.cfgs = cfgs
        self.target = target
        self.edition = edition  # overrides the packages' editions


class CrateConfig(Record):
    """What rustc compiles one crate with: the target, the enabled features, the other
    `--cfg`s (a build script's, then the requested ones), and the cfg set they make."""

    __slots__ = ("target", "features", "cfgs", "cfg", "open_names")

    def __init__(self, target: str, features: tuple[str, ...], cfgs: tuple[Cfg, ...], cfg: CfgSet,
                 open_names: frozenset[str] | None = frozenset()) -> None:
        self.target = target
        self.features = features
        self.cfgs = cfgs
        self.cfg = cfg
        # the cfg names the build script may set that we cannot read (None: any name)
        self.open_names = open_names

    def describe(self) -> str:
        """`x86_64-unknown-linux-gnu, features std, simd, --cfg tuned="fast"`."""
        parts = [self.target, "features " + (", ".join(self.features) if self.features else "none")]
        parts += [f"--cfg {cfg_text(cfg)}" for cfg in self.cfgs]
        return ", ".join(parts)


def cfg_text(cfg: Cfg) -> str:
    name, value = cfg
    return name if value is None else f'{name}="{value}"'


def parse_cfg_specs(specs: Iterable[str]) -> tuple[Cfg, ...] | None:
    """`--cfg` values (`name` or `name="value"`), or None when one is not of that form."""
    out: list[Cfg] = []
    for spec in specs:
        tokens = tokenize(spec.encode())
        value = unescape_str(tokens[2].text) if len(tokens) == 3 and tokens[1].text == "=" else None
        if not tokens or tokens[0].kind != "ident" or (len(tokens) != 1 and value is None):
            return None
        out.append((tokens[0].text, value))
    return tuple(out)


def crate_config(request: Request | None = None, features: Iterable[str] = (), build_cfgs: Iterable[Cfg] = (),
                 base: CfgSet | None = None, test: bool = False,
                 open_names: frozenset[str] | None = frozenset()) -> CrateConfig:
    """The configuration of a crate whose package enables `features` (already
    resolved as cargo resolves them) and whose build script sets `build_cfgs`; `base`
    is the target's cfg set (default: the shipped table's for the requested target,
    else the host's); `test` for a test harness (`--test`: tests and benches)."""
    request = request or Request()
    target = request.target or host_target()
    if base is None:
        base = target_cfg(target) or target_cfg(host_target()) or frozenset()
    enabled = tuple(sorted(set(features)))
    cfgs = tuple(dict.fromkeys([*build_cfgs, *request.cfgs, *([("test", None)] if test else [])]))
    cfg = base | {("feature", f) for f in enabled} | set(cfgs)
    return CrateConfig(target, enabled, cfgs, frozenset(cfg), open_names)


def build_script_open_names(text: str, read: Iterable[Cfg]) -> frozenset[str] | None:
    """The cfg names a build script may set beyond the `read` ones found statically:
    those it prints in a condition or a helper (`rustc-cfg=NAME` literally) and, with
    autocfg, the names its string literals give and those its probes make (`has_*`,
    `rustc_*`; a trailing `*` marks a prefix); None for any name (a line built at run
    time)."""
    if _DYNAMIC_CFG().search(text):
        return None
    names = {m.group(1) for m in _LITERAL_CFG().finditer(text)}
    if "autocfg" in text:
        names |= {m.group(1) for m in _STRING_NAME().finditer(text)} | {"has_*", "rustc_*"}
    return frozenset(names - {name for name, _ in read})


def build_script_cfgs(text: str) -> list[Cfg]:
    """The cfgs a build script sets unconditionally: `println!("cargo::rustc-cfg=...")`
    (or `cargo:`) with a plain string literal, directly in `fn main`'s body."""
    tokens = tokenize(text.encode())
    out: list[Cfg] = []
    depth = 0
    main_depth: int | None = None  # the brace depth inside `fn main`'s body
    pending_main = False
    for i, tok in enumerate(tokens):
        t = tok.text
        if t == "fn" and i + 1 < len(tokens) and tokens[i + 1].text == "main" and depth == 0:
            pending_main = True
        elif t == "{":
            depth += 1
            if pending_main:
                main_depth, pending_main = depth, False
        elif t == "}":
            if depth == main_depth:
                main_depth = None
            depth -= 1
        elif (t == "println" and main_depth is not None and depth == main_depth and i + 3 < len(tokens)
              and tokens[i + 1].text == "!" and tokens[i + 3].kind == "literal"):
            value = unescape_str(tokens[i + 3].text)
            if value is None or not value.startswith(_RUSTC_CFG_PREFIXES) or "{" in value:
                continue
            if i + 4 < len(tokens) and tokens[i + 4].text == ",":  # format arguments: built at run time
                continue
            parsed = parse_cfg_specs([value.split("=", 1)[1]])
            if parsed:
                out += parsed
    return out
