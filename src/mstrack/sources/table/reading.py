"""A table file read as rows of cleaned text cells, in every way it can be read (most likely first)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mstrack.domain.limits import strip_controls
from mstrack.domain.quantities import fold_figures
from mstrack.errors import InputError, Joined, Message
from mstrack.sources.documents import JoinedTables
from mstrack.sources.encodings import read_text
from mstrack.sources.files import cannot_read, check_file_size, read_as
from mstrack.sources.rows import Uncomputed
from mstrack.sources.sheets import (
    TEXT_SUFFIXES,
    Row,
    cell_text,
    delimited_rows,
    read_rows,
    spread_lines,
    tab_lines,
    worksheet_names,
)
from mstrack.sources.traditional import Written, for_matching, simplified

# a document's number printed on a line of its own ("岚卫医政〔2018〕222号", "闽政办〔2023〕5号"): no title
DOCUMENT_NUMBER_RE = re.compile(r"^\s*[\u4e00-\u9fff]{1,12}\s*[〔［\[（(]\s*\d{4}\s*[〕］\]）)]\s*\d{1,4}\s*号\s*$")
# the other lines a document prints around its number, above its title: how it is published ("（此件公开发布）"),
# who signed it ("签发人：张三"), its secrecy ("秘密★1年", "密级：内部") and urgency ("特急")
ABOVE_TITLE_RE = re.compile(r"^\s*(?:[（(]\s*此件[^（）()]{0,10}[）)]|签发人\s*[：:].*|(?:绝密|机密|秘密|内部)(?:\s*★.*)?|"
                            r"(?:密级|紧急程度|缓急)\s*[：:].*|特急|加急|特提|平急|急件)\s*$")


def title_at(lines: list[str]) -> int | None:
    """Where a document's title is among its first lines (Sheet.titles and the lines above a list): the first that is
    neither its number ("岚卫医政〔2018〕222号" over "…关于开展…的通知", as a 平潭 notice prints them) nor one printed
    around it (ABOVE_TITLE_RE: "（此件公开发布）", "签发人：…"), which name no kind of document; None when it prints none."""
    return next((k for k, line in enumerate(lines) if not DOCUMENT_NUMBER_RE.match(line) and not ABOVE_TITLE_RE.match(line)),
                None)


def document_title(lines: list[str]) -> str:
    """A document's title among its first lines (title_at), "" when it prints none."""
    return lines[at] if (at := title_at(lines)) is not None else ""


