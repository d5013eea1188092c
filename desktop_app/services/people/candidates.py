"""The admission pipeline at a glance: every candidate and probationary member with the latest
recorded step, in two queries whatever the number of people."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN

from desktop_app.core.enums import Stage, Status
from desktop_app.store import raw
from desktop_app.store.models import Branch, Person, StageEvent

IN_PIPELINE = Status.CANDIDATES + (Status.PROBATIONARY,)


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


def _population(branch_id: int | None, statuses) -> tuple[str, list]:
    """SQL selecting the ids of the people concerned, with its parameters."""
    sql = f"SELECT id FROM person WHERE deleted_at IS NULL AND status IN ({', '.join('?' * len(statuses))})"
    params = list(statuses)
    if branch_id is not None:
        sql += " AND branch_id = ?"
        params.append(branch_id)
    return sql, params


def _latest_stages(branch_id: int | None, statuses) -> dict[int, tuple[str, dt.date]]:
    """{person: (furthest pipeline step, its date)}: one aggregate query, however many people.

    Each step is ranked "00".."15" by its place in the pipeline and joined to its ISO date, so the
    largest of these per person is the furthest step and, among its records, the latest date."""
    rank = "CASE stage " + " ".join(f"WHEN ? THEN '{i:02d}'" for i in range(len(Stage.PIPELINE))) + " END"
    people_sql, people_params = _population(branch_id, statuses)
    sql = (f"SELECT person_id, MAX(({rank}) || CAST(date AS TEXT)) FROM stageevent "
           f"WHERE person_id IN ({people_sql}) AND stage IN ({', '.join('?' * len(Stage.PIPELINE))}) "
           "GROUP BY person_id")
    params = [*Stage.PIPELINE, *people_params, *Stage.PIPELINE]
    result: dict[int, tuple[str, dt.date]] = {}
    for pid, best in raw.execute(sql, params).fetchall():
        result[pid] = (Stage.PIPELINE[int(best[:2])], raw.to_day(best[2:]))
    return result


def _helpers(branch_id: int | None, statuses) -> dict[int, list[str]]:
    people_sql, people_params = _population(branch_id, statuses)
    sql = ("SELECT s.person_id, p.full_name FROM sponsorship s JOIN person p ON p.id = s.sponsor_id "
           f"WHERE s.\"end\" IS NULL AND s.person_id IN ({people_sql}) ORDER BY s.start, s.id")
    result: dict[int, list[str]] = {}
    for pid, name in raw.execute(sql, people_params).fetchall():
        names = result.setdefault(pid, [])
        if name not in names:
            names.append(name)
    return result


def list_candidates(branch_id: int | None = None, statuses=IN_PIPELINE) -> list[CandidateRow]:
    """Candidates and probationary members, sorted by given name."""
    statuses = tuple(statuses)
    query = (Person.select(Person.id, Person.full_name, Person.status, Person.branch, Branch.code, Person.birth_date)
             .join(Branch, JOIN.LEFT_OUTER, on=(Person.branch == Branch.id))
             .where(Person.deleted_at.is_null() & Person.status.in_(list(statuses)))
             # sort_key || '': sorted after the status index picked the few people in the pipeline, not by
             # walking the name index over everyone (2 ms instead of 11 ms)
             .order_by(Person.sort_key.concat(""), Person.id))
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    stages = _latest_stages(branch_id, statuses)
    helpers = _helpers(branch_id, statuses)
    date = raw.to_date
    none: tuple[str, dt.date | None] = ("", None)
    return [CandidateRow(pid, name, status, bid, code or "", date(birth), *stages.get(pid, none),
                         ", ".join(helpers.get(pid, [])))
            for pid, name, status, bid, code, birth in raw.rows(query)]


def stage_counts(branch_id: int | None = None) -> dict[str, int]:
    """{furthest step: number of people} over the pipeline ("" for people with no step yet)."""
    people_sql, params = _population(branch_id, IN_PIPELINE)
    total = raw.execute(f"SELECT COUNT(*) FROM ({people_sql}) AS population", params).fetchone()[0]
    counts: dict[str, int] = {}
    for stage, _day in _latest_stages(branch_id, IN_PIPELINE).values():
        counts[stage] = counts.get(stage, 0) + 1
    if total - sum(counts.values()):
        counts[""] = total - sum(counts.values())
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
    from desktop_app.services.people import dossier, people

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
        # From the day the decision reached the branch (294-QĐ/TW 4.1), its own date until that is recorded.
        received = people.received_on([person_id]).get(person_id)
        add(_("Admission ceremony due"), rules.ceremony_deadline(received or decision), Stage.CEREMONY)
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
