"""The `mstrack` script's entry: the command line imported inside it, so that a Ctrl-C while its modules load
(the first ~0.25 s) ends as one during a command does, exit 130 and one line, not a traceback and death by the
signal. Nothing here imports more than the standard library's sys."""

import sys

INTERRUPTED_EXIT = 130
"""128 + SIGINT, the code a shell gives a tool that Ctrl-C stopped (the code a command's Ctrl-C gives)."""


def main() -> None:
    try:
        from mstrack.cli import run
    except KeyboardInterrupt:
        interrupted()
    try:
        run()
    except KeyboardInterrupt:  # before or after a command (a command's own is said in cli/failures.py)
        interrupted()


def interrupted() -> None:
    """One line on stderr, if it can still be written, and exit 130."""
    try:
        sys.stderr.write("mstrack: interrupted\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    raise SystemExit(INTERRUPTED_EXIT) from None
