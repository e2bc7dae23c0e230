"""What a command's process holds: the store it opens (open_store, refusing an older schema with the commands to
type), the objects kept until a quick exit, and the cycle collector paused for bulk work (bulk)."""

import contextlib
import os
import sys
from pathlib import Path

import typer

from mstrack.cli.printing import flush_output
from mstrack.cli.saying import fail, say, warn


@contextlib.contextmanager
def bulk():
    """Python's cycle collector paused while a command builds its many small objects at once (a status
    over 20,000 indicators builds ~250,000; an import one per row). They hold no cycles and are freed
    by reference counting; the collector only walked the growing heap again and again: measured, a
    sixth of the CPU time of such a status."""
    import gc

    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_kept: list | None = None  # a list only in the `mstrack` script's process (run): see keep_until_exit
_stores: list = []

RUN_STARTED: float | None = None
"""When the `mstrack` script began (time.time(), before its imports; entry.main): `undo` without a number takes back
no batch written after it, another writer's meanwhile (store.Writes._latest_batch). None where no script began (a test's
CliRunner): no such check."""


def allow_quick_exit() -> None:
    """The `mstrack` script's process (cli.run), and no other (tests and programs that call the app, or call run
    and go on): what keep_until_exit is given is held there until quick_exit."""
    global _kept
    _kept = []


def command_ended() -> None:
    """A command's end. Its stores hold Ctrl-C from a write's commit on (cli_store): in the `mstrack` script
    until the process exits (the command ends exit 0, its write stored, never 130 saying nothing was kept);
    anywhere else (tests, a program calling the app) SIGINT is let in again now."""
    interrupts = sys.modules.get("mstrack.store.interrupts")  # loaded by any write
    if _kept is None and interrupts is not None:
        interrupts.interrupts_let_in()


def named_store(db: str | None):
    """The store --db (`db`), else MSTRACK_DB, else the default names, as cli_store, its messages naming which of
    the three named it (urls.store_named_by)."""
    from mstrack.store.urls import resolve_db_url, store_named_by

    return cli_store(resolve_db_url(db), store_named_by(db))


def cli_store(url: str, option="--db"):
    """A store as the command line uses it (`option`: what named it, as its messages say): from a write's commit on,
    Ctrl-C is held until the command ends (store.interrupts.interrupts_held); in the script, closed before a quick
    exit, and a Ctrl-C SQLAlchemy's pool logs is not printed (a second one while it closes a connection as the first
    unwinds)."""
    from mstrack.store import Store

    store = Store(url, option)
    store.holds_interrupts = True
    if _kept is not None:
        _stores.append(store)
        Store.interrupt_logs_unsaid = True  # every store of the script's process (db copy's file too): its engine's
        # pool logs a Ctrl-C it raises again with its traceback; the command says it in one line (failures.py)
    return store


def keep_until_exit(*objects) -> None:
    """A command's many small objects (a status's states and rows: ~250,000 at 20,000 indicators), held until
    the process ends instead of freed one by one when the command returns: quick_exit then ends the process
    without freeing them, as mypy's hard_exit does (measured, ~0.07 s of a province's ~0.9 s status). They, and
    whatever else lives now, are moved out of the cycle collector's sight (gc.freeze): called inside bulk(), this
    spares the first collection after it a walk over every object built (~70 ms at 20,000 indicators). Outside
    the script (tests, a program calling the app) nothing is held and nothing frozen."""
    if _kept is not None:
        import gc

        _kept.extend(objects)
        gc.freeze()


