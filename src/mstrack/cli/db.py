"""Commands about the database itself: init, db upgrade|backup|restore|copy|check, and its batches: batches, undo;
and the programmes it holds."""

import os
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from mstrack.cli.app import app, db_app
from mstrack.cli.common import ID_MAX, Format, FormatOption, SinceOption, UntilOption, entered_days
from mstrack.cli.printing import (
    console,
    flush_output,
    refuse_unwritable_name,
    said_stale_parts,
    write_out,
    write_output,
)
from mstrack.cli.process import cli_store, named_store, open_store, say_created
from mstrack.cli.saying import echo, fail, note, refuse_empty, say, say_no_programmes, warn


@app.command()
def init(ctx: typer.Context) -> None:
    """Create or upgrade the database schema. Running it twice changes nothing."""
    store = named_store(ctx.obj.get("db"))

    def announce(versions) -> None:
        say("{db}: schema version {before} → {after}", db=store.display_url, before=versions[0], after=versions[1])
        if versions[0] == 0:
            say_created(store)
        flush_output()

    if ctx.info_name == "init":  # `db upgrade` is what that advice leads to
        _upgrading_in_place(store)
    made: list[str] = []
    before, after = store.init(confirm=announce, made=made)
    if made:  # a table of its version an early mstrack did not make (trial55 F8: report_snapshot in version 2)
        say("{db}: made mstrack's {n:table|tables} {tables}, which {n:it|they} lacked", db=store.display_url,
            n=len(made), tables=", ".join(made))
    elif before == after:
        say("{db}: schema version {version}, up to date", db=store.display_url, version=after)


def _upgrading_in_place(store) -> None:
    """`init` on a database an older mstrack made: what every other command says of it (left unchanged there,
    with the backup to make first), said before the upgrade begins and true then: nothing is changed yet, a
    Ctrl-C or a failure leaves the file as it is."""
    from mstrack.errors import Message
    from mstrack.store import SCHEMA_VERSION

    version = store.schema_version()
    if not 0 < version < SCHEMA_VERSION:
        return
    store.refuse_unwritable()  # said once and true: not "init upgrades it now", then a failure to write
    keep = (Message("a copy as it was is kept by `mstrack db backup FILE` before `init` or `db upgrade`")
            if store.dialect.name == "sqlite" else
            Message("a copy as it was is kept by the server's own tools (pg_dump) before `init` or `db upgrade`"))
    note(Message(
        "{db} was made by an older mstrack (schema version {version}; this one needs {needed}): init upgrades it "
        "now, in place (every row is kept, no copy is made); once upgraded, an older mstrack no longer opens it; "
        "{keep}", db=store.display_url, version=version, needed=SCHEMA_VERSION, keep=keep))
    flush_output()


