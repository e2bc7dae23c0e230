"""Issue 13, read46c: the thirtieth set's short tables. A list whose items end in a tortoise-shell bracket of labelled
offices ("〔牵头单位:X,责任单位:Y〕") and say their work in two sentences; items numbered under two levels of headings
("一、" and "(一)…。"); measures numbered "(一)"… inside the 具体要求 cells of a division table's merged groups; a
登记表's 总投资 merged over the rows of its item."""

from __future__ import annotations

from .conftest import convert_written

TITLE = "优化营商环境2021年重点任务分工方案"
ITEMS = [
    "1.承接下放的行政权力事项。对调整下放的事项,组织开展评估工作。〔牵头单位:区政府办公室,责任单位:区司法局,各街道(功能区)〕",
    "2.严格落实行政许可审查制度,开展监督评查。(牵头单位:区司法局;责任单位:区政府办公室)",
    "3.规范行政备案事项管理,编制备案事项清单。(牵头单位:区政府办公室;责任单位:区司法局等有关部门)",
    "4.深入研究论证区级行政权力事项,分类实施取消或转变管理方式。(牵头单位:区司法局;责任单位:区政府有关部门)",
]


def _list(tmp_path, lines: list[str]):
    return convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", 2021).programme


def _offices(task) -> tuple[list[str], list[str]]:
    return task.lines[0].lead_units, task.lines[0].units


# --- 1. a tortoise-shell bracket of labelled offices, an item of two sentences ---------------------------------------

def test_an_items_offices_in_a_tortoise_shell_bracket_are_read_as_in_a_round_one(tmp_path):
    tasks = _list(tmp_path, [TITLE, *ITEMS]).tasks
    assert [t.title for t in tasks][:1] == ["承接下放的行政权力事项。对调整下放的事项,组织开展评估工作。"]
    assert _offices(tasks[0]) == (["区政府办公室"], ["区司法局", "各街道(功能区)"])
    assert _offices(tasks[1]) == (["区司法局"], ["区政府办公室"])


def test_an_item_saying_its_work_in_a_second_sentence_counts_as_work(tmp_path):
    """"承接下放的事项。对调整下放的事项,组织开展评估工作。": the second sentence opens with a verb of work, so that three
    of the four items do work and the list is read (was: refused, two of four)."""
    round_ = ITEMS[0].replace("〔", "(").replace("〕", ")").replace("(功能区)", "")
    tasks = _list(tmp_path, [TITLE, round_, *ITEMS[1:]]).tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]


def test_a_tortoise_shell_bracket_after_a_one_sentence_item(tmp_path):
    items = [item.replace("(牵头单位", "〔牵头单位").replace(")", "〕") if k else item for k, item in enumerate(ITEMS)]
    tasks = _list(tmp_path, [TITLE, *items]).tasks
    assert [_offices(tasks[k]) for k in (1, 3)] == [(["区司法局"], ["区政府办公室"]), (["区司法局"], ["区政府有关部门"])]


# --- 2. items numbered under two levels of headings -----------------------------------------------------------------

HEADINGS = ["一、推进简政放权,释放发展活力", "(一)规范精简审批,进一步提高行政效能。"]


def test_a_sub_heading_ending_in_a_stop_under_its_heading_is_a_group_not_a_sentence(tmp_path):
    """"(一)规范精简审批。" right under "一、…": the group 一(一) (was: dropped as a sentence under the heading, its items
    in 一); items numbered again under each group take both numbers."""
    second = ["(二)优化服务,提升便利度。", "1.完善政务服务事项清单,开展监督评查。(牵头单位:区司法局;责任单位:区政府办公室)",
              "2.深入推进一网通办,开展监督评查。(牵头单位:区司法局;责任单位:区政府办公室)"]
    programme = _list(tmp_path, [TITLE, *HEADINGS, *ITEMS[:2], *second])
    assert [(a.code, a.name) for a in programme.areas] == [
        ("一", "推进简政放权,释放发展活力"), ("一(一)", "规范精简审批,进一步提高行政效能。"), ("一(二)", "优化服务,提升便利度。")]
    assert [t.code for t in programme.tasks] == ["一(一)1", "一(一)2", "一(二)1", "一(二)2"]


