"""Issue 13, read46f: the structures of the thirty-second held-out set, each in a small table or list. A 序号 printed
across two columns, the first a group's label merged down over its rows ("养老方面", "托育方面") and the second the rows'
numbers, which start again under each label: the labels are areas and the codes take the label with the number
("养老方面4"), the numbers alone repeating. Also: offices run together after a collective's bracket, a target column
named for a later year, "（责任处室：…）" brackets, a group's one bracket after its last item, and a duty table."""

from __future__ import annotations

from .conftest import convert_written

ROW = "<tr><td>{n}</td><td>{name}</td><td>-</td><td>{target}</td><td>区社会事业局</td></tr>"


def _table(groups: list[tuple[str, list[tuple[str, str]]]]) -> str:
    rows = ['<tr><td colspan="2">序号</td><td>指标名称</td><td>2020年完成值</td><td>2025年目标值</td><td>责任单位</td></tr>']
    for label, items in groups:
        for n, (name, target) in enumerate(items, 1):
            cell = f'<td rowspan="{len(items)}">{label}</td>' if n == 1 else ""
            rows.append("<tr>" + cell + ROW.format(n=n, name=name, target=target).removeprefix("<tr>"))
    return "<html><body><p>表1 主要指标</p><table border=\"1\">" + "".join(rows) + "</table></body></html>"


def test_a_label_over_numbers_that_restart_in_a_two_column_seq_codes_label_and_number(tmp_path):
    html = _table([("养老方面", [("养老服务床位总量（张）", "3000"), ("养老机构护理型床位占比（%）", "60")]),
                   ("托育方面", [("每千人口三岁以下婴幼儿托位数（个）", "4.5"), ("新生儿访视率（%）", "90")])])
    tasks = convert_written(tmp_path, "plan.html", html, 2023).programme.tasks
    assert [t.code for t in tasks] == ["养老方面1", "养老方面2", "托育方面1", "托育方面2"]
    assert tasks[2].title == "每千人口三岁以下婴幼儿托位数（个）"


def test_a_collective_with_its_places_bracketed_run_together_with_offices_is_split():
    """"各片区（乡镇、街道）区党工委党群工作部区社会事业局", the separators lost: the collective (closed by its bracket) and
    the offices after it, each opening with its level; levels in the bracket share the office after them ("各县(市、区)区政府")."""
    from mstrack.sources.table.units import unit_names

    assert unit_names("各片区（乡镇、街道）区党工委党群工作部区社会事业局") == [
        "各片区（乡镇、街道）", "区党工委党群工作部", "区社会事业局"]
    assert unit_names("各片区（乡镇、街道）") == ["各片区（乡镇、街道）"]
    assert unit_names("各县(市、区)区政府") == ["各县(市、区)区政府"]
    assert unit_names("各乡镇（街道）区域内学校") == ["各乡镇（街道）区域内学校"]


def test_a_target_column_named_for_a_later_year_dates_its_targets(tmp_path):
    """"2025年目标值" beside a 2020 baseline in a plan of 2023, no deadline column: each row is due at 2025's end."""
    html = _table([("养老方面", [("养老服务床位总量（张）", "3000"), ("养老机构护理型床位占比（%）", "60")]),
                   ("托育方面", [("每千人口三岁以下婴幼儿托位数（个）", "4.5"), ("新生儿访视率（%）", "90")])])
    tasks = convert_written(tmp_path, "plan.html", html, 2023).programme.tasks
    assert [t.deadline.isoformat() if t.deadline else None for t in tasks] == ["2025-12-31"] * 4


