"""Re-admission of a former member (kết nạp lại; Regulation 294-QĐ/TW point 3.5; domain.md §1.1 and §1.7).

How to call it: describe the person's past leaving with :class:`PastLeaving` and ask

    check_readmission(past, on)          # Findings: errors when the person may not be re-admitted on *on*
    readmission_possible_from(past)      # the first day the waiting periods allow, None if never

The pipeline does this for every step when ``CaseFacts.past_leaving`` is set (warnings at the early steps,
errors when the branch votes). The rules:

* never re-admitted: those who quit Party activity of their own accord; those who applied to leave, unless for
  very difficult family circumstances; those who caused serious disunity; those convicted of corruption or of a
  serious or graver offence (point 3.5.2);
* otherwise at least 36 months after leaving (the date of the decision by which the person left), and at least
  60 months after the criminal record of a less serious offence was cleared (point 3.5.1). Months are counted as
  in :mod:`.months`: left on 10/03/2023 → possible from 10/03/2026, not on 09/03/2026.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core.member_codes import ConvictionKind, LeavingKind
from desktop_app.core.rules.findings import ERROR, Findings
from desktop_app.core.rules.months import add_months
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.registry import policy_for
from desktop_app.i18n import _, format_date


@dataclass(frozen=True)
class PastLeaving:
    """How and when the person left the Party before."""

    left_on: dt.date  # date of the decision by which the person left (expulsion, striking off, leaving)
    how: str = LeavingKind.STRUCK_OFF  # LeavingKind code
    quit_activity: bool = False  # left because they quit Party activity of their own accord
    family_hardship: bool = False  # left on request because of very difficult family circumstances
    serious_disunity: bool = False  # caused serious disunity in the Party
    conviction: str = ConvictionKind.NONE  # ConvictionKind code
    record_cleared_on: dt.date | None = None  # criminal record cleared (xóa án tích), for a less serious offence

    def __post_init__(self) -> None:
        if self.how not in LeavingKind.codes():
            raise ValueError(f"unknown way of leaving {self.how!r}")
        if self.conviction not in ConvictionKind.codes():
            raise ValueError(f"unknown conviction kind {self.conviction!r}")


def barred_reasons(past: PastLeaving) -> list[str]:
    """Translated reasons the person can never be re-admitted (empty when none applies)."""
    reasons = []
    if past.quit_activity:
        reasons.append(_("quit Party activity of their own accord"))
    if past.how == LeavingKind.LEFT_ON_REQUEST and not past.family_hardship:
        reasons.append(_("applied to leave the Party for reasons other than very difficult family circumstances"))
    if past.serious_disunity:
        reasons.append(_("caused serious disunity"))
    if past.conviction == ConvictionKind.CORRUPTION:
        reasons.append(_("convicted of corruption"))
    elif past.conviction == ConvictionKind.SERIOUS:
        reasons.append(_("convicted of a serious or graver offence"))
    return reasons


def readmission_possible_from(past: PastLeaving, *, policy: Policy | None = None) -> dt.date | None:
    """The first day the waiting periods allow re-admission; None when never (or the record is not cleared)."""
    policy = policy or policy_for(past.left_on)
    if barred_reasons(past):
        return None
    day = add_months(past.left_on, policy.readmission_wait_months)
    if past.conviction == ConvictionKind.LESS_SERIOUS:
        if past.record_cleared_on is None:
            return None
        day = max(day, add_months(past.record_cleared_on, policy.readmission_record_cleared_months))
    return day


def check_readmission(past: PastLeaving, on: dt.date, *, policy: Policy | None = None,
                      severity: str = ERROR, found: Findings | None = None) -> Findings:
    """Whether a former member may be re-admitted when the branch considers it on *on*.

    Every finding has *severity* (errors by default; the early pipeline steps pass WARNING). Adds to *found*
    when given, else returns new findings under the policy in force on *on*.
    """
    policy = policy or (found.policy if found is not None and found.policy else policy_for(on))
    found = found if found is not None else Findings(policy)
    reasons = barred_reasons(past)
    if reasons:
        found.add(severity, "readmission_barred", _(
            "A former member who {reasons} is never re-admitted ({source}).").format(
            reasons="; ".join(reasons), source=policy.source("readmission_barred")))
        return found
    wait_until = add_months(past.left_on, policy.readmission_wait_months)
    if on < wait_until:
        found.add(severity, "readmission_wait_months", _(
            "Re-admission needs at least {months} months after leaving the Party on {left}: possible from {date} "
            "({source}).").format(months=policy.readmission_wait_months, left=format_date(past.left_on),
                                  date=format_date(wait_until), source=policy.source("readmission_wait_months")))
    if past.conviction == ConvictionKind.LESS_SERIOUS:
        rule = "readmission_record_cleared_months"
        if past.record_cleared_on is None:
            found.add(severity, rule, _(
                "The criminal record of the less serious offence must be cleared first; re-admission is possible "
                "{months} months after that ({source}).").format(
                months=policy.readmission_record_cleared_months, source=policy.source(rule)))
        else:
            cleared_until = add_months(past.record_cleared_on, policy.readmission_record_cleared_months)
            if on < cleared_until:
                found.add(severity, rule, _(
                    "Re-admission needs at least {months} months after the criminal record was cleared on "
                    "{cleared}: possible from {date} ({source}).").format(
                    months=policy.readmission_record_cleared_months, cleared=format_date(past.record_cleared_on),
                    date=format_date(cleared_until), source=policy.source(rule)))
    return found
