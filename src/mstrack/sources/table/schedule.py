"""Schedule text cut into dated periods at its period labels ("一季度", "3月底前", "7-9月") and sub-project headings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from mstrack.domain.dates import (
    NEXT_YEAR_WORDS,
    PERIOD_LABEL,
    PERIOD_RE,
    YEAR_ALONE,
    DateError,
    before_the_year,
    parse_date,
    period_end,
)
from mstrack.domain.quantities import chinese_count
from mstrack.sources.table.spans import JOIN, JOIN_CHARS, JOIN_RE, day_span
from mstrack.vocabulary import COMMITMENTS, COMPLETION_VERBS, ITEM_STEP_VERBS, START_VERBS

# A period starts a checkpoint only at the start of the cell or after a sentence break, so that
# "开展7-9月份测评" stays text; "1.4月底前" in a numbered list is item 1, April, and "①2月上旬前" step ①, February.
MARKER_RE = re.compile(rf"(?:^|(?<=[\s。；;！!？?：:，,]))(?:\d{{1,2}}[.．、]\s*|[①-⑳]\s*)?(?P<label>{PERIOD_LABEL})[，,：:、\s]*")


@dataclass(kw_only=True)
class Block:
    """One sub-project of a schedule cell: its heading ("（1）新增养老机构床位300张") and its periods."""

    heading: str = ""
    number: str | None = None
    periods: list[tuple[str, date, str]] = field(default_factory=list)  # (label, due, text)
    undated: str = ""
    partial: bool = False  # from a plan column for one month (月度工作计划): its dates are checkpoints, never the deadline
    month_goal: bool = False  # undated goals the one-month column dates (月度目标要求 under "2024年11月…"): no year's target


HEAD_NUMBER_RE = re.compile(r"^[（(]\s*(\d+)\s*[）)]\s*")
HEAD_COLON_RE = re.compile(r"^([^，,。；;：:\n]{2,40}?)\s*[：:]\s*")


def split_schedule(text: str, year: int) -> list[Block]:
    """Cut a schedule cell at its period labels ("3月底前", "一季度", "全年") and sub-headings."""
    blocks = [Block()]
    for raw in text.split("\n"):
        line = month_digits(raw.strip())
        if not line:
            continue
        number = None
        if m := HEAD_NUMBER_RE.match(line):
            number, rest = m[1], line[m.end():]
            first = MARKER_RE.search(rest)
            heading, body = (rest[: first.start()], rest[first.start():]) if first else (rest, "")
            blocks.append(Block(heading=heading.strip(), number=number))
            line = body
        elif (m := HEAD_COLON_RE.match(line)) and not PERIOD_RE.match(m[1]) and not MARKER_RE.match(line):
            blocks.append(Block(heading=m[1].strip(), number=blocks[-1].number))
            line = line[m.end():]
        _add_periods(blocks, line, year)
    return [b for b in blocks if b.heading or b.periods or b.undated.strip()]


# a clause that opens with what it dates, then the period and a verb of starting or completing ("泵站改造3月开工",
# "宏图路年内完成工程量的50%"): the period starts a checkpoint too, its subject the first words of its text
SUBJECT_MARKER_RE = re.compile(rf"(?:^|(?<=[\s。；;！!？?：:，,]))(?P<subject>[\u4e00-\u9fff]{{2,8}}?)(?P<label>{PERIOD_LABEL})"
                               rf"(?=\s*(?:{'|'.join(START_VERBS)}|{'|'.join(COMPLETION_VERBS)}))")


# words before a period that frame a plan or a report, no subject ("计划于2月下旬完成整改", "预计", "确保"): the clause
# stays the text of the period before it, as a label mid-sentence does
FRAMING_RE = re.compile(rf"[于在将拟]$|计划|预计|{'|'.join(COMMITMENTS)}")


def _markers(line: str) -> list[re.Match]:
    """The period labels that start a checkpoint: at a clause's start (MARKER_RE), or after its subject
    (SUBJECT_MARKER_RE), in their order."""
    plain = list(MARKER_RE.finditer(line))
    subjects = [m for m in SUBJECT_MARKER_RE.finditer(line) if not any(p.start() <= m.start("label") < p.end() for p in plain)
                and not FRAMING_RE.search(m["subject"])]
    return sorted([*plain, *subjects], key=lambda m: m.start())


def _add_periods(blocks: list[Block], line: str, year: int) -> None:
    markers = _markers(line)
    lead = line[: markers[0].start()] if markers else line
    if lead.strip():
        block = blocks[-1]
        if block.periods:
            label, due, body = block.periods[-1]
            block.periods[-1] = (label, due, body + lead.strip())
        else:
            block.undated += lead.strip()
    for i, m in enumerate(markers):
        end = markers[i + 1].start() if i + 1 < len(markers) else len(line)
        label = re.sub(r"\s+", "", m["label"])
        subject = m.groupdict().get("subject") or ""
        due = period_end(label, year)
        block = blocks[-1]
        if len(block.periods) >= 2 and due < block.periods[-1][1]:
            block = Block(heading="", number=block.number)  # a sequence of periods starts over: another sub-project
            blocks.append(block)
        same = [k for k, (_, d, _) in enumerate(block.periods) if d == due]
        if same:
            k = same[0]  # "全年…" after the fourth quarter: one checkpoint
            block.periods[k] = (block.periods[k][0], due, block.periods[k][2] + line[m.start(): end])
        elif block.periods and due < block.periods[-1][1]:
            block.periods.append((label, due, subject + line[m.end(): end]))
            block.periods.sort(key=lambda p: p[1])
        elif block.periods and due == block.periods[-1][1]:
            old_label, old_due, old_body = block.periods[-1]  # "全年…" after the fourth quarter: one checkpoint
            block.periods[-1] = (old_label, old_due, old_body + line[m.start(): end])
        else:
            block.periods.append((label, due, subject + line[m.end(): end]))


# "在2022年11月份前完成改造" in a content cell: a date the words set, in running text ("在…前" is before the month)
DATED_COMPLETION_RE = re.compile(r"在\s*(?P<label>(?:\d{4}\s*年\s*)?(?:1[0-2]|0?[1-9])\s*月(?:份|底)?\s*之?前)\s*完成[^，,。；;]*")


# the month the whole work is done by, inside the words of a target ("…，预计2024年5月完工，…", "…，9月底前完成。"): a
# completion verb that ends its clause, after a word of plan or commitment or none; "6月底前完成招标" completes a step
COMPLETION_MONTH_RE = re.compile(r"(?:^|(?<=[，,；;。、\s]))(?:[\u4e00-\u9fff]{2,20}?(?:公司|局|委|办|政府|中心|指挥部)\s*(?=必须|务必))?"
                                 r"(?:预计|计划|确保|力争|争取|将|拟|必须|务必)?\s*(?:在|于)?\s*"
                                 r"(?P<label>(?:\d{4}\s*年\s*)?(?:1[0-2]|0?[1-9])\s*月\s*(?:份|底|末)?\s*(?:之?前)?)\s*(?:全部|全面|基本)?\s*"
                                 r"(?:完工|竣工|建成|完成)(?:并?投入使用|并?投用|交付使用|(?:建成|建设)?目标(?:任务)?)?(?=\s*[，,；;。]|\s*$)")

# "原则上2017年底前要完成分配90%", "确保2024年底前全面完成": the year's end the words say the work is done by (a year of
# the programme's: "2013年底前开工建设的公租房" picks the stock, a start, no completion)
YEAR_END_COMPLETION_RE = re.compile(r"(?:^|(?<=[，,；;。、\s]))(?:原则上|预计|计划|确保|力争|争取|必须|务必)?\s*(?:在|于)?\s*"
                                    r"(?P<label>\d{4}\s*年\s*(?:底|末)\s*(?:之?前)?)\s*(?:要|须|需|应)?\s*(?:全部|全面|基本)?\s*"
                                    r"(?:完工|竣工|建成|完成)")


# "…实施中心村卫生室建设,年底前,6家中心村卫生室达到…": the year's end opening a clause, a comma after it, in the words of
# an item no column dates: the work after it is due then, and it is the item's one date of completion
YEAR_END_OPENING_RE = re.compile(rf"(?:^|(?<=[，,；;。]))\s*(?:{'|'.join(COMMITMENTS)})?\s*(?P<label>年\s*(?:底|末)\s*(?:之?前)?)\s*[，,]")


def completion_month(text: str, year: int) -> tuple[str, date] | None:
    """(label, due) of the one month the words say the work is done by ("预计2024年5月完工", "原则上2024年底前要完成分配90%",
    "…建设,年底前,6家…达到…"),
    in the programme's year: a deadline where no column prints one; none where the words name two such months, or the
    month of another year."""
    found: dict[date, str] = {}
    for label, due, _ in [*_dated_labels(COMPLETION_MONTH_RE, text, year), *_dated_labels(YEAR_END_COMPLETION_RE, text, year),
                           *_dated_labels(YEAR_END_OPENING_RE, text, year)]:
        found.setdefault(due, label)
    if len(found) != 1 or (due := next(iter(found))).year != year:
        return None
    return found[due], due


def dated_completions(text: str, year: int) -> list[tuple[str, date, str]]:
    """(label, due, words) of each "在X月份前完成…" of a content cell: a checkpoint at the end of the month before,
    "在X月底前完成…" at the month's end."""
    return _dated_labels(DATED_COMPLETION_RE, text, year)


