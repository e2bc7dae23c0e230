"""fix51a, from trial51: 已完成 on a form made before the plan's target changed (D1), a figure in January lowering the
last year's closing figure through `log` (D2)."""

import os
import subprocess
import sys
from pathlib import Path

import openpyxl

from .conftest import done, refused, reports_stored

MSTRACK = Path(sys.executable).with_name("mstrack")

PLAN = """format = 1
[programme]
code = "c-{year}"
name = "某市{year}年民生实事"
year = {year}
[[tasks]]
code = "6"
title = "建设充电桩300个"
[[tasks.lines]]
lead_units = ["市发改委"]
[[tasks.lines.indicators]]
name = "充电桩"
unit = "个"
target = {target}
milestones = [ {{ due = "{year}-12-31", target = {target} }} ]
"""


def _plan(tmp_path: Path, year: int = 2025, target: int = 300, name: str = "p.toml") -> Path:
    path = tmp_path / name
    path.write_text(PLAN.format(year=year, target=target), encoding="utf-8")
    return path


def _filled(path: Path, value) -> Path:
    """The form at `path` with `value` in its one row's 数值, saved as filled.xlsx beside it."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    header = next(row for row in (1, 2) if any(cell.value == "数值" for cell in sheet[row]))
    column = {cell.value: cell.column for cell in sheet[header]}
    sheet.cell(header + 1, column["数值"]).value = value
    filled = path.with_name("filled.xlsx")
    book.save(filled)
    return filled


# --- D1. 已完成 read against the 本期目标 the form printed ------------------------------------------------------------

def _form_then_amended(cli, tmp_path) -> Path:
    """c-2025/6's form made when its target was 300, then the plan amended to 400."""
    done(cli("import", "plan", str(_plan(tmp_path))))
    done(cli("log", "c-2025/6", "120", "--as-of", "2025-06-30"))
    form = tmp_path / "表.xlsx"
    done(cli("export", "template", "c-2025", "-o", str(form), "--as-of", "2025-08-31"))
    amended = cli("import", "plan", str(_plan(tmp_path, target=400, name="p2.toml")))
    done(amended)
    assert "300个 → 2025-12-31 400个" in amended.output, amended.output
    return form


def test_done_on_a_form_printed_before_the_target_changed_is_refused(cli, tmp_path):
    filled = _filled(_form_then_amended(cli, tmp_path), "已完成")
    said = refused(cli("import", "progress", str(filled)), "filled.xlsx:2:数值", "已完成", "300个（2025-12-31）", "400个",
                   "export template")
    assert isinstance(cli("import", "progress", str(filled)).exception, SystemExit)
    assert "give the figure" in said
    assert reports_stored(cli) == [("充电桩", "2025-06-30", 120)]  # nothing written
    refused(cli("--lang", "zh", "import", "progress", str(filled)), "本期目标", "300个（2025-12-31）", "400个")


def test_a_figure_on_that_form_is_stored_as_before(cli, tmp_path):
    filled = _filled(_form_then_amended(cli, tmp_path), 300)
    done(cli("import", "progress", str(filled)))
    assert reports_stored(cli) == [("充电桩", "2025-06-30", 120), ("充电桩", "2025-08-31", 300)]


def test_done_on_a_form_printed_after_the_change_is_the_new_target(cli, tmp_path):
    _form_then_amended(cli, tmp_path)
    form = tmp_path / "新表.xlsx"
    done(cli("export", "template", "c-2025", "-o", str(form), "--as-of", "2025-08-31"))
    done(cli("import", "progress", str(_filled(form, "已完成"))))
    assert reports_stored(cli) == [("充电桩", "2025-06-30", 120), ("充电桩", "2025-08-31", 400)]


def _run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home), "MSTRACK_DB": str(home / "r.db"), "LANG": "C.UTF-8"}
    return subprocess.run([str(MSTRACK), "--lang", "en", *args], capture_output=True, text=True, env=env, cwd=home,
                          timeout=120)


def test_the_trials_amended_form_end_to_end(tmp_path):
    home = tmp_path
    for args in (("import", "plan", str(_plan(tmp_path))), ("log", "c-2025/6", "120", "--as-of", "2025-06-30"),
                 ("export", "template", "c-2025", "-o", "表.xlsx", "--as-of", "2025-08-31"),
                 ("import", "plan", str(_plan(tmp_path, target=400, name="p2.toml")))):
        assert _run(home, *args).returncode == 0
    filled = _filled(home / "表.xlsx", "已完成")
    result = _run(home, "import", "progress", str(filled))
    assert result.returncode == 2, result.stderr
    assert "300个（2025-12-31）" in result.stderr and "400个" in result.stderr and "Traceback" not in result.stderr
    history = _run(home, "history", "c-2025/6")
    assert "2025-08-31" not in history.stdout and "120个" in history.stdout


