"""mstrack.sources.table: published breakdown tables (.txt/.tsv/.csv/.xlsx) into a reviewable plan."""

import tomllib
from datetime import date
from pathlib import Path

import pytest

from mstrack.domain.dates import period_end
from mstrack.errors import InputError
from mstrack.sources.plan import load_plan, plan_from_dict
from mstrack.sources.plan_dump import dump_plan, plan_to_dict
from mstrack.sources.table import convert_table, reproduction
from mstrack.sources.table.schedule import parse_deadline, split_schedule

from .conftest import SEEDS, SOURCES, convert_written, write_table

# Share of the seeds' numeric milestones (task, due, target) that converting data/sources/
# reproduces, rounded down to the percent: the level reached, so that a change that reads fewer
# numbers fails. Misses: shenzhen 25 "确定 25 个…路段" (a selection, read as a different step);
# dongguan 13 "挖潜扩容学位 2.3万" (no indicator shares its wording); dongguan 58 簕竹 investment
# 1000/1766/2500 万 (rising, so read as printed; the seed reads per-period sums).
REACHED = {"shenzhen-2023": 99, "qingdao-2023": 100, "dongguan-2023": 98}
SEED_SOURCES = {
    "shenzhen-2023": "000_c24e1b05b30dc82b.txt",
    "qingdao-2023": "002_2ed4cef8df3e0b07.txt",
    "dongguan-2023": "003_05daa77793e29e3a.txt",
}


@pytest.fixture(scope="module")
def converted():
    return {code: convert_table(SOURCES / name, code, 2023) for code, name in SEED_SOURCES.items()}


write_csv = write_table  # the name other test files import


def task(result, code: str):
    return next(t for t in result.programme.tasks if t.code == code)


def milestones(line_or_task) -> list[tuple[str, float]]:
    lines = line_or_task.lines if hasattr(line_or_task, "lines") else [line_or_task]
    return sorted((m.due.isoformat(), m.target) for line in lines for i in line.indicators for m in i.milestones)


# --- the measurement ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(SEED_SOURCES))
def test_seed_tables_reproduce_the_numeric_checkpoints(converted, code):
    matched, total = reproduction(converted[code].programme, load_plan(SEEDS / f"{code}.toml"))
    share = 100 * matched / total
    assert total > 90
    assert share >= REACHED[code], f"{code}: {matched}/{total} = {share:.1f}% reproduced, below {REACHED[code]}%"


@pytest.mark.parametrize("code", sorted(SEED_SOURCES))
def test_seed_tables_convert_to_the_seed_structure(converted, code):
    result, seed = converted[code], load_plan(SEEDS / f"{code}.toml")
    programme = result.programme
    assert [t.code for t in programme.tasks] == [t.code for t in seed.tasks]
    assert [t.title for t in programme.tasks] == [t.title for t in seed.tasks]
    assert [(a.code, a.name, a.declared_tasks) for a in programme.areas] == [(a.code, a.name, a.declared_tasks) for a in seed.areas]
    assert [t.area for t in programme.tasks] == [t.area for t in seed.tasks]
    assert [len(t.lines) for t in programme.tasks] == [len(t.lines) for t in seed.tasks]
    assert result.stats["tasks"] == len(seed.tasks)
    assert {"tasks", "checkpoints", "indicators", "numeric_milestones"} <= set(result.stats)
    plan_from_dict(tomllib.loads(dump_plan(programme)), "dumped")  # what the command writes reads back


def test_reproduction_counts_task_due_and_target():
    seed = load_plan(SEEDS / "qingdao-2023.toml")
    assert reproduction(seed, seed) == (97, 97)
    shifted = load_plan(SEEDS / "qingdao-2023.toml")
    for line in shifted.tasks[0].lines:  # task 1: 4 + 3 + 4 milestones, each a day late
        for indicator in line.indicators:
            for milestone in indicator.milestones:
                milestone.due = date(2023, milestone.due.month, milestone.due.day - 1)
    assert reproduction(shifted, seed) == (86, 97)


def test_shenzhen_layout(converted):
    result = converted["shenzhen-2023"]
    one = task(result, "1")
    assert [line.lead_units for line in one.lines] == [["市建筑工务署"], ["市建筑工务署"]]  # row 2's merged cells
    assert [cp.label for cp in one.lines[0].checkpoints] == ["第一季度", "第二季度", "第三季度", "第四季度"]
    five = task(result, "5").lines[0]
    assert {i.unit for i in five.indicators} == {"套（间）"}
    assert milestones(five) == sorted([
        ("2023-03-31", 10000), ("2023-06-30", 30000), ("2023-09-30", 60000), ("2023-12-31", 185000),
        ("2023-03-31", 3500), ("2023-06-30", 12000), ("2023-09-30", 22000), ("2023-12-31", 65000),
    ])


