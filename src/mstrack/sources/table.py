"""Published breakdown tables (.txt/.tsv/.csv/.xlsx) converted into a reviewable plan.

Offices publish the same kinds of columns under many headers, so columns are mapped by meaning
(docs/import-table.md). Numbers are read out of the schedule text only where they can be placed
on an indicator; everything else stays as checkpoint text and is listed in the summary, so a
reviewer sees what was read and what was not. Nothing here prints or touches the store.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from mstrack.domain.limits import strip_controls
from mstrack.domain.quantities import SCALES, DateError, as_number, month_end, parse_date
from mstrack.errors import InputError, Message
from mstrack.model import Area, Checkpoint, Indicator, Line, Milestone, Programme, Task
from mstrack.sources.files import check_file_size
from mstrack.sources.plan import CODE_RE, plan_from_dict, plan_to_dict, split_units
from mstrack.sources.sheets import decode_text

# --- result ------------------------------------------------------------------------------------


@dataclass
class Conversion:
    programme: Programme
    summary: list[Message]
    stats: dict


# --- reading the file into rows ----------------------------------------------------------------


@dataclass
class Row:
    number: int  # the file's own row (line) number, for messages
    cells: list[str]


@dataclass
class Sheet:
    path: Path
    rows: list[Row]
    column_name: object = None  # callable(index) -> str, how the file names a column
    regroup: object = None  # callable(width) -> Sheet: rows read again knowing the header's width

    def where(self, row: Row, index: int, header: str = "") -> Message:
        name = self.column_name(index) if self.column_name else str(index + 1)
        if header:
            return Message("{path}: row {row}, column {column} ({header})", path=self.path, row=row.number, column=name,
                           header=header)
        return Message("{path}: row {row}, column {column}", path=self.path, row=row.number, column=name)


def _clean_cell(value: str) -> str:
    value = re.sub(r"\[bookmark:[^\]]*\]", "", value)  # Word bookmarks left by conversion
    value = strip_controls(value.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ")).strip()
    return "" if re.fullmatch(r"[/／\\—–\-无]+", value) else value  # "/" marks an empty cell


def _read_xlsx(path: Path, sheet: str | None) -> list[Sheet]:
    """Every worksheet (the one the workbook opens on first), read as import progress reads them:
    merged cells take their top-left value, and a sheet's extent is checked before it is read."""
    from openpyxl.utils import get_column_letter

    from mstrack.sources.sheets import worksheet_names, xlsx_rows

    names = worksheet_names(path)
    if sheet is not None and sheet not in names:
        raise InputError("{path}: no sheet named {sheet!r} (sheets: {sheets})", path=path, sheet=sheet, sheets=", ".join(names))
    sheets = []
    for name in [sheet] if sheet is not None else names:
        rows = []
        for row in xlsx_rows(path, name):
            cells = [_cell_text(value) for value in row.cells]
            if any(cells):
                rows.append(Row(row.number, cells))
        sheets.append(Sheet(path, rows, get_column_letter))
    return sheets


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _clean_cell(str(value))


def _read_delimited(path: Path, text: str, delimiter: str | None) -> Sheet:
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",\t;").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows, start = [], 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append(Row(start, [_clean_cell(c) for c in cells]))
            start = reader.line_num + 1
    except csv.Error as error:
        raise InputError("{path}: row {row}: not readable as {delimiter!r}-separated text: {error}", path=path,
                         row=reader.line_num, delimiter=delimiter, error=error) from None
    return Sheet(path, rows)


def _read_tab_lines(path: Path, text: str) -> Sheet:
    """The seeds' plain text: one row a line, cells separated by tabs, prose around the table."""
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            rows.append(Row(number, [_clean_cell(c) for c in line.split("\t")]))
    return Sheet(path, rows)


def _read_spread_lines(path: Path, text: str, width: int = 0) -> Sheet:
    """Cells spread over lines: a blank line ends a row, a tab starts a cell, other lines continue it.

    Once the header's width is known, a blank line inside a row that still lacks cells is not its end.
    """
    rows: list[Row] = []
    cells: list[str] = []
    first = 0
    for number, line in enumerate(text.split("\n") + [""], start=1):
        if not line.strip() and not line.startswith("\t"):
            if cells and len(cells) < width and number <= text.count("\n"):
                continue
            if cells:
                rows.append(Row(first, [_clean_cell(c) for c in cells]))
            cells = []
            continue
        if line.startswith("\t"):
            if not cells:
                first = number
            cells.append(line[1:])
        elif cells:
            cells[-1] += "\n" + line
        else:
            rows.append(Row(number, [_clean_cell(line)]))  # prose before the table
    sheet = Sheet(path, rows)
    if not width:
        sheet.regroup = lambda w: _read_spread_lines(path, text, w)
    return sheet


def read_sheets(path: Path, sheet: str | None = None) -> list[Sheet]:
    """Every way the file can be read as rows of cells, most likely first."""
    check_file_size(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path, sheet)
        if head[:4] == b"PK\x03\x04":  # .ods, .zip: calamine would take an .ods in whole, unbounded
            raise InputError("{path}: unknown file type {suffix}; use .csv, .tsv or .xlsx", path=path, suffix=suffix or Message("(none)"))
        raw = path.read_bytes()
    except OSError as error:
        raise InputError("{path}: cannot read: {reason}", path=path, reason=error.strerror or error) from None
    if not raw.strip():
        raise InputError("{path}: empty file", path=path)
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError("{path}: an old .xls workbook: save it as .xlsx or .csv", path=path)
    if sheet is not None:
        raise InputError("{path}: --sheet applies to .xlsx workbooks only", path=path)
    text = decode_text(raw, path)
    if suffix == ".csv":
        return [_read_delimited(path, text, None)]
    if suffix in (".tsv", ".tab"):
        return [_read_delimited(path, text, "\t")]
    return [_read_tab_lines(path, text), _read_spread_lines(path, text)]


# --- columns by meaning ------------------------------------------------------------------------

QUARTER_NUM = r"[一二三四1-4]"
QUARTER_LABEL = rf"第?{QUARTER_NUM}(?:\s*[、,，和及至到\-—~]\s*第?{QUARTER_NUM})*\s*季度(?:末|底)?(?:前)?|[Qq][1-4](?![0-9])"
MONTH_NUM = r"(?:1[0-2]|0?[1-9])(?![0-9.])"
MONTH_LABEL = (
    rf"(?:20\d\d\s*年\s*)?{MONTH_NUM}\s*(?:月份?)?\s*[-—–~～至到]\s*{MONTH_NUM}\s*月份?(?:底前|底|末|前)?"
    rf"|(?:20\d\d\s*年\s*)?{MONTH_NUM}\s*月(?:\s*(?:[12]\d|3[01]|0?[1-9])\s*日)?(?:上旬|中旬|下旬|份前|份|底前|底|末|前)?"
)
YEAR_LABEL = r"上半年|下半年|全年|年底前|年底|年内|年末"
LABEL = rf"(?:{QUARTER_LABEL}|{MONTH_LABEL}|{YEAR_LABEL})"
LABEL_RE = re.compile(LABEL)
# A period starts a checkpoint only at the start of the cell or after a sentence break, so that
# "开展7-9月份测评" stays text; "1.4月底前" in a numbered list is item 1, April.
MARKER_RE = re.compile(rf"(?:^|(?<=[\s。；;！!？?：:]))(?:\d{{1,2}}[.．、]\s*)?(?P<label>{LABEL})[，,：:、\s]*")

COLUMN_RULES = (  # (kind, pattern), first match wins
    ("seq", r"^(?:序号|编号|序|项目编号|No\.?)$"),
    ("leader", r"领导"),
    ("lead", r"牵头|主责|主办"),
    ("units", r"单位|部门"),
    ("deadline", r"时限|完成时间|完成日期|期限|截止"),
    ("progress", r"进展|完成情况"),
    ("schedule", r"进度|计划|安排|举措|措施|步骤|时间节点|上半年|下半年|季度"),
    ("area", r"总体要求|类别|领域|分类|板块|类型"),
    ("task", r"任务|项目|内容|实事|目标|事项|名称|工作"),
    ("note", r"备注|说明"),
)


