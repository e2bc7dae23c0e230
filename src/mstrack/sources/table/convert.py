"""convert_table: a published table into a validated programme, a review summary and counts; and how well it reproduces a reference."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from mstrack.errors import InputError, Joined, Message, NoLayoutError, readable_name
from mstrack.long_lists import cut
from mstrack.model import Area, Programme
from mstrack.sources.documents import DOCUMENT_SUFFIXES, TEXT_DOCUMENT_SUFFIXES
from mstrack.sources.files import read_as
from mstrack.sources.plan import CODE_RE, plan_from_dict
from mstrack.sources.plan_dump import plan_to_dict
from mstrack.sources.progress_form import TITLE_DATE_RE
from mstrack.sources.table.build import build_task
from mstrack.sources.table.columns import Column
from mstrack.sources.table.doubts import Doubt
from mstrack.sources.table.figure_picks import named_counts
from mstrack.sources.table.figure_spans import shares_named
from mstrack.sources.table.header import find_header
from mstrack.sources.table.list_fallback import BEST_EFFORT_DOUBT, NOT_RECOGNISED, best_effort_said, best_effort_table
from mstrack.sources.table.list_results import results_said
from mstrack.sources.table.list_sections import short_said
from mstrack.sources.table.outline import OUTLINE_DOUBT, OUTLINE_WHY, outline_said, outline_table
from mstrack.sources.table.plan_title import plan_list
from mstrack.sources.table.progress_figures import Reported, reported_values
from mstrack.sources.table.reading import Sheet, place, places, read_sheets
from mstrack.sources.table.row_points import campaign_dates, date_named_rows
from mstrack.sources.table.schedule import year_in_digits
from mstrack.sources.table.spans import JOIN
from mstrack.sources.table.tasks import read_tasks
from mstrack.sources.table.workbook_checks import workbook_said
from mstrack.sources.traditional import restore_plan
from mstrack.vocabulary import LIST_TITLE, SITE_NAME, TABLE_TITLE


@dataclass(kw_only=True)
class Conversion:
    programme: Programme
    summary: list[Message]
    stats: dict
    doubts: list[Message] = field(default_factory=list)  # each doubtful cell: file, row, column and why
    comments: dict[tuple, Message] = field(default_factory=dict)  # the `# check:` comment of a plan line (plan_dump.dump_plan)
    reported: list[Reported] = field(default_factory=list)  # progress columns' figures, for `import table --progress-as-of`
    # (progress_figures.as_of: the sheet's rows and the doubts as of its date)
    rows: list[int] = field(default_factory=list)  # each task's first row in the source, as programme.tasks lists them
    # (table.parts places a document's text among its tables by them)
    best_effort: Message | None = None  # read in no layout the reader knows (list_fallback): why not; `--strict` refuses it
    arrangements: bool = False  # an event's or a campaign's duties (list_arrangements), no other list in its text: undated,
    # a notice's own logistics, which table.parts sets aside beside its tables


INTRO_END_RE = re.compile(r"\s*(?:[：:]|[—─]{1,2})\s*$")  # the end of a line that introduces what follows
SENTENCE_RE = re.compile(r"[，,。；;]|如下|[：:]\s*$")  # a sentence, no title line
INTRODUCES_RE = re.compile(r"以下|如下|[—─]\s*$")  # "今年重点办好以下10件实事——": the sentence before a list, no title
SITE_SUFFIX_RE = re.compile(rf"\s*(?:_|-|\||｜|——)[^_|｜]*?(?:{SITE_NAME})[^_|｜]*$")  # "…开幕_X县人民政府门户网站"
SITE_RE = re.compile(rf"^[^，,。；;]{{0,30}}?(?:{SITE_NAME})$")  # "X县人民政府门户网站": the website's name, no title
COUNTED_WORK_RE = re.compile(r"(?:\d+|[一二三四五六七八九十]+)\s*[件项个]\s*([^，,。；;：:\d]{2,12}?)\s*$")  # "…抓好5件民生实事"


def _title_before(sheet: Sheet, at: int) -> str | None:
    """The document's own title: the last line above the header that names the programme (a sheet's title row, or a
    title paragraph of a Word document or a web page). Above a list, the sentence that introduces it ("…以下10件实事——")
    names the programme only when the document has no other title line (a news page's title before the paragraph that
    announces its items, "…报告指出，…抓好5件民生实事："); its closing dash or colon is no part of it."""
    candidates = [SITE_SUFFIX_RE.sub("", re.sub(r"^[#*\s]+|[*\s]+$", "", line)) for line in sheet.titles_above(at)]
    candidates = [line for line in candidates if not SITE_RE.search(line)]  # a web page's site name: no title
    plain: list[str] = []
    if sheet.headerless:  # a list's title line, the first that names it, not the sentence that introduces the list
        lines = [INTRO_END_RE.sub("", line) for line in candidates]  # "…2023年民生实事项目:" above the items
        titles = [line for line in lines if 0 < len(line) <= 60 and not re.search(r"[，,。；;>]|如下|来源|日期|分别|包括", line)
                  and not re.search(r"[：:].*[：:]", line)]  # "某区某镇:2024年十大民生实事" is a title, "项目:…;时间:…" not
        intros = {line for line, printed in zip(lines, candidates, strict=True) if INTRODUCES_RE.search(printed)}
        ended = {line for line, printed in zip(lines, candidates, strict=True) if INTRO_END_RE.search(printed)}  # "各位代表："
        if named := [line for line in titles if re.search(LIST_TITLE, line)]:
            own = [line for line in named if line not in intros]  # "今年办好以下10件实事——" introduces, the title names
            return (own or [line for line in titles if line not in intros | ended] or named)[0]
        plain = [line for line in titles if line not in intros | ended]
    for words in (TABLE_TITLE, ("表",)):
        for text in reversed(candidates):
            if any(w in text for w in words) and len(text) <= 60 and "单位" not in text:
                if not sheet.headerless:
                    return text
                if plain and SENTENCE_RE.search(text):  # the announcing sentence: the page's title names it
                    return plain[0]
                return _announced(text) or INTRO_END_RE.sub("", text).lstrip("—─ ") or text  # "…以下民生实事——": no dash
    return None


# a title's as-of date at its end, in brackets, after a space or a dash: "…推进情况表（截至2024年9月30日）", "…表——截至
# 2024年6月30日" (progress_form's rule)
DATED_TITLE_RE = re.compile(rf"(?:[（(]|\s|[—─―–－\-]+)\s*{TITLE_DATE_RE.pattern}\s*[）)]?\s*$")


def _dated_title(title: str) -> tuple[str, str] | None:
    """A title that ends in the date of its figures ("截至2024年9月30日"), as (the name without it, the title as printed):
    the programme is named without it, or every report would print a date long past; None for any other title."""
    m = DATED_TITLE_RE.search(title)
    if m is None or m["before"] or not title[:m.start()].strip():
        return None
    return title[:m.start()].rstrip(), title


def _announced(sentence: str) -> str | None:
    """The programme a news page's sentence announces, when the page has no title of its own: its year and the work it
    counts ("…报告指出，2024年将重点抓好5件民生实事：" → "2024年民生实事"); None for a line that is no sentence."""
    words = INTRO_END_RE.sub("", sentence)
    if not re.search(r"[，,。；;]", words) or not (m := COUNTED_WORK_RE.search(words)):
        return None
    years = TITLE_YEAR_RE.findall(words)
    return f"{years[-1][0]}年{m[1]}" if years else m[1]


# the years a title names as a programme's: "2018年十大民生实事", "2023—2025年…"; not a date's year ("截至2024年1月")
TITLE_YEAR_RE = re.compile(rf"(?<!\d)((?:19|20)\d{{2}})(?:\s*年?\s*{JOIN}+\s*((?:19|20)\d{{2}}))?\s*年(?!\s*\d{{1,2}}\s*月)")


# a year in Chinese numerals: "二〇二三年", "二〇二三至二〇二五年"
TITLE_CHINESE_YEAR_RE = re.compile(rf"[〇○零一二三四五六七八九]{{4}}(?=\s*(?:年|{JOIN}+\s*[〇○零一二三四五六七八九]{{4}}\s*年))")


def title_years(title: str) -> list[int]:
    """The years a title names its programme for, a range's years each; "二〇二三年" as "2023年"."""
    years: list[int] = []
    title = TITLE_CHINESE_YEAR_RE.sub(year_in_digits, title)
    for m in TITLE_YEAR_RE.finditer(title):
        first, last = int(m[1]), int(m[2] or m[1])
        years += range(first, last + 1) if 0 <= last - first <= 10 else [first, last]
    return years


