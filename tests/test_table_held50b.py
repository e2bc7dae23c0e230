"""Issue 13, held50b: the held-back real tables. A table of counts by trade (行业 / 主管部门 / 应达标企业数 / 已达标企业数 /
达标率 / 备注): the rows are the trades, 应达标… each one's target, the rest progress; a quota per area (序号 / 片区 /
行政村数 / 高素质农民名额): the rows are places, the quota the target, a base count none, the unit only in the 合计 row."""

from __future__ import annotations

import pytest

from .conftest import convert_written, targets_of


def _page(rows: list[str], title: str = "某区安全生产标准化进展情况") -> str:
    return (f'<html><body><p>{title}</p><table border="1">' + "".join(f"<tr>{r}</tr>" for r in rows)
            + "</table></body></html>")


def _trades(name_header: str) -> list[str]:
    """A title row merged over the columns, the office merged over a run of rows, a 总计 row."""
    return ['<td colspan="6">某区安全生产标准化进展情况表</td>',
            f"<td>{name_header}</td><td>主管部门</td><td>应达标企业数</td><td>已达标企业数</td><td>达标率</td><td>备注</td>",
            '<td>商贸</td><td rowspan="2">区经济发展局</td><td>20</td><td>20</td><td>100</td><td>二级9家，三级11家</td>',
            "<td>机械</td><td>4</td><td>3</td><td>75</td><td>三级2家</td>",
            "<td>旅游</td><td>区旅游发展局</td><td>14</td><td>10</td><td>71.4</td><td>　</td>",
            "<td>总计</td><td>　</td><td>38</td><td>33</td><td>86</td><td>　</td>"]


TRADE_LAYOUTS = {
    "trade": _trades("行业"),
    "kind": _trades("类别"),
    # the trade's column printed after the figures, its 总计 there too
    "trade_last": ["<td>主管部门</td><td>应达标企业数</td><td>已达标企业数</td><td>行业</td>",
                   *(f"<td>{o}</td><td>{n}</td><td>{d}</td><td>{t}</td>" for o, n, d, t in (
                       ("区经济发展局", 20, 20, "商贸"), ("区经济发展局", 4, 3, "机械"), ("区旅游发展局", 14, 10, "旅游"),
                       ("", 38, 33, "总计")))],
}


@pytest.mark.parametrize("layout", TRADE_LAYOUTS)
def test_counts_by_trade_read_each_row_as_a_task_with_its_target(tmp_path, layout):
    """行业 / 主管部门 / 应达标企业数 / 已达标企业数 / 达标率 / 备注: each trade a task led by its office, 应达标企业数 its
    target (a bare count, no unit); 已达标企业数 and 达标率 are progress; the 总计 row no task, wherever it names itself."""
    tasks = convert_written(tmp_path, "page.html", _page(TRADE_LAYOUTS[layout]), 2015).programme.tasks
    assert [t.title for t in tasks] == ["商贸", "机械", "旅游"]
    assert [t.lines[0].lead_units for t in tasks] == [["区经济发展局"], ["区经济发展局"], ["区旅游发展局"]]
    assert [targets_of(t) for t in tasks] == [[(20, "")], [(4, "")], [(14, "")]]


AREAS = [("金井片区", 41, 50), ("海坛片区", 38, 45), ("君山片区", 52, 65), ("合计", 131, "160人")]
QUOTA_LAYOUTS = {
    # 序号 / 片区 / 行政村数 / 高素质农民名额, the 合计 row with a 序号 of its own
    "numbered": ["<td>序号</td><td>片区</td><td>行政村数</td><td>高素质农民名额</td><td>备 注</td>",
                 *(f"<td>{n}</td><td>{a}</td><td>{v}</td><td>{q}</td><td></td>" for n, (a, v, q) in enumerate(AREAS, 1))],
    # no 序号 column: the numbers printed in the names ("1.金井片区", "4.合计"), a footnote under the rows
    "in_names": ["<td>片区</td><td>行政村数</td><td>高素质农民名额</td>",
                 *(f"<td>{n}.{a}</td><td>{v}</td><td>{q}</td>" for n, (a, v, q) in enumerate(AREAS, 1)),
                 '<td colspan="3">注：本表由各片区负责填报。</td>'],
}


@pytest.mark.parametrize("layout", QUOTA_LAYOUTS)
def test_a_quota_per_area_reads_the_areas_as_tasks_and_the_quota_as_their_target(tmp_path, layout):
    """片区 / 行政村数 / 高素质农民名额: each area a task, its quota the target; the count of villages is none (the base
    the quota is shared by); the unit, printed only in the 合计 row (numbered as the rows are), is the quota's; the total
    and a footnote no task."""
    html = _page(QUOTA_LAYOUTS[layout], title="2022年各片区高素质农民培训名额分配表")
    tasks = convert_written(tmp_path, "page.html", html, 2022).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "金井片区"), ("2", "海坛片区"), ("3", "君山片区")]
    assert [targets_of(t) for t in tasks] == [[(50, "人")], [(45, "人")], [(65, "人")]]
    assert [i.name for i in tasks[0].lines[0].indicators] == ["高素质农民名额"]


MEASURES = [
    ("一、落实粮食生产任务。", "压实粮食生产属地责任，区农业农村局每年要将粮食生产年度目标分解到各片区管理局。",
     "责任单位:各片区管理局、区农业农村局、资源生态局"),
    ("二、推进粮食绿色高质高效创建。", "打造单产高于全省平均水平5%以上的粮食绿色增产示范片。",
     "&nbsp;&nbsp;责任单位:区农业农村局、农业农村中心"),
    ("三、开展优质粮食品种示范推广。", "至2025年推广优质粮食新品种3个以上。", "责任单位:区农业农村中心"),
]


