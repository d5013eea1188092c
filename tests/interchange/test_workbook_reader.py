"""The streaming workbook reader: the values openpyxl reads, row by row, and the limits that keep a hostile or
wrong file from grinding through gigabytes."""

import datetime as dt
import time

import pytest
from handmade_xlsx import build, sheet, text_row, understate_sizes

from desktop_app.interchange.errors import WorkbookError
from desktop_app.interchange.xlsx_archive import GuardedArchive, LimitError
from desktop_app.interchange.xlsx_import import read_sheet, stream_rows
from desktop_app.interchange.xlsx_reader import Formula, WorkbookReader
from desktop_app.services.interchange.limits import DEFAULT, WorkbookLimits

EXCEL_LIKE = (
    '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
    '<c r="D1" t="s"><v>3</v></c></row>'
    '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" s="1"><v>29326</v></c><c r="C3"><v>42</v></c>'
    '<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" s="2"><v>0.5</v></c></row>'
    '<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4" t="s"><v>6</v></c><c r="C4"><f>C3*2</f><v>84</v></c>'
    '<c r="D4"><f t="shared" ref="D4:D5" si="0">C4+1</f><v>85</v></c><c r="E4" t="str"><f>"a"&amp;"b"</f>'
    "<v>ab</v></c></row>"
    '<row r="5"><c r="D5"><f t="shared" si="0"/><v>86</v></c><c r="F5"><v>1.5E3</v></c><c r="G5" s="1"/></row>'
)
STRINGS = ["Họ và tên", "Ngày sinh", "Số", "Đoàn viên", "Nguyễn Văn Đức",
           "<r><t>Lò </t></r><r><rPr><b/></rPr><t>Thị Ánh</t></r><rPh sb=\"0\" eb=\"1\"><t>ロ</t></rPh>",
           "x005F_x000D_ giữ"]


def _openpyxl_rows(path):
    from openpyxl import load_workbook

    ws = load_workbook(path, read_only=True).worksheets[0]
    ws.reset_dimensions()  # read every row, whatever the sheet declares
    rows = {}
    for number, values in enumerate(ws.iter_rows(values_only=True), 1):
        if any(v is not None for v in values):
            rows[number] = tuple(values)
    return rows


def _trimmed(values) -> list[str]:
    values = list(values)
    while values and values[-1] is None:
        values.pop()
    return [str(v) for v in values]


def _ours(path, limits=DEFAULT):
    with WorkbookReader(path, limits) as reader:
        return {n: v for n, v in reader.rows(reader.sheet_names[0]) if any(x is not None for x in v)}


@pytest.mark.parametrize("date1904", [False, True])
def test_values_are_those_openpyxl_reads(tmp_path, date1904):
    path = build(tmp_path / "excel.xlsx", sheet(EXCEL_LIKE, "A1:G5"), strings=STRINGS, date1904=date1904)
    ours, theirs = _ours(path), _openpyxl_rows(path)
    assert set(ours) == set(theirs) == {1, 3, 4, 5}
    for number in theirs:
        assert _trimmed(ours[number]) == _trimmed(theirs[number]), number
    assert ours[3][1] == (dt.datetime(1984, 4, 16) if date1904 else dt.datetime(1980, 4, 15))
    assert ours[4][0] == "Lò Thị Ánh"  # rich-text runs joined, the phonetic guide left out
    assert ours[5][3] == "=C5+1" and isinstance(ours[5][3], Formula)  # a shared formula, translated
    assert isinstance(ours[4][2], Formula) and ours[4][2] == "=C3*2"
    assert ours[3][3] is True and ours[3][4] == "#N/A" and ours[5][5] == 1500.0


def test_rows_without_a_declared_size_keep_their_numbers(tmp_path):
    rows = text_row(2, ["Họ và tên", "Giới tính"]) + text_row(7, ["Nguyễn Văn A", "Nam"]) + \
        text_row(8, [None, None, "C"])
    path = build(tmp_path / "gaps.xlsx", sheet(rows))
    assert _ours(path) == {2: ("Họ và tên", "Giới tính"), 7: ("Nguyễn Văn A", "Nam"), 8: (None, None, "C")}


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    rows = text_row(1, ["Họ và tên"]) + text_row(2, ["Nguyễn Văn A"])
    path = build(tmp_path / "bomb.xlsx", sheet(rows), padding=600 * 1024 * 1024)
    assert path.stat().st_size < 5 * 1024 * 1024  # a small file…
    started = time.monotonic()
    with pytest.raises(LimitError) as refused:
        read_sheet(path)
    assert time.monotonic() - started < 2
    message = str(refused.value)
    assert "bomb.xlsx" in message and "600" in message and "256" in message  # the size and the limit