def test_qingdao_layout_splits_lead_units(converted):
    two = task(converted["qingdao-2023"], "2")
    assert [line.lead_units for line in two.lines] == [["市住房城乡建设局"], ["市住房城乡建设局"]]
    assert two.lines[0].units == ["市财政局", "市自然资源和规划局", "各区(市)政府"]
    assert two.lines[1].units[0] == "市发展改革委"
    assert [cp.text for cp in two.lines[0].checkpoints] == [cp.text for cp in two.lines[1].checkpoints]
    assert "节能保暖工程" in two.note and "老旧小区改造" in two.note
    energy = [i for i in two.lines[0].indicators]
    assert [(i.unit, i.target, i.comparator) for i in energy] == [("平方米", 6400000, ">=")]
    assert [(m.due, m.target) for m in energy[0].milestones] == [(date(2023, 12, 31), 6400000)]  # "全面完成目标任务"
    three = task(converted["qingdao-2023"], "3")
    assert three.deadline == date(2023, 11, 30)


def test_dongguan_layout(converted):
    result = converted["dongguan-2023"]
    assert task(result, "1").lines[0].leaders == ["黎  军"]
    assert task(result, "29").lines[0].lead_units == ["市住房城乡建设局"]  # the Word bookmark is dropped
    fifty_five = task(result, "55")
    assert sorted(u for line in fifty_five.lines for u in line.lead_units) == sorted(
        ["市公安局", "市生态环境局", "市住房城乡建设局", "市城市管理综合执法局"])
    ten = task(result, "10").lines[0]
    assert [(cp.due, cp.label) for cp in ten.checkpoints] == [
        (date(2023, 3, 31), "一季度"), (date(2023, 9, 30), "二、三季度"), (date(2023, 12, 31), "四季度")]
    jobs = next(i for i in task(result, "36").lines[0].indicators if i.unit == "人")
    assert jobs.reading == "increment"  # 2.3万 every quarter: per-period amounts
    assert [(m.printed, m.target) for m in jobs.milestones] == [(23000, 23000), (23000, 46000), (23000, 69000), (24000, 93000)]


# The plan each seed document converts to, as TOML with its check comments, by its SHA-256: a change to the
# reader made for another table must leave the seeds' plans byte for byte as they were (a dropped 第四季度
# checkpoint of shenzhen task 4 changes no count above). When a change is meant to alter them, review the
# diff of `mstrack import table` on the document before recording the new digest here. 001 (yantian) changed once
# on purpose: task 4's "区工务署\n区教育局" is two units, as data/seed/yantian-2023.toml has them, no longer one name.
# 000, 001 and 003 changed once on purpose (13-revfix21b): a name over 20 characters is no longer its last 20, cut inside
# a word ("院1#、4#…", "师傅广东技工…", "染儿童、…"), but cut after a description's 的 or kept whole; names only.
# 002 (qingdao) changed once on purpose (13-read43a): task 9's "…体育公园10处、…城市书房10处" is two targets, its 城市书房
# line gets its 10 处 as data/seed/qingdao-2023.toml has it (the same figure for two things is no longer one).
# 003 (dongguan) changed once on purpose (views50): "累计个案帮扶数增长15%以上" names its indicator 个案帮扶数增长, as
# data/seed/dongguan-2023.toml does (a growth target's indicator is the growth).
# All four changed once on purpose (fixdoubt59): each indicator a [[tasks.lines.indicators]] table of its own (was
# inline when short), the same plan once read (tomllib), the no-date doubt reworded; the same comments on the same keys.
# 002 (qingdao) changed again on purpose (fixtrial64a, trial64 F4): task 5's "按照二孩300元、三孩380元每人每月进行补贴"
# are the subsidy's rates, no targets: its two indicators "= 300元", "= 380元" (and their no-date doubts) are gone, its
# line text-only, as data/seed/qingdao-2023.toml reads it ("是补贴额度，不是工作目标，不设指标").
SEED_PLAN_DIGESTS = {
    "000_c24e1b05b30dc82b.txt": "38eba16cb7f295ba2c818060c615e8b9bc3ab0e6a5e775c088418d2a0864063c",
    "001_099251c64b2fd942.txt": "feb7f16c2b8527bb6074c07c1b0bcd516e04d72a7f65acb3542c62f1583572ba",
    "002_2ed4cef8df3e0b07.txt": "f9e4c0c7a86e9d39f78f0b8bfa4ee8ee62ef8d284811ce1abaf40f2d4d89c4de",
    "003_05daa77793e29e3a.txt": "3d0dd30943fd7c9e3548b2607921237e322296948c0856871b3954945ab251e9",
}


