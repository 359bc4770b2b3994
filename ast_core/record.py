"""`Record`: the base of the small value classes the CLI's start-up imports.

A subclass names its fields in `__slots__` and writes an `__init__` taking each field
as a parameter of the same name and type (mypy, the reader and `shift.shifted` read
the types there); `Record` gives it equality and hashing by value, and a repr that
lists the fields. Records are not changed once made.

Why not `typing.NamedTuple` or a dataclass: a NamedTuple turns each field's
annotation (a string, under `from __future__ import annotations`) into a `ForwardRef`,
which calls `compile()`, and CPython's first `compile()` builds its AST classes: 10 M
instructions, plus 0.3-1 M per record, a tenth of `rust-ast tree`'s start-up in all.
`dataclasses` imports `inspect` and `ast`, which cost as much. `shift.shifted` reads a
record's fields from `__slots__`.
"""

from __future__ import annotations


class Record:
    __slots__: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    def __hash__(self) -> int:
        return hash((type(self), *(getattr(self, name) for name in self.__slots__)))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"
