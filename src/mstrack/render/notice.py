"""督办通知单 as Markdown and HTML, and the words and cells every form of it shares (render/docx.py makes
the Word file from the same pieces). Data in, text out."""

from __future__ import annotations

from datetime import date
from html import escape

from mstrack import __version__
from mstrack.domain.quantities import format_computed, minus_signed
from mstrack.labels import Labels
from mstrack.model import SCHEDULE
from mstrack.render.outputs import marked_text
from mstrack.render.report import amount
from mstrack.render.report_text import marked_md, md_table
from mstrack.render.revisions import cancelled_lines
from mstrack.reports.notice import Notice, NoticeItem
from mstrack.vocabulary import WRITER

NOTICE_WIDTHS = (6, 15, 12, 11, 11, 11, 16, 12, 6)
"""Each column's share of the page, in percent: the task's words get the room, numbers stay on one line. On
A4 portrait (156 mm of text) 序号 and 灯号 hold their two-character header, 下一节点 a whole date (2023年10月31日), and the
amounts an amount with its unit ("33.3公里", "−0.3公里"), at 9 pt in the Word file."""


def notice_header(words: Labels) -> list[str]:
    return [words("notice.no"), words("col.task"), words("col.indicator"), words("col.expected"), words("col.actual"),
            words("col.gap"), words("notice.next"), words("notice.required"), words("notice.light")]


PACE_ROOM = 10
"""The display width (a CJK character counts 2: pages.display_width) the Word notice's 所需进度 column holds on a line
at 9 pt: 12 % of 156 mm less its margins, about five characters. "每天增加0.47个" is wider, and LibreOffice broke it
inside the number ("每天增加0." / "47个", trial64 F7): the amount goes on a line of its own, whole."""


def pace_words(item: NoticeItem, words: Labels, room: int | None = None) -> str:
    """The pace still needed, per day, in the indicator's unit ("每天增加495人"); empty where there is none. With
    `room` (the Word file's PACE_ROOM), a pace wider than it breaks before its amount, never inside it."""
    from mstrack.render.pages import display_width

    if item.required_pace is None:
        return ""
    key = "forecast.falls" if item.required_pace < 0 else "forecast.rises"
    amount = format_computed(abs(item.required_pace), item.unit, words.lang)
    said = words(key, amount=amount)
    if room is not None and display_width(said) > room:
        said = words(key, amount="\n" + amount).replace(" \n", "\n")
    return said


def indicator_words(item: NoticeItem) -> str:
    """The 指标 cell: a text-only line (a count of checkpoints) is said by the work its checkpoint names
    ("对人民中路等3条城区道路进行综合提升改造"), not by the line's made-up name ("进度安排（第2行）")."""
    return item.checkpoint if item.kind == SCHEDULE and item.checkpoint else item.indicator


def cell_date(day: date, notice: Notice, words: Labels) -> str:
    """A date in the notice's table: "9月30日" in the notice's own year (the column's room), else in full."""
    if words.lang == "zh" and day.year == notice.on.year:
        return f"{day.month}月{day.day}日"
    return words.date(day)


def next_words(item: NoticeItem, notice: Notice, words: Labels) -> str:
    """下一节点: the next checkpoint's date; "已逾节点 8月31日" where the last one has passed."""
    if item.missed:
        return words("notice.missed", due=cell_date(item.missed, notice, words))
    return cell_date(item.next_due, notice, words) if item.next_due else "—"


def notice_rows(notice: Notice, words: Labels, pace_room: int | None = None) -> list[list[str]]:
    """序时目标 and 实际 of a text-only line are not amounts (its "unit" counts checkpoints): the checkpoint
    due ("8月31日前完成") and "—". `pace_room`: pace_words' room (the Word file's)."""
    lang = words.lang
    rows = []
    previous = None
    for number, item in enumerate(notice.items, start=1):
        gap = "" if item.gap is None else amount(item.gap, item.unit, item.kind, lang, computed=True,
                                                  stored=(*item.stored, item.actual))
        ref = f"{item.programme}/{item.task}"
        task = ref if ref == previous else f"{ref} {item.title}"  # the title once, on the task's first indicator
        previous = ref
        if item.kind == SCHEDULE:
            due = item.missed or item.passed
            expected, actual, gap = words("notice.due_by", due=cell_date(due, notice, words)) if due else "—", "—", ""
        else:
            expected = amount(item.expected, item.unit, item.kind, lang, item.comparator, computed=True, stored=item.stored)
            actual = amount(item.actual, item.unit, item.kind, lang)
        rows.append([
            str(number), task, indicator_words(item), expected, actual, minus_signed(gap),
            next_words(item, notice, words), pace_words(item, words, pace_room), words(f"light.{item.light}"),
        ])
    return rows


