"""Votes and resolutions of a branch meeting, and what a passed vote changes in the pipeline.

Admission and recognition are voted one person at a time and need at least two thirds of the
official members; other resolutions more than half (Party Charter, Articles 4.3, 5.2, 9.5). The
denominator is the official members less those not counted (Regulation 294-QĐ/TW, point 9.3.2),
computed from the attendance; only official members present vote. A passed vote moves the person
along the pipeline in the same transaction as the decision, so the record and the minutes never
disagree; a failed vote changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core import clock
from desktop_app.core.enums import DecisionKind, Status
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit, versions
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.meetings import meeting_rules
from desktop_app.services.meetings.attendance import attendance_counts
from desktop_app.services.meetings.decision_effects import apply_effects, effect_applied, revert_effects
from desktop_app.services.meetings.meetings import editable_meeting, get_meeting
from desktop_app.store.models import Decision, Meeting, Person

# Who a decision of each kind may concern.
SUBJECT_STATUSES = {
    DecisionKind.ADMISSION: (Status.APPLICANT,),
    DecisionKind.RECOGNITION: (Status.PROBATIONARY,),
    DecisionKind.SYMPATHISER_ADD: (Status.PROSPECT,),
    DecisionKind.SYMPATHISER_REMOVE: (Status.SYMPATHISER, Status.APPLICANT),
    DecisionKind.HELPER_ASSIGNMENT: (Status.PROSPECT, Status.SYMPATHISER, Status.APPLICANT, Status.PROBATIONARY),
}
VOTE_FIELDS = ("kind", "subject", "sponsor", "yes", "no", "abstain")
EDITABLE = (*VOTE_FIELDS, "title", "text", "document_number")


@dataclass(frozen=True)
class DecisionRow:
    id: int
    meeting_id: int
    meeting_date: dt.date
    branch_id: int
    kind: str
    subject_id: int | None
    subject_name: str
    sponsor_id: int | None
    sponsor_name: str
    title: str
    text: str
    yes: int
    no: int
    abstain: int
    denominator: int
    needed: int | None  # None: the rule sets no number (a vote of ordinary business)
    passed: bool
    rule: str
    source: str
    policy_version: str
    document_number: str


def get_decision(decision_id: int) -> Decision:
    decision = Decision.get_or_none(Decision.id == record_id(decision_id))
    if decision is None:
        raise NotFoundError(_("Decision not found."))
    return decision


def default_title(kind: str, subject: Person | None, sponsor: Person | None) -> str:
    name = subject.full_name if subject else ""
    if kind == DecisionKind.ADMISSION:
        return _("Proposal to admit {name} to the Party").format(name=name)
    if kind == DecisionKind.RECOGNITION:
        return _("Proposal to recognise {name} as an official Party member").format(name=name)
    if kind == DecisionKind.HELPER_ASSIGNMENT:
        return _("Assignment of {helper} to help {name}").format(helper=sponsor.full_name if sponsor else "",
                                                                name=name)
    if kind == DecisionKind.SYMPATHISER_ADD:
        return _("Adding {name} to the list of Party sympathisers").format(name=name)
    if kind == DecisionKind.SYMPATHISER_REMOVE:
        return _("Removing {name} from the list of Party sympathisers").format(name=name)
    return _("Resolution")


def _row(d: Decision) -> DecisionRow:
    meeting = d.meeting
    outcome = meeting_rules.vote_outcome(d.kind, d.yes, d.denominator, 0, meeting.date)
    return DecisionRow(d.id, meeting.id, meeting.date, meeting.branch_id, d.kind, d.subject_id,
                       d.subject.full_name if d.subject_id else "", d.sponsor_id,
                       d.sponsor.full_name if d.sponsor_id else "", d.title, d.text, d.yes, d.no, d.abstain,
                       d.denominator, outcome.needed, bool(d.passed), outcome.rule, outcome.source,
                       d.policy_version, d.document_number)


def decision_row(decision_id: int) -> DecisionRow:
    """Everything a printed resolution (Mẫu 6-KNĐ, 13-KNĐ) states about one decision."""
    return _row(get_decision(decision_id))


def decisions(meeting_id: int) -> list[DecisionRow]:
    return [_row(d) for d in Decision.select().where(Decision.meeting == meeting_id).order_by(Decision.id)]


def decisions_for_person(person_id: int) -> list[DecisionRow]:
    """Votes about the person at any meeting, oldest first (e.g. recognition votes that failed)."""
    query = (Decision.select().join(Meeting).where((Decision.subject == person_id) & Meeting.deleted_at.is_null())
             .order_by(Meeting.date, Decision.id))
    return [_row(d) for d in query]


def subject_choices(meeting_id: int, kind: str) -> list[tuple[int, str, str]]:
    """(id, name, status) of the branch's people a decision of *kind* may concern, in name order."""
    meeting = get_meeting(meeting_id)
    statuses = SUBJECT_STATUSES.get(kind)
    if not statuses:
        return []
    query = (Person.select(Person.id, Person.full_name, Person.status)
             .where((Person.branch == meeting.branch_id) & Person.deleted_at.is_null()
                    & Person.status.in_(list(statuses))).order_by(Person.sort_key, Person.id))
    return list(query.tuples())


