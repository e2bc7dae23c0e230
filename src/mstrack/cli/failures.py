"""How a run's failures are said: the one place where the library's errors become messages (errors_as_messages:
an InputError as it is, a database error in one line, a usage error of Click's in the run's language, exit 2 all),
and a stdout or stderr that could not be written (OutputFailed, said by app.run in one line and an exit code).
app.py wraps every command in errors_as_messages and ends every run in run(); this module imports no other of cli/
but saying and (when a usage error is said in Chinese) usage."""

import contextlib
import errno
import io
import re
import sys

import typer

from mstrack.cli.saying import echo, fail, say, words

OUTPUT_ERRORS = {errno.EPIPE, errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO, errno.EBADF}
"""The errors of a write to a terminal, pipe or file that failed: a closed pipe, a full disk, a size limit, a
closed stdout (`>&-`: ClosedOutput)."""

BROKEN_PIPE_EXIT = 141
"""Exit code when the reader of a pipe went away (`mstrack status | head -1`): 128 + SIGPIPE, what a shell
reports for the tools a broken pipe stops, so that `set -o pipefail` scripts see mstrack as they see grep; silently,
as they do, unless a write or a freeze was lost by it (output_failed)."""


class OutputFailed(Exception):
    """stdout or stderr could not be written: `run()` says it in one line, without a traceback."""

    def __init__(self, error: OSError):
        super().__init__(error)
        self.error = error


def interrupt_said(exiting: SystemExit) -> None:
    """Typer's own exit for a Ctrl-C outside a command (while the command line is parsed, or as its context
    closes): 130, and the line a command's Ctrl-C says (errors_as_messages), not silence."""
    typer_exit = exiting.__context__
    if exiting.code == 130 and isinstance(getattr(typer_exit, "__cause__", None), KeyboardInterrupt):
        _interrupted()


def _interrupted() -> None:
    """Ctrl-C's line: true whenever it can be said, as a write that committed holds SIGINT until the command
    ends (store.interrupts.interrupts_held)."""
    say("mstrack: interrupted: nothing of what this command was writing was kept", err=True)


_STOPPED: list[int] = []
"""The signal that stopped the command running (stopped_as_interrupts), if one did."""


@contextlib.contextmanager
def stopped_as_interrupts():
    """SIGTERM and SIGHUP, where their action is the default (death), taken as a Ctrl-C while a command runs: the
    write rolls back and leaves nothing (a writer note, a part file) as for Ctrl-C, the line said names the signal, and
    the exit code is the signal's (143, 129). Death by the signal said nothing, a cron log nothing at all (trial63 F9).
    From a write's commit on they are held with SIGINT (store.interrupts.interrupts_held)."""
    from mstrack.signals import while_default

    _STOPPED.clear()

    def stopped(number, _frame):
        _STOPPED[:] = [number]
        raise KeyboardInterrupt

    with while_default(stopped):
        yield


def _stopped_said() -> typer.Exit:
    """A command's Ctrl-C, or the SIGTERM or SIGHUP taken as one (stopped_as_interrupts): its line and exit code."""
    if not _STOPPED:
        _interrupted()
        return typer.Exit(130)
    import signal

    number = _STOPPED[0]
    say("mstrack: stopped by {signal}: nothing of what this command was writing was kept", err=True,
        signal=signal.Signals(number).name)
    return typer.Exit(128 + number)


@contextlib.contextmanager
def errors_as_messages():
    """The one place where the library's errors become messages: an InputError is said as it is, a database
    error as one line, a usage error of Click's in the run's language (exit 2 all); a failed stdout or stderr
    becomes OutputFailed, said by run(). Files
    an option names are checked where they are written (printing.write_output)."""
    from mstrack.errors import opened

    opened(None)  # the store this command opens (cli.process.open_store), where an unexpected error looks for damage
    try:
        with usage_errors_said(), outputs_said(), stopped_as_interrupts():
            yield
    except KeyboardInterrupt:  # Ctrl-C: writes roll back and outputs stay whole; Typer alone exits 130 saying nothing
        raise _stopped_said() from None
    except Exception as error:
        from mstrack.errors import InputError

        if isinstance(error, InputError):
            raise fail(error) from None
        if _is_database_error(error):
            if _after_ctrl_c(error):  # the driver's cleanup failed on the way out of a Ctrl-C: an interrupt all the same
                _interrupted()
                raise typer.Exit(130) from None
            raise _database_failure(error) from None
        from mstrack.store.checks import damage_met

        if (damaged := damage_met(error)) is not None:  # a hand-edited store, not a bug: said in db check's words
            raise fail(damaged) from None
        raise
    finally:
        opened(None)  # not kept past the command: a store left open at exit leaves its -wal beside the file


