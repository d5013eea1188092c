"""The fee ledger: what each member owes for a month under the rule of that month (Decision 342-QĐ/TW to 01/2026,
Regulation 01-QĐ/TW from 02/2026), payments of one month or several at once, arrears, and refusals that change
nothing (a month before joining, a negative amount, a month further ahead than may be paid)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core import clock
from desktop_app.core.rules import Month
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.fees import ledger
from desktop_app.store.models import AuditEntry, FeePayment

d = dt.date
NOV = Month(2026, 11)


def _rows(w, month):
    return {r.full_name: r for r in ledger.ledger(w.branch.id, month).rows}


def test_dues_of_the_month_follow_each_rule(fees_branch):
    rows = _rows(fees_branch, NOV)
    assert set(rows) == {"An salary", "Bình pension", "Cường farmer", "Dung student", "Én veteran", "Giang exempt",
                         "Khánh no basis"}  # Hà transferred out in September
    assert rows["An salary"].due == 85_000
    assert rows["Bình pension"].due == 30_000
    assert rows["Cường farmer"].due == 11_100  # 0.3 % of the area IV minimum wage (01-QĐ/TW, Art. 3.2.2)
    assert rows["Dung student"].due == 5_000
    assert rows["Én veteran"].due == 0 and "50 years of party age" in rows["Én veteran"].due_reason
    assert rows["Giang exempt"].due == 20_000 and rows["Giang exempt"].status == "exempt"
    assert rows["Khánh no basis"].due is None and not rows["Khánh no basis"].has_basis


def test_the_switch_between_january_and_february_2026(fees_branch):
    jan, feb = _rows(fees_branch, Month(2026, 1)), _rows(fees_branch, Month(2026, 2))
    assert (jan["Cường farmer"].due, feb["Cường farmer"].due) == (4_000, 11_100)
    assert "342-QĐ/TW" in jan["An salary"].due_source and "01-QĐ/TW" in feb["An salary"].due_source
    assert (jan["Én veteran"].due, feb["Én veteran"].due) == (35_000, 35_000)  # 50 years only on 15/03/2026
    assert _rows(fees_branch, Month(2026, 3))["Én veteran"].due == 0
    assert "Dung student" not in feb  # admitted in April
    assert _rows(fees_branch, Month(2026, 9))["Hà transferred"].due == 50_000  # the month they left in


def test_arrears_and_several_months_paid_at_once(fees_branch):
    an = fees_branch.ids["An salary"]
    for month in range(1, 9):
        ledger.record_payment(an, Month(2026, month), 85_000, d(2026, month, 3))
    row = _rows(fees_branch, NOV)["An salary"]
    assert row.arrears_before.count == 2 and row.arrears_before.amount == 170_000  # September and October
    assert [str(m) for m, _a in row.arrears_before.months] == ["09/2026", "10/2026"]
    paid = ledger.record_months(an, NOV, d(2026, 11, 3))
    assert [(Month.of(p.month), p.amount) for p in paid] == [(Month(2026, 9), 85_000), (Month(2026, 10), 85_000),
                                                            (NOV, 85_000)]
    row = _rows(fees_branch, NOV)["An salary"]
    assert row.arrears_before.count == 0 and row.paid == 85_000 and row.owed == 0
    with pytest.raises(ValidationError):
        ledger.record_months(an, NOV, d(2026, 11, 3))  # nothing left to pay


def test_a_partial_payment_owes_the_rest_and_paying_again_replaces_it(fees_branch):
    bin_ = fees_branch.ids["Bình pension"]
    ledger.record_payment(bin_, NOV, 10_000, d(2026, 11, 3))
    assert _rows(fees_branch, NOV)["Bình pension"].owed == 20_000
    ledger.record_payment(bin_, NOV, 30_000, d(2026, 11, 5))
    assert FeePayment.select().where(FeePayment.person == bin_).count() == 1
    assert _rows(fees_branch, NOV)["Bình pension"].owed == 0
    assert ledger.clear_payment(bin_, NOV) and not ledger.clear_payment(bin_, NOV)
    assert _rows(fees_branch, NOV)["Bình pension"].paid == 0


@pytest.mark.parametrize("month, amount, paid_on, field, words", [
    (Month(2010, 4), 5_000, d(2026, 11, 3), "month", "joined the Party on 19/05/2010"),
    (NOV, -5_000, d(2026, 11, 3), "amount", "negative"),
    (Month(2026, 12), 85_000, d(2026, 11, 3), "month", "month by month"),
    (NOV, 85_000, d(2026, 11, 25), "paid_on", "future"),
])
def test_bad_payments_change_nothing(fees_branch, month, amount, paid_on, field, words):
    before = (FeePayment.select().count(), AuditEntry.select().count())
    with pytest.raises(ValidationError) as refused:
        ledger.record_payment(fees_branch.ids["An salary"], month, amount, paid_on)
    assert words in refused.value.errors[field] and refused.value.errors[field].startswith("An salary: ")
    assert (FeePayment.select().count(), AuditEntry.select().count()) == before


def test_a_member_exempt_from_activities_may_pay_ahead(fees_branch):
    ledger.record_payment(fees_branch.ids["Giang exempt"], Month(2027, 6), 20_000, d(2026, 11, 3))
    assert FeePayment.select().where(FeePayment.person == fees_branch.ids["Giang exempt"]).count() == 1


def test_no_fee_after_leaving(fees_branch):
    with pytest.raises(ValidationError) as refused:
        ledger.record_payment(fees_branch.ids["Hà transferred"], Month(2026, 10), 50_000, d(2026, 10, 3))
    assert "left on 15/09/2026" in refused.value.errors["month"]


def test_collected_is_what_was_received_in_the_month_whatever_it_paid_for(fees_branch):
    w = fees_branch
    ledger.record_payment(w.ids["An salary"], Month(2026, 10), 85_000, d(2026, 11, 3))  # October, late
    ledger.record_payment(w.ids["An salary"], NOV, 85_000, d(2026, 11, 3))
    ledger.record_payment(w.ids["Bình pension"], NOV, 30_000, d(2026, 11, 3))
    ledger.record_payment(w.ids["Cường farmer"], Month(2026, 10), 11_100, d(2026, 10, 3))  # in October
    book = ledger.ledger(w.branch.id, NOV)
    assert book.collected == ledger.collected(w.branch.id, NOV) == 200_000
    assert book.paid_for_month == 115_000
    assert (book.split.percent, book.split.remitted, book.split.kept) == (30, 60_000, 140_000)


def test_the_ledger_of_the_month_in_progress_only_counts_ended_months_as_arrears(fees_branch):
    clock.pin(dt.datetime(2026, 11, 30, 9))
    row = _rows(fees_branch, NOV)["Dung student"]
    assert row.arrears_before.count == 7  # April to October, none paid


def test_a_month_kept_only_as_the_branch_total(fees_branch):
    """A month from before the ledger (the meeting's total, moved into the ledger by schema version 5): the fee
    book states the total received and no member as owing, since no basis covered that month."""
    from desktop_app.services.fees import summary
    from desktop_app.store.models import FeePayment

    month = Month(2024, 6)
    FeePayment.create(person=None, branch=fees_branch.branch, month=month.first_day, amount=1_034_000,
                      paid_on=d(2024, 6, 3))
    book = summary.fee_book(fees_branch.branch.id, month)
    assert not book.itemised and book.collected == 1_034_000 and book.unitemised == ((d(2024, 6, 3), 1_034_000),)
    assert book.owing == () and {line.due for line in book.lines} == {None}
    assert (book.split.percent, book.split.remitted) == (70, 723_800)  # 342-QĐ/TW then
    assert ledger.collected(fees_branch.branch.id, month) == 1_034_000


def test_a_member_who_moves_is_in_the_old_branch_s_ledger_before_and_the_new_one_s_from_the_move(fees_branch):
    from desktop_app.services.organisation import branches
    from desktop_app.services.people import people

    w = fees_branch
    other = branches.create_branch({"code": "CB02", "name": "Chi bộ bản Púng", "kind": "village", "rural": True})
    people.update_person(w.ids["An salary"], {"branch": other.id, "joined_branch_date": d(2026, 10, 5)})
    sept, octo = Month(2026, 9), Month(2026, 10)
    assert "An salary" in _rows(w, sept) and "An salary" not in _rows(w, octo)
    moved = {r.full_name: r for r in ledger.ledger(other.id, octo).rows}
    assert set(moved) == {"An salary"} and moved["An salary"].due == 85_000
    assert "An salary" not in {r.full_name for r in ledger.ledger(other.id, sept).rows}
    assert moved["An salary"].arrears_before.count == 9  # January to September, owed wherever they were


def test_two_recording_the_same_month_at_once_keep_one_row_and_the_second_is_told(fees_branch, monkeypatch):
    """On a server two secretaries may record the same member's month at the same moment: both read that nothing
    is recorded yet, the database keeps one row per member and month, and the second gets a message."""
    an = fees_branch.ids["An salary"]
    ledger.record_payment(an, NOV, 85_000, d(2026, 11, 3))
    monkeypatch.setattr(ledger, "payment_of", lambda person_id, month: None)  # read before the first was saved
    with pytest.raises(ValidationError) as refused:
        ledger.record_payment(an, NOV, 90_000, d(2026, 11, 4))
    assert "recorded by someone else a moment ago" in refused.value.errors["month"]
    assert [(p.amount, p.paid_on) for p in FeePayment.select().where(FeePayment.person == an)] == \
        [(85_000, d(2026, 11, 3))]