def test_items_closed_by_a_bracket_naming_the_bureaus_own_divisions_are_a_list(tmp_path):
    """"（责任处室:监督检查处、预算处）" after each inspection of a 局's plan: the label names its divisions as 责任单位
    names offices (the first leads; all are its units), half-width colon and brackets or full-width. A later group's
    heading naming 督查 and 考核 ("二、督查检查考核计划") is no introduction of a report: the list is still read."""
    lines = ["某局2023年度执法监督检查计划", "一、执法监督检查计划",
             "（一）开展财经纪律重点问题检查。计划对减税降费落实情况开展检查。(责任处室:监督检查处)",
             "（二）开展政府代理机构监督检查。计划对3家政府采购代理机构开展检查。（责任处室：采购办）",
             "（三）开展会计信息质量检查。选取2家开展会计信息质量检查。（责任处室:监督检查处、预算处、国库处）",
             "二、督查检查考核计划", "（一）开展内部控制检查。计划对3家以上行政事业单位开展检查。（责任处室:监督检查处）",
             "三、有关要求", "（一）严格计划管理。各处室要严格按照计划执行。"]
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", 2023).programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)", "二(一)"]
    assert [t.lines[0].lead_units for t in tasks] == [["监督检查处"], ["采购办"], ["监督检查处"], ["监督检查处"]]
    assert tasks[2].lines[0].units == ["监督检查处", "预算处", "国库处"]
    assert tasks[2].title == "开展会计信息质量检查。选取2家开展会计信息质量检查。"


GROUPED = ["某区景区安全管理专项整治工作方案", "一、总体要求", "压实安全责任。", "二、整治内容", "重点加强景区安全管理。",
           "（一）景区", "1.健全完善安全生产和应急管理制度。", "2.加强大型游乐设施的管理和维护保养。",
           "3.在危险区域设置安全警示标识。（区旅游文体局、旅游文化中心负责，各相关责任单位配合）",
           "（二）非景区景点", "1.在涉水隐患重点区域设置安全警示标识标牌。（区资源生态局负责，各片区管理局配合）",
           "2.加强沙滩、礁石等区域管理。（区执法应急局、城乡交建中心负责，片区管理局配合）",
           "三、实施步骤", "本方案自印发之日起开展为期3个月专项整治。"]


def test_one_bracket_after_a_groups_last_item_names_the_offices_of_every_item_of_the_group(tmp_path):
    """"（X、Y负责，Z配合）" after the last item of a group whose other items name no office: the group's offices, given
    to each of its items; a group whose items each print their own bracket keeps them. The part "二、" over the groups,
    its introduction between, codes them (二(一)1)."""
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(GROUPED) + "\n", 2021).programme.tasks
    assert [t.code for t in tasks] == ["二(一)1", "二(一)2", "二(一)3", "二(二)1", "二(二)2"]  # the part over its groups
    assert [t.lines[0].lead_units for t in tasks[:3]] == [["区旅游文体局", "旅游文化中心"]] * 3
    assert tasks[0].lines[0].units[-1] == "各相关责任单位"
    assert tasks[3].lines[0].lead_units == ["区资源生态局"]


def test_a_duty_table_of_departments_reads_the_duties_as_tasks_led_by_the_rows_department(tmp_path):
    """序号 / 部门 / 主要职责分工: each row a department and its duties in one cell ("分工" names who shares the work, but
    here the cells are the work): the duties are the task, the department its lead, no other units."""
    rows = [("区交通建设局", "牵头开展结构安全排查整治，加强技术指导；<br>普及房屋结构安全常识。"),
            ("区市场监管局", "牵头开展经营安全性排查整治；<br>负责指导自建房涉及的市场主体登记工作。"),
            ("各片区管理局", "负责实施、推动落实专项行动；<br>推动辖区内隐患自建房整治。")]
    body = "".join(f"<tr><td>{n}</td><td>{office}</td><td>{duty}</td></tr>" for n, (office, duty) in enumerate(rows, 1))
    html = ("<html><body><p>部门主要职责分工表</p><table border=\"1\"><tr><td>序号</td><td>部门</td><td>主要职责分工</td></tr>"
            f"{body}</table></body></html>")
    tasks = convert_written(tmp_path, "plan.html", html, 2022).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert tasks[0].title.startswith("牵头开展结构安全排查整治")
    assert [t.lines[0].lead_units for t in tasks] == [["区交通建设局"], ["区市场监管局"], ["各片区管理局"]]
