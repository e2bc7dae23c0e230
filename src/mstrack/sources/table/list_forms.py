"""Forms of work named in one part and given their doers, amounts and dates in others ("三、培训内容" over "（一）集中面授
（含技能培训）" "（二）远程视频教学" "（三）临床跟班学习", each a name on a line of its own over its content; "一、培训形式"
saying "集中面授（含技能培训）由局医政处负责，…远程视频教学不少于60学时"; "四、组织实施" "（一）时间安排：集中面授时间从
2018年10月16日起至2018年11月11日止"), for the headerless reader: each form a task titled by its name (README: a name on
a line of its own), its doer, amount and span read where the document names it by that name."""

from __future__ import annotations

import re

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, ASIDE_BRACKET_RE, row_texts
from mstrack.sources.table.list_numbered import Entry, heading_entry
from mstrack.sources.table.list_timeline import SCHEDULE_LABEL
from mstrack.sources.table.reading import Row

# "（一）集中面授（含技能培训）": a form's number and its name, no stop or clause mark (a bracket of what it holds kept)
FORM_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*"
                     r"([^，,。；;：:\d（）()]{2,16}(?:[（(][^（）()，,。；;]{1,10}[）)])?)\s*$")
MIN_FORMS = 3  # the fewest forms for a part of them
MIN_NAMED = 2  # the fewest forms the other parts give a doer or an amount: the evidence they are the plan's work
DATE = r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"


def _said(core: str, what: str) -> re.Pattern[str]:
    """A clause naming a form (its name, its bracket maybe after it) and then WHAT."""
    return re.compile(rf"{re.escape(core)}(?:[（(][^（）()]*[）)])?(?:时间)?{what}")


def named_forms(rows: list[Row]) -> tuple[list[Entry], list[Row], int] | None:
    """The first part whose body is MIN_FORMS or more forms, each "（一）name" on a line of its own over one paragraph,
    numbered on in order, MIN_NAMED of which the rest of the document gives a doer ("X由Y负责", "X由Y承担") or an
    amount ("X不少于35学时"): (the part's heading and each form as a list's entries, coded by the part; the rows read;
    the row after the part). Each form's words are its name; its doer its 牵头单位, its amount its content (the
    figure of the year it must give), a span naming it ("X时间从A起至B止") its 完成时限 and 开工时间. None when no part
    is so."""
    texts = [row_texts(row) for row in rows]
    for at, cells in enumerate(texts):
        if len(cells) != 1 or not (part := AREA_RE.match(cells[0])):
            continue
        end = next((k for k in range(at + 1, len(rows)) if len(texts[k]) == 1 and AREA_RE.match(texts[k][0])), len(rows))
        body = texts[at + 1:end]
        if len(body) < 2 * MIN_FORMS or len(body) % 2 or any(len(c) != 1 for c in body):
            continue
        forms = [FORM_RE.match(c[0]) for c in body[::2]]
        if not all(forms) or [chinese_count(m[1]) for m in forms] != list(range(1, len(forms) + 1)) \
                or any(FORM_RE.match(c[0]) or AREA_RE.match(c[0]) for c in body[1::2]):
            continue
        elsewhere = "。".join(c[0] for k, c in enumerate(texts) if len(c) == 1 and not at <= k < end)
        entries = [Entry(rows[at + 1 + 2 * j], "item", part[1], f"（{m[1]}）{m[2].strip()}", labels=_labels(m[2], elsewhere))
                   for j, m in enumerate(forms)]
        for entry in entries:
            entry.content, entry.labels = entry.labels.pop("内容", ""), entry.labels
        if sum(bool(e.content or "牵头单位" in e.labels) for e in entries) < MIN_NAMED:
            continue
        for entry, m in zip(entries, forms, strict=True):
            if sessions := _sessions(texts, ASIDE_BRACKET_RE.sub("", m[2]).strip()):
                entry.labels[SCHEDULE_LABEL] = sessions
        return [heading_entry(rows[at], cells[0]), *entries], rows[at:end], end
    return None


# "10.16-10.20": a session's days, month.day to month.day, as a session table prints them
SESSION_SPAN_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\s*[-－—~～至]+\s*(\d{1,2})\.(\d{1,2})$")


def _sessions(texts: list[list[str]], core: str) -> str:
    """The sessions of a form a table of the document lists under a title naming it ("…集中面授安排表" over 期号 /
    报到时间 / 上课时间 …): each session's last day (the end of its column of spans "10.16-10.20", the first such column)
    a checkpoint of the form ("10月20日前第1期"), as a 进度安排 cell's; "" when no such table follows a line naming it."""
    for k in range(1, len(texts)):
        if len(texts[k - 1]) != 1 or core not in texts[k - 1][0] or len(texts[k]) < 3:
            continue
        body = [cells for cells in texts[k + 1:] if len(cells) == len(texts[k])]
        body = body[:next((j for j, cells in enumerate(texts[k + 1:]) if len(cells) != len(texts[k])), len(body))]
        column = next((c for c in range(len(texts[k])) if body and all(SESSION_SPAN_RE.match(r[c].strip()) for r in body)), None)
        if column is None:
            continue
        ends = [SESSION_SPAN_RE.match(r[column].strip()) for r in body]
        return "；".join(f"{int(m[3])}月{int(m[4])}日前第{j}期" for j, m in enumerate(ends, 1))
    return ""


def _labels(name: str, elsewhere: str) -> dict[str, str]:
    """What the other parts say of a form, by its name or its name less its bracket ("集中面授"): its doer (牵头单位),
    its amount (内容: "不少于35学时"), its span's end and first day (完成时限, 开工时间)."""
    labels: dict[str, str] = {}
    for core in dict.fromkeys([name.strip(), ASIDE_BRACKET_RE.sub("", name).strip()]):
        if "牵头单位" not in labels and (doer := _said(core, r"由([^，,。；;由]{2,30}?)(?:负责|承担)").search(elsewhere)):
            labels["牵头单位"] = doer[1]
        if "内容" not in labels and (amount := _said(core, r"((?:不少于|不低于|达到)\s*\d+\s*[^\d，,。；;]{1,5})").search(elsewhere)):
            labels["内容"] = amount[1]
        if "完成时限" not in labels and (span := _said(core, rf"从?\s*({DATE})\s*起?\s*至\s*({DATE})").search(elsewhere)):
            labels["完成时限"], labels["开工时间"] = span[2], span[1]
    return labels
