"""Writes the broken-file corpus in this folder. Run it again only to add a case: the files are committed.

    .venv/bin/python tests/corpus/make_corpus.py

password.xlsx is not written here: it is a real workbook saved with a password ("密码"), encrypted once with
msoffcrypto-tool (an OLE compound file holding EncryptionInfo and EncryptedPackage, as Excel and LibreOffice
write one); msoffcrypto-tool is not a dependency.
"""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
HEADER = "计划,任务编号,指标,截至日期,数值,备注\n"


def text(name: str, body: str, encoding: str = "utf-8") -> None:
    (HERE / name).write_bytes(body.encode(encoding))


def xlsx(name: str, rows: list[list], formulas: dict | None = None) -> None:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for cell, formula in (formulas or {}).items():
        sheet[cell] = formula
    workbook.save(HERE / name)


def main() -> None:
    text("empty.csv", "")
    (HERE / "binary.csv").write_bytes(bytes(range(256)) * 64)
    xlsx("good.xlsx", [HEADER.strip().split(","), ["shenzhen-2023", 5, "建设", "2023-06-30", "2.5万", None]])
    data = (HERE / "good.xlsx").read_bytes()
    (HERE / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    (HERE / "good.xlsx").unlink()
    text("gbk.csv", HEADER + "shenzhen-2023,5,建设,2023-06-30,2.5万,区报数\n", "gbk")
    text("utf8-bom.csv", HEADER + "shenzhen-2023,5,建设,2023-06-30,2.5万,区报数\n", "utf-8-sig")
    text("wide-1000-columns.csv", HEADER.strip() + "".join(f",extra{i}" for i in range(994)) + "\n"
         + "shenzhen-2023,5,建设,2023-06-30,2.5万,宽表" + ",x" * 994 + "\n")
    text("huge-cell.csv", HEADER + "shenzhen-2023,5,建设,2023-06-30," + "九" * 100_000 + ",\n")
    xlsx("formulas.xlsx", [HEADER.strip().split(","), ["shenzhen-2023", 5, "建设", "2023-06-30", None, None]],
         formulas={"E2": "=SUM(10000,15000)"})
    text("nan-inf.csv", HEADER + "shenzhen-2023,5,建设,2023-06-30,nan,\nshenzhen-2023,5,供应,2023-06-30,inf,\n")
    text("negative.csv", HEADER + "shenzhen-2023,5,建设,2023-06-30,-2.5万,\n")
    text("percent-over-100.csv", HEADER + "yantian-2023,3,整体形象进度,2023-06-30,130%,\n")
    text("dates-1900-2100.csv", HEADER + "shenzhen-2023,5,建设,1900-01-01,1,\nshenzhen-2023,5,供应,2100-12-31,1,\n")
    text("duplicate-headers.csv", "计划,任务编号,数值,完成值,截至日期\nshenzhen-2023,5,1,2,2023-06-30\n")
    text("no-header.csv", "甲,乙,丙\n1,2,3\n")
    text("ragged.csv", HEADER + "shenzhen-2023,5\n,,,,,\nshenzhen-2023\n")


if __name__ == "__main__":
    main()
