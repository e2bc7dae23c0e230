"""review47's findings fixed (fixrev47b): a number format's text read only in the value column (F6), a notice's
requirements kept out of its task table (F5), a checkpoint's text tidied where a dated clause is taken out (F8)."""

import pytest

from .conftest import done, plan_task, plan_tasks, reports_stored, write_plan
from .test_safe47a import H, _sheet


def _plan(cli, tmp_path):
    tasks = (plan_task("1", "新建学校", "县教育局", "学校", "所", 30), plan_task("2", "完成投资", "县住建局", "投资", "万元", 50000))
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan_tasks(*tasks)))))


# --- F6. a number format's text in a code or date column ---------------------------------------------------------

@pytest.mark.parametrize("code", ['"第"0"项"', '0"号"', '0"项"'])
def test_a_task_code_whose_format_prints_text_is_read_as_its_number(cli, tmp_path, code):
    _plan(cli, tmp_path)
    rows = [H, ["x-2023", 1, "学校", "2023-05-31", 12, None], ["x-2023", 2, "投资", "2023-05-31", 1.5, None]]
    path = _sheet(tmp_path / "r.xlsx", rows, {(2, 2): code, (3, 2): code, (3, 5): '0.0"亿元"'})
    done(cli("import", "progress", str(path)))
    assert reports_stored(cli) == [("学校", "2023-05-31", 12), ("投资", "2023-05-31", 15000)]


def test_a_date_number_whose_format_prints_text_is_read_as_its_number(cli, tmp_path):
    _plan(cli, tmp_path)
    path = _sheet(tmp_path / "r.xlsx", [H, ["x-2023", "1", "学校", 20230531, 12, None]], {(2, 4): '0"止"'})
    done(cli("import", "progress", str(path)))
    assert reports_stored(cli) == [("学校", "2023-05-31", 12)]

