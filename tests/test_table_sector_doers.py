"""A sector paragraph's own doers (list_sectors._doer_labels): the offices its sentences name before "要" lead it
instead of the part's ("各相关处室、包村工作队要督促…": a kind left open opening the run, none), the offices it says they
work together with ("联合辖区各派出所…": list_doers.joint_with) are its units, and work named before "由" ("各非景区景点
网格点值班由网格长自行安排") opens with no subject."""

from __future__ import annotations

from pathlib import Path

from mstrack.sources.table import convert_table
from mstrack.sources.table.list_doers import joint_with, must_doers, paragraph_doers

SECTORS = ["某片区管理局关于印发国庆期间安全防范工作方案的通知", "各处室，各村（居）：",
           "国庆期间安全防范工作方案", "一、工作目标", "确保国庆期间安全生产形势平稳。", "二、工作任务",
           "各联合党委、各相关处室要紧盯重点行业领域隐患和薄弱环节，着力查风险、除隐患、防事故。",
           "交通运输方面：针对国庆期间群众密集出行等特点，联合辖区各派出所加大打击力度，严厉打击非法载客行为。",
           "旅游景点方面：国庆期间景区游客增多，各相关处室、包村工作队要督促各景区严格执行防控措施。",
           "非景区景点方面：要切实加强辖区非景区景点安全专项整治工作。各非景区景点网格点值班由网格长自行安排。",
           "三、责任与奖惩", "对玩忽职守的有关责任人，按规定处置。"]


def test_a_sector_paragraph_naming_its_own_doers_or_joint_offices_reads_them(tmp_path: Path):
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(SECTORS) + "\n", encoding="utf-8")
    tasks = {t.code: t.lines[0] for t in convert_table(path, "x-2023", 2023).programme.tasks}
    assert list(tasks) == ["交通运输方面", "旅游景点方面", "非景区景点方面"]
    assert (tasks["交通运输方面"].lead_units, tasks["交通运输方面"].units) == (["各联合党委"], ["各派出所"])
    assert (tasks["旅游景点方面"].lead_units, tasks["旅游景点方面"].units) == (["包村工作队"], [])
    assert (tasks["非景区景点方面"].lead_units, tasks["非景区景点方面"].units) == (["各联合党委"], [])


def test_joint_offices_an_open_kind_opening_a_run_and_work_given_by_由():
    assert joint_with("要突出监管，联合辖区各派出所加大打击力度，会同区交通局开展整治") == ["各派出所", "区交通局"]
    assert joint_with("联合有关部门开展整治") == []  # a kind left open: none
    assert paragraph_doers("各相关处室、包村工作队要督促各景区严格执行防控措施") == ["包村工作队"]
    assert must_doers("各相关单位、各水利工作站要加强巡查") == ["各水利工作站"]
    assert paragraph_doers("各非景区景点网格点值班由网格长自行安排") == []
    assert paragraph_doers("各村由包村干部负责联系") == ["各村"]  # only offices before 由: still the subject
