"""Working days (ngày làm việc) for the Party's 30- and 60-working-day limits.

A working day is Monday to Friday, less Vietnam's public holidays, plus the Government's make-up
working Saturdays. Public holidays and the known swaps come from the ``holidays`` package
(``country_holidays("VN")``: Tết Dương lịch, five days of Tết Nguyên Đán from the eve
(plus "29 Tết" and weekend substitutes in some years), Giỗ Tổ Hùng Vương, 30/4, 1/5, two days of
Quốc khánh, from 2026 Ngày Văn hóa Việt Nam (24/11), days in lieu when a holiday falls on a
weekend, and the yearly swaps such as 02/5/2025 off for Saturday 26/4/2025 worked).
The user adds what the package does not know yet (a new year's swap schedule) as extra days off
and extra working days; those win over the package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop_app.i18n import _, current_language

_ONE_DAY = dt.timedelta(days=1)
# The most working days a caller may ask to move (about 40 years): guards against runaway loops.
MAX_STEP = 10_000


@dataclass(frozen=True)
class _Year:
    holidays: frozenset[dt.date]
    makeup_days: frozenset[dt.date]  # weekend days worked in exchange for a day off


def _compute_package_year(year: int) -> _Year:
    import holidays  # imported on first use: it costs ~80 ms

    # The next year is loaded too: a swap for early January can put the worked day in late December.
    table = holidays.country_holidays("VN", years=[year, year + 1])
    days = frozenset(d for d in table if d.year == year)
    makeup = frozenset(d for d in getattr(table, "weekend_workdays", ()) if d.year == year)
    return _Year(days, makeup)


# The package's tables by year, shared by every calendar: they cannot change while the program runs.
_package_years: dict[int, _Year] = {}
# Where the tables are kept between runs (services.holiday_cache): importing the package costs more than
# the rest of the first deadline computation.
_cache_load: Callable[[int], tuple[Iterable[dt.date], Iterable[dt.date]] | None] | None = None
_cache_save: Callable[[int, frozenset[dt.date], frozenset[dt.date]], None] | None = None


def use_holiday_cache(load: Callable[[int], tuple[Iterable[dt.date], Iterable[dt.date]] | None] | None,
                      save: Callable[[int, frozenset[dt.date], frozenset[dt.date]], None] | None) -> None:
    """Read the package's tables of a year through *load* (None: not kept) before computing them, and hand
    what was computed to *save*. ``use_holiday_cache(None, None)`` always asks the package."""
    global _cache_load, _cache_save
    _cache_load, _cache_save = load, save
    _package_years.clear()


def _package_year(year: int) -> _Year:
    data = _package_years.get(year)
    if data is not None:
        return data
    kept = _cache_load(year) if _cache_load is not None else None
    if kept is not None:
        data = _Year(frozenset(kept[0]), frozenset(kept[1]))
    else:
        data = _compute_package_year(year)
        if _cache_save is not None:
            _cache_save(year, data.holidays, data.makeup_days)
    _package_years[year] = data
    return data


class WorkCalendar:
    """Vietnamese working days, with the user's extra days off and make-up working days."""

    def __init__(self, extra_days_off: Iterable[dt.date] = (), extra_working_days: Iterable[dt.date] = ()):
        self.extra_days_off = frozenset(extra_days_off)
        self.extra_working_days = frozenset(extra_working_days)
        both = self.extra_days_off & self.extra_working_days
        if both:
            raise ValueError(f"days both off and working: {sorted(both)}")
        self._years: dict[int, _Year] = {}
        self._added: dict[tuple[dt.date, int], dt.date] = {}  # memo: deadlines are asked for again and again

    def _year(self, year: int) -> _Year:
        data = self._years.get(year)
        if data is None:
            data = self._years[year] = _package_year(year)
        return data

    def is_public_holiday(self, day: dt.date) -> bool:
        """A public holiday or day in lieu by the package (the user's extra days are not included)."""
        return day in self._year(day.year).holidays

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off:
            return False
        data = self._year(day.year)
        if day in data.holidays:
            return False
        if day in data.makeup_days:
            return True
        return day.weekday() < 5

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The *n*-th working day after *start* (start itself not counted); before it when *n* < 0.

        ``n == 0`` returns *start* unchanged.
        """
        if abs(n) > MAX_STEP:
            raise ValueError(f"too many working days: {n}")
        cached = self._added.get((start, n))
        if cached is not None:
            return cached
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        day, left = start, abs(n)
        while left:
            day += step
            if self.is_working_day(day):
                left -= 1
        if len(self._added) > 50_000:
            self._added.clear()
        self._added[(start, n)] = day
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after *start* up to and including *end* (negative when *end* < *start*)."""
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += _ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count

    def next_working_day(self, day: dt.date) -> dt.date:
        """*day* itself when it is a working day, else the first working day after it."""
        return day if self.is_working_day(day) else self.add_working_days(day, 1)

    def days_off(self, year: int) -> dict[dt.date, str]:
        """Every non-working weekday and every holiday of *year*, with its name, in date order."""
        names = holiday_names(year)
        result: dict[dt.date, str] = {}
        for day, name in names.items():
            if day not in self.extra_working_days:
                result[day] = name
        for day in self.extra_days_off:
            if day.year == year:
                result[day] = names.get(day) or _("Extra day off")
        return dict(sorted(result.items()))

    def makeup_working_days(self, year: int) -> list[dt.date]:
        """Weekend days that are working days in *year* (the package's swaps and the user's)."""
        days = {d for d in self._year(year).makeup_days if d not in self.extra_days_off}
        days |= {d for d in self.extra_working_days if d.year == year and d.weekday() >= 5}
        return sorted(days)

    def holiday_name(self, day: dt.date) -> str:
        """Why *day* is not a working day ('' for a working day or an ordinary weekend)."""
        if self.is_working_day(day):
            return ""
        if day in self.extra_days_off:
            return holiday_names(day.year).get(day) or _("Extra day off")
        return holiday_names(day.year).get(day, "")


def holiday_names(year: int) -> dict[dt.date, str]:
    """The package's public holidays of *year* named in the interface language."""
    import holidays

    language = "en_US" if current_language() == "en" else "vi"
    table = holidays.country_holidays("VN", years=year, language=language)
    return {day: name for day, name in sorted(table.items()) if day.year == year}


_default = WorkCalendar()


def set_default_calendar(calendar: WorkCalendar) -> None:
    """Use *calendar* wherever no calendar is given (the services call this when a database opens)."""
    global _default
    _default = calendar


def default_calendar() -> WorkCalendar:
    return _default


def is_working_day(day: dt.date, calendar: WorkCalendar | None = None) -> bool:
    return (calendar or _default).is_working_day(day)


def add_working_days(start: dt.date, n: int, calendar: WorkCalendar | None = None) -> dt.date:
    return (calendar or _default).add_working_days(start, n)


def working_days_between(start: dt.date, end: dt.date, calendar: WorkCalendar | None = None) -> int:
    return (calendar or _default).working_days_between(start, end)
