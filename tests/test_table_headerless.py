"""Documents with no header row whose body is a list of tasks (issue 13): numbered items, one 实事 a paragraph, a
two-column table of names and contents; the offices printed after an item; and what stays refused."""

from pathlib import Path

import pytest

from mstrack.errors import InputError
from tests.conftest import convert_written, import_table, write_table

NO_HEADER = "no header row found"
DOUBT = "no header row: read as a list of tasks"


write_lines = write_table  # the name other test files import


def convert(tmp_path: Path, lines: list[str | list[str]], name: str = "list.csv", year: int = 2024):
    """The lines converted as a plan for `year`: a list whose title names another year passes it (else a doubt)."""
    rows = [[line] if isinstance(line, str) else line for line in lines]
    return convert_written(tmp_path, name, rows, year)


def facts(result) -> list[tuple]:
    """(code, title, lead units, units) of every task, from its first line."""
    return [(t.code, t.title, t.lines[0].lead_units, [u for u in t.lines[0].units if u not in t.lines[0].lead_units])
            for t in result.programme.tasks]


ANNOUNCEMENT = ["县第十届人民代表大会第三次会议票决产生了2024年民生实事项目,现将结果公告如下:",
                "1.城区污水管网改造;", "2.乡镇卫生院提质建设;", "3. 农村公路安全生命防护工程;", "4.老旧小区改造。",
                "县第十届人民代表大会", "第三次会议主席团", "2024年1月20日"]


# --- numbered lists ----------------------------------------------------------------------------


def test_a_numbered_list_between_a_preamble_and_a_signature_is_read_as_tasks(tmp_path):
    result = convert(tmp_path, ANNOUNCEMENT)
    assert [(code, title) for code, title, _, _ in facts(result)] == [
        ("1", "城区污水管网改造;"), ("2", "乡镇卫生院提质建设;"), ("3", "农村公路安全生命防护工程;"), ("4", "老旧小区改造。")]


def test_each_task_of_a_list_is_a_doubt_and_strict_refuses_it(tmp_path):
    result = convert(tmp_path, ANNOUNCEMENT)  # said once, its rows listed (fix49f); a `# check:` on each task
    assert [d for d in result.doubts if DOUBT in d] == [f"list.csv: rows 2, 3, 4, 5: {DOUBT}"]
    source = write_lines(tmp_path / "a.csv", [[line] for line in ANNOUNCEMENT])
    run, out = import_table(source, "--strict")
    assert run.exit_code == 2 and not out.exists() and run.exception is not None
    assert DOUBT in run.stderr and "Traceback" not in run.output
    run, out = import_table(source)
    assert run.exit_code == 0, run.output
    assert f"# check: {DOUBT}" in out.read_text(encoding="utf-8")


def test_two_items_are_no_list(tmp_path):
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, ["2024年民生实事项目如下:", "1.城区污水管网改造;", "2.老旧小区改造。", "县人民政府"])


def test_numbers_that_do_not_rise_are_no_list(tmp_path):
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, ["2024年民生实事项目如下:", "3.城区污水管网改造;", "1.乡镇卫生院提质建设;", "2.老旧小区改造。"])


def test_a_numbered_list_with_no_programme_above_it_is_refused(tmp_path):
    """A letter's numbered points ("1.请于…") are no tasks: nothing above them names a programme of work."""
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, ["各位家长:", "1.请于周五前交回回执;", "2.请为孩子准备雨具;", "3.请准时接送孩子。", "学校办公室"])


def test_group_headings_between_items_are_areas(tmp_path):
    result = convert(tmp_path, ["2024年重点工作任务分解", "一、就业创业", "1、新增城镇就业5000人;", "2、培训农民工800人;",
                                "二、社区建设", "3、新建社区服务中心6个。"])
    assert [t.code for t in result.programme.tasks] == ["1", "2", "3"]
    assert [(a.code, a.name) for a in result.programme.areas] == [("一", "就业创业"), ("二", "社区建设")]
    assert [t.area for t in result.programme.tasks] == ["一", "一", "二"]
    assert [line.indicators[0].target for t in result.programme.tasks for line in t.lines] == [5000, 800, 6]


