"""Candidates, probationary members and the members assigned to help them, for the printed lists."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from peewee import JOIN

from desktop_app.core import clock
from desktop_app.core.enums import DossierCode, DossierStatus, Stage, Status
from desktop_app.core.rules import periods
from desktop_app.services.people import people as people_service
from desktop_app.store.models import Branch, DossierItem, Person, Sponsorship, StageEvent

CERTIFICATE = "CN-NTVĐ"
# The papers redone when the branch has not voted within 12 months of them (as services.people.reminders reads).
STALE_CODES = ("3-KNĐ", "4-KNĐ", "4A-KNĐ", "5-KNĐ")
# Dossier papers expected while a person is at each status (06-HD/TW §8.3): the admission dossier
# from the application on; the recognition dossier during probation, less the branch's own
# resolution (13-KNĐ), which the recognition vote makes.
REQUIRED = {
    Status.APPLICANT: DossierCode.BEFORE_ADMISSION,
    Status.PROBATIONARY: tuple(c for c in DossierCode.RECOGNITION if c != "13-KNĐ"),
}


@dataclass(frozen=True)
class Deadline:
    kind: str  # "certificate", "dossier", "decision", "ceremony", "recognition" (probation's end has its own column)
    date: dt.date


@dataclass(frozen=True)
class CandidateLine:
    person_id: int
    name: str
    birth_year: int | None
    branch_id: int | None
    branch_name: str
    status: str
    stage: str  # the latest step of the admission pipeline, "" when none
    stage_date: dt.date | None
    certificate_date: dt.date | None
    certificate_expires: dt.date | None  # first day it is no longer valid
    received: tuple[str, ...]  # dossier codes received, of those required
    required: tuple[str, ...]
    ceremony_date: dt.date | None
    probation_end: dt.date | None
    deadlines: tuple[Deadline, ...]  # soonest first

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(c for c in self.required if c not in self.received)


@dataclass(frozen=True)
class CandidatesData:
    as_of: dt.date
    candidates: tuple[CandidateLine, ...]
    probationary: tuple[CandidateLine, ...]


def _reached(stages: dict[str, dt.date], stage: str) -> bool:
    """Whether the person has reached *stage* of the pipeline or a later one."""
    return any(s in stages for s in Stage.PIPELINE[Stage.PIPELINE.index(stage):])


def _deadlines(status: str, stages: dict[str, dt.date], certificate: dt.date | None, ceremony: dt.date | None,
               papers: dict[str, dt.date] | None = None, received: dt.date | None = None) -> list[Deadline]:
    """The deadlines still open at the person's step (core.rules.periods gives the dates). Dossier papers go
    stale each from its own date (*papers*: code → date); the ceremony is due counting from the day the
    decision was *received*, its own date until that is recorded."""
    found: list[Deadline] = []
    if status in Status.CANDIDATES:
        if not _reached(stages, Stage.BRANCH_RESOLUTION):
            if certificate:
                found.append(Deadline("certificate", periods.certificate_expiry(certificate).date))
            dated = [periods.dossier_stale_after(day).date for code, day in (papers or {}).items()
                     if code in STALE_CODES and day]
            if dated:
                found.append(Deadline("dossier", min(dated)))  # the first paper to go stale
        elif not _reached(stages, Stage.ADMISSION_DECISION) and Stage.BRANCH_RESOLUTION in stages:
            found.append(Deadline("decision", periods.decision_deadline(stages[Stage.BRANCH_RESOLUTION]).date))
        elif not _reached(stages, Stage.CEREMONY) and Stage.ADMISSION_DECISION in stages:
            decision = stages[Stage.ADMISSION_DECISION]
            start = received if received is not None and received >= decision else decision
            found.append(Deadline("ceremony", periods.ceremony_deadline(start).date))
    if status == Status.PROBATIONARY and ceremony and not _reached(stages, Stage.RECOGNITION_RESOLUTION):
        found.append(Deadline("recognition", periods.recognition_vote_deadline(ceremony).date))
    return sorted(found, key=lambda d: d.date)


def candidates_data(branch_id: int | None = None, today: dt.date | None = None) -> CandidatesData:
    """Candidates (outstanding mass members, sympathisers, applicants) and probationary members,
    by branch and Vietnamese name order, with their step, certificate, dossier and next deadlines."""
    today = today or clock.today()
    wanted = [*Status.CANDIDATES, Status.PROBATIONARY]
    query = (Person.select(Person.id, Person.full_name, Person.birth_date, Person.branch, Branch.name, Person.status,
                           Person.ceremony_date)
             .join(Branch, JOIN.LEFT_OUTER, on=(Person.branch == Branch.id))
             .where(Person.deleted_at.is_null() & Person.status.in_(wanted))
             .order_by(Branch.code, Person.sort_key, Person.id))
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    people = list(query.tuples())
    ids = [row[0] for row in people]
    stages: dict[int, dict[str, dt.date]] = defaultdict(dict)
    latest: dict[int, tuple[str, dt.date]] = {}
    certificates: dict[int, dt.date] = {}
    received: dict[int, set[str]] = defaultdict(set)
    papers: dict[int, dict[str, dt.date]] = defaultdict(dict)  # the latest date of each paper
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        events = (StageEvent.select(StageEvent.person, StageEvent.stage, StageEvent.date)
                  .where(StageEvent.person.in_(chunk) & StageEvent.stage.in_(list(Stage.PIPELINE)))
                  .order_by(StageEvent.date, StageEvent.id))
        for pid, stage, date in events.tuples():
            stages[pid][stage] = date  # the latest date of each step
            latest[pid] = (stage, date)
            if stage == Stage.AWARENESS_CLASS:
                certificates[pid] = date
        items = (DossierItem.select(DossierItem.person, DossierItem.code, DossierItem.date)
                 .where(DossierItem.person.in_(chunk) & (DossierItem.status == DossierStatus.RECEIVED))
                 .order_by(DossierItem.date, DossierItem.id))
        for pid, code, date in items.tuples():
            received[pid].add(code)
            if date:
                papers[pid][code] = date
            if code == CERTIFICATE and date:
                certificates[pid] = date  # the paper's own date wins over the step's
    decisions_received = people_service.received_on(ids)
    candidates: list = []
    probationary: list = []
    for pid, name, birth, bid, bname, status, ceremony in people:
        required = tuple(REQUIRED.get(status, ()))
        certificate = certificates.get(pid)
        stage, stage_date = latest.get(pid, ("", None))
        line = CandidateLine(
            person_id=pid, name=name, birth_year=birth.year if birth else None, branch_id=bid,
            branch_name=bname or "", status=status, stage=stage, stage_date=stage_date,
            certificate_date=certificate,
            certificate_expires=periods.certificate_expiry(certificate).date if certificate else None,
            received=tuple(c for c in required if c in received[pid]), required=required,
            ceremony_date=ceremony, probation_end=periods.probation_end(ceremony) if ceremony else None,
            deadlines=tuple(_deadlines(status, stages[pid], certificate, ceremony, papers[pid],
                                       decisions_received.get(pid))))
        (probationary if status == Status.PROBATIONARY else candidates).append(line)
    return CandidatesData(today, tuple(candidates), tuple(probationary))


@dataclass(frozen=True)
class SponsorLine:
    sponsor_id: int
    sponsor: str
    person: str
    person_status: str
    branch_id: int | None  # the branch of the person helped
    branch_name: str
    role: str  # core.enums.SponsorRole
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class SponsorsData:
    as_of: dt.date
    lines: tuple[SponsorLine, ...]  # by branch, sponsor (Vietnamese name order), then start date
    loads: tuple[tuple[str, int], ...]  # (member, open assignments), busiest first


def sponsors_data(branch_id: int | None = None, today: dt.date | None = None) -> SponsorsData:
    """Open assignments (helper, introducer, probation helper), and how many each member carries.

    For one branch the loads list every official member, those with none too (the secretary picks
    the next helper from it); for the whole organisation only members with assignments."""
    today = today or clock.today()
    sponsor, person = Person.alias(), Person.alias()
    query = (Sponsorship.select(Sponsorship.sponsor, sponsor.full_name, person.full_name, person.status, Branch.id,
                                Branch.name, Sponsorship.role, Sponsorship.start, Sponsorship.end)
             .join(sponsor, on=(Sponsorship.sponsor == sponsor.id))
             .switch(Sponsorship).join(person, on=(Sponsorship.person == person.id))
             .join(Branch, JOIN.LEFT_OUTER, on=(person.branch == Branch.id))
             .where(Sponsorship.end.is_null() & person.deleted_at.is_null() & sponsor.deleted_at.is_null())
             .order_by(Branch.code, sponsor.sort_key, sponsor.id, Sponsorship.start, person.sort_key))
    if branch_id is not None:
        query = query.where(person.branch == branch_id)
    lines = tuple(SponsorLine(*row) for row in query.tuples())
    counts = Counter(line.sponsor_id for line in lines)
    names = {line.sponsor_id: line.sponsor for line in lines}
    if branch_id is not None:
        members = (Person.select(Person.id, Person.full_name)
                   .where((Person.branch == branch_id) & Person.deleted_at.is_null()
                          & (Person.status == Status.OFFICIAL)).order_by(Person.sort_key).tuples())
        for pid, name in members:
            names.setdefault(pid, name)
            counts.setdefault(pid, 0)
    order = {pid: i for i, pid in enumerate(names)}
    loads = tuple((names[pid], n) for pid, n in sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]])))
    return SponsorsData(today, lines, loads)
