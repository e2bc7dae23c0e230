"""fix50c: the printed reports and notices. The 一览表 prints a note once per cell and marks one older than a
figure beside it; its 项目名称 prints on every row (so on every page); dates read 2023年7月14日 in Chinese; a
notice row names the missed checkpoint; the .docx reports are marked zh-CN; 滞后/逾期任务."""

from __future__ import annotations

import json
import zipfile

from .conftest import done

NOTE = "截至6月30日，已开展"


def ok(result):
    done(result)
    return result


def _yantian_logged(demo_cli):
    for indicator in ("送教上门人次", "送教上门课时"):
        done(demo_cli("log", "yantian-2023/19", "1143", "-i", indicator, "--as-of", "2023-08-04", "--by", "王芳"))


def _task(data: dict, code: str) -> dict:
    return next(t for a in data["areas"] for t in a["tasks"] if t["code"] == code)


def test_a_note_shared_by_several_indicators_prints_once_in_the_cell(demo_cli):
    _yantian_logged(demo_cli)
    out = ok(demo_cli("--lang", "zh", "report", "annual", "-p", "yantian-2023", "--as-of", "2023-12-31",
                        "--format", "json"))
    task = _task(json.loads(out.stdout), "19")
    text = task["progress_text"]
    assert text.count(NOTE) == 1, text
    assert "送教上门人次：1143人次" in text and "精准适配辅助器具：100人次" in text, text
    # the data keeps each indicator's own note: only the printed cell says it once
    assert sum(1 for item in task["progress"] if item["note"] and NOTE in item["note"]) == 5, task["progress"]


def test_a_note_older_than_a_figure_beside_it_is_marked_as_of_its_date():
    from datetime import date
    from types import SimpleNamespace

    from mstrack.labels import Labels
    from mstrack.render.report import progress_lines
    from mstrack.reports.overview import ProgressItem

    def row(first_note: str):
        return SimpleNamespace(progress=[
            ProgressItem(indicator="改造", value=3, unit="个", as_of=date(2023, 6, 30), note=first_note),
            ProgressItem(indicator="完工", value=5, unit="个", as_of=date(2023, 8, 4), note="已完工5个"),
        ])

    lines = progress_lines(row("已开工3个"), Labels("zh"))
    assert lines[0] == "改造：3个（截至2023年6月30日） （截至2023年6月30日）已开工3个", lines
    assert lines[1] == "完工：5个（截至2023年8月4日） 已完工5个", lines  # the newest: as is
    assert progress_lines(row("截至6月底已开工3个"), Labels("zh"))[0].endswith(" 截至6月底已开工3个")  # dated itself
    assert progress_lines(row("已开工3个"), Labels("en"))[0].endswith(" (as of 2023-06-30) 已开工3个")


# --- T9: the 项目名称 on every row of its tasks, so on every printed page -----------------------------------------

def _areas(demo_cli, tmp_path, fmt: str):
    path = tmp_path / f"一览表.{fmt}"
    ok(demo_cli("--lang", "zh", "report", "half-year", "-p", "shenzhen-2023", "--format", fmt, "-o", str(path)))
    data = json.loads(ok(demo_cli("--lang", "zh", "report", "half-year", "-p", "shenzhen-2023", "--format", "json")).stdout)
    expected = [a["area"] for a in data["areas"] for _ in a["tasks"]]
    assert len(set(expected)) > 1 and len(expected) > len(set(expected)), expected  # areas of several tasks
    return path, expected


def test_the_xlsx_table_names_the_area_on_every_row_and_merges_none(demo_cli, tmp_path):
    from openpyxl import load_workbook

    path, expected = _areas(demo_cli, tmp_path, "xlsx")
    sheet = load_workbook(path).active
    assert [str(r) for r in sheet.merged_cells.ranges if r.max_row > 2] == []
    assert [sheet.cell(row=r, column=1).value for r in range(4, 4 + len(expected))] == expected


def test_the_docx_table_names_the_area_on_every_row_and_merges_none(demo_cli, tmp_path):
    from docx import Document

    path, expected = _areas(demo_cli, tmp_path, "docx")
    table = Document(str(path)).tables[0]
    assert [row.cells[0].text for row in table.rows[1:]] == expected
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert "vMerge" not in xml and "gridSpan" not in xml


def test_the_html_table_names_the_area_on_every_row_and_spans_none(demo_cli, tmp_path):
    import re

    path, expected = _areas(demo_cli, tmp_path, "html")
    html = path.read_text(encoding="utf-8")
    assert "rowspan" not in html
    assert re.findall(r'<td class="area[^"]*">([^<]*)</td>', html) == expected


# --- T7 / T10d: a notice row says the missed checkpoint; its dates read 2021年8月31日 -----------------------------

NOTICE_PLAN = '''
[programme]
code = "xc-2021"
name = "新昌县2021年民生实事"
year = 2021

[[tasks]]
code = "1"
title = "城市人居环境提升项目"

[[tasks.lines]]
lead_units = ["城投集团"]
checkpoints = [
  { due = "2021-08-31", label = "2021.8", text = "对人民中路等3条城区道路进行综合提升改造" },
  { due = "2021-12-31", label = "2021.12", text = "新建城市口袋公园2处" },
]

[[tasks]]
code = "5"
title = "教育设施提升项目"

[[tasks.lines]]
lead_units = ["教体局"]

[[tasks.lines.indicators]]
name = "学校校园空调安装工程"
unit = "所"
target = 22
milestones = [{ due = "2021-08-31", target = 22 }]
'''


