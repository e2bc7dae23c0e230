"""Issue 13, read45b: the twenty-eighth set's division table. Measures numbered through the whole table ("1、…" to
"46、…", one a row, under 具体工作措施) beside a 序号 and a 主要工作任务 merged over each group of them are the tasks,
the groups their areas, when the rows of a group name offices of their own; a 任务来源 column is no task's words; a note
under the table saying the first office leads ("注：主要责任单位第一个为牵头单位，其余为主要配合单位") makes the first
office of a cell the lead and the others responsible, where the reader would read them all as leads; offices one a line
or apart by spaces are several; "3月", "全年" are the year's months."""

from __future__ import annotations

import pytest

from .conftest import convert_words, convert_written, targets_of, write_table_page

SOURCE = "1、区2024年工作要点（区委〔2024〕5号）\n2、全省环境保护工作会议"
MEASURES = [
    ["序号", "主要工作任务", "具体工作措施", "完成时限", "主要责任单位", "任务来源"],
    ["1", "推进文明城市建设", "1、成立创建工作领导小组", "3月", "区发改局\n区住建局", SOURCE],
    ["1", "推进文明城市建设", "2、制定创建工作实施方案", "6月", "区住建局", SOURCE],
    ["1", "推进文明城市建设", "3、组织各街道开展创建活动", "12月", "区住建局 区发改局 相关街道办事处", SOURCE],
    ["2", "加强河道综合整治", "4、完成城区河道清淤工作", "6月", "区水利局、区住建局", "全省水利工作会议"],
    ["2", "加强河道综合整治", "5、建立河道日常巡查制度", "全年", "区水利局", "全省水利工作会议"],
    ["2", "加强河道综合整治", "6、完成河道整治项目投资0.5亿元", "全年", "区水利局\n区财政局", "全省水利工作会议"],
]
MERGES = ["A2:A4", "B2:B4", "F2:F4", "A5:A7", "B5:B7", "F5:F7"]


def _merged_xlsx(path, rows, merges):
    from openpyxl import Workbook

    book = Workbook()
    for k, row in enumerate(rows):  # a merged cell keeps its value in its first cell only
        book.active.append([c if k == 0 or not any(_covers(m, k + 1, j) for m in merges) else None
                            for j, c in enumerate(row)])
    for cells in merges:
        book.active.merge_cells(cells)
    book.save(path)
    return path


def _covers(merge: str, row: int, column: int) -> bool:
    """Whether the merge "A2:A4" covers the cell at ROW (from 1) and COLUMN (from 0) other than its first."""
    first, last = merge.split(":")
    letter, top, bottom = first[0], int(first[1:]), int(last[1:])
    return ord(letter) - ord("A") == column and top < row <= bottom


def _converted(tmp_path, form: str, rows=MEASURES, merges=MERGES):
    from mstrack.sources.table import convert_table

    if form == "merged":
        return convert_table(_merged_xlsx(tmp_path / "plan.xlsx", rows, merges), "x-2024", 2024).programme.tasks
    blanked = [row if k < 2 or row[0] != rows[k - 1][0] else ["", "", *row[2:5], ""] for k, row in enumerate(rows)]
    return convert_written(tmp_path, "plan.csv", blanked).programme.tasks


# --- 1. measures numbered through the table under merged groups ----------------------------------------------------

@pytest.mark.parametrize("form", ["merged", "blank-below"])
def test_measures_numbered_through_the_table_under_numbered_groups_are_the_tasks(tmp_path, form):
    tasks = _converted(tmp_path, form)
    assert [(t.code, t.title) for t in tasks] == [
        ("1", "成立创建工作领导小组"), ("2", "制定创建工作实施方案"), ("3", "组织各街道开展创建活动"),
        ("4", "完成城区河道清淤工作"), ("5", "建立河道日常巡查制度"), ("6", "完成河道整治项目投资0.5亿元")]
    assert len({t.area for t in tasks[:3]}) == 1 and len({t.area for t in tasks[3:]}) == 1
    assert tasks[0].area != tasks[3].area
    assert [t.deadline.isoformat() for t in tasks] == [
        "2024-03-31", "2024-06-30", "2024-12-31", "2024-06-30", "2024-12-31", "2024-12-31"]
    assert [targets_of(t) for t in tasks] == [[], [], [], [], [], [(50000000, "元")]]


