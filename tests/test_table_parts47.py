"""A document of several parts (.html, .docx): every table that reads as a task table and the text's numbered items
are read into one plan, in the document's order (parts47, issue 13: pingtan-2023-yilaoyixiao's 表1, measures and
附件 tables). A table of figures alone is left out and said; two parts with the same codes are told apart, never merged."""

from __future__ import annotations

from mstrack.errors import InputError
from mstrack.sources.table import convert_table

from .conftest import conversion_messages, import_table, word_document, write_blocks_page

TABLE = ("<tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr>"
         "<tr><td>1</td><td>新建幼儿园3所</td><td>区教育局</td><td>2024年9月底前</td></tr>"
         "<tr><td>2</td><td>新增公共停车位500个</td><td>区交通局</td><td>2024年12月底前</td></tr>")
MEASURES = ["三、重点任务",
            "（一）兜底保障",
            "1.新建社区养老服务站5个，到2024年底全部建成。",
            "责任单位：区民政局",
            "2.改造老旧小区12个，完善配套设施。",
            "责任单位：区住建局",
            "3.培训养老护理员200人，提升服务能力。",
            "责任单位：区人社局"]
FIGURES = ("<tr><td>年份</td><td>托位数（个）</td><td>每千人托位数（个）</td></tr>"
           "<tr><td>2023</td><td>610</td><td>1.58</td></tr><tr><td>2024</td><td>1000</td><td>2.5</td></tr>")
SECOND = ("<tr><td>序号</td><td>项目名称</td><td>责任单位</td><td>完成时限</td></tr>"
          "<tr><td>1</td><td>建设托育中心1个</td><td>区卫健局</td><td>2024年10月底前</td></tr>"
          "<tr><td>2</td><td>新建口袋公园4个</td><td>区城管局</td><td>2024年11月底前</td></tr>")


def _tasks(conversion) -> list[tuple[str, str]]:
    return [(task.code, task.title) for task in conversion.programme.tasks]


def _leads(conversion) -> dict[str, list[str]]:
    return {task.code: [u for line in task.lines for u in line.lead_units] for task in conversion.programme.tasks}


def test_a_page_with_a_task_table_and_numbered_measures_reads_both_in_the_order_printed(tmp_path):
    page = write_blocks_page(tmp_path / "plan.html", "某区2024年民生实事实施方案", "表1 重点指标", TABLE, *MEASURES)
    conversion = convert_table(page, "x-2024", 2024)
    codes = [code for code, _ in _tasks(conversion)]
    assert codes[:2] == ["1", "2"]  # the table first, as printed
    assert len(codes) == 5 and all(code.endswith(n) for code, n in zip(codes[2:], "123", strict=True))
    assert [title for _, title in _tasks(conversion)][2].startswith("新建社区养老服务站5个")
    leads = _leads(conversion)
    assert leads["1"] == ["区教育局"] and leads[codes[3]] == ["区住建局"]


def test_measures_printed_before_the_table_come_first(tmp_path):
    page = write_blocks_page(tmp_path / "plan.html", "某区2024年民生实事实施方案", *MEASURES, "表1 重点指标", TABLE)
    codes = [code for code, _ in _tasks(convert_table(page, "x-2024", 2024))]
    assert len(codes) == 5 and codes[3:] == ["1", "2"]


WORD_ROWS = [["序号", "工作任务", "责任单位", "完成时限"], ["1", "新建幼儿园3所", "区教育局", "2024年9月底前"],
             ["2", "新增公共停车位500个", "区交通局", "2024年12月底前"]]


def test_a_word_document_with_a_task_table_and_numbered_measures_reads_both(tmp_path):
    path = word_document(tmp_path / "plan.docx", "某区2024年民生实事实施方案", WORD_ROWS, MEASURES)
    conversion = convert_table(path, "x-2024", 2024)
    codes = [code for code, _ in _tasks(conversion)]
    assert codes[:2] == ["1", "2"] and len(codes) == 5
    assert _leads(conversion)[codes[4]] == ["区人社局"]


def test_a_table_of_figures_alone_is_left_out_and_said(tmp_path):
    page = write_blocks_page(tmp_path / "plan.html", "表1 重点指标", TABLE, "表2 托位数分年度目标表", FIGURES, *MEASURES)
    conversion = convert_table(page, "x-2024", 2024)
    assert len(conversion.programme.tasks) == 5
    assert not any("托位" in title for _, title in _tasks(conversion))
    said = [m for m in conversion_messages(conversion) if "table 2" in m]
    assert said and "表2 托位数分年度目标表" in said[0] and "left out" in said[0]
    assert said[0] in [str(d) for d in conversion.doubts]  # a doubt: --strict refuses it


