"""The rules of each admission step (domain.md §1.2), one function per stage.

Each function adds findings for the step dated *on*. Paperwork missing at an early step is a
warning (it may be entered later); at the branch vote the dossier must be complete, the
certificate valid, the age in range and the vote carried on the right denominator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from desktop_app.core.enums import DossierCode, Stage, Status
from desktop_app.core.rules import checks, periods
from desktop_app.core.rules.facts import CaseFacts
from desktop_app.core.rules.findings import ERROR, WARNING, Findings
from desktop_app.core.rules.readmission import check_readmission
from desktop_app.i18n import _, format_date

# Introductions and opinions go stale after 12 months without a branch vote (domain.md §1.2).
STALE_CODES = ("3-KNĐ", "4-KNĐ", "4A-KNĐ", "5-KNĐ")
RECOGNITION_PAPERS = ("10-KNĐ", "11-KNĐ", "12-KNĐ")


def _require_stage(facts: CaseFacts, stage: str, found: Findings) -> dt.date | None:
    day = facts.stages.get(stage)
    if day is None:
        found.error("stage_order", _("“{stage}” must be recorded first.").format(stage=Stage.label(stage)))
    return day


def _readmission(facts: CaseFacts, on: dt.date, found: Findings, severity: str) -> None:
    """A former member: the re-admission rules, as warnings before the branch votes and errors at the vote."""
    if facts.past_leaving is not None:
        check_readmission(facts.past_leaving, on, severity=severity, found=found)


# ---- one function a stage -------------------------------------------------------------------


def _sympathiser_list(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    policy = found.policy
    _readmission(facts, on, found, WARNING)
    if facts.birth_date and periods.age_in_months(facts.birth_date, on) > policy.max_age_months \
            and not facts.over_age_consent:
        found.warning("over_age", _("The person is over 60: admission will need the written consent of the "
                                    "provincial standing board ({source}).").format(source=policy.source("over_age")))


def _awareness_class(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    checks.missing(found, "dossier_admission", ("CN-NTVĐ",), facts, WARNING)


def _application(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    _readmission(facts, on, found, WARNING)
    checks.missing(found, "dossier_admission", ("1-KNĐ",), facts, WARNING)
    if facts.dossier.get("CN-NTVĐ"):
        checks.check_certificate(facts, on, found, WARNING)


def _history(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    checks.missing(found, "dossier_admission", ("2-KNĐ",), facts, WARNING)
    application, history = facts.dossier.get("1-KNĐ"), facts.dossier.get("2-KNĐ")
    if "1-KNĐ" not in facts.dossier or (application and history and application > history):
        found.warning("application_first", _(
            "The application (1-KNĐ) comes before the personal history (2-KNĐ) ({source}).").format(
            source=found.policy.source("application_first")))


def _introductions(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    checks.missing(found, "dossier_admission", ("3-KNĐ",), facts, WARNING)
    checks.check_introductions(facts, on, found)


def _opinions(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    checks.missing(found, "dossier_admission", ("5-KNĐ",), facts, WARNING)


def _branch_resolution(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    policy = found.policy
    _readmission(facts, on, found, ERROR)
    checks.check_age_at_vote(facts, on, found)
    checks.check_certificate(facts, on, found, ERROR)
    papers = [c for c in DossierCode.BEFORE_ADMISSION if c != "CN-NTVĐ"]
    checks.missing(found, "dossier_admission", papers, facts, ERROR)
    checks.check_introductions(facts, on, found)
    for code in STALE_CODES:
        made = facts.dossier.get(code)
        if made and periods.dossier_stale(made, on, policy=policy):
            found.error("dossier_stale_months", _(
                "{code} of {date} is more than {months} months old and must be redone ({source}).").format(
                code=code, date=format_date(made), months=policy.dossier_stale_months,
                source=policy.source("dossier_stale_months")))
    checks.check_vote(facts.vote, "admission", on, found)


def _committee_resolution(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    if facts.grassroots_branch:
        found.warning("grassroots_branch", _(
            "A grassroots branch sends its resolution directly to the committee above; there is no grassroots "
            "committee resolution ({source}).").format(source=found.policy.source("grassroots_branch")))
    if facts.vote is not None:
        checks.check_vote(facts.vote, "committee", on, found)


def _admission_decision(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    resolution = _require_stage(facts, Stage.BRANCH_RESOLUTION, found)
    if resolution is None:
        return
    _late_decision(resolution, on, "admission", found)


def _late_decision(resolution: dt.date, on: dt.date, kind: str, found: Findings) -> None:
    deadline = periods.decision_deadline(resolution, kind, policy=found.policy)
    if on <= deadline.date:
        return
    extended = periods.decision_deadline(resolution, kind, extended=True, policy=found.policy)
    policy = found.policy
    days = policy.decision_admission_working_days if kind == "admission" else policy.decision_recognition_working_days
    text = _("The decision is dated after the deadline of {date}, {days} working days after the branch resolution "
             "({source}).").format(date=format_date(deadline.date), days=days, source=deadline.source)
    if on > extended.date:
        text += " " + _("It is also past the longest extension ({date}).").format(date=format_date(extended.date))
    found.warning(deadline.rule_id, text)


def _ceremony(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    decision = _require_stage(facts, Stage.ADMISSION_DECISION, found)
    if decision is None:
        return
    received = facts.decision_received or decision
    if facts.decision_received and on < facts.decision_received:
        found.error("ceremony_before", _("The ceremony cannot precede the receipt of the decision ({date}).").format(
            date=format_date(received)))
        return
    deadline = periods.ceremony_deadline(received, policy=found.policy)
    if on > deadline.date and not facts.late_ceremony_consent:
        found.error(deadline.rule_id, _(
            "The ceremony is due within {days} working days of receiving the decision, by {date}; later needs the "
            "consent of the committee directly above ({source}).").format(
            days=found.policy.ceremony_working_days, date=format_date(deadline.date), source=deadline.source))


def _new_member_class(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    checks.missing(found, "dossier_recognition", ("CN-ĐVM",), facts, WARNING)


def _recognition_resolution(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    policy = found.policy
    ceremony = _require_stage(facts, Stage.CEREMONY, found)
    if ceremony is not None:
        end = periods.probation_end(ceremony, policy=policy)
        if on < end:
            found.error("probation_complete", _(
                "The 12 months of probation end on {date}; the branch votes on recognition after that ({source}).")
                .format(date=format_date(end), source=policy.source("probation_complete")))
        else:
            deadline = periods.recognition_vote_deadline(ceremony, policy=policy)
            if on > deadline.date:
                found.warning(deadline.rule_id, _(
                    "The recognition vote was due by {date} ({source}); the member is still official from {end}.")
                    .format(date=format_date(deadline.date), source=deadline.source, end=format_date(end)))
    checks.missing(found, "dossier_recognition", RECOGNITION_PAPERS, facts, ERROR)
    checks.missing(found, "new_member_class_required", ("CN-ĐVM",), facts,
             ERROR if policy.new_member_class_required else WARNING)
    checks.missing(found, "history_declaration_working_days", ("LLĐV", "PĐV"), facts, WARNING)
    checks.check_vote(facts.vote, "recognition", on, found)


def _recognition_decision(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    resolution = _require_stage(facts, Stage.RECOGNITION_RESOLUTION, found)
    if resolution is not None:
        _late_decision(resolution, on, "recognition", found)


def _exempted(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    if facts.status == Status.PROBATIONARY:
        found.warning("status", _("Exemption is normally for official members; check the grounds for a "
                                  "probationary member."))


CHECKS: dict[str, Callable[[CaseFacts, dt.date, Findings], None]] = {
    Stage.SYMPATHISER_LIST: _sympathiser_list,
    Stage.AWARENESS_CLASS: _awareness_class,
    Stage.APPLICATION: _application,
    Stage.HISTORY: _history,
    Stage.INTRODUCTIONS: _introductions,
    Stage.OPINIONS: _opinions,
    Stage.BRANCH_RESOLUTION: _branch_resolution,
    Stage.COMMITTEE_RESOLUTION: _committee_resolution,
    Stage.ADMISSION_DECISION: _admission_decision,
    Stage.CEREMONY: _ceremony,
    Stage.NEW_MEMBER_CLASS: _new_member_class,
    Stage.RECOGNITION_RESOLUTION: _recognition_resolution,
    Stage.RECOGNITION_DECISION: _recognition_decision,
    Stage.EXEMPTED: _exempted,
}