def test_offices_in_a_trailing_bracket_are_the_units_the_first_leads(tmp_path):
    result = convert(tmp_path, ["2024年目标任务分解方案", "1.新增城镇就业5000人。 (就业处、就管中心)",
                                "2.城镇登记失业率控制在4%。(就业处)", "3.完成职业培训3万人次。(培训处、职建中心、就管中心)"])
    assert facts(result) == [("1", "新增城镇就业5000人。", ["就业处"], ["就管中心"]), ("2", "城镇登记失业率控制在4%。", ["就业处"], []),
                             ("3", "完成职业培训3万人次。", ["培训处"], ["职建中心", "就管中心"])]


def test_a_bracket_of_words_that_are_no_offices_stays_in_the_title(tmp_path):
    result = convert(tmp_path, ["2024年民生实事项目", "1.新建公厕20座(含改建)", "2.改造路灯300盏(城区)", "3.新增停车位500个。"])
    assert [t.title for t in result.programme.tasks] == ["新建公厕20座(含改建)", "改造路灯300盏(城区)", "新增停车位500个。"]
    assert all(not t.lines[0].lead_units or t.lines[0].lead_units == ["（表中未列）"] for t in result.programme.tasks)


def test_offices_after_whitespace_or_in_a_cell_beside_the_item(tmp_path):
    result = convert(tmp_path, ["2017年民生实事行动计划", ["1、扶持困难群体就业60人;", "人社局、各开发区"],
                                "2、新建城市社区6个;  社会事业局、党办、各开发区", ["3、举办招聘会20场。", "人社局"]], year=2017)
    assert facts(result) == [("1", "扶持困难群体就业60人;", ["人社局"], ["各开发区"]),
                             ("2", "新建城市社区6个;", ["社会事业局"], ["党办", "各开发区"]), ("3", "举办招聘会20场。", ["人社局"], [])]


def test_an_item_naming_no_office_takes_none_from_the_item_above(tmp_path):
    """A list has no merged cells: a blank is the item's own, not the units of the one above."""
    result = convert(tmp_path, ["2024年任务分解", "1.新增就业5000人。(就业处)", "2.补助资金61.7亿元。", "3.培训3万人。(就管中心)"])
    assert [t.lines[0].lead_units for t in result.programme.tasks][1] in ([], ["（表中未列）"])


# --- paragraphs and two-column tables ----------------------------------------------------------


NEWS = ["区为民办十件实事敲定", "近日,在区人大会议上,公布了2024年为民办十件实事。",
        "实施教育提升工程。完成10处塑胶操场建设,实现全覆盖。", "新建污水管网18公里,完成20个村生活污水治理。",
        "加快区养老服务中心建设,设置床位500张。", "实施道路品质提升工程,完成西外环大修。", "（区融媒体中心 记者 张三）"]


def test_paragraphs_that_each_set_a_figure_are_tasks_and_the_ones_after_them(tmp_path):
    result = convert(tmp_path, NEWS)
    assert [(t.code, t.title[:6]) for t in result.programme.tasks] == [
        ("1", "实施教育提升"), ("2", "新建污水管网"), ("3", "加快区养老服"), ("4", "实施道路品质")]
    assert [i.target for i in result.programme.tasks[1].lines[0].indicators] == [18, 20]


def test_a_news_report_without_a_list_is_refused(tmp_path):
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, ["全市经济运行稳中向好", "近日,市统计局发布数据。",
                           "一季度全市地区生产总值增长5.2%,高于全省0.3个百分点。",
                           "规模以上工业增加值增长6.1%。", "记者 李四"])


def test_a_preamble_alone_is_refused(tmp_path):
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, ["县人民代表大会票决产生了2024年民生实事项目,现将结果公告如下:", "县人民代表大会主席团", "2024年1月20日"])