@app.command()
def batches(
    ctx: typer.Context,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", min=1, max=ID_MAX, help="How many, newest first. [default: 20; all with --since or --until]")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """The writes made to this database, newest first: each can be undone as a whole."""
    from mstrack.render.history import batches_json, batches_table

    first, last = entered_days(since, until)
    store = open_store(ctx, write=False)
    found = store.batches(limit or (None if first or last else 20), since=first, until=last)
    if fmt is Format.json:
        write_out(batches_json(found))
    else:
        console().print(batches_table(found, ctx.obj["lang"], period=bool(first or last)))
    _skipped_said([batch.id for batch in found])


def _skipped_said(ids: list[int]) -> None:
    """The numbers between the batches listed that no batch holds, said on stderr: taken by a write that kept nothing,
    never given again (docs/cli.md). "Who deleted batch 3?" was an audit's first question (trial63 F3)."""
    if not ids:
        return
    listed = set(ids)
    skipped = [number for number in range(min(ids) + 1, max(ids)) if number not in listed]
    if skipped:
        shown = ", ".join(map(str, skipped[:10])) + (" …" if len(skipped) > 10 else "")
        note("{n:batch|batches} {numbers} {n:was|were} given to {n:a write|writes} that kept nothing (refused, "
             "interrupted, or with nothing new): such a write keeps no batch, and its number is never given again",
             n=len(skipped), numbers=shown)


@app.command()
def undo(
    ctx: typer.Context,
    batch: Annotated[Optional[int], typer.Argument(max=ID_MAX, help="Batch id (see `mstrack batches`). [default: the latest]")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why it is undone (kept with the new batch).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Bring values back even over newer entries for the same date, "
                                                          "or a plan back over later changes to it (what it overrides is "
                                                          "kept with the new batch).")] = False,
) -> None:
    """Revert one batch as a whole, as a new batch, which can be undone in turn: its reports are retracted, not deleted
    (`history` shows them, marked retracted). Undoing a plan import puts back the plan before it; a programme's
    first import is removed, with its undone reports: they are deleted, as are the undone reports of tasks, lines or
    indicators the plan put back lacks (the summary says how many; `history` has no more of them, `batches` keeps every
    batch)."""
    store = open_store(ctx, write=True)

    def announce(done) -> None:
        """The batch taken back named with its command, user and time; a warning when `undo` without a number
        took back another user's write (still the latest batch, as scripts rely on)."""
        from mstrack.errors import Joined, Message
        from mstrack.store.batches import batch_words

        (undone,) = store.batches(ids=[done.undoes])
        corrected = sum(n for _, _, n in done.corrected_since)  # retracted, but another's correction stood over them
        what = [Message("{n} {n:report retracted|reports retracted}", n=done.reports_retracted - corrected),
                *([Message("{n} more corrected since by {batches}: {n:that correction stands|those corrections stand}",
                           n=corrected, batches=Joined(", ", [Message("batch {batch} ({user})", batch=b, user=user or "?")
                                                              for b, user, _ in done.corrected_since]))]
                  if corrected else []),
                Message("{n} restored", n=done.reports_added)]
        if done.programme_removed:  # its first import undone: nothing of it is left to put back (newcomer49 N13)
            what.append(Message("{code} removed, with its undone reports (`mstrack undo {batch}` brings it back, its reports "
                                "as the plan gave them)", code=done.programme, batch=done.id))
        elif done.programme:
            what.append(Message("{code} put back as it was before batch {undone}", code=done.programme, undone=done.undoes))
        for later, n in done.restated_kept:  # safety47 F5: a later import's rows "already there" stay, as its own
            what.append(Message("{n} given again by batch {later} kept as its {n:report|reports}", n=n, later=later))
        if done.undone_deleted:  # as `import plan` says it (cli/files.py)
            what.append(Message("{n} undone {n:report|reports} of dropped lines or indicators deleted: an undo can no longer "
                                "bring {n:it|them} back", n=done.undone_deleted))
        say("batch {batch} undoes {undone}: {what}", batch=done.id, what=Joined(", ", what),
            undone=batch_words(undone.id, undone.created_at, undone.user, undone.command, undone.source))
        for change in done.plan_changes:  # what changes under reports, as `import plan` says it (safety49 F4b)
            say("  {change}", change=change)
        if undone.command == "log":  # which programme, task and value it took back (safety47 F8)
            from mstrack.domain.quantities import format_number

            for code, task, name, unit, on, value in store.batch_reports_said(undone.id):
                say("  {ref} {indicator}: {value} as of {on} retracted", ref=f"{code}/{task}", indicator=name,
                    value=format_number(value, unit), on=on)
        if batch is None and undone.user != (me := store.user()) and not store.names_a_role(undone.user):
            warn("batch {batch} was written as {user} (a name no role of this server has: a login of a file store "
                 "this one was copied from, a write from before mstrack named writes by their database role, or a role "
                 "since dropped), not by you ({me}): undone as the latest batch; `mstrack undo {undo}` puts it back",
                 batch=undone.id, user=undone.user, me=me or "?", undo=done.id)
        elif batch is None and undone.user != me:
            warn("batch {batch} was written by {user}, not by you ({me}): undone as the latest batch; `mstrack undo {undo}` "
                 "puts it back", batch=undone.id, user=undone.user or "?", me=me or "?", undo=done.id)
        flush_output()

    from mstrack.cli.process import RUN_STARTED

    store.undo(batch, reason, force=force, confirm=announce, started=RUN_STARTED)


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Upgrade the schema of an older database in place (back it up first)."""
    init(ctx)


@db_app.command("backup")
def db_backup(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help="The new file to write.")],
) -> None:
    """An online, consistent copy, safe while others write. A plain file copy may miss the -wal file."""
    from mstrack.render.outputs import link_written

    refuse_empty(target, "TARGET")  # read as text: Path("") is ".", a folder
    target = Path(target)

    # the copy to keep before `db upgrade`; a server's refused first (pg_dump), never sent to a .db name in a folder
    store = open_store(ctx, write=False, old_schema=True, first=lambda store: store.refuse_backup())
    if target.is_dir():
        raise _backup_into_folder(ctx, store, target)
    if target.exists():
        raise _backup_exists(ctx, target)
    refuse_unwritable_name(target, "TARGET")  # a link nothing can be written through said as one, before the store's
    if store.path is not None:
        _refuse_too_long_to_write(target, "TARGET", str(target))
    through = link_written(target)

    def announce() -> None:
        if through is None:
            echo(f"{store.display_url} → {target}")
        else:  # a link to nothing there yet: the file it names is made, and said
            say("{db} → {target} (a symbolic link to {link}: the backup is {file})", db=store.display_url,
                target=target, link=through[0], file=through[1])

    found = []  # what `db check` finds in the rows copied: the copy is kept all the same, and the damage said

    # new only: a backup made meanwhile (another office's nightly script, the same dated name) is never written over
    write_output(ctx, target, lambda path: found.extend(store.backup(path)), announce, option="TARGET", private=True,
                 taken=lambda path: _backup_exists(ctx, path))
    if found:
        from mstrack.errors import Message

        warn(Message("{db} fails `mstrack db check` ({n} {n:problem|problems}; the first: {problem}): {target} holds it as "
                     "it is, the damage with it (`mstrack db restore` refuses {target} for it: keep an earlier backup to "
                     "restore); run `mstrack db check` for each problem and its repair",
                     db=store.display_url, n=len(found), problem=found[0], target=target))
        raise typer.Exit(1)


def _refuse_too_long_to_write(path: Path, option: str, said: str) -> None:
    """A database file (a backup, a copy) SQLite writes under a temporary name beside it, then renamed: refused, said
    of the option as given, where SQLite could not open that temporary (it blamed --db, or named the temporary)."""
    from mstrack.render.temporaries import part_added
    from mstrack.store.sqlite_file import refuse_too_long

    refuse_too_long(path, option=option, said=said, written_as=part_added(path))


def _backup_exists(ctx: typer.Context, target: Path) -> typer.Exit:
    """A backup never writes over a file (it may be the copy kept before an upgrade): the way on, a dated
    name not taken yet as the command to type, as `import table -o` says for its plan."""
    from mstrack.cli.process import typed, typed_path
    from mstrack.errors import Message

    return fail([Message("{path}: exists already (a backup never writes over a file); remove it first, or give "
                         "another file name:", path=target),
                 "    " + typed(ctx.obj.get("db") if ctx.obj else None, f"db backup {typed_path(_dated(target))}")])


def _backup_into_folder(ctx: typer.Context, store, folder: Path) -> typer.Exit:
    """TARGET an existing folder (`db backup backups/`): a backup is a file, named in it as the database is, dated."""
    from mstrack.cli.process import typed, typed_path
    from mstrack.errors import Message

    name = f"{store.path.stem if store.path is not None else 'mstrack'}.db"
    return fail([Message("TARGET {path}: is a folder; give a file name in it, such as:", path=folder),
                 "    " + typed(ctx.obj.get("db") if ctx.obj else None, f"db backup {typed_path(_dated(folder / name))}")])


def _dated(target: Path) -> Path:
    """`target` with today's date in its name (NAME-20261206.db, then -2, -3 …), the first not taken."""
    stem, suffix, today = target.stem, target.suffix, date.today().strftime("%Y%m%d")
    names = (f"{stem}-{today}{suffix}", *(f"{stem}-{today}-{n}{suffix}" for n in range(2, 100)))
    return next((target.with_name(name) for name in names if not os.path.lexists(target.with_name(name))), target)


