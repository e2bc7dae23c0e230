"""trial65's findings 6, 7, 9-17: a return's dates and cells as spreadsheets write them, the annual report of a year not
over, and the CLI's smaller ones."""

import json
from datetime import date

import pytest

from mstrack.domain.dates import DateError, parse_date

from .conftest import done, plan_task, plan_tasks, refused, write_plan


def _programme(cli, tmp_path, code: str = "city-2023", lead: str = "区住建局") -> None:
    body = plan_tasks(plan_task("2", "建设保障性住房", lead, "建设保障性住房", "套", 500,
                                milestones=[("2023-06-30", 200)]),
                      plan_task("3", "老旧小区改造", "区民政局", "改造老旧小区", "个", 40))
    done(cli("import", "plan", str(write_plan(tmp_path / f"{code}.toml", body, code=code))))


def _csv(tmp_path, rows: str, name: str = "r.csv", encoding: str = "gbk"):
    path = tmp_path / name
    path.write_bytes(("计划,任务编号,指标,截至日期,数值\r\n" + rows).encode(encoding))
    return path


# --- 6: "2023.1" is January, or 2023.10 saved by Excel as a number ---------------------------------------------------

@pytest.mark.parametrize("text", ["2023.1", "２０２３．１"])
def test_a_year_and_one_after_the_dot_is_january_or_october_and_neither_is_guessed(text):
    with pytest.raises(DateError) as refusal:
        parse_date(text, 2023)
    said = str(refusal.value)
    assert "January or October" in said and "2023-01" in said and "2023-10" in said, said
    assert "2023-01-31" in said and "2023-10-31" in said, said


@pytest.mark.parametrize(("text", "day"), [("2023.01", "2023-01-31"), ("2023.10", "2023-10-31"),
                                           ("2023.2", "2023-02-28"), ("2023年1月", "2023-01-31"),
                                           ("2023.1.5", "2023-01-05")])
def test_dates_that_are_one_month_read_as_before(text, day):
    assert str(parse_date(text, 2023)) == day


def test_a_csv_return_dated_2023_1_is_refused_naming_both_months_and_stores_nothing(cli, tmp_path):
    _programme(cli, tmp_path)
    path = _csv(tmp_path, "city-2023,3,改造老旧小区,2023.1,30\r\n")
    result = cli("import", "progress", str(path))
    refused(result, "r.csv:2:截至日期", "January or October", "2023-10")
    shown = cli("history", "city-2023/3", "-f", "json")
    done(shown)
    assert json.loads(shown.stdout) == []


# --- 7: the annual 一览表 of a year not over ----------------------------------------------------------------------

def test_an_annual_table_of_a_year_not_over_stands_at_today_and_says_it_is_to_date(cli, tmp_path):
    today = date.today()
    if today >= date(today.year, 12, 31):
        pytest.skip("the year is over on its last day")
    code = f"now-{today.year}"
    body = plan_tasks(plan_task("1", "学位建设", "甲局", "学位", "个", 100))
    path = write_plan(tmp_path / "now.toml", body, code=code)
    path.write_text(path.read_text(encoding="utf-8").replace("year = 2023", f"year = {today.year}"), encoding="utf-8")
    done(cli("import", "plan", str(path)))
    result = cli("--lang", "zh", "report", "annual", "-p", code, "-f", "json")
    done(result)
    assert json.loads(result.stdout)["as_of"] == today.isoformat()
    assert f"{today.year}-12-31 尚未到来" in result.stderr and "--as-of" in result.stderr, result.stderr
    md = cli("--lang", "zh", "report", "annual", "-p", code, "-f", "md")
    done(md)
    assert f"截至{today.year}年{today.month}月{today.day}日（年度尚未结束）" in md.stdout, md.stdout
    whole = cli("--lang", "zh", "report", "annual", "-p", code, "-f", "md", "--as-of", f"{today.year}-12-31")
    done(whole)
    assert f"截至{today.year}年12月31日\n" in whole.stdout and "尚未" not in whole.stderr, whole.stdout


def test_an_annual_table_of_a_year_over_is_dated_its_last_day_without_a_note(cli, tmp_path):
    _programme(cli, tmp_path)
    result = cli("--lang", "zh", "report", "annual", "-p", "city-2023", "-f", "md")
    done(result)
    assert "截至2023年12月31日\n" in result.stdout and "尚未" not in result.stdout + result.stderr, result.stdout
    half = cli("--lang", "zh", "report", "half-year", "-p", "city-2023", "-f", "md", "--as-of", "2023-05-31")
    done(half)
    assert "截至2023年5月31日（上半年尚未结束）" in half.stdout, half.stdout


# --- 9: Excel's text guard ="2" -------------------------------------------------------------------------------------

