"""The seventh held-out set's remaining losses (issue #13), each in general form on a small synthetic table: a unit's
name broken over lines inside its cell, units joined by 和 / 及 / 与, a table whose rows are regions, and a unit
that is a noun ending in a measure word."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table import convert_table
from tests.conftest import convert_written
from tests.test_tables_score import scorer


def read_xlsx(tmp_path, rows: list[list[str | None]], year: int = 2023) -> dict:
    """The rows as a real .xlsx, read as `import table` reads it, in the scorer's terms (tests of the later rounds
    use it too)."""
    return scorer.read_programme(convert_written(tmp_path, "table.xlsx", rows, year).programme)


def test_a_name_broken_over_lines_inside_its_cell_is_one_unit(tmp_path):
    read = read_xlsx(tmp_path, [
        ["牵头单位", "目标任务", "责任单位"],
        ["市政\n府办\n公厅", "优质高效办理人大代表建议和政协提案", "市直各单位"],
        ["市\n监\n察\n局", "建设廉洁政府", "审计局"],
        ["长沙\n先导\n区管委会", "推进商业配套建设", "商务局"],
        ["市教育局\n市财政局", "新建幼儿园5所", "各区县"],
        ["市人力资源\n社会保障局", "新增就业3万人", "市委\n市政府"],
        ["市人力资源\n和社会保\n障局", "新增公益岗位500个", "各区县市\n市直各单位"],
    ])
    assert read["1"].lead_units == {"市政府办公厅"}
    assert read["2"].lead_units == {"市监察局"}
    assert read["3"].lead_units == {"长沙先导区管委会"}
    assert read["4"].lead_units == {"市教育局", "市财政局"}  # each line a whole unit: a list
    assert read["5"].lead_units == {"市人力资源社会保障局"}
    assert read["5"].units == {"市委", "市政府"}
    assert read["6"].lead_units == {"市人力资源和社会保障局"}
    assert read["6"].units == {"各区县市", "市直各单位"}


def test_units_joined_by_he_are_split_only_where_each_side_is_a_whole_unit(tmp_path):
    read = read_xlsx(tmp_path, [
        ["牵头单位", "目标任务", "责任单位"],
        ["市发改委", "新建公园3个", "岳麓区和市直相关单位、各区县市"],
        ["市财政局", "改造道路10条", "审计局及财政局与市直各单位"],
        ["市住房和城乡建设局", "改造老旧小区20个", "市人力资源和社会保障局、文化和旅游局"],
        ["区教育局", "新建学校2所", "各县(市)区和区教体局(区国资公司和区城投公司代建)"],
    ])
    assert read["1"].units == {"岳麓区", "市直相关单位", "各区县市"}
    assert read["2"].units == {"审计局", "财政局", "市直各单位"}
    assert read["3"].lead_units == {"市住房和城乡建设局"}
    assert read["3"].units == {"市人力资源和社会保障局", "文化和旅游局"}
    assert read["4"].units == {"各县(市)区", "区教体局(区国资公司和区城投公司代建)"}  # 和 in brackets: the scope's own


def test_a_count_of_people_printed_as_a_noun_after_the_number_counts_in_its_measure_word(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "实施农村供水保障工程,提升3万农村人口供水保障水平。", "市水务局"],
        ["2", "帮助1200名困难群众就业,培训5000农村劳动力。", "市人社局"],
        ["3", "做好2025年人口抽样调查。", "市统计局"],
    ])
    assert {(v, u) for _, v, u in read["1"].targets} == {(30000, "人")}
    assert {(v, u) for _, v, u in read["2"].targets} == {(1200, "名"), (5000, "人")}
    assert read["3"].targets == []  # a year before 人口 is no count of people


def test_a_table_whose_rows_are_regions_reads_each_region_as_a_task_and_the_total_row_as_none(tmp_path):
    read = read_xlsx(tmp_path, [
        ["全省2021年重点民生实事项目完成进度表", None, None, None, None],
        ["序号", "市 州", "累计开工数", "计划投资额(万元)", "开工率"],
        ["1", "甲城市", "143", "86157.25", "95.33%"],
        ["2", "乙山州", "44", "13533.4", "61.97%"],
        ["3", "丙河县", "71", "19099.87", "81.61%"],
        ["全省", "全省", "258", "118790.52", "80.1%"],
    ])
    assert sorted(read) == ["1", "2", "3"]
    assert [read[c].title for c in ("1", "2", "3")] == ["甲城市", "乙山州", "丙河县"]
    assert {(v, u) for _, v, u in read["2"].targets} == {(135334000, "元")}  # 万元 in the header: money is kept in 元


def test_a_planned_figure_column_takes_the_unit_the_text_above_prints_its_total_with(tmp_path):
    read = read_xlsx(tmp_path, [
        ["目标任务为:开工改造小区258个,投资完成率达到50%。截至8月底,已开工小区201个。", None, None, None],
        ["序号", "市 州", "计划完成数", "累计开工数"],
        ["1", "甲城市", "143", "120"],
        ["2", "乙山州", "44", "40"],
        ["3", "丙河县", "71", "41"],
        ["全省", "全省", "258", "201"],
    ])
    assert sorted(read) == ["1", "2", "3"]
    assert {(v, u) for _, v, u in read["2"].targets} == {(44, "个")}  # 累计开工数 is progress, never a target


def test_whole_region_first_in_a_row_of_words_is_where_the_task_is_done_not_a_total(tmp_path):
    read = read_xlsx(tmp_path, [
        ["区域", "工作任务", "牵头单位"],
        ["全市", "新建城市公园3个", "市园林局"],
        ["岳麓区", "改造背街小巷10条", "区住建局"],
        ["天心区", "新增停车泊位500个", "区城管局"],
    ])
    assert sorted(read) == ["1", "2", "3"]
    assert read["1"].title == "新建城市公园3个" and read["1"].lead_units == {"市园林局"}


def test_whole_names_on_their_own_lines_stay_apart_and_only_fragments_are_joined(tmp_path):
    """A cell that starts with names that are no office ("中国电信") and lists an office on the next line keeps each
    name: only lines much shorter than the name that ends them are the fragments of one broken name."""
    read = read_xlsx(tmp_path, [
        ["牵头单位", "目标任务", "责任单位"],
        ["市通信办", "推进5G基站建设", "中国电信\n中国移动\n市教育局"],
        ["市发改委", "推进光纤入户", "中国联通\n县工信局"],
        ["长沙\n先导\n区管委会", "推进商业配套建设", "中国铁塔\n中国移动"],
        ["市人力资源\n社会保障局", "新增就业3万人", "市委\n市政府"],
    ])
    assert read["1"].units == {"中国电信", "中国移动", "市教育局"}
    assert read["2"].units == {"中国联通", "县工信局"}
    assert read["3"].lead_units == {"长沙先导区管委会"}  # lines of two characters: fragments of one name
    assert read["3"].units == {"中国铁塔", "中国移动"}
    assert read["4"].lead_units == {"市人力资源社会保障局"}  # its tail starts no name of its own


def test_a_schedule_column_of_one_date_a_row_is_read_as_each_rows_deadline_and_dated_steps_as_a_schedule(tmp_path):
    """时间节点 holding one date per row is what a 完成时限 would say (the work done by then); holding dated steps, a
    schedule: the same table read under either header name gives the same deadlines and checkpoints."""
    def tasks(header: str):
        path = tmp_path / f"{header}.html"
        rows = [f"<td>序号</td><td>实事名称</td><td>目标任务</td><td>{header}</td><td>牵头单位</td>",
                "<td>1</td><td>停车位建设</td><td>新增公共停车位2000个</td><td>2024年10月底</td><td>县住建局</td>",
                "<td>2</td><td>学校改造</td><td>完成学校改造</td><td>9月</td><td>县教育局</td>",
                "<td>3</td><td>公园建设</td><td>新建公园5个</td><td>6月底前完成2个，11月底前全部完成</td><td>县住建局</td>"]
        path.write_text("<html><body><table>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table></body></html>",
                        encoding="utf-8")
        return [(t.deadline, [(c.due, c.text) for line in t.lines for c in line.checkpoints],
                 [(i.target, [(m.due, m.target) for m in i.milestones]) for line in t.lines for i in line.indicators])
                for t in convert_table(path, "x-2024", 2024).programme.tasks]

    first, second, third = tasks("时间节点")
    assert first == (date(2024, 10, 31), [(date(2024, 10, 31), "新增公共停车位2000个")], [(2000, [(date(2024, 10, 31), 2000)])])
    assert second == (date(2024, 9, 30), [(date(2024, 9, 30), "完成学校改造")], [])
    assert third[:2] == (date(2024, 11, 30), [(date(2024, 6, 30), "完成2个"), (date(2024, 11, 30), "全部完成")])
    assert tasks("完成时限")[:2] == [first, second]  # one date a row: the same reading as the deadline column's
