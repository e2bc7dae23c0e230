"""The deadline a list's own sentences give its tasks: one sentence above or after the list for all of them ("以上项目均于
2025年12月底前完成", with the exceptions it names), or an item's own date at the end of its words. Read into a 完成时限
column, so that the table reader reads each task's deadline as it would under a header."""

from __future__ import annotations

import re

from mstrack.domain.quantities import chinese_count
from mstrack.errors import Message

# a deadline the text above the list states for all its tasks: "其余项目均计划在今年12月完成", "以上项目均于年底前建成"
WHEN = r"((?:今年|\d{4}\s*年)?\s*(?:\d{1,2}\s*月(?:份|底|末|中旬|下旬)?|年底|年内)前?|\d{4}\s*年[底内]前?)"
# the verb completes the tasks themselves: "完成。", "建成投用，"; not a step before them ("完成招标", "完成实施方案编制")
DONE = r"(?:全部|全面)?(?:完成|建成|完工|竣工|投用)(?:并?投(?:入使)?用|交付使用)?(?=[，,。；;）)]|$)"
DONE_BY_RE = re.compile(rf"{WHEN}\s*{DONE}")  # an item's own date of completion in its words: "预计2021年11月份完成"
# the subject may keep to the sentence's next clause: "以上项目均于5月底前完成招标，12月底前全部建成投用" is December; the
# clause begins with a time ("于5月底前…，"), so the subject is the projects themselves, not "以上项目的资金拨付，" nor
# "以上资金拨付，"
ALL_DUE_RE = re.compile(rf"(?:其余|其他|其它|以上|上述|所有|全部)(?:的)?(?:项目|实事|任务|工程)?(?:均|都|全部)?(?:计划|将|拟|要)?"
                        rf"(?:(?:在|于)?\s*(?:{WHEN[1:]}[^，,。；;]*[，,]\s*)?(?:在|于)?\s*{WHEN}\s*{DONE}")
EXCEPT_RE = re.compile(r"除(.+?)外")  # "除A项目在今年6月前完成,B项目在10月底前完成外": the tasks due otherwise
ONE_DUE_RE = re.compile(rf"([^，,、；;。]{{2,30}}?)(?:将|计划|拟|要)?(?:在|于)\s*{WHEN}\s*{DONE}")
NUMBERED_RE = re.compile(r"第\s*(\d{1,3}|[一二三四五六七八九十])\s*项")  # "除第1项在6月底前完成外": the item numbered 1
NUMBERED_TITLE_RE = re.compile(r"\s*[（(]\s*[一二三四五六七八九十\d]+\s*[）)]")  # an item's number in its words
OWN_DATE_RE = re.compile(r"\d{1,2}\s*月(?:份|底|末|中旬|下旬)?前|年底前|年内")  # "城区污水管网改造，6月底前完成"


def shared_deadlines(texts: list[str], year: int) -> tuple[str, list[tuple[str, str]], str] | None:
    """The deadline the text above a list gives all its tasks, as a 完成时限 cell prints it ("12月"), the tasks it
    names as due otherwise ("除…项目在今年6月前完成…外", "除第1项…外") and the sentence: (deadline, [(task's name or
    number, its deadline)], sentence). A part headed 工作时限 ("二、工作时限" over "2023年5月25日-12月31日") gives its end.
    A deadline of another year is not this programme's ("2023年确定的…全部于2023年
    11月底前完成", "全部工程计划于2026年6月底前建成")."""
    if limit := time_limit(texts):
        return limit[0], [], limit[1]
    for text in texts:
        for m in ALL_DUE_RE.finditer(text):
            if (printed := re.search(r"(\d{4})\s*年", m[1])) and int(printed[1]) != year:
                continue
            found = EXCEPT_RE.search(m.string[:m.start()])
            others = [(one[1].strip(), one[2].replace("今年", "")) for one in ONE_DUE_RE.finditer(found[1])] if found else []
            return m[1].replace("今年", ""), others, text
    return None


def _named(name: str, code: str, title: str) -> bool:
    """Whether an exception names this item: by its number ("第1项") or by its words."""
    if number := NUMBERED_RE.fullmatch(name.removeprefix("除")):
        return number[1] == code or str(chinese_count(number[1])) == code
    return name == title or name in title or title.rstrip("；;。") in name


def with_deadlines(header: list[str], rows: list[list[str]], above: list[str], after: list[str], year: int
                    ) -> tuple[list[str], list[list[str]], Message | None]:
    """A 完成时限 column for a list whose text above, or just after ("以上项目均于2025年12月底前完成"), states when its
    tasks are due: each item's cell the deadline of the exception it is named in, else the deadline of all; a heading's
    row, or a part's, leaves it as it is, and so does an item that prints its own ("…，6月底前完成"): its words say it.
    Why each such deadline is a doubt (the sentence read), or None. The text above wins over the text after."""
    if "完成时限" in header:
        return header, rows, None
    if shared := shared_deadlines(above, year):
        why = Message("deadline read from the text above the list: “{text}”", text=shared[2])
    elif shared := shared_deadlines(after, year):
        why = Message("deadline read from the text after the list: “{text}”", text=shared[2])
    else:
        return header, rows, None
    due, others, _ = shared
    cells = []
    for cells_of_row in rows:
        heading = len(set(cells_of_row)) == 1
        code, title = cells_of_row[0], cells_of_row[1]
        own = next((when for name, when in others if _named(name, code, title)), due)
        numbered = code or NUMBERED_TITLE_RE.match(title)  # "（一）片区办公楼…" with its number in its words: an item
        cells.append([*cells_of_row, code if heading else "" if not numbered or OWN_DATE_RE.search(title) else own])
    return [*header, "完成时限"], cells, why