def _dated_labels(pattern: re.Pattern, text: str, year: int) -> list[tuple[str, date, str]]:
    """(label, due, words) of each match of `pattern` whose month label ("在X月份前", "2024年5月") is a date."""
    found = []
    for m in pattern.finditer(text or ""):
        label = re.sub(r"\s+", "", m["label"])
        try:
            due = period_end(label.replace("月份前", "月前"), year)
        except DateError:
            continue
        found.append((label, due, m[0]))
    return found


# what is done by a date ("建成", "投入使用"); 开工 starts the work, and dates a checkpoint at most (vocabulary's lists)
COMPLETION = "|".join(COMPLETION_VERBS)
START = "|".join(START_VERBS)
ITEM_STEP = "|".join(sorted(ITEM_STEP_VERBS, key=len, reverse=True))
# "…3所，9月底前投入使用", "…，年底前完成", "2024年开工、2026年建成": a clause that starts with a date and says what is
# done by then, after a word of commitment or not ("确保2022年完工", "力争6月底前建成"); "2023年开工的学校" (…的)
# describes, and "2025年建成区绿化覆盖率" names a place (建成区); a month, a day or a quarter with 前, and 年底前 opening
# the sentence, date whatever verb follows them ("2022年10月底前编制并公布…清单", "10月30日前改造…", "年底前改造老旧小区
# 20个", "确保年底前改造…" after a word of commitment: opening the item as closing it), not a description ("6月底前开工
# 的项目"); 上半年 / 下半年 date a verb of doing, of starting or a level reached ("养老床位上半年达到1000张"), and so does
# a quarter ("一季度开工10个", "上半年累计开工20个", "三季度全部开工"), not a report of the half ("上半年推进情况");
# "年底前全部通水" is the task's own deadline
# a second step joined by 于 ("…并于11月底前报批") starts a clause too, and so does a dated part ("其中6月底前开工40个",
# "（其中…）"); "10月底前后" (around) is no step
# a deadline phrase right after a clause's short subject ("县人社局6月底前组织…", "养老床位6月底前达到…") dates the clause too
SUBJECT_DEADLINE = r"(?:\d{1,2}\s*月\s*(?:底|末)?\s*之?前|第?[一二三四1-4]\s*季度\s*(?:之?前|末)|年\s*底\s*之?前|[上下]半年)"
# a later year's end or a later year alone dates whatever verb follows it but a start ("2017年底前制定…", "2020年底前全区
# 70%以上…", "2020 年底前" with a space as printed, "2017年先行配备…": `later`; the programme's own year is its
# deadline's, no step, unless its end is named as a day: _year_end_named); "8月份前" dates it as "8月前" does, and
# "在" leads to a date as "于" does ("要在8月份前进一步健全…"); a clause that says what is due ("8月份前要建立科学
# 的…体系") is no description for its 的, nor is a state to hold by then ("12月份前具有…资格的财务工作者，原则上…不得少于2人":
# 具有, 具备, 拥有 say what is had at the date; "6月底前开工的项目" picks projects by when an event happened)
# an office as that subject ("县人社局6月底前组织…") says who does the work, and is no part of what is counted; a document's
# name in 《》 is such a subject too ("推动《…建设方案》上半年获批": the date after its closing mark opens the step)
OFFICE_SUBJECT_RE = re.compile(rf"^\s*[\u4e00-\u9fff]{{1,8}}?(?:局|委|办|厅|人民政府|办事处)\s*(?={SUBJECT_DEADLINE})")
OPENING_YEAR_END = "|".join(f"(?<=^{word}年底前)" for word in ("", *COMMITMENTS))
CLAUSE_DATE_RE = re.compile(rf"(?:^|(?<=[，,；;。、\s（(》])|(?<=[于在]))(?:其中)?\s*(?:{'|'.join(COMMITMENTS)})?\s*"
                            rf"(?P<subject>(?!{NEXT_YEAR_WORDS})[\u4e00-\u9fff]{{2,8}}?(?={SUBJECT_DEADLINE}))?"
                            rf"(?P<label>{PERIOD_LABEL}|{YEAR_ALONE})\s*(?:全部|全面|基本)?\s*"
                            rf"(?:(?P<done>{COMPLETION})(?![的区])|(?:(?<=月底前)|(?<=月末前)|(?<=月前)|(?<=月份前)|"
                            rf"(?P<later>(?:(?<=\d年底前)|(?<=\d\s年底前)|(?<=\d年)(?!\s*(?:{COMPLETION})))(?!\s*(?:{START})))|(?<=季度前)|{OPENING_YEAR_END}|(?<=日前)|(?<=[月底末度日]之前)|(?<=[月底日]以前)|(?:(?<=季度)|(?<=半年))"
                            rf"(?=\s*(?:累计|全部|全面|基本)?\s*(?:{START}|{COMPLETION}|达到|新增|新建|(?P<own>{ITEM_STEP}))))(?!\s*后)"
                            rf"(?=\s*[\u4e00-\u9fff]{{2}})(?!(?!\s*(?:[要对]|具有|具备|拥有))[^，,；;。]*的))")
