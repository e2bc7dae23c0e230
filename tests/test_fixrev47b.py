"""review47's findings fixed (fixrev47b): a number format's text read only in the value column (F6), a notice's
requirements kept out of its task table (F5), a checkpoint's text tidied where a dated clause is taken out (F8)."""

import pytest

from .conftest import done, plan_task, plan_tasks, reports_stored, write_plan
from .test_safe47a import H, _sheet


def _plan(cli, tmp_path):
    tasks = (plan_task("1", "新建学校", "县教育局", "学校", "所", 30), plan_task("2", "完成投资", "县住建局", "投资", "万元", 50000))
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan_tasks(*tasks)))))


# --- F6. a number format's text in a code or date column ---------------------------------------------------------

@pytest.mark.parametrize("code", ['"第"0"项"', '0"号"', '0"项"'])
def test_a_task_code_whose_format_prints_text_is_read_as_its_number(cli, tmp_path, code):
    _plan(cli, tmp_path)
    rows = [H, ["x-2023", 1, "学校", "2023-05-31", 12, None], ["x-2023", 2, "投资", "2023-05-31", 1.5, None]]
    path = _sheet(tmp_path / "r.xlsx", rows, {(2, 2): code, (3, 2): code, (3, 5): '0.0"亿元"'})
    done(cli("import", "progress", str(path)))
    assert reports_stored(cli) == [("学校", "2023-05-31", 12), ("投资", "2023-05-31", 15000)]


def test_a_date_number_whose_format_prints_text_is_read_as_its_number(cli, tmp_path):
    _plan(cli, tmp_path)
    path = _sheet(tmp_path / "r.xlsx", [H, ["x-2023", "1", "学校", 20230531, 12, None]], {(2, 4): '0"止"'})
    done(cli("import", "progress", str(path)))
    assert reports_stored(cli) == [("学校", "2023-05-31", 12)]


# --- F5. a notice's requirements beside its task table -----------------------------------------------------------

NOTICE = ["关于印发2026年民生实事工作方案的通知", "各区人民政府，市直各单位：", "一、工作目标", "全年完成民生实事项目10项。",
          "二、工作要求",
          "1. 加强组织领导。各责任单位要于3月底前制定实施方案（责任单位：市发改委）。",
          "2. 强化督查考核。市督查室每季度开展一次督查，12月底前完成年度考核（责任单位：市督查室）。",
          "3. 做好宣传引导。各单位要及时报送进展信息。",
          "附件：2026年民生实事项目表"]
PROJECTS = ("<tr><td>序号</td><td>项目名称</td><td>建设内容及目标</td><td>牵头单位</td><td>完成时限</td></tr>"
            "<tr><td>1</td><td>新建学位</td><td>新增公办学位5000个</td><td>市教育局</td><td>2026年12月底</td></tr>"
            "<tr><td>2</td><td>养老床位</td><td>新增养老床位300张</td><td>市民政局</td><td>2026年12月底</td></tr>"
            "<tr><td>3</td><td>道路整治</td><td>整治道路10条</td><td>市交通局</td><td>2026年12月底</td></tr>")


def test_a_notices_requirement_naming_no_office_is_not_joined_to_its_task_table(tmp_path):
    from mstrack.sources.table import convert_table

    from .conftest import write_blocks_page
    from .test_table_parts47 import _tasks

    page = write_blocks_page(tmp_path / "notice.html", *NOTICE, PROJECTS)
    conversion = convert_table(page, "t-2026", 2026)
    # 二3 names no office under 工作要求: a requirement, left out (close47); 二1 and 二2 name theirs and are tracked
    assert [code for code, _ in _tasks(conversion)] == ["二1", "二2", "1", "2", "3"]


def test_a_notices_requirements_stay_out_of_the_plan_imported(cli, tmp_path):
    from .conftest import write_blocks_page

    page = write_blocks_page(tmp_path / "notice.html", *NOTICE, PROJECTS)
    out = tmp_path / "plan.toml"
    done(cli("import", "table", str(page), "-p", "t-2026", "--year", "2026", "-o", str(out)))
    text = out.read_text(encoding="utf-8")
    assert 'code = "1"' in text and "道路整治" in text
    assert "宣传引导" not in text and "加强组织领导" in text



# --- F8. a checkpoint's words where a dated clause was taken out -------------------------------------------------

@pytest.mark.parametrize(("text", "rest"), [
    ("推进社区养老服务站建设。2026年6月底前，完成选址；力争到2030年，实现城市社区全覆盖。",
     "推进社区养老服务站建设。力争到2030年，实现城市社区全覆盖"),
    ("新建公厕10座；6月底前完成6座；年底前全部建成", "新建公厕10座；年底前全部建成"),
    ("修复道路30公里，三季度前完成15公里，年底前全部完成", "修复道路30公里，年底前全部完成"),
])
def test_a_dated_clause_taken_out_leaves_one_mark_between_the_words_around_it(text, rest):
    from mstrack.sources.table.figures import _without
    from mstrack.sources.table.schedule import dated_clauses

    dated = [words for _, due, words in dated_clauses(text, 2026) if due.month != 12 or due.year != 2026]
    assert _without(text, dated[:1]) == rest


def test_a_checkpoint_at_the_deadline_has_no_joined_marks(tmp_path):
    from mstrack.sources.table import convert_table

    from .conftest import write_blocks_page

    table = ("<tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr><tr><td>1</td><td>推进社区养老服务站建设。"
             "2026年6月底前，完成选址；力争到2030年，实现城市社区全覆盖。</td><td>市民政局</td><td>2026年12月底</td></tr>")
    task = convert_table(write_blocks_page(tmp_path / "t.html", table), "t-2026", 2026).programme.tasks[0]
    texts = [checkpoint.text for line in task.lines for checkpoint in line.checkpoints]
    assert "推进社区养老服务站建设。力争到2030年，实现城市社区全覆盖" in texts and not any("。；" in text for text in texts)
