"""The rules of each admission step (domain.md §1.2), one function per stage.

Each function adds findings for the step dated *on*. Paperwork missing at an early step is a
warning (it may be entered later); at the branch vote the dossier must be complete, the
certificate valid, the age in range and the vote carried on the right denominator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from desktop_app.core.enums import DossierCode, Stage, Status
from desktop_app.core.rules import periods
from desktop_app.core.rules.facts import CaseFacts, VoteFacts
from desktop_app.core.rules.findings import ERROR, WARNING, Findings
from desktop_app.core.rules.months import add_months, complete_months
from desktop_app.core.rules.votes import vote_passes, votes_needed
from desktop_app.i18n import _, format_date

# Introductions and opinions go stale after 12 months without a branch vote (domain.md §1.2).
STALE_CODES = ("3-KNĐ", "4-KNĐ", "4A-KNĐ", "5-KNĐ")
RECOGNITION_PAPERS = ("10-KNĐ", "11-KNĐ", "12-KNĐ")


def _age(months: int) -> str:
    return _("{years} years {months} months").format(years=months // 12, months=months % 12)


def _missing(found: Findings, rule: str, codes, facts: CaseFacts, severity: str) -> None:
    for code in codes:
        if code not in facts.dossier:
            found.add(severity, rule, _("The dossier lacks {code} ({title}) ({source}).").format(
                code=code, title=DossierCode.label(code), source=found.policy.source(rule)))


def _require_stage(facts: CaseFacts, stage: str, found: Findings) -> dt.date | None:
    day = facts.stages.get(stage)
    if day is None:
        found.error("stage_order", _("“{stage}” must be recorded first.").format(stage=Stage.label(stage)))
    return day


# ---- checks shared by several steps ------------------------------------------------------------


def check_age_at_vote(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    policy = found.policy
    if facts.birth_date is None:
        found.error("min_age_months", _("The date of birth is needed to check the age at the branch vote."))
        return
    months = periods.age_in_months(facts.birth_date, on)
    if months < policy.min_age_months:
        found.error("min_age_months", _(
            "On {date} the person is {age} old, under the minimum age of 18 ({source}); "
            "18 years are complete on {when}.").format(
            date=format_date(on), age=_age(months), source=policy.source("min_age_months"),
            when=format_date(add_months(facts.birth_date, policy.min_age_months))))
    elif months > policy.max_age_months:
        text = _("On {date} the person is {age} old, over 60 ({source}).").format(
            date=format_date(on), age=_age(months), source=policy.source("max_age_months"))
        if facts.over_age_consent:
            found.warning("over_age", text + " " + _(
                "The written consent of the provincial standing board is recorded ({source}).").format(
                source=policy.source("over_age")))
        else:
            found.error("over_age", text + " " + _(
                "Admission needs the prior written consent of the provincial standing board ({source}).").format(
                source=policy.source("over_age")))


def check_certificate(facts: CaseFacts, on: dt.date, found: Findings, severity: str) -> None:
    policy = found.policy
    issued = facts.dossier.get("CN-NTVĐ")
    if "CN-NTVĐ" not in facts.dossier or issued is None:
        found.add(severity, "certificate_valid_months", _(
            "The awareness-class certificate (CN-NTVĐ) and its date are not recorded ({source}).").format(
            source=policy.source("certificate_valid_months")))
        return
    if not periods.certificate_valid(issued, on, policy=policy):
        expiry = periods.certificate_expiry(issued, policy=policy)
        found.add(severity, "certificate_valid_months", _(
            "The awareness-class certificate expired on {date} ({months} months, {source}).").format(
            date=format_date(expiry.date), months=policy.certificate_valid_months, source=expiry.source))


def check_introductions(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    """Two eligible official members, or one with the Youth Union or Trade Union executive (Charter Art. 4.1)."""
    policy = found.policy
    eligible = 0
    for person in facts.introducers:
        name = person.name or _("An introducer")
        if not person.is_official:
            found.error("introducer_months", _("{name} is not an official member and cannot introduce ({source}).")
                        .format(name=name, source=policy.source("introducer_months")))
        elif person.together_since is None:
            found.error("introducer_months", _(
                "{name}: the date since when they have worked or lived alongside the applicant is not recorded "
                "({source}).").format(name=name, source=policy.source("introducer_months")))
        elif not periods.introducer_eligible(True, person.together_since, on, policy=policy):
            found.error("introducer_months", _(
                "{name} has worked or lived alongside the applicant for {months} months, less than {needed} "
                "({source}); eligible from {when}.").format(
                name=name, months=max(complete_months(person.together_since, on), 0),
                needed=policy.introducer_months, source=policy.source("introducer_months"),
                when=format_date(add_months(person.together_since, policy.introducer_months))))
        else:
            if not person.active:
                found.warning("introducer_months", _("{name} is no longer a member of the organisation.").format(
                    name=name))
            eligible += 1
    union = (facts.youth_union and "4-KNĐ" in facts.dossier) or (facts.trade_union and "4A-KNĐ" in facts.dossier)
    if eligible >= 2 or (eligible >= 1 and union):
        pass
    else:
        found.error("introductions", _(
            "Admission needs two eligible official members to introduce, or one together with the Youth Union "
            "(4-KNĐ) or Trade Union (4A-KNĐ) executive; {count} eligible recorded ({source}).").format(
            count=eligible, source=policy.source("introductions")))
    if (facts.birth_date and periods.youth_age(facts.birth_date, on, policy=policy) and not facts.youth_union):
        found.warning("youth_union", _(
            "A person of Youth Union age must be a Youth Union member where the Union is organised ({source}).")
            .format(source=policy.source("youth_union")))


def check_vote(vote: VoteFacts | None, kind: str, on: dt.date, found: Findings) -> None:
    policy = found.policy
    rule = f"{kind}_vote"
    if vote is None:
        found.error(rule, _("Enter the vote: official members, those not counted and the votes in favour ({source}).")
                    .format(source=policy.source(rule)))
        return
    if min(vote.yes, vote.no, vote.abstain, vote.official_members, vote.not_counted) < 0:
        found.error(rule, _("Vote counts cannot be negative."))
        return
    denominator = vote.computed_denominator
    if vote.denominator is not None and vote.denominator != denominator:
        found.error("denominator_excludes", _(
            "The denominator recorded ({recorded}) differs from official members less those not counted "
            "({computed}) ({source}).").format(recorded=vote.denominator, computed=denominator,
                                               source=policy.source("denominator_excludes")))
    if kind != "committee" and vote.official_members < policy.min_official_members:
        found.error("min_official_members", _(
            "A branch with fewer than {count} official members cannot vote on this ({source}).").format(
            count=policy.min_official_members, source=policy.source("min_official_members")))
    if denominator > 0 and vote.yes + vote.no + vote.abstain > denominator:
        found.error(rule, _("More votes ({votes}) than members counted ({denominator}).").format(
            votes=vote.yes + vote.no + vote.abstain, denominator=denominator))
    if not vote_passes(vote.yes, vote.official_members, vote.not_counted, kind, policy=policy):
        needed = votes_needed(denominator, kind, policy=policy)
        found.error(rule, _(
            "The vote did not pass: {yes} in favour of {denominator} counted, {needed} needed ({source}).").format(
            yes=vote.yes, denominator=max(denominator, 0), needed=needed if needed is not None else "—",
            source=policy.source(rule)))
        if kind == "recognition" and vote.failed_before + 1 >= policy.failed_votes_escalation:
            found.warning("failed_votes_escalation", _(
                "{count} votes without two thirds: report to the committee directly above ({source}).").format(
                count=vote.failed_before + 1, source=policy.source("failed_votes_escalation")))


# ---- one function a stage -------------------------------------------------------------------


def _sympathiser_list(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    policy = found.policy
    if facts.birth_date and periods.age_in_months(facts.birth_date, on) > policy.max_age_months \
            and not facts.over_age_consent:
        found.warning("over_age", _("The person is over 60: admission will need the written consent of the "
                                    "provincial standing board ({source}).").format(source=policy.source("over_age")))


def _awareness_class(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    _missing(found, "dossier_admission", ("CN-NTVĐ",), facts, WARNING)


def _application(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    _missing(found, "dossier_admission", ("1-KNĐ",), facts, WARNING)
    if facts.dossier.get("CN-NTVĐ"):
        check_certificate(facts, on, found, WARNING)


def _history(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    _missing(found, "dossier_admission", ("2-KNĐ",), facts, WARNING)
    application, history = facts.dossier.get("1-KNĐ"), facts.dossier.get("2-KNĐ")
    if "1-KNĐ" not in facts.dossier or (application and history and application > history):
        found.warning("application_first", _(
            "The application (1-KNĐ) comes before the personal history (2-KNĐ) ({source}).").format(
            source=found.policy.source("application_first")))


def _introductions(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    _missing(found, "dossier_admission", ("3-KNĐ",), facts, WARNING)
    check_introductions(facts, on, found)


def _opinions(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    _missing(found, "dossier_admission", ("5-KNĐ",), facts, WARNING)


def _branch_resolution(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    policy = found.policy
    check_age_at_vote(facts, on, found)
    check_certificate(facts, on, found, ERROR)
    _missing(found, "dossier_admission", [c for c in DossierCode.BEFORE_ADMISSION if c != "CN-NTVĐ"], facts, ERROR)
    check_introductions(facts, on, found)
    for code in STALE_CODES:
        made = facts.dossier.get(code)
        if made and periods.dossier_stale(made, on, policy=policy):
            found.error("dossier_stale_months", _(
                "{code} of {date} is more than {months} months old and must be redone ({source}).").format(
                code=code, date=format_date(made), months=policy.dossier_stale_months,
                source=policy.source("dossier_stale_months")))
    check_vote(facts.vote, "admission", on, found)


def _committee_resolution(facts: CaseFacts, on: dt.date, found: Findings) -> None:
    if facts.grassroots_branch:
        found.warning("grassroots_branch", _(
            "A grassroots branch sends its resolution directly to the committee above; there is no grassroots "
            "committee resolution ({source}).").format(source=found.policy.source("grassroots_branch")))
    if facts.vote is not None:
        check_vote(facts.vote, "committee", on, found)


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
    _missing(found, "dossier_recognition", ("CN-ĐVM",), facts, WARNING)


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
    _missing(found, "dossier_recognition", RECOGNITION_PAPERS, facts, ERROR)
    _missing(found, "new_member_class_required", ("CN-ĐVM",), facts,
             ERROR if policy.new_member_class_required else WARNING)
    _missing(found, "history_declaration_working_days", ("LLĐV", "PĐV"), facts, WARNING)
    check_vote(facts.vote, "recognition", on, found)


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
