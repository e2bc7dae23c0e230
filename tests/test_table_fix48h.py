"""Plans of work whose offices are labelled under each item, refused whole before fix48h ("no header row found", exit
2, even by the best-effort reading): an office's label "责任处室：" was no label the reader knew, an assessment's line
"对…完成情况进行考核评分" read as a report of results, a topic word in the title ("…考核任务分解表") refused items whose
offices are labelled, and a "一、" item's paragraph over its "牵头单位：" line ended the list."""

from __future__ import annotations

from pathlib import Path

from mstrack.sources.table.list_labels import label_kind
from mstrack.sources.table.list_results import results_in

from .conftest import import_table

# items "1." under two groups, each with a paragraph and a "责任处室：" line; the title names an assessment (考核)
ASSESSED = ["关于印发《2024年某片区林长制工作考核任务分解表》的通知", "一、考核对象", "某片区管理局。", "二、考核内容",
            "（一）工作考核", "区林长办公室对片区各项工作完成情况进行考核评分，主要考核：",
            "1.林长制责任体系建立情况", "考核片区林长责任体系运行情况。", "责任处室：资源生态处、党政办公室",
            "2.林长工作职责落实情况", "考核片区召开林长会议情况。", "责任处室：资源生态处、各村",
            "（二）责任考核", "1.营造林生产", "考核营造林质量、生产任务完成情况。", "责任处室：资源生态处、服务站",
            "2.森林防灭火", "考核森林防火宣传、隐患排查治理情况。", "责任处室：政法综治处、资源生态处"]
# measures "一、": a heading, its paragraph, then its labelled lines
MEASURES = ["2024年某区改革创新三项措施", "一、实施档案电子化", "推进全区档案电子化工程，形成数字化档案。",
            "牵头单位：区行政审批局", "试点单位：第一批：区档案局，2024年6月底前完成", "完成时间：2024年12月底前完成",
            "二、加快医社保自助结算", "在医院引入自助结算终端机。", "牵头单位：区社会事业局", "配合单位：区财政局",
            "完成时间：2024年10月底前完成", "三、开启智能服务模式", "建立24小时自助服务区。", "牵头单位：区公安局",
            "配合单位：区行政审批局", "完成时间：2024年9月底前完成"]


def written(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "t.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_offices_label_names_the_units():
    """"责任处室：" under an item names who does it, as "责任单位：" does: no 单位 column stands beside a label."""
    assert label_kind("责任处室") == "units"
    assert label_kind("责任科室") == "units"
    assert label_kind("牵头处室") == "lead"


def test_an_assessment_to_come_reports_no_results():
    """Results named as what an assessment will score, or as its basis, report nothing; a report still does."""
    assert results_in(["区林长办公室对片区各项工作完成情况进行考核评分，主要考核："]) is None
    assert results_in(["根据各单位任务落实情况，制定本细则。"]) is None
    assert results_in(["关于2024年民生实事项目完成情况的报告"]) is not None


def test_items_with_an_offices_label_under_an_assessment_title_are_read(tmp_path):
    """Before: exit 2, "no header row found". The four items are read (a best effort), coded under their part and
    group, the first office of each "责任处室" line the lead."""
    result, out = import_table(written(tmp_path, ASSESSED))
    assert result.exit_code == 0, result.output
    plan = out.read_text(encoding="utf-8")
    for code in ("二(一)1", "二(一)2", "二(二)1", "二(二)2"):
        assert f'code = "{code}"' in plan, plan
    assert '"政法综治处"' in plan
    assert "主要考核" not in plan  # the group's introduction is no task's


def test_measures_with_a_paragraph_over_their_labels_are_read(tmp_path):
    """Before: exit 2. Each "一、" measure is a task with its lead, its helpers and its deadline; the "试点单位" line
    naming no office list does not end the list."""
    result, out = import_table(written(tmp_path, MEASURES))
    assert result.exit_code == 0, result.output
    plan = out.read_text(encoding="utf-8")
    for code in ("一", "二", "三"):
        assert f'code = "{code}"' in plan, plan
    assert '"区社会事业局"' in plan and '"区财政局"' in plan
    assert 'deadline = "2024-09-30"' in plan