def _year_doubt(path: Path, name: str | None, year: int) -> Message | None:
    """The document's title names another year than --year: the plan is written for --year, and a person checks which
    one is meant (a programme is often published the year before it runs, so it is no error)."""
    years = title_years(name or "")
    if not years or year in years:
        return None
    return Message("{path}: title “{title}” names {printed}, not --year {year}: check the programme's year; "
                   "start, end and every due date of the plan are in {year}: for another year run import table again "
                   "with --year", path=path.name,
                   title=name, printed="、".join(f"{y}年" for y in dict.fromkeys(years)), year=year)


def _results_doubt(path: Path, results: tuple[str, list[str]] | None) -> Message | None:
    """A report of results read for the programme its items state (each its planned figure or deadline): a person
    checks that the programme it reports on is the one meant (`--strict` refuses it)."""
    if results is None:
        return None
    return Message("{path}: “{line}” names a report of results ({words}): its items are read as the programme's, "
                   "each stating its planned figure or deadline; check it is the programme meant and enter its results "
                   "with `import progress` or `log`", path=path.name, **results_said([results]))


def convert_table(path: Path, programme: str, year: int, sheet: str | None = None,
                  table_number: int | None = None) -> Conversion:
    """Read a published breakdown table and return a validated programme, a review summary and counts."""
    path = Path(path)
    if not CODE_RE.match(programme or ""):
        raise InputError("--programme {code!r}: use lowercase letters, digits and '-'", code=programme)
    if not isinstance(year, int) or not 1900 <= year <= 2200:
        raise InputError("--year {year!r}: expected a year such as 2023", year=year)
    misnamed: list[Message] = []
    read_as(path, misnamed)  # an .xls that is a web page: read as one, said first
    try:
        conversion = _converted(path, programme, year, sheet, table_number)
        conversion.summary[:0] = misnamed
        return conversion
    except InputError as error:  # a misnamed file its reader refuses: what it was read as is half of why
        error.messages.extend(misnamed)
        raise
    except READER_FAULTS as error:  # a document the reader meets a case it does not handle in: said, not a traceback
        raise InputError(READER_FAILED, path=path.name, error=type(error).__name__, where=_fault_at(error)) from error