def test_a_run_whose_every_item_is_a_closing_sections_point_is_no_list_and_no_crash(tmp_path):
    """A group's measures "1.落实…制度。加强…" that the closing sections' rule takes whole: nothing of the run is left
    (it raised IndexError, a traceback on a real plan's text), so the document is refused as having no list."""
    run, out = import_table(write_lines(tmp_path / "measures.txt", "\n".join([
        "（二）狠抓农资打假工作机制落实", "1.落实农资市场监管执法巡查制度。加强农资市场执法",
        "2.落实检打联动工作机制。科学制定并有效开展农资产",
        "3.落实农资案件协查联动机制。加强案件线索排查梳理，及时受理农资投诉举报，做到有案必查、查必彻底，严厉打击农资违法"
        "行为。认真落实省内区域间和省际间的农资案件协作联动机制，充分利用农资监管平台快速追溯功能，加强案件线索通报、协查协作"
        "和联动查处，全程追溯打击假劣农资。切实做好行政执法与刑事司法衔接工作，及时移送涉嫌犯罪的农资案件，严惩违法犯罪分子。"
        "积极探索加强网上销售农资的监管执法措施，严查假劣农资坑"]) + "\n"))
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    assert run.exit_code == 2 and not out.exists()
    assert NO_HEADER in run.stderr


def test_a_fault_of_the_reader_on_a_document_is_said_with_exit_2_not_a_traceback(tmp_path, monkeypatch):
    """A document laid out as none before it may meet a case the reader's code does not handle (an IndexError, as the
    test above met): the command says where, that nothing was written and what to do, exit 2; the fault is kept as
    the message's cause for whoever mends the reader."""
    from mstrack.sources.table import prose_chain

    def faulty(*args, **kwargs):
        return [][0]

    monkeypatch.setattr(prose_chain, "document_lines", faulty)
    run, out = import_table(write_lines(tmp_path / "plan.txt", "某区2024年民生实事项目\n1.新建公园3个（区住建局）\n"))
    assert run.exit_code == 2 and isinstance(run.exception, SystemExit), run.exception
    assert not out.exists()
    assert "plan.txt: the reader failed on this document (IndexError at prose_chain.py:" in run.stderr
    assert "nothing was written" in run.stderr and "Traceback" not in run.stderr


def test_items_numbered_in_chinese_with_offices_in_brackets_are_tasks_not_headings(tmp_path):
    result = convert(tmp_path, ["2024年民生实事项目", "一、新建幼儿园3所（市教育局）", "二、改造老旧小区10个（市住建局、各区政府）",
                                ["三、新增停车位500个", "市交通局"]])
    assert facts(result) == [("一", "新建幼儿园3所", ["市教育局"], []), ("二", "改造老旧小区10个", ["市住建局"], ["各区政府"]),
                             ("三", "新增停车位500个", ["市交通局"], [])]
    assert not result.programme.areas


def test_a_table_of_names_beside_contents_with_no_header(tmp_path):
    result = convert(tmp_path, ["2024年十件民生实事项目", ["社区服务中心建设项目", "优化社区党群服务中心建设,提升服务质效。"],
                                ["环卫设施维护项目", "对辖区270余座化粪池进行清掏维护。"],
                                ["公交车站升级改造项目", "对华玉小学公交站进行升级改造。"]])
    assert [(t.code, t.title) for t in result.programme.tasks] == [
        ("1", "社区服务中心建设项目"), ("2", "环卫设施维护项目"), ("3", "公交车站升级改造项目")]
    assert [i.target for i in result.programme.tasks[1].lines[0].indicators] == [270]


def test_office_list_tells_offices_from_words():
    from mstrack.sources.table.units import office_list

    assert office_list("工资处、就管中心") and office_list("人社局、各开发区") and office_list("社会事业局、党办、各开发区")
    assert not office_list("含改建") and not office_list("城区") and not office_list("2024年6月底前")


# --- a deadline stated once for all tasks ------------------------------------------------------


def test_a_deadline_stated_above_the_list_for_all_tasks_with_named_exceptions(tmp_path):
    preamble = "街道将实施十件民生实事项目。除公厕改造项目在今年9月底前完成,路灯项目在10月底前完成外,其余项目均计划在今年12月完成。"
    result = convert(tmp_path, [preamble,
                                ["社区服务中心建设项目", "优化社区党群服务中心建设,提升服务质效。"],
                                ["公厕改造项目", "改造公厕12座。"], ["路灯项目", "新装路灯300盏。"]])
    assert [(t.code, t.deadline.isoformat()) for t in result.programme.tasks] == [
        ("1", "2024-12-31"), ("2", "2024-09-30"), ("3", "2024-10-31")]


