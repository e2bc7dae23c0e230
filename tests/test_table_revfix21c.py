"""Review20's step and part findings: numbered steps and parts under a list's item (13-revfix21c)."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.convert import convert_table
from mstrack.sources.table.list_lines import _goes_on

OPENING = "2025年，市政府将办好以下民生实事，具体如下："
AFTER = ["2.新建社区食堂8个。（市民政局）", "3.新增停车泊位600个。（市公安局）"]


def _convert(tmp_path, paragraphs: list[str]):
    path = tmp_path / "list.html"
    path.write_text("<html><head><meta charset='utf-8'><title>某市2025年民生实事</title></head><body>"
                    + "".join(f"<p>{p}</p>" for p in [OPENING, *paragraphs, *AFTER]) + "</body></html>", encoding="utf-8")
    conversion = convert_table(path, "t", 2025)
    return {task.code: task for task in conversion.programme.tasks}


def _dues(task) -> list[date]:
    return sorted(c.due for line in task.lines for c in line.checkpoints)


def _units(task) -> tuple[set[str], set[str]]:
    return ({u for line in task.lines for u in line.lead_units},
            {u for line in task.lines for u in line.units if u not in {x for ln in task.lines for x in ln.lead_units}})


def test_dated_steps_with_their_own_offices_are_checkpoints_of_the_item(tmp_path):
    """Each step dated and naming its office (in a bracket, or in its words "X负责"): checkpoints of the item, the
    steps' offices the item's other units; no step is a task or a line of its own."""
    tasks = _convert(tmp_path, ["1.改造城市供水管网30公里。（市水务局）",
                                "（1）4月底前完成管网普查。（市住建局）", "（2）市财政局负责8月底前拨付建设资金。",
                                "（3）11月底前全部完工。"])
    assert sorted(tasks) == ["1", "2", "3"]
    one = tasks["1"]
    assert _dues(one) == [date(2025, 4, 30), date(2025, 8, 31), date(2025, 11, 30)]
    leads, others = _units(one)
    assert leads == {"市水务局"} and others == {"市住建局", "市财政局"}
    assert [i.target for line in one.lines for i in line.indicators] == [30]


def test_every_step_in_brackets_with_an_office(tmp_path):
    tasks = _convert(tmp_path, ["1.改造城市供水管网30公里。（市水务局）",
                                "（1）4月底前完成管网普查。（市住建局）", "（2）8月底前拨付建设资金。（市财政局）"])
    assert sorted(tasks) == ["1", "2", "3"]
    assert _dues(tasks["1"]) == [date(2025, 4, 30), date(2025, 8, 31)]
    assert _units(tasks["1"]) == ({"市水务局"}, {"市住建局", "市财政局"})
    assert tasks["1"].deadline is None  # steps that do not finish the item: its figure is due at the year's end


def test_parts_of_one_item_are_read_alike_never_a_task_among_lines(tmp_path):
    """A part with a figure and parts of words only: all the item's, none picked out as task 1(3)."""
    tasks = _convert(tmp_path, ["1.提升医疗服务水平。（市卫健委）", "（1）新建社区卫生服务站5个。",
                                "（2）推进分级诊疗。", "（3）开展家庭医生签约服务。"])
    assert sorted(tasks) == ["1", "2", "3"]
    one = tasks["1"]
    assert [i.target for line in one.lines for i in line.indicators] == [5]
    assert {u for line in one.lines for u in line.lead_units} == {"市卫健委"}


def test_a_dated_part_with_a_figure_is_a_checkpoint_of_its_figure(tmp_path):
    """Parts in Chinese numerals, one dated: the item's targets, the dated one due at its date."""
    tasks = _convert(tmp_path, ["1.提升医疗服务水平。（市卫健委）", "（1）新建一所社区医院。",
                                "（2）10月底前改扩建两所乡镇卫生院。"])
    assert sorted(tasks) == ["1", "2", "3"]
    one = tasks["1"]
    assert sorted(i.target for line in one.lines for i in line.indicators) == [1, 2]
    assert not any(i.name.startswith(("（", "(")) for line in one.lines for i in line.indicators)
    dated = [(m.due, m.target) for line in one.lines for i in line.indicators for m in i.milestones]
    assert dated == [(date(2025, 10, 31), 2)]
    assert one.deadline is None  # the part's date is its own checkpoint: the undated part is due when the item is


def test_a_decimal_broken_by_a_line_and_a_full_stop_is_one_figure(tmp_path):
    """"…总投资3" / "。45亿元…": the line goes on with the figure's decimals (3.45亿元); "。" + a month is no decimal."""
    tasks = _convert(tmp_path, ["1.新建城市公园2个，总投资3", "。45亿元。（市园林局）"])
    assert sorted(tasks) == ["1", "2", "3"]
    assert sorted((i.target, i.unit) for line in tasks["1"].lines for i in line.indicators) == [(2, "个"), (345000000, "元")]


def test_decimals_after_a_full_stop_need_a_unit_not_a_date():
    assert _goes_on("1.新建城市公园2个，总投资3", "。45亿元。（市园林局）") == ".45亿元。（市园林局）"
    assert _goes_on("1.新建城市公园2个，总投资3", "。12月底前完工。") == ""
    assert _goes_on("1.新建城市公园2个，总投资", "。45亿元。") == ""  # no digit before the stop: no decimal split
    assert _goes_on("1.新建城市公园2个，总投资", "3.45亿元。") == "3.45亿元。"
