"""Review 5 of the documents with no header row (issue 13): a title that names the programme is not enough. A list
of results, of another year, of a notice's or a plan's labelled sections, of an agenda, of places described or
of contacts states no work to do this year, and stays refused."""

import pytest

from mstrack.errors import InputError
from tests.test_table_headerless import NO_HEADER, convert

REFUSED = {
    "zhengji": [
        "关于征集2025年县级民生实事候选项目的通知",
        "各乡镇人民政府，县直各单位：",
        "为做好2025年县级民生实事项目征集工作，现将有关事项通知如下：",
        "1.征集范围。主要围绕教育、医疗、养老、就业等群众急难愁盼问题提出项目建议。",
        "2.征集方式。通过县政府门户网站、政务微信公众号等渠道向社会公开征集。",
        "3.时间安排。征集时间为2024年9月1日至9月30日，逾期不再受理。",
        "4.工作要求。各单位要高度重视，认真梳理，于9月30日前将项目建议报县发改局。",
    ],
    "results": [
        "2023年县级民生实事项目办理结果",
        "1.新建城区公办幼儿园2所，全部建成投用，新增学位540个。",
        "2.改造提升农村公路60公里，全面完工。",
        "3.新建社区养老服务中心3个，均投入运营。",
        "4.改造城镇老旧小区12个，惠及居民3600户。",
    ],
    "yicheng": [
        "2024年全县民生实事项目集中开工仪式议程",
        "1.主持人宣布仪式开始",
        "2.县住建局主要负责同志介绍项目建设情况",
        "3.施工单位代表作表态发言",
        "4.县委书记宣布项目开工",
    ],
    "contacts": [
        "2024年民生实事项目责任单位联系人",
        ["县教育局", "王芳 办公室主任 13800000001"],
        ["县民政局", "李强 养老服务股股长 13800000002"],
        ["县住建局", "赵敏 城建股股长 13800000003"],
        ["县卫健局", "孙丽 医政股股长 13800000004"],
    ],
    "duban": [
        "关于开展2024年民生实事项目专项督查的通知",
        "各乡镇人民政府，县直有关单位：",
        "经县政府同意，县政府督查室将对2024年民生实事项目开展专项督查，现将有关事项通知如下：",
        "1.督查内容。重点督查项目前期手续办理、资金拨付、工程建设等情况。",
        "2.督查方式。采取听取汇报、查阅资料、实地查看相结合的方式进行。",
        "3.时间安排。9月10日至9月20日，分两组进行。",
        "4.工作要求。各责任单位于9月8日前将自查报告报县政府督查室。",
    ],
    "fangan": [
        "2024年县级民生实事项目实施方案",
        "为切实办好2024年县级民生实事，制定本方案。",
        "1.指导思想。坚持以人民为中心的发展思想，着力解决群众急难愁盼问题。",
        "2.工作目标。全年实施10件民生实事，年底前全部完成。",
        "3.组织领导。成立县民生实事项目工作领导小组，县长任组长。",
        "4.保障措施。强化资金保障，加强督促检查，严格责任追究。",
    ],
    "intro": [
        "2024年民生实事项目简介",
        "1.城东幼儿园。位于城东新区，占地15亩，设计12个班，可提供学位360个。",
        "2.县第二人民医院。位于滨河路，总建筑面积3.2万平方米，设置床位500张。",
        "3.城南污水处理厂。设计规模日处理污水2万吨，采用AAO工艺。",
    ],
}


@pytest.mark.parametrize("name", REFUSED)
def test_what_states_no_work_of_this_year_is_refused(tmp_path, name):
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, REFUSED[name])


def test_sections_headed_by_a_project_of_work_are_read(tmp_path):
    """A section's head that names a project (…工程, …建设, …改造) is work; a place or a topic ("指导思想。") is not."""
    result = convert(tmp_path, ["2024年民生实事项目", "1.城区供水工程。新建供水管网18公里。", "2.农村公路提升改造。改造农村公路60公里。",
                                "3.养老服务设施建设。新建社区养老服务站10个。"])
    assert [t.code for t in result.programme.tasks] == ["1", "2", "3"]
    assert result.programme.tasks[0].title.startswith("城区供水工程")


def test_a_contact_beside_an_office_is_no_task(tmp_path):
    """A phone number in the content: a contact list, whatever its title says."""
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, ["2024年民生实事项目", ["县教育局", "王芳 主任 13800000001"], ["县民政局", "李强 股长 13800000002"],
                           ["县住建局", "赵敏 股长 13800000003"]])


def test_items_that_begin_with_no_work_are_no_tasks(tmp_path):
    """Positive evidence: most items begin with a verb of work, a project's name or a target; places described are not."""
    with pytest.raises(InputError, match=NO_HEADER):
        convert(tmp_path, ["2024年民生实事项目", "1.城东片区，位于新区东部，面积15亩。", "2.滨河路沿线，总长3公里，宽40米。",
                           "3.城南组团，规划人口2万人，面积3平方公里。"])


def test_paragraphs_numbered_in_words_begin_with_their_work_after_the_number(tmp_path):
    """"一是新建…", "二、实施…": the verb of work follows the number in words."""
    result = convert(tmp_path, ["我县确定2024年十件民生实事", "近日，县政府常务会议研究确定了2024年十件民生实事，具体如下：",
                                "一是新建城区公办幼儿园2所，新增学位540个。", "二是改造提升农村公路60公里，完成危桥改造5座。",
                                "三是新建社区养老服务中心3个，新增养老床位150张。"])
    assert len(result.programme.tasks) == 3
