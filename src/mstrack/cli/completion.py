"""Shell completion from the database: programme codes, task references, indicator names, unit names.

A <TAB> must answer fast and never harm: it reads through the store's driver alone (no SQLAlchemy), never
creates a database file, and answers nothing rather than an error when the database cannot be read.
"""

from __future__ import annotations

import contextlib
import os


def _store(ctx):
    """The store --db (or MSTRACK_DB, or the default) names, if it exists; completion never makes one."""
    from mstrack.store import Store, resolve_db_url
    from mstrack.store.urls import sqlite_file, store_named_by

    root = ctx.find_root()
    url = resolve_db_url(root.params.get("db") or None)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        return None
    return Store(url, store_named_by(root.params.get("db") or None))


def _answers(ctx, incomplete: str, read) -> list[str]:
    """`read(store)`'s names that begin with what was typed (or contain it, where none begins so: Chinese
    names are often typed from the middle); nothing when the database cannot be read."""
    with contextlib.suppress(Exception):
        store = _store(ctx)
        if store is None:
            return []
        names = read(store)
        starting = [name for name in names if name.startswith(incomplete)]
        return starting or [name for name in names if incomplete in name]
    return []


def programmes(ctx, param, incomplete: str) -> list[str]:
    return _answers(ctx, incomplete, lambda store: store.programme_codes())


def task_refs(ctx, param, incomplete: str) -> list[str]:
    return _answers(ctx, incomplete, lambda store: store.task_refs())


def units(ctx, param, incomplete: str) -> list[str]:
    return _answers(ctx, incomplete, lambda store: store.unit_names())


def indicators(ctx, param, incomplete: str) -> list[str]:
    """The indicator names of the task typed before (`log REF -i <TAB>`); none before a task is given."""
    from mstrack.store import parse_ref

    ref = ctx.params.get("ref") or _typed_ref()
    if not ref:
        return []
    return _answers(ctx, incomplete, lambda store: [state.indicator for state in store.task_indicators(parse_ref(ref))])


def _typed_ref() -> str | None:
    """The PROGRAMME/CODE typed on the line being completed. Click leaves the command's parameters empty
    while an option before the cursor still waits for its value (`-i <TAB>`); every shell script of click's
    passes the words typed so far in COMP_WORDS."""
    import re
    import shlex

    try:
        words = shlex.split(os.environ.get("COMP_WORDS", ""))
    except ValueError:
        words = os.environ.get("COMP_WORDS", "").split()
    return next((word for word in words if re.fullmatch(r"[^-/\s][^/\s]*/[^/\s]+", word)), None)


def files(ctx, param, incomplete: str):
    """A file name completed by the shell, as Click completes a Path parameter (`db backup TARGET`, read as text)."""
    try:
        from typer.core import CompletionItem  # the Click Typer carries in itself (0.2x)
    except ImportError:  # an older Typer over the Click package
        from click.shell_completion import CompletionItem

    return [CompletionItem(incomplete, type="file")]


COMPLETERS = {"programme": programmes, "code": programmes, "ref": task_refs, "unit": units, "indicator": indicators,
              "target": files}
"""Which parameter (by name) completes from which list (a file name from the shell's)."""
