"""input53 (trial53 #6, 7, 8, 10, 11, 13): what a coordinator types. A two-digit year first is year-month-day
("23-6-30"), a reading far from the programme's year refused, never another decade; the date words offices use; task
and programme codes read ignoring full-width forms and case, with "did you mean" for a code, a choice and an option
typed wrong; a hidden sheet said hidden; one refusal of many rows said once with the rows."""

from datetime import date
from pathlib import Path

import pytest

from mstrack.domain.dates import DateError, parse_date
from mstrack.domain.names import close_to, typed_code

from .conftest import Cli, done, refused, write_plan
from .test_safe28a import book

PLAN = ('[[tasks]]\ncode = "1"\ntitle = "道路"\n[[tasks.lines]]\nlead_units = ["市交通局"]\n'
        '[[tasks.lines.indicators]]\nname = "新建道路"\nunit = "条"\ntarget = 10\n'
        '[[tasks]]\ncode = "12"\ntitle = "学校"\n[[tasks.lines]]\nlead_units = ["市教育局"]\n'
        '[[tasks.lines.indicators]]\nname = "新建学校"\nunit = "所"\ntarget = 10\n')
HEADER = "计划,任务编号,指标,截至日期,数值"


@pytest.fixture
def office(cli: Cli, tmp_path) -> Cli:
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", PLAN))))
    return cli


def reports(cli: Cli) -> list[tuple]:
    return [(code, str(as_of)[:10], value) for code, as_of, value in cli.sql(
        "SELECT t.code, r.as_of, r.value FROM report r JOIN indicator i ON i.id = r.indicator_id "
        "JOIN task_line l ON l.id = i.line_id JOIN task t ON t.id = l.task_id ORDER BY r.as_of, t.code")]


def csv(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


# --- 1. a two-digit year first; date words ----------------------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("23-6-30", date(2023, 6, 30)), ("23-3-5", date(2023, 3, 5)), ("23/6/15", date(2023, 6, 15)),
    ("23.6.30", date(2023, 6, 30)), ("12/31/23", date(2023, 12, 31)),  # no month 31: the Western reading
    ("2023年6月30号", date(2023, 6, 30)), ("23年6月30日", date(2023, 6, 30)), ("二〇二三年六月三十日", date(2023, 6, 30)),
    ("二〇二三年十二月", date(2023, 12, 31)), ("上半年", date(2023, 6, 30)), ("年底", date(2023, 12, 31)),
    ("2023年底", date(2023, 12, 31)), ("2023年上半年", date(2023, 6, 30)), ("6月30号", date(2023, 6, 30)),
    ("6.30", date(2023, 6, 30)), ("第二季度", date(2023, 6, 30)), ("20230630", date(2023, 6, 30)),
])
def test_dates_as_offices_type_them(text, day):
    assert parse_date(text, 2023) == day


@pytest.mark.parametrize(("text", "said"), [
    ("15/6/23", "reads as 2015-06-23 / 2023-06-15"),  # year first (far), or day first: a doubt, said
    ("30-6-23", "reads as 2030-06-23 / 2023-06-30"),
    ("99-1-1", "reads as 2099-01-01"),
])
def test_a_two_digit_year_far_from_the_programmes_is_refused_naming_the_readings(text, said):
    with pytest.raises(DateError) as error:
        parse_date(text, 2023)
    assert said in str(error.value) and "write the year in four digits" in str(error.value)


def test_status_as_of_a_two_digit_year_is_that_year(office):
    result = office("status", "--as-of", "23-6-30")
    done(result)
    assert "as of 2023-06-30" in result.stdout and "2030" not in result.stdout


def test_log_as_of_a_two_digit_year_writes_that_day_and_a_far_one_writes_nothing(office):
    done(office("log", "x-2023/1", "3", "--as-of", "23-3-5"))
    assert reports(office) == [("1", "2023-03-05", 3)]
    refused(office("log", "x-2023/1", "4", "--as-of", "15-3-5"), "--as-of: '15-3-5' reads as 2015-03-05 / 2005-03-15",
            "write the year in four digits")
    refused(office("log", "x-2023/1", "4", "--as-of", "上旬"), "is not a date mstrack can read")
    assert reports(office) == [("1", "2023-03-05", 3)]


def test_a_return_dated_in_words_and_two_digit_years_is_read(office, tmp_path):
    path = csv(tmp_path / "r.csv", "x-2023,1,新建道路,23-7-31,3", "x-2023,12,新建学校,2023年8月31号,4",
               "x-2023,1,新建道路,二〇二三年九月三十日,5")
    done(office("import", "progress", str(path)))
    assert reports(office) == [("1", "2023-07-31", 3), ("12", "2023-08-31", 4), ("1", "2023-09-30", 5)]


def test_a_return_row_dated_far_from_its_year_writes_nothing(office, tmp_path):
    path = csv(tmp_path / "r.csv", "x-2023,1,新建道路,23-7-31,3", "x-2023,1,新建道路,33-7-31,4")
    refused(office("import", "progress", str(path)), f"{path}:3:", "'33-7-31' reads as 2033-07-31")
    assert reports(office) == []


# --- 3. codes as typed ---------------------------------------------------------------------------

def test_codes_are_read_ignoring_full_width_forms_and_case():
    assert typed_code("５", ["1", "5", "12"]) == "5"
    assert typed_code("SHENZHEN-2023", ["shenzhen-2023", "x"]) == "shenzhen-2023"
    assert typed_code("a1", ["A1", "a1"]) == "a1"  # the code as typed first
    assert typed_code("A1", ["a1", "b1"]) == "a1"
    assert typed_code("b1", ["B1", "b１"]) is None  # two read alike: the refusal names them


