"""Which months a payment of Party fees may be recorded for (Regulation 01-QĐ/TW, Articles 2 and 5; Decision
342-QĐ/TW before 02/2026).

Members pay month by month; a month may be paid once it has begun, and later (arrears), never for a month
before the member joined the Party or after they left it. Paying ahead is the exception: the rules let a member
exempt from activities because they work far away pay for the time of the exemption. How far ahead anyone may
pay is UNCONFIRMED and configurable: ``fee_advance_months`` (0 by default: the current month at most) and
``fee_exempt_advance_months`` (12) for members exempt from activities. The rule in force on the day the money
is received applies.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.core.rules.months import Month
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.registry import policy_for
from desktop_app.i18n import _, format_date, format_number

MAX_AMOUNT = 10**9  # đồng for one month: far above any fee, far below what the database holds

def last_payable_month(paid_on: dt.date, *, exempt: bool = False, policy: Policy | None = None) -> Month:
    """The latest month that may be paid for on *paid_on*."""
    policy = policy or policy_for(paid_on)
    ahead = policy.fee_exempt_advance_months if exempt else policy.fee_advance_months
    return Month.of(paid_on).shifted(ahead)


def check_payment(month: Month, amount: object, *, paid_on: dt.date, today: dt.date, member_from: dt.date | None,
                  member_until: dt.date | None = None, exempt: bool = False,
                  policy: Policy | None = None) -> dict[str, str]:
    """{field: translated reason} why this payment cannot be recorded (empty when it can).

    *member_from*: the day the person became a member (None: not known, refused); *member_until*: the day they
    stopped being one, if they did. Fields: "amount", "month", "paid_on".
    """
    policy = policy or policy_for(paid_on if paid_on <= today else today)
    errors: dict[str, str] = {}
    if isinstance(amount, bool) or not isinstance(amount, int):
        errors["amount"] = _("The amount must be a whole number of đồng.")
    elif amount < 0:
        errors["amount"] = _("A fee cannot be a negative amount.")
    elif amount == 0:
        errors["amount"] = _("Enter the amount paid (to undo a payment, clear it instead).")
    elif amount > MAX_AMOUNT:
        errors["amount"] = _("The amount cannot exceed {amount} đồng for one month.").format(
            amount=format_number(MAX_AMOUNT))
    if paid_on > today:
        errors["paid_on"] = _("The day the fee was received cannot be in the future.")
    if member_from is None:
        errors["month"] = _("The member's admission date is not recorded, so no fee can be recorded yet.")
    elif month < Month.of(member_from):
        errors["month"] = _("No fee is due for {month}: the member joined the Party on {date}.").format(
            month=month, date=format_date(member_from))
    elif member_until is not None and month.first_day >= member_until:
        errors["month"] = _("No fee is due for {month}: the member left on {date}.").format(
            month=month, date=format_date(member_until))
    if "month" not in errors and "paid_on" not in errors:
        last = last_payable_month(paid_on, exempt=exempt, policy=policy)
        if month > last:
            rule = "fee_exempt_advance_months" if exempt else "fee_advance_months"
            ahead = getattr(policy, rule)
            errors["month"] = (_(
                "Party fees are paid month by month: {month} cannot be paid on {date}, before it begins "
                "({source}).") if ahead == 0 else _(
                "{month} is too far ahead: on {date} fees may be paid up to {last} ({source}).")).format(
                month=month, date=format_date(paid_on), last=last, source=policy.source(rule))
    return errors