@dataclass
class Column:
    index: int
    header: str
    kind: str
    due: date | None = None  # a period column (第一季度) or a schedule column naming a period (下半年)
    label: str = ""


def parse_label(label: str, year: int) -> date:
    """Due date of a period label: "一、二季度" → the later quarter's end, "7-9月" → 9-30, "全年" → 12-31."""
    text = unicodedata.normalize("NFKC", label).replace(" ", "")
    explicit = re.match(r"(20\d\d)年", text)
    if explicit:
        year = int(explicit[1])
        text = text[explicit.end():]
    if "季度" in text or re.fullmatch(r"[Qq][1-4]", text):
        quarters = [{"一": 1, "二": 2, "三": 3, "四": 4}.get(c, 0) or int(c) for c in re.findall(r"[一二三四1-4]", text)]
        return month_end(year, max(quarters) * 3)
    if text.startswith("上半年"):
        return date(year, 6, 30)
    if text.startswith(("下半年", "全年", "年底", "年内", "年末")):
        return date(year, 12, 31)
    months = [int(n) for n in re.findall(r"\d+(?=\s*月)", text)] or [int(n) for n in re.findall(r"\d+", text)[:1]]
    if not months:
        raise DateError("{label!r} is not a period", label=label)
    month = months[-1]
    day = re.search(r"月(\d{1,2})日", text)
    if day:
        try:
            return date(year, month, int(day[1]))
        except ValueError:
            raise DateError("{label!r} is not a date: {year}-{month:02d}-{day:02d} does not exist", label=label, year=year,
                            month=month, day=int(day[1])) from None
    if text.endswith("上旬"):
        return date(year, month, 10)
    if text.endswith("中旬"):
        return date(year, month, 20)
    if text.endswith("前") and not text.endswith(("底前", "份前", "末前")) and not re.search(r"[-—–~～至到]", text):
        return month_end(year, month - 1) if month > 1 else date(year - 1, 12, 31)  # "10月前": before October
    return month_end(year, month)


def column_kind(header: str, year: int) -> Column:
    text = re.sub(r"\s+", "", header)
    if not text:
        return Column(-1, header, "")
    if LABEL_RE.fullmatch(text):
        try:
            return Column(-1, header, "period", parse_label(text, year), text)
        except DateError:
            return Column(-1, header, "")
    for kind, pattern in COLUMN_RULES:
        if re.search(pattern, text):
            column = Column(-1, header, kind)
            if kind == "schedule" and (found := re.search(rf"{YEAR_LABEL}|{QUARTER_LABEL}", text)):
                column.due, column.label = parse_label(found[0], year), found[0]
            return column
    return Column(-1, header, "")


def _header_columns(row: Row, year: int) -> list[Column] | None:
    columns = []
    for i, cell in enumerate(row.cells):
        column = column_kind(cell, year) if len(cell) <= 24 else Column(-1, cell, "")
        column.index = i
        columns.append(column)
    kinds = [c.kind for c in columns if c.kind]
    if "task" in kinds and {"schedule", "period", "deadline", "lead", "units"} & set(kinds) and len(kinds) >= 2:
        return columns
    return None


def _is_subheader(row: Row, columns: list[Column], year: int) -> bool:
    """The second header row of a two-row header: quarters under 进度安排, or merged copies."""
    found = False
    for i, cell in enumerate(row.cells):
        if not cell:
            continue
        if LABEL_RE.fullmatch(re.sub(r"\s+", "", cell)):
            found = True
        elif i >= len(columns) or cell != columns[i].header:
            return False
    return found


def find_table(sheets: list[Sheet], year: int) -> tuple[Sheet, int, list[Column], list[str]]:
    """The header row (and a sub-header row of periods below it) of the first sheet that has one."""
    for sheet in sheets:
        for at, row in enumerate(sheet.rows):
            columns = _header_columns(row, year)
            if columns is None:
                continue
            if sheet.regroup is not None:  # knowing the width, a blank line inside a row no longer ends it
                regrouped = sheet.regroup(len(row.cells))
                same = [i for i, r in enumerate(regrouped.rows) if r.number == row.number and r.cells == row.cells]
                if same:
                    sheet, at = regrouped, same[0]
            header_rows = [row.cells]
            if at + 1 < len(sheet.rows) and _is_subheader(sheet.rows[at + 1], columns, year):
                sub = sheet.rows[at + 1]
                header_rows.append(sub.cells)
                last_top = ""
                for i in range(max(len(columns), len(sub.cells))):
                    if i >= len(columns):
                        columns.append(Column(i, "", ""))
                    top = columns[i].header or last_top
                    last_top = top
                    cell = sub.cells[i] if i < len(sub.cells) else ""
                    if cell and cell != columns[i].header and LABEL_RE.fullmatch(re.sub(r"\s+", "", cell)):
                        label = re.sub(r"\s+", "", cell)
                        columns[i] = Column(i, f"{top}/{cell}" if top else cell, "period", parse_label(label, year), label)
                at += 1
            _columns_by_data(sheet, at, columns)
            return sheet, at, columns, [" ".join(r) for r in header_rows]
    names = ", ".join(str(s.path) for s in sheets[:1])
    raise InputError(
        "{path}: no header row found: expected a row naming a task column (工作任务, 实施内容, 实事项目, 项目内容 …) "
        "and a schedule, deadline or unit column (进度安排, 实施计划, 完成时限, 牵头单位, 责任单位 …)", path=names,
    )


AREA_RE = re.compile(r"^([一二三四五六七八九十百]+)\s*[、.．]\s*(.+?)\s*(?:[（(]\s*共\s*(\d+)\s*项\s*[）)])?\s*$", re.S)


def _columns_by_data(sheet: Sheet, at: int, columns: list[Column]) -> None:
    """Two task-like columns: the first is the area when its cells read "一、…", else the title."""
    tasks = [c for c in columns if c.kind == "task"]
    if len(tasks) < 2:
        return
    values = [r.cells[tasks[0].index] for r in sheet.rows[at + 1:] if tasks[0].index < len(r.cells) and r.cells[tasks[0].index]]
    if values and sum(bool(AREA_RE.match(v)) for v in values) * 2 > len(values):
        tasks[0].kind = "area"
        tasks = tasks[1:]
    for column in tasks[1:]:
        column.kind = "content"


# --- schedule text into periods ----------------------------------------------------------------


@dataclass
class Block:
    """One sub-project of a schedule cell: its heading ("（1）新增养老机构床位300张") and its periods."""

    heading: str = ""
    number: str | None = None
    periods: list[tuple[str, date, str]] = field(default_factory=list)  # (label, due, text)
    undated: str = ""


HEAD_NUMBER_RE = re.compile(r"^[（(]\s*(\d+)\s*[）)]\s*")
HEAD_COLON_RE = re.compile(r"^([^，,。；;：:\n]{2,40}?)\s*[：:]\s*")


def split_schedule(text: str, year: int) -> list[Block]:
    """Cut a schedule cell at its period labels ("3月底前", "一季度", "全年") and sub-headings."""
    blocks = [Block()]
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        number = None
        if m := HEAD_NUMBER_RE.match(line):
            number, rest = m[1], line[m.end():]
            first = MARKER_RE.search(rest)
            heading, body = (rest[: first.start()], rest[first.start():]) if first else (rest, "")
            blocks.append(Block(heading.strip(), number))
            line = body
        elif (m := HEAD_COLON_RE.match(line)) and not LABEL_RE.match(m[1]) and not MARKER_RE.match(line):
            blocks.append(Block(m[1].strip(), blocks[-1].number))
            line = line[m.end():]
        _add_periods(blocks, line, year)
    return [b for b in blocks if b.heading or b.periods or b.undated.strip()]


