"""services.calendar_days: the user's extra days off and make-up working days, validated, audited,
and applied to the working-day calendar the deadlines use (Regulation 294-QĐ/TW: limits in working days)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.core import calendar, rules
from desktop_app.services.common import settings
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.organisation import calendar_days
from desktop_app.store.models import AuditEntry, Setting

d = dt.date


@pytest.fixture(autouse=True)
def _restore_calendar():
    saved = calendar.default_calendar()
    yield
    calendar.set_default_calendar(saved)


def _state():
    row = Setting.get_or_none(Setting.key == calendar_days.KEY)
    return (row.value if row else None), AuditEntry.select().count()


def test_extra_day_off_changes_deadlines(db):
    before = rules.add_working_days(d(2027, 2, 10), 1)
    assert before == d(2027, 2, 11)
    calendar_days.add_day(d(2027, 2, 11), "off", "Nghỉ bù Tết theo thông báo")
    assert not calendar.is_working_day(d(2027, 2, 11))
    assert rules.add_working_days(d(2027, 2, 10), 1) == d(2027, 2, 12)
    stored = json.loads(Setting.get(Setting.key == calendar_days.KEY).value)
    assert stored["off"] == [{"date": "2027-02-11", "note": "Nghỉ bù Tết theo thông báo"}]


def test_make_up_working_day(db):
    calendar_days.add_day("20/02/2027", "working")
    assert calendar.is_working_day(d(2027, 2, 20))
    assert [x.date for x in calendar_days.list_days(2027, "working")] == [d(2027, 2, 20)]


def test_writes_are_audited(db):
    count = AuditEntry.select().count()
    calendar_days.add_day(d(2027, 2, 11), "off")
    assert AuditEntry.select().count() > count
    count = AuditEntry.select().count()
    calendar_days.remove_day(d(2027, 2, 11))
    assert AuditEntry.select().count() > count


@pytest.mark.parametrize(("day", "kind"), [
    (d(2027, 2, 14), "off"),  # a Sunday is not a working day anyway
    (d(2026, 2, 17), "off"),  # Tết
    (d(2027, 3, 9), "working"),  # a Tuesday is a working day anyway
    (d(2027, 3, 9), "holiday"),  # unknown kind
    ("31/02/2027", "off"),  # not a date
    (None, "off"),
    (d(1999, 5, 3), "off"),  # out of range
])
def test_refused_entries_write_nothing(db, day, kind):
    before = _state()
    with pytest.raises(ValidationError) as info:
        calendar_days.add_day(day, kind)
    assert info.value.errors
    assert _state() == before


def test_duplicate_and_clash_refused(db):
    calendar_days.add_day(d(2027, 2, 11), "off")
    before = _state()
    with pytest.raises(ValidationError):
        calendar_days.add_day(d(2027, 2, 11), "off")
    assert _state() == before


def test_a_holiday_can_be_declared_worked(db):
    calendar_days.add_day(d(2026, 11, 24), "working", "Không nghỉ Ngày Văn hóa")
    assert calendar.is_working_day(d(2026, 11, 24))


def test_remove_day_restores_and_unknown_day_is_not_found(db):
    calendar_days.add_day(d(2027, 2, 11), "off")
    removed = calendar_days.remove_day(d(2027, 2, 11))
    assert removed.kind == "off"
    assert calendar.is_working_day(d(2027, 2, 11))
    assert calendar_days.list_days() == []
    with pytest.raises(NotFoundError):
        calendar_days.remove_day(d(2027, 2, 11))


def test_load_calendar_reads_stored_days_and_skips_unreadable_entries(db):
    settings.set(calendar_days.KEY, {"off": [{"date": "2027-03-02"}, {"date": "not a date"}, "junk"],
                                     "working": [{"date": "2027-03-06", "note": "Thứ Bảy làm bù"}]})
    calendar.set_default_calendar(calendar.WorkCalendar())
    cal = calendar_days.load_calendar()
    assert calendar.default_calendar() is cal
    assert not calendar.is_working_day(d(2027, 3, 2))
    assert calendar.is_working_day(d(2027, 3, 6))
    assert [x.note for x in calendar_days.list_days(kind="working")] == ["Thứ Bảy làm bù"]


def test_unreadable_setting_gives_an_ordinary_calendar(db):
    Setting.create(key=calendar_days.KEY, value='["not", "a", "dict"]')  # damaged by hand: set() refuses it
    cal = calendar_days.load_calendar()
    assert cal.extra_days_off == frozenset() and cal.extra_working_days == frozenset()


def test_list_days_sorted_by_date(db):
    calendar_days.add_day(d(2027, 5, 4), "off")
    calendar_days.add_day(d(2027, 2, 20), "working")
    calendar_days.add_day(d(2028, 1, 4), "off")
    assert [x.date for x in calendar_days.list_days()] == [d(2027, 2, 20), d(2027, 5, 4), d(2028, 1, 4)]
    assert [x.date for x in calendar_days.list_days(2027)] == [d(2027, 2, 20), d(2027, 5, 4)]