def test_a_csv_cell_in_excels_text_guard_is_the_text_inside(cli, tmp_path):
    _programme(cli, tmp_path)
    path = tmp_path / "eq.csv"
    path.write_text('计划,任务编号,指标,截至日期,数值\r\ncity-2023,="2",建设保障性住房,2023-12-31,="480"\r\n'
                    'city-2023,"=""3""",改造老旧小区,="2023-12-31",30\r\n', encoding="utf-8")
    done(cli("import", "progress", str(path)))
    two = cli("history", "city-2023/2", "-f", "json")
    done(two)
    assert [(r["as_of"], r["value"]) for r in json.loads(two.stdout)] == [("2023-12-31", 480)], two.stdout
    three = cli("history", "city-2023/3", "-f", "json")
    assert [(r["as_of"], r["value"]) for r in json.loads(three.stdout)] == [("2023-12-31", 30)], three.stdout


# --- 10: a year-less 12月31日 to come, with last year's programme in the store ----------------------------------------

def test_a_yearless_day_to_come_names_last_years_programme(cli, tmp_path):
    this = date.today().year
    for year in (this - 1, this):
        body = plan_tasks(plan_task("2", "建设保障性住房", "区住建局", "建设保障性住房", "套", 500))
        path = write_plan(tmp_path / f"c{year}.toml", body, code=f"city-{year}")
        path.write_text(path.read_text(encoding="utf-8").replace("year = 2023", f"year = {year}"), encoding="utf-8")
        done(cli("import", "plan", str(path)))
    if date.today() >= date(this, 12, 31):
        pytest.skip("12月31日 is today")
    path = tmp_path / "ny.csv"
    path.write_bytes("任务编号,指标,截至日期,数值\r\n2,建设保障性住房,12月31日,480\r\n".encode("gbk"))
    result = cli("import", "progress", str(path), "-p", f"city-{this}")
    refused(result, f"ny.csv:2:截至日期: {this}-12-31 is in the future", f"{this - 1}-12-31 is a day of city-{this - 1}",
            f"-p city-{this - 1}")
    typed = tmp_path / "typed.csv"
    typed.write_bytes(f"任务编号,指标,截至日期,数值\r\n2,建设保障性住房,{this}-12-31,480\r\n".encode("gbk"))
    plain = cli("import", "progress", str(typed), "-p", f"city-{this}")
    assert plain.exit_code == 2 and "is a day of" not in plain.stderr, plain.stderr  # its year typed: no other reading
    shown = cli("history", f"city-{this - 1}/2", "-f", "json")
    assert json.loads(shown.stdout) == []


# --- 11: a GBK file with a UTF-8 byte order mark in front ------------------------------------------------------------

def test_a_gbk_file_behind_a_utf8_mark_is_refused_saying_what_it_is(cli, tmp_path):
    _programme(cli, tmp_path)
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + _csv(tmp_path, "city-2023,2,建设保障性住房,2023-12-31,480\r\n").read_bytes())
    result = cli("import", "progress", str(path))
    refused(result, "bom.csv: starts with a UTF-8 byte order mark but its text is not UTF-8", "CSV UTF-8")
    assert "not a text file" not in result.stderr
    assert json.loads(cli("history", "city-2023/2", "-f", "json").stdout) == []
    zh = cli("--lang", "zh", "import", "progress", str(path))
    refused(zh, "字节顺序标记")


# --- 12: a figure among a clerk's words ---------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "words"), [("已完成480套", "已完成"), ("480套已完成", "已完成"), ("480 套，已全部完工", "已全部完工")])
def test_a_figure_among_words_is_refused_naming_the_figure_and_the_words(cli, tmp_path, typed, words):
    _programme(cli, tmp_path)
    path = _csv(tmp_path, f"city-2023,2,建设保障性住房,2023-12-31,{typed}\r\n")
    result = cli("import", "progress", str(path))
    refused(result, "r.csv:2:数值", "is a figure and words: give 480套 as the value (数值)", f"{words} as its note")
    assert json.loads(cli("history", "city-2023/2", "-f", "json").stdout) == []
    logged = cli("log", "city-2023/2", typed, "--as-of", "2023-12-31")
    refused(logged, "480套", words)
    done(cli("log", "city-2023/2", "完成480套", "--as-of", "2023-12-31"))  # a filler word: read as before


# --- 13: only the 任务编号 column re-sorted --------------------------------------------------------------------------

