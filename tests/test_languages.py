"""Messages in Chinese and English: every error, warning and summary line follows --lang (MSTRACK_LANG,
the locale), from one catalogue (labels.messages()), while English stays exactly as it was."""

import ast
import re
import string
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from mstrack.cli import app
from mstrack.errors import InputError, Joined, Message
from mstrack.labels import Labels, messages
from mstrack.sources.sheets import HEADER_SEARCH_ROWS

from .conftest import Cli, plan_task, plan_tasks, refused, write_plan

SRC = Path(__file__).resolve().parents[1] / "src" / "mstrack"

PLAN = plan_tasks(plan_task("1", "任务一", "甲局", "新建床位", "张", 100, milestones=[("2023-06-30", 60)]),
                  plan_task("2", "任务二", "乙局", "整体进度", "%", 100))
HEADER = ["计划", "任务编号", "指标", "截至日期", "数值"]


@pytest.fixture
def office(cli: Cli, tmp_path) -> Cli:
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", PLAN))).exit_code == 0
    return cli


def place(cli: Cli) -> str:
    """The store as a write's summary names it (--db given: cli.process.written_to)."""
    from mstrack.cli.process import store_place
    from mstrack.store import Store

    return store_place(Store(cli.url))


def zh(cli: Cli, *args: str):
    return cli("--lang", "zh", *args)


def csv_file(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([",".join(HEADER), *rows]) + "\n", encoding="utf-8")
    return path


def xlsx_file(path: Path, *rows: list) -> Path:
    workbook = Workbook()
    for row in (HEADER, *rows):
        workbook.active.append(row)
    workbook.save(path)
    return path


# --- each module's errors, in Chinese -----------------------------------------------------------


def test_log_with_a_bad_value_in_chinese(office):
    refused(zh(office, "log", "x-2023/1", "很多"), "mstrack: 错误：VALUE '很多' 不是数量：应为数字，例如 3.2万 或 65%\n")
    refused(zh(office, "log", "x-2023/1", "--", "-5"), "VALUE '-5'：新建床位 不能为负数：只有上限指标（<=）")
    refused(zh(office, "log", "x-2023/2", "30个"), "VALUE '30个'：单位 '个' 与 整体进度 的单位 '%' 不符")
    refused(zh(office, "log", "x-2023/1", "3", "-i", "病床"),
            "mstrack: 错误：--indicator：x-2023/1 没有指标 '病床'；其指标有：新建床位（张）")


def test_a_bad_as_of_date_in_chinese(office):
    refused(zh(office, "log", "x-2023/1", "30", "--as-of", "2023-02-30"),
            "mstrack: 错误：--as-of：'2023-02-30' 不是日期：没有 2023-02-30 这一天\n")
    refused(zh(office, "status", "--as-of", "六月三十"),
            "mstrack: 错误：--as-of：'六月三十' 不是 mstrack 能识别的日期（可写作 2023-06-30 或 6月底）")
    refused(zh(office, "log", "x-2023/1", "30", "--as-of", "2099-06-30"), "--as-of 2099-06-30：报送日期不能晚于今天")
    refused(zh(office, "status", "--as-of", "foo"),  # dateutil's English words do not come through
            "mstrack: 错误：--as-of：'foo' 不是 mstrack 能识别的日期（可写作 2023-06-30 或 6月底）\n")


def test_an_unknown_task_reference_in_chinese(office):
    refused(zh(office, "show", "x-2023/99"), "mstrack: 错误：x-2023 没有任务 '99'；其任务有：1, 2")
    refused(zh(office, "show", "y-2023/1"), "mstrack: 错误：没有计划 'y-2023'；已有：x-2023")
    refused(zh(office, "log", "任务一", "3"), "mstrack: 错误：任务 '任务一'：应写作“计划/编号”，例如 shenzhen-2023/5")


def test_import_progress_with_bad_rows_in_a_csv_in_chinese(office, tmp_path):
    path = csv_file(tmp_path / "bad.csv", "x-2023,1,新建床位,2023-06-30,待定", "x-2023,9,新建床位,2023-06-30,3",
                    "x-2023,1,新建床位,2023-13-01,3")
    stderr = refused(zh(office, "import", "progress", str(path)))
    assert stderr.splitlines() == [
        f"{path}:2:数值：'待定' 不是数量：应为数字，例如 3.2万 或 65%",
        f"{path}:3:任务编号：x-2023 没有任务 '9'；其任务有：1, 2",
        f"{path}:4:截至日期：'2023-13-01' 不是日期：没有 2023-13-01 这一天",
        "mstrack: 错误：共 3 处问题；没有写入任何数据",
    ]


