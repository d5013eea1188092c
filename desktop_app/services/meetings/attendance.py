"""Who attended a meeting, and the counts the minutes state (domain.md §3.4).

Every member of the branch on the meeting's day (official, probationary, exempt: the membership
history says who) has one row per meeting, created when the meeting is prepared; guests (members of
other branches in temporary activity here, or visitors) are added by hand. The member's status at the
meeting is kept on the row, so the counts of old minutes do not move when people later change status.
An absence with reason records whether the convener accepted the reason: only those absences leave
the vote denominator (Regulation 294-QĐ/TW point 9.3.2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core.enums import AttendanceStatus as A
from desktop_app.core.enums import Status
from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.meetings import meeting_rules
from desktop_app.services.meetings.meetings import editable_meeting, get_meeting
from desktop_app.services.people import membership
from desktop_app.services.people.membership import MemberOnDay
from desktop_app.store.models import Attendance, Meeting, Person

# Exempt members are members in full (usually official ones) excused from activity: they count with the officials.
OFFICIAL_STATUSES = (Status.OFFICIAL, Status.EXEMPT)
MEMBER_STATUSES = (Status.OFFICIAL, Status.PROBATIONARY, Status.EXEMPT)


@dataclass(frozen=True)
class AttendanceRow:
    id: int
    person_id: int
    full_name: str
    member_status: str  # official, probationary, exempt at the meeting; any status for a guest
    status: str  # core.enums.AttendanceStatus
    reason: str
    reason_accepted: bool = False  # an absence with reason: the convener accepted the reason

    @property
    def is_guest(self) -> bool:
        return self.status == A.GUEST


@dataclass(frozen=True)
class Counts:
    """The figures the opening of the minutes announces."""

    total: int  # members of the branch: official and probationary (exempt ones among them)
    official: int
    probationary: int
    exempt: int  # of the members, those exempted from activities (attending or not)
    elsewhere: int  # introduced for temporary activity elsewhere
    expected: int  # members who should attend: total less the exempt not attending and those elsewhere
    present: int
    present_official: int
    present_probationary: int
    excused: int
    unexcused: int
    guests: int
    excused_names: tuple[tuple[str, str], ...]  # (name, reason)
    unexcused_names: tuple[str, ...]
    excused_accepted: tuple[str, ...]  # of those absent with reason, the names whose reason the convener accepted
    exempt_names: tuple[str, ...]
    elsewhere_names: tuple[str, ...]
    guest_names: tuple[str, ...]
    denominator: int  # official members counted for votes (Regulation 294-QĐ/TW, point 9.3.2)
    not_counted: int  # official members left out of the denominator
    voters: int  # official members present: the only ones who vote
    exempt_absent: int = 0  # exempt members not attending

    @property
    def absent(self) -> int:
        return self.excused + self.unexcused

    @property
    def rate(self) -> float | None:
        """Share of the members expected who attended (None when nobody was expected)."""
        return self.present / self.expected if self.expected else None


def attendance(meeting_id: int) -> list[AttendanceRow]:
    """The rows of a meeting: members by Vietnamese name order, then guests."""
    query = (Attendance.select(Attendance.id, Person.id, Person.full_name, Attendance.member_status,
                               Attendance.status, Attendance.reason, Attendance.reason_accepted)
             .join(Person).where(Attendance.meeting == meeting_id)
             .order_by((Attendance.status == A.GUEST), Person.sort_key, Person.id))
    return [AttendanceRow(aid, pid, name, member_status, status, reason, bool(accepted))
            for aid, pid, name, member_status, status, reason, accepted in query.tuples()]


def member_choices(meeting_id: int) -> list[tuple[int, str]]:
    """(id, name) of the members on the meeting's list, for chair, secretary and responsible pickers."""
    return [(r.person_id, r.full_name) for r in attendance(meeting_id) if not r.is_guest]


def branch_members(branch_id: int, day: dt.date) -> list[MemberOnDay]:
    """The members of the branch on *day*, by Vietnamese name order."""
    members = {m.person_id: m for m in membership.members_on(branch_id, day)}
    order = (Person.select(Person.id).where(Person.id.in_(list(members)))
             .order_by(Person.sort_key, Person.id).tuples()) if members else []
    return [members[pid] for (pid,) in order]


def default_status(member: MemberOnDay) -> str:
    """Exempt members are listed exempt, members introduced elsewhere as elsewhere, the others present."""
    if member.exempt:
        return A.EXEMPT
    return A.ELSEWHERE if member.away else A.PRESENT


def add_members(meeting: Meeting) -> int:
    """Give every member of the branch on the meeting's day a row (those already listed are kept); call inside
    a transaction."""
    listed = {pid for (pid,) in Attendance.select(Attendance.person).where(Attendance.meeting == meeting).tuples()}
    rows = [Attendance(meeting=meeting, person=m.person_id, status=default_status(m), member_status=m.status)
            for m in branch_members(meeting.branch_id, meeting.date) if m.person_id not in listed]
    for row in rows:
        row.save(force_insert=True)
        audit.record_change("create", row, None)
    return len(rows)


def sync_members(meeting_id: int) -> int:
    """Add rows for members who joined the branch since the meeting was prepared."""
    meeting = editable_meeting(meeting_id)
    with atomic():
        return add_members(meeting)


def _row(meeting_id: int, person_id: int) -> Attendance:
    row = Attendance.get_or_none((Attendance.meeting == record_id(meeting_id))
                                 & (Attendance.person == record_id(person_id)))
    if row is None:
        raise NotFoundError(_("This person is not on the attendance list of the meeting."))
    return row


