"""Three months in a year unpaid without valid reason (Party Charter Art. 8.2; Regulation 01-QĐ/TW, Art. 2): a
strike-off reminder at exactly three ended months, none at two, none for a month still running."""

from __future__ import annotations

import datetime as dt

from desktop_app.core import clock
from desktop_app.core.enums import Stage
from desktop_app.core.rules import Month, set_overrides
from desktop_app.services.fees import ledger
from desktop_app.services.fees.strike_off import strike_off_reminders
from desktop_app.store.models import Attendance, Meeting, Person, StageEvent

d = dt.date


def _pay_all(w, until: Month, skip=()):
    """Everyone with a basis pays every month of 2026 up to *until*, but the (name, month) pairs in *skip*."""
    for name in ("An salary", "Bình pension", "Cường farmer", "Giang exempt"):
        for m in range(1, until.month + 1):
            if (name, m) not in skip:
                ledger.record_payment(w.ids[name], Month(2026, m), 100_000, d(2026, m, 3))
    for m in range(4, until.month + 1):
        ledger.record_payment(w.ids["Dung student"], Month(2026, m), 5_000, d(2026, m, 3))
    for m in (1, 2):
        ledger.record_payment(w.ids["Én veteran"], Month(2026, m), 35_000, d(2026, m, 3))


def _flagged(on):
    return {r.person_name: r for r in strike_off_reminders(on)}


def test_exactly_three_months_unpaid_is_a_reminder(fees_branch):
    w = fees_branch
    _pay_all(w, Month(2026, 11), skip={("An salary", 8), ("An salary", 9), ("An salary", 10),
                                       ("Bình pension", 9), ("Bình pension", 10)})
    flagged = _flagged(d(2026, 11, 21))
    assert set(flagged) == {"An salary"}  # Bình: two months
    item = flagged["An salary"]
    assert item.kind == "fees_unpaid" and item.due == d(2026, 10, 31) and item.severity == "warning"
    assert item.title == ("An salary: Party fees not paid without valid reason for 3 months of 2026 (08/2026, "
                          "09/2026, 10/2026): the branch considers striking the member off (Party Charter, Article "
                          "8.2).")


def test_a_month_counts_once_it_has_ended(fees_branch):
    w = fees_branch
    _pay_all(w, Month(2026, 10), skip={("An salary", 9), ("An salary", 10)})  # and November not yet paid
    assert "An salary" not in _flagged(d(2026, 11, 30))
    clock.pin(dt.datetime(2026, 12, 1, 9))
    assert "An salary" in _flagged(d(2026, 12, 1))


def test_months_of_last_year_and_exempt_months_do_not_count(fees_branch):
    w = fees_branch
    _pay_all(w, Month(2026, 11), skip={("Cường farmer", 1), ("Cường farmer", 2)})
    # Én owes nothing from 03/2026 (50 years of party age); Khánh has no basis: nothing can be owed
    assert _flagged(d(2026, 11, 21)) == {}


def test_months_without_activity_and_without_fees_together_where_the_setting_says_so(fees_branch):
    w = fees_branch
    _pay_all(w, Month(2026, 11), skip={("Bình pension", 9), ("Bình pension", 10)})
    meeting = Meeting.create(branch=w.branch, date=d(2026, 6, 3), kind="regular")
    Attendance.create(meeting=meeting, person=w.ids["Bình pension"], status="unexcused")
    assert "Bình pension" not in _flagged(d(2026, 11, 21))
    set_overrides({"strike_off_counts_together": True})
    item = _flagged(d(2026, 11, 21))["Bình pension"]
    assert "No Party activity or no Party fees without valid reason in 3 months of 2026 (06/2026, 09/2026, 10/2026)" \
        in item.title


def test_those_who_left_are_not_reminded(fees_branch):
    w = fees_branch
    _pay_all(w, Month(2026, 11))
    person = Person.get_by_id(w.ids["Hà transferred"])
    assert StageEvent.get(StageEvent.person == person).stage == Stage.TRANSFERRED_OUT
    assert "Hà transferred" not in _flagged(d(2026, 11, 21))
