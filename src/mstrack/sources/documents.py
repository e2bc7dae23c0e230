"""The tables of Word documents (.docx) and saved web pages (.html, .htm), as rows like a sheet's; and, as a document's
parts, a text file's table pasted among its lines (tab-separated, _text_tables).

Offices publish their tables as a Word attachment or a web page as often as a workbook. Both are
read here into the Row of sources/sheets.py, so the table reader sees one kind of input:

- a merged cell, across (gridSpan, colspan) or down (vMerge, rowspan), gives its value to every
  cell it covers, as a merged range of an .xlsx does;
- the text around the tables (the notice, 附件) is left out of the rows; the lines printed just above a
  table (a Word document's paragraphs, a page's heading or <caption>) come with it as its `titles`, the
  way a sheet's title rows stand above its header (a report's month is often printed only there);
- a table that goes on after a page break, or repeats its header, is joined to the one before it
  when both have the same columns (nothing but blank paragraphs between them, or the same first
  row), and counts as one table, unless the lines above it print a name of its own ("附件2" after "附件1");
- the tables come largest first, so that the table reader takes the largest one with a header row;
  `number` picks the document's Nth table (counted from 1, in the order they start) instead.

Limits are those of sheets: the file's size, what a .docx unpacks to, and the cells a table spans
(a rowspan of 65,534 under a short table spans only the rows there are).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from mstrack.errors import InputError
from mstrack.sources.files import check_file_size, read_as, unreadable
from mstrack.sources.rows import Row
from mstrack.sources.xlsx import MAX_SHEET_CELLS
from mstrack.text import one_line
from mstrack.vocabulary import PAGE_LABELS, PAGE_NAME_LABELS

DOCUMENT_SUFFIXES = (".docx", ".html", ".htm")
TEXT_DOCUMENT_SUFFIXES = (".txt",)  # a notice's text with a table pasted in it, its cells parted by tabs: parts too
TAB_ROWS = 3  # the fewest tab-separated lines that make a table in a text file: a header and two rows
MAX_COLSPAN, MAX_ROWSPAN = 1000, 65534  # the HTML standard's own limits
MAX_COLUMNS = 16384  # as wide as a worksheet can be


@dataclass
class _Table:
    """One table as the document has it: its rows of cells, each cell's text and how far it spans."""

    rows: list[list[tuple[str, int, int]]] = field(default_factory=list)  # (text, rowspan, colspan)
    after_text: bool = False  # text stands between it and the table before it
    titles: list[str] = field(default_factory=list)  # the lines printed above it (and its caption)
    below: list[str] = field(default_factory=list)  # the first lines printed under it: a note ("注：…"), the 印发 line
    after: list[str] = field(default_factory=list)  # every line printed under it, up to the next table
    above: list[str] = field(default_factory=list)  # every line of the document's text printed before it
    at: int = 0  # how many of the document's lines of text (outside its tables) are printed before it


class TitledRows(list):
    """A table's rows, with the lines printed above it (`titles`): a sheet's rows above its header, and the first
    ones under it (`below`: a note on the table). `paragraphs`: a page with no table, its lines as rows of one cell,
    which only a list of tasks can be read from (headerless.py)."""

    titles: list[str]

    def __init__(self, rows, titles: list[str], paragraphs: bool = False, below: list[str] | None = None,
                 after: list[str] | None = None, number: int | JoinedTables | None = None, above: list[str] | None = None):
        super().__init__(rows)
        self.number = number  # its number as --table counts it, in a document of several tables: messages name it
        self.titles = titles
        self.paragraphs = paragraphs
        self.below = below or []
        self.after = after or []  # every line under it (the text that may name its rows: table.row_points)
        self.above = above or []  # the document's text before it (a campaign's period: table.campaign_dates)


@dataclass(frozen=True)
class JoinedTables:
    """The tables of a Word document (or a page) one table was read from, joined because each continues the one
    before (_joined): its rows are numbered through all of them, but a message names each row as Word counts it, by
    its own table and its row there ("table 3, row 2"), never as "table 2, row 5" of the joined rows."""

    starts: tuple[tuple[int, int], ...]  # (the joined rows' number of a table's first row, the table's number), in order

    def of(self, number: int) -> tuple[int, int]:
        """(the table's number as Word counts it, the row's number in it) of a row of the joined rows."""
        first, table = next((first, table) for first, table in reversed(self.starts) if first <= number)
        return table, number - first + 1


