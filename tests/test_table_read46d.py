"""Issue 13, read46d: a plan titled 工作方案 / 行动方案 / 实施方案 (no 任务分工 above its list) whose numbered items each
name their offices, by a label under the item ("责任单位：…") or by their role in the bracket after its words
("（X牵头，Y等按职责分工负责）"), is a work list: the items' own office lines say so, as a title naming a 分工 would."""

from __future__ import annotations

from .conftest import convert_written

TITLE = ["某区“国企提升发展年”", "行动方案", "一、工作目标", "全面提升国企发展水平。", "二、主要任务"]


def _read(tmp_path, lines: list[str], name: str = "plan.txt"):
    return convert_written(tmp_path, name, "\n".join(lines) + "\n", 2021).programme.tasks


def test_labelled_items_naming_a_closing_word_deep_in_their_text_are_work(tmp_path):
    """Items whose heading sentence is work ("健全协同监督机制。") though a later sentence names a closing section's word
    ("…协调运转的工作机制", "…纳入年度考核"): only the item's heading says whether it is a closing section."""
    items = [
        "1.完善法人治理结构。理清各治理主体的权责边界，建立协调运转的工作机制。", "责任单位：各区属国企，区国资局",
        "2.健全协同监督机制。整合监督资源，形成监督合力的工作机制。", "责任单位：区纪工委、区国资局",
        "3.强化风险防控。建立风险防控体系，纳入企业年度考核。", "责任单位：各区属国企",
        "4.加大人才培养力度。深化三项制度改革。", "责任单位：各区属国企，区国资局",
    ]
    tasks = _read(tmp_path, [*TITLE, *items])
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[1].title.startswith("健全协同监督机制。")
    assert tasks[1].lines[0].lead_units == ["区纪工委"]
