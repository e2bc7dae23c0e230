"""The one check every reader makes before it opens a file: readable, not empty, not too large (domain/limits)."""

from __future__ import annotations

from pathlib import Path

from mstrack.domain.limits import MAX_FILE_BYTES
from mstrack.errors import InputError


def check_file_size(path: Path, limit: int = MAX_FILE_BYTES) -> int:
    """The file's size, after refusing an unreadable, empty or too large file before anything reads it."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError("{path}: cannot read: {reason}", path=path, reason=error.strerror or error) from None
    if size == 0:
        raise InputError("{path}: the file is empty", path=path)
    if size > limit:
        raise InputError("{path}: {size} MB is more than mstrack reads in one file ({limit} MB); split it", path=path,
                         size=size // (1024 * 1024), limit=limit // (1024 * 1024))
    return size


def unreadable(path: Path, error: Exception) -> InputError:
    """A damaged file of a kind mstrack reads: named with its kind and the reader's own words, cut short."""
    return InputError("{path}: not a readable {suffix} file ({kind}: {error})", path=path, suffix=path.suffix.lower(),
                      kind=type(error).__name__, error=str(error)[:200])
