"""short55 (issue 13): the structures behind the facts the last 平潭 notices lost.

- A notice printing its document number on its first line ("岚卫医政〔2018〕222号") and its title on the next: the
  best-effort gate's title test (list_fallback._no_plan_title) reads the title, not the number; a notice that sets the
  work out itself ("关于开展…活动的通知", "关于加强…工作的通知") is a plan's as "关于做好…工作的通知" is
  (list_work.PLAN_NOTICE_RE), one that issues no plan ("关于调整…标准的通知") stays refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from mstrack.sources.table.list_sections import kept_on, measures_alike

from .conftest import import_table, refused

BEST_EFFORT = "read as a best effort, in no layout the reader knows"
WORK = ["各乡镇人民政府，县直各单位：", "现将有关事项通知如下：", "一、整治内容",
        "（一）清理占道经营。县市场监管局牵头，6月底前完成。", "（二）整治背街小巷。县住建局牵头，改造小巷20条。",
        "（三）规范车辆停放。县公安局牵头，新增停车位300个。"]


def written(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "t.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_notice_under_its_document_number_that_issues_no_plan_is_refused(tmp_path):
    """The title under the number names a notice adjusting a standard: no plan, whatever its points (before: the
    number was read as the title, and the points as a best effort)."""
    result, out = import_table(written(tmp_path, ["县民政〔2024〕12号", "县民政局关于调整2024年城乡低保标准的通知", *WORK]))
    refused(result, "no header row found")
    assert BEST_EFFORT not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("title", ["县住建局关于开展2024年城区环境整治活动的通知", "县住建局关于切实加强2024年城区环境整治工作的通知",
                                   "县住建局关于做好2024年城区环境整治工作的通知"])
def test_a_notice_under_its_document_number_that_sets_the_work_out_is_read(tmp_path, title):
    """A notice whose title says it carries out or strengthens a work ("关于开展…活动", "关于加强…工作") sets that work out
    in its points: read as a best effort, its three measures the tasks."""
    result, out = import_table(written(tmp_path, ["县住建〔2024〕12号", title, *WORK]))
    assert result.exit_code == 0, result.output
    assert BEST_EFFORT in result.stderr
    plan = out.read_text(encoding="utf-8")
    assert [code for code in ("一(一)", "一(二)", "一(三)") if f'code = "{code}"' in plan] == ["一(一)", "一(二)", "一(三)"]


# a notice of three parts: 一 and 三 each a name over one paragraph naming its doers, 二 a name over items 1．–3．
PARTS = ["县卫健〔2024〕8号", "县卫健局关于开展2024年健康宣传活动的通知", "各医疗卫生单位：", "现将有关事项通知如下：",
         "一、高度重视健康宣传工作", "各医疗卫生单位要高度重视健康宣传工作，结合实际，抓好落实。",
         "二、强化健康宣传措施", "1．各医疗卫生单位要在门诊大厅设立健康宣传栏；", "2．继续完善健康教育讲座制度。",
         "3．制定健康宣传资料发放办法。", "三、深入开展义诊进社区活动",
         "活动期间，由局医政科牵头、局办公室配合，开展一场义诊进社区活动，各医疗机构要积极参与。",
         "各单位请于活动结束5日内报送活动开展情况。", "县卫健局", "2024年7月30日"]


def _tasks(plan_path: Path) -> dict[str, dict]:
    import tomllib

    plan = tomllib.loads(plan_path.read_text(encoding="utf-8"))
    return {task["code"]: task for task in plan["tasks"]}


def test_parts_over_one_paragraph_beside_a_part_over_items_are_tasks_of_their_own(tmp_path):
    """一 and 三 are tasks coded by their part, titled by their name, their paragraph's doers their offices (三: the 牵头
    office leads, the 配合 office and the subject of "要" are units); 二's items stay coded within their part (二1 …).
    Before, 一 and 三 were not read at all. The closing report after 三's paragraph is no part of it."""
    result, out = import_table(written(tmp_path, PARTS))
    assert result.exit_code == 0, result.output
    tasks = _tasks(out)
    assert list(tasks) == ["一", "二1", "二2", "二3", "三"]
    assert tasks["一"]["title"] == "高度重视健康宣传工作"
    assert tasks["一"]["lines"][0]["lead_units"] == ["各医疗卫生单位"]
    assert tasks["三"]["title"] == "深入开展义诊进社区活动"
    assert tasks["三"]["lines"][0]["lead_units"] == ["局医政科"]
    assert tasks["三"]["lines"][0]["units"] == ["局办公室", "各医疗机构"]
    assert tasks["二1"]["lines"][0]["lead_units"] == ["各医疗卫生单位"]


