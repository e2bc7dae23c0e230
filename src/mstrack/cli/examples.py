"""Two or three example command lines for every command, shown at the end of its help: help that teaches.
Every line runs as written on the demo data (`mstrack demo`); tests/test_terminal.py runs them."""

EXAMPLES: dict[str, tuple[str, ...]] = {
    "": ("mstrack demo", "mstrack status --as-of 2023-07-01", "mstrack show yantian-2023/19 --as-of 2023-07-01"),
    "init": ("mstrack init", "mstrack --db office.db init"),
    "demo": ("mstrack demo", "mstrack demo --rule step --as-of 2023-12-31", "mstrack demo --format json"),
    "status": ("mstrack status --as-of 2023-07-01", "mstrack status -p yantian-2023 --as-of 6月底 --rule pro-rata",
               "mstrack status --unit 区残联 --only behind --format json"),
    "show": ("mstrack show yantian-2023/19 --as-of 2023-07-01", "mstrack show shenzhen-2023/5 --format json"),
    "log": ("mstrack log yantian-2023/3 70% -i 整体形象进度 --as-of 2023-07-31",
            "mstrack log shenzhen-2023/5 2.5万 -i 建设筹集 --as-of 2023-06-30 --note 区报数",
            "mstrack log qingdao-2023/1 --done --as-of 2023-03-20"),
    "history": ("mstrack history yantian-2023/19", "mstrack history yantian-2023/19 -i 送教上门人次 --format json"),
    "batches": ("mstrack batches", "mstrack batches -n 5"),
    "undo": ("mstrack undo", "mstrack undo 7 --reason 重复导入"),
    "programmes": ("mstrack programmes", "mstrack --db office.db programmes"),
    "units": ("mstrack units --as-of 2023-07-01", "mstrack units --responsible -p qingdao-2023 --as-of 2023-07-01",
              "mstrack units --as-of 2023-07-01 --format xlsx -o 单位.xlsx"),
    "import": ("mstrack import plan 计划.toml", "mstrack import progress 住建局.xlsx --dry-run"),
    "import plan": ("mstrack import plan 计划.toml", "mstrack import plan 计划.toml --reason 调整目标"),
    "import table": ("mstrack import table 分解表.docx -p city-2024 --year 2024 -o city-2024.toml",
                     "mstrack import table 分解表.xlsx --sheet 附件1 -p city-2024 --year 2024 -o city-2024.toml"),
    "import progress": ("mstrack import progress 住建局.xlsx --dry-run", "mstrack import progress 住建局.xlsx",
                        "mstrack import progress 周报.csv -p shenzhen-2023 --as-of 2023-07-07 --verbose"),
    "export": ("mstrack export plan yantian-2023 -o yantian.toml",
               "mstrack export template shenzhen-2023 --unit 市住房建设局 -o 住建局.xlsx"),
    "export plan": ("mstrack export plan yantian-2023", "mstrack export plan yantian-2023 -o yantian.toml"),
    "export template": ("mstrack export template shenzhen-2023 -o 全部.xlsx",
                        "mstrack export template shenzhen-2023 --unit 市住房建设局 -o 住建局.xlsx"),
    "db": ("mstrack db check", "mstrack db backup 备份.db"),
    "db upgrade": ("mstrack db backup 升级前.db", "mstrack db upgrade"),
    "db backup": ("mstrack db backup 备份.db", "mstrack --db office.db db backup office-2023-07-01.db"),
    "db copy": ("mstrack db copy --to shared.db", "mstrack db copy --to postgresql://clerk@dbhost/office"),
    "db check": ("mstrack db check", "mstrack --db office.db db check"),
    "report": ("mstrack report weekly --as-of 2023-07-01", "mstrack report half-year -p yantian-2023 --format xlsx -o 一览表.xlsx"),
    "lights": ("mstrack lights -p shenzhen-2023 --as-of 2023-09-30",
               "mstrack lights --by quarter --min-red 2 --as-of 2023-12-31 --format json",
               "mstrack lights -u 市住房建设局 --as-of 2023-09-30 --format xlsx -o 亮灯.xlsx"),
    "report notice": ("mstrack report notice --as-of 2023-07-01 -u 市住房建设局 -o 住建局督办单.docx",
                      "mstrack report notice --as-of 2023-10-08 --each-unit -p yantian-2023 -o 督办"),
    "report weekly": ("mstrack report weekly --as-of 2023-07-01",
                      "mstrack report weekly --as-of 2023-07-01 --format html -o 通报.html --freeze",
                      "mstrack report weekly -p yantian-2023 --as-of 2023-07-07 --rule pro-rata"),
    "report half-year": ("mstrack report half-year -p yantian-2023",
                         "mstrack report half-year -p yantian-2023 --format xlsx -o 一览表.xlsx"),
    "report annual": ("mstrack report annual -p yantian-2023", "mstrack report annual -p yantian-2023 --format html -o 年报.html"),
    "report diff": ("mstrack report diff", "mstrack report diff 1 --format json"),
    "report frozen": ("mstrack report frozen", "mstrack report diff 1"),
}
"""Command path (as typed after `mstrack`) → its examples."""


def epilog(path: str) -> str | None:
    """The examples as the help's last lines, one a line (Click's \\b keeps a paragraph unwrapped)."""
    lines = EXAMPLES.get(path)
    if not lines:
        return None
    return "\b\nExamples:\n" + "\n".join("  " + line for line in lines)
