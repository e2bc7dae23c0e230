"""Issue 13, read22a: the fourteenth held-out set's numbering, each rule on a small synthetic table: items numbered
"(1)", "(2)" on across the group rows keep their printed number (the 序号 column prints a digit level "1" as well, so
the brackets tell the levels apart); a row numbered at the other level with no office, figure or date of its own over
such items is a sub-heading, no task; a circled number "①" opening an item is a level of its code."""

from __future__ import annotations

from .conftest import convert_written

HEADER = ["序号", "目标与任务", "牵头责任单位", "责任单位"]


def _read(programme) -> dict[str, tuple[str, list[str]]]:
    return {t.code: (t.title, sorted({u for line in t.lines for u in line.lead_units})) for t in programme.tasks}


# --- 1. items numbered "(N)" on across group rows, a digit sub-heading over them -----------------------------------

RUN_ON = [HEADER,
          ["一、主要预期目标", "", "", ""],
          ["(1)", "地区生产总值增长6%以上。", "市发展改革委", "各县区政府"],
          ["(2)", "固定资产投资增长6%左右。", "市发展改革委", "各县区政府"],
          ["二、重点工作", "", "", ""],
          ["1", "大力提振消费。", "", ""],
          ["(3)", "统筹衔接消费券发放。", "市商务局", "市财政局"],
          ["(4)", "实施提振消费专项行动。", "市发展改革委", "市财政局"]]


def test_items_numbered_on_across_groups_keep_their_printed_number(tmp_path):
    """The sub-heading "1 | 大力提振消费。" (no office, no figure) is no task, and the items keep "(1)"…"(4)"."""
    programme = convert_written(tmp_path, "run_on.csv", RUN_ON).programme
    assert _read(programme) == {
        "(1)": ("地区生产总值增长6%以上。", ["市发展改革委"]),
        "(2)": ("固定资产投资增长6%左右。", ["市发展改革委"]),
        "(3)": ("统筹衔接消费券发放。", ["市商务局"]),
        "(4)": ("实施提振消费专项行动。", ["市发展改革委"])}


def test_items_numbered_in_brackets_alone_go_by_the_number(tmp_path):
    """A 序号 column printing "（1）" throughout has one level: the brackets are its style, the code the number."""
    rows = [HEADER, ["（1）", "新建幼儿园3所。", "区教育局", ""], ["（2）", "新建公厕20座。", "区城管局", ""]]
    assert set(_read(convert_written(tmp_path, "brackets.csv", rows).programme)) == {"1", "2"}


def test_items_numbered_again_in_each_group_take_the_groups_number(tmp_path):
    """Numbers that start again under each group stay coded by the group ("一1", "二1"), as before."""
    rows = [HEADER, ["一、民生", "", "", ""], ["1", "新建幼儿园3所。", "区教育局", ""], ["2", "新建公厕20座。", "区城管局", ""],
            ["二、环境", "", "", ""], ["1", "新建公园2个。", "区住建局", ""]]
    assert set(_read(convert_written(tmp_path, "again.csv", rows).programme)) == {"一1", "一2", "二1"}


def test_a_numbered_row_with_an_office_of_its_own_stays_a_task(tmp_path):
    """A digit row that names its own office is an item, not a sub-heading, even above bracketed rows."""
    rows = [HEADER, ["1", "大力提振消费。", "市商务局", ""], ["(1)", "发放消费券。", "", ""], ["(2)", "培育消费增长点。", "", ""]]
    assert "1" in _read(convert_written(tmp_path, "own.csv", rows).programme)


def test_a_progress_cell_does_not_make_a_sub_heading_a_task(tmp_path):
    """A 进展情况 cell beside the sub-heading is no office, figure or date of its own: still a sub-heading."""
    rows = [[*row, "" if "、" in row[0] else "已完成" if k else "进展情况"] for k, row in enumerate(RUN_ON)]
    assert set(_read(convert_written(tmp_path, "progress.csv", rows).programme)) == {"(1)", "(2)", "(3)", "(4)"}


# --- 2. a circled number opening an item is a level of its code ------------------------------------------------------

