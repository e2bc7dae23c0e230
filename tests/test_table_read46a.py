"""Issue 13, read46a: the table reader's leftovers. A whole document stored on one line (headings, items and their
role labels parted by single spaces, the items numbered again under each heading); a list's items that each name
their lead ("X牵头落实") are tasks whatever verb opens them; lead words in a units cell (指导, 配合, "（牵头）" inside
a list's bracket, the "first office leads" note in traditional characters)."""

from __future__ import annotations

import pytest

from .conftest import convert_written, targets_of

NOTICE = ("关于印发2025年县政府重点工作责任分解的通知 各镇人民政府,县政府各部门: 《2025年重点工作责任分解》已经县政府"
          "讨论确定,现印发给你们,请认真贯彻执行。 某县人民政府办公室 2025年1月10日 (此件公开发布) 2025年重点工作责任分解")
ONE_LINE_PARTS = [
    "一、张明县长牵头重点工作",
    "1.新建学校3所,新增学位1200个。", "责任单位:县教育局(首位单位为牵头单位,下同)、县财政局",
    "2.改造老旧小区10个。", "责任单位:县住建局",
    "二、李华副县长牵头重点工作",
    "1.新增公共停车位500个。", "责任单位:县交通局、县城管局",
]


def _read(tmp_path, lines: list[str], name: str = "page.txt"):
    return convert_written(tmp_path, name, "\n".join(lines) + "\n", 2025).programme.tasks


def _check_one_line(tasks) -> None:
    assert [t.code for t in tasks] == ["一1", "一2", "二1"]
    assert [t.title for t in tasks] == ["新建学校3所,新增学位1200个。", "改造老旧小区10个。", "新增公共停车位500个。"]
    assert [t.lines[0].lead_units for t in tasks] == [["县教育局"], ["县住建局"], ["县交通局"]]
    assert [sorted(set(t.lines[0].units) - set(t.lines[0].lead_units)) for t in tasks] == [["县财政局"], [], ["县城管局"]]
    assert targets_of(tasks[0]) == [(3, "所"), (1200, "个")] and targets_of(tasks[2]) == [(500, "个")]


def test_a_document_on_lines_of_its_own_is_read(tmp_path):
    """The same document with a line for each heading, item and label: what the one-line document should read as."""
    _check_one_line(_read(tmp_path, [NOTICE, *ONE_LINE_PARTS]))


def test_a_whole_document_on_one_line_is_read_as_its_lines(tmp_path):
    """Headings "一、", items "1." numbered again under each heading and their "责任单位:" labels, parted only by
    single spaces on one line: each part a line of its own, as the numbers' sequences under the headings show."""
    _check_one_line(_read(tmp_path, [" ".join([NOTICE, *ONE_LINE_PARTS])]))


LED_TITLE = "某市2025年政务公开工作要点实施方案"
LED_PARAGRAPHS = [
    ("围绕全市经济社会发展形势,通过市政府例行新闻发布会、媒体采访等形式及时宣传解读。", "市发改委牵头落实"),
    ("围绕出台促进就业创业政策,加强就业创业政策信息公开,深入解读政策背景、依据和落实情况。", "市人社局牵头落实"),
    ("加大金融政策的宣传和预期引导,通过政策通报会、银企对接会等方式及时传递政策意图。", "市金融办、市财政局分别牵头落实"),
    ("加强财政政策信息公开,按月公开全市财政收支情况,主动解释说明社会关注的热点问题。", "市财政局牵头落实"),
]


def _led_lines(with_leads: bool = True) -> list[str]:
    return [LED_TITLE, "一、以政务公开助力稳增长", "(一)加强预期引导",
            *(line for words, lead in LED_PARAGRAPHS for line in ((words, lead) if with_leads else (words,)))]


def test_paragraphs_each_over_their_own_lead_line_are_tasks_whatever_verb_opens_them(tmp_path):
    """Paragraphs that open with 加强/加大, name a 通报会 or a 新闻发布会 and set no figure, each over the line naming
    who leads it ("X牵头落实"): the lead line makes each assigned work, no notice's requirement nor introduction."""
    tasks = _read(tmp_path, _led_lines())
    assert [t.title for t in tasks] == [words for words, _ in LED_PARAGRAPHS]
    assert [t.lines[0].lead_units for t in tasks] == [["市发改委"], ["市人社局"], ["市金融办", "市财政局"], ["市财政局"]]
    assert all(not targets_of(t) for t in tasks)


def test_the_same_paragraphs_without_their_lead_lines_stay_a_notices_requirements(tmp_path):
    with pytest.raises(Exception, match="no header row found"):
        _read(tmp_path, _led_lines(with_leads=False))


