"""short55 (issue 13): the structures behind the facts the last 平潭 notices lost.

- A notice printing its document number on its first line ("岚卫医政〔2018〕222号") and its title on the next: the
  best-effort gate's title test (list_fallback._no_plan_title) reads the title, not the number; a notice that sets the
  work out itself ("关于开展…活动的通知", "关于加强…工作的通知") is a plan's as "关于做好…工作的通知" is
  (list_work.PLAN_NOTICE_RE), one that issues no plan ("关于调整…标准的通知") stays refused."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.mark.parametrize("heading", ["一、指导思想", "一、其他要求", "一、加强组织领导"])
def test_a_framing_closing_or_requirements_part_over_one_paragraph_is_no_task(tmp_path, heading):
    """A part naming the plan's frame, a closing section or the notice's requirements is no measure, whatever its
    paragraph's doers: only 二's items and 三 are read."""
    result, out = import_table(written(tmp_path, [*PARTS[:4], heading, *PARTS[5:]]))
    assert result.exit_code == 0, result.output
    assert list(_tasks(out)) == ["二1", "二2", "二3", "三"]


def test_a_part_over_two_paragraphs_before_the_last_is_no_task(tmp_path):
    """Only a part over one paragraph is a task of its own: 一 over two is a section of prose, left unread."""
    lines = [*PARTS[:6], "各单位要做好宣传资料的保管。", *PARTS[6:]]
    result, out = import_table(written(tmp_path, lines))
    assert result.exit_code == 0, result.output
    assert list(_tasks(out)) == ["二1", "二2", "二3", "三"]
