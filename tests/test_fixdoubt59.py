"""The first hour with one's own document (trial59 findings 1, 2, 7, 8), on chongming-2025-shishi.txt (a list of 18
tasks with no header row, no office and no date): the docs' way to settle a doubt by adding a milestone imports as
written; the target-with-no-date doubt says what was read and what to write otherwise; （表中未列） is no office in
`units` or `--each-unit`; import table and import plan count the same doubts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import done, refused

TABLE = Path(__file__).parent / "data" / "tables" / "chongming-2025-shishi.txt"
DOCS = Path(__file__).parent.parent / "docs" / "import-table.md"
TASK_1 = 'text = "改建认知障碍照护床位220张"\n'


def _plan(cli, tmp_path) -> tuple[Path, object]:
    plan = tmp_path / "c.toml"
    result = cli("import", "table", str(TABLE), "-p", "chongming-2025", "--year", "2025", "-o", str(plan))
    done(result)
    return plan, result


def _after_the_reading() -> str:
    text = DOCS.read_text(encoding="utf-8")
    return text[text.index("## After the reading"):text.index("## How well it reads the seeds")]


def test_the_docs_milestone_table_under_an_indicator_imports_as_written(cli, tmp_path):
    """Finding 1: the docs say a step is a `[[tasks.lines.indicators.milestones]]` table; import table wrote a short
    indicator inline (`indicators = [ { name = … } ]`), where TOML refuses one ("Cannot mutate immutable namespace").
    Each indicator of import table's plan is now a table of its own: the docs' example, run as written, imports."""
    plan, _ = _plan(cli, tmp_path)
    text = plan.read_text(encoding="utf-8")
    assert "indicators = [" not in text and text.count("[[tasks.lines.indicators]]") == 22, text[:2000]
    example = re.search(r"```toml\n(.*?)```", _after_the_reading(), re.S)[1]
    assert TASK_1 in example and "[[tasks.lines.indicators.milestones]]" in example, example
    step = example[example.index("[[tasks.lines.indicators.milestones]]"):]
    assert text.count(TASK_1) == 1
    plan.write_text(text.replace(TASK_1, TASK_1 + "\n" + step), encoding="utf-8")
    done(cli("import", "plan", str(plan)))
    assert [(str(due), target) for due, target in cli.sql(  # a date on PostgreSQL, its text on SQLite
        "select m.due, m.target from milestone m join indicator i on i.id = m.indicator_id "
        "where i.name = '改建认知障碍照护床位'")] == [("2025-06-30", 100.0)]


def test_an_inline_indicator_takes_its_milestones_inside_and_the_toml_error_says_so(cli, tmp_path):
    """Finding 1: an indicator written inline (as `export plan` writes a short one) with a `[[…milestones]]` table
    under it: the TOML error now says to write it inside the braces, and the docs' inline form imports."""
    plan, _ = _plan(cli, tmp_path)
    text = plan.read_text(encoding="utf-8")
    head = text[:text.index("[[tasks]]")]
    inline = head + ('[[tasks]]\ncode = "1"\ntitle = "改建认知障碍照护床位220张"\n\n[[tasks.lines]]\nlead_units = ["区民政局"]\n'
                     'indicators = [\n    { name = "床位", unit = "张", target = 220 },\n]\n')
    plan.write_text(inline + '\n[[tasks.lines.indicators.milestones]]\ndue = "2025-12-31"\ntarget = 220\n', encoding="utf-8")
    said = refused(cli("import", "plan", str(plan)), "not valid TOML", "written inline above it",
                   'milestones = [{ due = "2025-12-31", target = 220 }]')
    assert "Cannot mutate immutable namespace tasks.lines.indicators.milestones" in said, said
    form = re.search(r"takes\s+its milestones inside the braces, `(milestones = \[.*?\])`", _after_the_reading(), re.S)[1]
    plan.write_text(inline.replace("target = 220 }", f"target = 220, {form} }}"), encoding="utf-8")
    done(cli("import", "plan", str(plan)))
    assert [(str(due), target) for due, target in cli.sql("select due, target from milestone")] == [("2025-06-30", 100.0)]