@db_app.command("restore")
def db_restore(
    ctx: typer.Context,
    backup: Annotated[str, typer.Argument(help="The backup to put back (made by `mstrack db backup`).")],
) -> None:
    """Put a backup back into the database, in one transaction through SQLite's backup API: safe while others
    read or write, a -wal beside the database is SQLite's to handle. What it replaces is kept beside it first
    (DB.before-restore-TIME); a database SQLite cannot read is kept aside whole (DB.damaged-TIME). Not with cp: see
    docs/reliability.md."""
    from mstrack.errors import InputError, Message, copy_left
    from mstrack.render.outputs import replacing_path
    from mstrack.store import SCHEMA_VERSION
    from mstrack.store.kept_copy import wal_of
    from mstrack.store.sqlite_file import disk_full

    refuse_empty(backup, "BACKUP")
    store = named_store(ctx.obj.get("db"))
    if store.path is not None:
        said_stale_parts(store.path, stamped=True)
    from mstrack.store.sqlite_file import holds_bytes

    new = store.path is not None and not holds_bytes(store.path)  # no file there, or an empty one: the restore makes it

    def new_file(path: Path, before_rename=None, replace: bool = False):
        """How the copy kept before the restore is written: as `db backup` writes, 0600, never over a file; with
        `replace`, the backup written over a damaged database (kept aside by `before_rename`)."""
        return replacing_path(path, before_rename=before_rename, private=True, new_only=not replace)

    def announce(version, before, after, kept, renumbered, aside=()) -> None:
        """Said before the commit, and flushed: an output that fails rolls the restore back (exit 0 ⇔ restored)."""
        say("{db} ← {backup}: {rows} {rows:row|rows} in {tables} {tables:table|tables}, schema version {version}; "
            "before: {before}", db=store.display_url, backup=backup, rows=sum(after.values()), tables=len(after),
            version=version, before=_rows_said(before))
        if renumbered:
            first, last, batch = renumbered
            say("{n:batch|batches} {numbers}, made after this backup, {n:is|are} gone with it; this restore is recorded "
                "as batch {batch}, and no later write is given {n:that number|those numbers} again (`mstrack undo "
                "{first}` says the restore took it)", n=last - first + 1, batch=batch, first=first,
                numbers=str(first) if first == last else f"{first}–{last}")
        if kept and wal_of(kept).exists():  # a damaged database's bytes: the -wal holds commits the copy needs
            say("the database as it was is kept in {path}, with its -wal in {wal} (commits not yet in the file: move the "
                "two together); `mstrack db restore {path}` puts it back", path=kept, wal=wal_of(kept))
        elif kept:
            say("the database as it was is kept in {path}; `mstrack db restore {path}` puts it back", path=kept)
        if aside:  # a damaged database, moved aside whole: never deleted
            say("the damaged database is kept aside as {path}{others}; `mstrack db restore BACKUP` never deletes it",
                path=aside[0], others=Message(" (with {files})", files=", ".join(map(str, aside[1:]))) if aside[1:] else "")
        if version < SCHEMA_VERSION:
            note(Message(
                "{db}: the backup is of an older schema; run `mstrack db upgrade` before other commands",
                db=store.display_url))
        flush_output()

    try:
        store.restore(Path(backup), said=backup, new_file=new_file, confirm=announce)
        if new:  # as every command that makes a store says it (left49)
            say_created(store)
    except InputError as error:
        if kept := copy_left(error):  # the copy stays where pages may have been replaced: said where, as it takes room
            if wal_of(Path(kept)).exists():
                kept_note = Message("{path} and {wal} hold the database as it was, kept before this restore (move the two "
                               "together); delete them when you no longer need them", path=kept, wal=wal_of(Path(kept)))
            elif disk_full(error):  # the store's one test of a full disk, on the message it said
                kept_note = Message("{path} holds the database as it was, kept before this restore, on that full disk; "
                               "delete it to free space once the restore is done", path=kept)
            else:
                kept_note = Message("{path} holds the database as it was, kept before this restore; delete it when you no "
                               "longer need it", path=kept)
            note(kept_note)
        raise


