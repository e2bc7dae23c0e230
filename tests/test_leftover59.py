"""What this session's fixers left (leftover59): `import table --strict` counts the plan's `# check:` comments as the
summary and `import plan` do; a target with no date said once; the placeholder （表中未列） no office in `units`'
JSON and footer, and an --each-unit run with no office to write for said and exit 1; cancelled tasks in `lights` and
`report notice`; a renumbered cancelled task's plan history in `show`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import done, refused

TABLE = Path(__file__).parent / "data" / "tables" / "chongming-2025-shishi.txt"


def _import_table(cli, tmp_path, *more: str):
    plan = tmp_path / "c.toml"
    return plan, cli("import", "table", str(TABLE), "-p", "chongming-2025", "--year", "2025", "-o", str(plan), *more)


def test_strict_counts_the_plan_s_check_comments_as_the_summary_does(cli, tmp_path):
    """--strict said "23 doubtful cells" (the list-of-tasks doubt said once of 18 lines) where the summary and
    `import plan` count 40 `# check:` comments: the same count, in the same words, everywhere."""
    plan, result = _import_table(cli, tmp_path)
    done(result)
    assert plan.read_text(encoding="utf-8").count("# check:") == 40
    assert result.stdout.rstrip().endswith(", 40 `# check:` doubts in the plan"), result.stdout
    plan.unlink()
    _, strict = _import_table(cli, tmp_path, "--strict")
    said = refused(strict, "--strict: 40 `# check:` doubts in the plan; nothing written:")
    assert "doubtful cells" not in said and "lines 11, 12, 13 and 15 more: no header row" in said, said
    assert not plan.exists()


def test_a_target_with_no_date_is_said_once(cli, tmp_path):
    """Each of chongming's 22 targets without a date was said twice: a summary line ("task 1: … has no dated
    checkpoint; kept as a target without milestones") and its doubt. The doubt alone says it now."""
    plan, result = _import_table(cli, tmp_path)
    done(result)
    assert "has no dated checkpoint" not in result.stderr, result.stderr
    checks = [line for line in result.stderr.splitlines() if "a target with no date" in line]
    assert len(checks) == 22 and all(line.startswith("check: ") for line in checks), result.stderr
    assert sum("改建认知障碍照护床位" in line for line in result.stderr.splitlines()) == 1, result.stderr


def _placeholder_only(cli, tmp_path) -> None:
    plan, result = _import_table(cli, tmp_path)
    done(result)
    done(cli("import", "plan", str(plan)))


def test_units_json_and_footer_say_the_placeholder_is_no_office(cli, tmp_path):
    """`units -f json` gave （表中未列） as a unit's bare name, and the footer counted it as "1 unit"."""
    _placeholder_only(cli, tmp_path)
    result = cli("units", "-p", "chongming-2025", "--as-of", "2025-07-01", "--format", "json")
    done(result)
    (row,) = json.loads(result.stdout)
    assert (row["unit"], row["office"], row["tasks"]) == ("（表中未列）", False, 18), row
    result = cli("units", "-p", "chongming-2025", "--as-of", "2025-07-01", "--format", "md")
    done(result)
    assert "0 units, and （表中未列）: tasks with no office named yet; done % = mean" in result.stdout, result.stdout
    assert "1 unit" not in result.stdout


def test_units_of_offices_say_office_true_and_count_them(cli, tmp_path):
    plan, result = _import_table(cli, tmp_path)
    done(result)
    plan.write_text(plan.read_text(encoding="utf-8").replace('"（表中未列）"', '"区民政局"'), encoding="utf-8")
    done(cli("import", "plan", str(plan)))
    result = cli("units", "-p", "chongming-2025", "--as-of", "2025-07-01", "--format", "json")
    done(result)
    assert [(row["unit"], row["office"]) for row in json.loads(result.stdout)] == [("区民政局", True)]
    result = cli("units", "-p", "chongming-2025", "--as-of", "2025-07-01", "--format", "md")
    done(result)
    assert "1 unit; done % = mean" in result.stdout, result.stdout


def test_each_unit_with_only_the_placeholder_says_so_and_exits_1(cli, tmp_path):
    """Every lead unit the placeholder: --each-unit said "0 forms written" and exited 0. It says why, writes no
    folder, and exits 1 (docs/cli.md: the command ran and found a problem)."""
    _placeholder_only(cli, tmp_path)
    folder = tmp_path / "forms"
    result = cli("export", "template", "chongming-2025", "--each-unit", "-o", str(folder))
    assert result.exit_code == 1, result.output
    assert "0 forms written" not in result.stderr and not folder.exists()
    assert f"no form written to {folder}: the only lead unit is the placeholder （表中未列）" in result.stderr, result.stderr
    notices = tmp_path / "notices"
    result = cli("report", "notice", "-p", "chongming-2025", "--as-of", "2025-12-31", "--each-unit", "-o", str(notices),
                 "--format", "md")
    assert result.exit_code == 1, result.output
    assert f"no notice written to {notices}: the only lead unit is the placeholder" in result.stderr, result.stderr
    assert "0 notices written" not in result.stderr and not notices.exists()
