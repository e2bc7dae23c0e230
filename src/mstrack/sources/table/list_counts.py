"""A notice listing bodies each with its count under one label — the places a school has left ("城东小学 余下学额： 49个",
one a line; or a table of records printed two a row, "学校 | 余下学额人数 | 学校 | 余下学额人数"): each body a task titled by
its name and led by it (the body that admits its places), the labelled count its target. The days the notice names for
the work — registration (登记时间, 报名时间: a span) and the lottery (摇号时间, 抽签时间, "将于8月25日上午、26日上午…进行
摇号抽签") — are every task's 完成时限: due the lottery's last day, registration's close a checkpoint. For the headerless
reader (prose_chain.list_table), as the table (COUNTS_HEADER) 序号 | 项目名称 | 项目内容 | 牵头单位 | 完成时限."""

from __future__ import annotations

import re

from mstrack.sources.table.cells import row_texts
from mstrack.sources.table.list_roles import BODY_OPENING_RE
from mstrack.sources.table.office_names import SCHOOL_END, ends_like_unit, registered_at
from mstrack.sources.table.one_paragraph import MIN_ITEMS
from mstrack.sources.table.reading import Row, Sheet
from mstrack.sources.table.spans import DAY, MONTH, days_pattern, span_end, time_label

COUNTS_HEADER = ["序号", "项目名称", "项目内容", "牵头单位", "完成时限"]
# "城东小学 余下学额： 49个": a body's name, apart from its label by a space, the label, its count
COUNT_LINE_RE = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff（）()]{2,20})\s+(?P<label>[\u4e00-\u9fff]{2,10})\s*[：:]\s*"
                           r"(?P<count>\d+(?:\.\d+)?\s*[\u4e00-\u9fff]{0,2})\s*[。；;]?\s*$")
COUNT_CELL_RE = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")
BODY_KINDS = (*SCHOOL_END, "单位")  # a records' column headed by a kind of body ("学校"): its cells name bodies
HEADER_UNITS = {"人数": "人"}  # "余下学额人数" over bare numbers: a count of persons

# "登记时间：7月24日—7月26日", "二、报名时间：" over "8月16日——8月18日，…": registration, a span or a day
REGISTRATION_RE = re.compile(rf"{time_label('登记|报名', optional=True)}(?P<when>{days_pattern()})")
HALF = r"(?:上午|下午|晚上|全天)?"
# "摇号时间：8月11日上午9︰00", "抽签时间：7月15日上午9：00": the lottery's day
LOTTERY_LABEL_RE = re.compile(rf"{time_label('摇号|抽签')}(?P<days>{DAY})")
# "我区将于8月25日上午、26日上午（…）采取电视直播形式进行摇号抽签": the lottery's days in its sentence
LOTTERY_HELD_RE = re.compile(rf"于\s*(?P<days>{DAY}{HALF}(?:\s*[、和及]\s*(?:{MONTH}\s*)?\d{{1,2}}\s*日{HALF})*)"
                             r"[^。；;]{0,40}?(?:摇号|抽签)")


def count_rows(sheet: Sheet) -> tuple[list[list[str]], list[Row]]:
    """The bodies' counts a sheet lists (_count_lines, or _records_unfolded), as rows of COUNTS_HEADER, and the rows they are
    read from; ([], []) for a sheet that lists none."""
    found = _count_lines(sheet.rows) or _records_unfolded(sheet.rows)
    if not found:
        return [], []
    due = admission_days([*sheet.titles, *(t for row in sheet.rows for t in row_texts(row)), *sheet.after])
    above = [*sheet.titles, *(t for row in sheet.rows[:sheet.rows.index(found[0][0])] for t in row_texts(row))]
    return [[str(k), name, _with_own(content, name, above), name, due] for k, (_, name, content) in enumerate(found, 1)], \
        [row for row, _, _ in found]


def _with_own(content: str, name: str, above: list[str]) -> str:
    """A body's count, with the clause the text above the list gives it ("增设城东小学分校，招收一年级8个班400人": its
    classes) after it: the body's own figures, read as its task's; the count printed again there ("400人" beside its
    余下学额人数 400) is the one target, left out of the clause."""
    count = content.rpartition("：")[2]
    for text in above:
        if m := re.search(rf"{re.escape(name)}\s*[，,]\s*([^，,。；;：:]*\d[^，,。；;：:]*)", text):
            own = re.sub(rf"(?<![\d.]){re.escape(count)}", "", m[1]) if re.search(r"\D$", count) else m[1]
            return f"{content}；{own}" if re.search(r"\d", own) else content
    return content