def _notices(cli, tmp_path, lang: str) -> dict[str, str]:
    plan = tmp_path / "xc.toml"
    plan.write_text(NOTICE_PLAN, encoding="utf-8")
    ok(cli("import", "plan", str(plan)))
    ok(cli("log", "xc-2021/5", "20", "-i", "学校校园空调安装工程", "--as-of", "2021-08-25", "--by", "教体局"))
    out = tmp_path / f"nn-{lang}"
    ok(cli("--lang", lang, "report", "notice", "--each-unit", "-p", "xc-2021", "--as-of", "2021-09-03",
           "--format", "md", "-o", str(out)))
    return {path.stem: path.read_text(encoding="utf-8") for path in out.glob("*.md")}


def _row(text: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith("| 1 |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_a_notice_row_of_a_text_only_line_names_the_checkpoint_missed(cli, tmp_path):
    notices = _notices(cli, tmp_path, "zh")
    row = _row(notices["城投集团"])
    assert row[2] == "对人民中路等3条城区道路进行综合提升改造", row  # not "进度安排（第2行）"
    assert row[3] == "8月31日前完成" and row[4] == "—", row  # not "1个"
    assert not any("个" in cell for cell in row[3:6]), row
    assert row[6] == "12月31日", row  # the next checkpoint: the notice's year goes without saying


def test_an_indicator_past_its_last_checkpoint_is_not_given_a_pace_to_the_year_end(cli, tmp_path):
    row = _row(_notices(cli, tmp_path, "zh")["教体局"])
    assert row[2:6] == ["学校校园空调安装工程", "22所", "20所", "−2所"], row
    assert row[6] == "已逾节点 8月31日" and row[7] == "", row  # was "—" and "每天增加0.02所"


def test_a_notice_dates_itself_as_an_official_document_in_chinese_and_iso_in_english(cli, tmp_path):
    text = _notices(cli, tmp_path, "zh")["教体局"]
    assert "截至2021年9月3日，你单位" in text and "于2021年9月10日前" in text, text
    assert "反馈时限：2021年9月10日" in text and "\n2021年9月3日\n" in text, text
    assert "2021-09" not in text, text
    english = cli("--lang", "en", "report", "notice", "--unit", "教体局", "-p", "xc-2021", "--as-of", "2021-09-03",
                  "--format", "md", "-o", str(tmp_path / "en.md"))
    done(english)
    text = (tmp_path / "en.md").read_text(encoding="utf-8")
    assert "Reply by: 2021-09-10" in text and "past its last checkpoint, 2021-08-31" in text, text


# --- T10b: the column lists the overdue tasks too, and says so ---------------------------------------------------

def test_the_units_column_of_tasks_is_headed_behind_or_overdue(demo_cli):
    weekly = ok(demo_cli("--lang", "zh", "report", "weekly", "-p", "shenzhen-2023", "--as-of", "2023-08-04",
                         "--format", "md")).stdout
    assert "| 完成率 | 滞后/逾期任务 |" in weekly, weekly
    units = ok(demo_cli("units", "-p", "shenzhen-2023", "--as-of", "2023-08-04", "--format", "csv")).stdout
    assert units.splitlines()[0].endswith(",Tasks behind/overdue"), units


# --- T10f: the Word files mark their Chinese text zh-CN, so CJK fonts resolve to their SC faces ----------------

def _xml(path, part: str) -> str:
    return zipfile.ZipFile(path).read(part).decode("utf-8")


def test_the_word_reports_mark_their_east_asian_text_zh_cn(demo_cli, tmp_path):
    import re

    table = tmp_path / "一览表.docx"
    ok(demo_cli("--lang", "zh", "report", "half-year", "-p", "yantian-2023", "-f", "docx", "-o", str(table)))
    notice = tmp_path / "通知.docx"
    ok(demo_cli("--lang", "zh", "report", "notice", "--as-of", "2023-07-01", "-u", "市住房建设局", "-p", "shenzhen-2023",
                "-o", str(notice)))
    english = tmp_path / "en.docx"
    ok(demo_cli("--lang", "en", "report", "half-year", "-p", "yantian-2023", "-f", "docx", "-o", str(english)))
    for path, latin in ((table, "zh-CN"), (notice, "zh-CN"), (english, "en-US")):
        styles = _xml(path, "word/styles.xml")
        langs = re.findall(r"<w:lang [^>]*/>", styles)
        assert langs and all('w:eastAsia="zh-CN"' in lang for lang in langs), (path, langs)
        assert all(f'w:val="{latin}"' in lang for lang in langs), (path, langs)
        assert 'w:eastAsia="en-US"' not in styles + _xml(path, "word/document.xml"), path
        assert f"<dc:language>{latin}</dc:language>" in _xml(path, "docProps/core.xml"), path