def _add_periods(blocks: list[Block], line: str, year: int) -> None:
    markers = list(MARKER_RE.finditer(line))
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
        due = parse_label(label, year)
        block = blocks[-1]
        if len(block.periods) >= 2 and due < block.periods[-1][1]:
            block = Block("", block.number)  # a sequence of periods starts over: another sub-project
            blocks.append(block)
        same = [k for k, (_, d, _) in enumerate(block.periods) if d == due]
        if same:
            k = same[0]  # "全年…" after the fourth quarter: one checkpoint
            block.periods[k] = (block.periods[k][0], due, block.periods[k][2] + line[m.start(): end])
        elif block.periods and due < block.periods[-1][1]:
            block.periods.append((label, due, line[m.end(): end]))
            block.periods.sort(key=lambda p: p[1])
        elif block.periods and due == block.periods[-1][1]:
            old_label, old_due, old_body = block.periods[-1]  # "全年…" after the fourth quarter: one checkpoint
            block.periods[-1] = (old_label, old_due, old_body + line[m.start(): end])
        else:
            block.periods.append((label, due, line[m.end(): end]))


def parse_deadline(text: str, year: int) -> date | None:
    """完成时限 as printed: "2023.11", "12月底前", "9月投入使用", "5月底前动工"; None when no date is named."""
    body = text.strip()
    if not body:
        return None
    try:
        return parse_date(body, year)
    except DateError:
        pass
    labels = list(LABEL_RE.finditer(re.sub(r"\s+", "", body)))
    try:
        return parse_label(labels[-1][0], year) if labels else None
    except DateError:
        return None


# --- quantities in text ------------------------------------------------------------------------

UNITS = sorted(
    [
        "平方公里", "平方米", "立方米", "立方", "方", "公里", "千米", "km", "KM", "米", "公顷", "亩",
        "吨/年", "吨/日", "吨", "千瓦", "兆瓦", "元/人/月", "元/人/年", "元/月", "元/人", "元/吨", "元",
        "套（间）", "套(间)", "人次", "户次", "辆次", "架次", "批次", "场次", "课时", "个百分点", "%", "％", "‰",
        "人", "名", "户", "个", "家", "处", "所", "座", "条", "张", "项", "间", "台", "辆", "宗", "场", "次",
        "批", "支", "期", "份", "件", "本", "株", "棵", "盏", "根", "块", "套", "部", "篇", "门", "节", "通",
        "单", "类", "床", "位", "班", "村", "栋", "幢", "艘", "组", "队", "笔", "册", "种", "款", "例", "剂",
        "箱", "只", "头", "对",
    ],
    key=len, reverse=True,
)
UNIT_ALT = "|".join(re.escape(u) for u in UNITS)
NUMBER_RE = re.compile(r"(?<![0-9.A-Za-z#·_/\-—–~～])(\d+(?:,\d{3})*(?:\.\d+)?)")
AFTER_RE = re.compile(
    rf"\s*(?P<scale>万亿|亿|万|千(?![米瓦]))?\s*(?P<about>余|多)?\s*(?P<suffix1>以上|以下|以内|左右)?\s*"
    rf"(?P<unit>{UNIT_ALT})?\s*(?P<suffix2>以上|以下|以内|左右|余)?"
)
NOT_QUANTITY_AFTER = ("#", "·", "号", "年", "月", "日", "岁", "周岁", "届", "级", "时", "点", "分", "-", "—", "–", "~", "～",
                      "至", "到", ".", "×", "*", "/")
AT_LEAST = ("不少于", "不低于", "至少", "超过", "大于", "多于", "超")
AT_MOST = ("不超过", "不高于", "不多于", "控制在", "少于", "降至", "降到")
THRESHOLD = ("低于", "高于")  # "低于50%镇街": a threshold that picks who, not a target
TOTAL_WORDS = ("累计", "共", "全年", "上半年", "前三季度", "年底", "全部", "全面", "总计", "合计")
NOT_TARGET_WORDS = ("去年", "上年", "上一年", "2022年", "最高", "上限", "现有", "已有", "目前", "总数达")
STAGE_WORDS = ("开工", "动工", "完工", "竣工", "验收", "启动", "确定", "选址", "立项", "招标", "签约", "印发", "遴选", "申报",
               "评选", "挂牌", "工程量", "工程总量", "进度")
STOP_WORDS = ("全市", "累计", "完成", "实现", "开展", "推动", "推进", "达到", "不少于", "不低于", "至少", "超过", "以上",
              "以下", "左右", "全年", "上半年", "前三季度", "年底", "预计", "力争", "确保", "进一步", "其中", "各类",
              "任务", "工作", "全部", "全面", "共", "达", "约", "的", "为", "在", "对", "和", "及", "并", "新增", "新建")
LEVEL_WORDS = ("率", "比例", "占比", "标准", "覆盖")
COMPLETE_RE = re.compile(r"全面完成|完成(?:全年|年度)[^，。；;,]{0,8}(?:目标|任务)|完成目标任务|完成各项目标|完成[^，。；;,]{0,8}任务目标")


@dataclass
class Mention:
    value: int | float
    unit: str
    comparator: str
    total: bool  # printed as a running total (累计, 全年共, 全覆盖)
    contexts: list[str]  # the words around the number, for matching (and with the noun of the number before)
    stages: frozenset
    excerpt: str  # the words of the target, verbatim
    name: str
    verbs: str = ""  # the words before the number: "完成" after per-period "新建成" marks the year's total
    noun: str = ""  # the noun next to the number: "个高质量岗位" → "高质量岗位"


def _scaled(number: str, scale: str | None) -> int | float:
    value = Decimal(number.replace(",", ""))
    if scale:
        value *= SCALES[scale]
    return as_number(value)


def _words(text: str) -> str:
    """CJK words only, without the generic verbs and fillers that every clause shares."""
    text = unicodedata.normalize("NFKC", text)
    for word in STOP_WORDS:
        text = text.replace(word, " ")
    return "".join(re.findall(r"[\u4e00-\u9fff]+", text))


def _stages(text: str) -> frozenset:
    return frozenset(w for w in STAGE_WORDS if w in text)


def _noun(before: str, after: str) -> tuple[str, bool]:
    """The head noun of a quantity, and whether it follows the unit ("3000个优质岗位") or precedes the number."""
    head = re.match(r"[\u4e00-\u9fff]{2,6}", after.strip(" 、,，“”\"").split("的")[0])
    if head and not head[0].startswith(STAGE_WORDS):
        return _words(head[0]), True
    return _words(before)[-4:], False


LEADING_FILLERS = re.compile(r"^(?:全市|累计|实现|完成|推动|推进|确保|力争|预计|其中|对|在|为|共|全年|年底|上半年|前三季度|年内|每年|"
                             r"分别|按照|按|目前|同时|并|和|及|、)+")
TRAILING_FILLERS = re.compile(r"(?:达到|达|为|至|约|不少于|不低于|至少|超过|超|分别|提高至|增长|上升|控制在|累计完成|累计|完成|任务|的|"
                              r"共|扩大)+$")


def _clean_name(text: str) -> str:
    text = LABEL_RE.sub("", re.sub(r"\s+", "", text))  # "6月底前全市建档率" → 建档率
    text = re.sub(r"[“”\"‘’]", "", text)
    text = text.split("（")[-1] if text.count("（") > text.count("）") else text
    text = text.split("）")[0] if text.count("）") > text.count("（") else text
    text = TRAILING_FILLERS.sub("", LEADING_FILLERS.sub("", text.strip(" 、,，"))).strip(" 、,，")
    return text


