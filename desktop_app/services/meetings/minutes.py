"""Adopting the minutes, and the dated addenda that are the only change adopted minutes accept.

Adoption locks the minutes with its date (design.md §5: "adopted minutes change only through dated
addenda"); what must be complete first is listed by ``adoption_problems``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from desktop_app.core.enums import AttendanceStatus, MeetingKind, MeetingStatus
from desktop_app.core.rules import Month
from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker
from desktop_app.services.fees import ledger
from desktop_app.services.meetings import decisions
from desktop_app.services.meetings.meetings import editable_meeting, get_meeting, is_adopted
from desktop_app.store.models import Attendance, Meeting, Person


@dataclass(frozen=True)
class Addendum:
    date: dt.date
    text: str


def adoption_problems(meeting: Meeting) -> dict[str, str]:
    """What must be completed before the minutes can be adopted."""
    problems: dict[str, str] = {}
    if meeting.chair_id is None:
        problems["chair"] = _("Name the chair of the meeting.")
    if meeting.secretary_id is None:
        problems["secretary"] = _("Name the secretary of the meeting.")
    if meeting.kind in (MeetingKind.THEMATIC, MeetingKind.COMBINED) and not meeting.theme.strip():
        problems["theme"] = _("Give the topic of the thematic meeting.")
    missing = [r.person.full_name for r in Attendance.select(Attendance, Person).join(Person)
               .where((Attendance.meeting == meeting) & (Attendance.status == AttendanceStatus.EXCUSED)
                      & (Attendance.reason == ""))]
    if missing:
        problems["attendance"] = _("Give the reason for each absence with reason: {names}.").format(
            names=", ".join(missing))
    stale = decisions.stale_votes(meeting.id)
    if stale:
        problems["decisions"] = _("Attendance changed after these votes were recorded; record them again: "
                                  "{titles}.").format(titles="; ".join(stale))
    return problems


def adopt(meeting_id: int, on: dt.date) -> Meeting:
    """Adopt the minutes on *on*: from then on they are locked, and only addenda may be added. The Party fees
    they state are the fee ledger's total of the meeting's month at this moment, kept with them."""
    meeting = editable_meeting(meeting_id)
    check = Checker({"adopted_on": on})
    value = check.date("adopted_on", required=True, not_future=True, label=_("Adoption date"),
                       minimum=meeting.date)
    check.done()
    problems = adoption_problems(meeting)
    if problems:
        raise ValidationError(problems)
    with atomic():
        before = audit.snapshot(meeting)
        meeting.status = MeetingStatus.ADOPTED
        meeting.adopted_on = value
        meeting.fees_collected = ledger.collected(meeting.branch_id, Month.of(meeting.date)) \
            if meeting.kind in (MeetingKind.REGULAR, MeetingKind.COMBINED) else 0
        meeting.save()
        audit.record_change("adopt", meeting, before)
    return meeting


def addenda(meeting: Meeting | int) -> list[Addendum]:
    if isinstance(meeting, int):
        meeting = get_meeting(meeting)
    if not meeting.addenda:
        return []
    return [Addendum(dt.date.fromisoformat(item["date"]), item["text"]) for item in json.loads(meeting.addenda)]


def add_addendum(meeting_id: int, on: dt.date, text: str) -> Meeting:
    """Append a dated addendum to adopted minutes (the only change they accept)."""
    meeting = get_meeting(meeting_id)
    if not is_adopted(meeting):
        raise ValidationError({"addenda": _("Addenda are added after the minutes are adopted; "
                                            "until then, edit the minutes themselves.")})
    check = Checker({"date": on, "text": text})
    check.date("date", required=True, not_future=True, label=_("Date"), minimum=meeting.adopted_on)
    check.text("text", required=True, max_length=20_000, label=_("Addendum"))
    clean = check.done()
    day, body = clean["date"], clean["text"]
    items = [{"date": a.date.isoformat(), "text": a.text} for a in addenda(meeting)]
    items.append({"date": day.isoformat(), "text": body})
    with atomic():
        before = audit.snapshot(meeting)
        meeting.addenda = json.dumps(items, ensure_ascii=False)
        meeting.save()
        audit.record_change("addendum", meeting, before)
    return meeting
