"""Review 4 of the documents with no header row (issue 13): what is no list of tasks stays refused (a notice, a letter,
an agenda, a glossary, a contact list, a report of results); a deadline stated above a list only when it is one for
all the listed tasks; offices after an item, not places or objects; the programme's name from the title line."""

import pytest

from mstrack.errors import InputError
from tests.test_table_headerless import DOUBT, NO_HEADER, convert, facts

REFUSED = {
    "meeting notice": ["关于召开2024年民生实事项目推进会的通知", "各镇人民政府，县直有关单位：",
                       "经县政府同意，定于3月5日召开全县民生实事项目推进会，现将有关事项通知如下：",
                       "1.会议时间：2024年3月5日上午9:00", "2.会议地点：县政府三楼会议室", "3.参会人员：各镇镇长，县直有关单位主要负责人",
                       "4.有关要求：请各单位于3月4日前将参会人员名单报县政府办公室。", "县人民政府办公室", "2024年3月1日"],
    "request for reports": ["关于报送2024年民生实事项目进展情况的通知", "各牵头单位：", "为及时掌握项目推进情况，现就有关事项通知如下：",
                            "1、报送内容。各项目本月完成情况、存在问题及下一步打算。",
                            "2、报送时间。请于每月25日前报送，逾期未报的予以通报。",
                            "3、联系方式。联系人：张三，电话：0731-12345678。", "县民生实事办", "2024年2月20日"],
    "flood notice": ["关于做好2024年汛期安全工作的通知", "各乡镇、各有关单位：", "为确保全面完成今年防汛目标任务，现提出以下要求：",
                     "1.加强组织领导，落实防汛责任制。", "2.开展隐患排查，建立问题清单，限期整改。", "3.严格值班值守，实行24小时领导带班。",
                     "4.做好物资储备，确保关键时刻拉得出、用得上。", "县防汛抗旱指挥部办公室"],
    "appraisal of offices": ["关于2023年度民生实事项目考核结果的通报", "经考核，以下单位被评为优秀等次：", "1.县教育局", "2.县卫生健康局",
                             "3.县住房和城乡建设局", "4.城关镇人民政府", "县人民政府", "2024年1月15日"],
    "news of results": ["我市民生实事项目建设有序推进", "今年以来，我市坚持把民生实事作为重要抓手，各项工作扎实推进。",
                        "截至6月底，全市城镇新增就业8900人，完成年度目标的74%。", "新建改造城市道路12公里，完成投资3.2亿元。",
                        "改造老旧小区45个，惠及居民1.2万户。", "新增公办幼儿园学位2400个，已投入使用。"],
    "progress report": ["2024年上半年民生实事项目推进情况报告", "县人大常委会：", "现将我县2024年上半年民生实事项目推进情况报告如下：",
                        "城区污水管网改造项目已完成管网铺设12公里，占年度计划的67%。",
                        "乡镇卫生院提质建设项目完成投资1800万元，主体工程完工3所。",
                        "老旧小区改造项目已开工28个，完工15个。", "农村公路建设项目完成路基工程45公里。", "县人民政府", "2024年7月10日"],
    "work report review": ["政府工作报告", "一、2023年工作回顾", "过去一年，我们全面完成了市人大会议确定的目标任务和民生实事。",
                           "——经济发展稳中求进。全市地区生产总值3.24万亿元，增长3.3%。",
                           "——创新动能持续增强。全社会研发投入占比达5.8%，新增国家高新技术企业2000家。",
                           "——民生福祉不断改善。新增学位20万个，新增病床5000张。", "一年来，我们主要做了以下工作。"],
    "agenda": ["2024年民生实事项目观摩活动日程安排", ["8:30", "在县政府广场集合出发"], ["9:00", "观摩城东区老旧小区改造项目"],
               ["10:00", "观摩县人民医院新院区建设项目"], ["11:00", "召开观摩点评会"]],
    "contact list": ["2024年民生实事项目联络员名单", ["张三", "县教育局办公室主任"], ["李四", "县卫生健康局规划科科长"],
                     ["王五", "县住房和城乡建设局副局长"], ["赵六", "县交通运输局办公室副主任"]],
    "glossary": [["低保", "最低生活保障的简称"], ["特困", "特困人员救助供养的简称"], ["医保", "基本医疗保险的简称"],
                 ["公租房", "公共租赁住房的简称"]],
}