def _short_name(before: str, after: str) -> str:
    """A short indicator name: "新增病床 3200 张" → 新增病床; "开发不少于3000个优质岗位" → 开发优质岗位."""
    front = _clean_name(before)
    back = re.sub(r"\s+", "", after).strip(" 、,，“”\"")
    if back.startswith("的"):  # "100%的辖区", "9000 个的任务目标"
        back = "" if len(_words(front)) >= 2 else back[1:]
    back = re.split(r"[，,；;。（(]|可为|进行|实现", back)[0]
    if "的" in back:  # "10家方便可及、…、质量有保障的普惠性托育服务机构": the noun after the descriptions
        described, noun = back.rsplit("的", 1)
        back = noun if "、" in described or len(described) > 8 else described
    back = _clean_name(back)
    if len(_words(back).replace("目标", "")) >= 2 and not back.startswith(STAGE_WORDS) \
            and not re.match(r"[和及、与并]", after.strip()):
        name = front + back if len(front) <= 4 else front[-6:] + back if len(back) <= 4 else back
    else:
        name = front
    return name[-20:]


def _split_gap(gap: str) -> tuple[int, int]:
    """Where the words between two numbers divide: at the first 、 or bracket, else the first 和/及/以及."""
    m = re.search(r"[、（(]", gap) or re.search(r"以及|[和及并与]", gap)
    return (m.start(), m.end()) if m else (len(gap), 0)


def find_mentions(text: str) -> list[Mention]:
    """Quantities with their words: "累计建设筹集保障性住房 3 万套（间）" → 30000 套（间）, a running total."""
    found: list[Mention] = []
    previous_context = previous_name = ""
    for clause_match in re.finditer(r"[^，,；;。：:！!？?\n]+", _protect_commas(text)):
        clause = clause_match[0].replace("\x00", ",")
        spans = _spans(clause)
        shared = _shared_names(clause, spans)
        previous_stages: frozenset = frozenset()
        for i, (start, end, number, after, unit, comparator) in enumerate(spans):
            gap_before = clause[spans[i - 1][1]: start] if i else clause[:start]
            if i:
                gap_before = gap_before[_split_gap(gap_before)[1]:] if _split_gap(gap_before)[1] else gap_before
            gap_after = clause[end: spans[i + 1][0]] if i + 1 < len(spans) else clause[end:]
            if i + 1 < len(spans):
                gap_after = gap_after[: _split_gap(gap_after)[0]]
            before = re.sub(r"^\s*[、和及并与]+", "", gap_before)
            own = before + gap_after
            stages = _stages(own)
            if i and not _words(before):  # "验收47个A和40个B": the verb is shared by the list
                stages |= previous_stages
            contexts = [own]
            name = _short_name(before, gap_after)
            if shared:
                contexts, name = [shared[i]], _clean_name(shared[i])[-20:]
            elif len(_words(own)) < 4:  # "打通5条以上" after "未贯通道路开工25条": the noun is the one before
                contexts.append(own + "".join(w for w in re.split("|".join(STAGE_WORDS), previous_context)))
                if previous_name and (len(_words(name)) < 2 or (len(name) <= 2 and name in previous_name)):
                    name = previous_name  # "完成口袋公园建设任务，全年完成建设不少于66个"
            prefix_all = clause[:start]
            total = any(w in prefix_all for w in TOTAL_WORDS) or "全覆盖" in clause[end:]
            value = _scaled(number, after["scale"])
            excerpt = (before + clause[start:end] + gap_after).strip(" 、,，")
            noun, noun_after = _noun(before, gap_after)
            found.append(Mention(value, unit, comparator, total, contexts, stages, excerpt, name or "指标", verbs=before,
                                 noun=noun if noun_after else ""))
            previous_context, previous_name, previous_stages = contexts[-1], name, stages
        if not spans and clause.strip():
            previous_context = clause
            previous_name = _short_name(clause, "")
    return found


def _spans(clause: str) -> list[tuple]:
    """The numbers of a clause that are quantities, with their scale, unit and comparator."""
    spans = []
    for m in NUMBER_RE.finditer(clause):
        start, end = m.span()
        if re.search(r"第\s*$", clause[:start]):
            continue
        after = AFTER_RE.match(clause, end)
        unit = after["unit"] or ""
        rest = clause[after.end():] if unit else clause[end:].lstrip()
        if not unit and not after["scale"] and rest.startswith(NOT_QUANTITY_AFTER):
            continue
        if re.match(r"\s*[-—–~～至到]\s*\d", clause[end:]) or re.search(r"\d\s*[-—–~～]\s*$", clause[:start]):
            continue  # a range ("1-2个", "6—17岁") is no single target
        prefix = clause[:start].rstrip()
        words = [w for w in AT_LEAST + AT_MOST if prefix.endswith(w)]
        word = max(words, key=len) if words else ""  # "不少于" is not "少于", "不超过" not "超过"
        comparator = ">=" if word in AT_LEAST else "<=" if word else "="
        suffix = (after["suffix1"] or "") + (after["suffix2"] or "")
        if "以上" in suffix:
            comparator = ">="
        elif "以下" in suffix or "以内" in suffix:
            comparator = "<="
        if not unit and not after["scale"] and comparator == "=":
            continue  # a bare number: a name ("12345热线"), a code or a count we cannot place
        if prefix.endswith(THRESHOLD) or any(w in prefix for w in NOT_TARGET_WORDS):
            continue
        spans.append((start, after.end() if (unit or after["scale"] or suffix) else end, m[1], after, unit, comparator))
    return spans


def _shared_names(clause: str, spans: list[tuple]) -> list[str]:
    """"建档率和老年人健康管理率分别达到80%和35%": one name per number, in order."""
    if len(spans) < 2 or "分别" not in clause[: spans[0][0]]:
        return []
    head = clause[: spans[0][0]].split("分别")[0]
    parts = [p for p in re.split(r"[和、及与]", head) if p.strip()]
    if len(parts) != len(spans) or not all(len(_words(p)) >= 2 for p in parts):
        return []
    return parts


def _protect_commas(text: str) -> str:
    """Thousands separators ("1,200") are not clause breaks; hide them from the clause split."""
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "\x00", text)


# --- matching numbers to indicators ------------------------------------------------------------

COUNT_UNITS = {"人", "名", "户", "个", "家", "处", "所", "座", "条", "张", "项", "间", "台", "辆", "宗", "场", "次", "批", "批次",
               "支", "期", "份", "件", "本", "株", "棵", "盏", "根", "块", "套", "部", "篇", "门", "节", "通", "单", "类", "床",
               "位", "班", "村", "栋", "幢", "人次", "户次", "场次", "组", "队", "笔", "册", "种", "款", "例"}
UNIT_GROUPS = ({"人", "名"}, {"批", "批次"}, {"公里", "km", "千米"}, {"立方米", "立方", "方"}, {"%", "％"})


def _unit_key(unit: str) -> str:
    return unicodedata.normalize("NFKC", unit).lower()


def unit_factor(a: str, b: str) -> float:
    a, b = _unit_key(a), _unit_key(b)
    if a == b:
        return 1.0
    if "%" in (a, b):
        return 0.0
    if not a or not b:
        return 0.8
    if any(a in g and b in g for g in UNIT_GROUPS):
        return 0.9
    if a in COUNT_UNITS and b in COUNT_UNITS:
        return 0.6
    return 0.0