def late_interrupts_ignored() -> None:
    """From the command's SystemExit on, its outcome is decided (the exit code set, its output written or being
    flushed): a Ctrl-C then changes nothing, and is ignored to the process's end, where Python's shutdown would print
    it as "Exception ignored in … KeyboardInterrupt" under an exit code that stands. One held pending (store/interrupts:
    blocked from a write's commit on) goes with it: the write it waited on is stored, as the code says; so does a
    swallowed one's re-send, due 10 ms on (its timer would outlive the handler Python's shutdown takes away)."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if hasattr(signal, "setitimer") and signal.getsignal(signal.SIGALRM) is not signal.SIG_DFL:
            signal.setitimer(signal.ITIMER_REAL, 0)  # a swallowed Ctrl-C's re-send (swallowed_interrupts_sent_again)
            signal.signal(signal.SIGALRM, signal.SIG_IGN)  # goes with it: Python's shutdown would make it kill


def swallowed_interrupts_sent_again() -> None:
    """A Ctrl-C that lands while Python runs code it cannot raise from (a weakref's callback, as SQLAlchemy's pool
    sets, or a __del__) is printed as "Exception ignored in … KeyboardInterrupt" and lost: the command went on and
    ended 0 with that on stderr (tests/test_db_copy's Ctrl-C at any moment, under load). Here it is sent again as
    SIGINT 10 ms later (SIGALRM), from wherever the process then is: so it interrupts, or is held or ignored, as the
    command's state says (store/interrupts, late_interrupts_ignored); should it land in such a callback again, it is
    sent again. The hook itself raises nothing: a SIGALRM due inside it is caught and the timer set once more. The
    `mstrack` script's main thread only (run)."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return
    shown = sys.unraisablehook

    def send_again(_signum, _frame) -> None:
        os.kill(os.getpid(), signal.SIGINT)

    def swallowed(unraisable) -> None:
        if unraisable.exc_type is None or not issubclass(unraisable.exc_type, KeyboardInterrupt):
            shown(unraisable)
            return
        if threading.current_thread() is not threading.main_thread():
            import _thread

            _thread.interrupt_main()
            return
        try:
            signal.setitimer(signal.ITIMER_REAL, 0.01)
        except KeyboardInterrupt:  # the process stood still 10 ms inside this hook: the timer fired here
            signal.setitimer(signal.ITIMER_REAL, 0.01)

    signal.signal(signal.SIGALRM, send_again)
    sys.unraisablehook = swallowed


def quick_exit(code) -> None:
    """End the process now, without freeing what keep_until_exit holds, once everything a normal exit does that
    can be seen has been done: stdout and stderr flushed (a failure raises here, for run to say), every store
    closed, the atexit handlers run. Returns (for a normal exit) when nothing was kept, when the code is not a
    number, while a store is inside a transaction, or while another thread runs; the stores are closed either way."""
    import threading

    idle = all([store.close() for store in _stores])  # on either way out: a write's pooled connection closed
    _stores.clear()  # (held until the process ended, it left SQLite's -wal and -shm beside the database)
    if not _kept or not (code is None or type(code) is int) or threading.active_count() > 1 or not idle:
        return
    flush_output()
    import atexit

    atexit._run_exitfuncs()  # what a normal exit runs first (logging's flush, weakref.finalize's, …)
    flush_output()  # anything they wrote
    os._exit(code or 0)


def open_store(ctx: typer.Context, write: bool, old_schema: bool = False, first=None, creates: bool = False,
               made: list | None = None):
    """The store --db names, at this mstrack's schema; with old_schema one an older mstrack made, as it is
    (`db backup`: the copy to keep before `db upgrade`). `first(store)`: what refuses the store before it is opened
    (`db backup` of a server's: its own tools). `creates`: a write that makes the store where there is none (demo,
    import plan); any other is refused there, naming it (Maintenance.require_schema). `made`: the store made is put
    there, said by the caller once its write is done (first_store), rather than here."""
    from mstrack.errors import OldSchema, opened

    db = ctx.obj.get("db") if ctx.obj else None
    store = named_store(db)
    opened(store)  # where an unexpected error looks for damage (cli/failures)
    if first is not None:
        first(store)
    if write:
        ctx.call_on_close(_clock_said)
        ctx.call_on_close(lambda: _wal_said(store))  # run first: a warning of the write's own before the clock's
    try:
        if store.require_schema(write=write, creates=creates):
            say_created(store) if made is None else made.append(store)
    except OldSchema as old:
        if old_schema and not write:
            return store
        raise _upgrade_first(store, db, old, demo=ctx.info_name == "demo") from None
    return store


@contextlib.contextmanager
def first_store(ctx: typer.Context):
    """A write that makes the store where there is none (import plan): the store, said made once the write is done;
    a refused write removes the store it made (Maintenance.unmake) and none is said made, as a dry run leaves none
    (review49 R5: "created the store …" then "nothing was written", and an empty store left)."""
    made: list = []
    store = open_store(ctx, write=True, creates=True, made=made)
    try:
        yield store
    except BaseException:
        if made:
            store.unmake()
        raise
    if made:
        say_created(store)


@contextlib.contextmanager
def dry_run_store(ctx: typer.Context):
    """`import plan --dry-run`'s store and, where --db holds no mstrack data yet, where no store was made: the
    import is run in a throw-away store (an SQLite file in a temporary folder, removed after, refused or not), so that
    a first import can be previewed and nothing is left where --db names (no file, no -wal or -shm, no table)."""
    import tempfile

    named = named_store(ctx.obj.get("db") if ctx.obj else None)
    if not named.holds_no_store():
        yield open_store(ctx, write=True), None
        return
    with tempfile.TemporaryDirectory(prefix="mstrack-dry-run-") as folder:
        trial = cli_store(f"sqlite:///{Path(folder) / 'mstrack.db'}")
        try:
            trial.init()
            yield trial, store_place(named)
        finally:
            trial.close()


def say_created(store) -> None:
    """A store just made (init, demo, import plan, db copy), said on stderr by its absolute path: a relative --db or
    MSTRACK_DB makes a store in each folder it is run from. On a server the database was there already (made by its
    administrator: docs/deployment.md §2): mstrack made its tables in it, and says so (store55)."""
    if store.path is None:
        say("created the store's tables in the server database {db}", err=True, db=store_place(store))
        return
    say("created the store {db}", err=True, db=store_place(store))


def written_to(ctx: typer.Context, store, said):
    """A write's summary line naming the store written where --db or MSTRACK_DB chose it (absolute: a relative one
    is another file in each folder); the default store, one per user, goes unnamed."""
    from mstrack.errors import Message

    if not (ctx.obj or {}).get("db") and not os.environ.get("MSTRACK_DB"):
        return said
    return Message("{said}, in {db}", said=said, db=store_place(store))


def store_place(store) -> str:
    """A store as a person finds it again: an SQLite file by its absolute path (a relative --db or MSTRACK_DB names
    another file in each folder it is run from), another database by its URL (no password)."""
    return os.path.abspath(store.path) if store.path is not None else store.display_url


def _clock_said() -> None:
    """A write made while this computer's clock was behind the latest batch's time (store.batches.batch_moment):
    said once the command is done, after its own lines."""
    from mstrack.store.batches import clock_warnings

    for said in clock_warnings():
        warn(said)


def _wal_said(store) -> None:
    """A write's end on an SQLite file: its commit folded into the file (Connections.fold_wal), or, where another
    process holding the store open keeps it in the -wal, said on stderr with the way to copy the store whole."""
    if (left := store.fold_wal()) is not None:
        warn(left)


def _upgrade_first(store, db: str | None, old, demo: bool) -> typer.Exit:
    """A database an older mstrack made, left as it is: what `db upgrade` will do (in place, every row kept,
    no copy made), the commands on lines of their own as they are to be typed (with the --db given), and
    for the demo a new file instead."""
    from mstrack.errors import Message

    said = [Message("{db} was made by an older mstrack (schema version {version}; this one needs {needed}) and is "
                    "left unchanged.", db=store.display_url, version=old.version, needed=old.needed)]
    if store.dialect.name == "sqlite":
        said += [Message("  To upgrade it in place (every row is kept, no copy is made), keep a copy of it first:"),
                 "    " + typed(db, f"db backup mstrack-v{old.version}.db"), "    " + typed(db, "db upgrade")]
    else:
        said += [Message("  To upgrade it in place (every row is kept, no copy is made), back it up first with the "
                         "server's own tools (pg_dump), then:"), "    " + typed(db, "db upgrade")]
    if demo:
        said += [Message("  Or try the demo in a new file:"), "    mstrack --db mstrack-demo.db demo"]
    return fail(said)


def demo_store() -> str:
    """Where `mstrack demo` loads when neither --db nor MSTRACK_DB names a store: mstrack-demo.db beside the default
    store, so that the README's quick start leaves the office's own store (mstrack.db) empty for its programme; as
    the next steps type it (under the home folder: ~/…)."""
    from mstrack.store.urls import user_data_path

    path = user_data_path() / "mstrack-demo.db"
    with contextlib.suppress(ValueError):
        return "~/" + path.relative_to(Path.home()).as_posix()
    return str(path)


@contextlib.contextmanager
def samples_said():
    """Around every command, inside errors_as_messages (app.py): an unknown programme, or a store with no data yet,
    said with where the samples are when the demo's store holds them (samples_named)."""
    from mstrack.errors import InputError

    try:
        yield
    except InputError as error:
        named = samples_named(error)
        if named is error:
            raise
        raise named from None


def samples_named(error):
    """An unknown programme the demo's own store holds (mstrack-demo.db beside the default store, where `mstrack demo`
    loads with no --db), or a store with no data yet while that one holds the samples: the error with where they are
    and the --db that reads them (trial50 T5: `mstrack status -p yantian-2023` after `mstrack demo` named only the
    empty default store). That store is only read, nothing made there; anything amiss leaves the error as it was."""
    from mstrack.errors import InputError, Message, NoDataYet, UnknownProgramme, store_opened
    from mstrack.store.urls import sqlite_file, user_data_path
    from mstrack.vocabulary import NO_DATA_HERE_YET

    if not isinstance(error, UnknownProgramme | NoDataYet):
        return error
    path = user_data_path() / "mstrack-demo.db"
    in_use = store_opened()
    try:
        if not path.is_file() or (in_use is not None and sqlite_file(in_use.url) == path.resolve()):
            return error
        held = cli_store(f"sqlite:///{path}").programme_codes()
    except Exception:  # another mstrack's schema, a damaged or locked file: the error as it was
        return error
    if not held or (isinstance(error, UnknownProgramme) and error.code not in held):
        return error
    said = error.messages[0]
    if getattr(said, "template", None) == NO_DATA_HERE_YET:
        # a read's hint on where the samples go (Maintenance.require_schema): said once, with where they are
        said = Message("{option} {db}: no mstrack data here yet", **said.fields)
    demo = demo_store()
    return InputError(Message("{error}; the samples are in {demo}, where `mstrack demo` loads them: {command}",
                              error=said, demo=demo, command=typed(demo, "…")))


def typed(db: str | None, command: str) -> str:
    """A command as the user is to type it: with the --db they gave (MSTRACK_DB, still set, needs none)."""
    import shlex

    home = db is not None and db.startswith("~/") and shlex.quote(db[2:]) == db[2:]  # the shell's ~, left unquoted
    return "mstrack" + (f" --db {db if home else shlex.quote(db)}" if db else "") + " " + command


def typed_path(path) -> str:
    """A file name as it is to be typed in a command: quoted for the shell, and "./" before a name that starts with
    '-' (`db backup -bk-20261206.db` is read as options: "No such option: -b")."""
    import shlex

    name = str(path)
    return shlex.quote(f"./{name}" if name.startswith("-") else name)

