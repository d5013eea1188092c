"""Working days: Monday–Friday less Vietnam's public holidays (Labour Code 2019 Art. 112, via the
``holidays`` package), plus the Government's make-up Saturdays and the user's extra days.
The Party's 30/60-day limits are in working days (Regulation 294-QĐ/TW points 4.1, 4.2.1, 4.3.1)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app import i18n
from desktop_app.core import calendar
from desktop_app.core.calendar import WorkCalendar

d = dt.date


@pytest.fixture
def cal():
    return WorkCalendar()


@pytest.fixture(autouse=True)
def _restore_default_calendar():
    saved = calendar.default_calendar()
    yield
    calendar.set_default_calendar(saved)


# ---- public holidays ------------------------------------------------------------------------------


def test_tet_2026_five_weekdays_off_labour_code_art_112(cal):
    """Tết Bính Ngọ: eve 16/02/2026 to the fourth day 20/02/2026 are days off; 13/02 and 23/02 work."""
    for day in range(16, 21):
        assert not cal.is_working_day(d(2026, 2, day)), day
    assert cal.is_working_day(d(2026, 2, 13))
    assert cal.is_working_day(d(2026, 2, 23))


def test_tet_2025_including_29_tet_labour_code_art_112(cal):
    """Tết Ất Tỵ: 27/01/2025 (29 Tết) to 31/01/2025 off; 24/01 and 03/02 work."""
    for day in range(27, 32):
        assert not cal.is_working_day(d(2025, 1, day)), day
    assert cal.is_working_day(d(2025, 1, 24))
    assert cal.is_working_day(d(2025, 2, 3))


def test_reunification_and_labour_day_2025_with_swap_labour_code_art_112(cal):
    """30/4 and 1/5/2025 off; 02/5/2025 off in exchange for Saturday 26/4/2025 worked (package swap table)."""
    assert not cal.is_working_day(d(2025, 4, 30))
    assert not cal.is_working_day(d(2025, 5, 1))
    assert not cal.is_working_day(d(2025, 5, 2))
    assert cal.is_working_day(d(2025, 4, 26))  # a Saturday worked
    assert cal.is_working_day(d(2025, 4, 29))
    assert cal.is_working_day(d(2025, 5, 5))


def test_national_day_and_adjacent_day_labour_code_art_112(cal):
    """Quốc khánh is two days since 2021: 2/9 and an adjacent day (1/9 in 2025 and 2026, 3/9 in 2027)."""
    assert not cal.is_working_day(d(2025, 9, 1)) and not cal.is_working_day(d(2025, 9, 2))
    assert cal.is_working_day(d(2025, 9, 3))
    assert not cal.is_working_day(d(2026, 9, 1)) and not cal.is_working_day(d(2026, 9, 2))
    assert not cal.is_working_day(d(2027, 9, 2)) and not cal.is_working_day(d(2027, 9, 3))
    assert cal.is_working_day(d(2027, 9, 1))


def test_2026_national_day_swap(cal):
    """31/08/2026 is off in exchange for Saturday 22/08/2026 (package swap table)."""
    assert not cal.is_working_day(d(2026, 8, 31))
    assert cal.is_working_day(d(2026, 8, 22))


def test_observed_days_in_lieu_labour_code_art_112(cal):
    """A holiday on a weekend gives the next working day off: Hùng Kings 26/04/2026 (Sunday) → 27/04;
    1/5/2027 (Saturday) → 03/05/2027."""
    assert not cal.is_working_day(d(2026, 4, 27))
    assert cal.is_working_day(d(2026, 4, 28))
    assert not cal.is_working_day(d(2027, 5, 3))


def test_new_year_and_culture_day(cal):
    assert not cal.is_working_day(d(2026, 1, 1))
    assert cal.is_working_day(d(2026, 1, 2))
    assert not cal.is_working_day(d(2026, 11, 24))  # Ngày Văn hóa Việt Nam, from 2026


def test_weekends_are_not_working_days(cal):
    assert not cal.is_working_day(d(2026, 3, 7))  # Saturday
    assert not cal.is_working_day(d(2026, 3, 8))  # Sunday
    assert cal.is_working_day(d(2026, 3, 9))


def test_holiday_names_follow_the_interface_language(cal):
    i18n.set_language("vi")
    assert cal.holiday_name(d(2026, 2, 17)) == "Tết Nguyên Đán"
    assert cal.holiday_name(d(2026, 9, 2)) == "Quốc khánh"
    i18n.set_language("en")
    assert cal.holiday_name(d(2026, 2, 17)) == "Lunar New Year"
    assert cal.holiday_name(d(2026, 3, 9)) == ""


def test_days_off_lists_holidays_in_order(cal):
    days = cal.days_off(2026)
    assert list(days) == sorted(days)
    assert d(2026, 2, 16) in days and d(2026, 4, 27) in days
    assert all(day.year == 2026 for day in days)


# ---- the user's extra days ----------------------------------------------------------------------


def test_extra_day_off_and_make_up_day():
    cal = WorkCalendar(extra_days_off={d(2027, 2, 11)}, extra_working_days={d(2027, 2, 20)})
    assert not cal.is_working_day(d(2027, 2, 11))  # a Thursday given off
    assert cal.is_working_day(d(2027, 2, 20))  # a Saturday worked
    assert cal.holiday_name(d(2027, 2, 11)) != ""
    assert d(2027, 2, 11) in cal.days_off(2027)
    assert d(2027, 2, 20) in cal.makeup_working_days(2027)


def test_user_days_win_over_the_package():
    cal = WorkCalendar(extra_working_days={d(2026, 2, 20)}, extra_days_off={d(2025, 4, 26)})
    assert cal.is_working_day(d(2026, 2, 20))
    assert not cal.is_working_day(d(2025, 4, 26))
    assert d(2025, 4, 26) not in cal.makeup_working_days(2025)
    assert d(2026, 2, 20) not in cal.days_off(2026)


def test_a_day_cannot_be_both_off_and_working():
    with pytest.raises(ValueError):
        WorkCalendar(extra_days_off={d(2026, 3, 2)}, extra_working_days={d(2026, 3, 2)})


def test_default_calendar_is_configurable():
    calendar.set_default_calendar(WorkCalendar(extra_days_off={d(2026, 3, 2)}))
    assert not calendar.is_working_day(d(2026, 3, 2))
    assert calendar.add_working_days(d(2026, 2, 27), 1) == d(2026, 3, 3)
    calendar.set_default_calendar(WorkCalendar())
    assert calendar.is_working_day(d(2026, 3, 2))


# ---- counting -------------------------------------------------------------------------------------


def test_add_working_days_across_tet_2026(cal):
    """The day after Friday 13/02/2026 is Monday 23/02/2026: the whole Tết week is skipped."""
    assert cal.add_working_days(d(2026, 2, 13), 1) == d(2026, 2, 23)
    assert cal.add_working_days(d(2026, 2, 12), 2) == d(2026, 2, 23)
    assert cal.add_working_days(d(2026, 2, 16), 1) == d(2026, 2, 23)  # starting on a holiday


def test_add_working_days_across_30_4_and_1_5_2025(cal):
    assert cal.add_working_days(d(2025, 4, 29), 1) == d(2025, 5, 5)
    assert cal.add_working_days(d(2025, 4, 25), 1) == d(2025, 4, 26)  # the make-up Saturday counts


def test_add_working_days_across_national_day(cal):
    assert cal.add_working_days(d(2025, 8, 29), 1) == d(2025, 9, 3)
    assert cal.add_working_days(d(2026, 8, 28), 1) == d(2026, 9, 3)


def test_sixty_working_days_across_tet_by_hand(cal):
    """15/01/2026 + 60 working days = 16/04/2026 (counted by hand, Tết week 16–20/02 excluded)."""
    assert cal.add_working_days(d(2026, 1, 15), 60) == d(2026, 4, 16)


def test_zero_and_negative_steps(cal):
    assert cal.add_working_days(d(2026, 2, 14), 0) == d(2026, 2, 14)
    assert cal.add_working_days(d(2026, 2, 23), -1) == d(2026, 2, 13)
    with pytest.raises(ValueError):
        cal.add_working_days(d(2026, 1, 1), 10**6)


def test_working_days_between(cal):
    assert cal.working_days_between(d(2026, 2, 13), d(2026, 2, 23)) == 1
    assert cal.working_days_between(d(2026, 2, 23), d(2026, 2, 13)) == -1
    assert cal.working_days_between(d(2026, 3, 2), d(2026, 3, 2)) == 0
    assert cal.next_working_day(d(2026, 2, 14)) == d(2026, 2, 23)
    assert cal.next_working_day(d(2026, 2, 23)) == d(2026, 2, 23)


_days = st.dates(min_value=d(2016, 1, 1), max_value=d(2032, 12, 31))


@settings(max_examples=150, deadline=None)
@given(start=_days, n=st.integers(min_value=1, max_value=90))
def test_property_add_working_days_lands_on_a_working_day(start, n):
    cal = calendar.default_calendar()
    end = cal.add_working_days(start, n)
    assert cal.is_working_day(end)
    assert end > start
    assert cal.working_days_between(start, end) == n


@settings(max_examples=100, deadline=None)
@given(start=_days, a=st.integers(min_value=0, max_value=40), b=st.integers(min_value=0, max_value=40))
def test_property_add_working_days_composes(start, a, b):
    cal = calendar.default_calendar()
    assert cal.add_working_days(cal.add_working_days(start, a), b) == cal.add_working_days(start, a + b)
