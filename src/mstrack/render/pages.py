"""The printed page of a worksheet, shared by the .xlsx reports and the fill-in form: A4, one page wide,
the page header inside the top margin, and row heights that show wrapped text.

Excel and LibreOffice grow a row to its wrapped text only when they lay the sheet out themselves; a file
written by openpyxl has no laid-out heights, and merged cells never grow. So the heights are set here,
from the text and the column widths, generously: a row a line too tall prints, a row too short cuts text.
"""

from __future__ import annotations

LINE_HEIGHT = 16.5
"""Points per line of 11-point text in a CJK font (Noto Sans CJK's line is ~1.45 em)."""
MAX_HEIGHT = 409
"""Excel's highest row, in points."""


def display_width(text: str) -> int:
    """Columns a text takes on screen and in Excel: CJK characters count twice (rich's cell_len)."""
    from rich.cells import cell_len

    return cell_len(text)


def wrapped_lines(text: str, width: float) -> int:
    """Lines `text` takes wrapped in a column `width` characters wide (Excel's unit: a CJK character is two).
    A line holds a little less than the width (cell padding, and a CJK glyph is wider than two digits)."""
    room = max(1.0, width - 1.5)
    return sum(max(1, -(-display_width(part) // int(room))) for part in text.splitlines() or [""])


def fit_rows(sheet, first: int, last: int | None = None) -> None:
    """Each row from `first` to `last` (default: the end) as tall as its most wrapped cell; a cell merged
    across columns wraps in their summed width, one merged down rows is left to the rows it spans."""
    from openpyxl.utils import get_column_letter

    widths = {column: sheet.column_dimensions[get_column_letter(column)].width or 8.43
              for column in range(1, sheet.max_column + 1)}
    spans = {}
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == merged.max_row:
            spans[(merged.min_row, merged.min_col)] = sum(widths[c] for c in range(merged.min_col, merged.max_col + 1))
        else:
            spans[(merged.min_row, merged.min_col)] = None
    for row in sheet.iter_rows(min_row=first, max_row=last or sheet.max_row):
        lines = 1
        for cell in row:
            if cell.value is None or not cell.alignment.wrap_text:
                continue
            width = spans.get((cell.row, cell.column), widths[cell.column])
            if width is not None:
                lines = max(lines, wrapped_lines(str(cell.value), width))
        sheet.row_dimensions[row[0].row].height = min(MAX_HEIGHT, round(LINE_HEIGHT * lines + 4, 1))


def print_setup(sheet, title: str, title_rows: str = "1:1", landscape: bool = True) -> None:
    """A4, one page wide and as many long as it takes, the header row(s) on every page, the title in the
    page header and the page number in the footer, both inside their margins."""
    sheet.print_area = sheet.dimensions
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = 0.4
    margins.top = margins.bottom = 0.75
    margins.header = margins.footer = 0.3  # inches from the edge: the header's line ends inside the top margin
    sheet.print_title_rows = title_rows
    sheet.oddHeader.center.text = title
    sheet.oddHeader.center.size = 10
    sheet.oddFooter.center.text = "&P / &N"
    sheet.oddFooter.center.size = 9
