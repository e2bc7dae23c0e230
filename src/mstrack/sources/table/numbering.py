"""How a table numbers its items and their groups: a number at the start of an item's text ("1.", "（1）", "一、"),
a group's heading ("一、…", or a name alone) and the code of a task numbered again inside its group ("二1", "二(三)")."""

from __future__ import annotations

import re

from mstrack.model import Area

DOTS = ".．、﹒・·"  # what closes an item's number: "1.", "1、", and the dots of other fonts ("1﹒", "1・")
STOPS = DOTS + "。"  # what closes a number in digits: a full stop too ("1。新改扩建20所公办幼儿园")
# "2.2024年…", "5.10月底之前…": an item's number before a year or a month, no decimal
TITLE_CODE_RE = re.compile(rf"^(\d+)\s*[{STOPS}]\s*(?=\D|\d{{4}}\s*年|\d{{1,2}}\s*月)")
TITLE_BRACKET_RE = re.compile(r"^[（(]\s*(\d+)\s*[）)]\s*(?=\S)")  # "（1）新建幼儿园3所": the item's number in brackets
TITLE_NUMERAL_RE = re.compile(rf"^([一二三四五六七八九十]+)\s*[{DOTS}]\s*(?=\S)")  # "一、 扩大优质教育资源…": an item, not an area
SUB_CODE_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*")
# "1一", "1(1)": a topic's sub-item "一是…", an item's part naming its own office (list_subitems)
TOPIC_SUB_CODE_RE = re.compile(r"^\s*(\d{1,3}(?:[一二三四五六七八九十]{1,3}|\(\d{1,2}\)))\s*$")
# a clause of a paragraph numbered by the reader after the paragraph's item ("1-1", "1-2") or, under a group's heading
# alone, after nothing ("-1"): one_paragraph.quota_rows' shares, coded inside their area as they are ("三(二)1-1")
CLAUSE_CODE_RE = re.compile(r"^\s*(\d{0,3}-\d{1,2})\s*$")
NUMERAL_CODE_RE = re.compile(r"[一二三四五六七八九十]+[、.．]?")
COUNT_RE = re.compile(r"\s*[（(]\s*(?:共\s*)?\d+\s*[项件][^()（）]*[)）]\s*$")  # "教育惠民（共2项）": how many items, no target
# an item's or a group's number at the start of its text, in every form read here: "1.", "1。", "一、", "（1）", "（一）", "①";
# a digit right after "。" is a decimal point's ("2。5亿元" on a line of its own, the rest of the line above): no item,
# unless it opens a date ("2。2024年底前…", "2。6月底前…": the item's words, DECIMAL_AFTER)
DECIMAL_AFTER = r"\d(?!\d{3}\s*年|\d?\s*月)"
ITEM_NUMBER_RE = re.compile(rf"^\s*(?:(?:\d+|[一二三四五六七八九十]+)\s*[{DOTS}]|\d{{1,3}}\s*。(?!\s*{DECIMAL_AFTER})"
                            r"|[（(]\s*(?:\d+|[一二三四五六七八九十]+)\s*[）)]|[①-⑳])")
LEAD_HEADING_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(\S{2,20}?)\s*牵头(?:的|负责的)?(?:工作|任务)\s*$")


def heading_name(words: str) -> str:
    """A name on a line of its own, one sentence, over its paragraph ("1.精准领会。", "第一项:…工程。"): the name
    without the closing "。", which is the heading's stop (tests/data/tables/README.md, read50c). Words of more
    than one sentence are kept as printed."""
    name = words.strip()
    return name[:-1] if name.endswith("。") and "。" not in name[:-1] else name


def lead_heading(cells: list[str], area: str | None) -> tuple[str, str] | None:
    """A heading merged over the row that names the lead unit of the items under it ("(一)省监察厅牵头的工作"): the
    code its items go by (with the area's number, "一(一)") and the unit."""
    if len(set(cells)) != 1 or not (m := LEAD_HEADING_RE.match(cells[0])):
        return None
    return (in_area(area, m[1]) if area else f"({m[1]})"), m[2]