END_DATE_RE = re.compile(r"[，,；;]\s*(\d{4}\s*年[^，,；;。（）()]{1,12})$")  # "…，2024年12月底前": the item's own deadline


# "（三）升级集体“三资”公开系统（10月底前）。…", "（一）排查整改问题。（12月15日前）。…": the date closing the item's name
NAME_DATE_RE = re.compile(r"^(?:[（(]\s*[一二三四五六七八九十]+\s*[）)])?\s*[^。；;，,（()）]{2,40}?。?\s*[（(]\s*"
                          r"((?:\d{4}\s*年)?\d{1,2}\s*月(?:\d{1,2}\s*日|份|底|末|上旬|中旬|下旬)?前)\s*[）)]")


def own_deadlines(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """An item whose words end in its own deadline (printed in its bracket beside the office: list_numbered.units_after) gets it as
    its 完成时限 cell, where the reader reads a deadline; a heading's row is left as it is. So does one whose name, its
    first sentence, closes with its date in a bracket ("（三）升级…系统（10月底前）。配合…"): its words stay whole."""
    words = [i for i, name in enumerate(header) if name in ("工作任务", "项目名称", "项目内容")]
    ats = [max((i for i in words if cells[i]), default=None) if len(set(cells)) > 1 else None for cells in rows]
    ends = [END_DATE_RE.search(cells[at]) if at is not None else None for cells, at in zip(rows, ats, strict=True)]
    named = [NAME_DATE_RE.match(cells[words[0]]) if words and at is not None and not end else None
             for cells, at, end in zip(rows, ats, ends, strict=True)]
    if not any(ends) and not any(named):
        return header, rows
    if "完成时限" not in header:
        header, rows = [*header, "完成时限"], [[*cells, cells[0] if len(set(cells)) == 1 else ""] for cells in rows]
    due = header.index("完成时限")
    for cells, m, at, name in zip(rows, ends, ats, named, strict=True):
        if m:
            cells[at], cells[due] = cells[at][:m.start()], cells[due] or m[1]
        elif name:
            cells[due] = cells[due] or name[1]
    return header, rows


# "（一）全面开展清产核资（2018年4-9月）", "（三）…（2018年11月-2019年6月）", "（四）…（2019年12月）": a group's heading closed by
# the period its items are done in, a date or a span and nothing else ("（集中在8月份）" says when the work is focused, and
# its items date their own); its end, the last month printed (with its day or part of the month), is their deadline
PERIOD_DATE = r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月?(?:\s*\d{1,2}\s*日|上旬|中旬|下旬|底|末)?"
PERIOD_RE = re.compile(rf"[（(]\s*({PERIOD_DATE}(?:\s*[-—–－~～至到]\s*{PERIOD_DATE})?)\s*[）)]\s*$")
PERIOD_END_RE = re.compile(r"(\d{1,2}\s*月(?:\s*\d{1,2}\s*日|上旬|中旬|下旬|底|末)?)[^月]*$")


def period_end(heading: str) -> str | None:
    """The end of the period closing a group's heading, as a 完成时限 cell prints it ("2018年9月" of "（2018年4-9月）",
    "2019年6月" of "（2018年11月-2019年6月）"): its year the last printed before that month; None without a period."""
    m = PERIOD_RE.search(heading)
    return _span_end(m[1]) if m else None


def _span_end(span: str) -> str | None:
    """The end of a date or a span of dates ("2018年4-9月" → "2018年9月"), its year the last printed before it."""
    end = PERIOD_END_RE.search(span)
    if end is None:
        return None
    years = re.findall(r"(\d{4})\s*年", span[:end.start()])
    return f"{years[-1]}年{end[1]}" if years else end[1]


# "二、工作时限" over "2023年5月25日-12月31日" (or "二、工作时限：…" on one line): the plan's time limit, the word a 完成时限
# column prints; a campaign's time ("四、整治时间", "活动从…开始，到…结束") is its span, no task's deadline
TIME_LIMIT_RE = re.compile(r"^\s*[一二三四五六七八九十]+\s*、\s*(?:工作|完成|实施)?时限\s*[：:]?\s*(.*)$")
SPAN_RE = re.compile(rf"^\s*({PERIOD_DATE}(?:\s*[-—–－~～至到]\s*{PERIOD_DATE})?)\s*[。.]?\s*$")


def time_limit(texts: list[str]) -> tuple[str, str] | None:
    """The end of the time limit a part of the plan above its list sets ("二、工作时限" and a date or a span alone, on its
    line or the next), as a 完成时限 cell prints it, and the line read; None when there is none."""
    for k, text in enumerate(texts):
        if not (m := TIME_LIMIT_RE.match(text)):
            continue
        line = m[1] if m[1].strip() else texts[k + 1] if k + 1 < len(texts) else ""
        if (span := SPAN_RE.match(line)) and (end := _span_end(span[1])):
            return end, line.strip()
    return None


def period_deadlines(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """The items under a group's heading that closes with its period (period_end) get the period's end as their 完成时限
    cell, up to the next heading; an item that prints its own deadline keeps it."""
    ends = [period_end(cells[0]) if len(set(cells)) == 1 else None for cells in rows]
    if not any(ends):
        return header, rows
    if "完成时限" not in header:
        header, rows = [*header, "完成时限"], [[*cells, cells[0] if len(set(cells)) == 1 else ""] for cells in rows]
    due, end = header.index("完成时限"), None
    for cells, own in zip(rows, ends, strict=True):
        if len(set(cells)) == 1:
            end = own
        elif end and not cells[due]:
            cells[due] = end
    return header, rows