# --- D2. a January figure lowering last year's closing one: one rule for `log` and `import progress` --------------

def _two_years(cli, tmp_path) -> None:
    """c-2025 and c-2026 beside it; c-2025/6 reported 120, 400 (August), then 250 at the year's end."""
    done(cli("import", "plan", str(_plan(tmp_path))))
    done(cli("import", "plan", str(_plan(tmp_path, year=2026, name="p26.toml"))))
    for value, on in (("120", "2025-06-30"), ("400", "2025-08-31"), ("250", "2025-12-31")):
        done(cli("log", "c-2025/6", value, "--as-of", on))


def test_log_in_january_below_the_year_end_figure_is_refused_as_import_refuses_it(cli, tmp_path):
    _two_years(cli, tmp_path)
    said = refused(cli("log", "c-2025/6", "30", "--as-of", "2026-01-12"), "c-2025/6", "30个", "would lower the year-end "
                   "figure of c-2025 (2025) from 250个 as of 2025-12-31", "2026-01-12 is in the year of c-2026", "--reason")
    assert "c-2026" in said
    assert reports_stored(cli)[-1] == ("充电桩", "2025-12-31", 250)  # nothing written
    refused(cli("--lang", "zh", "log", "c-2025/6", "30", "--as-of", "2026-01-12"), "年终数", "c-2026")
    done(cli("log", "c-2025/6", "30", "--as-of", "2026-01-12", "--reason", "年终数据核减"))
    assert reports_stored(cli)[-1] == ("充电桩", "2026-01-12", 30)


def test_log_in_january_at_or_above_the_year_end_figure_is_stored(cli, tmp_path):
    _two_years(cli, tmp_path)
    result = cli("log", "c-2025/6", "300", "--as-of", "2026-01-12")  # above 250, below August's 400: a warning
    done(result)
    assert "lower than the 400个" in result.stderr
    assert reports_stored(cli)[-1] == ("充电桩", "2026-01-12", 300)


def test_import_names_the_year_end_figure_it_compares_with(cli, tmp_path):
    _two_years(cli, tmp_path)
    (tmp_path / "jan.csv").write_text("计划,任务编号,指标,截至日期,数值\nc-2025,6,充电桩,2026-01-12,30\n", encoding="utf-8")
    said = refused(cli("import", "progress", str(tmp_path / "jan.csv")), "jan.csv:2", "from 250个 as of 2025-12-31",
                   "-p c-2026")
    assert "400个" not in said
    assert reports_stored(cli)[-1] == ("充电桩", "2025-12-31", 250)


def test_import_in_january_above_the_year_end_figure_is_stored_with_a_warning(cli, tmp_path):
    _two_years(cli, tmp_path)
    (tmp_path / "jan.csv").write_text("计划,任务编号,指标,截至日期,数值\nc-2025,6,充电桩,2026-01-12,300\n", encoding="utf-8")
    result = cli("import", "progress", str(tmp_path / "jan.csv"))
    done(result)
    assert "lower than 400个" in result.stderr
    assert reports_stored(cli)[-1] == ("充电桩", "2026-01-12", 300)


def test_the_trials_january_log_end_to_end(tmp_path):
    home = tmp_path
    for args in (("import", "plan", str(_plan(tmp_path))), ("import", "plan", str(_plan(tmp_path, year=2026, name="p26.toml"))),
                 ("log", "c-2025/6", "250", "--as-of", "2025-12-31")):
        assert _run(home, *args).returncode == 0
    result = _run(home, "log", "c-2025/6", "30", "--as-of", "2026-01-12")
    assert result.returncode == 2, result.stderr
    assert "from 250个 as of 2025-12-31" in result.stderr and "Traceback" not in result.stderr
    annual = _run(home, "report", "annual", "-p", "c-2025", "--as-of", "2026-01-31")
    assert annual.returncode == 0 and "250" in annual.stdout and "30个" not in annual.stdout


# --- R1. a title the task had before a plan import renamed it ---------------------------------------------------

def _schools(title: str) -> str:
    """c-2025 of one task, 1 (`title`): 学位 2000个, led by 市教育局."""
    return (PLAN.format(year=2025, target=2000).replace('code = "6"', 'code = "1"')
            .replace("建设充电桩300个", title).replace("市发改委", "市教育局").replace('"充电桩"', '"学位"'))


def _renamed_after_export(cli, tmp_path) -> Path:
    """The form of c-2025 exported, task 1 then renamed 新增学位2000个 → 新增公办学位2000个; the old form filled in (800)."""
    (tmp_path / "p.toml").write_text(_schools("新增学位2000个"), encoding="utf-8")
    (tmp_path / "p2.toml").write_text(_schools("新增公办学位2000个"), encoding="utf-8")
    done(cli("import", "plan", str(tmp_path / "p.toml")))
    form = tmp_path / "表.xlsx"
    done(cli("export", "template", "c-2025", "-o", str(form), "--as-of", "2025-08-31"))
    done(cli("import", "plan", str(tmp_path / "p2.toml")))
    return _filled(form, 800)


