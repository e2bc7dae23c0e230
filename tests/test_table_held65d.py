"""held65d (issue 13): places closed by 等 sharing the kind of office after them ("北厝、敖东等派出所": two police
stations, the first the lead), read as a paragraph's doers."""

from __future__ import annotations

from mstrack.sources.table.list_doers import paragraph_doers
from mstrack.sources.table.units import unit_names


def test_places_closed_by_deng_share_the_kind_of_office_after_them():
    assert unit_names("北厝、敖东等派出所") == ["北厝派出所", "敖东派出所"]
    assert unit_names("城关、南门、北门等卫生院") == ["城关卫生院", "南门卫生院", "北门卫生院"]


def test_a_kind_left_open_after_deng_is_shared_by_no_name():
    assert unit_names("教育、卫健等部门") != ["教育部门", "卫健部门"]
    assert unit_names("区教育局、卫健等单位")[0] == "区教育局"


def test_police_stations_named_by_their_places_do_a_paragraphs_work():
    paragraph = "北厝、敖东等派出所应按照职责，积极维护灾区社会治安和交通秩序，督促检查落实重要场所的安全保卫工作。"
    assert paragraph_doers(paragraph, opening=True) == ["北厝派出所", "敖东派出所"]

