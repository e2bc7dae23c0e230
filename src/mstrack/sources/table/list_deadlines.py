"""The deadline a list's own sentences give its tasks: one sentence above or after the list for all of them ("以上项目均于
2025年12月底前完成", with the exceptions it names), or an item's own date at the end of its words. Read into a 完成时限
column, so that the table reader reads each task's deadline as it would under a header."""

from __future__ import annotations

import re

from mstrack.domain.quantities import chinese_count
from mstrack.errors import Message
from mstrack.sources.table.numbering import SUB_CODE_RE
from mstrack.sources.table.spans import EVENT_SPAN_HEADER, JOIN, sent_by, span_end

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
OWN_DATE_RE = re.compile(r"\d{1,2}\s*月(?:份|底|末|中旬|下旬)?前|年底前|年内")  # "城区污水管网改造，6月底前完成"


# a part of the document naming the period of the work ("二、工作时限", "四、整治时间", "三、实施期限")
PERIOD_HEADING_RE = re.compile(r"^[一二三四五六七八九十]+\s*[、.．]\s*"
                               r"(?:工作|实施|整治|活动|行动|开展|执行|创建|检查|督查|排查|安保|管控){0,2}"
                               r"(?:时\s*限|时\s*间|期\s*限)(?:安排)?\s*$")  # "二、活动开展时间", "三、时间安排", "二、安保管控时间"
DAY = r"(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:份|底|末)?)"
# "2023年5月25日-12月31日", "自2021年3月25日至6月20日": a span whose start names its year; "2018年9月6日至12日": its end
# a day of the start's month
PERIOD_SPAN_RE = re.compile(rf"(\d{{4}})\s*年\s*{DAY}\s*{JOIN}+\s*(?:(?:\d{{4}}\s*年\s*)?{DAY}|\d{{1,2}}\s*日)")
"""A span whose start names its year: the year (the one group read: a period of another year is none of the programme's)
and, as m[0], the span span_end reads."""
# "二、安保管控时间" over "4月1日至4月5日": a span naming no year, the line that span alone (its count of days after it,
# "4月1日至4月7日共7天", said of it): the programme's year
YEARLESS_SPAN_RE = re.compile(rf"^\s*(?P<span>{DAY}\s*{JOIN}+\s*(?:{DAY}|\d{{1,2}}\s*日))\s*[，,]?\s*(?:共\s*\d{{1,3}}\s*天)?"
                              r"\s*[。.]?\s*$")

# "二、活动时间" over "即日起至10月31日": the work from the notice's day on to a day, its year printed or the programme's
FROM_TODAY_LINE_RE = re.compile(rf"^\s*(?:自|从)?\s*即日起?\s*(?:至|到)\s*((?:(\d{{4}})\s*年\s*)?{DAY})\s*止?\s*[。.]?\s*$")

# "1.东海陵园、公益性公墓：4月1日至8日（4月7日、4月8日为机动日…）": a place's own span under a part naming the time, no year
PLACE_SPAN_LINE_RE = re.compile(rf"^\s*\d{{1,2}}\s*[.．、]\s*([^：:，,。；;\d]{{2,30}})[：:]"
                                rf"\s*({DAY}(?:\s*{JOIN}+\s*(?:{DAY}|\d{{1,2}}\s*日))?)"
                                r"\s*(?:[（(][^（）()]*[）)])?\s*[。.；;]?\s*$")
# "2.公益性公墓、大练乡涉迁坟墓安置区（4月2日至4月5日）；": the place's span in a bracket after its name, as the line's end
PLACE_BRACKET_LINE_RE = re.compile(rf"^\s*\d{{1,2}}\s*[.．、]\s*([^：:，,。；;（(\d]{{2,30}})"
                                   rf"[（(]\s*({DAY}(?:\s*{JOIN}+\s*(?:{DAY}|\d{{1,2}}\s*日))?)\s*[）)]\s*[。.；;]?\s*$")
