"""safe44b: nothing lost to a small workbook that unpacks to gigabytes. A 1 MB .xlsx holding one 1 GB cell ran
`import progress` for 7 minutes, grew to 2 GB and aborted in calamine (exit 134, no message): the 200 MB limit was on
the file's size, and the 4 GB one on what all its parts unpack to. Now a part packed more than 100:1 that unpacks to
more than 200 MB is refused from the zip's directory (files.check_unzipped, in the one check every reader makes before
it opens a file), naming the file and the part, before calamine, the .ods scan or python-docx unpacks anything.

The bombs are real files (openpyxl's workbook, python-docx's document, an .ods of the parts LibreOffice needs) with one
text grown to BOMB_BYTES by zipfile's stream writer, a chunk at a time: ~1 MB on disk."""

import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mstrack.domain.limits import MAX_FILE_BYTES
from mstrack.errors import InputError
from mstrack.sources import files

from .conftest import ROOT
from .test_end_to_end import mstrack_executable

BOMB_BYTES = 256 << 20
"""Past MAX_FILE_BYTES (200 MB) unpacked; ~1.2 MB packed at zlib's fastest level."""
MARK = b"PLACEHOLDER"
HEADER = ["计划", "任务编号", "指标", "截至日期", "数值", "备注"]
ROW = ["shenzhen-2023", "5", "建设", "2023-06-30", 25000, "PLACEHOLDER"]
REPORTS = "select count(*) from report"
MEMORY_LIMIT = 1 << 30
"""What the installed command runs under (RLIMIT_AS, as prlimit --as=1G): before, calamine asked for 3.3 GB per GB of cell."""


def grown(source: Path, target: Path, member: str, pad: bytes, *, at: bytes = MARK, keep: bool = False) -> Path:
    """`source` copied to `target`, `member`'s `at` replaced by (or, `keep`, followed by) BOMB_BYTES of `pad`, written
    in 1 MB chunks."""
    chunk, found = pad * (1 << 20), False
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename != member:
                zout.writestr(item.filename, data)
                continue
            head, tail = data.split(at, 1)
            found = True
            head += at if keep else b""
            with zout.open(member, "w", force_zip64=True) as handle:
                handle.write(head)
                for _ in range(BOMB_BYTES >> 20):
                    handle.write(chunk)
                handle.write(tail)
    assert found, member
    return target


