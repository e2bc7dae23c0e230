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