def _grams(text: str) -> set[str]:
    words = _words(text)
    grams = {words[i: i + 2] for i in range(len(words) - 1)}
    return grams or set(words)


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character pairs: "新增泊位" is close to "新增停车泊位", far from "充电桩"."""
    ga, gb = _grams(a), _grams(b)
    if not ga or not gb:
        return 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


@dataclass
class Series:
    """One indicator being assembled: its printed target (title or heading) and the numbers matched to it."""

    unit: str
    stages: frozenset
    texts: list[str]
    statement: Mention | None = None
    origin: str = "checkpoint"  # title | heading | checkpoint
    points: list[tuple[date, str, Mention]] = field(default_factory=list)  # (due, label, mention)
    filled: date | None = None  # a milestone added by "全面完成目标任务" or a heading's deadline
    nouns: list[str] = field(default_factory=list)

    def score(self, mention: Mention) -> float:
        factor = unit_factor(self.unit, mention.unit)
        if not factor:
            return 0.0
        if self.stages != mention.stages:
            factor *= 0.25
        if _unit_key(self.unit) == "%" and self.points and mention.value < self.points[-1][2].value:
            return 0.0  # a share of the work does not fall: another series
        if self.statement and _unit_key(self.unit) != "%":
            room = 1.5 if self.statement.comparator == ">=" else 1.0
            if mention.value > self.statement.value * room + 1e-9:
                factor *= 0.2  # a running total beyond the year's target is another count
        score = max(similarity(t, c) for t in self.texts for c in mention.contexts)
        if mention.noun and any(_grams(n) & _grams(mention.noun) for n in self.nouns if n):
            score += 0.15
        if self.statement and mention.value == self.statement.value:
            score += 0.1
        if "/" in self.unit and self.points and mention.value == self.points[-1][2].value and self.unit == mention.unit:
            score += 0.5  # the same standard ("2017元/人/月") printed again
        return factor * score


MATCH_THRESHOLD = 0.3  # a number joins an indicator printed in the title or a heading
BORN_THRESHOLD = 0.45  # numbers join one another across checkpoints only on closer wording


def assign(series: list[Series], checkpoints: list[tuple[date, str, str]]) -> list[tuple[date, str, Mention]]:
    """Place each checkpoint's numbers on the best-matching series, greedily; return the ones left over."""
    leftovers: list[tuple[date, str, Mention]] = []
    for due, label, text in checkpoints:
        mentions = find_mentions(text)
        pairs = []
        for mi, mention in enumerate(mentions):
            scores = [one.score(mention) for one in series]
            if len(_words(mention.contexts[0])) < 2:  # "完成7家": the noun is left out; one series counts 家
                alike = [si for si, one in enumerate(series)
                         if _unit_key(one.unit) == _unit_key(mention.unit) and one.stages == mention.stages]
                if len(alike) == 1:
                    scores[alike[0]] = max(scores[alike[0]], 0.5)
            for si, one in enumerate(series):
                if scores[si] >= (MATCH_THRESHOLD if one.statement else BORN_THRESHOLD):
                    pairs.append((-scores[si], si, mi))
        pairs.sort()
        used_series, used_mentions = set(), set()
        for _, si, mi in pairs:
            if si in used_series or mi in used_mentions:
                continue
            used_series.add(si)
            used_mentions.add(mi)
            series[si].points.append((due, label, mentions[mi]))
            series[si].texts.extend(mentions[mi].contexts)
            series[si].nouns.append(mentions[mi].noun)
        for mi, mention in enumerate(mentions):
            if mi not in used_mentions:
                born = Series(mention.unit, mention.stages, list(mention.contexts), points=[(due, label, mention)], nouns=[mention.noun])
                series.append(born)
                leftovers.append((due, label, mention))
    return leftovers


def _is_level(one: Series) -> bool:
    """Rates, shares and standards are levels: the same figure twice is no second amount."""
    unit = _unit_key(one.unit)
    words = "".join(t for t in one.texts)
    return unit in ("%", "‰", "个百分点") or unit.startswith("元/") or any(w in words for w in LEVEL_WORDS)


def per_period(one: Series) -> bool:
    """Per-period amounts, not running totals: a series that falls, or repeats, without saying 累计."""
    if _is_level(one) or len(one.points) < 2 or len({_unit_key(m.unit) for _, _, m in one.points}) > 1:
        return False  # levels, single figures and figures counted in different units are read as printed
    for (_, _, a), (_, _, b) in zip(one.points, one.points[1:], strict=False):
        if b.total:
            continue
        if b.value < a.value or b.value == a.value:
            return True
    return False


def milestones_of(one: Series) -> tuple[list[Milestone], str | None, list[int]]:
    """Milestones (cumulative targets), the indicator's reading, and which points were read per period."""
    target = one.statement.value if one.statement else None
    if not per_period(one):
        return [Milestone(due=due, target=m.value) for due, _, m in one.points], None, []
    running = Decimal(0)
    result, increments = [], []
    steady_verbs = {_words(m.verbs) for _, _, m in one.points[:-1]}
    for k, (due, _, m) in enumerate(one.points):
        last = k == len(one.points) - 1
        says_total = m.total or (last and target is not None and m.value == target and running > 0)
        says_total = says_total or (last and "完成" in m.verbs and not any("完成" in v for v in steady_verbs)
                                    and Decimal(str(m.value)) > running)
        if says_total:
            running = Decimal(str(m.value))
            result.append(Milestone(due=due, target=m.value))
        else:
            running += Decimal(str(m.value))
            result.append(Milestone(due=due, target=as_number(running), printed=m.value))
            increments.append(k)
    if len(increments) == len(result):
        return result, "increment", increments
    for milestone in result:  # mixed: totals as printed, per-period amounts summed
        if milestone.printed is not None and milestone.printed == milestone.target:
            milestone.printed = None
    return result, None, increments


# --- rows into tasks ---------------------------------------------------------------------------


@dataclass
class RawLine:
    row: Row
    leaders: list[str]
    lead_units: list[str]
    units: list[str]
    scope: str = ""
    blocks: list[Block] = field(default_factory=list)
    periods: list[tuple[str, date, str]] = field(default_factory=list)  # from period columns
    deadline_only: bool = False


@dataclass
class RawTask:
    code: str
    title: str
    area: str | None
    row: Row
    content: str = ""
    deadline: date | None = None
    deadline_text: str | None = None
    notes: list[str] = field(default_factory=list)
    progress: str = ""
    lines: list[RawLine] = field(default_factory=list)


CODE_CELL_RE = re.compile(r"^[（(]?\s*(\d{1,3}(?:[.-]\d{1,3})?)\s*[）)]?[.．、]?$")
TITLE_CODE_RE = re.compile(r"^(\d{1,3})\s*[.．、]\s*(?=\D)")


def _split_groups(cell: str) -> list[str]:
    """Whitespace between two names separates groups ("市住房城乡建设局(…) 市住房城乡建设局(…)")."""
    parts = [p for p in re.split(r"(?<=[^\s、，,；;：:])\s+(?=[^\s、，,；;：:])", cell.strip()) if p.strip()]
    return parts or ([cell.strip()] if cell.strip() else [])


def _numbered_groups(cell: str) -> dict[str, str]:
    """A unit cell grouped like the schedule: "（1）市城建工程管理局…；（2）市水务集团…"."""
    parts = re.split(r"[（(]\s*(\d+)\s*[）)]", cell)
    if len(parts) < 3:
        return {}
    return {parts[i]: parts[i + 1].strip(" ；;，,\n") for i in range(1, len(parts) - 1, 2)}


def _scope(unit: str) -> tuple[str, str]:
    m = re.match(r"^(.+?)\s*[（(]([^（）()]+)[）)]\s*$", unit)
    return (m[1].strip(), m[2].strip()) if m else (unit.strip(), "")


def _leaders(cell: str) -> list[str]:
    return [p for part in cell.split("\n") for p in split_units(part)]