# what may follow a verb of completion when it completes the sentence's own work ("9月底前建成并投入使用", "年底前完成
#建设任务"); any other object ("6月底前完成设计招标", "三季度前完成招标") is a step of its own, a text checkpoint
DONE_REST_RE = re.compile(rf"(?:并|全部|全面|基本|各项|所有|年度|目标|建设|改造|任务|工作|验收|交付使用|{COMPLETION}|运营|项目|\s)*")
CLAUSE_BREAK_RE = re.compile(r"[，,]")
DONE_BY_RE = re.compile(r"已经?\s*[于在]?\s*$")  # "已于" before a date: the day the work was done, reported


def without_date(words: str) -> str:
    """The words after the date a step opens with ("第三季度前完成" → "完成")."""
    m = CLAUSE_DATE_RE.match(words.strip())
    return words.strip()[m.end("label"):] if m else words


def step_subject(words: str) -> str:
    """The subject a dated step opens with, unless it is an office ("护理床位6月底前达到" → 护理床位; "县人社局6月底前完成"
    → ""): a thing the step names, which without_date drops with the date."""
    m = CLAUSE_DATE_RE.match(words.strip())
    return "" if m is None or not m["subject"] or OFFICE_SUBJECT_RE.match(words) else m["subject"]


def dated_clauses(text: str, year: int) -> list[tuple[str, date, str]]:
    """(label, due, words) of each clause of a content cell that starts with a date: where its verb completes the
    sentence's work ("新建幼儿园3所，9月底前投入使用") the words are the sentence, whose figures are due then; a step with
    an object of its own ("新建公厕10个，3月底前编制建设方案") is its own clause only, a text checkpoint, and the
    sentence's figures stay due at the deadline. A year ("2025年完成…小学建设") dates the task's work, a step of a
    programme's year being a month's or a quarter's. "在…前完成" is dated_completions'."""
    found = []
    for sentence, openings in _sentences(month_digits(text or ""), year):
        matches = [m for m in CLAUSE_DATE_RE.finditer(sentence)
                   if not DATED_COMPLETION_RE.search(sentence[max(0, m.start() - 2): m.end() + 2])
                   and not (m["own"] and m["own"] not in sentence[:m.start()])  # "一季度发放30%": the item's own verb
                   and not DONE_BY_RE.search(sentence[:m.start()])  # "该项目已于9月1日前完工": a result's date, no deadline
                   and not (m["later"] is not None and _clause_due(m, year).year <= year
                            and not _year_end_named(m, year))]  # "2024年出台…" in 2024's programme: by its end, no
        # step of it; "…，2020年底前要对…核查" names the year's end as "12月底前" does: a clause dated then
        for k, (label, due, at) in enumerate(openings):  # "到2020年，…；有机肥养分还田率达到60%": each opening date's words
            stops = [m.start() for m in matches if m.start() >= at] + [o[2] for o in openings[k + 1:]] + [len(sentence)]
            if len(words := sentence[at: min(stops)].strip(" ，,")) >= 2:
                found.append((label, due, words))
        spans = [(m.start(), _clause_end(sentence, matches, i)) for i, m in enumerate(matches)]
        for i, m in enumerate(matches):
            label = _clause_label(m)
            try:
                due = period_end(label, year)
            except DateError:
                continue
            if due.year < year:  # "2023年完成投资30亿元" in 2024's programme: history, no deadline
                continue
            end = spans[i][1]
            rest = sentence[m.end(): end]
            whole = label.endswith("年底") or m["done"] and DONE_REST_RE.fullmatch(rest) is not None
            clause = re.sub(r"[并且]?于$", "", sentence[m.start(): end].strip(" ，,"))  # "…并于" leads to the next step
            clause = clause if re.search(r"[（(]", clause) else re.sub(r"\s*[）)]+$", "", clause)  # "（其中…）"
            found.append((label, due, _less_steps(sentence, spans[:i]) if whole else clause))
        found += _started(sentence, year)
    return found


