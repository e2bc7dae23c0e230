"""Issue 13, read49b: structures of corpus files still below their reading, each in a small sentence or table."""

from __future__ import annotations


def _figures(text: str) -> list[tuple[float, str]]:
    from mstrack.sources.table.mentions import find_mentions

    return [(m.value, m.unit) for m in find_mentions(text, 2022)]


def test_visits_counted_by_the_firm_are_one_unit_jiaci():
    """"抽查不少于30家次": 家次 counts visits to firms, as 人次 counts visits by people — one unit, not 30 家 with a
    stray 次 (which would match no target in 家次 and invent one in 家)."""
    assert _figures("对小微企业抽查不少于30家次。") == [(30, "家次")]
    assert _figures("检查企业30家。") == [(30, "家")]


def test_a_rate_named_as_such_with_its_count_in_brackets_is_two_targets():
    """"抽查比例不少于50%（60家次）": a rate the item sets (a 比例 with its bound) and, in brackets, the count it comes
    to: both are the year's figures; a share of the work with its count ("完成20%点位(12个)") stays one checkpoint, the
    count, as before."""
    assert _figures("进行抽查，抽查比例不少于50%（60家次）。") == [(50, "%"), (60, "家次")]
    assert _figures("检查覆盖率达到80%(40个)。") == [(80, "%"), (40, "个")]
    assert _figures("6月底前完成20%点位(12个)。") == [(12, "个")]


def test_the_same_count_twice_in_a_list_before_its_verb_counts_two_things(tmp_path):
    """"对2家工业气体、8家加油站、8家涉氨制冷企业进行监督检查": a list of counted objects whose verb comes after it (对…
    进行…) — each 8家 counts a kind of its own, two targets, as "新建8所小学、8所中学" (the verb before) already reads; a
    slogan's parts with no verb ("实现“一个网格、一个查询码”") stay one."""
    from .conftest import convert_written

    rows = [["序号", "项目", "责任单位"], ["1", "对2家工业气体、8家加油站、8家涉氨制冷企业进行监督检查。", "区应急局"],
            ["2", "危险化学品企业：8家加油站、8家制冷企业进行检查。", "区应急局"]]
    tasks = convert_written(tmp_path, "a.csv", rows, year=2022).programme.tasks
    got = [sorted((i.target, i.unit) for line in t.lines for i in line.indicators) for t in tasks]
    assert got == [[(2, "家"), (8, "家"), (8, "家")], [(8, "家"), (8, "家")]]


def test_a_group_and_its_company_in_brackets_are_one_body():
    """"区国有资产投资集团有限公司（区森林园林公司)": a 集团 and, in its bracket, the company of the group that does the
    work — one body, as a bureau and its company of one name are (read47c); a bureau with a company of another name
    ("县住建局（县城投公司）") stays two units."""
    from mstrack.sources.table.office_brackets import bracketed_unit

    assert bracketed_unit("区国有资产投资集团有限公司（区森林园林公司)") == ("区国有资产投资集团有限公司", "区森林园林公司", True)
    assert bracketed_unit("县住建局（县城投公司）") == ("县住建局", "县城投公司", False)


def test_places_before_an_offices_name_share_its_tail_in_a_list_of_units():
    """"责任单位：金井湾、岚城、澳前、流水片区项目建设指挥部": places alone before the last name take its tail, four
    headquarters, as a paragraph of duty clauses already reads "东城、西城片区管理局" (duty_clauses); offices of their own
    stay as printed."""
    from mstrack.sources.table.units import split_units

    assert split_units("金井湾、岚城、澳前、流水片区项目建设指挥部") == [
        "金井湾片区项目建设指挥部", "岚城片区项目建设指挥部", "澳前片区项目建设指挥部", "流水片区项目建设指挥部"]
    assert split_units("区规划局、岚城片区开发管理局") == ["区规划局", "岚城片区开发管理局"]
    assert split_units("规划局等、各乡镇人民政府") == ["规划局等", "各乡镇人民政府"]
    assert split_units("金井湾/岚城片区项目建设指挥部") == ["金井湾片区项目建设指挥部", "岚城片区项目建设指挥部"]


def test_a_count_in_words_after_a_quoted_list_of_as_many_parts_names_the_list():
    """"抓住防溺水“重点人群、重点水域、重点时段”三个关键环节": the count after a quoted list of as many parts counts the
    parts just named (what the 环节 are), no work to deliver; a count the quoted list does not match, or one in
    digits, is read as before."""
    assert _figures("重点抓住防溺水“重点人群、重点水域、重点时段”三个关键环节，加强宣传。") == []
    assert _figures("推进“美丽乡村、美丽河湖”建设五个示范点。") == [(5, "个")]


def test_a_deadline_naming_dates_in_turn_beside_a_measures_column_dates_each(tmp_path):
    """"每季度（9月18日、12月18日）" (or "9月18日、12月18日") in a 完成时限 beside a 工作举措 column: the work is due at the last
    date and every earlier one is a checkpoint, as without the 工作举措 column; the words before the bracket say how
    often, no date."""
    from .conftest import convert_written

    rows = [["序号", "工作任务", "工作举措", "完成时限", "责任单位"],
            ["1", "加强组织领导", "每季度总结、汇报工作情况。", "每季度（9月18日、12月18日）", "政法综治处"],
            ["2", "开展宣传", "组织宣传活动。", "9月18日、12月18日", "政法综治处"],
            ["3", "完善制度", "制定制度。", "12月18日", "政法综治处"]]
    tasks = convert_written(tmp_path, "a.xlsx", rows, year=2023).programme.tasks
    got = [(t.deadline.isoformat(), sorted({c.due.isoformat() for line in t.lines for c in line.checkpoints})) for t in tasks]
    assert got == [("2023-12-18", ["2023-09-18", "2023-12-18"]), ("2023-12-18", ["2023-09-18", "2023-12-18"]),
                   ("2023-12-18", ["2023-12-18"])]


def test_the_settled_rule_for_quarters_figures_with_no_figure_of_the_year(tmp_path):
    """tests/data/tables/README.md, "Quarters' figures with no figure of the year" (a pin of the reading the reader
    already had when the rule was settled): a count that goes on from one quarter to a later one is one indicator's
    milestones; a figure printed in one quarter only is its checkpoint's words, no indicator."""
    from .conftest import convert_written

    rows = [["工作任务", "目标及质量要求"],
            ["湿地公园", "第一季度：完成园区道路及8座运动场地基础工程。第二季度：完成4个灯光球场器材的安装。"
                     "第三季度：完成8个灯光球场及2.2公里塑胶跑道铺筑。第四季度：建成湿地公园并投入使用。"]]
    task = convert_written(tmp_path, "a.xlsx", rows, year=2019).programme.tasks[0]
    indicators = [i for line in task.lines for i in line.indicators]
    assert [(i.unit, [(m.due.isoformat(), m.target) for m in i.milestones]) for i in indicators] == [
        ("个", [("2019-06-30", 4), ("2019-09-30", 8)])]
    assert "2019-03-31" in {c.due.isoformat() for line in task.lines for c in line.checkpoints}