def test_two_tables_numbered_alike_are_told_apart_by_their_printed_names(tmp_path):
    page = write_blocks_page(tmp_path / "plan.html", "附件1", "重点项目清单", TABLE, "附件2", "托育项目清单", SECOND)
    conversion = convert_table(page, "x-2024", 2024)
    assert _tasks(conversion) == [("1", "新建幼儿园3所"), ("2", "新增公共停车位500个"),
                                  ("附件2-1", "建设托育中心1个"), ("附件2-2", "新建口袋公园4个")]
    said = [m for m in conversion_messages(conversion) if "附件2-1" in m]
    assert said and "附件1" in said[0]


def test_a_table_numbered_inside_its_groups_takes_its_groups_numbers_when_another_part_has_the_same(tmp_path):
    grouped = ("<tr><td>序号</td><td>项目名称</td><td>责任单位</td><td>完成时限</td></tr>"
               '<tr><td colspan="4">一、养老项目</td></tr>'
               "<tr><td>1</td><td>建设养老服务中心1个</td><td>区民政局</td><td>2024年10月底前</td></tr>"
               '<tr><td colspan="4">二、托育项目</td></tr>'
               "<tr><td>2</td><td>建设托育中心1个</td><td>区卫健局</td><td>2024年11月底前</td></tr>")
    page = write_blocks_page(tmp_path / "plan.html", "附件1", "重点项目清单", grouped, "附件2", "重点政策清单", TABLE)
    conversion = convert_table(page, "x-2024", 2024)
    assert [code for code, _ in _tasks(conversion)] == ["一1", "二2", "1", "2"]


def test_table_n_still_reads_one_table_alone(tmp_path):
    page = write_blocks_page(tmp_path / "plan.html", "表1 重点指标", TABLE, *MEASURES)
    assert _tasks(convert_table(page, "x-2024", 2024, table_number=1)) == [("1", "新建幼儿园3所"), ("2", "新增公共停车位500个")]


def test_import_table_writes_every_part_and_strict_refuses_a_table_left_out(tmp_path):
    page = write_blocks_page(tmp_path / "plan.html", "表1 重点指标", TABLE, "表2 托位数分年度目标表", FIGURES, *MEASURES)
    result, out = import_table(page)
    assert result.exit_code == 0, result.output
    written = out.read_text(encoding="utf-8")
    assert "新建幼儿园3所" in written and "培训养老护理员200人" in written
    strict, out2 = import_table(page, "--strict", out=tmp_path / "strict.toml")
    assert strict.exit_code == 2 and "table 2" in strict.output and not out2.exists()


def test_a_task_renamed_is_named_by_its_new_code_in_the_summary(tmp_path):
    policies = ("<tr><td>序号</td><td>政策名称</td><td>责任单位</td></tr>"
                "<tr><td>1</td><td>完善托育服务扶持政策</td><td>区卫健局</td></tr>"
                "<tr><td>2</td><td>落实养老机构用地政策</td><td>区资源局</td></tr>")
    page = write_blocks_page(tmp_path / "plan.html", "附件1", "重点项目清单", TABLE, "附件2", "重点政策清单", policies)
    said = conversion_messages(convert_table(page, "x-2024", 2024))
    assert any(m.startswith("task 附件2-1: ") for m in said), said
    assert not any(m.startswith("task 1: no quantity") for m in said)


def test_two_parts_grouping_alike_under_other_names_keep_both_groups(tmp_path):
    def grouped(group: str, first: int, office: str) -> str:  # headers that differ: a repeated one continues the table
        return (f"<tr><td>序号</td><td>{group[:2]}项目名称</td><td>责任单位</td><td>完成时限</td></tr>"
                f'<tr><td colspan="4">一、{group}</td></tr>'
                f"<tr><td>{first}</td><td>建设{group}1个</td><td>{office}</td><td>2024年10月底前</td></tr>"
                f"<tr><td>{first + 1}</td><td>改造{group}2个</td><td>{office}</td><td>2024年11月底前</td></tr>")
    page = write_blocks_page(tmp_path / "plan.html", "附件1", grouped("养老项目", 1, "区民政局"),
                             "附件2", grouped("交通项目", 3, "区交通局"))
    plan = convert_table(page, "x-2024", 2024).programme
    assert [(area.code, area.name) for area in plan.areas] == [("一", "养老项目"), ("附件2-一", "交通项目")]
    assert [(task.code, task.area) for task in plan.tasks] == [("1", "一"), ("2", "一"), ("3", "附件2-一"), ("4", "附件2-一")]


