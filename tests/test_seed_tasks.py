"""Every task of the five documents is in data/seed/, led by the units the document names.

The documents in data/sources/ are parsed here on their own, one small function per layout,
without the project's code, so that a seed and this test cannot share a mistake.
The checkpoint table at the end was read off the documents by hand.
"""

import re
import tomllib

import pytest

from .conftest import SEEDS, SOURCES

BOOKMARK = "[bookmark: _GoBack]"


def read_plan(code: str) -> dict:
    return tomllib.loads((SEEDS / f"{code}.toml").read_text(encoding="utf-8"))


def read_source(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def in_order(names) -> list[str]:
    """The names once each, in the order they first appear."""
    return list(dict.fromkeys(names))


def seed_lead_units(plan: dict) -> dict[str, list[str]]:
    """Task code -> the union, in order, of lead_units over the task's lines."""
    return {
        task["code"]: in_order(unit for line in task["lines"] for unit in line.get("lead_units", []))
        for task in plan["tasks"]
    }


def tab_cells(text: str, start: str) -> list[str]:
    """Cells of a table whose cells each open on a line starting with a tab.

    A line without the tab continues the cell above it (a multi-line cell); blank lines are
    layout only. The table starts at the line `start`.
    """
    cells: list[str] = []
    for line in text[text.index(start):].splitlines():
        if line.startswith("\t"):
            cells.append(line[1:])
        elif line.strip():
            cells[-1] += "\n" + line
    return cells


def rows_of(cells: list[str], width: int) -> list[list[str]]:
    assert len(cells) % width == 0, f"{len(cells)} cells do not make rows of {width}"
    return [cells[i:i + width] for i in range(0, len(cells), width)]


def cell_lines(cell: str) -> list[str]:
    return [part.strip() for part in cell.replace(BOOKMARK, "").split("\n") if part.strip()]


# -- one parser per document layout ---------------------------------------------------------


def shenzhen_leads() -> dict[str, list[str]]:
    """000: the 工作责任分解表, one tab-separated line of 9 cells per table row.

    A task's second row (tasks 1, 22, 25, 33) leaves 序号 and 工作任务 empty; where it also leaves
    分管市领导/牵头单位/责任单位 empty (task 1) those cells are merged with the row above.
    """
    text = read_source("000_c24e1b05b30dc82b.txt")
    leads: dict[str, list[str]] = {}
    code, previous = None, None
    for line in text[text.index("序号\t工作任务"):].splitlines():
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != 9:
            continue
        if cells[0] == "序号" or cells[2] == "第一季度":  # the header, repeated on every page
            continue
        if cells[0] and not any(cells[1:]):  # an area row: "一、优化医疗健康服务供给"
            assert re.fullmatch(r"[一二三四五六七八九十]+、.+", cells[0]), line
            continue
        if cells[0]:
            assert cells[0].isdigit() and cells[1], line
            code = cells[0]
            leads[code] = []
            lead = cells[7]
        else:
            assert code and not cells[1] and any(cells[2:6]), line  # a task's second row
            lead = cells[7] or previous  # empty: merged with the row above
        assert lead, line
        leads[code].append(lead)
        previous = lead
    return {code: in_order(units) for code, units in leads.items()}


def yantian_rows() -> list[list[str]]:
    """001: the appendix 一览表; six cells a row, each opening on a line that starts with a tab.

    项目名称 | 项目内容 | 上半年进展情况 | 下半年任务目标及措施 | 责任单位 | 完成时限
    """
    rows = rows_of(tab_cells(read_source("001_099251c64b2fd942.txt"), "\t项目名称"), 6)
    assert rows[0][:2] == ["项目名称", "项目内容"] and rows[0][4] == "责任单位"
    return rows[1:]


def yantian_leads() -> dict[str, list[str]]:
    """No lead-unit column: the first unit listed in 责任单位 leads; a blank cell is merged with the task above."""
    leads: dict[str, list[str]] = {}
    previous = None
    for row in yantian_rows():
        code = re.match(r"(\d+)\.", row[1]).group(1)
        units = cell_lines(row[4])
        lead = units[0] if units else previous
        leads[code] = [lead]
        previous = lead
    return leads


def qingdao_leads() -> dict[str, list[str]]:
    """002: one tab-separated line per item: 序号 | 实施内容 | 牵头单位 | 协办单位 | 实施计划.

    Several lead units in one cell are separated by spaces, each with its scope in brackets:
    "市住房城乡建设局(节能保暖工程) 市住房城乡建设局(老旧小区改造)".
    """
    text = read_source("002_2ed4cef8df3e0b07.txt")
    leads: dict[str, list[str]] = {}
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) != 5 or not cells[0].isdigit():
            continue
        names = cells[2].split()
        if len(names) > 1:
            assert all(re.search(r"[(（][^()（）]+[)）]$", name) for name in names), cells[2]
        leads[cells[0]] = in_order(re.sub(r"[(（][^()（）]*[)）]$", "", name) for name in names)
    return leads