@pytest.mark.parametrize("name", REFUSED)
def test_what_is_no_list_of_tasks_is_refused(tmp_path, name):
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, REFUSED[name])


def test_a_title_naming_the_programme_with_two_columns_is_read(tmp_path):
    result = convert(tmp_path, ["2024年民生实事项目", ["城区供水", "新建供水管网18公里，改造老旧管网6公里", "县水利局、县住建局"],
                                ["乡村教育", "改扩建农村小学2所，新增学位600个", "县教育局"],
                                ["养老服务", "新建社区养老服务站10个", "县民政局、各乡镇"]])
    assert [t.title for t in result.programme.tasks] == ["城区供水", "乡村教育", "养老服务"]


def test_a_title_of_traditional_characters_names_the_programme(tmp_path):
    result = convert(tmp_path, ["區為民辦十件實事敲定", "近日,區人大公布了2021年為民辦十件實事。",
                                "新建污水管網18公里,完成20個村生活污水治理。", "加快區養老服務中心建設,設置床位500張。",
                                "完成10處塑膠操場建設,實現全覆蓋。"])
    assert len(result.programme.tasks) == 3


# --- a deadline stated above the list ---------------------------------------------------------

ITEMS = ["1.城区污水管网改造", "2.乡镇卫生院提质建设", "3.农村公路安全生命防护工程", "4.老旧小区改造"]


def deadlines(result) -> list[str | None]:
    return [t.deadline.isoformat() if t.deadline else None for t in result.programme.tasks]


@pytest.mark.parametrize("sentence", ["上述项目均要在3月底前完成实施方案编制，报县政府审定。",
                                      "各牵头单位于每季度末报送进展，所有项目于11月底前完成自查。",
                                      "2023年确定的12件民生实事，全部于2023年11月底前完成。经县人代会票决，2024年民生实事项目如下：",
                                      "以上项目均于5月底前完成招标，12月底前全部建成投用。"])
def test_a_sentence_that_gives_no_deadline_for_the_listed_tasks_gives_none(tmp_path, sentence):
    read = deadlines(convert(tmp_path, ["2024年民生实事项目", sentence, *ITEMS]))
    assert len(read) == 4 and not {"2024-03-31", "2024-11-30", "2023-11-30", "2024-05-31"} & set(read)


def test_a_step_before_then_the_tasks_done_gives_the_date_they_are_done(tmp_path):
    result = convert(tmp_path, ["2024年民生实事项目", "以上项目均于5月底前完成招标，12月底前全部建成投用。", *ITEMS])
    assert deadlines(result) == ["2024-12-31"] * 4


def test_a_deadline_of_a_later_year_is_no_deadline_of_this_years_tasks(tmp_path):
    result = convert(tmp_path, ["2024年城乡供水一体化民生工程", "项目总工期三年，全部工程计划于2026年6月底前建成，今年完成以下任务：",
                                "1.新建水厂1座", "2.铺设供水主管网30公里", "3.改造农村供水管网120公里"])
    assert "2026-06-30" not in deadlines(result)


def test_an_items_own_date_is_kept(tmp_path):
    result = convert(tmp_path, ["2024年民生实事项目", "以上项目均在年底前完成。", "1.城区污水管网改造，6月底前完成", ITEMS[1], ITEMS[2],
                                "4.老旧小区改造，10月底前完工"])
    assert deadlines(result) == ["2024-06-30", "2024-12-31", "2024-12-31", "2024-10-31"]


