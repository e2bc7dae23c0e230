"""A document with no header row whose body is a list of tasks: numbered items ("1." "1、" "1)"), each 实事 a paragraph
of its own, or a table of two or three columns (name | content [| units]) printed without a header. Read as the table
it would be with a header (序号 | 工作任务 | 责任单位), so that every other rule of the reader applies unchanged."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, GROUP_HEADING_RE
from mstrack.sources.table.column_roles import columns_by_data
from mstrack.sources.table.columns import Column, column_kind, office_columns
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.numbering import DOTS
from mstrack.sources.table.reading import Row, Sheet
from mstrack.sources.table.units import office_list

ITEM_RE = re.compile(rf"^(\d{{1,3}})\s*[{DOTS})）](?!\d)\s*(\S.*)$", re.S)  # "1.中心城区…", "7. 粮食…", "1、…": not "2.5万"
PART_RE = re.compile(r"^([（(]\s*\d{1,2}\s*[）)])\s*(\S.*)$", re.S)  # "(2)教育培训工程。…": a part of the item above
TRAILING_BRACKET_RE = re.compile(r"\s*[（(]([^（）()]{2,60})[）)]\s*$")  # "…。 (工资处、就管中心)"
TRAILING_RUN_RE = re.compile(r"\s+(\S{2,60})$")  # "…;  人社局、各开发区": offices after whitespace
# a paragraph that introduces the list, or closes the document: never a task
INTRO_RE = re.compile(r"如下|包括|公布|公告|通知|会议|发布|来源|日期|记者|近日|[:：]$")
CLOSING_RE = re.compile(r"主席团|^\S{0,20}(?:人民政府|委员会|办公室|大会)$|^[\d○〇零一二三四五六七八九十]{2,4}年.{1,6}月.{1,4}日$")
# the text above a list names a programme of work: without it a numbered list (a letter's points) is no list of tasks
PROGRAMME_RE = re.compile(r"实事|民生|项目|任务|工程|计划|目标")
MIN_ITEMS = 3


@dataclass
class _Entry:
    row: Row
    kind: str  # "item", "part", "heading", "pair"
    code: str
    text: str
    units: str = ""
    content: str = ""


def _texts(row: Row) -> list[str]:
    """A row's distinct texts in order: a cell merged over the row is one text."""
    seen: list[str] = []
    for cell in row.cells:
        if cell and cell not in seen:
            seen.append(cell)
    return seen


def _units_after(text: str) -> tuple[str, str]:
    """An item's words and the offices printed after them, in a bracket or after whitespace: (words, offices)."""
    for pattern in (TRAILING_BRACKET_RE, TRAILING_RUN_RE):
        m = pattern.search(text)
        if m and m.start() > 0 and office_list(m[1]):
            return text[:m.start()].rstrip(), m[1]
    return text, ""


def _entry(row: Row) -> _Entry | None:
    """What a row is in a list of tasks: an item numbered in its words, a part of one, a group heading, or a name beside
    its content (a 序号 in a cell of its own is such a name: the column's cells read it as the 序号 column); an office
    list as its last cell is the units."""
    texts = _texts(row)
    if not texts or len(texts) > 3:
        return None
    units = texts[-1] if len(texts) > 1 and office_list(texts[-1]) else ""
    words = texts[:-1] if units else texts
    if len(words) == 2:
        name, content = words
        if len(name) <= 20 and not re.search(r"[。；;，,]", name) and len(content) > len(name) and not ITEM_RE.match(name):
            return _Entry(row, "pair", "", name, units=units, content=content)
        return None
    if len(words) != 1:
        return None
    first = words[0]
    if GROUP_HEADING_RE.match(first) and not units and len(first) <= 60:
        return _Entry(row, "heading", "", first)
    for kind, pattern in (("item", ITEM_RE), ("part", PART_RE)):
        if m := pattern.match(first):
            text, trailing = _units_after(m[2].strip())
            return _Entry(row, kind, m[1], text, units=units or trailing)
    return None


def _numbered_run(entries: list[_Entry | None]) -> tuple[int, int] | None:
    """The longest run of rows that are items numbered in rising order (group headings and parts between them), at
    least MIN_ITEMS items: (first row, row after the last)."""
    best, start, last, items = None, None, 0, 0
    for i, entry in enumerate([*entries, None]):
        rising = entry is not None and (entry.kind != "item" or int(entry.code) > last) and entry.kind != "pair"
        if rising and start is None and entry.kind == "part":
            rising = False
        if not rising:
            if start is not None and items >= MIN_ITEMS and (best is None or items > best[2]):
                end = i
                while entries[end - 1].kind == "heading":  # a heading after the last item heads nothing
                    end -= 1
                best = (start, end, items)
            start, last, items = None, 0, 0
            if entry is None or entry.kind == "pair" or entry.kind == "part":
                continue
        if start is None:
            start = i
        if entry.kind == "item":
            last, items = int(entry.code), items + 1
    return (best[0], best[1]) if best else None


