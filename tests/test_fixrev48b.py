"""fixrev48b: review48 F4 — `report diff` of a report frozen by an older mstrack, whose JSON lacked a key added since
(reporting_unit, ret48), said it changed ("null → 福田区", exit 1) though nothing did; F5 — a correction by another
unit (accepted with --reason) took the first unit's 备注 as its own."""

from __future__ import annotations

import json

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from .conftest import done
from .test_ret48b import plan, standing


def as_an_older_mstrack_froze_it(url: str, key: str) -> None:
    """Every frozen report's JSON without `key` anywhere: as a version before the key was added wrote it."""

    def without(value):
        if isinstance(value, dict):
            return {k: without(v) for k, v in value.items() if k != key}
        return [without(v) for v in value] if isinstance(value, list) else value

    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        rows = connection.exec_driver_sql("SELECT id, content FROM report_snapshot").fetchall()
        for number, content in rows:
            connection.exec_driver_sql("UPDATE report_snapshot SET content = %(c)s WHERE id = %(i)s" if "postgresql" in url
                                       else "UPDATE report_snapshot SET content = :c WHERE id = :i",
                                       {"c": json.dumps(without(json.loads(content)), ensure_ascii=False), "i": number})
    engine.dispose()


def frozen_weekly(cli, tmp_path) -> None:
    done(cli("import", "plan", plan(tmp_path)))
    done(cli("log", "x-2023/1", "300", "--as-of", "2023-06-30", "--unit", "福田区", "--by", "张三"))
    done(cli("report", "weekly", "--as-of", "2023-07-05", "--since", "2023-06-20", "--format", "json", "--freeze"))
    assert '"福田区"' in cli.sql("SELECT content FROM report_snapshot")[0][0]
    as_an_older_mstrack_froze_it(cli.url, "reporting_unit")
    assert "reporting_unit" not in cli.sql("SELECT content FROM report_snapshot")[0][0]


def test_a_key_added_since_the_report_was_frozen_is_no_change(cli, tmp_path):
    frozen_weekly(cli, tmp_path)
    result = cli("report", "diff")
    assert result.exit_code == 0, result.output
    assert "0 changes since it was sent" in result.output
    assert "reporting_unit" not in result.output
    result = cli("report", "diff", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output)["changes"] == [], result.output


def test_a_real_change_of_such_a_report_is_still_said(cli, tmp_path):
    frozen_weekly(cli, tmp_path)
    done(cli("log", "x-2023/1", "320", "--as-of", "2023-06-30", "--unit", "福田区", "--by", "张三"))
    result = cli("report", "diff")
    assert result.exit_code == 1, result.output
    assert "300个 → 320个" in result.output
    assert "reporting_unit" not in result.output


def test_a_tally_word_new_since_the_report_was_frozen_is_a_change():
    """A tally (word → how many, as a table report's assessments) lists only the words met: a word absent from the
    frozen one was counted 0 then, not added by a later version."""
    from mstrack.reports.diff import diff

    sent = {"summary": {"tasks": 2, "assessments": {"较好": 2}}, "areas": []}
    now = {"summary": {"tasks": 2, "assessments": {"较好": 1, "一般": 1}}, "areas": []}
    assert [(c.path, c.sent, c.now) for c in diff(sent, now)] == [
        ("summary.assessments.较好", 2, 1), ("summary.assessments.一般", 0, 1)]
    assert diff({"summary": {"assessments": {}}}, {"summary": {"assessments": {"一般": 1}}})[0].now == 1
    assert diff({"rows": [{"task": "1", "value": 3}]}, {"rows": [{"task": "1", "value": 3, "reporting_unit": "福田区"}]}) == []


# F5 ------------------------------------------------------------------------------------------------------------------

def unit_return(tmp_path, name: str, unit: str, value: int, reporter: str, note: str | None = None) -> str:
    path = tmp_path / name
    header, row = "计划,任务编号,截至日期,数值,填报人", f"x-2023,1,2023-06-30,{value},{reporter}"
    if note is not None:
        header, row = f"{header},备注", f"{row},{note}"
    path.write_text(f"填报单位：{unit}\n{header}\n{row}\n", encoding="utf-8")
    return str(path)