def test_a_table_under_a_name_of_its_own_is_a_part_even_with_the_same_header(tmp_path):
    """附件1 and 附件2 printed with the same header: two parts, not one table whose numbers start again (refused)."""
    def projects(first: str, second: str) -> str:
        return ("<tr><td>序号</td><td>项目名称</td><td>责任单位</td><td>完成时限</td></tr>"
                f"<tr><td>1</td><td>{first}</td><td>区民政局</td><td>2024年10月底前</td></tr>"
                f"<tr><td>2</td><td>{second}</td><td>区交通局</td><td>2024年11月底前</td></tr>")
    page = write_blocks_page(tmp_path / "plan.html", "附件1", "养老项目清单", projects("建设养老服务中心1个", "改造敬老院2所"),
                 "附件2", "交通项目清单", projects("新建停车场3个", "新增公交线路2条"))
    assert [code for code, _ in _tasks(convert_table(page, "x-2024", 2024))] == ["1", "2", "附件2-1", "附件2-2"]
    continued = write_blocks_page(tmp_path / "continued.html", "附件1", "养老项目清单", projects("建设养老服务中心1个", "改造敬老院2所"),
                      "附件1（续）", projects("新建停车场3个", "新增公交线路2条").replace("<td>1</td>", "<td>3</td>")
                      .replace("<td>2</td>", "<td>4</td>"))
    assert [code for code, _ in _tasks(convert_table(continued, "x-2024", 2024))] == ["1", "2", "3", "4"]  # one table


def test_a_pages_particulars_are_no_part_and_not_said(tmp_path):
    particulars = ("<tr><td>发文机关</td><td>某区人民政府</td></tr><tr><td>成文日期</td><td>2024年1月5日</td></tr>"
                   "<tr><td>发文字号</td><td>某政发〔2024〕1号</td></tr>")
    page = write_blocks_page(tmp_path / "plan.html", particulars, "表1 重点指标", TABLE, *MEASURES)
    conversion = convert_table(page, "x-2024", 2024)
    assert len(conversion.programme.tasks) == 5
    assert not any("table 1" in m for m in conversion_messages(conversion))


COMPANIES = ("<tr><td>类别</td><td>序号</td><td>企业名称</td><td>备注</td></tr>"
             "<tr><td rowspan=\"2\">重点检查企业</td><td>1</td><td>平潭港务发展有限公司</td><td>非煤矿山</td></tr>"
             "<tr><td>2</td><td>福建乾韵轩红木家具有限公司</td><td>粉尘涉爆</td></tr>"
             "<tr><td rowspan=\"2\">一般检查企业</td><td>3</td><td>福建中荣混凝土有限公司</td><td></td></tr>"
             "<tr><td>4</td><td>平潭万隆水产有限公司</td><td></td></tr>")


def test_a_table_naming_no_office_no_date_and_no_figure_is_no_part_and_the_text_is_read(tmp_path):
    """An annex listing companies (类别 over 企业名称) beside the plan's measures: its rows are no tasks (read47d,
    pingtan-2022-jiandu); it is left out and said, the measures are the plan, even as the one other part."""
    page = write_blocks_page(tmp_path / "plan.html", "某区2024年安全生产监督检查计划", *MEASURES, "附件1 检查企业名单", COMPANIES)
    conversion = convert_table(page, "x-2024", 2024)
    titles = [title for _, title in _tasks(conversion)]
    assert len(titles) == 3 and titles[0].startswith("新建社区养老服务站5个")
    assert not any("有限公司" in title for title in titles)
    assert any("检查企业名单" in said and "left out" in said for said in map(str, conversion.doubts))


def test_a_document_whose_only_table_names_no_office_date_or_figure_and_whose_text_has_no_list_is_refused(tmp_path):
    page = write_blocks_page(tmp_path / "plan.html", "某区2024年安全生产监督检查计划", "各单位要高度重视，认真组织实施。",
                 "附件1 检查企业名单", COMPANIES)
    try:
        conversion = convert_table(page, "x-2024", 2024)
    except InputError as error:
        assert "附件1 检查企业名单" in str(error) and "no office" in str(error) and "list of companies" in str(error)
    else:
        raise AssertionError(f"read {_tasks(conversion)}")
