"""safe39a: nothing lost. A -o name whose suffix says no report format (settings.txt, `data`) is looked at by what the
file holds: only mstrack's own JSON, CSV or printout, or an empty file, goes. A JSON file is known from its first 64 kB.
`export plan -o` onto a unit's return says it holds figures; the weekly report's CSV (either language) is mstrack's
own; a damaged file is said as damaged, an OLE file under another name as an old Office file."""

import json
import zipfile

import pytest

from .conftest import done, forget_written, kept, sha

AS_OF = ("--as-of", "2023-06-30")
NOT_OURS = "the file was not written by mstrack (its name says no report format"
RETURN = "任务编号,指标,截至日期,数值,备注\nyantian-2023/1,道路综合整治工程,2023-06-30,2,已完成\n"


# --- 1. a name of no format: looked at by what the file holds --------------------------------------------------------

@pytest.mark.parametrize("name", ["settings.txt", "settings", "data.log"])
@pytest.mark.parametrize("held", ['{"db": "prod", "token_file": "k"}\n', "a,b\n", "db = prod\n",
                                  '[{"unit": "住建局", "value": 12}]\n'])
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_file_of_no_report_name_is_kept_unless_mstrack_wrote_it(demo_cli, tmp_path, name, held, fmt):
    target = tmp_path / name
    target.write_text(held, encoding="utf-8")
    before = sha(target)
    said = kept(demo_cli("units", *AS_OF, "-f", fmt, "-o", str(target)), target, before, f"--output {target}: ")
    assert "not written by mstrack" in said
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(f".{name}")) == []


@pytest.mark.parametrize("name", ["out.txt", "out"])
def test_mstrack_s_own_output_under_a_name_of_no_format_is_replaced(demo_cli, tmp_path, name):
    target = tmp_path / name
    target.write_bytes(b"")
    done(demo_cli("units", *AS_OF, "-f", "json", "-o", str(target)))  # an empty file goes
    assert json.loads(target.read_text(encoding="utf-8"))[0]["unit"]
    done(demo_cli("units", *AS_OF, "-f", "csv", "-o", str(target)))  # mstrack's JSON, by its keys
    assert target.read_text(encoding="utf-8-sig").startswith("Unit,")
    done(demo_cli("report", "weekly", *AS_OF, "-f", "json", "-o", str(target)))  # mstrack's CSV, by its header
    assert json.loads(target.read_text(encoding="utf-8"))["as_of"] == "2023-06-30"
    done(demo_cli("--lang", "zh", "report", "weekly", *AS_OF, "-f", "csv", "-o", str(target)))
    done(demo_cli("units", *AS_OF, "-o", str(target)))  # the weekly report's CSV, by its title and first section
    printed = target.read_bytes()
    done(demo_cli("units", *AS_OF, "-o", str(target)))  # the same printout rerun: its first line
    assert target.read_bytes() == printed
    done(demo_cli("units", "--as-of", "2023-07-07", "-o", str(target)))  # next week's: the record says it is mstrack's
    forget_written()  # safe41a: without the record (another machine's file), another printout is not known as mstrack's
    said = kept(demo_cli("report", "weekly", *AS_OF, "-o", str(target)), target, sha(target), NOT_OURS)
    assert "give another -o name" in said  # another printout: nothing says it is mstrack's


def test_a_unit_s_return_saved_as_txt_is_kept(demo_cli, tmp_path):
    target = tmp_path / "住建局.txt"
    target.write_text(RETURN.replace(",", "\t"), encoding="utf-8")
    kept(demo_cli("units", *AS_OF, "-f", "csv", "-o", str(target)), target, sha(target), "holds a unit's figures")


# --- 2. JSON read from its start only -------------------------------------------------------------------------------

@pytest.fixture
def json_reads(monkeypatch):
    """The size of every JSON text parsed (json.load reads its file whole)."""
    sizes: list[int] = []
    loads = json.loads

    def counted_loads(text, *args, **kwargs):
        sizes.append(len(text))
        return loads(text, *args, **kwargs)

    def counted_load(handle, *args, **kwargs):
        return counted_loads(handle.read(), *args, **kwargs)

    monkeypatch.setattr(json, "loads", counted_loads)
    monkeypatch.setattr(json, "load", counted_load)
    return sizes


def test_a_long_json_report_is_known_from_its_start(demo_cli, tmp_path, json_reads):
    from mstrack.render.outputs import dump_json

    target = tmp_path / "units.json"
    done(demo_cli("units", *AS_OF, "-f", "json", "-o", str(target)))
    rows = json.loads(target.read_text(encoding="utf-8"))
    target.write_text(dump_json(rows * 400), encoding="utf-8")  # ~2 MB laid out as mstrack lays it
    forget_written()  # another machine's report (safe41a: this one's record says it changed since)
    assert target.stat().st_size > 1 << 20
    json_reads.clear()
    done(demo_cli("units", *AS_OF, "-f", "json", "-o", str(target)))
    assert json.loads(target.read_text(encoding="utf-8")) == rows
    assert json_reads and max(json_reads) <= 64 << 10 | 1, json_reads


