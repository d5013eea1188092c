"""Helpers' reports on the candidates and probationary members they help (domain.md §2).

At each meeting the official member assigned to help a sympathiser, applicant or probationary
member reports on that person: strengths, weaknesses and a recommendation. Each report is a
ProgressNote tied to the meeting, and the person's timeline lists them all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN

from desktop_app.core.enums import SponsorRole, Status
from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.meetings.meetings import editable_meeting, get_meeting
from desktop_app.services.people import sponsorships
from desktop_app.store.models import Meeting, Person, ProgressNote

# Who is reported on at a meeting, and by whom.
REPORTED_STATUSES = (Status.SYMPATHISER, Status.APPLICANT, Status.PROBATIONARY)
HELPER_ROLES = (SponsorRole.HELPER, SponsorRole.PROBATION_HELPER)


@dataclass(frozen=True)
class ProgressNoteRow:
    id: int
    person_id: int
    person_name: str
    author_id: int | None
    author_name: str
    meeting_id: int | None
    date: dt.date
    strengths: str
    weaknesses: str
    recommendation: str


@dataclass(frozen=True)
class ReportDue:
    """A person whose helper should report at the meeting, with the report once written."""

    person_id: int
    person_name: str
    status: str
    helper_ids: tuple[int, ...]
    helper_names: tuple[str, ...]
    note: ProgressNoteRow | None


def _rows(query) -> list[ProgressNoteRow]:
    Subject = Person.alias()
    Author = Person.alias()
    query = (query.select(ProgressNote.id, ProgressNote.person, Subject.full_name, ProgressNote.author,
                          Author.full_name, ProgressNote.meeting, ProgressNote.date, ProgressNote.strengths,
                          ProgressNote.weaknesses, ProgressNote.recommendation)
             .join(Subject, on=(ProgressNote.person == Subject.id))
             .switch(ProgressNote).join(Author, JOIN.LEFT_OUTER, on=(ProgressNote.author == Author.id)))
    return [ProgressNoteRow(i, pid, pname, aid, aname or "", mid, date, s, w, r)
            for i, pid, pname, aid, aname, mid, date, s, w, r in query.tuples()]


def progress_notes(person_id: int) -> list[ProgressNoteRow]:
    """Every report on the person, oldest first, for the person's timeline (not those of deleted meetings)."""
    live = ProgressNote.meeting.is_null() | ProgressNote.meeting.in_(
        Meeting.select(Meeting.id).where(Meeting.deleted_at.is_null()))
    return _rows(ProgressNote.select().where((ProgressNote.person == person_id) & live)
                 .order_by(ProgressNote.date, ProgressNote.id))


def meeting_notes(meeting_id: int) -> list[ProgressNoteRow]:
    return _rows(ProgressNote.select().where(ProgressNote.meeting == meeting_id).order_by(ProgressNote.id))


def reports_due(meeting_id: int) -> list[ReportDue]:
    """The branch's sympathisers, applicants and probationary members, with their current helpers and the
    report given at this meeting (helpers may be missing: the branch should assign one)."""
    meeting = get_meeting(meeting_id)
    notes = {n.person_id: n for n in meeting_notes(meeting_id)}
    people = list(Person.select(Person.id, Person.full_name, Person.status)
                  .where((Person.branch == meeting.branch_id) & Person.deleted_at.is_null()
                         & Person.status.in_(list(REPORTED_STATUSES)))
                  .order_by(Person.sort_key, Person.id).tuples())
    noted_elsewhere = set(notes) - {pid for pid, _n, _s in people}
    if noted_elsewhere:  # reported at this meeting, then admitted, moved or dropped: keep the report visible
        people += list(Person.select(Person.id, Person.full_name, Person.status)
                       .where(Person.id.in_(list(noted_elsewhere))).tuples())
    result = []
    for pid, name, status in people:
        helpers = [s for s in sponsorships.for_person(pid, current_only=True) if s.role in HELPER_ROLES]
        result.append(ReportDue(pid, name, status, tuple(h.sponsor_id for h in helpers),
                                tuple(h.sponsor_name for h in helpers), notes.get(pid)))
    return result


def save_report(meeting_id: int, person_id: int, data: dict) -> ProgressNote:
    """Create or update the report on *person_id* at the meeting (one per person and meeting).

    *data*: author (person id), strengths, weaknesses, recommendation.
    """
    meeting = editable_meeting(meeting_id)
    person = Person.get_or_none(Person.id == record_id(person_id))
    if person is None or person.deleted_at is not None:
        raise ValidationError({"person": _("The chosen person does not exist.")})
    unknown = set(data) - {"author", "strengths", "weaknesses", "recommendation"}
    if unknown:
        raise ValidationError({k: _("This field cannot be changed here.") for k in sorted(unknown)})
    check = Checker(data)
    for field, label in (("strengths", _("Strengths")), ("weaknesses", _("Weaknesses")),
                         ("recommendation", _("Recommendation"))):
        check.text(field, max_length=10_000, label=label)
    if "author" in data:
        aid = data["author"]
        author = Person.get_or_none(Person.id == record_id(aid)) if record_id(aid) else None
        if aid in (None, ""):
            check.clean["author"] = None
        elif author is None or author.deleted_at is not None:
            check.fail("author", _("The chosen person does not exist."))
        elif author.status not in (Status.OFFICIAL, Status.EXEMPT):
            check.fail("author", _("Reports are given by the official member assigned to help."))
        else:
            check.clean["author"] = author.id
    values = check.done()
    note = ProgressNote.get_or_none((ProgressNote.meeting == meeting) & (ProgressNote.person == person))
    if note is None and person.status not in REPORTED_STATUSES:
        raise ValidationError({"person": _("Reports are given on sympathisers, applicants and probationary "
                                           "members.")})
    with atomic():
        before = audit.snapshot(note)
        if note is None:
            note = ProgressNote(person=person, meeting=meeting, date=meeting.date)
        for key, value in values.items():
            setattr(note, "author_id" if key == "author" else key, value)
        note.date = meeting.date
        note.save()
        audit.record_change("update" if before else "create", note, before)
    return note


def delete_report(note_id: int) -> None:
    note = ProgressNote.get_or_none(ProgressNote.id == record_id(note_id))
    if note is None:
        raise NotFoundError(_("Report not found."))
    if note.meeting_id is not None:
        editable_meeting(note.meeting_id)
    with atomic():
        before = audit.snapshot(note)
        note.delete_instance()
        audit.record("delete", "progressnote", note.uid, before, None)


def last_report_date(person_id: int) -> dt.date | None:
    row = (ProgressNote.select(ProgressNote.date).where(ProgressNote.person == person_id)
           .order_by(ProgressNote.date.desc()).first())
    return row.date if row else None
