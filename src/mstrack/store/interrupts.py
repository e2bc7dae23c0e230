"""SIGINT (SIGTERM, SIGHUP) held from a write's commit on (interrupts_held), and let in again (let_in, interrupts_let_in): after
the commit a Ctrl-C could only end the command with a lie. Loaded by the first write (Connections.locked)."""

_interrupts_before: list = []
"""The main thread's signal mask before the first write of this process began to commit (interrupts_held)."""


def interrupts_held():
    """SIGINT held (blocked: the kernel keeps it pending, unseen) from a write's commit on: what is left of the
    command (the commit, closing, its last lines) is short, and a Ctrl-C there could only end it with a lie:
    exit 130 saying nothing was kept, or death by the signal, after the write was stored. Blocked, not caught
    by a handler of Python's (one that records or ignores it): a SIGINT that arrived just before is raised
    here as KeyboardInterrupt, before the commit, where the write still rolls back; a handler set here would
    have to run it, or warn "ignored due to race condition"; and Python sets SIGINT back to death at its exit
    for a handler of its own. How long it stays held: Connections.holds_interrupts. Returns the mask it
    replaced; None where signals cannot be held (a thread other than the main one, Windows)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        return None
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _held())
    if not _interrupts_before:
        _interrupts_before.append(previous)
    return previous


def let_in(previous) -> None:
    """The mask as it was: a Ctrl-C held meanwhile is raised now (KeyboardInterrupt)."""
    import signal

    if _interrupts_before and _interrupts_before[0] == previous:
        _interrupts_before.clear()
    signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def interrupts_let_in() -> None:
    """SIGINT as it was before the first write committed (see interrupts_held), at the end of a command that
    went on to its normal end, its write stored: a Ctrl-C held meanwhile is dropped, not raised after the fact
    (the `mstrack` script never lets it in: it dies with the process)."""
    if not _interrupts_before:
        return
    import signal

    previous = _interrupts_before[0]
    for number in _held() - set(previous):
        if hasattr(signal, "sigtimedwait"):
            signal.sigtimedwait({number}, 0)  # takes a pending one, if any
    let_in(previous)


def _held() -> set:
    """What is held from a commit on: SIGINT, and SIGTERM and SIGHUP, which the command line takes as a Ctrl-C
    (cli/failures.stopped_as_interrupts): stopped after its commit, a command ends normally, its write stored."""
    import signal

    from mstrack.signals import STOPPING

    return {signal.SIGINT, *(getattr(signal, name) for name in STOPPING if hasattr(signal, name))}