# "3.4月6日为机动日，群众可自行前往。": a reserve day of every place, a line of its own among the places': the work's last day
RESERVE_DAY_LINE_RE = re.compile(rf"^\s*\d{{1,2}}\s*[.．、]\s*(?:{DAY}\s*[、和及]\s*)*({DAY})\s*为机动日")
MIN_PLACES = 2
TOWN_OPENING_RE = re.compile(r"^([\u4e00-\u9fff]{2})[乡镇](?=[\u4e00-\u9fff]{2})")  # "大练乡涉迁坟墓安置区": in 大练乡

# "…专项整治时间延长至2022年12月31日（…）。": the work's time extended to a day, its year printed: the period's end, no start
EXTENDED_TO_RE = re.compile(rf"(?:时间|时限|期限)\s*(?:延长|延续|顺延)\s*(?:至|到)\s*((\d{{4}})\s*年\s*{DAY})")


# "2019年1月18日（星期五）上午8:30—11:00": the one day of an event, its weekday and its hours and nothing else
HOURS = rf"(?:上午|下午|早上|晚上|全天)?\s*(?:\d{{1,2}}\s*[:：]\s*\d{{2}}(?:\s*{JOIN}+\s*\d{{1,2}}\s*[:：]\s*\d{{2}})?)?"
EVENT_DAY_RE = re.compile(rf"^\s*(\d{{4}})\s*年\s*(\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)\s*(?:[（(]\s*(?:星期|周)[一二三四五六日天]\s*[）)])?"
                          rf"\s*{HOURS}(?:\s*[和、及]\s*{HOURS})*\s*[。.；;]?\s*$")  # "上午9:00和下午4：00；": two hours
PART_HEADING_RE = re.compile(r"^[一二三四五六七八九十]+\s*[、.．]")  # "三、工作重点": the next part


def period_part(texts: list[str], year: int) -> tuple[str, list[tuple[str, str]], str] | None:
    """The period a part of its own names for the work ("二、工作时限" over "2023年5月25日-12月31日"; "四、整治时间" over
    "…，自2021年3月25日至6月20日。"), that one line the whole part: the span's end, with its start's year when it names
    none, as shared_deadlines gives it; or the one day of an event ("三、活动时间" over "2019年1月18日（星期五）上午8:30—
    11:00", EVENT_DAY_RE: the line that day and its hours alone), that day; or a span from the notice's day on ("即日起至
    10月31日", FROM_TODAY_LINE_RE), its end; or the places' spans it lists one a line ("1.东海陵园…：4月1日至8日", "2.殡仪馆：
    4月5日"), the latest end; or the day the work's time is extended to
    ("…整治时间延长至2022年12月31日", EXTENDED_TO_RE: the programme's work runs on to it, a later year's too, README "A
    figure due by a later year"). A period starting in another year than the programme's is none of its, and a part of
    several lines (stages, "（一）准备阶段（…）" …) gives none."""
    texts = [line for text in texts for line in _heading_apart(text)]
    for k, (heading, text) in enumerate(zip(texts, texts[1:], strict=False)):
        if not PERIOD_HEADING_RE.match(heading.strip()):
            continue
        said = f"{heading.strip()} {text.strip()}"
        alone = k + 2 >= len(texts) or PART_HEADING_RE.match(texts[k + 2].strip())  # the part's one line: no stages
        if alone and (end := _period_end(text, year)) is not None:
            return end, [], said
        if found := _places_ends(texts[k + 1:]):
            return *found, said  # "1.东海陵园…：4月1日至8日" "2.殡仪馆：4月5日"
    return None


def _period_end(text: str, year: int) -> str | None:
    """The end of the period the one line of a part naming the time gives (period_part), by the kind of line it is; None
    for a line of no such kind, or of another year's period."""
    if (m := PERIOD_SPAN_RE.search(text)) and int(m[1]) == year:
        return re.sub(r"\s+", "", span_end(m[0]))
    if m := YEARLESS_SPAN_RE.match(text):
        return re.sub(r"\s+", "", span_end(m["span"]))
    if (end := FROM_TODAY_LINE_RE.match(text)) and int(end[2] or year) == year:
        return re.sub(r"\s+", "", end[1])  # "即日起至10月31日": its end
    if (end := EXTENDED_TO_RE.search(text)) and int(end[2]) >= year:
        return re.sub(r"\s+", "", end[1])  # "延长至2022年12月31日": a later end
    if (day := EVENT_DAY_RE.match(text)) and int(day[1]) == year:
        return re.sub(r"\s+", "", f"{day[1]}年{day[2]}")
    return None