def _rows_said(counts):
    from mstrack.errors import Message

    if counts is None:
        return Message("not readable (damaged)")
    return Message("{rows} {rows:row|rows}", rows=sum(counts.values()))


@db_app.command("copy")
def db_copy(
    ctx: typer.Context,
    to: Annotated[str, typer.Option("--to", help="The empty database to fill: a file path or an SQLAlchemy URL.")],
) -> None:
    """Copy the whole store to an empty database (SQLite ↔ PostgreSQL), then verify it. A file is written beside
    its name and renamed into place once verified; a server's database is filled in one transaction."""
    from mstrack.store import resolve_db_url
    from mstrack.store.sqlite_file import refuse_not_a_file
    from mstrack.store.urls import sqlite_file
    from mstrack.store.verify import copy_verified

    refuse_empty(to, "--to", database=True)  # never "not given": resolve_db_url would take MSTRACK_DB or the default
    store = open_store(ctx, write=False)
    url = resolve_db_url(to)
    refuse_not_a_file(url, option="--to", said=to)  # the store's one check, said of --to as given
    path = sqlite_file(url)
    if path is not None:
        _refuse_database_file(ctx, path)
        _refuse_too_long_to_write(path, "--to", to)
    target = cli_store(url, "--to")  # from the commit (a server's) or the rename (a file's) on, Ctrl-C is held

    def said(counts: dict[str, int]) -> None:
        say("{source} → {target}: {rows} {rows:row|rows} in {tables} {tables:table|tables}, row counts and status "
            "verified", source=store.display_url, target=target.display_url, rows=sum(counts.values()),
            tables=len(counts))
        flush_output()

    if target.path is not None:
        _copy_to_file(ctx, store, target, said)
    else:
        copy_verified(store, target, date.today(), said)
    say_created(target)  # an empty file or database, made a store (as init, demo and import plan say)