def sponsor_choices(meeting_id: int) -> list[tuple[int, str]]:
    """(id, name) of the branch's official members, who may be assigned to help."""
    meeting = get_meeting(meeting_id)
    query = (Person.select(Person.id, Person.full_name)
             .where((Person.branch == meeting.branch_id) & Person.deleted_at.is_null()
                    & (Person.status == Status.OFFICIAL)).order_by(Person.sort_key, Person.id))
    return list(query.tuples())


def preview(meeting_id: int, kind: str, yes: int) -> meeting_rules.VoteOutcome:
    """The outcome *yes* votes would give at this meeting, for a dialog showing pass/fail live."""
    meeting = get_meeting(meeting_id)
    counts = attendance_counts(meeting_id)
    return meeting_rules.vote_outcome(kind, yes, counts.official, counts.not_counted, meeting.date)


def stale_votes(meeting_id: int) -> list[str]:
    """Titles of votes recorded on a denominator the attendance no longer gives."""
    current = attendance_counts(meeting_id).denominator
    return [d.title for d in Decision.select().where(Decision.meeting == meeting_id) if d.denominator != current]


def _person(check: Checker, field: str) -> Person | None:
    pid = check.data.get(field)
    if pid in (None, ""):
        check.clean[field] = None
        return None
    person = Person.get_or_none(Person.id == record_id(pid)) if record_id(pid) else None
    if person is None or person.deleted_at is not None:
        check.fail(field, _("The chosen person does not exist."))
        return None
    check.clean[field] = person.id
    return person


def _validate(meeting: Meeting, data: dict, decision: Decision | None, check_votes: bool = True) -> dict:
    merged = {} if decision is None else {
        "kind": decision.kind, "subject": decision.subject_id, "sponsor": decision.sponsor_id,
        "yes": decision.yes, "no": decision.no, "abstain": decision.abstain, "title": decision.title,
        "text": decision.text, "document_number": decision.document_number}
    merged.update(data)
    check = Checker(merged)
    check.choice("kind", DecisionKind.codes(), required=True, label=_("Kind of decision"))
    for field, label in (("yes", _("Votes for")), ("no", _("Votes against")), ("abstain", _("Abstentions"))):
        check.integer(field, minimum=0, maximum=10_000, required=True, label=label)
    check.text("title", max_length=300, label=_("Title"))
    check.text("text", max_length=50_000, label=_("Content"))
    check.text("document_number", max_length=50, name=True, label=_("Document number"))
    subject = _person(check, "subject")
    sponsor = _person(check, "sponsor")
    values = check.done()
    kind: str = values["kind"]
    errors: dict[str, str] = {}
    if kind != DecisionKind.ORDINARY:
        if subject is None:
            errors["subject"] = _("Choose the person the decision concerns (one person at a time).")
        elif subject.branch_id != meeting.branch_id:
            errors["subject"] = _("{name} is not in this branch.").format(name=subject.full_name)
        elif check_votes and subject.status not in SUBJECT_STATUSES[kind]:
            errors["subject"] = _("{name} is “{status}”: this decision does not apply at that stage.").format(
                name=subject.full_name, status=Status.label(subject.status))
    if kind == DecisionKind.HELPER_ASSIGNMENT:
        if sponsor is None:
            errors["sponsor"] = _("Choose the official member who will help.")
        elif sponsor.status != Status.OFFICIAL:
            errors["sponsor"] = _("Only an official Party member can help or introduce (Điều lệ Đảng, Điều 4).")
    elif values.get("sponsor") is not None:
        values["sponsor"] = None
    counts = attendance_counts(meeting.id)
    if check_votes and meeting.date > clock.today():
        errors["date"] = _("Votes are recorded on or after the day of the meeting ({date}).").format(
            date=format_date(meeting.date))
    cast = values["yes"] + values["no"] + values["abstain"]
    if check_votes and cast > counts.voters:
        errors["yes"] = _("{cast} votes were cast but only {n} official members are present; probationary "
                          "members and guests do not vote.").format(cast=cast, n=counts.voters)
    if check_votes and kind in meeting_rules.TWO_THIRDS_KINDS:
        minimum, source = meeting_rules.min_official_members(meeting.date)
        if counts.official < minimum:
            errors["kind"] = _("A branch with fewer than {n} official members cannot vote on admission or "
                               "recognition ({source}).").format(n=minimum, source=source)
    if errors:
        raise ValidationError(errors)
    if not values.get("title"):
        values["title"] = default_title(kind, subject, sponsor)
    values["_counts"] = counts
    return values


