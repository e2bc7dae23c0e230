"""What `import progress` says of what it read: its summary line, the warnings and refusals (the first few of each
cause, then a count; the same refusal of many rows said once with the rows), the corrections, the values kept, the
rows of totals and the repeats. Apart from the command (cli/files), which reads the options and runs the import."""

from mstrack.cli.common import Format
from mstrack.cli.printing import write_out
from mstrack.cli.saying import fail, on_stderr, say, warn, words
from mstrack.errors import Message, Problem
from mstrack.long_lists import and_more, cut, in_line

WARNINGS_SHOWN = 5
"""Warnings an import says one by one before it counts the rest (`--verbose` says them all)."""


def _first_shown(items: list, verbose: bool, cause=lambda item: None) -> tuple[list, dict]:
    """The one rule of what an import says of many: the first WARNINGS_SHOWN of each cause (of all, with no cause
    given), in their order, every one with --verbose; and the rest, by cause, to be counted."""
    shown: list = []
    seen: dict = {}  # by cause, in the order each was first met: how many, and those past WARNINGS_SHOWN
    for item in items:
        met = seen.setdefault(cause(item), [0, []])
        met[0] += 1
        (shown if verbose or met[0] <= WARNINGS_SHOWN else met[1]).append(item)
    return shown, {key: more for key, (_, more) in seen.items() if more}


def _say_warnings(warnings: list, verbose: bool) -> None:
    """The first few warnings and how many more of each kind; every one with --verbose."""
    from collections import Counter

    shown, rest = _first_shown(warnings, verbose)
    for warning in shown:
        warn(warning)
    if rest := rest.get(None, []):
        kinds = Counter(getattr(w.fields.get("warning"), "template", None) or w.template for w in rest)
        common = kinds.most_common(1)[0][1]
        warn("{n} more {n:warning|warnings} ({same} of them like the ones above); --verbose shows every one",
             n=len(rest), same=common)


def _say_errors(errors: list, verbose: bool) -> None:
    """Every problem, but of one cause on many rows (a wrong programme code in a 5,000-row CSV) only the first
    WARNINGS_SHOWN and how many more, by the warnings' rule (_first_shown); every one with --verbose."""

    def cause(error) -> object:  # a refusal of rows (FILE:ROW…): its reason's words, or its own; any other: itself
        if not _rows_of(error):
            return error
        reason = error.fields.get("reason")  # "{place}: {reason}", one row's or same_said_once's of several
        return _words_of(reason if isinstance(reason, Message | Problem) else error)

    shown, rest = _first_shown(errors if verbose else same_said_once(errors), verbose, cause)
    for error in shown:
        on_stderr(error)  # folded as the error line under them is
    for key, more in rest.items():
        first = next(error for error in shown if cause(error) == key)
        rows = [_rows_of(error) for error in more]
        said = {"n": sum(len(named[2]) if named else 1 for named in rows), "first": first.fields.get("place", ""),
                "rows": _places([named for named in rows if named])}
        if codes := list(dict.fromkeys(code for error in more if (code := _unknown_of(error)) is not None)):
            say("…and {n} more {n:row|rows} refused as {first} is, each for the code it names ({codes}): {rows} "
                "(--verbose shows all)", err=True, codes=", ".join(in_line(*cut(codes, PLACES_SHOWN))), **said)
        else:
            say("…and {n} more {n:row|rows} with the same error as {first}: {rows} (--verbose shows all)", err=True,
                **said)


def _unknown_of(error) -> str | None:
    """The code a refusal of a row says no programme or task has (the `unknown` of names.unknown_task and
    unknown_programme): for such refusals the code is what the user must fix, so the count of the rest names the codes
    (review55 F5: rows naming tasks 96 and 97 were "the same error as" a row naming task 91), else None."""
    reason = getattr(error, "fields", {}).get("reason")
    if isinstance(reason, Problem):
        reason = reason.messages[0]
    return reason.fields.get("unknown") if isinstance(reason, Message) else None


