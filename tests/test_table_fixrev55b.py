"""Issue 13, fixrev55b: review55's reader findings on small made-up notices — a closing part of requirements is no
part of duties by a subject carried into its "要…" points (F1), a document's title is the line under its number (F3), a
part on the importance of the work reads alike whichever word names it (F4), a group the notice sets up is a doer
whatever its kind (F7)."""

from __future__ import annotations

import pytest

from mstrack.errors import NoLayoutError
from mstrack.vocabulary import CLOSING_SECTIONS, REQUIREMENTS_SECTIONS

from .conftest import text_tasks

INSPECTION = ["岚安委〔2018〕15号",
              "某区安全生产委员会关于开展2018年冬季消防安全大检查的通知",
              "各乡镇，区直各有关部门：",
              "为切实做好冬季火灾防控工作，现将有关事项通知如下：",
              "一、检查范围",
              "全区人员密集场所、易燃易爆单位。",
              "二、检查时间",
              "自即日起开展为期一个月的检查。",
              "三、检查内容",
              "消防设施是否完好有效，疏散通道是否畅通。",
              "四、其他要求",
              "（一）各单位要高度重视，切实加强组织领导，层层落实责任。",
              "（二）要严格落实安全生产责任制，做到检查不留死角。",
              "（三）要加强宣传教育，提高群众消防安全意识。",
              "（四）检查结束后，请将检查情况报区安委办。",
              "某区安全生产委员会",
              "2018年11月20日"]


@pytest.mark.parametrize("heading", ["四、其他要求", "四、相关要求", "四、工作要求", "四、其他事项", "四、其他事宜"])
@pytest.mark.parametrize("period", ["自即日起开展为期一个月的检查。", "2018年11月20日至12月20日。"])
def test_a_notices_requirements_are_no_duties_by_a_carried_subject(tmp_path, heading, period):
    """A plain inspection notice whose last part is its requirements, the first naming every addressee ("各单位要…") and
    the next ones leaving the subject out ("要严格…"): no duties — a closing part's doers are its items' own, never
    carried into its "要…" points — whichever word heads it, and whether its time part dates the campaign or not:
    refused, as before the campaign reading."""
    lines = [heading if line == "四、其他要求" else period if line.startswith("自即日起") else line for line in INSPECTION]
    with pytest.raises(NoLayoutError):
        text_tasks(tmp_path, lines, 2018)


def test_a_closing_part_naming_only_the_addressees_is_no_duties(tmp_path):
    """The same points each naming the addressees ("各单位要…") are the notice's requirements on every one of them:
    refused; one point giving its work to an office ("局综合处负责车辆安排") makes the part the campaign's
    arrangements, read with the addressees' points beside it."""
    lines = [line.replace("（二）要", "（二）各单位要").replace("（三）要", "（三）各单位要") for line in INSPECTION]
    with pytest.raises(NoLayoutError):
        text_tasks(tmp_path, lines, 2018)
    lines[lines.index("（四）检查结束后，请将检查情况报区安委办。")] = "（四）局综合处负责车辆安排。"
    tasks = text_tasks(tmp_path, lines, 2018)
    assert [t.code for t in tasks] == ["四(一)", "四(二)", "四(三)", "四(四)"]
    assert [[u for line in t.lines for u in line.lead_units] for t in tasks] == [["各单位"]] * 3 + [["局综合处"]]


def test_requirements_headings_are_one_vocabulary():
    """"七、其他要求", "五、有关事项", "六、其他事宜" are closing sections by the one vocabulary of requirements parts."""
    import re

    for words in ("其他要求", "相关要求", "工作要求", "有关事项", "其他事宜", "工作措施及要求"):
        assert re.search(REQUIREMENTS_SECTIONS, words) and re.search(CLOSING_SECTIONS, words), words
    assert not re.search(CLOSING_SECTIONS, "推进政务服务事项办理") and not re.search(CLOSING_SECTIONS, "办理相关事项")


BULLETIN = ["岚政办〔2018〕12号",
            "某区管委会办公室关于2018年第一季度安全生产检查情况的通报",
            "各乡镇，区直各有关部门：",
            "现将2018年第一季度安全生产检查情况通报如下：",
            "一、加强隐患排查治理",
            "1．区安监局要牵头组织开展隐患排查；",
            "2．各乡镇要落实属地责任，开展自查自纠；",
            "3．区消防大队要加强消防检查。",
            "二、严格执法检查工作",
            "1．区安监局要加大执法力度；",
            "2．区公安局要配合开展联合执法。",
            "某区管委会办公室",
            "2018年4月2日"]


