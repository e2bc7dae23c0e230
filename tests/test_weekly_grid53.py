"""perf53: a weekly report prints the same bytes as before its cuts (each indicator judged once at --as-of, the grid's
cells measured once and wrapped only when wider than their column, wrap() keeping its width, a line printed as one
segment), on a generated province's store: at 60, 80 and 120 columns, styled or not, and in every file format. The
code as it was is bench/weekly_report.py's `before()`, the benchmark's reference too."""

from __future__ import annotations

import io
import zipfile

import pytest
from rich.cells import cell_len
from rich.console import Console

from mstrack.render.grid import PlainTable, fit_line
from mstrack.render.lines import wrap
from mstrack.render.report import weekly_view
from mstrack.reports.make import make_report
from mstrack.store import Store

from .benches import bench_module
from .conftest import Cli

BENCH = bench_module("weekly_report")
FORMATS = ("md", "html", "csv", "json", "xlsx")


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """300 tasks of the province's plan with 20 weekly reports each (notes, reporters), imported by mstrack."""
    folder = tmp_path_factory.mktemp("province53")
    meta = BENCH.generate_province(folder / "data", tasks=300, per_task=20, import_rows=0)
    cli = Cli(folder / "store.db")
    for args in (["import", "plan", *meta["plans"]], ["import", "progress", meta["progress_all_csv"]]):
        result = cli(*args)
        assert result.exit_code == 0, result.output
    return cli


def _printed(cli, tmp_path, lang: str, rule: str | None) -> dict[str, bytes]:
    """The weekly report as printed at 60, 80 and 120 columns, and written in every format."""
    found = {}
    more = ["--rule", rule] if rule else []
    for columns in (60, 80, 120):
        result = cli("--lang", lang, "report", "weekly", "--as-of", BENCH.ON, *more, env={"COLUMNS": str(columns)})
        assert result.exit_code == 0, result.output
        found[f"table {columns}"] = result.output.encode()
    for fmt in FORMATS:
        path = tmp_path / f"weekly.{fmt}"
        result = cli("--lang", lang, "report", "weekly", "--as-of", BENCH.ON, *more, "--format", fmt, "-o", str(path))
        assert result.exit_code == 0, result.output
        if fmt == "xlsx":  # every part but the file's creation time
            with zipfile.ZipFile(path) as book:
                found |= {f"xlsx {name}": book.read(name) for name in book.namelist() if name != "docProps/core.xml"}
        else:
            found[fmt] = path.read_bytes()
    return found


@pytest.mark.parametrize(("lang", "rule"), [("zh", None), ("en", "pro-rata")])
def test_the_weekly_report_prints_as_before(province, tmp_path, lang, rule):
    after = _printed(province, tmp_path, lang, rule)
    with BENCH.before():
        before = _printed(province, tmp_path, lang, rule)
    assert after.keys() == before.keys()
    for name in before:
        assert after[name] == before[name], name
    table = after["table 80"].decode()
    # a long table, folded (its behind list cut at 30 rows on the terminal since trial57 F11, as 变化 is)
    assert len(table.splitlines()) > 100 and max(map(cell_len, table.splitlines())) <= 80


def test_the_weekly_table_is_styled_as_before(province):
    """The same escape codes: each line a segment with its style, as Rich made of each line's Text."""
    report = make_report(Store(province.url), {"kind": "weekly", "programmes": [], "as_of": BENCH.ON,
                                              "since": "2023-06-30", "rule": None, "stale": 14})
    assert report.behind and report.new_reports

    def styled(width: int, colours: str | None) -> str:
        out = io.StringIO()
        Console(file=out, width=width, force_terminal=colours is not None, color_system=colours).print(weekly_view(report, "zh"))
        return out.getvalue()

    for width in (60, 80, 120):
        for colours in ("truecolor", "standard", None):
            after = styled(width, colours)
            with BENCH.before():
                before = styled(width, colours)
            assert after == before, (width, colours)
            assert ("\x1b[" in after) == (colours is not None)


CELLS = ["", "短", "市卫生健康委员会报送：主体施工推进有序推进，完成进度的百分之六十", "　全角空格开头", " 空格开头", "a  b",
         "yantian-2023/19 新建 社区 养老 服务 中心", "第一行\n第二行", "tab\there", "👨‍👩‍👧 家庭", "❤️ 心", "\x1b[2J控制",
         "（括号）。，、", "1,234.5", "x" * 70]


@pytest.mark.parametrize("width", [1, 2, 5, 8, 13, 24, 60])
def test_wrap_as_before(width):
    for cell in CELLS:
        for codes_whole in (False, True):
            assert wrap(cell, width, codes_whole) == BENCH.old_wrap(cell, width, codes_whole), (cell, width)


@pytest.mark.parametrize("width", [20, 40, 60, 80, 120])
def test_a_table_of_odd_cells_prints_as_before(width):
    """Cells that fit and do not: indented, spaced, joined emoji (widths not their parts'), tabs, control codes."""
    from mstrack.render.grid import Column

    table = PlainTable([Column("任务"), Column("说明", fold=True, drop=1), Column("数", justify="right"),
                        Column("文件", middle=True)], title="表")
    for n, cell in enumerate(CELLS):
        table.add_row(str(n), cell, str(n * 1000), f"folder/{cell}.xlsx", style="bold" if n % 2 else "")
    after = list(table.lines(width))
    assert after == list(BENCH.old_lines(table, width))
    assert all(fit_line(line, width) == line for line, _ in after)
    for colours in ("standard", None):
        printed = []
        for way in (None, BENCH.before):
            out = io.StringIO()
            console = Console(file=out, width=width, force_terminal=colours is not None, color_system=colours)
            if way is None:
                console.print(table)
            else:
                with way():
                    console.print(table)
            printed.append(out.getvalue())
        assert printed[0] == printed[1], colours
