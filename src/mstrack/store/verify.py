"""A copy of the whole store to another database, and the proof that it is whole: the same rows in every
table and the same status on every indicator, read back from the copy before it is committed (`mstrack db copy`)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mstrack.domain.status import status_rows
from mstrack.errors import InputError
from mstrack.store.connections import confirm_before_commit

if TYPE_CHECKING:
    from mstrack.store import Store


def copy_verified(source: Store, target: Store, on: date, confirm=None) -> dict[str, int]:
    """Copy `source` into the empty `target` (Store.copy_into: one snapshot, one transaction), and compare them
    before the commit: the rows copied per table, or an InputError naming the target when the counts or the
    status as of `on` differ, the target left as it was. `confirm(counts)` runs last before the commit (the
    command's line, said while a failure still rolls back)."""

    def verify(counts: dict[str, int]) -> None:
        original, copied = source.row_counts(), target.row_counts()
        if copied != original or copied != counts:
            tables = ", ".join(f"{name} {original.get(name)} ≠ {copied.get(name)}" for name in sorted({*original, *copied})
                               if original.get(name) != copied.get(name) or counts.get(name) != copied.get(name))
            raise InputError("--to {db}: row counts differ after the copy (the source's ≠ the copy's): {tables}",
                             db=target.display_url, tables=tables)
        before = [row.as_dict() for row in status_rows(source.status_states(on), on)]
        after = [row.as_dict() for row in status_rows(target.status_states(on), on)]
        if before != after:
            raise InputError("--to {db}: the status differs after the copy", db=target.display_url)
        confirm_before_commit(confirm, counts)

    return source.copy_into(target, verify)
