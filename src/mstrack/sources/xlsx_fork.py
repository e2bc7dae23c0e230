"""calamine's parse of a large sheet in a second process, while this one makes the guard's pass over the same XML
(sources/xlsx.py): on two cores the two overlap, and the rows come back made plain (xlsx_rows.plain_parts), a block
at a time, which this process only unpacks. The wall clock falls; the CPU seconds do not (both passes are made, and
the blocks are packed and unpacked).

The guard still decides everything: the child is forked before it, with its memory capped, and killed as soon as
the guard refuses the sheet or streams it. A child that fails in any way (calamine's error, its memory cap, a
signal) leaves its work to this process, which parses the sheet itself as it always did, from the rows the child
did not send: every error is calamine's own, met here and named as before (file, reason), and no row is read twice
or missed."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

FORK_SHEET_BYTES = (4 << 20, 160 << 20)
"""Sheets whose XML (unpacked) is within these bounds are parsed in a child process. Below, a few ms are all there is
to gain (~5,000 rows as openpyxl writes them, ~17,000 as Excel saves them: reading 5,000 rows took 66 ms with the
child, 82 ms without); above, the sheet is streamed by its extent anyway (sources/xlsx_stream.py: a million rows are
~260 MB as Excel saves them), and a child parsing it until the guard says so would only hold memory."""
CHILD_MEMORY_BYTES = 2 << 30
"""Address space the child may take beyond what it has at the fork: calamine allocates a sheet's whole extent,
which a hostile sheet sets at 17 billion cells before the guard has refused it; past the cap the child stops."""

PIPE_BYTES = 1 << 20
"""The pipe's buffer (Linux's default most): ~8 blocks of 1,024 rows sent ahead."""
_HEAD = 8  # a frame's length, little-endian, before its bytes; an empty frame ends the rows


def forked_sheet(path: Path, sheet: str, sheet_bytes: int, parse: Callable, member: str | None = None) -> ForkedSheet | None:
    """A child parsing `sheet`, or None where it would not pay (a small or very large sheet; no core left idle)
    or could not be made safely (no fork, or threads running)."""
    import sys
    import threading

    if not FORK_SHEET_BYTES[0] <= sheet_bytes <= FORK_SHEET_BYTES[1] or not sys.platform.startswith("linux"):
        return None
    if not idle_core() or threading.active_count() > 1:
        return None
    try:
        return ForkedSheet(path, sheet, parse, member)
    except OSError:  # no pipe or no process to be had (EAGAIN, ENOMEM): the sheet is read here, as without a child
        return None


def idle_core() -> bool:
    """Whether a core is likely idle for the child: more than one core for this process, and the last minute's
    load (this process counted) at least half a core below them. On a busy machine the two processes only share
    what one would have had, and the child's packing and this process's unpacking are CPU spent for nothing."""
    cores = len(os.sched_getaffinity(0))
    quota = cpu_quota()
    if quota is not None:  # a container given 1.5 CPUs of the host's 16: its affinity still lists all 16
        cores = min(cores, quota)
    return cores > 1 and os.getloadavg()[0] <= cores - IDLE_MARGIN


IDLE_MARGIN = 0.5
CGROUP = Path("/sys/fs/cgroup")
"""Where the process's own cgroup is seen in a container (its cgroup namespace): cpu.max (cgroup v2), or
cpu/cpu.cfs_quota_us and cpu/cpu.cfs_period_us (v1). A quota set on a parent cgroup outside the namespace is not
looked for: the host's load average then still says how busy the machine is."""


def cpu_quota(root: Path | None = None) -> float | None:
    """The CPUs the cgroup's quota allows (1.5 for "150000 100000"); None without a quota or a file to say so.
    Two small reads, made only for a sheet large enough to fork for."""
    root = root or CGROUP
    try:
        quota, period = (root / "cpu.max").read_text().split()[:2]
    except (OSError, ValueError):
        try:
            quota, period = ((root / "cpu" / name).read_text() for name in ("cpu.cfs_quota_us", "cpu.cfs_period_us"))
        except OSError:
            return None
    try:
        quota, period = int(quota), int(period)
    except ValueError:  # "max": no quota
        return None
    return quota / period if quota > 0 and period > 0 else None  # -1 (v1): no quota


class ForkedSheet:
    """What marked_blocks asks calamine's sheet (start, end, merged_cell_ranges), and its rows' blocks made plain
    (plain_blocks), from the child. `parse` parses the sheet here, for a child that failed."""

    def __init__(self, path: Path, sheet: str, parse: Callable, member: str | None = None):
        self.parse, self.sent = parse, 0  # rows the child sent
        self.start = self.end = self.merged_cell_ranges = None
        read_end, write_end = os.pipe()
        with contextlib.suppress(OSError):  # room for blocks sent ahead while this process checks the ones before
            fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        parent = os.getpid()
        try:
            self.pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            raise
        if self.pid == 0:  # the child: never returns
            os.close(read_end)
            _child(path, sheet, write_end, parent, member)
        os.close(write_end)
        self.pipe = os.fdopen(read_end, "rb")

    def opened(self) -> bool:
        """Whether the child parsed the sheet (its extent and merges are then read); when not, it is ended."""
        import marshal

        frame = self._frame()
        if not frame:
            self.close()
            return False
        self.start, self.end, self.merged_cell_ranges = marshal.loads(frame)
        return True

    def plain_blocks(self) -> Iterator[tuple[int, list | None, list | None]]:
        """The rows' blocks as plain_parts makes them; the rest parsed here if the child stops before its end."""
        if self.start is None:  # an empty sheet: no rows
            self.close()
            return
        while frame := self._frame():
            block = _unpacked(frame)
            self.sent += block[0]
            yield block
        if frame is None:  # the child failed: parse here, from the first row it did not send
            from itertools import islice

            from mstrack.sources.xlsx_rows import blocks, plain_parts

            self.close()
            yield from map(plain_parts, blocks(islice(self.parse().iter_rows(), self.sent, None)))
        self.close()

    def _frame(self) -> bytes | None:
        """The child's next frame; None when it ended without one (it failed or was killed)."""
        if self.pid is None:
            return None
        head = self.pipe.read(_HEAD)
        if len(head) < _HEAD:
            return None
        size = int.from_bytes(head, "little")
        frame = self.pipe.read(size)
        return frame if len(frame) == size else None

    def close(self) -> None:
        """End the child (if it still runs) and reap it."""
        import signal

        if self.pid is not None:
            pid, self.pid = self.pid, None
            try:  # a child that ended is a zombie until reaped: the signal does nothing
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):  # reaped already (a program waiting on every child)
                pass
            self.pipe.close()