def read_tasks(sheet: Sheet, at: int, columns: list[Column], headers: list[str], year: int,
               areas: list[Area], notes: list[str]) -> list[RawTask]:
    """Walk the rows below the header: area rows, task rows and their continuation rows."""
    by_kind: dict[str, list[Column]] = {}
    for column in columns:
        if column.kind:
            by_kind.setdefault(column.kind, []).append(column)

    def cell(row: Row, kind: str) -> str:
        cols = by_kind.get(kind, [])
        return "\n".join(row.cells[c.index] for c in cols if c.index < len(row.cells) and row.cells[c.index]).strip()

    tasks: list[RawTask] = []
    seen: dict[str, int] = {}
    area: str | None = None
    header_texts = {h.replace(" ", "") for h in headers}
    for row in sheet.rows[at + 1:]:
        if "".join(row.cells).replace(" ", "") in header_texts or " ".join(row.cells).replace(" ", "") in header_texts \
                or any(cell(row, "seq") == c.header for c in by_kind.get("seq", [])):
            continue  # the header repeated at a page break
        filled = [c for c in row.cells if c]
        if not filled:
            continue
        if len(set(filled)) == 1 and (m := AREA_RE.match(filled[0])) and not cell(row, "schedule") and len(filled[0]) <= 60:
            area = _add_area(areas, m)
            continue
        if area_text := cell(row, "area"):
            m = AREA_RE.match(area_text.split("\n")[0])
            area = _add_area(areas, m) if m else _add_area_named(areas, area_text)
        title, code_text = cell(row, "task"), cell(row, "seq")
        if re.fullmatch(r"[一二三四五六七八九十]+[、.．]?", code_text) and title \
                and not any(cell(row, k) for k in ("schedule", "period", "deadline", "lead", "units")):
            area = _add_area(areas, AREA_RE.match(code_text.rstrip("、.．") + "、" + title))
            continue
        if len(set(filled)) == 1 and not title and not any(cell(row, k) for k in ("schedule", "period", "deadline", "lead")):
            if filled[0].startswith(("注", "备注", "说明")):
                notes.append(filled[0])
            continue  # prose under the table: a footnote, a stamp
        code = None
        if code_text:
            m = CODE_CELL_RE.match(code_text)
            if not m:
                seq = by_kind["seq"][0]
                raise InputError("{place}: {code!r} is not a task number", place=sheet.where(row, seq.index, seq.header), code=code_text)
            code = m[1]
        elif title and (m := TITLE_CODE_RE.match(title)):
            code, title = m[1], title[m.end():].strip()
        if code and tasks and code == tasks[-1].code:
            code = None  # a merged 序号: another line of the same task
        if code is None and title and tasks and title == tasks[-1].title:
            title = ""
        if code is None and not title:
            if not tasks:
                col = next((c for c in columns if c.kind and c.index < len(row.cells) and row.cells[c.index]), columns[0])
                raise InputError("{place}: a row of schedule or units before any task", place=sheet.where(row, col.index, col.header))
            task = tasks[-1]
        else:
            if code is None:
                code = str(len(tasks) + 1)
                while code in seen:
                    code += "a"
            if code in seen:
                col = by_kind.get("seq", by_kind.get("task"))[0]
                raise InputError("{place}: task {code} appears twice (first at row {first})",
                                 place=sheet.where(row, col.index, col.header), code=code, first=seen[code])
            if not title:
                col = by_kind["task"][0]
                raise InputError("{place}: task {code} has no text", place=sheet.where(row, col.index, col.header), code=code)
            seen[code] = row.number
            task = RawTask(code, title, area, row)
            tasks.append(task)
        inherited = tasks[-2].lines[-1] if len(tasks) > 1 and tasks[-2].lines else None
        _read_row_lines(task, row, cell, by_kind, year, inherited, sheet.where)
    if not tasks:
        raise InputError("{path}: row {row}: a header but no task rows below it", path=sheet.path, row=sheet.rows[at].number)
    return tasks


def _add_area(areas: list[Area], m: re.Match) -> str:
    code = m[1]
    if not any(a.code == code for a in areas):
        areas.append(Area(code=code, name=m[2].strip(), declared_tasks=int(m[3]) if m[3] else None))
    return code


def _add_area_named(areas: list[Area], text: str) -> str:
    for area in areas:
        if area.name == text:
            return area.code
    code = str(len(areas) + 1)
    areas.append(Area(code=code, name=text))
    return code


def _read_row_lines(task: RawTask, row: Row, cell, by_kind: dict, year: int, inherited: RawLine | None, where) -> None:
    """One table row becomes one line, or one line per lead unit when a cell lists several."""
    previous = task.lines[-1] if task.lines else None
    leaders = _leaders(cell(row, "leader")) or (previous.leaders if previous else [])
    lead_cell = cell(row, "lead")
    units_cell = cell(row, "units")
    if content := cell(row, "content"):
        task.content = (task.content + "\n" + content).strip()
    if progress := cell(row, "progress"):
        task.progress = (task.progress + "\n" + progress).strip()
    if note := cell(row, "note"):
        task.notes.append(note)
    deadline_text = cell(row, "deadline")
    if deadline_text:
        task.deadline_text = deadline_text
        task.deadline = parse_deadline(deadline_text, year)
    periods = []
    for column in by_kind.get("period", []):
        text = row.cells[column.index] if column.index < len(row.cells) else ""
        if text:
            periods.append((column.label, column.due, text))
    blocks = []
    for column in by_kind.get("schedule", []):
        text = row.cells[column.index] if column.index < len(row.cells) else ""
        if not text:
            continue
        try:
            found = split_schedule(text, year)
        except DateError as error:
            raise InputError("{place}: {error}", place=where(row, column.index, column.header), error=error) from None
        for block in found:
            if not block.periods and column.due and block.undated:
                block.periods.append((column.label, column.due, block.undated))
                block.undated = ""
        blocks.extend(found)
    if not lead_cell and not units_cell and not previous and inherited is not None and {"lead", "units"} & set(by_kind):
        previous = inherited  # a new task whose unit cells are blank: merged with the row above
        task.notes.append(f"责任单位单元格为空，按合并单元格读作与上一行相同（{'、'.join(previous.lead_units)}）")
        leaders = leaders or previous.leaders
    if not lead_cell and not units_cell and previous is not None:
        lead_groups, unit_groups = [(u, "") for u in previous.lead_units], [previous.units]
        lead_groups = [lead_groups] if lead_groups else []
    else:
        groups = _split_groups(lead_cell) if lead_cell else []
        lead_groups = [[_scope(u) if len(groups) > 1 else (u, "") for u in split_units(g)] for g in groups]
        lead_groups = [g for g in lead_groups if g]
        unit_group_texts = _split_groups(units_cell) if units_cell else []
        unit_groups = [split_units(g) for g in unit_group_texts]
    if not lead_groups:
        units = [u for g in unit_groups for u in g]
        lead_groups = [[(units[0], "")]] if units else [[("（表中未列）", "")]]
    if len(unit_groups) != len(lead_groups):
        unit_groups = [[u for g in unit_groups for u in g]] * len(lead_groups)
    numbered = _numbered_groups(units_cell) if units_cell else {}
    if len(lead_groups) > 1 and any(s for g in lead_groups for _, s in g):
        task.notes.append("牵头单位括注范围：" + "；".join(f"{u}（{s}）" for g in lead_groups for u, s in g if s))
    if len(blocks) > 1:
        all_leads = [u for g in lead_groups for u, _ in g]
        all_units = list(dict.fromkeys(u for g in unit_groups for u in g))
        for block in blocks:
            named = [u for u in all_leads if block.heading and u in block.heading]
            units = split_units(numbered[block.number]) if block.number in numbered else all_units
            task.lines.append(RawLine(row, leaders, named or list(dict.fromkeys(all_leads)), units, block.heading, [block]))
        return
    for group, units in zip(lead_groups, unit_groups, strict=True):
        raw = RawLine(row, leaders, list(dict.fromkeys(u for u, _ in group)), units, "；".join(s for _, s in group if s),
                      list(blocks), list(periods))
        task.lines.append(raw)


# --- assembling the programme ------------------------------------------------------------------


