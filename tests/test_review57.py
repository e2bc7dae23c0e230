"""review57: what the review of the twenty-first session's merged changes mended."""

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
