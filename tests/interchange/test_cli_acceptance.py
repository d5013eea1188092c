"""End to end through the command line: a messy workbook made from the app's own member export.

NFD names (Unikey's composite mode), CCCDs with leading zeros (Luật Căn cước 2023, Điều 12: 12 digits),
real and text dates, an impossible date, an empty name and a repeated CCCD: exactly the good rows are
imported, the others are listed with their row numbers, and a dry run changes nothing.
"""

import datetime as dt
import unicodedata

import pytest
from xlsx_helpers import make_workbook

from desktop_app.cli import main


def _database(path, people=()):
    from desktop_app.services.organisation import branches, organisation
    from desktop_app.services.people import people as people_service
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    open_database(path)
    organisation.save_organisation({"name": "Đảng bộ xã Mường Ảng"})
    branch = branches.create_branch({"code": "CB01", "name": "Chi bộ bản Co Muông"})
    for person in people:
        people_service.create_person(dict(person, branch=branch.id))
    store_db.close()


def _counts(path):
    from desktop_app.store import db as store_db
    from desktop_app.store.models import AuditEntry, Person, StageEvent
    from desktop_app.store.schema import open_database

    open_database(path)
    try:
        return Person.select().count(), StageEvent.select().count(), AuditEntry.select().count()
    finally:
        store_db.close()


MEMBERS = [
    {"full_name": "Nguyễn Văn Đức", "gender": "male", "birth_date": dt.date(1975, 4, 2), "cccd": "001075000011",
     "status": "official", "admission_date": dt.date(2000, 5, 19), "official_date": dt.date(2001, 5, 19),
     "card_number": "00123456", "categories": ["farmer"]},
    {"full_name": "Lò Thị Hường", "gender": "female", "birth_date": dt.date(1988, 11, 30), "cccd": "011188000022",
     "status": "official", "admission_date": dt.date(2012, 3, 3), "official_date": dt.date(2013, 3, 3)},
    {"full_name": "Quàng Văn Ẩn", "gender": "male", "birth_date": dt.date(1969, 1, 15), "cccd": "011069000033",
     "status": "official", "admission_date": dt.date(1995, 2, 3), "official_date": dt.date(1996, 2, 3)},
    {"full_name": "Đỗ Thị Ngọc", "gender": "female", "birth_date": dt.date(1992, 7, 7), "cccd": "011192000044",
     "status": "official", "admission_date": dt.date(2015, 9, 2), "official_date": dt.date(2016, 9, 2)},
    {"full_name": "Vì Văn Tường", "gender": "male", "birth_date": dt.date(1980, 8, 8), "cccd": "011080000055",
     "status": "official", "admission_date": dt.date(2010, 1, 1), "official_date": dt.date(2011, 1, 1)},
]


@pytest.fixture
def messy(tmp_path, capsys):
    """The member export of a database of five, made messy the way real workbooks are."""
    from openpyxl import load_workbook

    source = tmp_path / "source.sqlite3"
    _database(source, MEMBERS)
    exported = tmp_path / "export.xlsx"
    assert main(["export", "members", "--db", str(source), "-o", str(exported), "--lang", "en"]) == 0
    assert "Exported 5 members" in capsys.readouterr().out
    wb = load_workbook(exported)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    col = {name: header.index(name) + 1 for name in header}
    rows = {ws.cell(r, col["Full name"]).value: r for r in range(2, ws.max_row + 1)}
    # NFD names, as Unikey's composite mode types them.
    for r in range(2, ws.max_row + 1):
        cell = ws.cell(r, col["Full name"])
        cell.value = unicodedata.normalize("NFD", cell.value)
    # A date typed as text, and an impossible one.
    ws.cell(rows["Lò Thị Hường"], col["Date of birth"]).value = "30/11/1988"
    ws.cell(rows["Vì Văn Tường"], col["Date of birth"]).value = "31/02/1980"
    # An empty name, and a CCCD already used in row 2.
    template = [ws.cell(2, c).value for c in range(1, ws.max_column + 1)]
    empty = list(template)
    empty[col["Full name"] - 1] = None
    empty[col["Citizen ID"] - 1] = "011099000066"
    repeat = list(template)
    repeat[col["Full name"] - 1] = "Người Trùng Số"
    ws.append(empty)
    ws.append(repeat)
    for r in (ws.max_row - 1, ws.max_row):
        ws.cell(r, col["Citizen ID"]).number_format = "@"
    path = tmp_path / "messy.xlsx"
    wb.save(path)
    return path, rows, header, template[col["Citizen ID"] - 1]