@pytest.mark.parametrize("name", sorted(SEED_PLAN_DIGESTS))
def test_seed_documents_convert_byte_for_byte_as_recorded(name):
    import hashlib

    result = convert_table(SOURCES / name, "s" + name[:3], 2023)
    plan = dump_plan(result.programme, comments=result.comments)
    assert hashlib.sha256(plan.encode("utf-8")).hexdigest() == SEED_PLAN_DIGESTS[name]


# --- other tables ------------------------------------------------------------------------------


def unseen_workbook(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "民生实事"
    ws.append(["某区2023年十件民生实事项目表"])
    ws.merge_cells("A1:D1")
    ws.append(["实事项目", "主要内容", "完成时限", "责任单位"])
    ws.append(["一、教育（共2项）"])
    ws.merge_cells("A3:D3")
    ws.append(["1.新建公办幼儿园", "新建公办幼儿园3所，新增学位1200个", "9月投入使用", "区教育局、各街道"])
    ws.append(["2.建设社区食堂", "建设社区长者食堂10家", "12月底前", None])
    ws.merge_cells("D4:D5")  # one 责任单位 cell for two rows
    ws.append(["二、交通（共2项）"])
    ws.merge_cells("A6:D6")
    ws.append(["3.道路改造", "改造背街小巷15条", "5月底前动工", "区住建局"])
    ws.append(["4.智慧停车", "推进智慧停车平台建设", "长期", "区交通局"])
    book.save(path)
    return path


def test_unseen_workbook_with_merged_cells(tmp_path):
    result = convert_table(unseen_workbook(tmp_path / "unseen.xlsx"), "x-2023", 2023)
    programme = result.programme
    assert programme.name == "某区2023年十件民生实事项目表"
    assert [(a.code, a.name, a.declared_tasks) for a in programme.areas] == [("一", "教育", 2), ("二", "交通", 2)]
    assert [(t.code, t.title, t.area) for t in programme.tasks] == [
        ("1", "新建公办幼儿园", "一"), ("2", "建设社区食堂", "一"), ("3", "道路改造", "二"), ("4", "智慧停车", "二")]
    one, two, three, four = programme.tasks
    assert (one.deadline, one.text.deadline_text) == (date(2023, 9, 30), "9月投入使用")
    assert milestones(one) == [("2023-09-30", 3), ("2023-09-30", 1200)]
    assert one.lines[0].checkpoints[0].text == "新建公办幼儿园3所，新增学位1200个"
    assert two.lines[0].units == ["区教育局", "各街道"]  # the merged cell reads as its top-left value
    assert milestones(two) == [("2023-12-31", 10)]
    assert three.deadline is None  # "5月底前动工" dates the start (issue 13): a checkpoint, not the completion date
    assert [(c.due, c.text) for c in three.lines[0].checkpoints] == [(date(2023, 5, 31), "改造背街小巷15条")]
    assert milestones(three) == []  # "动工" is when work starts: the 15 lanes are not due then
    assert [i.target for i in three.lines[0].indicators] == [15]
    assert four.deadline is None and four.text.deadline_text == "长期"
    assert any("task 3" in s and "动工" in s for s in result.summary)
    assert any("task 4" in s and "长期" in s for s in result.summary)


def test_csv_with_a_schedule_column(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [
        ["2023年区民生实事项目进度安排"],
        ["序号", "项目内容", "进度安排", "牵头单位", "配合单位"],
        ["1", "新增公共停车泊位2000个以上", "3月底前,新增泊位500个。 6月底前,新增泊位1000个。 12月底前,全面完成目标任务。",
         "区住建局", "区交通局、各街道"],
        ["2", "开展家庭医生签约服务", "一季度，制定方案。二、三季度，组织签约。四季度，总结。", "区卫健局", ""],
    ])
    result = convert_table(path, "x-2023", 2023)
    one, two = result.programme.tasks
    assert one.lines[0].lead_units == ["区住建局"] and one.lines[0].units == ["区交通局", "各街道"]
    assert [(cp.label, cp.text) for cp in one.lines[0].checkpoints] == [
        ("3月底前", "新增泊位500个。"), ("6月底前", "新增泊位1000个。"), ("12月底前", "全面完成目标任务。")]
    [parking] = one.lines[0].indicators
    assert (parking.target, parking.comparator, parking.unit) == (2000, ">=", "个")
    assert [(m.due.month, m.target) for m in parking.milestones] == [(3, 500), (6, 1000), (12, 2000)]
    assert [(cp.due, cp.label) for cp in two.lines[0].checkpoints] == [
        (date(2023, 3, 31), "一季度"), (date(2023, 9, 30), "二、三季度"), (date(2023, 12, 31), "四季度")]
    assert any("task 2" in s and "text-only" in s for s in result.summary)


def test_tab_separated_file(tmp_path):
    result = convert_written(tmp_path, "plan.tsv", "序号\t实事项目\t完成时限\t牵头单位\n1\t建成口袋公园20个\t2023.10\t区城管局\n", 2023)
    assert milestones(result.programme.tasks[0]) == [("2023-10-31", 20)]


def test_cells_spread_over_lines_with_a_blank_line_inside_a_row(tmp_path):
    one, two = convert_written(tmp_path, "report.txt", "附件\n\t实事项目\n\t进度安排\n\t责任单位\n\n"
                                                       "\t1.新建社区食堂6家\n\t一季度，新建成2家。\n\n二季度，累计建成6家。\n\t区民政局\n\n"
                                                       "\t2.改造小区\n\t全年，改造小区3个。\n\t区住建局\n", 2023).programme.tasks
    assert one.title == "新建社区食堂6家" and one.lines[0].lead_units == ["区民政局"]
    assert milestones(one) == [("2023-03-31", 2), ("2023-06-30", 6)]
    assert two.lines[0].checkpoints[0].label == "全年" and milestones(two) == [("2023-12-31", 3)]


# --- the traps ---------------------------------------------------------------------------------


def test_numbered_list_item_is_not_a_decimal_month():
    [block] = split_schedule("1.4月底前完成选址；2.9月底前建成投用", 2023)
    assert block.periods[0][:2] == ("4月底前", date(2023, 4, 30))
    assert block.periods[1][:2] == ("9月底前", date(2023, 9, 30))


def test_numbered_list_in_a_table(tmp_path):
    path = write_csv(tmp_path / "list.csv", [
        ["序号", "实事项目", "工作举措及实施计划", "责任单位"],
        ["1", "建设口袋公园10个", "1.4月底前完成选址；2.9月底前建成投用10个", "区城管局"],
    ])
    line = convert_table(path, "x-2023", 2023).programme.tasks[0].lines[0]
    assert [(cp.due, cp.label, cp.text) for cp in line.checkpoints] == [
        (date(2023, 4, 30), "4月底前", "完成选址"), (date(2023, 9, 30), "9月底前", "建成投用10个")]
    assert [(m.due, m.target) for i in line.indicators for m in i.milestones] == [(date(2023, 9, 30), 10)]


@pytest.mark.parametrize("title", ["新建成社区长者食堂7家", "建设社区长者食堂"])
def test_per_period_amounts_then_the_years_total(tmp_path, title):
    path = write_csv(tmp_path / "canteens.csv", [
        ["序号", "项目内容", "进度安排", "牵头单位"],
        ["1", title, "3月底前新建成2家;6月底前新建成2家;9月底前完成7家", "区民政局"],
    ])
    [indicator] = convert_table(path, "x-2023", 2023).programme.tasks[0].lines[0].indicators
    assert [(m.due.month, m.target) for m in indicator.milestones] == [(3, 2), (6, 4), (9, 7)]
    assert [m.printed for m in indicator.milestones] == [None, 2, None]  # 2 as printed, 4 the running total
    assert indicator.target == 7


def test_per_period_amounts_then_completion(tmp_path):
    path = write_csv(tmp_path / "nursery.csv", [
        ["序号", "项目内容", "进度安排", "牵头单位"],
        ["1", "新增托位10个", "3月底前,新增托位2个。 6月底前,新增托位2个。 12月底前,全面完成目标任务。", "区卫健局"],
    ])
    [indicator] = convert_table(path, "x-2023", 2023).programme.tasks[0].lines[0].indicators
    assert [(m.due.month, m.printed, m.target) for m in indicator.milestones] == [(3, 2, 2), (6, 2, 4), (12, None, 10)]
    assert indicator.reading is None


def test_numbers_that_cannot_be_placed_stay_text(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [
        ["序号", "工作任务", "第一季度", "第二季度", "第三季度", "牵头单位"],
        ["1", "提升社区服务", "走访独居老人300户。", "举办培训班2期。", "总结经验。", "区民政局"],
    ])
    result = convert_table(path, "x-2023", 2023)
    line = result.programme.tasks[0].lines[0]
    assert line.indicators == [] and "走访独居老人300户" in line.checkpoints[0].text
    assert any("第一季度" in s and "300户" in s and "left as checkpoint text" in s for s in result.summary)
    assert result.stats["unplaced_numbers"] == 2


# --- periods -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "due"), [
    ("一季度", date(2023, 3, 31)), ("第二季度", date(2023, 6, 30)), ("一、二季度", date(2023, 6, 30)),
    ("二、三、四季度", date(2023, 12, 31)), ("7-9月", date(2023, 9, 30)), ("7月-9月", date(2023, 9, 30)),
    ("全年", date(2023, 12, 31)), ("上半年", date(2023, 6, 30)), ("11月底前", date(2023, 11, 30)),
    ("7月份", date(2023, 7, 31)), ("10月前", date(2023, 9, 30)), ("3月8日", date(2023, 3, 8)),
    ("2024年3月底前", date(2024, 3, 31)),
])
def test_period_labels(label, due):
    assert period_end(label, 2023) == due


