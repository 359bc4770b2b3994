"""Moving what was computed for a piece of text when the text moves.

A pass's results for a unit (diagnostics, expansions, findings) hold byte offsets; when
an edit before the unit moves it by `db` bytes, the cached results move too. Which
values are offsets is read from the result classes' field types: `Span` and `BytePos`
(`model.span`) move, inside any nesting of records (dataclasses and `record.Record`s),
tuples and `X | None`;
everything else stays. So a field added to a result class moves without anyone
writing it down, and a field whose type is unknown here is an error when its class is
first moved, not a stale offset. (Model nodes are moved in place by the generated
`model.shift_tree`.)

Per class, the first move compiles a function that copies the value with its offsets
moved (as `model/gen.py` writes one per model class), or gives the value itself when
nothing in it moved (no spans in its lists, None where offsets could be). The copy is
made field by field, without `__init__` or `__post_init__`: moving changes no
invariant.

(The records the CLI's start-up imports are `Record`s: see `record` for why.)
"""

from __future__ import annotations

import enum
import itertools
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from .model import FieldlessEnum
from .model.span import Moves
from .record import Record

T = TypeVar("T")


class MovesWhenRead:
    """Marks a field that `shifted` leaves as it is: its owner records the moves and
    applies them when the field is read. For what is read rarely and would cost to
    move on every keystroke."""

_STAYS: tuple[type, ...] = (str, int, float, bool, bytes, type(None), enum.Enum, FieldlessEnum)
_MOVERS: dict[type, Callable[[Any, int], Any] | None] = {}


def shifted(value: T, db: int) -> T:
    """`value` for text that moved by `db` bytes: a copy where it holds offsets."""
    if not db:
        return value
    cls = type(value)
    mover = _MOVERS[cls] if cls in _MOVERS else _class_mover(cls)
    return value if mover is None else mover(value, db)


def _class_mover(cls: type) -> Callable[[Any, int], Any] | None:
    """The compiled mover of class `cls`; None when it holds no offsets."""
    if cls in _MOVERS:
        return _MOVERS[cls]
    if issubclass(cls, _STAYS):
        _MOVERS[cls] = None
        return None
    fields = _record_fields(cls)
    if fields is None:
        raise TypeError(f"cannot tell which offsets a {cls.__name__} holds: make it a dataclass or a Record")
    _MOVERS[cls] = _moved_any  # while compiling: a field of its own class moves through the table
    # (a Record's field types are its `__init__`'s parameter types)
    hints = typing.get_type_hints(cls.__init__ if issubclass(cls, Record) else cls, include_extras=True)
    names = itertools.count()
    env: dict[str, Any] = {"_new": object.__new__, "_set": object.__setattr__, "_cls": cls, "_moved_any": _moved_any}
    lines = []
    moved = []
    for name in fields:
        expr = _move_expr(hints[name], f"o_{name}", names, env)
        if expr is not None:
            moved.append(name)
            lines += [f"    o_{name} = value.{name}", f"    n_{name} = {expr}"]
    if not moved:
        _MOVERS[cls] = None
        return None
    lines.append("    if " + " and ".join(f"n_{name} is o_{name}" for name in moved) + ":")
    lines.append("        return value")
    values = [f"n_{name}" if name in moved else f"value.{name}" for name in fields]
    lines.append("    new = _new(_cls)")
    lines += [f"    _set(new, {name!r}, {value})" for name, value in zip(fields, values, strict=True)]
    lines.append("    return new")
    source = "def move(value, db):\n" + "\n".join(lines) + "\n"
    exec(compile(source, f"<shift {cls.__qualname__}>", "exec"), env)  # noqa: S102 (our own text)
    mover: Callable[[Any, int], Any] = env["move"]
    _MOVERS[cls] = mover
    return mover


def _move_expr(hint: Any, x: str, names: itertools.count, env: dict[str, Any]) -> str | None:
    """An expression for `x`, of declared type `hint`, moved by `db`; None when a value
    of that type never moves."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Annotated:
        if MovesWhenRead in args[1:]:
            return None
        if Moves in args[1:]:
            return f"({x}[0] + db, {x}[1] + db)" if typing.get_origin(args[0]) is tuple else f"{x} + db"
        return _move_expr(args[0], x, names, env)
    if origin in (types.UnionType, typing.Union):
        arms = [a for a in args if a is not type(None)]
        if len(arms) == 1 and type(None) in args:
            inner = _move_expr(arms[0], x, names, env)
            return None if inner is None else f"(None if {x} is None else {inner})"
        if all(_move_expr(a, x, names, env) is None for a in arms):
            return None
        return f"_moved_any({x}, db)"
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            var = f"e{next(names)}"
            each = _move_expr(args[0], var, names, env)
            return None if each is None else f"(tuple([{each} for {var} in {x}]) if {x} else {x})"
        parts = [_move_expr(a, f"{x}[{i}]", names, env) for i, a in enumerate(args)]
        if all(p is None for p in parts):
            return None
        return "(" + "".join(f"{p if p is not None else f'{x}[{i}]'}, " for i, p in enumerate(parts)) + ")"
    if origin is typing.Literal:
        return None
    if origin is frozenset:
        if _move_expr(args[0], "x", names, env) is not None:
            raise TypeError(f"a set of {args[0]!r} would lose its offsets' moves")
        return None
    if isinstance(hint, type):
        if issubclass(hint, _STAYS):
            return None
        if _record_fields(hint) is not None:
            mover = _class_mover(hint)
            if mover is None:
                return None
            name = f"_m{next(names)}"
            env[name] = mover
            return f"{name}({x}, db)"
    raise TypeError(f"cannot tell whether {hint!r} holds offsets")


def _record_fields(cls: type) -> tuple[str, ...] | None:
    """The field names of a `Record` or a dataclass, in order; None for another class."""
    if issubclass(cls, Record):
        return cls._fields
    import dataclasses  # noqa: PLC0415 (only once a result moves: the CLI's start-up never needs it)

    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def _moved_any(value: Any, db: int) -> Any:
    """A value whose class is known only at run time (a union, or a class that holds
    itself)."""
    return shifted(value, db)
