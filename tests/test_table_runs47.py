"""Issue 13, runs47: a document of two numbered runs under different headings ("二、整治内容" then "四、职责分工"), each of
whose items is work with its offices, reads every run, each coded by its headings; a run of goals or of closing points
naming no office stays out. A duty paragraph opened by its offices ("1.区旅游文体局、旅游文化中心。指导景区…") is led by
them; a group's heading over one unnumbered paragraph with its offices' bracket ("（五）乡镇船舶" over "…。（A、B按职责分工
负责）") is the group's one task, coded by the heading (二(五)) and titled by its name."""

from __future__ import annotations

from .conftest import convert_written

TITLE = "某区景区安全管理专项整治工作方案"


def _tasks(tmp_path, lines: list[str], year: int = 2021):
    return convert_written(tmp_path, "plan.txt", "\n".join([TITLE, *lines]) + "\n", year).programme.tasks


WORK = ["一、总体要求", "压实安全责任。", "二、整治内容", "重点加强景区安全管理。", "（一）景区",
        "1.健全完善安全生产和应急管理制度。", "2.加强大型游乐设施的管理和维护保养。",
        "3.在危险区域设置安全警示标识。（区旅游文体局、旅游文化中心负责，各相关责任单位配合）",
        "（二）非景区景点", "1.在涉水隐患重点区域设置安全警示标识标牌。（区资源生态局负责，各片区管理局配合）",
        "2.加强沙滩、礁石等区域管理。（区执法应急局、城乡交建中心负责，片区管理局配合）"]
WORK_CODES = ["二(一)1", "二(一)2", "二(一)3", "二(二)1", "二(二)2"]
DUTIES = ["三、实施步骤", "本方案自印发之日起开展为期3个月专项整治。",
          "四、工作机制及职责分工", "（一）属地职责", "各片区管理局要严格落实属地管理主体责任，加强安全巡查。", "（二）部门职责"]
TWO_RUNS = [*WORK, *DUTIES, "1.加强景区治安管理，及时查处违法犯罪行为。（区公安局负责）",
            "2.做好灾害性天气的预测预报，及时发布预警信息。（区气象局负责）"]


def test_a_second_numbered_run_of_work_with_offices_under_another_part_is_read_too(tmp_path):
    """The longest run (二(一)1 … 二(二)2) and, after a part of stages between, a shorter run (四(二)1–2) whose items
    each name their office: both read, in the document's order, each coded by its part and its group's heading."""
    tasks = _tasks(tmp_path, TWO_RUNS)
    assert [t.code for t in tasks] == [*WORK_CODES, "四(二)1", "四(二)2"]
    assert [t.lines[0].lead_units for t in tasks[5:]] == [["区公安局"], ["区气象局"]]
    assert tasks[5].title == "加强景区治安管理，及时查处违法犯罪行为。"


def test_the_second_run_is_read_when_it_comes_first_and_is_shorter(tmp_path):
    """The shorter run before the longer: read as well, the document's order kept."""
    lines = ["一、部门职责", "1.加强景区治安管理，及时查处违法犯罪行为。（区公安局负责）",
             "2.做好灾害性天气的预测预报，及时发布预警信息。（区气象局负责）", *WORK[2:]]
    tasks = _tasks(tmp_path, lines)
    assert [t.code for t in tasks] == ["一1", "一2", *WORK_CODES]
    assert tasks[1].lines[0].lead_units == ["区气象局"]


def test_a_second_run_whose_items_name_no_office_stays_out(tmp_path):
    """Stages numbered under "三、实施步骤" and closing points under "五、保障措施", naming no office: no tasks, as before;
    the work's run alone is read."""
    lines = [*WORK, "三、实施步骤", "本方案自印发之日起开展为期3个月专项整治。", "（一）摸底排查阶段（8月27日至9月8日）",
             "1.全面摸底排查，查清查明底数（9月5日前完成）",
             "坚持全覆盖排查原则，做好具体点位、存在的安全隐患等相关底数。", "2.梳理整改任务清单、责任清单（9月5日至9月8日）",
             "根据各相关单位摸排报送的底数清单，形成整改任务清单。", "五、保障措施", "为确保专项整治取得实效，提出以下要求。",
             "1.加强日常安全检查，及时清除安全隐患。", "2.督促景区业主单位落实主体责任。", "3.严格落实信息报送制度。"]
    tasks = _tasks(tmp_path, lines)
    assert [t.code for t in tasks] == WORK_CODES


DUTY_LINES = ["1.区旅游文体局、旅游文化中心。指导景区弹性采取限流等措施，科学设置景区游客接待上限。",
              "2.区执法应急局：统筹、协调、推动景区安全管理专项整治。", "3.区气象局。完善涉客水域气象监测点建设。"]


def test_a_duty_paragraph_opened_by_its_offices_is_led_by_them(tmp_path):
    """"1.区旅游文体局、旅游文化中心。指导景区…", "2.区执法应急局：统筹…": the offices before the stop or the colon lead,
    every one of them; the title is the duty after them."""
    tasks = _tasks(tmp_path, [*WORK[:4], "（一）部门职责", *DUTY_LINES, "（二）景区", *WORK[5:8]])
    assert [t.lines[0].lead_units for t in tasks[:3]] == [["区旅游文体局", "旅游文化中心"], ["区执法应急局"], ["区气象局"]]
    assert [t.lines[0].units for t in tasks[:3]] == [[], [], []]
    assert tasks[0].title == "指导景区弹性采取限流等措施，科学设置景区游客接待上限。"
    assert tasks[1].title == "统筹、协调、推动景区安全管理专项整治。"