def _joined_tables(group: list[list[list[str]]], start: int) -> JoinedTables | None:
    """The tables a group joins (table `start` first, numbered from 0), where it joins several; else None."""
    if len(group) < 2:
        return None
    firsts = [1]
    for grid in group[:-1]:
        firsts.append(firsts[-1] + len(grid))
    return JoinedTables(tuple((first, start + 1 + k) for k, first in enumerate(firsts)))


MAX_TITLES = 5  # the lines kept above a table: its title, not the whole notice before it
MAX_BELOW = 3  # the lines kept under a table: its note, not the text after it


def document_tables(path: Path, number: int | None = None) -> list[TitledRows]:
    """The file's tables as rows of text cells, largest first, or the Nth table (and what continues it);
    each with the lines printed above it."""
    check_file_size(path)
    tables, lines = _document(path)
    if not tables and lines and number is None:  # a news page or a Word document's text: its paragraphs may be a list of tasks
        return [_text_rows(lines)]
    if not tables:
        raise InputError("{path}: no table found in the document", path=path)
    grids = [_grid(path, table) for table in tables]
    if number is not None:
        if not 1 <= number <= len(grids):
            raise InputError("--table {number}: {path} has {n} {n:table|tables}", number=number, path=path, n=len(grids))
        group = _joined(tables, grids, number - 1)
        return [TitledRows(_numbered(group), tables[number - 1].titles, below=tables[number - 2 + len(group)].below,
                           after=tables[number - 2 + len(group)].after, above=tables[number - 1].above,
                           number=_joined_tables(group, number - 1) or (number if len(group) < len(grids) else None))]
    groups = list(_groups(tables, grids))
    for start, rows in groups if len(groups) > 1 else ():  # "row 3" of which table (views52): "table 2: row 3"
        rows.number = rows.number or start + 1  # tables joined: each row's own (JoinedTables)
    return sorted((rows for _, rows in groups), key=lambda rows: -sum(1 for row in rows for cell in row.cells if cell))


@dataclass
class Part:
    """One part of a document that may hold tasks (table.parts reads them into one plan): a table (with the tables
    that continue it), numbered as --table counts it, or the document's text outside its tables."""

    rows: TitledRows
    number: int | None  # --table N of a table; None for the text
    at: int  # a table: the lines of text printed before it; the text: 0 (its rows are its lines, numbered from 1)


def document_parts(path: Path) -> list[Part]:
    """A document's parts in the order it prints them: each table (joined with what continues it), then its text
    outside the tables as the lines of a page without a table (read only as a list of tasks), when it has both."""
    check_file_size(path)
    tables, lines = _document(path)
    grids = [_grid(path, table) for table in tables]
    parts = [Part(rows, start + 1, tables[start].at) for start, rows in _groups(tables, grids)
             if not _page_header(tables[start])]  # the page's particulars (发文机关, 成文日期 …): no part, nothing to say
    return [*parts, Part(_text_rows(lines), None, 0)] if parts and lines else parts


def _document(path: Path) -> tuple[list[_Table], list[str]]:
    """The document's tables, and its lines of text outside them."""
    if read_as(path) in TEXT_DOCUMENT_SUFFIXES:
        return _text_tables(path)
    return _docx_tables(path) if read_as(path) == ".docx" else _html_tables(path)


def _text_tables(path: Path) -> tuple[list[_Table], list[str]]:
    """A text file's tables pasted among its lines (an annex's "组别	检查片区及单位	参加人员" over its rows): each run of
    TAB_ROWS lines or more parted by tabs into as many cells, two or more; and its other lines. No table when any
    other line holds a tab (a table whose cells run over lines, read whole as the file's one table) or when the file
    is its table alone."""
    from mstrack.sources.encodings import read_text

    tables: list[_Table] = []
    lines: list[str] = []
    run: list[list[str]] = []
    for line in [*read_text(path).splitlines(), ""]:
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) >= 2 and (not run or len(cells) == len(run[0])):
            run.append(cells)
            continue
        if run and len(run) < TAB_ROWS or len(cells) >= 2:
            return [], []
        if run:
            tables.append(_Table(rows=[[(cell, 1, 1) for cell in cells] for cells in run], after_text=bool(lines),
                                 titles=lines[-MAX_TITLES:], at=len(lines), above=list(lines)))
            run = []
        if text := one_line(line):
            if tables:  # printed under the last table
                tables[-1].after.append(text)
            lines.append(text)
    for table in tables:
        table.below = table.after[:MAX_BELOW]
    return (tables, lines) if tables and lines else ([], [])


