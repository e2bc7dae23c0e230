"""db backup and db restore: an online copy of an SQLite file, and a backup put back into one, both through
SQLite's backup API, checked before anything is written (Store builds on Backups)."""

from __future__ import annotations

import errno
from pathlib import Path

from mstrack.errors import InputError, Message, readable_name
from mstrack.filesystem import same_file
from mstrack.store.dialect import driver_connection
from mstrack.store.migrations import SCHEMA_VERSION
from mstrack.store.set_aside import damaged
from mstrack.store.sqlite_file import disk_full, holds_bytes, page_size_of
from mstrack.store.urls import read_only_url, reason
from mstrack.store.write_failures import busy_refusal, busy_timeout, full_disk_left

COPY_WRITE_ERRORS = ("SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC", "SQLITE_IOERR_TRUNCATE", "SQLITE_CANTOPEN")
"""SQLite's errors of a backup that could not write its copy; any other (a damaged database) is the source's."""

RESTORE_STEP = 256
"""Pages db restore copies a step (1 MB of 4 KB pages): between two, a Ctrl-C ends it with nothing changed."""


class Backups:
    """The backup and restore methods of Store (SQLite only)."""

    def backup(self, target: Path) -> list[Message]:
        """An online copy into `target` (a new, empty file), consistent while others write (SQLite's backup
        API), then checked. The CLI gives a temporary file and renames it when this returns (outputs.py). Returns what
        `db check` finds wrong in the rows copied (store/checks, read in the snapshot the copy was made from; [] where
        they check out, or the schema is another version's): the copy is made all the same, a backup of what there is
        being worth keeping, and the caller says it."""
        self.refuse_backup()
        import sqlite3

        from mstrack.store.checks import damage

        # sqlite3's own connection on a file: no SQLAlchemy engine; one read transaction, the copy's and the check's
        with self.one_read(), self.reading() as connection:
            copy = sqlite3.connect(target)
            try:
                try:
                    driver_connection(connection).backup(copy)
                except sqlite3.Error as error:
                    if getattr(error, "sqlite_errorname", "").startswith(COPY_WRITE_ERRORS):
                        # the copy could not be written (a full disk, a file-size limit): said of the file to write,
                        # not as "--db: cannot open the database", which reading() says of any error inside it
                        raise OSError(errno.EIO, reason(error)) from None
                    raise
                problems = [line for (line,) in copy.execute("PRAGMA quick_check")]
            finally:
                copy.close()
            if problems != ["ok"]:
                raise InputError("backup: the copy fails its check: {problem}; nothing was written", problem=problems[0])
            return damage(self) if self.schema_version() == SCHEMA_VERSION else []

    def refuse_backup(self) -> None:
        """A server's database is backed up by its own tools: refused, before anything else (`db backup` says it
        before connecting, and before it looks at the TARGET)."""
        if self.dialect.name != "sqlite":
            raise InputError("{option} {db}: use the server's own tools (pg_dump) to back it up", option=self.option, db=self.display_url)

    def restore(self, backup: Path, said: str | None = None, new_file=None,
                confirm=None) -> tuple[int, dict[str, int] | None, dict[str, int]]:
        """A backup put back into this SQLite database through SQLite's backup API, in one write transaction on it:
        readers and writers see the database before or after, never a mix; its -wal is SQLite's to handle (a `cp`
        over the file let SQLite replay a -wal left beside it into the copy, or went unseen by a write running).
        Refused: a backup that is not an mstrack database (by its tables: migrations.another_programs_tables), is
        damaged, has broken foreign keys, or is of a newer schema; the database itself when another program's.
        Ctrl-C before the end leaves it as it was. Under the write lock, before anything is replaced, a database
        holding rows (or not readable) is copied beside it (kept_copy.keep_before_restore, into `new_file(path)`,
        the CLI's way of writing a new file); a failure before the step that commits removes that copy again (it is
        the database as it still is), one from then on leaves it, named on the error (errors.copy_left). `confirm
        (version, before, after, kept)` runs before the commit (what is said then is true: a failure after rolls
        back), `kept` the copy's path or None. A database SQLite cannot read (set_aside.damaged) is not written
        into: kept aside as DB.damaged-TIME with its -wal, -shm and -journal, the backup renamed into its place
        (`new_file(path, before_rename, True)` writes it), `confirm(version, None, after, None, None, moved)` said before
        that rename, `moved` the names aside. `said`: BACKUP as given, in messages. Returns the backup's schema
        version and the row counts before (None: the database could not be read) and after."""
        said = backup if said is None else said
        if self.path is None:
            raise InputError("{option} {db}: db restore puts a backup file back into an SQLite database; on a server use "
                             "its own tools (pg_restore or psql, with a dump made by pg_dump)", option=self.option, db=self.display_url)
        import sqlite3

        from mstrack.store.migrations import another_programs_tables, lacks_mstracks_tables
        from mstrack.store.set_aside import companions
        from mstrack.store.sqlite_file import create_private, open_snapshot, schema_version_of, table_counts

        existed = companions(self.path)  # before any look of this command's: the damaged file's, if it is one
        backup = Path(backup)
        if read_only_url(self.url):
            raise InputError("{option} {db}: a read-only URL (mode=ro or immutable); db restore writes the database: give "
                             "its URL without that option", option=self.option, db=self.display_url)
        if "://" in str(said):
            raise InputError("{path}: a URL, not a backup file: db restore reads a file made by `mstrack db backup`; a "
                             "server's database is restored by its own tools (pg_restore or psql)", path=said)
        if backup.is_dir():
            raise InputError("{path}: a folder, not a backup file; give the file made by `mstrack db backup`", path=said)
        if backup.exists() and not backup.is_file():
            raise InputError("{path}: not a regular file (a pipe, a device or a socket); give the file made by "
                             "`mstrack db backup`", path=said)
        if not backup.is_file():
            raise InputError("{path}: no such backup file", path=said)
        if self.path.exists() and same_file(backup, self.path):
            raise InputError("{path}: this is the database itself ({option} {db}); give a backup made by `mstrack db backup`",
                             path=said, option=self.option, db=self.display_url)
        self._refuse_unwritable()
        # one read transaction over the checks, the counts and the copy: one snapshot however BACKUP is written
        source = open_snapshot(backup.resolve(), said, busy_timeout())
        try:
            try:
                version = schema_version_of(source)
                problems = [line for (line,) in source.execute("PRAGMA quick_check")]
                broken = source.execute("PRAGMA foreign_key_check").fetchall() if problems == ["ok"] else []
            except sqlite3.DatabaseError as error:
                raise InputError("{path}: not an SQLite database, nothing restored: {reason}", path=said,
                                 reason=reason(error)) from None
            if version is None:
                raise InputError("{path}: not an mstrack database (no schema_version table); nothing restored", path=said)
            names = [name for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
            if theirs := another_programs_tables(names, version):  # the rule the live database is held to
                if lacking := lacks_mstracks_tables(theirs, names, version):  # never mstrack's own called another's
                    raise InputError("{path}: not an mstrack database (a schema_version table, and tables mstrack names "
                                     "so, yet not mstrack's: {lacking}); nothing restored", path=said, lacking=lacking)
                raise InputError("{path}: not an mstrack database (another program's tables: {tables}; a schema_version "
                                 "table alone is not mstrack's); nothing restored", path=said, tables=", ".join(theirs))
            if version > SCHEMA_VERSION:
                raise InputError("{path}: schema version {version} is newer than this mstrack ({known}); nothing "
                                 "restored; upgrade mstrack", path=said, version=version, known=SCHEMA_VERSION)
            if problems != ["ok"]:
                raise InputError("{path}: fails its check ({problem}); nothing restored", path=said, problem=problems[0])
            if broken:
                table, row, parent, _ = broken[0]
                raise InputError("{path}: fails its foreign-key check: {n} {n:row points|rows point} to missing rows, in "
                                 "{tables} ({problem}); nothing restored", path=said, n=len(broken),
                                 tables=", ".join(sorted({found[0] for found in broken})), problem=Message(
                                     "foreign key: {table} row {row} points to a missing {parent} row", table=table,
                                     row=row, parent=parent))
            after = table_counts(source)  # before the commit, from the snapshot copied: nothing after it may raise
            if not (aside := damaged(self.path, busy_timeout())):
                self._refuse_another_page_size(backup, source)
                if self._schema_or_none() is not None:
                    self._refuse_another_programs()  # mstrack's own or empty only: nothing else is written over
                create_private(self.path, self.option)
            copy = self._private_copy(source, said)
        finally:
            source.close()
        if aside:
            try:
                self._restore_aside(copy, new_file, confirm and (lambda moved: confirm(version, None, after, None, None,
                                                                                     moved)), existed)
            finally:
                copy.close()
            return version, None, after
        renumbered = []
        try:
            def number() -> None:
                if (gone := self._number_above(copy, said)) is not None:
                    renumbered.append(gone)
                    after["batch"] += 1

            before = self._restore_kept(copy, new_file, lambda before, kept: confirm and confirm(
                version, before, after, kept, renumbered[0] if renumbered else None), number)
        finally:
            copy.close()
        return version, before, after

    def _private_copy(self, source, said):
        """The backup's snapshot copied into a private temporary database (SQLite's own, gone when closed), which the
        restore writes from: the batch the restore records goes into it (_number_above), never into the backup."""
        import sqlite3

        copy = sqlite3.connect("", isolation_level=None)
        try:
            source.backup(copy)
        except sqlite3.Error as error:
            copy.close()
            raise InputError("{path}: nothing restored: the backup could not be copied into a temporary file: {reason}",
                             path=said, reason=reason(error)) from None
        return copy

    def _number_above(self, copy, said) -> tuple[int, int, int] | None:
        """Under the restore's write lock (its first step): where the database gave batch numbers the backup lacks
        (batches made after it), the restore recorded as a batch above them all, in `copy` (SQLite's backup API
        carries a change made through the source's own connection into the copy it is writing): no later write is
        given one of those numbers again, so that an `undo N` noted before the restore never undoes another write
        (safety49 F4c), and `undo N` says the restore took it (Writes._undoable). (first, last, the restore's
        number), None where nothing was given past the backup or the database cannot be read (damaged)."""
        import sqlite3

        from mstrack.store.batches import RESTORE_COMMAND, batch_high_water, insert_batch

        if not (page_size_of(self.path) or (0, False))[1]:
            return None  # in rollback mode no other connection reads under the backup's lock: it waited busy_timeout
        try:
            with self.reading() as connection:
                given = batch_high_water(driver_connection(connection))
        except (InputError, sqlite3.Error):
            return None
        kept = batch_high_water(copy)
        if given is None or kept is None or given <= kept:
            return None
        copy.execute("BEGIN")
        columns = {row[1] for row in copy.execute("PRAGMA table_info(batch)")}  # an older backup's: no terminal yet
        batch = insert_batch(self.dialect, copy, command=RESTORE_COMMAND, source=readable_name(str(said)), number=given + 1,
                             with_terminal="terminal" in columns).id
        copy.execute("COMMIT")
        return kept + 1, given, batch

    def _restore_kept(self, source, new_file, confirm, number=None) -> dict[str, int] | None:
        """_restore_from with the copy kept first (new_file given) and removed again where nothing was replaced:
        any failure before `confirm` returns (a refusal, Ctrl-C, an output that fails, a full disk at an earlier
        step) rolls back; from the step that commits on, pages may have been written."""
        from mstrack.errors import mark_copy_left
        from mstrack.store.kept_copy import keep_before_restore, remove_kept

        kept, committing = [], []

        def keep(counts) -> None:
            if new_file is not None and (counts is None or any(counts.values())):
                # (else nothing to lose: an empty database; a missing file has no write lock to take either)
                kept.append(keep_before_restore(self, new_file))
            if number is not None and counts:
                # the restore's batch, where the database gave numbers the backup lacks; a database with no table (an
                # empty or new file: the backup's first step holds its only lock, and a reader waited busy_timeout,
                # 30 s, for nothing) or one that cannot be read gave none
                number()

        def confirmed(before) -> None:
            confirm(before, kept[0] if kept else None)
            committing.append(True)

        try:
            return self._restore_from(source, keep, confirmed)
        except BaseException as error:
            if kept and committing:
                mark_copy_left(error, kept[0])
            elif kept:
                remove_kept(kept[0])
            raise

    def _refuse_another_page_size(self, backup: Path, source) -> None:
        """SQLite's backup API cannot change a WAL database's page size (it said "attempt to write a readonly
        database"): said as what it is."""
        live = page_size_of(self.path)
        size = source.execute("PRAGMA page_size").fetchone()[0]
        if live is not None and live[1] and live[0] != size:
            raise InputError("{path}: its page size ({size} bytes) differs from the database's ({live}), which SQLite "
                             "cannot change in place; nothing restored; restore it into a new file (--db NEW.db) or make "
                             "the backup from a database of {live}-byte pages", path=backup, size=size, live=live[0])

    def _restore_aside(self, copy, new_file, confirm, existed) -> list[Path]:
        """A damaged database (set_aside.damaged: SQLite's backup API cannot write into it) kept aside under a new name
        and the backup renamed into its place (set_aside.restore_aside; `existed`, the companions there before the
        command): a failure before that rename leaves it where it was, said as nothing restored. Ctrl-C is held from
        the summary (said before the rename) on, as from a write's commit (interrupts.interrupts_held): a Ctrl-C
        between the two could only end the command with a lie."""
        import sqlite3

        from mstrack.domain.reasons import os_reason
        from mstrack.store.interrupts import interrupts_held, let_in
        from mstrack.store.set_aside import restore_aside

        if new_file is None:  # a library's call: the file writer is the CLI's (render.outputs.replacing_path)
            raise InputError("{option} {db}: damaged, it cannot be read; nothing restored: `mstrack db restore` keeps it "
                             "aside and puts the backup in its place", option=self.option, db=self.display_url)
        said, held = [], []

        def confirmed(moved) -> None:
            held.append(interrupts_held())
            if confirm is None:
                return
            try:
                confirm(moved)
            except BaseException as error:  # the output's own failure (a closed pipe): said as every output's is
                said.append(error)
                raise

        try:
            with self._writer_note("db restore"):
                moved = restore_aside(self.path, copy, lambda path, before_rename: new_file(path, before_rename, True),
                                      confirmed, existed)
        except BaseException as error:
            if held and held[0] is not None:
                let_in(held[0])  # a Ctrl-C held meanwhile is raised now, the damaged file back where it was
            if not isinstance(error, OSError | sqlite3.Error) or (said and said[0] is error):
                raise
            raise InputError("{option} {db}: damaged; nothing restored, the damaged file left where it was, whatever this "
                             "command printed above: {reason}", option=self.option, db=self.display_url,
                             reason=os_reason(error) if isinstance(error, OSError) else reason(error)) from None
        if held and held[0] is not None and not self.holds_interrupts:
            let_in(held[0])
        return moved

    def _schema_or_none(self) -> int | None:
        """The schema version, None where the database cannot be read (damaged: what a restore is for)."""
        try:
            return self.schema_version()
        except InputError:
            return None

    def _counts_or_none(self) -> dict[str, int] | None:
        try:
            return self.table_counts()
        except InputError:
            return None

    def table_counts(self) -> dict[str, int]:
        """Rows per table of this SQLite database, any schema version; empty where there is no file yet."""
        from mstrack.store.sqlite_file import table_counts

        if not holds_bytes(self.path):
            return {}
        with self.reading() as connection:
            return table_counts(driver_connection(connection))

    def _restore_from(self, source, keep=None, confirm=None) -> dict[str, int] | None:
        """SQLite's backup API from `source` into the file, in two steps at least: the destination's write lock is
        taken at the first (waiting as any write waits, busy_timeout()) and held to the last, which commits. Between
        the first two, the rows the database holds (the last commit before the restore's) are counted by another
        connection, and returned (None: not readable). A Ctrl-C between steps ends it with nothing changed; from the
        step before the last on it is held, as from any write's commit (interrupts.interrupts_held)."""
        import sqlite3

        from mstrack.store.interrupts import interrupts_held, let_in

        step = min(RESTORE_STEP, max(1, source.execute("PRAGMA page_count").fetchone()[0] // 2))
        held, before = [], []
        live = sqlite3.connect(self.path, timeout=busy_timeout(), isolation_level=None)
        # A file not in WAL mode even now (empty, or its header unreadable) is counted before the first step: once the
        # backup holds its lock no other connection may read it, and the count waited busy_timeout (30 s) for None.
        wal = _in_wal_mode(self.path, live)
        counted_first = None if wal else self._counts_or_none()

        def progress(status, remaining, total) -> None:
            if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise busy_refusal(sqlite3.OperationalError("database is locked"), db=self.display_url, option=self.option,
                                   path=self.path)
            if not before:
                before.append(self._counts_or_none() if wal else counted_first)
                if keep is not None:
                    keep(before[0])  # the database as it is, kept before anything of it is replaced
            if remaining <= step and not held:
                held.append(interrupts_held())
                if confirm is not None:
                    confirm(before[0])  # said before the last step, which commits: an output that fails rolls back

        try:
            with self._writer_note("db restore"):
                try:
                    source.backup(live, pages=step, progress=progress)
                except sqlite3.Error as error:
                    if disk_full(error):
                        live.close()
                        full_disk_left(self.path)  # the -wal it grew truncated, or named where another process holds it
                    if getattr(error, "sqlite_errorname", "").startswith("SQLITE_READONLY"):
                        raise self._read_only(error) from None
                    raise InputError("{option} {db}: nothing restored, whatever this command printed above: {reason}",
                                     option=self.option, db=self.display_url, reason=reason(error)) from None
        except BaseException:
            if held and held[0] is not None:
                let_in(held[0])
            raise
        finally:
            live.close()
        if held and held[0] is not None and not self.holds_interrupts:
            let_in(held[0])
        return before[0] if before else None

    def _refuse_unwritable(self) -> None:
        """Before the restore writes anything (the copy kept beside the database first): a database that cannot be
        written is refused with the cause every write says (sqlite_file.unwritable: a read-only mount, file or
        folder), and the restore's own advice."""
        from mstrack.store.sqlite_file import unwritable

        if self.path.exists() and (cause := unwritable(self.path)) is not None:
            raise InputError("{option} {db}: nothing restored: {cause}; make it writable, or restore into a new file "
                             "(--db NEW.db)", option=self.option, db=self.display_url, cause=cause)

    def _read_only(self, error) -> InputError:
        """SQLite's "attempt to write a readonly database" (SQLITE_READONLY) said with its cause, found as before any
        write (sqlite_file.unwritable: a read-only mount, file or folder), SQLite's words beside it."""
        from mstrack.store.sqlite_file import unwritable

        if (cause := unwritable(self.path)) is None:
            return InputError("{option} {db}: nothing restored: {reason}; make it writable, or restore into a new file "
                              "(--db NEW.db)", option=self.option, db=self.display_url, reason=reason(error))
        return InputError("{option} {db}: nothing restored: {cause} ({reason}); make it writable, or restore into a new "
                          "file (--db NEW.db)", option=self.option, db=self.display_url, cause=cause, reason=reason(error))


def _in_wal_mode(path: Path, live) -> bool:
    """Whether the database is in WAL mode, switched to it first where it is not (an mstrack store set to another
    journal mode by hand or by another tool, a damaged one whose header still reads): under the restore's lock, in
    rollback mode, no other connection may read it, and the copy kept of it, the count of its rows and its batch
    numbers each waited busy_timeout (30 s) for nothing, the numbers then lost (safe53). The restore puts an mstrack
    backup's pages in, WAL mode with them; a file whose mode cannot change (no header yet, garbled) stays as it is."""
    import sqlite3

    if (header := page_size_of(path)) is None or header[1]:
        return header is not None
    try:
        return str(live.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower() == "wal"
    except sqlite3.Error:
        return False
