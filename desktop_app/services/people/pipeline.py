"""Moving a person along the admission pipeline with the Party rules checked first.

``check_advance`` gathers the facts from the database (the person, their dated steps, dossier,
introducers, the vote behind the step) and runs ``core.rules.check_transition``. ``advance``
refuses with ``RuleViolation`` (nothing written) when there are errors, or warnings the user
has not confirmed; otherwise it records the step with the policy version, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import fn

from desktop_app.core import clock, rules
from desktop_app.core.enums import DecisionKind, DossierStatus, SponsorRole, Stage, Status
from desktop_app.i18n import _, ngettext
from desktop_app.services.common.errors import RuleViolation, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker
from desktop_app.services.organisation.organisation import get_organisation
from desktop_app.services.people import people, readmission
from desktop_app.store.models import Attendance, Decision, DossierItem, Meeting, Person, Sponsorship, StageEvent

# Facts the caller may add for the step being recorded (they are not in the database).
VOTE_FIELDS = ("yes", "no", "abstain", "official_members", "not_counted", "denominator", "failed_before")
FLAG_FIELDS = ("over_age_consent", "late_ceremony_consent", "partial_committee")
DETAILS = (*VOTE_FIELDS, *FLAG_FIELDS, "vote", "decision_received")
# The decision kind whose vote carries each step.
VOTE_KIND = {Stage.BRANCH_RESOLUTION: DecisionKind.ADMISSION, Stage.RECOGNITION_RESOLUTION: DecisionKind.RECOGNITION}


def _check_details(details: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(details) - set(DETAILS))
    if unknown:
        raise ValidationError({k: _("Unknown detail for this step.") for k in unknown})
    check = Checker(details)
    for field in VOTE_FIELDS:
        if field in details and details[field] is not None:
            check.integer(field, label=field)
    for field in FLAG_FIELDS:
        check.flag(field)
    check.date("decision_received", label=_("Decision received on"))
    clean = check.done()
    if "vote" in details and details["vote"] is not None and not isinstance(details["vote"], rules.VoteFacts):
        raise ValidationError({"vote": _("The vote is not in the expected form.")})
    clean["vote"] = details.get("vote")
    return clean


def _stages(person_id: int) -> dict[str, dt.date]:
    rows = (StageEvent.select(StageEvent.stage, fn.MAX(StageEvent.date))
            .where(StageEvent.person == person_id).group_by(StageEvent.stage).tuples())
    return {stage: day for stage, day in rows}


def _dossier(person_id: int) -> dict[str, dt.date | None]:
    rows = (DossierItem.select(DossierItem.code, fn.MAX(DossierItem.date))
            .where((DossierItem.person == person_id) & (DossierItem.status == DossierStatus.RECEIVED))
            .group_by(DossierItem.code).tuples())
    return {code: day for code, day in rows}


def _introducers(person_id: int, on: dt.date) -> tuple[rules.IntroducerFacts, ...]:
    query = (Sponsorship.select(Sponsorship, Person).join(Person, on=(Sponsorship.sponsor == Person.id))
             .where((Sponsorship.person == person_id) & (Sponsorship.role == SponsorRole.INTRODUCER)
                    & (Sponsorship.start <= on) & (Sponsorship.end.is_null() | (Sponsorship.end >= on)))
             .order_by(Sponsorship.start, Sponsorship.id))
    result = []
    for row in query:
        sponsor = row.sponsor
        active = sponsor.deleted_at is None and sponsor.status in Status.MEMBERS
        result.append(rules.IntroducerFacts(is_official=sponsor.status in (Status.OFFICIAL, Status.EXEMPT),
                                            together_since=row.together_since, name=sponsor.full_name,
                                            active=active))
    return tuple(result)


def _vote(person_id: int, stage: str, on: dt.date, meeting_id: int | None, clean: dict) -> rules.VoteFacts | None:
    if clean.get("vote") is not None:
        return clean["vote"]
    kind = VOTE_KIND.get(stage)
    failed = 0
    if kind is not None:
        failed = (Decision.select().join(Meeting)
                  .where((Decision.subject == person_id) & (Decision.kind == kind) & (Decision.passed == False)  # noqa: E712
                         & (Meeting.date <= on) & Meeting.deleted_at.is_null()).count())
    if clean.get("failed_before") is not None:
        failed = clean["failed_before"]
    if clean.get("yes") is not None and clean.get("official_members") is not None:
        return rules.VoteFacts(yes=clean["yes"], official_members=clean["official_members"],
                               not_counted=clean.get("not_counted") or 0, no=clean.get("no") or 0,
                               abstain=clean.get("abstain") or 0, denominator=clean.get("denominator"),
                               failed_before=failed)
    if kind is None or meeting_id is None:
        return None
    decision = (Decision.select().where((Decision.meeting == meeting_id) & (Decision.subject == person_id)
                                        & (Decision.kind == kind)).order_by(Decision.id.desc()).first())
    if decision is None:
        return None
    if not decision.passed:
        failed = max(failed - 1, 0)  # this very vote is the one being checked
    # The branch's official members summoned (exempt members are official too), from the meeting's attendance;
    # the decision keeps only the denominator, so those not counted are the difference.
    official = (Attendance.select().where((Attendance.meeting == meeting_id)
                                          & Attendance.member_status.in_((Status.OFFICIAL, Status.EXEMPT))).count()
                or decision.denominator)
    official = max(official, decision.denominator)
    return rules.VoteFacts(yes=decision.yes, official_members=official, not_counted=official - decision.denominator,
                           no=decision.no, abstain=decision.abstain, failed_before=failed)


def gather_facts(person_id: int, stage: str, on: dt.date, meeting_id: int | None = None,
                 **details: Any) -> rules.CaseFacts:
    """The facts check_transition needs about *person_id* for moving to *stage* on *on*."""
    clean = _check_details(details)
    person = people.get_person(person_id)
    org = get_organisation()
    return rules.CaseFacts(
        status=person.status, birth_date=person.birth_date, stages=_stages(person_id), dossier=_dossier(person_id),
        introducers=_introducers(person_id, on), youth_union=bool(person.youth_union),
        trade_union=bool(person.trade_union), vote=_vote(person_id, stage, on, meeting_id, clean),
        decision_received=clean.get("decision_received") or people.received_on([person_id]).get(person_id),
        over_age_consent=bool(clean.get("over_age_consent")),
        late_ceremony_consent=bool(clean.get("late_ceremony_consent")),
        grassroots_branch=bool(org and org.is_grassroots_branch),
        authorised_committee=bool(org and org.authorised_to_admit),
        partial_committee=bool(clean.get("partial_committee")), today=clock.today(),
        past_leaving=readmission.past_leaving(person))


def _date(on: Any) -> dt.date:
    check = Checker({"date": on})
    check.date("date", required=True, label=_("Date"))
    return check.done()["date"]


def _stage(stage: str) -> str:
    check = Checker({"stage": stage})
    check.choice("stage", Stage.codes(), required=True, label=_("Step"))
    return check.done()["stage"]


def check_advance(person_id: int, stage: str, on: dt.date, meeting_id: int | None = None,
                  **details: Any) -> rules.Findings:
    """What the rules say about moving *person_id* to *stage* on *on* (nothing is written)."""
    on, stage = _date(on), _stage(stage)
    facts = gather_facts(person_id, stage, on, meeting_id, **details)
    return rules.check_transition(facts, stage, on)


def advance(person_id: int, stage: str, on: dt.date, document_ref: str = "", note: str = "",
            meeting_id: int | None = None, confirm_warnings: bool = False, received_on: dt.date | None = None,
            **details: Any) -> StageEvent:
    """Record *stage* for *person_id* on *on* if the rules allow it; *received_on* is the day a decision
    reached the branch. A ceremony recorded with the day the admission decision was received
    (``decision_received``) keeps that day on the decision when it was not recorded yet.

    Raises RuleViolation (nothing written) on errors, and on warnings unless *confirm_warnings*.
    """
    on, stage = _date(on), _stage(stage)
    with atomic():
        facts = gather_facts(person_id, stage, on, meeting_id, **details)
        found = rules.check_transition(facts, stage, on)
        if found.errors:
            count = len(found.errors)
            raise RuleViolation(ngettext("This step breaks {n} Party rule.", "This step breaks {n} Party rules.",
                                         count).format(n=count), found)
        if found.warnings and not confirm_warnings:
            count = len(found.warnings)
            raise RuleViolation(ngettext("Please confirm {n} warning before recording this step.",
                                         "Please confirm {n} warnings before recording this step.",
                                         count).format(n=count), found)
        if stage == Stage.CEREMONY and details.get("decision_received") \
                and person_id not in people.received_on([person_id]):
            people.set_received(person_id, details["decision_received"])
        return people.record_stage(person_id, stage, on, document_ref=document_ref, note=note,
                                   meeting_id=meeting_id, policy_version=found.policy_version,
                                   received_on=received_on)
