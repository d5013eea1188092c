# ruff: noqa: E501 - the XML parts are kept one element a line, as they are written
"""Workbooks written part by part, as Excel and LibreOffice write them (shared strings, a declared dimension,
the 1904 date system, shared formulas…) or as no honest program does (a zip bomb, a lying size)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
{strings}</Types>"""
STRINGS_TYPE = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                'officedocument.spreadsheetml.sharedStrings+xml"/>\n')
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr{date1904}/><sheets><sheet name="{title}" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
# Style 0: General; style 1: a date (dd/mm/yyyy); style 2: a duration ([h]:mm:ss).
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{ns}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>
<numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/>
</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""


def shared_strings(items: list[str]) -> str:
    """A shared-string part; an item is raw XML inside <si> when it starts with "<", else plain text."""
    body = "".join(f"<si>{i}</si>" if i.startswith("<") else f"<si><t>{escape(i)}</t></si>" for i in items)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{NS}" count="{len(items)}">{body}</sst>'


def sheet(rows_xml: str, dimension: str | None = None, tail: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{NS}">{dim}'
            f"<sheetData>{rows_xml}</sheetData>{tail}</worksheet>")


def text_row(number: int, values: list[str | None]) -> str:
    """A row of inline strings (None leaves the cell out)."""
    from openpyxl.utils import get_column_letter

    cells = "".join(f'<c r="{get_column_letter(i)}{number}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
                    for i, v in enumerate(values, 1) if v is not None)
    return f'<row r="{number}">{cells}</row>'


def build(path: Path, sheet_xml: str, *, strings: list[str] | None = None, date1904: bool = False,
          title: str = "Danh sách", padding: int = 0) -> Path:
    """Write the workbook. *padding* bytes of spaces go into the sheet after its data (a zip bomb: they
    compress to almost nothing)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(strings=STRINGS_TYPE if strings is not None else ""))
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK.format(ns=NS, title=escape(title),
                                                      date1904=' date1904="1"' if date1904 else ""))
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/styles.xml", STYLES.format(ns=NS))
        if strings is not None:
            z.writestr("xl/sharedStrings.xml", shared_strings(strings))
        if not padding:
            z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        else:
            head, tail = sheet_xml.split("</sheetData>")
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
                part.write(head.encode())
                chunk = b" " * (1 << 20)
                for _i in range(padding // len(chunk)):
                    part.write(chunk)
                part.write(("</sheetData>" + tail).encode())
    return path


def understate_sizes(path: Path, size: int = 100) -> None:
    """Rewrite the central directory so that every part claims to unpack to *size* bytes (a lying archive)."""
    data = bytearray(Path(path).read_bytes())
    signature = b"PK\x01\x02"
    at = data.find(signature)
    while at != -1:
        data[at + 24:at + 28] = size.to_bytes(4, "little")  # uncompressed size
        at = data.find(signature, at + 4)
    Path(path).write_bytes(bytes(data))
