"""The review of the seventeenth session's merges (review51), its findings fixed: a span's end in the next year, a span
that runs back no span, numbers joined by a dash no years, a dotted number no date."""

from __future__ import annotations

import tomllib

from .conftest import import_table


def test_import_table_dates_a_winters_span_in_the_next_year(tmp_path):
    """F1: "2023年12月17日至1月15日" in a 2024 programme is due 2024-01-15 (it was written 2023-01-15, no doubt)."""
    source = tmp_path / "w.csv"
    source.write_text("序号,工作任务,具体内容,责任单位,完成时限\n1,冬春水利,新建塘坝3座,市水利局,2023年12月17日至1月15日\n",
                      encoding="utf-8")
    result, out = import_table(source, programme="t-2024")
    assert result.exit_code == 0, (result.output, result.exception)
    task = tomllib.loads(out.read_text(encoding="utf-8"))["tasks"][0]
    assert task["deadline"] == "2024-01-15"
    assert task["deadline_text"] == "2023年12月17日至1月15日"