@dataclass(kw_only=True)
class Sheet:
    path: Path
    rows: list[Row]
    column_name: object = None  # callable(index from 0) -> str, how the file names a column
    regroup: object = None  # callable(width) -> Sheet: rows read again knowing the header's width
    written: Written | None = None  # the document's own characters, when its cells were read in simplified ones
    titles: list[str] = field(default_factory=list)  # a document's lines above the table, as written (a sheet has them as rows)
    below: list[str] = field(default_factory=list)  # a document's first lines under the table (a sheet has them as rows)
    after: list[str] = field(default_factory=list)  # every line of a document under the table (row_points)
    above: list[str] = field(default_factory=list)  # every line of a document's text before the table (campaign_dates)
    headerless: bool = False  # a list of tasks read as a table: the document prints no header (headerless.py)
    printed_numbers: bool = False  # such a list's items print their own numbers ("1.…"), not numbered in their order
    due_from: dict[int, object] = field(default_factory=dict)  # a list's rows due by a sentence above or after it: why (a Message)
    left_out: list[int] = field(default_factory=list)  # a list's numbered items not read (another run of them): said so
    unheaded: list[tuple[int, str]] = field(default_factory=list)  # a list's headings over no item (row, words): said so
    forms: list[int] = field(default_factory=list)  # blank forms' header rows passed over (header._blank_form): said so
    strays: dict[int, Row] = field(default_factory=dict)  # a list's lines that break its run of numbers (list_strays)
    under: list[tuple[int, str]] = field(default_factory=list)  # lines of one text under the table's last row (a
    # signature, a date): no task, listed in the summary (tasks.read_tasks)
    contacts: list[int] = field(default_factory=list)  # the rows of a contact table under the table: the plan's note
    results_read: tuple[str, list[str]] | None = None  # a report read for its programme: (its line, words of results)
    best_effort: bool = False  # a list read in no layout the reader knows (list_fallback): every task a doubt
    outline: dict[int, str] = field(default_factory=dict)  # read as an outline of last resort (outline.py): each
    # task's row and its code as printed (三(二)1)
    one_group: bool = False  # a list that is one group's items of a "(一)" list, read on its own: coded within it
    parts: int = 0  # a list read from one part of a plan: how many parts "一、" … the plan prints (its items coded 三1)
    arrangements: bool = False  # an event's or a campaign's duties (list_arrangements): the notice's logistics if undated
    paragraphs: bool = False  # a page with no table: its lines, read only as a list of tasks (documents.TitledRows)
    # a document's table read of several, as --table counts it, or the tables joined in it (each row's own): `where` names it
    table: int | JoinedTables | None = None
    merges: bool = True  # a merged cell gives its value to every cell it covers; text exports write it once, blank below
    # a workbook's sheet: its name, the rows and columns it hides (xlsx.HiddenRows) and its formulas saved with no value
    # ((row, column index) → formula): said or refused once the table is known (workbook_checks)
    sheet_name: str = ""
    hidden: object = None
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)

    def titles_above(self, at: int) -> list[str]:
        """The lines printed above the header row `at`, nearest last: a document's title lines, then the rows above
        the header that hold one text (a sheet's title rows)."""
        lines = list(self.titles)
        for row in self.rows[:at]:
            values = {cell for cell in row.cells if cell}
            if len(values) == 1:
                lines.append(values.pop())
        return lines

    def column_label(self, index: int) -> str:
        """A column as the file names it: A for a workbook's first, 1 for a text file's."""
        return self.column_name(index) if self.column_name else str(index + 1)

    def column_named(self, index: int, header: str = "") -> Message | str:
        """A column as a doubt names it, as `where` places it: its label and header ("1 (序号)", "A (序号)"), or its
        label alone when it has no header ("A", never "?")."""
        label = self.column_label(index)
        return Message("{column} ({header})", column=label, header=header) if header else label

    def where(self, row: Row, index: int, header: str = "") -> Message:
        name = self.column_label(index)
        if header:
            return Message("{path}: {row}, column {column} ({header})", path=self.path,
                           row=place(self.path, row.number, self.paragraphs, self.table), column=name, header=header)
        return Message("{path}: {row}, column {column}", path=self.path,
                       row=place(self.path, row.number, self.paragraphs, self.table), column=name)


def place(path: Path | str, number: int, paragraphs: bool = False, table: int | JoinedTables | None = None) -> Message:
    """Where a row is, as the user finds it: an editor numbers a text file's lines ("line 110"), a spreadsheet, a CSV
    or a document its rows ("row 110"), a Word document with no table its paragraphs (`paragraphs`: Sheet.paragraphs,
    "paragraph 15"), a document of several tables the row of one (`table`: Sheet.table, "table 2, row 3"). The one
    place a table's messages name it."""
    return places(path, [number], paragraphs, table)


def places(path: Path | str, numbers: list[int], paragraphs: bool = False, table: int | JoinedTables | None = None) -> Message:
    """Where several rows are, said once ("rows 16, 17", "lines 16, 17", "paragraphs 15, 17"); one row as place says it.
    Rows of tables joined (JoinedTables) are each named by the table Word counts it in ("table 2, row 5; table 3, row 1")."""
    if isinstance(table, JoinedTables):
        tables: dict[int, list[int]] = {}
        for number in numbers:
            n, row = table.of(number)
            tables.setdefault(n, []).append(row)
        said = [places(path, rows, paragraphs, n) for n, rows in tables.items()]
        return said[0] if len(said) == 1 else Joined("; ", said)
    if table is not None:
        return Message("table {n}, {row}", n=table, row=places(path, numbers, paragraphs))
    n, one, suffix = ", ".join(str(n) for n in numbers), len(numbers) == 1, Path(path).suffix.lower()
    if suffix == ".txt":
        return Message("line {n}", n=n) if one else Message("lines {n}", n=n)
    if paragraphs and suffix == ".docx":
        return Message("paragraph {n}", n=n) if one else Message("paragraphs {n}", n=n)
    return Message("row {n}", n=n) if one else Message("rows {n}", n=n)


