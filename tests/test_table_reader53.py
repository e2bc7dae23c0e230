"""Issue 13, reader53: the table reader's known leftovers of the eighteenth session, each on a small made-up table or
clause: a time of day is no figure, a person's title 负责人 no role, a feast's time phrase no indicator's name."""

from __future__ import annotations

from datetime import date


def _figures(text: str) -> list[tuple[float, str, str]]:
    from mstrack.sources.table.mentions import find_mentions

    return [(m.value, m.unit, m.name) for m in find_mentions(text, 2024)]


def test_a_time_of_day_is_no_figure():
    """"上午7:50所有人员到场": 7:50 is when people gather, no "50 所" (所 the start of 所有); a time with a full-width
    colon, a span of times and 时/分 are none either, while the figures after them and a ratio's colon stay as read."""
    assert _figures("2019年3月12日上午7:50参加活动的所有人员在原区医院大门集中。") == []
    assert _figures("上午7：50所有人员到场，组织培训300人。") == [(300, "人", "组织培训")]
    assert _figures("8：30—11：30开放，服务群众200人次。") == [(200, "人次", "服务群众")]
    assert _figures("8时30分集合，完成检查50家。") == [(50, "家", "检查")]
    assert _figures("配套资金比例为1:50，配备10名专职人员。") == [(10, "名", "配备专职人员")]


def test_a_time_phrase_before_a_count_is_its_date_never_its_name():
    """"国庆节前完成2个": the count is due before the National Day, its indicator no "国庆节前"; "节后", "汛期前", "月底前"
    the same; a word that only holds 节前 ("环节前置") keeps it."""
    assert [n for *_, n in _figures("国庆节前完成2个。")] == ["指标"]
    assert _figures("春节前完成2个小区改造。") == [(2, "个", "小区改造")]
    assert _figures("月底前完成检查2家。") == [(2, "家", "检查")]
    assert _figures("汛前完成清淤5处。") == [(5, "处", "清淤")]
    assert [n for *_, n in _figures("节后完成2个。")] == ["指标"]
    assert _figures("环节前置审批5项。") == [(5, "项", "环节前置审批")]


def test_a_persons_title_is_no_role():
    """"负责人：张三", "各单位负责人", "市民政局负责同志": the head of an office, a person, never the role 负责 (leads);
    "市民政局负责" and "市人社局负责人员培训" (the verb before its object) still lead."""
    from mstrack.sources.table.units import role_read

    assert role_read("负责人：张三") is None
    assert role_read("各单位负责人") is None
    assert role_read("市民政局负责同志") is None
    assert role_read("市民政局、市财政局负责人") is None
    assert role_read("市民政局负责，市财政局配合") == (["市民政局"], ["市财政局"])
    assert role_read("市人社局负责人员培训") == (["市人社局"], [])


def test_an_offices_head_stands_for_the_office_in_a_list_of_units():
    """"各基层医疗机构负责人要…", a unit cell "各单位负责人": the office answers through its head, so the unit is the
    office, its head's title no part of its name (and no role); a title alone stays as printed."""
    from mstrack.sources.table.units import unit_names

    assert unit_names("各基层医疗机构负责人") == ["各基层医疗机构"]
    assert unit_names("市民政局、市财政局主要负责同志") == ["市民政局", "市财政局"]
    assert unit_names("市民政局牵头，各单位负责人配合") == ["市民政局", "各单位"]
    assert unit_names("负责人") == ["负责人"]


def test_a_table_with_a_time_a_feast_and_a_person_column(tmp_path):
    """The three in a table: the drill's 3 场 alone, the estates' 2 个 named by what they count, the leads the 责任单位
    column's (the 负责人 column names people)."""
    from .conftest import convert_written

    rows = ("序号,工作任务,责任单位,负责人,完成时限\n1,开展消防演练，上午7:50所有人员到场，组织演练3场,县应急局,张三,6月底\n"
            "2,国庆节前完成2个小区改造,县住建局,各单位负责人,9月底\n")
    tasks = convert_written(tmp_path, "plan.csv", rows, 2024).programme.tasks
    assert [[(i.name, i.target, i.unit) for i in t.lines[0].indicators] for t in tasks] == [
        [("组织演练", 3, "场")], [("小区改造", 2, "个")]]
    assert [t.lines[0].lead_units for t in tasks] == [["县应急局"], ["县住建局"]]


EVENTS = ["2019年某宣传月活动方案",
          "一、活动安排",
          "（一）启动仪式",
          "活动时间：2019年5月10日至5月20日",
          "活动地点：人民广场",
          "主办单位：区卫健局",
          "（二）义诊活动",
          "活动时间：2019年5月25日",
          "活动地点：区医院",
          "主办单位：区医院",
          "（三）健康讲座",
          "活动时间：2019年6月1日至6月3日",
          "活动地点：区图书馆",
          "主办单位：区妇幼保健院",
          "二、工作要求",
          "各单位要认真按照方案要求，及时部署相关工作。"]


