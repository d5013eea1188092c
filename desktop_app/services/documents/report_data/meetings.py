"""What the minutes and the sign-in sheet of one meeting print."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core.enums import AttendanceStatus, Status
from desktop_app.services.meetings import (
    action_items,
    attendance,
    decisions,
    meeting_fees,
    meetings,
    minutes,
    progress_notes,
)
from desktop_app.services.meetings.attendance import Counts
from desktop_app.services.meetings.decisions import DecisionRow
from desktop_app.services.meetings.progress_notes import ProgressNoteRow
from desktop_app.store.models import Attendance, Branch, Person


@dataclass(frozen=True)
class TaskLine:
    text: str
    responsible: str
    due: dt.date | None
    done: bool
    carried_from: dt.date | None = None  # carried over: the date of the meeting that first set it
    overdue: bool = False  # still open and due before the meeting


@dataclass(frozen=True)
class MinutesData:
    meeting_id: int
    branch_id: int
    date: dt.date
    kind: str  # core.enums.MeetingKind
    place: str
    start_time: str | None
    end_time: str | None
    chair: str
    chair_is_branch_secretary: bool
    minutes_taker: str
    branch_secretary: str
    theme: str
    fees_collected: int  # đồng: the fee ledger's total of the month (kept at adoption)
    evaluation: str
    current_affairs: str
    next_tasks: str
    discussion: str
    conclusion: str
    adopted_on: dt.date | None
    addenda: tuple[tuple[dt.date, str], ...]
    counts: Counts
    sponsor_reports: tuple[ProgressNoteRow, ...]
    decisions: tuple[DecisionRow, ...]
    tasks: tuple[TaskLine, ...]


def _name(person_id: int | None) -> str:
    if not person_id:
        return ""
    person = Person.get_or_none(Person.id == person_id)
    return person.full_name if person else ""


def minutes_data(meeting_id: int) -> MinutesData:
    """Everything the minutes of *meeting_id* state; NotFoundError for an unknown meeting."""
    m = meetings.get_meeting(meeting_id)
    branch = Branch.get_by_id(m.branch_id)
    tasks = tuple(TaskLine(t.text, t.responsible_name, t.due, t.done, t.carried_from, t.overdue)
                  for t in action_items.action_items(m.id))
    return MinutesData(
        meeting_id=m.id, branch_id=m.branch_id, date=m.date, kind=m.kind, place=m.place,
        start_time=m.start_time, end_time=m.end_time, chair=_name(m.chair_id),
        chair_is_branch_secretary=bool(m.chair_id) and m.chair_id == branch.secretary_id,
        minutes_taker=_name(m.secretary_id), branch_secretary=_name(branch.secretary_id), theme=m.theme,
        fees_collected=meeting_fees.fees_collected(m), evaluation=m.evaluation, current_affairs=m.current_affairs,
        next_tasks=m.next_tasks, discussion=m.discussion, conclusion=m.conclusion,
        adopted_on=m.adopted_on if meetings.is_adopted(m) else None,
        addenda=tuple((a.date, a.text) for a in minutes.addenda(m)),
        counts=attendance.attendance_counts(m.id), sponsor_reports=tuple(progress_notes.meeting_notes(m.id)),
        decisions=tuple(decisions.decisions(m.id)), tasks=tasks)


@dataclass(frozen=True)
class SigninLine:
    name: str
    member_status: str  # core.enums.Status: official, probationary, exempt
    attendance: str  # core.enums.AttendanceStatus when already recorded, else ""


@dataclass(frozen=True)
class SigninData:
    meeting_id: int
    branch_id: int
    date: dt.date
    kind: str
    place: str
    start_time: str | None
    lines: tuple[SigninLine, ...]
    chair: str = ""
    minutes_taker: str = ""
    counts: Counts | None = None  # the attendance as the adopted minutes record it; None before


def signin_data(meeting_id: int) -> SigninData:
    """The members to sign in: the meeting's attendance list when prepared, else the branch's members now;
    the chair and the recording secretary who sign it, and the tally once the minutes are adopted."""
    m = meetings.get_meeting(meeting_id)
    counts = attendance.attendance_counts(m.id) if meetings.is_adopted(m) else None
    rows = (Attendance.select(Person.full_name, Attendance.member_status, Attendance.status)
            .join(Person).where((Attendance.meeting == m.id) & (Attendance.status != AttendanceStatus.GUEST))
            .order_by(Person.sort_key, Person.id).tuples())
    lines = [SigninLine(name, member_status, status) for name, member_status, status in rows]
    if not lines:
        members = (Person.select(Person.full_name, Person.status)
                   .where((Person.branch == m.branch_id) & Person.deleted_at.is_null()
                          & Person.status.in_([Status.OFFICIAL, Status.PROBATIONARY, Status.EXEMPT]))
                   .order_by(Person.sort_key, Person.id).tuples())
        lines = [SigninLine(name, status, "") for name, status in members]
    return SigninData(m.id, m.branch_id, m.date, m.kind, m.place, m.start_time, tuple(lines), _name(m.chair_id),
                      _name(m.secretary_id), counts)
