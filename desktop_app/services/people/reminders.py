"""What is due: deadlines of the admission pipeline and gaps in branch life, for one branch or all.

A few aggregate queries fetch only the people at a stage that has a deadline (latest step dates
and dossier dates grouped per person), then the rules engine dates each deadline. Overdue items
are errors, items due within the reminder window warnings.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from peewee import fn

from desktop_app.core import rules
from desktop_app.core.enums import AttendanceStatus, DossierStatus, MeetingKind, Stage, Status
from desktop_app.i18n import _, format_date
from desktop_app.services.people import member_reminders, people
from desktop_app.store import raw
from desktop_app.store.models import Attendance, Branch, DossierItem, Meeting, Person, StageEvent

ERROR, WARNING = rules.ERROR, rules.WARNING
STALE_CODES = ("3-KNĐ", "4-KNĐ", "4A-KNĐ", "5-KNĐ")
_STAGES = (Stage.BRANCH_RESOLUTION, Stage.ADMISSION_DECISION, Stage.CEREMONY, Stage.RECOGNITION_RESOLUTION,
           Stage.RECOGNITION_DECISION)
_CODES = ("CN-NTVĐ", *STALE_CODES, "LLĐV", "PĐV")


@dataclass(frozen=True)
class Reminder:
    kind: str  # certificate_expiring, dossier_stale, decision_due, ceremony_due, probation_ending,
    #            recognition_vote_due, recognition_decision_due, history_declaration_due,
    #            unexcused_absences, meeting_missing, thematic_missing, transfer_start_due, transfer_report_due,
    #            residence_comment_missing
    due: dt.date
    person_id: int | None
    branch_id: int | None
    title: str  # translated
    source: str  # translated citation
    policy_version: str
    severity: str  # "error" when overdue, "warning" when coming up
    person_name: str = ""


@dataclass
class _Case:
    id: int
    name: str
    branch_id: int | None
    status: str
    ceremony: dt.date | None
    stages: dict
    dossier: dict
    received: dt.date | None = None  # the day the admission decision reached the branch


def _people(on: dt.date, branch_id: int | None) -> list[_Case]:
    """Candidates and probationary members with the step and dossier dates the deadlines need."""
    statuses = (*Status.CANDIDATES, Status.PROBATIONARY)
    where = Person.deleted_at.is_null() & Person.status.in_(statuses)
    if branch_id is not None:
        where &= Person.branch == branch_id
    # Plain cursor rows (store.raw): peewee's conversion of every value was most of the time here.
    date = raw.to_date
    cases = {pid: _Case(pid, name, bid, status, date(ceremony), {}, {})
             for pid, name, bid, status, ceremony in raw.rows(Person.select(
                 Person.id, Person.full_name, Person.branch, Person.status, Person.ceremony_date).where(where))}
    if not cases:
        return []
    wanted = Person.select(Person.id).where(where)
    for pid, stage, day in raw.rows(StageEvent.select(StageEvent.person, StageEvent.stage, fn.MAX(StageEvent.date))
                                    .where(StageEvent.person.in_(wanted) & StageEvent.stage.in_(_STAGES)
                                           & (StageEvent.date <= on))
                                    .group_by(StageEvent.person, StageEvent.stage)):
        cases[pid].stages[stage] = date(day)
    for pid, code, day in raw.rows(DossierItem.select(DossierItem.person, DossierItem.code, fn.MAX(DossierItem.date))
                                   .where(DossierItem.person.in_(wanted) & DossierItem.code.in_(_CODES)
                                          & (DossierItem.status == DossierStatus.RECEIVED))
                                   .group_by(DossierItem.person, DossierItem.code)):
        cases[pid].dossier[code] = date(day)
    applicants = [pid for pid, case in cases.items() if Stage.ADMISSION_DECISION in case.stages]
    for pid, day in people.received_on(applicants).items():
        cases[pid].received = day
    return list(cases.values())


class _Collector:
    def __init__(self, on: dt.date):
        self.on = on
        self.policy = rules.policy_for(on)
        self.horizon = on + dt.timedelta(days=self.policy.reminder_window_days)
        self.items: list[Reminder] = []

    def add(self, kind: str, due: dt.date, title: str, deadline: rules.Deadline | None = None, *,
            case: _Case | None = None, branch_id: int | None = None, source: str = "",
            severity: str | None = None) -> None:
        self.items.append(Reminder(
            kind, due, case.id if case else None, case.branch_id if case else branch_id, title,
            deadline.source if deadline else source, deadline.policy_version if deadline else self.policy.version,
            severity or (ERROR if due < self.on else WARNING), case.name if case else ""))

    def deadline(self, kind: str, deadline: rules.Deadline, title: str, case: _Case, **values: str) -> None:
        if deadline.date <= self.horizon:
            self.add(kind, deadline.date, title.format(name=case.name, date=format_date(deadline.date), **values),
                     deadline, case=case)


def _candidate(c: _Collector, case: _Case) -> None:
    s = case.stages
    if Stage.BRANCH_RESOLUTION not in s:
        issued = case.dossier.get("CN-NTVĐ")
        if issued:
            expiry = rules.certificate_expiry(issued, on=c.on)
            if expiry.date <= c.on + dt.timedelta(days=c.policy.certificate_warning_days):
                c.add("certificate_expiring", expiry.date, _(
                    "The awareness-class certificate of {name} expires on {date}.").format(
                    name=case.name, date=format_date(expiry.date)), expiry, case=case,
                    severity=ERROR if expiry.date <= c.on else WARNING)
        for code in STALE_CODES:
            made = case.dossier.get(code)
            if made:
                c.deadline("dossier_stale", rules.dossier_stale_after(made, on=c.on), _(
                    "{code} of {name} must be redone if the branch has not voted by {date}."), case, code=code)
    elif Stage.ADMISSION_DECISION not in s:
        c.deadline("decision_due", rules.decision_deadline(s[Stage.BRANCH_RESOLUTION], "admission"), _(
            "The admission decision for {name} is due by {date}."), case)
    elif Stage.CEREMONY not in s:
        # 30 working days from the day the decision reached the branch (its own date until that is recorded).
        received = case.received if case.received and case.received >= s[Stage.ADMISSION_DECISION] else None
        c.deadline("ceremony_due", rules.ceremony_deadline(received or s[Stage.ADMISSION_DECISION]), _(
            "The admission ceremony of {name} is due by {date}."), case)


def _probationary(c: _Collector, case: _Case) -> None:
    s = case.stages
    ceremony = case.ceremony or s.get(Stage.CEREMONY)
    if ceremony is None:
        return
    if "LLĐV" not in case.dossier or "PĐV" not in case.dossier:
        c.deadline("history_declaration_due", rules.history_declaration_deadline(ceremony), _(
            "The party-member history and record slip of {name} are due by {date}."), case)
    if Stage.RECOGNITION_RESOLUTION in s:
        if Stage.RECOGNITION_DECISION not in s:
            c.deadline("recognition_decision_due",
                       rules.decision_deadline(s[Stage.RECOGNITION_RESOLUTION], "recognition"), _(
                           "The recognition decision for {name} is due by {date}."), case)
        return
    end = rules.official_from(ceremony)
    if c.on < end.date:
        if end.date <= c.horizon:
            c.add("probation_ending", end.date, _("The probation of {name} ends on {date}.").format(
                name=case.name, date=format_date(end.date)), end, case=case, severity=WARNING)
        return
    c.deadline("recognition_vote_due", rules.recognition_vote_deadline(ceremony), _(
        "The branch must vote on recognising {name} as an official member by {date}."), case)


@dataclass
class Absences:
    """A member's meetings missed without reason in a year: the months (the Charter counts months, not meetings:
    two missed in March are one month) and the last day missed."""

    name: str
    branch_id: int | None
    months: set
    last: dt.date


def unexcused_months(on: dt.date, branch_id: int | None = None) -> dict[int, Absences]:
    """{person: absences} of the members (one branch, or all) who missed a meeting without reason in *on*'s
    year up to *on*."""
    start = dt.date(on.year, 1, 1)
    # Everywhere: the few unexcused rows through the (status, meeting) index. One branch: through its
    # meetings of the year instead ("|| ''" keeps SQLite off the status index, which holds every branch's).
    status = Attendance.status if branch_id is None else Attendance.status.concat("")
    query = (Attendance.select(Person.id, Person.full_name, Person.branch, Meeting.date)
             .join(Meeting, on=(Attendance.meeting == Meeting.id)).switch(Attendance)
             .join(Person, on=(Attendance.person == Person.id))
             .where((Meeting.date >= start) & (Meeting.date <= on) & Meeting.deleted_at.is_null()
                    & (status == AttendanceStatus.UNEXCUSED) & Person.deleted_at.is_null()
                    & Person.status.in_(Status.MEMBERS)))
    if branch_id is not None:
        query = query.where(Meeting.branch == branch_id)
    found: dict[int, Absences] = {}
    for pid, name, bid, day in raw.rows(query):
        day = raw.to_day(day)
        entry = found.setdefault(pid, Absences(name, bid, set(), day))
        entry.months.add(rules.Month.of(day))
        entry.last = max(entry.last, day)
    return found


def _absences(c: _Collector, branch_id: int | None) -> None:
    for pid, absent in unexcused_months(c.on, branch_id).items():
        found = rules.strike_off_grounds(c.on.year, skipped=absent.months, on=c.on)
        if not found:
            continue
        case = _Case(pid, absent.name, absent.branch_id, "", None, {}, {})
        c.add("unexcused_absences", absent.last, _("{name}: {finding}").format(
            name=absent.name, finding=found[0].message), case=case, source=found[0].source, severity=WARNING)


def _branches(c: _Collector, branch_id: int | None) -> None:
    first_this = c.on.replace(day=1)
    last_prev = first_this - dt.timedelta(days=1)
    first_prev = last_prev.replace(day=1)
    quarter_start, quarter_end = rules.quarter_bounds(c.on.year, rules.quarter_of(c.on))
    where = Branch.deleted_at.is_null() & (Branch.active == True)  # noqa: E712
    if branch_id is not None:
        where &= Branch.id == branch_id
    branches = list(Branch.select(Branch.id, Branch.name, Branch.created_at).where(where).tuples())
    if not branches:
        return
    live = Meeting.deleted_at.is_null()
    met = {b for (b,) in Meeting.select(Meeting.branch).where(
        live & (Meeting.date >= first_prev) & (Meeting.date <= last_prev)).distinct().tuples()}
    thematic = {b for (b,) in Meeting.select(Meeting.branch).where(
        live & (Meeting.date >= quarter_start) & (Meeting.date <= quarter_end)
        & Meeting.kind.in_((MeetingKind.THEMATIC, MeetingKind.COMBINED))).distinct().tuples()}
    due_prev = rules.meeting_day(first_prev.year, first_prev.month) or last_prev
    for bid, name, created in branches:
        created_day = created.date() if isinstance(created, dt.datetime) else created
        if bid not in met and (created_day is None or created_day <= first_prev):
            c.add("meeting_missing", due_prev, _("{branch} has no meeting recorded for {month}.").format(
                branch=name, month=f"{first_prev.month:02d}/{first_prev.year}"),
                branch_id=bid, source=c.policy.source("monthly_meeting"), severity=WARNING)
        if bid not in thematic:
            c.add("thematic_missing", quarter_end, _(
                "{branch} has no thematic meeting in quarter {quarter}/{year} ({source}).").format(
                branch=name, quarter=rules.quarter_of(c.on), year=c.on.year,
                source=c.policy.source("thematic_per_quarter")),
                branch_id=bid, source=c.policy.source("thematic_per_quarter"), severity=WARNING)


def reminders(on: dt.date, branch_id: int | None = None) -> list[Reminder]:
    """Everything due or overdue on *on*, for one branch or (None) the whole organisation, by due date."""
    c = _Collector(on)
    for case in _people(on, branch_id):
        if case.status in Status.CANDIDATES:
            _candidate(c, case)
        else:
            _probationary(c, case)
    _absences(c, branch_id)
    _branches(c, branch_id)
    member_reminders.transfers(c, branch_id)
    member_reminders.residence_comments(c, branch_id)
    return sorted(c.items, key=lambda r: (r.due, r.severity != ERROR, r.title))


def counts(on: dt.date, branch_id: int | None = None) -> dict[str, int]:
    """How many reminders of each severity (for a dashboard badge)."""
    result: dict[str, int] = defaultdict(int)
    for item in reminders(on, branch_id):
        result[item.severity] += 1
    return dict(result)