def test_a_deadline_stated_after_the_list_applies_as_one_above_it(tmp_path):
    lines = ["2024年民生实事项目", "1.新建公厕20座;", "2.改造路灯300盏,6月底前完成;", "3.新增停车位500个。",
             "以上项目均于2024年11月底前完成。"]
    result = convert(tmp_path, lines)
    assert [(t.code, t.deadline and t.deadline.isoformat()) for t in result.programme.tasks] == [
        ("1", "2024-11-30"), ("2", "2024-06-30"), ("3", "2024-11-30")]  # item 2's own date wins
    assert len([d for d in result.doubts if "deadline read from the text after the list" in d]) == 2
    other_year = convert(tmp_path, [*lines[:-1], "以上项目均于2025年11月底前完成。"])  # not this programme's year
    assert [t.deadline for t in other_year.programme.tasks][::2] == [None, None]
    a_step = convert(tmp_path, [*lines[:-1], "以上项目均于3月底前完成招标。"])  # a step before the tasks: no deadline
    assert [t.deadline for t in a_step.programme.tasks][::2] == [None, None]


def test_a_list_with_no_deadline_above_it_has_none(tmp_path):
    result = convert(tmp_path, ANNOUNCEMENT)
    assert [t.deadline for t in result.programme.tasks] == [None] * 4


def test_a_table_with_no_header_whose_first_cell_numbers_the_items(tmp_path):
    result = convert(tmp_path, ["2024年民生实事项目", ["1", "新建公厕20座", "县城管局"], ["2", "改造路灯300盏", "县住建局、各乡镇"],
                                ["3", "新增停车位500个", "县交通局"]])
    assert facts(result) == [("1", "新建公厕20座", ["县城管局"], []), ("2", "改造路灯300盏", ["县住建局"], ["各乡镇"]),
                             ("3", "新增停车位500个", ["县交通局"], [])]


def test_the_command_refuses_prose_with_the_clear_message_and_exit_2(tmp_path):
    source = write_lines(tmp_path / "news.csv", [["全市经济运行稳中向好"], ["一季度全市地区生产总值增长5.2%。"], ["记者 李四"]])
    run, out = import_table(source)
    assert run.exit_code == 2 and not out.exists()
    assert NO_HEADER in run.stderr and "Traceback" not in run.output


# --- a list inside one paragraph -----------------------------------------------------------------


ONE_PARAGRAPH = ["某镇2024年十大民生实事出炉", "会上,代表票选出2024年民生实事项目。",
                 "这些民生实事项目分别是:暖心工程,为低保对象投保;交通惠民工程,新建停车位200个以上;"
                 "道路提升工程:完成朝阳路大中修;美化工程,建成口袋公园5个以上。", "[返回首页]"]


def test_a_list_inside_one_paragraph_is_read_as_tasks_named_before_their_content(tmp_path):
    result = convert(tmp_path, ONE_PARAGRAPH)
    assert [(t.code, t.title) for t in result.programme.tasks] == [
        ("1", "暖心工程"), ("2", "交通惠民工程"), ("3", "道路提升工程"), ("4", "美化工程")]
    assert [(i.target, i.unit) for i in result.programme.tasks[1].lines[0].indicators] == [(200, "个")]
    assert len([d for d in result.doubts if DOUBT in d]) == 1 and result.stats["doubts"] >= 4  # said once (fix49f)
    source = write_lines(tmp_path / "a.csv", [[line] for line in ONE_PARAGRAPH])
    run, _ = import_table(source, "--strict")
    assert run.exit_code == 2 and DOUBT in run.stderr and not (tmp_path / "plan.toml").exists()