@dataclass
class Unit:
    """Lines that share one schedule (a cell listing several lead units): numbers are read once."""

    lines: list[RawLine]
    checkpoints: list[tuple[date, str, str]]  # (due, label, text)
    heading: str = ""
    undated: str = ""
    series: list[Series] = field(default_factory=list)
    leftovers: list[tuple[date, str, Mention]] = field(default_factory=list)


def _statements(text: str, origin: str) -> list[Series]:
    result = []
    for mention in find_mentions(text):
        result.append(Series(mention.unit, mention.stages, list(mention.contexts), statement=mention, origin=origin, nouns=[mention.noun]))
    return result


def _tidy(text: str) -> str:
    """A checkpoint's words without the separator that led to the next period ("…2家;6月底前…")."""
    return re.sub(r"\s+$", "", text.strip()).rstrip("；;，,、 ")


def _units_of(task: RawTask, deadline: date | None) -> list[Unit]:
    units: list[Unit] = []
    for raw in task.lines:
        previous = units[-1].lines[-1] if units else None
        if previous is not None and raw.row is previous.row and raw.blocks == previous.blocks and raw.periods == previous.periods \
                and len(raw.blocks) <= 1:
            units[-1].lines.append(raw)
            continue
        checkpoints = [(due, label, text) for label, due, text in raw.periods]
        heading = undated = ""
        for block in raw.blocks:
            periods = [(due, label, _tidy(text)) for label, due, text in block.periods]
            if periods and block.undated:  # words before the first period stay with it, undated no more
                periods[0] = (periods[0][0], periods[0][1], block.undated + periods[0][2])
            elif block.undated:
                undated += block.undated
            checkpoints += periods
            heading = block.heading if len(raw.blocks) == 1 else heading
        if not checkpoints and deadline and not undated:
            raw.deadline_only = True
            text = task.content or task.deadline_text or ""
            checkpoints = [(deadline, task.deadline_text or "", text)]
        merged: dict[date, tuple[str, str]] = {}
        for due, label, text in sorted(checkpoints, key=lambda c: c[0]):
            if due in merged:
                old_label, old_text = merged[due]
                merged[due] = (old_label, old_text + text)
            else:
                merged[due] = (label, text)
        units.append(Unit([raw], [(d, lab, t) for d, (lab, t) in merged.items()], heading, undated))
    return units


def _read_numbers(raw: RawTask, units: list[Unit], deadline: date | None, summary: list[Message]) -> None:
    """Match each unit's schedule numbers to the title's and heading's targets; mark what "全面完成" completes."""
    title_text = raw.title + ("\n" + raw.content if raw.content else "")
    title_filled = False
    for unit in units:
        own = _statements(unit.heading, "heading") if unit.heading else []
        unit.series = own + _statements(title_text, "title")
        deadline_only = unit.lines[0].deadline_only
        starts = deadline_only and bool(_stages(raw.deadline_text or ""))  # "5月底前动工" is when work starts
        if starts:
            summary.append(Message("task {code}: 完成时限 “{deadline}” names a start, not a completion; "
                                   "its targets are kept without milestones", code=raw.code, deadline=raw.deadline_text))
        unit.leftovers = [] if starts else assign(unit.series, unit.checkpoints)
        if not unit.checkpoints:
            continue
        final_due, _, final_text = unit.checkpoints[-1]
        scope = [s for s in unit.series if s.origin == "heading"] or [s for s in unit.series if s.origin == "title"]
        says_done = (deadline_only and not starts) or bool(COMPLETE_RE.search(final_text))
        if scope and scope[0].origin == "title" and title_filled and not deadline_only:
            says_done = False  # the title's targets are completed once, not once per sub-project
        for one in scope:
            due = final_due if says_done else deadline if one.origin == "heading" else None
            if due and not any(d >= due for d, _, _ in one.points):
                one.filled = due  # "全面完成目标任务"; a sub-project's own figure is due when the task is
                title_filled = title_filled or one.origin == "title"
        for one in unit.series:  # a share of the work that reaches 100% is done: it stays done
            if _is_level(one) and one.statement is None and one.points and one.points[-1][2].value == 100 \
                    and one.points[-1][0] < final_due and says_done:
                one.filled = final_due


def build_task(raw: RawTask, year: int, summary: list[Message]) -> Task:
    """Read the numbers of one task: indicators from the title, milestones from the schedule."""
    latest = [due for line in raw.lines for block in line.blocks for _, due, _ in block.periods]
    latest += [due for line in raw.lines for _, due, _ in line.periods]
    deadline = raw.deadline or (max(latest) if latest else None)
    if raw.deadline_text and raw.deadline is None:
        summary.append(Message("task {code}: 完成时限 “{deadline}” names no date; kept as deadline_text", code=raw.code,
                               deadline=_clip(raw.deadline_text)))
    units = _units_of(raw, deadline)
    _read_numbers(raw, units, deadline, summary)
    task = Task(code=raw.code, title=raw.title, area=raw.area, deadline=deadline, deadline_text=raw.deadline_text,
                progress=raw.progress or None)
    lines: list[Line] = []
    placed: list[tuple[Series, Indicator]] = []
    spare: list[tuple[Line, Series]] = []
    for unit in units:
        unit_lines = [Line(leaders=r.leaders, lead_units=r.lead_units, units=r.units,
                           checkpoints=[Checkpoint(due=d, label=lab, text=t) for d, lab, t in unit.checkpoints]) for r in unit.lines]
        if unit.undated:
            at = deadline or date(year, 12, 31)  # the format's default deadline: the programme's end
            for line in unit_lines:
                same = [cp for cp in line.checkpoints if cp.due == at]
                if same:
                    same[0].text = unit.undated + same[0].text
                else:
                    line.checkpoints = sorted([*line.checkpoints, Checkpoint(due=at, label="", text=unit.undated)], key=lambda cp: cp.due)
            if find_mentions(unit.undated):
                summary.append(Message("task {code}: undated schedule text “{text}”: its numbers are left as text", code=raw.code,
                                       text=_clip(unit.undated)))
        lines.extend(unit_lines)
        last_due = unit.checkpoints[-1][0] if unit.checkpoints else None
        prefix = _heading_prefix(unit)
        for one in unit.series:
            indicator = _indicator(one, last_due, raw.code, summary)
            if indicator is None:
                continue
            if prefix and one.origin == "checkpoint" and prefix not in indicator.name:
                indicator.name = (prefix + indicator.name)[:30]
            line = _best_line(unit_lines, unit.lines, one)
            if one.origin == "title" and not one.points and not one.filled:
                spare.append((line, one))
                continue
            line.indicators.append(indicator)
            placed.append((one, indicator))
        for due, label, mention in unit.leftovers:
            if not any(one.points and one.points[0][2] is mention and _kept(one, last_due) for one in unit.series):
                summary.append(Message("task {code}, {due}: “{text}” not placed on an indicator; left as checkpoint text",
                                       code=raw.code, due=label or due.isoformat(), text=_clip(mention.excerpt)))
    _place_spare_targets(raw.code, spare, placed, summary)
    _unique_names(lines)
    task.lines = lines
    notes = list(dict.fromkeys(raw.notes))
    if raw.content and not any(u.lines[0].deadline_only for u in units):
        notes.insert(0, "主要内容：" + raw.content)  # the content column, kept where no checkpoint carries it
    headings = [f"第{i + 1}行：{u.heading}" for i, u in enumerate(units) if u.heading and len(units) > 1]
    if headings:
        notes.append("按单元格内分项拆行：" + "；".join(headings))
    task.note = "\n".join(notes) or None
    if not any(line.indicators for line in lines):
        summary.append(Message("task {code}: no quantity read; a text-only task judged by its checkpoints", code=raw.code))
    return task


def _heading_prefix(unit: Unit) -> str:
    """Names of a sub-project's numbers start with the sub-project: "松山湖水厂" + "土建"."""
    heading = re.sub(r"^[（(]\s*\d+\s*[）)]", "", unit.heading).strip(" ：:。")
    heading = re.sub(r"方面$", "", heading)
    if not heading or len(heading) > 20 or re.search(r"[，,。；;]", heading) or find_mentions(heading) \
            or any(heading == u for r in unit.lines for u in r.lead_units):
        return ""
    return heading


