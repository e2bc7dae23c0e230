#!/usr/bin/env python3
"""Province-scale synthetic data for the mstrack benchmarks (docs/performance.md).

    python bench/generate.py OUT_DIR --size 1m            # 20,000 indicators, 1,000,000 reports
    python bench/generate.py OUT_DIR --indicators 2000 --reports 100000 --xlsx
    python bench/generate.py OUT_DIR --size seed          # weekly reports for data/seed's indicators

Writes OUT_DIR/plans/*.toml (plan files, format 1, one per programme; `mstrack import plan`),
OUT_DIR/progress.csv (programme,task,indicator,as_of,value; `mstrack import progress`),
optionally OUT_DIR/progress.xlsx (the first --xlsx-rows rows, openpyxl write-only) and
OUT_DIR/meta.json (the counts). With --size seed no plan is written: the plans are data/seed/.

    python bench/generate.py OUT_DIR --size province [--big-xlsx]

is the province-sized case: one plan of 20,000 tasks (one indicator and four checkpoints each),
50 weekly reports a task with a note and a reporter (OUT_DIR/progress-all.csv, 1,000,000 rows, and
with --big-xlsx the same as .xlsx), the first 100,000 of them in OUT_DIR/progress.csv and .xlsx.

Everything comes from one seeded RNG (--seed), so the same arguments give the same bytes. The
programme year is 2023; reports fall on the Fridays of 2023, values are cumulative and never
fall for an indicator, and (indicator, as_of) is unique. Quantity indicators have quarterly
cumulative milestones; some are percentages (written as "65.5%"); some tasks carry a text-only
line ("进度安排") whose reports count checkpoints met. Text-only lines are not counted in
--indicators but their reports are counted in --reports.

Standard library only (openpyxl for --xlsx), so it runs with any Python 3.11+.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import random
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

YEAR = 2023
FRIDAYS = [date(YEAR, 1, 6) + timedelta(weeks=k) for k in range(52)]  # Jan 6 … Dec 29
QUARTERS = [(date(YEAR, 3, 31), "第一季度"), (date(YEAR, 6, 30), "第二季度"),
            (date(YEAR, 9, 30), "第三季度"), (date(YEAR, 12, 31), "第四季度")]
REPO = Path(__file__).resolve().parent.parent
SEED_DIR = REPO / "data" / "seed"

# name: (indicators, reports, programmes)
SIZES = {
    "small": (200, 10_000, 2),
    "20k": (400, 20_000, 2),
    "100k": (2_000, 100_000, 4),
    "1m": (20_000, 1_000_000, 21),
}

CITIES = [
    ("guangzhou", "广州"), ("shenzhen", "深圳"), ("zhuhai", "珠海"), ("shantou", "汕头"), ("foshan", "佛山"),
    ("shaoguan", "韶关"), ("heyuan", "河源"), ("meizhou", "梅州"), ("huizhou", "惠州"), ("shanwei", "汕尾"),
    ("dongguan", "东莞"), ("zhongshan", "中山"), ("jiangmen", "江门"), ("yangjiang", "阳江"), ("zhanjiang", "湛江"),
    ("maoming", "茂名"), ("zhaoqing", "肇庆"), ("qingyuan", "清远"), ("chaozhou", "潮州"), ("jieyang", "揭阳"),
    ("yunfu", "云浮"),
]
AREAS = ["优化医疗健康服务供给", "提升基础教育保障水平", "落实住房保障", "促进高质量就业", "完善养老托育服务",
         "改善城市人居环境", "丰富市民文体生活", "提升公共交通服务", "加强食品药品安全", "推进平安建设"]
UNITS = ["市卫生健康委", "市教育局", "市住房建设局", "市人力资源社会保障局", "市民政局", "市城市管理局",
         "市文化广电旅游体育局", "市交通运输局", "市市场监管局", "市公安局", "市发展改革委", "市财政局",
         "市规划和自然资源局", "市生态环境局", "市水务局", "市医保局", "市工务署", "市残联", "市妇联", "团市委"]
# (name, unit, typical annual target)
KINDS = [
    ("新增病床", "张", 3000), ("新建扩建医院", "家", 5), ("新建社区健康服务机构", "家", 60),
    ("新增公办学位", "个", 50000), ("新建幼儿园", "所", 40), ("建设筹集保障性住房", "套", 80000),
    ("改造老旧小区", "个", 300), ("新增就业", "人", 150000), ("技能人才培训", "人次", 200000),
    ("新建社区养老服务中心", "个", 80), ("新增普惠托位", "个", 10000), ("改造燃气管道", "公里", 1200),
    ("建设口袋公园", "个", 100), ("新建充电桩", "个", 20000), ("新开优化公交线路", "条", 60),
    ("新建改建公厕", "座", 300), ("开展文体惠民活动", "场", 5000), ("食品抽检", "批次", 80000),
    ("资助困难群众", "元", 170_000_000), ("新建绿道", "公里", 200),
]
PERCENTS = [("整体形象进度", 100), ("食品抽检合格率", 98), ("适龄儿童疫苗接种率", 95), ("群众满意度", 90)]
SUFFIXABLE = {"张", "家", "个", "所", "套", "人", "条", "座", "场"}  # value sometimes written "197个"


@dataclass
class Indicator:
    programme: str
    task: str
    name: str
    unit: str
    target: float | None
    percent: bool = False
    text_only: bool = False
    weeks: list[int] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    xvalues: list = field(default_factory=list)  # the value as an .xlsx cell holds it
    floor: list[tuple[date, float]] = field(default_factory=list)  # reports the plan itself carries
    lead: str = ""  # the lead unit (province case: it writes the notes)


def toml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def toml_num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def build_plans(rng: random.Random, n_indicators: int, n_programmes: int) -> tuple[list[tuple[str, str]], list[Indicator]]:
    """Plan files (code, TOML text) and the indicators they define, in document order."""
    per_programme = [n_indicators // n_programmes + (1 if p < n_indicators % n_programmes else 0) for p in range(n_programmes)]
    plans, indicators = [], []
    for p, count in enumerate(per_programme):
        slug, city = CITIES[p % len(CITIES)]
        code = f"{slug}-{YEAR}" if p < len(CITIES) else f"{slug}{p // len(CITIES) + 1}-{YEAR}"
        name = f"{city}市{YEAR}年民生实事项目" + ("" if p < len(CITIES) else f"（{p // len(CITIES) + 1}）")
        out = [
            "format = 1", "", "[programme]", f"code = {toml_str(code)}", f"name = {toml_str(name)}", f"year = {YEAR}",
            f"source = {toml_str('bench/generate.py synthetic data')}", 'reading = "cumulative"', "",
        ]
        areas = AREAS[: max(1, min(len(AREAS), count // 40 or 1))]
        for a, area in enumerate(areas):
            out += ["[[areas]]", f"code = \"{a + 1}\"", f"name = {toml_str(area)}", ""]
        left, t = count, 0
        while left > 0:
            t += 1
            task_code = str(t)
            n_lines = rng.choices([1, 2, 3], [6, 3, 1])[0]
            line_sizes = [rng.choices([1, 2, 3, 4], [4, 3, 2, 1])[0] for _ in range(n_lines)]
            sizes = []
            for size in line_sizes:
                take = min(size, left)
                if take:
                    sizes.append(take)
                    left -= take
            text_line = rng.random() < 0.15
            used: set[str] = set()
            chosen = []
            for size in sizes:
                line = []
                for _ in range(size):
                    if rng.random() < 0.15:
                        base, final = rng.choice(PERCENTS)
                        unit, target = "%", float(final)
                    else:
                        base, unit, typical = rng.choice(KINDS)
                        target = float(max(1, round(typical * math.exp(rng.gauss(0, 0.8)))))
                    ind_name, k = base, 1
                    while ind_name in used:
                        k += 1
                        ind_name = f"{base}（{k}）"
                    used.add(ind_name)
                    line.append((ind_name, unit, target))
                chosen.append(line)
            title = "；".join(f"{n}{toml_num(tg)}{u}" for line in chosen for n, u, tg in line)
            out += ["[[tasks]]", f"code = {toml_str(task_code)}", f"area = \"{(t - 1) % len(areas) + 1}\"",
                    f"title = {toml_str(title)}", f"deadline = \"{YEAR}-12-31\"", ""]
            for line in chosen + ([[]] if text_line else []):
                lead = rng.choice(UNITS)
                others = rng.sample([u for u in UNITS if u != lead], rng.randint(0, 3))
                out += ["[[tasks.lines]]", f"lead_units = [{toml_str(lead)}]",
                        "units = [" + ", ".join(toml_str(u) for u in [lead, *others]) + "]", "checkpoints = ["]
                for due, label in QUARTERS:
                    words = "；".join(f"{n}累计完成{round((QUARTERS.index((due, label)) + 1) * 25)}%" for n, _, _ in line) \
                        or f"完成{label}工作任务"
                    out.append(f"  {{ due = \"{due}\", label = \"{label}\", text = {toml_str(words)} }},")
                out += ["]", ""]
                if not line:
                    indicators.append(Indicator(code, task_code, "进度安排", "", 4, text_only=True))
                for ind_name, unit, target in line:
                    shares = sorted(rng.uniform(0.1, 0.95) for _ in range(3)) + [1.0]
                    if unit == "%":
                        marks = [round(target * s) for s in shares]
                    else:
                        marks = [max(1, round(target * s)) if target >= 4 else target for s in shares]
                    marks = [max(marks[: i + 1]) for i in range(4)]
                    marks[-1] = target
                    out += ["[[tasks.lines.indicators]]", f"name = {toml_str(ind_name)}", f"unit = {toml_str(unit)}",
                            'comparator = ">="', f"target = {toml_num(target)}",
                            f"text = {toml_str(f'{ind_name}{toml_num(target)}{unit}')}", "milestones = ["]
                    out += [f"  {{ due = \"{due}\", target = {toml_num(m)} }}," for (due, _), m in zip(QUARTERS, marks, strict=True)]
                    out += ["]", ""]
                    indicators.append(Indicator(code, task_code, ind_name, unit, target, percent=unit == "%"))
        plans.append((code, "\n".join(out)))
    return plans, indicators


def seed_indicators() -> list[Indicator]:
    """The quantity indicators of data/seed/ (the seed size reports on these)."""
    indicators = []
    for path in sorted(SEED_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        code = data["programme"]["code"]
        for task in data.get("tasks", []):
            for line in task.get("lines", []):
                for ind in line.get("indicators", []):
                    if ind.get("reading", data["programme"].get("reading")) == "increment" or ind.get("comparator") == "<=":
                        continue
                    unit = ind.get("unit", "")
                    target = ind.get("target")
                    if unit == "%" and (target is None or target > 100):
                        target = 100
                    floor = [(date.fromisoformat(str(r["as_of"])), float(r["value"])) for r in ind.get("reports", [])]
                    indicators.append(Indicator(code, str(task["code"]), ind["name"], unit,
                                                float(target) if target else 1000.0, percent=unit == "%", floor=floor))
    return indicators


def fill_reports(rng: random.Random, indicators: list[Indicator], n_reports: int) -> None:
    """Spread exactly n_reports weekly reports over the indicators: cumulative, non-decreasing."""
    today = date.today()
    weeks = [w for w, day in enumerate(FRIDAYS) if day <= today]
    quantity = [i for i in indicators if not i.text_only]
    text_lines = [i for i in indicators if i.text_only]
    # a text-only line reports the Friday after each quarter it met (1, 2, 3 checkpoints)
    quarter_weeks = [w for w in (13, 26, 39) if w in weeks]
    text_budget = min(len(text_lines) * len(quarter_weeks), n_reports // 50)
    for i, line in enumerate(text_lines):
        k = text_budget // len(text_lines) + (1 if i < text_budget % len(text_lines) else 0)
        line.weeks = quarter_weeks[:k]
        line.values = [str(n + 1) for n in range(k)]
        line.xvalues = [n + 1 for n in range(k)]
    left = n_reports - sum(len(line.weeks) for line in text_lines)
    if not quantity or left > len(quantity) * len(weeks):
        raise SystemExit(f"generate: {n_reports} reports do not fit {len(quantity)} indicators × {len(weeks)} weeks")
    for i, ind in enumerate(quantity):
        k = left // len(quantity) + (1 if i < left % len(quantity) else 0)
        free = [w for w in weeks if FRIDAYS[w] not in {day for day, _ in ind.floor}]
        if k > len(free):
            raise SystemExit(f"generate: {k} reports do not fit {ind.programme}/{ind.task} {ind.name}")
        ind.weeks = sorted(rng.sample(free, k))
        pace, shape = rng.uniform(0.55, 1.15), rng.uniform(0.7, 1.4)
        best = 0.0
        suffix = ind.unit in SUFFIXABLE and rng.random() < 0.1
        for w in ind.weeks:
            share = pace * ((w + 1) / 52) ** shape * rng.uniform(0.97, 1.03)
            value = min(100.0, round(ind.target * share, 1)) if ind.percent else float(round(ind.target * share))
            best = max([best, value] + [v for day, v in ind.floor if day <= FRIDAYS[w]])  # never lower than before
            text = toml_num(best)
            if ind.percent:
                ind.values.append(text + "%")
                ind.xvalues.append(text + "%")
            else:
                ind.values.append(text + ind.unit if suffix else text)
                ind.xvalues.append(int(best))


PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴霞", "徐涛", "孙丽"]
STAGES = ["前期手续办理", "主体施工推进", "设备采购安装", "人员培训到位", "运营方案制定", "验收资料整理"]


def build_province(rng: random.Random, n_tasks: int) -> tuple[str, str, list[Indicator]]:
    """One province-sized plan: n_tasks tasks, one line and one indicator each, four quarterly checkpoints
    with their text and cumulative milestones (code, TOML text, indicators)."""
    code = f"guangdong-{YEAR}"
    out = ["format = 1", "", "[programme]", f"code = {toml_str(code)}", f"name = {toml_str(f'广东省{YEAR}年民生实事项目')}",
           f"year = {YEAR}", f"source = {toml_str('bench/generate.py synthetic data (province)')}", 'reading = "cumulative"', ""]
    for a, area in enumerate(AREAS):
        out += ["[[areas]]", f"code = \"{a + 1}\"", f"name = {toml_str(area)}", ""]
    indicators = []
    for t in range(1, n_tasks + 1):
        city = CITIES[t % len(CITIES)][1]
        if rng.random() < 0.15:
            name, final = rng.choice(PERCENTS)
            unit, target = "%", float(final)
        else:
            name, unit, typical = rng.choice(KINDS)
            target = float(max(4, round(typical / 20 * math.exp(rng.gauss(0, 0.8)))))
        lead = rng.choice(UNITS)
        others = rng.sample([u for u in UNITS if u != lead], rng.randint(1, 3))
        shares = sorted(rng.uniform(0.1, 0.95) for _ in range(3)) + [1.0]
        marks = [round(target * s) for s in shares]
        marks = [max(marks[: i + 1]) for i in range(4)]
        marks[-1] = target
        out += ["[[tasks]]", f"code = \"{t}\"", f"area = \"{(t - 1) % len(AREAS) + 1}\"",
                f"title = {toml_str(f'{city}{name}{toml_num(target)}{unit}')}", f"deadline = \"{YEAR}-12-31\"", "",
                "[[tasks.lines]]", f"lead_units = [{toml_str(lead)}]",
                "units = [" + ", ".join(toml_str(u) for u in [lead, *others]) + "]", "checkpoints = ["]
        for (due, label), mark in zip(QUARTERS, marks, strict=True):
            words = f"{rng.choice(STAGES)}，{name}累计完成{toml_num(mark)}{unit}"
            out.append(f"  {{ due = \"{due}\", label = \"{label}\", text = {toml_str(words)} }},")
        out += ["]", "", "[[tasks.lines.indicators]]", f"name = {toml_str(name)}", f"unit = {toml_str(unit)}",
                'comparator = ">="', f"target = {toml_num(target)}", f"text = {toml_str(f'{name}{toml_num(target)}{unit}')}",
                "milestones = ["]
        out += [f"  {{ due = \"{due}\", target = {toml_num(m)} }}," for (due, _), m in zip(QUARTERS, marks, strict=True)]
        out += ["]", ""]
        indicators.append(Indicator(code, str(t), name, unit, target, percent=unit == "%", lead=lead))
    return code, "\n".join(out), indicators


def province_note(rng: random.Random, ind: Indicator, day: date) -> tuple[str, str]:
    """A report's note and reporter, as a unit writes them."""
    note = f"{day.month}月{day.day}日{ind.lead}报送：{rng.choice(STAGES)}有序推进，{ind.name}进度按序时推进"
    return note, f"{rng.choice(PEOPLE)}（{ind.lead}）"


