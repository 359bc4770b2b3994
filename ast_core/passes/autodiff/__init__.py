"""`#[autodiff_forward]` and `#[autodiff_reverse]` as rustc 1.95 expands them.

rustc's `rustc_builtin_macros::autodiff` turns an annotated fn into two items: the fn
itself, marked `#[rustc_autodiff]`, and a generated fn whose body hands both to the
`autodiff` intrinsic (Enzyme later replaces it). This package does the same on the
model, split the way rustc splits it:

- `attrs`: the attribute model (`DiffMode`, `DiffActivity`, which activity is valid
  where), as rustc_ast's `expand/autodiff_attrs.rs`;
- `parse`: the attributes rustc keeps on a node and the macro's arguments;
- `resolve`: which paths name the macros in a scope, and the value names scopes
  define (E0428, E0255, E0425);
- `validate`: rustc's checks of the arguments against the fn, and of the generated
  signature (E0106, E0415);
- `generate` and `expander`: the expansion, as rustc_builtin_macros' `autodiff.rs`;
- `explain`: a note per activity for hovers; `printing`: the texts and JSON;
- `driver`: per-unit results kept by the `Document`, then the crate root;
- `lookup`: what an editor looks up at a cursor.

Limits: items of out-of-line modules (`mod m;`) and items macros would produce are not
looked at; name resolution for E0425/E0428 knows the names items and imports define,
not what glob imports or the prelude bring (an import counts as a value when its name
starts in lower case); `#![feature(stmt_expr_attributes)]` and
`#![feature(custom_inner_attributes)]` are not read (their gates are always reported);
rustc's notes, helps and "similar name" suggestions are not reproduced, only its
errors' messages, codes and spans.
"""

from .attrs import DiffActivity, DiffMode
from .driver import autodiff_expansions, expand, expanded_crate, expanded_source
from .lookup import expansion_at, expansion_for_name, generated_at
from .printing import expansion_json
from .results import ActivityNote, AutodiffDiagnostic, AutodiffExpansion

__all__ = [
    "ActivityNote", "AutodiffDiagnostic", "AutodiffExpansion", "DiffActivity", "DiffMode", "autodiff_expansions",
    "expand", "expanded_crate", "expanded_source", "expansion_at", "expansion_for_name", "expansion_json",
    "generated_at",
]
