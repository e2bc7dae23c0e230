"""Issue 13, read41c: the twenty-fourth set's xuanzhou layout, each rule on a small document of its own: items "(一)…
(牵头单位:…)" under headings "一、", each followed by a label line naming its measures ("推进措施:", "工作措施:",
"实施步骤:") and measures numbered "1." "2." that start again under every item: the measures are the item's work (their
figures the item's), never tasks of their own; and a rate's unit after "/" is one time or count word ("元/年", not
"元/年的")."""

from __future__ import annotations

from mstrack.sources.table.mentions import find_mentions

from .conftest import convert_written, targets_of

MEASURES = """某县民生工作领导小组办公室关于2024年实施民生实事的通知

一、改善居住条件(2项)

(一)改造城镇老旧小区12个,惠及居民3000户。(牵头单位:县住建局)

工作措施:

1.完成老旧小区雨污分流改造管网8公里。

2.同步加装电梯不少于20部,对加装电梯按照不低于5000元/户的标准给予补助。

3.建立改造项目库,实行清单化管理。

(二)新建保障性租赁住房500套。(牵头单位:县房管中心)

实施步骤:

1.6月底前完成项目选址和立项。

2.12月底前建成并交付使用保障性租赁住房500套。

二、提升教育质量(1项)

(一)新建公办幼儿园3所,新增学位900个。(牵头单位:县教育局)
"""


def test_measures_under_a_label_are_the_items_work_not_tasks(tmp_path):
    """The measures "1." "2." "3." under "工作措施:" and again under "实施步骤:" are no tasks: the three items "(一)"
    "(二)" "(一)" are the list, coded by their heading's number, each with its lead from the bracket; the item with no
    measure under it is read as the others."""
    programme = convert_written(tmp_path, "measures.txt", MEASURES, 2024).programme
    tasks = programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "二(一)"]
    assert tasks[0].title.startswith("改造城镇老旧小区12个")
    assert [t.lines[0].lead_units for t in tasks] == [["县住建局"], ["县房管中心"], ["县教育局"]]
    assert (900, "个") in targets_of(tasks[2]) and (3, "所") in targets_of(tasks[2])


def test_the_measures_figures_are_the_items_own(tmp_path):
    """A measure's figure ("8公里", "20部", "5000元/户") is a target of the item it stands under, beside the item's own
    ("12个", "3000户"); none is another item's, and no measure's figure stands alone as a task."""
    tasks = convert_written(tmp_path, "measures.txt", MEASURES, 2024).programme.tasks
    first = targets_of(tasks[0])
    assert (12, "个") in first and (3000, "户") in first
    assert (8, "公里") in first and (20, "部") in first and (5000, "元/户") in first
    assert (500, "套") in targets_of(tasks[1])
    assert not any((8, "公里") in targets_of(t) for t in tasks[1:])


XUANZHOU_LIKE = """某区2024年民生实事的通知

一、促进就业(2项)

(一)促进重点群体稳定就业,城镇新增就业7900人。(牵头单位:区人社局)

推进措施:

1.全区城镇失业人员再就业人数不少于2455人。

2.对认定的充分就业社区,按照不低于6000元/年的标准给予奖补。

(二)支持毕业生求职创业,对符合条件的毕业生按照1500元/人的标准发放求职创业补贴。(牵头单位:区人社局)

推进措施:

1.做好求职创业补贴政策宣传解读,引导符合条件的毕业生网上申报。

2.对困难家庭毕业生按1500元/人的标准发放一次性补贴。
"""


def test_two_staffed_items_each_with_measures_are_a_list(tmp_path):
    """Two items, each naming its lead and setting a figure, each followed by "推进措施:" and measures numbered from 1:
    the two items are the tasks (staffed ones are enough), their measures no tasks and no office left unnamed."""
    tasks = convert_written(tmp_path, "xz.txt", XUANZHOU_LIKE, 2024).programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)"]
    assert [t.lines[0].lead_units for t in tasks] == [["区人社局"], ["区人社局"]]
    assert (7900, "人") in targets_of(tasks[0]) and (2455, "人") in targets_of(tasks[0])
    assert (6000, "元/年") in targets_of(tasks[0])
    assert (1500, "元/人") in targets_of(tasks[1])


GROUPS = """某县2024年民生实事项目
一、民生实事
(一)教育
1.新建幼儿园3所(县教育局)
2.改造农村学校8所(县教育局)
(二)卫生
1.新建村卫生室10个(县卫健局)
2.为65岁以上老人免费体检2万人(县卫健局)
"""