BRACKET_ITEM_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*\S")  # "(一)提升改造农村公路380公里…"


def _bracketed(row: Row) -> tuple[str, str, str] | None:
    """A row that is a heading "一、…" (kind "heading") or an item numbered "(一)" (kind its numeral): (kind, words,
    offices printed after them)."""
    texts = _texts(row)
    units = texts[-1] if len(texts) == 2 and office_list(texts[-1]) else ""
    if len(texts) != (2 if units else 1):
        return None
    if m := BRACKET_ITEM_RE.match(texts[0]):
        words, trailing = _units_after(texts[0])
        return m[1], words, units or trailing
    return ("heading", texts[0], "") if AREA_RE.match(texts[0]) and len(texts[0]) <= 60 and not units else None


def _bracketed_run(rows: list[Row]) -> tuple[int, int] | None:
    """The first run of MIN_ITEMS or more items numbered "(一)", "(二)"… in order, with the headings "一、…" above and
    between them (a heading starts the count again): a 通知's points under its heading. A list numbered in digits is
    read first (_numbered_run): there "(一)" heads a group of items."""
    start, last, items = None, 0, 0
    for i, row in enumerate([*rows, None]):
        found = _bracketed(row) if row is not None else None
        number = chinese_count(found[0]) if found and found[0] != "heading" else None
        if found and (number == last + 1 or found[0] == "heading"):
            start = i if start is None else start
            last, items = (0, items) if number is None else (number, items + 1)
            continue
        if start is not None and items >= MIN_ITEMS:
            while _bracketed(rows[i - 1])[0] == "heading":  # a heading after the last item heads nothing
                i -= 1
            return start, i
        start, last, items = (i, 1, 1) if number == 1 else (None, 0, 0)
    return None


def _pair_run(entries: list[_Entry | None]) -> tuple[int, int] | None:
    """The first run of MIN_ITEMS or more rows that are a short name beside its longer content."""
    start = None
    for i, entry in enumerate([*entries, None]):
        if entry is not None and entry.kind == "pair":
            start = i if start is None else start
            continue
        if start is not None and i - start >= MIN_ITEMS:
            return start, i
        start = None
    return None


def _paragraph(row: Row | None) -> str:
    """A row's one text when it is a paragraph that may state a task: no number, no introduction, no signature."""
    texts = _texts(row) if row is not None else []
    if len(texts) != 1 or len(texts[0]) < 12 or ITEM_RE.match(texts[0]) or INTRO_RE.search(texts[0]) or CLOSING_RE.search(texts[0]):
        return ""
    return texts[0]


def _paragraph_run(rows: list[Row]) -> tuple[int, int] | None:
    """The first run of MIN_ITEMS or more paragraphs that each set a figure ("新建污水管网18公里"), and the paragraphs
    after it up to the first that introduces or closes: a task without a figure among them is a task still."""
    start = None
    for i, row in enumerate([*rows, None]):
        if (text := _paragraph(row)) and any(m.unit for m in find_mentions(text)):
            start = i if start is None else start
            continue
        if start is not None and i - start >= MIN_ITEMS:
            while i < len(rows) and _paragraph(rows[i]):
                i += 1
            return start, i
        start = None
    return None


# a deadline the text above the list states for all its tasks: "其余项目均计划在今年12月完成", "以上项目均于年底前建成"
WHEN = r"((?:今年|\d{4}\s*年)?\s*(?:\d{1,2}\s*月(?:份|底|末|中旬|下旬)?|年底|年内)前?)"
ALL_DUE_RE = re.compile(rf"(?:其余|其他|其它|以上|上述|所有|全部)(?:的)?(?:项目|实事|任务|工程)?(?:均|都|全部)?(?:计划|将|拟|要)?"
                        rf"(?:在|于)?\s*{WHEN}\s*(?:完成|建成|完工|竣工)")
EXCEPT_RE = re.compile(r"除(.+?)外")  # "除A项目在今年6月前完成,B项目在10月底前完成外": the tasks due otherwise
ONE_DUE_RE = re.compile(rf"([^，,、；;。]{{2,30}}?)(?:将|计划|拟|要)?(?:在|于)\s*{WHEN}\s*(?:完成|建成|完工|竣工)")


