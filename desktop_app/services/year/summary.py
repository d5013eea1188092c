"""Counts and shares per grade, and the cap on "excellent", for a branch or the organisation.

The counts are of the grades that count (the committee's once decided, else the branch's proposals) of the
members the rules grade; the share "completed tasks well or better" is exact (core.rules.good_or_better_share) and
rounded only where it is printed (i18n.format_percent). The cap is checked within the group graded together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from desktop_app.core import rules
from desktop_app.core.member_codes import Grade
from desktop_app.i18n import pgettext
from desktop_app.services.year.roster import RosterRow

# Shares of a grading are printed with two decimals, as the committees publish them ("92,06%").
SHARE_DIGITS = 2


@dataclass(frozen=True)
class GradeSummary:
    members: int  # members on the grading date
    eligible: int  # of them, those the rules grade
    graded: int  # of those, with a grade that counts
    decided: int  # of those, decided by the committee
    counts: dict[str, int]  # grade → members, every grade present, best first
    not_graded: tuple[RosterRow, ...]  # with the reason each is not graded

    @property
    def waiting(self) -> int:
        """Graded by the rules, no grade recorded yet."""
        return self.eligible - self.graded

    @property
    def share(self) -> Fraction | None:
        """Completed tasks well or better, of those graded (None when nobody is)."""
        return rules.good_or_better_share(self.counts)

    @property
    def good_or_better(self) -> int:
        return sum(self.counts[g] for g in Grade.GOOD_OR_BETTER)

    @property
    def all_decided(self) -> bool:
        return self.eligible > 0 and self.decided == self.eligible


def summarise(rows: Iterable[RosterRow]) -> GradeSummary:
    rows = list(rows)
    eligible = [r for r in rows if r.graded]
    grades = [r.grade for r in eligible if r.grade]
    decided = sum(1 for r in eligible if r.locked)
    return GradeSummary(len(rows), len(eligible), len(grades), decided, rules.grade_counts(grades),
                        tuple(r for r in rows if not r.graded))


def cap_warnings(counts: dict[str, int], *, outstanding: bool = False, on: dt.date | None = None) -> list[str]:
    """The warning naming the counts when "excellent" exceed the cap of the group (exactly at the cap is allowed)."""
    return rules.check_excellent_cap(counts.get(Grade.EXCELLENT, 0), counts.get(Grade.GOOD, 0),
                                     outstanding_unit=outstanding, on=on).messages()


def short_label(code: str) -> str:
    """A grade in a narrow column, as the committees' tables abbreviate it (HTXSNV, HTTNV, HTNV, KHTNV)."""
    return {
        Grade.EXCELLENT: pgettext("grade abbreviation", "Excellent"),
        Grade.GOOD: pgettext("grade abbreviation", "Good"),
        Grade.COMPLETED: pgettext("grade abbreviation", "Completed"),
        Grade.NOT_COMPLETED: pgettext("grade abbreviation", "Not completed"),
    }.get(code, "")
