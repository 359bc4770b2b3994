"""Guards for heavy work on big trees.

- Deep trees without RecursionError: rustc grows its stack (`ensure_sufficient_stack`);
  we run deep work on a thread with a large stack and a high recursion limit. Lowering
  flattens left-nested operator chains with loops, but walkers recurse once per nesting
  level, and real input (or a fuzzer) can nest a few thousand levels deep.
- No cyclic GC while building or printing a model: the model is a large acyclic graph
  (reference counting frees it), and a full collection in the middle of building it
  walks every node again, which costs more than the building itself on large files.
- Long-lived models frozen (`gc.freeze`) soon after they are built: a full collection
  walks every object not frozen, so the models lowered since the last freeze (the units
  an editor's keystrokes lowered again) make a pause during a later keystroke.
"""

from __future__ import annotations

import _thread
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

STACK_BYTES = 512 * 1024 * 1024
RECURSION_LIMIT = 200_000
#: Source bytes lowered into models since the last freeze after which a build freezes.
FREEZE_AFTER_BYTES = 16_000


def run_with_big_stack(fn: Callable[[], T]) -> T:
    """Run `fn` on a thread with a 512 MB stack; return its result or raise its error.
    (With `_thread`, threading's own layer: importing `threading` was 2.5% of the
    CLI's start-up.)"""
    result: list[T] = []
    error: list[BaseException] = []
    finished = _thread.allocate_lock()
    finished.acquire()

    def target() -> None:
        try:
            result.append(fn())
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            error.append(exc)
        finally:
            finished.release()

    sys.setrecursionlimit(max(sys.getrecursionlimit(), RECURSION_LIMIT))
    previous = _thread.stack_size(STACK_BYTES)
    try:
        _thread.start_new_thread(target, ())
    finally:
        _thread.stack_size(previous)
    finished.acquire()
    if error:
        raise error[0]
    return result[0]


@contextmanager
def paused_gc(freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration (nesting is fine). With
    `freeze`, move everything alive afterwards out of the collector's sight
    (`gc.freeze`): a model kept for long (an open document) then costs no collection
    time; reference counting still frees it. Cyclic garbage made since the last freeze
    is collected first (only unfrozen objects are looked at, so this is cheap): frozen,
    it would never be freed."""
    if freeze:
        gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


class _Unfrozen:
    """Source bytes lowered into long-lived models since the last freeze."""

    bytes = 0


@contextmanager
def building_model(nbytes: int) -> Iterator[None]:
    """`paused_gc` while a long-lived model of `nbytes` of source is built; it freezes
    once the models built since the last freeze reach `FREEZE_AFTER_BYTES`, so a full
    collection never walks more model than that (a keystroke's unit waits for a later
    freeze). What is alive at a freeze is never collected, only freed by reference
    counting: a result kept per version (`Analysis`) must hold no cycle."""
    _Unfrozen.bytes += nbytes
    freeze = _Unfrozen.bytes >= FREEZE_AFTER_BYTES
    with paused_gc(freeze=freeze):
        yield
    if freeze:
        _Unfrozen.bytes = 0