def test_an_events_span_of_days_is_kept_as_printed_with_no_start_of_work(tmp_path):
    """"活动时间：2019年5月10日至5月20日" under an event: the days it runs, its deadline text as printed (never the end
    alone, "2019年5月20日"), due at its last day, and its first day no checkpoint "起" of work starting (a 完成时限 cell
    "4月10日至4月25日" of a task's work keeps its start)."""
    from .conftest import text_tasks

    tasks = text_tasks(tmp_path, EVENTS, 2019)
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)"]
    assert [t.text.deadline_text for t in tasks] == ["2019年5月10日至5月20日", "2019年5月25日", "2019年6月1日至6月3日"]
    assert [t.deadline for t in tasks] == [date(2019, 5, 20), date(2019, 5, 25), date(2019, 6, 3)]
    assert [[c.due for line in t.lines for c in line.checkpoints] for t in tasks] == [
        [date(2019, 5, 20)], [date(2019, 5, 25)], [date(2019, 6, 3)]]
    rows = "序号,工作任务,责任单位,完成时限\n1,开展宣传活动,县住建局,4月10日至4月25日\n2,开展义诊,县卫健局,5月底\n"
    from .conftest import convert_written

    task = convert_written(tmp_path, "plan.csv", rows, 2019).programme.tasks[0]
    assert [(c.due, c.label) for line in task.lines for c in line.checkpoints] == [
        (date(2019, 4, 10), "4月10日起"), (date(2019, 4, 25), "4月10日至4月25日")]


def test_a_title_line_naming_a_plan_names_the_programme_on_a_second_try(tmp_path):
    """A document titled "2019年义诊活动方案" (its first line, before any numbered one, ending in 方案; so 计划, 安排) whose
    items most do work: read as a list of tasks, no best effort. A title naming no plan ("2019年义诊活动"), the notice
    sending it ("关于印发…方案的通知") and a sentence naming it in passing ("…制定本活动方案。") name none: the same items
    are read as a best effort, every task a doubt. The title is a second try only (plan_title.plan_list), so a plan whose
    lists the gate takes keeps the one it takes."""
    from mstrack.sources.table.list_work import titled_programme

    from .test_table_held52a import EVENT

    doc = [*EVENT[:10], "5．县疾控中心免费发放宣传资料500份；", *EVENT[10:]]
    read = convert_written_lines(tmp_path / "a", ["2019年义诊活动方案", *doc[1:]])
    assert read.best_effort is None
    assert [t.code for t in read.programme.tasks] == ["二(二)1", "二(二)2", "二(二)3", "二(二)4", "二(二)5",
                                                     "三(一)", "三(二)", "三(三)", "三(四)"]
    for k, title in enumerate(("2019年义诊活动", "关于印发2019年义诊活动方案的通知", "为做好义诊工作，制定本活动方案。")):
        assert convert_written_lines(tmp_path / str(k), [title, *doc[1:]]).best_effort is not None
    assert titled_programme(["某局2019年工作计划", "一、工作目标"]) and titled_programme(["“三下乡”活动安排"])
    assert not titled_programme(["一、活动方案", "二、工作计划"])


def convert_written_lines(folder, lines: list[str]):
    from .conftest import convert_written

    folder.mkdir()
    return convert_written(folder, "plan.txt", "\n".join(lines) + "\n", 2019)


TEAM_NUMBERED = ["某区2019年民生实事任务分解", "1．新建幼儿园3所。（区教育局）",
                 "2．义诊活动：专家组由区人民医院、区中医院组成（名单附后）。", "3．改造老旧小区5个。（区住建局）",
                 "4．新增停车位200个。（区交通局）"]


def test_a_teams_makeup_is_no_task_in_every_list_that_lists_items(tmp_path):
    """list_work.no_task (a team's makeup, a duty's detail) was applied only to a "(一)" list: a "1." list and a "一、"
    list leave the item out as well, and say it as a doubt, never silently."""
    chinese = [TEAM_NUMBERED[0], *(f"{n}、{line[2:]}" for n, line in zip("一二三四", TEAM_NUMBERED[1:], strict=True))]
    for k, (lines, codes) in enumerate(((TEAM_NUMBERED, ["1", "3", "4"]), (chinese, ["一", "三", "四"]))):
        conversion = convert_written_lines(tmp_path / str(k), lines)
        assert [t.code for t in conversion.programme.tasks] == codes
        assert [t.title for t in conversion.programme.tasks] == ["新建幼儿园3所。", "改造老旧小区5个。", "新增停车位200个。"]
        assert "a team's makeup or a duty's detail" in " ".join(str(d) for d in conversion.doubts)


def test_rows_of_word_tables_joined_are_named_by_the_table_word_counts_them_in(tmp_path):
    """A Word table continued on the next page in a table of its own (documents._joined): its rows are read as one
    table, numbered through both, but a doubt names each row as Word counts it, "table 2, row 1", never "row 6" of the
    joined rows (nor "table 1, row 6")."""
    from mstrack.sources.documents import JoinedTables, document_tables
    from mstrack.sources.table import convert_table
    from mstrack.sources.table.reading import places

    from .test_import_formats import FIRST_PAGE, word_document

    rest = [["4", "建成社区食堂10家", "市民政局", "", "国庆节前"], ["5", "新增停车位300个", "市交通局", "", "2023年6月底前"]]
    path = word_document(tmp_path / "分页.docx", (FIRST_PAGE, []), (rest, []))
    [rows] = document_tables(path)
    assert rows.number == JoinedTables(((1, 1), (6, 2))) and [row.number for row in rows] == [1, 2, 3, 4, 5, 6, 7]
    assert str(places(path, [3, 6, 7], False, rows.number)) == "table 1, row 3; table 2, rows 1, 2"
    said = [str(doubt) for doubt in convert_table(path, "x-2024", 2024).doubts]
    assert "分页.docx: table 2, row 2, column 完成时限: deadline 2023-06-30 is before the programme's year 2024: a typo, " \
           "or another year's table? check the date" in said
    assert not any("row 6" in doubt or "row 7" in doubt for doubt in said)
