"""The tenth set's losses (issue #13), each in general form on a small synthetic table: item numbers closed by
other dot forms (﹒ ・), a list closed by 等相关部门, a bracketed note saying the first unit listed leads, the capacity of
a named project and a threshold (超…亿元的…) that are no targets, a policy's name and 二套房 that are no counts, and
items "(一)…" under a heading "一、…" in a list with no header (a meeting notice's points stay refused), and 口 as a
measure word after a count."""

from __future__ import annotations

from tests.test_table_eighth import read_xlsx


def test_an_item_number_closed_by_another_dot_form_is_no_part_of_the_title(tmp_path):
    for dot in ("﹒", "・", "·"):
        read = read_xlsx(tmp_path, [
            ["", "牵头单位", "责任单位"],
            [f"1{dot}新建学校5所。", "县教育局", "县财政局"],
            [f"2{dot}改造道路3条。", "县交通局", "县财政局"],
        ], year=2024)
        assert read["1"].title == "新建学校5所。", dot
        assert read["2"].title == "改造道路3条。", dot


def test_deng_xiangguan_bumen_closing_a_list_of_several_units_is_no_unit(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "工作任务", "牵头单位", "责任单位"],
        ["1", "新建学校2所", "市教育局", "市财政局、市公安局等相关部门"],
        ["2", "建设公园3个", "市住建局", "市财政局、市民政局等有关单位"],
        ["3", "新增岗位5个", "市人社局", "市财政局等有关单位"],
        ["4", "新建公厕9座", "市城管局", "市财政局、市消防救援支队等部门"],
    ])
    assert read["1"].units == {"市财政局", "市公安局"}
    assert read["2"].units == {"市财政局", "市民政局"}
    assert read["3"].units == {"市财政局"}  # close47: after one unit too (was: the group as printed, review3)
    assert read["4"].units == {"市财政局", "市消防救援支队等部门"}  # a bare 部门: as printed, as the seeds have it


def test_a_note_saying_the_first_unit_listed_leads_is_no_part_of_the_last_units_name(tmp_path):
    read = read_xlsx(tmp_path, [
        ["", "责任单位"],
        ["1.新建学校2所", "市教育局、市财政局、市税务局(列第一位者为工作牵头单位或汇总单位,下同)"],
        ["2.建设公园3个", "市住建局、市民政局（排在首位的为牵头单位）"],
    ])
    assert read["1"].lead_units == {"市教育局"}
    assert read["1"].units == {"市财政局", "市税务局"}
    assert read["2"].lead_units == {"市住建局"}
    assert read["2"].units == {"市民政局"}


def test_items_numbered_in_brackets_under_a_heading_in_a_list_without_header_take_both_numbers(tmp_path):
    from tests.test_table_headerless import convert, facts

    result = convert(tmp_path, [
        "为确保今年10件民生实事如期完成,现将有关事项通知如下:",
        "一、纳入民生实事项目管理的内容",
        "(一)提升改造农村公路380公里、实施精品示范公路145公里。",
        "(二)完成农村住房改造1.2万户。",
        "(三)对全市签约居民中的16种慢性病患者延长用药量;新增公共场所母婴设施120处。",
        "(四)新建改造公共厕所750座。",
        "二、推进落实的具体要求",
    ])
    assert [(code, title) for code, title, *_ in facts(result)] == [
        ("一(一)", "提升改造农村公路380公里、实施精品示范公路145公里。"), ("一(二)", "完成农村住房改造1.2万户。"),
        ("一(三)", "对全市签约居民中的16种慢性病患者延长用药量;新增公共场所母婴设施120处。"), ("一(四)", "新建改造公共厕所750座。")]
    third = result.programme.tasks[2]
    assert [(i.target, i.unit) for line in third.lines for i in line.indicators] == [(120, "处")]  # 16种: which patients


def _targets(rows: list[list[str]], tmp_path) -> dict:
    read = read_xlsx(tmp_path, [["序号", "工作任务", "牵头单位"], *rows], year=2024)
    return {code: sorted((v, u) for _, v, u in task.targets) for code, task in read.items()}


def test_the_size_of_a_named_project_in_a_list_closed_by_deng_xiangmu_is_no_target(tmp_path):
    read = _targets([
        ["1", "重点抓好甲公司25万吨己二酸和20万吨己内酰胺、乙化工10万吨针状焦等项目建设", "市发改委"],
        ["2", "推进甲小学、乙中学等5个项目建设", "市教育局"],
        ["3", "新建污水管网18公里、改造道路3公里等项目", "市住建局"],
        ["4", "新建3所学校、2座公园等项目", "市住建局"],
    ], tmp_path)
    assert read["1"] == []
    assert read["2"] == [(5, "个")]  # the count of the projects is a target
    assert read["3"] == [(3, "公里"), (18, "公里")]  # each figure closes its work: targets
    assert read["4"] == [(2, "座"), (3, "所")]  # counts of things built, not sizes


def test_a_threshold_after_chao_before_de_picks_which_ones(tmp_path):
    read = _targets([
        ["1", "形成一批超100亿元的优势产业集群和超20亿元的特色产业集群", "市发改委"],
        ["2", "装备制造板块主营业务收入超400亿元", "市发改委"],
    ], tmp_path)
    assert read["1"] == []
    assert read["2"] == [(4e10, "元")] or read["2"] == [(400, "亿元")]


def test_a_policys_name_and_a_second_home_are_no_counts(tmp_path):
    read = _targets([
        ["1", "落实好提振市场信心90条措施", "市发改委"],
        ["2", "落实首套房贷款支持政策,优化二套房认定标准", "市住建局"],
        ["3", "出台支持措施10条", "市发改委"],
    ], tmp_path)
    assert read["1"] == []
    assert read["2"] == []
    assert read["3"] == [(10, "条")]  # a count of measures to issue this year is a target


def test_bracketed_points_under_no_programme_stay_refused(tmp_path):
    import pytest

    from mstrack.errors import InputError
    from tests.test_table_headerless import NO_HEADER, convert

    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, [
            "关于召开2024年民生实事项目推进会的通知",
            "一、会议安排",
            "(一)会议时间:3月5日上午9时,会期半天。",
            "(二)会议地点:市政府第一会议室。",
            "(三)参会人员:各县区政府分管负责同志。",
        ])


def test_kou_after_a_count_of_things_built_or_fitted_is_its_measure_word(tmp_path):
    read = _targets([
        ["1", "完成400口教室护眼灯改造施工", "市教育局"],
        ["2", "新打机井30口", "市水利局"],
        ["3", "服务常住人口5000人", "市卫健委"],
    ], tmp_path)
    assert read["1"] == [(400, "口")]
    assert read["2"] == [(30, "口")]
    assert read["3"] == [(5000, "人")]  # 人口 after a count is no 口