def test_a_long_json_file_cut_short_or_another_s_is_kept(demo_cli, tmp_path, json_reads):
    from mstrack.render.outputs import dump_json

    target = tmp_path / "units.json"
    done(demo_cli("units", *AS_OF, "-f", "json", "-o", str(target)))
    rows = json.loads(target.read_text(encoding="utf-8"))
    whole = dump_json(rows * 400).encode("utf-8")
    target.write_bytes(whole[: len(whole) * 2 // 3])  # mstrack's report cut short: no report
    json_reads.clear()
    kept(demo_cli("units", *AS_OF, "-f", "json", "-o", str(target)), target, sha(target), "not written by mstrack")
    assert max(json_reads, default=0) <= 64 << 10 | 1, json_reads
    target.write_text(json.dumps({"db": "prod", "rows": rows * 400}), encoding="utf-8")  # a script's, one line
    json_reads.clear()
    kept(demo_cli("units", *AS_OF, "-f", "json", "-o", str(target)), target, sha(target), "not written by mstrack")
    assert max(json_reads, default=0) <= 64 << 10 | 1, json_reads


# --- 3. export plan onto a unit's return ----------------------------------------------------------------------------

def test_export_plan_onto_a_unit_s_return_says_it_holds_figures(demo_cli, tmp_path):
    target = tmp_path / "returns.csv"
    target.write_text(RETURN, encoding="utf-8")
    said = kept(demo_cli("export", "plan", "yantian-2023", "-o", str(target)), target, sha(target),
                f"--output {target}: the file holds a unit's figures")
    assert "exists already" not in said
    plan = tmp_path / "plan.toml"  # a plan: said as before
    plan.write_text("format = 1\n", encoding="utf-8")
    kept(demo_cli("export", "plan", "yantian-2023", "-o", str(plan)), plan, sha(plan),
         "exists already (a plan may have been edited there)")


# --- 4. the weekly report's CSV is mstrack's own --------------------------------------------------------------------

@pytest.mark.parametrize("then", [("report", "weekly"), ("units",), ("--lang", "zh", "units")])
def test_the_weekly_csv_in_chinese_is_replaced_by_mstrack_s_reports(demo_cli, tmp_path, then):
    target = tmp_path / "周报.csv"
    done(demo_cli("--lang", "zh", "report", "weekly", *AS_OF, "-f", "csv", "-o", str(target)))
    done(demo_cli(*then, *AS_OF, "-f", "csv", "-o", str(target)))
    assert not target.read_text(encoding="utf-8-sig").startswith("民生实事进度周报")


def test_a_unit_s_return_under_the_weekly_title_is_kept(demo_cli, tmp_path):
    target = tmp_path / "周报.csv"
    target.write_text("民生实事进度周报,盐田区\n" + RETURN, encoding="utf-8")
    kept(demo_cli("units", *AS_OF, "-f", "csv", "-o", str(target)), target, sha(target), "holds a unit's figures")


# --- 5. a damaged report ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_a_damaged_report_is_said_as_damaged(demo_cli, tmp_path, suffix):
    target = tmp_path / f"一览表{suffix}"
    if suffix == ".xlsx":
        done(demo_cli("units", *AS_OF, "-o", str(target)))
    else:
        done(demo_cli("report", "notice", "--unit", "区住建局", *AS_OF, "-o", str(target)))
    assert zipfile.is_zipfile(target)
    target.write_bytes(target.read_bytes()[:3000])  # cut short
    command = ["units", *AS_OF] if suffix == ".xlsx" else ["report", "notice", "--unit", "区住建局", *AS_OF]
    said = kept(demo_cli(*command, "-o", str(target)), target, sha(target), f"--output {target}: the file is damaged")
    assert "remove it yourself" in said and "give another -o name" in said
    zh = kept(demo_cli("--lang", "zh", *command, "-o", str(target)), target, sha(target))
    assert f"{target}：该文件已损坏或无法读取（" in zh


# --- 6. an OLE file under another name ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["ret", "回复.bak", "data.txt"])
def test_an_ole_file_under_another_name_is_said_as_an_old_office_file(demo_cli, tmp_path, name):
    target = tmp_path / name
    target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2040))
    kept(demo_cli("units", *AS_OF, "-f", "csv", "-o", str(target)), target, sha(target),
         f"--output {target}: the file is an old Office file")
