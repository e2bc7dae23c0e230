"""Issue 13, read43a: the corpus's last misses, by structure. The same figure printed for two different things in one
text ("生态步道70公里；…清理底泥70公里", "30%以上的社区卫生服务中心、30%以上…乡镇卫生院") is two targets; a capacity the
programme counts in the bracket after one thing ("1所学校（九年一贯制，学位1200个）") is a target, where a description
("1个城市书房(百姓书屋，藏书10000册)") is none; an approximate progress value ("约5000") is stored as its figure, and
said so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mstrack.sources.plan_dump import dump_plan
from mstrack.sources.table.mentions import find_mentions

from .conftest import Cli, convert_written, plan_task, plan_tasks, write_plan


def targets(tmp_path: Path, words: str) -> list[tuple]:
    """The targets of one task whose WORDS are its title (a list of the year's items, each a sentence or more)."""
    task = convert_written(tmp_path, "plan.csv", [["序号", "工作任务", "牵头单位"], ["1", words, "县住建局"]], 2023).programme.tasks[0]
    return sorted((i.target, i.unit) for line in task.lines for i in line.indicators)


# --- 1. the same figure printed for two different things -------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    # gangcheng-2021's clause: the same length in two sentences, after names that share no word
    ("在干流建设生态护岸28公里、生态步道70公里；对10条支流进行整治，清理底泥70公里，建设生态护岸56公里",
     [(10, "条"), (28, "公里"), (56, "公里"), (70, "公里"), (70, "公里")]),
    # huainan-2023's list: two shares, each printed before the things it is a share of
    ("30%以上的社区卫生服务中心、30%以上服务人口超过2万的乡镇卫生院配备专职口腔医师",
     [(30, "%"), (30, "%")]),
])
def test_the_same_figure_for_two_things_is_two_targets(tmp_path, words, expected):
    assert targets(tmp_path, words) == expected


@pytest.mark.parametrize(("words", "expected"), [
    ("新建公厕10座。完成10座公厕建设", [(10, "座")]),  # the title's figure detailed in its words: one target
    ("改造道路70公里。其中改造主干道路70公里", [(70, "公里")]),  # a part given with its whole
    ("实现“一个医疗服务网格、一个门诊查询码”", []),  # a slogan's parts: no count
    ("新建公厕10座、公厕10座", [(10, "座")]),  # one name twice
    ("学位2万个、幼儿园学位2万个", [(20000, "个")]),  # a list's parts with one name
])
def test_the_same_figure_for_one_thing_stays_one_target(tmp_path, words, expected):
    assert targets(tmp_path, words) == expected


# --- 2. a capacity the programme counts, in the bracket after one thing ----------------------------------------------

def _figures(text: str, year: int = 2023) -> list[tuple]:
    return [(m.value, m.unit) for m in find_mentions(text, year)]


@pytest.mark.parametrize(("text", "expected"), [
    ("新建1所学校（九年一贯制，学位1200个）", [(1, "所"), (1200, "个")]),
    ("新建1所学校(九年一贯制,1200个学位)", [(1, "所"), (1200, "个")]),
    ("建成1所养老院（公办，床位200张）", [(1, "所"), (200, "张")]),
    ("建设1个停车场（立体，新增车位300个），完成道路改造", [(1, "个"), (300, "个")]),
    ("新建1个文化中心（剧场，座位800个）", [(1, "个"), (800, "个")]),
    # a description of the one thing stays none (shanfu-2018's library and its books)
    ("建成1个城市书房(百姓书屋，藏书10000册)", [(1, "个")]),
    ("建成1所学校（九年一贯制，占地50亩）", [(1, "所")]),
])
def test_a_capacity_in_the_bracket_after_one_thing_is_a_target(text, expected):
    assert _figures(text) == expected


# --- 3. an approximate progress value: stored as its figure, and said so --------------------------------------------

PLAN = plan_tasks(plan_task("1", "新建床位", "甲局", "新建床位", "张", 5000))


