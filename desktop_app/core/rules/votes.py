"""Vote thresholds and their denominators (domain.md §3.4), in exact integer arithmetic.

Admission and recognition need at least two thirds of the branch's official members (not of those
present); the denominator is the official members summoned less those the rules do not count
(Regulation 294-QĐ/TW point 9.3.2): introduced for temporary activity elsewhere, exempt members
who are absent (counted when they attend and vote), suspended / prosecuted / detained members,
and members absent throughout with a reason the convener accepted. Everyone else absent still
counts: 20 official members with 3 away on business → two thirds of 20, 14 "yes" needed.
Ordinary resolutions need more than half (Party Charter Article 9.5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.enums import AttendanceStatus
from desktop_app.core.rules.policy import Fraction, Policy
from desktop_app.core.rules.registry import policy_for

VOTE_KINDS = ("admission", "recognition", "ordinary", "committee")


def _fraction(kind: str, policy: Policy) -> Fraction:
    if kind == "admission":
        return policy.admission_vote
    if kind == "recognition":
        return policy.recognition_vote
    if kind == "ordinary":
        return policy.ordinary_vote
    if kind == "committee":
        return policy.committee_vote
    raise ValueError(f"unknown vote kind {kind!r}; expected one of {VOTE_KINDS}")


def vote_rule_id(kind: str) -> str:
    """The policy parameter that sets the threshold for *kind* (for citing its source)."""
    if kind not in VOTE_KINDS:
        raise ValueError(f"unknown vote kind {kind!r}; expected one of {VOTE_KINDS}")
    return f"{kind}_vote"


def votes_needed(denominator: int, kind: str = "admission", *, policy: Policy | None = None,
                 on: dt.date | None = None) -> int | None:
    """The fewest "yes" votes that carry a *kind* vote on *denominator*; None when none can (denominator ≤ 0).

    Two thirds: 9 → 6, 10 → 7, 20 → 14. More than half: 9 → 5, 10 → 6.
    """
    policy = policy or policy_for(on)
    num, den, strict = _fraction(kind, policy)
    if denominator <= 0:
        return None
    return num * denominator // den + 1 if strict else -(-num * denominator // den)


def vote_passes(yes: int, official_members: int, not_counted: int = 0, kind: str = "admission", *,
                policy: Policy | None = None, on: dt.date | None = None) -> bool:
    """Whether *yes* votes carry a *kind* vote among (official members − not counted).

    "admission"/"recognition"/"committee": 3 × yes ≥ 2 × denominator. "ordinary": 2 × yes > denominator.
    A denominator of 0 or less never passes. ValueError for an unknown kind or negative counts.
    """
    policy = policy or policy_for(on)
    num, den, strict = _fraction(kind, policy)
    if yes < 0 or official_members < 0 or not_counted < 0:
        raise ValueError("vote counts cannot be negative")
    denominator = official_members - not_counted
    if denominator <= 0:
        return False
    return yes * den > num * denominator if strict else yes * den >= num * denominator


@dataclass(frozen=True)
class SummonedMember:
    """One official member summoned to the meeting, for the denominator.

    ``status`` is an AttendanceStatus code; ``exempt`` marks a member exempt from activities (counted
    only when present); ``suspended`` one suspended, prosecuted or detained; ``reason_accepted`` an
    absence with a reason the convener accepted (an "excused" absence without it still counts).
    """

    status: str
    exempt: bool = False
    suspended: bool = False
    reason_accepted: bool = False


@dataclass(frozen=True)
class Denominator:
    """How the denominator was reached, for minutes and reports."""

    official_members: int
    elsewhere: int
    exempt_absent: int
    suspended: int
    absent_accepted: int
    value: int
    policy_version: str


def vote_denominator(official_members: int, *, elsewhere: int = 0, exempt_absent: int = 0, suspended: int = 0,
                     absent_accepted: int = 0, policy: Policy | None = None, on: dt.date | None = None) -> int:
    """Official members summoned less those not counted (point 9.3.2). ValueError on inconsistent counts."""
    return denominator_breakdown(official_members, elsewhere=elsewhere, exempt_absent=exempt_absent,
                                 suspended=suspended, absent_accepted=absent_accepted, policy=policy, on=on).value


def denominator_breakdown(official_members: int, *, elsewhere: int = 0, exempt_absent: int = 0, suspended: int = 0,
                          absent_accepted: int = 0, policy: Policy | None = None,
                          on: dt.date | None = None) -> Denominator:
    policy = policy or policy_for(on)
    counts = {"elsewhere": elsewhere, "exempt_absent": exempt_absent, "suspended": suspended,
              "absent_accepted": absent_accepted}
    if official_members < 0 or any(v < 0 for v in counts.values()):
        raise ValueError("member counts cannot be negative")
    excluded = sum(v for k, v in counts.items() if k in policy.denominator_excludes)
    if excluded > official_members:
        raise ValueError("more members excluded than there are official members")
    return Denominator(official_members, elsewhere, exempt_absent, suspended, absent_accepted,
                       official_members - excluded, policy.version)


def denominator_from_attendance(members: Iterable[SummonedMember | str], *, policy: Policy | None = None,
                                on: dt.date | None = None) -> Denominator:
    """The denominator from each official member's attendance (a status code or a :class:`SummonedMember`).

    Guests (temporary members from elsewhere) are not official members of this branch and are ignored.
    """
    official = elsewhere = exempt_absent = suspended = absent_accepted = 0
    for item in members:
        member = SummonedMember(item) if isinstance(item, str) else item
        if member.status == AttendanceStatus.GUEST:
            continue
        official += 1
        present = member.status == AttendanceStatus.PRESENT
        if member.status == AttendanceStatus.ELSEWHERE:
            elsewhere += 1
        elif member.suspended:
            suspended += 1
        elif (member.exempt or member.status == AttendanceStatus.EXEMPT) and not present:
            exempt_absent += 1
        elif member.status == AttendanceStatus.EXCUSED and member.reason_accepted:
            absent_accepted += 1
    return denominator_breakdown(official, elsewhere=elsewhere, exempt_absent=exempt_absent, suspended=suspended,
                                 absent_accepted=absent_accepted, policy=policy, on=on)