def _day_key(day: str) -> tuple[int, ...]:
    """A yearless day ("4月5日", "4月8日") as numbers, to find the latest."""
    return tuple(map(int, re.findall(r"\d+", day)))


def _places_ends(texts: list[str]) -> tuple[str, list[tuple[str, str]]] | None:
    """The places a part naming the time lists with their spans (MIN_PLACES or more lines "1.A、B：4月1日至8日" or "1.A、B
    （4月3日）；", the whole part but for a line of the reserve day "3.4月6日为机动日…", no year printed: the programme's):
    the work's last day, the latest end or reserve day, and each place with its span's end, the latest first: a task
    naming a place is due at its end (with_deadlines' exceptions; naming several, the latest), any other at the last
    day. A place opening with its town ("大练乡涉迁坟墓安置区") is named by the town's name too ("大练"). None for a part of
    other lines."""
    lines = []
    for text in texts:
        if PART_HEADING_RE.match(text.strip()):
            break
        lines.append(text)
    reserve = [m[1] for line in lines if (m := RESERVE_DAY_LINE_RE.match(line))]
    spans = [PLACE_SPAN_LINE_RE.match(line) or PLACE_BRACKET_LINE_RE.match(line)
             for line in lines if not RESERVE_DAY_LINE_RE.match(line)]
    if len(spans) < MIN_PLACES or not all(spans):
        return None
    places = []
    for m in spans:
        end = re.sub(r"\s+", "", span_end(m[2]))
        for place in (name.strip() for name in re.split(r"[、和及]", m[1]) if name.strip()):
            places += [(place, end)] + ([(town[1], end)] if (town := TOWN_OPENING_RE.match(place)) else [])
    places.sort(key=lambda pair: _day_key(pair[1]), reverse=True)
    return max([places[0][1], *(re.sub(r"\s+", "", day) for day in reserve)], key=_day_key), places


# a campaign's time stated once in the text above its list: "经研究决定，自即日起至2020年12月31日在片区范围全面开展…",
# "决定即日起至3月底在全片区范围内组织开展…" (from today on, to a day, its year printed or the programme's), "决定从8月份起至
# 10月份止，集中3个月时间在全乡开展…" (from a month on), the work the document runs
CAMPAIGN_RE = re.compile(rf"(?:(?:自|从)?\s*即日起?|(?:自|从)\s*(?:(?P<from>\d{{4}})\s*年\s*)?{DAY}\s*起)\s*(?:至|到)\s*"
                         rf"(?P<end>(?:(?P<year>\d{{4}})\s*年\s*)?{DAY})\s*止?[^。；;]{{0,40}}?开展")

# a season the work is done in, its span in a bracket after its name: "为做好我区2019年春运期间（1月21日至3月1日）…的防控"
SEASON_RE = re.compile(rf"(?:(?P<from>\d{{4}})\s*年)?[\u4e00-\u9fff]{{1,8}}期间\s*[（(]\s*(?:\d{{4}}\s*年\s*)?{DAY}\s*"
                       rf"(?:至|到|—|－|-|~|～)\s*(?P<end>(?:(?P<year>\d{{4}})\s*年\s*)?{DAY})\s*[）)]")


# "我乡于6月13日至27日开展食品安全宣传周活动": the campaign's span after 于, its end a day of its own or of the start's month
HELD_SPAN_RE = re.compile(rf"于\s*(?P<span>{DAY}\s*(?:至|到)\s*(?:{DAY}|\d{{1,2}}\s*日))[^。；;，,]{{0,20}}?开展")


