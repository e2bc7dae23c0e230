"""Issue 13, read50b: plans whose 工作目标 / 工作举措 set working rules — how often a duty is done ("每半月至少巡查1次"),
how far apart things stand ("每隔500米至少能看到1处") — which are no targets of the year."""

from __future__ import annotations


def _figures(text: str) -> list[tuple[float, str]]:
    from mstrack.sources.table.mentions import find_mentions

    return [(m.value, m.unit) for m in find_mentions(text, 2023)]


def test_a_frequency_or_a_spacing_is_a_working_rule_no_target():
    """"每半月至少巡查1次", "每两周开展1次", "每隔500米至少能看到1处…指示牌": how often a duty is done or how far apart the
    things stand, the whole clause a rule, no target; the work's own figures around it are targets still."""
    assert _figures("加强实地巡查监管，每半月至少巡查1次，加大保洁公司监督考核力度。") == []
    assert _figures("每两周开展1次集中清洁行动。") == []
    assert _figures("确保每隔500米至少能看到1处公共卫生间的指示牌，公共卫生间免费开放。") == []
    assert _figures("苏平路等主要道路每隔200米至少有1处能够看到的公益广告。") == []
    assert _figures("新建公共卫生间3处，每半月至少巡查1次。") == [(3, "处")]
    assert _figures("设置公益广告2幅。") == [(2, "幅")]


PERIODS = ["某乡农村集体产权制度改革工作方案", "一、主要工作内容",
           "（一）全面开展清产核资（2018年4-9月）",
           "1.明确清产核资范围。组织开展清产核资。（责任单位：乡经管站）",
           "2.有序开展清产核资。建立清产核资台账。（责任单位：乡经管站）",
           "（二）有序推进经营性资产股份合作制改革（2018年11月-2019年6月）",
           "1.加强改革指导。量化集体经营性资产。（责任单位：乡农办）",
           "2.保障股份权利。出具股权证书。（责任单位：乡农办）",
           "（三）多种形式发展集体经济（长期）",
           "1.发展现代农业项目。集中开发集体资源。（责任单位：各村）",
           "2.提供农业生产性服务。整合集体积累资金。（责任单位：各村）",
           "二、工作措施", "（一）加强组织领导。各村要高度重视。"]


def test_a_groups_period_in_brackets_after_its_heading_is_the_deadline_of_its_items(tmp_path):
    """"（一）全面开展清产核资（2018年4-9月）" over its items "1.…" "2.…": the group's period ends when its items are due,
    each item's 完成时限 the period's end (a span across years ends in its later year); a group "（长期）" names no date."""
    from .conftest import convert_written

    tasks = convert_written(tmp_path, "plan.txt", "\n".join(PERIODS) + "\n", 2018).programme.tasks
    assert [t.code for t in tasks] == ["一(一)1", "一(一)2", "一(二)1", "一(二)2", "一(三)1", "一(三)2"]
    assert [str(t.deadline) for t in tasks] == ["2018-09-30", "2018-09-30", "2019-06-30", "2019-06-30", "None", "None"]


def test_a_bounded_count_in_a_clause_that_closes_with_的_is_a_case_no_target():
    """"分别属于村内两个以上农民集体所有的，由…行使所有权": a clause closed by 的 names a case that the next clause rules on; its
    bounded figure says which ones, no target; "组建不少于500人的志愿者队伍" names what it builds after 的, a target."""
    assert _figures("分别属于村内两个以上农民集体所有的，由村内各该集体经济组织代表集体行使所有权。") == []
    assert _figures("组建不少于500人的志愿者队伍。") == [(500, "人")]


LIMIT = ["某片区创建文明城市工作方案", "一、工作目标", "全面提升城市形象水平。", "二、工作时限", "2023年5月25日-12月31日",
         "三、工作重点", "（一）片区办公楼周边环境提升", "工作举措：设置公益广告2幅。", "牵头处室：党政办公室",
         "（二）文化站周边环境提升", "工作举措：设置精神文明建设宣传栏。", "牵头处室：社会事业处",
         "（三）文明实践活动提升", "工作举措：于6月底前对文明实践站标识进行排查。", "牵头处室：党群工作处",
         "四、工作要求", "（一）加强组织领导。各处室要高度重视。"]


def test_a_part_headed_工作时限_that_prints_one_span_gives_every_task_its_end(tmp_path):
    """"二、工作时限" over "2023年5月25日-12月31日": the plan's time limit, the word a 完成时限 column prints, is every task's
    deadline, its end; the date a task prints in its own words stays its checkpoint."""
    from .conftest import convert_written

    tasks = convert_written(tmp_path, "plan.txt", "\n".join(LIMIT) + "\n", 2023).programme.tasks
    assert [t.code for t in tasks] == ["三(一)", "三(二)", "三(三)"]
    assert [str(t.deadline) for t in tasks] == ["2023-12-31"] * 3


