"""The reviewer's fourth findings on tables with a header (issue #13), each in general form on a small synthetic
table: group labels or bare numbers in an unnamed column, 分工 beside 任务, a Chinese count before a grade, the same
figure for two things, and a blank 牵头 cell."""

from __future__ import annotations

from tests.conftest import convert_written
from tests.test_table_eighth import read_xlsx
from tests.test_tables_score import scorer

HEADER = ["序号", "工作任务", "牵头单位", "完成时限"]


def convert_csv(tmp_path, rows: list[list[str]], year: int = 2024):
    """The rows as a CSV file (a merged cell written once, blank below), converted as `import table` converts it."""
    return convert_written(tmp_path, "table.csv", "\n".join(",".join(row) for row in rows) + "\n", year)


def read_csv(tmp_path, rows: list[list[str]], year: int = 2024) -> dict:
    return scorer.read_programme(convert_csv(tmp_path, rows, year).programme)


def read_titles(tmp_path, titles: list[tuple[str, str]]) -> dict:
    """Tasks numbered 1, 2 … under HEADER, each a title and its lead, due in December."""
    return read_csv(tmp_path, [HEADER, *([str(k), title, lead, "12月底前"] for k, (title, lead) in enumerate(titles, 1))])


def test_header_group_labels_in_an_unnamed_column_do_not_take_the_task_column(tmp_path):
    rows = [
        ["", "工作任务", "牵头单位", "完成时限"],
        ["一、教育", "新建公办幼儿园3所", "县教育局", "12月底前"],
        ["", "改扩建中小学校2所", "县教育局", "12月底前"],
        ["二、医疗", "建成乡镇卫生院2所", "县卫健委", "12月底前"],
        ["", "开展免费健康体检5万人", "县卫健委", "12月底前"],
    ]
    read = read_csv(tmp_path, rows)  # written once, blank below
    assert sorted(read) == ["1", "2", "3", "4"]
    assert read["2"].title == "改扩建中小学校2所"
    merged = read_xlsx(tmp_path, [rows[0], rows[1], [rows[1][0], *rows[2][1:]], rows[3], [rows[3][0], *rows[4][1:]]])
    assert sorted(merged) == ["1", "2", "3", "4"]  # the label repeated (a merged cell filled down)
    assert merged["4"].title == "开展免费健康体检5万人"


def test_header_bare_numbers_in_an_unnamed_column_are_no_titles(tmp_path):
    read = read_csv(tmp_path, [
        ["", "工作任务", "牵头单位", "完成时限"],
        ["1.", "新建公办幼儿园3所", "县教育局", "12月底前"],
        ["2.", "改扩建中小学校2所", "县教育局", "12月底前"],
        ["3.", "建成乡镇卫生院2所", "县卫健委", "12月底前"],
    ])
    assert [read[k].title for k in sorted(read)] == ["新建公办幼儿园3所", "改扩建中小学校2所", "建成乡镇卫生院2所"]


def test_header_a_task_column_named_with_fengong_is_still_the_task_column(tmp_path):
    for header in ("工作任务及分工", "任务分工"):
        read = read_csv(tmp_path, [
            ["序号", header, "完成时限"],
            ["1", "新建公办幼儿园3所", "12月底前"],
            ["2", "改造老旧小区12个", "11月底前"],
        ])
        assert [read[k].title for k in sorted(read)] == ["新建公办幼儿园3所", "改造老旧小区12个"], header
        assert [(v, u) for _, v, u in read["2"].targets] == [(12, "个")]