def campaign_period(texts: list[str], year: int) -> tuple[str, list[tuple[str, str]], str] | None:
    """The end of a campaign's time stated once above the list ("自即日起至2020年12月31日在片区范围全面开展…", "即日起至
    3月底…开展…": the programme's year; "我乡于6月13日至27日开展…", HELD_SPAN_RE: its span's end), every task's
    deadline as a part naming the period gives it (period_part), with its clause; None when no line says so, or its
    end is another year's (the campaign runs on into the next: its stages date the tasks)."""
    for text in texts:
        if (m := CAMPAIGN_RE.search(text) or SEASON_RE.search(text)) and int(m["year"] or m["from"] or year) == year:
            return re.sub(r"\s+", "", m["end"]), [], re.split(r"[，,]", text[:m.start()])[-1] + m[0]
        if m := HELD_SPAN_RE.search(text):  # "我乡于6月13日至27日开展…": the programme's year, its span's end
            return re.sub(r"\s+", "", span_end(m["span"])), [], re.split(r"[，,]", text[:m.start()])[-1] + m[0]
    return None


# the work's whole period in a sentence of its own, wherever the document prints it: "此次专项整治工作自2016年4月20日开始至
# 2016年10月30日结束，分下述四个阶段进行" (the work's, not one activity's: "集中面授时间从…起至…止" is the training's)
WORK_PERIOD_RE = re.compile(rf"(?:工作|整治|行动|治理)\s*(?:时间)?\s*(?:自|从)\s*(?:(?P<from>\d{{4}})\s*年\s*)?(?P<start>{DAY})\s*"
                            rf"(?:起|开始)\s*(?:至|到)\s*(?P<end>(?:(?P<year>\d{{4}})\s*年\s*)?(?P<day>{DAY}))\s*(?:止|结束)")


def work_period(texts: list[str], year: int) -> tuple[str, list[tuple[str, str]], str] | None:
    """The end of the work's period a sentence names from its start to its end ("…工作自2016年4月20日开始至2016年10月30日
    结束"), as shared_deadlines gives it, with its clause; None when none does, or it starts or ends in another year. An
    end printed in a year before its start's whose day comes after the start's ("自2017年4月10日开始至2016年12月31日结束")
    is a misprint of the start's year: an end never comes before its start (the clause said as printed)."""
    for text in texts:
        if not (m := WORK_PERIOD_RE.search(text)) or int(m["from"] or year) != year:
            continue
        end = re.sub(r"\s+", "", m["end"])
        if m["year"] and int(m["year"]) < year and _month_day(m["day"]) > _month_day(m["start"]):
            end = f"{year}年" + re.sub(r"\s+", "", m["day"])  # "至2016年12月31日" after "自2017年4月10日": 2017's
        elif int(m["year"] or year) != year:
            continue
        return end, [], re.split(r"[，,。；;]", text[:m.start()])[-1] + m[0]
    return None


