"""A plan in a layout the reader does not know is read as a best effort, not refused whole (fallback48, issue 13):
no header row, and no list under a line naming a programme (民生实事, 任务分解 …), used to be "no header row found",
exit 2, 0 facts. The most plausible run of the document (under a heading naming the work, "二、主要任务", or whose
items most name an office, a date or a figure) is read by the list readings as they read any list, every task a doubt
and the reading said to be a best effort first; `--strict` refuses it. A report of results, a meeting's notice and
minutes stay refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import import_table, refused, word_document

DATA = Path(__file__).parent / "data" / "tables"

PLAN = ["关于做好2024年秋季学校食堂整治工作的方案", "为提升学校食堂管理水平，制定本方案。", "一、工作目标",
        "全面提升学校食堂食品安全水平。", "二、主要任务", "（一）开展食堂检查。对全县学校食堂开展全覆盖检查。",
        "（二）规范原料采购。建立原料进货查验和台账制度。",
        "（三）加强人员培训。组织食堂从业人员参加食品安全培训。", "三、保障措施", "（一）加强组织领导。各学校要高度重视。",
        "（二）强化督导检查。县教育局适时开展督导。"]
# no heading naming the work: the items each name their office, a date or a figure
STAFFED = ["城区环境整治工作方案", "为改善城区环境，制定本方案。", "一、整治内容", "（一）清理占道经营。县市场监管局牵头，6月底前完成。",
           "（二）整治背街小巷。县住建局牵头，改造小巷20条。", "（三）规范车辆停放。县公安局牵头，新增停车位300个。"]
NOTICE = ["关于召开2024年全县安全生产工作会议的通知", "各乡镇人民政府，县直各单位：",
          "经研究，决定召开全县安全生产工作会议。现将有关事项通知如下：", "一、会议安排", "（一）会议时间。2024年3月5日上午9时。",
          "（二）会议地点。县政府三楼会议室。",
          "（三）参会人员。各乡镇分管负责同志，县直各单位主要负责同志。", "二、有关要求", "请各单位于3月4日前报送参会名单。"]
MINUTES = ["县政府第12次常务会议纪要", "一、议定事项", "（一）县住建局负责，6月底前完成城区道路改造。",
           "（二）县教育局负责，8月底前完成校舍维修。", "（三）县卫健委负责，新建卫生室5个。"]
REPORT = ["关于2024年秋季学校食堂整治工作完成情况的报告", "一、工作开展情况",
          "（一）开展食堂检查。已对全县学校食堂开展全覆盖检查，检查食堂52个。", "（二）规范原料采购。已建立原料进货台账制度。",
          "（三）加强人员培训。已培训食堂从业人员300人次。", "二、下一步打算", "继续巩固整治成果。"]
BEST_EFFORT = "read as a best effort, in no layout the reader knows"
DOUBT = "read without a recognised layout (no header, no list the reader knows): please check"


def written(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "t.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_plan_in_an_unknown_layout_is_read_with_a_doubt_on_every_task(tmp_path):
    """Its "二、主要任务" items are the tasks, coded under their part as the reader codes a "(一)" list; before: "no
    header row found", exit 2. Each task has its `# check:` comment, the summary says first that the whole reading is
    a best effort, the doubts list each task at the end."""
    result, out = import_table(written(tmp_path, PLAN))
    assert result.exit_code == 0, result.output
    plan = out.read_text(encoding="utf-8")
    assert plan.count(f"# check: {DOUBT}") == 3
    for code in ("二(一)", "二(二)", "二(三)"):
        assert f'code = "{code}"' in plan
    assert "加强组织领导" not in plan  # the closing section "三、保障措施" is no task
    assert result.stderr.splitlines()[0].startswith(f"t.txt: {BEST_EFFORT}")
    # said once for the three tasks, their lines listed (fix49f); each task keeps its `# check:` above
    assert sum(line.startswith("check: t.txt: lines ") and DOUBT in line for line in result.stderr.splitlines()) == 1


def test_items_naming_their_offices_are_read_under_any_heading(tmp_path):
    """No heading naming the work ("一、整治内容"): three items, each naming its office, are read, their figures and
    dates by the cell rules, as under a header."""
    from mstrack.sources.table import convert_table

    conversion = convert_table(written(tmp_path, STAFFED), "x-2024", 2024)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)"]
    assert str(tasks[0].deadline) == "2024-06-30"
    assert [(i.target, i.unit) for i in tasks[2].lines[0].indicators] == [(300, "个")]
    assert conversion.best_effort is not None
    assert len([d for d in conversion.doubts if DOUBT in str(d)]) == 1  # the three tasks' doubt said once (fix49f)


def test_strict_refuses_a_best_effort_reading_saying_why(tmp_path):
    result, out = import_table(written(tmp_path, PLAN), "--strict")
    refused(result, "--strict: ", "read only as a best effort, in no layout the reader knows",
            "no header row naming a task column")
    assert not out.exists()


def test_the_message_is_said_in_chinese(tmp_path):
    result, _ = import_table(written(tmp_path, PLAN), env={"MSTRACK_LANG": "zh"})
    assert result.exit_code == 0, result.output
    assert "尽力读取" in result.stderr and "没有识别出版式" in result.stderr


@pytest.mark.parametrize("lines, said", [(NOTICE, "no header row found"), (MINUTES, "no header row found"),
                                         (REPORT, "it reads as a report of results")])
def test_a_notice_minutes_or_a_report_stay_refused(tmp_path, lines, said):
    """A meeting's notice (its particulars under "一、会议安排"), minutes (their decisions name offices and dates) and a
    report of results are no plan: refused as before, nothing read as a best effort."""
    result, out = import_table(written(tmp_path, lines))
    refused(result, said)
    assert BEST_EFFORT not in result.stderr
    assert not out.exists()


def test_a_part_of_a_document_is_not_read_as_a_best_effort(tmp_path):
    """convert_sheets as table.parts calls it (no best_effort): one part in no layout is refused, so that another part
    of the document holding the plan is read instead."""
    from mstrack.errors import NoLayoutError
    from mstrack.sources.table.convert import convert_sheets
    from mstrack.sources.table.reading import read_sheets

    path = written(tmp_path, PLAN)
    with pytest.raises(NoLayoutError):
        convert_sheets(read_sheets(path, None, None), path=path, programme="x-2024", year=2024)


def test_an_implementation_plan_s_main_tasks_are_read():
    """pingtan-2022-mianyi.txt, a 强制免疫计划 whose "五、主要任务" name no office: its six tasks read (0 of 18 facts
    before), not the immunisation procedures "1." "2." "3." under "四、推荐免疫程序" (no heading naming work); the item of
    "一、总体要求" that sets the plan's figures ("（三）免疫要求。…90%以上…") read before them (held52b). Its title
    "金井片区2022年动物疫病强制免疫计划" names a plan, but most of its tasks name no office, date or figure, which a list
    read on its title's word alone needs (reader53: list_work.marked_work): still a best effort."""
    from mstrack.sources.table import convert_table

    conversion = convert_table(DATA / "pingtan-2022-mianyi.txt", "pingtan-2022i", 2022)
    assert [t.code for t in conversion.programme.tasks] == ["一(三)", *(f"五({n})" for n in "一二三四五六")]
    assert conversion.best_effort is not None


def test_a_word_documents_text_beside_its_task_table_is_not_read_as_a_best_effort(tmp_path):
    """review48 F7c, through convert_table as `import table` calls it: a .docx whose table is a task table and whose
    text after it is a plan in no layout the reader knows reads the table's two tasks only, no best-effort line, no
    task doubted so (the text alone would be read as a best effort: test_a_plan_in_an_unknown_layout_…)."""
    from mstrack.sources.table import convert_table

    from .test_table_parts47 import WORD_ROWS

    path = word_document(tmp_path / "plan.docx", "某区2024年民生实事实施方案", WORD_ROWS, PLAN)
    conversion = convert_table(path, "x-2024", 2024)
    assert [t.code for t in conversion.programme.tasks] == ["1", "2"]
    assert conversion.best_effort is None and not any(DOUBT in str(d) for d in conversion.doubts)
