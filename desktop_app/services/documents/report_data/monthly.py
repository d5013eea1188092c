"""What a branch's monthly report states: membership, meetings, changes, development, tasks."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from peewee import JOIN, fn

from desktop_app.core import clock
from desktop_app.core.enums import Stage
from desktop_app.services.meetings import attendance
from desktop_app.services.meetings.attendance import Counts
from desktop_app.store.models import ActionItem, Meeting, Person, Quota, StageEvent


@dataclass(frozen=True)
class MeetingLine:
    meeting_id: int
    date: dt.date
    kind: str
    counts: Counts


@dataclass(frozen=True)
class ChangeLine:
    date: dt.date
    name: str
    stage: str  # core.enums.Stage
    document_ref: str


@dataclass(frozen=True)
class TaskLine:
    text: str
    responsible: str
    due: dt.date | None


@dataclass(frozen=True)
class MonthlyData:
    branch_id: int
    start: dt.date
    end: dt.date
    statuses: dict[str, int]  # status at the end of the month → people
    meetings: tuple[MeetingLine, ...]
    changes: tuple[ChangeLine, ...]
    admitted_in_year: int  # admission decisions dated from 1 January to the end of the month
    target: int | None  # the branch's quota for the year, None when not set
    planned: str  # "tasks for next month" agreed at the month's last meeting
    open_tasks: tuple[TaskLine, ...]

    def count(self, *statuses: str) -> int:
        return sum(self.statuses.get(s, 0) for s in statuses)


def statuses_on(branch_id: int, day: dt.date, today: dt.date | None = None) -> dict[str, int]:
    """{status: people} of the branch's people as of *day*.

    From today on that is the stored status. For an earlier day it comes from the dated history (the
    status set by the last step dated on or before it), so a report for a past month counts the
    members of that month, not today's.
    """
    if day >= (today or clock.today()):
        query = (Person.select(Person.status, fn.COUNT(Person.id))
                 .where((Person.branch == branch_id) & Person.deleted_at.is_null()).group_by(Person.status))
        return dict(query.tuples())
    query = (StageEvent.select(StageEvent.person, StageEvent.stage)
             .join(Person, on=(StageEvent.person == Person.id))
             .where((Person.branch == branch_id) & Person.deleted_at.is_null() & (StageEvent.date <= day))
             .order_by(StageEvent.person, StageEvent.date, StageEvent.id))
    last: dict[int, str] = {}
    for person_id, stage in query.tuples():
        status = Stage.STATUS_AFTER.get(stage)
        if status:
            last[person_id] = status
    return dict(Counter(last.values()))


def monthly_data(branch_id: int, start: dt.date, end: dt.date) -> MonthlyData:
    """The figures of the monthly report of *branch_id* for the days *start*..*end*."""
    held = list(Meeting.select(Meeting.id, Meeting.date, Meeting.kind, Meeting.next_tasks)
                .where((Meeting.branch == branch_id) & Meeting.deleted_at.is_null()
                       & Meeting.date.between(start, end)).order_by(Meeting.date, Meeting.id))
    lines = tuple(MeetingLine(m.id, m.date, m.kind, attendance.attendance_counts(m.id)) for m in held)
    changes = tuple(ChangeLine(*row) for row in (
        StageEvent.select(StageEvent.date, Person.full_name, StageEvent.stage, StageEvent.document_ref)
        .join(Person, on=(StageEvent.person == Person.id))
        .where((Person.branch == branch_id) & Person.deleted_at.is_null() & StageEvent.date.between(start, end))
        .order_by(StageEvent.date, Person.sort_key, StageEvent.id).tuples()))
    admitted = (StageEvent.select(StageEvent.person).distinct()
                .join(Person, on=(StageEvent.person == Person.id))
                .where((Person.branch == branch_id) & Person.deleted_at.is_null()
                       & (StageEvent.stage == Stage.ADMISSION_DECISION)
                       & StageEvent.date.between(dt.date(end.year, 1, 1), end)).count())
    quota = Quota.get_or_none((Quota.branch == branch_id) & (Quota.year == end.year))
    tasks = (ActionItem.select(ActionItem.text, Person.full_name, ActionItem.due)
             .join(Meeting, on=(ActionItem.meeting == Meeting.id))
             .switch(ActionItem).join(Person, join_type=JOIN.LEFT_OUTER, on=(ActionItem.responsible == Person.id))
             .where((Meeting.branch == branch_id) & Meeting.deleted_at.is_null() & (Meeting.date <= end)
                    # "+ 0": nearly every task is carried nowhere, so the index on carried_to would make SQLite
                    # read all of them; the branch's meetings are the way in (0.1 ms instead of 13 ms)
                    & (ActionItem.carried_to + 0).is_null()
                    & ((ActionItem.done == False) | (ActionItem.done_on > end)))  # noqa: E712 - SQL
             .order_by(ActionItem.due.is_null(), ActionItem.due, ActionItem.id).tuples())
    return MonthlyData(
        branch_id=branch_id, start=start, end=end, statuses=statuses_on(branch_id, end), meetings=lines,
        changes=changes, admitted_in_year=admitted, target=quota.target if quota else None,
        planned=held[-1].next_tasks if held else "",
        open_tasks=tuple(TaskLine(text, name or "", due) for text, name, due in tasks))

