"""Word files (python-docx, imported when called): the 督办通知单 and the 一览表 as offices attach them
to their 公文. A4 (the 一览表 landscape), a title in 黑体, text in 仿宋 (Word falls back to its own
Chinese font where these are missing; Latin text in Times New Roman), tables whose header row repeats on
every page, and the page number in the footer as a field. Data in, bytes out."""

from __future__ import annotations

import io

from mstrack.labels import Labels
from mstrack.render import report as shared
from mstrack.render.lights import LIGHT_COLOURS
from mstrack.render.notice import NOTICE_WIDTHS, PACE_ROOM, cancelled_said, notice_header, notice_lines, notice_rows
from mstrack.render.outputs import clean_text, stamped_zip
from mstrack.reports.notice import Notice
from mstrack.reports.overview import TableReport
from mstrack.vocabulary import WRITER

BODY_FONT, TITLE_FONT, LATIN_FONT = "仿宋", "黑体", "Times New Roman"
A4_SHORT_CM, A4_LONG_CM = 21.0, 29.7


def _fonts(run_or_style, east_asia: str, size: float | None = None, bold: bool | None = None) -> None:
    """A run's (or a style's) fonts: Latin and East Asian both, which python-docx's font.name alone does not set."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font = run_or_style.font
    font.name = LATIN_FONT
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    properties = run_or_style.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asia)


def _languages(document, lang: str) -> None:
    """The text's languages in the document's defaults: East Asian text zh-CN in either language (the plan's words
    are Chinese), Latin text as the report's language. python-docx's template says en-US for both, and LibreOffice
    then took the Japanese faces of the CJK fonts (Noto Sans CJK JP) for 仿宋 and 黑体."""
    from docx.oxml.ns import qn

    latin = "zh-CN" if lang == "zh" else "en-US"
    for element in document.styles.element.iter(qn("w:lang")):
        element.set(qn("w:val"), latin)
        element.set(qn("w:eastAsia"), "zh-CN")
    document.core_properties.language = latin


def _document(landscape: bool, lang: str):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = Document()
    _languages(document, lang)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    short, long = Cm(A4_SHORT_CM), Cm(A4_LONG_CM)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.top_margin = section.bottom_margin = Cm(2.2 if landscape else 3.7)
    section.left_margin = section.right_margin = Cm(2.0 if landscape else 2.7)
    _fonts(document.styles["Normal"], BODY_FONT, size=12 if not landscape else 10.5)
    _page_number(section)
    return document


def _field(paragraph, instruction: str) -> None:
    """A field Word computes when it lays out the page (PAGE, NUMPAGES)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _page_number(section) -> None:
    """— PAGE — centred in the footer, as 公文 number their pages."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" —")


def _title(document, text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fonts(paragraph.add_run(clean_text(text)), TITLE_FONT, size=20, bold=False)


def _paragraph(document, text: str, *, right: bool = False, indent: bool = False, size: float | None = None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(24)
    _fonts(paragraph.add_run(clean_text(text)), BODY_FONT, size=size)
    return paragraph


def _shade(cell, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shading)


def _table(document, header: list[str], rows: list[list[str]], widths: tuple[float, ...], size: float):
    """A grid whose first row is the header, marked to repeat at the top of every page (w:tblHeader), and
    whose rows do not break across pages. `widths` are shares of the text width, in percent.

    Only the header and one empty row are made through python-docx; every row of data is a copy of that empty
    row with its text put in (`_copied_row`): python-docx's calls per cell (each run's fonts looked up and
    inserted by the schema's order) were 29 s of a 1,348-row 一览表, the copies are well under a second."""
    from docx.enum.table import WD_TABLE_ALIGNMENT

    section = document.sections[-1]
    room = section.page_width - section.left_margin - section.right_margin
    table = document.add_table(rows=2, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cell_margins(table)
    sized = [int(room * share / 100) for share in widths]
    for column, width in zip(table.columns, sized, strict=True):  # the grid, which LibreOffice and WPS lay out by
        column.width = width
    header_row, empty_row = table.rows
    _filled_row(header_row, header, sized, size, heading=True)
    _filled_row(empty_row, [""] * len(header), sized, size, heading=False)
    for values in rows:
        table._tbl.append(_copied_row(empty_row._tr, values))
    table._tbl.remove(empty_row._tr)
    return table


def _filled_row(row, values: list[str], widths: list[int], size: float, *, heading: bool) -> None:
    """A row made through python-docx: the header's (w:tblHeader, 黑体, bold) or a row of data's (w:cantSplit),
    each cell its width and its text a run a line, a line break ending every line but the last."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    flag = OxmlElement("w:tblHeader" if heading else "w:cantSplit")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)
    for cell, value, width in zip(row.cells, values, widths, strict=True):
        cell.width = width
        lines = clean_text(str(value)).split("\n")
        paragraph = cell.paragraphs[0]
        for number, line in enumerate(lines):
            run = paragraph.add_run(line)
            if number < len(lines) - 1:
                run.add_break()
            _fonts(run, TITLE_FONT if heading else BODY_FONT, size=size, bold=heading or None)


def _copied_row(empty, values: list[str]):
    """A row of data as _filled_row makes it, copied from `empty` (a row _filled_row made of empty cells: each
    cell's paragraph holds one run of only its fonts). Each line's run is a copy of that run given the line's text
    as python-docx's run.text gives it (a w:tab for a tab, xml:space="preserve" on text with outer spaces)."""
    from copy import deepcopy

    from docx.oxml.ns import qn

    text_tag, tab_tag, break_tag = qn("w:t"), qn("w:tab"), qn("w:br")
    row = deepcopy(empty)
    for cell, value in zip(row.iterchildren(qn("w:tc")), values, strict=True):
        paragraph = cell[-1]
        first = paragraph[-1]
        lines = clean_text(str(value)).split("\n")
        runs = [first, *(deepcopy(first) for _ in lines[1:])]
        for number, (run, line) in enumerate(zip(runs, lines, strict=True)):
            for place, piece in enumerate(line.split("\t")):
                if place:
                    run.append(run.makeelement(tab_tag, {}))
                if piece:
                    text = run.makeelement(text_tag, {})
                    text.text = piece
                    if len(piece.strip()) < len(piece):
                        text.set(qn("xml:space"), "preserve")
                    run.append(text)
            if number < len(lines) - 1:
                run.append(run.makeelement(break_tag, {}))
            if number:
                paragraph.append(run)
    return row


CELL_MARGIN_TWIPS = 68
"""A cell's left and right margin, 1.2 mm as the html forms pad theirs: Word's default (1.9 mm a side) took
the room of a date or an amount in the notice's narrow columns, and LibreOffice broke "2023-09-30" in two."""


def _cell_margins(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    # CT_TblPr is a sequence: tblCellMar comes before tblLook (which python-docx's table already has), or Word
    # may call the file damaged
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _bytes(document, title: str) -> bytes:
    document.core_properties.title = clean_text(title)
    document.core_properties.author = WRITER
    document.core_properties.last_modified_by = WRITER  # Word and WPS put the user's name there on save
    buffer = io.BytesIO()
    document.save(buffer)
    return stamped_zip(buffer.getvalue())


def notice_docx(notice: Notice, lang: str) -> bytes:
    """The notice on A4 portrait: title, addressee, the request, the table of red and yellow indicators
    (each light cell in its colour, with its word), the reply date and the notice's date."""
    words = Labels(lang)
    title = words("notice.title")
    document = _document(landscape=False, lang=lang)
    _title(document, title)
    to, body = notice_lines(notice, words)
    _paragraph(document, to)
    _paragraph(document, body, indent=True)
    if notice.items:
        table = _table(document, notice_header(words), notice_rows(notice, words, PACE_ROOM), NOTICE_WIDTHS, size=9)
        for offset, item in enumerate(notice.items, start=1):
            _shade(table.rows[offset].cells[-1], LIGHT_COLOURS[item.light][1])
    for line in cancelled_said(notice, words):  # the unit's tasks cancelled (已取消): asked nothing of, said
        _paragraph(document, line, indent=True)
    _paragraph(document, words("notice.reply", reply_by=words.date(notice.reply_by)))
    _paragraph(document, words.date(notice.on), right=True)
    return _bytes(document, f"{title} {notice.unit}")


TABLE_WIDTHS = (11, 19, 32, 22, 9, 7)
"""The 一览表's columns, as the html form gives them."""


def table_docx(report: TableReport, lang: str) -> bytes:
    """The 一览表 on A4 landscape: title, date, summary, and the six columns of the html and xlsx forms, the
    header row repeated on every page; the project's name on every row of its tasks (so on every page)."""
    words = Labels(lang)
    title = shared.table_title(report, words)
    document = _document(landscape=True, lang=lang)
    _title(document, title)
    _paragraph(document, shared.table_as_of(report, words), right=True, size=10.5)
    for line in shared.table_summary(report, words):
        _paragraph(document, line, indent=True, size=10.5)
    rows = []
    for group in report.groups:
        for row in group.rows:
            rows.append([shared.area_name(group.area, words, report), f"{row.code}.{row.title}",
                         "\n".join(shared.progress_lines(row, words)), "\n".join(shared.next_lines(row, words, report.kind)),
                         "\n".join(row.units), row.deadline_text])
    _table(document, shared.table_header(report, words), rows, TABLE_WIDTHS, size=9)
    return _bytes(document, title)
