"""What a branch resolution proposing admission (Mẫu 6-KNĐ) or recognition (Mẫu 13-KNĐ) states."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core.enums import DecisionKind
from desktop_app.core.rules import periods
from desktop_app.i18n import _
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.meetings import attendance, decisions
from desktop_app.services.meetings.attendance import Counts
from desktop_app.services.meetings.decisions import DecisionRow
from desktop_app.services.meetings.progress_notes import ProgressNoteRow, progress_notes
from desktop_app.store.models import Decision, Meeting, Person

# The form each decision kind prints as, and its document type code (NQ: nghị quyết).
FORMS = {DecisionKind.ADMISSION: "6-KNĐ", DecisionKind.RECOGNITION: "13-KNĐ"}
TYPE_CODE = "NQ"


@dataclass(frozen=True)
class Particulars:
    """The subject's details the resolution repeats."""

    name: str
    gender: str
    birth_date: dt.date | None
    home_town: str
    residence: str
    ethnicity: str
    religion: str
    education: str
    theory_level: str
    occupation: str
    workplace: str
    admission_date: dt.date | None
    ceremony_date: dt.date | None
    probation_end: dt.date | None


@dataclass(frozen=True)
class ResolutionData:
    decision: DecisionRow
    uid: str  # the decision's: the register of issued documents knows the resolution by it
    form: str  # "6-KNĐ" or "13-KNĐ"
    counts: Counts  # attendance of the meeting that voted
    person: Particulars
    chair: str
    minutes_taker: str
    reports: tuple[ProgressNoteRow, ...]  # each helper's latest report on the person, up to the vote


def helpers_reports(person_id: int, on: dt.date) -> tuple[ProgressNoteRow, ...]:
    """The latest report of each member who reported on the person, up to *on* (the vote's day)."""
    latest: dict[int | None, ProgressNoteRow] = {}
    for note in progress_notes(person_id):  # oldest first
        if note.date <= on:
            latest[note.author_id] = note
    return tuple(sorted(latest.values(), key=lambda n: (n.date, n.id)))


def resolution_data(decision_id: int) -> ResolutionData:
    """The decision, its meeting's attendance, the subject and the helpers' reports; ValidationError when
    the decision is not an admission or recognition vote about a person (other decisions print in the
    minutes) or when the vote did not carry (there is no resolution to propose anything)."""
    row = decisions.decision_row(decision_id)
    if row.kind not in FORMS or row.subject_id is None:
        raise ValidationError({"decision": _("Only a vote proposing admission or recognition of a person can be "
                                             "printed as a branch resolution.")})
    if not row.passed:
        raise ValidationError({"decision": _("This vote did not carry: the branch adopted no resolution to "
                                             "print.")})
    p = Person.get_by_id(row.subject_id)
    person = Particulars(p.full_name, p.gender, p.birth_date, p.home_town, p.residence, p.ethnicity, p.religion,
                         p.education, p.theory_level, p.occupation, p.workplace, p.admission_date, p.ceremony_date,
                         periods.probation_end(p.ceremony_date) if p.ceremony_date else None)
    meeting = Meeting.get_by_id(row.meeting_id)
    names = dict(Person.select(Person.id, Person.full_name)
                 .where(Person.id.in_([meeting.chair_id or 0, meeting.secretary_id or 0])).tuples())
    return ResolutionData(row, Decision.get_by_id(row.id).uid, FORMS[row.kind],
                          attendance.attendance_counts(row.meeting_id), person, names.get(meeting.chair_id, ""),
                          names.get(meeting.secretary_id, ""), helpers_reports(p.id, row.meeting_date))


@dataclass(frozen=True)
class ResolutionChoice:
    """A vote that has a branch resolution to print."""

    decision_id: int
    meeting_date: dt.date
    kind: str  # DecisionKind.ADMISSION or RECOGNITION
    name: str  # the person it proposes
    document_number: str  # "05-NQ/CB" once issued


def resolution_choices(branch_id: int, year: int | None = None) -> list[ResolutionChoice]:
    """The branch's votes that carried a proposal to admit or recognise someone, newest first (of *year*)."""
    query = (Decision.select(Decision.id, Meeting.date, Decision.kind, Person.full_name, Decision.document_number)
             .join(Meeting).switch(Decision).join(Person, on=(Decision.subject == Person.id))
             .where((Meeting.branch == branch_id) & Meeting.deleted_at.is_null()
                    & (Decision.passed == True) & Decision.kind.in_(list(FORMS))))  # noqa: E712
    if year is not None:
        query = query.where((Meeting.date >= dt.date(year, 1, 1)) & (Meeting.date <= dt.date(year, 12, 31)))
    return [ResolutionChoice(*row) for row in query.order_by(Meeting.date.desc(), Decision.id.desc()).tuples()]
