"""The fee column of a meeting's attendance and the figure its minutes state: the fee ledger's total of the
meeting's month, followed while a draft and kept at adoption; the column refuses what the rules refuse."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.rules import Month
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.fees import ledger
from desktop_app.services.meetings import attendance, meeting_fees, meeting_prep, minutes
from desktop_app.services.meetings.meetings import MinutesLocked, update_meeting
from desktop_app.store.models import FeePayment, Person

d = dt.date
NOV = Month(2026, 11)


@pytest.fixture
def meeting(fees_branch):
    w = fees_branch
    m = meeting_prep.prepare_meeting(w.branch.id, d(2026, 11, 3))
    update_meeting(m.id, {"chair": w.ids["An salary"], "secretary": w.ids["Bình pension"]})
    return m


def test_the_column_is_prefilled_with_what_is_due(fees_branch, meeting):
    w = fees_branch
    cells = meeting_fees.fee_cells(meeting.id)
    assert cells[w.ids["An salary"]].due == 85_000 and cells[w.ids["An salary"]].paid == 0
    assert cells[w.ids["Én veteran"]].due == 0
    assert cells[w.ids["Khánh no basis"]].due is None
    assert w.ids["Hà transferred"] not in cells


def test_paid_at_the_meeting_and_the_draft_figure_follows_the_ledger(fees_branch, meeting):
    w = fees_branch
    meeting_fees.set_fee_paid(meeting.id, w.ids["An salary"], 85_000)
    meeting_fees.set_fee_paid(meeting.id, w.ids["Bình pension"], 50_000)  # pays more of his own will
    payment = FeePayment.get(FeePayment.person == w.ids["An salary"])
    assert (payment.paid_on, payment.meeting_id, Month.of(payment.month)) == (d(2026, 11, 3), meeting.id, NOV)
    assert meeting_fees.fee_cells(meeting.id)[w.ids["An salary"]].paid_here
    ledger.record_payment(w.ids["Cường farmer"], NOV, 11_100, d(2026, 11, 10))  # later, in the ledger
    assert meeting_fees.fees_collected(meeting.id) == 146_100
    meeting_fees.set_fee_paid(meeting.id, w.ids["Bình pension"], None)
    assert meeting_fees.fees_collected(meeting.id) == 96_100


def test_adopted_minutes_keep_their_figure(fees_branch, meeting):
    w = fees_branch
    meeting_fees.set_fee_paid(meeting.id, w.ids["An salary"], 85_000)
    minutes.adopt(meeting.id, d(2026, 11, 3))
    assert meeting_fees.fees_collected(meeting.id) == 85_000
    ledger.record_payment(w.ids["Bình pension"], NOV, 30_000, d(2026, 11, 12))  # after the meeting
    assert meeting_fees.fees_collected(meeting.id) == 85_000  # the minutes do not move
    assert ledger.collected(w.branch.id, NOV) == 115_000  # the ledger does
    with pytest.raises(MinutesLocked):
        meeting_fees.set_fee_paid(meeting.id, w.ids["Cường farmer"], 11_100)


def test_the_column_refuses_what_the_rules_refuse(fees_branch, meeting):
    w = fees_branch
    with pytest.raises(ValidationError) as refused:
        meeting_fees.set_fee_paid(meeting.id, w.ids["An salary"], -1)
    assert "negative" in refused.value.errors["amount"]
    guest = Person.create(full_name="Khách", status="official")
    attendance.add_guest(meeting.id, guest.id)
    with pytest.raises(ValidationError):
        meeting_fees.set_fee_paid(meeting.id, guest.id, 10_000)
    december = meeting_prep.prepare_meeting(w.branch.id, d(2026, 12, 3))
    with pytest.raises(ValidationError) as refused:
        meeting_fees.set_fee_paid(december.id, w.ids["An salary"], 85_000)
    assert "has not taken place yet" in refused.value.errors["fee"]
    assert FeePayment.select().count() == 0