def record_decision(meeting_id: int, data: dict, *, confirm_warnings: bool = False) -> Decision:
    """Record a vote: *data* has kind, subject (person id), sponsor (helper, for assignments), yes, no,
    abstain and optionally title, text, document_number. A passed personnel vote updates the pipeline
    in the same transaction; RuleViolation (nothing written) when the Party rules refuse that step, or
    raise warnings and *confirm_warnings* is false."""
    meeting = editable_meeting(meeting_id)
    unknown = set(data) - set(EDITABLE)
    if unknown:
        raise ValidationError({k: _("This field cannot be changed here.") for k in sorted(unknown)})
    values = _validate(meeting, data, None)
    counts = values.pop("_counts")
    outcome = meeting_rules.vote_outcome(values["kind"], values["yes"], counts.official, counts.not_counted,
                                         meeting.date)
    with atomic():
        decision = Decision(meeting=meeting, denominator=outcome.denominator, passed=outcome.passed,
                            policy_version=outcome.policy_version)
        for key, value in values.items():
            setattr(decision, f"{key}_id" if key in ("subject", "sponsor") else key, value)
        decision.save(force_insert=True)
        audit.record_change("create", decision, None)
        if decision.passed:
            apply_effects(decision, meeting, confirm_warnings)
    return decision


def update_decision(decision_id: int, data: dict, *, confirm_warnings: bool = False) -> Decision:
    """Edit a decision of a draft meeting. The vote itself cannot change once it updated someone's record:
    delete the decision (which undoes that) and record it again."""
    data, expected = versions.take(data)
    decision = get_decision(decision_id)
    versions.expect(decision, expected)
    meeting = editable_meeting(decision.meeting_id)
    unknown = set(data) - set(EDITABLE)
    if unknown:
        raise ValidationError({k: _("This field cannot be changed here.") for k in sorted(unknown)})
    applied = effect_applied(decision)
    vote_changed = any(k in data and data[k] != getattr(decision, f"{k}_id" if k in ("subject", "sponsor") else k)
                       for k in VOTE_FIELDS)
    if applied and vote_changed:
        raise ValidationError({"yes": _("This vote already updated the record of {name}. Delete the decision and "
                                        "record the vote again.").format(name=decision.subject.full_name)})
    values = _validate(meeting, data, decision, check_votes=vote_changed)
    counts = values.pop("_counts")
    with atomic():
        before = audit.snapshot(decision)
        for key, value in values.items():
            setattr(decision, f"{key}_id" if key in ("subject", "sponsor") else key, value)
        if vote_changed:
            outcome = meeting_rules.vote_outcome(decision.kind, decision.yes, counts.official, counts.not_counted,
                                                 meeting.date)
            decision.denominator, decision.passed = outcome.denominator, outcome.passed
            decision.policy_version = outcome.policy_version
        decision.save()
        audit.record_change("update", decision, before)
        if vote_changed and decision.passed:
            apply_effects(decision, meeting, confirm_warnings)
    return decision


def set_document_number(decision_id: int, number: str) -> Decision:
    """Record the number under which the resolution was issued (e.g. "05-NQ/CB"). Allowed after adoption too:
    the number belongs to the issued document, not to the minutes."""
    decision = get_decision(decision_id)
    check = Checker({"document_number": number})
    value = check.text("document_number", max_length=50, name=True, label=_("Document number"))
    check.done()
    with atomic():
        before = audit.snapshot(decision)
        decision.document_number = value or ""
        decision.save()
        audit.record_change("update", decision, before)
    return decision


def delete_decision(decision_id: int) -> None:
    """Remove a decision of a draft meeting, undoing what a passed vote changed (when nothing came after it)."""
    decision = get_decision(decision_id)
    meeting = editable_meeting(decision.meeting_id)
    with atomic():
        revert_effects(decision, meeting)
        before = audit.snapshot(decision)
        decision.delete_instance()
        audit.record("delete", "decision", decision.uid, before, None)

