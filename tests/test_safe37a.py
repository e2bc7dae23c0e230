"""A plan re-import never moves reported progress to another checkpoint or line (safe37a): a text-only line's met
marks count its checkpoints from the first, so a re-import that removes, inserts before, reorders or rewords the
checkpoints behind them is refused; lines match by lead units and indicators, not by position."""

import json

import pytest

from .conftest import refused

HEAD = 'format = 1\n[programme]\ncode = "t37"\nname = "测试2"\nyear = 2026\n[[tasks]]\ncode = "2"\ntitle = "完成方案编制"\n'
SURVEY = '  { due = "2026-03-31", label = "第一季度", text = "完成调研" },\n'
SCHEME = '  { due = "2026-06-30", label = "第二季度", text = "完成方案" },\n'


def _line(lead: str, *checkpoints: str) -> str:
    return f'[[tasks.lines]]\nlead_units = ["{lead}"]\ncheckpoints = [\n{"".join(checkpoints)}]\n'


def _plan(tmp_path, name: str, *lines: str) -> str:
    path = tmp_path / name
    path.write_text(HEAD + "".join(lines), encoding="utf-8")
    return str(path)


def _status(cli, as_of: str = "2026-10-01") -> dict[str, dict]:
    result = cli("status", "--as-of", as_of, "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["lead_unit"]: row for row in json.loads(result.stdout)}


@pytest.fixture
def surveyed(cli, tmp_path):
    """县发改局's line, its first checkpoint (完成调研) marked met."""
    assert cli("import", "plan", _plan(tmp_path, "p.toml", _line("县发改局", SURVEY, SCHEME))).exit_code == 0
    assert cli("log", "t37/2", "--done", "--as-of", "2026-03-30").exit_code == 0
    row = _status(cli, "2026-04-15")["县发改局"]
    assert (row["status"], row["actual"], row["final"]) == ("on_track", 1, 2)
    return cli


@pytest.mark.parametrize("checkpoints, named", [
    ((SCHEME,), "完成调研"),  # the met one removed
    (('  { due = "2026-02-28", label = "二月", text = "完成立项" },\n', SURVEY, SCHEME), "完成立项"),  # one inserted before
    ((SURVEY.replace("完成调研", "完成摸底调研"), SCHEME), "完成摸底调研"),  # its text changed
    ((SCHEME, SURVEY.replace("2026-03-31", "2026-07-31")), "完成方案"),  # reordered by a new date
])
def test_a_change_to_the_checkpoints_behind_a_met_mark_is_refused(surveyed, tmp_path, checkpoints, named):
    before = surveyed("show", "t37/2").stdout
    result = surveyed("import", "plan", _plan(tmp_path, "p2.toml", _line("县发改局", *checkpoints)))
    refused(result, "t37/2", "县发改局", named, "1 report hangs on it")
    assert surveyed("show", "t37/2").stdout == before  # nothing written
    row = _status(surveyed, "2026-04-15")["县发改局"]
    assert (row["status"], row["actual"], row["final"]) == ("on_track", 1, 2)


def test_checkpoints_appended_after_the_met_ones_and_a_date_moved_are_taken(surveyed, tmp_path):
    later = '  { due = "2026-09-30", label = "第三季度", text = "开始实施" },\n'
    moved = SURVEY.replace("2026-03-31", "2026-04-10")
    result = surveyed("import", "plan", _plan(tmp_path, "p2.toml", _line("县发改局", moved, SCHEME, later)))
    assert result.exit_code == 0, result.output
    row = _status(surveyed, "2026-04-15")["县发改局"]
    assert (row["status"], row["actual"], row["final"]) == ("on_track", 1, 3)


A_LINE = _line("甲局", '  { due = "2026-03-31", label = "一季度", text = "甲局完成调研" },\n',
               '  { due = "2026-06-30", label = "二季度", text = "甲局完成方案" },\n')
B_LINE = _line("乙局", '  { due = "2026-09-30", label = "三季度", text = "乙局完成建设" },\n')


@pytest.fixture
def both_met(cli, tmp_path):
    """甲局's line, both its checkpoints met."""
    assert cli("import", "plan", _plan(tmp_path, "p1.toml", A_LINE)).exit_code == 0
    for day in ("2026-03-30", "2026-06-29"):
        assert cli("log", "t37/2", "--done", "--as-of", day).exit_code == 0
    return cli


def test_a_line_inserted_before_another_leaves_its_reports_where_they_were(both_met, tmp_path):
    result = both_met("import", "plan", _plan(tmp_path, "p2.toml", B_LINE, A_LINE))
    assert result.exit_code == 0, result.output
    rows = _status(both_met)
    assert (rows["甲局"]["status"], rows["甲局"]["actual"], rows["甲局"]["final"]) == ("done", 2, 2)
    assert (rows["乙局"]["status"], rows["乙局"]["actual"], rows["乙局"]["final"]) == ("no_report", None, 1)


def test_a_line_appended_after_keeps_the_reports(both_met, tmp_path):
    result = both_met("import", "plan", _plan(tmp_path, "p2.toml", A_LINE, B_LINE))
    assert result.exit_code == 0, result.output
    rows = _status(both_met)
    assert (rows["甲局"]["status"], rows["甲局"]["actual"]) == ("done", 2)
    assert rows["乙局"]["status"] == "no_report"


def test_a_reported_line_replaced_by_another_is_refused(both_met, tmp_path):
    result = both_met("import", "plan", _plan(tmp_path, "p2.toml", B_LINE))
    refused(result, "t37/2", "2 reports hang on it")
    rows = _status(both_met)
    assert list(rows) == ["甲局"] and rows["甲局"]["actual"] == 2


def _quantity(lead: str, name: str) -> str:
    return f'[[tasks.lines]]\nlead_units = ["{lead}"]\n[[tasks.lines.indicators]]\nname = "{name}"\nunit = "公里"\ntarget = 10\n'


def test_a_quantity_line_inserted_before_another_is_taken_and_keeps_the_reports(cli, tmp_path):
    """By position the inserted line took the place of 甲局's, and its reported indicator read as dropped."""
    assert cli("import", "plan", _plan(tmp_path, "p1.toml", _quantity("甲局", "新建道路"))).exit_code == 0
    assert cli("log", "t37/2", "4", "--as-of", "2026-06-30").exit_code == 0
    result = cli("import", "plan", _plan(tmp_path, "p2.toml", _quantity("乙局", "新建桥梁"), _quantity("甲局", "新建道路")))
    assert result.exit_code == 0, result.output
    rows = _status(cli)
    assert rows["甲局"]["actual"] == 4
    assert rows["乙局"]["actual"] is None


def test_a_lead_unit_renamed_in_place_keeps_the_reports(both_met, tmp_path):
    result = both_met("import", "plan", _plan(tmp_path, "p2.toml", A_LINE.replace('["甲局"]', '["甲局（新）"]')))
    assert result.exit_code == 0, result.output
    rows = _status(both_met)
    assert (rows["甲局（新）"]["status"], rows["甲局（新）"]["actual"]) == ("done", 2)


def test_a_plan_cutting_the_checkpoints_below_the_mark_is_refused(both_met, tmp_path):
    cut = _line("甲局", '  { due = "2026-03-31", label = "一季度", text = "甲局完成调研" },\n')
    result = both_met("import", "plan", _plan(tmp_path, "p2.toml", cut))
    refused(result, "t37/2 line 1 (甲局)", "甲局完成方案", "no checkpoint 2", "2 reports hang on it")
    assert (_status(both_met)["甲局"]["actual"], _status(both_met)["甲局"]["final"]) == (2, 2)


def test_a_line_done_by_its_deadline_given_checkpoints_is_refused(cli, tmp_path):
    text = HEAD.replace('title = "完成方案编制"\n', 'title = "完成方案编制"\ndeadline = "2026-06-30"\n') + _line("丙局")
    text = text.replace("checkpoints = [\n]\n", "")
    plan = tmp_path / "p1.toml"
    plan.write_text(text, encoding="utf-8")
    assert cli("import", "plan", str(plan)).exit_code == 0
    assert cli("log", "t37/2", "--done", "--as-of", "2026-05-30").exit_code == 0
    given = tmp_path / "p2.toml"
    given.write_text(text.replace('["丙局"]\n', '["丙局"]\ncheckpoints = [\n' + SURVEY + SCHEME + ']\n'), encoding="utf-8")
    refused(cli("import", "plan", str(given)), "t37/2 line 1 (丙局)", "by its deadline", "1 report hangs on it")
    assert _status(cli)["丙局"]["status"] == "done"
