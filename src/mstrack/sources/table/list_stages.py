"""A plan's stages of work, each dated by a span in a bracket after its name ("（一）前期工作阶段（4月10日至4月25日）：开展
规划编制单位招投标工作。"), for the headerless reader: each stage a task, its words the stage's name and what is done in
it, the span its 完成时限 (due at its end, list_duties reads the part after a 职责分工's duties)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.cells import AREA_RE, row_texts
from mstrack.sources.table.item_offices import units_after
from mstrack.sources.table.list_deadlines import DONE_BY_RE
from mstrack.sources.table.list_numbered import ITEM_RE, LEAD_LABEL, Entry, entry_of, heading_entry
from mstrack.sources.table.list_timeline import SCHEDULE_LABEL, STAGES_HEADING_RE
from mstrack.sources.table.list_work import states_work
from mstrack.sources.table.reading import Row
from mstrack.sources.table.spans import JOIN, JOIN_CHARS, JOIN_RE, first_of, span_end

# "（一）前期工作阶段（4月10日至4月25日）：开展…": a stage's number, its name, the span in a bracket (a month in it, and a
# join: 至, 到, —), a colon, its work
SPAN = rf"[（(]([^（）()]*\d\s*月[^（）()]*?{JOIN}[^（）()]*)[）)]"  # "（4月10日至4月25日）": a span in a bracket
STAGE_RE = re.compile(rf"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*([^，,。；;：:（）()\d]{{2,20}}?)\s*{SPAN}\s*[：:]\s*(\S.*)$", re.S)
MIN_STAGES = 3  # the fewest stages for a part of them


def stage_part(rows: list[Row], at: int) -> tuple[list[Entry], list[Row], int] | None:
    """The part whose heading is row `at` ("五、实施步骤") when every line up to the next part is a stage dated by its
    span (STAGE_RE), numbered "（一）" on in order, MIN_STAGES or more: (its heading and stages as a list's entries, each
    stage's words "前期工作阶段：开展…" and its span under 完成时限; the rows read; the row after the part). None else."""
    texts = row_texts(rows[at]) if at < len(rows) else []
    if len(texts) != 1 or not AREA_RE.match(texts[0]):
        return None
    end = next((k for k in range(at + 1, len(rows)) if len(t := row_texts(rows[k])) == 1 and AREA_RE.match(t[0])), len(rows))
    found = [STAGE_RE.match(t[0]) if len(t := row_texts(rows[k])) == 1 else None for k in range(at + 1, end)]
    stages = found[:next((k for k, m in enumerate(found) if m is None), len(found))]  # the document's signature after them
    if not stages and (over := _stages_over_items(rows, at, end)) is not None:
        return over
    if len(stages) < MIN_STAGES or [chinese_count(m[1]) for m in stages] != list(range(1, len(stages) + 1)):
        return None
    entries = [heading_entry(None, texts[0]), *(Entry(rows[k], "item", "", f"（{m[1]}）{m[2].strip()}：{m[4].strip()}",
                                                      labels={"完成时限": m[3].strip()}) for k, m in enumerate(stages, at + 1))]
    return entries, rows[at:at + 1 + len(stages)], at + 1 + len(stages)


def _stages_over_items(rows: list[Row], at: int, end: int) -> tuple[list[Entry], list[Row], int] | None:
    """The part's stages when each is a heading dated by its span ("（一）前期准备阶段（6月15日-8月15日前）",
    STAGE_HEADING_RE) over items "1.name。…" numbered from 1 in order, MIN_STAGES or more, numbered "（一）" on, every
    line up to the next part one or the other (or an item's labelled line: its own; its offices printed after its words
    too): each item a task coded by its
    stage (六(一)1), its words whole, due at its stage's end (spanned_groups, as a list's dated groups are). None for
    any other part."""
    entries, stages, skipped = [heading_entry(None, row_texts(rows[at])[0])], [], set()
    for k in range(at + 1, end):
        if len(texts := row_texts(rows[k])) != 1:
            return None
        if (m := STAGE_HEADING_RE.match(texts[0])) and m[3]:
            stages.append(chinese_count(m[1]))
            entries.append(Entry(rows[k], "heading", "", texts[0]))
        elif (item := ITEM_RE.match(texts[0])) and stages and int(item[1]) == sum(e.kind == "item" for e in entries[
                max(i for i, e in enumerate(entries) if e.kind == "heading"):]) + 1:
            words, offices = units_after(item[2].strip())  # "…。（牵头单位：X）" after its words: its own, as any item's
            entries.append(Entry(rows[k], "item", item[1], words, units=offices))
        elif entries[-1].kind == "item" and (label := entry_of(rows[k])) is not None and label.kind == "label":
            entries[-1].labels.update({label.code: label.text, **label.labels})  # "牵头单位：各村居" (list_doers)
            skipped.add(k)
        else:
            return None
    if len(stages) < MIN_STAGES or stages != list(range(1, len(stages) + 1)) or entries[-1].kind != "item":
        return None
    return spanned_groups(entries), [row for k, row in enumerate(rows[at:end], at) if k not in skipped], end


# "（一）前期准备阶段" on a line of its own: a stage's number and its name, no stop and no colon; its span may follow in a
# bracket ("（一）部署推进阶段（2023年5月16日-5月31日）")
STAGE_HEADING_RE = re.compile(rf"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*([^，,。；;：:（）()\d]{{2,20}}?阶段)\s*(?:{SPAN})?\s*$")
# "（一）动员部署（7月7日至7月14日）", "（一）组织部署阶段（2017年4月10日至4月30日）。": a stage's number, its name and its
# span on a line of its own over its paragraphs; a name dated by its span needs no 阶段
SPANNED_HEADING_RE = re.compile(rf"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*([^，,。；;：:（）()\d]{{2,20}}?)\s*{SPAN}\s*。?\s*$")
TIME_LABEL_RE = re.compile(r"^(?:时间|时间安排|时限|完成时限|时间节点)\s*[：:]\s*(\S.*)$")  # "时间：2023年9月-10月"


def stages_after(rows: list[Row]) -> list[Entry]:
    """The stages a list's next part dates ("三、时间安排", list_timeline's headings), each on a line of its own
    ("（一）前期准备阶段") over its span ("时间：2023年9月-10月") and its work ("任务：…"), numbered "（一）" on in order,
    MIN_STAGES or more: the part's heading and each stage as an item numbered by the part ("三"; its words keep their
    "（一）": the reader codes it 三(一), as list_closing's items), its name its words, its span under 完成时限 (due at its
    end) and a span of months' first month under 开工时间 (the stage starts then: a checkpoint; a 完成时限 cell's span of
    months alone gives no start, read48a); its work ("任务：…") no part of its name. [] when the list is not followed so."""
    if (opened := _stages_part(rows)) is None:
        return []
    texts, part = opened
    found: list[Entry] = []
    for row, cells in zip(rows[1:], texts[1:], strict=True):
        if len(cells) != 1 or AREA_RE.match(cells[0]):
            break
        if m := STAGE_HEADING_RE.match(cells[0]) or SPANNED_HEADING_RE.match(cells[0]):
            if chinese_count(m[1]) != len(found) + 1 or found and "完成时限" not in found[-1].labels:
                break
            found.append(Entry(row, "item", part[1], f"（{m[1]}）{m[2]}"))
            if m[3]:  # its span on its own line: due at its end, started at its first day or month
                found[-1].labels.update(_span_labels(m[3].strip()))
        elif found and (when := TIME_LABEL_RE.match(cells[0])) and "完成时限" not in found[-1].labels:
            found[-1].labels.update(_span_labels(when[1].strip()))
    dated = [e for e in found if "完成时限" in e.labels]
    return [heading_entry(rows[0], texts[0][0]), *_misprinted_years(dated)] if len(dated) >= MIN_STAGES else []


PRINTED_YEAR_RE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")  # a span's first day, its year printed


def _misprinted_years(stages: list[Entry]) -> list[Entry]:
    """Stages in order, one printed in the year before the next's and ending before the next starts in that next year
    ("（一）…（2016年4月10日至4月30日）" over "（二）…（2017年5月1日至6月30日）"): the year a misprint, the stage read in the
    next's year (stages run one after another; a year's gap between them is none). Stages read as printed otherwise."""
    for stage, after in zip(stages[::-1][1:], stages[::-1], strict=False):
        first, then = (PRINTED_YEAR_RE.match(e.labels["完成时限"]) for e in (stage, after))
        ends = re.findall(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日", span_end(stage.labels["完成时限"]))
        if not first or not then or int(then[1]) != int(first[1]) + 1 or re.findall(r"\d{4}\s*年", stage.labels["完成时限"])[1:] \
                or not ends or tuple(map(int, ends[-1])) >= (int(then[2]), int(then[3])):
            continue
        printed = stage.labels["完成时限"]
        stage.labels.update(_span_labels(then[1] + printed.lstrip()[len(first[1]):]))
        stage.labels["完成时限"] += f"（印作{first[1]}年）"  # the year as printed, said beside the one read
    return stages


def _span_labels(span: str) -> dict[str, str]:
    """A stage's span as its labels: 完成时限 the span (due at its end), and 开工时间 its first month ("2023年9月-10月":
    the stage starts in September, by its end) or its first day ("2023年5月16日-5月31日": on the 16th)."""
    labels = {"完成时限": span}
    if first := first_of(span):
        labels["开工时间"] = first
    return labels


def stages_following(chosen: list[Entry], rows: list[Row]) -> list[Entry]:
    """A numbered list's entries with the part of stages right after its last row (`rows`: the page's rows after the
    list; "三、实施步骤" over "（一）部署推进阶段（2023年5月16日-5月31日）" and its work, stages_after) read as its last
    tasks, coded by the part (三(一)); the entries unchanged when no such part follows, or when the list ran through
    one (dated_stages)."""
    if any(e.kind == "heading" and (part := AREA_RE.match(e.text)) and STAGES_HEADING_RE.search(part[2]) for e in chosen):
        return chosen
    at = next((k for k, row in enumerate(rows) if (e := entry_of(row)) is None or e.kind != "label"), len(rows))
    return [*chosen, *(stages_after(rows) or stage_paragraphs_after(rows[at:]))]  # the last item's labelled lines past


def closing_stage(chosen: list[Entry], rows: list[Row], doers: Callable[[str], list[str]]) -> list[Entry]:
    """A numbered list's entries whose last groups are stages dated in their headings ("（一）部署发动阶段（6月5日前）"
    over items "1.…", spanned_groups) with the next stage after them standing over one paragraph and no items
    ("（三）总结阶段（10月11日至10月20日）" / "各处室、相关单位要对…进行总结…" / "四、…" or nothing): that stage is a task of
    its own, as stages in a part of their own are (README: a document's stages), coded by the part (三(三)), titled by
    its name, due at its span's end and started on its first day, led by the doers its paragraph names (`doers`:
    list_doers.paragraph_doers), the first the lead. The entries unchanged when the list is not followed so (`rows`: the
    page's rows after the list, its last item's labelled lines first)."""
    rows = rows[next((k for k, row in enumerate(rows) if (e := entry_of(row)) is None or e.kind != "label"), len(rows)):]
    groups = [e for e in chosen if e.kind == "heading" and NAMED_GROUP_RE.match(e.text)]
    part = next((e for e in reversed(chosen) if e.kind == "heading" and AREA_RE.match(e.text)), None)
    texts = [row_texts(row) for row in rows[:3]]
    if not groups or part is None or len(texts) < 2 or any(len(t) != 1 for t in texts) \
            or not (m := STAGE_HEADING_RE.match(texts[0][0])) or not m[3] \
            or not all(e.text.endswith("阶段") and "完成时限" in e.labels for e in groups) \
            or chinese_count(m[1]) != len(groups) + 1 or NAMED_GROUP_RE.match(texts[1][0]) or AREA_RE.match(texts[1][0]) \
            or (below := entry_of(rows[1])) is not None and below.kind in ("item", "part", "label") \
            or len(texts) > 2 and not AREA_RE.match(texts[2][0]):
        return chosen
    found = doers(texts[1][0])
    labels = {**_span_labels(m[3].strip()), **({LEAD_LABEL: found[0]} if found else {}),
              **({"配合单位": "、".join(found[1:])} if found[1:] else {})}
    return [*chosen, heading_entry(rows[0], part.text), Entry(rows[0], "item", AREA_RE.match(part.text)[1],
                                                           f"（{m[1]}）{m[2]}", labels=labels)]


# "（一）部署发动阶段（2018年12月5日前）。各单位…", "（二）组织实施阶段（2018年12月5日至2019年全国“两会”结束）。…": a stage, its
# name, the bracket after it opening with a date (its span may end at an event, which is no date), its work after it
OPEN_STAGE_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*([^，,。；;：:（）()\d]{2,20}?阶段)\s*"
                           r"[（(](\s*(?:\d{4}\s*年|\d{1,2}\s*月)[^（）()]*)[）)]\s*[。：:]?\s*(\S.*)$")
# a date as a stage's bracket prints it, alone: "2018年12月5日前", "8月27日", "10月底前"
STAGE_DATE_RE = re.compile(r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*日|[上中下]旬|底|末|初)?\s*(?:之?前)?")


def stage_paragraphs_after(rows: list[Row]) -> list[Entry]:
    """The stages of the part `rows` opens with ("五、工作步骤", STAGES_HEADING_RE), each a paragraph "（一）name阶段
    （date）。work…" (OPEN_STAGE_RE), numbered "（一）" on in order, MIN_STAGES or more, the labelled lines under each
    (its doers, list_doers) its own: the part's heading and each stage an item numbered by the part, titled by its name
    and work without the bracket (as _stage_tasks titles a stage), due at the bracket's end where that end is a date
    (完成时限) and started on its first day where it opens a span (开工时间: a checkpoint). A span ending at an event
    ("至2019年全国“两会”结束") gives no deadline: the document prints no date, and none is made up. [] when the part
    is not so."""
    if (opened := _stages_part(rows)) is None:
        return []
    texts, part = opened
    found: list[Entry] = []
    for row, cells in zip(rows[1:], texts[1:], strict=True):
        if len(cells) != 1 or AREA_RE.match(cells[0]):
            break
        if m := OPEN_STAGE_RE.match(cells[0]):
            if chinese_count(m[1]) != len(found) + 1:
                break
            found.append(Entry(row, "item", part[1], f"（{m[1]}）{m[2]}。{m[4]}", labels=_bracket_labels(m[3].strip())))
        elif found and (label := entry_of(row)) is not None and label.kind == "label":
            found[-1].labels.update({label.code: label.text, **label.labels})
        else:
            break
    return [heading_entry(rows[0], texts[0][0]), *found] if len(found) >= MIN_STAGES else []


def _bracket_labels(bracket: str) -> dict[str, str]:
    """A stage's bracket as its labels: 完成时限 its end where the end is a date ("2018年12月5日前", "8月28日至10月15日"),
    开工时间 its first day where it opens a span; none for an end that is an event ("2019年全国“两会”结束3日内")."""
    parts = JOIN_RE.split(bracket, maxsplit=1)
    labels = {"完成时限": span_end(bracket) if len(parts) == 2 else bracket} if STAGE_DATE_RE.fullmatch(parts[-1]) else {}
    if len(parts) == 2 and STAGE_DATE_RE.fullmatch(parts[0]) and (first := first_of(bracket)):
        labels["开工时间"] = first
    return labels


def dated_stages(chosen: list[Entry], rows: list[Row]) -> list[Entry]:
    """A numbered list's entries (rows: the page's) with the part of stages it ran through ("三、时间安排" over
    "（一）前期准备阶段", "时间：…" and "任务：…", read as headings and labels naming no item; or "五、工作步骤" over
    "（一）部署发动阶段（2018年12月5日前）。…", read as headings) read as its stages (stages_after,
    stage_paragraphs_after); the entries unchanged when the list runs through no such part."""
    for k, entry in enumerate(chosen):
        if entry.kind != "heading" or entry.row is None or not (part := AREA_RE.match(entry.text)) \
                or not STAGES_HEADING_RE.search(part[2]):
            continue
        if not (found := stages_after(rows[(at := rows.index(entry.row)):]) or stage_paragraphs_after(rows[at:])):
            continue
        after = next((j for j in range(at + 1, len(rows)) if len(t := row_texts(rows[j])) == 1 and AREA_RE.match(t[0])), len(rows))
        return [*chosen[:k], *found, *(e for e in chosen[k + 1:] if e.row is not None and rows.index(e.row) >= after)]
    return chosen


# "摸清底数阶段（2019年8月15日—9月15日）。由…": an item that is a stage, its name and the span in the bracket after it
SPAN_STAGE_RE = re.compile(rf"^([^，,。；;：:（）()\d]{{2,20}}?)\s*{SPAN}")
NAMED_GROUP_RE = re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*(\S.*)$")  # "（三）时间步骤": a group's words


def grouped_stages(chosen: list[Entry]) -> list[Entry]:
    """A numbered list's entries with a group of stages ("（三）时间步骤" over "1.摸清底数阶段（2019年8月15日—9月15日）。…"
    "2.…" "3.…", each item dated by its span, MIN_STAGES or more) read as the schedule of the part's work, not as tasks:
    every other item of the part ("二、" over "（一）" … "（三）") is due at the last stage's end (完成时限) and has the
    earlier stages' ends as its checkpoints (进度安排), unless it names its own date; the group's heading and stages
    leave the list. The entries unchanged when no group is so."""
    for k, entry in enumerate(chosen):
        if entry.kind != "heading" or not (group := NAMED_GROUP_RE.match(entry.text)) \
                or not STAGES_HEADING_RE.search(group[1]):
            continue
        end = next((j for j in range(k + 1, len(chosen)) if chosen[j].kind == "heading"), len(chosen))
        items = [e for e in chosen[k + 1:end] if e.kind in ("item", "part")]
        spans = [SPAN_STAGE_RE.match(e.text) for e in items]
        if len(items) < MIN_STAGES or not all(spans) or any(e.units or e.labels for e in items):
            continue
        first = next((j for j in range(k - 1, -1, -1) if chosen[j].kind == "heading" and AREA_RE.match(chosen[j].text)), -1)
        last = next((j for j in range(end, len(chosen)) if chosen[j].kind == "heading" and AREA_RE.match(chosen[j].text)),
                    len(chosen))
        schedule = "；".join(f"{span_end(m[2])}前{m[1].strip()}" for m in spans[:-1])  # "2019年9月15日前摸清底数阶段"
        dated = [replace(e, labels={"完成时限": spans[-1][2].strip(), **({SCHEDULE_LABEL: schedule} if schedule else {}),
                                    **e.labels})
                 if e.kind in ("item", "part") and first < j < last and not DONE_BY_RE.search(e.text) else e
                 for j, e in enumerate(chosen)]
        return [*dated[:k], *dated[end:]]
    return chosen


# "（三）开展系列专题活动（2018年9月-11月）", "(一)全面开展清产核资(2018年4-9月)", "(四)…(2019年12月)": a group's heading
# closing with the span of its work, or the month it is due; a stage's, the day it is done by or its span from a day
# ("（一）部署发动阶段（6月5日前）", "（二）组织实施阶段（6月5日起至10月10日）")
DATE_CHARS = rf"[\d\s年月日上中下旬初底末份{JOIN_CHARS}]"
GROUP_SPAN_RE = re.compile(rf"^[（(]\s*[一二三四五六七八九十]+\s*[）)][^（）()]{{2,30}}?[（(]({DATE_CHARS}*\d\s*月{DATE_CHARS}*"
                           rf"(?:起\s*{JOIN}{DATE_CHARS}*\d{DATE_CHARS}*|之?前)?)[）)]\s*$")


def spanned_groups(chosen: list[Entry]) -> list[Entry]:
    """A numbered list's entries with each group heading that closes with a span ("（三）开展系列专题活动（2018年9月-11月）")
    over items of its own given the span as its 完成时限, its words the group's name alone: the group's items are due at
    its end, as a 完成时限 labelled under the heading would date them (list_numbered.numbered_table); an item's own label
    wins."""
    dated = []
    for k, entry in enumerate(chosen):
        below = chosen[k + 1] if k + 1 < len(chosen) else None
        if entry.kind == "heading" and (m := GROUP_SPAN_RE.match(entry.text)) and below is not None \
                and below.kind in ("item", "part") and "完成时限" not in entry.labels:
            entry = replace(entry, text=entry.text[:m.start(1) - 1].rstrip(),  # the group's name, its span a label
                            labels={**entry.labels, "完成时限": span_end(m[1])})  # its end: no start of each item
        dated.append(entry)
    return dated


# "（一）部署发动（2023年12月16日前）。…", "（二）组织实施（2023年12月17日至2024年3月15日）。…": a stage of the whole plan, its
# name and its date in the bracket after it, a span or a date it is done by ("…前")
PLAN_STAGE_RE = re.compile(rf"^[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*([^，,。；;：:（）()\d]{{2,20}}?)\s*"
                           rf"[（(]({DATE_CHARS}*\d\s*月{DATE_CHARS}*?(?:日前|前)?)[）)]")
PLAN_STAGES_RE = re.compile(rf"{STAGES_HEADING_RE.pattern}|工作安排")  # "三、工作安排" over the plan's stages


def plan_stages(chosen: list[tuple[str, str, str]], source: list[Row], labels: dict[int, list[Entry]]
                ) -> tuple[list[tuple[str, str, str]], list[Row], dict[int, list[Entry]]]:
    """A "(一)" run (list_bracketed: (kind, words, offices) each, its rows, {index: labelled paragraphs}) that runs on
    into a part of the plan's stages ("三、工作安排" over "（一）部署发动（2023年12月16日前）。…" "（二）组织实施（2023年12月
    17日至2024年3月15日）。…" "（三）…", MIN_STAGES or more, each dated in a bracket after its name): the stages are no
    tasks but the schedule of every measure before them (README: a document's stages): each measure naming no date of
    its own is due at the last stage's end (完成时限), the earlier stages' ends its checkpoints (进度安排). Where no item
    before the part states work ("三、检查对象和重点" over "（一）检查对象：全区…单位": fields of the plan, list_work.states_work),
    or the run opens with the part (held53: a list of checks "1．是否…" before it is no run), the stages stand in a part of
    their own and are the plan's tasks (_stage_tasks), each with its own span, not the campaign's. The run unchanged when
    it reaches no such part."""
    for k, (kind, words, _) in enumerate(chosen):
        if kind != "heading" or not (part := AREA_RE.match(words)) or not PLAN_STAGES_RE.search(part[2]):
            continue
        end = next((j for j in range(k + 1, len(chosen)) if chosen[j][0] == "heading"), len(chosen))
        stages = [PLAN_STAGE_RE.match(w) for _, w, _ in chosen[k + 1:end]]
        if len(stages) < MIN_STAGES or not all(stages):
            continue
        if not any(states_work(w) for kind_j, w, _ in chosen[:k] if kind_j not in ("heading", "top")):
            return _stage_tasks(chosen[k:end], source[k:end], {j - k: found for j, found in labels.items() if k <= j < end})
        schedule = "；".join(f"{span_end(m[2]).removesuffix('前')}前{m[1].strip()}" for m in stages[:-1])
        due = span_end(stages[-1][2])
        given = {j: found for j, found in labels.items() if j < k or j >= end}
        for j, (kind_j, words_j, _) in enumerate(chosen[:k]):
            own = given.get(j, [])
            if kind_j in ("heading", "top") or DONE_BY_RE.search(words_j) or any(e.code == "完成时限" for e in own):
                continue
            given[j] = [*own, Entry(source[k], "label", "完成时限", due), Entry(source[k], "label", SCHEDULE_LABEL, schedule)]
        kept = [j for j in range(len(chosen)) if not k <= j < end]
        return [chosen[j] for j in kept], [source[j] for j in kept], {new: given[j] for new, j in enumerate(kept) if j in given}
    return chosen, source, labels


def part_over_stages(chosen: list[tuple[str, str, str]], source: list[Row], labels: dict[int, list[Entry]], rows: list[Row]
                     ) -> tuple[list[tuple[str, str, str]], list[Row], dict[int, list[Entry]]]:
    """A "(一)" run (as plan_stages takes it; `rows` the page's) opening with stages dated in a bracket after their
    names and run into their paragraph ("（一）动员部署（2016年6月30日）。乡根据…", PLAN_STAGE_RE) under a part naming
    stages ("三、专项治理的时间和步骤") whose introduction stands between them ("…活动分两个阶段。" "第一阶段从…；第二阶段
    至…": paragraphs numbering nothing) and cut the run from it: the part's heading put back over them, so that
    plan_stages reads the part. A stage on a line of its own over its paragraphs is headed_stages'. The run unchanged
    else."""
    printed = row_texts(source[0])[0] if chosen and row_texts(source[0]) else ""  # its line, no paragraph below joined
    if not chosen or chosen[0][0] in ("heading", "top") or not (m := PLAN_STAGE_RE.match(printed)) \
            or not printed[m.end():].strip(" 。.：:"):  # a stage on a line of its own over its paragraphs: headed_stages'
        return chosen, source, labels
    at = next((k for k, row in enumerate(rows) if row is source[0]), 0)
    for k in range(at - 1, max(at - 1 - MAX_INTRO, -1), -1):
        if len(texts := row_texts(rows[k])) != 1:
            return chosen, source, labels
        if part := AREA_RE.match(texts[0]):
            if not PLAN_STAGES_RE.search(part[2]):
                return chosen, source, labels
            return [("heading", texts[0], ""), *chosen], [rows[k], *source], {j + 1: found for j, found in labels.items()}
        if entry_of(rows[k]) is not None or NAMED_GROUP_RE.match(texts[0]):
            return chosen, source, labels
    return chosen, source, labels


MAX_INTRO = 3  # the most paragraphs of a stages part's introduction above its first stage


def headed_stages(chosen: list[tuple[str, str, str]], source: list[Row], labels: dict[int, list[Entry]], rows: list[Row],
                  doers: Callable[[str], list[str]]) -> tuple[list[tuple[str, str, str]], list[Row], dict[int, list[Entry]]]:
    """A "(一)" run (as plan_stages takes it; `rows` the page's) that runs into a part of stages each on a line of its own
    over its paragraphs ("三、实施步骤" over "（一）动员部署（7月7日至7月14日）" and what is done in it, stages_after): the
    part read as its stages, each an item titled by its name alone, due at its span's end and started on its first day
    (README: a document's stages in a part of their own are tasks), led by the doers its first paragraph names
    (`doers`); the run's items past the part kept. A run ending
    right above such a part (its last item's paragraphs past) reads it too. The run unchanged when it reaches no such
    part."""
    last = max([rows.index(source[-1]), *(rows.index(e.row) for e in labels.get(len(chosen) - 1, []) if e.row in rows)]) \
        if source else len(rows)
    if last + 1 < len(rows) and (found := stages_after(rows[last + 1:])):  # the part right after the run's last item
        chosen, source = [*chosen, ("heading", row_texts(rows[last + 1])[0], "")], [*source, rows[last + 1]]
    for k, (kind, words, _) in enumerate(chosen):
        if kind != "heading" or not (part := AREA_RE.match(words)) or not STAGES_HEADING_RE.search(part[2]) \
                or not (found := stages_after(rows[(at := rows.index(source[k])):])):
            continue
        end = next((j for j in range(at + 1, len(rows)) if len(t := row_texts(rows[j])) == 1 and AREA_RE.match(t[0])), len(rows))
        after = [j for j in range(k + 1, len(chosen)) if rows.index(source[j]) >= end]
        stages = [(NAMED_GROUP_NUMERAL_RE.match(e.text)[1], e.text, "") for e in found[1:]]
        given = {j: labels[j] for j in range(k + 1) if j in labels}
        given |= {k + 1 + n: [Entry(e.row, "label", code, text) for code, text in {**e.labels, **_doers_below(e.row, rows, doers)}.items()]
                  for n, e in enumerate(found[1:])}
        given |= {k + 1 + len(stages) + n: labels[j] for n, j in enumerate(after) if j in labels}
        return ([*chosen[:k + 1], *stages, *(chosen[j] for j in after)],
                [*source[:k + 1], *(e.row for e in found[1:]), *(source[j] for j in after)], given)
    return chosen, source, labels


def _doers_below(row: Row, rows: list[Row], doers: Callable[[str], list[str]]) -> dict[str, str]:
    """The lead (the first) and units of a stage, the doers its first paragraph names (`doers`:
    list_doers.paragraph_doers)."""
    at = rows.index(row) + 1
    found = doers(row_texts(rows[at])[0]) if at < len(rows) and len(row_texts(rows[at])) == 1 else []
    return {**({LEAD_LABEL: found[0]} if found else {}), **({"配合单位": "、".join(found[1:])} if found[1:] else {})}


NAMED_GROUP_NUMERAL_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]")  # "（二）…": the item's numeral


