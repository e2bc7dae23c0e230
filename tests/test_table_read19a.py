"""Issue 13, read19a: the offices of a unit cell and their roles (review10's finding 7), and a report of results refused
with the reason. Each rule on a small synthetic case; the roles' words checked over the whole corpus."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.units import roles_in, unit_names
from mstrack.vocabulary import HELPER_ROLE_WORDS, LEAD_ROLE_WORDS, RESPONSIBLE_WORD, ROLE_JOINERS, ROLE_MANNERS

from .conftest import convert_written, refused

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "tests" / "data" / "tables"


@pytest.mark.parametrize(("cell", "roles"), [
    ("市住建局牵头、市水利局配合", ("市住建局", "市水利局")),
    ("市农业农村局、市住建局分别牵头，市财政局配合", ("市农业农村局、市住建局", "市财政局")),
    ("市民政局、市卫健委分别牵头负责养老和托育", ("市民政局、市卫健委", "")),
    ("市教育局、市住建局按职责分工分别负责", ("市教育局、市住建局", "")),
    ("市民政局牵头，市卫健委、市医保局分别配合", ("市民政局", "市卫健委、市医保局")),
    ("市人社局会同市教育局、市农业农村局分别牵头落实", ("市人社局、市教育局、市农业农村局", "")),
    ("县住建局牵头；县财政局、县自然资源局协助", ("县住建局", "县财政局、县自然资源局")),
    ("县交通局负责，县财政局配合", ("县交通局", "县财政局")),
])
def test_a_cell_is_office_lists_each_closed_by_its_role(cell, roles):
    """Each list of offices is closed by its role, wherever it stands in the cell: 牵头 (or 负责 before any lead)
    leads, 配合 helps; the role's words (分别, 按职责分工, the work after 牵头负责) are no office's name."""
    assert roles_in(cell) == roles


@pytest.mark.parametrize(("cell", "names"), [
    ("市市场监管局、市城管局分别牵头", ["市市场监管局", "市城管局"]),
    ("市卫健委、市医保局分别配合", ["市卫健委", "市医保局"]),
    ("各主要经济指标牵头单位", ["各主要经济指标牵头单位"]),  # a group named by its role: a unit as printed
    ("市残疾人联合会", ["市残疾人联合会"]),
    ("县住建局负责项目建设", ["县住建局"]),  # an office and the work its role names (revfix11a: was kept whole)
])
def test_a_role_after_an_office_in_a_units_cell_is_no_part_of_its_name(cell, names):
    assert unit_names(cell) == names


# --- no office keeps a role's word: over the corpus, and over tables of role cells ----------------------------------

ROLE_WORDS = (*LEAD_ROLE_WORDS, RESPONSIBLE_WORD, *HELPER_ROLE_WORDS, *ROLE_MANNERS, *ROLE_JOINERS)
# a group named by its role ("配合单位", "牵头部门") is a unit, and so is a division named by its work ("协调处",
# pingtan-2022-jiandu's 安全生产协调处); a 联合会 is an office's kind, no role, and so is a 联合党委 (a party committee
# joining several bodies: pingtan-2023-anquanyaodian's 各联合党委)
LEFT_ROLE_RE = re.compile(rf"(?:{'|'.join(ROLE_WORDS)})(?!\s*(?:单位|部门|处$))(?<!联合(?=会|党委))")


def _roles_left(conversion) -> list[str]:
    return [f"task {task.code}: {kind} {name}" for task in conversion.programme.tasks for line in task.lines
            for kind, names in (("lead", line.lead_units), ("unit", line.units)) for name in names
            if LEFT_ROLE_RE.search(name)]


def _scorer():
    spec = importlib.util.spec_from_file_location("tables_score_read19a", ROOT / "bench" / "tables_score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("table", _scorer().expected_files(TABLES), ids=lambda p: p.name)
def test_no_lead_or_unit_of_the_corpus_keeps_a_role_word(table):
    reading = _scorer().load_expected(table)
    try:
        conversion = convert_table(table, reading["programme"], reading["year"], reading.get("sheet"))
    except Exception:  # noqa: BLE001 - a refused document has no office to check (its refusal is tested elsewhere)
        return
    assert _roles_left(conversion) == []


ROLE_CELLS = [  # (牵头单位, 配合单位), as review10's reviewer wrote them
    ("市住建局牵头、市水利局配合", ""), ("市农业农村局、市住建局分别牵头，市财政局配合", ""),
    ("市民政局、市卫健委分别牵头负责养老和托育", "各区政府"), ("市商务局", "市市场监管局、市城管局分别牵头"),
    ("市教育局、市住建局按职责分工分别负责", "各区政府"), ("市民政局牵头，市卫健委、市医保局分别配合", "各区政府"),
    ("由市人社局牵头，市教育局、市农业农村局分别负责", "各区政府"), ("市人社局牵头，各县（市、区）政府分别负责", ""),
    ("市人社局会同市教育局、市农业农村局分别牵头落实", "各区政府"), ("市卫健委联合牵头", "市教育局"),
]


def test_no_lead_or_unit_of_a_table_of_role_cells_keeps_a_role_word(tmp_path):
    path = tmp_path / "roles.csv"
    rows = [f"{k},建设项目,新建项目{k}个,{lead},{units},2024年12月" for k, (lead, units) in enumerate(ROLE_CELLS, 1)]
    path.write_text("\n".join(["序号,项目名称,主要内容,牵头单位,配合单位,完成时限", *rows]) + "\n", encoding="utf-8")
    conversion = convert_table(path, "t", 2024)
    assert len(conversion.programme.tasks) == len(ROLE_CELLS)
    assert _roles_left(conversion) == []
    assert [(line.lead_units, line.units) for line in conversion.programme.tasks[3].lines] == \
        [(["市商务局"], ["市市场监管局", "市城管局"])]


# --- a report of results is refused with the reason, and what to do instead ------------------------------------------

WHY = "it reads as a report of results"
WHAT = "`import table` reads a programme's plan (任务分解表, 实施方案): enter results with `import progress` or `log`"


def _page(tmp_path, title: str, lines: list[str]) -> Path:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>{title}</title></head><body>" + "".join(f"<p>{line}</p>" for line in [title, *lines])
                    + "</body></html>", encoding="utf-8")
    return path


ITEMS = ["1.新建幼儿园3所", "2.改造老旧小区12个", "3.新建农村公路30公里"]


def test_a_list_under_a_title_that_reports_results_is_refused_with_the_reason(cli, tmp_path):
    path = _page(tmp_path, "某县2023年民生实事项目落实情况", ITEMS)
    args = ("import", "table", str(path), "-p", "x-2023", "--year", "2023", "-o", str(tmp_path / "o.toml"))
    refused(cli(*args), f"{path}: no table found in the document: {WHY} (落实情况 in “某县2023年民生实事项目落实情况”)", WHAT)
    refused(cli("--lang", "zh", *args), "这是一份完成情况报告（“某县2023年民生实事项目落实情况”中的“落实情况”）",
            "`import table` 读取的是计划（任务分解表、实施方案）：完成情况请用 `import progress` 或 `log` 录入")
    assert not (tmp_path / "o.toml").exists()


def test_an_introduction_that_reports_results_is_the_reason_given(tmp_path):
    path = _page(tmp_path, "某县2023年民生实事项目", ["2023年县政府确定的民生实事全部兑现，具体如下：", *ITEMS])
    with pytest.raises(InputError, match=f"{WHY} \\(兑现 in “2023年县政府确定的民生实事全部兑现，具体如下："):
        convert_table(path, "x-2023", 2023)


def test_a_list_refused_for_another_reason_claims_no_report(tmp_path):
    """A plan's requirements (no figure, no project) are refused as before, with no word of results."""
    path = _page(tmp_path, "某区2024年民生实事项目实施方案", ["一、加强组织领导（区政府办）", "二、强化资金保障（区财政局）",
                                                   "三、加强督查考核（区督查室）"])
    with pytest.raises(InputError, match="no table found in the document") as refusal:
        convert_table(path, "x-2024", 2024)
    assert WHY not in str(refusal.value)


