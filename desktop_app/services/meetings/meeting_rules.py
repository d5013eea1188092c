"""The Party rules the meeting services apply, read from the rules engine (core.rules).

Every vote threshold goes through :func:`vote_outcome`, every denominator through
:func:`denominator`, and every meeting parameter (meeting day, minimum length, attendance quality)
through :func:`policy`, so the numbers and their sources live in one place: the policy in force
on the meeting's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core import rules
from desktop_app.core.enums import AttendanceStatus, DecisionKind, Status
from desktop_app.i18n import _

# Decisions that need two thirds of the official members; the others need more than half.
TWO_THIRDS_KINDS = (DecisionKind.ADMISSION, DecisionKind.RECOGNITION)


@dataclass(frozen=True)
class VoteOutcome:
    """A vote counted on the correct denominator."""

    denominator: int  # official members less those not counted
    needed: int | None  # "yes" votes needed to carry; None when no vote can carry (denominator 0)
    passed: bool
    rule: str  # "at least two thirds of the official members", translated
    source: str  # document and article, translated
    policy_version: str


def policy(on: dt.date) -> rules.Policy:
    """The rule parameters in force on *on*."""
    return rules.policy_for(on)


def vote_kind(kind: str) -> str:
    """The rules engine's vote kind for a DecisionKind."""
    return kind if kind in TWO_THIRDS_KINDS else "ordinary"


def denominator(official_rows: Iterable[tuple[str, str, bool]], on: dt.date) -> rules.Denominator:
    """The vote denominator from (member status, attendance status, reason accepted) of each official member
    summoned.

    Only an absence with a reason the convener accepted leaves the denominator (Regulation 294-QĐ/TW point
    9.3.2): "absent with reason" alone still counts. Exempt members count only when present.
    """
    members = [rules.SummonedMember(status, exempt=member_status == Status.EXEMPT,
                                    reason_accepted=status == AttendanceStatus.EXCUSED and bool(accepted))
               for member_status, status, accepted in official_rows]
    return rules.denominator_from_attendance(members, on=on)


def vote_outcome(kind: str, yes: int, official_members: int, not_counted: int, on: dt.date) -> VoteOutcome:
    """Whether *yes* votes carry a decision of *kind* (a DecisionKind) at a meeting held on *on*."""
    engine_kind = vote_kind(kind)
    pol = policy(on)
    base = max(official_members - not_counted, 0)
    needed = rules.votes_needed(base, engine_kind, policy=pol)
    passed = rules.vote_passes(yes, official_members, min(not_counted, official_members), engine_kind, policy=pol)
    if engine_kind == "ordinary":
        rule = _("more than half of the official members")
    else:
        rule = _("at least two thirds of the official members")
    return VoteOutcome(base, needed, passed, rule, pol.source(rules.vote_rule_id(engine_kind)), pol.version)


def min_official_members(on: dt.date) -> tuple[int, str]:
    pol = policy(on)
    return pol.min_official_members, pol.source("min_official_members")


def meeting_day(on: dt.date) -> int | None:
    return policy(on).meeting_day


def min_minutes(kind: str, on: dt.date) -> tuple[int, str] | None:
    """The minimum length of a meeting of *kind* and its source; None for extraordinary meetings."""
    from desktop_app.core.enums import MeetingKind

    pol = policy(on)
    minimum = rules.meeting_min_minutes(kind, policy=pol)
    if minimum is None:
        return None
    name = "combined_meeting_min_minutes" if kind == MeetingKind.COMBINED else "meeting_min_minutes"
    return minimum, pol.source(name)
