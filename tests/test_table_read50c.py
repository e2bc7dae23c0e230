"""Issue 13, read50c: facts the reader invented (or lost) in the 平潭 prose plans, each structure in a small sentence or
table: a dated completion under 原则上, a list of the places a share is of, …"""

from __future__ import annotations


def _figures(text: str, year: int = 2017) -> list[tuple[float, str]]:
    from mstrack.sources.table.mentions import find_mentions

    return [(m.value, m.unit) for m in find_mentions(text, year)]


def test_a_dated_completion_under_yuanzeshang_is_a_target():
    """"原则上2017年底前要完成分配90%": 原则上 ("as a rule") before a date by which the work is done is the year's target
    with its date, not a norm each party keeps ("原则上大中型企业不得少于2人", "每个社区配备社工原则上2人": read48c)."""
    assert _figures("2013年底前开工建设的公租房，原则上2017年底前要完成分配90%；") == [(90, "%")]
    assert _figures("原则上6月底前完成改造12个。") == [(12, "个")]
    assert _figures("落实总会计师制度，原则上大中型企业不得少于2人。") == []
    assert _figures("每个社区配备社工原则上2人。") == []


def test_the_stock_listed_under_a_share_is_no_target():
    """"…要完成分配90%；具体有：1.翠园安置小区公租房（114间）；2.…238间；2014年…完成分配85%，具体有：澳前…840套；": the
    places a share is of, listed after "具体有：" (numbered, or one alone), are the stock the share counts — the item's
    content, no targets; the list ends at the first clause that is no item of it (the next share is read). A count
    listed under a count ("新建公园3个，具体有：…") is not touched."""
    text = ("公租房，原则上2017年底前要完成分配90%；具体有：1.翠园安置小区公租房（114间）；2.平潭县廉租住房238间；"
            "2014年政府投资公租房，原则上2017年底前要完成分配85%，具体有：澳前安置小区A2地块840套；责任单位：区建设局。")
    assert _figures(text) == [(90, "%"), (85, "%")]
    assert _figures("改造老旧小区，完成率达到90%，具体包括：东园小区300户、西园小区200户。") == [(90, "%")]
    assert _figures("新建公园3个，具体有：东湖公园20亩；西湖公园30亩。") == [(3, "个"), (20, "亩"), (30, "亩")]


def test_the_design_sizes_of_the_projects_an_item_counts_are_no_targets():
    """"天牛河…景观工程和海坛湾…护岸工程2个项目整治" then "河道总长1.5公里、河道设计宽度50米，两岸绿化带宽度设计分别为
    30米 … 景观规划面积424600平方米 … 沙滩整治修复工程长约3.8公里，占地面积约380000平方米": where the item counts its
    projects, a design's or a plan's size (设计/规划/占地 with 面积/宽度/长度) and a thing's length with no verb of work
    before it (河道总长, …工程长) describe each project: the count is the target. One project's size is how much of it is
    built ("…景观绿化工程，设计面积约99927平方米", lintou; "下穿通道总长1400米", mianyang): a target, as before; so is
    "新建绿道总长10公里" beside a count of projects."""
    text = ("实施项目：天牛河两岸景观工程和海坛湾护岸工程2个项目整治。实施内容：河道总长1.5公里、河道设计宽度50米，两岸"
            "绿化带宽度设计分别为30米，景观绿化设计面积约9.39公顷；景观工程南北总长约4公里，景观规划面积424600平方米。"
            "沙滩整治修复工程长约3.8公里，占地面积约380000平方米，分多期建设。")
    assert _figures(text, 2015) == [(2, "个")]
    bounded = "天牛河两岸景观工程和海坛湾护岸工程不少于2个项目整治。河道总长不少于1.5公里、河道设计宽度不少于50米。"
    assert _figures(bounded, 2015) == [(2, "个")]  # a bound on the sizes ("不少于") leaves them sizes
    assert _figures("城市运动休闲景观绿化工程，设计面积约99927平方米。", 2015) == [(99927, "平方米")]
    assert _figures("建设下穿通道，下穿通道总长1400米，站前广场占地面积2.4万平方米。", 2015) == [(1400, "米"), (24000, "平方米")]
    assert _figures("整治3个项目，新建绿道总长10公里。", 2015) == [(3, "个"), (10, "公里")]


