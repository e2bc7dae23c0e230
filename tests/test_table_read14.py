"""The ninth set's other losses (issue #13), each in general form on a small synthetic table: an unnamed column of
numbered titles beside a long 任务目标 column, a title's figure restated with a bound, 等 after the last unit, a 协作
column beside 牵头责任单位, a closing contact line, a programme's name that reads like a count, a bound before a grade,
a 分工负责 column and a blank 牵头 cell, role words and header names across line breaks."""

from __future__ import annotations

from tests.test_table_eighth import read_xlsx


def test_an_unnamed_column_of_numbered_titles_is_the_task_beside_a_long_target_column(tmp_path):
    read = read_xlsx(tmp_path, [
        ["", "牵头单位", "责任单位", "任务目标"],
        ["一、新建10所学校项目", "县教育局", "各乡镇", "2024年计划在城区、东片等区域内共新建学校10所,改善办学条件"],
        ["二、改造5条道路项目", "县交通局", "县城投集团", "2024年计划对甲路、乙路等五条道路进行改造,改造道路5条"],
        ["三、新建300个充电桩项目", "县城管局", "县供电公司", "2024年计划在各片区内共完成300个公共充电桩建设"],
    ], year=2024)
    assert sorted(read) == ["一", "三", "二"]
    assert read["一"].title == "新建10所学校项目"
    assert read["一"].lead_units == {"县教育局"}
    assert read["三"].units == {"县供电公司"}
    assert sorted((v, u) for _, v, u in read["三"].targets) == [(300, "个")]


def test_a_titles_figure_restated_with_a_bound_in_the_content_is_one_target(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "项目名称", "任务目标", "牵头单位"],
        ["1", "10万平方米老旧小区改造项目", "改造甲巷、乙巷等小区,改造总建筑面积不少于10万平方米。", "县住建局"],
        ["2", "新建5所学校", "新建学校5所,改造学校不少于5所", "县教育局"],
    ], year=2024)
    assert [(v, u) for _, v, u in read["1"].targets] == [(100000, "平方米")]
    assert sorted((v, u) for _, v, u in read["2"].targets) == [(5, "所"), (5, "所")]  # two works, one figure each


def test_deng_after_the_last_of_several_units_closes_the_list_whatever_the_names_end(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位", "责任单位"],
        ["1", "修编园区规划", "县园区服务中心", "新材料产业园、食品产业园、商贸物流园等"],
        ["2", "建设平等就业服务", "县人社局", "市平等"],
        ["3", "建设公园", "县住建局", "市民政局等"],
    ], year=2024)
    assert read["1"].units == {"新材料产业园", "食品产业园", "商贸物流园"}
    spaced = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位", "责任单位"],
        ["1", "修编园区规划", "县园区服务中心", "新材料产业园 食品产业园 商贸物流园等"],
        ["2", "建设公园", "县住建局", "县城投集团"],
    ], year=2024)
    assert spaced["1"].units == {"新材料产业园", "食品产业园", "商贸物流园"}  # a group each, spaced
    assert read["2"].units == {"市平等"}  # one name alone: as printed
    assert read["3"].units == {"市民政局"}


def test_a_cooperating_units_column_makes_the_lead_and_responsible_column_name_the_leads(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头责任单位", "主要协作单位"],
        ["1", "发展养老托育服务业", "县卫健委、县民政局", "各乡镇人民政府、县政府有关部门"],
        ["2", "创建国家卫生县城", "县卫健委", "各乡镇人民政府"],
    ], year=2024)
    assert read["1"].lead_units == {"县卫健委", "县民政局"}
    assert read["1"].units == {"各乡镇人民政府", "县政府有关部门"}


def test_a_closing_contact_line_is_no_task(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "创建国家卫生县城", "县卫健委"],
        ["2", "推广家庭医生签约服务", "县卫健委"],
        ["监督方式:0557-6031710", None, None],
    ], year=2024)
    assert sorted(read) == ["1", "2"]
    no_number = read_xlsx(tmp_path, [
        ["", "牵头单位", "配合单位"],
        ["1.创建国家卫生县城,提升城乡环境", "县卫健委", "各乡镇"],
        ["2.推广家庭医生签约服务,做实签约", "县卫健委", "各乡镇"],
        ["监督电话:0557-6031710", None, None],
    ], year=2024)
    assert sorted(no_number) == ["1", "2"]


def test_a_set_phrase_of_numerals_is_no_count(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "实施高校毕业生“三支一扶”计划。选派“三支一扶”高校毕业生117名", "市人社局"],
        ["2", "开展两学一做教育,新建三所学校", "市教育局"],
    ], year=2024)
    assert [(v, u) for _, v, u in read["1"].targets] == [(117, "名")]
    assert [(v, u) for _, v, u in read["2"].targets] == [(3, "所")]
    sized = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "拆翻建一幢四层教学楼", "县教育局"],
        ["2", "新建公园3个", "县住建局"],
    ], year=2024)
    assert [(v, u) for _, v, u in sized["1"].targets] == [(1, "幢")]  # a size after the measure word: still a count


def test_a_bound_before_a_grade_that_names_the_works_after_it_is_no_target(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位"],
        ["1", "扎实推进不少于750千伏输变电工程,实施平利不少于330千伏输变电工程", "市发改委"],
        ["2", "新增停车位不少于500", "市住建局"],
    ], year=2018)
    assert read["1"].targets == []
    assert [(v, u) for _, v, u in read["2"].targets] == [(500, "")]  # a bare figure at the clause's end still counts


def test_a_sharing_column_is_the_units_and_a_blank_lead_cell_beside_it_makes_those_named_lead(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头", "分工负责"],
        ["1", "实施市级重点项目", "市发改委", "各县区政府、市政府有关工作部门"],
        ["2", "推进高铁和机场建设", "市发改委、市交通局", "有关县区政府"],
        ["3", "推进输变电工程", "", "汉滨区政府、平利县政府、安康供电局"],
    ], year=2018)
    assert read["1"].units == {"各县区政府", "市政府有关工作部门"}
    assert read["3"].lead_units == {"汉滨区政府", "平利县政府", "安康供电局"}  # not the leads above
    units_only = read_xlsx(tmp_path, [
        ["序号", "工作任务", "责任单位"],
        ["1", "推进输变电工程", "汉滨区政府、平利县政府"],
        ["2", "实施市级重点项目", "市发改委"],
    ], year=2018)
    assert units_only["1"].lead_units == {"汉滨区政府"}  # no lead column: the first unit leads


def test_a_role_sentence_whose_units_are_listed_one_a_line_still_names_the_lead(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "部门分工"],
        ["1", "地区生产总值增长6%以上", "省发展改革委牵头,各地\n各部门配合。"],
        ["2", "地方一般公共预算收入增长5%左右", "省财政厅\n牵头"],
    ], year=2021)
    assert read["1"].lead_units == {"省发展改革委"}
    assert read["1"].units == {"各地", "各部门"}
    assert read["2"].lead_units == {"省财政厅"}


def test_a_helping_column_name_broken_over_lines_is_still_a_helping_column(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头责\n任单位", "主要协\n作单位"],
        ["1", "发展养老托育服务业", "县卫健委、县民政局", "各乡镇人民政府"],
        ["2", "创建国家卫生县城", "县卫健委", "各乡镇人民政府"],
    ], year=2024)
    assert read["1"].lead_units == {"县卫健委", "县民政局"}