def _year_end_named(m: re.Match, year: int) -> bool:
    """A clause opened by the programme's year's end named as a day ("2020年底前要对…", "2020年末前…"), not by the year
    alone ("2020年出台…"): dated then, as "12月底前" dates its clause."""
    return _clause_due(m, year).year == year and re.search(r"\d\s*年\s*[底末]", m["label"]) is not None


def _clause_label(m: re.Match) -> str:
    """A dated clause's label as period_end reads it: "8月份前" by the end of July, "2025年" by the year's end, "2017年前"
    and "2017年之前" (before 2017) by the end of 2016 (domain.dates.before_the_year, as a 完成时限 is), "上半年" that half's."""
    label = re.sub(r"\s+", "", m["label"]).replace("月份前", "月前")
    if (before := re.fullmatch(r"(\d{4})年", label)) and re.match(r"\s*之?前", m.string[m.end():]):  # "2017年(之)前"
        return f"{int(before[1]) - 1}年底"
    return label + ("底" if label.endswith("年") and not label.endswith("半年") else "")


def _clause_due(m: re.Match, year: int) -> date:
    """The day a dated clause's label names; the programme's year's end where it names none."""
    try:
        return period_end(_clause_label(m), year)
    except DateError:
        return date(year, 12, 31)


# a date that opens a clause before a comma ("2017年6月底前，完成…", "…，力争到2020年，实现…", "到2020年，…"), or a
# year after 到/至 run into the words it dates ("至2025年推广…", "到2025年基本实现…"): the words after it are due then,
# to the end of its sentence, each part after "；" too, up to a date of their own; the season the date is named by may
# lead to it ("在赤潮发生期4-6月份，技术人员分赴…")
OPENING_DATE_RE = re.compile(rf"(?:^|(?<=[，,]))\s*(?:{'|'.join(COMMITMENTS)})?\s*(?:在[\u4e00-\u9fff]{{1,8}}?期间?)?\s*(?P<to>到|至)?\s*"
                             rf"(?P<label>{PERIOD_LABEL}|{YEAR_ALONE})"
                             r"(?:\s*[，,]|(?(to)(?<=\d年)(?=[\u4e00-\u9fff])(?![底末前中内初])|(?!)))")