def _child(path: Path, sheet: str, fd: int, parent: int, member: str | None = None) -> None:
    """Parse the sheet (from a copy calamine reads once where it names no merged cell: sources/xlsx_once.py), send
    its extent and merges, then its rows' blocks made plain, then an empty frame; exit without touching
    anything of the parent's (its database connection, buffered output, exit handlers)."""
    code = 1
    try:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it ends the child
        _die_with(parent)
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)  # calamine's or Rust's own words on failure are not the user's
        _cap_memory()
        import marshal

        from mstrack.sources.files import calamine_workbook
        from mstrack.sources.xlsx_once import parsed_once
        from mstrack.sources.xlsx_rows import blocks, plain_parts

        values = parsed_once(path, member, sheet) if member else None
        if values is None:
            values = calamine_workbook(path).get_sheet_by_name(sheet)
        with os.fdopen(fd, "wb") as out:
            _send(out, marshal.dumps((values.start, values.end, values.merged_cell_ranges)))
            out.flush()  # the parent waits for it
            if values.start:  # an empty sheet's iter_rows panics in calamine 0.5
                for block in blocks(values.iter_rows()):
                    _send(out, _packed(plain_parts(block)))
            _send(out, b"")
        code = 0
    except BaseException:  # noqa: BLE001 (whatever it is, the parent parses the sheet itself and meets it there)
        pass
    finally:
        os._exit(code)


def _die_with(parent: int) -> None:
    """Have the kernel kill this child when its parent dies (SIGTERM, SIGKILL: no `finally` of the parent's runs
    then), rather than parse on for nobody; a parent already gone ends it at once."""
    import ctypes
    import signal

    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the prctl
        os._exit(1)


PR_SET_PDEATHSIG = 1
"""prctl's option (linux/prctl.h): the signal the child gets when the thread that forked it ends. mstrack forks
only while it runs one thread (forked_sheet), so that thread is the process."""


@contextlib.contextmanager
def held_interrupt() -> Iterator[None]:
    """Ctrl-C held back (SIGINT blocked) across a fork and the caller's record of the child, then delivered: a
    KeyboardInterrupt in between would leave a child that no `finally` knows of, neither killed nor reaped. SIGTERM
    and SIGHUP too: the command line takes them as a Ctrl-C (cli/failures.stopped_as_interrupts)."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork either
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _cap_memory() -> None:
    import resource

    with open("/proc/self/statm") as statm:
        size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (size + CHILD_MEMORY_BYTES, size + CHILD_MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _send(out, frame: bytes) -> None:
    out.write(len(frame).to_bytes(_HEAD, "little"))
    out.write(frame)


_TEXT = {str, type(None)}
_MARSHAL = {str, int, float, type(None)}
# how a column is packed: as it is (marshal), dates as their day numbers, anything else pickled
AS_IS, DAYS, PICKLED = 0, 1, 2


def _packed(block: tuple[int, list | None, list | None]) -> bytes:
    """A plain_parts block as bytes: marshal (C) for the columns of text and numbers, a text column's repeated
    texts as one object each (marshal then writes a reference, and unpacking makes each text once), dates as day
    numbers; pickle for the rest and for a block held as rows (cells of other kinds: rare)."""
    import marshal
    import pickle

    size, columns, rows = block
    if columns is None:
        return b"p" + pickle.dumps(block, pickle.HIGHEST_PROTOCOL)
    packed = []
    for column in columns:
        kinds = set(map(type, column))
        if kinds <= _TEXT:
            same: dict = {}
            packed.append((AS_IS, type(column)(map(same.setdefault, column, column))))
        elif kinds <= _MARSHAL:
            packed.append((AS_IS, column))
        elif kinds == {date}:
            packed.append((DAYS, list(map(date.toordinal, column))))
        else:
            packed.append((PICKLED, pickle.dumps(column, pickle.HIGHEST_PROTOCOL)))
    return b"m" + marshal.dumps((size, packed))


def _unpacked(frame: bytes) -> tuple[int, list | None, list | None]:
    import marshal

    if frame[:1] == b"p":
        return _unpickled(frame[1:])
    size, packed = marshal.loads(memoryview(frame)[1:])
    columns = [column if kind == AS_IS else list(map(date.fromordinal, column)) if kind == DAYS else _unpickled(column)
               for kind, column in packed]
    return size, columns, None


def _unpickled(data: bytes):
    """What the child pickled (cells of rare kinds): pickle is imported only for them."""
    import pickle

    return pickle.loads(data)
