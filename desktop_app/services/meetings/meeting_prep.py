"""Preparing a meeting (domain.md §3.2): a draft pre-filled with what the chi ủy must bring.

``prepare_meeting`` writes the draft: attendance rows for every member, the open tasks carried
from earlier meetings, and the chair, place and times of the last meeting. ``preparation`` reads
the rest, always current: whose helpers report, the month's deadlines and the personnel items
ready for a vote.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core import rules
from desktop_app.core.enums import MeetingKind, Stage, Status
from desktop_app.i18n import _, format_date
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import record_id
from desktop_app.services.meetings import action_items, attendance, meetings, progress_notes
from desktop_app.services.meetings.action_items import ActionItemRow
from desktop_app.services.meetings.progress_notes import ReportDue
from desktop_app.store.models import Branch, Meeting, Person, StageEvent

# An applicant is ready for the branch vote once the opinions of the organisations are summed up (S7).
READY_FOR_ADMISSION_VOTE = Stage.OPINIONS


@dataclass(frozen=True)
class PendingItem:
    """A personnel item the meeting should take up."""

    kind: str  # "admission" or "recognition" (DecisionKind codes)
    person_id: int
    person_name: str
    detail: str  # translated
    due: dt.date | None


@dataclass(frozen=True)
class DeadlineItem:
    """A deadline of the month, from the reminders."""

    date: dt.date | None
    text: str  # translated, names the person and the rule
    person_id: int | None
    overdue: bool


@dataclass(frozen=True)
class Preparation:
    carried: list[ActionItemRow]
    reports_due: list[ReportDue]
    deadlines: list[DeadlineItem]
    pending: list[PendingItem]


def prepare_meeting(branch_id: int, date: dt.date, kind: str = MeetingKind.REGULAR, **data) -> Meeting:
    """Create the draft of a meeting, pre-filled; *data* may set any meeting field (place, theme…)."""
    branch = Branch.get_or_none(Branch.id == record_id(branch_id))
    previous = meetings.previous_meeting(branch.id, date) if branch is not None and isinstance(date, dt.date) \
        else None
    values = {"date": date, "kind": kind}
    if previous is not None:
        values.update(place=previous.place, start_time=previous.start_time, end_time=previous.end_time,
                      secretary=previous.secretary_id)
    if branch is not None and branch.secretary_id is not None:
        values["chair"] = branch.secretary_id
    values.update(data)
    with atomic():
        meeting = meetings.create_meeting(branch_id, values)
        attendance.add_members(meeting)
        action_items.carry_into(meeting)
    return meeting


def _stage_dates(person_ids: list[int], stages: tuple[str, ...]) -> dict[tuple[int, str], dt.date]:
    if not person_ids:
        return {}
    query = (StageEvent.select(StageEvent.person, StageEvent.stage, StageEvent.date)
             .where(StageEvent.person.in_(person_ids) & StageEvent.stage.in_(list(stages))))
    return {(pid, stage): date for pid, stage, date in query.tuples()}


def pending_items(branch_id: int, on: dt.date) -> list[PendingItem]:
    """Applicants ready for the admission vote, and probationary members whose 12 months end by the next
    meeting (the recognition vote is due within 30 working days after them)."""
    items: list[PendingItem] = []
    applicants = list(Person.select().where((Person.branch == branch_id) & Person.deleted_at.is_null()
                                            & (Person.status == Status.APPLICANT)).order_by(Person.sort_key))
    done = _stage_dates([p.id for p in applicants], (READY_FOR_ADMISSION_VOTE, Stage.BRANCH_RESOLUTION))
    for person in applicants:
        ready = done.get((person.id, READY_FOR_ADMISSION_VOTE))
        if ready and (person.id, Stage.BRANCH_RESOLUTION) not in done:
            items.append(PendingItem("admission", person.id, person.full_name,
                                     _("Opinions summed up on {date}: ready for the branch vote.").format(
                                         date=format_date(ready)), None))
    horizon = rules.add_months(on, 1)
    probationers = list(Person.select().where((Person.branch == branch_id) & Person.deleted_at.is_null()
                                              & (Person.status == Status.PROBATIONARY)
                                              & Person.ceremony_date.is_null(False)).order_by(Person.sort_key))
    voted = _stage_dates([p.id for p in probationers], (Stage.RECOGNITION_RESOLUTION,))
    for person in probationers:
        end = rules.probation_end(person.ceremony_date)
        if end <= horizon and (person.id, Stage.RECOGNITION_RESOLUTION) not in voted:
            deadline = rules.recognition_vote_deadline(person.ceremony_date)
            items.append(PendingItem("recognition", person.id, person.full_name,
                                     _("Probation ends on {end}; the branch votes by {due}.").format(
                                         end=format_date(end), due=format_date(deadline.date)), deadline.date))
    return items


def month_deadlines(branch_id: int, on: dt.date) -> list[DeadlineItem]:
    """The reminders of the branch that fall due before the next monthly meeting (or are overdue), with the
    members whose unpaid Party fees reach the strike-off trigger."""
    from desktop_app.services.fees.strike_off import strike_off_reminders
    from desktop_app.services.people.reminders import ERROR, reminders

    horizon = rules.add_months(on, 1)
    found = sorted(reminders(on, branch_id) + strike_off_reminders(on, branch_id), key=lambda r: (r.due, r.title))
    return [DeadlineItem(r.due, r.title, r.person_id, r.severity == ERROR or r.due < on)
            for r in found if r.due <= horizon]


def preparation(meeting_id: int) -> Preparation:
    meeting = meetings.get_meeting(meeting_id)
    carried = [row for row in action_items.action_items(meeting_id) if row.carried_from is not None]
    return Preparation(carried=carried, reports_due=progress_notes.reports_due(meeting_id),
                       deadlines=month_deadlines(meeting.branch_id, meeting.date),
                       pending=pending_items(meeting.branch_id, meeting.date))