def test_a_lying_archive_is_refused(tmp_path):
    rows = "".join(text_row(n, [f"Người {n}", "Nam"]) for n in range(1, 2000))
    path = build(tmp_path / "lies.xlsx", sheet(rows))
    understate_sizes(path)
    with pytest.raises(Exception) as refused:
        read_sheet(path)
    assert "lies.xlsx" in str(refused.value)


def test_what_is_inflated_is_counted_against_the_limit(tmp_path):
    rows = "".join(text_row(n, [f"Người {n}" * 20]) for n in range(1, 8000))
    path = build(tmp_path / "big.xlsx", sheet(rows))
    archive = GuardedArchive(path, DEFAULT)
    archive.limits = WorkbookLimits(max_unpacked_mb=1)  # as if the declared sizes had been small
    with pytest.raises(LimitError, match="1 MB"), archive.open("xl/worksheets/sheet1.xml") as part:
        while part.read(65536):
            pass
    archive.close()


def test_a_sheet_declaring_a_million_rows_is_refused_at_once(tmp_path):
    rows = text_row(1, ["Họ và tên"]) + text_row(2, ["Nguyễn Văn A"])
    path = build(tmp_path / "tall.xlsx", sheet(rows, "A1:B1048576"))
    with pytest.raises(LimitError) as refused:
        read_sheet(path)
    assert "1,048,576" in str(refused.value) or "1.048.576" in str(refused.value)
    assert "200" in str(refused.value)


def test_rows_beyond_the_limit_are_refused_as_they_are_read(tmp_path):
    rows = text_row(1, ["Họ và tên"]) + "".join(text_row(n, [f"Người {n}"]) for n in range(2, 5000))
    path = build(tmp_path / "many.xlsx", sheet(rows))
    small = WorkbookLimits(max_rows=3000)
    data = read_sheet(path, limits=small)  # the head is within the limit
    with pytest.raises(LimitError, match="3,000|3.000"):
        list(stream_rows(data, limits=small))


def test_data_far_to_the_right_is_refused(tmp_path):
    rows = text_row(1, ["Họ và tên"]) + '<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>'
    path = build(tmp_path / "wide.xlsx", sheet(rows))
    with pytest.raises(LimitError, match="XFD"):
        read_sheet(path)


def test_a_document_type_definition_is_refused(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')
    path = build(tmp_path / "entities.xlsx", bomb)
    with pytest.raises(Exception) as refused:
        read_sheet(path, require_names=False)
    assert "entities.xlsx" in str(refused.value)


def test_many_distinct_strings_spill_to_disk_and_read_back(tmp_path, monkeypatch):
    from desktop_app.interchange import xlsx_strings

    monkeypatch.setattr(xlsx_strings, "MEMORY_CHARS", 1000)
    names = [f"Người thứ {n}" for n in range(3000)]
    rows = "".join(f'<row r="{n + 1}"><c r="A{n + 1}" t="s"><v>{n}</v></c></row>' for n in range(3000))
    path = build(tmp_path / "strings.xlsx", sheet(rows), strings=names)
    with WorkbookReader(path, DEFAULT) as reader:
        assert reader.strings.spill is not None and len(reader.strings.memory) < 100
        assert [v[0] for _n, v in reader.rows(reader.sheet_names[0])] == names


def test_entities_in_the_small_parts_are_refused_too(tmp_path):
    import zipfile

    path = build(tmp_path / "source.xlsx", sheet(text_row(1, ["Họ và tên"]) + text_row(2, ["Nguyễn Văn A"])))
    hostile = tmp_path / "workbook-entities.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b"<workbook ", b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><workbook ', 1)
            target.writestr(item, data)
    with pytest.raises(WorkbookError) as refused:
        read_sheet(hostile)
    assert "workbook-entities.xlsx" in str(refused.value)
    assert type(refused.value.__cause__).__module__.startswith("defusedxml")  # refused, not expanded