READER_FAULTS = (ArithmeticError, AttributeError, IndexError, KeyError, TypeError, ValueError, RecursionError)
"""What a fault of the reader's own code raises on a document laid out as none before it (an IndexError on a run it
emptied, say): never bad input the reader checked, which it says as an InputError."""
READER_FAILED = Message("{path}: the reader failed on this document ({error} at {where}); nothing was written. It is a "
                        "gap in mstrack's table reader, not something to fix in the document: please report it with the "
                        "file, and meanwhile copy the plan's table into a spreadsheet (序号, 工作任务, 责任单位, 完成时限) and "
                        "import that")


def _fault_at(error: BaseException) -> str:
    """Where in mstrack the fault was raised ("prose_chain.py:381"): what a report of it needs."""
    frame = error.__traceback__
    where = "?"
    while frame is not None:
        if f"{os.sep}mstrack{os.sep}" in frame.tb_frame.f_code.co_filename:
            where = f"{Path(frame.tb_frame.f_code.co_filename).name}:{frame.tb_lineno}"
        frame = frame.tb_next
    return where


def _converted(path: Path, programme: str, year: int, sheet: str | None, table_number: int | None) -> Conversion:
    """convert_table's reading: the parts of a document that has several, one plan; else its table or list."""
    if table_number is None and sheet is None and read_as(path) in (*DOCUMENT_SUFFIXES, *TEXT_DOCUMENT_SUFFIXES):  # parts
        from mstrack.sources.table.parts import convert_parts

        def convert(sheets: list[Sheet]) -> Conversion:
            return convert_sheets(sheets, path=path, programme=programme, year=year)

        if (joined := convert_parts(path, convert)) is not None:
            return joined
    try:
        return convert_sheets(read_sheets(path, sheet, table_number), path=path, programme=programme, year=year,
                              best_effort=True)
    except NoLayoutError:
        if table_number is None and sheet is None and (text := _text_read(path, programme, year)) is not None:
            return text
        raise


def _text_read(path: Path, programme: str, year: int) -> Conversion | None:
    """A document whose tables read as no plan (a scoring form, criteria under rowspans) and whose text holds no list:
    its text read as well as it can be (the best effort, the outline of last resort), as a page with no table would;
    None when that text reads no better (the tables' refusal stands)."""
    from mstrack.sources.documents import document_parts
    from mstrack.sources.table.reading import document_sheet

    if read_as(path) not in DOCUMENT_SUFFIXES:
        return None
    text = next((part for part in document_parts(path) if part.number is None), None)
    if text is None:
        return None
    try:
        return convert_sheets([document_sheet(path, text.rows)], path=path, programme=programme, year=year,
                              best_effort=True)
    except InputError:
        return None