def test_import_progress_with_a_bad_row_in_an_xlsx_in_chinese(office, tmp_path):
    path = xlsx_file(tmp_path / "报送.xlsx", ["x-2023", 1, "新建床位", "2023-06-30", 30],
                     ["x-2023", 1, None, "2023-06-30", "80%"])
    stderr = refused(zh(office, "import", "progress", str(path)))
    assert f"{path}:3:数值：'80%'：新建床位 以“张”计，不是百分比；请填写数量\n" in stderr
    assert stderr.endswith("mstrack: 错误：共 1 处问题；没有写入任何数据\n")
    refused(zh(office, "import", "progress", str(path), "--sheet", "第二页"), "--sheet '第二页'：", "中没有这个工作表；其工作表有：Sheet")


@pytest.mark.backend_independent
def test_broken_and_missing_files_in_chinese(office, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    refused(zh(office, "import", "progress", str(empty)), f"{empty}：文件为空")
    refused(zh(office, "import", "progress", str(tmp_path / "old.xls")), "无法读取")
    refused(zh(office, "import", "plan", str(tmp_path / "missing.toml")), f"mstrack: 错误：{tmp_path / 'missing.toml'}：无法读取：")
    notes = tmp_path / "notes.json"
    notes.write_text("{}", encoding="utf-8")
    refused(zh(office, "import", "progress", str(notes)), f"{notes}：未知的文件类型 .json；请用 .csv、.tsv、.xlsx、.xls 或 .ods")
    refused(zh(office, "import", "table", str(empty), "-p", "y-2024", "--year", "2024", "-o", str(tmp_path / "y.toml")),
            f"mstrack: 错误：{empty}：文件为空")


@pytest.mark.backend_independent
def test_a_sheet_without_its_header_names_the_columns_it_needs_in_chinese(office, tmp_path):
    """The header's fields were said by their English keys ("task: …; value: …") under --lang zh too."""
    headless = tmp_path / "无表头.csv"
    headless.write_text("甲,乙\n1,2\n", encoding="utf-8")
    wanted_zh = "任务编号：task / 任务 / 任务序号 / 任务编号 / 序号 / 编号；数值：value / 完成值 / 数值 / 累计完成 / 累计完成值"
    wanted_en = "task: task / 任务 / 任务序号 / 任务编号 / 序号 / 编号; value: value / 完成值 / 数值 / 累计完成 / 累计完成值"
    stderr = refused(zh(office, "import", "progress", str(headless)))
    assert stderr.splitlines()[0] == f"{headless}：前 {HEADER_SEARCH_ROWS} 行中没有找到表头（需要 {wanted_zh}）"
    stderr = refused(office("import", "progress", str(headless)))
    assert stderr.splitlines()[0] == f"{headless}: no header row found in the first {HEADER_SEARCH_ROWS} rows (needs {wanted_en})"
    twice = tmp_path / "两列.csv"
    twice.write_text("计划,任务编号,截至日期,数值,完成值\nx-2023,1,2023-06-30,1,2\n", encoding="utf-8")
    assert f"{twice}:1：有 2 列都表示 数值：D 列 '数值'，E 列 '完成值'" in refused(zh(office, "import", "progress", str(twice)))
    assert f"{twice}:1: 2 columns mean value: D '数值', E '完成值'" in refused(office("import", "progress", str(twice)))


def test_the_systems_reasons_are_said_in_chinese_and_english_is_unchanged(office, tmp_path):
    """The OS's reasons (errno) were English under --lang zh: "No such file or directory", "Is a directory"; a
    directory given as a CSV was a traceback. The path stays as it is."""
    missing, folder = tmp_path / "缺.csv", tmp_path / "目录.csv"
    folder.mkdir()
    for path, zh_reason, en_reason in ((missing, "没有这个文件或目录", "No such file or directory"),
                                       (folder, "这是一个目录，不是文件", "Is a directory")):
        for command in (["import", "progress", str(path)], ["import", "plan", str(path)],
                        ["import", "table", str(path), "-p", "y-2024", "--year", "2024", "-o", str(tmp_path / "y.toml")]):
            assert f"{path}：无法读取：{zh_reason}\n" in refused(zh(office, *command)), command
            assert f"{path}: cannot read: {en_reason}\n" in refused(office(*command)), command
    nowhere = tmp_path / "无此目录" / "周报.md"
    refused(zh(office, "report", "weekly", "-o", str(nowhere)), f"mstrack: 错误：--output {nowhere}：无法写入：没有这个文件或目录\n")
    refused(office("report", "weekly", "-o", str(nowhere)), f"mstrack: error: --output {nowhere}: cannot write: No such file "
                                                           "or directory\n")


@pytest.mark.sqlite_only
def test_sqlites_reasons_are_said_in_chinese_and_english_is_unchanged(cli, tmp_path):
    """--db naming a directory, or a file that is no database: SQLite's own English was left under --lang zh."""
    folder, junk = tmp_path / "库", tmp_path / "junk.db"
    folder.mkdir()
    junk.write_bytes(b"not a database at all" * 100)
    for db, zh_reason, en_reason in ((junk, "这不是数据库文件", "file is not a database"),):
        assert f"：无法打开数据库：{zh_reason}\n" in refused(cli("--lang", "zh", "--db", str(db), "status")), db
        assert f": cannot open the database: {en_reason}\n" in refused(cli("--lang", "en", "--db", str(db), "status")), db
    assert f"{folder}：这是一个目录；" in refused(cli("--lang", "zh", "--db", str(folder), "status"))  # said before SQLite
    assert f"{folder}: is a directory;" in refused(cli("--lang", "en", "--db", str(folder), "status"))


def test_an_os_reason_is_a_message_only_in_the_words_this_system_gives():
    import errno
    import os

    from mstrack.domain.reasons import os_reason

    denied = os_reason(PermissionError(errno.EACCES, os.strerror(errno.EACCES), "x.csv"))
    assert (denied, Labels("zh").message(denied)) == ("Permission denied", "没有权限")
    other = os_reason(PermissionError(errno.EACCES, "Accès refusé", "x.csv"))  # another system's words stay
    assert Labels("zh").message(other) == "Accès refusé"
    assert str(os_reason(OSError("no errno"))) == "no errno"


@pytest.mark.backend_independent
def test_a_damaged_workbook_or_document_is_said_in_chinese(office, tmp_path):
    """A .xlsx or .docx that is no zip archive (damaged, or another file renamed) was "BadZipFile: File is not a
    zip file" under --lang zh; the reader's detail is kept where it says more than that. Bytes that are no text: text
    renamed .xlsx is read as text (fix52b, tests/test_fix52b.py)."""
    said = "不是 zip 压缩包：文件已损坏，或并非这种格式"
    table = ["-p", "y-2024", "--year", "2024", "-o", str(tmp_path / "y.toml")]
    for name, command, english in (("坏.xlsx", ["import", "progress"], "BadZipFile: File is not a zip file"),
                                   ("坏.docx", ["import", "table"], "BadZipFile: File is not a zip file"),
                                   ("坏表.xlsx", ["import", "table"], "ZipError: invalid Zip archive: Could not find EOCD")):
        path = tmp_path / name
        path.write_bytes(b"\x80\xff" * 32)  # no zip, no text
        extra = table if command[1] == "table" else []
        suffix = path.suffix
        assert f"{path}：无法读取的 {suffix} 文件（{said}）\n" in refused(zh(office, *command, str(path), *extra)), name
        assert f"{path}: not a readable {suffix} file ({english})\n" in refused(office(*command, str(path), *extra)), name


def _ole_header() -> bytes:
    """The 512-byte header of an OLE compound file (an .xls): one FAT sector, the directory in sector 1. Cut short
    after a part of a sector, calamine's reader panicked (a Rust assertion, pyo3's PanicException, not an Exception)."""
    import struct

    head = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    head += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    return head + struct.pack("<I", 0) + b"\xff" * 4 * 108


def _damaged_workbooks(folder: Path) -> dict[str, bytes]:
    """One small file a name for each way a workbook is met broken: bytes of no format, an .xls
    (an OLE compound file) cut short after its header, a zip archive holding no workbook, an .xlsx whose sheet's
    XML is cut short, and one whose stored member was altered (its CRC no longer matches); an .xls cut short
    inside its first sector made calamine panic."""
    import random
    import zipfile

    book = xlsx_file(folder / "good.xlsx", ["x-2023", 1, "新建床位", "2023-06-30", 30])
    files = {"乱码.xls": random.Random(7).randbytes(3000),  # text renamed .xls is read as text (tests/test_fix52b.py)
             "截断.xls": bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504),
             "半扇区.xls": _ole_header() + bytes(269), "四字节.xls": _ole_header() + bytes(4)}
    for name, members in (("无表.xlsx", {"hello.txt": b"hi"}), ("无表.ods", {"mimetype": b"application/x"}),
                          ("断表.xlsx", None), ("改动.xlsx", None)):
        with zipfile.ZipFile(book) as source, zipfile.ZipFile(folder / name, "w", zipfile.ZIP_STORED) as target:
            for member in members or source.namelist():
                data = members[member] if members else source.read(member)
                if member == "xl/worksheets/sheet1.xml":
                    data = data[:len(data) // 2] if name == "断表.xlsx" else data
                target.writestr(member, data)
        files[name] = (folder / name).read_bytes()
        if name == "改动.xlsx":  # one byte of the sheet changed after its CRC was written
            at = files[name].index(b"<sheetData>") + 3
            files[name] = files[name][:at] + b"X" + files[name][at + 1:]
    return files


@pytest.mark.backend_independent
def test_a_damaged_xls_xlsx_or_ods_is_said_in_chinese_for_every_reader(office, tmp_path):
    """calamine's, zipfile's and the XML parser's own words ("CalamineError: Cfb error: Invalid OLE …") stood in
    the Chinese line: said now by what they come to, the file named, exit 2; English keeps the reader's words."""
    said = {"改动.xlsx": "zip 压缩包已损坏：文件不完整或被改动过"}
    table = ["-p", "y-2024", "--year", "2024", "-o", str(tmp_path / "y.toml")]
    for name, data in _damaged_workbooks(tmp_path).items():
        path = tmp_path / name
        path.write_bytes(data)
        for command in (["import", "progress", str(path)], ["import", "table", str(path), *table]):
            chinese = refused(zh(office, *command))
            reason = said.get(name, "文件已损坏、不完整，或是改了扩展名的其他文件")
            assert f"{path}：无法读取的 {path.suffix} 文件（{reason}）\n" in chinese, (name, command, chinese)
            assert not any(word in chinese for word in ("Error", "error:", "Cfb", "Traceback")), (name, chinese)
            english = refused(office(*command))
            assert re.search(rf"{re.escape(str(path))}: not a readable \{path.suffix} file \([A-Za-z]+: ", english), english
    assert not (tmp_path / "y.toml").exists()


def test_an_xls_that_makes_calamine_panic_is_said_in_one_line_without_rusts_report(tmp_path):
    import subprocess

    from .test_end_to_end import mstrack_executable

    path = tmp_path / "半扇区.xls"
    path.write_bytes(_ole_header() + bytes(269))
    assert Cli(tmp_path / "t.db")("init").exit_code == 0  # a store to import into: none, and that is said (safe48c)
    done = subprocess.run([mstrack_executable(), "--lang", "zh", "--db", str(tmp_path / "t.db"), "import", "progress",
                           str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (f"{path}：无法读取的 .xls 文件（文件已损坏、不完整，或是改了扩展名的其他文件）\n"
                           "mstrack: 错误：共 1 处问题；没有写入任何数据\n")


def test_a_readers_words_are_english_as_they_are_and_their_gist_in_chinese():
    from mstrack.domain.reasons import reader_reason

    reason = reader_reason(RuntimeError("Workbook is password protected"))
    assert reason == "RuntimeError: Workbook is password protected"
    assert Labels("en").message(reason) == "RuntimeError: Workbook is password protected"
    assert Labels("zh").message(reason) == "文件设有密码：请另存一份不设密码的"


@pytest.mark.backend_independent
@pytest.mark.parametrize(("text", "chinese", "english"), [
    ("format = 1\n[programme\n", "第 2 行第 11 列：表头 [...] 缺少结尾的“]”",
     "Expected ']' at the end of a table declaration (at line 2, column 11)"),
    ("format = [1, 2\n", "文件末尾：数组缺少结尾的“]”", "Unclosed array (at end of document)"),
    ("[x]\n[x]\n", "第 2 行第 3 列：x 声明了两次", "Cannot declare x twice (at line 2, column 3)"),
    ("[a.b]\n[a.b]\n", "第 2 行第 5 列：a.b 声明了两次", "Cannot declare a.b twice (at line 2, column 5)"),
    ('["带 空格"]\n["带 空格"]\n', '第 2 行第 8 列："带 空格" 声明了两次', 'Cannot declare "带 空格" twice (at line 2, column 8)'),
    ('[[a]]\n[a."b\\"c"]\n[a]\n', "第 3 行第 3 列：a 声明了两次", "Cannot declare a twice (at line 3, column 3)"),
    ("a = {b = 1}\na.c = 2\n", "第 2 行第 8 列：不能再修改已写完的 a；第 2 行往其上方写成内联（`{ … }`、`[ … ]`）的表或列表里添加内"
     "容，TOML 不允许从外面添加：请改为写在这对括号内", "Cannot mutate immutable namespace a (at line 2, column 8); line 2 adds to a "
     "table or list written inline above it (`{ … }`, `[ … ]`), which TOML keeps closed: write it inside those brackets instead"),
    ("a = {b = 1, b = 2}\n", "第 1 行第 18 列：内联表中的键 b 重复", "Duplicate inline table key b (at line 1, column 18)"),
    ("format = 很多\n", "第 1 行第 10 列：无效的值（文字要加引号）", "Invalid value (at line 1, column 10)"),
])
def test_a_broken_plan_file_says_what_is_wrong_and_where_in_chinese(office, tmp_path, text, chinese, english):
    broken = tmp_path / "坏.toml"
    broken.write_text(text, encoding="utf-8")
    assert refused(zh(office, "import", "plan", str(broken))) == f"mstrack: 错误：{broken}：不是有效的 TOML：{chinese}\n"
    assert refused(office("import", "plan", str(broken))) == f"mstrack: error: {broken}: not valid TOML: {english}\n"


@pytest.mark.parametrize(("named", "written"), [
    ("('x',)", "x"), ("('a', 'b')", "a.b"), ("('带 空格',)", '"带 空格"'), ("'b'", "b"), ("('a', 'x\"y')", 'a."x\\"y"'),
    ("('a', '\\x01')", 'a."\\u0001"'), ("('1', 'a-b_c')", "1.a-b_c"), ("'\\x00'", '"\\u0000"'),
    ("not a key", "not a key"), ("(1, 2)", "(1, 2)"), ("()", "()"),
])
def test_a_key_tomllib_names_is_shown_as_toml_writes_it(named, written):
    import tomllib

    from mstrack.domain.reasons import toml_key

    assert toml_key(named) == written
    if written != named:  # TOML reads the key written back as the same parts
        parts = ast.literal_eval(named)
        table = tomllib.loads(f"{written} = 1")
        for part in (parts,) if isinstance(parts, str) else parts:
            table = table[part]
        assert table == 1


def test_import_plan_with_broken_files_names_every_problem_in_chinese(office, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\n[programme\n", encoding="utf-8")
    wrong = write_plan(tmp_path / "wrong.toml", '[[tasks]]\ncode = "1"\ntitel = "任务一"\n', code="Wrong")
    stderr = refused(zh(office, "import", "plan", str(broken), str(wrong)))
    lines = stderr.splitlines()
    assert lines[0].startswith(f"mstrack: 错误：{broken}：不是有效的 TOML：")
    assert f"{wrong}：programme.code：'Wrong'：只能用小写字母、数字和“-”" in lines
    assert f"{wrong}：tasks[0].titel：未知的键（应为以下之一：area, assessment, code, deadline, deadline_text, lines, links, " \
           "next_steps, note, problems, progress, title）" in lines
    assert f"{wrong}：tasks[0] (task 1).title：缺少" in lines
    assert f"{wrong}：tasks[0] (task 1).lines：每项任务至少要有一行" in lines


def test_store_and_report_errors_in_chinese(office):
    refused(zh(office, "undo", "42"), "mstrack: 错误：没有批次 42；见 `mstrack batches`")
    refused(zh(office, "status", "--unit", "戊局"), "mstrack: 错误：--unit '戊局'：没有这个单位；单位名称见 `mstrack units`")
    refused(zh(office, "report", "weekly", "--format", "pdf"),
            "mstrack: 错误：--format 'pdf'：应为以下之一：table, md, html, xlsx, csv, json\n")
    refused(zh(office, "report", "half-year", "-p", "x"), "没有计划 'x'；您是否要找：x-2023")
    refused(zh(office, "report", "half-year", "-p", "y-2024"), "没有计划 'y-2024'；已有：x-2023")


def test_a_password_is_scrubbed_in_chinese_too(tmp_path):
    url = "postgresql+psycopg://clerk:s3cr3t-pw@127.0.0.1:9/office"
    result = CliRunner().invoke(app, ["--lang", "zh", "--db", url, "status"])
    stderr = refused(result, "mstrack: 错误：--db ")
    assert "s3cr3t-pw" not in stderr and "无法打开数据库" in stderr


# --- summaries, warnings and lines that are not errors ---------------------------------------------


def test_an_import_summary_and_a_warning_in_chinese(office, tmp_path):
    path = csv_file(tmp_path / "ok.csv", "x-2023,1,新建床位,2023-06-30,30", "x-2023,2,整体进度,2023-06-30,130%",
                    "x-2023,1,新建床位,2023-07-31,", "x-2023,1,新建床位,2023-08-31,20")
    result = zh(office, "import", "progress", str(path), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"新增 3 条，更正 0 条，已有 0 条，跳过空行 1 行；将写入 3 条报送，数据库 {place(office)}\n"
    assert f"mstrack: 警告：{path}:3：整体进度：130% 超过 100%\n" in result.stderr
    assert f"mstrack: 警告：{path}:5：x-2023/1 新建床位 截至 2023-08-31 的 20张 低于截至 2023-06-30 的 30张\n" in result.stderr
    result = zh(office, "import", "progress", str(path))
    assert result.stdout == f"新增 3 条，更正 0 条，已有 0 条，跳过空行 1 行；已写入 3 条报送，数据库 {place(office)}\n"


def test_log_undo_and_db_lines_in_chinese(office):
    result = zh(office, "log", "x-2023/2", "120%", "--as-of", "2023-06-30", "--by", "张三")
    assert result.exit_code == 0, result.output
    assert result.stderr == "mstrack: 警告：整体进度：120% 超过 100%\n"
    assert result.stdout == f"x-2023/2 整体进度：截至 2023-06-30 为 120%（批次 2，填报人 张三），数据库 {place(office)}\n"
    result = zh(office, "log", "x-2023/1", "40", "--as-of", "2023-06-30")
    result = zh(office, "log", "x-2023/1", "45", "--as-of", "2023-06-30")
    assert "截至 2023-06-30 为 45张，更正原值 40张" in result.stdout
    result = zh(office, "undo")
    assert result.exit_code == 0 and result.stdout.startswith("批次 ") and "撤回报送 1 条，恢复 0 条" in result.stdout
    assert zh(office, "db", "check").stdout.endswith("：正常\n")
    assert "已被批次" in zh(office, "batches").stdout and "Batch" not in zh(office, "batches").stdout


def test_the_import_json_says_its_problems_in_the_chosen_language(office, tmp_path):
    import json

    path = csv_file(tmp_path / "bad.csv", "x-2023,1,新建床位,2023-06-30,待定")
    body = json.loads(zh(office, "import", "progress", str(path), "--format", "json").stdout)
    assert body["errors"] == [f"{path}:2:数值：'待定' 不是数量：应为数字，例如 3.2万 或 65%"]
    body = json.loads(office("import", "progress", str(path), "--format", "json").stdout)
    assert body["errors"] == [f"{path}:2:数值: '待定' is not a quantity: expected a number such as 3.2万 or 65%"]


# --- which language -------------------------------------------------------------------------------


def test_english_is_unchanged_by_default(office, tmp_path):
    """No --lang, no MSTRACK_LANG, an English or C locale: the messages are the English ones, word for word."""
    env = {"MSTRACK_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
    runner = CliRunner()
    db = ["--db", str(office.db)]
    result = runner.invoke(app, [*db, "log", "x-2023/1", "很多"], env=env)
    assert result.exit_code == 2
    assert result.stderr == "mstrack: error: VALUE '很多' is not a quantity: expected a number such as 3.2万 or 65%\n"
    path = csv_file(tmp_path / "ok.csv", "x-2023,2,整体进度,2023-06-30,130%")
    result = runner.invoke(app, [*db, "import", "progress", str(path)], env=env)
    assert result.stdout == f"1 new, 0 corrected, 0 already there, 0 empty rows skipped; 1 report was written, in {place(office)}\n"
    assert result.stderr == f"mstrack: warning: {path}:2: 整体进度: 130% is above 100%\n"
    env["LANG"] = "en_GB.UTF-8"
    result = runner.invoke(app, [*db, "show", "x-2023/9"], env=env)
    assert result.stderr == "mstrack: error: x-2023 has no task '9'; its tasks are 1, 2\n"


@pytest.mark.parametrize("env", [
    {"MSTRACK_LANG": "zh", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"},
    {"MSTRACK_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"},
])
def test_chinese_from_the_environment(office, env):
    result = CliRunner().invoke(app, ["--db", str(office.db), "show", "x-2023/9"], env=env)
    assert result.exit_code == 2
    assert result.stderr == "mstrack: 错误：x-2023 没有任务 '9'；其任务有：1, 2\n"
    result = CliRunner().invoke(app, ["--db", str(office.db), "--lang", "en", "show", "x-2023/9"], env=env)
    assert result.stderr == "mstrack: error: x-2023 has no task '9'; its tasks are 1, 2\n"  # --lang wins


# --- the messages themselves -------------------------------------------------------------------------


def test_a_message_is_english_as_a_str_and_chinese_when_rendered():
    date_error = InputError("{value} has no year", value="'6月'")
    error = InputError("--as-of: {error}", error=date_error)
    assert str(error) == "--as-of: '6月' has no year"
    assert Labels("zh").message(error) == "--as-of：'6月' 没有年份"
    assert Labels("en").message(error) == str(error)
    many = InputError([Message("{path}: the file is empty", path="a.csv"), Message("{path}: empty file", path="b.csv")])
    assert str(many) == "a.csv: the file is empty\nb.csv: empty file"
    assert Labels("zh").message(many) == "a.csv：文件为空\nb.csv：文件为空"
    assert Labels("zh").message(Joined("; ", [Message("{name} (text-only)", name="甲"), "乙"])) == "甲（纯文字）；乙"


def test_plain_text_and_unknown_templates_pass_as_they_are():
    assert str(InputError("a {brace} that is no field")) == "a {brace} that is no field"
    assert Labels("zh").message(InputError("a {brace} that is no field")) == "a {brace} that is no field"
    assert Labels("zh").message(Message("not in the catalogue: {x}", x=1)) == "not in the catalogue: 1"
    assert Labels("zh").message("a plain str") == "a plain str"


# --- English counts ------------------------------------------------------------------------------------


def test_english_nouns_agree_with_their_count():
    """"1 checkpoints" read wrong: a label's English says one noun for 1 and another for any other count;
    the Chinese is the same for every number."""
    en, zh = Labels("en"), Labels("zh")
    assert (en("schedule.final", n=1), en("schedule.final", n=3)) == ("1 checkpoint", "3 checkpoints")
    assert (zh("schedule.final", n=1), zh("schedule.final", n=3)) == ("1个节点", "3个节点")
    assert en("weekly.summary", tasks=1, parts="1 behind", on="2023-07-01") == "Of 1 task: 1 behind, as of 2023-07-01"
    assert en("weekly.rows", n=1, parts="1 behind") == "(1 indicator: 1 behind)"
    assert en("table.summary", areas=1, tasks=2, parts="2 done") == "1 project, 2 tasks: 2 done."
    assert en("status.caption", n=1, summary="behind 1") == "1 row: behind 1"
    assert en("status.stale", n=1).startswith("; 1 row has a latest report")
    assert en("status.stale", n=2).startswith("; 2 rows have a latest report")
    assert en("status.disagree", n=1).startswith("; 1 task's computed status disagrees")
    assert en("status.disagree", n=2).startswith("; 2 tasks' computed statuses disagree")
    assert en("units.count", n=1) == "1 unit" and en("units.count_unlisted", n=2, unit="（表中未列）").startswith("2 units, and")
    assert en("demo.loaded", n=1, programmes="x-2023", db="t.db") == "Loaded 1 programme: x-2023 → t.db"
    assert en("demo.programme", code="x-2023", tasks=1) == "x-2023 (1 task)"
    assert en("demo.programme", code="x-2023", tasks=0) == "x-2023 (0 tasks)"


def test_an_english_status_table_counts_one_row_and_one_checkpoint(cli, tmp_path):
    """The same through the command line: the status table of one text-only line with one checkpoint."""
    plan = write_plan(tmp_path / "one.toml", """
[[tasks]]
code = "1"
title = "任务一"
[[tasks.lines]]
lead_units = ["甲局"]
checkpoints = [{ due = "2023-06-30", text = "完成选址" }]
""")
    assert cli("import", "plan", str(plan)).exit_code == 0
    text = cli("status", "--as-of", "2023-07-01").stdout
    assert "1 checkpoint " in text and "1 checkpoints" not in text  # the annual target of a text-only line
    assert "1 row: no report 1" in text and "1 rows" not in text


# --- the catalogue covers every message ------------------------------------------------------------

TEMPLATE_AT = {"InputError": 0, "UnknownProgramme": 0, "NoDataYet": 0, "StoreUnreadable": 0, "OutsideWindow": 0,
               "NoHeaderError": 0, "NoLayoutError": 0, "OldSchema": 0, "DateError": 0, "QuantityError": 0, "Message": 0,
               "Joined": 0, "fail": 0, "say": 0, "warn": 0, "on_stderr": 0, "note": 0}
"""Calls whose argument at this position is a message template (by the name called)."""
METHOD_TEMPLATE_AT = {"fail": 1, "_fail": 3}  # plan_reader.PlanReader.fail(path, template), progress_values.Values._fail(…, template)
LOCAL_TEMPLATE_AT: dict[tuple[str, str], int] = {}
"""(file, name): where a function of that file's own, called by a name above, takes its template at another position
(none now: the row importer's own fail(column, template) left sources/progress.py for Values._fail)."""


def _calls():
    """(file, the name called, whether called as an attribute, the call node) of every call in src/mstrack."""
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name == "errors.py":  # where messages are made, from templates passed in
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                yield name, node.func.id, False, node
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                yield name, node.func.attr, True, node


def _template_arguments():
    """(file:line, the argument node) of every call that takes a message template, in src/mstrack."""
    for name, called, attribute, node in _calls():
        if not attribute and called in TEMPLATE_AT:
            at = LOCAL_TEMPLATE_AT.get((name, called), TEMPLATE_AT[called])
        elif attribute and called in METHOD_TEMPLATE_AT:
            at = METHOD_TEMPLATE_AT[called]
        else:
            continue
        if len(node.args) > at:
            yield from ((f"{name}:{node.lineno}", one) for one in _branches(node.args[at]))


def _branches(argument):
    """A template chosen by a conditional (`"… forms …" if forms else "… notices …"`: cli.each_unit) is each of its
    branches: both are literals the catalogue must hold."""
    if isinstance(argument, ast.IfExp):
        yield from _branches(argument.body)
        yield from _branches(argument.orelse)
    else:
        yield argument


def test_every_template_position_names_a_call_there_is():
    """An entry of TEMPLATE_AT, METHOD_TEMPLATE_AT or LOCAL_TEMPLATE_AT naming a file or a call that is no longer
    there (a module moved, a helper renamed) checks nothing and says nothing: each must name a call src/mstrack makes."""
    calls = {(name, called, attribute) for name, called, attribute, _ in _calls()}
    stale = [called for called in TEMPLATE_AT if not any(c == called and not a for _, c, a in calls)]
    stale += [f".{called}" for called in METHOD_TEMPLATE_AT if not any(c == called and a for _, c, a in calls)]
    stale += [f"{name}: {called}" for name, called in LOCAL_TEMPLATE_AT if (name, called, False) not in calls]
    assert stale == []


def _fields(template: str) -> set[tuple]:
    """The fields a template fills, English plural specs ({n:task|tasks}, a word, not a value) left out."""
    return {(name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(template)
            if name is not None and "|" not in (spec or "")}


def _named_templates() -> dict[str, str]:
    """The templates vocabulary.py names (NO_DATA_HERE_YET: made in store/, known in cli/): a call passing the name
    passes the template."""
    tree = ast.parse((SRC / "vocabulary.py").read_text(encoding="utf-8"))
    return {node.targets[0].id: node.value.value for node in tree.body
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}


def test_every_message_template_has_chinese_with_the_same_fields():
    found = {}
    named = _named_templates()
    for where, argument in _template_arguments():
        if isinstance(argument, ast.Name) and argument.id in named:
            found.setdefault(named[argument.id], where)
        elif isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            found.setdefault(argument.value, where)
    assert len(found) > 150
    missing = [f"{where}: {template!r}" for template, where in found.items() if template.strip() and template not in messages()]
    assert not missing, "\n".join(missing)
    for template, chinese in messages().items():
        assert chinese.strip(), template
        assert _fields(chinese) == _fields(template), (template, chinese)
    unused = [template for template in messages() if template not in found]
    assert not unused, unused


def test_no_message_is_made_by_formatting_a_string_first():
    """An f-string, a + or a .format() would make the English text before the catalogue sees the template."""
    made = []
    for where, argument in _template_arguments():
        formatted = isinstance(argument, ast.Call) and (
            isinstance(argument.func, ast.Attribute) and argument.func.attr in ("format", "join")
            or isinstance(argument.func, ast.Name) and argument.func.id in ("str", "repr", "format"))
        if formatted or isinstance(argument, ast.JoinedStr | ast.BinOp):
            made.append(where)
    assert not made, made


def test_command_line_lines_agree_with_their_count_in_english(cli, tmp_path):
    """Messages take the labels' plural spec too: "1 task added", "1 report was written", "1 problem"."""
    plan = write_plan(tmp_path / "one.toml", '[[tasks]]\ncode = "1"\ntitle = "t"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
                      '[[tasks.lines.indicators]]\nname = "n"\ntarget = 10\nmilestones = []\n')
    assert "1 task added, 0 updated" in cli("import", "plan", str(plan)).stdout
    sheet = tmp_path / "p.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,n,2023-06-30,3\n", encoding="utf-8")
    assert cli("import", "progress", str(sheet)).stdout.endswith(f"; 1 report was written, in {place(cli)}\n")
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,n,2023-06-30,3\nx-2023,1,n,2023-07-31,很多\n", encoding="utf-8")
    assert cli("import", "progress", str(sheet)).stderr.endswith("mstrack: error: 1 problem; nothing was written\n")
    assert Message("{n} {n:problem|problems}; nothing was written", n=2) == "2 problems; nothing was written"


def test_the_catalogue_is_every_subject_file_and_each_key_stands_once():
    """The words are data (labels/SUBJECT.json), read once; a key in two files would silently lose one."""
    import json

    from mstrack.labels import HELP, SUBJECTS, catalogue

    folder = SRC / "labels"
    assert sorted(path.stem for path in folder.glob("*.json")) == sorted((*SUBJECTS, HELP))  # help: test_help.py
    counted = {"labels": 0, "messages": 0}
    for name in SUBJECTS:
        words = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        assert set(words) <= {"about", "labels", "messages"}, name
        assert words.keys() & {"labels", "messages"}, name
        for kind in counted:
            counted[kind] += len(words.get(kind, {}))
        assert all(isinstance(value, str) for value in words.get("messages", {}).values()), name
    assert counted == {"labels": len(catalogue()), "messages": len(messages())}
    assert all(len(pair) == 2 for pair in catalogue().values())
    assert catalogue()["light.red"] == ("红", "red") and messages()["check: {doubt}"] == "请核对：{doubt}"
    assert catalogue() is catalogue()  # read once


@pytest.mark.backend_independent
def test_a_workbook_saved_with_a_password_is_said_so_in_chinese_by_every_reader(office, tmp_path):
    """An .xlsx saved with a password is no zip archive but an OLE compound file holding the encrypted package:
    "不是 zip 压缩包" sent the user looking for damage; the file is named and the way out said, exit 2."""
    import shutil

    from .conftest import ROOT

    path = shutil.copyfile(ROOT / "tests" / "corpus" / "password.xlsx", tmp_path / "加密.xlsx")
    table = ["-p", "y-2024", "--year", "2024", "-o", str(tmp_path / "y.toml")]
    for command in (["import", "progress", str(path)], ["import", "table", str(path), *table]):
        chinese = refused(zh(office, *command))
        assert f"{path}：无法读取的 .xlsx 文件（文件设有密码：请另存一份不设密码的）\n" in chinese, (command, chinese)
        assert "zip" not in chinese, chinese
        english = refused(office(*command))
        assert f"{path}: not a readable .xlsx file (protected by a password: save a copy without one)\n" in english, english
    assert not (tmp_path / "y.toml").exists()


def test_an_ole_file_without_an_encryption_stream_is_not_said_to_have_a_password(tmp_path):
    """Only the EncryptionInfo stream makes an OLE file a password-protected Office file: an .xls (an OLE file too)
    or a damaged one is not."""
    from mstrack.sources.files import saved_with_password

    from .conftest import ROOT

    assert saved_with_password(ROOT / "tests" / "corpus" / "password.xlsx")
    for name, data in _damaged_workbooks(tmp_path).items():
        (tmp_path / name).write_bytes(data)
        assert not saved_with_password(tmp_path / name), name
    plain = tmp_path / "名字.xlsx"  # the stream's name as text in a file that is no OLE file
    plain.write_bytes("EncryptionInfo".encode("utf-16-le") * 40)
    assert not saved_with_password(plain)