def test_a_sum_capped_before_what_it_picks_is_no_target():
    """"机动车200元以下简易违法处理业务自助处理": a sum with its upper bound (以下, 以内) straight before a noun says which
    cases the work takes (a limit), as "400万元以下的工程采购项目" already reads; "费用控制在200元以下" is the cap the task
    keeps: a target, as before."""
    assert _figures("1. 机动车200元以下简易违法处理业务自助处理；2.交通违法信息查询。") == []
    assert _figures("人均门诊费用控制在200元以下。") == [(200, "元")]


def test_the_firms_a_sampling_rate_is_taken_of_are_no_targets():
    """"对16家危险化学品贸易型企业、74家烟花爆竹短期零售店、29家工商贸企业进行抽查，抽查比例不少于50%（60家次）": the
    firms listed are those the sample is drawn from; the rate and the count it comes to are the targets. Firms checked
    with no rate ("对1家批发公司、6家零售点进行监督检查") are the work: targets, as before."""
    text = ("对16家危险化学品贸易型企业、74家烟花爆竹短期零售店、29家工商贸企业进行抽查，抽查比例不少于50%（60家次）。"
            "对其它工商贸小微企业抽查不少于30家次。")
    assert _figures(text, 2022) == [(50, "%"), (60, "家次"), (30, "家次")]
    assert _figures("对1家批发公司、6家烟花爆竹零售点进行监督检查。", 2022) == [(1, "家"), (6, "家")]


def test_a_zones_administration_with_its_towns_government_in_brackets_is_one_office():
    """"岚城片区管理局（岚城乡政府）": a zone's administration and the government of the town it administers are one body
    under two names, as a merged bureau's are (README's rule: the corpus's readings keep such a name whole); "相关乡镇
    （林业站）" is every town of a kind with its part that does the work, as "各乡镇（林业站）" already read. A county
    office with another unit under it ("县卫健局(县医院)") is still two units (read33b)."""
    from mstrack.sources.table.units import unit_names

    assert unit_names("岚城片区管理局（岚城乡政府）和区森林与园林管理局") == ["岚城片区管理局（岚城乡政府）", "区森林与园林管理局"]
    assert unit_names("区澳前片区管理局（澳前镇政府）") == ["区澳前片区管理局（澳前镇政府）"]
    assert unit_names("相关乡镇（林业站）、区森林与园林管理局") == ["相关乡镇（林业站）", "区森林与园林管理局"]
    assert unit_names("县卫健局(县医院)") == ["县卫健局", "县医院"]


def test_phases_listed_by_their_numbers_are_names():
    """"幸福洋吹沙地1、2期造林工程2000亩": "1、2期" (or "1至3期") names the phases the project covers (phase 1 and phase 2), no count
    of two phases; "分3期建设" counts them, as before."""
    assert _figures("幸福洋吹沙地1、2期造林工程2000亩。", 2015) == [(2000, "亩")]
    assert _figures("项目分3期建设。", 2015) == [(3, "期")]


def test_a_span_of_months_to_december_opening_an_item_is_its_deadline(tmp_path):
    """"（四）10-12月，组织开展秋冬季专项行动。" in a timeline of dated items: the span runs to the year's end, and the item
    is due then, as "4-11月，…" is due at November's end (before: no deadline, the year's end being taken for a
    restatement of a deadline the item does not have)."""
    from datetime import date

    from .conftest import text_tasks

    lines = ["某局2016年农资打假专项治理行动实施方案", "六、重点工作安排", "（一）3月，联合公安等部门收听收看视频会议。",
             "（二）2-5月，组织开展农资打假保春耕专项行动。", "（三）4-11月，组织开展例行执法抽检工作。",
             "（四）10-12月，组织开展秋冬季专项行动。", "（五）1-12月，推进农资监管平台建设。"]
    tasks = text_tasks(tmp_path, lines, 2016)
    assert [t.deadline for t in tasks] == [date(2016, 3, 31), date(2016, 5, 31), date(2016, 11, 30), date(2016, 12, 31),
                                           date(2016, 12, 31)]


