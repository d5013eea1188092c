"""Checks shared by several admission steps: age at the vote, the awareness-class certificate,
the introducers, and a vote on its denominator. Each adds findings citing its rule."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.enums import DossierCode
from desktop_app.core.rules import periods
from desktop_app.core.rules.facts import CaseFacts, VoteFacts
from desktop_app.core.rules.findings import Findings
from desktop_app.core.rules.months import add_months, complete_months
from desktop_app.core.rules.votes import vote_passes, votes_needed
from desktop_app.i18n import _, format_date


def age_text(months: int) -> str:
    return _("{years} years {months} months").format(years=months // 12, months=months % 12)


def missing(found: Findings, rule: str, codes, facts: CaseFacts, severity: str) -> None:
    for code in codes:
        if code not in facts.dossier:
            found.add(severity, rule, _("The dossier lacks {code} ({title}) ({source}).").format(
                code=code, title=DossierCode.label(code), source=found.policy.source(rule)))


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
            date=format_date(on), age=age_text(months), source=policy.source("min_age_months"),
            when=format_date(add_months(facts.birth_date, policy.min_age_months))))
    elif months > policy.max_age_months:
        text = _("On {date} the person is {age} old, over 60 ({source}).").format(
            date=format_date(on), age=age_text(months), source=policy.source("max_age_months"))
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