@pytest.mark.parametrize(("text", "due"), [
    ("12月底前", date(2023, 12, 31)), ("9月投入使用", date(2023, 9, 30)), ("5月底前动工", date(2023, 5, 31)),
    ("2023.11", date(2023, 11, 30)), ("2023-06-30", date(2023, 6, 30)), ("长期", None), ("", None),
])
def test_deadlines(text, due):
    assert parse_deadline(text, 2023) == due


def test_mid_sentence_months_are_not_periods():
    [block] = split_schedule("6月底前,开展6月份测评。 9月底前,开展7-9月份测评。", 2023)
    assert [p[0] for p in block.periods] == ["6月底前", "9月底前"]
    assert "7-9月份测评" in block.periods[1][2]


# --- unreadable input --------------------------------------------------------------------------


def test_no_recognisable_header(tmp_path):
    path = write_csv(tmp_path / "other.csv", [["姓名", "电话"], ["张三", "123"]])
    with pytest.raises(InputError, match=r"other\.csv: no header row found"):
        convert_table(path, "x-2023", 2023)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.csv: the file is empty"):
        convert_table(path, "x-2023", 2023)


def test_binary_file(tmp_path):
    path = tmp_path / "blob.csv"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError, match=r"blob\.csv: not a text file"):
        convert_table(path, "x-2023", 2023)


