"""held54 (issue 13): structures of the forty-sixth held-out set, each on a small made-up document.

A notice's points "一、X到位，Y。各单位要…" are read as a best effort as "一、规范X。推进…" are: a heading of two short
phrases is one heading sentence still (list_fallback._work_heading), so the "要" of the detail after it makes no
requirement; and a line above citing a document by its title ("根据《…联席会议办公室…提示函》") names that document's
kind, not this one's (a meeting's notice is refused: list_fallback.own_words). Each point's doers are the subjects
of its sentences (list_doer_lines.doers_below), not an office holding others to account ("…将对…追究…责任")."""

from __future__ import annotations

from pathlib import Path

from mstrack.sources.table import convert_table
from mstrack.sources.table.list_fallback import own_words
from mstrack.sources.table.list_work import NO_PLAN_RE

POINTS = [
    "关于做好春节期间消防安全工作的通知",
    "各医疗单位：",
    "根据《县消防工作联席会议办公室关于做好春节期间火灾防控工作的提示函》要求，现通知如下：",
    "一、思想认识到位，切实履行消防安全责任。各单位要深入分析本单位消防安全形势，召开会议再部署。",
    "二、重点整治到位，扎实推进隐患排查治理。各单位要组织对重点场所开展隐患排查整治，建立台账。",
    "三、广泛宣传到位，加强消防安全教育培训。各单位要利用宣传栏普及消防安全常识，开展疏散演练。",
    "四、强化责任到位，努力确保各项工作落到实处。各单位要认真履行工作职责，做好火灾防控各项工作。县卫健局将对措施不到位的，依法追究相关人员的责任。",
    "县卫健局",
    "2024年2月1日",
]


def _written(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_points_headed_by_two_phrases_under_a_cited_title_are_read(tmp_path):
    conversion = convert_table(_written(tmp_path, POINTS), "x-2024", 2024)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["一", "二", "三", "四"]
    assert tasks[0].title.startswith("思想认识到位，切实履行消防安全责任。")
    # each point's doers, the subject of its sentence "各单位要…"; the office holding others to account is none
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [(["各单位"], [])] * 4


def test_a_meeting_is_named_by_the_line_only_outside_the_titles_it_cites():
    cited = "根据《县消防工作联席会议办公室关于做好火灾防控工作的提示函》要求，现通知如下："
    assert NO_PLAN_RE.search(cited) and not NO_PLAN_RE.search(own_words(cited))
    assert NO_PLAN_RE.search(own_words("经县消防工作联席会议研究，现将《方案》通知如下："))


# a notice's parts "一、…" on lines of their own, one of them over items "1．…": those are read (a best effort), coded
# within their part (二1 …) as a project numbered inside a numbered group is (list_fallback._parts_printed)
PARTS = [
    "关于做好2024年建军节拥军优属工作的通知",
    "局机关各处室，各医疗单位：",
    "现就做好拥军优属工作有关事项通知如下：",
    "一、高度重视拥军优属工作",
    "各医疗单位要高度重视拥军优属工作，广泛开展健康拥军活动。",
    "二、强化健康拥军优属措施",
    "1．各医疗单位要继续强化与驻军部队结对子活动，积极支持部队医疗卫生事业发展；",
    "2．继续完善军人看病就医优先措施，在医疗机构门急诊设立军人优先窗口。",
    "3．制定驻岛官兵医疗费用专项资金使用管理办法，做好随军家属医疗保障。",
    "三、深入开展义诊进军营活动",
    "建军节期间，由局医政处牵头、局综合处配合，开展一场大型义诊进军营活动。",
]


def test_items_of_one_part_are_coded_within_it(tmp_path):
    conversion = convert_table(_written(tmp_path, PARTS), "x-2024", 2024)
    tasks = conversion.programme.tasks
    # 一 and 三, a name over one paragraph naming its doers, are tasks of their own beside them (short55)
    assert [t.code for t in tasks] == ["一", "二1", "二2", "二3", "三"]
    tasks = tasks[1:4]
    # an item opening with its doers, the subject of "要", is led by them (list_doer_lines._subject_item); the others name none
    assert [t.lines[0].lead_units for t in tasks[:3]] == [["各医疗单位"], ["（表中未列）"], ["（表中未列）"]]
