"""What the list of members to be awarded Party badges states: for each award day of a year (or those of one
month), the members of one branch or of the organisation who reach a milestone of party age by that day and have
not been awarded it (services.year.badges)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core import rules
from desktop_app.services.year import badges
from desktop_app.services.year.badges import BadgeLine
from desktop_app.store.models import Person


@dataclass(frozen=True)
class AwardDay:
    day: dt.date
    lines: tuple[BadgeLine, ...]
    counts: dict[int, int]  # milestone → members


@dataclass(frozen=True)
class BadgeListData:
    year: int
    branch_id: int | None
    days: tuple[AwardDay, ...]  # the award days covered, each with its list (empty ones included)
    birth_years: dict[int, int]  # person → year of birth, where known

    @property
    def total(self) -> int:
        return sum(len(d.lines) for d in self.days)


def badge_list_data(year: int, branch_id: int | None = None, month: int | None = None) -> BadgeListData:
    """The lists of *year*'s award days (only those in *month* when given)."""
    wanted = [d for d in rules.award_days(year) if month is None or d.month == month]
    lines = [x for x in badges.due_in_year(year, branch_id) if x.award_day in wanted]
    ids = sorted({x.person_id for x in lines})
    births = {pid: born.year for pid, born in Person.select(Person.id, Person.birth_date)
              .where(Person.id.in_(ids or [0]) & Person.birth_date.is_null(False)).tuples()}
    days = []
    for day in wanted:
        of_day = tuple(x for x in lines if x.award_day == day)
        counts: dict[int, int] = {}
        for x in of_day:
            counts[x.years] = counts.get(x.years, 0) + 1
        days.append(AwardDay(day, of_day, dict(sorted(counts.items()))))
    return BadgeListData(year, branch_id, tuple(days), births)
