"""Every seed plan against its source document: texts verbatim, numbers where they are printed."""

import re
import tomllib

import pytest

from .conftest import SEEDS, SOURCES, find_quantities

SOURCE_OF = {
    "shenzhen-2023": "000_c24e1b05b30dc82b.txt",
    "yantian-2023": "001_099251c64b2fd942.txt",
    "qingdao-2023": "002_2ed4cef8df3e0b07.txt",
    "dongguan-2023": "003_05daa77793e29e3a.txt",
    "shenzhen-2023-report": "004_e415a60c3335da06.txt",
}
WHOLE_TARGET_WORDS = ("全面完成", "完成全年", "全年")


def squash(text: str) -> str:
    """Compare texts across the document's line and cell breaks."""
    return re.sub(r"\s+", "", text)


def plans() -> list:
    loaded = [tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.toml"))]
    return [pytest.param(plan, id=plan["programme"]["code"]) for plan in loaded]


def near(number, numbers) -> bool:
    return any(abs(number - n) <= 1e-6 * max(1, abs(number)) for n in numbers)


@pytest.mark.parametrize("plan", plans())
def test_every_seed_has_its_source(plan):
    assert plan["programme"]["code"] in SOURCE_OF


@pytest.mark.parametrize("plan", plans())
def test_texts_are_verbatim_from_the_document(plan):
    document = squash((SOURCES / SOURCE_OF[plan["programme"]["code"]]).read_text(encoding="utf-8"))
    document = document.replace("[bookmark:_GoBack]", "")

    class Verbatim(str):
        """`text in source`: each line of the text stands in the document as printed."""

        def __contains__(self, text: str) -> bool:
            return all(squash(piece) in document for piece in text.split("\n") if piece.strip())

    source = Verbatim()
    for task in plan["tasks"]:
        where = f"{plan['programme']['code']}/{task['code']}"
        assert task["title"] in source, where
        for key in ("progress", "problems", "assessment"):
            if key in task:
                assert task[key] in source, (where, key)
        for line in task["lines"]:
            for name in line.get("leader", []) + line.get("lead_units", []) + line.get("units", []):
                assert name in source, (where, name)
            for cp in line.get("checkpoints", []):
                assert cp["text"] in source, (where, cp["due"])
            for ind in line.get("indicators", []):
                for report in ind.get("reports", []):
                    if "note" in report:
                        assert report["note"] in source, (where, ind["name"], report)


@pytest.mark.parametrize("plan", plans())
def test_numbers_are_where_the_document_prints_them(plan):
    for task in plan["tasks"]:
        where = f"{plan['programme']['code']}/{task['code']}"
        for line in task["lines"]:
            cells = {cp["due"]: cp["text"] for cp in line.get("checkpoints", [])}
            sources = [task["title"], task.get("progress", ""), *cells.values()]
            for ind in line.get("indicators", []):
                what = (where, ind["name"])
                assert any(ind["text"] in text for text in sources), what
                if "target" in ind:
                    assert near(ind["target"], find_quantities(ind["text"])), what
                targets = [ms["target"] for ms in ind.get("milestones", []) if "target" in ms]
                assert targets == sorted(targets) or ind["comparator"] == "<=", what
                for ms in ind.get("milestones", []):
                    if ms["due"] not in cells and "text" not in ms:
                        # no checkpoint on that date: only the annual target may fall due there
                        assert ms.get("target") == ind.get("target"), (what, ms)
                        continue
                    text = ms.get("text") or cells[ms["due"]]
                    printed = ms.get("printed", ms.get("target"))
                    if near(printed, find_quantities(text)):
                        continue
                    # "全面完成目标任务": the annual target falls due without being printed again
                    assert ms.get("target") == ind.get("target") and any(w in text for w in WHOLE_TARGET_WORDS), (
                        what, ms)
                for report in ind.get("reports", []):
                    if "note" in report:
                        numbers = find_quantities(report["note"])
                        sums = [a + b for i, a in enumerate(numbers) for b in numbers[i + 1:]]  # "4场…16场" = 20
                        assert near(report["value"], numbers + sums) or any(
                            w in report["note"] for w in ("已完成", "完工", "已建成")), (what, report)


@pytest.mark.parametrize("plan", plans())
def test_links_name_tasks_that_carry_the_same_number(plan):
    programmes = {p.values[0]["programme"]["code"]: p.values[0] for p in plans()}
    for task in plan["tasks"]:
        for link in task.get("links", []):
            code, _, number = link.partition("/")
            assert code in programmes, link
            (other,) = [t for t in programmes[code]["tasks"] if t["code"] == number]
            texts = other["title"] + "".join(cp["text"] for ln in other["lines"] for cp in ln.get("checkpoints", []))
            for line in task["lines"]:
                for ind in line.get("indicators", []):
                    if "target" in ind:
                        assert near(ind["target"], find_quantities(texts)), (task["code"], link, ind["name"])
