"""The admission pipeline at a glance: every candidate and probationary member with the latest
recorded step, in two queries whatever the number of people."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, fn

from desktop_app.core.enums import SponsorRole, Stage, Status
from desktop_app.store.models import Branch, Person, Sponsorship, StageEvent

IN_PIPELINE = Status.CANDIDATES + (Status.PROBATIONARY,)
_ORDER = {stage: i for i, stage in enumerate(Stage.PIPELINE)}


@dataclass(frozen=True)
class CandidateRow:
    id: int
    full_name: str
    status: str
    branch_id: int | None
    branch_code: str
    birth_date: dt.date | None
    stage: str  # the furthest pipeline step recorded ("" when none)
    stage_date: dt.date | None
    helpers: str  # names of the current helpers and introducers, comma-separated


def _latest_stages(person_ids: list[int]) -> dict[int, tuple[str, dt.date]]:
    """{person: (furthest pipeline step, its date)}."""
    result: dict[int, tuple[str, dt.date]] = {}
    if not person_ids:
        return result
    query = (StageEvent.select(StageEvent.person, StageEvent.stage, fn.MAX(StageEvent.date))
             .where(StageEvent.stage.in_(Stage.PIPELINE) & StageEvent.person.in_(person_ids))
             .group_by(StageEvent.person, StageEvent.stage))
    for pid, stage, day in query.tuples():
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        current = result.get(pid)
        if current is None or _ORDER[stage] > _ORDER[current[0]]:
            result[pid] = (stage, day)
    return result


def _helpers(person_ids: list[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    if not person_ids:
        return result
    Sponsor = Person.alias()
    query = (Sponsorship.select(Sponsorship.person, Sponsor.full_name)
             .join(Sponsor, on=(Sponsorship.sponsor == Sponsor.id))
             .where(Sponsorship.end.is_null() & Sponsorship.person.in_(person_ids)
                    & Sponsorship.role.in_(SponsorRole.codes()))
             .order_by(Sponsorship.start))
    for pid, name in query.tuples():
        names = result.setdefault(pid, [])
        if name not in names:
            names.append(name)
    return result


def list_candidates(branch_id: int | None = None, statuses=IN_PIPELINE) -> list[CandidateRow]:
    """Candidates and probationary members, sorted by given name."""
    query = (Person.select(Person.id, Person.full_name, Person.status, Person.branch, Branch.code, Person.birth_date)
             .join(Branch, JOIN.LEFT_OUTER, on=(Person.branch == Branch.id))
             .where(Person.deleted_at.is_null() & Person.status.in_(list(statuses)))
             .order_by(Person.sort_key, Person.id))
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    rows = list(query.tuples())
    ids = [r[0] for r in rows]
    stages: dict[int, tuple[str, dt.date]] = {}
    helpers: dict[int, list[str]] = {}
    for start in range(0, len(ids), 900):  # SQLite's limit on bound parameters
        chunk = ids[start:start + 900]
        stages.update(_latest_stages(chunk))
        helpers.update(_helpers(chunk))
    return [CandidateRow(pid, name, status, bid, code or "", birth, *stages.get(pid, ("", None)),
                         ", ".join(helpers.get(pid, [])))
            for pid, name, status, bid, code, birth in rows]


def stage_counts(branch_id: int | None = None) -> dict[str, int]:
    """{furthest step: number of people} over the pipeline ("" for people with no step yet)."""
    counts: dict[str, int] = {}
    for row in list_candidates(branch_id):
        counts[row.stage] = counts.get(row.stage, 0) + 1
    return counts


@dataclass(frozen=True)
class DeadlineRow:
    title: str  # translated
    date: dt.date
    source: str  # translated citation
    done: bool  # the step it waits for is recorded


def deadlines(person_id: int, on: dt.date | None = None) -> list[DeadlineRow]:
    """The dates the rules set for this person, from the steps and forms recorded so far."""
    from desktop_app.core import rules
    from desktop_app.i18n import _
    from desktop_app.services import dossier

    recorded: dict[str, dt.date] = {}
    for stage, day in (StageEvent.select(StageEvent.stage, StageEvent.date)
                       .where(StageEvent.person == person_id).order_by(StageEvent.date).tuples()):
        recorded[stage] = day
    forms = dossier.received_dates(person_id)
    result: list[DeadlineRow] = []

    def add(title: str, deadline, done_stage: str | None, done: bool = False) -> None:
        done = done or bool(done_stage and done_stage in recorded)
        result.append(DeadlineRow(title, deadline.date, deadline.source, done))

    certificate = forms.get("CN-NTVĐ") or recorded.get(Stage.AWARENESS_CLASS)
    if certificate and Stage.BRANCH_RESOLUTION not in recorded:
        add(_("Awareness-class certificate expires"), rules.certificate_expiry(certificate), None)
    resolution = recorded.get(Stage.BRANCH_RESOLUTION)
    if resolution:
        add(_("Admission decision due"), rules.decision_deadline(resolution, "admission"), Stage.ADMISSION_DECISION)
    decision = recorded.get(Stage.ADMISSION_DECISION)
    if decision:
        add(_("Admission ceremony due"), rules.ceremony_deadline(decision), Stage.CEREMONY)
    ceremony = recorded.get(Stage.CEREMONY)
    if ceremony:
        add(_("Party member history and record slip due"), rules.history_declaration_deadline(ceremony), None,
            done="LLĐV" in forms and "PĐV" in forms)
        add(_("Probation complete; official from"), rules.official_from(ceremony), None)
        add(_("Branch vote on recognition due"), rules.recognition_vote_deadline(ceremony),
            Stage.RECOGNITION_RESOLUTION)
    recognition = recorded.get(Stage.RECOGNITION_RESOLUTION)
    if recognition:
        add(_("Recognition decision due"), rules.decision_deadline(recognition, "recognition"),
            Stage.RECOGNITION_DECISION)
    return sorted(result, key=lambda r: r.date)