def test_numbered_requirements_under_groups_numbered_one_a_group_are_the_tasks_when_their_offices_differ(tmp_path):
    """The same rule under 具体要求: the 序号 numbers the groups, the rows of each naming offices of their own."""
    rows = [[*r[:2], "具体要求", *r[3:]] if k == 0 else r for k, r in enumerate(MEASURES)]
    tasks = _converted(tmp_path, "merged", rows)
    assert [t.code for t in tasks] == ["1", "2", "3", "4", "5", "6"]


def test_steps_numbered_through_the_table_under_tasks_one_office_each_stay_the_tasks_lines(tmp_path):
    """Each group's rows naming one office: the 序号 numbers the tasks, the numbered rows their steps (as before)."""
    rows = [MEASURES[0]] + [[*r[:4], "区住建局" if r[0] == "1" else "区水利局", r[5]] for r in MEASURES[1:]]
    tasks = _converted(tmp_path, "merged", rows)
    assert [(t.code, t.title) for t in tasks] == [("1", "推进文明城市建设"), ("2", "加强河道综合整治")]


def test_a_task_source_column_is_no_task_words_nor_figures(tmp_path):
    tasks = _converted(tmp_path, "merged")
    assert all("区委〔2024〕5号" not in t.title for t in tasks)
    assert not any(targets_of(t) for t in tasks[:5])
    assert [t.note for t in tasks] == [SOURCE] * 3 + ["全省水利工作会议"] * 3  # each measure's own, as printed


# --- 2. offices one a line or apart by spaces -------------------------------------------------------------------

@pytest.mark.parametrize("form", ["merged", "blank-below"])
def test_a_main_responsible_column_without_a_note_makes_its_first_office_the_lead(tmp_path, form):
    """主要责任单位 alone, several offices in a cell, one a line, apart by spaces or by 、: the first leads, the others
    are responsible (as before)."""
    lines = [t.lines[0] for t in _converted(tmp_path, form)]
    assert [(ln.lead_units, [u for u in ln.units if u not in ln.lead_units]) for ln in lines] == [
        (["区发改局"], ["区住建局"]), (["区住建局"], []), (["区住建局"], ["区发改局", "相关街道办事处"]),
        (["区水利局"], ["区住建局"]), (["区水利局"], []), (["区水利局"], ["区财政局"])]


# --- 3. a note under the table: the first office leads ---------------------------------------------------------

LEADS = [["序号", "工作任务", "完成时限", "牵头单位"],
         ["1", "新建城区公园2个", "2024年12月底", "区住建局、区财政局"],
         ["2", "改造老旧小区10个", "2024年9月底", "区住建局\n区发改局\n各街道办事处"],
         ["3", "新增公共停车泊位500个", "2024年12月底", "区交通局"]]
NOTES = ["注：牵头单位第一个为牵头单位，其余为主要配合单位。", "注：排名第一的为牵头单位", "注：排在首位的为牵头单位，其他为配合单位。",
         "注：第一个单位为牵头单位"]


def _lead_pairs(tasks) -> list[tuple[list[str], list[str]]]:
    lines = [t.lines[0] for t in tasks]
    return [(ln.lead_units, [u for u in ln.units if u not in ln.lead_units]) for ln in lines]


@pytest.mark.parametrize("note", NOTES)
def test_a_note_under_the_table_makes_the_first_office_of_a_lead_cell_lead(tmp_path, note):
    tasks = convert_written(tmp_path, "plan.csv", [*LEADS, [note, "", "", ""]]).programme.tasks
    assert _lead_pairs(tasks) == [(["区住建局"], ["区财政局"]), (["区住建局"], ["区发改局", "各街道办事处"]), (["区交通局"], [])]


def test_a_note_after_a_pages_table_makes_the_first_office_lead(tmp_path):
    from mstrack.sources.table import convert_table

    page = write_table_page(tmp_path / "plan.html", ["".join(f"<td>{c}</td>" for c in row) for row in LEADS])
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</table>", "</table><p>注：主要责任单位第一个为牵头单位，其余为主要配合单位。</p><p>区政府办公室 2024年3月1日印发</p>"),
        encoding="utf-8")
    tasks = convert_table(page, "x-2024", 2024).programme.tasks
    assert _lead_pairs(tasks)[:2] == [(["区住建局"], ["区财政局"]), (["区住建局"], ["区发改局", "各街道办事处"])]


