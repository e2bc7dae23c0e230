"""review48 F3: the runs of "(一)" items of a long document are found in one pass's work, not one whole reading per
run: a 文件汇编 of 200 short parts (each "一、…" over three "(一)" items doing no work and a closing line) took minutes,
each run recomputing the measures and the readings of every row of the document. Counted by calls, not by time."""

from __future__ import annotations

from mstrack.sources.table import list_bracketed
from mstrack.sources.table.reading import read_sheets

NUMS = "一二三四五六七八九十"


def compilation(tmp_path, parts: int):
    lines = ["某某资料汇编"]
    for p in range(parts):
        lines += [f"{NUMS[p % 10]}、第{p + 1}部分说明", *(f"（{NUMS[k]}）本部分第{k + 1}条说明文字。" for k in range(3)),
                  "以上为本部分内容。"]
    path = tmp_path / "doc.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_sheets(path, None, None)[0].rows


def test_the_runs_of_a_long_document_read_each_row_once(tmp_path, monkeypatch):
    rows = compilation(tmp_path, 200)
    calls = {"measures": 0, "bracketed": 0}
    measures, bracketed = list_bracketed.item_measures, list_bracketed._bracketed

    def count(name, function):
        def counted(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return counted

    monkeypatch.setattr(list_bracketed, "item_measures", count("measures", measures))
    monkeypatch.setattr(list_bracketed, "_bracketed", count("bracketed", bracketed))
    runs = list(list_bracketed.bracketed_runs(rows))
    assert len(runs) == 200  # every part's run found, as before
    assert calls["measures"] <= 2
    assert calls["bracketed"] <= 3 * len(rows)
