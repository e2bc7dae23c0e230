"""Issue 13, held52b: a column (or a label beside 责任单位) whose name says no kind but whose every cell is an office's
name ("所属片区：岚城片区项目建设指挥部") names more units of the task; a year's end the words say the work is done by
("原则上2017年底前要完成分配90%") is the task's deadline where nothing else dates it."""

from __future__ import annotations

from datetime import date

from .conftest import convert_written, text_tasks


def _units(task):
    return sorted({u for line in task.lines for u in line.units} - {u for line in task.lines for u in line.lead_units})


def test_a_column_of_offices_under_a_name_of_no_kind_names_units(tmp_path):
    rows = [["序号", "项目名称", "责任单位", "所属片区", "完成时限"],
            ["1", "新建保障房300套", "区土地开发集团有限公司", "岚城片区项目建设指挥部", "2017年12月"],
            ["2", "改造老旧小区5个", "区城投集团有限公司", "金井片区项目建设指挥部", "2017年10月"]]
    tasks = convert_written(tmp_path, "t.csv", rows, 2017).programme.tasks
    assert [(t.lines[0].lead_units, _units(t)) for t in tasks] == [
        (["区土地开发集团有限公司"], ["岚城片区项目建设指挥部"]), (["区城投集团有限公司"], ["金井片区项目建设指挥部"])]


def test_a_column_of_places_under_a_name_of_no_kind_names_none(tmp_path):
    rows = [["序号", "项目名称", "责任单位", "所属片区", "完成时限"],
            ["1", "新建保障房300套", "区土地开发集团有限公司", "岚城片区", "2017年12月"],
            ["2", "改造老旧小区5个", "区城投集团有限公司", "金井片区", "2017年10月"]]
    tasks = convert_written(tmp_path, "t.csv", rows, 2017).programme.tasks
    assert [_units(t) for t in tasks] == [[], []]


HOUSING = ["某区管委会关于下达2017年住房保障工作目标责任任务的通知",
           "现将2017年我区住房保障目标任务分解下达如下：",
           "一、基本建成目标任务",
           "岚城安置小区，共建设棚改安置房300套。责任单位：区土地开发集团有限公司，所属片区：岚城片区项目建设指挥部。"
           "以上项目，区土地开发集团有限公司必须2017年12月之前完成建成目标。",
           "二、公租房分配目标任务",
           "2013年底前开工建设的公租房，原则上2017年底前要完成分配90%。责任单位：区交通与建设局，所属片区：金井片区项目建设指挥部。",
           "三、其它要求",
           "（一）统一认识。各责任单位务必把住房保障工作作为一把手工程来抓。"]


def test_headed_tasks_labelling_their_zone_and_a_year_end_deadline(tmp_path):
    """Two headed tasks, each naming its offices inside its words ("责任单位：X，所属片区：Y"): Y is a unit of the task;
    the second is due at the year's end its words give ("原则上2017年底前要完成分配90%"), not at 2013's, which picks the
    stock ("2013年底前开工建设的公租房")."""
    tasks = text_tasks(tmp_path, HOUSING, 2017)
    assert [(t.code, t.lines[0].lead_units, _units(t)) for t in tasks] == [
        ("一", ["区土地开发集团有限公司"], ["岚城片区项目建设指挥部"]), ("二", ["区交通与建设局"], ["金井片区项目建设指挥部"])]
    assert [t.deadline for t in tasks] == [date(2017, 11, 30), date(2017, 12, 31)]