def _place_spare_targets(code: str, spare: list[tuple[Line, Series]], placed: list[tuple[Series, Indicator]],
                         summary: list[Message]) -> None:
    """A title target no checkpoint reached: it names a series read from the cells when their figures agree."""
    seen = {one.statement.excerpt for one, _ in placed if one.origin == "title"}
    for line, one in spare:
        key = one.statement.excerpt
        if key in seen:
            continue
        seen.add(key)
        twin = None
        for other, indicator in placed:
            if other.origin == "title" or not indicator.milestones or unit_factor(one.unit, indicator.unit) == 0:
                continue
            if indicator.milestones[-1].target != one.statement.value or indicator.target not in (None, one.statement.value):
                continue
            alike = max(similarity(a, b) for a in one.texts for b in other.texts) >= 0.15 \
                or any(_grams(n) & _grams(one.statement.noun or one.statement.name) for n in other.nouns if n)
            same_unit = [i for o, i in placed if o.origin != "title" and _unit_key(i.unit) == _unit_key(one.unit)]
            if alike or (_unit_key(indicator.unit) == _unit_key(one.unit) and len(same_unit) == 1):
                twin = indicator
                break
        if twin is not None:
            if other.origin == "checkpoint":
                twin.name, twin.text = one.statement.name, one.statement.excerpt
                twin.comparator, twin.target = one.statement.comparator, one.statement.value
            continue
        line.indicators.append(_indicator(one, None, code, summary))
        summary.append(Message("task {code}: “{text}” has no dated checkpoint; kept as a target without milestones", code=code,
                               text=_clip(key)))


def _kept(one: Series, last_due: date | None) -> bool:
    """A number is placed when it has a printed target, recurs, is a share, says 累计, or is the year-end figure."""
    return one.statement is not None or len(one.points) >= 2 or _unit_key(one.unit) == "%" or one.points[0][2].total \
        or (last_due is not None and one.points[-1][0] == last_due)


def _indicator(one: Series, last_due: date | None, code: str, summary: list[Message]) -> Indicator | None:
    """A series becomes an indicator when it has a printed target, a run of numbers, a share, or a year-end figure."""
    if one.statement is None and not _kept(one, last_due):
        return None
    milestones, reading, increments = milestones_of(one)
    if one.filled:
        value = one.statement.value if one.statement else one.points[-1][2].value
        milestones.append(Milestone(due=one.filled, target=value))
        reading = None  # the completed target is a total: per-period amounts keep their `printed`
    first = one.statement or one.points[0][2]
    last = one.points[-1][2] if one.points else first
    target = None
    if one.statement is not None:
        target = one.statement.value
    elif one.points and one.points[-1][0] == last_due and (not increments or (len(one.points) - 1) not in increments):
        target = one.points[-1][2].value
    elif _is_level(one) and one.points and one.points[-1][2].value == 100:
        target = 100
    if increments:
        printed = ", ".join(str(one.points[k][2].value) for k in increments)
        summary.append(Message("task {code}: “{name}” read as per-period amounts ({printed}); milestones are running totals "
                               "({totals})", code=code, name=_clip(first.name), printed=printed,
                               totals=", ".join(str(m.target) for m in milestones)))
    return Indicator(
        name=first.name, unit=first.unit, comparator=(one.statement or last).comparator, target=target,
        text=first.excerpt if one.statement else last.excerpt, reading=reading, milestones=milestones,
    )


def _best_line(lines: list[Line], raws: list[RawLine], one: Series) -> Line:
    if len(lines) == 1:
        return lines[0]
    scores = [max(similarity(r.scope, t) for t in one.texts) if r.scope else 0.0 for r in raws]
    return lines[scores.index(max(scores))]


def _unique_names(lines: list[Line]) -> None:
    """Names are unique in a task: the second "新增学位" becomes "新增学位（2）"."""
    taken: set[str] = set()
    for line in lines:
        for indicator in line.indicators:
            name, n = indicator.name, 1
            while name in taken:
                n += 1
                name = f"{indicator.name}（{n}）"
            indicator.name = name
            taken.add(name)


def _clip(text: str, size: int = 40) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= size else text[: size - 1] + "…"


def _title_before(sheet: Sheet, at: int) -> str | None:
    """The document's own title: the last line above the header that names the programme."""
    candidates = []
    for row in sheet.rows[:at]:
        values = {c for c in row.cells if c}
        if len(values) == 1:
            candidates.append(re.sub(r"^[#*\s]+|[*\s]+$", "", values.pop()))
    for words in (("实事", "民生", "项目"), ("表",)):
        for text in reversed(candidates):
            if any(w in text for w in words) and len(text) <= 60 and "单位" not in text:
                return text
    return None


def convert_table(path: Path, programme: str, year: int, sheet: str | None = None) -> Conversion:
    """Read a published breakdown table and return a validated programme, a review summary and counts."""
    path = Path(path)
    if not CODE_RE.match(programme or ""):
        raise InputError("--programme {code!r}: use lowercase letters, digits and '-'", code=programme)
    if not isinstance(year, int) or not 1900 <= year <= 2200:
        raise InputError("--year {year!r}: expected a year such as 2023", year=year)
    sheets = read_sheets(path, sheet)
    table, at, columns, headers = find_table(sheets, year)
    areas: list[Area] = []
    notes: list[str] = []
    raw_tasks = read_tasks(table, at, columns, headers, year, areas, notes)
    summary: list[Message] = []
    tasks = [build_task(raw, year, summary) for raw in raw_tasks]
    name = _title_before(table, at) or path.stem
    result = Programme(code=programme, name=name, year=year, start=date(year, 1, 1), end=date(year, 12, 31),
                       source=path.name, note="\n".join(notes) or None, areas=areas, tasks=tasks)
    try:
        checked = plan_from_dict(plan_to_dict(result), str(path))
    except InputError as error:  # pragma: no cover - a converter bug, reported rather than hidden
        raise InputError("{path}: the converted plan does not validate:\n{error}", path=path, error=error) from None
    stats = {
        "areas": len(checked.areas),
        "tasks": len(checked.tasks),
        "lines": sum(len(t.lines) for t in checked.tasks),
        "checkpoints": sum(len(line.checkpoints) for t in checked.tasks for line in t.lines),
        "indicators": sum(len(line.indicators) for t in checked.tasks for line in t.lines),
        "numeric_milestones": sum(1 for t in checked.tasks for line in t.lines for i in line.indicators
                                  for m in i.milestones if m.target is not None),
        "text_only_tasks": sum(1 for t in checked.tasks if not any(line.indicators for line in t.lines)),
        "unplaced_numbers": sum(1 for s in summary if "not placed" in s),
    }
    return Conversion(checked, summary, stats)


# --- measurement -------------------------------------------------------------------------------


def reproduction(converted: Programme, reference: Programme) -> tuple[int, int]:
    """How many numeric milestones of the reference the conversion reproduces: same task, due and target."""
    have: dict[tuple[str, date], list[float]] = {}
    for task in converted.tasks:
        for line in task.lines:
            for indicator in line.indicators:
                for milestone in indicator.milestones:
                    if milestone.target is not None:
                        have.setdefault((task.code, milestone.due), []).append(milestone.target)
    matched = total = 0
    for task in reference.tasks:
        for line in task.lines:
            for indicator in line.indicators:
                for milestone in indicator.milestones:
                    if milestone.target is None:
                        continue
                    total += 1
                    values = have.get((task.code, milestone.due), [])
                    if any(abs(v - milestone.target) <= 1e-9 * max(1, abs(milestone.target)) for v in values):
                        matched += 1
    return matched, total

