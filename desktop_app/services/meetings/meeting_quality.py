"""Quality indicators of a meeting (Guidance 12-HD/BTCTW (06/7/2018), Part 2, point 3; domain.md §3.4).

A regular meeting is of good quality on attendance when more than 85 % of the members attend,
nobody is absent without reason, and nobody has been absent with reason more than three times
running in the year (exempt members excluded); and when it lasts long enough.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core import rules
from desktop_app.i18n import _, format_percent, ngettext
from desktop_app.services.meetings import meeting_rules
from desktop_app.services.meetings.attendance import A, attendance, counts_of, excused_streak
from desktop_app.services.meetings.meetings import duration_minutes, get_meeting


@dataclass(frozen=True)
class Indicator:
    key: str  # attendance_rate, unexcused, consecutive_excused, length
    label: str  # translated
    passed: bool | None  # None: not known yet (e.g. no end time recorded)
    value: str  # what was measured, translated
    detail: str  # names concerned, translated
    source: str  # document and point, translated


@dataclass(frozen=True)
class QualityReport:
    meeting_id: int
    indicators: tuple[Indicator, ...]

    @property
    def passed(self) -> bool:
        return all(i.passed is not False for i in self.indicators)

    def get(self, key: str) -> Indicator:
        return next(i for i in self.indicators if i.key == key)


def quality(meeting_id: int) -> QualityReport:
    meeting = get_meeting(meeting_id)
    pol = meeting_rules.policy(meeting.date)
    rows = attendance(meeting_id)
    counts = counts_of(rows, meeting.date)
    # The run of absences with reason that each member absent with reason at this meeting has reached.
    streaks = [(r.full_name, excused_streak(r.person_id, meeting)) for r in rows if r.status == A.EXCUSED]
    judged = rules.attendance_quality(counts.present, counts.expected, counts.unexcused,
                                      max((n for _name, n in streaks), default=0), policy=pol)
    indicators = []

    rate = counts.rate
    indicators.append(Indicator(
        "attendance_rate",
        _("More than {n}% of members attend").format(n=pol.attendance_min_percent),
        None if rate is None else judged.rate_ok,
        "" if rate is None else _("{present} of {expected} attended ({percent})").format(
            present=counts.present, expected=counts.expected, percent=format_percent(
                counts.present, whole=counts.expected)),
        "", pol.source("attendance_min_percent")))

    indicators.append(Indicator(
        "unexcused", _("No member absent without reason"), judged.unexcused_ok,
        _("{n} absent without reason").format(n=counts.unexcused),
        ", ".join(counts.unexcused_names), pol.source("max_unexcused_absences")))

    limit = pol.max_consecutive_excused
    over = [(name, n) for name, n in streaks if n > limit]
    indicators.append(Indicator(
        "consecutive_excused",
        _("No member absent with reason more than {n} times running in the year").format(n=limit),
        judged.excused_run_ok,
        ngettext("{n} member over the limit", "{n} members over the limit", len(over)).format(n=len(over)),
        ", ".join(_("{name} ({n} times)").format(name=name, n=n) for name, n in over),
        pol.source("max_consecutive_excused")))

    rule = meeting_rules.min_minutes(meeting.kind, meeting.date)
    if rule is not None:
        minutes = duration_minutes(meeting.start_time, meeting.end_time)
        indicators.append(Indicator(
            "length", _("The meeting lasts at least {n} minutes").format(n=rule[0]),
            None if minutes is None else not rules.meeting_too_short(minutes, meeting.kind, policy=pol),
            "" if minutes is None else ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes), "", rule[1]))
    return QualityReport(meeting_id, tuple(indicators))
