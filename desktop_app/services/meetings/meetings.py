"""Monthly branch meetings (sinh hoạt chi bộ): the meeting record itself: create, edit, read, list with warnings.

A meeting starts as a draft that the minutes editor saves field by field. Its parts import this module,
never the reverse: preparation lives in ``meeting_prep``, attendance in ``attendance``, votes in
``decisions``, tasks in ``action_items``, sponsor reports in ``progress_notes``; adopting the minutes and
their addenda in ``minutes``, deleting and restoring a draft in ``removal``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core import clock
from desktop_app.core.enums import MeetingKind, MeetingStatus, Status
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit, versions
from desktop_app.services.common.errors import NotFoundError, ServiceError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.meetings import meeting_rules
from desktop_app.services.meetings.meeting_checks import (  # noqa: F401 - part of this module's interface
    TIME_RE,
    duration_minutes,
    length_warning,
    meeting_warnings,
    quarter_of,
    thematic_quarters,
)
from desktop_app.store.models import Branch, Decision, Meeting, Person

TEXT_SECTIONS = ("evaluation", "current_affairs", "next_tasks", "discussion", "conclusion")
# The Party fees a meeting collects are recorded in the fee ledger (meeting_fees), not typed here.
EDITABLE = ("date", "kind", "place", "start_time", "end_time", "chair", "secretary", "theme", *TEXT_SECTIONS)
MAX_SECTION = 100_000  # a long discussion fits; a pasted book does not


class MinutesLocked(ServiceError):
    """The minutes were adopted: the change is refused; add a dated addendum instead."""


def field_labels() -> dict[str, str]:
    return {
        "date": _("Meeting date"), "kind": _("Kind of meeting"), "place": _("Place"),
        "start_time": _("Start time"), "end_time": _("End time"), "chair": _("Chair"),
        "secretary": _("Secretary of the meeting"), "theme": _("Topic"),
        "evaluation": _("Evaluation of last month"), "current_affairs": _("Current affairs and new policies"),
        "next_tasks": _("Tasks for next month"), "discussion": _("Discussion"), "conclusion": _("Conclusion"),
    }


@dataclass(frozen=True)
class MeetingRow:
    id: int
    branch_id: int
    date: dt.date
    kind: str
    status: str
    adopted_on: dt.date | None
    start_time: str | None
    end_time: str | None
    theme: str
    duration: int | None  # minutes, when both times are recorded
    warnings: tuple[str, ...]


# ---- reading ------------------------------------------------------------------------------


def get_meeting(meeting_id: int, include_deleted: bool = False) -> Meeting:
    meeting = Meeting.get_or_none(Meeting.id == record_id(meeting_id))
    if meeting is None or (meeting.deleted_at is not None and not include_deleted):
        raise NotFoundError(_("Meeting not found."))
    return meeting


def is_adopted(meeting: Meeting) -> bool:
    return meeting.status == MeetingStatus.ADOPTED


def editable_meeting(meeting_id: int) -> Meeting:
    """The meeting, if its minutes may still change; MinutesLocked once adopted."""
    meeting = get_meeting(meeting_id)
    if is_adopted(meeting):
        raise MinutesLocked(_("The minutes were adopted on {date} and can no longer be changed. "
                              "Add a dated addendum instead.").format(date=format_date(meeting.adopted_on)))
    return meeting


def default_date(year: int, month: int) -> dt.date:
    """The regular meeting day of a month: the 3rd since Directive 50-CT/TW (23/7/2025)."""
    day = meeting_rules.meeting_day(dt.date(year, month, 1)) or 3
    return dt.date(year, month, day)


def next_meeting_date(today: dt.date) -> dt.date:
    """The next regular meeting day on or after *today*."""
    this_month = default_date(today.year, today.month)
    if this_month >= today:
        return this_month
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return default_date(year, month)


def list_meetings(branch_id: int, year: int | None = None) -> list[MeetingRow]:
    """The branch's meetings, newest first, each with its warnings."""
    query = (Meeting.select(Meeting.id, Meeting.branch, Meeting.date, Meeting.kind, Meeting.status,
                            Meeting.adopted_on, Meeting.start_time, Meeting.end_time, Meeting.theme)
             .where((Meeting.branch == branch_id) & Meeting.deleted_at.is_null())
             .order_by(Meeting.date.desc(), Meeting.id.desc()))  # not the long minutes sections
    if year is not None:
        query = query.where((Meeting.date >= dt.date(year, 1, 1)) & (Meeting.date <= dt.date(year, 12, 31)))
    thematic = thematic_quarters(branch_id)
    return [MeetingRow(m.id, m.branch_id, m.date, m.kind, m.status, m.adopted_on, m.start_time, m.end_time,
                       m.theme, duration_minutes(m.start_time, m.end_time),
                       tuple(meeting_warnings(m, thematic))) for m in query]


def latest_meeting_id(branch_id: int) -> int | None:
    row = (Meeting.select(Meeting.id).where((Meeting.branch == branch_id) & Meeting.deleted_at.is_null())
           .order_by(Meeting.date.desc(), Meeting.id.desc()).first())
    return row.id if row else None