def _shared_deadlines(texts: list[str]) -> tuple[str, list[tuple[str, str]]] | None:
    """The deadline the text above a list gives all its tasks, as a 完成时限 cell prints it ("12月"), and the tasks it
    names as due otherwise ("除…项目在今年6月前完成…外"): (deadline, [(task's name, its deadline)])."""
    for text in texts:
        if not (m := ALL_DUE_RE.search(text)):
            continue
        named = m.string[:m.start()]
        found = EXCEPT_RE.search(named)
        others = [(one[1].strip(), one[2].replace("今年", "")) for one in ONE_DUE_RE.finditer(found[1])] if found else []
        return m[1].replace("今年", ""), others
    return None


def _with_deadlines(header: list[str], rows: list[list[str]], texts: list[str]) -> tuple[list[str], list[list[str]]]:
    """A 完成时限 column for a list whose text above states when its tasks are due: each item's cell the deadline of the
    exception it is named in, else the deadline of all; a heading's row, or a part's, leaves it as it is."""
    if "完成时限" in header or not (shared := _shared_deadlines(texts)):
        return header, rows
    due, others = shared
    cells = []
    for cells_of_row in rows:
        heading = len(set(cells_of_row)) == 1
        title = cells_of_row[1]
        own = next((when for name, when in others if name == title or name in title or title.rstrip("；;。") in name), due)
        cells.append([*cells_of_row, cells_of_row[0] if heading else own if cells_of_row[0] else ""])
    return [*header, "完成时限"], cells


def _as_table(sheet: Sheet, header: list[str], rows: list[list[str]], source: list[Row], above: list[str],
              year: int) -> tuple[Sheet, int, list[Column], list[str]]:
    """The list as the table it would be with a header, the rows keeping their numbers in the file."""
    header, rows = _with_deadlines(header, rows, [*sheet.titles, *above])
    columns = []
    for i, name in enumerate(header):
        column = column_kind(name, year)
        column.index = i
        columns.append(column)
    office_columns(columns)
    table = Sheet(path=sheet.path, rows=[Row(0, list(header)), *(Row(r.number, cells) for r, cells in zip(source, rows, strict=True))],
                  column_name=sheet.column_name, written=sheet.written, titles=[*sheet.titles, *above], merges=sheet.merges)
    table.headerless = True
    columns_by_data(table, 0, columns)  # two columns of words: the name and its content, as under a header
    return table, 0, columns, [" ".join(header)]


def list_table(sheets: list[Sheet], year: int) -> tuple[Sheet, int, list[Column], list[str]] | None:
    """The first sheet whose body is a list of tasks, read as a table with a header; None when there is none."""
    for sheet in sheets:
        entries = [_entry(row) for row in sheet.rows]
        if run := _numbered_run(entries):
            start, end = run
            above = [t for row in sheet.rows[:start] for t in _texts(row)]
            if not any(PROGRAMME_RE.search(t) for t in [*sheet.titles, *above]):
                continue  # a numbered list in a letter: no programme of work above it
            chosen = [e for e in entries[start:end] if e is not None]
            # a part ("(2)…" under "17.") keeps its number in its words: a row without 序号, read as the item above's
            rows = [[e.code, e.text, e.units] if e.kind == "item" else [e.text] * 3 if e.kind == "heading"
                    else ["", f"{e.code}{e.text}", e.units] for e in chosen]
            return _as_table(sheet, ["序号", "工作任务", "责任单位"], rows, [e.row for e in chosen], above, year)
        if run := _bracketed_run(sheet.rows):
            start, end = run
            above = [t for row in sheet.rows[:start] for t in _texts(row)]
            if any(PROGRAMME_RE.search(t) for t in [*sheet.titles, *above]):
                chosen = [_bracketed(row) for row in sheet.rows[start:end]]  # "(一)" stays: the reader codes it 一(一)
                rows = [[words] * 3 if kind == "heading" else ["", words, units] for kind, words, units in chosen]
                return _as_table(sheet, ["序号", "工作任务", "责任单位"], rows, sheet.rows[start:end], above, year)
        if run := _pair_run(entries):
            start, end = run
            chosen = [e for e in entries[start:end] if e is not None]
            above = [t for row in sheet.rows[:start] for t in _texts(row)]
            rows = [[str(k), e.text, e.content, e.units] for k, e in enumerate(chosen, 1)]
            return _as_table(sheet, ["序号", "项目名称", "项目内容", "责任单位"], rows, [e.row for e in chosen], above, year)
        if run := _paragraph_run(sheet.rows):
            start, end = run
            above = [t for row in sheet.rows[:start] for t in _texts(row)]
            if not any(PROGRAMME_RE.search(t) for t in [*sheet.titles, *above]):
                continue
            chosen = sheet.rows[start:end]
            rows = [[str(k), _texts(row)[0], ""] for k, row in enumerate(chosen, 1)]
            return _as_table(sheet, ["序号", "工作任务", "责任单位"], rows, chosen, above, year)
    return None