@pytest.mark.parametrize("ref", ["X-2023/１２", "x-2023／12", "ｘ-2023/12"])
def test_a_task_reference_in_full_width_or_upper_case_is_the_task(office, ref):
    logged = office("log", ref, "2", "--as-of", "2023-05-31")
    done(logged)
    assert logged.stdout.startswith("x-2023/12 新建学校: 2所 as of 2023-05-31"), logged.stdout  # as the store holds it
    assert reports(office) == [("12", "2023-05-31", 2)]
    shown = office("show", ref)
    done(shown)
    assert "x-2023/12" in shown.stdout
    history = office("history", ref)
    done(history)
    assert history.stdout.lstrip().startswith("x-2023/12: reports"), history.stdout


def test_a_return_with_full_width_and_upper_case_codes_is_read(office, tmp_path):
    path = csv(tmp_path / "r.csv", "X-2023,１,新建道路,2023-07-31,3", "ｘ-2023,１２,新建学校,2023-07-31,4")
    done(office("import", "progress", str(path)))
    assert reports(office) == [("1", "2023-07-31", 3), ("12", "2023-07-31", 4)]


def test_a_mistyped_code_gets_a_did_you_mean_and_writes_nothing(office, tmp_path):
    refused(office("log", "x-2023/l2", "2"), "x-2023 has no task 'l2'; did you mean: 12")
    refused(office("show", "X-2O23/1"), "no programme 'X-2O23'; did you mean: x-2023")
    refused(office("status", "-p", "X-2O23"), "no programme 'X-2O23'; did you mean: x-2023")  # -p X-2023 is x-2023 (input55)
    refused(office("status", "-p", "x-2024"), "no programme 'x-2024'; known: x-2023")  # another year: no typo
    path = csv(tmp_path / "r.csv", "x-2023,1,新建道路,2023-07-31,3", "x-2023,l2,新建学校,2023-07-31,4")
    refused(office("import", "progress", str(path)), f"{path}:3:任务编号: x-2023 has no task 'l2'; did you mean: 12")
    assert reports(office) == []


def test_close_to_reads_look_alike_letters_case_and_spelling():
    assert close_to("l2", ["1", "2", "12"]) == ["12"]
    assert close_to("behnd", ["behind", "no_report", "overdue"]) == ["behind"]
    assert close_to("shenzen-2023", ["shenzhen-2023", "x-2023"], same_numbers=True) == ["shenzhen-2023"]
    assert close_to("nowhere-2023", ["shenzhen-2023"], same_numbers=True) == []
    assert close_to("9", ["1", "2"]) == [] and close_to("x", []) == []
    assert close_to("45", [str(n) for n in range(1, 41)]) == []  # a number is no typo of 4, 5, 14 …
    assert close_to("1O", [str(n) for n in range(1, 41)]) == ["10"]


# --- 4. a hidden sheet ---------------------------------------------------------------------------

def test_two_sheets_with_figures_one_hidden_say_which_is_hidden(office, tmp_path):
    header = HEADER.split(",")
    form = book(tmp_path / "r.xlsx", {"报送": [header, ["x-2023", "1", "新建道路", "2023-07-31", 3]],
                                      "旧数据": [header, ["x-2023", "1", "新建道路", "2023-06-30", 2]]},
                hidden={"旧数据": "hidden"})
    result = office("import", "progress", str(form))
    refused(result, "'旧数据' is hidden (Excel shows no tab for it", "--sheet 报送 for the visible one")
    assert reports(office) == []
    zh = office("--lang", "zh", "import", "progress", str(form))
    refused(zh, "其中 '旧数据' 是隐藏的", "如 --sheet 报送 读可见的那张")
    done(office("import", "progress", str(form), "--sheet", "报送"))
    assert reports(office) == [("1", "2023-07-31", 3)]


# --- 5. typing mistakes ----------------------------------------------------------------------------

def test_an_option_typed_with_one_dash_suggests_the_long_one(office):
    result = office("status", "-as-of", "2023-07-01")
    assert result.exit_code == 2 and "No such option: -a (Possible options: --as-of)" in result.stderr, result.stderr
    zh = office("--lang", "zh", "status", "-as-of", "2023-07-01")
    assert zh.exit_code == 2 and "没有这个选项：-a（是否想用：--as-of）" in zh.stderr, zh.stderr


def test_a_choice_typed_wrong_suggests_the_one_meant(office):
    result = office("status", "--only", "behnd")
    assert result.exit_code == 2 and "is not one of" in result.stderr and "Did you mean: behind?" in result.stderr
    zh = office("--lang", "zh", "status", "--only", "behnd")
    assert zh.exit_code == 2 and "是否想用：behind？" in zh.stderr, zh.stderr
    refused(office("status", "--rule", "stpe"), "--rule 'stpe': expected one of step, pro-rata; did you mean: step")


# --- 6. one refusal of many rows ----------------------------------------------------------------------

def test_a_wrong_programme_code_on_five_rows_is_said_once(office, tmp_path):
    path = csv(tmp_path / "w30.csv", *(f"x-2022,1,新建道路,2023-0{m}-28,{m}" for m in range(3, 8)))
    said = refused(office("import", "progress", str(path)), f"{path}:2-6:计划: no programme 'x-2022'", "(5 rows)",
                   "5 problems; nothing was written")
    assert said.count("no programme") == 1
    zh = refused(office("--lang", "zh", "import", "progress", str(path)), "（共 5 行）")
    assert zh.count("没有计划") == 1
    every = refused(office("import", "progress", str(path), "--verbose"))
    assert every.count("no programme 'x-2022'") == 5
    assert reports(office) == []
