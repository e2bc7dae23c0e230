"""U+FFFE and U+FFFF are code points no XML file may hold: a plan title holding one was stored, and every .docx and
.xlsx report of its programme then ended in lxml's ValueError traceback. They are refused where text is stored."""

from __future__ import annotations

import re
import sqlite3

import pytest

from mstrack.domain.limits import all_storable, text_problem

from .conftest import BACKEND, ROOT


def test_the_two_noncharacters_are_refused_and_others_kept():
    for char in ("\ufffe", "\uffff"):
        problem = text_problem(f"新建{char}学校")
        assert problem is not None and f"U+{ord(char):04X} at character 3" in str(problem)
        assert not all_storable(["ok", f"a{char}"])
    for text in ("新建学校", "\u00a0空格", "\U0001F600", "\ufeff开头"):  # printable or XML-fit: kept as they are
        assert text_problem(text) is None and all_storable([text])


def test_a_plan_holding_one_is_refused_and_nothing_stored(cli, tmp_path):
    seed = (ROOT / "data" / "seed" / "yantian-2023.toml").read_text(encoding="utf-8")
    plan = tmp_path / "plan.toml"
    plan.write_text(re.sub(r'(\ntitle = ")', r'\1测\\uFFFE试', seed, count=1), encoding="utf-8")
    assert cli("import", "plan", str(ROOT / "data" / "seed" / "shenzhen-2023.toml")).exit_code == 0
    result = cli("--lang", "en", "import", "plan", str(plan))
    assert result.exit_code == 2, result.output
    assert "U+FFFE at character 2 is no character" in result.stderr, result.stderr
    listed = cli("programmes")
    assert listed.exit_code == 0 and "shenzhen-2023" in listed.output and "yantian-2023" not in listed.output


def test_a_note_holding_one_is_refused_and_nothing_logged(demo_cli):
    before = demo_cli.sql("select count(*) from report")
    result = demo_cli("--lang", "en", "log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30",
                      "--note", "说\uffff明")
    assert result.exit_code == 2, result.output
    assert "U+FFFF at character 2 is no character" in result.stderr
    assert demo_cli.sql("select count(*) from report") == before


def test_a_store_made_before_holding_one_still_prints_every_report(cli, tmp_path):
    """A store written before the refusal may hold one: the .docx and .xlsx reports drop it, as they drop control
    characters, instead of failing in lxml."""
    if BACKEND != "sqlite":
        pytest.skip("the store is written here by SQLite's own driver")
    assert cli("import", "plan", str(ROOT / "data" / "seed" / "yantian-2023.toml")).exit_code == 0
    with sqlite3.connect(cli.db) as connection:
        connection.execute("update task set title = title || '\ufffe\uffff' where id = (select min(id) from task)")
    for fmt in ("docx", "xlsx", "md", "json", "html"):
        out = tmp_path / f"out.{fmt}"
        result = cli("report", "half-year", "-p", "yantian-2023", "--as-of", "2023-06-30", "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, (fmt, result.output, result.exception)
        assert out.stat().st_size > 0
        if fmt in ("md", "html"):
            assert "\ufffe" not in out.read_text(encoding="utf-8-sig")