def test_items_numbered_from_one_in_the_one_group_of_two_levels_of_headings_take_its_numbers(tmp_path):
    """One group "(一)" under "一、", its items "1."…"4." (no other group to show whether they number on): numbered in
    the group, 一(一)1, as the hierarchy 一、(一)1. numbers them."""
    tasks = _list(tmp_path, [TITLE, *HEADINGS, *ITEMS]).tasks
    assert [(t.code, t.area) for t in tasks] == [("一(一)1", "一(一)"), ("一(一)2", "一(一)"), ("一(一)3", "一(一)"),
                                                 ("一(一)4", "一(一)")]


def test_items_under_the_one_group_of_a_heading_naming_the_tasks_keep_their_own_numbers(tmp_path):
    """"二、主要任务" over "(一)…" and "1.", "2.": the heading names the programme's tasks, numbered on through it (xian-2025)."""
    tasks = _list(tmp_path, [TITLE, "二、主要任务", "(一)规范精简审批", *ITEMS]).tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]


def test_items_numbering_on_across_two_groups_keep_their_own_numbers(tmp_path):
    second = ["(二)优化服务,提升便利度。", "5.完善政务服务事项清单,开展监督评查。(牵头单位:区司法局;责任单位:区政府办公室)"]
    tasks = _list(tmp_path, [TITLE, *HEADINGS, *ITEMS, *second]).tasks
    assert [t.code for t in tasks] == ["1", "2", "3", "4", "5"]


# --- 3. measures numbered "(一)" inside the requirement cells of merged groups --------------------------------------

OFFICES = "各镇(街),市直各单位"
MEASURES = [
    ["工作任务", "具体要求", "责任单位"],
    ["一、深入解读重要政策措施", "(一)按照谁起草谁解读原则,同步组织解读方案。", OFFICES],
    ["", "(二)对关注度高的政府文件开展政策解读。", ""],
    ["", "(三)相关部门主要负责同志带头解读政策。", ""],
    ["二、积极回应社会关切", "(四)牵头起草部门做好舆情风险评估研判。", OFFICES],
    ["", "(五)进一步强化舆情回应意识,落实主体责任。", OFFICES],
]


def test_measures_numbered_in_brackets_inside_the_requirement_cells_of_merged_groups_are_the_tasks(tmp_path):
    """"(一)"…"(五)" at the head of each 具体要求 cell, running on across the groups written once in 工作任务: the
    measures are the tasks, coded with their group's number (一(一) … 二(五)), as measures numbered "1、" are
    (13-read45b); was: the two groups read as the tasks."""
    tasks = convert_written(tmp_path, "plan.tsv", MEASURES, 2019).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("一(一)", "按照谁起草谁解读原则,同步组织解读方案。"), ("一(二)", "对关注度高的政府文件开展政策解读。"),
        ("一(三)", "相关部门主要负责同志带头解读政策。"), ("二(四)", "牵头起草部门做好舆情风险评估研判。"),
        ("二(五)", "进一步强化舆情回应意识,落实主体责任。")]
    assert {(tuple(t.lines[0].lead_units), "市直各单位" in t.lines[0].units) for t in tasks} == {(("各镇(街)",), True)}


# --- 4. a 登记表: rows under one merged 序号 and 项目, each with its own figures ------------------------------------

def _register(tmp_path, money: str, progress: str, steps: list[str]):
    from mstrack.sources.table import convert_table

    from .test_table_read45b import _merged_xlsx

    rows = [["序号", "项目", "责任单位", "建设内容", money, progress],
            ["1", "完善交通基础设施", "区住建局", "实施宏图路提升改造工程。", "48414", steps[0]],
            ["1", "完善交通基础设施", "区交通局", "实施寺慈线路面提升工程。", "1000", steps[1]],
            ["2", "提升防洪能力", "区农业农村局", "实施河道整治工程。", "19311", steps[2]],
            ["2", "提升防洪能力", "慈城镇", "实施泵站改造。", "3200", steps[3]],
            ["2", "提升防洪能力", "区水利局", "实施江堤修复。", "4950", steps[4]]]
    path = _merged_xlsx(tmp_path / "plan.xlsx", rows, ["A2:A3", "B2:B3", "A4:A6", "B4:B6"])
    return convert_table(path, "x-2023", 2023).programme.tasks


def test_each_rows_figure_under_a_merged_item_is_read_once(tmp_path):
    """计划投资 in each row of an item merged over two and three rows: one target a row (was: every row's figure again in
    every row's line, 4 and 9 targets)."""
    tasks = _register(tmp_path, "计划投资\n(万元)", "完成时限", ["年内完工"] * 5)
    assert [sorted(i.target for line in t.lines for i in line.indicators) for t in tasks] == [
        [10000000, 484140000], [32000000, 49500000, 193110000]]