def test_a_duty_run_after_the_work_run_is_read_with_its_leads(tmp_path):
    """The jingqu shape: the work's run, then "（二）部门职责" numbering the departments' duties, each opened by the
    office: the duties are the second run's tasks, 四(二)1 …, led by their offices."""
    tasks = _tasks(tmp_path, [*WORK, *DUTIES, *DUTY_LINES])
    assert [t.code for t in tasks] == [*WORK_CODES, "四(二)1", "四(二)2", "四(二)3"]
    assert [t.lines[0].lead_units for t in tasks[5:]] == [["区旅游文体局", "旅游文化中心"], ["区执法应急局"], ["区气象局"]]
    assert tasks[7].title == "完善涉客水域气象监测点建设。"


BOATS = "各片区管理局、各级各部门按照职责分工抓好落实，全面摸排乡镇船舶基本情况并登记造册。"
ELEVEN = ["各片区管理局", "区经济发展局", "公安局", "旅游文体局", "交通建设局", "农业农村局", "市场监管局", "平潭海事局",
          "城乡交建中心", "农业农村中心", "旅游文化中心"]


def test_a_groups_one_paragraph_with_its_offices_is_the_groups_task(tmp_path):
    """"（三）乡镇船舶" over one unnumbered paragraph closed by "（A、B、C按职责分工负责）", after the groups of numbered
    items and before the next part: the group's one task, coded 二(三), its title the heading's name (a name on a line
    of its own over its paragraph), every office leading."""
    lines = [*WORK, "（三）乡镇船舶", f"{BOATS}（各片区管理局、区经济发展局、公安局按职责分工负责）",
             *DUTIES[:2]]
    tasks = _tasks(tmp_path, lines)
    assert [t.code for t in tasks] == [*WORK_CODES, "二(三)"]
    assert tasks[5].title == "乡镇船舶"
    assert tasks[5].lines[0].lead_units == ["各片区管理局", "区经济发展局", "公安局"]


def test_a_bracket_of_eleven_offices_past_sixty_characters_names_them_all(tmp_path):
    """The group's one paragraph closed by eleven offices "…按职责分工负责" (75 characters in the bracket): read as a
    shorter bracket is, every office leading, the bracket no part of the title; the title the heading's name."""
    lines = [*WORK, "（三）乡镇船舶", f"{BOATS}（{'、'.join(ELEVEN)}按职责分工负责）", *DUTIES[:2]]
    tasks = _tasks(tmp_path, lines)
    assert tasks[5].title == "乡镇船舶"
    assert tasks[5].lines[0].lead_units == ELEVEN


def test_one_item_opened_by_a_name_among_items_that_are_not_is_left_as_printed():
    """"1.成立领导小组。…" beside "2.加强…": no list of duties, so the words before the stop are no office leading it;
    a whole group so opened is ("1.区公安局。…", "2.区气象局：…")."""
    from mstrack.sources.table.list_numbered import entry_of
    from mstrack.sources.table.list_roles import duty_openings
    from mstrack.sources.table.reading import Row

    def entries(lines: list[str]):
        found = [entry_of(Row(k, [line])) for k, line in enumerate(lines, 1)]
        duty_openings(found)
        return [(e.text, e.labels) for e in found]

    mixed = entries(["1.成立领导小组。由区长任组长，统筹推进专项整治。", "2.加强景区治安管理，及时查处违法犯罪行为。"])
    assert mixed[0] == ("成立领导小组。由区长任组长，统筹推进专项整治。", {})
    duties = entries(["1.区公安局。加强景区治安管理。", "2.区气象局：完善气象监测点建设。"])
    assert duties == [("加强景区治安管理。", {"牵头单位": "区公安局"}), ("完善气象监测点建设。", {"牵头单位": "区气象局"})]


LED_ITEMS = ["五、责任分工", "整治组成员包括区市场监管局、区交建局、区公安局，具体分工如下。",
             "（一）区市场监管局牵头涉嫌垄断调查整治工作。区市场监管局负责调查垄断行为线索。区税务局，负责加强税源征收管理。",
             "（二）区交建局牵头销售产能调查整治工作。区经发局，负责调查我区商品砼产能情况。",
             "（三）区公安局牵头涉黑涉恶调查整治工作。区公安局负责调查涉黑涉恶案件线索。",
             "（四）区执法应急局，负责调查砂石来源是否合法。",
             "六、工作要求", "（一）高度重视。各有关部门要提高思想认识。"]


def test_items_whose_first_sentence_names_their_lead_before_qiantou_are_led_by_it(tmp_path):
    """"（一）区市场监管局牵头…工作。", "（四）区执法应急局，负责…" (read47d, pingtan-2021-shangpintong): each item of the
    group opens with the office that leads it, before 牵头 or 负责; the item's words are kept as printed."""
    tasks = _tasks(tmp_path, LED_ITEMS)
    assert [t.code for t in tasks] == ["五(一)", "五(二)", "五(三)", "五(四)"]  # the 分工 heading over its introduction
    assert [t.lines[0].lead_units for t in tasks] == [["区市场监管局"], ["区交建局"], ["区公安局"], ["区执法应急局"]]
    assert tasks[0].title.startswith("区市场监管局牵头涉嫌垄断调查整治工作。")
