"""held70b (issue 13): an emergency plan (应急预案) read by the outline of last resort (sources/table/outline.py): its
member units' duties are the part read, and its standing work in parts of its own — prevention ("（二）预防行动"),
publicity, training and drills ("五、宣传、培训和演练") — is read beside them; what is done when a response is started or
lifted, and the means it relies on (保障措施), are no task."""

from __future__ import annotations

from mstrack.sources.table import convert_table

from .conftest import write_lines

PLAN = [
    "某镇关于印发《某镇防汛防台风应急预案》的通知",
    "各村（居），各有关单位：",
    "现将《某镇防汛防台风应急预案》印发给你们，请遵照执行。",
    "一、总则",
    "（一）编制目的",
    "规范防汛防台风应急工作。",
    "二、组织机构及职责",
    "（一）成员单位职责",
    "（1）党政办公室：协调各成员单位开展防汛防台风工作；",
    "（2）农业农村办：负责指导渔业防台风工作；",
    "（3）各派出所：负责维护抗洪抢险秩序；",
    "三、预防和预警机制",
    "（一）预警信息",
    "镇防指及时发布预警信息。",
    "（二）预防行动",
    "1.落实责任。防汛期间，各村（居）落实属地防汛责任。",
    "2.配足物资。定期检查更新防汛物资。",
    "四、响应工作",
    "1.镇防指启动应急响应，党政办公室通知各成员单位到岗。",
    "2.农业农村办组织渔船回港避风。",
    "3.各派出所维护灾区治安。",
    "五、宣传、培训和演练",
    "（一）宣传教育",
    "充分利用广播、电视开展防汛防台风宣传。",
    "（二）培训",
    "组织各村（居）防汛责任人参加培训。",
    "六、保障措施",
    "（一）宣传保障：加强防汛防台风知识宣传。",
    "（二）通信保障：各通信运营部门保障通信畅通。",
    "七、附则",
    "本预案自印发之日起实施。",
    "某镇人民政府",
    "2023年3月28日",
]


def test_an_emergency_plans_standing_work_is_read_beside_its_duties(tmp_path):
    conversion = convert_table(write_lines(tmp_path / "plan.txt", PLAN), "x-2023", 2023)
    assert "outline of last resort" in str(conversion.best_effort)
    # the duties, the prevention actions and the drills; not the response (四), nor the means (六's 宣传保障)
    assert [t.code for t in conversion.programme.tasks] == ["二(一)(1)", "二(一)(2)", "二(一)(3)", "三(二)1", "三(二)2",
                                                            "五(一)", "五(二)"]
    tasks = {t.code: t for t in conversion.programme.tasks}
    assert tasks["五(一)"].title == "宣传教育"
    assert tasks["二(一)(2)"].lines[0].lead_units == ["农业农村办"]


def test_a_plan_that_is_no_emergency_plan_reads_only_its_part(tmp_path):
    lines = [line.replace("应急预案", "工作方案") for line in PLAN]
    codes = [t.code for t in convert_table(write_lines(tmp_path / "plan.txt", lines), "x-2023", 2023).programme.tasks]
    assert codes == ["二(一)(1)", "二(一)(2)", "二(一)(3)"]
