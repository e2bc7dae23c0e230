"""A document with no header row whose body is a list of tasks: numbered items ("1." "1、" "1)"), each 实事 a paragraph
of its own, or a table of two or three columns (name | content [| units]) printed without a header. Read as the table
it would be with a header (序号 | 工作任务 | 责任单位), so that every other rule of the reader applies unchanged. The
chain of list readers that finds such a list in the prose is prose_chain.list_table."""

from __future__ import annotations

from mstrack.sources.table.cells import row_texts
from mstrack.sources.table.column_roles import columns_by_data
from mstrack.sources.table.columns import Column, column_kind, office_columns
from mstrack.sources.table.list_deadlines import bodies_deadlines, due_at, own_deadlines, requested_deadlines, with_deadlines
from mstrack.sources.table.list_strays import stray_cells
from mstrack.sources.table.reading import Row, Sheet


def as_table(sheet: Sheet, header: list[str], rows: list[list[str]], source: list[Row], above: list[str],
              year: int, after: list[str], unheaded: list[str] | None = None) -> tuple[Sheet, int, list[Column], list[str]]:
    """The list as the table it would be with a header, the rows keeping their numbers in the file; `after`: the texts
    just after the list (prose_chain._after), which may give all its tasks' deadline, as may a heading of the run that heads no
    item (`unheaded`: "二、活动时间：2016年10月24日—30日", a part naming the period of the work)."""
    own = {k for k, cells in enumerate(rows) if due_at(header) is not None and cells[due_at(header)]}  # labelled
    texts = [t for row in sheet.rows for t in row_texts(row)]
    header, rows, why = with_deadlines(header, rows, [*sheet.titles, *above, *(unheaded or [])], after, year, texts)
    header, rows = own_deadlines(header, rows)
    header, rows, by_body = bodies_deadlines(header, rows, texts, year)
    header, rows, requested = requested_deadlines(header, rows, texts)  # "请X将申请表…于5月5日前…报送": its item's day
    due = -1 if (at := due_at(header)) is None else at
    columns = []
    for i, name in enumerate(header):
        column = column_kind(name, year)
        column.index = i
        columns.append(column)
    office_columns(columns)
    # the lines that broke the list's run between its first row and its last (list_strays): rows of their own, a total
    # skipped and any other said, not read, as in a table with a header; an item misnumbered stood in the run so
    read = [Row(r.number, cells) for r, cells in zip(source, rows, strict=True) if r.number not in sheet.strays]
    inside = [n for n in sheet.strays if source and source[0].number <= n <= source[-1].number]
    read = sorted([*read, *(Row(n, stray_cells(sheet.strays[n], len(header))) for n in inside)], key=lambda row: row.number)
    table = Sheet(path=sheet.path, rows=[Row(0, list(header)), *read],
                  column_name=sheet.column_name, written=sheet.written, titles=[*sheet.titles, *above], merges=sheet.merges,
                  paragraphs=sheet.paragraphs)  # a Word document's paragraphs: its doubts say "paragraph 15", not "row 15"
    table.headerless = True
    table.results_read = sheet.results_read
    table.due_from = {r.number: why for k, (r, cells) in enumerate(zip(source, rows, strict=True))
                      if why and cells[due] and len(set(cells)) > 1 and k not in own}
    table.due_from.update({source[k].number: body_why for k, body_why in (by_body | requested).items()})  # "3.抽签时间"
    columns_by_data(table, 0, columns)  # two columns of words: the name and its content, as under a header
    return table, 0, columns, [" ".join(header)]