def test_damaged_workbook(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match=r"broken\.xlsx: not a readable \.xlsx file"):
        convert_table(path, "x-2023", 2023)


def test_sheet_option(tmp_path):
    book = unseen_workbook(tmp_path / "unseen.xlsx")
    assert len(convert_table(book, "x-2023", 2023, sheet="民生实事").programme.tasks) == 4
    with pytest.raises(InputError, match="no sheet named 'Sheet9'"):
        convert_table(book, "x-2023", 2023, sheet="Sheet9")
    csv_path = write_csv(tmp_path / "plan.csv", [["实事项目", "完成时限"], ["建成公园2个", "12月底前"]])
    with pytest.raises(InputError, match="--sheet applies to workbooks only"):
        convert_table(csv_path, "x-2023", 2023, sheet="民生实事")


def test_a_task_number_twice_names_row_and_column(tmp_path):
    """The second row numbered 1 is read too, as task 1a, and said (it refused the whole table before refuse46)."""
    path = write_csv(tmp_path / "twice.csv", [
        ["序号", "实事项目", "完成时限"], ["1", "建成公园2个", "12月底前"], ["2", "改造小区3个", "9月"], ["1", "新增床位", "6月"],
    ])
    result = convert_table(path, "x-2023", 2023)
    assert [(t.code, t.title) for t in result.programme.tasks] == [("1", "建成公园2个"), ("2", "改造小区3个"), ("1a", "新增床位")]
    assert "twice.csv: row 4, column 1 (序号): task 1 appears twice (first at row 2): read as task 1a; check its number" in result.doubts


