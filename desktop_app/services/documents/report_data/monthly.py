"""What a branch's monthly report states: membership, meetings, changes, development, tasks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, fn

from desktop_app.core.enums import MembershipKind, Stage
from desktop_app.core.rules import Month
from desktop_app.services.fees import summary as fee_summary
from desktop_app.services.fees.summary import FeeBook
from desktop_app.services.meetings import attendance
from desktop_app.services.meetings.attendance import Counts
from desktop_app.services.people import membership
from desktop_app.services.people.membership import MemberCounts
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
    stage: str  # core.enums.Stage, or core.enums.MembershipKind.MOVE for a move between branches
    document_ref: str
    other_branch: str = ""  # a move: the branch the person came from (moved_in) or went to
    moved_in: bool = False


@dataclass(frozen=True)
class TaskLine:
    text: str
    responsible: str
    due: dt.date | None
    overdue: bool = False  # due before the end of the month and still open then


@dataclass(frozen=True)
class MonthlyData:
    branch_id: int
    start: dt.date
    end: dt.date
    statuses: dict[str, int]  # status at the end of the month → people (exempt members under "exempt")
    members: MemberCounts  # the members at the end of the month (exempt ones among the official/probationary)
    meetings: tuple[MeetingLine, ...]
    changes: tuple[ChangeLine, ...]
    admitted_in_year: int  # admission decisions dated from 1 January to the end of the month
    target: int | None  # the branch's quota for the year, None when not set
    planned: str  # "tasks for next month" agreed at the month's last meeting
    open_tasks: tuple[TaskLine, ...]
    fees: FeeBook  # the month's Party fees: owed, paid, collected, remitted and kept

    def count(self, *statuses: str) -> int:
        return sum(self.statuses.get(s, 0) for s in statuses)


def statuses_on(branch_id: int, day: dt.date, today: dt.date | None = None) -> dict[str, int]:
    """{status: people} of the branch on *day*, replayed from the dated histories (services.people.membership):
    a report for a past month counts the members and candidates of that month, not today's."""
    return membership.statuses_on(branch_id, day)


def _changes(branch_id: int, start: dt.date, end: dt.date) -> tuple[ChangeLine, ...]:
    """The steps of the month of the people who belonged to the branch on their day, and the moves into and
    out of it."""
    people = membership.people_of_branch(branch_id)
    rows = []
    for chunk in (people[i:i + 500] for i in range(0, len(people), 500)):
        rows.extend(StageEvent.select(StageEvent.person, StageEvent.date, Person.full_name, StageEvent.stage,
                                   StageEvent.document_ref, Person.sort_key, StageEvent.id)
                 .join(Person, on=(StageEvent.person == Person.id))
                 .where(StageEvent.person.in_(chunk) & Person.deleted_at.is_null()
                        & StageEvent.date.between(start, end)).tuples())
    where = membership.branch_at_each((pid, day) for pid, day, *_rest in rows)
    lines = [(day, key, eid, ChangeLine(day, name, stage, ref)) for pid, day, name, stage, ref, key, eid in rows
             if where[(pid, day)] == branch_id]
    for row in membership.branch_events(branch_id, start, end, (MembershipKind.MOVE,)):
        moved_in = row.branch_id == branch_id
        other = row.other_branch_name if moved_in else row.branch_name
        lines.append((row.date, row.sort_key, 0, ChangeLine(row.date, row.person_name, MembershipKind.MOVE,
                                                            row.document_ref, other, moved_in)))
    return tuple(line for *_key, line in sorted(lines, key=lambda item: item[:3]))


def admitted_in_year(branch_id: int, end: dt.date) -> int:
    """People admitted (admission decision dated 1 January..*end*) while in the branch."""
    people = membership.people_of_branch(branch_id)
    decisions = []
    for chunk in (people[i:i + 500] for i in range(0, len(people), 500)):
        decisions.extend(StageEvent.select(StageEvent.person, fn.MIN(StageEvent.date))
                      .join(Person, on=(StageEvent.person == Person.id))
                      .where(StageEvent.person.in_(chunk) & Person.deleted_at.is_null()
                             & (StageEvent.stage == Stage.ADMISSION_DECISION)
                             & StageEvent.date.between(dt.date(end.year, 1, 1), end))
                      .group_by(StageEvent.person).tuples())
    where = membership.branch_at_each(decisions)
    return sum(1 for pair in decisions if where[pair] == branch_id)


def monthly_data(branch_id: int, start: dt.date, end: dt.date) -> MonthlyData:
    """The figures of the monthly report of *branch_id* for the days *start*..*end*."""
    held = list(Meeting.select(Meeting.id, Meeting.date, Meeting.kind, Meeting.next_tasks)
                .where((Meeting.branch == branch_id) & Meeting.deleted_at.is_null()
                       & Meeting.date.between(start, end)).order_by(Meeting.date, Meeting.id))
    lines = tuple(MeetingLine(m.id, m.date, m.kind, attendance.attendance_counts(m.id)) for m in held)
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
        branch_id=branch_id, start=start, end=end, statuses=statuses_on(branch_id, end),
        members=membership.member_counts(branch_id, end), meetings=lines, changes=_changes(branch_id, start, end),
        admitted_in_year=admitted_in_year(branch_id, end), target=quota.target if quota else None,
        planned=held[-1].next_tasks if held else "",
        open_tasks=tuple(TaskLine(text, name or "", due, due is not None and due < end) for text, name, due in tasks),
        fees=fee_summary.fee_book(branch_id, Month.of(start), end))

