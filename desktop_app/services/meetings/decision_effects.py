"""What a passed vote changes: the person's pipeline step or a helper assignment.

Called by services.decisions inside the transaction that records the decision, so either both
are written or neither. Steps go through services.pipeline, which checks the Party rules (age,
dossier, introducers, the vote itself): an error refuses the whole decision, and warnings refuse
it until the user confirms them. A failed vote changes nothing. Deleting a draft decision undoes
its effect when nothing was recorded for the person after it.
"""

from __future__ import annotations

from desktop_app.core.enums import DecisionKind, SponsorRole, Stage, Status
from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.people import pipeline, sponsorships
from desktop_app.store.models import Decision, Meeting, Person, Sponsorship, StageEvent

# The pipeline step a passed vote records.
STAGE_OF = {
    DecisionKind.ADMISSION: Stage.BRANCH_RESOLUTION,
    DecisionKind.RECOGNITION: Stage.RECOGNITION_RESOLUTION,
    DecisionKind.SYMPATHISER_ADD: Stage.SYMPATHISER_LIST,
    DecisionKind.SYMPATHISER_REMOVE: Stage.DROPPED,
}
_PIPELINE_INDEX = {stage: i for i, stage in enumerate(Stage.PIPELINE)}


def helper_role(person: Person) -> str:
    return SponsorRole.PROBATION_HELPER if person.status == Status.PROBATIONARY else SponsorRole.HELPER


def _advance(person_id: int, stage: str, meeting: Meeting, decision: Decision, confirm_warnings: bool) -> None:
    """Record the pipeline step of a passed vote, dated the meeting day, linked to the meeting; the rules
    engine reads the vote from the decision just saved."""
    pipeline.advance(person_id, stage, meeting.date, document_ref=decision.document_number, note=decision.title,
                     meeting_id=meeting.id, confirm_warnings=confirm_warnings)


def _first_helper_step(person: Person) -> bool:
    """Whether a helper assignment is also the sympathiser's "helper assigned" step (S2)."""
    if person.status != Status.SYMPATHISER:
        return False
    recorded = {s for (s,) in StageEvent.select(StageEvent.stage).where(StageEvent.person == person).tuples()}
    start = _PIPELINE_INDEX[Stage.HELPER_ASSIGNED]
    return not any(_PIPELINE_INDEX.get(s, -1) >= start for s in recorded)


def effect_applied(decision: Decision) -> bool:
    return bool(decision.passed) and decision.kind != DecisionKind.ORDINARY


def apply_effects(decision: Decision, meeting: Meeting, confirm_warnings: bool = False) -> None:
    """Move the pipeline for a passed decision; call inside the decision's transaction (RuleViolation
    from services.pipeline rolls it back)."""
    if not effect_applied(decision):
        return
    if decision.kind in STAGE_OF:
        _advance(decision.subject_id, STAGE_OF[decision.kind], meeting, decision, confirm_warnings)
        return
    if decision.kind == DecisionKind.HELPER_ASSIGNMENT:
        person = Person.get_by_id(decision.subject_id)
        first_step = _first_helper_step(person)
        sponsorships.assign(decision.sponsor_id, person.id, helper_role(person), meeting.date,
                            meeting_id=meeting.id, policy_version=decision.policy_version)
        if first_step:
            _advance(person.id, Stage.HELPER_ASSIGNED, meeting, decision, confirm_warnings)


def _latest_event(person_id: int) -> StageEvent | None:
    return (StageEvent.select().where(StageEvent.person == person_id)
            .order_by(StageEvent.date.desc(), StageEvent.id.desc()).first())


def _undo_stage(person_id: int, stage: str, meeting: Meeting) -> None:
    event = (StageEvent.select().where((StageEvent.person == person_id) & (StageEvent.stage == stage)
                                       & (StageEvent.meeting == meeting)).order_by(StageEvent.id.desc()).first())
    if event is None:
        return
    latest = _latest_event(person_id)
    person = Person.get_by_id(person_id)
    if latest is None or latest.id != event.id:
        raise ValidationError({"decision": _("Steps were recorded for {name} after this vote; remove them from "
                                             "the person's history first.").format(name=person.full_name)})
    before_person = audit.snapshot(person)
    before_event = audit.snapshot(event)
    event.delete_instance()
    audit.record("delete", "stageevent", event.uid, before_event, None)
    # The status goes back to the one the previous step gave.
    for previous in (StageEvent.select().where(StageEvent.person == person_id)
                     .order_by(StageEvent.date.desc(), StageEvent.id.desc())):
        status = Stage.STATUS_AFTER.get(previous.stage)
        if status:
            person.status = status
            break
    person.save()
    audit.record_change("update", person, before_person)


def revert_effects(decision: Decision, meeting: Meeting) -> None:
    """Undo what a passed decision changed; call inside the deleting transaction."""
    if not effect_applied(decision):
        return
    if decision.kind in STAGE_OF:
        _undo_stage(decision.subject_id, STAGE_OF[decision.kind], meeting)
        return
    if decision.kind == DecisionKind.HELPER_ASSIGNMENT:
        _undo_stage(decision.subject_id, Stage.HELPER_ASSIGNED, meeting)
        for row in Sponsorship.select().where((Sponsorship.meeting == meeting)
                                              & (Sponsorship.person == decision.subject_id)
                                              & (Sponsorship.sponsor == decision.sponsor_id)):
            before = audit.snapshot(row)
            row.delete_instance()
            audit.record("delete", "sponsorship", row.uid, before, None)