def test_header_a_fengong_column_of_role_sentences_names_the_lead_and_the_helpers(tmp_path):
    read = read_csv(tmp_path, [
        ["序号", "重点任务", "任务分工", "完成时限"],
        ["1", "新建公办幼儿园3所", "县教育局负责项目建设，县财政局负责资金保障", "12月底前"],
        ["2", "改造老旧小区12个", "县住建局负责组织实施，各街道配合", "11月底前"],
        ["3", "新增城镇就业2000人", "县人社局负责", "12月底前"],
    ])
    assert read["1"].title == "新建公办幼儿园3所"
    assert (read["1"].lead_units, read["1"].units) == ({"县教育局"}, {"县财政局"})
    assert (read["2"].lead_units, read["2"].units) == ({"县住建局"}, {"各街道"})
    assert (read["3"].lead_units, read["3"].units) == ({"县人社局"}, set())


def test_header_a_chinese_count_before_a_grade_word_is_a_count(tmp_path):
    read = read_titles(tmp_path, [
        ("新建三所九年一贯制学校", "县教育局"),
        ("建成一所二级综合医院", "县卫健委"),
        ("新建两座三星级旅游公厕", "县文旅局"),
        ("实施“三支一扶”计划，拆翻建一幢四层教学楼", "县人社局"),
    ])
    assert [[(v, u) for _, v, u in read[k].targets] for k in "1234"] == [[(3, "所")], [(1, "所")], [(2, "座")], [(1, "幢")]]


def test_header_the_same_figure_for_two_things_is_two_targets(tmp_path):
    read = read_titles(tmp_path, [
        ("新建公办幼儿园3所，改扩建农村小学不少于3所", "县教育局"),
        ("新建社区养老服务站10个，培训养老护理员不少于10个批次", "县民政局"),
        ("新增城镇就业2000人，帮扶困难人员就业不少于2000人", "县人社局"),
        ("新增城镇就业2000人，确保新增城镇就业不少于2000人", "县人社局"),
    ])
    assert sorted((v, u) for _, v, u in read["1"].targets) == [(3, "所"), (3, "所")]
    assert len(read["2"].targets) == 2
    assert sorted((v, u) for _, v, u in read["3"].targets) == [(2000, "人"), (2000, "人")]
    assert [(v, u) for _, v, u in read["4"].targets] == [(2000, "人")]  # the same words restated with a bound: one


def test_header_a_blank_lead_cell_on_a_sub_row_keeps_the_tasks_lead(tmp_path):
    read = read_csv(tmp_path, [
        ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
        ["1", "新建公办幼儿园3所", "县教育局", "县财政局", "12月底前"],
        ["", "", "", "城关镇、城东街道", "12月底前"],
        ["2", "改造老旧小区12个", "县住建局", "各街道办事处", "11月底前"],
    ])
    assert read["1"].lead_units == {"县教育局"}
    assert read["1"].units == {"县财政局", "城关镇", "城东街道"}


def test_header_a_blank_lead_cell_of_a_csv_beside_its_own_units_is_no_merge_and_doubted(tmp_path):
    """Beside units of the row's own (not the row above's again), a blank 牵头 cell names no lead: the units lead, as
    in a file that keeps its merges; the lead above, a merged cell written once, is the doubt's other reading
    (13-read20a: the merged reading stays for units repeated from above, tests/test_table_read20a.py)."""
    rows = [
        ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
        ["1", "新建公办幼儿园3所", "县教育局", "县财政局", "12月底前"],
        ["2", "改扩建中小学校2所", "", "县财政局、城关镇", "12月底前"],
        ["3", "改造老旧小区12个", "县住建局", "各街道办事处", "11月底前"],
    ]
    result = convert_csv(tmp_path, rows)
    read = scorer.read_programme(result.programme)
    assert (read["2"].lead_units, read["2"].units) == ({"县财政局", "城关镇"}, set())
    assert [str(d) for d in result.doubts if "牵头单位" in str(d)] == [
        "table.csv: row 3, column 牵头单位: the 牵头单位 cell is blank beside the row's own units: 县财政局、城关镇 read as "
        "leading; 县教育局 may lead, a merged cell written once above"]
    kept = read_xlsx(tmp_path, rows)  # a file that keeps its merges: the blank is the table's own
    assert (kept["2"].lead_units, kept["2"].units) == ({"县财政局", "城关镇"}, set())