def test_a_peoples_organisation_by_its_short_name_is_no_person_beside_an_office():
    """"人大办 妇联 团委" (a 责任部门 cell typed with spaces, or one a line): 妇联, a people's organisation by its short name
    (as 科协, 残联, 侨联), is a unit, not the head of the office before it; "市民政局 伍泽国" names a person still."""
    from mstrack.sources.table.unit_people import without_people

    assert without_people("人大办 妇联 团委", "责任部门") == "人大办 妇联 团委"
    assert without_people("人大办\n妇联\n团委", "责任部门") == "人大办\n妇联\n团委"
    assert without_people("宣传办 科协", "责任单位") == "宣传办 科协"
    assert without_people("市民政局 伍泽国", "责任单位") == "市民政局"


def test_the_best_effort_reading_reads_each_line_once_over_its_tries():
    """list_fallback tries a document's runs in turn, each try reading the rows after the run before (up to TRIES): a
    line's offices, its figure and a name's being an office are read once and kept (READINGS_KEPT), not once a try; the
    reading is the same (tests/test_tables_score.py holds every corpus file to its facts)."""
    from pathlib import Path

    from mstrack.sources.table import convert_table
    from mstrack.sources.table.item_offices import units_after
    from mstrack.sources.table.mentions import sets_figure
    from mstrack.sources.table.units import office_list

    for reading in (units_after, office_list, sets_figure):
        reading.cache_clear()
    path = Path(__file__).parent / "data" / "tables" / "pingtan-2023-chuangcheng.txt"
    conversion = convert_table(path, "pingtan-2023c", 2023)
    assert conversion.best_effort is not None  # read by the tries of the best-effort reading
    for reading in (units_after, office_list, sets_figure):
        info = reading.cache_info()
        assert info.hits > 2 * info.misses, (reading.__name__, info)  # each line read once, kept over the tries


def test_a_texts_length_in_characters_is_no_target():
    """"社会主义核心价值观24个字（1幅）": 24个字 is how long the slogan is, no count of work; the poster (1幅) is the target."""
    assert _figures("在显著位置设置社会主义核心价值观24个字宣传标语（1幅）。") == [(1, "幅")]
    assert _figures("展示社会主义核心价值观24个字。") == []
    assert _figures("新建文化广场24个。") == [(24, "个")]


def test_a_date_before_对_and_its_object_dates_the_work_whatever_的_its_object_holds():
    """"①于6月底前对新时代文明实践所（站）的牌匾及标识进行排查": the date opens the work done on the object 对 names, its 的
    inside that object, a checkpoint as "①于6月底前公开…" is; "6月底前完成的项目" (a date describing what is counted) none."""
    from mstrack.sources.table.schedule import dated_clauses

    found = dated_clauses("①于6月底前对新时代文明实践所（站）的牌匾及标识、工作制度进行排查，及时查缺补漏。", 2023)
    assert [(str(due), words[:6]) for _, due, words in found] == [("2023-06-30", "6月底前对新")]
    assert dated_clauses("统计6月底前完成的项目。", 2023) == []


def test_places_before_a_unit_named_by_where_it_lies_are_part_of_its_name():
    """"官井街、苏澳街、白沙街沿线的相关村": the villages along the three streets, one unit (the streets no offices); an office
    before them ("环发公司、官井街、…") stays a unit of its own."""
    from mstrack.sources.table.office_names import split_units

    assert split_units("环发公司、官井街、苏澳街、白沙街沿线的相关村") == ["环发公司", "官井街、苏澳街、白沙街沿线的相关村"]
    assert split_units("交通与建设处、苏平路沿线的相关村") == ["交通与建设处", "苏平路沿线的相关村"]
    assert split_units("区教育局、区财政局") == ["区教育局", "区财政局"]


def test_a_share_a_rule_permits_is_no_target():
    """"允许投资电子商务的台商企业其股权比例可至100%": how far a rule lets a share go, a permission, no target; "外资
    股权比例达到100%" would be one."""
    assert _figures("允许投资电子商务及相关服务业的台商企业其股权比例可至100%，支持鼓励区内电商企业赴台投资。") == []
    assert _figures("电商企业股权比例达到100%。") == [(100, "%")]


def test_a_sentence_opened_by_a_rhythm_sets_its_figures_once_a_period():
    """"各村要每月围绕…五大主题，选取一个主题开展文明实践活动": each month one theme, a rhythm, no target of the year; a clause
    naming the year's total ("全年完成检查12次") is one, and a standard per head and month ("每人每月757元") no rhythm."""
    assert _figures("各村要每月围绕学习实践科学理论、宣传宣讲党的政策等五大主题，选取一个主题开展文明实践活动。") == []
    assert (12, "次") in _figures("每月开展1次检查，全年完成检查12次。")
    assert [value for value, _ in _figures("城市低保标准调高到每人每月757元，补差水平要同步提高。")] == [757]
    assert _figures("每周三次为在校午餐的学生加菜，提供每人每次5元营养膳食补贴。") == [(5, "元")]
    assert (5.5, "%") in _figures("每月调查失业率不高于5.5%，城镇调查失业率控制在5.5%以内。")  # a rate held: period_amounts'