def set_attendance(meeting_id: int, person_id: int, status: str, reason: str = "",
                   reason_accepted: bool | None = None) -> Attendance:
    """Record whether a member attended; *reason* is the reason of an absence (or where they are);
    *reason_accepted* whether the convener accepted the reason of an absence with reason (None: as recorded
    before). Any other attendance clears it."""
    editable_meeting(meeting_id)
    row = _row(meeting_id, person_id)
    check = Checker({"status": status, "reason": reason})
    check.choice("status", A.codes(), required=True, label=_("Attendance"))
    check.text("reason", max_length=300, label=_("Reason"))
    values = check.done()
    new = values["status"]
    if (row.status == A.GUEST) != (new == A.GUEST):
        raise ValidationError({"status": _("Guests are added to the list separately; a member of the branch "
                                           "cannot be marked as a guest.")})
    if new == A.EXEMPT and row.member_status != Status.EXEMPT:
        raise ValidationError({"status": _("Only a member exempted from activities can be marked exempt; the "
                                           "exemption is decided by the branch first.")})
    reason_value = values.get("reason", "") if new != A.PRESENT else ""
    if new != A.EXCUSED:
        accepted = False
    elif reason_accepted is None:
        accepted = bool(row.reason_accepted) and row.status == A.EXCUSED
    else:
        accepted = bool(reason_accepted)
    if row.status == new and row.reason == reason_value and bool(row.reason_accepted) == accepted:
        return row
    with atomic():
        before = audit.snapshot(row)
        row.status = new
        row.reason = reason_value
        row.reason_accepted = accepted
        row.save()
        audit.record_change("update", row, before)
    return row


def add_guest(meeting_id: int, person_id: int, note: str = "") -> Attendance:
    """A Party member in temporary activity here, or a visitor, attending the meeting."""
    meeting = editable_meeting(meeting_id)
    person = Person.get_or_none(Person.id == record_id(person_id))
    if person is None or person.deleted_at is not None:
        raise ValidationError({"person": _("The chosen person does not exist.")})
    if Attendance.get_or_none((Attendance.meeting == meeting) & (Attendance.person == person)):
        raise ValidationError({"person": _("{name} is already on the attendance list.").format(
            name=person.full_name)})
    check = Checker({"reason": note})
    values = check.text("reason", max_length=300, label=_("Note"))
    check.done()
    with atomic():
        row = Attendance.create(meeting=meeting, person=person, status=A.GUEST, reason=values or "",
                                member_status=person.status)
        audit.record_change("create", row, None)
    return row


def remove_guest(meeting_id: int, person_id: int) -> None:
    editable_meeting(meeting_id)
    row = _row(meeting_id, person_id)
    if row.status != A.GUEST:
        raise ValidationError({"person": _("Members of the branch stay on the list; mark them absent instead.")})
    with atomic():
        before = audit.snapshot(row)
        row.delete_instance()
        audit.record("delete", "attendance", row.uid, before, None)


def counts_of(rows: list[AttendanceRow], on: dt.date) -> Counts:
    """The counts for a list of rows of a meeting held on *on* (see attendance_counts)."""
    members = [r for r in rows if not r.is_guest]
    official = [r for r in members if r.member_status in OFFICIAL_STATUSES]
    probationary = [r for r in members if r.member_status == Status.PROBATIONARY]

    def with_status(items, *statuses):
        return [r for r in items if r.status in statuses]

    exempt = [r for r in members if r.member_status == Status.EXEMPT]
    exempt_absent = with_status(members, A.EXEMPT)
    elsewhere = with_status(members, A.ELSEWHERE)
    excused = with_status(members, A.EXCUSED)
    unexcused = with_status(members, A.UNEXCUSED)
    present_official = len(with_status(official, A.PRESENT))
    present_probationary = len(with_status(probationary, A.PRESENT))
    denominator = meeting_rules.denominator([(r.member_status, r.status, r.reason_accepted) for r in official],
                                            on).value
    guests = [r for r in rows if r.is_guest]
    return Counts(
        total=len(official) + len(probationary), official=len(official), probationary=len(probationary),
        exempt=len(exempt), elsewhere=len(elsewhere),
        expected=len(official) + len(probationary) - len(exempt_absent) - len(elsewhere),
        present=present_official + present_probationary, present_official=present_official,
        present_probationary=present_probationary, excused=len(excused), unexcused=len(unexcused),
        guests=len(guests), excused_names=tuple((r.full_name, r.reason) for r in excused),
        unexcused_names=tuple(r.full_name for r in unexcused),
        excused_accepted=tuple(r.full_name for r in excused if r.reason_accepted),
        exempt_names=tuple(r.full_name for r in exempt),
        elsewhere_names=tuple(r.full_name for r in elsewhere), guest_names=tuple(r.full_name for r in guests),
        denominator=denominator, not_counted=len(official) - denominator,
        voters=present_official, exempt_absent=len(exempt_absent))


def attendance_counts(meeting_id: int) -> Counts:
    meeting = get_meeting(meeting_id)
    return counts_of(attendance(meeting_id), meeting.date)


def excused_streak(person_id: int, meeting: Meeting) -> int:
    """Consecutive meetings of the branch, this one included and within its year, the person missed with reason."""
    query = (Attendance.select(Attendance.status).join(Meeting)
             .where((Attendance.person == person_id) & (Meeting.branch == meeting.branch_id)
                    & Meeting.deleted_at.is_null()
                    & ((Meeting.date < meeting.date) | (Meeting.id == meeting.id))
                    & (Meeting.date >= dt.date(meeting.date.year, 1, 1)))
             .order_by(Meeting.date.desc(), Meeting.id.desc()))
    streak = 0
    for (status,) in query.tuples():
        if status != A.EXCUSED:
            break
        streak += 1
    return streak
