"""A copy of the whole store to another database, and the proof that it is whole: the same rows in every
table and the same status on every indicator, read back from the copy (`mstrack db copy`)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mstrack.errors import InputError

if TYPE_CHECKING:
    from mstrack.store import Store


def copy_verified(source: Store, target: Store, on: date) -> dict[str, int]:
    """Copy `source` into the empty `target`, then compare them: the rows copied per table, or an InputError
    naming the target when the counts or the status as of `on` differ."""
    from mstrack.domain.status import status_rows

    counts = source.copy_to(target)
    copied = target.row_counts()
    if copied != source.row_counts() or copied != counts:
        raise InputError("--to {db}: row counts differ after the copy: {copied} != {counts}", db=target.display_url,
                         copied=copied, counts=counts)
    before = [row.as_dict() for row in status_rows(source.status_states(on), on)]
    after = [row.as_dict() for row in status_rows(target.status_states(on), on)]
    if before != after:
        raise InputError("--to {db}: the status differs after the copy", db=target.display_url)
    return counts