def test_a_total_investment_beside_the_years_aim_is_no_target(tmp_path):
    """总投资 beside "2023年目标进度" ("一季度开工,年内完成工程量的50%"): the whole project's cost, built over years, no
    target of the year's (as beside a column of the year's money); the year's steps and shares are read."""
    steps = ["一季度开工,年内完成工程量的50%。", "6月开工,年内完工。", "6月开工", "7月底具备挡水条件", "3月开工,7月完工。"]
    tasks = _register(tmp_path, "总投资\n(万元)", "2023年\n目标进度", steps)
    assert [[(i.target, i.unit) for line in t.lines for i in line.indicators] for t in tasks] == [[(50, "%")], []]


# --- 5. a period after the subject of its clause ---------------------------------------------------------------------

def test_a_period_after_its_clauses_subject_starts_a_checkpoint():
    """"泵站改造3月开工,7月完工,东大河整治工程10月开工": three steps, each at its month (was: one, 7月, the others text)."""
    from mstrack.sources.table.schedule import split_schedule

    [block] = split_schedule("泵站改造3月开工,7月完工,东大河整治工程10月开工。", 2023)
    assert [(label, due.isoformat(), text) for label, due, text in block.periods] == [
        ("3月", "2023-03-31", "泵站改造开工,"), ("7月", "2023-07-31", "完工,"), ("10月", "2023-10-31", "东大河整治工程开工。")]
    [block] = split_schedule("3月底前完成5个，开展7-9月份测评", 2023)  # no verb of starting or completing after it: text
    assert [label for label, _, _ in block.periods] == ["3月底前"]


def test_the_years_shares_after_a_first_quarters_start_are_due_at_the_years_end(tmp_path):
    """"一季度开工,宏图路年内完成工程量的50%": the share is the year's, no milestone at the first quarter's end."""
    steps = ["一季度开工,宏图路年内完成工程量的50%。", "6月开工,年内完工。", "6月开工", "7月底具备挡水条件", "3月开工,7月完工。"]
    tasks = _register(tmp_path, "总投资\n(万元)", "2023年\n目标进度", steps)
    [share] = [i for line in tasks[0].lines for i in line.indicators]
    assert (share.target, [m.due.isoformat() for m in share.milestones]) == (50, ["2023-12-31"])  # was 2023-03-31
    assert sorted(c.due.isoformat() for line in tasks[0].lines for c in line.checkpoints)[:1] == ["2023-03-31"]


def test_a_period_after_words_framing_a_plan_stays_text():
    """"…整改，计划于2月下旬完成整改并移交使用": "计划于" is no subject; the words stay undated (a seed document's)."""
    from mstrack.sources.table.schedule import split_schedule

    [block] = split_schedule("目前正进行整改，计划于2月下旬完成整改并移交使用。", 2023)
    assert block.periods == []


def test_a_bare_completion_after_its_subjects_start_completes_that_subjects_figure(tmp_path):
    """"泵站改造3月开工,7月完工" beside "…4座泵站改造": the 4 座 are due at 7月's end (was: no milestone, the cell's last
    step being another work's start, "东大河整治工程10月开工")."""
    steps = ["一季度开工", "6月开工,年内完工。", "6月开工", "7月底具备挡水条件", "泵站改造3月开工,7月完工,东大河整治工程10月开工。"]
    from mstrack.sources.table import convert_table

    from .test_table_read45b import _merged_xlsx

    rows = [["序号", "项目", "责任单位", "建设内容", "总投资\n(万元)", "2023年\n目标进度"],
            ["1", "提升防洪能力", "区农业农村局", "实施河道整治工程。", "19311", steps[2]],
            ["1", "提升防洪能力", "慈城镇", "实施太平桥、观庄下穿4座泵站改造,东大河整治工程开工。", "3200", steps[4]]]
    path = _merged_xlsx(tmp_path / "plan.xlsx", rows, ["A2:A3", "B2:B3"])
    [task] = convert_table(path, "x-2023", 2023).programme.tasks
    [pumps] = [i for line in task.lines for i in line.indicators]
    assert (pumps.target, pumps.unit) == (4, "座")
    assert [(m.due.isoformat(), m.target) for m in pumps.milestones] == [("2023-07-31", 4)]