def in_lead_heading(heading: tuple[str, str], title: str, seq: str = "") -> tuple[str, str]:
    """An item under a lead heading: its code ("一(三)1" for "1." in its words or in the 序号 column, `seq`: a list's
    items numbered again under each heading; the heading's own code for an item with no number) and its title without
    the number."""
    if m := title_code(title):
        return heading[0] + m[1], title[m.end():].strip()
    if number := re.fullmatch(r"\s*(\d+)\s*[.、．]?\s*", seq):
        return heading[0] + number[1], title
    return heading[0], title


def numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一: an item's number as "一、" and "（一）" print it."""
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return (f"{digits[tens] if tens > 1 else ''}十" if tens else "") + (digits[ones] if ones or not tens else "")


NUMERAL_VALUES = {numeral(n): n for n in range(1, 100)}  # "十二" → 12: a printed numeral's count


def numerals_over_digits(codes: list[str]) -> bool:
    """A 序号 column that numbers items in digits under rows numbered in Chinese numerals ("一" or "（一）", "1", "2", "二", "3"):
    the numerals number groups, whatever else their rows hold (a subtotal, 共2项)."""
    first = next((k for k, code in enumerate(codes) if group_numeral(code)), None)
    return first is not None and any(re.fullmatch(r"\d+[、.．]?", code) for code in codes[first + 1:])


def group_numeral(code: str) -> str | None:
    """The Chinese numeral a 序号 cell numbers a group by: "一", "一、", "（一）"; None for any other."""
    if NUMERAL_CODE_RE.fullmatch(code):
        return code.rstrip("、.．")
    return m[1] if (m := SUB_CODE_RE.fullmatch(code)) else None


def title_code(title: str) -> re.Match | None:
    """The number an item prints at the start of its text, when no 序号 column numbers it: "1.", "1、", "（1）"."""
    return TITLE_CODE_RE.match(title) or TITLE_BRACKET_RE.match(title)


PART_CODE_RE = re.compile(r"^[（(]\s*(\d+)\s*[）)]")  # "（1）": a part's number
ITEM_CODE_RE = re.compile(r"^\d{1,4}\s*(?:[.．、]|$)")  # "1.", "1": an item's number ("2024年…" is none)


def part_numbered(code: str, above: str, last_part: int | None) -> int | None:
    """A number in brackets ("（1）", "(2)") that counts parts of the task above: "（1）" under a task numbered in plain
    digits ("1.", "1") starts the count, and "（2）" goes on from the part before it. The part's number, or None: a
    table numbering its items in brackets throughout has no parts, and "（3）" after "1.", "2." is task 3."""
    if not (m := PART_CODE_RE.match(code.strip())):
        return None
    number = int(m[1])
    if last_part is not None:
        return number if number == last_part + 1 else None
    return number if number == 1 and ITEM_CODE_RE.match(above.strip()) else None


def in_area(area: str, code: str) -> str:
    """A task numbered again inside its area goes by both numbers as printed: "二1" for "1." under "二、", "二(三)" for
    "(三)" (tests/data/tables/README.md); in brackets under an area numbered in digits, "1(2)", where "12" is task 12."""
    if code.startswith("(") or area and re.fullmatch(r"\d+\(\d+\)", code) and not area[-1].isdigit() \
            or area and (code.startswith("-") or re.fullmatch(r"\d+-\d+", code) and not area[-1].isdigit()):
        # "二(3)", "四(一)1(1)", a paragraph's clause "三(二)1-1" (CLAUSE_CODE_RE), under a group's heading alone "三(四)-1":
        return f"{area}{code}"  # a code that keeps its printed brackets (bracket_level), an item's part (list_subitems)
    # a number printed twice ("2a", titles: the second "2") is a number still: "四(三)2a"
    return f"{area}{code}" if re.fullmatch(r"\d+a*", code) and area and not area[-1].isdigit() else f"{area}({code})"


BRACKET_NUMBER_RE = re.compile(r"[（(]\s*(\d+)\s*[）)]")  # a 序号 printed "(1)"