def test_another_units_correction_by_reason_does_not_take_the_first_units_note(cli, tmp_path):
    done(cli("import", "plan", plan(tmp_path)))
    done(cli("import", "progress", unit_return(tmp_path, "f.csv", "福田区", 300, "张三", "福田区拆迁未完成")))
    result = cli("import", "progress", unit_return(tmp_path, "n.csv", "南山区", 500, "李四"), "--reason", "南山区的数据为准")
    done(result)
    assert standing(cli) == [(500, None)]  # 福田区's words are not 南山区's
    assert "corrected: " in result.output and "note kept" not in result.output, result.output


def test_the_same_units_v2_keeps_its_note_and_says_so(cli, tmp_path):
    done(cli("import", "plan", plan(tmp_path)))
    done(cli("import", "progress", unit_return(tmp_path, "f.csv", "福田区", 300, "张三", "福田区拆迁未完成")))
    result = cli("import", "progress", unit_return(tmp_path, "f2.csv", "福田区", 320, "张三"))
    done(result)
    assert standing(cli) == [(320, "福田区拆迁未完成")]
    assert "300个 → 320个 (note kept: 福田区拆迁未完成)" in result.output, result.output
    done(cli("import", "progress", unit_return(tmp_path, "f3.csv", "福田区", 330, "张三")))
    result = cli("--lang", "zh", "import", "progress", unit_return(tmp_path, "f4.csv", "福田区", 340, "张三"))
    done(result)
    assert "330个 → 340个（保留原备注：福田区拆迁未完成）" in result.output, result.output
    assert standing(cli) == [(340, "福田区拆迁未完成")]


def test_a_note_given_by_the_correction_is_not_said_kept(cli, tmp_path):
    done(cli("import", "plan", plan(tmp_path)))
    done(cli("import", "progress", unit_return(tmp_path, "f.csv", "福田区", 300, "张三", "福田区拆迁未完成")))
    result = cli("import", "progress", unit_return(tmp_path, "f2.csv", "福田区", 320, "张三", "拆迁已完成"))
    done(result)
    assert standing(cli) == [(320, "拆迁已完成")]
    assert "300个 → 320个" in result.output and "note kept" not in result.output, result.output


def test_a_log_of_another_unit_by_reason_does_not_take_the_first_units_note(cli, tmp_path):
    """`log --unit` follows the same rule (domain.progress.kept_note): another unit's words stay with its report."""
    done(cli("import", "plan", plan(tmp_path)))
    done(cli("log", "x-2023/1", "300", "--as-of", "2023-06-30", "--unit", "福田区", "--by", "张三", "--note", "福田区拆迁未完成"))
    done(cli("log", "x-2023/1", "500", "--as-of", "2023-06-30", "--unit", "南山区", "--by", "李四", "--reason", "核实"))
    assert standing(cli) == [(500, None)]
    done(cli("log", "x-2023/1", "520", "--as-of", "2023-06-30", "--unit", "南山区", "--by", "李四", "--note", "南山区已开工"))
    done(cli("log", "x-2023/1", "530", "--as-of", "2023-06-30", "--unit", "南山区", "--by", "李四"))  # its own: kept
    assert standing(cli) == [(530, "南山区已开工")]
    done(cli("log", "x-2023/1", "540", "--as-of", "2023-06-30", "--reason", "电话核实"))  # the office's: kept (safety47 F3)
    assert standing(cli) == [(540, "南山区已开工")]


def test_another_units_log_of_the_same_value_is_still_unchanged(cli, tmp_path):
    done(cli("import", "plan", plan(tmp_path)))
    done(cli("log", "x-2023/1", "300", "--as-of", "2023-06-30", "--unit", "福田区", "--by", "张三", "--note", "福田区拆迁未完成"))
    result = cli("log", "x-2023/1", "300", "--as-of", "2023-06-30", "--unit", "南山区", "--by", "李四")
    done(result)
    assert "unchanged" in result.output and standing(cli) == [(300, "福田区拆迁未完成")], result.output
