"""What a meeting does not do by the rules: too short, no thematic meeting in its quarter, not on the meeting day.

Warnings only (domain.md §3.1): the meeting is recorded as it was held, and the list and the editor
say what falls short, citing the rule's source.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop_app.core.enums import MeetingKind
from desktop_app.i18n import _, ngettext
from desktop_app.services.meetings import meeting_rules
from desktop_app.store.models import Meeting

TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def duration_minutes(start: str | None, end: str | None) -> int | None:
    """Minutes between two "HH:MM" times on the same day; None when either is missing."""
    if not start or not end or not TIME_RE.match(start) or not TIME_RE.match(end):
        return None
    sh, sm = (int(p) for p in start.split(":"))
    eh, em = (int(p) for p in end.split(":"))
    return (eh * 60 + em) - (sh * 60 + sm)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def thematic_quarters(branch_id: int, years: set[int] | None = None) -> set[tuple[int, int]]:
    """(year, quarter) pairs in which the branch held a thematic (or combined) meeting."""
    query = Meeting.select(Meeting.date).where(
        (Meeting.branch == branch_id) & Meeting.deleted_at.is_null()
        & Meeting.kind.in_([MeetingKind.THEMATIC, MeetingKind.COMBINED]))
    return {(d.year, quarter_of(d)) for (d,) in query.tuples() if years is None or d.year in years}


def length_warning(kind: str, start: str | None, end: str | None, on: dt.date) -> str | None:
    minutes = duration_minutes(start, end)
    rule = meeting_rules.min_minutes(kind, on)
    if minutes is None or rule is None or minutes >= rule[0]:
        return None
    return ngettext("The meeting lasted {n} minute; at least {m} are required ({source}).",
                    "The meeting lasted {n} minutes; at least {m} are required ({source}).", minutes).format(
        n=minutes, m=rule[0], source=rule[1])


def meeting_warnings(meeting: Meeting, thematic: set[tuple[int, int]] | None = None) -> list[str]:
    """What does not meet the rules: too short, no thematic meeting in the quarter, not on the meeting day."""
    warnings = []
    short = length_warning(meeting.kind, meeting.start_time, meeting.end_time, meeting.date)
    if short:
        warnings.append(short)
    if thematic is None:
        thematic = thematic_quarters(meeting.branch_id, {meeting.date.year})
    if (meeting.date.year, quarter_of(meeting.date)) not in thematic:
        pol = meeting_rules.policy(meeting.date)
        warnings.append(_("No thematic meeting in quarter {q}/{year}; at least one a quarter ({source}).").format(
            q=quarter_of(meeting.date), year=meeting.date.year, source=pol.source("thematic_per_quarter")))
    day = meeting_rules.meeting_day(meeting.date)
    if meeting.kind in (MeetingKind.REGULAR, MeetingKind.COMBINED) and day and meeting.date.day != day:
        warnings.append(_("Regular meetings are held on day {day} of each month ({source}).").format(
            day=day, source=meeting_rules.policy(meeting.date).source("meeting_day")))
    return warnings
