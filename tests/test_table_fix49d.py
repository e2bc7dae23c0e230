"""The reader's names and start checkpoints (fix49d): indicators of one name told apart by what distinguishes them,
not by their order (safety49 F1c); a start printed beside a figure on a line of its own, tracked (newcomer49 N3)."""

from __future__ import annotations

from datetime import date

from tests.conftest import convert_written

HEADER = ["序号", "工作任务", "责任单位", "完成时限"]
SCHOOLS = "实施学校建设项目12个,计划竣工3个,其中幼儿园7个、小学4个;增加学位5000个,其中幼儿园420个,中小学4580个"


def names(tmp_path, task: str, name="t.csv") -> list[tuple[str, int | float]]:
    [read] = convert_written(tmp_path, name, [HEADER, ["1", task, "区教育局", "12月底前"]]).programme.tasks
    return [(i.name, i.target) for line in read.lines for i in line.indicators]


def test_two_parts_of_one_name_are_named_by_their_wholes_not_their_order(tmp_path):
    assert [n for n in names(tmp_path, SCHOOLS) if n[0].startswith("幼儿园")] == [("幼儿园（竣工）", 7), ("幼儿园（学位）", 420)]
    revised = names(tmp_path, SCHOOLS.replace("其中幼儿园7个、", "其中"), "revised.csv")
    assert [n for n in revised if n[0].startswith("幼儿园")] == [("幼儿园", 420)]  # no name the first had goes to it


def test_two_figures_of_one_name_in_two_units_are_named_by_their_units(tmp_path):
    assert names(tmp_path, "新增停车位1000个;新增停车位3处") == [("新增停车位（个）", 1000), ("新增停车位（处）", 3)]


def test_one_name_twice_with_nothing_to_tell_them_apart_is_numbered(tmp_path):
    rows = [HEADER, ["1", "新增学位800个", "区教育局", "6月底前"], ["", "新增学位900个", "区教育局", "12月底前"]]
    [read] = convert_written(tmp_path, "t.csv", rows).programme.tasks
    assert [i.name for line in read.lines for i in line.indicators] == ["新增学位", "新增学位（2）"]


SCHEDULED = [["序号", "工作任务", "责任单位", "进度安排"], ["1", "新建教学楼", "区教育局", "2月开工，年内完成主体结构8层以上"]]


def test_a_start_beside_a_figure_is_a_line_of_its_own_judged_by_its_checkpoint(tmp_path):
    [read] = convert_written(tmp_path, "t.csv", SCHEDULED).programme.tasks
    [figures, start] = read.lines
    assert [(i.name, i.target) for i in figures.indicators] == [("主体结构", 8)]
    assert [cp.text for cp in figures.checkpoints] == ["完成主体结构8层以上"]
    assert start.indicators == [] and start.units == figures.units == ["区教育局"]
    assert [(cp.due, cp.text) for cp in start.checkpoints] == [(date(2024, 2, 29), "开工")]


def test_the_start_is_due_in_status_once_its_date_is_past(tmp_path, cli):
    import json

    from tests.conftest import import_table, write_table

    result, plan = import_table(write_table(tmp_path / "t.csv", SCHEDULED))
    assert result.exit_code == 0, result.output
    assert cli("import", "plan", str(plan)).exit_code == 0
    rows = json.loads(cli("status", "-p", "x-2024", "--as-of", "2024-07-07", "--format", "json").stdout)
    assert [(r["indicator"], r["checkpoint"], r["expected"], r["status"]) for r in rows] == [
        ("进度安排", "开工", 1, "no_report"), ("主体结构", "完成主体结构8层以上", 0, "not_due")]  # the start is due, not "not due"


def test_a_reported_indicator_given_another_ones_words_says_so(tmp_path, cli):
    """The store's side of F1c: a plan written by hand (or read by an older reader) that keeps a reported indicator's
    name but gives it the words another indicator had says which one it now is, beside its target's change."""
    from tests.conftest import done, plan_task, plan_tasks

    def plan(name: str, indicators: list[tuple[str, float, str]]) -> str:
        task = plan_task("1", "增加教育资源供给", "区教育局", indicators[0][0], "个", indicators[0][1],
                         also=[(n, "个", t) for n, t, _ in indicators[1:]])
        for measure, (_, _, text) in zip(task["lines"][0]["indicators"], indicators, strict=True):
            measure["text"] = text
        path = tmp_path / name
        path.write_text(f'format = 1\n[programme]\ncode = "z-2024"\nname = "测试"\nyear = 2024\n{plan_tasks(task)}',
                        encoding="utf-8")
        return str(path)

    done(cli("import", "plan", plan("v1.toml", [("幼儿园", 7, "其中幼儿园7个"), ("幼儿园（2）", 420, "其中幼儿园420个")])))
    done(cli("log", "z-2024/1", "5", "-i", "幼儿园", "--as-of", "2024-06-30", "--by", "教育局"))
    result = cli("import", "plan", plan("v2.toml", [("幼儿园", 420, "其中幼儿园420个")]), "--dry-run")
    done(result)
    assert "task z-2024/1: indicator 幼儿园 (1 report): its words are now “其中幼儿园420个”, those of 幼儿园（2） before" \
        in result.stdout, result.stdout