def _refuse_database_file(ctx: typer.Context, path: Path) -> None:
    """Exit 2 when --to names the source database by any name (a hard link, a symlink), or any SQLite database or
    its -wal, -shm or -journal, as every -o is refused (printing.refuse_database): SQLite deletes such a copy, or
    takes it into the live database it belongs to; and a database replaced by the rename would be lost."""
    from mstrack.cli.printing import refuse_database

    refuse_database(ctx, path, "--to")


def _copy_to_file(ctx: typer.Context, source, target, said) -> None:
    """The copy made in a temporary file beside the target (write_output), verified there and renamed into place:
    a refusal, a failure or Ctrl-C before the rename leaves no target and no temporary file. SIGINT is held from
    the line that says so (printed before the rename) until the process ends, as from a write's commit: exit 0
    ⇔ the copy is there."""
    import errno

    from mstrack.render.temporaries import remove_database
    from mstrack.store import Store
    from mstrack.store.interrupts import interrupts_held
    from mstrack.store.sqlite_file import disk_full
    from mstrack.store.urls import reason
    from mstrack.store.verify import copy_verified

    _refuse_not_empty(target)
    counts = []

    def write(temporary: Path) -> None:
        copy = Store(f"sqlite:///{temporary}", "--to")  # its commit is not the end: Ctrl-C stays let in (holds_interrupts)
        copy.display_url = target.display_url
        try:
            counts.append(copy_verified(source, copy, date.today()))
        except Exception as error:
            if disk_full(error):  # the copy's disk (its writes; the source is only read): said of --to, as TARGET is
                raise OSError(errno.ENOSPC, reason(error)) from None
            raise
        finally:
            try:
                copy.close()  # the last connection folds its -wal into the file before the rename
            finally:  # a second Ctrl-C inside the pool's close as the first unwinds: its -wal and -shm go all the same
                remove_database(temporary, companions_only=True)

    def announce() -> None:
        said(counts[0])
        interrupts_held()  # until the command ends (command_ended): a rename that fails is said, exit 2, nothing there

    write_output(ctx, target.path, write, announce, option="--to", private=True)