def xlsx_source(folder: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(ROW)
    book.save(folder / "source.xlsx")
    return folder / "source.xlsx"


def excel_source(folder: Path) -> Path:
    """The rows as Excel saves them, every text in the shared strings (openpyxl writes them inline): the bench's writer."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate  # its dataclasses look their module up there
    try:
        spec.loader.exec_module(generate)
    finally:
        del sys.modules[spec.name]
    generate.write_excel_xlsx(folder / "excel.xlsx", HEADER, [ROW])
    return folder / "excel.xlsx"


ODS_NS = ('xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def ods_source(folder: Path) -> Path:
    def cell(value) -> str:
        if isinstance(value, int):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    rows = "".join("<table:table-row>" + "".join(map(cell, row)) + "</table:table-row>" for row in (HEADER, ROW))
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="Sheet1">{rows}</table:table></office:spreadsheet></office:body>'
               "</office:document-content>")
    path = folder / "source.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest '
                         'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                         'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                         '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                         "</manifest:manifest>")
    return path


def docx_source(folder: Path) -> Path:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=len(HEADER))
    for number, row in enumerate((["任务", "责任单位", "完成时限"] * 2, ["新建公办幼儿园3所", "区教育局", "PLACEHOLDER"] * 2)):
        for column, text in enumerate(row):
            table.cell(number, column).text = str(text)
    document.save(folder / "source.docx")
    return folder / "source.docx"


BOMBS = {  # name: (source, the part grown, its pad, what the message calls it)
    "strings.xlsx": (excel_source, "xl/sharedStrings.xml", b"x", "the shared strings"),
    "sheet.xlsx": (xlsx_source, "xl/worksheets/sheet1.xml", b" ", "the sheet"),
    "content.ods": (ods_source, "content.xml", b"x", "the sheets' content"),
    "text.docx": (docx_source, "word/document.xml", b"x", "the document's text"),
}


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    """Each bomb made once for the module, when first asked for."""
    folder = tmp_path_factory.mktemp("bombs")
    made: dict[str, Path] = {}

    def bomb(name: str) -> Path:
        if name not in made:
            source, member, pad, _ = BOMBS[name]
            at = b"<sheetData>" if name == "sheet.xlsx" else MARK  # a sheet's spaces between its elements: still XML
            made[name] = grown(source(folder), folder / name, member, pad, at=at, keep=name == "sheet.xlsx")
        return made[name]

    return bomb


def refusal(path: Path, name: str) -> str:
    _, member, _, kind = BOMBS[name]
    return f"{path}: {kind} {member} unpacks to {BOMB_BYTES >> 20} MB from "


def test_every_bomb_is_what_it_claims_to_be(bombs):
    """The test's own files: small on disk, one part past the limit unpacked, packed more than 100:1."""
    for name, (_, member, _, _) in BOMBS.items():
        path = bombs(name)
        assert path.stat().st_size < 2 << 20
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(member)
        assert info.file_size > MAX_FILE_BYTES and info.file_size > 100 * info.compress_size


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_the_check_names_the_file_and_the_part(bombs, name):
    path = bombs(name)
    with pytest.raises(InputError) as raised:
        files.check_unzipped(path)
    assert str(raised.value).startswith(refusal(path, name)), str(raised.value)


@pytest.mark.parametrize("name", ["strings.xlsx", "sheet.xlsx", "content.ods"])
def test_import_progress_refuses_a_bomb_before_reading_it(demo_cli, bombs, name):
    """The store is touched (the import takes its lock and opens its batch): run on both stores."""
    path = bombs(name)
    before = demo_cli.sql(REPORTS)[0][0]
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert refusal(path, name) in result.stderr
    assert "characters is more than mstrack keeps" not in result.stderr
    assert demo_cli.sql(REPORTS)[0][0] == before


@pytest.mark.sqlite_only  # import table writes a plan file, never the store: the refusal before any store is tested
@pytest.mark.parametrize("name", ["strings.xlsx", "content.ods", "text.docx"])
def test_import_table_refuses_a_bomb_before_reading_it(cli, bombs, tmp_path, name):
    path = bombs(name)
    output = tmp_path / "plan.toml"
    result = cli("import", "table", str(path), "-p", "x-2023", "--year", "2023", "-o", str(output))
    assert result.exit_code == 2, result.output
    assert refusal(path, name) in result.stderr
    assert not output.exists()


def limited():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def installed(cli, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([mstrack_executable(), "--db", str(cli.db), "--lang", "en", *args], capture_output=True,
                          text=True, timeout=300, preexec_fn=limited)


def test_the_installed_command_refuses_a_bomb_within_a_memory_limit(demo_cli, bombs, tmp_path):
    """Under 1 GB of address space: before, calamine's allocation for the cell failed there and aborted the process
    (exit 134, no message). A real workbook of the same rows imports under the same limit: the limit is no refusal."""
    path = bombs("strings.xlsx")
    before = demo_cli.sql(REPORTS)[0][0]
    done = installed(demo_cli, "import", "progress", str(path))
    assert done.returncode == 2, done.stderr[-2000:]
    assert refusal(path, "strings.xlsx") in done.stderr
    assert "Traceback" not in done.stderr
    assert demo_cli.sql(REPORTS)[0][0] == before
    real = xlsx_source(tmp_path)
    with zipfile.ZipFile(real) as zin, zipfile.ZipFile(tmp_path / "real.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item.filename).replace(MARK, "区报数".encode()))
    done = installed(demo_cli, "import", "progress", str(tmp_path / "real.xlsx"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert demo_cli.sql(REPORTS)[0][0] == before + 1
    assert demo_cli.sql("select value, note from report order by id desc limit 1") == [(25000, "区报数")]


def test_real_workbooks_and_documents_are_not_refused():
    """Every .xlsx, .ods and .docx the tests hold (the seeds' tables among them) passes the check; their parts are
    packed at most ~32:1 (a .docx's styles). The bench's province workbooks (735 MB of sheet XML) pack 15:1."""
    paths = [path for pattern in ("*.xlsx", "*.ods", "*.docx") for path in (ROOT / "tests").rglob(pattern)]
    assert len(paths) > 30
    for path in paths:
        files.check_unzipped(path)  # a file that is no zip (password.xlsx, truncated.xlsx) is its reader's to refuse