def _text_rows(lines: list[str]) -> TitledRows:
    """A document's lines of text as rows of one cell, numbered from 1: a list of tasks is read from them."""
    return TitledRows([Row(n, [line]) for n, line in enumerate(lines, start=1)], [], paragraphs=True)


def _groups(tables: list[_Table], grids: list[list[list[str]]]):
    """(index of its first table, its rows) of each table and the tables that continue it, in the document's order."""
    start = 0
    while start < len(grids):
        group = _joined(tables, grids, start)
        yield start, TitledRows(_numbered(group), tables[start].titles, below=tables[start + len(group) - 1].below,
                               after=tables[start + len(group) - 1].after, number=_joined_tables(group, start),
                               above=tables[start].above)
        start += len(group)


def _joined(tables: list[_Table], grids: list[list[list[str]]], start: int) -> list[list[list[str]]]:
    """Table `start` and the tables after it that continue it: as wide, and with only blank paragraphs
    between, or starting with one of its first rows again (a repeated header)."""
    group = [grids[start]]
    width = _width(grids[start])
    for index in range(start + 1, len(grids)):
        grid = grids[index]
        if not grid or _width(grid) != width:
            break
        if tables[index].after_text and grid[0] not in grids[start][:3]:
            break
        if (name := printed_name(tables[index].titles)) and name != printed_name(tables[start].titles):
            break  # "附件2" printed above it: a part of its own, whatever its header
        group.append(grid)
    return group


PRINTED_NAME_RE = re.compile(r"^\s*((?:附件|附表|表)\s*\d+)(?!\d)")  # "附件2", "表1养老托育主要指标表": a part's own name


def printed_name(titles: list[str]) -> str:
    """The name a table's title lines print for it, nearest first ("附件2", "表1"), or ""."""
    for line in reversed(titles):
        if m := PRINTED_NAME_RE.match(line):
            return "".join(m[1].split())
    return ""


def _width(grid: list[list[str]]) -> int:
    return max((len(row) for row in grid), default=0)


def _numbered(group: list[list[list[str]]]) -> list[Row]:
    """The rows of joined tables numbered from 1 through all of them, as a sheet's rows are."""
    return [Row(number, cells) for number, cells in enumerate((row for grid in group for row in grid), start=1)]


def _grid(path: Path, table: _Table) -> list[list[str]]:
    """Rows of cells with every merged cell's text in each cell it covers: a cell spanning down
    reaches no further than the table's last row."""
    grid: list[list[str]] = []
    below: dict[int, tuple[int, str]] = {}  # column → (rows still covered, text) of cells spanning down
    total = 0
    height = len(table.rows)
    for at, cells in enumerate(table.rows):
        row: list[str] = []
        for text, rowspan, colspan in cells:
            while len(row) in below:
                row.append(_covered(below, len(row)))
            rowspan = height - at if rowspan == 0 else min(rowspan, height - at)
            for _ in range(colspan):
                if len(row) >= MAX_COLUMNS:
                    break
                if rowspan > 1:
                    below[len(row)] = (rowspan - 1, text)
                row.append(text)
        while below and len(row) <= max(below):
            row.append(_covered(below, len(row)) if len(row) in below else "")
        total += len(row)
        if total > MAX_SHEET_CELLS:
            raise InputError("{path}: a table spans {cells} cells or more, more than mstrack reads in one table ({limit})",
                             path=path, cells=f"{total:,}", limit=f"{MAX_SHEET_CELLS:,}")
        grid.append(row)
    width = _width(grid)
    return [row + [""] * (width - len(row)) for row in grid]


def _covered(below: dict[int, tuple[int, str]], column: int) -> str:
    left, text = below[column]
    if left == 1:
        del below[column]
    else:
        below[column] = (left - 1, text)
    return text


# --- Word ----------------------------------------------------------------------------------------


