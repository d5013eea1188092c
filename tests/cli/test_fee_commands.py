"""report fees and export fees from the command line: one summary line and exit 0; the workbook's months,
payments and what is owed, every text cell stored as text; bad input gets a message, exit non-zero, no file."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from desktop_app.cli import main
from desktop_app.core.rules import Month
from desktop_app.services.fees import bases, ledger
from desktop_app.store import db as store_db
from desktop_app.store.schema import open_database

d = dt.date


@pytest.fixture
def fee_file(tmp_path):
    """A branch of two members with fee bases and a few payments; one member's note reads like a formula."""
    from desktop_app.services.organisation import branches, organisation
    from desktop_app.services.people import people

    path = tmp_path / "fees.sqlite3"
    open_database(path)
    organisation.save_organisation({"name": "Đảng bộ xã Mường Ảng", "superior_body": "Đảng bộ tỉnh Điện Biên"})
    branch = branches.create_branch({"code": "CB01", "name": "Chi bộ bản Co Muông"})
    an = people.create_person({"full_name": "=Lò Văn An", "branch": branch.id, "status": "official",
                               "admission_date": d(2010, 5, 19), "official_date": d(2011, 5, 19)})
    binh = people.create_person({"full_name": "Quàng Thị Bình", "branch": branch.id, "status": "official",
                                 "admission_date": d(2012, 3, 3), "official_date": d(2013, 3, 3)})
    bases.save_basis(an.id, {"effective": d(2026, 1, 1), "kind": "salary", "income": 8_000_000})
    bases.save_basis(binh.id, {"effective": d(2026, 1, 1), "kind": "fixed", "group": "other", "area": "area_4"})
    for month in range(1, 12):
        ledger.record_payment(an.id, Month(2026, month), 80_000, d(2026, month, 3),
                              note="+84 chuyển khoản" if month == 11 else "")
    ledger.record_payment(binh.id, Month(2026, 1), 4_000, d(2026, 1, 3))
    store_db.close()
    return path


def test_report_fees(fee_file, tmp_path, capsys):
    out = tmp_path / "book.pdf"
    assert main(["report", "fees", "--db", str(fee_file), "--branch", "CB01", "--month", "2026-11", "-o",
                 str(out), "--lang", "en"]) == 0
    assert out.stat().st_size > 0 and str(out) in capsys.readouterr().out


def test_export_fees(fee_file, tmp_path, capsys):
    out = tmp_path / "fees.xlsx"
    assert main(["export", "fees", "--db", str(fee_file), "-o", str(out), "--year", "2026", "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == (f"Exported the Party fees of 2026 to {out}: 11 branch-months, 12 "
                                               f"payments, 1 members owing.")
    book = load_workbook(out)
    months, payments, owed = (book[name] for name in ("Months", "Payments", "Owed"))
    rows = list(months.iter_rows(min_row=2, values_only=True))
    november = next(r for r in rows if r[3] == "11/2026")
    assert november[1:5] == ("CB01", "Chi bộ bản Co Muông", "11/2026", 2)
    assert november[5:13] == (91_100, 80_000, 80_000, 0, 30, 24_000, 56_000, 1)  # due, paid, collected…
    january = next(r for r in rows if r[3] == "01/2026")
    assert january[9:12] == (70, 58_800, 25_200)  # 342-QĐ/TW: 70 % remitted
    names = [row[3].value for row in payments.iter_rows(min_row=2)]
    assert "=Lò Văn An" in names
    for row in payments.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                assert cell.data_type == "s", cell.coordinate  # never read as a formula
    assert [r[3:7] for r in owed.iter_rows(min_row=2, values_only=True)] == [
        ("Quàng Thị Bình", 10, "02/2026, 03/2026, 04/2026, 05/2026, 06/2026, 07/2026, 08/2026, 09/2026, 10/2026, "
         "11/2026", 111_000)]


@pytest.mark.parametrize("args, words", [
    (["report", "fees", "--branch", "XX9", "--month", "2026-11"], "XX9"),
    (["report", "fees", "--branch", "CB01", "--month", "2026-13"], "YYYY-MM"),
    (["report", "fees", "--month", "2026-11"], "Choose the branch"),
    (["export", "fees", "--year", "26"], "four digits"),
    (["export", "fees", "--branch", "XX9"], "XX9"),
])
def test_bad_input_is_explained(fee_file, tmp_path, capsys, args, words):
    target = tmp_path / ("out.pdf" if args[0] == "report" else "out.xlsx")
    code = main([*args, "--db", str(fee_file), "-o", str(target), "--lang", "en"])
    err = capsys.readouterr().err
    assert code != 0 and words in err and "Traceback" not in err
    assert not target.exists()
