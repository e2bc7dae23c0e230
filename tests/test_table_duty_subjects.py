"""held67b: the subjects of a duty's sentence in a point's paragraph. "X应全面落实…" names X as "X要…" does, a 工作队 is
a body set up for the work as a 工作组 is; "各村组建的消防队…" names 各村, no "各村组"; "各处" and "各处室" in one paragraph
are one set; a point named "落实责任人" (putting the responsible persons in place) is a measure, no closing section's
"落实责任"."""

from __future__ import annotations

from mstrack.sources.table.list_doers import paragraph_doers, subject_run

from .conftest import text_tasks

HEAD = [
    "某片区管理局关于做好2024年地质灾害防治工作的通知",
    "各处室，各村（居）：",
    "为做好片区地质灾害隐患点防治工作，现将有关事项通知如下：",
]
SIGNATURE = ["某片区管理局", "2024年4月16日"]


def test_a_subject_before_ying_names_the_doers(tmp_path):
    points = [
        "一是全面巡排查。各村居和各包村工作队要高度重视地质灾害排查工作，对登记在册的地灾点实施年度“三查”。",
        "二是落实责任人。各级防灾责任人直接对责任范围内人民群众的生命安全负责，各村居和包村工作队应全面落实更新各村级"
        "责任人名单、联系电话，确保电话联络畅通。",
        "三是发放“两卡”。各村居在汛期前摸清各个地灾隐患点常住人口等信息，并尽快将明白卡发给受威胁群众。",
    ]
    tasks = text_tasks(tmp_path, [*HEAD, *points, *SIGNATURE], 2024)
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert [t.lines[0].lead_units for t in tasks] == [["各村居"]] * 3
    assert [t.lines[0].units for t in tasks] == [["各包村工作队"], ["包村工作队"], []]


def test_ying_opening_a_word_names_no_doer():
    assert paragraph_doers("防汛物资储备充足，资源生态处应急物资按时补足。") == []  # 应急: a word, no duty's 应
    assert paragraph_doers("政法综治处应对存在问题及时进行整治。") == []  # 应对: "respond", no duty's 应
    assert paragraph_doers("政法综治处应当及时整治。") == ["政法综治处"]


def test_a_name_never_ends_inside_zujian():
    assert subject_run("各村组建的消防队由书记或主任兼任消防队长") == "各村"
    assert subject_run("各乡镇组建义务消防队") == "各乡镇"  # no name runs through the verb
    assert subject_run("区委组织部牵头") == "区委组织部"  # 组织 does, inside an office's name
    assert subject_run("督查工作组建立工作台账") == "督查工作组"  # a 组, then 建立: no 组建
    assert "各村组" not in paragraph_doers("各村要成立消防队。各村组建的消防队由书记或主任兼任消防队长，并制定相关工作制度。")


def test_every_division_named_twice_is_one_set():
    paragraph = ("各处、各村要加强灾害综合监测预警。各处室根据自身职责分工抓紧抓实风险隐患排查整治，"
                 "由资源生态处开展地质灾害点风险隐患排查工作；由社会事业处做好学校风险隐患排查。")
    assert paragraph_doers(paragraph) == ["各处", "各村", "资源生态处", "社会事业处"]
    assert paragraph_doers("各处室要加强值守。各科室要做好排查。") == ["各处室", "各科室"]  # 处 and 科: two sets
