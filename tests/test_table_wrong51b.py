"""Issue 13, wrong51b: figures that are standards, minimums or rates, no targets, beside standards a task raises or sets,
which are; an office's working days as its item's; offices written with and without their level's 区 kept apart."""

from __future__ import annotations

import pytest

from mstrack.sources.table.mentions import find_mentions

from .conftest import convert_written, targets_of


def _figures(text: str, year: int = 2023) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in find_mentions(text, year)]


# --- 1. a rate a subsidy is paid at per unit, against a standard the task raises or sets ------------------------------

@pytest.mark.parametrize("text", [
    "对集中连片种植30亩以上的玉米种植户，每亩补助200元。",
    "对种植单季稻30亩以上的种植户，按实际面积每亩补助200元。",
    "对复耕后种植粮食作物的种植户，每亩补助400元（该项仅补助复垦种植第一年）。",
    "对新建标准化猪舍的养殖户，每平方米补贴50元。",
    "对种植单季稻30亩以上的种植户，每亩补助约200元。",
])
def test_a_rate_a_subsidy_is_paid_at_per_unit_is_no_target(text):
    """"每亩补助200元": what each mu earns its grower, a rate of payment, no figure the year's work reaches."""
    assert _figures(text) == []


@pytest.mark.parametrize("text, figures", [
    ("农村低保标准调高到每人每月722元。", [(722, "元")]),
    ("城乡居民医保政府补助标准提高到每人每年640元。", [(640, "元")]),
    ("种粮补助标准提高到每亩补助300元。", [(300, "元")]),
    ("发放种粮补贴500万元。", [(5_000_000, "元")]),
])
def test_a_standard_the_task_raises_or_sets_stays_a_target(text, figures):
    """The level a standard is raised or set to ("调高到每人每月722元"), even paid per unit ("提高到每亩补助300元"), is the
    task's target; so is a sum paid out."""
    assert _figures(text) == figures


def test_a_standard_set_to_a_figure_whose_unit_was_lost_is_read_as_printed():
    """"全护理标准为965/半护理标准为579/…78/月", "补助标准由每人每年610元提高至640。": the figure a 标准 is set or raised to,
    its unit lost in the printing ("965/", "640"), is still the standard's target, its unit as printed ("/", none); the
    level it starts from (610) is none. A bare figure no standard is set to ("12345热线", "3号楼") stays no figure."""
    assert _figures("集中供养特困人员的全护理标准为965/半护理标准为579/全自理护理标准为78/月。") == [
        (965, "/"), (579, "/"), (78, "/月")]
    assert _figures("提高城乡居民医保政府补助标准，补助标准由每人每年610元提高至640。") == [(640, "")]
    assert _figures("開通12345熱線，改造3號樓。") == []
    assert _figures("分散供養特困人員的全護理標準為676/、半護理標準為386/月。") == [(676, "/"), (386, "/月")]


# --- 2. a margin over another's level, in percent of it or in percentage points -----------------------------------------

def test_a_margin_in_percent_over_an_average_level_is_the_target():
    """"单产高于全省平均水平5%以上的示范片": the item's own level set at 5% over the average of the same amount, a margin in
    percent of it, is the target; a distance in percentage points of two rates ("增速高于全省平均水平1个百分点") or a margin
    over a standard ("高于最低工资标准10%") bounds another's level, no target."""
    assert _figures("打造单产高于全省平均水平5%以上的粮食绿色增产示范片。") == [(5, "%")]
    assert _figures("城乡居民人均可支配收入增速高于全省平均水平1个百分点。") == []
    assert _figures("就业率高于全市平均2%。") == []
    assert _figures("农民工收入高于最低工资标准10%。") == []  # a standard, no average of the same amount


# --- 3. a count of one in words that counts nothing: an article before a quality, a saying of correspondence ----------

def test_one_before_a_quality_is_an_article():
    """"打造一支坚强队伍", "建设一支高素质干部队伍": 一支 before the quality of what it names (no 的 between) is an article,
    as "一支守法守信、高效廉洁的公务员队伍" is; "组建一支应急队伍" and "组建3支坚强队伍" still count."""
    assert _figures("为开展志愿服务活动打造一支坚强队伍。") == []
    assert _figures("建设一支高素质干部队伍。") == []
    assert _figures("组建一支应急队伍。") == [(1, "支")]
    assert _figures("组建3支坚强队伍。") == [(3, "支")]
    assert _figures("新建一所高水平学校。") == [(1, "所")]  # a quality of a place, no body of people: a count


def test_a_saying_of_one_for_one_counts_nothing():
    """"实现治一个点、少一处危险", "做到查一处、改一处": each one treated, one danger fewer — a correspondence of one-verb
    clauses after 实现 / 做到, no count; "新建一个公园、改造一处广场" counts both."""
    assert _figures("加大对地质灾害隐患点的工程治理，实现治一个点、少一处危险。") == []
    assert _figures("做到查一处、改一处。") == []
    assert _figures("新建一个公园、改造一处广场。") == [(1, "个"), (1, "处")]


