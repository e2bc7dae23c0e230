"""Issue 13, held52c: an event's duties numbered "（一）" under its part "七、其他事项", each led by the offices its words
name (a duty's work listing things, an office in a bracket, each clause's own office), and two offices' equal shares."""

from __future__ import annotations

from datetime import date

from .conftest import convert_written

NO_UNIT = "（表中未列）"  # the converter's placeholder where a task names no office


def _tasks(tmp_path, lines: list[str], year: int, name: str = "plan.txt"):
    return convert_written(tmp_path, name, "\n".join(lines) + "\n", year).programme.tasks


CLINIC = ["某区义诊活动方案",
          "为做好义诊活动，现特制定活动方案如下：",
          "一、时 间：2019年3月12日",
          "二、地 点：某镇某村委会",
          "三、参加对象",
          "（一）局综合处、医政处负责人及相关工作人员；",
          "（二）区医院、区中医院专家组。",
          "四、其他事项",
          "（一）局医政处负责本次活动的组织协调；",
          "（二）局公卫处、区疾控中心负责宣传材料、展板及横幅;",
          "（三）3月12日上午参加活动的所有人员在区医院大门集中（局综合处负责交通工具）；",
          "（四）所有医务人员要统一着装；区医院准备2000元常用药品；区中医院准备2000元常用药品；",
          "（五）某村委负责桌椅布置，区卫生院协助。"]


def test_an_events_bracketed_duties_are_led_by_the_offices_their_words_name(tmp_path):
    """An event's plan whose duties are numbered "（一）" under "四、其他事项": each a task coded within its part (四(一)),
    due on the event's day ("一、时 间：…", a space inside 时间). Its offices as its words name them: a duty whose work
    lists things ("负责宣传材料、展板及横幅": the 、 joins no office), the office in a bracket of an item whose words are
    everyone's ("（局综合处负责交通工具）", the bracket kept in the title), each clause's own office ("区医院准备…；区中医院
    准备…": the first leads); the attendees' list above ("…负责人及相关工作人员") is no duty."""
    tasks = _tasks(tmp_path, CLINIC, 2019)
    assert [t.code for t in tasks] == ["四(一)", "四(二)", "四(三)", "四(四)", "四(五)"]
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["局医政处"], []), (["局公卫处", "区疾控中心"], []), (["局综合处"], []), (["区医院"], ["区中医院"]),
        (["某村委"], ["区卫生院"])]
    assert {t.deadline for t in tasks} == {date(2019, 3, 12)}
    assert tasks[2].title == "3月12日上午参加活动的所有人员在区医院大门集中（局综合处负责交通工具）；"
    assert [i for line in tasks[2].lines for i in line.indicators] == []


def test_two_offices_equal_shares_are_two_targets(tmp_path):
    """"区医院准备2000元常用药品；区中医院准备2000元常用药品": the same figure in two clauses, each opening with an office of
    its own, is each office's share: two targets, not one printed twice."""
    tasks = _tasks(tmp_path, CLINIC, 2019)
    indicators = [i for line in tasks[3].lines for i in line.indicators]
    assert [(i.target, i.unit) for i in indicators] == [(2000, "元"), (2000, "元")]
    assert len({i.name for i in indicators}) == 2


def test_one_figure_restated_by_one_office_stays_one_target(tmp_path):
    """The same office printing its figure twice ("区医院准备2000元常用药品，区医院准备2000元药品") is one target: only
    different offices make shares."""
    lines = [*CLINIC[:11], "（四）区医院准备2000元常用药品；区医院准备2000元常用药品；", CLINIC[12]]
    tasks = _tasks(tmp_path, lines, 2019)
    assert [(i.target, i.unit) for line in tasks[3].lines for i in line.indicators] == [(2000, "元")]


def test_bracketed_duties_without_the_events_day_are_not_an_events(tmp_path):
    """Without the day printed in a part of its own, the "（一）" duties are not read as an event's: no day to give them
    (the best-effort reading takes them, undated)."""
    lines = [line for line in CLINIC if not line.startswith("一、")]
    tasks = _tasks(tmp_path, lines, 2019)
    assert [t.deadline for t in tasks] == [None] * 5
