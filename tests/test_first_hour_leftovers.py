"""The first hour's leftovers (fixes10): what newcomers met in their first runs, each as they ran it."""

from pathlib import Path

import pytest

from mstrack.errors import Message
from mstrack.sources.files import said_in_lines

HEADER = "序号\t工作任务\t完成时限\t牵头单位\n"


@pytest.mark.parametrize(("suffix", "word"), [(".txt", "line"), (".csv", "row"), (".tsv", "row")])
def test_a_text_files_places_are_lines_and_a_sheets_are_rows(cli, tmp_path, suffix, word):
    """A .txt seed's check said "row 85" where its editor shows line 85: a text file's places are lines
    (the row's number is the line it starts on); a CSV's or TSV's stay rows, as a spreadsheet shows them."""
    separator = "," if suffix == ".csv" else "\t"
    table = tmp_path / f"plan{suffix}"
    table.write_text(("通知\n\n" + HEADER + "1\t新建公园 30 个\t2023年12月底\t市城管局\n\t建设学校 5 所\t2023年12月底\t市教育局\n")
                     .replace("\t", separator), encoding="utf-8")
    result = cli("import", "table", str(table), "-p", "x-2023", "--year", "2023", "-o", str(tmp_path / "x.toml"))
    assert result.exit_code == 0, result.output
    assert f"check: plan{suffix}: {word} 5, column 工作任务: a row without 序号" in result.stderr
    empty = tmp_path / f"empty{suffix}"
    empty.write_text(("通知\n\n" + HEADER).replace("\t", separator), encoding="utf-8")
    for lang, said in (("en", f"empty{suffix}: {word} 3: a header but no task rows below it"), ("zh", "第 3 行：有表头")):
        result = cli("--lang", lang, "import", "table", str(empty), "-p", "x-2023", "--year", "2023", "-o", str(tmp_path / "y.toml"))
        assert result.exit_code == 2 and said in result.stderr, result.stderr
        assert not (tmp_path / "y.toml").exists()


def test_a_place_inside_a_message_is_said_in_lines_too():
    place = Message("{path}: row {row}, column {column}", path="a.txt", row=7, column="B")
    message = Message("{place}: task {code} appears twice (first at row {first})", place=place, code="3", first=4)
    assert said_in_lines(Path("a.txt"), message) == "a.txt: line 7, column B: task 3 appears twice (first at line 4)"
    assert said_in_lines(Path("a.xlsx"), message) is message
    plain = Message("{path}: the file is empty", path="a.txt")
    assert said_in_lines(Path("a.txt"), plain) is plain