# --- 4. a minimum each holder keeps; the standards a sentence opened by a spacing lays out ----------------------------

def test_a_minimum_of_one_a_holder_is_provided_with_is_a_standard():
    """"对…涉水区域的景点，需配备至少1名救生员", "营业厅显著位置展示不少于1处公益广告": at least one, after a verb of
    provision, is what each holder keeps, no count of work; "配备至少10名网格员" and "新建不少于1处公厕" are targets."""
    assert _figures("对含有沙滩、人工泳池等涉水区域的景点，需配备至少1名救生员，负责安全监管。") == []
    assert _figures("对涉水区域的景点，需配备至少约1名救生员。") == []
    assert _figures("学校、医院、宾馆饭店显著位置展示不少于1处公益广告。") == []
    assert _figures("为各村配备至少10名网格员。") == [(10, "名")]
    assert _figures("新建不少于1处公厕。") == [(1, "处")]


def test_a_sentence_opened_by_a_spacing_lays_out_standards():
    """"主要道路每隔200米至少有1处…公益广告，50%以上的公交车站设有不少于1处公益广告，…": a sentence opened by a spacing sets
    standards of provision, the share of stations among them; no target. A sentence opened otherwise keeps its share
    ("50%以上的公交车站完成改造")."""
    text = ("②苏平路等主要道路每隔200米至少有1处能够看到的公益广告，50%以上的公交车站设有不少于2处公益广告，"
            "商场超市在显著位置展示不少于3处诚信建设公益广告等。")
    assert _figures(text) == []
    assert _figures("②全面完成站台改造，50%以上的公交车站完成改造。") == [(50, "%")]


def test_a_heading_naming_a_kind_of_place_counts_its_places_no_target():
    """"5.行政村（61个村）": a heading that names a kind of place alone, with the count of such places in its bracket, says
    where the item's work is done — its scope, no target; "改造老旧小区（12个小区）" names work and counts it."""
    assert _figures("行政村（61个村）") == []
    assert _figures("城市社区（12个社区）") == []
    assert _figures("改造老旧小区（12个小区）") == [(12, "个")]


# --- 5. offices of an item's named sub-areas, each list as printed --------------------------------------------------

PLAN = ["某区积极推进“互联网+”行动实施方案", "三、重点行动",
        "（一）“互联网+”益民服务", "1．行动目标。到2018年，基本实现基于互联网的便民服务。", "2．主要任务",
        "“互联网+”便民服务：推进“互联网+”在社会救助、养老服务领域的应用。",
        "牵头单位：区行政审批局、社会事业局，配合单位：区党群工作部、通管办",
        "“互联网+”社会保障：推进公共服务平台建设，实现社会保险业务集中办理。",
        "牵头单位：区社会事业局",
        "（二）土壤污染治理与修复", "1．行动目标。到2018年，完成治理与修复任务。", "2．主要任务",
        "按照省里统一要求，建立土壤污染治理与修复项目库。",
        "责任单位：区环境与国土资源局牵头，区农村发展局、交通与建设局等参与",
        "结合城市环境质量提升，开展治理与修复。",
        "责任单位：区环境与国土资源局、农村发展局牵头，区交通与建设局参与",
        "（三）“互联网+”现代农业", "1．行动目标。到20 18年，建成农业信息服务平台。", "2．主要任务",
        "建立健全我区互联网与农业信息服务体系。", "牵头单位：区农村发展局，配合单位：区经发局经信处"]


def test_offices_of_named_sub_areas_stay_as_printed(tmp_path):
    """An item's sub-areas each opened by its name ("“互联网+”便民服务：…") and closed by its own 牵头单位 line are lists of
    their own: "社会事业局" in one and "区社会事业局" in another are both kept as printed (two leads of the item). An item's
    unnamed paragraphs each closed by offices are one list: "农村发展局" there is 区农村发展局, written in full."""
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(PLAN) + "\n", 2016).programme.tasks
    named, plain = tasks[0], tasks[1]
    assert sorted({u for line in named.lines for u in line.lead_units}) == ["区社会事业局", "区行政审批局", "社会事业局"]
    assert sorted({u for line in plain.lines for u in line.lead_units}) == ["区农村发展局", "区环境与国土资源局"]


def test_a_year_broken_by_a_space_still_dates_the_item(tmp_path):
    """"到20 18年，建成…" (a copy's space inside the year), the item's only date, a later year than the plan's: its
    deadline, as "到2018年" gives (README: a figure due by a later year)."""
    from datetime import date

    from mstrack.sources.table.schedule import arabic_date

    assert arabic_date("到20 18年，建成平台") == "到2018年，建成平台"
    assert arabic_date("到20\u00a018年，建成平台") == "到2018年，建成平台"  # a no-break space
    assert arabic_date("新建20 18个") == "新建20 18个"
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(PLAN) + "\n", 2016).programme.tasks
    assert [t.deadline for t in tasks] == [date(2018, 12, 31)] * 3


