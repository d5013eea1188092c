"""Checking a step before it is recorded: ``check_transition(facts, stage, on)``.

Generic checks here (the person's status allows the step, steps go forward, dates do not go
back); the rules of each admission step are in :mod:`.stage_checks`. Errors block the step;
warnings are shown and confirmed.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.core.enums import Stage, Status
from desktop_app.core.rules import stage_checks
from desktop_app.core.rules.facts import CaseFacts
from desktop_app.core.rules.findings import Findings
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.registry import policy_for
from desktop_app.i18n import _, format_date

_PIPELINE_INDEX = {stage: i for i, stage in enumerate(Stage.PIPELINE)}
_ADMISSION_END = _PIPELINE_INDEX[Stage.ADMISSION_DECISION]

# The status a person must have for each step outside the admission pipeline.
_ALLOWED_STATUS = {
    Stage.EXEMPTED: (Status.OFFICIAL, Status.PROBATIONARY),
    Stage.RETURNED: (Status.EXEMPT,),
    Stage.TRANSFERRED_OUT: Status.MEMBERS,
    Stage.TRANSFERRED_IN: (None, "", Status.TRANSFERRED),
    Stage.STRUCK_OFF: Status.MEMBERS,
    Stage.DECEASED: Status.ACTIVE,
    Stage.DROPPED: Status.CANDIDATES,
}


def _allowed_statuses(stage: str) -> tuple:
    if stage in _ALLOWED_STATUS:
        return _ALLOWED_STATUS[stage]
    index = _PIPELINE_INDEX[stage]
    if stage == Stage.SOURCE:
        return (None, "", Status.PROSPECT)
    if index <= _ADMISSION_END or stage == Stage.CEREMONY:
        return Status.CANDIDATES
    return (Status.PROBATIONARY,)


def _optional(stage: str, facts: CaseFacts) -> bool:
    """Pipeline steps that do not apply to every case, so skipping them is no reason to warn."""
    if stage == Stage.PARTIAL_APPRAISAL:
        return not facts.partial_committee
    if stage == Stage.COMMITTEE_RESOLUTION:
        return facts.grassroots_branch or facts.authorised_committee
    return stage in (Stage.SOURCE, Stage.HELPER_ASSIGNED, Stage.NEW_MEMBER_CLASS)


def _check_status(facts: CaseFacts, stage: str, found: Findings) -> None:
    allowed = _allowed_statuses(stage)
    if facts.status in allowed:
        return
    if stage == Stage.EXEMPTED and facts.status == Status.EXEMPT:
        found.error("status", _("The member is already exempt from activities."))
        return
    found.error("status", _("“{stage}” cannot be recorded for a person whose status is “{status}”.").format(
        stage=Stage.label(stage), status=Status.label(facts.status) or _("none")))


def _check_order(facts: CaseFacts, stage: str, on: dt.date, found: Findings) -> None:
    index = _PIPELINE_INDEX[stage]
    if stage in facts.stages:
        found.error("stage_order", _("“{stage}” was already recorded on {date}.").format(
            stage=Stage.label(stage), date=format_date(facts.stages[stage])))
        return
    later = [s for s in Stage.PIPELINE[index + 1:] if s in facts.stages]
    if later:
        found.error("stage_order", _("“{stage}” comes before “{later}”, which is already recorded.").format(
            stage=Stage.label(stage), later=Stage.label(later[-1])))
        return
    skipped = [s for s in Stage.PIPELINE[:index] if s not in facts.stages and not _optional(s, facts)]
    if skipped:
        found.warning("stage_order", _("Earlier steps not recorded: {steps}.").format(
            steps="; ".join(Stage.label(s) for s in skipped)))


def _check_dates(facts: CaseFacts, stage: str, on: dt.date, found: Findings) -> None:
    if facts.today is not None and on > facts.today:
        found.error("date_order", _("The date {date} is in the future.").format(date=format_date(on)))
    if stage not in _PIPELINE_INDEX:
        return
    index = _PIPELINE_INDEX[stage]
    earlier = [(s, facts.stages[s]) for s in Stage.PIPELINE[:index] if s in facts.stages]
    late = [(s, d) for s, d in earlier if d > on]
    if late:
        prev, prev_date = max(late, key=lambda item: item[1])
        found.error("date_order", _("The date {date} is before “{stage}” ({previous}).").format(
            date=format_date(on), stage=Stage.label(prev), previous=format_date(prev_date)))


def check_transition(facts: CaseFacts, stage: str, on: dt.date, *, policy: Policy | None = None) -> Findings:
    """Check that the person described by *facts* may move to *stage* on *on*.

    Returns the findings (empty when all is well). ValueError for an unknown stage code.
    """
    if stage not in Stage.codes():
        raise ValueError(f"unknown stage {stage!r}")
    found = Findings(policy or policy_for(on))
    _check_status(facts, stage, found)
    if stage in _PIPELINE_INDEX:
        _check_order(facts, stage, on, found)
    _check_dates(facts, stage, on, found)
    check = stage_checks.CHECKS.get(stage)
    if check is not None:
        check(facts, on, found)
    return found