def test_a_csv_row_is_named_as_a_spreadsheet_numbers_it_when_a_cell_spans_lines(tmp_path):
    """One CSV reader (sources/sheets.py) for import table and import progress: row 4 is the fourth
    row WPS or Excel shows, though the schedule cell above it spans three lines of the file."""
    path = write_csv(tmp_path / "twice.csv", [
        ["序号", "实事项目", "进度安排"], ["1", "建成公园2个", "6月底前完成选址；\n9月底前开工；\n12月底前建成"],
        ["2", "改造小区3个", "9月底前完成"], ["1", "新增床位", "6月底前完成"],
    ])
    assert "twice.csv: row 4, column 1 (序号): task 1 appears twice (first at row 2): read as task 1a; check its number" in convert_table(
        path, "x-2023", 2023).doubts


def test_a_task_number_that_is_not_a_number(tmp_path):
    path = write_csv(tmp_path / "bad.csv", [["序号", "实事项目", "完成时限"], ["第一项", "建成公园2个", "12月底前"]])
    with pytest.raises(InputError, match=r"bad\.csv: row 2, column 1 \(序号\): '第一项' is not a task number"):
        convert_table(path, "x-2023", 2023)


def test_a_period_that_is_no_date_names_row_and_column(tmp_path):
    path = write_csv(tmp_path / "feb.csv", [["序号", "实事项目", "进度安排"], ["1", "建成公园2个", "2月30日前完成选址。12月底前建成。"]])
    with pytest.raises(InputError, match=r"feb\.csv: row 2, column 3 \(进度安排\): '2月30日前' is not a date"):
        convert_table(path, "x-2023", 2023)


def test_a_repeated_header_is_skipped(tmp_path):
    path = write_csv(tmp_path / "pages.csv", [
        ["序号", "实事项目", "完成时限"], ["1", "建成公园2个", "6月底前"], ["序号", "实事项目（续）", ""], ["2", "改造小区3个", "9月"],
    ])
    assert [t.code for t in convert_table(path, "x-2023", 2023).programme.tasks] == ["1", "2"]


def test_bad_programme_code_or_year(tmp_path):
    path = write_csv(tmp_path / "plan.csv", [["实事项目", "完成时限"], ["建成公园2个", "12月底前"]])
    with pytest.raises(InputError, match="--programme"):
        convert_table(path, "X 2023", 2023)
    with pytest.raises(InputError, match="--year"):
        convert_table(path, "x-2023", 20230)


def test_result_validates_and_round_trips(converted):
    for result in converted.values():
        again = plan_from_dict(plan_to_dict(result.programme), "again")
        assert plan_to_dict(again) == plan_to_dict(result.programme)


def test_the_command_writes_a_plan_that_imports(tmp_path):
    from typer.testing import CliRunner

    from mstrack.cli import app

    runner = CliRunner(env={"MSTRACK_LANG": "en"})
    out = tmp_path / "sz.toml"
    source = Path(__file__).resolve().parents[1] / "data" / "sources" / "000_c24e1b05b30dc82b.txt"
    result = runner.invoke(app, ["import", "table", str(source), "-p", "sz-draft", "--year", "2023", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "33 tasks" in result.stdout
    db = tmp_path / "t.db"
    result = runner.invoke(app, ["--db", str(db), "import", "plan", str(out)])
    assert result.exit_code == 0 and "33 tasks added" in result.stdout
    same = out.read_bytes()
    rerun = runner.invoke(app, ["import", "table", str(source), "-p", "sz-draft", "--year", "2023", "-o", str(out)])
    assert rerun.exit_code == 0 and out.read_bytes() == same, rerun.output  # the same plan again: nothing to lose (safe38)
    out.write_bytes(same + "# 办公室 reviewed\n".encode())
    again = runner.invoke(app, ["import", "table", str(source), "-p", "sz-draft", "--year", "2023", "-o", str(out)])
    assert again.exit_code == 2 and "exists already" in again.stderr
    assert "remove it first, or give another --output name" in again.stderr, again.stderr  # the way on
    bad = runner.invoke(app, ["import", "table", str(source), "-p", "SZ Draft", "--year", "2023", "-o", str(tmp_path / "x.toml")])
    assert bad.exit_code == 2 and "--programme" in bad.stderr
