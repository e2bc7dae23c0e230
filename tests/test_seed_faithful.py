"""data/seed/ must say what the documents in data/sources/ say: texts, units and numbers."""

import hashlib
import tomllib
from pathlib import Path

from mstrack.sources.plan import load_plan
from mstrack.sources.table.units import split_units

from .conftest import ROOT, SEEDS, SOURCES, find_quantities

SHARED = ROOT.parent / "shared" / "seeds"


def read_toml(name: str) -> dict:
    return tomllib.loads((SEEDS / name).read_text(encoding="utf-8"))


def shenzhen_table() -> dict[str, list[list[str]]]:
    """Rows of 000's 工作责任分解表 by task code; a continuation row joins the task above it."""
    text = (SOURCES / "000_c24e1b05b30dc82b.txt").read_text(encoding="utf-8")
    rows: dict[str, list[list[str]]] = {}
    current = None
    for line in text[text.index("序号\t工作任务"):].splitlines():
        cells = line.split("\t")
        if len(cells) != 9 or cells[0] == "序号" or cells[2] == "第一季度" or not any(cells[:3]):
            continue
        if cells[0] and not cells[1]:  # an area row: "一、优化医疗健康服务供给"
            continue
        if cells[0]:
            current = cells[0]
            rows[current] = []
        rows[current].append([cell.strip() for cell in cells])
    return rows


def approx_in(number, numbers) -> bool:
    return any(abs(number - n) < 1e-6 for n in numbers)


SOURCE_SHA256 = {  # the five documents as published in shared/seeds/ (read-only there)
    "000_c24e1b05b30dc82b.txt": "7cf82cb540c543033d627891be14958d83b06e48e3e608132982a99afd461f9a",
    "001_099251c64b2fd942.txt": "8137b7731bc3ab663d1b6b5bfb7878063d3f4015220c061919387e7fdd828fc8",
    "002_2ed4cef8df3e0b07.txt": "8b96a137521dffa2ae04185e24289ac695f5ca39f63bc4446f188e0038ec85ec",
    "003_05daa77793e29e3a.txt": "51aa30374680b299da1e59f91ad9a117abda9f14d3a9b667ecaf615ebd912993",
    "004_e415a60c3335da06.txt": "7d0188c25a32e2868bb9a9a114393949b333b5c14217c815445cb367f50e6e74",
}


def test_source_copies_are_the_published_documents():
    """The copies in data/sources/ are byte for byte the documents, checked against their digests in every
    checkout, and against shared/seeds/ itself where it lies beside the checkout (CI)."""
    copies = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in SOURCES.glob("*.txt")}
    assert copies == SOURCE_SHA256
    if SHARED.is_dir():
        shared = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in SHARED.glob("*.txt")}
        assert shared == SOURCE_SHA256


def test_every_seed_plan_loads():
    for path in sorted(SEEDS.glob("*.toml")):
        assert load_plan(path).tasks, path


class TestShenzhen:
    plan = read_toml("shenzhen-2023.toml")
    table = shenzhen_table()

    def test_all_33_tasks_in_document_order(self):
        assert [t["code"] for t in self.plan["tasks"]] == [str(i) for i in range(1, 34)]
        assert list(self.table) == [str(i) for i in range(1, 34)]
        assert [a["code"] for a in self.plan["areas"]] == list("一二三四五六七八九十")

    def test_sub_rows_are_lines(self):
        lines = {t["code"]: len(t["lines"]) for t in self.plan["tasks"]}
        assert {code for code, n in lines.items() if n > 1} == {"1", "22", "25", "33"}
        for code, rows in self.table.items():
            assert lines[code] == len(rows), code

    def test_texts_leaders_and_units_are_as_printed(self):
        for task in self.plan["tasks"]:
            rows = self.table[task["code"]]
            assert task["title"] == rows[0][1]
            for line, row in zip(task["lines"], rows, strict=True):
                assert [cp["text"] for cp in line["checkpoints"]] == row[2:6], task["code"]
                assert [cp["due"] for cp in line["checkpoints"]] == [
                    "2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"
                ]
                if row[6]:  # task 1's second row leaves these cells empty (merged in print)
                    assert line["leader"] == [row[6]]
                    assert line["lead_units"] == [row[7]]
                    assert line["units"] == split_units(row[8])
                    assert "、".join(line["units"]) == row[8]

    def test_every_number_is_in_its_cell(self):
        for task in self.plan["tasks"]:
            for line in task["lines"]:
                cells = {cp["due"]: cp["text"] for cp in line["checkpoints"]}
                for ind in line.get("indicators", []):
                    where = f"task {task['code']} {ind['name']}"
                    assert ind["text"] in task["title"] or any(ind["text"] in c for c in cells.values()), where
                    if "target" in ind:
                        assert approx_in(ind["target"], find_quantities(ind["text"])), where
                    targets = [ms["target"] for ms in ind.get("milestones", [])]
                    assert targets == sorted(targets), where
                    for ms in ind.get("milestones", []):
                        assert approx_in(ms["target"], find_quantities(cells[ms["due"]])), (where, ms)

    def test_task_5_reads_as_the_issue_says(self):
        task = self.plan["tasks"][4]
        housing = {i["name"]: i for i in task["lines"][0]["indicators"]}["建设筹集保障性住房"]
        assert (housing["unit"], housing["target"]) == ("套（间）", 185000)
        assert [m["target"] for m in housing["milestones"]] == [10000, 30000, 60000, 185000]

    def test_at_least_wording_gives_at_least_comparator(self):
        for task in self.plan["tasks"]:
            for line in task["lines"]:
                for ind in line.get("indicators", []):
                    words = ind["text"]
                    if any(w in words for w in ("以上", "不少于", "至少", "超过")):
                        assert ind["comparator"] == ">=", (task["code"], ind["name"])


def test_seed_directory_is_what_demo_loads():
    from mstrack.sources.seeds import seed_dir

    shipped = sorted(p.name for p in Path(seed_dir()).glob("*.toml"))
    assert shipped == sorted(p.name for p in SEEDS.glob("*.toml"))
