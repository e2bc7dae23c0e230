"""Issue 13, read46c: the thirtieth set's short tables. A list whose items end in a tortoise-shell bracket of labelled
offices ("〔牵头单位:X,责任单位:Y〕") and say their work in two sentences; items numbered under two levels of headings
("一、" and "(一)…。"); measures numbered "(一)"… inside the 具体要求 cells of a division table's merged groups; a
登记表's 总投资 merged over the rows of its item."""

from __future__ import annotations

from .conftest import convert_written

TITLE = "优化营商环境2021年重点任务分工方案"
ITEMS = [
    "1.承接下放的行政权力事项。对调整下放的事项,组织开展评估工作。〔牵头单位:区政府办公室,责任单位:区司法局,各街道(功能区)〕",
    "2.严格落实行政许可审查制度,开展监督评查。(牵头单位:区司法局;责任单位:区政府办公室)",
    "3.规范行政备案事项管理,编制备案事项清单。(牵头单位:区政府办公室;责任单位:区司法局等有关部门)",
    "4.深入研究论证区级行政权力事项,分类实施取消或转变管理方式。(牵头单位:区司法局;责任单位:区政府有关部门)",
]


def _list(tmp_path, lines: list[str]):
    return convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", 2021).programme


def _offices(task) -> tuple[list[str], list[str]]:
    return task.lines[0].lead_units, task.lines[0].units


# --- 1. a tortoise-shell bracket of labelled offices, an item of two sentences ---------------------------------------

def test_an_items_offices_in_a_tortoise_shell_bracket_are_read_as_in_a_round_one(tmp_path):
    tasks = _list(tmp_path, [TITLE, *ITEMS]).tasks
    assert [t.title for t in tasks][:1] == ["承接下放的行政权力事项。对调整下放的事项,组织开展评估工作。"]
    assert _offices(tasks[0]) == (["区政府办公室"], ["区司法局", "各街道(功能区)"])
    assert _offices(tasks[1]) == (["区司法局"], ["区政府办公室"])


def test_an_item_saying_its_work_in_a_second_sentence_counts_as_work(tmp_path):
    """"承接下放的事项。对调整下放的事项,组织开展评估工作。": the second sentence opens with a verb of work, so that three
    of the four items do work and the list is read (was: refused, two of four)."""
    round_ = ITEMS[0].replace("〔", "(").replace("〕", ")").replace("(功能区)", "")
    tasks = _list(tmp_path, [TITLE, round_, *ITEMS[1:]]).tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]


def test_a_tortoise_shell_bracket_after_a_one_sentence_item(tmp_path):
    items = [item.replace("(牵头单位", "〔牵头单位").replace(")", "〕") if k else item for k, item in enumerate(ITEMS)]
    tasks = _list(tmp_path, [TITLE, *items]).tasks
    assert [_offices(tasks[k]) for k in (1, 3)] == [(["区司法局"], ["区政府办公室"]), (["区司法局"], ["区政府有关部门"])]