# "区海洋与渔业技术中心4-5月份举办…培训班": a span of months the year's event is held in, an office before it or none
MONTH_SPAN = rf"(?:1[0-2]|0?[1-9])\s*(?:月份?)?\s*{JOIN}+\s*(?:1[0-2]|0?[1-9])\s*月份?"
EVENT_SPAN_RE = re.compile(rf"(?:^|(?<=[，,]))\s*(?:[\u4e00-\u9fff]{{2,16}}?(?:局|委|办|中心|站|所|队|院|政府|处))?\s*"
                           rf"(?P<label>{MONTH_SPAN})\s*(?=(?:举办|开展|组织|召开|举行)[\u4e00-\u9fff])")


# "10-12月，组织开展…": a span of months that opens the words and runs to the year's end: the work's own period, due then
YEAR_SPAN_END_RE = re.compile(rf"\s*(?:1[01]|0?[1-9])\s*{JOIN}+\s*12\s*月\s*[，,]")


def _sentences(text: str, year: int) -> list[tuple[str, list[tuple[str, date, int]]]]:
    """The parts of a text between "；" and "。", each with the dates clauses of its sentence open with before a comma
    (label, due, where in the part the words it dates begin; a part after the sentence's last such date is dated by it
    from its start): a later year's date (a year alone by its end) or a month's of the programme's year, not the
    programme's year's end, which says no more than its deadline."""
    parts = []
    for sentence in re.split(r"[。\n]", text):
        last = None
        for part in re.split(r"[；;]", sentence):
            openings = [(last[0], last[1], 0)] if last else []
            for m in sorted([*OPENING_DATE_RE.finditer(part), *EVENT_SPAN_RE.finditer(part)], key=lambda m: m.start()):
                label = _clause_label(m)
                try:
                    due = period_end(label, year)
                except DateError:
                    continue
                if due.year >= year and (due != date(year, 12, 31) or YEAR_SPAN_END_RE.match(part, m.start())):
                    openings.append((label, due, m.start()))
                    last = openings[-1]
            parts.append((part, openings))
    return parts


# "自4月份开始每月调度并通报…", "从3月起每周巡查": a duty that starts in a month of the year, the rest of it recurring;
# "2022年9月1日起，停止…": the day a change takes effect (a day, so 自 may go unsaid)
STARTED_RE = re.compile(r"(?:^|(?<=[，,、\s]))(?:(?:自|从)\s*(?P<label>(?:1[0-2]|[1-9])\s*月)份?\s*(?:开始|起)(?=[\u4e00-\u9fff])|"
                        r"(?:自|从)?\s*(?P<day>(?:\d{4}\s*年\s*)?(?:1[0-2]|[1-9])\s*月\s*\d{1,2}\s*日)\s*起\s*[，,]?(?=[\u4e00-\u9fff]))")


