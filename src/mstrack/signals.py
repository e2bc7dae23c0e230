"""The signals that stop a command as Ctrl-C does (STOPPING), and the one loop that sets a handler for each whose
action is the default (death) and puts the action back (while_default): cli/failures takes them as a Ctrl-C while a
command runs, store/sqlite_file removes its writer note before dying by one. Imports nothing of mstrack: the command
line's start-up loads it, never store/ (cli/process takes store/interrupts loaded as "a write happened")."""

import contextlib

STOPPING = ("SIGTERM", "SIGHUP")
"""The signals that stop a command as Ctrl-C does (`timeout`, `systemctl stop`, a closed terminal), said as it is."""


@contextlib.contextmanager
def while_default(handler, names=STOPPING):
    """`handler` for each signal of `names` whose action is the default (death), and the action put back at the end.
    Only the main thread can set handlers; a signal ignored (nohup) or handled by another stays so. A handler that
    ends the process by its signal sets the default back first (the action it found)."""
    import signal
    import threading

    kept: dict[int, object] = {}
    if threading.current_thread() is threading.main_thread():
        for name in names:
            number = getattr(signal, name, None)
            if number is not None and signal.getsignal(number) is signal.SIG_DFL:
                kept[number] = signal.signal(number, handler)
    try:
        yield
    finally:
        for number, action in kept.items():
            signal.signal(number, action)
