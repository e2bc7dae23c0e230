"""What `db check` finds beyond SQLite's own integrity check: a store edited by hand (an SQLite browser with foreign
keys off) or written wrong. Each problem names its table, row and what is wrong, in the words a read or a write that
meets the damage says too ("the store is damaged (…); run `mstrack db check`", StoreDamaged):

- foreign keys: a row pointing to a missing parent (SQLite only: PostgreSQL enforces them);
- types: a value that is not of its column's declared type ("1,200" in report.value, "2026/6/30" in report.as_of:
  SQLite keeps what a browser types; PostgreSQL refuses it);
- lines holding no indicator (every line holds one; a text-only line its schedule's): status would leave the task out;
- batch counts: an undo's retraction rows fewer or more than it says it retracted; a batch's reports more than it
  says it added, or fewer where none of them can have been deleted (never undone);
- the plan held twice: each indicator's plan_rows (what status, show and the reports read) against the rows it is
  made from (milestone, checkpoint, line_unit: what export plan writes), the rows being the plan.

refuse_damaged_links is what every write and `db copy` runs first on SQLite: PRAGMA foreign_key_check, 15-20 ms at
23,500 reports, 0.5-1 s at 1,500,000 (docs/reliability.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from mstrack.errors import InputError, Joined, Message, StoreDamaged, StoreUnreadable
from mstrack.store.dialect import driver_connection

if TYPE_CHECKING:
    from mstrack.store import Store

LINK = "foreign key: {table} row {row} points to a missing {parent} row"

# what a value of each declared type must be, as an SQL condition on the column {c} (SQLite)
_KEPT_AS = {
    "INTEGER": ("typeof({c}) = 'integer'", Message("not a whole number")),
    "FLOAT": ("typeof({c}) IN ('real', 'integer')", Message("not a number")),
    "DATE": ("typeof({c}) = 'text' AND date({c}) IS {c}", Message("not a YYYY-MM-DD date")),
    "DATETIME": ("typeof({c}) = 'text' AND datetime({c}) IS NOT NULL AND {c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'",
                 Message("not a date and time")),
    "JSON": ("json_valid({c})", Message("not JSON")),
}


def damage(store: Store) -> list[Message]:
    """Every problem of the kinds above, in one read transaction."""
    problems: list[Message] = []
    with store.reading() as connection:
        if store.dialect.name == "sqlite":
            problems += broken_links(connection)
            problems += wrong_types(connection)
        problems += empty_lines(store.dialect, connection)
        problems += wrong_counts(store, connection)
        problems += plans_apart(store, connection)
    return problems


def broken_links(connection) -> list[Message]:
    """SQLite's foreign-key check, each row that points to a missing parent."""
    return [Message(LINK, table=table, row=rowid, parent=parent)
            for table, rowid, parent, _ in driver_connection(connection).execute("PRAGMA foreign_key_check")]


def refuse_damaged_links(connection) -> None:
    """A write, or `db copy`, on an SQLite store whose foreign-key check fails is refused, naming the first row: a write
    would hide the damage (a deleted batch's number given again) or make it for good (a plan re-import re-creating a
    deleted indicator beside its reports)."""
    cursor = driver_connection(connection).execute("PRAGMA foreign_key_check")
    try:
        found = cursor.fetchone()
    finally:
        cursor.close()  # a statement left open keeps the -wal beside the file after the connection closes
    if found:
        table, rowid, parent, _ = found
        raise damaged(Message(LINK, table=table, row=rowid, parent=parent), RESTORE)


def empty_lines(dialect, connection, first: bool = False) -> list[Message]:
    """Each line of a task that holds no indicator (a text-only line holds its schedule's): one deleted by hand, which
    status, show and the reports would leave out without a word. An index seek a line (indicator.line_id): what a read
    runs before it reads (refuse_empty_lines): 0.04 ms at 248 lines, 9-19 ms at 20,000."""
    found = dialect.rows(connection, "SELECT l.id, p.code, t.code FROM task_line AS l JOIN task AS t ON t.id = l.task_id"
                                     " JOIN programme AS p ON p.id = t.programme_id WHERE NOT EXISTS (SELECT 1 FROM indicator"
                                     " AS i WHERE i.line_id = l.id) ORDER BY l.id" + (" LIMIT 1" if first else ""))
    return [Message("plan: task_line row {row} ({programme}/{task}) holds no indicator; every line holds one", row=row,
                    programme=programme, task=task) for row, programme, task in found]


def refuse_empty_lines(dialect, connection) -> None:
    """A read of tasks (status, show, history, the reports) on a store where a line lost its indicators is refused, in
    db check's words: it would leave the task out, or say "no reports yet" of reports the store holds."""
    if found := empty_lines(dialect, connection, first=True):
        raise damaged(found[0], REIMPORT)


