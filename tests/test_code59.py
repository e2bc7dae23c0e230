"""code59: the store says what named it (--db, MSTRACK_DB, the default data directory) in its own messages; the
--each-unit lines said by one path; a name disagreeing with its code looked at once; "since a freeze" and "the schema
then" judged by the store's order, exact on PostgreSQL with writers committing out of the order of their ids."""

from pathlib import Path
from types import SimpleNamespace

import pytest
import typer

# --- --each-unit: forms and notices said by one path -----------------------------------------------------------


@pytest.mark.backend_independent
@pytest.mark.parametrize(("forms", "noun"), [(True, "forms"), (False, "notices")])
def test_each_unit_stopped_says_forms_or_notices_and_what_is_left(forms, noun, capsys, monkeypatch, tmp_path):
    """_each_stopped: none written, and three of five written; the same line for forms and for notices, each its
    own noun, in English and in Chinese (the catalogue holds both templates)."""
    from mstrack.cli import each_unit, saying

    monkeypatch.setattr(saying, "_lang", "en")
    notices = [SimpleNamespace(unit=unit) for unit in ("甲局", "乙/局", "丙局", "丁局", "戊局")]
    stop = each_unit._each_stopped(notices, 0, "xlsx", tmp_path, forms)
    assert isinstance(stop, typer.Exit) and stop.exit_code == 2
    assert capsys.readouterr().err == f"none of the 5 {noun} written to {tmp_path}: run the command again to write them\n"
    stop = each_unit._each_stopped(notices, 3, "xlsx", tmp_path, forms)
    assert stop.exit_code == 2
    assert capsys.readouterr().err == (f"3 of 5 {noun} written to {tmp_path} (甲局.xlsx to 丙局.xlsx), 2 not written: "
                                       "run the command again to write the rest\n")
    monkeypatch.setattr(saying, "_lang", "zh")
    each_unit._each_stopped(notices, 3, "xlsx", tmp_path, forms)
    said = capsys.readouterr().err
    assert ("报送表" if forms else "通知单") in said and "甲局.xlsx" in said and "written" not in said


@pytest.mark.backend_independent
@pytest.mark.parametrize(("forms", "noun"), [(True, "forms"), (False, "notices")])
def test_each_unit_two_units_one_file_says_forms_or_notices(forms, noun, monkeypatch, tmp_path, capsys):
    from mstrack.cli import each_unit, saying

    monkeypatch.setattr(saying, "_lang", "en")
    with pytest.raises(typer.Exit) as stop:
        each_unit._one_file_each([SimpleNamespace(unit="住建局/城管局"), SimpleNamespace(unit="住建局_城管局")], "md",
                                 tmp_path, forms)
    assert stop.value.exit_code == 2
    said = capsys.readouterr().err
    assert f"nothing written; write their {noun} with --unit UNIT -o FILE instead" in said
    assert str(Path(tmp_path) / "住建局_城管局.md") in said


# --- a row whose name disagrees with its code: its name looked up once ---------------------------------------------


def test_a_row_whose_name_is_another_tasks_looks_the_name_up_once(cli, tmp_path, monkeypatch):
    """The row says task 1 and names 任务二: refused naming the task its name names, the name looked up once (the
    condition and the refusal used to ask twice); the row that agrees asks nothing."""
    from mstrack.sources.progress_names import Titles

    from .conftest import plan_task, plan_tasks, refused, write_plan

    plan = plan_tasks(plan_task("1", "新建养老床位", "甲局", "新建床位", "张", 100),
                      plan_task("2", "改造老旧小区", "乙局", "改造小区", "个", 10))
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", plan))).exit_code == 0
    original, asked = Titles.named, []

    def named(self, name):
        asked.append(name)
        return original(self, name)

    monkeypatch.setattr(Titles, "named", named)
    sheet = tmp_path / "p.csv"
    sheet.write_text("计划,任务编号,任务名称,指标,截至日期,数值\nx-2023,1,改造老旧小区,新建床位,2023-06-30,30\n"
                     "x-2023,2,改造老旧小区,改造小区,2023-06-30,3\n", encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    refused(result, "'改造老旧小区' is not the task", "x-2023/1 is '新建养老床位'")
    assert asked == ["改造老旧小区"]
    assert "'改造老旧小区' names task 2" in result.stderr and "nothing was written" in result.stderr