def test_codes_sorted_apart_from_their_tasks_are_said_so(cli, tmp_path):
    _programme(cli, tmp_path)
    path = tmp_path / "sorted.csv"
    path.write_text("计划,任务编号,工作任务,截至日期,数值\r\ncity-2023,3,建设保障性住房,2023-12-31,480\r\n"
                    "city-2023,2,老旧小区改造,2023-12-31,30\r\n", encoding="utf-8")
    result = cli("import", "progress", str(path))
    said = refused(result, "column 任务编号 and column 工作任务 disagree in every one of its 2 rows",
                   "were the columns sorted apart?")
    assert "looks like the unit's own row numbers" not in said
    for task in ("2", "3"):
        assert json.loads(cli("history", f"city-2023/{task}", "-f", "json").stdout) == []



# --- 15: a store with no programme: the views' hint on stderr, exit 0; a report refused, exit 2 ----------------------

def test_the_views_of_an_empty_store_say_why_on_stderr_and_a_report_is_refused(cli):
    done(cli("init"))
    for view in (["status"], ["units"]):
        result = cli(*view)
        done(result)
        assert "no programmes in" in result.stderr and "no programmes in" not in result.stdout, view
        as_json = cli(*view, "-f", "json")
        done(as_json)
        assert json.loads(as_json.stdout) == [], view
    refused(cli("report", "weekly"), "no programmes in", "so no report is made")



# --- 14: January's weekly 通报 and a new programme with nothing due yet ---------------------------------------------

def two_years(cli, tmp_path) -> None:
    """c-2023 and c-2024, the same two tasks of 甲局 and 乙局, each with a March checkpoint of its year, imported."""
    for year in (2023, 2024):
        body = plan_tasks(plan_task("1", "学位建设", "甲局", "学位", "个", 100, milestones=[(f"{year}-03-31", 50)]),
                          plan_task("2", "床位建设", "乙局", "床位", "张", 40, milestones=[(f"{year}-03-31", 20)]))
        path = write_plan(tmp_path / f"c{year}.toml", body, code=f"c-{year}")
        path.write_text(path.read_text(encoding="utf-8").replace("year = 2023", f"year = {year}"), encoding="utf-8")
        done(cli("import", "plan", str(path)))


def test_units_with_nothing_due_yet_are_not_in_the_weekly_silent_list(cli, tmp_path):
    two_years(cli, tmp_path)
    done(cli("log", "c-2023/1", "100", "--as-of", "2023-12-31"))
    units = cli("units", "-p", "c-2024", "--as-of", "2024-01-10", "-f", "json")
    done(units)
    assert {unit["unit"]: unit["not_due"] for unit in json.loads(units.stdout)} == {"甲局": 1, "乙局": 1}  # nothing due
    weekly = cli("report", "weekly", "--as-of", "2024-01-10", "-f", "json")
    done(weekly)
    silent = json.loads(weekly.stdout)["silent_units"]
    assert [unit["unit"] for unit in silent] == ["乙局"], silent  # c-2023's 乙局, due and silent; c-2024's owe nothing
    done(cli("log", "c-2024/2", "1", "--as-of", "2024-01-05"))  # c-2024's reporting has begun: its silent units count
    again = json.loads(cli("report", "weekly", "--as-of", "2024-01-10", "-f", "json").stdout)["silent_units"]
    assert [unit["unit"] for unit in again] == ["甲局"], again  # 甲局's c-2024 task, no report; 乙局 reported

# --- 16: NO_COLOR at a terminal: no styling escapes at all -------------------------------------------------------------

@pytest.mark.parametrize(("no_color", "escapes"), [("1", False), (None, True)])
def test_no_color_at_a_terminal_writes_no_bold_italic_or_dim(monkeypatch, no_color, escapes):
    import io

    from rich.table import Table

    from mstrack.cli.printing import safe_console

    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.delenv("TERM", raising=False)
    table = Table(title="进度", title_style="italic", header_style="bold")
    table.add_column("任务")
    table.add_row("1", style="dim")
    out = io.StringIO()
    safe_console(file=out, force_terminal=True, width=60).print(table)
    assert ("\x1b[" in out.getvalue()) is escapes, repr(out.getvalue())
    assert "任务" in out.getvalue()


# --- 17: --lang after the command ---------------------------------------------------------------------------------

def test_a_global_option_after_the_command_is_said_where_it_goes(cli, tmp_path):
    _programme(cli, tmp_path)
    result = cli("status", "--lang", "zh")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "No such option: --lang; it is a global option: put it before the command (mstrack --lang … status)" \
        in result.stderr, result.stderr
    zh = cli("--lang", "zh", "report", "weekly", "--db", "x.db")
    assert zh.exit_code == 2 and "它是全局选项，请放在命令之前（mstrack --db … report weekly）" in zh.stderr, zh.stderr
    other = cli("status", "--langs", "zh")
    assert other.exit_code == 2 and "global option" not in other.stderr