def _started(sentence: str, year: int) -> list[tuple[str, date, str]]:
    """The month a recurring duty starts in, or the day a change takes effect, a checkpoint in words: the clause from
    there (no figure: "自4月起每月新增…" is a monthly amount, period_amounts')."""
    found = []
    for m in STARTED_RE.finditer(sentence):
        stop = CLAUSE_BREAK_RE.search(sentence, m.end())
        clause = sentence[m.start(): stop.start() if stop else len(sentence)].strip()
        if not re.search(r"\d", clause[m.end() - m.start():]):
            label = re.sub(r"\s+", "", m["label"] or m["day"])
            found.append((label, period_end(label, year), clause))
    return found


def _clause_end(sentence: str, matches: list[re.Match], i: int) -> int:
    stop = CLAUSE_BREAK_RE.search(sentence, matches[i].end())
    return min(stop.start() if stop else len(sentence), matches[i + 1].start() if i + 1 < len(matches) else len(sentence))


def _less_steps(sentence: str, steps: list[tuple[int, int]]) -> str:
    """The sentence that a last date completes, less the steps dated before it ("修复道路30公里，三季度前完成15公里，年底前
    全部完成" → "修复道路30公里，年底前全部完成"): each step is due at its own date, not again at the last."""
    for start, end in reversed(steps):
        sentence = sentence[:start] + sentence[end:]
    return re.sub(r"[，,]\s*(?=[，,])", "", sentence).strip(" ，,")


MARKS_RUN_RE = re.compile(r"[，,；;。]\s*(?:[，,；;。]\s*)+")
MARK_STRENGTH = {"，": 0, ",": 0, "；": 1, ";": 1, "。": 2}


def one_mark(text: str) -> str:
    """The words left where a dated clause was taken out, each run of marks it left between them made its strongest
    ("…建设。；力争到2030年…" → "…建设。力争到2030年…", "10座；；年底前…" → "10座；年底前…")."""
    return MARKS_RUN_RE.sub(lambda m: max(re.sub(r"\s", "", m[0]), key=MARK_STRENGTH.__getitem__), text)


YEAR_RANGE_RE = re.compile(rf"((?:19|20)\d{{2}})\s*年?\s*{JOIN}+\s*((?:19|20)\d{{2}})\s*年?\s*(?:底|末)?\s*(?:前|完成|建成)?")


YEAR_DIGITS = {c: str(n) for n, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "O": "0"}  # 二〇二四: digit by digit
CHINESE_YEAR_RE = re.compile(r"[〇零○O一二三四五六七八九]{4}(?=\s*年)")
# a month or day in Chinese numerals after a year (Chinese or Arabic), a month or a range's 至 / 到 / — / - / ~;
# or a bare month ending a deadline ("六月底前"), never one inside item text ("三月街")
CHINESE_MONTH_DAY_RE = re.compile(rf"(?<=[年月{JOIN_CHARS}])\s*([一二三四五六七八九十]{{1,3}})(?=\s*[月日号])"
                                  r"|(?<![第〇零○一二三四五六七八九十])([一二三四五六七八九十]{1,2})(?=\s*月\s*[底前末])")
# "到20 18年": a year broken by a copy's space, joined again (no figure stands so before 年: "20 18" is no count)
BROKEN_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20))[^\S\n]+(\d\d)(?=\s*年)")  # a space of any width (NBSP too)
DATED_RE = re.compile(r"\d{4}\s*年|(?:19|20)[^\S\n]+\d\d\s*年|\d{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*[日号]|"
                      r"[〇零○O一二三四五六七八九]{4}\s*年|[一二三四五六七八九十]{1,2}\s*月\s*[底前末]")


def arabic_date(text: str) -> str:
    """A date typeset in Chinese numerals ("二〇二四年六月", "二〇二四年十一月三十日", "2024年六月至十二月", "六月底前")
    in digits: 2024年6月, 2024年11月30日, 2024年6月至12月, 6月底前; a year a copy's space broke ("到20 18年") whole."""
    def days(m: re.Match) -> str:  # a month or a day is a count ("十一" 11); "一二" is none and stays as printed
        count = chinese_count(m[1] or m[2])
        return m[0] if count is None else str(count)

    if not DATED_RE.search(text):
        return text
    text = CHINESE_YEAR_RE.sub(year_in_digits, BROKEN_YEAR_RE.sub(r"\1\2", text))
    return CHINESE_MONTH_DAY_RE.sub(days, text)


