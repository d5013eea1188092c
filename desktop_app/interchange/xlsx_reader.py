"""Reading a workbook row by row in flat memory: a stream of rows, each with its number in the sheet.

openpyxl reads the small parts (which sheets there are, where they live, which cell styles are dates); the
sheets themselves are parsed here with expat, one row at a time, because openpyxl's read-only mode pads
every row to the width the sheet declares, stops at the height it declares and builds an object per cell,
four times slower. Values come out as openpyxl gives them with ``data_only=False``: text, numbers, booleans,
dates (from the cell's number format, in the workbook's date system) and, for a formula, a ``Formula`` that
says so: the caller decides what a formula means (the importer reports it, it never takes its value).

Shared strings are held in memory up to a budget and spill to a scratch database beyond it, so a sheet of
a hundred thousand distinct names costs the same memory as a small one. A document type definition (the
way to an XML entity bomb) is refused. Limits (rows, columns, unpacked size) are checked as soon as they
can be: from what the sheet declares before it is read, and by counting while it is.
"""

from __future__ import annotations

import pyexpat
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import column_index_from_string as _column_index
from openpyxl.utils.datetime import from_excel, from_ISO8601

from desktop_app.i18n import _, format_number
from desktop_app.interchange.errors import WorkbookError
from desktop_app.interchange.xlsx_archive import GuardedArchive, LimitError, damaged, open_archive
from desktop_app.interchange.xlsx_strings import CHUNK as _CHUNK
from desktop_app.interchange.xlsx_strings import SharedStrings, expat_parser, read_strings
from desktop_app.services.interchange.limits import WorkbookLimits

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_C, _V, _F, _T, _IS, _RPH, _ROW = (_NS + t for t in ("c", "v", "f", "t", "is", "rPh", "row"))
_DIMENSION = _NS + "dimension"
_DIGITS = "0123456789"
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


class Formula(str):
    """A formula cell, as its formula text ("=SUM(A1:A3)"). Never a value to store: the importer reports it."""

    __slots__ = ()


@dataclass(frozen=True)
class SheetInfo:
    title: str
    part: str  # the sheet's path inside the archive
    size: int  # its unpacked size in bytes, as the archive declares it


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


class WorkbookReader:
    """An open workbook: its sheets' names, and their rows one at a time. Use it as a context manager."""

    def __init__(self, path: Path, limits: WorkbookLimits):
        self.path = Path(path)
        self.limits = limits
        self.archive: GuardedArchive = open_archive(self.path, limits)
        self.strings = SharedStrings()
        self.position = (0, 0)  # (bytes read, bytes in all) of the sheet being read
        try:
            self._read_parts()
        except WorkbookError:
            self.close()
            raise
        except Exception as exc:  # a damaged or foreign zip raises anything from KeyError to XML errors
            self.close()
            raise damaged(self.path) from exc

    def _read_parts(self) -> None:
        from openpyxl.packaging.manifest import Manifest
        from openpyxl.reader.excel import _find_workbook_part
        from openpyxl.reader.workbook import WorkbookParser
        from openpyxl.styles.stylesheet import apply_stylesheet
        from openpyxl.xml.constants import ARC_CONTENT_TYPES, SHARED_STRINGS
        from openpyxl.xml.functions import fromstring

        package = Manifest.from_tree(fromstring(self.archive.read(ARC_CONTENT_TYPES)))
        strings = package.find(SHARED_STRINGS)
        if strings is not None:
            with self.archive.open(strings.PartName[1:]) as source:
                self.strings = read_strings(source)
        parser = WorkbookParser(self.archive, _find_workbook_part(package).PartName[1:])
        parser.parse()
        workbook = parser.wb
        apply_stylesheet(self.archive, workbook)
        self.epoch = workbook.epoch
        self.date_styles = set(workbook._date_formats)
        self.timedelta_styles = set(workbook._timedelta_formats)
        names = set(self.archive.namelist())
        self.sheets = [SheetInfo(sheet.name, rel.target, self.archive.size_of(rel.target))
                       for sheet, rel in parser.find_sheets()
                       if rel.target in names and "chartsheet" not in rel.Type]

    @property
    def sheet_names(self) -> list[str]:
        return [s.title for s in self.sheets]

    def sheet(self, title: str) -> SheetInfo:
        for info in self.sheets:
            if info.title == title:
                return info
        raise WorkbookError(_("The workbook has no sheet named “{sheet}”; its sheets are: {names}.").format(
            sheet=title, names=", ".join(self.sheet_names)))

    def rows(self, title: str, *, dimension: list | None = None) -> Iterator[tuple[int, tuple]]:
        """(row number, values) of every row of sheet *title* that has a cell, in sheet order. Each row is
        as wide as the sheet declares (or as its last cell, if wider). *dimension*, when given, receives the
        sheet's declared last row and last column as soon as they are read."""
        info = self.sheet(title)
        try:
            with self.archive.open(info.part) as source:
                yield from _SheetParser(self, info, source, dimension).rows()
        except WorkbookError:
            raise
        except (pyexpat.ExpatError, ValueError, IndexError, KeyError, EOFError, zlib.error, OSError,
                zipfile.BadZipFile) as exc:
            raise damaged(self.path) from exc

    def close(self) -> None:
        self.strings.close()
        self.archive.close()

    def __enter__(self) -> WorkbookReader:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


