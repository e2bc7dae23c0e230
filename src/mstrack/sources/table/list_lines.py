"""The lines of a list as printed, before its rows are read as items (headerless.py): a line broken inside a figure
joined to the item's line above it, an item's number on a line of its own joined to its words, and a paragraph under
an office line or under an item's progress kept as a note, so that neither ends the list, and a bracket of offices
printed on the line under an item joined to it (offices_below)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace

from mstrack.sources.table.cells import AREA_RE, GROUP_HEADING_RE, row_texts
from mstrack.sources.table.item_offices import units_after
from mstrack.sources.table.list_bracketed import BRACKET_ITEM_RE
from mstrack.sources.table.list_labels import LABEL_RE
from mstrack.sources.table.list_numbered import ITEM_RE, PART_RE, Entry, numbered_entry
from mstrack.sources.table.list_work import reports_progress
from mstrack.sources.table.reading import Row, Sheet

OPEN_END_RE = re.compile(r"[\u4e00-\u9fff\w]$")  # an item's line that stops mid-clause ("…，总投资"), no stop after it
GOES_ON_RE = re.compile(r"^\d")  # a line that goes on with a figure ("2。5亿元，…"): the rest of the line above
# after a line ending in a digit ("…总投资2"), a line opening with a full stop, digits and a unit ("。12亿元，…"): the
# figure's decimals, broken by the line and printed with a full stop for the point; never a date ("。12月底前")
DECIMALS_RE = re.compile(r"^[。．.](\d+\s*[万亿]?[^\d\s，,。；;、月日年号时%％])")


def joined_lines(rows: list[Row], entries: list[Entry | None]) -> list[Entry | None]:
    """Lines no rule reads (entries None), kept with the item above instead of ending the list: the rest of an item's
    line broken inside a figure ("1.新建城区学校2所，总投资" / "2。5亿元，年底前主体完工。（县教育局）", or "…总投资2" /
    "。12亿元…", its decimals: _goes_on) is joined to it;
    a paragraph after an office line ("由…负责落实" / "所需资金由市财政局负责落实") is the item's note, skipped as a
    contact is, and so is one under an item that reports its progress (list_work.reports_progress)."""
    joined = list(entries)
    for i in range(1, len(rows)):
        if joined[i] is not None or len(texts := row_texts(rows[i])) != 1 or (above := joined[i - 1]) is None:
            continue
        line = texts[0]
        if above.kind == "label" and above.assigned or above.kind == "note" and not above.code and i > 1 and joined[i - 2] \
                and joined[i - 2].kind == "label" and joined[i - 2].assigned:
            joined[i] = Entry(rows[i], "note", "", line)
        elif (above.kind == "item" or above.progress) and reports_progress(line):
            joined[i] = Entry(rows[i], "note", "", line, progress=True)  # the item's progress, under it: no part of it
        elif above.kind == "item" and above.row is rows[i - 1] and len(first := row_texts(rows[i - 1])) == 1 \
                and OPEN_END_RE.search(first[0]) and (rest := _goes_on(first[0], line)) \
                and (item := numbered_entry(rows[i - 1], first[0] + rest, "")) and item.kind == "item":
            joined[i - 1], joined[i] = item, Entry(rows[i], "note", "", line)
    return joined


BROKEN_LINES = 3  # the most lines an item's paragraph goes on over, broken inside its words, that are joined to it
CLOSES_RE = re.compile(r"[。！!？?；;）)]\s*$")  # a line that closes its paragraph: a stop, or its bracket of offices


def rejoined(rows: list[Row]) -> list[Row]:
    """An item's paragraph printed over lines broken inside its words, in a document printed one paragraph a line
    ("6.开展保健食品专项检查。定期开展对保健食品生产经营企" / "业的执法检查，…保健功" / "能的违法行为。（区市场监管局）"):
    its lines joined (a "1." item's or a "一、" measure's), when the item's line has begun its sentences (a stop inside
    it) and stops mid-word, and the lines after it start nothing of their own (starts_anew) up to one that closes the
    paragraph, BROKEN_LINES at most.
    An item's name alone ("1.推广绿色生产技术", no stop) over its text stays a line of its own."""
    joined: list[Row] = []
    skip = 0
    for i, row in enumerate(rows):
        if skip:
            skip -= 1
            continue
        joined.append(row)
        texts = row_texts(row)
        if len(texts) != 1 or not (ITEM_RE.match(line := texts[0].rstrip()) or GROUP_HEADING_RE.match(line)) \
                or not OPEN_END_RE.search(line) \
                or not re.search(r"[。；;]", line):
            continue
        rest = []
        for below in rows[i + 1:i + 1 + BROKEN_LINES]:
            if len(words := row_texts(below)) != 1 or starts_anew(words[0].strip()):
                break
            rest.append(words[0].strip())
            if CLOSES_RE.search(rest[-1]) or not OPEN_END_RE.search(rest[-1]):
                break
        if rest and CLOSES_RE.search(rest[-1]):
            joined[-1] = Row(row.number, ["".join([line, *rest])])
            skip = len(rest)
    return joined