def _after_ctrl_c(error: BaseException) -> bool:
    """Whether a database error was raised while a Ctrl-C was unwinding (psycopg's "cannot exit pipeline mode
    while busy" when the KeyboardInterrupt reached a pipeline): the write rolled back as for any Ctrl-C, and the
    command says it was interrupted (130), not a database failure."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, KeyboardInterrupt):
            return True
        error = error.__cause__ or error.__context__
    return False


@contextlib.contextmanager
def outputs_said():
    """A failed stdout or stderr becomes OutputFailed, said by run(), and not Click's silent exit 1 for a closed
    pipe: part of errors_as_messages, and around the root's own parsing, where its --help, --version and
    completion script are printed before any command runs."""
    try:
        yield
    except OSError as error:
        if error.errno in OUTPUT_ERRORS:
            raise OutputFailed(error) from None
        raise


@contextlib.contextmanager
def usage_errors_said():
    """Click's usage errors (no such option, a bad value …) in the run's language: in English as Click says
    them, in Chinese by _usage_failure. Part of errors_as_messages; also around the root's own parsing, which
    runs before any command."""
    try:
        yield
    except Exception as error:
        if isinstance(error, typer.BadParameter) and error.message.startswith("Value error, "):
            error.message = error.message.removeprefix("Value error, ")  # pydantic's prefix, through Typer
        _say_how_to_give_a_negative_number(error)
        _say_where_a_global_option_goes(error)
        _say_what_was_meant(error)
        if _is_usage_error(error) and words().lang != "en":
            raise _usage_failure(error) from None
        raise


def _say_how_to_give_a_negative_number(error: BaseException) -> None:
    """`mstrack log REF -5`: Click reads -5 as an option ("No such option: -5"); the message says to write --
    before the arguments, the way Click (and POSIX) takes a value that starts with a dash."""
    exceptions = sys.modules[typer.BadParameter.__module__]
    if not isinstance(error, exceptions.NoSuchOption) or not re.match(r"-\.?\d", error.option_name or ""):
        return
    from mstrack.errors import Message

    usage = error.ctx.get_usage().removeprefix("Usage: ") if error.ctx is not None else "mstrack [OPTIONS] ARGUMENTS"
    example = usage.replace(" [OPTIONS] ", " [OPTIONS] -- ", 1)  # "mstrack log [OPTIONS] -- REF [VALUE]"
    error.message = Message("No such option: {option}; a negative number is read as an option: write -- before "
                            "the arguments ({example})", option=error.option_name, example=example)
    error.possibilities = None


GLOBAL_OPTIONS = ("--lang", "--db")
"""The root's options typed after the command (`mstrack status --lang zh`), as people type them."""


def _say_where_a_global_option_goes(error: BaseException) -> None:
    """`mstrack status --lang zh`: Click knows no --lang of `status`; the message says it is the root's, and where it
    goes, with the command line as it should be (trial65 #17)."""
    exceptions = sys.modules[typer.BadParameter.__module__]
    if not isinstance(error, exceptions.NoSuchOption) or (error.option_name or "").split("=")[0] not in GLOBAL_OPTIONS:
        return
    from mstrack.errors import Message

    option = error.option_name.split("=")[0]
    command = error.ctx.command_path.partition(" ")[2] if error.ctx is not None else ""
    error.message = Message("No such option: {option}; it is a global option: put it before the command ({example})",
                            option=option, example=f"mstrack {option} … {command or 'COMMAND'}")
    error.possibilities = None


CHOICE_REFUSAL_RE = re.compile(r"(?P<value>'[^']*'|\"[^\"]*\") is not one of (?P<choices>.*)\.")
"""Typer's refusal of a closed list's value ('behnd' is not one of 'behind', …): read back for a "did you mean"."""


def _say_what_was_meant(error: BaseException) -> None:
    """A "did you mean" where Click gives none (trial53 #10): `-as-of` (one dash: Click reads -a and knows no -a) names
    the long options spelled like it; `--only behnd` the choices spelled like it (names.close_to, as a task code)."""
    import ast

    from mstrack.domain.names import close_to

    exceptions = sys.modules[typer.BadParameter.__module__]
    if isinstance(error, exceptions.NoSuchOption) and not error.possibilities and error.ctx is not None:
        typed = _short_option_typed(error)
        if typed and len(typed) > 2 and not typed.startswith("--"):
            longs = [name for param in error.ctx.command.params for name in getattr(param, "opts", ()) if name.startswith("--")]
            if near := close_to("-" + typed.split("=", 1)[0], longs, n=3):
                error.possibilities = near
    elif isinstance(error, typer.BadParameter) and (found := CHOICE_REFUSAL_RE.fullmatch(error.message or "")):
        try:
            value, choices = ast.literal_eval(found["value"]), ast.literal_eval(f"[{found['choices']}]")
        except (ValueError, SyntaxError):
            return
        if near := close_to(value, [str(choice) for choice in choices], n=3):
            error.message = f"{error.message} Did you mean: {', '.join(near)}?"