def _words_of(reason) -> tuple:
    """What makes two refusals of rows the same error, whatever each row's own value: its template, and of the errors
    and messages in its fields their kind (a QuantityError, a DateError, an InputError) and templates, their plain
    values (the place, the value read) left aside: "'1x1' holds more than one number" and "'2x2' …" are one; "… does
    not exist" and "… holds more than one number" two. Before input55 only a reason's own template was looked at: a
    QuantityError or DateError has none, nor has a refusal with no reason (two values for one day in one file), so each
    row was its own cause, said whole however many there were (2,916 lines for a return giving each day twice)."""
    if isinstance(reason, Problem):
        return type(reason).__name__, tuple(_words_of(message) for message in reason.messages)
    return reason.template, tuple((name, _words_of(value)) for name, value in reason.fields.items()
                                  if isinstance(value, Message | Problem))


PLACES_SHOWN = 10
"""The files' columns, and the row ranges of each, the line that counts the rest of a refusal names before "… (+N)"."""


def _rows_of(error) -> tuple[str, str | None, tuple[int, ...]] | None:
    """The file, column and rows a refusal names: one row's (FILE:ROW[:COLUMN]) or those same_said_once gathered."""
    fields = getattr(error, "fields", {})
    if "at" in fields and "rows" in fields:  # same_said_once's; a sheet's "rows" alone is its size, no place
        return *fields["at"], fields["rows"]
    place = fields.get("place")
    where = _row_place(place) if isinstance(place, str) else None
    return (where[0], where[2], (where[1],)) if where else None


def _places(places: list) -> str:
    """The rows of refusals said as FILE:ROWS[:COLUMN], rows as ranges, of each file's column once ("w.csv:7-9,12:数值")."""
    by_column: dict = {}
    for path, column, rows in places:
        by_column.setdefault((path, column), set()).update(rows)
    said = []
    for (path, column), rows in by_column.items():
        ranges = _row_ranges(sorted(rows)).split(",")
        shown = ",".join(in_line(*cut(ranges, PLACES_SHOWN)))
        said.append(f"{path}:{shown}" + (f":{column}" if column else ""))
    return "; ".join(in_line(*cut(said, PLACES_SHOWN)))


def same_said_once(errors: list) -> list:
    """The same refusal of many rows of one file's column said once, with the rows (trial53 #13: a return whose 计划编号
    names no programme said "没有计划 'city-2023'" on each of its five rows): "w30.csv:2-6:计划编号: … (5 rows)". Refusals
    that differ (each row's own value) stay one a row."""

    groups: dict = {}
    for error in errors:
        place, reason = getattr(error, "fields", {}).get("place"), getattr(error, "fields", {}).get("reason")
        where = _row_place(place) if isinstance(place, str) and reason is not None else None
        # a refusal naming no row (a file given twice, said again for a third time) is its own, however alike
        key = (where[0], where[2], str(reason)) if where else id(error)
        groups.setdefault(key, []).append((where, error))
    said = []
    for group in groups.values():
        if len(group) == 1:
            said.append(group[0][1])
            continue
        (path, _, column), error = group[0]
        numbers = tuple(sorted({where[1] for where, _ in group}))
        said.append(Message("{place}: {reason} ({n} {n:row|rows})", place=f"{path}:{_row_ranges(list(numbers))}" +
                            (f":{column}" if column else ""), reason=error.fields["reason"], n=len(group),
                            at=(path, column), rows=numbers))  # at, rows: what the count of the rest names (_rows_of)
    return said


def _row_place(place: str) -> tuple[str, int, str | None] | None:
    """FILE:ROW[:COLUMN] as a refusal names a row (sources.progress_values._fail), or None for any other place."""
    parts = place.rsplit(":", 2)
    if len(parts) == 3 and parts[2].isdigit():
        return f"{parts[0]}:{parts[1]}", int(parts[2]), None
    if len(parts) == 3 and parts[1].isdigit():
        return parts[0], int(parts[1]), parts[2]
    if len(parts) == 2 and parts[1].isdigit():
        return parts[0], int(parts[1]), None
    return None