class _SheetParser:
    """One pass over a sheet's XML with expat; rows are handed out after each chunk of input."""

    def __init__(self, reader: WorkbookReader, info: SheetInfo, source, dimension: list | None):
        self.reader, self.info, self.source = reader, info, source
        self.dimension = dimension if dimension is not None else []
        self.declared_columns = 0
        self.out: list[tuple[int, tuple]] = []
        self.row_number = 0
        self.cells: list[tuple[int, Any]] = []
        self.column = 0
        self.last_column = 0
        self.rows_with_data = 0
        self.shared: dict[str, Any] = {}
        self.capture: list[str] | None = None
        self.cell: dict[str, Any] = {}
        self.phonetic = 0

    def rows(self) -> Iterator[tuple[int, tuple]]:
        parser = expat_parser(self.start, self.end, self.chars)
        total = self.info.size
        while chunk := self.source.read(_CHUNK):
            parser.Parse(chunk, False)
            self.reader.position = (self.source.position, max(total, self.source.position))
            if self.out:
                yield from self.out
                self.out.clear()
        parser.Parse(b"", True)
        yield from self.out
        self.out.clear()

    # ---- expat callbacks -------------------------------------------------------------------------------------

    def start(self, name: str, attrs: dict) -> None:
        if name == _C:
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip(_DIGITS)
                self.column = _column_index(letters)
            else:
                self.column += 1
            self.cell = {"t": attrs.get("t", "n"), "s": attrs.get("s"), "v": None, "f": None, "is": None,
                         "ref": ref}
        elif name == _V:
            self.capture = []
        elif name == _T:
            if self.cell.get("is") is not None and not self.phonetic:
                self.capture = self.cell["is"]
        elif name == _IS:
            self.cell["is"] = []
        elif name == _RPH:
            self.phonetic += 1
        elif name == _F:
            self.capture = []
            self.cell["f"] = (attrs, self.capture)
        elif name == _ROW:
            number = attrs.get("r")
            self.row_number = _row_number(number) if number else self.row_number + 1
            self.cells = []
            self.column = 0
        elif name == _DIMENSION:
            self._declared(attrs.get("ref", ""))

    def end(self, name: str) -> None:
        if name == _C:
            value = self._value()
            self.cells.append((self.column, value))
        elif name == _V:
            self.cell["v"] = "".join(self.capture)
            self.capture = None
        elif name == _T or name == _F:
            self.capture = None
        elif name == _RPH:
            self.phonetic -= 1
        elif name == _ROW:
            self._row_done()

    def chars(self, data: str) -> None:
        if self.capture is not None:
            self.capture.append(data)

    # ---- cells and rows ----------------------------------------------------------------------------------------

    def _declared(self, ref: str) -> None:
        """The sheet's declared size: refused at once when it is beyond the limits."""
        last = ref.split(":")[-1]
        match = _REF.match(last)
        if not match:
            return
        columns, rows = _column_index(match.group(1).upper()), int(match.group(2))
        limits = self.reader.limits
        if rows > limits.max_rows:
            raise _too_many_rows(self.info.title, rows, limits)
        self.declared_columns = columns if columns <= limits.max_columns else 0
        self.dimension[:] = [rows, columns]

    def _value(self) -> Any:
        cell = self.cell
        kind, text = cell["t"], cell["v"]
        if cell["f"] is not None:
            return self._formula(cell)
        if kind == "inlineStr":
            return "".join(cell["is"]) if cell["is"] is not None else None
        if not text:
            return None
        if kind == "n":
            value = _number(text)
            style = int(cell["s"]) if cell["s"] else 0
            if style in self.reader.date_styles:
                try:
                    return from_excel(value, self.reader.epoch, timedelta=style in self.reader.timedelta_styles)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return value
        if kind == "s":
            return self.reader.strings[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)
        return text  # "str" (a formula's text result), "e" (an error such as #N/A)

    def _formula(self, cell: dict) -> Formula:
        attrs, parts = cell["f"]
        text = "=" + "".join(parts)
        if attrs.get("t") == "shared":
            index = attrs.get("si")
            if index in self.shared and text == "=":
                master, where = self.shared[index]
                try:
                    from openpyxl.formula.translate import Translator

                    text = Translator(master, where).translate_formula(cell["ref"]) if cell["ref"] else master
                except Exception:  # an odd formula is still a formula: say which one it copies
                    text = master
            elif text != "=" and cell["ref"]:
                self.shared[index] = (text, cell["ref"])
        return Formula(text)

    def _row_done(self) -> None:
        cells = self.cells
        limits = self.reader.limits
        width = self.declared_columns
        has_data = False
        for column, value in cells:
            if value is None:
                if column <= limits.max_columns:
                    width = max(width, column)
                continue
            has_data = True
            if column > limits.max_columns:
                raise _too_many_columns(self.info.title, column, limits)
            width = max(width, column)
        if has_data:
            self.rows_with_data += 1
            if self.rows_with_data > limits.max_rows:
                raise _too_many_rows(self.info.title, self.row_number, limits)
        values = [None] * width
        for column, value in cells:
            if column <= width:
                values[column - 1] = value
        self.out.append((self.row_number, tuple(values)))


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise
        return int(value)


def _too_many_rows(sheet: str, rows: int, limits: WorkbookLimits) -> LimitError:
    return LimitError(_("Sheet “{sheet}” reaches row {rows}, more than the {limit} rows this program imports from a "
                        "sheet. No branch or committee has a list that long: check that this is the right file. If "
                        "the list is shorter, delete whatever is written below it and save the workbook again.").format(
        sheet=sheet, rows=format_number(rows), limit=format_number(limits.max_rows)))


def _too_many_columns(sheet: str, column: int, limits: WorkbookLimits) -> LimitError:
    from openpyxl.utils import get_column_letter

    return LimitError(_("Sheet “{sheet}” has data in column {letter}, beyond the {limit} columns this program reads. "
                        "Check that this is the right file, or delete what is written that far to the right.").format(
        sheet=sheet, letter=get_column_letter(min(column, 18278)), limit=format_number(limits.max_columns)))