def year_in_digits(m: re.Match) -> str:
    """A year in Chinese numerals matched whole ("二〇二四") in digits, digit by digit ("2024"): a date's, or a title's."""
    return "".join(YEAR_DIGITS[c] for c in m[0])


# where a deadline is expected, a month in Chinese numerals at the start of the cell or of one of its dates ("六月、十二月",
# "十月一日前") names it when no word goes on from the month ("六月", "十二月份", "六月中旬", "六月完成", "十月一日";
# "三月街改造" is a street); in other text only one before 底 / 前 / 末 is a date (CHINESE_MONTH_DAY_RE)
MONTH_RE = re.compile(rf"(?:^|(?<=[、，,；;\s{JOIN_CHARS}]))([一二三四五六七八九十]{{1,3}})(?=\s*月(?:份|[上中下]旬|底|末|前|内"
                      rf"|{COMPLETION}|{START}|投入|[一二三四五六七八九十]{{1,3}}\s*[日号]|[^\u4e00-\u9fff]|$))")


def month_digits(text: str) -> str:
    """A date's month and day in Chinese numerals as digits, read the same wherever dates are ("六月、十二月",
    "3月底前、六月底前"): the one conversion (domain.quantities.chinese_count)."""
    return arabic_date(MONTH_RE.sub(_month_in_digits, text))


def _month_in_digits(m: re.Match) -> str:
    count = chinese_count(m[1])
    return str(count) if count and count <= 12 else m[0]


def span_start(text: str, year: int) -> tuple[date, str] | None:
    """The first day of a 完成时限 that is a span of two days ("4月10日至4月25日"): the work starts then, (the day, "4月10日起");
    None for any other text."""
    if not (days := day_span(month_digits(text))):
        return None
    try:
        return parse_date(days[0], year), f"{days[0]}起"
    except DateError:
        return None


def parse_deadline(text: str, year: int) -> date | None:
    """完成时限 as printed: "2023.11", "12月底前", "9月投入使用", "5月底前动工", "二〇二四年六月"; None when no date is
    named. A span of two days is due on its second ("11月1日至11月15": the 15th, its 日 left out)."""
    body = month_digits(text.strip())
    if not body:
        return None
    if days := day_span(body):  # "2016年10月24日-28日": the 28th of October 2016
        body = days[1]
    if dates := numbered_deadlines(body, year):  # "1、7月1日试运营 2、2022年12月底完成": due when the last item is
        return max(due for _, due in dates)
    if dates := outlet_dates(body, year):  # "县报，5月15日；县电视台，5月8日至5月12日": due when the last is
        return dates[-1][1]
    if before := before_the_year(body):  # "2025年前": before 2025, as in a schedule's words (a doubt names the other)
        return before[0]
    if m := re.fullmatch(r"(\d{4})\s*年?\s*(?:底|末|内|度|全年|年底|年内)?\s*(?:前|完成|建成)?", body):  # "2024": the year's end
        try:
            return period_end("年底", int(m[1]))
        except DateError:
            return None
    if (m := YEAR_RANGE_RE.fullmatch(body)) and int(m[1]) < int(m[2]):  # "2022-2023" (起止年限): the later year's end
        try:
            return period_end("年底", int(m[2]))
        except DateError:
            return None
    if re.fullmatch(r"\d{1,3}(?:\.0)?", body):  # "12", "8": a month, a day or a count, the cell does not say (a date cell
        return None  # showing 1900-01-12 is 12 typed into it): no date, said, never the year's end a date parser makes of it
    try:
        return parse_date(body, year)
    except DateError:
        pass
    labels = list(PERIOD_RE.finditer(re.sub(r"\s+", "", body)))
    try:
        return period_end(labels[-1][0], year) if labels else None
    except DateError:
        return None


def dated_parts(text: str, year: int) -> list[tuple[str, date, str]]:
    """A 完成时限 cell naming several dates in turn ("6月底前开工，11月底前完工", "上半年完成2条，年底前全部完成",
    "2024年6月、12月"): (label, due, its words) of each; [] for one date, a span ("2023.01-2023.12") or dates that
    do not run forward."""
    body = re.sub(r"\s+", "", text or "")
    marks = list(PERIOD_RE.finditer(body))
    parts: list[tuple[str, date, str]] = []
    for k, m in enumerate(marks):
        words = body[m.end(): marks[k + 1].start() if k + 1 < len(marks) else len(body)]
        if k + 1 < len(marks) and JOIN_RE.fullmatch(words):
            return []  # from one month to another: one period
        try:
            parts.append((m[0], period_end(m[0], year), words.strip("，,、；;。（()）")))
        except DateError:
            return []
    if len(parts) < 2 or any(b[1] <= a[1] for a, b in zip(parts, parts[1:], strict=False)) \
            or not HOW_OFTEN_RE.fullmatch(body[:marks[0].start()]):
        return []
    return parts


