"""Exemptions from Party fees and reductions of them (Regulation 01-QĐ/TW, Article 5, point 1; under Decision
342-QĐ/TW the committee decided them case by case).

A :class:`FeeRelief` runs from its ``first`` month to its ``last`` (None: until revoked): ``percent`` 100 is an
exemption, 30, 50 or 70 a reduction of that share of the fee. What the rule says:

* exempt without any decision: members with 50 or more years of party age (:func:`.fees.monthly_fee` checks it
  from the admission date) and members drawing the social retirement allowance (ground ``social_pension``);
* exempt on application to the branch: members of a poor or near-poor household or gravely ill;
* other members in financial hardship, on application: exempted, or the fee reduced by 30 %, 50 % or 70 %;
* each exemption or reduction granted on application lasts at most 12 months (``fee_relief_max_months``).

:func:`check_relief` gives the translated reasons a relief cannot be recorded (empty when it can).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.member_codes import FeeReliefGround
from desktop_app.core.rules.months import Month, months_between
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.registry import policy_for
from desktop_app.i18n import _, format_number

EXEMPT = 100  # the percent of an exemption


@dataclass(frozen=True)
class FeeRelief:
    """An exemption (``percent`` 100) or reduction of one member's fee from ``first`` to ``last`` (both months
    included; None: open-ended)."""

    percent: int
    first: Month
    last: Month | None = None
    ground: str = FeeReliefGround.HARDSHIP
    decision: str = ""  # the decision's number and date, as written on it

    @property
    def exempt(self) -> bool:
        return self.percent >= EXEMPT

    def covers(self, month: Month) -> bool:
        return self.first <= month and (self.last is None or month <= self.last)

    def describe(self) -> str:
        """'Exempt from fees (Poor household)' / 'Fee reduced by 50% (Other financial hardship)', translated."""
        ground = FeeReliefGround.label(self.ground)
        if self.exempt:
            return _("Exempt from fees ({ground})").format(ground=ground)
        return _("Fee reduced by {percent}% ({ground})").format(percent=format_number(self.percent), ground=ground)


def relief_for_month(reliefs: Iterable[FeeRelief], month: Month) -> FeeRelief | None:
    """The relief in force in *month*: of those covering it, the one that started last."""
    covering = [r for r in reliefs if r.covers(month)]
    return max(covering, key=lambda r: r.first) if covering else None


def check_relief(percent: int, first: Month, last: Month | None, ground: str, *,
                 policy: Policy | None = None) -> dict[str, str]:
    """{field: translated reason} for a relief that the rules do not allow (empty when they do).

    The rule in force in the *first* month applies. Fields: "percent", "last_month", "ground".
    """
    policy = policy or policy_for(first.last_day)
    errors: dict[str, str] = {}
    if ground not in FeeReliefGround.codes():
        errors["ground"] = _("Choose why the member is exempted or pays less.")
    if not 0 < percent <= EXEMPT:
        errors["percent"] = _("A reduction is a share from 1% to 100% of the fee.")
    elif percent < EXEMPT and policy.fee_reduction_percents and percent not in policy.fee_reduction_percents:
        allowed = ", ".join(f"{format_number(p)}%" for p in policy.fee_reduction_percents)
        errors["percent"] = _("The fee may be reduced by {allowed} only ({source}).").format(
            allowed=allowed, source=policy.source("fee_reduction_percents"))
    if ground == FeeReliefGround.SOCIAL_PENSION and percent < EXEMPT:
        errors.setdefault("percent", _("A member drawing the social retirement allowance is exempt, not reduced "
                                       "({source}).").format(source=policy.source("fee_relief")))
    if last is not None and last < first:
        errors["last_month"] = _("The last month cannot come before the first.")
    elif ground not in FeeReliefGround.BY_RULE and policy.fee_relief_max_months is not None:
        limit = policy.fee_relief_max_months
        if last is None or len(months_between(first, last)) > limit:
            errors["last_month"] = _("Each exemption or reduction lasts at most {n} months; give the last month "
                               "({source}).").format(n=limit, source=policy.source("fee_relief_max_months"))
    return errors