def test_an_item_named_by_its_number_is_excepted(tmp_path):
    result = convert(tmp_path, ["XX县2024年民生实事项目",
                                "经县人大票决，确定2024年民生实事项目4件，除第1项在6月底前完成外，其余项目均在今年12月底前完成。", *ITEMS])
    assert deadlines(result) == ["2024-06-30", "2024-12-31", "2024-12-31", "2024-12-31"]


def test_a_year_end_with_its_year_and_its_own_doubt(tmp_path):
    result = convert(tmp_path, ["2024年民生实事项目", "以上项目均于2024年底前完成。", *ITEMS[:3]])
    assert deadlines(result) == ["2024-12-31"] * 3
    # each said once for the three tasks, their rows listed (fix49f)
    assert [d for d in result.doubts if "deadline" in d and "以上项目均于2024年底前完成" in d] == [
        "list.csv: rows 3, 4, 5: deadline read from the text above the list: “以上项目均于2024年底前完成。”"]
    assert len([d for d in result.doubts if DOUBT in d]) == 1


# --- offices after an item ----------------------------------------------------------------------


def test_an_object_after_a_verb_and_a_space_is_no_office(tmp_path):
    result = convert(tmp_path, ["2024年县级民生实事项目", "1.改造 老旧小区", "2.新建 养老服务中心", "3.建设 城市绿道", "4.新建 乡镇卫生院"])
    assert [t.title for t in result.programme.tasks] == ["改造 老旧小区", "新建 养老服务中心", "建设 城市绿道", "新建 乡镇卫生院"]


def test_places_are_no_offices(tmp_path):
    result = convert(tmp_path, ["2024年民生实事项目如下：", "1.新建公办幼儿园3所（城东街道）", "2.改造老旧小区12个（城关镇）",
                                "3.新建社区卫生服务站2个（经济开发区）", "4.新建公办幼儿园3所（含城区、各乡镇）",
                                "5.新建社区养老服务站10个（东区、西区）", "6.新建公办幼儿园3所\u3000城北新区"])
    assert [u for _, _, lead, others in facts(result) for u in lead + others if u != "（表中未列）"] == []


def test_offices_with_their_roles_in_a_bracket(tmp_path):
    result = convert(tmp_path, ["2024年民生实事项目如下：", "1.新建公办幼儿园3所（县教育局）", "2.新建农贸市场1个（县商务局）",
                                "3.改造老旧小区12个（牵头单位：县住建局；配合单位：县财政局）"])
    assert facts(result)[2] == ("3", "改造老旧小区12个", ["县住建局"], ["县财政局"])
    assert [i.target for i in result.programme.tasks[2].lines[0].indicators] == [12]


def test_office_list_takes_offices_not_places_or_objects():
    from mstrack.sources.table.units import office_list

    assert office_list("县教育局、各乡镇人民政府") and office_list("各开发区") and office_list("人社局、创业中心")
    assert not office_list("城东街道") and not office_list("经济开发区") and not office_list("老旧小区")
    assert not office_list("含城区、各乡镇") and not office_list("东区、西区") and not office_list("城市绿道")


# --- the programme's name ------------------------------------------------------------------------


def test_the_programme_is_named_by_the_title_line(tmp_path):
    result = convert(tmp_path, ["XX县2024年民生实事项目", "经县人大票决，2024年民生实事项目如下：", *ITEMS])
    assert result.programme.name == "XX县2024年民生实事项目"


def test_the_title_line_is_the_first_that_names_the_list_without_its_colon(tmp_path):
    result = convert(tmp_path, ["2017年建设幸福新区行动计划", "首页 > 民生档案 > 正文", "稿件来源:市民生办",
                                "2017年新区突出抓好62件民生实事。", *ITEMS])
    assert result.programme.name == "2017年建设幸福新区行动计划"
    result = convert(tmp_path, ["县人大票决产生了2023年民生实事项目,现将结果公告如下:", "县人民政府2023年民生实事项目:", *ITEMS])
    assert result.programme.name == "县人民政府2023年民生实事项目"