def test_a_lead_cell_of_several_offices_without_the_note_has_them_all_lead(tmp_path):
    tasks = convert_written(tmp_path, "plan.csv", [*LEADS, ["注：以上项目均为区级民生实事。", "", "", ""]]).programme.tasks
    assert _lead_pairs(tasks) == [(["区住建局", "区财政局"], []), (["区住建局", "区发改局", "各街道办事处"], []),
                                  (["区交通局"], [])]


def test_the_note_beside_a_helpers_column_keeps_the_helpers(tmp_path):
    rows = [["序号", "工作任务", "完成时限", "主要责任单位", "配合单位"],
            ["1", "新建城区公园2个", "2024年12月底", "区住建局、区财政局", "各街道办事处"],
            ["注：主要责任单位排名第一的为牵头单位，其余为主要配合单位。", "", "", "", ""]]
    tasks = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert _lead_pairs(tasks) == [(["区住建局"], ["区财政局", "各街道办事处"])]


# --- 4. a herd that picks the farms; a month of the year's table -----------------------------------------------

@pytest.mark.parametrize("words", ["实施可养区存栏1500头以上生猪养殖场标准化改造", "完成年出栏5000头以上的养猪场粪污治理"])
def test_a_herd_bounded_before_the_farms_it_picks_is_no_target(tmp_path, words):
    task, = convert_words(tmp_path, words).programme.tasks
    assert targets_of(task) == []


def test_a_herd_the_year_keeps_is_still_a_target(tmp_path):
    task, = convert_words(tmp_path, "全县生猪存栏稳定在30万头以上").programme.tasks
    assert targets_of(task) == [(300000, "头")]


START = [["序号", "工作任务", "完成时限", "责任单位"],
         ["1", "自4月份开始每月调度并通报目标责任落实情况", "12月", "区环保局"],
         ["2", "从3月起每周巡查城区河道，发现问题及时整改", "全年", "区水利局"],
         ["3", "自4月起每月新增就业岗位500个", "12月", "区人社局"]]


def test_a_duty_starting_in_a_month_is_a_checkpoint_in_words(tmp_path):
    tasks = convert_written(tmp_path, "plan.csv", START).programme.tasks
    assert [[(c.due.isoformat(), c.text) for line in t.lines for c in line.checkpoints if c.due < t.deadline]
            for t in tasks[:2]] == [
        [("2024-04-30", "自4月份开始每月调度并通报目标责任落实情况")], [("2024-03-31", "从3月起每周巡查城区河道")]]
    assert [t.deadline.isoformat() for t in tasks] == ["2024-12-31"] * 3


def test_a_monthly_amount_from_a_month_on_is_no_start_checkpoint(tmp_path):
    tasks = convert_written(tmp_path, "plan.csv", START).programme.tasks
    assert not [c for line in tasks[2].lines for c in line.checkpoints if c.due.isoformat() == "2024-04-30"]


def test_a_number_column_numbering_every_row_beside_merged_groups_numbers_no_group(tmp_path):
    """序号 1–6 one a row beside the merged groups: it numbers no group (the second group is no area "4")."""
    rows = [MEASURES[0]] + [[str(k), *r[1:]] for k, r in enumerate(MEASURES[1:], 1)]
    tasks = _converted(tmp_path, "merged", rows, [m for m in MERGES if not m.startswith("A")])
    assert [t.code for t in tasks] == ["1", "2", "3", "4", "5", "6"]
    assert [t.area for t in tasks] == ["1", "1", "1", "2", "2", "2"]


def test_a_note_after_a_word_tables_makes_the_first_office_lead(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("2024年区民生实事项目分工表")
    table = document.add_table(rows=len(LEADS), cols=len(LEADS[0]))
    for row, cells in zip(table.rows, LEADS, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("注：排名第一的为牵头单位，其余为配合单位。")
    document.save(tmp_path / "plan.docx")
    from mstrack.sources.table import convert_table

    tasks = convert_table(tmp_path / "plan.docx", "x-2024", 2024).programme.tasks
    assert _lead_pairs(tasks)[0] == (["区住建局"], ["区财政局"])