def _table_in(sheets: list[Sheet], path: Path, year: int) -> tuple[Sheet, int, list[Column], list[str]]:
    """The table of the sheets, with its header row: a page with no table read only as a list of tasks."""
    if sheets and all(sheet.paragraphs for sheet in sheets):  # a page with no table: only a list of tasks is read in it
        reported: list = []
        short: list = []
        if not (listed := plan_list(sheets, year, reported, short)):
            if reported:  # a report of results: said so, with what to do instead
                raise InputError("{path}: no table found in the document: it reads as a report of results ({words} in “{line}”); "
                                 "`import table` reads a programme's plan (任务分解表, 实施方案): enter results with "
                                 "`import progress` or `log`", path=path, **results_said(reported))
            if short:  # one item, say, and then the closing sections: what was found, and what a list needs
                raise InputError("{path}: no table found in the document: {n} {n:item|items} (“{items}”) before its closing "
                                 "sections (“{closing}”); a list needs three items, or two that each name their office "
                                 "and set a figure or a dated deadline", path=path, **short_said(short))
            raise NoLayoutError("{path}: no table found in the document", path=path)
        return listed
    return find_header(sheets, year)


def convert_sheets(sheets: list[Sheet], *, path: Path, programme: str, year: int, best_effort: bool = False) -> Conversion:
    """The sheets a file was read as (reading.read_sheets), converted: the step after reading, on its own so that a
    grid laid out another way (tests/table_variants.py) is read by the very same code. `best_effort`: a document in
    no layout the reader knows is read as well as it can be (list_fallback), every task a doubt, rather than refused;
    not for one part of a document (table.parts), whose other parts may hold the plan."""
    try:
        table, at, columns, headers = _table_in(sheets, path, year)
    except NoLayoutError:
        if not best_effort or (found := best_effort_table(sheets, year) or outline_table(sheets, year)) is None:
            raise
        table, at, columns, headers = found
    table.forms = sorted({*table.forms, *(n for sheet in sheets for n in sheet.forms)})  # blank forms passed over
    sheet_said = workbook_said(sheets, table, at, columns, path, year)  # a formula with no saved value refused first
    areas: list[Area] = []
    notes: list[str] = []
    unread: list = []  # rows that give no task: said, each a doubt (titles.RowNotRead)
    raw_tasks = read_tasks(table, at, columns, headers, year, areas, notes, unread)
    for raw in raw_tasks:  # an outline's tasks keep the codes it prints
        raw.code = table.outline.get(raw.row.number, raw.code)
    date_named_rows(raw_tasks, table.after, year)  # "（一）省级监测点：2016年5月—2016年12月" under the table
    campaign_dates(raw_tasks, table, columns, year)  # "决定从8月份起至10月份止…开展" in the notice before it
    own_places = shares_named([f"{raw.title}\n{raw.content}" for raw in raw_tasks], table.titles_above(at))
    named = named_counts(table.titles_above(at))  # "远大、中发和中荣三家企业": a set the document names one by one
    for raw in raw_tasks:
        raw.own_places, raw.named_counts = own_places, named
    summary: list[Message] = list(sheet_said)
    doubts: list[Doubt] = []
    tasks = [build_task(raw, year, summary, doubts) for raw in raw_tasks]
    if table.headerless:  # every task of a document without a header row is a reading a person checks
        doubts += [Doubt(row=raw.row.number, column="", at=task, key="title",  # no header row: no column to name
                         why=OUTLINE_DOUBT if table.outline else BEST_EFFORT_DOUBT if table.best_effort
                         else Message("no header row: read as a list of tasks"))
                    for raw, task in zip(raw_tasks, tasks, strict=True)]
    due_column = "完成时限" if table.headerless else ""  # a list's deadlines are its grid's 完成时限; a table's text has no column
    doubts += [Doubt(row=raw.row.number, column=due_column, at=task, key="deadline", why=table.due_from[raw.row.number])
               for raw, task in zip(raw_tasks, tasks, strict=True) if raw.row.number in table.due_from and task.deadline]
    name = _title_before(table, at) or readable_name(path.stem)  # a GBK name from a Windows zip: read, not refused
    if dated := _dated_title(name):  # "…推进情况表（截至2024年9月30日）": the date of its figures, kept in the note
        name, printed = dated
        notes.insert(0, f"标题：{printed}")
        summary.append(Message("{path}: the title's “{date}” dates its figures, not the programme: left out of the "
                               "programme's name (the title as printed is in the plan's note)", path=path.name,
                               date=printed[len(name):].strip()))
    result = Programme(code=programme, name=name, year=year, start=date(year, 1, 1), end=date(year, 12, 31),
                       source=readable_name(path.name), note="\n".join(notes) or None, areas=areas, tasks=tasks)
    try:
        checked = plan_from_dict(restore_plan(plan_to_dict(result), table.written), str(path))
    except InputError as error:  # pragma: no cover - a converter bug, reported rather than hidden
        raise InputError("{path}: the converted plan does not validate:\n{error}", path=path, error=error) from None
    stats = {
        "areas": len(checked.areas),
        "tasks": len(checked.tasks),
        "lines": sum(len(t.lines) for t in checked.tasks),
        "checkpoints": sum(len(line.checkpoints) for t in checked.tasks for line in t.lines),
        "indicators": sum(len(line.indicators) for t in checked.tasks for line in t.lines),
        "numeric_milestones": sum(1 for _ in _numeric_milestones(checked)),
        "text_only_tasks": sum(1 for t in checked.tasks if not any(line.indicators for line in t.lines)),
        "unplaced_numbers": sum(1 for s in summary if "not placed" in s),
    }
    other_year = _year_doubt(path, name, year)
    if table.best_effort:  # the whole reading a best effort: said first
        summary.insert(0, outline_said(path) if table.outline else best_effort_said(path))
    if table.under:  # recognised as no task: listed, not doubted
        summary.append(Message("{path}: {rows}: lines under the table (“{words}”): no task", path=path.name,
                               rows=places(path, [row for row, _ in table.under], table.paragraphs, table.table),
                               words="”、“".join(words for _, words in table.under)))
    if table.contacts:
        summary.append(Message("{path}: {rows}: a contact table under the table: in the plan's note, no task", path=path.name,
                               rows=places(path, table.contacts, table.paragraphs, table.table)))
    report = _results_doubt(path, table.results_read)
    not_read = _not_read(path, table, unread)
    stats["doubts"] = len(doubts) + bool(other_year) + bool(report) + len(not_read)
    reported = [value for raw, task in zip(raw_tasks, tasks, strict=True) for value in
                reported_values(raw, task, programme, year, table.paragraphs)]
    comments = _comments(result, doubts)
    if other_year:
        comments[(None, None, None, "year")] = other_year
    if report:
        comments[(None, None, None, "name")] = report
    if not_read:  # beside the plan's `source`: the rows of it that are in no task
        comments[(None, None, None, "source")] = Joined("; ", [_at(row, column, why) for row, column, why in not_read])
    said = [*_said_once(path, doubts, table.headerless, table.paragraphs, table.table), *not_read]
    return Conversion(programme=checked, summary=summary, stats=stats, comments=comments, reported=reported,
                      rows=[raw.row.number for raw in raw_tasks],
                      best_effort=OUTLINE_WHY if table.outline else NOT_RECOGNISED if table.best_effort else None,
                      arrangements=table.arrangements,
                      doubts=[*([other_year] if other_year else []), *([report] if report else []),
                              *(Message("{path}: {at}", path=path.name, at=_at(row, column, why)) for row, column, why in said)])