def notice_lines(notice: Notice, words: Labels) -> tuple[str, str]:
    """The addressee and the sentence that asks for a reply."""
    programmes = words("list.and").join(notice.programmes) or "—"
    fields = {"on": words.date(notice.on), "reply_by": words.date(notice.reply_by), "programmes": programmes,
              "n": notice.tasks}
    body = words("notice.body", **fields) if notice.items else words("notice.none", **fields)
    if notice.silent_since is not None:  # 催报: a unit silent since the day asked, late or not
        last = words.date(notice.last_report) if notice.last_report else words("notice.never")
        remind = words("notice.remind", since=words.date(notice.silent_since), last=last,
                       reply_by=words.date(notice.reply_by))
        body = f"{body}{'' if words.lang == 'zh' else ' '}{remind}" if notice.items else remind
    return words("notice.to", unit=notice.unit), body


def cancelled_said(notice: Notice, words: Labels) -> list[str]:
    """The unit's tasks revisions cancelled, a line each under the table (asked nothing of, counted nowhere), as the
    一览表 says them (render/revisions): in every form of the notice."""
    return cancelled_lines(notice.cancelled, words)


def notice_md(notice: Notice, lang: str) -> str:
    words = Labels(lang)
    to, body = notice_lines(notice, words)
    parts = [f"# {words('notice.title')}", "", to, "", body, ""]
    if notice.items:
        parts += [md_table(notice_header(words), notice_rows(notice, words), right={3, 4, 5}).rstrip("\n"), ""]
    for line in cancelled_said(notice, words):
        parts += [line, ""]
    parts += [words("notice.reply", reply_by=words.date(notice.reply_by)), "", words.date(notice.on), ""]
    return marked_md("\n".join(parts))


NOTICE_CSS = """
@page { size: A4 portrait; margin: 25mm 20mm 22mm 22mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
body { font-family: "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.6; }
h1 { font-family: "SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", sans-serif; font-size: 20pt; text-align: center; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #333; padding: 1mm 1.2mm; vertical-align: top; }
th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; background: #eee; }
td.num { text-align: right; white-space: nowrap; }
.l-red { color: #9c0006; background: #ffc7ce; font-weight: bold; text-align: center; }
.l-yellow { color: #7a5b00; background: #ffeb9c; font-weight: bold; text-align: center; }
.dated { text-align: right; margin-top: 10mm; }
"""


def notice_html(notice: Notice, lang: str) -> str:
    words = Labels(lang)
    to, body = notice_lines(notice, words)
    title = words("notice.title")
    columns = "".join(f'<col style="width:{width}%">' for width in NOTICE_WIDTHS)
    head = "".join(f"<th>{escape(name)}</th>" for name in notice_header(words))
    rows = []
    for item, cells in zip(notice.items, notice_rows(notice, words), strict=True):
        tds = [f'<td{" class=num" if 3 <= i <= 5 else ""}>{escape(cell)}</td>' for i, cell in enumerate(cells[:-1])]
        tds.append(f'<td class="l-{item.light}">{escape(cells[-1])}</td>')
        rows.append("<tr>" + "".join(tds) + "</tr>")
    table = (f"<table><colgroup>{columns}</colgroup>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
             + "\n</tbody></table>\n") if rows else ""
    table += "".join(f"<p>{escape(line)}</p>\n" for line in cancelled_said(notice, words))
    html_lang = "zh-CN" if lang == "zh" else "en"
    return marked_text(f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="generator" content="{WRITER} {escape(__version__)}">\n<title>{escape(title)}</title>\n'
            f"<style>{NOTICE_CSS}</style>\n</head>\n<body>\n<h1>{escape(title)}</h1>\n<p>{escape(to)}</p>\n"
            f"<p>{escape(body)}</p>\n{table}<p>{escape(words('notice.reply', reply_by=words.date(notice.reply_by)))}</p>\n"
            f'<p class="dated">{escape(words.date(notice.on))}</p>\n</body>\n</html>\n')
