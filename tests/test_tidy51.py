"""tidy51 #3: `log` refusing a day outside its programme's window names the programme whose year the day is in, by the
words and the store read (Store.programmes_of_year) `log` and `import progress` name it with for a lowered year-end."""

from .conftest import done, refused, reports_stored
from .test_fix51a import _plan


def _both_years(cli, tmp_path) -> None:
    done(cli("import", "plan", str(_plan(tmp_path))))
    done(cli("import", "plan", str(_plan(tmp_path, year=2026, name="p26.toml"))))


def test_log_outside_the_window_names_the_programme_of_that_year(cli, tmp_path):
    _both_years(cli, tmp_path)
    result = cli("--lang", "en", "log", "c-2026/6", "5", "--as-of", "2025-12-31")
    said = refused(result, "--as-of 2025-12-31: outside the programme's year 2026 (or the January after)",
                   "2025-12-31 is in the year of c-2025: log its figures under c-2025")
    assert isinstance(result.exception, SystemExit) and "Traceback" not in said
    refused(cli("--lang", "zh", "log", "c-2026/6", "5", "--as-of", "2025-12-31"),
            "2025-12-31 属于 c-2025 的年度：请在 c-2025 下登记这些数据")
    assert reports_stored(cli) == []  # nothing written
    done(cli("log", "c-2025/6", "5", "--as-of", "2025-12-31"))  # under the programme it names, stored
    assert reports_stored(cli) == [("充电桩", "2025-12-31", 5)]


def test_log_outside_the_window_with_no_programme_of_that_year_says_the_window_alone(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, year=2026, name="p26.toml"))))
    said = refused(cli("--lang", "en", "log", "c-2026/6", "5", "--as-of", "2025-12-31"),
                   "--as-of 2025-12-31: outside the programme's year 2026 (or the January after)")
    assert "is in the year of" not in said
    assert reports_stored(cli) == []