def dongguan_rows() -> list[list[str]]:
    """003: six cells a task, each opening on a line that starts with a tab.

    (area) | {N}.{title} | schedule | leader(s) | lead unit(s) | co-units; the area cell is
    "一、强化医疗服务保障（共12项）" on the first task of an area and empty on the others.
    """
    rows = rows_of(tab_cells(read_source("003_05daa77793e29e3a.txt"), "\t总体要求"), 6)
    assert rows[0] == ["总体要求", "年度目标及工作内容", "季度进度安排", "责任领导", "牵头单位", "协助单位"]
    return rows[1:]


def dongguan_leads() -> dict[str, list[str]]:
    leads: dict[str, list[str]] = {}
    for row in dongguan_rows():
        code = re.match(r"(\d+)\.", row[1]).group(1)
        leads[code] = in_order(cell_lines(row[4]))  # task 55 lists four, one a line
    return leads


DOCUMENTS = {
    "shenzhen-2023": (shenzhen_leads, 33),
    "yantian-2023": (yantian_leads, 19),
    "qingdao-2023": (qingdao_leads, 16),
    "dongguan-2023": (dongguan_leads, 61),
}


# -- 1. every task of the document, with its lead units ------------------------------------------


@pytest.mark.parametrize("programme", DOCUMENTS)
def test_the_seed_has_exactly_the_documents_tasks(programme):
    parse, count = DOCUMENTS[programme]
    document = parse()
    assert list(document) == [str(n) for n in range(1, count + 1)]
    seed = [task["code"] for task in read_plan(programme)["tasks"]]
    assert len(seed) == count
    assert set(seed) == set(document)


@pytest.mark.parametrize("programme", DOCUMENTS)
def test_every_task_has_the_documents_lead_units(programme):
    parse, _ = DOCUMENTS[programme]
    document = parse()
    seed = seed_lead_units(read_plan(programme))
    wrong = {code: (leads, seed.get(code)) for code, leads in document.items() if seed.get(code) != leads}
    assert not wrong, "task: (document, seed) " + repr(wrong)


