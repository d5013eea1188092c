"""Calendar-month arithmetic for periods "counted in months" (tính theo tháng).

One convention everywhere, that of the Civil Code 2015 (Điều 148) for periods in months: a period
of *n* months that starts on day *d* ends on day *d* of the *n*-th month after; when that month has
no day *d* (31st, or 29/02 outside leap years), it ends on the month's last day. So:

* born 31/01/2007 → one month complete on 28/02/2007, 216 months (18 years) on 31/01/2025;
* born 29/02/2008 → 18 years complete on 28/02/2026 (2026 has no 29 February);
* a certificate dated 15/01/2020 has run 60 months on 15/01/2025.

``complete_months(start, on)`` counts whole months in that sense; ``add_months(start, n)`` is the
day on which the *n*-th month completes, so ``complete_months(start, add_months(start, n)) == n``.

:class:`Month` is a calendar month (fees are due per month; strike-off counts months in a year).
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
from functools import lru_cache
from typing import NamedTuple


@lru_cache(maxsize=4096)
def _last_day(year: int, month: int) -> int:
    return _stdlib_calendar.monthrange(year, month)[1]


def add_months(start: dt.date, months: int) -> dt.date:
    """The day on which *months* whole months since *start* are complete (day clamped to the month end)."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(start.day, _last_day(year, month)))


def complete_months(start: dt.date, on: dt.date) -> int:
    """Whole months from *start* to *on* (0 when *on* is before a month completes, negative if *on* < *start*).

    A month is complete when the day of month of *start* is reached, or, in a shorter month, on
    its last day.
    """
    if on < start:
        return -complete_months(on, start)
    months = (on.year - start.year) * 12 + (on.month - start.month)
    if add_months(start, months) > on:
        months -= 1
    return months


class Month(NamedTuple):
    """A calendar month (year, month): the unit of Party fees and of the "months in a year" counts.

    ``Month.of(day)`` is the month of a date; ``str(Month(2026, 3))`` is "03/2026"; months sort in time order.
    """

    year: int
    month: int

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> dt.date:
        return _first(self.year, self.month)

    @property
    def last_day(self) -> dt.date:
        return _last(self.year, self.month)

    def shifted(self, months: int) -> Month:
        """The month *months* later (earlier when negative)."""
        year, month = divmod(self.year * 12 + self.month - 1 + months, 12)
        return Month(year, month + 1)

    def __str__(self) -> str:
        return f"{self.month:02d}/{self.year}"


@lru_cache(maxsize=4096)
def _first(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


@lru_cache(maxsize=4096)
def _last(year: int, month: int) -> dt.date:
    return dt.date(year, month, _last_day(year, month))


def months_between(first: Month, last: Month) -> list[Month]:
    """Every month from *first* to *last*, both included (empty when *last* is before *first*)."""
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    return [first.shifted(i) for i in range(max(count, 0))]