def test_group_headings_over_items_numbered_again_stay_groups(tmp_path):
    """"(一)教育" over items "1." "2." with their own offices, numbers starting again under "(二)卫生", and no label of
    measures: the "(一)" lines head groups and the "1." items are the tasks, as before."""
    tasks = convert_written(tmp_path, "groups.txt", GROUPS, 2024).programme.tasks
    assert len(tasks) == 4
    assert [targets_of(t) for t in tasks] == [[(3, "所")], [(8, "所")], [(10, "个")], [(20000, "人")]]


def _units(text: str) -> list[tuple[float, str]]:
    return [(float(m.value), m.unit) for m in find_mentions(text) if m.unit]


def test_a_rates_unit_after_the_slash_is_one_time_or_count_word():
    """"6000元/年的标准": the unit is 元/年, the 的 after it no part of it; so for a month, a time, a visit and an area
    ("元/次的", "元/平方米的"), and a rate per head and year stays whole."""
    assert _units("按照不低于6000元/年的标准给予奖补") == [(6000, "元/年")]
    assert _units("按照300元/次的标准补助") == [(300, "元/次")]
    assert _units("按照200元/平方米的标准补助") == [(200, "元/平方米")]
    assert _units("按照800元/月的标准发放") == [(800, "元/月")]
    assert _units("按照1200元/人/年的标准发放") == [(1200, "元/人/年")]
    # a word the list does not know is one character, not lost: yantian-2023's "5元/餐" (a seed: CI caught it)
    assert _units("老年助餐按照5元/餐的标准补贴") == [(5, "元/餐")]


VARIANTS = """某区2024年民生实事项目的通知

一、民生实事(3项)

(一)新建城市书房5个。(牵头单位:区文旅局)

具体措施:

(1)6月底前完成选址。

(2)年底前建成并开放城市书房5个,

配置图书2万册。

(二)新增停车泊位2000个。(牵头单位:区住建局)

主要措施:

(1)利用边角地新增停车泊位1200个。

(2)挖潜机关企事业单位停车泊位800个。

(三)改造农贸市场4个。(牵头单位:区商务局)
"""


def test_measures_numbered_in_brackets_and_broken_over_lines_are_the_items(tmp_path):
    """Measures numbered "(1)" "(2)" under their label, and a measure whose sentence goes on to the next line ("…5个,"
    / "配置图书2万册。"), are the item's as "1." ones are: three tasks, no more."""
    tasks = convert_written(tmp_path, "variants.txt", VARIANTS, 2024).programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)"]
    assert [t.lines[0].lead_units for t in tasks] == [["区文旅局"], ["区住建局"], ["区商务局"]]
    assert (20000, "册") in targets_of(tasks[0])
    assert (1200, "个") in targets_of(tasks[1]) and (800, "个") in targets_of(tasks[1])


UNLABELLED = XUANZHOU_LIKE.replace("推进措施:\n\n", "")


def test_points_numbered_again_under_each_staffed_item_with_no_label_are_its_measures(tmp_path):
    """The same items with no "推进措施:" line: points "1." "2." starting again under each item "(一)" that names its
    office and sets a figure, none naming an office of its own, are a sub-list of each item, not a list: the items
    are the tasks, the points' figures theirs."""
    assert "推进措施" not in UNLABELLED
    tasks = convert_written(tmp_path, "unlabelled.txt", UNLABELLED, 2024).programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)"]
    assert [t.lines[0].lead_units for t in tasks] == [["区人社局"], ["区人社局"]]
    assert targets_of(tasks[0]) == [(2455, "人"), (6000, "元/年"), (7900, "人")]


ONE_ITEM_POINTS = """某县2024年民生实事项目
一、民生实事
(一)新建公办幼儿园3所。(牵头单位:县教育局)
1.城东幼儿园
2.城西幼儿园
3.城北幼儿园
(二)改造农村公路50公里。(牵头单位:县交通局)
(三)新建村卫生室10个。(牵头单位:县卫健局)
"""


def test_points_under_one_item_only_with_no_label_stay_as_read_before(tmp_path):
    """Points with no label under one item alone start again under no other: no sub-list shown, so the reading is
    the one main gives (the rule needs two items each with its points)."""
    from mstrack.sources.table.list_bracketed import item_measures
    from mstrack.sources.table.reading import Row

    rows = [Row(k, [line]) for k, line in enumerate(ONE_ITEM_POINTS.splitlines(), 1)]
    assert item_measures(rows) == {}
    again = [*rows[:6], Row(7, ["(二)改造农村公路50公里。(牵头单位:县交通局)"]), Row(8, ["1.城关段"]), Row(9, ["2.乡村段"])]
    assert sorted(item_measures(again)) == [3, 4, 5, 7, 8]  # starting again under (二): both items' points