@pytest.mark.parametrize(("value", "stored"), [("约1", 1), ("约5000", 5000), ("大约1200张", 1200), ("1200", 1200)])
def test_an_approximate_progress_value_is_stored_as_its_figure_with_a_warning(cli: Cli, tmp_path, value, stored):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", PLAN))).exit_code == 0
    path = tmp_path / "周报.csv"
    path.write_text(f"计划,任务编号,指标,截至日期,数值\nx-2023,1,新建床位,2023-06-30,{value}\n", encoding="utf-8")
    result = cli("import", "progress", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert cli.sql("select value from report") == [(stored,)]
    approximate = [w for w in body["warnings"] if "approximate" in w]
    if value.isdigit():
        assert approximate == []
    else:
        assert approximate == [f"{path}:2:数值: 新建床位: '{value}' is approximate; taken as {stored}"]


# --- 4. a range of a count: its lower bound, at least, and a doubt ---------------------------------------------------

@pytest.mark.parametrize(("words", "lower"), [("建设5-10个农民创业辅导示范基地", (5, "个")), ("新建3至5所幼儿园", (3, "所")),
                                              ("改造2～3座公厕", (2, "座"))])
def test_a_range_of_things_to_build_is_its_lower_bound_and_a_doubt(tmp_path, words, lower):
    """jiangsu-2007's "建设5-10个…": a range of a count after a verb of work reads as a target of its lower bound, at
    least (tests/data/tables/README.md, ranges53); a person is asked on the task's title whether more is meant."""
    conversion = convert_written(tmp_path, "plan.csv", [["序号", "工作任务", "牵头单位"], ["1", f"新增就业500人，{words}", "县人社局"]],
                                 2023)
    task = conversion.programme.tasks[0]
    assert [(i.target, i.unit) for line in task.lines for i in line.indicators] == [(500, "人"), lower]
    said = [str(doubt) for doubt in conversion.doubts]
    assert any("row 2, column 工作任务" in one and f"a range, read as at least {lower[0]}" in one and words in one
               for one in said), said
    plan = dump_plan(conversion.programme, comments=conversion.comments)
    assert any(line.startswith("title = ") and "# check:" in line and "a range" in line for line in plan.splitlines()), plan


@pytest.mark.parametrize("words", ["服务6—17岁儿童", "覆盖0-3公里范围", "新建幼儿园5所"])
def test_no_range_of_things_to_build_no_range_doubt(tmp_path, words):
    conversion = convert_written(tmp_path, "plan.csv", [["序号", "工作任务", "牵头单位"], ["1", words, "县人社局"]], 2023)
    assert not any("a range" in str(doubt) for doubt in conversion.doubts)


# --- 5. a month's figure far below what the row reports done ---------------------------------------------------------

def _month_table(goal: str, progress: str) -> list[list[str]]:
    return [["序号", "项目内容", "牵头单位", "8月份目标", "进展情况"],
            ["1", "既有多层住宅加装电梯新增400台、完工200台", "区房管局", goal, progress]]


def test_a_month_figure_under_half_of_what_is_reported_done_is_a_doubt(tmp_path):
    """"8月份目标: 新增150台、完工80台" beside "进展情况: 新增310台,完工170台": by August more is done than the month's
    figures, so they may be what August adds, not the totals by then; on the year's pace (150 of 400 by August) the
    reading (a milestone) is kept and a person is asked on each indicator. (baoshan-2022's "新增30台、完工20台" beside 81
    and 52, far behind the year's pace as totals too, is read as the month's own amount: test_table_read48c.)"""
    conversion = convert_written(tmp_path, "t.csv", _month_table("新增150台、完工80台。", "新增310台,完工170台。"), 2022)
    said = [str(doubt) for doubt in conversion.doubts if "the month's addition" in str(doubt)]
    assert len(said) == 2 and "150" in said[0] and "310" in said[0] and "80" in said[1], said
    plan = dump_plan(conversion.programme, comments=conversion.comments)
    assert sum("# check:" in line and "the month's addition" in line for line in plan.splitlines()) == 2, plan


@pytest.mark.parametrize(("goal", "progress"), [("新增40台,完工20台。", "新增41台,完工26台。"),  # baoshan-2023: totals by then
                                                ("新增30台、完工20台。", "正在推进。")])
def test_a_month_figure_near_what_is_reported_done_asks_nothing(tmp_path, goal, progress):
    conversion = convert_written(tmp_path, "t.csv", _month_table(goal, progress), 2023)
    assert not any("the month's addition" in str(doubt) for doubt in conversion.doubts)


# --- 6. a date inside the words of a task that has none ------------------------------------------------------------

def test_a_date_inside_the_words_of_a_task_with_no_date_is_a_doubt(tmp_path):
    """"…,6月底前开工的项目全部纳入监管;…": the project's one date stands inside a description of the things it picks; the
    task is read with no deadline, and a person is asked whether it is the task's. (The year's end opening a clause,
    jininggaoxin-2021's "…建设,年底前,6家…", is the task's deadline since short53, and so is a date before a state to hold,
    pingtan-2021-guoqi's "12月份前具有…资格的财务工作者，…": test_table_short53.)"""
    words = "项目监管工程:建立项目台账,6月底前开工的项目全部纳入监管;完善托育服务体系,至少建成2所示范机构"
    conversion = convert_written(tmp_path, "plan.csv", [["序号", "工作任务", "主办单位"], ["1", words, "县卫健局"]], 2021)
    assert conversion.programme.tasks[0].deadline is None
    said = [str(doubt) for doubt in conversion.doubts if "no deadline" in str(doubt)]
    assert len(said) == 1 and "6月底前" in said[0] and "2021-06-30" in said[0], said


@pytest.mark.parametrize("rows", [
    [["序号", "工作任务", "牵头单位", "完成时限"], ["1", "年底前新建幼儿园3所", "县教育局", "2021年12月底"]],  # a deadline
    [["序号", "工作任务", "牵头单位"], ["1", "新建幼儿园3所", "县教育局"]],  # no date anywhere
])
def test_a_task_with_a_deadline_or_no_date_in_its_words_asks_nothing_of_it(tmp_path, rows):
    conversion = convert_written(tmp_path, "plan.csv", rows, 2021)
    assert not any("no deadline" in str(doubt) for doubt in conversion.doubts)