def _short_option_typed(error: BaseException) -> str | None:
    """The argument a NoSuchOption of one dash was read from ("-as-of" for -a): Click keeps it only in its parser's
    frame."""
    trace = error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_name == "_match_short_opt":
            typed = trace.tb_frame.f_locals.get("arg")
            return typed if isinstance(typed, str) else None
        trace = trace.tb_next
    return None


def _is_usage_error(error: BaseException) -> bool:
    """Click's usage errors (Typer's own Click since 0.2x, or Click itself), but for the help shown where a
    group is given no command: that is help, in the run's language already."""
    exceptions = sys.modules[typer.BadParameter.__module__]
    return isinstance(error, exceptions.UsageError) and not isinstance(
        error, getattr(exceptions, "NoArgsIsHelpError", ()))


def _usage_failure(error) -> typer.Exit:
    """A usage error in the run's language (cli/usage.py), laid out as Click lays it out, with its exit code."""
    from mstrack.cli.usage import usage_error_lines

    said = words()
    echo("\n".join(said.message(line) for line in usage_error_lines(error)), err=True)
    return typer.Exit(error.exit_code)


def _database_failure(error: Exception) -> typer.Exit:
    """The driver's first line; a user who may only read is told what still works; a full disk, what to do."""
    from mstrack.domain.reasons import database_reason

    reason = str(getattr(error, "orig", None) or error).splitlines()[0]
    if "permission denied" in reason.lower() or "read-only" in reason.lower() or "readonly" in reason.lower():
        return fail("database: this user may only read here ({reason}); status, show, units and report "
                    "work, writes need a user with write access", reason=reason)
    if reason == "database or disk is full":
        return fail("database: {reason}; nothing was written, whatever this command printed above: free space on its disk (or "
                    "raise its size limit) and run the command again", reason=database_reason(reason))
    from mstrack.errors import commit_failed, commit_unknown, not_frozen, rolled_back

    if command := commit_failed(error):  # the server answered the COMMIT with an error: it rolled back
        return fail("database: {reason}; the commit of {command} failed and the server rolled it back: nothing of it was "
                    "stored, whatever this command printed above; run the command again", reason=reason, command=command)
    if command := commit_unknown(error):  # the connection ended during the COMMIT: it may be stored or not
        return fail("database: {reason}; the connection ended during the commit of {command}: it may have been stored or "
                    "not, whatever this command printed above; look with mstrack batches (and mstrack report frozen) "
                    "before running it again", reason=reason, command=command)
    if not_frozen(error):  # the report went out before its freeze (a device, a FIFO, stdout): what was printed stands
        return fail("database: {reason}; the report was written but nothing was frozen, whatever this command printed "
                    "above: run the command again to freeze it", reason=reason)
    if rolled_back(error):  # raised inside a write, before its commit: rolled back
        return fail("database: {reason}; the write in progress was rolled back: nothing of it was stored, whatever this "
                    "command printed above", reason=reason)
    return fail("database: {reason}", reason=reason)


def _is_database_error(error: BaseException) -> bool:
    """sqlite3's, SQLAlchemy's and psycopg's errors, the last two checked only where those were loaded
    (nothing else raises them)."""
    if "sqlite3" in sys.modules and isinstance(error, sys.modules["sqlite3"].Error):
        return True
    if "sqlalchemy" in sys.modules:
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(error, SQLAlchemyError):
            return True
    if sys.modules.get("psycopg") is not None:  # loaded (None: its import failed or was blocked)
        return isinstance(error, sys.modules["psycopg"].Error)
    return False


