"""Issue 13, read42d: three reader leftovers 13-read42a noticed: a space inside a bracket (or before one) separates no
units ("市教育局（各县 (市、区)）", "各县 (市、区) 人民政府"); the words a figure's clause follows are read in the text
its positions are of (after unit symbols are written in words); the mutation run names functions that exist."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.office_names import split_groups

from .conftest import convert_written

ROOT = Path(__file__).resolve().parents[1]


# --- 1. a space inside a bracket separates no units -----------------------------------------------------------------

@pytest.mark.parametrize(("cell", "groups"), [
    ("市教育局（各县 (市、区)）", ["市教育局（各县(市、区)）"]),
    ("市教育局(各县 （市、区）)", ["市教育局(各县（市、区）)"]),
    ("县住建局（县城投公司 县交投公司）", ["县住建局（县城投公司 县交投公司）"]),  # words apart: as printed
    ("各县 (市、区) 人民政府", ["各县(市、区)人民政府"]),
    ("各县（市、区） 住建局", ["各县（市、区）住建局"]),
    # still groups: names after a space, a bracket closed before the next name, a numbered group's label
    ("市住建局(含各区) 市城管局(含各区)", ["市住建局(含各区)", "市城管局(含各区)"]),
    ("县教育局 县财政局", ["县教育局", "县财政局"]),
    ("各县(市、区) 市财政局", ["各县(市、区)", "市财政局"]),
    ("（1）市城建局 （2）市水务集团", ["（1）市城建局", "（2）市水务集团"]),
    ("县教育局（各学校 ", ["县教育局（各学校"]),  # a bracket never closed: as before
    ("县教育局（各学校 县财政局", ["县教育局（各学校", "县财政局"])])
def test_a_space_inside_or_before_a_bracket_separates_no_groups(cell, groups):
    assert split_groups(cell) == groups


@pytest.mark.parametrize(("lead", "responsible", "leads", "others"), [
    ("市教育局（各县 (市、区)）", "市财政局", ["市教育局"], ["各县(市、区)", "市财政局"]),
    ("市教育局", "各县 (市、区) 人民政府", ["市教育局"], ["各县(市、区)人民政府"]),
    ("市教育局（各县 （市、区））", "各县 (市、区) 人民政府", ["市教育局"], ["各县(市、区)人民政府"]),
    ("市教育局 市民政局", "市财政局", ["市教育局", "市民政局"], ["市财政局"])])
def test_a_unit_cell_with_a_space_in_its_bracket_reads_its_units(tmp_path, lead, responsible, leads, others):
    rows = [["序号", "工作任务", "牵头单位", "责任单位"], ["1", "新建幼儿园3所", lead, responsible]]
    line = convert_written(tmp_path, "plan.tsv", rows).programme.tasks[0].lines[0]
    assert (line.lead_units, [u for u in line.units if u not in line.lead_units]) == (leads, others)


# --- 2. the words after a clause, read in the text the clause was found in ------------------------------------------

def test_a_time_clause_after_a_unit_symbol_still_opens_the_next_clause():
    """"㎡" is written 平方米 (two characters longer) before the clauses are found: the character after "到2030年" was
    read from the text as printed, two characters on ("计", no comma), and the 2030 goal was read as this year's."""
    assert [(m.value, m.unit) for m in find_mentions("到2030年，累计建成公园10个", 2026)] == []  # no symbol: as meant
    assert [(m.value, m.unit) for m in find_mentions("新建绿地500㎡，到2030年，累计建成公园10个", 2026)] == [(500, "平方米")]


# --- 3. the mutation run names what exists ---------------------------------------------------------------------------

def _mutated_modules() -> dict[str, Path]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    return {".".join(Path(path).with_suffix("").parts[1:]): ROOT / path for path in config["only_mutate"]}


def test_every_mutant_name_of_the_mutation_run_is_a_function_mutmut_mutates():
    """tests/mutation/run selects mutants by name (module.x_function__*): a module outside only_mutate, or a function
    that moved, selects nothing, and its rules go untested with no word of it."""
    script = (ROOT / "tests" / "mutation" / "run").read_text(encoding="utf-8")
    patterns = re.findall(r"'(mstrack\.[\w.*]+)'", script.split("DOMAIN=(", 1)[1].split(")", 1)[0])
    modules = _mutated_modules()
    assert patterns
    for pattern in patterns:
        m = re.fullmatch(r"(?P<module>[\w.]+?)\.(?:\*|x_(?P<function>\w+?)__\*)", pattern)
        assert m and m["module"] in modules, pattern
        defined = {node.name for node in ast.parse(modules[m["module"]].read_text(encoding="utf-8")).body
                   if isinstance(node, ast.FunctionDef)}
        assert m["function"] is None or m["function"] in defined, pattern