def _docx_tables(path: Path) -> tuple[list[_Table], list[str]]:
    """The body's tables in order, and its paragraphs outside them. python-docx gives the XML; the grid is read here, in one pass: its
    own Row.cells finds a vertical merge's text by walking up, cell by cell, for every covered cell."""
    import zipfile
    import zlib

    try:  # a zip bomb was refused unread (files.check_file_size, in document_tables); a file that is no zip is said
        with zipfile.ZipFile(path):  # as one (python-docx's "Package not found" says less)
            pass
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml.etree import LxmlError  # python-docx parses with lxml
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError, zlib.error) as error:
        raise unreadable(path, error) from None
    try:
        body = docx.Document(str(path)).element.body
        return _body_tables(body)
    except (PackageNotFoundError, LxmlError, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, AttributeError,
            RuntimeError, EOFError, zlib.error) as error:
        raise unreadable(path, error) from None



def _body_tables(body) -> tuple[list[_Table], list[str]]:
    from docx.oxml.ns import qn

    tables: list[_Table] = []
    lines: list[str] = []  # the paragraphs since the last table
    every: list[str] = []  # all of them, read when the only tables are the document's metadata (_page_header)
    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            if tables:
                tables[-1].below, tables[-1].after = lines[:MAX_BELOW], lines
            tables.append(_Table(rows=_word_rows(child), after_text=bool(lines), titles=lines[-MAX_TITLES:], at=len(every),
                                 above=list(every)))
            lines = []
        elif line := "".join(node.text or "" for node in child.iter(qn("w:t"))).strip():
            lines.append(line)
            every.append(line)
    if tables:
        tables[-1].below, tables[-1].after = lines[:MAX_BELOW], lines
    if tables and all(map(_page_header, tables)):
        return [], every
    return tables, every


def _word_rows(tbl) -> list[list[tuple[str, int, int]]]:
    """A Word table's rows: a cell that continues a vertical merge takes the text above it (cells are
    given as spanning one row, the text carried down here); cells skipped at a row's start
    (gridBefore) are blank."""
    from docx.oxml.ns import qn

    rows = []
    above: dict[int, str] = {}
    for tr in tbl.iterchildren(qn("w:tr")):
        column = _int(tr.grid_before)
        cells: list[tuple[str, int, int]] = [("", 1, 1)] * column
        for tc in tr.iterchildren(qn("w:tc")):
            span = max(1, min(_int(tc.grid_span), MAX_COLSPAN))
            if tc.vMerge == "continue":
                text = above.get(column, "")
            else:
                text = "\n".join(paragraph.text for paragraph in tc.iterchildren(qn("w:p"))).strip()
            for offset in range(span):
                above[column + offset] = text
            cells.append((text, 1, span))
            column += span
        rows.append(cells)
    return rows


def _int(value) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


# --- web pages -----------------------------------------------------------------------------------


def _html_tables(path: Path) -> tuple[list[_Table], list[str]]:
    """The page's tables, and its lines of text outside them."""
    parser = _TableParser()
    parser.feed(_html_text(path))
    parser.close()
    while parser.open:
        parser.handle_endtag("table")
    parser.close_below()
    tables = [table for table in parser.tables if table.rows]
    if parser.tables and all(map(_page_header, tables)):  # the page's metadata alone: its text read as if it were absent
        tables = []
    return tables, [text for line in [*parser.page, *parser.lines] if (text := one_line("".join(line)))]


HEADER_LABELS = frozenset(PAGE_LABELS + PAGE_NAME_LABELS)


def _page_header(table: _Table) -> bool:
    """A table whose every row opens with a label of a page's metadata (发文机关, 成文日期, 发文字号 …,
    vocabulary.PAGE_LABELS, or its name, PAGE_NAME_LABELS), two of PAGE_LABELS at least, however many rows: the page's
    header above the notice, no table of its own. A label's spaces are the site's layout ("索 引 号", "标　　题")."""
    cells = [["".join(text.split()).rstrip(":：") for text, _, _ in row] for row in table.rows if any(text for text, _, _ in row)]
    labels = {text for row in cells for text in row if text in PAGE_LABELS}
    return bool(cells) and len(labels) >= 2 and all(row and row[0] in HEADER_LABELS for row in cells)


LINE_TAGS = ("title", "br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td")  # each starts a line of text