def test_a_numbered_list_inside_one_paragraph_with_offices_in_brackets(tmp_path):
    result = convert(tmp_path, ["2024年民生实事项目", "经县人大票决,确定以下民生实事项目:",
                                "1.新建幼儿园3所(县教育局);2.改造老旧小区10个(县住建局、各街道);(3)新增停车位500个(县交通局)。"])
    assert facts(result) == [("1", "新建幼儿园3所", ["县教育局"], []), ("2", "改造老旧小区10个", ["县住建局"], ["各街道"]),
                             ("3", "新增停车位500个", ["县交通局"], [])]


def test_a_paragraph_of_clauses_or_with_no_programme_is_no_list(tmp_path):
    with pytest.raises(InputError, match=NO_HEADER):  # clauses of one sentence, with no introduction: a paragraph
        convert(tmp_path, ["2024年民生实事项目", "实施教育提升工程;推进教育信息化建设,完成35所学校改造;推进饮食健康进校园。"])
    with pytest.raises(InputError, match=NO_HEADER):  # a list of a meeting's points: no programme named
        convert(tmp_path, ["会议通知", "会议议程分别是:听取报告;审议计划;选举代表;表决决议。"])


def test_a_bracket_keeps_its_semicolons_inside_one_item(tmp_path):
    result = convert(tmp_path, ["2024年民生实事项目", "具体如下:1.新建公厕20座(牵头单位:县城管局;配合单位:县财政局);"
                                "2.改造路灯300盏;3.新增停车位500个"])
    assert [(code, title) for code, title, _, _ in facts(result)] == [
        ("1", "新建公厕20座"), ("2", "改造路灯300盏"), ("3", "新增停车位500个")]
    assert facts(result)[0][2:] == (["县城管局"], ["县财政局"])


def test_a_paragraph_that_says_what_a_task_includes_keeps_the_run_of_paragraphs(tmp_path):
    result = convert(tmp_path, [*NEWS[:3], "新建污水管网18公里,包括城东片区和城西片区。", *NEWS[4:]])
    assert [t.code for t in result.programme.tasks] == ["1", "2", "3", "4"]


def test_a_web_page_with_no_table_whose_paragraph_is_a_list(tmp_path):
    result = convert_written(tmp_path, "news.html", "<html><head><title>某区某镇:2024年十大民生实事出炉</title></head><body>"
                                                    + "".join(f"<p>{line}</p>" for line in ONE_PARAGRAPH[1:]) + "</body></html>")
    assert [t.title for t in result.programme.tasks] == ["暖心工程", "交通惠民工程", "道路提升工程", "美化工程"]
    assert result.programme.name == "某区某镇:2024年十大民生实事出炉"  # a place before a colon: the title still


# --- the title's year and --year -------------------------------------------------------------------


def test_a_title_naming_another_year_than_the_year_given_is_a_doubt_strict_refuses(tmp_path):
    lines = ["2023年民生实事项目", *ANNOUNCEMENT[1:5]]
    result = convert(tmp_path, lines)
    said = [d for d in result.doubts if "not --year" in d]
    assert said == ["list.csv: title “2023年民生实事项目” names 2023年, not --year 2024: check the programme's year; start, "
        "end and every due date of the plan are in 2024: for another year run import table again with --year"]
    assert result.programme.year == 2024 and not [d for d in convert(tmp_path, lines, year=2023).doubts if "not --year" in d]
    source = write_lines(tmp_path / "a.csv", [[line] for line in lines])
    run, out = import_table(source, "--strict")
    assert run.exit_code == 2 and "names 2023年, not --year 2024" in run.stderr and not out.exists()
    run, out = import_table(source)
    assert run.exit_code == 0, run.output
    assert "year = 2024  # check: a.csv: title “2023年民生实事项目” names 2023年" in out.read_text(encoding="utf-8")


def test_a_title_whose_years_include_the_year_given_or_name_a_date_is_no_doubt(tmp_path):
    for title in ("2023—2025年民生实事项目", "2024年民生实事项目(2025年1月修订)", "民生实事项目(2025年3月印发)"):
        result = convert(tmp_path, [title, *ANNOUNCEMENT[1:5]])
        assert not [d for d in result.doubts if "not --year" in d], title
