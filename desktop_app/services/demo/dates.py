"""Dates for the demo: working days (from the rules engine), the monthly meeting calendar, terms.

Branches meet on the 3rd of each month (Directive 50-CT/TW; the demo keeps the 3rd before 2025
too). When the 3rd falls in the Tết holiday, or now and then for another reason, the meeting moves
to a later day and the minutes say why. One meeting a quarter is thematic: usually combined with
the regular meeting, sometimes held separately later in the month.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Callable

from desktop_app.core import rules
from desktop_app.core.enums import MeetingKind
from desktop_app.services.demo.model import MeetingPlan

ONE_DAY = dt.timedelta(days=1)
# The district level was abolished on 1/7/2025: before it, the district committee decided admissions.
CUTOVER = dt.date(2025, 7, 1)
# First day of Tết Nguyên Đán (lunar new year), for moving meetings out of the holiday.
TET = {2004: (1, 22), 2005: (2, 9), 2006: (1, 29), 2007: (2, 17), 2008: (2, 7), 2009: (1, 26), 2010: (2, 14),
       2011: (2, 3), 2012: (1, 23), 2013: (2, 10), 2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28),
       2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10),
       2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 2), 2031: (1, 23),
       2032: (2, 11), 2033: (1, 31), 2034: (2, 19), 2035: (2, 8), 2036: (1, 28), 2037: (2, 15), 2038: (2, 4)}
MOVE_REASONS = (
    "trùng lịch Hội nghị Ban Chấp hành Đảng bộ xã",
    "đồng chí Bí thư chi bộ đi tập huấn",
    "trùng lịch tiếp xúc cử tri",
    "mưa lũ, đường vào bản bị sạt lở",
    "trùng lịch kiểm tra của Đảng ủy xã",
)

add_months = rules.add_months
complete_months = rules.complete_months


def add_working_days(day: dt.date, n: int) -> dt.date:
    return rules.add_working_days(day, n)


def working_day_on_or_before(day: dt.date) -> dt.date:
    while not rules.is_working_day(day):
        day -= ONE_DAY
    return day


def working_day_on_or_after(day: dt.date) -> dt.date:
    while not rules.is_working_day(day):
        day += ONE_DAY
    return day


def months_back(today: dt.date, count: int) -> list[tuple[int, int]]:
    """The *count* months ending with today's month, oldest first."""
    index = today.year * 12 + today.month - 1
    return [(i // 12, i % 12 + 1) for i in range(index - count + 1, index + 1)]


def term_of(day: dt.date) -> str:
    """The committee term a document belongs to: terms change on 1 July of 2010, 2015, 2020, 2025 …"""
    start = day.year - (day.year % 5)
    if day < dt.date(start, 7, 1):
        start -= 5
    return f"{start}-{start + 5}"


def _regular_day(year: int, month: int, rng: random.Random) -> tuple[dt.date, str]:
    day = dt.date(year, month, 3)
    tet = TET.get(year)
    if tet:
        first = dt.date(year, *tet)
        if first - 2 * ONE_DAY <= day <= first + 6 * ONE_DAY:
            moved = working_day_on_or_after(first + 7 * ONE_DAY)
            return moved, f"Chi bộ sinh hoạt ngày {moved:%d/%m/%Y} thay cho ngày 03 do trùng kỳ nghỉ Tết Nguyên đán."
    if rng.random() < 0.012:
        moved = day + rng.randint(1, 4) * ONE_DAY
        return moved, (f"Chi bộ sinh hoạt ngày {moved:%d/%m/%Y} thay cho ngày 03 do "
                       f"{rng.choice(MOVE_REASONS)}.")
    return day, ""


def meeting_calendar(branch_id: int, months: list[tuple[int, int]], today: dt.date, rng: random.Random,
                     new_id: Callable[[], tuple[int, str]]) -> list[MeetingPlan]:
    """The branch's meetings over *months*: the regular one each month, a thematic one each quarter,
    a rare extraordinary one. Meetings after *today* are kept only for the current month (planned)."""
    current = (today.year, today.month)
    # One month of each quarter carries the thematic meeting: one already reached in the current quarter.
    quarters: dict[tuple[int, int], list[int]] = {}
    for year, month in months:
        quarters.setdefault((year, (month - 1) // 3), []).append(month)
    thematic_month = {quarter: rng.choice(listed) for quarter, listed in quarters.items()}
    planned: list[tuple[dt.date, str, str]] = []
    for year, month in months:
        day, note = _regular_day(year, month, rng)
        kind = MeetingKind.REGULAR
        if thematic_month[(year, (month - 1) // 3)] == month:
            if rng.random() < 0.7 or (year, month) == current:  # a separate one would still lie ahead
                kind = MeetingKind.COMBINED
            else:
                separate = working_day_on_or_after(dt.date(year, month, rng.randint(12, 24)))
                planned.append((separate, MeetingKind.THEMATIC, ""))
        planned.append((day, kind, note))
        if rng.random() < 0.008:
            planned.append((working_day_on_or_after(dt.date(year, month, rng.randint(14, 27))),
                            MeetingKind.EXTRAORDINARY, ""))
    meetings = []
    for day, kind, note in sorted(planned, key=lambda item: (item[0], item[1])):
        in_current = (day.year, day.month) == current
        if day > today and not (in_current and kind in (MeetingKind.REGULAR, MeetingKind.COMBINED)):
            continue
        mid, uid = new_id()
        meetings.append(MeetingPlan(mid, uid, branch_id, day, kind, note, held=day <= today, draft=in_current))
    return meetings


class VoteDays:
    """The branch's regular meeting days, where personnel votes are taken, with virtual ones (the 3rd)
    before and after the recorded calendar."""

    def __init__(self, meetings: list[MeetingPlan]):
        self.meetings = [m for m in meetings if m.kind in (MeetingKind.REGULAR, MeetingKind.COMBINED)]
        self.dates = [m.date for m in self.meetings]

    def on_or_after(self, day: dt.date) -> tuple[dt.date, MeetingPlan | None]:
        third = day.replace(day=3)
        virtual = third if third >= day else add_months(third, 1)
        i = bisect.bisect_left(self.dates, day)
        if i < len(self.dates) and (i > 0 or self.dates[0] <= virtual):
            return self.dates[i], self.meetings[i]
        return virtual, None

    def after(self, day: dt.date) -> tuple[dt.date, MeetingPlan | None]:
        return self.on_or_after(day + ONE_DAY)

    def on_or_before(self, day: dt.date) -> tuple[dt.date, MeetingPlan | None]:
        third = day.replace(day=3)
        virtual = third if third <= day else add_months(third, -1)
        i = bisect.bisect_right(self.dates, day) - 1
        if i >= 0 and (i < len(self.dates) - 1 or self.dates[-1] >= virtual):
            return self.dates[i], self.meetings[i]
        return virtual, None
