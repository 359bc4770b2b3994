"""The data-level half of rustc's `unexpected_cfgs` lint, without the AST.

- `predicate`: one cfg site (`#[cfg]`, `#[cfg_attr]`, `cfg!`) parsed as rustc parses it,
  with its errors and the leaves it lints; evaluation against an active configuration.
- `meta`: rustc's meta-item syntax and its syntax errors (used by `predicate`, `expected`).
- `expected`: `--check-cfg` specs and the well-known names (rustc's `CheckCfg`).
- `findings`: the lint's diagnostics, lint-level notes and once-only children.
- `cargo`: what cargo passes for a Cargo.toml (and build.rs); `cargo_edit`: quick fixes.
- `targets`: active configurations per target; `edit_distance`: rustc's similar-name search.
- `output`: `rust-ast check-cfg`'s JSON lines and rustc-like human rendering.

The AST pass (`ast_core/passes/check_cfg.py`, `cfg_report.py`) finds the sites and
decides emission order and lint levels; this package works on bytes and `(lo, hi)`
byte spans only.
"""
