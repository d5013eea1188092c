"""Import and export of 10,000 and 100,000 people, whole processes side by side: wall time and peak memory.

The workbooks are written as Excel writes them (shared strings, a declared size, real date cells), part by
part, so that the import reads what secretaries' files hold; each import goes into a fresh one-branch
database (the `branch` demo), and the export writes back every member of that database.

    python benchmarks/exchange.py [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ENV, PY, ROOT, Table, first_branch_code, run_process

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADERS = ["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Chi bộ", "Trạng thái", "Nơi ở hiện nay", "Ghi chú"]
PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sharedStrings+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        '<sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'styles" Target="styles.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
    "xl/styles.xml": (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{NS}">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/>'
        '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="49" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'),
}
EPOCH = dt.date(1899, 12, 30)


def excel_workbook(path: Path, rows: int, branch: str) -> Path:
    """A member list of *rows* people as Excel saves it."""
    strings: dict[str, int] = {}

    def shared(text: str) -> str:
        return str(strings.setdefault(text, len(strings)))

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{NS}">'
                        f'<dimension ref="A1:H{rows + 1}"/><sheetData>'.encode())
            cells = "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{shared(h)}</v></c>' for i, h in enumerate(HEADERS))
            sheet.write(f'<row r="1">{cells}</row>'.encode())
            for i in range(rows):
                n = i + 2
                birth = dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28)
                texts = {"A": f"Nguyễn Văn Người {i}", "B": "Nữ" if i % 2 else "Nam", "E": branch,
                         "F": "Đảng viên chính thức", "G": f"Thôn {i % 40}, xã Mường Ảng", "H": f"Ghi chú {i}"}
                cells = [f'<c r="{col}{n}" t="s"><v>{shared(text)}</v></c>' for col, text in texts.items()]
                cells.insert(2, f'<c r="C{n}" s="1"><v>{(birth - EPOCH).days}</v></c>')
                cells.insert(3, f'<c r="D{n}" s="2" t="s"><v>{shared(f"09{i:010d}")}</v></c>')
                sheet.write(f'<row r="{n}">{"".join(cells)}</row>'.encode())
            sheet.write(b"</sheetData></worksheet>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{NS}" '
                       f'uniqueCount="{len(strings)}">'.encode())
            for text in strings:
                part.write(f"<si><t>{escape(text)}</t></si>".encode())
            part.write(b"</sst>")
    return path


def timed(args: list[str]) -> tuple[float, float, int, str]:
    """(wall seconds, processor seconds, peak RSS in KiB, stdout) of one child process. The processor time
    says what the work costs when other programs share the machine and stretch the wall time."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, env=ENV, cwd=ROOT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {err.read().decode().strip()[-400:]}")
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, out.read().decode()


def bench_exchange(table: Table, tmp: Path, sizes: tuple[int, ...] = (10_000, 100_000)) -> None:
    """Import then export each size in a database of its own; the figures go side by side in *table*."""
    results = {}
    for size in sizes:
        db = tmp / f"exchange-{size}.sqlite3"
        run_process([PY, "main.py", "demo", "--db", str(db), "--scale", "branch"])
        book = excel_workbook(tmp / f"{size}.xlsx", size, first_branch_code(db))
        imported = timed([PY, "main.py", "import", "members", "--db", str(db), str(book)])
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        count = conn.execute("SELECT count(*) FROM person WHERE full_name LIKE 'Nguyễn Văn Người %'").fetchone()[0]
        members = conn.execute("SELECT count(*) FROM person WHERE deleted_at IS NULL AND status IN "
                               "('official', 'probationary', 'exempt')").fetchone()[0]
        conn.close()
        if count != size:
            raise RuntimeError(f"the import wrote {count} people, not {size}")
        target = tmp / f"out-{size}.xlsx"
        exported = timed([PY, "main.py", "export", "members", "--db", str(db), "-o", str(target)])
        if f" {members} " not in exported[3]:
            raise RuntimeError(f"the export did not write the {members} members: {exported[3]!r}")
        results[size] = (imported, exported)
        book.unlink()
    budget = {10_000: "≤ 10 s", 100_000: "≤ 60 s"}
    for what, index in (("Import", 0), ("Export", 1)):
        for size in sizes:
            wall, cpu, _rss, _out = results[size][index]
            table.add(f"{what} {size:,} people, xlsx (whole process)", wall, None, "s", budget.get(size, "–"))
            table.add(f"{what} {size:,} people, processor time", cpu, None, "s", "–")
        for size in sizes:
            table.add(f"{what} {size:,} people, peak memory", results[size][index][2] / 1024, None, "MiB",
                      "≤ 250 MiB")
    print(f"  load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} processors", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    args = parser.parse_args()
    table = Table()
    with tempfile.TemporaryDirectory() as tmp_name:
        bench_exchange(table, Path(tmp_name), tuple(args.sizes))
    print()
    print(table.markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
