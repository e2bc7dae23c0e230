"""review57: what the review of the twenty-first session's merged changes mended."""

import json

from .conftest import done, refused
from .test_fixplan57 import _five, _indicator_of, _plan


def test_a_cancelled_tasks_title_is_not_read_as_a_former_title_of_the_task_renumbered_into_its_code(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    done(cli("log", "city-2026/5", "400", "-i", "充电桩", "--as-of", "2026-06-30"))
    done(cli("import", "plan", str(_plan(tmp_path, "rev.toml", *_five(drop_parks=True)))))  # 4 cancelled, 5 → 4
    made_before = tmp_path / "form.csv"  # the parks' figure, on a form made before: code 4 was the parks'
    made_before.write_text("计划,任务编号,工作任务,截至日期,数值\ncity-2026,4,建设口袋公园20个,2026-11-30,12\n", encoding="utf-8")
    refused(cli("import", "progress", str(made_before)), "'建设口袋公园20个' is not the task 任务编号 '4' names")
    assert _indicator_of(cli, "4") == [("充电桩", 400)]  # not written on the chargers


def test_a_renamed_task_still_reads_a_form_made_before_its_rename(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    renamed = [task.replace("建设口袋公园20个", "建设口袋公园25个") for task in _five()]
    done(cli("import", "plan", str(_plan(tmp_path, "rev.toml", *renamed))))
    made_before = tmp_path / "form.csv"
    made_before.write_text("计划,任务编号,工作任务,截至日期,数值\ncity-2026,4,建设口袋公园20个,2026-11-30,12\n", encoding="utf-8")
    done(cli("import", "progress", str(made_before)))
    assert _indicator_of(cli, "4") == [("公园", 12)]


GOV = """format = 1
[programme]
code = "gov-2026"
name = "2026年政府工作报告重点任务"
year = 2026

[[tasks]]
code = "1"
title = "建设充电桩1000个"
links = ["city-2026/5"]
[[tasks.lines]]
lead_units = ["市发改委"]
"""


def test_a_link_of_another_programme_naming_a_renumbered_tasks_old_code_is_said(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    (gov := tmp_path / "gov.toml").write_text(GOV, encoding="utf-8")
    done(cli("import", "plan", str(gov)))
    for code, name, value in (("4", "公园", "8"), ("5", "充电桩", "400")):
        done(cli("log", f"city-2026/{code}", value, "-i", name, "--as-of", "2026-06-30"))
    revision = str(_plan(tmp_path, "rev.toml", *_five(insert=True)))
    dry = cli("--lang", "zh", "import", "plan", "--dry-run", revision)
    done(dry)
    assert "任务 gov-2026/1 关联 city-2026/5：原指 '建设充电桩1000个'（现为 city-2026/6），现在指向 '建设口袋公园20个'" \
           in dry.output, dry.output
    result = cli("import", "plan", revision)
    done(result)
    assert ("task gov-2026/1 links city-2026/5, which named '建设充电桩1000个' (now city-2026/6) and now names "
            "'建设口袋公园20个': if the link meant '建设充电桩1000个', change it to city-2026/6 in gov-2026/1's plan") \
        in result.output, result.output
    assert "gov-2026/1 links city-2026/4" not in result.output  # no link names the parks' old code
    assert cli.sql("select ref from task_link") == [("city-2026/5",)]  # another programme's plan: never rewritten
    batch = json.loads(cli("batches", "-f", "json").stdout)[0]["id"]
    undone = cli("--lang", "zh", "undo", str(batch))
    done(undone)
    assert "任务 gov-2026/1 关联 city-2026/5：原指 '建设口袋公园20个'（现为 city-2026/4），现在指向 '建设充电桩1000个'" \
        in undone.output, undone.output  # which it meant, only its plan says
    assert _indicator_of(cli, "5") == [("充电桩", 400)]


def test_the_deadlines_milestone_below_the_target_is_said_though_a_later_one_reaches_it(cli, tmp_path):
    """targets_of judges the deadline day by the first milestone on or after it; the note looked at the last one."""
    from .test_fixplan57 import _task

    stretched = _task("1", "新增学位2500个", "市教育局",
                      ("学位", 2500, [("2026-06-30", 1000), ("2026-12-31", 2000), ("2027-03-31", 2600)]))
    result = cli("import", "plan", str(_plan(tmp_path, "z.toml", stretched)))
    done(result)
    assert "its schedule ends at 2000个 on 2026-12-31" in result.output, result.output
    done(cli("log", "city-2026/1", "2100", "--as-of", "2026-12-01"))
    status = cli("status", "-p", "city-2026", "--as-of", "2026-12-31", "-f", "json")
    done(status)
    rows = json.loads(status.stdout)
    rows = rows["rows"] if isinstance(rows, dict) else rows
    assert [(r["expected"], r["status"]) for r in rows] == [(2500, "behind")], rows  # the target, as the note says