class _TableParser(HTMLParser):
    """Each <table>'s rows and cells; the text of a table inside a cell is that inner table's. A new
    cell or row closes the one before, as browsers read a page that leaves out </td> and </tr>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[_Table] = []
        self.open: list[tuple[_Table, list | None]] = []  # tables being read, each with its open cell's lines
        self.skip = 0  # inside <script> or <style>
        self.lines: list[list[str]] = [[]]  # the text since the last table ended, line by line
        self.page: list[list[str]] = []  # the text before the last table started: with `lines`, all the page's text
        self.caption = False  # inside a table's <caption>
        self.last: _Table | None = None  # the last table closed, whose lines below are being read

    @property
    def text_lines(self) -> int:
        """How many lines of the page's text (outside its tables) were read before the table being opened."""
        return sum(1 for line in self.page if one_line("".join(line)))

    def close_below(self) -> None:
        """The lines read since the last table closed are printed under it: its first few are its `below`."""
        if self.last is not None:
            self.last.after = [text for line in self.lines if (text := one_line("".join(line)))]
            self.last.below = self.last.after[:MAX_BELOW]
            self.last = None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            self._close_cell()
            if not self.open:
                self.close_below()
                self.page += self.lines
            titles = [] if self.open else [text for line in self.lines if (text := one_line("".join(line)))]
            table = _Table(after_text=bool(titles), titles=titles[-MAX_TITLES:], at=self.text_lines,
                           above=[] if self.open else [text for line in self.page if (text := one_line("".join(line)))])
            self.tables.append(table)
            self.open.append((table, None))
        elif not self.open:
            if tag in LINE_TAGS:
                self.lines.append([])
            return
        elif tag == "caption":
            self.caption = True
        elif tag == "tr":
            self._close_cell()
            self.open[-1][0].rows.append([])
        elif tag in ("td", "th"):
            self._open_cell(dict(attrs))
        elif tag in ("br", "p", "div", "li") and self.open[-1][1] is not None:
            self.open[-1][1].append([])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "table" and self.open:
            self._close_cell()
            table, _ = self.open.pop()
            self.lines = [[]]
            self.last = table if not self.open else self.last
        elif tag == "caption":
            self.caption = False
        elif tag in ("td", "th", "tr") and self.open:
            self._close_cell()

    def handle_data(self, data):
        if self.skip:
            return
        if not self.open:
            self.lines[-1].append(data)
        elif self.caption and self.open[-1][1] is None:
            self.open[-1][0].titles.append(one_line(data))
        elif self.open[-1][1] is not None:
            self.open[-1][1][-1].append(data)

    def _open_cell(self, attributes: dict) -> None:
        self._close_cell()
        table = self.open[-1][0]
        if not table.rows:
            table.rows.append([])
        lines: list = [[]]
        table.rows[-1].append((lines, _span(attributes.get("rowspan"), MAX_ROWSPAN, 1),
                               max(1, _span(attributes.get("colspan"), MAX_COLSPAN, 1))))
        self.open[-1] = (table, lines)

    def _close_cell(self) -> None:
        """The open cell's text: its lines (<br>, <p>) each with their white space collapsed."""
        if not self.open or self.open[-1][1] is None:
            return
        table, lines = self.open[-1]
        text = "\n".join(joined for line in lines if (joined := one_line("".join(line))))
        cells = table.rows[-1]
        cells[-1] = (text, *cells[-1][1:])
        self.open[-1] = (table, None)


def _span(value, limit: int, default: int) -> int:
    """rowspan/colspan as a browser takes them: digits, else the default; at most the standard's limit."""
    try:
        return min(int(value), limit) if value is not None else default
    except ValueError:
        return default


def _html_text(path: Path) -> str:
    """The page as text: in the encoding its byte-order mark or <meta> declares (GB2312 and GBK read as
    their superset GB18030), else by the text files' one rule (UTF-8, else GB18030)."""
    from mstrack.sources.encodings import declared_charset, marked, text_encoding

    raw = path.read_bytes()
    if encoding := marked(raw):
        return _decoded(path, raw, encoding)
    declared = declared_charset(raw[:65536].decode("latin-1"))
    if declared:
        try:
            return raw.decode(declared)
        except UnicodeDecodeError:
            pass  # declared wrongly: found as a text file's encoding is
    return raw.decode(text_encoding(path))


def _decoded(path: Path, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError("{path}: not readable as {encoding} text (byte {byte})", path=path, encoding=encoding,
                         byte=error.start) from None
