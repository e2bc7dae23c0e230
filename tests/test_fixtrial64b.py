"""trial64's findings 5-15: `report diff`'s words, a second programme's forms in one folder, the weekly report's
missing returns and rules, a numbered undo of another's batch, and the smaller ones."""

from .conftest import done, plan_task, plan_tasks, refused, sha, write_plan


def _programme(cli, tmp_path, code: str, lead: str = "甲局", extra: str = "") -> None:
    body = plan_tasks(plan_task("1", "学位建设", lead, "学位", "个", 100, milestones=[("2023-06-30", 50)]),
                      plan_task("2", "床位建设", "乙局", "床位", "张", 40))
    path = write_plan(tmp_path / f"{code}.toml", body, code=code)
    if extra:
        path.write_text(path.read_text(encoding="utf-8").replace("year = 2023\n", f"year = 2023\n{extra}\n", 1),
                        encoding="utf-8")
    done(cli("import", "plan", str(path)))


# --- 8: a second programme's forms into the folder of the first -------------------------------------------------------

def test_a_second_programmes_forms_never_replace_the_firsts_in_one_folder(cli, tmp_path):
    _programme(cli, tmp_path, "city-2023")
    _programme(cli, tmp_path, "dist-2023")
    folder = tmp_path / "forms"
    done(cli("export", "template", "city-2023", "--each-unit", "-o", str(folder), "--as-of", "2023-06-30"))
    before = {path.name: sha(path) for path in folder.iterdir()}
    assert sorted(before) == ["乙局.xlsx", "甲局.xlsx"]
    result = cli("export", "template", "dist-2023", "--each-unit", "-o", str(folder), "--as-of", "2023-06-30")
    refused(result, "is the form of city-2023, not of dist-2023", f"-o {folder / 'dist-2023'}")
    assert {path.name: sha(path) for path in folder.iterdir()} == before  # nothing replaced
    done(cli("export", "template", "dist-2023", "--each-unit", "-o", str(folder / "dist-2023"), "--as-of", "2023-06-30"))
    done(cli("export", "template", "city-2023", "--each-unit", "-o", str(folder), "--as-of", "2023-07-07"))  # its own
    assert {path.name for path in folder.iterdir()} == {"乙局.xlsx", "甲局.xlsx", "dist-2023"}
    assert {path.name: sha(path) for path in folder.iterdir() if path.is_file()} != before  # replaced: its own forms