def test_the_readings_the_parsers_rely_on():
    """The document facts behind the readings the seed notes document."""
    shenzhen = shenzhen_leads()
    assert shenzhen["1"] == ["市建筑工务署"]  # its second row's empty cells are merged with row 1
    assert shenzhen["22"] == ["市卫生健康委", "市教育局"]
    assert shenzhen["33"] == ["市城管和综合执法局", "市水务局"]

    blank = [re.match(r"\d+", row[1]).group() for row in yantian_rows() if not cell_lines(row[4])]
    assert blank == ["13", "17", "18"]
    yantian = yantian_leads()
    assert yantian["12"] == yantian["13"] == ["区人力局"]
    assert yantian["16"] == yantian["17"] == yantian["18"] == ["区民政局"]
    assert yantian["14"] == ["区委宣传部"]  # 区委宣传部 / 区文广旅体局, one a line

    qingdao = qingdao_leads()
    assert qingdao["2"] == ["市住房城乡建设局"]  # listed twice, one scope each
    assert qingdao["9"] == ["市体育局", "市文化和旅游局"]
    assert qingdao["8"] == ["市园林和林业局", "市城市管理局", "市南区政府"]

    dongguan = dongguan_leads()
    assert dongguan["55"] == ["市公安局", "市生态环境局", "市住房城乡建设局", "市城市管理综合执法局"]
    assert dongguan["29"] == ["市住房城乡建设局"]  # printed after a "[bookmark: _GoBack]" marker


def test_dongguan_areas_hold_the_number_of_tasks_they_declare():
    declared, counted, area = {}, {}, None
    for row in dongguan_rows():
        if row[0]:
            name, count = re.fullmatch(r"([一二三四五六七八九十]+)、.+（共(\d+)项）", row[0]).groups()
            if name != area:
                area = name
                declared[area] = int(count)
        counted[area] = counted.get(area, 0) + 1
    assert counted == declared
    assert sum(declared.values()) == 61


def test_report_titles_are_clauses_of_the_report():
    document = squash(read_source("004_e415a60c3335da06.txt"))
    tasks = read_plan("shenzhen-2023-report")["tasks"]
    assert [task["code"] for task in tasks] == [str(n) for n in range(1, len(tasks) + 1)]
    missing = [task["code"] for task in tasks if squash(task["title"]) not in document]
    assert not missing
    targeted = [
        task["code"] for task in tasks
        if any("target" in ind for line in task["lines"] for ind in line.get("indicators", []))
    ]
    assert len(targeted) >= 40


# -- 2. checkpoint values read off the documents by hand ---------------------------------------------
#
# (programme, task, indicator, kind, date, value): kind "target" is the milestone due on the date,
# cumulative from January 1 in base units; kind "report" is progress the document reports as of it.
# Dongguan increments are summed by hand: task 50 "二季度，培训2万人次；三季度，培训2万人次；
# 四季度，培训2.3万人次" is 63000 at 12-31.

SZ, YT, QD, DG, RP = "shenzhen-2023", "yantian-2023", "qingdao-2023", "dongguan-2023", "shenzhen-2023-report"

