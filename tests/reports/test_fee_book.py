"""The fee book and the monthly report's Party fees, against figures recomputed from the rows with plain SQL:
what was received in the month, the share remitted (30 % from 02/2026 unless set, 70 % before), what each member
paid for the month and still owes; in both languages."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from desktop_app.core.rules import Month
from desktop_app.reports import build_report
from desktop_app.services import demo
from desktop_app.services.fees import summary
from desktop_app.store import db as store_db
from desktop_app.store.schema import open_database
from tests.reports.pdf_helpers import font_problems, pdf_text

TODAY = dt.date(2026, 11, 21)
NOV, JAN = Month(2026, 11), Month(2026, 1)


@pytest.fixture(scope="module")
def fee_file(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOCHIBO_HOME", str(tmp_path_factory.mktemp("home")))
        path = tmp_path_factory.mktemp("demo") / "fees.sqlite3"
        open_database(path)
        try:
            demo.generate("branch", seed=5, today=TODAY)
        finally:
            store_db.close()
        return path


@pytest.fixture
def fee_db(fee_file):
    open_database(fee_file)
    yield sqlite3.connect(fee_file)
    store_db.close()


def _collected(con, branch, month: Month) -> int:
    row = con.execute("SELECT COALESCE(SUM(amount), 0) FROM feepayment WHERE branch_id = ? AND paid_on BETWEEN ? "
                      "AND ?", (branch, month.first_day.isoformat(), month.last_day.isoformat())).fetchone()
    return row[0]


def vi_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _round_half_up(value: int, percent: int) -> int:
    return (value * percent * 2 + 100) // 200


@pytest.mark.parametrize("month, percent", [(NOV, 30), (JAN, 70)])
def test_the_books_figures_are_those_of_the_rows(fee_db, month, percent):
    con = fee_db
    branch = con.execute("SELECT id FROM branch").fetchone()[0]
    book = summary.fee_book(branch, month, TODAY)
    collected = _collected(con, branch, month)
    assert book.collected == collected > 0
    assert book.split.percent == percent
    assert book.split.remitted == _round_half_up(collected, percent)
    assert book.split.kept == collected - book.split.remitted
    paid = dict(con.execute("SELECT person_id, SUM(amount) FROM feepayment WHERE branch_id = ? AND month = ? AND "
                            "paid_on BETWEEN ? AND ? GROUP BY person_id",
                            (branch, month.first_day.isoformat(), month.first_day.isoformat(),
                             month.last_day.isoformat())).fetchall())
    assert {line.person_id: line.paid for line in book.lines if line.paid} == paid
    assert book.paid == sum(paid.values())
    # still owed at the month's end: months up to it due by the basis and not paid by its last day
    for line in book.lines:
        paid_months = {m for (m,) in con.execute(
            "SELECT month FROM feepayment WHERE person_id = ? AND paid_on <= ?",
            (line.person_id, book.as_of.isoformat()))}
        for owed in line.owed_months:
            assert owed.first_day.isoformat() not in paid_months


def test_the_fee_book_pdf_states_the_figures_in_both_languages(fee_db, tmp_path):
    con = fee_db
    code, branch = con.execute("SELECT code, id FROM branch").fetchone()
    book = summary.fee_book(branch, NOV, TODAY)
    vi = build_report("fees", tmp_path / "vi.pdf", lang="vi", branch_id=code, month="2026-11")
    text = pdf_text(vi)
    assert "SỔ THU, NỘP ĐẢNG PHÍ" in text and "tháng 11 năm 2026" in text
    assert f"Tổng số đảng phí thu trong tháng: {vi_number(book.collected)} đồng" in text
    assert f"Trích nộp cấp trên (30%): {vi_number(book.split.remitted)} đồng" in text
    assert "Quy định 01-QĐ/TW (03/02/2026)" in text
    assert "chưa xác minh" not in text and "thứ cấp" not in text, "a signed book cites no hedge for the share"
    for line in book.owing[:3]:
        assert line.full_name in text
    assert not font_problems(vi)
    en = build_report("fees", tmp_path / "en.pdf", lang="en", branch_id=code, month="2026-11")
    text = pdf_text(en)
    assert "BOOK OF PARTY FEES COLLECTED AND REMITTED" in text
    assert f"Party fees collected in the month: {f'{book.collected:,}'} VND" in text


def test_the_monthly_report_has_the_fees(fee_db, tmp_path):
    con = fee_db
    code, branch = con.execute("SELECT code, id FROM branch").fetchone()
    path = build_report("monthly", tmp_path / "m.pdf", lang="vi", branch_id=code, month="2026-10")
    text = pdf_text(path)
    collected = _collected(con, branch, Month(2026, 10))
    assert "IV. ĐẢNG PHÍ" in text and "V. PHƯƠNG HƯỚNG" in text
    assert f"Tổng số đảng phí thu trong tháng: {vi_number(collected)} đồng" in text


def test_a_book_of_a_342_month_cites_the_share_s_source(fee_db, tmp_path):
    code = fee_db.execute("SELECT code FROM branch").fetchone()[0]
    text = pdf_text(build_report("fees", tmp_path / "jan.pdf", lang="vi", branch_id=code, month="2026-01"))
    assert "Trích nộp cấp trên (70%)" in text and "Quyết định 342-QĐ/TW, mục II, điểm 1" in " ".join(text.split())
