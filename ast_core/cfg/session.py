"""One rustc session's check-cfg inputs: the `--check-cfg` specs and where each comes
from, the active configuration, the lint levels cargo and attributes set (what
`rustc_session` and `rustc_lint`'s level machinery hold for `unexpected_cfgs`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType

from ..passes.configure import EffectiveAttr
from ..targets import DEFAULT_TARGET, CfgSet, target_cfg
from ..tokens import Token, split_commas, token_trees, tokenize
from .cargo import DOCSRS_TEST_CHECK_CFG, CargoPackage
from .expected import CheckCfgError, CheckCfgSpec, check_cfg_of, parse_check_cfg
from .findings import BUILD_SCRIPT_CRATE, LintContext, Mode
from .levels import LintLevel, LintLevelSource
from .toolchain import Toolchain, shipped_toolchain

# the lint level attributes (force-warn is a command-line level only)
_LEVELS: dict[str, LintLevel] = {"allow": "allow", "expect": "expect", "warn": "warn", "deny": "deny",
                                 "forbid": "forbid"}

# -- lint levels --------------------------------------------------------------------


def _outermost_forbid(inner: LintLevelSource | None, outer: LintLevelSource | None) -> LintLevelSource | None:
    if outer is not None and outer.level == "forbid":
        return outer
    return inner or outer


@dataclass(frozen=True, slots=True)
class LevelSpec:
    """The levels set for `unexpected_cfgs` and for the `warnings` group, where set."""

    unexpected: LintLevelSource | None = None
    warnings: LintLevelSource | None = None

    def under(self, outer: LevelSpec) -> LevelSpec:
        """These levels set on a node inside `outer`'s: the inner wins, except over a
        `forbid`."""
        return LevelSpec(_outermost_forbid(self.unexpected, outer.unexpected),
                         _outermost_forbid(self.warnings, outer.warnings))

    def written_in(self, file: str) -> LevelSpec:
        """These levels as seen from another file: the attributes among them that
        name no file are written in `file`."""
        return LevelSpec(_in_file(self.unexpected, file), _in_file(self.warnings, file))

    def resolve(self) -> LintLevelSource:
        """rustc's `reveal_actual_level`: the lint's level, and where a `warn` comes out
        of a `warnings` level set to something else, that one."""
        source = self.unexpected or LintLevelSource()
        if source.level == "warn" and self.warnings is not None and self.warnings.level != "warn":
            return self.warnings
        return source


def _in_file(source: LintLevelSource | None, file: str) -> LintLevelSource | None:
    if source is None or source.origin != "attribute" or source.file is not None:
        return source
    return source.replace(file=file)


def level_spec(attrs: Iterable[EffectiveAttr], src: bytes) -> LevelSpec:
    """The levels `#[allow(..)]`, `#[warn(..)]`, ... among a node's attributes set for
    `unexpected_cfgs` and `warnings` (the last one written wins)."""
    spec = LevelSpec()
    for attr in attrs:
        level = _LEVELS.get(attr.path[0]) if len(attr.path) == 1 else None
        if level is None or attr.args is None or src[attr.args[0]:attr.args[0] + 1] != b"(":
            continue
        for part in split_commas(token_trees(tokenize(src, attr.args[0] + 1, attr.args[1] - 1))):
            if len(part) != 1 or not isinstance(part[0], Token):
                continue
            tok = part[0]
            source = LintLevelSource(level, "attribute", tok.text, tok.span)
            if tok.text == "unexpected_cfgs":
                spec = replace(spec, unexpected=_outermost_forbid(source, spec.unexpected))
            elif tok.text == "warnings":
                spec = replace(spec, warnings=_outermost_forbid(source, spec.warnings))
    return spec


# -- the session ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SessionSpec:
    """What one rustc session checks cfgs with, as plain data (picklable, hashable):
    the `--check-cfg` specs with where each comes from, rustc's mode, the crate name
    (`build_script_build` for a build script), the edition, the target, enabled
    features and other `--cfg`s (what a build script prints as `cargo::rustc-cfg`,
    which we cannot run) deciding active code, the level cargo or the command line
    sets, and the toolchain whose well-known names and target configurations apply."""

    specs: tuple[tuple[str, str], ...] = ()
    mode: Mode = Mode.RUSTC
    crate_name: str | None = None
    edition: int = 2021
    target: str = DEFAULT_TARGET
    features: tuple[str, ...] = ()
    given: LevelSpec = LevelSpec()
    cfgs: tuple[tuple[str, str | None], ...] = ()
    toolchain: Toolchain = field(default_factory=shipped_toolchain)


@dataclass(frozen=True, eq=False)
class CfgSession:
    """A `SessionSpec` made ready: the expected set, the active configuration, and for
    hovers where each declared name comes from. Compared by identity: per-unit results
    are cached under it."""

    spec: SessionSpec
    lint: LintContext
    active: CfgSet
    origins: Mapping[str, str] = field(default_factory=dict)
    errors: tuple[tuple[CheckCfgError, str], ...] = ()

    @property
    def checking(self) -> bool:
        return self.lint.check_cfg.checking


@lru_cache(maxsize=64)
def build_session(spec: SessionSpec) -> CfgSession:
    """The session for `spec`: the same object while the spec is in use (per-unit
    results are cached under it)."""
    parsed = [parse_check_cfg(text) for text, _ in spec.specs]
    origins: dict[str, str] = {}
    errors: list[tuple[CheckCfgError, str]] = []
    for one, (_, origin) in zip(parsed, spec.specs, strict=True):
        if isinstance(one, CheckCfgError):
            errors.append((one, origin))
        elif isinstance(one, CheckCfgSpec):
            for name in one.names:
                origins.setdefault(name, origin)
    check_cfg = check_cfg_of(parsed, spec.toolchain.well_known)
    base = spec.toolchain.target_cfg(spec.target) or target_cfg(DEFAULT_TARGET) or frozenset()
    active = base | {("feature", f) for f in spec.features} | set(spec.cfgs)
    lint = LintContext(check_cfg, spec.mode, spec.crate_name, spec.edition)
    return CfgSession(spec, lint, active, MappingProxyType(origins), tuple(errors))


LINTS_ORIGIN = "Cargo.toml `[lints.rust] unexpected_cfgs`"
#: Why a finding inside code a false cfg removes is in another configuration.
OTHER_WHY = "inside code the active configuration removes"
BUILD_ORIGIN = "a `cargo::rustc-check-cfg` line in build.rs"


def cargo_session_specs(cargo: CargoPackage, build_specs: Sequence[str], extra: Sequence[tuple[str, str]] = (),
                        *, target: str = DEFAULT_TARGET, features: Sequence[str] = (), all_features: bool = False,
                        cfgs: Sequence[tuple[str, str | None]] = (), no_default_features: bool = False,
                        toolchain: Toolchain | None = None) -> tuple[SessionSpec, SessionSpec]:
    """The sessions cargo runs rustc in for a package: its library and binaries, and
    its build script (`build_script_build`, without the build script's own specs and
    `cfgs`). `extra` are more specs (`--check-cfg`, a setting) with their origin;
    `features` are enabled on top of the default ones (every feature with
    `all_features`); `cfgs` are what the build script sets; `toolchain` (default: the
    shipped tables) gives the well-known names and target configurations."""
    base = [*((spec, LINTS_ORIGIN) for spec in cargo.lint.check_cfg),
            (DOCSRS_TEST_CHECK_CFG, "cargo (every package)"), (cargo.features_check_cfg, "Cargo.toml `[features]`")]
    # Without a level in `[lints]`, rustc's default: resolved as if no level were given.
    given = LevelSpec(cargo.lint.level_source)
    enabled = tuple(sorted(cargo.enabled_features(cargo.feature_names if all_features else features,
                                                  default=not no_default_features)))
    main = SessionSpec((*base, *((s, BUILD_ORIGIN) for s in build_specs), *extra), Mode.CARGO, cargo.name,
                       cargo.edition, target, enabled, given, tuple(cfgs), toolchain or shipped_toolchain())
    build = replace(main, specs=(*base, *extra), crate_name=BUILD_SCRIPT_CRATE, cfgs=())
    return main, build
