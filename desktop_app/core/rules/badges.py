"""Party badges (Huy hiệu Đảng; Guidance 01-HD/TW (2021) point 18, UNCONFIRMED whether 06-HD/TW restates it;
domain.md §6). Milestones, award days and the early-consideration allowances are configurable parameters.

How to call it::

    award_days(2027)                      # 03/02, 19/05, 02/09, 07/11/2027 (from the setting)
    award_day_on_or_after(day)            # the first award day on or after *day*; previous_award_day(day)
    milestone_date(admitted, 30)          # the day 30 years of party age are complete
    badge_due(admitted, 30, award_day)    # BadgeDue (due_from, early, posthumous…) or None when not due
    badges_due(admitted, award_day, awarded=(30,))       # milestones due by that award day and not yet awarded
    newly_due(admitted, award_day)        # those that became due since the previous award day: the award list
                                          # (for early consideration use badges_due with the awards recorded)

Party age runs from the date in the admission decision (Party Charter Article 5.4); *months_not_counted* adds
months the caller knows are not counted (time out of the Party before a re-admission, where the committee says
so). A milestone of N years is reached on the day N × 12 months are complete (:mod:`.months`): admitted
19/05/1997 → 30 years on 19/05/2027, listed for the award day 19/05/2027.

Early consideration, when the caller says so: a seriously ill member up to 12 months early for the milestones
from 30 to 65 years and up to 24 months from 70 years; a deceased member posthumously when death came at most
12 months before the milestone (the badge is then due from the day of death).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.rules.months import add_months
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.registry import policy_for


def _policy(year: int, policy: Policy | None) -> Policy:
    return policy or policy_for(dt.date(year, 1, 1))


def award_days(year: int, *, policy: Policy | None = None) -> list[dt.date]:
    """The award days of *year*, in date order."""
    policy = _policy(year, policy)
    return sorted(dt.date(year, month, day) for day, month in policy.badge_award_days)


def award_day_on_or_after(day: dt.date, *, policy: Policy | None = None) -> dt.date:
    """The first award day on or after *day* (next year's first when none is left this year)."""
    for candidate in award_days(day.year, policy=policy) + award_days(day.year + 1, policy=policy):
        if candidate >= day:
            return candidate
    raise ValueError("no award days are set")


def previous_award_day(day: dt.date, *, policy: Policy | None = None) -> dt.date:
    """The last award day strictly before *day*."""
    earlier = [d for d in award_days(day.year - 1, policy=policy) + award_days(day.year, policy=policy) if d < day]
    if not earlier:
        raise ValueError("no award days are set")
    return earlier[-1]


def milestone_date(admitted: dt.date, years: int, *, months_not_counted: int = 0) -> dt.date:
    """The day *years* years of party age are complete."""
    return add_months(admitted, years * 12 + months_not_counted)


@dataclass(frozen=True)
class BadgeDue:
    years: int  # the milestone
    reached_on: dt.date  # the day the milestone is complete
    due_from: dt.date  # the day the badge can be awarded (before reached_on when considered early)
    early: bool  # considered before the milestone is reached (seriously ill, or posthumous)
    posthumous: bool
    rule_id: str
    source: str
    policy_version: str


def badge_due(admitted: dt.date, years: int, on: dt.date, *, seriously_ill: bool = False,
              died_on: dt.date | None = None, months_not_counted: int = 0,
              policy: Policy | None = None) -> BadgeDue | None:
    """The *years* badge if it is due by *on* (an award day), else None."""
    policy = policy or policy_for(on)
    reached = milestone_date(admitted, years, months_not_counted=months_not_counted)

    def due(day: dt.date, rule: str, posthumous: bool = False) -> BadgeDue | None:
        if day > on:
            return None
        return BadgeDue(years, reached, day, day < reached, posthumous, rule, policy.source(rule), policy.version)

    if died_on is not None:
        if reached <= died_on:
            return due(reached, "badge_milestones_years", posthumous=True)
        early = add_months(reached, -policy.badge_posthumous_early_months)
        return due(died_on, "badge_posthumous_early_months", posthumous=True) if early <= died_on else None
    if seriously_ill and on < reached:
        senior = years >= policy.badge_senior_from_years
        months = policy.badge_ill_early_months_senior if senior else policy.badge_ill_early_months
        return due(add_months(reached, -months),
                   "badge_ill_early_months_senior" if senior else "badge_ill_early_months")
    return due(reached, "badge_milestones_years")


def badges_due(admitted: dt.date, on: dt.date, *, awarded: Iterable[int] = (), seriously_ill: bool = False,
               died_on: dt.date | None = None, months_not_counted: int = 0,
               policy: Policy | None = None) -> list[BadgeDue]:
    """The milestone badges due by *on* (an award day) and not in *awarded*, smallest milestone first."""
    policy = policy or policy_for(on)
    done = set(awarded)
    result = []
    for years in policy.badge_milestones_years:
        badge = None if years in done else badge_due(
            admitted, years, on, seriously_ill=seriously_ill, died_on=died_on,
            months_not_counted=months_not_counted, policy=policy)
        if badge is not None:
            result.append(badge)
    return result


def newly_due(admitted: dt.date, award_day: dt.date, *, seriously_ill: bool = False, died_on: dt.date | None = None,
              months_not_counted: int = 0, policy: Policy | None = None) -> list[BadgeDue]:
    """The badges that became due after the previous award day and by *award_day*: that day's award list."""
    policy = policy or policy_for(award_day)
    since = previous_award_day(award_day, policy=policy)
    due = badges_due(admitted, award_day, seriously_ill=seriously_ill, died_on=died_on,
                     months_not_counted=months_not_counted, policy=policy)
    return [badge for badge in due if badge.due_from > since]