# "每季度（9月18日、12月18日）": how often, then the dates it falls on in a bracket
HOW_OFTEN_RE = re.compile(r"(?:(?:每|按)(?:季度?|月|半年|年)[（(])?")


def outlet_dates(text: str, year: int) -> list[tuple[str, date, str]]:
    """A cell giving one date to each of its parts, parted by "；" ("县报，5月15日；县电视台，5月8日至5月12日；县网站，5月10日":
    a notice's date per outlet or per office), in any order: (label, due, its part's words) of every date, a span's
    first and last day both, sorted; the last is the cell's deadline, the others its checkpoints. [] for a cell of one
    part, or a part naming no date or dates that are no span."""
    parts = [p.strip(" 。.，,") for p in re.split(r"[；;]", month_digits(text or "")) if p.strip(" 。.，,")]
    if len(parts) < 2:
        return []
    found: dict[date, tuple[str, date, str]] = {}
    for part in parts:
        marks = list(PERIOD_RE.finditer(part))
        if not marks or len(marks) > 2 or len(marks) == 2 and not JOIN_RE.fullmatch(part[marks[0].end():marks[1].start()]):
            return []
        words = part[:marks[0].start()].strip(" ，,：:")
        for k, m in enumerate(marks):
            try:
                due = period_end(m[0], year)
            except DateError:
                return []
            found.setdefault(due, (m[0], due, f"{words}{('起', '止')[k] if len(marks) == 2 else ''}" or m[0]))
    return sorted(found.values(), key=lambda one: one[1])


NUMBERED_RE = re.compile(r"(?:^|(?<=[\s；;，,。]))[（(]?(\d{1,2})\s*[)）.．、]\s*")


def numbered_parts(text: str) -> list[str]:
    """"1. 改造县道 2. 新建桥梁" → its numbered items, in order; [] when the text is not a numbered list."""
    marks = list(NUMBERED_RE.finditer(text.strip()))
    if len(marks) < 2 or [int(m[1]) for m in marks] != list(range(1, len(marks) + 1)) or marks[0].start() != 0:
        return []
    body = text.strip()
    return [body[m.end(): marks[k + 1].start() if k + 1 < len(marks) else len(body)].strip(" \n\t；;，,。") for k, m in enumerate(marks)]


def numbered_deadlines(text: str, year: int) -> list[tuple[str, date]]:
    """Several numbered dates in one 完成时限 cell ("1. 2024年5月 2. 2024年9月"): each with its date; [] otherwise."""
    parts = numbered_parts(text)
    dates = [parse_deadline(part, year) for part in parts]
    return [(part, due) for part, due in zip(parts, dates, strict=True) if due] if parts and all(dates) else []


# the report's month in a title line ("2024年7月推进情况表", "2024年1-7月…"): the last month it names
REPORT_MONTH_RE = re.compile(rf"(\d{{4}})\s*年\s*(?:(?:1[0-2]|0?[1-9])\s*月?份?\s*{JOIN}+\s*)?(1[0-2]|0?[1-9])\s*月")


def report_month(lines: list[str]) -> date | None:
    """The first day of the month a report is for, as its title lines print it (the one nearest the table); None
    when none names a year and month."""
    for line in reversed(lines):
        if found := list(REPORT_MONTH_RE.finditer(line)):
            return date(int(found[-1][1]), int(found[-1][2]), 1)
    return None


START_ONLY_RE = re.compile(rf"^[\u4e00-\u9fff（）()、]{{0,16}}?(?:{'|'.join(START_VERBS)})[。.；;，,]?$")


def starts_apart(line) -> list:
    """The line of its own for a bare start beside a line's figures ("2月开工，年内完成主体结构8层以上", "一季度开工"): the start on a
    line of its own (the same units, no indicator), since a line with indicators is judged on their milestones and a
    text-only line on its checkpoints; the start is then tracked, marked met when the unit says 已开工 (N3, newcomer49).
    A start dated as one of the figures' milestones stays: it is that milestone's words."""
    from mstrack.model import Line

    dues = {m.due for i in line.indicators for m in i.milestones}
    starts = [cp for cp in line.checkpoints if START_ONLY_RE.match(cp.text.strip()) and cp.due not in dues]
    if not line.indicators or not starts:
        return []
    line.checkpoints = [cp for cp in line.checkpoints if all(cp is not s for s in starts)]
    return [Line(leaders=line.leaders, lead_units=line.lead_units, units=line.units, checkpoints=starts)]