def generate_province(out: Path, *, tasks: int = 20_000, per_task: int = 50, import_rows: int = 100_000,
                      seed: int = 2023, big_xlsx: bool = False) -> dict:
    """The province-sized case (docs/performance.md): one plan of `tasks` tasks, `per_task` weekly reports a task
    with a note and a reporter each: all of them in OUT/progress-all.csv (and .xlsx with big_xlsx), the first
    import_rows in OUT/progress.csv and OUT/progress.xlsx."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "plans").mkdir(exist_ok=True)
    code, text, found = build_province(rng, tasks)
    plan = out / "plans" / f"{code}.toml"
    plan.write_text(text, encoding="utf-8")
    fill_reports(rng, found, tasks * per_task)
    head = ["programme", "task", "indicator", "as_of", "value", "note", "reporter"]
    rows = [(*row[:5], *province_note(rng, ind, row[3]), row[5]) for ind, row in rows_by_week(found, with_indicator=True)]
    meta = {"seed": seed, "size": "province", "programmes": 1, "tasks": tasks, "indicators": len(found), "text_lines": 0,
            "plans": [str(plan)], "plan_bytes": plan.stat().st_size, "year": YEAR, "reports": len(rows),
            "import_rows": min(import_rows, len(rows))}
    for name, part in (("progress-all", rows), ("progress", rows[:import_rows])):
        with (out / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(head)
            writer.writerows((p, t, n, d.isoformat(), v, note, who) for p, t, n, d, v, note, who, _ in part)
        meta[name.replace("-", "_") + "_csv"] = str(out / f"{name}.csv")
        if name == "progress" or big_xlsx:
            write_excel_xlsx(out / f"{name}-excel.xlsx", head,
                             [[p, int(t), n, d, xvalue, note, who] for p, t, n, d, _, note, who, xvalue in part])
            meta[name.replace("-", "_") + "_excel_xlsx"] = str(out / f"{name}-excel.xlsx")
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet("进度报送")
            sheet.append(head)
            for p, t, n, d, _, note, who, xvalue in part:
                sheet.append([p, t, n, d, xvalue, note, who])
            book.save(out / f"{name}.xlsx")
            meta[name.replace("-", "_") + "_xlsx"] = str(out / f"{name}.xlsx")
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return meta


EXCEL_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
EXCEL_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EXCEL_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
EXCEL_STYLES = (  # cellXfs 0 general, 1 a date (custom format 176), 2 a percent (built-in 10, "0.00%")
    f'<styleSheet xmlns="{EXCEL_NS}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>'
    '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf>'
    '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf>'
    '</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def write_excel_xlsx(path: Path, head: list[str], rows: list[list]) -> None:
    """One sheet written as Excel (and WPS) save it, which is how offices' files come: every text in a
    shared-strings table (cells t="s"), every cell with its r="B7" reference, a row's span, dates as serial
    numbers in a date style and percentages as fractions in a percent style ("65.5%" typed is 0.655).
    openpyxl's write-only files (the other .xlsx rows) hold inline strings with every Chinese character
    as a character reference instead. Standard library only."""
    import zipfile
    from xml.sax.saxutils import escape

    strings: dict[str, int] = {}
    epoch = date(1899, 12, 30)
    letters = [chr(65 + k) for k in range(len(head))]
    span = f' spans="1:{len(head)}"'

    def cell(ref: str, value) -> str:
        if isinstance(value, str) and value.endswith("%"):
            return f'<c r="{ref}" s="2"><v>{round(float(value[:-1]) / 100, 12)!r}</v></c>'
        if isinstance(value, str):
            return f'<c r="{ref}" t="s"><v>{strings.setdefault(value, len(strings))}</v></c>'
        if isinstance(value, date):
            return f'<c r="{ref}" s="1"><v>{(value - epoch).days}</v></c>'
        return f'<c r="{ref}"><v>{value}</v></c>'

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="{EXCEL_NS}" '
                        f'xmlns:r="{EXCEL_REL}"><dimension ref="A1:{letters[-1]}{len(rows) + 1}"/>'
                        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
                        '<sheetFormatPr defaultRowHeight="14.25"/><sheetData>'.encode())
            for number, values in enumerate(itertools.chain([head], rows), start=1):
                cells = "".join(cell(f"{letter}{number}", value) for letter, value in zip(letters, values, strict=True))
                sheet.write(f'<row r="{number}"{span}>{cells}</row>'.encode())
            sheet.write(b'</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
                        b'footer="0.3"/></worksheet>')
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as shared:
            shared.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="{EXCEL_NS}" '
                         f'count="{len(head) * (len(rows) + 1)}" uniqueCount="{len(strings)}">'.encode())
            for text in strings:
                space = ' xml:space="preserve"' if text != text.strip() else ""
                shared.write(f"<si><t{space}>{escape(text)}</t></si>".encode())
            shared.write(b"</sst>")
        archive.writestr("xl/styles.xml", EXCEL_STYLES)
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{EXCEL_NS}" xmlns:r="{EXCEL_REL}"><workbookPr '
                         'defaultThemeVersion="124226"/><sheets><sheet name="进度报送" sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{EXCEL_PACKAGE}/relationships">'
                         f'<Relationship Id="rId3" Type="{EXCEL_REL}/sharedStrings" Target="sharedStrings.xml"/>'
                         f'<Relationship Id="rId2" Type="{EXCEL_REL}/styles" Target="styles.xml"/>'
                         f'<Relationship Id="rId1" Type="{EXCEL_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{EXCEL_PACKAGE}/relationships"><Relationship Id="rId1" '
                         f'Type="{EXCEL_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        archive.writestr("[Content_Types].xml", f'<Types xmlns="{EXCEL_PACKAGE}/content-types">'
                         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         '<Default Extension="xml" ContentType="application/xml"/>'
                         f'<Override PartName="/xl/workbook.xml" ContentType="{sheet_type}.sheet.main+xml"/>'
                         f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{sheet_type}.worksheet+xml"/>'
                         f'<Override PartName="/xl/styles.xml" ContentType="{sheet_type}.styles+xml"/>'
                         f'<Override PartName="/xl/sharedStrings.xml" ContentType="{sheet_type}.sharedStrings+xml"/></Types>')


def rows_by_week(indicators: list[Indicator], with_indicator: bool = False):
    """(programme, task, indicator, as_of, value, xlsx value), a weekly round of all units at a time
    (with_indicator: (indicator, that row) pairs)."""
    cursor = [0] * len(indicators)
    for w, day in enumerate(FRIDAYS):
        for n, ind in enumerate(indicators):
            k = cursor[n]
            if k < len(ind.weeks) and ind.weeks[k] == w:
                cursor[n] = k + 1
                row = ind.programme, ind.task, ind.name, day, ind.values[k], ind.xvalues[k]
                yield (ind, row) if with_indicator else row


def write_xlsx(path: Path, rows, limit: int) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("进度报送")
    sheet.append(["programme", "task", "indicator", "as_of", "value"])
    n = 0
    for programme, task, name, day, _, xvalue in rows:
        if n >= limit:
            break
        sheet.append([programme, task, name, day, xvalue])
        n += 1
    book.save(path)
    return n


def generate(out: Path, *, indicators: int | None = None, reports: int = 0, programmes: int | None = None,
             size: str | None = None, seed: int = 2023, xlsx: bool = False, xlsx_rows: int | None = None) -> dict:
    """Write the data set under `out`; returns what meta.json says."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    if size == "seed":
        found = seed_indicators()
        reports = reports or len(found) * 26
        plan_paths = [str(p) for p in sorted(SEED_DIR.glob("*.toml"))]
        plans_written = 0
    else:
        if size:
            indicators, default_reports, default_programmes = SIZES[size]
            reports = reports or default_reports
            programmes = programmes or default_programmes
        programmes = programmes or max(1, min(len(CITIES), (indicators or 0) // 1000))
        plans, found = build_plans(rng, indicators, programmes)
        (out / "plans").mkdir(exist_ok=True)
        plan_paths = []
        for code, text in plans:
            path = out / "plans" / f"{code}.toml"
            path.write_text(text, encoding="utf-8")
            plan_paths.append(str(path))
        plans_written = len(plans)
    fill_reports(rng, found, reports)
    csv_path = out / "progress.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["programme", "task", "indicator", "as_of", "value"])
        n_csv = 0
        for programme, task, name, day, value, _ in rows_by_week(found):
            writer.writerow([programme, task, name, day.isoformat(), value])
            n_csv += 1
    meta = {
        "seed": seed, "size": size, "programmes": len({i.programme for i in found}) if size == "seed" else plans_written,
        "indicators": sum(1 for i in found if not i.text_only), "text_lines": sum(1 for i in found if i.text_only),
        "reports": n_csv, "plans": plan_paths, "csv": str(csv_path), "year": YEAR,
    }
    if xlsx:
        xlsx_path = out / "progress.xlsx"
        meta["xlsx_rows"] = write_xlsx(xlsx_path, rows_by_week(found), xlsx_rows or n_csv)
        meta["xlsx"] = str(xlsx_path)
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="directory to write into (created)")
    parser.add_argument("--size", choices=["seed", "province", *SIZES], help="a preset: " + ", ".join(
        f"{k} = {v[0]:,} indicators / {v[1]:,} reports" for k, v in SIZES.items()) + "; seed = data/seed; "
        "province = one plan of 20,000 tasks, 50 reports a task with note and reporter")
    parser.add_argument("--indicators", type=int, help="quantity indicators (text-only lines come on top)")
    parser.add_argument("--reports", type=int, default=0, help="weekly reports in progress.csv (≤ 52 per indicator)")
    parser.add_argument("--programmes", type=int, help="programmes (one plan file each)")
    parser.add_argument("--seed", type=int, default=2023, help="RNG seed [2023]")
    parser.add_argument("--xlsx", action="store_true", help="also write progress.xlsx")
    parser.add_argument("--xlsx-rows", type=int, help="rows in progress.xlsx [all]")
    parser.add_argument("--big-xlsx", action="store_true", help="province: also write progress-all.xlsx (1,000,000 rows)")
    args = parser.parse_args(argv)
    if args.size == "province":
        meta = generate_province(args.out, seed=args.seed, big_xlsx=args.big_xlsx)
        print(json.dumps({k: v for k, v in meta.items() if k != "plans"}, ensure_ascii=False), file=sys.stderr)
        return 0
    if not args.size and not args.indicators:
        parser.error("give --size or --indicators")
    meta = generate(args.out, indicators=args.indicators, reports=args.reports, programmes=args.programmes,
                    size=args.size, seed=args.seed, xlsx=args.xlsx, xlsx_rows=args.xlsx_rows)
    print(json.dumps({k: v for k, v in meta.items() if k != "plans"}, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