def test_numbered_items_with_their_own_office_label_are_tasks_whatever_verb_opens_them(tmp_path):
    """Items opening with 加强/加大 that set no figure, each with its office in a role-labelled bracket: assigned work;
    a notice's closing points so labelled ("强化督查考核。（责任单位：区督查室）") stay unread (test_table_read45d)."""
    items = ["1.加强就业创业政策信息公开,深入解读政策背景。（责任单位：市人社局）",
             "2.加大金融政策宣传,通过政策通报会等方式传递政策意图。（责任单位：市金融办）",
             "3.加强财政政策信息公开,按月公开财政收支情况。（责任单位：市财政局）"]
    tasks = _read(tmp_path, [LED_TITLE, *items])
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert [t.lines[0].lead_units for t in tasks] == [["市人社局"], ["市金融办"], ["市财政局"]]


def _lead_table(tmp_path, header: str, cell: str):
    rows = [["序号", "工作任务", header, "完成时限"], ["1", "新建学校3所", cell, "2025年12月底"],
            ["2", "改造老旧小区10个", "市住建局", "2025年12月底"], ["3", "新建公园2个", "市园林局", "2025年12月底"]]
    line = convert_written(tmp_path, "plan.csv", rows, 2025).programme.tasks[0].lines[0]
    return line.lead_units, sorted(set(line.units) - set(line.lead_units))


@pytest.mark.parametrize(("header", "cell", "leads", "others"), [
    ("牵头单位", "市发改委指导，市财政局配合", ["市发改委"], ["市财政局"]),  # 配合 never leads: the overseer is the lead left
    ("牵头单位", "市发改委指导，市财政局牵头", ["市财政局"], ["市发改委"]),  # 指导 beside a lead: a unit (as 业务检查指导)
    ("牵头单位", "市财政局配合，市发改委指导", ["市发改委"], ["市财政局"]),
    ("责任单位", "市发改委指导，市财政局配合", ["市发改委"], ["市财政局"]),
    ("牵头单位", "市财政局牵头，市发改委指导", ["市财政局"], ["市发改委"]),
])
def test_an_overseers_role_is_no_lead_beside_one_and_a_helper_never_leads(tmp_path, header, cell, leads, others):
    assert _lead_table(tmp_path, header, cell) == (leads, others)


def test_a_role_marked_office_and_another_parted_by_a_space_in_a_lists_bracket(tmp_path):
    """"（市教育局（牵头） 各县区）" after an item: the marked office leads, the other is a unit, the bracket no part of
    the words (not "各县区）" read as the lead after a space)."""
    items = ["1.新建学校3所。（市教育局（牵头） 各县区）", "2.改造老旧小区10个。（市住建局（牵头） 各县区）",
             "3.新建公园2个。（市园林局）"]
    tasks = _read(tmp_path, ["2025年民生实事项目", *items])
    assert [t.title for t in tasks] == ["新建学校3所。", "改造老旧小区10个。", "新建公园2个。"]
    assert [t.lines[0].lead_units for t in tasks] == [["市教育局"], ["市住建局"], ["市园林局"]]
    assert [sorted(set(t.lines[0].units) - set(t.lines[0].lead_units)) for t in tasks] == [["各县区"], ["各县区"], []]


@pytest.mark.parametrize("note", ["註：牽頭單位排在第一位的為牽頭單位。", "注：牵头单位排在第一位的为牵头单位。"])
def test_the_first_office_leads_note_under_a_page_in_traditional_characters(tmp_path, note):
    """A note under a page's table saying the first office of a 牵头 cell leads, in either script: the rest are units."""
    from .conftest import write_table_page

    rows = [("序號", "項目名稱", "牽頭單位", "完成時限"), ("1", "新建學校3所", "市教育局、市財政局", "2025年12月底"),
            ("2", "改造小區10個", "市住建局、市城管局", "2025年12月底"), ("3", "新建公園2個", "市園林局", "2025年12月底")]
    path = write_table_page(tmp_path / "t.html", ["".join(f"<td>{c}</td>" for c in row) for row in rows], "2025年民生實事項目")
    path.write_text(path.read_text(encoding="utf-8").replace("</table>", f"</table><p>{note}</p>"), encoding="utf-8")
    from mstrack.sources.table import convert_table

    tasks = convert_table(path, "x-2025", 2025).programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["市教育局"], ["市住建局"], ["市園林局"]]
    assert [sorted(set(t.lines[0].units) - set(t.lines[0].lead_units)) for t in tasks] == [["市財政局"], ["市城管局"], []]


def test_a_run_after_a_space_that_closes_a_bracket_opened_before_it_is_no_office_list():
    """"各县区）" after a space inside a bracket of places is the bracket's last word, not the item's offices."""
    from mstrack.sources.table.item_offices import units_after

    assert units_after("新建学校3所。（城东片区 各县区）") == ("新建学校3所。（城东片区 各县区）", "")