def _not_read(path: Path, table: Sheet, unread: list) -> list[tuple[Message, object, Message]]:
    """The rows of the source in no task, each (where, column or None, why), all said alike as doubts (`--strict`
    refuses them): a row the table reader left out (titles.RowNotRead), a list's numbered items left out of it
    (Sheet.left_out) and its headings over no item (Sheet.unheaded). Rows known for no task (a total, a footnote, a
    contact table, a title) are none of them."""
    at, of = table.paragraphs, table.table  # a Word document's paragraphs: "paragraph 15"; one table of several
    said: list[tuple[Message, object, Message]] = [
        (place(path, left.row, at, of), left.header, Message("{why}: the row is not read, nor what it holds: “{held}”", why=left.why,
                                                     held="”、“".join(left.held)) if left.held else
         Message("{why}: the row is not read", why=left.why)) for left in unread]
    if table.left_out:  # numbered items of the page that the list read leaves out: never dropped silently
        said.append((places(path, table.left_out, table.paragraphs, of), None, Message(
            "numbered items not read as tasks (a list of its own, one cut by the line above them, a team's makeup or a "
            "duty's detail): check them")))
    if table.forms:  # a blank form's header passed over: the text read instead, never silently
        said.append((places(path, table.forms, table.paragraphs, of), None, Message(
            "a blank form's header (the next annex under it, or only blanks to fill in): not read as a table, the text read "
            "instead; check the form asks for no task")))
    if table.unheaded:  # a list's headings over no item: what they are, by their words
        said.append((places(path, [row for row, _ in table.unheaded], table.paragraphs, of), None, Message(
            "{n:a heading|headings} over no item (“{names}”): not read as {n:a task|tasks}; check {n:it|them}",
            n=len(table.unheaded), names="”、“".join(words for _, words in table.unheaded))))
    return said