def test_messy_export_imports_exactly_the_good_rows(tmp_path, capsys, messy):
    path, rows, header, repeated_cccd = messy
    target = tmp_path / "target.sqlite3"
    _database(target)
    before = _counts(target)

    # Dry run: the same verdicts, nothing written.
    code = main(["import", "members", "--db", str(target), str(path), "--dry-run", "--lang", "en"])
    out = capsys.readouterr()
    assert code == 0 and "Traceback" not in out.out + out.err
    assert out.out.splitlines()[0].startswith("Dry run, nothing written: 4 members would be imported")
    assert _counts(target) == before

    errors = tmp_path / "refused.xlsx"
    code = main(["import", "members", "--db", str(target), str(path), "--errors", str(errors), "--lang", "en"])
    out = capsys.readouterr()
    assert code == 0 and out.err == ""
    lines = out.out.splitlines()
    assert lines[0].startswith("Imported 4 members from messy.xlsx; rows refused: 3.")
    impossible, empty, repeated = rows["Vì Văn Tường"], 7, 8
    assert [line.split(" ")[1].rstrip(":") for line in lines[1:]] == [str(impossible), str(empty), str(repeated)]
    assert "31/02/1980" in lines[1]
    assert repeated_cccd.startswith("0") and f"{repeated_cccd} is also in row 2" in lines[3]

    from desktop_app.store import db as store_db
    from desktop_app.store.models import Person
    from desktop_app.store.schema import open_database

    open_database(target)
    try:
        stored = {p.full_name: p for p in Person.select()}
        assert set(stored) == {"Nguyễn Văn Đức", "Lò Thị Hường", "Quàng Văn Ẩn", "Đỗ Thị Ngọc"}
        assert all(unicodedata.is_normalized("NFC", name) for name in stored)
        assert stored["Nguyễn Văn Đức"].cccd == "001075000011"
        assert stored["Nguyễn Văn Đức"].card_number == "00123456"
        assert stored["Lò Thị Hường"].birth_date == dt.date(1988, 11, 30)
        assert stored["Quàng Văn Ẩn"].birth_date == dt.date(1969, 1, 15)
        assert stored["Đỗ Thị Ngọc"].official_date == dt.date(2016, 9, 2)
        assert all(p.status == "official" and p.branch.code == "CB01" for p in stored.values())
    finally:
        store_db.close()

    # The refused rows, with their problems, in a workbook that imports again once fixed.
    from openpyxl import load_workbook

    ws = load_workbook(errors).worksheets[0]
    titles = [c.value for c in ws[1]]
    assert titles[0] == "Row" and titles[-1] == "Problems" and titles[1:-1] == header
    assert [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)] == [impossible, empty, repeated]
    assert all(ws.cell(r, ws.max_column).value for r in range(2, ws.max_row + 1))

    # Importing the same file again adds nobody: everyone is already there.
    assert main(["import", "members", "--db", str(target), str(path), "--lang", "en"]) == 1
    assert capsys.readouterr().out.startswith("Imported 0 members")
    assert _counts(target)[0] == 4


def test_vietnamese_messages(tmp_path, capsys, messy):
    path = messy[0]
    target = tmp_path / "target.sqlite3"
    _database(target)
    assert main(["import", "members", "--db", str(target), str(path), "--dry-run", "--lang", "vi"]) == 0
    out = capsys.readouterr().out
    assert "messy.xlsx" in out and "Traceback" not in out


def _refused(capsys, args, *expected):
    code = main(args)
    out = capsys.readouterr()
    assert code != 0
    assert "Traceback" not in out.out + out.err
    for text in expected:
        assert text in out.err, out.err
    return out.err


def test_file_problems_are_explained(tmp_path, capsys):
    db = tmp_path / "db.sqlite3"
    _database(db)
    base = ["import", "members", "--db", str(db), "--lang", "en"]
    _refused(capsys, [*base, str(tmp_path / "missing.xlsx")], "missing.xlsx")
    text = tmp_path / "notes.xlsx"
    text.write_text("Họ và tên;Ngày sinh\n", encoding="utf-8")
    _refused(capsys, [*base, str(text)], "notes.xlsx", "not an Excel workbook")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    _refused(capsys, [*base, str(old)], ".xls", ".xlsx")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    _refused(capsys, [*base, str(broken)], "broken.xlsx")
    good = make_workbook(tmp_path / "good.xlsx", ["Họ và tên", "Giới tính"], [["Nguyễn Văn A", "Nam"]])
    _refused(capsys, [*base, str(good), "--sheet", "Sheet9"], "Sheet9", "Danh sách")
    nameless = make_workbook(tmp_path / "nameless.xlsx", ["Ngày sinh", "Giới tính"], [["01/01/1990", "Nam"]])
    _refused(capsys, [*base, str(nameless)], "Full name")
    _refused(capsys, [*base, str(good), "--branch", "CB77"], "CB77")
    _refused(capsys, [*base, str(good), "--errors", str(tmp_path / "e.csv")], ".xlsx")
    _refused(capsys, ["import", "people", "--db", str(db), str(good), "--lang", "en"], "people")
    headers_only = make_workbook(tmp_path / "empty.xlsx", ["Họ và tên", "Giới tính"], [])
    _refused(capsys, [*base, str(headers_only)], "no rows")
    assert _counts(db)[0] == 0


def test_every_row_refused_exits_1(tmp_path, capsys):
    db = tmp_path / "db.sqlite3"
    _database(db)
    bad = make_workbook(tmp_path / "bad.xlsx", ["Họ và tên", "Giới tính"], [["Nguyễn Văn A", "Robot"]])
    assert main(["import", "members", "--db", str(db), str(bad), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Imported 0 members") and out[1].startswith("Row 2 (Nguyễn Văn A): ")
