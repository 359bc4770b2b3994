"""All of rustc's `unexpected_cfgs` lint (check-cfg), from data to command.

The data layer works on bytes and `(lo, hi)` byte spans only:
- `predicate`: one cfg site (`#[cfg]`, `#[cfg_attr]`, `cfg!`) parsed as rustc parses it,
  with its errors and the leaves it lints; evaluation against an active configuration.
- `expected`: `--check-cfg` specs and the well-known names (rustc's `CheckCfg`);
  `toolchain`: those of the user's rustc, cached per `rustc -vV`.
- `findings`: the lint's diagnostics, lint-level notes and once-only children.
- `levels`: lint levels and where one comes from (what `cargo` reads from `[lints]`).
- `cargo`: what cargo passes for a Cargo.toml (and build.rs); `cargo_edit`: quick fixes.
- `edit_distance`: rustc's similar-name search; `edition`: what an edition changes.
- `output`: `rust-ast check-cfg`'s JSON lines and rustc-like human rendering.

On the AST and the project:
- `session`: one rustc session's inputs (specs and their origins, configuration, levels).
- `scan`: the pass finding every cfg site on the AST (and in macro arguments).
- `report`: scans in rustc's emission order, with lint levels, texts and hovers.
- `driver`: `rust-ast check-cfg` over files and folders: crates, sessions, module
  trees, worker processes.

(The meta-item parser and the target configurations, which other passes read too,
are the neutral `ast_core.meta` and `ast_core.targets`.)
"""
