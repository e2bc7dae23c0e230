"""perf52: the docx tables' rows of data are copies of one empty row made through python-docx, not made cell by
cell through it. The copies must give the same XML python-docx gives for every row, whatever the text holds."""

from __future__ import annotations

import pytest

pytest.importorskip("docx")

from lxml import etree  # noqa: E402

from mstrack.render import docx as render_docx  # noqa: E402

from .benches import bench_module

VALUES = [
    ["1、优化医疗健康服务供给", "1.新建社区养老服务中心50个", "第一行\n第二行\n第三行", "", "市卫生健康委\n市民政局", "2023.12"],
    [" 前有空格", "后有空格 ", "　全角空格", "a\tb\t", "\t", "\n"],
    ["<b>&amp;</b>", "\x1b[2J控制字符", "\n\n", "x\n", "\ny", "1\t2\n 3 "],
]
WIDTHS = (11, 19, 32, 22, 9, 7)


_by_python_docx = bench_module("report_docx").by_python_docx


@pytest.mark.parametrize("rows", [VALUES, VALUES[:1], []])
def test_copied_rows_are_python_docx_rows(rows):
    header = ["项目名称", "项目内容", "进展", "目标", "责任单位", "时限"]
    fast = render_docx._table(render_docx._document(True, "zh"), header, rows, WIDTHS, 9)
    slow = _by_python_docx(render_docx._document(True, "zh"), header, rows, WIDTHS, 9)
    made = etree.tostring(fast._tbl, encoding="unicode")
    expected = etree.tostring(slow._tbl, encoding="unicode")
    assert made == expected
    assert len(fast.rows) == 1 + len(rows)
    assert made.count("<w:cantSplit") == len(rows)


def test_a_copied_row_keeps_tabs_spaces_and_breaks():
    table = render_docx._table(render_docx._document(True, "zh"), ["a", "b"], [[" x\ty ", "p\nq"]], (50, 50), 9)
    made = etree.tostring(table._tbl, encoding="unicode")
    assert '<w:t xml:space="preserve"> x</w:t><w:tab/><w:t xml:space="preserve">y </w:t>' in made
    assert "<w:t>p</w:t><w:br/></w:r><w:r>" in made
    assert made.count("<w:tblHeader") == 1