def test_a_target_with_no_date_says_the_reading_written_and_the_other_one_is_written_as_said(cli, tmp_path):
    """Finding 2: "a target with no date: due at the deadline, or not this year?" asked what was done already (the
    target is judged at the deadline). The doubt says so, with the date, and how to write the other reading; written
    so (a later `deadline`), the task is not due at the programme's end."""
    plan, result = _plan(cli, tmp_path)
    said = "“改建认知障碍照护床位”: a target with no date: due at the deadline, 2025-12-31; if it falls due later, " \
           "write that date as the task's `deadline`"
    assert any(line.startswith("check: ") and said in line for line in result.stderr.splitlines()), result.stderr
    assert "or not this year?" not in result.stderr + plan.read_text(encoding="utf-8")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('title = "改建认知障碍照护床位220张"', 'title = "改建认知障碍照护床位220张"\n'
                                 'deadline = "2026-06-30"', 1), encoding="utf-8")
    done(cli("import", "plan", str(plan)))
    result = cli("status", "-p", "chongming-2025", "--as-of", "2025-12-31", "--format", "json")
    done(result)
    rows = {row["task"]: row for row in json.loads(result.stdout)}
    assert (rows["1"]["deadline"], rows["1"]["status"]) == ("2026-06-30", "not_due"), rows["1"]
    assert rows["1"]["expected"] != rows["1"]["target"], rows["1"]
    assert (rows["2"]["deadline"], rows["2"]["expected"]) == ("2025-12-31", rows["2"]["target"]), rows["2"]


def test_units_and_each_unit_say_the_placeholder_is_no_office(cli, tmp_path):
    """Finding 7: `units` listed （表中未列） as a unit and `export template --each-unit` wrote （表中未列）.xlsx beside the
    offices' forms, "one for each lead unit". The row now says no office is named yet; no form nor notice is written
    for it, and the warning names its tasks."""
    plan, _ = _plan(cli, tmp_path)
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('"（表中未列）"', '"区民政局"', 1), encoding="utf-8")
    done(cli("import", "plan", str(plan)))
    result = cli("units", "-p", "chongming-2025", "--as-of", "2025-07-01", "--format", "csv")
    done(result)
    units = {row.split(",")[0]: row.split(",")[1] for row in result.stdout.splitlines()[1:]}
    assert units == {"区民政局": "1", "（表中未列） (no office named yet)": "17"}, result.stdout
    folder = tmp_path / "forms"
    result = cli("export", "template", "chongming-2025", "--each-unit", "-o", str(folder))
    done(result)
    assert sorted(path.name for path in folder.iterdir()) == ["区民政局.xlsx"]
    assert "--each-unit: no form for （表中未列）, the placeholder where the plan names no office, of tasks 2, 3, 4" \
        in result.stderr and "1 form written" in result.stderr, result.stderr
    notices = tmp_path / "notices"
    result = cli("report", "notice", "-p", "chongming-2025", "--as-of", "2025-12-31", "--each-unit", "-o", str(notices),
                 "--format", "md")
    done(result)
    assert sorted(path.name for path in notices.iterdir()) == ["区民政局.md"]
    assert "no notice for （表中未列）" in result.stderr, result.stderr


def test_import_table_and_import_plan_count_the_same_doubts(cli, tmp_path):
    """Finding 8: import table ended "23 doubts to check" (the list-of-tasks doubt said once of 18 lines) and import plan
    of the untouched file said 40. Both now count the `# check:` comments of the plan, in the same words."""
    plan, result = _plan(cli, tmp_path)
    comments = plan.read_text(encoding="utf-8").count("# check:")
    assert comments == 40
    assert result.stdout.rstrip().endswith(", 40 `# check:` doubts in the plan"), result.stdout
    result = cli("import", "plan", str(plan), "--dry-run")
    done(result)
    assert "still holds 40 `# check:` doubts import table wrote" in result.stderr, result.stderr
    settled = plan.read_text(encoding="utf-8").replace("  # check: no header row: read as a list of tasks", "")
    plan.write_text(settled, encoding="utf-8")
    result = cli("import", "plan", str(plan), "--dry-run")
    done(result)
    assert "still holds 22 `# check:` doubts" in result.stderr, result.stderr
