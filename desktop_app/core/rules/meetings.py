"""Rules of the monthly branch meeting (domain.md §3): day, length, thematic meetings, attendance.

Sources: Directive 50-CT/TW (the 3rd of each month, at least one thematic meeting a quarter),
Guidance 42-HD/BTCTW and 12-HD/BTCTW (2018) (at least 90 minutes, 120 when regular and thematic
business share a session; good attendance above 85 %, nobody absent without reason, nobody excused
more than three times running in a year), Party Charter Article 8.2 (three months of skipped
activity in a year without valid reason: the branch proposes striking off).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.enums import AttendanceStatus, MeetingKind
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.registry import policy_for


def meeting_day(year: int, month: int, *, policy: Policy | None = None) -> dt.date | None:
    """The prescribed meeting date of that month (the 3rd since 23/7/2025), None when no day is fixed."""
    first = dt.date(year, month, 1)
    policy = policy or policy_for(first)
    return first.replace(day=policy.meeting_day) if policy.meeting_day else None


def meeting_min_minutes(kind: str, *, policy: Policy | None = None, on: dt.date | None = None) -> int | None:
    """The shortest allowed length of a meeting of *kind* (a MeetingKind code); None for extraordinary ones."""
    policy = policy or policy_for(on)
    if kind == MeetingKind.COMBINED:
        return policy.combined_meeting_min_minutes
    if kind in (MeetingKind.REGULAR, MeetingKind.THEMATIC):
        return policy.meeting_min_minutes
    if kind == MeetingKind.EXTRAORDINARY:
        return None
    raise ValueError(f"unknown meeting kind {kind!r}")


def meeting_too_short(minutes: int, kind: str = MeetingKind.REGULAR, *, policy: Policy | None = None,
                      on: dt.date | None = None) -> bool:
    """Whether a meeting of *minutes* falls short of its minimum (90 min; 120 combined; none if extraordinary)."""
    minimum = meeting_min_minutes(kind, policy=policy, on=on)
    return minimum is not None and minutes < minimum


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a quarter."""
    first = dt.date(year, 3 * quarter - 2, 1)
    last_month_end = dt.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - dt.timedelta(days=1)
    return first, last_month_end


def thematic_short(thematic_meetings: int, *, policy: Policy | None = None, on: dt.date | None = None) -> bool:
    """Whether a quarter with *thematic_meetings* thematic (or combined) meetings falls short of the minimum."""
    policy = policy or policy_for(on)
    return thematic_meetings < policy.thematic_per_quarter


@dataclass(frozen=True)
class AttendanceQuality:
    """The attendance criteria of one meeting and whether each was met."""

    present: int
    expected: int
    unexcused: int
    longest_excused_run: int
    rate_ok: bool  # more than 85 % present
    unexcused_ok: bool  # nobody absent without reason
    excused_run_ok: bool  # nobody excused more than 3 times running in the year
    policy_version: str

    @property
    def ok(self) -> bool:
        return self.rate_ok and self.unexcused_ok and self.excused_run_ok

    @property
    def rate(self) -> float:
        """Share present, 0..1 (for display only; the test uses integers)."""
        return self.present / self.expected if self.expected else 0.0


def attendance_quality(present: int, expected: int, unexcused: int = 0, longest_excused_run: int = 0, *,
                       policy: Policy | None = None, on: dt.date | None = None) -> AttendanceQuality:
    """Judge a meeting's attendance: *expected* is the members required to attend (exempt members and armed-forces
    members on special duty left out), *longest_excused_run* the longest run of consecutive excused absences of any
    member this year up to this meeting."""
    policy = policy or policy_for(on)
    if min(present, expected, unexcused, longest_excused_run) < 0 or present > expected:
        raise ValueError("inconsistent attendance counts")
    rate_ok = expected > 0 and present * 100 > policy.attendance_min_percent * expected
    return AttendanceQuality(present, expected, unexcused, longest_excused_run, rate_ok,
                             unexcused <= policy.max_unexcused_absences,
                             longest_excused_run <= policy.max_consecutive_excused, policy.version)


def longest_excused_run(statuses: Iterable[str]) -> int:
    """The longest run of consecutive "excused" absences in one member's attendance, in meeting order."""
    best = run = 0
    for status in statuses:
        run = run + 1 if status == AttendanceStatus.EXCUSED else 0
        best = max(best, run)
    return best


def strike_off_due(months_skipped: int, *, policy: Policy | None = None, on: dt.date | None = None) -> bool:
    """Whether *months_skipped* (months in one year without activity, or fees, and without valid reason)
    reach the strike-off trigger (3, Party Charter Article 8.2)."""
    policy = policy or policy_for(on)
    return months_skipped >= policy.strike_off_months