def _refuse_not_empty(target) -> None:
    """A file there already is replaced only when it holds nothing (0 bytes); a database there was refused with -o's
    refusal (_refuse_database_file), anything else holds data too; what is not a file, by refuse_not_a_file."""
    path = target.path
    if not path.exists():
        return
    if path.stat().st_size:
        raise fail("--to {db}: not empty; copy into an empty database", db=target.display_url)


@db_app.command("check")
def db_check(ctx: typer.Context, repair: Annotated[bool, typer.Option(
        "--repair", help="Make each indicator's plan_rows anew from the plan's rows, where they differ "
        "(nothing else is changed; other damage is only said; what plan_rows hold that the rows lack, such as "
        "checkpoints deleted by hand, is given up: `import plan` then says how to put them back)")] = False) -> None:
    """Integrity, foreign keys, value types, batch counts, the plan's two copies; exit 1 when anything is wrong."""
    if repair:
        _repair_plan_copy(ctx)
    from mstrack.errors import StoreUnreadable

    beside = []  # a -wal holding writes, looked for before the first read (whose close folds it in)
    # an older or newer schema refused as every command refuses it (exit 2)
    try:
        store = open_store(ctx, write=False, first=lambda store: beside.append(store.wal_beside()))
        problems = store.check()
    except StoreUnreadable as unreadable:  # cut short or altered: the check's finding, not its failure (trial63 F6)
        store, problems = None, [unreadable.problem]
    else:
        _wal_said(store, had_wal=beside[0])
    for problem in problems:
        say(problem)
    if problems:
        from mstrack.store.checks import repairs

        for repair_said in repairs(problems):
            say("to repair: {how}", how=repair_said)
        raise typer.Exit(1)
    say("{db}: ok", db=store.display_url)


def _wal_said(store, had_wal: bool) -> None:
    """A -wal beside the store after `db check`'s reads: one another process keeps (warned), or one the check's reads
    folded in (said: a copy made before lacked its writes)."""
    if left := store.fold_wal():  # another process holds the store open: its -wal stays
        warn(left)
    elif had_wal and not store.wal_beside():  # folded in as the check's reads closed
        from mstrack.errors import Message
        from mstrack.filesystem import file_named  # where the -wal was: beside the file a symlink names

        note(Message(
            "{file}-wal was left beside {file} holding writes not in it yet (a process had the store open, or was "
            "killed): they are in {file} now; a copy of {file} alone made before this lacked them",
            file=file_named(store.path)))


def _repair_plan_copy(ctx: typer.Context) -> None:
    """`db check --repair`: every indicator's plan_rows made anew from the rows where they differ, in one write
    (refused, as every write, on a store whose foreign keys are broken); the check then runs as without it."""
    store = open_store(ctx, write=True)
    remade = store.remake_plan_copy()
    for problem in remade:  # what plan_rows held before: given up, so said (a hand edit of the rows shows here)
        say("repaired: {problem}", problem=problem)
    say("{db}: plan_rows made anew from the rows for {n} {n:indicator|indicators}", db=store.display_url, n=len(remade))


@app.command()
def programmes(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """List the programmes in the store."""
    store = open_store(ctx, write=False)
    if fmt is Format.json:
        from mstrack.render.history import programmes_json

        rows = store.programme_rows()
        write_out(programmes_json(rows))
        codes = [row[0] for row in rows]
    else:
        codes = store.programme_codes()
        for code in codes:
            echo(code)
    if not codes:  # an empty list said nothing at all
        say_no_programmes(store.display_url)
