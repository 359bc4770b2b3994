"""`Record`: the base of the small value classes the CLI's start-up imports.

A subclass names its fields in `__slots__` (after those of the Record it extends, if
any) and writes an `__init__` taking each field as a parameter of the same name and
type (mypy, the reader and `shift.shifted` read the types there); `Record` gives it
equality and hashing by value (`_not_compared` names fields left out of both), a repr
that lists the fields, and `replace`. Records are not changed once made.

Why not `typing.NamedTuple` or a dataclass: a NamedTuple turns each field's
annotation (a string, under `from __future__ import annotations`) into a `ForwardRef`,
which calls `compile()`, and CPython's first `compile()` builds its AST classes: 10 M
instructions, plus about 1 M per record. `dataclasses` imports `inspect` and `ast`, and
compiles the methods of each class it makes: `rust-ast tree` on a file holding one
`#[cfg]` ran 127 M instructions more than on an empty file (175 M), most of them there.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self


class Record:
    __slots__ = ()
    #: All the fields, the inherited ones first.
    _fields: ClassVar[tuple[str, ...]] = ()
    _not_compared: ClassVar[tuple[str, ...]] = ()
    _compared: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fields = (*cls._fields, *cls.__dict__.get("__slots__", ()))
        cls._compared = tuple(name for name in cls._fields if name not in cls._not_compared)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._compared)

    def __hash__(self) -> int:
        return hash((type(self), *(getattr(self, name) for name in self._compared)))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"

    def replace(self, **changes: Any) -> Self:
        """A copy with `changes` (as `dataclasses.replace`), made by `__init__`."""
        return type(self)(**{name: getattr(self, name) for name in self._fields} | changes)