def test_an_old_form_naming_the_task_by_its_former_title_is_read_with_a_warning(cli, tmp_path):
    filled = _renamed_after_export(cli, tmp_path)
    result = cli("import", "progress", str(filled))
    done(result)
    assert "新增学位2000个" in result.stderr and "新增公办学位2000个" in result.stderr and "batch 2" in result.stderr
    assert reports_stored(cli) == [("学位", "2025-08-31", 800)]
    chinese = cli("--lang", "zh", "import", "progress", str(filled), "--dry-run")
    assert "批次 2" in chinese.stderr or "第 2 批" in chinese.stderr, chinese.stderr


def test_a_title_no_task_ever_had_is_refused_as_before(cli, tmp_path):
    filled = _renamed_after_export(cli, tmp_path)
    book = openpyxl.load_workbook(filled)
    book.active["C2"] = "新建公园10个"
    book.save(filled)
    refused(cli("import", "progress", str(filled)), "filled.xlsx:2:工作任务", "'新建公园10个' is not the task")
    assert reports_stored(cli) == []


def test_the_trials_renamed_task_end_to_end(tmp_path):
    home = tmp_path
    (tmp_path / "p.toml").write_text(_schools("新增学位2000个"), encoding="utf-8")
    (tmp_path / "p2.toml").write_text(_schools("新增公办学位2000个"), encoding="utf-8")
    for args in (("import", "plan", "p.toml"), ("export", "template", "c-2025", "-o", "表.xlsx", "--as-of", "2025-08-31"),
                 ("import", "plan", "p2.toml")):
        assert _run(home, *args).returncode == 0
    result = _run(home, "import", "progress", str(_filled(home / "表.xlsx", 800)))
    assert result.returncode == 0, result.stderr
    assert "before batch 2 renamed it '新增公办学位2000个'" in result.stderr
    assert "800个" in _run(home, "history", "c-2025/1").stdout


# --- U1. a reported task's deadline moved is named; a milestone after its task's deadline is said ---------------

def _with_deadline(tmp_path: Path, deadline: str, name: str, due: str = "2025-12-31") -> Path:
    text = PLAN.format(year=2025, target=300).replace('title = "建设充电桩300个"\n',
                                                      f'title = "建设充电桩300个"\ndeadline = "{deadline}"\n')
    path = tmp_path / name
    path.write_text(text.replace('due = "2025-12-31"', f'due = "{due}"'), encoding="utf-8")
    return path


def test_a_reported_tasks_deadline_moved_is_named(cli, tmp_path):
    done(cli("import", "plan", str(_with_deadline(tmp_path, "2025-12-31", "p.toml"))))
    done(cli("log", "c-2025/6", "120", "--as-of", "2025-05-30"))
    result = cli("import", "plan", str(_with_deadline(tmp_path, "2025-11-30", "p2.toml", due="2025-11-30")))
    done(result)
    assert "task c-2025/6: deadline 2025-12-31 → 2025-11-30" in result.output, result.output
    assert cli.sql("select deadline from task") in ([("2025-11-30",)], [(__import__("datetime").date(2025, 11, 30),)])
    chinese = cli("--lang", "zh", "import", "plan", str(_with_deadline(tmp_path, "2025-12-31", "p3.toml")))
    assert "完成时限 2025-11-30 → 2025-12-31" in chinese.output, chinese.output


def test_a_milestone_after_its_tasks_deadline_is_said(cli, tmp_path):
    result = cli("import", "plan", str(_with_deadline(tmp_path, "2025-06-30", "p.toml")))
    done(result)
    assert "task 6" in result.output and "充电桩" in result.output and "2025-12-31" in result.output
    assert "after the task's deadline 2025-06-30" in result.output, result.output
    assert cli.sql("select count(*) from milestone") == [(1,)]  # stored as written: a warning, not a refusal
    quiet = cli("import", "plan", str(_with_deadline(tmp_path, "2025-12-31", "p2.toml")))
    done(quiet)
    assert "after the task's deadline" not in quiet.output


def test_the_trials_deadline_change_end_to_end(tmp_path):
    home = tmp_path
    assert _run(home, "import", "plan", str(_with_deadline(tmp_path, "2025-12-31", "p.toml"))).returncode == 0
    assert _run(home, "log", "c-2025/6", "120", "--as-of", "2025-05-30").returncode == 0
    result = _run(home, "import", "plan", str(_with_deadline(tmp_path, "2025-06-30", "p2.toml")))
    assert result.returncode == 0, result.stderr
    assert "task c-2025/6: deadline 2025-12-31 → 2025-06-30" in result.stdout + result.stderr
    assert "milestone 2025-12-31 (300个) is after the task's deadline 2025-06-30" in result.stderr