def test_jiyangs_report_of_results_is_read_for_its_programme_and_strict_refuses_it(cli, tmp_path):
    """jiyang's 完成情况报告 states each item's investment ("该项目总投资约260万元"): its items are the programme's
    (13-read42b), read with a doubt naming the title; `--strict` refuses it, naming the title."""
    path = TABLES / "jiyang-2023-wancheng.html"
    out = tmp_path / "o.toml"
    refused(cli("import", "table", str(path), "-p", "x-2023", "--year", "2023", "-o", str(out), "--strict"),
            "names a report of results (完成情况)", "“暨阳街道2023年民生实事项目完成情况报告”")
    assert not out.exists()
    assert cli("import", "table", str(path), "-p", "x-2023", "--year", "2023", "-o", str(out)).exit_code == 0
    assert "# check:" in out.read_text(encoding="utf-8")


def test_a_sheet_that_reports_results_is_refused_with_the_reason(tmp_path):
    """A .csv with no header whose list sits under a line of results: the sheet's refusal ("no header row found") says
    why too."""
    with pytest.raises(InputError, match=f"no header row found: {WHY} \\(完成情况 in “2023年民生实事项目完成情况”\\)") as refusal:
        convert_written(tmp_path, "list.csv", "\n".join(["2023年民生实事项目完成情况", *ITEMS]) + "\n", 2023)
    assert WHAT in str(refusal.value)
