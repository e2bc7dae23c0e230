"""review64: what the review of the twenty-fourth session's merged work mended."""

from .conftest import done, plan_task, plan_tasks, refused, write_plan

# --- a merge's refusal: the way on for a task cancelled beside a new task of its indicator's name ----------------------


def test_a_task_cancelled_beside_a_new_task_of_its_indicators_name_is_refused_with_the_way_to_cancel_it(cli, tmp_path):
    """Task 2 dropped and a new task 3 measured by 床位: read as a merge and refused (fixtrial64a); the government may
    have cancelled task 2 instead, and the refusal says how to: the plan without 床位 in task 3 first, then as it is."""
    places = plan_task("1", "学位建设", "甲局", "学位", "个", 100)
    beds = plan_task("2", "床位建设", "乙局", "床位", "张", 40)
    newer = plan_task("3", "床位提升", "乙局", "床位", "张", 20)
    done(cli("import", "plan", str(write_plan(tmp_path / "v1.toml", plan_tasks(places, beds), code="m-2023"))))
    done(cli("log", "m-2023/2", "5", "--as-of", "2023-05-10"))
    revised = write_plan(tmp_path / "v3.toml", plan_tasks(places, newer), code="m-2023")
    refused(cli("import", "plan", str(revised)), "(tasks merged?)",
            "or, if task 2 is cancelled (已取消), not merged: import the plan without '床位' in m-2023/3 first, which "
            "cancels it, then the plan as it is")
    assert cli.sql("select code, cancelled_by from task order by code") == [("1", None), ("2", None)]
    # the way on, followed: the plan without 床位 in task 3 (here, without task 3) cancels task 2; then the plan
    done(cli("import", "plan", str(write_plan(tmp_path / "v2.toml", plan_tasks(places), code="m-2023"))))
    done(cli("import", "plan", str(revised)))
    rows = cli.sql("select code, cancelled_by is not null from task order by code")
    assert [(code, bool(cancelled)) for code, cancelled in rows] == [("1", False), ("2", True), ("3", False)]
    assert cli.sql("select count(*) from report") == [(1,)]  # task 2's report kept, on its task


# --- one rule of a unit renamed: `report diff` reads the words `import plan` writes ---------------------------------


def test_a_unit_renamed_is_told_by_the_one_constructor_of_its_words_either_form():
    """reports.revisions.unit_renames kept its own copy of plan_changes' template text; now it is handed the store's
    reader, which tells both forms (a lead unit's with its reports) and nothing else."""
    import inspect

    from mstrack.reports import revisions
    from mstrack.store.plan_changes import removed_change, says_unit_renamed, unit_renamed

    found = [("p-2023", [type("Change", (), {"change": change}) for change in (
        unit_renamed("p-2023/1", "甲局", "甲和丁局"), unit_renamed("p-2023/2", "乙局", "乙和丙局", 3),
        removed_change("p-2023/3", "床位建设"))])]
    assert revisions.unit_renames(found, says_unit_renamed) == {"甲局": "甲和丁局", "乙局": "乙和丙局"}
    assert says_unit_renamed(removed_change("p-2023/3", "床位建设")) is None
    assert "→ {new}" not in inspect.getsource(revisions)  # no copy of the store's words


# --- a later week's figures on an older form: a dry run replaces nothing and leaves no import to undo ----------------


def _csv(path, day: str, places: int, beds: int) -> str:
    path.write_text(f"任务编号,指标,截至日期,数值\n1,学位,{day},{places}\n2,床位,{day},{beds}\n", encoding="utf-8")
    return str(path)


