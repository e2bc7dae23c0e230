"""One reading of a text kept for the next time the same text is read.

The table reader reads the same cell and clause texts many times: each layout it tries (headerless, list_fallback's
runs), each task's figures, names and doubts, and — in one process — each variant of a table a script converts. The
pure readings of a text (their answer depends on their arguments alone) are kept here, bounded by READINGS_KEPT; the
caller gets its own copy of a list or a record, so a reading changed by one caller is never another's."""

from __future__ import annotations

import copy
from dataclasses import fields, is_dataclass
from functools import lru_cache, wraps

from mstrack.domain.limits import READINGS_KEPT


def _own(value):
    """A copy of what a kept reading returned that the caller may change: lists, dicts and records copied all the way
    down (a record's fields too), text and numbers (immutable) shared."""
    if isinstance(value, list):
        return [_own(item) for item in value]
    if isinstance(value, tuple):
        items = [_own(item) for item in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)  # a NamedTuple keeps its type
    if isinstance(value, dict):
        return {key: _own(item) for key, item in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        own = copy.copy(value)
        for field in fields(value):  # a record's lists are the caller's too ("contexts"), not the kept reading's
            object.__setattr__(own, field.name, _own(getattr(value, field.name)))
        return own
    return value


def read_once(function):
    """`function` (a pure reading of its hashable arguments) with its answers kept: see the module's docstring."""
    kept = lru_cache(maxsize=READINGS_KEPT)(function)

    @wraps(function)
    def reading(*args, **kwargs):
        return _own(kept(*args, **kwargs))

    reading.cache_info = kept.cache_info
    reading.cache_clear = kept.cache_clear
    return reading
