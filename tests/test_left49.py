"""left49: what an office meets in its first weeks. A 填报人 cell of a byte-order mark, zero-width or full-width
spaces alone gave a reporter ("\\ufeff"); `import plan --dry-run` on no store yet previews it in a throw-away store;
a store made is named by its absolute path; a return form's title date (截至2026年5月31日) is read; `show` names
the reporting unit beside the reporter."""

from __future__ import annotations

import pytest

from mstrack.sources.progress_cells import reporter_given

from .conftest import done, refused
from .test_ret48c import collective, csv_return, xlsx_return

# --- 3: a 填报人 of invisible characters alone gives no reporter ---------------------------------------------------

BLANKS = ["\ufeff", "\u200b", "\u3000\u200b", " \ufeff\u3000", "\u2060"]


@pytest.mark.parametrize("cell", BLANKS)
def test_a_reporter_cell_of_invisible_characters_alone_gives_no_reporter(cell):
    assert reporter_given(cell) is False
    assert reporter_given("\ufeff张三") is True


@pytest.mark.parametrize("kind, value", [("csv", "200"), ("csv", "200（区报）"), ("xlsx", 200), ("xlsx", "200（区报）")])
@pytest.mark.parametrize("who", ["\ufeff", "\u200b\u3000"])
def test_both_row_paths_take_an_invisible_reporter_cell_for_a_blank_one(cli, tmp_path, kind, value, who):
    done(cli("import", "plan", collective(tmp_path)))
    done(cli("import", "progress", csv_return(tmp_path / "f.csv", "300", "张三")))
    path = (csv_return if kind == "csv" else xlsx_return)(tmp_path / f"n.{kind}", value, who)
    said = refused(cli("import", "progress", path), "n." + kind + ":3", "300", "张三", "--reason")
    assert "by —" in said


@pytest.mark.parametrize("kind, value", [("csv", "200"), ("csv", "200（区报）"), ("xlsx", 200)])
def test_an_invisible_reporter_cell_stores_the_by_reporter(cli, tmp_path, kind, value):
    done(cli("import", "plan", collective(tmp_path)))
    path = (csv_return if kind == "csv" else xlsx_return)(tmp_path / f"n.{kind}", value, "\ufeff\u200b")
    done(cli("import", "progress", path, "--by", "王五"))
    assert cli.sql("SELECT reporter FROM report") == [("王五",)]
