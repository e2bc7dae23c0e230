"""held65c (issue 13, the 清明 plans of working groups, the 2023 plan and its 2021 sibling): a part naming the time
that prints its places' spans in brackets ("1.殡仪馆、东山陵园（4月3日）；") beside a line of the reserve day ("3.4月6日为
机动日…": the work's last day); a working group due at the span of a place its duty names; and the part of the sites'
staffing after the groups (list_site_staffing): "五、工作分工" over "（一）…现场" over "1.交通引导组：由交警部门负责…",
"2.安保组：配备N名工作人员…" with its posts "(1)…", each item a task coded 五(一)1, its doers read from "由X负责" or from
the counts of staff, due at its site's span; the counts of staff no figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mstrack.sources.table import convert_table
from mstrack.sources.table.list_deadlines import period_part
from mstrack.sources.table.list_staffed_groups import staffed_groups
from mstrack.sources.table.reading import Row

from .conftest import import_table

NO_UNIT = "（表中未列）"  # the converter's placeholder: the plan names no lead

TIME = ["一、活动时间", "1.殡仪馆、东山陵园（4月3日）；", "2.公益性公墓、西岛乡涉迁坟墓安置区（4月2日至4月5日）；",
        "3.4月6日为机动日，群众可自行前往。"]
RULES = ["二、活动安排", "（一）东山陵园", "清明节期间，东山陵园以墓穴为户数进行预约，祭扫时间不超过1小时。",
         "（二）加强农村祭扫管理",
         "除殡仪馆、公益性公墓等以外的农村散葬坟墓祭扫，按照属地管理原则，各村要在主要路口设立防火宣传岗。"]
GROUPS = ["二、组织机构", "领导小组下设3个保障工作小组",
          "第一小组：西岛清明祭扫保障工作小组", "组 长：张三", "成 员：交通与建设处、西岛包村工作队及村干部",
          "职 责：负责西岛辖区的祭扫管理；重点做好西岛乡涉迁坟墓安置区的值守工作。",
          "第二小组：北山清明祭扫保障工作小组", "组 长：李四", "成 员：党群工作处、北山包村工作队及村干部",
          "职 责：负责北山辖区农村散葬区的祭扫管理。",
          "第三小组：南坡清明祭扫保障工作小组", "组 长：王五", "成 员：资源生态处及村干部",
          "职 责：负责南坡辖区的祭扫管理，重点做好公益性公墓的值守工作。"]
SITES = ["三、工作分工", "（一）区公益性公墓安置现场（共配备工作人员20名）",
         "1.交通引导组：由交警部门负责维持公墓路口车辆通行秩序。",
         "2.安保组：配备14名工作人员，负责维持好现场祭扫秩序。",
         "(1)东路口4名：片区2名、民警1名、保安1名；",
         "(2)安置区现场6名：片区2名、民警1名、保安3名；",
         "(3)由远航公司派4名人员，负责园区内巡逻。",
         "3.后勤保障组：配备2名人员：片区1名、远航公司1名，负责用餐及物资配送。",
         "4.网络通信组：配备2名人员：远航公司1名、无人机操作员1名（由区指挥中心负责），负责监控数据实时传送。",
         "（二）西岛永宁园安置区",
         "1.自行驾车前往的祭扫人员，要将车辆停放在临时停车点，具体由交警部门、片区工作人员负责引导。",
         "2.安置区内配备4名工作人员。其中：保安1名，负责焚烧区；远航公司2名、民警1名，负责维持现场秩序。"]
PLAN = ["某片区2021年清明节祭扫活动期间突发事件应急预案", *TIME, *GROUPS, *SITES, "四、工作要求", "各村要高度重视。"]
# the parts renumbered: 一、活动时间, 二、活动安排 (the public's rules and one arrangement charging 各村), 三、组织机构, 四、工作分工
CHARGED = ["某片区2021年清明节祭扫活动期间突发事件应急预案", *TIME, *RULES, "三、组织机构", *GROUPS[1:],
           "四、工作分工", *SITES[1:], "五、工作要求", "各村要高度重视。"]


def _text(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_places_spans_in_brackets_and_a_reserve_day_line_give_the_places_ends_and_the_last_day():
    found = period_part([*TIME, "二、组织机构"], 2021)
    assert found is not None
    last, places, _ = found
    assert last == "4月6日"  # the reserve day: later than every place's span
    assert dict(places) == {"殡仪馆": "4月3日", "东山陵园": "4月3日", "公益性公墓": "4月5日",
                            "西岛乡涉迁坟墓安置区": "4月5日", "西岛": "4月5日"}
    assert period_part(["一、活动时间", "1.殡仪馆（4月3日）；", "2.请各村做好安排。", "二、组织机构"], 2021) is None


def test_groups_and_the_sites_staffing_after_them_are_tasks(tmp_path):
    tasks = {t.code: t for t in convert_table(_text(tmp_path / "plan.txt", PLAN), "x-2021", 2021).programme.tasks}
    assert list(tasks) == ["第一小组", "第二小组", "第三小组", "三(一)1", "三(一)2", "三(一)3", "三(一)4", "三(二)1", "三(二)2"]
    assert tasks["第一小组"].deadline == date(2021, 4, 5)  # its name and duty name 西岛's 安置区
    assert tasks["第二小组"].deadline == date(2021, 4, 6)  # no place of its own: the reserve day, the last
    assert tasks["第三小组"].deadline == date(2021, 4, 5)  # its duty names the 公益性公墓
    assert tasks["三(一)1"].title == "交通引导组：由交警部门负责维持公墓路口车辆通行秩序。"
    doers = {code: ([u for u in t.lines[0].lead_units if u != NO_UNIT], t.lines[0].units)
             for code, t in tasks.items() if code.startswith("三")}
    assert doers["三(一)1"] == (["交警部门"], [])  # "由交警部门负责…"
    assert doers["三(一)2"] == ([], ["远航公司"])  # its posts: the issuer's own 4 against the company's 4, no lead
    assert doers["三(一)3"] == ([], ["远航公司"])  # 片区1名、远航公司1名: as many, no lead
    assert doers["三(一)4"] == (["远航公司"], ["区指挥中心"])  # the one body counted; the bracket's doer a unit
    assert doers["三(二)1"] == (["交警部门"], [])  # the issuer's own staff no unit
    assert doers["三(二)2"] == (["远航公司"], [])  # the most staff: 2 of 4, the guard and the policeman no bodies
    for code in ("三(一)1", "三(一)4", "三(二)2"):
        assert tasks[code].deadline == (date(2021, 4, 5))  # 公益性公墓's span; 西岛 (the town of the 安置区)
    assert not [i for t in tasks.values() for line in t.lines for i in line.indicators]  # staffing: no figures


def test_a_sites_part_with_a_line_of_another_kind_or_one_group_of_staff_leaves_the_groups_alone():
    def read(lines: list[str]) -> int:
        found = staffed_groups([Row(k, [text]) for k, text in enumerate(lines, 1)], 2021)
        assert found is not None
        return len(found[3])
    assert read(PLAN) == 12  # 3 groups, the part's and its 2 sites' headings, 6 items
    other = [*PLAN[:PLAN.index(SITES[3])], "联系电话：13900000000", *PLAN[PLAN.index(SITES[3]):]]
    assert read(other) == 3
    one = [line for line in PLAN if not line.startswith(("3.后勤", "4.网络", "2.安保", "(1)", "(2)", "(3)"))]
    assert read(one) == 3  # one group of staff alone: items like any other


def test_the_cli_reads_the_sites_staffing(tmp_path):
    result, out = import_table(_text(tmp_path / "plan.txt", PLAN))
    assert result.exit_code == 0, result.output
    assert "三(二)2" in out.read_text(encoding="utf-8")


def _figures(text: str) -> list[tuple[float, str]]:
    from mstrack.sources.table.mentions import find_mentions

    return [(m.value, m.unit) for m in find_mentions(text, 2021)]


def test_counts_of_staff_are_no_figures_but_posts_to_fill_and_people_recruited_are():
    assert _figures("安保组：配备39名工作人员，负责维持现场秩序。") == []
    assert _figures("(2)东路口5名：片区2名、民警1名、保安2名；") == [(5, "名")]  # the post's total: left as read
    assert _figures("其中：保安1名，负责焚烧区；远航公司5名、民警1名，负责维持现场秩序。") == []
    assert _figures("配备2名人员：远航公司1名、无人机操作员1名（由区指挥中心负责），负责监控。") == []
    assert _figures("配备约4名人员：片区约2名、远航公司约2名；远航公司1名以上、无人机操作\u00a0员1名以上。") == []  # bounds
    assert _figures("配备10名专职人员。") == [(10, "名")]  # a post to fill
    assert _figures("招聘网格员20名、协管员10名。") == [(20, "名"), (10, "名")]  # recruited: work
    assert _figures("教师20名、医生10名。") == [(20, "名"), (10, "名")]  # no staff of a site


def test_an_arrangement_before_the_groups_that_charges_doers_is_their_task(tmp_path):
    tasks = {t.code: t for t in convert_table(_text(tmp_path / "plan.txt", CHARGED), "x-2021", 2021).programme.tasks}
    assert "二(一)" not in tasks  # the visitors' rules at 东山陵园: no doer charged
    charged = tasks["二(二)"]
    assert charged.title == "加强农村祭扫管理"  # its name on a line of its own over its paragraph
    assert charged.lines[0].lead_units == ["各村"]
    assert charged.deadline == date(2021, 4, 6)  # the places its paragraph excepts are not its own: the last day
    assert {"第一小组", "四(一)1", "四(二)2"} <= set(tasks)
    run_in = [*CHARGED[:CHARGED.index(RULES[3])], f"{RULES[3]}。{RULES[4]}", *CHARGED[CHARGED.index(RULES[4]) + 1:]]
    tasks = {t.code: t for t in convert_table(_text(tmp_path / "run_in.txt", run_in), "x-2021", 2021).programme.tasks}
    assert tasks["二(二)"].title == f"加强农村祭扫管理。{RULES[4]}"  # its name run into its paragraph: the whole item
    assert tasks["二(二)"].lines[0].lead_units == ["各村"] and tasks["二(二)"].deadline == date(2021, 4, 6)