SUB_HEADING_RE = re.compile(r"^[^\d\s。；;，,：:！!？?（）()]{2,30}$")  # "打造临空经济桥头堡": a short line, no stop, no number


def unnumbered_headings(rows: list[Row], entries: list[Entry | None]) -> list[Entry | None]:
    """A short line with no number and no stop between a group's heading and the first item under it ("(一)高标准优化
    临空发展布局…" / "打造临空经济桥头堡" / "10.坚持规划引领…"): one more heading over the items, not the list's end.
    A paragraph there, closed by its stop, above the group's item "1." ("（二）实施…提质升级" / "分期实施、逐步打造…。" /
    "1.乡村旅游公路。…"), is the heading's introduction: a note that is no item's, skipped as a contact is."""
    found = list(entries)
    for i in range(1, len(rows) - 1):
        if found[i] is None and (above := found[i - 1]) is not None and above.kind == "heading" \
                and (below := found[i + 1]) is not None and below.kind == "item" \
                and len(texts := row_texts(rows[i])) == 1 and re.search(r"[\u4e00-\u9fff]{2}", line := texts[0].strip()):
            if SUB_HEADING_RE.match(line):
                found[i] = Entry(rows[i], "heading", "", line)
            elif below.code == "1" and line.endswith(ENDS_PARAGRAPH):
                found[i] = Entry(rows[i], "note", "", line)
    return found


def _goes_on(first: str, line: str) -> str:
    """The line as it goes on from the item's line above it, broken inside a figure: a figure's rest as printed, or its
    decimals after a full stop printed for the point ("总投资2" / "。12亿元" is 2.12亿元); "" for any other line."""
    if GOES_ON_RE.match(line):
        return line
    return f".{line[1:]}" if first[-1].isdigit() and DECIMALS_RE.match(line) else ""


# a page's footer or header, printed between the lines of a PDF's text: its number between dashes ("— — — 2 —", "- 3 -",
# "—3—") or as the page it is ("第 3 页", "第3页 共12页")
FOOTER_RE = re.compile(r"^\s*(?:(?:[-—–－─]\s*)+\d{1,4}\s*(?:[-—–－─]\s*)+|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?)\s*$")
ENDS_SENTENCE = tuple("。！!？?；;：:")  # a line ending so ends its sentence: the line after it starts anew
ENDS_PARAGRAPH = tuple("。！!？?")  # a paragraph of words closed by its stop, no title and no line cut short
WRAPPED_LINES = 4  # the fewest lines that share the width, ending mid-sentence, for a document to be printed hard-wrapped
# a line at the width may fall short of it: a paragraph's first line is indented two characters (four columns), and
# a wide character that would not fit leaves a column free
WIDTH_SLACK = 5
WIDER_SHARE = 4  # in a hard-wrapped page no more than one line in WIDER_SHARE is wider than the width (one paragraph a
# line: most paragraphs are longer than any width their shorter lines happen to share)


