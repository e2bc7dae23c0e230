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


def _parks_cancelled(cli, tmp_path) -> int:
    """city-2026: 3 老旧小区 and 4 口袋公园 both led by 市城管局, 5 充电桩 by 市发改委; a revision drops 4 (1 report on it) and
    moves 5 up to 4: 4 cancelled (已取消) as 4~BATCH. The revision's batch."""
    from .test_fixplan57 import _plan, _task

    homes = ("改造老旧小区50个", "市城管局", ("小区", 50, [("2026-06-30", 25), ("2026-12-31", 50)]))
    parks = ("建设口袋公园20个", "市城管局", ("公园", 20, [("2026-12-31", 20)]))
    piles = ("建设充电桩1000个", "市发改委", ("充电桩", 1000, [("2026-06-30", 500), ("2026-12-31", 1000)]))
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", _task("3", *homes), _task("4", *parks), _task("5", *piles)))))
    for code, name, value in (("3", "小区", "5"), ("4", "公园", "8"), ("5", "充电桩", "100")):
        done(cli("log", f"city-2026/{code}", value, "-i", name, "--as-of", "2026-06-30"))
    done(cli("import", "plan", str(_plan(tmp_path, "rev2.toml", _task("3", *homes), _task("4", *piles)))))
    return json.loads(cli("batches", "-f", "json").stdout)[0]["id"]


def test_lights_says_the_cancelled_tasks_under_the_board_in_every_format(cli, tmp_path):
    """The weekly and yearly reports said the tasks a revision cancelled; the light board, printed for a meeting, did
    not: it says them under the board, a line each, as the 一览表 does (render/revisions.cancelled_lines)."""
    batch = _parks_cancelled(cli, tmp_path)
    line = f"已取消：4~{batch} 建设口袋公园20个（原编号 4，批次 {batch} 于"
    for suffix in ("md", "html", "csv"):
        out = tmp_path / f"灯.{suffix}"
        done(cli("--lang", "zh", "lights", "-p", "city-2026", "--as-of", "2026-07-31", "-o", str(out)))
        text = out.read_text(encoding="utf-8")
        assert line in text and "保留报送 1 条，不计入" in text, (suffix, text)
    book = tmp_path / "灯.xlsx"
    done(cli("--lang", "zh", "lights", "-p", "city-2026", "--as-of", "2026-07-31", "-o", str(book)))
    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(book).active.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(value.startswith(line) for value in cells), cells
    shown = cli("--lang", "zh", "lights", "-p", "city-2026", "--as-of", "2026-07-31")
    done(shown)
    assert "建设口袋公园20个" in shown.stdout and "已取消" in shown.stdout, shown.stdout
    other = cli("--lang", "zh", "lights", "-p", "city-2026", "--as-of", "2026-07-31", "--unit", "市发改委", "-f", "md")
    done(other)
    assert "建设口袋公园20个" not in other.stdout, other.stdout  # --unit: only the cancelled tasks that unit led


def test_a_notice_says_the_cancelled_tasks_its_unit_led_in_every_format(cli, tmp_path):
    """`report notice` to 市城管局 listed its late task 3 and said nothing of 4, cancelled: it says it under the table,
    as the 一览表 does; 市发改委's notice, whose unit led no cancelled task, says none."""
    batch = _parks_cancelled(cli, tmp_path)
    line = f"已取消：4~{batch} 建设口袋公园20个（原编号 4，批次 {batch} 于"
    for suffix in ("md", "html"):
        out = tmp_path / f"通知.{suffix}"
        done(cli("--lang", "zh", "report", "notice", "--unit", "市城管局", "--as-of", "2026-07-31", "-o", str(out)))
        text = out.read_text(encoding="utf-8")
        assert "改造老旧小区50个" in text and line in text, (suffix, text)
    word = tmp_path / "通知.docx"
    done(cli("--lang", "zh", "report", "notice", "--unit", "市城管局", "--as-of", "2026-07-31", "-o", str(word)))
    from docx import Document

    assert any(p.text.startswith(line) for p in Document(str(word)).paragraphs)
    folder = tmp_path / "each"
    done(cli("--lang", "zh", "report", "notice", "--each-unit", "--as-of", "2026-07-31", "-f", "md", "-o", str(folder)))
    assert line in (folder / "市城管局.md").read_text(encoding="utf-8")
    assert "建设口袋公园20个" not in (folder / "市发改委.md").read_text(encoding="utf-8")


def test_show_of_a_cancelled_renumbered_task_gives_its_plan_history_under_its_old_code(cli, tmp_path):
    """4 口袋公园's target raised (batch 2), then a revision drops it and gives its code to 5 (4~BATCH): `show
    city-2026/4~BATCH` said no plan change, the plans kept naming it 4. Its history is read under 4 up to the revision
    that cancelled it, and not the move of the task that took its code."""
    from .test_fixplan57 import _plan, _task

    parks = ("建设口袋公园20个", "市城管局", ("公园", 20, [("2026-12-31", 20)]))
    raised = ("建设口袋公园20个", "市城管局", ("公园", 25, [("2026-12-31", 25)]))
    piles = ("建设充电桩1000个", "市发改委", ("充电桩", 1000, [("2026-12-31", 1000)]))
    homes = _task("3", "改造老旧小区50个", "市住建局", ("小区", 50, [("2026-12-31", 50)]))
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", homes, _task("4", *parks), _task("5", *piles)))))
    for code, name, value in (("3", "小区", "20"), ("4", "公园", "8"), ("5", "充电桩", "400")):
        done(cli("log", f"city-2026/{code}", value, "-i", name, "--as-of", "2026-06-30"))
    done(cli("import", "plan", str(_plan(tmp_path, "rev1.toml", homes, _task("4", *raised), _task("5", *piles)))))
    done(cli("import", "plan", str(_plan(tmp_path, "rev2.toml", homes, _task("4", *piles)))))
    batches = json.loads(cli("batches", "-f", "json").stdout)
    cancel, raise_ = batches[0]["id"], batches[1]["id"]
    shown = cli("show", f"city-2026/4~{cancel}", "-f", "json")
    done(shown)
    changes = [(row["batch"], row["change"]) for row in json.loads(shown.stdout)["plan_changes"]]
    assert [batch for batch, _ in changes] == [raise_, raise_, cancel], changes
    assert changes[0][1] == "task city-2026/4: indicator 公园: target 20个 → 25个", changes
    assert changes[-1][1] == "task city-2026/4 cancelled (已取消): 建设口袋公园20个: kept with its reports, not counted", changes
    assert not any("→ city-2026/4" in change for _, change in changes), changes  # 5 → 4 is the other task's
    table = cli("show", f"city-2026/4~{cancel}")
    done(table)
    assert "plan changes, by batch" in table.stdout and "cancelled (已取消)" in table.stdout, table.stdout
