"""`log` with no --as-of dates the value today: on a programme whose year (and the January after) is over, that date
would be refused if typed, so it is refused when implied too, the option named, nothing written."""

import json
from datetime import date

from .conftest import refused, write_plan

PLAN = '[[tasks]]\ncode = "1"\ntitle = "t"\n[[tasks.lines]]\nlead_units = ["甲局"]\n' \
       '[[tasks.lines.indicators]]\nname = "n"\nunit = "个"\ntarget = 100\n'


def _history(cli, ref: str) -> list:
    shown = cli("history", ref, "-f", "json")
    assert shown.exit_code == 0, shown.output
    return json.loads(shown.stdout)


def test_log_without_as_of_on_a_past_programme_is_refused_and_writes_nothing(demo_cli):
    before = _history(demo_cli, "yantian-2023/3")
    result = demo_cli("log", "yantian-2023/3", "70%", "-i", "整体形象进度")
    refused(result, "--as-of: needed", f"today ({date.today()})", "programme's year 2023", "--as-of 2023-12-31")
    assert _history(demo_cli, "yantian-2023/3") == before
    dated = demo_cli("log", "yantian-2023/3", "70%", "-i", "整体形象进度", "--as-of", "2023-12-31")
    assert dated.exit_code == 0, dated.output
    assert len(_history(demo_cli, "yantian-2023/3")) == len(before) + 1


def test_log_without_as_of_in_the_programmes_own_year_is_dated_today(cli, tmp_path):
    year = date.today().year
    plan = write_plan(tmp_path / "now.toml", PLAN, code=f"now-{year}").read_text(encoding="utf-8")
    (tmp_path / "now.toml").write_text(plan.replace("year = 2023", f"year = {year}"), encoding="utf-8")
    assert cli("import", "plan", str(tmp_path / "now.toml")).exit_code == 0
    result = cli("log", f"now-{year}/1", "5")
    assert result.exit_code == 0, result.output
    assert [row["as_of"] for row in _history(cli, f"now-{year}/1")] == [date.today().isoformat()]