# --- 6. an office's working days, the item's own when its name prints none --------------------------------------------

def _inspection_plan(first_offices: str) -> str:
    paragraphs = ["某局2022年度监督检查工作计划", "四、执法任务分解及执法内容", "（一）监督检查工作（250个工作日）",
                  "1.重点检查对象（120 个工作日）",
                  f"（1）危险化学品经营企业：对2家工业气体企业进行监督检查。责任单位：{first_offices}",
                  "（2）烟花爆竹企业：对6家烟花爆竹零售点进行监督检查。责任单位：危化处（30日）",
                  "2.一般检查对象（130个工作日）", "对29家工商贸企业进行抽查。责任单位：危化处（60日），基础处（70日）",
                  "3.行政处罚（100个工作日）", "对违法行为进行行政处罚。责任单位：安劳支队（100日）",
                  "4.检查内容", "根据《安全生产监管监察职责和行政执法责任追究的规定》的规定，结合实际情况进行监督检查。",
                  "（二）其他行政执法工作（100个工作日）", "1.开展安全生产综合监管（100个工作日）",
                  "依据法律、法规、规章等规定，开展安全生产综合监管工作。责任单位：协调处（100日）"]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def test_an_offices_days_are_the_items_when_its_name_prints_none(tmp_path):
    """"（1）…进行监督检查。责任单位：危化处（60日）" under "1.重点检查对象（120个工作日）": the sub-item's name prints no days,
    its one office's are the item's (60 日); an item printing its own ("2.一般检查对象（130个工作日）") keeps them, its
    offices' days the shares of them; two offices under a sub-item give no sum."""
    page = f"<html><body>{_inspection_plan('危化处（60日）')}</body></html>"
    tasks = {t.code: t for t in convert_written(tmp_path, "plan.html", page, 2022).programme.tasks}
    assert targets_of(tasks["1(1)"]) == [(2, "家"), (60, "日")]
    assert targets_of(tasks["1(2)"]) == [(6, "家"), (30, "日")]
    assert targets_of(tasks["2"]) == [(29, "家"), (130, "个工作日")]
    page = f"<html><body>{_inspection_plan('危化处（40日），基础处（20日）')}</body></html>"
    tasks = {t.code: t for t in convert_written(tmp_path, "plan2.html", page, 2022).programme.tasks}
    assert targets_of(tasks["1(1)"]) == [(2, "家")]


def test_an_item_named_by_what_its_paragraph_holds_is_no_task(tmp_path):
    """"4.检查内容" over "根据《…》的规定，…进行监督检查。", naming no office among items that name theirs: a heading of the
    part's content, no task; the items before and after it keep their numbers."""
    page = f"<html><body>{_inspection_plan('危化处（60日）')}</body></html>"
    tasks = convert_written(tmp_path, "plan.html", page, 2022).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("1(1)", "危险化学品经营企业：对2家工业气体企业进行监督检查。"), ("1(2)", "烟花爆竹企业：对6家烟花爆竹零售点进行监督检查。"),
        ("2", "一般检查对象"), ("3", "行政处罚"), ("1", "开展安全生产综合监管")]


# --- 7. end to end: the installed `mstrack import table` -----------------------------------------------------------

CSV = ("序号,工作任务,牵头单位\n"
       "1,集中供养特困人员的全护理标准为965/半护理标准为579/全自理护理标准为78/月；补助标准由每人每年610元提高至640。,县民政局\n"
       "2,对集中连片种植30亩以上的玉米种植户，每亩补助200元；新建高标准农田1000亩。,县农业农村局\n"
       "3,对涉水区域的景点，需配备至少1名救生员；新建公共卫生间3处。,县文旅局\n")


def test_import_table_writes_the_standards_raised_and_not_the_rates_paid(tmp_path):
    """The installed command on a small table: the standards a task sets are its indicators, their lost units as
    printed; a subsidy's rate per mu and a minimum per site are none, the year's work beside them is."""
    import tomllib

    from .test_end_to_end import run

    (tmp_path / "plan.csv").write_text(CSV, encoding="utf-8")
    run("import", "table", "plan.csv", "-p", "x-2023", "--year", "2023", "-o", "plan.toml", cwd=tmp_path)
    plan = tomllib.loads((tmp_path / "plan.toml").read_text(encoding="utf-8"))
    found = {str(task["code"]): sorted((i["target"], i.get("unit", "")) for line in task["lines"]
                                       for i in line.get("indicators", []))
             for task in plan["tasks"]}
    assert found == {"1": [(78, "/月"), (579, "/"), (640, ""), (965, "/")], "2": [(1000, "亩")], "3": [(3, "处")]}