def _notice(measures, after: str = "") -> str:
    body = "".join(f"<p><b>{head}</b>{text}</p><p>{units}</p>" for head, text, units in measures)
    return ("<html><body><p>各片区管理局，区财政金融局、资源生态局、农业农村局，区农业农村中心：</p>"
            "<p>为推动粮食生产稳定发展，经实验区管委会同意，现将“十四五”期间实验区关于进一步促进粮食生产的有关措施通知如下：</p>"
            f"{body}<p>各片区、相关单位要提高对粮食生产极端重要性的认识。</p><p>平潭综合实验区管委会办公室</p>"
            f"<p>2021年10月29日</p>{after}</body></html>")


def test_measures_numbered_one_two_each_over_a_units_line_are_tasks_with_those_units(tmp_path):
    """A notice's measures "一、…。" each followed by a "责任单位:" line of their own (a half-width colon, the offices
    after the first sharing its 区 unprinted): a list of labelled work, read with its offices, no best effort."""
    conversion = convert_written(tmp_path, "page.html", _notice(MEASURES), 2021)
    tasks = conversion.programme.tasks
    assert conversion.best_effort is None
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert [t.lines[0].lead_units for t in tasks] == [["各片区管理局"], ["区农业农村局"], ["区农业农村中心"]]
    assert [sorted(set(t.lines[0].units) - set(t.lines[0].lead_units)) for t in tasks] == [
        ["区农业农村局", "资源生态局"], ["农业农村中心"], []]


def test_a_text_whose_items_introduce_the_annex_tables_groups_is_no_part_of_its_own(tmp_path):
    """The text's "一、…项目。…" items, each over its 牵头单位 line, name the groups of the table attached ("一、城市公共
    交通" over its projects): they introduce those groups, whose projects are the tasks; no task of their own."""
    measures = [("一、城市公共交通“补短板”项目。", "重点完善城市主次干道路网。2016年新增新能源公交车50辆。", "牵头单位：区交通与建设局。"),
                ("二、城市停车场“补短板”项目。", "2016年新建1个停车场，新增停车泊位640个。", "牵头单位：区交通与建设局。"),
                ("三、城市内涝防治“补短板”项目。", "组织实施平潭防洪防潮规划。", "牵头单位：区农村发展局。")]
    table = ("<p>附件：补短板项目任务分解表</p><table border=\"1\"><tr><td>序号</td><td>项目名称</td><td>责任单位</td>"
             "<td>完成时限</td></tr><tr><td>一</td><td>城市公共交通</td><td></td><td></td></tr>"
             "<tr><td>1</td><td>新增新能源公交车50辆</td><td>区交通与建设局</td><td>2016年12月</td></tr>"
             "<tr><td>2</td><td>改造公交站台20个</td><td>区交通与建设局</td><td>2016年12月</td></tr>"
             "<tr><td>二</td><td>公共停车场</td><td></td><td></td></tr>"
             "<tr><td>1</td><td>新建东澳停车场</td><td>区交通与建设局</td><td>2016年12月</td></tr>"
             "<tr><td>三</td><td>城市内涝防治</td><td></td><td></td></tr>"
             "<tr><td>1</td><td>建设如意湖排涝防潮闸</td><td>区农村发展局</td><td>2016年12月</td></tr></table>")
    tasks = convert_written(tmp_path, "page.html", _notice(measures, table), 2016).programme.tasks
    assert [t.title for t in tasks] == ["新增新能源公交车50辆", "改造公交站台20个", "新建东澳停车场", "建设如意湖排涝防潮闸"]


def test_a_measure_paragraph_broken_inside_a_word_is_joined(tmp_path):
    """A measure "三、…。…玉米种植补" whose paragraph goes on in the next one ("贴或…补助。）") broken inside its word: one
    task's words, as a "1." item's broken paragraph is (list_lines.rejoined)."""
    broken = [*MEASURES[:2], ("三、开展优质粮食品种示范推广。", "至2025年推广优质粮食新品种3个以上，符合马铃薯种植补贴、玉米种植补</p>"
                                                            "<p>贴或水稻种植补贴政策的，按最高标准补助。）", "责任单位:区农业农村中心")]
    tasks = convert_written(tmp_path, "page.html", _notice(broken), 2021).programme.tasks
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert tasks[2].title.endswith("玉米种植补贴或水稻种植补贴政策的，按最高标准补助。）")


def test_the_first_few_in_a_ranking_pick_which_ones_no_count():
    """"对考评前2名的片区给予通报表扬": the first two of a ranking say which areas are praised, no count of work; "表彰
    先进个人20名" still counts."""
    from mstrack.sources.table.mentions import find_mentions

    assert find_mentions("对粮食生产综合考评前2名的片区给予通报表扬。") == []
    assert [(m.value, m.unit) for m in find_mentions("表彰先进个人20名。")] == [(20, "名")]


def test_a_size_bounded_before_what_it_picks_is_no_target():
    """"对集中连片种植30亩以上的马铃薯种植户，…": a size bounded straight before 的 and what it picks says which growers a
    subsidy is for, no area to plant; "新建高标准农田1000亩以上" still is."""
    from mstrack.sources.table.mentions import find_mentions

    assert [m.value for m in find_mentions("对集中连片种植30亩以上的马铃薯种植户，给予补助。")] == []
    assert [m.value for m in find_mentions("耕地地力保护补贴资金向种粮面积30亩以上的经营主体倾斜。")] == []
    assert [(m.value, m.unit) for m in find_mentions("新建高标准农田1000亩以上。")] == [(1000, "亩")]