def _row_ranges(rows: list[int]) -> str:
    """Row numbers as ranges: 2-6, 9, 11-12."""
    from mstrack.long_lists import runs

    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in runs(rows))


def say_imported(result, fmt: Format, dry_run: bool, verbose: bool = False, named=None) -> None:
    """What an import did, or would do, or why it did nothing: said before its write commits; `named`: its summary
    line as said, naming the store where --db or MSTRACK_DB chose it (process.written_to)."""
    if fmt is Format.json:
        from mstrack.render.outputs import dump_json

        data = result.as_dict()
        data["errors"] = [words().message(error) for error in result.errors]
        data["warnings"] = [words().message(warning) for warning in result.warnings]
        data["corrections"] = [words().message(row) for row in result.corrected_rows]
        write_out(dump_json(data))
    _say_warnings(result.warnings, verbose)
    if result.errors:
        _say_errors(result.errors, verbose)
        raise fail("{n} {n:problem|problems}; nothing was written", n=len(result.errors))
    if fmt is Format.table:
        counts = {"new": result.inserted, "corrected": result.updated, "unchanged": result.unchanged,
                  "skipped": result.skipped, "written": result.inserted + result.updated}
        if dry_run:
            said = Message("{new} new, {corrected} corrected, {unchanged} already there, {skipped} empty rows skipped; "
                           "{written} {written:report|reports} would be written", **counts)
        else:
            said = Message("{new} new, {corrected} corrected, {unchanged} already there, {skipped} empty rows skipped; "
                           "{written} {written:report was|reports were} written", **counts)
        say(named(said) if named else said)
    if fmt is Format.table and result.corrected_rows:
        _say_corrected(result)
    if fmt is Format.table and result.kept:
        _say_kept(result)
    if fmt is Format.table and result.unchanged_other:
        say("{n} of the {unchanged} already there {n:has|have} another note or reporter than the stored report: not "
            "stored (the value is what is compared; use `mstrack log` to add a note)", n=result.unchanged_other,
            unchanged=result.unchanged)
    if fmt is Format.table and result.totals:
        say("{n} {n:row|rows} of totals (合计, 小计) skipped: {rows}", n=len(result.totals), rows="; ".join(result.totals))
    if fmt is Format.table and result.repeats:
        _say_repeats(result.repeats)


def _say_corrected(result) -> None:
    """The rows that corrected a stored value, old → new, one a line (the first CORRECTIONS_SHOWN, then a count), as
    `log` says what it corrects: "2 corrected" alone hid which figures were replaced (safety47 F2)."""
    for row in result.corrected_rows:
        say("  corrected: {row}", row=row)
    if (more := result.updated - len(result.corrected_rows)) > 0:
        say(and_more(more, indent="  "))


def _say_kept(result) -> None:
    """Rows re-stating a value a later entry (an office's correction) superseded: not written, the first few with
    the entry kept, so that a re-imported return never silently undoes a correction (docs/import.md)."""
    from mstrack.errors import Joined

    say("{n} {n:row restates|rows restate} a value a later entry corrected: not written, the correction kept: {rows}",
        n=result.kept, rows=Joined("; ", in_line(result.kept_rows, result.kept - len(result.kept_rows))))


def _say_repeats(repeats: list[tuple[str, str]]) -> None:
    """Rows the file itself repeats (same indicator, day and value): kept once, and said as the file's, with
    their lines, so that a person does not look for them among the reports stored before."""
    shown = in_line(*cut([f"{row} = {first}" for row, first in repeats], WARNINGS_SHOWN))
    say("{n} {n:row repeats|rows repeat} an earlier row of the file (kept once): {rows}", n=len(repeats),
        rows="; ".join(shown))
