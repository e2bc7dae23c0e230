"""held67b: a notice of parts only whose covering paragraph prints the day of the occasion it is about ("今年5月12日是
我国第15个防灾减灾日"): a part whose paragraph names the occasion ("…开展今年全国防灾减灾日各项活动") is due that day; a part
naming it not, and any part where the paragraph prints no such day or two, is undated."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.list_doer_lines import occasion_day

from .conftest import text_tasks

TITLE = "某片区管理局关于做好2023年全国防灾减灾日有关工作的通知"
COVERING = "今年5月12日是我国第15个防灾减灾日，5月6日至12日为防灾减灾宣传周。现将有关事项通知如下："
PARTS = [
    "一、突出活动主题，扎实开展防灾减灾活动",
    "各处室、各村要立足辖区实际，认真组织开展今年全国防灾减灾日各项活动，提高群众的防灾减灾意识。",
    "二、广泛宣传教育，提升防灾减灾知识技能",
    "各处室、各村要广泛开展防灾减灾知识进校园活动。由社会事业处组织辖区大中小学开展主题班会。",
    "三、落实物资储备，建立健全应急保障机制",
    "政法综治处要对现存的防汛物资进行集中清点，对不足的物资进行补足备存。",
]
SIGNATURE = ["某片区管理局", "2023年4月25日"]


def test_a_part_naming_the_occasion_is_due_its_day(tmp_path):
    tasks = text_tasks(tmp_path, [TITLE, "各处室，各村：", COVERING, *PARTS, *SIGNATURE], 2023)
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert [t.deadline for t in tasks] == [date(2023, 5, 12), None, None]
    assert [t.lines[0].lead_units for t in tasks] == [["各处室"], ["各处室"], ["政法综治处"]]


def test_no_occasions_day_dates_nothing(tmp_path):
    covering = "为做好今年防灾减灾日有关工作，现将有关事项通知如下："
    tasks = text_tasks(tmp_path, [TITLE, "各处室，各村：", covering, *PARTS, *SIGNATURE], 2023)
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert [t.deadline for t in tasks] == [None, None, None]


def test_the_occasion_and_its_day():
    assert occasion_day([COVERING]) == ("5月12日", "防灾减灾日")
    assert occasion_day(["9月12日是预防出生缺陷日。为贯彻落实…"]) == ("9月12日", "预防出生缺陷日")
    assert occasion_day(["5月6日至12日为防灾减灾宣传周。"]) is None  # a week, no day
    assert occasion_day(["5月12日是防灾减灾日，6月5日是世界环境日。"]) is None  # two occasions: which one is the notice's