def bracket_level(codes: list[str]) -> bool:
    """A 序号 column that prints digits at two levels, plain ("1") and in brackets ("(1)"), the bracketed numbers running
    on through the table (none printed twice) and on past a plain number (its next bracketed number is not "(1)"):
    the plain numbers head groups of the bracketed items (tasks._sub_heading says whether they are headings) and the
    brackets tell the levels apart, so an item keeps them in its code ("(8)" is not "8"). Brackets alone are a style
    ("（1）" is 1), and "(1)" right under "1" starts the parts of task 1."""
    numbers = [int(m[1]) if (m := BRACKET_NUMBER_RE.fullmatch(code.strip())) else None for code in codes]
    bracketed = [n for n in numbers if n is not None]
    if len(bracketed) < 2 or len(set(bracketed)) < len(bracketed):
        return False
    after_plain = [next((n for n in numbers[k + 1:] if n is not None), None) for k, code in enumerate(codes) if plain_number(code)]
    return any(n is not None and n > 1 for n in after_plain)


MARKS = "*＊※★☆▲△●◆"  # a footnote mark beside a number ("3※")
PLAIN_NUMBER_RE = re.compile(rf"[{MARKS}]*\s*\d{{1,4}}\s*[{DOTS}]?\s*[{MARKS}]*")


def plain_number(code: str) -> bool:
    """A 序号 printed as a number with no brackets: "1", "1.", "3※"."""
    return bool(PLAIN_NUMBER_RE.fullmatch(code.strip()))


def add_area(areas: list[Area], m: re.Match, within: str | None = None, printed: bool = False) -> str:
    """The area an "一、…" heading names (added once), by its number; a "（一）" heading's within the area numbered
    "一、" above it (`within`): "一(一)", so that the two never share a code; under none, by its number as printed
    (`printed`: "(一)", whose items numbered again are "(一)1", in_area)."""
    code = f"{within}({m[1]})" if within else f"({m[1]})" if printed else m[1]
    if not any(a.code == code for a in areas):
        areas.append(Area(code=code, name=m[2].strip(), declared_tasks=int(m[3]) if m[3] else None))
    return code


def add_area_named(areas: list[Area], text: str, printed: str = "") -> str:
    """The area a heading without a number names ("关键词 教育"), numbered in order, or by the number printed beside
    it (`printed`: a 序号 merged over its items, "1" beside "主要预期目标") unless another area has that code."""
    for area in areas:
        if area.name == text:
            return area.code
    printed = re.sub(r"[\s.、．]", "", printed)
    code = printed if printed and not any(a.code == printed for a in areas) else str(len(areas) + 1)
    areas.append(Area(code=code, name=text))
    return code


CIRCLED_RE = re.compile(r"^([①-⑳])\s*(?=\S)")  # "①以就业促增收…": an item's number at the level below "(1)"
HEADING_DIGITS_RE = re.compile(rf"^(?:(\d{{1,3}})\s*[{DOTS}]|[（(]\s*(\d{{1,3}})\s*[）)])\s*(?=\S)")


def heading_levels(levels: tuple[str, ...], heading: str) -> tuple[str, ...]:
    """The numbers of the headings in digits above the rows that follow: "1.城乡居民增收工程" opens ("1",), "(1)增加…"
    under it ("1", "(1)"); a heading numbered otherwise ("(一)…", "二、…") starts them again. A circled item below
    them goes by them all ("1(1)①")."""
    if not (m := HEADING_DIGITS_RE.match(heading.strip())):
        return ()
    if m[1]:
        return (m[1],)
    return (levels[0], f"({m[2]})") if levels else ()


MAX_JUMP = 3  # items a plan leaves out between two of its "(N)" items ("（三）" then "（六）": （四）, （五） not printed)


def numbered_next(number: int, count: int, last: int) -> bool:
    """Whether a line numbered `number` goes on a run of `count` lines, the last printed `last`: the next number; or,
    past the second, the next of the last printed, a number the plan skipped to ("3、" then "5、") or one printed
    again ("6、" then "2、": the reader codes it 2a, as a repeated 序号) — never "1、", a list starting again."""
    return number == count + 1 or count >= 2 and 1 < number <= last + MAX_JUMP