def columns(text: str) -> int:
    """The width of a printed line in columns: a Chinese character or a full-width sign two, any other one."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def wrap_width(lines: list[str]) -> int | None:
    """The width a document's lines were broken at by its printed page (a PDF's text pasted line by line), measured
    from the lines: the width most lines ending mid-sentence share (within a column), when WRAPPED_LINES or more share
    it and few lines are wider; None for a document printed one paragraph a line."""
    open_ends = [columns(line) for line in lines if not line.endswith(ENDS_SENTENCE)]
    if len(open_ends) < WRAPPED_LINES:
        return None
    shared = Counter(open_ends)
    width = max(shared, key=lambda w: (shared[w] + shared[w - 1], w))
    if shared[width] + shared[width - 1] < WRAPPED_LINES:
        return None
    wider = sum(columns(line) > width + 1 for line in lines)
    return width if wider * WIDER_SHARE <= len(lines) else None


def starts_anew(line: str) -> bool:
    """A line that starts something of its own, never the rest of the line above: an item ("1." "(2)"), a heading
    ("一、" "(一)"), or a labelled paragraph ("牵头单位:…", "完成时限:…")."""
    return bool(ITEM_RE.match(line) or PART_RE.match(line) or GROUP_HEADING_RE.match(line) or LABEL_RE.match(line))


def unwrapped(rows: list[Row]) -> list[Row]:
    """The rows of a page printed hard-wrapped, its lines joined again (wrap_width): a line joins the one before it when
    that one ends at about the width and not with a sentence's end, and the line itself starts nothing of its own
    (starts_anew: an item, a heading, a label such as 牵头单位). Page footers between the lines are dropped. Rows of
    more than one text, and a document printed one paragraph a line, stay as they are."""
    lines = [texts[0].strip() for row in rows if len(texts := row_texts(row)) == 1]
    if (width := wrap_width([line for line in lines if not FOOTER_RE.match(line)])) is None:
        return rows
    joined: list[Row] = []
    last = ""  # the last printed line of the row above, one text: joined[-1] ends with it
    for row in rows:
        texts = row_texts(row)
        line = texts[0].strip() if len(texts) == 1 else ""
        if FOOTER_RE.match(line):
            continue
        if line and last and not last.endswith(ENDS_SENTENCE) and columns(last) >= width - WIDTH_SLACK \
                and not starts_anew(line):
            joined[-1] = Row(joined[-1].number, [f"{row_texts(joined[-1])[0]}{line}"])
        else:
            joined.append(row)
        last = line
    return joined


# a label of two to four characters spaced out to a column's width ("链    长：", "姓  名："), as forms print it
SPACED_LABEL_RE = re.compile(r"^\s*([\u4e00-\u9fff](?:[ \t\u3000]+[\u4e00-\u9fff]){1,3})\s*(?=[：:])")
PERSON_VALUE_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}[（(][^（）()]+[）)]$")  # "欧阳晓波（区党工委委员）": a person and a post


def spaced_labels(rows: list[Row]) -> list[Row]:
    """Labels printed with their characters spaced out ("链    长：陈善光（区党工委书记）") read as the label they spell
    ("链长：…"), as any labelled paragraph under an item is; a line under such a label naming one more person the same
    way ("欧阳晓波（…）", its indent lost) is the label's value too, joined with "、". Other rows stay as they are."""
    out: list[Row] = []
    spaced = False  # the row above was a spaced label naming a person
    for row in rows:
        texts = row_texts(row)
        line = texts[0].strip() if len(texts) == 1 else ""
        if spaced and PERSON_VALUE_RE.match(line):
            out[-1] = Row(out[-1].number, [f"{row_texts(out[-1])[0]}、{line}"])
            continue
        m = SPACED_LABEL_RE.match(line)
        spaced = m is not None and PERSON_VALUE_RE.match(line[m.end():].lstrip("：: ")) is not None
        out.append(Row(row.number, [re.sub(r"\s+", "", m[1]) + line[m.end():]]) if m else row)
    return out


