"""Issue 13, reader63a: a plan's later part of parties' duties ("六、职责分工" over "（一）行政部门职责" over
"1.区财政局。区财政局及时下拨…，会同区卫生局…") read with its "(一)" list, each structure on a small text of its own."""

from __future__ import annotations

from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.office_brackets import bracketed_unit

from .conftest import text_tasks
from .test_table_held58b import SERVICE_NAMES
from .test_table_held58c import PARTS
from .test_table_layouts import indicators


def _leads(task) -> list[str]:
    return [u for line in task.lines for u in line.lead_units]


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in _leads(task)]


DUTIES = ["六、职责分工",
          "（一）行政部门职责",
          "1.区卫生局。区卫生局负责全区项目的组织、协调和管理，每年至少组织1次督导检查。",
          "2.区财政局。区财政局及时下拨补助资金，会同区卫生局建立健全补助资金管理制度。",
          "（二）专业公共卫生机构",
          "1.区疾病预防控制中心。区疾控中心需协助区卫生局制定技术实施方案；对基层医疗卫生机构每2个月至少进行一次督导检查。",
          "2.区级医疗机构。区中医院负责中医药健康管理工作的质量控制和业务指导。",
          "（三）基层医疗卫生机构职责",
          "基本公共卫生服务项目由乡镇卫生院和村卫生所等基层医疗卫生机构承担。",
          "1.乡镇卫生院（社区卫生服务中心）。乡镇卫生院（社区卫生服务中心）是承担辖区服务的主体，将不低于40%的任务和资金交由村级承担。",
          "2.村卫生所。村卫生所是落实村级服务的主体，协助乡镇卫生院完成乡级服务工作。"]
# the plan's list, its later part setting figures, its funding rules; then the duties, then its requirements
PLAN = [*PARTS[:-3], *DUTIES, *PARTS[-3:]]
PLAN = [line.replace("五、工作要求", "七、工作要求") for line in PLAN]


def test_a_later_part_of_parties_duties_joins_the_list_read(tmp_path):
    """A plan's "(一)" list read, a later part sharing the work out ("六、职责分工") whose groups ("（一）行政部门职责") hold
    parts each opened by its party's name and a stop ("1.区卫生局。区卫生局负责…") is read with it: each part a task coded
    by its part and group (六(一)1), titled by the duty after the name, led by its party; the funding rules and
    requirements stay out."""
    tasks = text_tasks(tmp_path, PLAN)
    assert [t.title.split("。")[0] for t in tasks][:len(SERVICE_NAMES)] == SERVICE_NAMES
    duties = [t for t in tasks if t.code.startswith("六(")]
    assert [t.code for t in duties] == ["六(一)1", "六(一)2", "六(二)1", "六(二)2", "六(三)1", "六(三)2"]
    assert duties[0].title == "区卫生局负责全区项目的组织、协调和管理，每年至少组织1次督导检查。"
    assert [_leads(t) for t in duties] == [["区卫生局"], ["区财政局"], ["区疾病预防控制中心"], ["区中医院"],
                                          ["乡镇卫生院（社区卫生服务中心）"], ["村卫生所"]]
    assert not any(t.code.startswith(("四", "七")) for t in tasks)


def test_a_duty_shared_with_a_body_takes_it_as_a_unit(tmp_path):
    """"会同区卫生局建立…" in any clause, "区疾控中心需协助区卫生局制定…" in the party's own first clause: the body the duty
    is shared with is its unit; "…，协助乡镇卫生院完成…" later in a party's duties is a service it renders, no unit."""
    duties = {t.code: t for t in text_tasks(tmp_path, PLAN)}
    assert [_units(duties[code]) for code in ("六(一)1", "六(一)2", "六(二)1", "六(二)2", "六(三)2")] == [
        [], ["区卫生局"], ["区卫生局"], [], []]


def test_frequencies_and_a_share_in_parties_duties(tmp_path):
    """"每年至少组织1次督导检查", "每2个月至少进行一次督导检查": how often a duty recurs, no target; "将不低于40%的任务和
    资金交由村级承担" is the duty's share, a target."""
    duties = {t.code: t for t in text_tasks(tmp_path, PLAN)}
    assert [(i[1], i[2]) for code in ("六(一)1", "六(二)1") for i in indicators(duties[code])] == []
    assert [(i[1], i[2]) for i in indicators(duties["六(三)1"])] == [("%", 40)]
    assert find_mentions("每2个月至少进行一次技术指导。", 2024) == []
    assert find_mentions("每3天巡查一次。", 2024) == []
    assert [(m.value, m.unit) for m in find_mentions("新建公厕2个。", 2024)] == [(2, "个")]


def test_a_groups_introduction_before_its_parts_is_no_end_of_the_run(tmp_path):
    """"（三）基层医疗卫生机构职责" / "基本公共卫生服务项目由…承担。" / "1.…": the paragraph introduces the group's parts,
    as the groups above hold theirs; without it the parts read the same."""
    with_intro = [t.code for t in text_tasks(tmp_path, PLAN)]
    without = [t.code for t in text_tasks(tmp_path, [line for line in PLAN if not line.startswith("基本公共卫生服务项目由")])]
    assert "六(三)2" in with_intro and with_intro == without


def test_parts_not_each_opened_by_a_party_join_nothing(tmp_path):
    """One part under the part sharing the work out that opens with no party's name ("2.建立健全补助资金管理制度。") is
    no list of parties' duties: the later part joins nothing, the plan's list read as before."""
    lines = [line.replace("2.区财政局。区财政局及时下拨补助资金，", "2.建立健全制度。及时下拨补助资金，") for line in PLAN]
    assert lines != PLAN
    assert not any(t.code.startswith("六(") for t in text_tasks(tmp_path, lines))


def test_a_kind_at_a_level_and_the_kind_in_its_bracket_are_one_party():
    """"乡镇卫生院（社区卫生服务中心）": every township's hospital, and in a town's streets the centre that stands for it —
    one party, no second unit, as "各镇政府(街道办事处)" is; an office's bracket naming another unit still does."""
    assert bracketed_unit("乡镇卫生院（社区卫生服务中心）") is None
    assert bracketed_unit("县卫健局（县医院）") == ("县卫健局", "县医院", False)
