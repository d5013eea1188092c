"""The shared string table of a workbook, and the expat parser every part of it is read with.

Excel keeps each distinct text once, in a table the cells point into. The table is held in memory up to a
budget and spills to a scratch database beyond it, so a list of a hundred thousand distinct names costs the
same memory as a short one. Parsers refuse a document type definition: it is the way to an XML entity bomb,
and no spreadsheet part has one.
"""

from __future__ import annotations

import pyexpat

from desktop_app.store.scratch import Scratch

CHUNK = 64 * 1024
MEMORY_CHARS = 4_000_000  # shared strings kept in memory (about 8 MB); the rest go to a scratch database
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_T, _RPH, _SI = _NS + "t", _NS + "rPh", _NS + "si"


class SharedStrings:
    """The shared string table: a list while it is small, a scratch table beyond MEMORY_CHARS."""

    def __init__(self):
        self.memory: list[str] = []
        self.chars = 0
        self.spill: Scratch | None = None
        self.pending: list[tuple[int, str]] = []
        self.count = 0

    def add(self, text: str) -> None:
        if self.spill is None and self.chars + len(text) <= MEMORY_CHARS:
            self.memory.append(text)
            self.chars += len(text)
        else:
            if self.spill is None:
                self.spill = Scratch("CREATE TABLE s (i INTEGER PRIMARY KEY, text TEXT NOT NULL)")
            self.pending.append((self.count, text))
            if len(self.pending) >= 1000:
                self.flush()
        self.count += 1

    def flush(self) -> None:
        if self.pending and self.spill is not None:
            self.spill.executemany("INSERT INTO s VALUES (?, ?)", self.pending)
            self.pending = []

    def __getitem__(self, index: int) -> str:
        if index < len(self.memory):
            return self.memory[index]
        row = self.spill.one("SELECT text FROM s WHERE i = ?", (index,)) if self.spill is not None else None
        if row is None:
            raise IndexError(index)
        return row[0]

    def close(self) -> None:
        if self.spill is not None:
            self.spill.close()


def expat_parser(start, end, chars) -> pyexpat.XMLParserType:
    parser = pyexpat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.buffer_size = CHUNK
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars

    def no_dtd(*_args) -> None:
        raise ValueError("a document type definition in a workbook part")

    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    return parser


def read_strings(source) -> SharedStrings:
    """The shared strings of the workbook, as openpyxl reads them: the plain and rich-text runs of each item,
    without its phonetic guide."""
    table = SharedStrings()
    state = {"phonetic": 0, "text": False}
    parts: list[str] = []

    def start(name, _attrs):
        if name == _T and not state["phonetic"]:
            state["text"] = True
        elif name == _RPH:
            state["phonetic"] += 1
        elif name == _SI:
            parts.clear()

    def end(name):
        if name == _T:
            state["text"] = False
        elif name == _RPH:
            state["phonetic"] -= 1
        elif name == _SI:
            table.add("".join(parts).replace("x005F_", ""))

    def chars(data):
        if state["text"]:
            parts.append(data)

    parser = expat_parser(start, end, chars)
    while chunk := source.read(CHUNK):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
    table.flush()
    return table