LONE_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*[.．、]?\s*$")  # "01", "1", "1.": an item's number on a line of its own
LONE_RUN = 3  # numbers running on (1, 2, 3) over as many lines of words: a list, not a page number or a figure alone


def numbers_on_their_lines(sheet: Sheet) -> Sheet:
    """A list whose numbers ("01"…"10", "1", "1.") each stand on a line of their own above their item's words: each
    number joined to the line after it ("01、…"), as a number printed before the words is read, when three or more run
    on (1, 2, 3 …), each over a line of words; any other lone number (a page's, a figure's) stays as it is."""
    lone = []  # (index of the number's line, its value, the number as printed)
    for i, row in enumerate(sheet.rows[:-1]):
        texts, below = row_texts(row), row_texts(sheet.rows[i + 1])
        if len(texts) == 1 and (m := LONE_NUMBER_RE.match(texts[0])) and len(below) == 1 \
                and not LONE_NUMBER_RE.match(below[0]) and re.search(r"[\u4e00-\u9fff]{2}", below[0]):
            lone.append((i, int(m[1]), m[1]))
    runs, run = [], lone[:1]
    for one in lone[1:]:
        if one[1] == run[-1][1] + 1:
            run.append(one)
        else:
            runs.append(run)
            run = [one]
    joined = {i: code for run in [*runs, run] if len(run) >= LONE_RUN for i, _, code in run}
    if not joined:
        return sheet
    rows = [Row(sheet.rows[i + 1].number, [f"{joined[i]}、{row_texts(sheet.rows[i + 1])[0]}"]) if i in joined else row
            for i, row in enumerate(sheet.rows) if i - 1 not in joined]
    return replace(sheet, rows=rows)


def offices_below(rows: list[Row]) -> list[Row]:
    """The rows with each bracket of offices printed alone on the line after a numbered item ("1、新建幼儿园3所。" over
    "（市教育局、财政局）") joined to the item's line, where a bracket at the line's end would stand: the item's offices,
    the first the lead, read as that bracket is (units_after). A bracket that names no office (a note, "（续）", a date)
    stays a line of its own, and so does one after an item whose line already ends with its offices."""
    joined: list[Row] = []
    for row in rows:
        texts, above = row_texts(row), row_texts(joined[-1]) if joined else []
        if len(texts) == 1 and len(above) == 1 and _offices_alone(texts[0]) and _numbered_alone(above[0]):
            joined[-1] = Row(joined[-1].number, [f"{above[0]}{texts[0]}"])
            continue
        joined.append(row)
    return joined


def _offices_alone(text: str) -> bool:
    """A line that is only a bracket of offices, brackets inside it closed ("（市发改委，各市(县)、区政府）")."""
    inner = text.strip()
    if inner[:1] not in "（(" or inner[-1:] not in "）)":
        return False
    depth = 0
    for char in inner[1:-1]:
        depth += 1 if char in "（(" else -1 if char in "）)" else 0
        if depth < 0:
            return False
    return depth == 0 and units_after(f"。{inner}")[1] != ""  # as after an item's closing stop


def _numbered_alone(text: str) -> bool:
    """A numbered item's line ("1、", "(1)", "(一)", "一、") that prints no offices of its own at its end."""
    m = ITEM_RE.match(text) or PART_RE.match(text) or AREA_RE.match(text)
    words = m[2] if m else text[BRACKET_ITEM_RE.match(text).end() - 1:] if BRACKET_ITEM_RE.match(text) else ""
    return bool(words) and not units_after(words)[1]