def test_a_dry_run_of_a_later_weeks_figures_on_an_older_form_says_what_they_would_replace_not_to_undo_it(cli, tmp_path):
    places = plan_task("1", "学位建设", "甲局", "学位", "个", 100)
    beds = plan_task("2", "床位建设", "乙局", "床位", "张", 40)
    done(cli("import", "plan", str(write_plan(tmp_path / "m.toml", plan_tasks(places, beds), code="m-2023"))))
    done(cli("import", "progress", _csv(tmp_path / "w1.csv", "2023-05-10", 10, 4), "-p", "m-2023"))
    done(cli("import", "progress", _csv(tmp_path / "w2.csv", "2023-05-17", 20, 8), "-p", "m-2023"))
    again = _csv(tmp_path / "w3.csv", "2023-05-10", 20, 8)  # week 2's figures under week 1's day
    batches = cli.sql("select count(*) from batch")
    dry = cli("import", "progress", again, "-p", "m-2023", "--dry-run")
    done(dry)
    assert cli.sql("select count(*) from batch") == batches  # nothing written: no import to undo
    assert ("w3.csv: its 2 rows give the figures of 2023-05-10 the values already stored for 2023-05-17: these look like "
            "the figures of 2023-05-17 on the form of 2023-05-10 (its 截至日期 left as printed), and would replace the "
            "figures of 2023-05-10: if so, leave it unimported (those of 2023-05-17 are stored already)") in dry.stderr
    assert "mstrack undo" not in dry.stderr and "are replaced" not in dry.stderr, dry.stderr
    real = cli("import", "progress", again, "-p", "m-2023")
    done(real)  # written: the import's own warning, with the way back
    assert "and the figures of 2023-05-10 are replaced by them: if so, `mstrack undo` this import" in real.stderr


def test_a_dry_run_of_an_older_forms_figures_all_corrected_upward_says_what_to_do_before_importing(cli, tmp_path):
    places = plan_task("1", "学位建设", "甲局", "学位", "个", 100)
    beds = plan_task("2", "床位建设", "乙局", "床位", "张", 40)
    done(cli("import", "plan", str(write_plan(tmp_path / "m.toml", plan_tasks(places, beds), code="m-2023"))))
    done(cli("import", "progress", _csv(tmp_path / "w1.csv", "2023-05-10", 10, 4), "-p", "m-2023"))
    dry = cli("import", "progress", _csv(tmp_path / "w2.csv", "2023-05-10", 15, 6), "-p", "m-2023", "--dry-run")
    done(dry)
    assert ("w2.csv: its 2 rows correct every figure they give of 2023-05-10 upward (the figures of w1.csv): if these "
            "are a later week's figures typed on the form of 2023-05-10, its 截至日期 is that form's, not the figures' "
            "own, and they would replace the figures of 2023-05-10: change 截至日期 to the figures' day before importing "
            "it; if they correct 2023-05-10, import it as it is") in dry.stderr, dry.stderr
    assert "mstrack undo" not in dry.stderr


# --- a fill-in form's title: made and read by one rule ------------------------------------------------------------------


def test_a_forms_title_is_made_by_one_rule_that_the_each_unit_check_reads_its_programme_by(tmp_path):
    """render/template, `export template -o` and sources/forms.form_programme each spelled "CODE 进度报送表…" apart."""
    from datetime import date

    from mstrack.render.template import write_template
    from mstrack.sources.forms import form_programme
    from mstrack.vocabulary import form_title

    on = date(2023, 6, 30)
    assert form_title("city-2023", on, "市教育局") == "city-2023 进度报送表（市教育局） 截至 2023-06-30"
    assert form_title("city-2023", on) == "city-2023 进度报送表 截至 2023-06-30"
    for unit in ("市教育局", None):
        path = tmp_path / f"{unit or 'all'}.xlsx"
        write_template([], on, path, form_title("city-2023", on, unit), unit)
        assert form_programme(path) == "city-2023"


# --- report diff: a silent office that had never reported ----------------------------------------------------------


def test_report_diff_says_a_silent_office_that_had_never_reported_as_such(cli, tmp_path):
    """It said "原为 最近报送 从未报送" (last report: never reported), the weekly report's own words being "尚未报送"."""
    places = plan_task("1", "学位建设", "甲局", "学位", "个", 100)
    beds = plan_task("2", "床位建设", "乙局", "床位", "张", 40)
    done(cli("import", "plan", str(write_plan(tmp_path / "m.toml", plan_tasks(places, beds), code="m-2023"))))
    done(cli("log", "m-2023/1", "10", "--as-of", "2023-05-10"))
    done(cli("report", "weekly", "--as-of", "2023-05-20", "--freeze", "-o", str(tmp_path / "w.md")))
    done(cli("log", "m-2023/2", "5", "--as-of", "2023-05-18"))
    for lang, line in (("zh", "本周未报送单位 乙局：已不在报告中（原为 尚未报送）"),
                       ("en", "No return this week · 乙局: no longer in the report (was no report yet)")):
        result = cli("--lang", lang, "report", "diff", "1")
        assert result.exit_code == 1 and result.exception is not None, result.output
        assert line in result.stdout, result.stdout
        assert "从未报送" not in result.stdout and "last report never" not in result.stdout