def test_a_circled_item_under_numbered_headings_takes_their_numbers(tmp_path):
    """Headings "1.…" and "(1)…" merged over the row, items "①…" and "②…" under them: coded 1(1)①, 1(1)②, 1(2)① and
    2(1)①, the circled number dropped from the title."""
    rows = [["", "牵头部门", "责任单位"],
            ["1.城乡居民增收工程"] * 3, ["(1)增加城镇居民收入"] * 3,
            ["①以就业促增收。", "州人社局", "各县市政府"], ["②以创业带就业。", "州人社局", "州财政局"],
            ["(2)增加农村居民收入"] * 3, ["①发展特色产业。", "州农业农村局", "各县市政府"],
            ["2.教育提升工程"] * 3, ["(1)新建学校"] * 3, ["①新建幼儿园3所。", "州教育体育局", "各县市政府"]]
    programme = convert_written(tmp_path, "circled.xlsx", rows).programme
    assert {t.code: t.title for t in programme.tasks} == {
        "1(1)①": "以就业促增收。", "1(1)②": "以创业带就业。", "1(2)①": "发展特色产业。", "2(1)①": "新建幼儿园3所。"}


# --- 3. 牵头责任单位 beside a plain 责任单位: its offices all lead, wherever it is printed ------------------------------

def test_lead_responsible_units_beside_responsible_units_all_lead(tmp_path):
    """"市人社局 市农业农村局" under 牵头责任单位 both lead; printed after 责任单位, the header still says which leads."""
    title, leads = "居民收入与经济增长相匹配。", "市人社局 市农业农村局"
    for header, row in ((["序号", "目标与任务", "牵头责任单位", "责任单位"], ["1", title, leads, "各县区政府"]),
                        (["序号", "目标与任务", "责任单位", "牵头责任单位"], ["1", title, "各县区政府", leads])):
        task = convert_written(tmp_path, "leads.csv", [header, row, ["2", "新建公园2个。", "市住建局", "市城管局"]]).programme.tasks[0]
        assert sorted({u for line in task.lines for u in line.lead_units}) == ["市人社局", "市农业农村局"]
        assert {u for line in task.lines for u in line.units} - {"市人社局", "市农业农村局"} == {"各县区政府"}


# --- 4. a list of "一、" items, some of them headings over parts "(一)" ---------------------------------------------

LIST_TITLE = "某省2017年为民办实事项目"
LONG_ITEM = ("二、提高农村居民最低生活保障标准。从2017年起,将农村居民最低生活保障省定最低标准由家庭年人均收入2650元提高到"
             "3000元,财政补差水平按省定最低标准的80%确定。")


def test_a_list_of_items_and_headings_over_parts(tmp_path):
    """"一、…" lines that head nothing (the next line is "二、…") are items 一, 二, however long; "三、…" over "(一)…",
    "(二)…" is their group: 三(一), 三(二); the line announcing the items ("…主要内容是——") is none."""
    from mstrack.sources.table import convert_table

    from .conftest import write_page

    page = write_page(tmp_path / "list.html", [
        LIST_TITLE, "今年将继续为民办5项实事。", "这5项实事的主要内容是——",
        "一、实施易地扶贫搬迁工程,全省全年完成10万人搬迁任务。", LONG_ITEM, "三、建设“食品放心工程”。",
        "(一)确保全省加工食品抽检总体合格率达97.5%以上。", "(二)在全省范围增创2条省级食品安全示范街。",
        "四、推进养老服务工程建设。", "(一)2017年安排建设300个农村幸福院。"], title=LIST_TITLE)
    programme = convert_table(page, "x-2017", 2017).programme
    assert {t.code: t.title[:8] for t in programme.tasks} == {
        "一": "实施易地扶贫搬迁", "二": "提高农村居民最低", "三(一)": "确保全省加工食品", "三(二)": "在全省范围增创2",
        "四(一)": "2017年安排建"}


def test_a_raised_standard_with_thousands_commas_sets_the_new_value_only(tmp_path):
    """"由…2,650元提高到3,000元" reads as "由…2650元提高到3000元": the level it starts from is no target."""
    rows = [["序号", "项目名称", "责任单位"],
            ["1", "将低保标准由家庭年人均收入2,650元提高到3,000元。", "省民政厅"],
            ["2", "将低保标准由家庭年人均收入2650元提高到3000元。", "省民政厅"]]
    tasks = convert_written(tmp_path, "raised.csv", rows).programme.tasks
    assert [[(i.target, i.unit) for line in t.lines for i in line.indicators] for t in tasks] == [[(3000, "元")]] * 2