@pytest.mark.parametrize("above", [[], ["（此件公开发布）"], ["签发人：张三"], ["特急"]])
@pytest.mark.parametrize("numbered", [True, False])
def test_a_bulletin_is_refused_whether_its_number_is_printed_over_its_title(tmp_path, above, numbered):
    """A 通报 names no plan by its title (list_work.NO_PLAN_TITLE_RE, OTHER_TOPIC_RE): refused by every reader, its
    title the line under its number and the lines printed with it ("（此件公开发布）", "签发人：…", "特急"), as without
    them (reading.document_title)."""
    lines = [*(BULLETIN[:1] if numbered else []), *above, *BULLETIN[1:]]
    with pytest.raises(NoLayoutError):
        text_tasks(tmp_path, lines, 2018)


def test_a_documents_title_is_the_line_under_its_number():
    from mstrack.sources.table.reading import document_title, title_at

    assert document_title(["岚政办〔2018〕12号", "（此件公开发布）", "某局关于…的通报", "各乡镇："]) == "某局关于…的通报"
    assert title_at(["闽政办〔2023〕5号", "某局关于…的通知"]) == 1
    assert document_title(["某局关于…的通知", "岚政办〔2018〕12号"]) == "某局关于…的通知"
    assert document_title(["岚政办〔2018〕12号"]) == ""


MILITARY = ["岚卫医政〔2018〕222号",
            "某局关于开展2018年“八一”建军节拥军优属活动的通知",
            "局机关各处室，各医疗卫生计生单位：",
            "为切实做好卫生计生系统拥军优属工作，现就有关事项通知如下：",
            "一、高度重视拥军优属工作",
            "各医疗卫生计生单位要高度重视拥军优属工作，要结合本单位实际情况，广泛开展健康拥军活动，抓好落实。",
            "二、强化健康拥军优属措施",
            "1．各医疗卫生计生单位要建立健全健康拥军优属措施，继续强化与驻军部队结“对子”活动；",
            "2．继续完善军人看病就医优先措施，在医疗机构门急诊设立“军人优先”窗口。",
            "3．制定驻岛官兵医疗费用专项资金使用管理办法，做好随军家属医疗保障。",
            "三、深入开展义诊进军营活动",
            "“八一”建军节期间，由局医政处牵头、局综合处配合，开展一场大型义诊进军营活动。",
            "某局",
            "2018年7月30日"]


@pytest.mark.parametrize("word", ["重要性", "重要意义", "必要性"])
def test_a_part_on_why_the_work_matters_is_no_task_whichever_word_names_it(tmp_path, word):
    """"一、充分认识敬老爱老工作的重要性" over "…各医疗卫生计生单位要充分认识…" frames the plan, as "…的重要意义" does:
    no task, whichever word names why the work matters; the part naming a measure ("一、高度重视拥军优属工作" over the
    same doers) stays task 一, beside 二's items and 三's paragraph."""
    tasks = text_tasks(tmp_path, MILITARY, 2018)
    assert [t.code for t in tasks] == ["一", "二1", "二2", "二3", "三"]
    lines = [*MILITARY]
    lines[4:6] = [f"一、充分认识敬老爱老工作的{word}",
                  "敬老爱老是中华民族的传统美德，各医疗卫生计生单位要充分认识做好敬老爱老工作的重要性。"]
    tasks = text_tasks(tmp_path, lines, 2018)
    assert [t.code for t in tasks] == ["二1", "二2", "二3", "三"]


@pytest.mark.parametrize("group", ["检查组", "巡查组", "暗访组", "验收组", "考核组", "专家组"])
def test_a_group_named_by_its_work_is_a_doer_whatever_the_work(tmp_path, group):
    """"巡查组成员要…", "验收组要…": a 组 the notice sets up, named by the work it does, is its sentences' doer as
    检查组 is, whichever work names it: the inspection's duties read the same."""
    from mstrack.sources.table.list_doers import paragraph_doers

    assert paragraph_doers(f"{group}要严格遵守廉洁自律有关规定；") == [group]
    assert paragraph_doers(f"{group}成员要各司其职，认真履行职责。") == [f"{group}成员"]
    lines = ["某局关于开展危险品安全检查的通知",
             "各医疗卫生单位：",
             "一、检查时间",
             "自即日起开展为期一个月的安全检查",
             "二、其他事宜",
             "（一）请各单位做好自查和迎检的各项准备工作；",
             f"（二）{group}成员要严格遵守廉洁自律有关规定；",
             "（三）局综合处负责车辆安排。"]
    tasks = text_tasks(tmp_path, lines, 2018)
    assert [[u for line in t.lines for u in line.lead_units] for t in tasks] == [["各单位"], [f"{group}成员"], ["局综合处"]]


@pytest.mark.parametrize("words", ["第一组要负责平原镇的检查。", "重新分组要在月底前完成。", "检查组织要严密，确保质量。",
                                   "兴趣小组长要按时报告。", "巡查组组长要按时报告。"])
def test_a_group_counted_split_or_led_is_no_doer(words):
    """A 组 counted ("第一组"), a grouping ("重新分组"), 组织, and a group's leader ("小组长", "巡查组组长", a person) are
    no body the notice sets up: no doer."""
    from mstrack.sources.table.list_doers import paragraph_doers

    assert paragraph_doers(words) == []