def previous_meeting(branch_id: int, before: dt.date) -> Meeting | None:
    return (Meeting.select().where((Meeting.branch == branch_id) & Meeting.deleted_at.is_null()
                                   & (Meeting.date < before))
            .order_by(Meeting.date.desc(), Meeting.id.desc()).first())


# ---- writing ------------------------------------------------------------------------------


def _member(check: Checker, field: str, label: str) -> None:
    if field not in check.data:
        return
    pid = check.data[field]
    if pid in (None, ""):
        check.clean[field] = None
        return
    person = Person.get_or_none(Person.id == record_id(pid)) if record_id(pid) else None
    if person is None or person.deleted_at is not None:
        check.fail(field, _("The chosen person does not exist."))
    elif person.status not in Status.MEMBERS:
        check.fail(field, _("{field} must be a Party member.").format(field=label))
    else:
        check.clean[field] = person.id


def _validate(data: dict, meeting: Meeting | None, branch_id: int) -> dict:
    labels = field_labels()
    check = Checker(data)
    creating = meeting is None
    check.date("date", required=creating or "date" in data, label=labels["date"])  # a meeting always has a date
    check.choice("kind", MeetingKind.codes(), label=labels["kind"])
    check.text("place", max_length=200, name=True, label=labels["place"])
    for field in ("start_time", "end_time"):
        if field in data:
            raw = str(data[field] or "").strip()
            if raw and not TIME_RE.match(raw):
                check.fail(field, _("{field}: “{value}” is not a time (hh:mm).").format(
                    field=labels[field], value=raw[:10]))
            else:
                check.clean[field] = f"{int(raw.split(':')[0]):02d}:{raw.split(':')[1]}" if raw else None
    _member(check, "chair", labels["chair"])
    _member(check, "secretary", labels["secretary"])
    check.text("theme", max_length=500, label=labels["theme"])
    for field in TEXT_SECTIONS:
        check.text(field, max_length=MAX_SECTION, label=labels[field])
    values = check.done()
    start = values.get("start_time", meeting.start_time if meeting else None)
    end = values.get("end_time", meeting.end_time if meeting else None)
    minutes = duration_minutes(start, end)
    if minutes is not None and minutes <= 0:
        raise ValidationError({"end_time": _("The meeting must end after it starts.")})
    when = values.get("date", meeting.date if meeting else None)
    kind = values.get("kind", meeting.kind if meeting else MeetingKind.REGULAR)
    if when is not None and ("date" in values or "kind" in values):
        clash = Meeting.select().where((Meeting.branch == branch_id) & (Meeting.date == when)
                                       & (Meeting.kind == kind) & Meeting.deleted_at.is_null())
        if meeting is not None:
            clash = clash.where(Meeting.id != meeting.id)
        if clash.exists():
            raise ValidationError({"date": _("The branch already has a meeting of this kind on {date}.").format(
                date=format_date(when))})
    return values


def _apply(meeting: Meeting, values: dict) -> bool:
    changed = False
    for key, value in values.items():
        attr = f"{key}_id" if key in ("chair", "secretary") else key
        if getattr(meeting, attr) != value:
            setattr(meeting, attr, value)
            changed = True
    return changed


def create_meeting(branch_id: int, data: dict) -> Meeting:
    """A draft meeting of the branch (see meeting_prep.prepare_meeting for one pre-filled). Without a date,
    the next regular meeting day (the 3rd of the month) is taken."""
    branch = Branch.get_or_none(Branch.id == record_id(branch_id))
    if branch is None or branch.deleted_at is not None:
        raise NotFoundError(_("Branch not found."))
    unknown = set(data) - set(EDITABLE)
    if unknown:
        raise ValidationError({k: _("This field cannot be changed here.") for k in sorted(unknown)})
    if "date" not in data:
        data = {**data, "date": next_meeting_date(clock.today())}
    values = _validate(data, None, branch_id)
    with atomic():
        meeting = Meeting(branch=branch, kind=MeetingKind.REGULAR, status=MeetingStatus.DRAFT)
        _apply(meeting, values)
        meeting.save(force_insert=True)
        audit.record_change("create", meeting, None)
    return meeting


def update_meeting(meeting_id: int, data: dict) -> Meeting:
    """Save edited fields of a draft; nothing is written (nor audited) when nothing changed."""
    data, expected = versions.take(data)
    meeting = editable_meeting(meeting_id)
    versions.expect(meeting, expected)
    unknown = set(data) - set(EDITABLE)
    if unknown:
        raise ValidationError({k: _("This field cannot be changed here.") for k in sorted(unknown)})
    values = _validate(data, meeting, meeting.branch_id)
    if "date" in values and values["date"] != meeting.date and decision_count(meeting.id):
        raise ValidationError({"date": _("The date cannot change once votes are recorded at this meeting.")})
    with atomic():
        before = audit.snapshot(meeting)
        if _apply(meeting, values):
            meeting.save()
            audit.record_change("update", meeting, before)
    return meeting


def decision_count(meeting_id: int) -> int:
    return Decision.select().where(Decision.meeting == meeting_id).count()
