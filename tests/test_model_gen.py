"""The generated model modules are what `ast.toml` makes (ruff's and LibCST's
freshness check), and their enums behave as the `enum.Enum`s they replace."""

from __future__ import annotations

import copy
import pickle

from ast_core.model import ExprKind, FieldlessEnum, Ident, Lifetime, Mutability, TraitObjectSyntax, gen


def test_generated_files_are_fresh() -> None:
    for path, text in gen.generate().items():
        assert path.read_text() == text, f"{path.name} is stale: run `python -m ast_core.model.gen`"


def test_fieldless_enum_members_stay_themselves() -> None:
    """The model's enums are not `enum.Enum` (start-up): their members still compare by
    identity after a pickle or a copy, and print and name themselves as enum.Enum's."""
    member = Mutability.Mut
    assert isinstance(member, Mutability) and isinstance(member, FieldlessEnum)
    assert pickle.loads(pickle.dumps(member)) is member
    assert copy.copy(member) is member and copy.deepcopy([member])[0] is member
    assert (member.name, member.value, repr(member), str(member)) == ("Mut", "Mut", "<Mutability.Mut: 'Mut'>",
                                                                      "Mutability.Mut")
    assert (TraitObjectSyntax.None_.name, TraitObjectSyntax.None_.value) == ("None_", "None")
    assert member != Mutability.Not


def test_reprs_show_ids_spans_and_idents() -> None:
    lifetime = Lifetime(Ident("'a", (3, 5)), id=4)
    assert repr(lifetime) == "Lifetime(id=4, ident=Ident(\"'a\", (3, 5)))"
    assert repr(ExprKind.Underscore()) == "ExprKind.Underscore()"