def test_an_items_stop_before_its_labelled_offices_stays_in_its_title(tmp_path):
    """"4.…工程2000亩。责任单位：各乡镇（林业站）、区森林与园林管理局。": the title is the item as printed less the offices
    after it (README), its sentence's "。" kept, as the corpus's readings keep it (148 titles of 12 files); a clause's
    mark before the label ("…1900亩；实施单位：…", "…1000亩，责任单位：…") joins the offices and is left out, as before."""
    from .conftest import text_tasks

    lines = ["某区2015年造林绿化任务", "二、明确任务，落实责任",
             "1.屏障绿化造林工程2000亩。责任单位：各乡镇（林业站）、区森林与园林管理局。",
             "2.防火林带建设工程590亩。责任单位：相关乡镇、区森林与园林管理局。",
             "3.防护林工程1000亩，责任单位：平原镇政府、区森林与园林管理局。"]
    tasks = text_tasks(tmp_path, lines, 2015)
    assert [t.title for t in tasks] == ["屏障绿化造林工程2000亩。", "防火林带建设工程590亩。", "防护林工程1000亩"]


def test_what_remains_is_no_progress_done(tmp_path):
    """"全线121户,已拆120户。剩余1户，…" in a progress column beside "推进剩余1户房屋拆迁": the 1 household left is the work
    not yet done, no figure of it done (before: 1 of 1 written, the goal met); with the remainder aside no figure names
    the goal, and the progress is left to a person (a doubt), as for any figure that names no indicator."""
    from .conftest import convert_written

    rows = [["序号", "工作任务", "责任单位", "工作进展"],
            ["1", "推进剩余1户房屋拆迁。", "区发改委", "全线121户,已拆120户。剩余1户,专班本周已对接业主2次。"],
            ["2", "推进3个项目开工。", "区发改委", "3个计划开工项目已全部开工。"]]
    conversion = convert_written(tmp_path, "a.csv", rows, year=2024)
    assert [(r.task, r.value) for r in conversion.reported] == [("1", None), ("2", 3)]


def test_a_closing_section_between_the_lists_sections_is_no_task(tmp_path):
    """"五、工作要求" over "（一）加强组织领导。…" "（二）严格履行职责。…", then "六、重点工作安排" over the dated work: the
    requirements stand between two parts of the plan, not after it, and are still no tasks (before: read as 五(一), 五(二)
    — tasks nobody reports on); the work after them is read."""
    from .conftest import text_tasks

    lines = ["某局2016年农资打假专项治理行动实施方案", "四、主要措施", "（一）强化源头治理。加强对农资生产经营主体资质审查。",
             "（二）深化专项执法行动。组织开展农资打假保春耕专项行动。",
             "五、工作要求", "（一）加强组织领导。做好农资打假和监管工作，是保障农产品质量安全的重要举措。",
             "（二）严格履行职责。认真贯彻落实依法行政，落实属地监管责任。",
             "六、重点工作安排", "（一）3月，联合公安等部门收听收看视频会议。", "（二）2-5月，组织开展农资打假保春耕专项行动。",
             "（三）4-11月，组织开展例行执法抽检工作。", "（四）10-12月，组织开展秋冬季专项行动。"]
    tasks = text_tasks(tmp_path, lines, 2016)
    assert not [t.code for t in tasks if t.code.startswith("五")]
    assert [t.code for t in tasks if t.code.startswith("六")] == ["六(一)", "六(二)", "六(三)", "六(四)"]



def test_an_office_bound_to_finish_by_a_month_dates_the_work():
    """"以上基本建成项目,区土地开发集团有限公司必须2017年12月之前完成建成目标": the office named, then 必须, then the month
    the work's goal is met — the item's deadline where no column prints one (before December: November's end), as
    "预计2017年11月完成" already was; "必须6月底前完成招标" completes a step, no deadline."""
    from datetime import date

    from mstrack.sources.table.schedule import completion_month

    assert completion_month("以上基本建成项目,区土地开发集团有限公司必须2017年12月之前完成建成目标。", 2017) == \
        ("2017年12月之前", date(2017, 11, 30))
    assert completion_month("该项目，必须于2017年10月底前完成。", 2017) == ("2017年10月底前", date(2017, 10, 31))
    assert completion_month("区住建局必须6月底前完成招标。", 2017) is None


def test_one_figure_given_each_of_two_things_by_ge_is_two_targets():
    """"森林抚育和封山育林面积各1万亩": 各 after the things named gives each the figure, two targets, as 均 already did
    ("…面积均达到1万亩"); one thing's figure ("森林抚育1万亩") stays one."""
    assert _figures("森林抚育和封山育林面积各1万亩，按全区各乡镇林地面积下达到乡镇、村实施。", 2015) == [(10000, "亩"), (10000, "亩")]
    assert _figures("森林抚育1万亩。", 2015) == [(10000, "亩")]