def _month_day(day: str) -> tuple[int, int]:
    """A day's month and day ("2017年4月10日" → (4, 10)), its year aside."""
    m = re.search(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日", day)
    return int(m[1]), int(m[2])


# the stages of the work dated in one sentence, each by its end, the count of stages after them: "各工作组要在4月28日前、
# 5月17日前自行安排时间分两个阶段开展…检查…" (a day each, its year printed or the programme's)
STAGE_END = r"((?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末)?\s*前)"
STAGED_RE = re.compile(rf"(?:在|于)?\s*{STAGE_END}((?:\s*[、，,和及]\s*{STAGE_END[1:-1]})+)[^。；;]{{0,20}}?"
                       r"分\s*([两二三四五2-5])\s*个?\s*阶段[^。；;]{0,60}?开展")
STAGE_ORDINALS = "一二三四五"


def staged_period(texts: list[str], year: int) -> tuple[str, list[tuple[str, str]], str] | None:
    """The stages a sentence above the list dates for all its work ("在4月28日前、5月17日前…分两个阶段开展…", as many days
    as stages): a 完成时限 cell naming each stage's end ("4月28日前完成第一阶段；5月17日前完成第二阶段"), which reads the
    last as every task's deadline and the earlier ones as its checkpoints (README "A document's stages"), with its
    clause; None when no line says so, or a day names another year than the programme's."""
    for text in texts:
        if not (m := STAGED_RE.search(text)):
            continue
        ends = [re.sub(r"\s+", "", end) for end in [m[1], *re.findall(STAGE_END, m[2])]]
        count = int(m[3]) if m[3].isdigit() else chinese_count(m[3])
        if len(ends) != count or any(int(y) != year for y in re.findall(r"(\d{4})\s*年", m[1] + m[2])):
            continue
        cell = "；".join(f"{end}完成第{STAGE_ORDINALS[k]}阶段" for k, end in enumerate(ends))
        return cell, [], re.split(r"[，,。；;]", text[:m.start()])[-1] + m[0]
    return None


def document_period(texts: list[str], year: int) -> tuple[str, list[tuple[str, str]], str] | None:
    """The period the document names for all its work: a part of its own (period_part), a campaign's time stated once
    (campaign_period) or its stages dated in one sentence (staged_period)."""
    return period_part(texts, year) or campaign_period(texts, year) or staged_period(texts, year)


def _heading_apart(text: str) -> list[str]:
    """A part's heading and its one line printed as one ("二、活动时间：2016年10月24日—30日"): the two, as printed apart;
    any other text as it is."""
    heading, colon, rest = text.partition("：") if "：" in text else text.partition(":")
    return [heading, rest.strip()] if colon and rest.strip() and PERIOD_HEADING_RE.match(heading.strip()) else [text]


def shared_deadlines(texts: list[str], year: int) -> tuple[str, list[tuple[str, str]], str] | None:
    """The deadline the text above a list gives all its tasks, as a 完成时限 cell prints it ("12月"), the tasks it
    names as due otherwise ("除…项目在今年6月前完成…外", "除第1项…外") and the sentence: (deadline, [(task's name or
    number, its deadline)], sentence). A deadline of another year is not this programme's ("2023年确定的…全部于2023年
    11月底前完成", "全部工程计划于2026年6月底前建成"). A part naming the period of the work gives its end (period_part), and
    so does a campaign's time stated once above it (campaign_period)."""
    if period := document_period(texts, year):
        return period
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


DUE_LABELS = ("完成时限", EVENT_SPAN_HEADER)  # a list's column of deadlines: its items' 完成时限, or its events' spans


def due_at(header: list[str]) -> int | None:
    """Where a list's table has its column of deadlines (DUE_LABELS), or None."""
    return next((i for i, name in enumerate(header) if name in DUE_LABELS), None)


def with_deadlines(header: list[str], rows: list[list[str]], above: list[str], after: list[str], year: int,
                   inside: list[str] = ()) -> tuple[list[str], list[list[str]], Message | None]:
    """A 完成时限 column for a list whose text above, or just after ("以上项目均于2025年12月底前完成"), states when its
    tasks are due: each item's cell the deadline of the exception it is named in, else the deadline of all (an item
    "（一）…" of a "(一)" list too, its number in its words); a heading's row, or a part's, leaves it as it is, and so
    does an item that prints its own date ("…，6月底前完成"): its words say it. Why each such deadline is a doubt (the
    sentence read), or None. The text above wins over the text after; with neither, the work's period the document names
    anywhere (`inside`: its every line; work_period, "…自2016年4月20日开始至2016年10月30日结束") gives its end."""
    if shared := shared_deadlines(above, year):
        why = Message("deadline read from the text above the list: “{text}”", text=shared[2])
    elif shared := shared_deadlines(after, year):
        why = Message("deadline read from the text after the list: “{text}”", text=shared[2])
    elif shared := work_period(list(inside), year):
        why = Message("deadline read from the period the document names for its work: “{text}”", text=shared[2])
    else:
        return header, rows, None
    due, others, _ = shared
    at = due_at(header)  # the items' own dates, labelled under them
    cells = []
    for cells_of_row in rows:
        heading = len(set(cells_of_row)) == 1
        code, title = cells_of_row[0], cells_of_row[1]
        own = next((when for name, when in others if _named(name, code, title)), due)
        item = code or SUB_CODE_RE.match(title)  # "（一）…": an item of a "(一)" list, its number in its words
        cell = code if heading else "" if not item or OWN_DATE_RE.search(title) else own
        if at is None:
            cells.append([*cells_of_row, cell])
        else:
            cells.append([*cells_of_row[:at], cells_of_row[at] or cell, *cells_of_row[at + 1:]])
    return ([*header, "完成时限"] if at is None else header), cells, why


# "3.抽签时间" over "实验幼儿园和城关幼儿园：" / "2015年7月15日（星期三）上午9:00和下午4：00；" / "海峡儿童学园和…：" / "2015年
# 7月16日…": an event's day for the bodies named on the line above it
BODIES_HEADING_RE = re.compile(r"^(?:\d{1,2}\s*[.．、]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|[一二三四五六七八九十]+\s*[、.．])\s*"
                               r"[\u4e00-\u9fff]{1,8}时间\s*[：:]?\s*$")
BODIES_LINE_RE = re.compile(r"^([\u4e00-\u9fff、]{2,60}?)\s*[：:]\s*$")


def bodies_days(texts: list[str], year: int) -> dict[str, tuple[str, str]]:
    """The day of an event a part names for bodies ("3.抽签时间" over pairs of lines, the bodies' names "A和B：" and their
    day, EVENT_DAY_RE): {body: (day, the two lines)}. A day of another year than the programme's is none of its."""
    days: dict[str, tuple[str, str]] = {}
    for k, text in enumerate(texts):
        if not BODIES_HEADING_RE.match(text.strip()):
            continue
        j = k + 1
        while j + 1 < len(texts) and (names := BODIES_LINE_RE.match(texts[j].strip())) \
                and (day := EVENT_DAY_RE.match(texts[j + 1])) and int(day[1]) == year:
            for name in re.split(r"(?<=[\u4e00-\u9fff]{2})[和、及与]", names[1]):  # "和平小学和…": 和平小学 one name
                if len(name) >= 2:
                    days[name] = (re.sub(r"\s+", "", f"{day[1]}年{day[2]}"), f"{texts[j].strip()}{texts[j + 1].strip()}")
            j += 2
    return days


def bodies_deadlines(header: list[str], rows: list[list[str]], texts: list[str], year: int
                     ) -> tuple[list[str], list[list[str]], dict[int, Message]]:
    """An item whose words open with a body the document dates an event for (bodies_days: "实验幼儿园和城关幼儿园：" /
    "2015年7月15日…" under "3.抽签时间") gets that day as its 完成时限 cell when it has none: the body's work is done by its
    event; {row's place: why} for each such item. A heading's row is left as it is."""
    days = bodies_days(texts, year)
    words = next((i for i, name in enumerate(header) if name in ("工作任务", "项目名称", "项目内容")), None)
    if not days or words is None:
        return header, rows, {}
    found = {k: max((name for name in days if cells[words].startswith(name)), key=len, default=None)
             for k, cells in enumerate(rows) if len(set(cells)) > 1}
    found = {k: name for k, name in found.items() if name}
    if not found:
        return header, rows, {}
    header, rows = _due_column(header, rows)
    due, why = due_at(header), {}
    for k, name in found.items():
        if not rows[k][due]:
            rows[k][due] = days[name][0]
            why[k] = Message("deadline read from the day the document names for {body}: “{text}”", body=name,
                             text=days[name][1])
    return header, rows, why


def _due_column(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """The list with a 完成时限 column where it has none: empty for an item, a heading's row its own words."""
    if due_at(header) is not None:
        return header, rows
    return [*header, "完成时限"], [[*cells, cells[0] if len(set(cells)) == 1 else ""] for cells in rows]


END_DATE_RE = re.compile(r"[，,；;]\s*(\d{4}\s*年[^，,；;。（）()]{1,12})$")  # "…，2024年12月底前": the item's own deadline


# "（三）升级集体“三资”公开系统（10月底前）。…", "（一）排查整改问题。（12月15日前）。…": the date closing the item's name
NAME_DATE_RE = re.compile(r"^(?:[（(]\s*[一二三四五六七八九十]+\s*[）)])?\s*[^。；;，,（()）]{2,40}?。?\s*[（(]\s*"
                          r"((?:\d{4}\s*年)?\d{1,2}\s*月(?:\d{1,2}\s*日|份|底|末|上旬|中旬|下旬)?前)\s*[）)]")


def own_deadlines(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """An item whose words end in its own deadline (printed in its bracket beside the office: item_offices.units_after) gets it as
    its 完成时限 cell, where the reader reads a deadline; a heading's row is left as it is. So does one whose name, its
    first sentence, closes with its date in a bracket ("（三）升级…系统（10月底前）。配合…"): its words stay whole."""
    words = [i for i, name in enumerate(header) if name in ("工作任务", "项目名称", "项目内容")]
    ats = [max((i for i in words if cells[i]), default=None) if len(set(cells)) > 1 else None for cells in rows]
    ends = [END_DATE_RE.search(cells[at]) if at is not None else None for cells, at in zip(rows, ats, strict=True)]
    named = [NAME_DATE_RE.match(cells[words[0]]) if words and at is not None and not end else None
             for cells, at, end in zip(rows, ats, ends, strict=True)]
    if not any(ends) and not any(named):
        return header, rows
    header, rows = _due_column(header, rows)
    due = due_at(header)
    for cells, m, at, name in zip(rows, ends, ats, named, strict=True):
        if m:
            cells[at], cells[due] = cells[at][:m.start()], cells[due] or m[1]
        elif name:
            cells[due] = cells[due] or name[1]
    return header, rows


# a request after the list for a form the work fills in, by one day ("请各片区管理局将申请表等有关申报材料于2021年5月5日前
# 统一报送区社会事业局…"): the offices asked, what they send, the day
REQUESTED_RE = re.compile(r"请([^，,。；;将]{2,30}?)将([^，,。；;]{2,40}?)"
                          + sent_by(r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日", "报送|上报|报至|报"))
FORM_RE = re.compile(r"[\u4e00-\u9fff]{2,20}?表(?![\u4e00-\u9fff]*表)")  # "申请表", "推荐汇总表": a form named


def requested_deadlines(header: list[str], rows: list[list[str]], texts: list[str]
                        ) -> tuple[list[str], list[list[str]], dict[int, Message]]:
    """An item that fills in the one form a request of the document asks its offices to send by one day ("（三）社区自愿
    申报…。…填写…申请表…" under "请各片区管理局将申请表等有关申报材料于2021年5月5日前…报送…": REQUESTED_RE) is due that day
    when it has no deadline: the only item naming the form, led or joined by the offices asked (its 责任单位 or 牵头单位
    cell names them); {row's place: why}. A request naming no form, or a form no item or several name, dates nothing (a
    report of the whole notice's work, check60, check64)."""
    words = [i for i, name in enumerate(header) if name in ("工作任务", "项目名称", "项目内容")]
    offices = [i for i, name in enumerate(header) if name.endswith("单位")]  # 责任单位, 牵头单位, 配合单位
    if not words or not offices:
        return header, rows, {}
    found: dict[int, tuple[str, str]] = {}
    for text in texts:
        for m in REQUESTED_RE.finditer(text):
            forms = [form[0] for form in FORM_RE.finditer(m[2])]
            asked = set(re.split(r"[、和及]", m[1]))
            items = [k for k, cells in enumerate(rows) if len(set(cells)) > 1
                     and any(form in cells[i] for form in forms for i in words)]
            if len(forms) == 1 and len(items) == 1 \
                    and asked & {name for i in offices for name in re.split(r"[、，,；;]", rows[items[0]][i])}:
                found[items[0]] = (re.sub(r"\s+", "", m[3]), m[0])
    if not found:
        return header, rows, {}
    header, rows = _due_column(header, rows)
    due, why = due_at(header), {}
    for k, (day, text) in found.items():
        if not rows[k][due]:
            rows[k][due] = day
            why[k] = Message("deadline read from the request for the form the item fills in: “{text}”", text=text)
    return header, rows, why