def wrong_types(connection) -> list[Message]:
    """Each value not of its column's declared type (the migrations' INTEGER, FLOAT, DATE, DATETIME, JSON)."""
    driver = driver_connection(connection)
    problems = []
    tables = [name for (name,) in driver.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                                                 " ORDER BY name")]
    for table in tables:
        kept = [(column, *_KEPT_AS[declared.upper()]) for _, column, declared, _, _, _ in
                driver.execute(f'PRAGMA table_info("{table}")').fetchall() if declared.upper() in _KEPT_AS]
        if not kept:
            continue
        wrong = [f'NOT ("{column}" IS NULL OR ({condition.format(c=chr(34) + column + chr(34))}))' for column, condition, _ in kept]
        columns = ", ".join(f'"{column}"' for column, _, _ in kept)
        for rowid, *values in driver.execute(f'SELECT rowid, {columns} FROM "{table}" WHERE {" OR ".join(wrong)} ORDER BY rowid '
                                             "LIMIT 100"):  # one pass a table
            for (column, condition, why), value in zip(kept, values, strict=True):
                if value is not None and not _kept(driver, condition, value):
                    problems.append(Message("type: {table} row {row}: {column} {value} is {why}", table=table, row=rowid,
                                            column=column, value=repr(value), why=why))
    return problems


def _kept(driver, condition: str, value) -> bool:
    """Whether one value meets its column's condition (asked of SQLite, which judges it so in the scan)."""
    return bool(driver.execute(f"SELECT {condition.format(c='?')}", [value] * condition.count("{c}")).fetchone()[0])


def wrong_counts(store: Store, connection) -> list[Message]:
    """Batches whose rows disagree with what they say they wrote (reports_added, reports_retracted: kept as written,
    never recounted). Only where no later write can have changed the rows: an undo undone since (its retractions
    may go with a plan re-import uncounted), an undo of a plan import (its own retractions go with the plan it writes)
    and the reports of a batch ever undone (a re-import deletes undone reports) are compared one way only."""
    rows = store.dialect.rows
    # each table read once (report has no index on batch_id: a count per batch would read it once a batch)
    retracted = dict(rows(connection, "SELECT batch_id, count(*) FROM report_retraction GROUP BY batch_id"))
    deleted = dict(rows(connection, "SELECT undo_batch_id, sum(reports) FROM undone_deleted GROUP BY undo_batch_id"))
    added = dict(rows(connection, "SELECT batch_id, count(*) FROM report WHERE batch_id IS NOT NULL GROUP BY batch_id"))
    batches = rows(connection, "SELECT b.id, b.reports_added, b.reports_retracted, b.undoes, b.programme IS NOT NULL"
                               " FROM batch AS b ORDER BY b.id")
    undone = {undoes for _, _, _, undoes, _ in batches if undoes is not None}
    plans = {batch for batch, _, _, _, plan in batches if plan}
    problems = []
    for batch, said_added, said_retracted, undoes, plan in batches:
        found = int(retracted.get(batch, 0))
        if found > said_retracted or (found + int(deleted.get(batch) or 0) < said_retracted and batch not in undone
                                      and not plan and undoes not in plans):
            problems.append(Message("count: batch row {row}: says {said} {said:report retracted|reports retracted}, "
                                    "report_retraction holds {found} of it", row=batch, said=said_retracted, found=found))
        found = int(added.get(batch, 0))
        if found > said_added or (found < said_added and batch not in undone):
            problems.append(Message("count: batch row {row}: says {said} {said:report added|reports added}, report holds {found} "
                                    "of it", row=batch, said=said_added, found=found))
    # reports or retractions naming a batch that is not there are foreign-key problems (broken_links), said there
    return problems


def plans_apart(store: Store, connection, programme_id: int | None = None) -> list[Message]:
    """Each indicator (of one programme, or all) whose plan_rows (what status, show and the reports read) is not what its
    rows make (the milestones, checkpoints and units export plan writes: the plan itself)."""
    from mstrack.store.states import made_plan_rows

    made = made_plan_rows(store.dialect, connection, programme_id)
    held = dict(store.dialect.rows(connection, "SELECT id, plan_rows FROM indicator")) if programme_id is None else dict(
        store.dialect.rows(connection, "SELECT i.id, i.plan_rows FROM indicator AS i JOIN task_line AS l ON l.id = i.line_id"
                                       f" JOIN task AS t ON t.id = l.task_id WHERE t.programme_id = {store.dialect.p}",
                           [programme_id]))
    problems = []
    for text, indicator in sorted(made, key=lambda made: made[1]):
        kept = held.get(indicator)
        try:
            same = kept is not None and json.loads(kept) == json.loads(text)
        except ValueError:
            same = False
        if not same:
            problems.append(Message("plan copy: indicator row {row}: plan_rows, what status and the reports read, differs from its "
                                    "milestone, checkpoint and line_unit rows, what export plan writes ({how})",
                                    row=indicator, how=_how_apart(kept, text)))
    return problems


