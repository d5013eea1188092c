"""The Party fees view, from the keyboard alone (pytest-qt): Space records the month's fee as due, digits and
Enter another amount and move to the next member, + pays every month owed, Delete clears, Alt+arrows change the
month; refused input is explained under the table and changes nothing. And the fee column of a meeting's
attendance, which writes to the same ledger and shows the month's total."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from ui_helpers import context_on

from desktop_app import i18n
from desktop_app.core.enums import Status
from desktop_app.core.rules import Month
from desktop_app.services.fees import bases, ledger
from desktop_app.services.meetings import meeting_fees, meeting_prep
from desktop_app.services.people import people
from desktop_app.store.models import FeePayment
from desktop_app.ui.dialogs.meeting_attendance import FEE
from desktop_app.ui.models.fee_ledger_model import OWED, PAID
from desktop_app.ui.views.fees_view import FeesView
from desktop_app.ui.views.meetings_view import MeetingsView

TODAY = dt.date(2026, 11, 21)
NOV = Month(2026, 11)
NAMES = ["Lò Văn An", "Quàng Thị Bình", "Cà Văn Cường"]


@pytest.fixture
def members(org):
    i18n.set_language("en")  # the assertions read English amounts and messages
    _org, branch = org
    ids = []
    for n, name in enumerate(NAMES):
        pid = people.create_person({"full_name": name, "branch": branch.id, "status": Status.OFFICIAL,
                                    "admission_date": dt.date(2010, 5, 19), "official_date": dt.date(2011, 5, 19)}).id
        bases.save_basis(pid, {"effective": dt.date(2026, 9, 1), "kind": "salary", "income": 5_000_000 + n * 1_000_000})
        ids.append(pid)
    return branch.id, ids


@pytest.fixture
def view(qtbot, members):
    context = context_on(TODAY)
    context.set_branch(members[0])
    v = FeesView(context)
    qtbot.addWidget(v)
    v.resize(1366, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def _paid(pid, month=NOV):
    row = FeePayment.get_or_none((FeePayment.person == pid) & (FeePayment.month == month.first_day))
    return row.amount if row else 0


def _row_of(view, name):
    return next(r for r in range(view.model.rowCount()) if view.model.row_at(r).full_name == name)


def test_a_month_recorded_from_the_keyboard(view, members, qtbot):
    _bid, (an, binh, cuong) = members
    table = view.table
    assert table.hasFocus() and view.month == NOV
    assert view.received_on.date() == dt.date(2026, 11, 21)  # no meeting this month: today
    table.setCurrentIndex(view.model.index(_row_of(view, "Lò Văn An"), PAID))
    qtbot.keyClick(table, Qt.Key.Key_Space)  # paid as due, on to the next member
    assert _paid(an) == 50_000
    assert view.model.row_at(table.currentIndex().row()).full_name != "Lò Văn An"
    table.setCurrentIndex(view.model.index(_row_of(view, "Quàng Thị Bình"), PAID))
    qtbot.keyClicks(table, "7")
    editor = table.findChild(QLineEdit, "feeAmountEditor")
    assert editor is not None and editor.text() == "7"
    qtbot.keyClicks(editor, "0000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _paid(binh) == 70_000)  # Qt commits a delegate's editor on the next event loop
    assert view.model.row_at(table.currentIndex().row()).full_name != "Quàng Thị Bình"  # on to the next
    assert "Due 180,000" in view.summary.text() and "paid for the month 120,000" in view.summary.text()
    # Cường owes September and October too: + pays every month owed up to November at once
    row = _row_of(view, "Cà Văn Cường")
    assert view.model.index(row, OWED).data() == "2 months · 140,000"
    table.setCurrentIndex(view.model.index(row, PAID))
    qtbot.keyClick(table, Qt.Key.Key_Plus)
    assert [_paid(cuong, Month(2026, m)) for m in (9, 10, 11)] == [70_000] * 3
    # Delete clears the month again
    table.setCurrentIndex(view.model.index(_row_of(view, "Lò Văn An"), PAID))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert _paid(an) == 0


def test_refused_input_is_explained_under_the_table_and_changes_nothing(view, members, qtbot):
    _bid, (an, _binh, _cuong) = members
    table = view.table
    table.setCurrentIndex(view.model.index(_row_of(view, "Lò Văn An"), PAID))
    table.edit_amount(table.currentIndex().row())
    view.model.setData(view.model.index(_row_of(view, "Lò Văn An"), PAID), "-5000")
    assert view.error.isVisible() and "negative" in view.error.text()
    view.model.setData(view.model.index(_row_of(view, "Lò Văn An"), PAID), "abc")
    assert "not an amount" in view.error.text()
    qtbot.keyClick(table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.month == Month(2026, 12)
    table.setCurrentIndex(view.model.index(_row_of(view, "Lò Văn An"), PAID))
    qtbot.keyClick(table, Qt.Key.Key_Space)  # December cannot be paid on 21/11
    assert "month by month" in view.error.text()
    assert FeePayment.select().count() == 0


def test_the_meeting_attendance_has_the_fee_column(qtbot, members):
    bid, (an, binh, _cuong) = members
    meeting = meeting_prep.prepare_meeting(bid, dt.date(2026, 11, 3))
    context = context_on(TODAY)
    context.set_branch(bid)
    view = MeetingsView(context)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    page = view.editor.opening
    assert not page.table.isColumnHidden(FEE)
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "Lò Văn An")
    cell = page.table.cellWidget(row, FEE)
    assert cell.amount.text() == "50,000" and not cell.paid.isChecked()  # prefilled with what is due
    cell.amount.setText("60000")
    cell.paid.setChecked(True)
    payment = FeePayment.get(FeePayment.person == an)
    assert (payment.amount, payment.meeting_id, payment.paid_on) == (60_000, meeting.id, dt.date(2026, 11, 3))
    assert "Party fees collected: 60,000" in page.attendance_box.title()
    assert meeting_fees.fees_collected(meeting.id) == 60_000
    cell.paid.setChecked(False)
    assert ledger.payment_of(an, NOV) is None


def test_thematic_meetings_have_no_fee_column(qtbot, members):
    bid, _ids = members
    meeting_prep.prepare_meeting(bid, dt.date(2026, 11, 12), kind="thematic", theme="Học tập Nghị quyết")
    context = context_on(TODAY)
    context.set_branch(bid)
    view = MeetingsView(context)
    qtbot.addWidget(view)
    view.show()
    assert view.editor.opening.table.isColumnHidden(FEE)