# a number printed as one character, read as the number it prints: "⒈" as "1.", "⑴" as "（1）", "㈠" as "（一）"
# (circled ①–⑳ are read as they are: a level of their own, numbering.CIRCLED_RE)
ENCLOSED_NUMBERS = str.maketrans({**{0x2488 + k: f"{k + 1}." for k in range(20)},
                                  **{0x2474 + k: f"（{k + 1}）" for k in range(20)},
                                  **{0x3220 + k: f"（{numeral}）" for k, numeral in enumerate("一二三四五六七八九十")}})


INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# "1 500个": 1500; "1 906.4亿元": 1906.4 (a decimal part after the groups)
SPACED_THOUSANDS_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?=\.\d|(?![\d.,]))")


def clean_cell(value) -> str:
    """A cell as the table reader takes it: text without Word's marks, figures written full width (２０２４年６月,
    "１２．５万", "1，234个") as digits (quantities.fold_figures), a number printed as one character ("⒈", "㈠") as the
    number it prints, a figure's thousands set apart by spaces ("1 500个") as one figure, no zero-width characters, ""
    for a blank or a "/" placeholder."""
    text = cell_text(value)
    if text is None:
        return ""
    text = SPACED_THOUSANDS_RE.sub(lambda m: re.sub(r"\s", "", m[0]), fold_figures(text).translate(ENCLOSED_NUMBERS))
    text = re.sub(r"\[bookmark:[^\]]*\]", "", text)  # Word bookmarks left by conversion
    text = text.translate(INVISIBLE)  # zero-width spaces, a byte-order mark: left by a pasted web page, never text
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ")).strip()
    return "" if re.fullmatch(r"[/／\\—–\-无]+", text) else text  # "/" marks an empty cell


def make_sheet(path: Path, rows: Iterator[Row], blank_rows: bool = False, **options) -> Sheet:
    """Rows cleaned (the blank ones left out unless `blank_rows`), and read in simplified characters
    when the table has traditional ones (the written ones kept to give back); so are a document's lines under the
    table, read only for what they note."""
    cleaned = [Row(row.number, cells) for row in rows if any(cells := [clean_cell(value) for value in row.cells]) or blank_rows]
    if "titles" in options:  # a document's title lines, as its cells: "２０２４年３月" names the report's month
        options["titles"] = [fold_figures(title) for title in options["titles"]]
    cells, written = for_matching(row.cells for row in cleaned)
    if options.get("below"):  # a note under the table ("註：…排在第一位的為牽頭單位") is matched as the cells are
        options["below"] = [simplified(line, every_cell=written is not None) for line in options["below"]]
    for lines in ("after", "above"):
        if options.get(lines):
            options[lines] = [simplified(line, every_cell=written is not None) for line in options[lines]]
    return Sheet(path=path, rows=[Row(row.number, row_cells) for row, row_cells in zip(cleaned, cells, strict=True)],
                 written=written, **options)


def _read_workbook(path: Path, sheet: str | None) -> list[Sheet]:
    """Every worksheet (the one the workbook opens on first), read as import progress reads them:
    merged cells take their top-left value, and a sheet's extent is checked before it is read."""
    from openpyxl.utils import get_column_letter

    names = worksheet_names(path)
    if sheet is not None and sheet not in names:
        raise InputError("{path}: no sheet named {sheet!r} (sheets: {sheets})", path=path, sheet=sheet, sheets=", ".join(names))

    def column_name(index: int) -> str:  # a sheet's column as the spreadsheet names it: A for the first
        return get_column_letter(index + 1)

    def read(name: str) -> Sheet:
        rows, formulas = read_rows(path, name), {}

        def noted() -> Iterator[Row]:  # a formula with no saved value noted before clean_cell makes it text
            for row in rows:
                formulas.update(((row.number, k), str(cell)) for k, cell in enumerate(row.cells) if type(cell) is Uncomputed)
                yield row
        made = make_sheet(path, noted(), column_name=column_name)
        made.sheet_name, made.hidden, made.formulas = name, getattr(rows, "hidden", None), formulas
        return made

    return [read(name) for name in ([sheet] if sheet is not None else names)]