def refuse_plans_apart(store: Store, connection, code: str) -> None:
    """A plan import refused by what the stored plan says (reports hanging on a checkpoint, a line marked done), where
    that programme's plan_rows disagree with its rows (a hand edit of either, safety49 F5d): the refusal was read from
    rows the reports were never entered against; said instead as the damage it is, with its repair (REMAKE), not as
    advice to undo a unit's report."""
    found = store.dialect.rows(connection, f"SELECT id FROM programme WHERE code = {store.dialect.p}", [code])
    if found and (apart := plans_apart(store, connection, found[0][0])):
        raise damaged(apart[0], REMAKE)


def _how_apart(kept: str | None, made: str) -> Message:
    """What differs, in a few words: the units, or the first date whose milestone or checkpoint differs."""
    try:
        old = json.loads(kept) if kept is not None else None
    except ValueError:
        old = None
    new = json.loads(made)
    if not isinstance(old, list) or len(old) != 3:
        return Message("plan_rows is not what mstrack writes")
    if old[:2] != new[:2]:
        return Message("the units differ")
    before, after = {mark[0]: mark for mark in old[2]}, {mark[0]: mark for mark in new[2]}
    days = [day for day in sorted({*before, *after}) if before.get(day) != after.get(day)]
    if not days:
        return Message("the order differs")
    named = [Message("{day}: {held} in plan_rows, {rows} in the rows", day=day, held=_mark(before.get(day)),
                     rows=_mark(after.get(day))) for day in days[:DAYS_NAMED]]
    if len(days) == 1:
        return named[0]
    return Message("{n} dates differ, {first} to {last}: {named}{more}", n=len(days), first=days[0], last=days[-1],
                   named=Joined("; ", named), more="; …" if len(days) > DAYS_NAMED else "")


DAYS_NAMED = 3
"""The differing dates said with what each side holds; the rest counted, with the range they fall in."""


def _mark(mark) -> str:
    if mark is None:
        return "none"
    return " ".join(str(part) for part in mark[1:4] if part not in (None, ""))


RESTORE = Message("no command repairs it: restore a backup made before the damage (`mstrack db restore FILE`), or undo the "
                  "hand edit in the program that made it")
REIMPORT = Message("`mstrack import plan` of the programme's plan file puts a line's indicator back (its reports, if any were "
                   "left, are then refused as broken foreign keys: restore a backup)")
REMAKE = Message("`mstrack db check --repair` makes plan_rows anew from the rows (what export plan writes)")


def damaged(problem: Message, repair: Message) -> StoreDamaged:
    """What a read or a write that meets a damaged store says: the problem as db check says it, and how to repair it."""
    return StoreDamaged(Message("the store is damaged ({problem}); run `mstrack db check`; {repair}", problem=problem,
                                repair=repair))


MALFORMED = "database disk image is malformed"
"""SQLite's words for a file it cannot read as a database of its own kind: cut short, or altered (trial63 F6)."""


MOVE_ASIDE = Message("no command repairs it: restore a backup made before the damage (`mstrack db restore BACKUP`), which "
                     "keeps the damaged file aside (FILE.damaged-TIME)")


def cannot_open(option, db: str, why) -> InputError:
    """What a store SQLite cannot open says: cut short or altered (MALFORMED), said damaged with what to do and, for
    `db check`, as its finding (StoreUnreadable; trial63 F6: every command said only SQLite's words); any other
    reason as it is."""
    if getattr(why, "template", why) != MALFORMED:
        return InputError("{option} {db}: cannot open the database: {reason}", option=option, db=db, reason=why)
    return StoreUnreadable("{option} {db}: damaged, it cannot be read ({reason}: the file is cut short or altered); "
                           "{repair}", option=option, db=db, reason=why, repair=MOVE_ASIDE,
                           problem=Message("unreadable: {problem}: the file is cut short or altered", problem=why))


def repairs(problems: list[Message]) -> list[Message]:
    """What to do about the problems found, one line each kind: a command where one repairs them, else a backup."""
    said = []
    if any(problem.template.startswith("plan copy: ") for problem in problems):
        said.append(REMAKE)
    if any(problem.template.startswith("plan: ") for problem in problems):
        said.append(REIMPORT)
    if any(problem.template.startswith("unreadable: ") for problem in problems):
        said.append(MOVE_ASIDE)
    if any(not problem.template.startswith(("plan copy: ", "plan: ", "unreadable: ")) for problem in problems):
        said.append(RESTORE)
    return said


def damage_met(error: BaseException) -> StoreDamaged | None:
    """An unexpected error (a traceback's: "'str' object has no attribute 'is_integer'", "Invalid isoformat string",
    an IndexError where a parent row is missing) of a command whose store is damaged: the damage, as StoreDamaged, the
    first problem db check finds with how to repair it; None for any other error (a store that checks out, or one
    too damaged to check), said as it is. What the one error path asks (cli/failures.errors_as_messages)."""
    from mstrack.errors import store_opened

    store = store_opened()
    if store is None or not isinstance(error, TypeError | ValueError | AttributeError | LookupError | ArithmeticError):
        return None
    try:
        found = damage(store)
    except Exception:  # noqa: BLE001 - a store too damaged to check: the error it met is said as it is
        return None
    if not found:
        return None
    return damaged(found[0], repairs(found[:1])[0])