def _count_lines(rows: list[Row]) -> list[tuple[Row, str, str]]:
    """The first run of MIN_ITEMS lines or more each a body's name, a label and its count (COUNT_LINE_RE), one label
    for them all: (row, name, "label：count") each."""
    run: list[tuple[Row, str, str]] = []
    label = None
    for row in [*rows, None]:
        texts = row_texts(row) if row is not None else []
        m = COUNT_LINE_RE.match(texts[0]) if len(texts) == 1 else None
        if m and _body(m["name"]) and (not run or m["label"] == label):
            run.append((row, m["name"], f"{m['label']}：{m['count'].strip()}"))
            label = m["label"]
            continue
        if len(run) >= MIN_ITEMS:
            return run
        run, label = [], None
        if m and _body(m["name"]):
            run, label = [(row, m["name"], f"{m['label']}：{m['count'].strip()}")], m["label"]
    return []


def _body(name: str) -> bool:
    """A name that is a body's: a school, a hospital, an office ("城东小学", "区医院", "县教育局")."""
    return (m := BODY_OPENING_RE.match(name)) is not None and m.end() == len(name) or ends_like_unit(name)


def _records_unfolded(rows: list[Row]) -> list[tuple[Row, str, str]]:
    """A table of records printed two or more a row: a header of one group of columns, a body's kind and a count's
    name ("学校 | 余下学额人数"), printed again and again across the row, over rows of those records (a row's last
    groups may be empty): each record read in order, row by row, left to right, as (row, name, "label：count"). A
    header naming HEADER_UNITS gives the bare counts their unit."""
    for at, row in enumerate(rows):
        cells = [c.strip() for c in row.cells]
        if len(cells) < 4 or len(cells) % 2 or any(not c for c in cells) \
                or any(cells[k:k + 2] != cells[:2] for k in range(2, len(cells), 2)) or not cells[0].endswith(BODY_KINDS):
            continue
        label = cells[1]
        unit = next((u for end, u in HEADER_UNITS.items() if label.endswith(end)), "")
        found = []
        for below in rows[at + 1:]:
            pairs = [below.cells[k:k + 2] for k in range(0, len(cells), 2)] if len(below.cells) == len(cells) else []
            if not pairs or not pairs[0][0].strip():
                break
            for name, count in pairs:
                if not name.strip() and not count.strip():
                    continue
                if not COUNT_CELL_RE.match(count):
                    return []
                found.append((below, name.strip(), f"{label}：{count.strip()}{unit}"))
        return found if len(found) >= MIN_ITEMS else []
    return []


def admission_days(texts: list[str]) -> str:
    """The days a notice of places names (module docstring) as a 完成时限 cell: "7月26日前完成登记；8月11日前完成摇号",
    the lottery's last day due and registration's close before it; "" where it names no lottery."""
    text = "".join(t.strip() for t in texts)  # "二、报名时间：" over its span: one text
    lottery = LOTTERY_LABEL_RE.search(text) or LOTTERY_HELD_RE.search(text)
    if lottery is None:
        return ""
    days = re.findall(rf"(?:({MONTH})\s*)?(\d{{1,2}})\s*日", lottery["days"])
    month = next(m for m, _ in days if m)
    last = f"{days[-1][0] or month}{days[-1][1]}日".replace(" ", "")  # "26日" after "8月25日上午、": 8月26日
    registered = REGISTRATION_RE.search(text)
    close = re.sub(r"\s+", "", span_end(registered["when"])) if registered else ""
    return f"{close}前完成登记；{last}前完成摇号" if close else f"{last}前完成摇号"


LOTTERY_HEADER = ["序号", "工作任务", "牵头单位", "完成时限"]
# "…到城南学校申请登记": the school registration is made at, the body admitting the places
REGISTERED_AT_RE = registered_at(rf"\s*([\u4e00-\u9fff]{{2,12}}?(?:{'|'.join(SCHOOL_END)}))\s*", applying="(?:申请)?")
# where the paragraph's labelled dates start, after the stop closing its sentence
DATE_LABEL_RE = re.compile(r"(?P<stop>[。；;，,]?)\s*(?:登记|报名|摇号|抽签)时间\s*[：:]")


def lottery_notice(rows: list[Row]) -> tuple[list[list[str]], list[Row]]:
    """A notice of one school's places in one paragraph, its labelled dates run into it ("我区…城南学校初一年计划招生400人，
    …余下学额241人，…请…到城南学校申请登记。登记时间：…。抽签时间：7月15日上午9：00。…"): one task, titled by the
    paragraph up to its first labelled date (README: a labelled paragraph is its label's field), led by the school
    registration is made at, due as admission_days dates it — as rows of LOTTERY_HEADER and the row read; ([], []) for
    any other document, or one with several such paragraphs."""
    found = []
    for row in rows:
        texts = row_texts(row)
        if len(texts) != 1 or not (at := REGISTERED_AT_RE.search(texts[0])) or not (due := admission_days(texts)):
            continue
        label = DATE_LABEL_RE.search(texts[0], at.end())
        if label is None or not re.search(r"\d", texts[0][:label.start()]):
            continue
        title = texts[0][:label.start()].strip() + ("。" if label["stop"] == "。" else "")
        found.append((row, title, at[1], due))
    if len(found) != 1:
        return [], []
    row, title, school, due = found[0]
    return [["1", title, school, due]], [row]