def _spread_sheet(path: Path, text: str, width: int = 0) -> Sheet:
    """The text read as cells spread over lines; once the header's width is known, read again by it."""
    sheet = make_sheet(path, spread_lines(text, width), blank_rows=True, merges=False)
    if not width:
        sheet.regroup = lambda w: _spread_sheet(path, text, w)
    return sheet


def _check_choice(path: Path, sheet: str | None, table: int | None) -> None:
    """--table picks a document's table, --sheet a workbook's sheet: neither applies to the other."""
    from mstrack.sources.documents import DOCUMENT_SUFFIXES

    document = read_as(path) in DOCUMENT_SUFFIXES
    if table is not None and not document:
        raise InputError("{path}: --table applies to .docx and .html documents only", path=path)
    if sheet is not None and document:
        raise InputError("{path}: --sheet applies to workbooks only; a document's tables are picked with --table", path=path)


def document_sheet(path: Path, rows) -> Sheet:
    """A table of a document (documents.TitledRows), or its lines of text, as a sheet: with the lines above and under it."""
    return make_sheet(path, rows, titles=rows.titles, paragraphs=rows.paragraphs, below=rows.below,
                      after=rows.after, above=getattr(rows, "above", []), table=getattr(rows, "number", None))


def read_sheets(path: Path, sheet: str | None = None, table: int | None = None) -> list[Sheet]:
    """Every way the file can be read as rows of cells, most likely first."""
    from mstrack.sources.documents import DOCUMENT_SUFFIXES, document_tables

    check_file_size(path)
    suffix = read_as(path)  # by its content where its name does not fit (files.content_suffix)
    _check_choice(path, sheet, table)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
        if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
            return _read_workbook(path, sheet)
        if suffix in DOCUMENT_SUFFIXES:
            return [document_sheet(path, rows) for rows in document_tables(path, table)]
        if head[:4] == b"PK\x03\x04" and suffix in (*TEXT_SUFFIXES, ".html", ".htm"):  # a workbook renamed z.csv
            raise InputError("{path}: its content is a zip archive, not {suffix} text (an .xlsx, .ods or .docx is one: "
                             "name it so); use .csv, .tsv, .txt, .xlsx, .xls, .ods, .docx or .html", path=path,
                             suffix=suffix)
        if head[:4] == b"PK\x03\x04":  # a .zip or a workbook misnamed: calamine would take it in whole, unbounded
            raise InputError("{path}: unknown file type {suffix}; use .csv, .tsv, .txt, .xlsx, .xls, .ods, .docx or .html",
                             path=path, suffix=suffix or Message("(none)"))
        raw = path.read_bytes()
    except OSError as error:
        raise cannot_read(path, error) from None
    if not raw.strip():
        raise InputError("{path}: empty file", path=path)
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError("{path}: an old .xls workbook named {suffix}: rename it .xls", path=path, suffix=suffix or Message("(none)"))
    if sheet is not None:
        raise InputError("{path}: --sheet applies to workbooks only", path=path)
    text = read_text(path)
    if suffix in (".csv", ".tsv", ".tab"):
        rows = delimited_rows(io.StringIO(text), path, None if suffix == ".csv" else "\t")
        return [make_sheet(path, (row for row in rows if any(cell is not None for cell in row.cells)), blank_rows=True, merges=False)]
    tab_rows = (row for row in tab_lines(text) if any(cell.strip() for cell in row.cells))
    return [make_sheet(path, tab_rows, blank_rows=True, merges=False), _spread_sheet(path, text)]