REPEATED = 3
"""A doubt said of this many rows alike (every task of a document without a header row) is said once, its rows counted."""
LISTED = 5
"""Up to this many rows of one such line are listed; more are the first REPEATED and how many more."""


def _said_once(path: Path, doubts: list[Doubt], headerless: bool, paragraphs: bool = False,
               table: int | None = None) -> list[tuple[Message, object, Message]]:
    """Each doubt as (where, column or None, why), in order; one why said alike of REPEATED rows or more is one line
    ("rows 15, 17, 19 and 7 more: no header row: …"), its column named when every row's is the same. A document
    without a header row has no column to name."""
    if headerless:
        doubts = [replace(doubt, column="") for doubt in doubts]
    alike: dict[str, list[Doubt]] = {}
    for doubt in doubts:
        alike.setdefault(str(doubt.why), []).append(doubt)
    said: list[tuple[Message, object, Message]] = []
    for doubt in doubts:
        group = alike[str(doubt.why)]
        if len(group) < REPEATED:
            said.append((place(path, doubt.row, paragraphs, table), doubt.column or None, doubt.why))
        elif doubt is group[0]:
            rows = list(dict.fromkeys(d.row for d in group))
            head, more = cut(rows, REPEATED) if len(rows) > LISTED else (rows, 0)  # long_lists: the one cut
            where = Message("{rows} and {n} more", rows=places(path, head, paragraphs, table), n=more) if more \
                else places(path, head, paragraphs, table)
            columns = {str(d.column) for d in group}
            said.append((where, doubt.column if len(columns) == 1 and doubt.column else None, doubt.why))
    return said


def _at(row: Message, column, why: Message) -> Message:
    """Where a doubt is and why: "row 4, column 1 (序号): …", or "rows 12, 13: …" for a list's rows (no column)."""
    if column is None:
        return Message("{row}: {why}", row=row, why=why)
    return Message("{row}, column {column}: {why}", row=row, column=column, why=why)


def _comments(programme: Programme, doubts: list[Doubt]) -> dict[tuple, Message]:
    """Each doubt keyed by where its plan line is: (task, line, indicator, key), indexes counted as the TOML lists them."""
    where: dict[int, tuple] = {}
    for ti, task in enumerate(programme.tasks):
        where[id(task)] = (ti, None, None)
        for lj, line in enumerate(task.lines):
            where[id(line)] = (ti, lj, None)
            for ik, indicator in enumerate(line.indicators):
                where[id(indicator)] = (ti, lj, ik)
    comments: dict[tuple, Message] = {}
    for doubt in doubts:
        key = (*where[id(doubt.at)], doubt.key)
        comments[key] = Message("{first}; {more}", first=comments[key], more=doubt.why) if key in comments else doubt.why
    return comments

# --- measurement -------------------------------------------------------------------------------


def reproduction(converted: Programme, reference: Programme) -> tuple[int, int]:
    """How many numeric milestones of the reference the conversion reproduces: same task, due and target."""
    have: dict[tuple[str, date], list[float]] = {}
    for code, due, target in _numeric_milestones(converted):
        have.setdefault((code, due), []).append(target)
    matched = total = 0
    for code, due, target in _numeric_milestones(reference):
        total += 1
        if any(abs(v - target) <= 1e-9 * max(1, abs(target)) for v in have.get((code, due), [])):
            matched += 1
    return matched, total


def _numeric_milestones(programme: Programme) -> Iterator[tuple[str, date, float]]:
    """(task code, due, target) of every milestone with a target."""
    for task in programme.tasks:
        for line in task.lines:
            for indicator in line.indicators:
                for milestone in indicator.milestones:
                    if milestone.target is not None:
                        yield task.code, milestone.due, milestone.target