@pytest.mark.parametrize("heading", ["一、指导思想", "一、其他要求", "一、加强组织领导", "一、基本情况", "一、检查对象和重点",
                                     "一、组织实施"])
def test_a_framing_closing_or_requirements_part_over_one_paragraph_is_no_task(tmp_path, heading):
    """A part naming the plan's frame, a closing section, the notice's requirements or a section's label (a noun, or
    shorter than a measure's name) is no measure, whatever its paragraph's doers: only 二's items and 三 are read."""
    result, out = import_table(written(tmp_path, [*PARTS[:4], heading, *PARTS[5:]]))
    assert result.exit_code == 0, result.output
    assert list(_tasks(out)) == ["二1", "二2", "二3", "三"]


def test_a_part_over_two_paragraphs_before_the_last_is_no_task(tmp_path):
    """Only a part over one paragraph is a task of its own: 一 over two is a section of prose, left unread."""
    lines = [*PARTS[:6], "各单位要做好宣传资料的保管。", *PARTS[6:]]
    result, out = import_table(written(tmp_path, lines))
    assert result.exit_code == 0, result.output
    assert list(_tasks(out)) == ["二1", "二2", "二3", "三"]


MEASURES = ["县住建〔2024〕5号", "县住建局关于切实加强2024年电动自行车消防安全工作的通知", "各单位：", "现提出以下实施意见：",
            "一、规范集中停放充电管理。各单位要建设电动车车棚和集中充电设施，配置灭火器等消防器材。",
            "二、加强停放充电安全管理。各单位要定期开展消防安全检查，落实管理责任，及时劝阻违规停放充电。",
            "三、加强消防安全宣传教育。各单位要充分利用宣传栏、电视等载体，大力宣传违规充电的危害。",
            "四、强化督导检查，严格责任追究。各单位要加强本单位综合治理工作的综合协调，对隐患集中的区域要适当加强督导。",
            "县住建局", "2024年8月6日"]


# a notice's four measures alike, each a name run into its sentences, none naming its offices, a date or a figure: rows
# (number, heading, words, staffed) as the "一、" list hands them to its closing sections' rule
ALIKE = [(1, False, "规范集中停放充电管理。推进电动车车棚和集中充电设施建设，配置灭火器等消防器材。", False),
         (2, False, "加强停放充电安全管理。定期开展消防安全检查，落实管理责任，及时劝阻违规停放充电。", False),
         (3, False, "加强消防安全宣传教育。充分利用宣传栏、电视等载体，大力宣传违规充电的危害。", False),
         (4, False, "强化督导检查，严格责任追究。要加强本单位综合治理工作的综合协调，对隐患集中的区域要适当加强督导。", False)]


def test_a_notices_last_measure_named_by_a_closing_sections_words_is_one_of_its_measures():
    """Nothing sets the last measure apart from the others: "强化督导检查，严格责任追究。…" is a measure as they are
    (list_sections.measures_alike), no closing section cut off the list (pingtan-2018-diandongche's 四). Before, the
    list was cut before it."""
    assert measures_alike(ALIKE)
    assert kept_on(ALIKE, len(ALIKE)) == [0, 1, 2, 3]


@pytest.mark.parametrize("before", [
    [(1, False, "新建集中停放场所。新建电动车车棚10个，配置灭火器等消防器材。", False), *ALIKE[1:3]],  # a figure
    [(1, False, "规范集中停放充电管理。推进电动车车棚建设。", True), *ALIKE[1:3]],  # its offices named
    [(1, False, "规范集中停放充电管理。2024年6月底前建成电动车车棚。", False), *ALIKE[1:3]],  # a date
])
def test_a_closing_point_after_measures_set_apart_is_cut(before):
    """A measure naming a figure, its offices or a date sets the work apart from the closing point after it: the list
    ends before that point, as before."""
    rows = [*before, ALIKE[3]]
    assert not measures_alike(rows)
    assert kept_on(rows, len(rows)) == [0, 1, 2]


def test_a_closing_point_apart_from_the_measures_before_it_is_still_cut(tmp_path):
    """Where the measures before it name their doers and the point named by a closing section's words names none
    ("要加强本单位…"), it stands apart: a closing section, no task, as before."""
    lines = [*MEASURES[:7], "四、强化督导检查，严格责任追究。要加强本单位综合治理工作的综合协调，对隐患集中的区域要适当加强督导。",
             *MEASURES[8:]]
    result, out = import_table(written(tmp_path, lines))
    assert result.exit_code == 0, result.output
    assert list(_tasks(out)) == ["一", "二", "三"]