def _stage_tasks(part: list[tuple[str, str, str]], source: list[Row], labels: dict[int, list[Entry]]
                 ) -> tuple[list[tuple[str, str, str]], list[Row], dict[int, list[Entry]]]:
    """A part of stages ("四、实施步骤" over "（一）动员部署阶段(2016年11月28日至12月5日)。各单位…" …, plan_stages) that
    is the plan's work, no schedule of other items: the run read as the part alone (README: a document's stages in a
    part of their own are tasks; the parts around it name fields of the plan or how its stages are carried out, "五、
    工作措施及要求"), each stage an item titled by its name and paragraph without the bracket ("动员部署阶段。各单位…", as
    a name run into its paragraph is), due at its span's end (完成时限, a span across the year's end dated by its own
    years) and started on its first day (开工时间: a checkpoint), its own labelled paragraphs kept."""
    read, given = [part[0]], {}
    for j, (kind, words, units) in enumerate(part[1:], 1):
        m = PLAN_STAGE_RE.match(words)
        read.append((kind, f"{words[:m.end(1)].rstrip()}{words[m.end():].lstrip()}", units))
        dates = [Entry(source[j], "label", "完成时限", span_end(m[2]))]
        dates += [Entry(source[j], "label", "开工时间", first)] if (first := first_of(m[2])) else []
        given[j] = [*labels.get(j, []), *dates]
    return read, source, given


def _stages_part(rows: list[Row]) -> tuple[list[list[str]], re.Match] | None:
    """The rows' texts and the heading of the part they open with, when that heading names stages ("三、时间安排",
    "五、工作步骤": STAGES_HEADING_RE) on a line of its own; None otherwise."""
    texts = [row_texts(row) for row in rows]
    if not texts or len(texts[0]) != 1 or not (part := AREA_RE.match(texts[0][0])) or not STAGES_HEADING_RE.search(part[2]):
        return None
    return texts, part