CHECKPOINTS = [
    # 000 工作责任分解表: the quarter cells are running totals ("累计")
    (SZ, "5", "建设筹集保障性住房", "target", "2023-09-30", 60000),  # 6 万套（间）
    (SZ, "5", "供应分配保障性住房", "target", "2023-03-31", 3500),  # 0.35 万套（间）
    (SZ, "6", "完成投资", "target", "2023-06-30", 170_000_000),  # 约 1.7 亿元
    (SZ, "6", "完成投资", "target", "2023-09-30", 430_000_000),  # 约 4.3 亿元
    (SZ, "7", "新增管道天然气用户", "target", "2023-09-30", 160000),  # 16 万户
    (SZ, "3", "直接结算定点药店", "target", "2023-06-30", 10),
    (SZ, "11", "社区长者服务站覆盖率", "target", "2023-09-30", 30),  # 30%
    (SZ, "12", "新增基础教育学位", "target", "2023-09-30", 130000),  # 约13万个
    (SZ, "16", "药品评价性抽检", "target", "2023-03-31", 300),
    (SZ, "28", "新增就业", "target", "2023-06-30", 89000),  # 8.9 万人
    (SZ, "28", "新增就业", "target", "2023-09-30", 148000),  # 14.8 万人
    (SZ, "31", "一键预约订单量", "target", "2023-09-30", 1_500_000),  # 150万宗
    (SZ, "33", "新增碧道", "target", "2023-06-30", 40),  # task 33's second row
    # 001 一览表: second-half checkpoints, and progress reported at 2023-06-30
    (YT, "3", "整体形象进度", "report", "2023-06-30", 65),  # 截至6月30日，完成整体形象进度65%
    (YT, "3", "整体形象进度", "target", "2023-09-30", 80),  # 7-9月：80%
    (YT, "1", "道路综合整治工程", "target", "2023-12-31", 4),  # 2 done in April + 2 in December
    (YT, "7", "新增住院床位", "target", "2023-11-30", 386),  # 11月：增加386张床位
    (YT, "11", "电梯智慧监管终端设备", "target", "2023-10-31", 700),  # 10月
    (YT, "11", "电梯智慧监管终端设备", "target", "2023-11-30", 1200),  # 11月
    (YT, "12", "就业岗位", "report", "2023-06-30", 5446),
    (YT, "12", "就业岗位", "target", "2023-12-31", 6646),  # 5446 + 1200
    (YT, "12", "招聘会", "target", "2023-12-31", 30),  # 4 + 16 held, 10 more
    (YT, "16", "智能居家监测预警设备安装", "report", "2023-06-30", 197),
    (YT, "16", "智能居家监测预警设备安装", "target", "2023-12-31", 280),
    (YT, "19", "康复救助", "report", "2023-06-30", 180),
    (YT, "19", "探访残疾儿童", "target", "2023-12-31", 1000),  # 502 + 498
    (YT, "19", "心理疏导", "target", "2023-12-31", 500),  # 255 + 245
    (YT, "4", "总形象进度", "report", "2023-06-30", 95),
    # 002 一览表: "N月底前" checkpoints; items 3 and 13 end "11月底前"
    (QD, "1", "城镇新增就业", "target", "2023-06-30", 170000),  # 17万人
    (QD, "1", "扶持创业", "target", "2023-09-30", 22000),  # 2.2万人
    (QD, "2", "老旧小区改造开工", "target", "2023-03-31", 50),
    (QD, "3", "改造农村薄弱幼儿园", "target", "2023-11-30", 70),  # 11月底前,全面完成目标任务
    (QD, "3", "续建项目总完工率", "target", "2023-09-30", 80),  # 80%
    (QD, "13", "垃圾分类五星小区", "target", "2023-06-30", 100),
    (QD, "13", "垃圾分类五星小区", "target", "2023-11-30", 200),
    (QD, "6", "排水窨井防坠落设施", "target", "2023-09-30", 140000),  # 14万个
    (QD, "6", "优化调整公交线路", "target", "2023-09-30", 55),
    (QD, "7", "电动汽车充电桩", "target", "2023-03-31", 2400),
    (QD, "12", "农村地区清洁取暖改造", "target", "2023-09-30", 100000),  # 10万户
    (QD, "14", "村庄整村开工", "target", "2023-06-30", 50),  # 50%
    (QD, "2", "节能保暖工程", "target", "2023-12-31", 6_400_000),  # 640万平方米
    # 003 任务分解表: quarter cells, some per-quarter amounts summed by hand
    (DG, "50", "校园应急救护培训", "target", "2023-12-31", 63000),  # 2万 + 2万 + 2.3万
    (DG, "54", "清理整治存量垃圾", "target", "2023-06-30", 900_000),  # 30 + 60 万立方米
    (DG, "54", "清理整治存量垃圾", "target", "2023-12-31", 2_000_000),  # 30 + 60 + 60 + 50 万立方米
    (DG, "36", "城镇新增就业", "target", "2023-12-31", 93000),  # 2.3万 x 3 + 2.4万
    (DG, "46", "接听热线电话", "target", "2023-09-30", 5400),  # 1400 + 2000 + 2000
    (DG, "26", "重点人群消防基本技能实操实训", "target", "2023-09-30", 250000),  # 8万 + 8万 + 9万
    (DG, "7", "资金支付", "target", "2023-09-30", 45_000_000),  # 1000万 + 2000万 + 1500万
    (DG, "53", "新增工业固废焚烧能力", "target", "2023-12-31", 587400),  # 43.89 + 14.85 万吨/年
    (DG, "60", "公益科学健身指导服务", "target", "2023-12-31", 20000),  # 5000 + 13000 + 2000
    (DG, "12", "新生儿免费筛查", "target", "2023-09-30", 32300),  # 累计 3.23万人
    (DG, "24", "食用农产品快检", "target", "2023-12-31", 1_144_800),  # 累计 114.48万批次
    (DG, "34", "美丽农村路", "target", "2023-06-30", 26.5),  # 公里
    (DG, "13", "公办中小学新改扩建新增学位", "target", "2023-09-30", 27300),  # 累计 2.73万个
    (DG, "58", "清淤扩容工程清淤量", "target", "2023-06-30", 500_000),  # 约50万立方
    (DG, "55", "查处非法改装车", "target", "2023-09-30", 5400),
    (DG, "2", "发热门诊（诊室）", "target", "2023-03-31", 432),
    # 004 政府工作报告: the annual targets, due 2023-12-31
    (RP, "6", "新增就业", "target", "2023-12-31", 180000),  # 新增就业18万人
    (RP, "7", "工业投资", "target", "2023-12-31", 200_000_000_000),  # 超2000亿元
    (RP, "8", "战略性新兴产业增加值", "target", "2023-12-31", 1_400_000_000_000),  # 1.4万亿元
    (RP, "10", "新增厂房空间", "target", "2023-12-31", 20_000_000),  # 2000万平方米
    (RP, "21", "基础研究投入占比", "target", "2023-12-31", 7.5),  # 7.5%以上
    (RP, "23", "研发人员全时当量", "target", "2023-12-31", 380000),  # 38万人年
    (RP, "34", "港口集装箱吞吐量", "target", "2023-12-31", 31_000_000),  # 3100万标箱
    (RP, "36", "财富管理规模", "target", "2023-12-31", 28_000_000_000_000),  # 超28万亿元
    (RP, "43", "实际使用外资", "target", "2023-12-31", 12_000_000_000),  # 120亿美元
    (RP, "67", "供应居住用地", "target", "2023-12-31", 3.3),  # 平方公里
    (RP, "70", "建设筹集保障性租赁住房", "target", "2023-12-31", 160000),  # 16万套(间)
    (RP, "78", "PM2.5年平均浓度", "target", "2023-12-31", 15),  # 降至15微克/立方米
    (RP, "82", "新增光伏发电装机", "target", "2023-12-31", 400000),  # 40万千瓦
]

PLANS = {code: read_plan(code) for code in (SZ, YT, QD, DG, RP)}


def seed_value(programme: str, task_code: str, name: str, kind: str, date: str):
    (task,) = [task for task in PLANS[programme]["tasks"] if task["code"] == task_code]
    (indicator,) = [ind for line in task["lines"] for ind in line.get("indicators", []) if ind["name"] == name]
    if kind == "report":
        (entry,) = [r for r in indicator.get("reports", []) if r["as_of"] == date]
        return entry["value"]
    (entry,) = [m for m in indicator.get("milestones", []) if m["due"] == date]
    return entry["target"]


@pytest.mark.parametrize(
    ("programme", "task", "indicator", "kind", "date", "value"),
    [pytest.param(*row, id=f"{row[0]}/{row[1]}/{row[2]}/{row[3]}@{row[4]}") for row in CHECKPOINTS],
)
def test_checkpoint_as_printed(programme, task, indicator, kind, date, value):
    assert seed_value(programme, task, indicator, kind, date) == pytest.approx(value)


def test_at_least_ten_checkpoints_per_programme():
    counts = {code: sum(1 for row in CHECKPOINTS if row[0] == code) for code in PLANS}
    assert min(counts.values()) >= 10, counts
