"""held70b (issue 13): a page whose only table is a scoring form (criteria under rowspans, no plan) and whose text is a
competition's procedure, its stages listed in a paragraph and each a name on a line of its own over its paragraph:
read by its text, the outline of last resort (sources/table/outline.py) taking each named stage as a task, its
paragraph's prizes and weights the procedure's rules (the task's note), no figure of work."""

from __future__ import annotations

import pytest

from mstrack.errors import NoLayoutError
from mstrack.sources.table import convert_table

PAGE = """<html><body>
<p>某区人社局关于开展创业项目评选工作的通知</p>
<p>一、申报条件</p>
<p>1.已登记注册5年内的创业项目；</p>
<p>2.申报人为该企业法定代表人；</p>
<p>二、评选流程</p>
<p>评选工作分报名、资格审核、书面评审、现场路演、公示等环节。</p>
<p>（一）报名及材料提交</p>
<p>1.报名截止时间：2026年6月1日。</p>
<p>2.参评者在6月1日前将材料报送区人社局。</p>
<p>（二）资格审核</p>
<p>由承办单位对报名参评的项目进行资格审核工作。</p>
<p>（三）书面评审</p>
<p>评审委员会进行书面评审，选出不超过30个优秀项目参加现场路演。</p>
<p>（四）现场路演</p>
<p>项目最终得分按书面评审环节占40%，现场路演环节占60%的比例进行统计，其中一等奖2名、二等奖3名。</p>
<p>（五）公示</p>
<p>拟资助项目将在区人社局网站公示五个工作日，资助金于12月底前由区人社局拨付，一等奖资助10万元。</p>
<p>三、评审标准</p>
<table>
<tr><td>一级指标和分值</td><td>二级指标和分值</td><td>指标内容说明</td></tr>
<tr><td rowspan="2">1.创业团队<br>（10分）</td><td>团队核心成员个人<br>情况（5分）</td><td>团队核心成员专业水平、成长经历等</td></tr>
<tr><td>团队合理性<br>（5分）</td><td>创业团队在研发、生产、销售等方面人才构建配置</td></tr>
<tr><td>2.带动就业情况<br>（30分）</td><td>吸纳就业程度<br>（30分）</td><td>能较好地吸纳、带动其他人员实现就业</td></tr>
<tr><td rowspan="2">3.发展潜力<br>（20分）</td><td>项目市场前景<br>（10分）</td><td>项目的市场需求程度、市场定位合理性</td></tr>
<tr><td>项目竞争优势<br>（10分）</td><td>项目的竞争优势、技术产品的成熟度</td></tr>
</table>
<p>某区人社局</p>
<p>2026年5月12日</p>
</body></html>
"""


def _page(tmp_path, text=PAGE):
    path = tmp_path / "notice.html"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_form_beside_a_staged_procedure_is_read_by_its_text(tmp_path):
    conversion = convert_table(_page(tmp_path), "x-2026", 2026)
    tasks = conversion.programme.tasks
    assert "outline of last resort" in str(conversion.best_effort)
    # the criteria no task; each stage named in the part's paragraph a task, "（一）" whose items are its paragraph
    assert [(t.code, t.title) for t in tasks] == [("二(一)", "报名及材料提交"), ("二(二)", "资格审核"),
                                                  ("二(三)", "书面评审"), ("二(四)", "现场路演"), ("二(五)", "公示")]


def test_a_stages_prizes_and_weights_are_its_note_no_figure(tmp_path):
    tasks = {t.code: t for t in convert_table(_page(tmp_path), "x-2026", 2026).programme.tasks}
    assert [i for t in tasks.values() for line in t.lines for i in line.indicators] == []
    assert "一等奖2名" in (tasks["二(四)"].note or "")
    # "1.报名截止时间：2026年6月1日。" under "（一）报名及材料提交": the stage's own deadline, its other line its note
    assert str(tasks["二(一)"].deadline) == "2026-06-01"
    assert "参评者在6月1日前" in (tasks["二(一)"].note or "")


def test_a_form_beside_text_that_is_no_plan_stays_refused(tmp_path):
    text = PAGE.replace("评选工作分报名、资格审核、书面评审、现场路演、公示等环节。", "有关事项如下。")
    for stage in ("（一）报名及材料提交", "（二）资格审核", "（三）书面评审", "（四）现场路演", "（五）公示"):
        text = text.replace(f"<p>{stage}</p>\n", "")
    with pytest.raises(NoLayoutError):
        convert_table(_page(tmp_path, text), "x-2026", 2026)
