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
