"""A kind of business named by its class before "要" or "应" ("各星级酒店应推广…", "旅游景区要加强…":
list_doers._kind_subject) is a doer, every business of it, as "各X机构" is; the kind bare ("景区要…", "酒店") is left
open and names none."""

from __future__ import annotations

from pathlib import Path

from mstrack.sources.table import convert_table
from mstrack.sources.table.list_doers import paragraph_doers

NOTICE = ["某区旅游局关于进一步做好节约用水工作的通知", "各文旅企业、景区运营单位：",
          "近期我区旱情严重，供水形势严峻。", "一、增强节水意识", "充分认识节约用水的必要性和重大意义。",
          "二、落实节水责任",
          "（一）落实节水措施。各旅游文体经营单位应制定节水措施方案，做好用水设施设备的日常管理。",
          "（二）抓实用水管理。各文旅体经营单位要密切关注区水务公司发布的有关信息。各星级酒店应推广使用节水型器具；"
          "旅游景区要加强对景区内用水场所管控，及时更换节水型器具。",
          "三、强化节水宣传", "各单位应利用多种形式开展节水宣传工作。", "某区旅游局", "2021年4月29日"]


def test_a_kind_of_business_named_by_its_class_is_a_doer(tmp_path: Path):
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(NOTICE) + "\n", encoding="utf-8")
    tasks = {t.code: t.lines[0] for t in convert_table(path, "x-2021", 2021).programme.tasks}
    assert (tasks["二(二)"].lead_units, tasks["二(二)"].units) == (["各文旅体经营单位"], ["各星级酒店", "旅游景区"])


def test_a_kind_of_business_named_bare_is_left_open():
    assert paragraph_doers("各星级酒店应推广使用节水型器具", opening=True) == ["各星级酒店"]
    assert paragraph_doers("旅游景区要加强管控", opening=True) == ["旅游景区"]
    assert paragraph_doers("景区要加强管控", opening=True) == []
    assert paragraph_doers("酒店应推广使用节水型器具", opening=True) == []


def test_a_kind_of_business_before_a_slash_is_a_unit_whole():
    from mstrack.sources.table.office_names import split_units

    assert split_units("各星级酒店/旅游景区") == ["各星级酒店", "旅游景区"]
    assert split_units("各县住建/城管局") == ["各县住建/城管局"]  # a place's short form: one name