def output_failed(error: OSError) -> int:
    """One line on stderr (if it can still be written) and the exit code: BROKEN_PIPE_EXIT for a closed pipe,
    2 for a full disk or a size limit (as a --output file that cannot be written). What an output that failed lost is
    said whatever failed it: a write rolled back ("nothing was written"), a report kept from being frozen. A closed
    pipe is said only where it lost one of those; a
    read whose reader went away (`status -f json | head -1`) ends silently with 141, as cat, grep and git do
    (trial50 T10: "cannot write the output: Broken pipe" read as a failure there). stdout and stderr are pointed at
    /dev/null so that Python's last flush at exit does not fail again."""
    import os

    from mstrack.domain.reasons import os_reason
    from mstrack.errors import Message, not_frozen, rolled_back

    said = Message("cannot write the output: {reason}", reason=os_reason(error))
    if isinstance(error, OutputClosed):
        said = Message("cannot write the output: {reason}", reason=Message("standard output is closed (>&-)"))
    if rolled_back(error):  # a write refused by its output (a closed pipe or stdout, a full disk): none of it kept
        said = Message("{problem}; nothing was written", problem=said)
    elif not_frozen(error):
        said = Message("{problem}; the report was not frozen", problem=said)
    elif error.errno == errno.EPIPE:
        said = None
    try:
        if said is not None:
            sys.stderr.write(words().message(Message("mstrack: error: {message}", message=said)) + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass
    null = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(raw := getattr(stream, "buffer", None), ClosedOutput):
            raw.failing = False  # said: what Python flushes at exit goes to /dev/null under it
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(null, stream.fileno())
    os.close(null)
    return BROKEN_PIPE_EXIT if error.errno == errno.EPIPE else 2


class WholeWrites(io.FileIO):
    """stdout's file, whose write() returns only once every byte is written, or raises (ENOSPC, EPIPE …).
    A raw file may write fewer bytes than given (a nearly full disk: write(2) takes 102400 of 340004 bytes and
    says so; only the next write fails with ENOSPC). CPython's BufferedWriter writes the rest, but under -u or
    PYTHONUNBUFFERED, which many containers set, sys.stdout.buffer is the raw FileIO itself ("the binary layer
    of the stdout and stderr streams is unbuffered"), whose write "returns the number of bytes written, which
    may be less than the length of b" (io.RawIOBase.write); TextIOWrapper and write_out ignore that count, so
    the rest was lost and the command exited 0 with half a document."""

    def write(self, data) -> int | None:
        view = memoryview(data).cast("B")
        done = super().write(view)
        if done is None:  # non-blocking and not ready: nothing written, as FileIO says it
            return None
        while done < len(view):
            more = super().write(view[done:])  # a full disk raises here, for run() to say
            if more is None:
                import select

                select.select([], [self], [])
                continue
            done += more
        return done


def whole_writes_to_stdout() -> None:
    """Where stdout's binary layer is the raw file (-u, PYTHONUNBUFFERED), it becomes WholeWrites, unbuffered
    still: no output is cut short with exit 0. A buffered stdout (CPython's BufferedWriter retries a short
    write) and a test's stand-in are left as they are: nothing to pay for them."""
    out = sys.stdout
    raw = getattr(out, "buffer", None)
    if type(raw) is not io.FileIO or not isinstance(out, io.TextIOWrapper) or raw.closed:
        return
    out.flush()
    whole = WholeWrites(raw.fileno(), "wb", closefd=False)
    sys.stdout = io.TextIOWrapper(whole, encoding=out.encoding, errors=out.errors, newline="\n",
                                  line_buffering=out.line_buffering, write_through=True)


class OutputClosed(OSError):
    """A write to a stdout the run began with closed (ClosedOutput): said by output_failed in its own words."""


class ClosedOutput(io.FileIO):
    """stdout's file when the run began with it closed (`>&-`, as cron or a daemon may start it): /dev/null holds its
    number, so that no file this run opens (the database) takes it, and every write fails (EBADF) as a full disk's
    does: the output lost is said on stderr and the run exits 2, a write not yet committed is not (flush_output),
    until output_failed has said so."""

    failing = True

    def write(self, data) -> int | None:
        if self.failing:
            raise OutputClosed(errno.EBADF, "Bad file descriptor")
        return super().write(data)


def closed_input_opened() -> None:
    """A stdin closed when the run began (`<&-`, as cron or a daemon may start it): /dev/null, read-only, given its
    number, and sys.stdin a reader of it (EOF at once). Else the first file the run opens takes number 0: the database
    (SQLite moves its own file off it, not every file mstrack opens), which /dev/stdin, anything reading stdin or
    writing to number 0 by mistake would then read or write. Before closed_outputs_opened, whose /dev/null would take
    it."""
    import os

    try:
        os.fstat(0)
    except OSError:
        null = os.open(os.devnull, os.O_RDONLY)  # the lowest free number: 0
        if null != 0:
            os.dup2(null, 0)
            os.close(null)
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "rb", closefd=False), encoding="utf-8")


def closed_outputs_opened() -> None:
    """A stdout or stderr closed when the run began (Python makes it None: every print was an AttributeError and a
    traceback, exit 1): its number given /dev/null, stdout as a ClosedOutput (exit 2, as for a full disk), stderr as
    /dev/null itself (the notes and messages lost, the command's own exit code kept)."""
    import os

    for number, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        null = os.open(os.devnull, os.O_WRONLY)  # the lowest free number: the closed one, unless a lower is closed too
        try:
            os.fstat(number)
        except OSError:  # still closed: taken by /dev/null
            os.dup2(null, number)
            os.close(null)
            null = number
        raw = ClosedOutput(null, "wb", closefd=False) if number == 1 else io.FileIO(null, "wb", closefd=False)
        setattr(sys, name, io.TextIOWrapper(raw, encoding="utf-8", errors="backslashreplace", write_through=True))
