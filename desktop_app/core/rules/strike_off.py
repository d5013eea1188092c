"""The grounds on which a branch considers striking a member off (xóa tên; Party Charter Article 8.2,
Regulation 294-QĐ/TW point 8.1; domain.md §3.4 and §6), for the reminders.

How to call it::

    skipped = months_with_unexcused_absence(dates_absent_without_reason)
    unpaid = fees.unpaid_months_in_year(2026, due, paid, on=today, excused=accepted)
    found = strike_off_grounds(2026, skipped=skipped, unpaid=unpaid, grades_by_year=grades, on=today)

Each ground is a warning citing its rule (the branch considers the case; nothing is blocked):

* three months in a calendar year without Party activity and without valid reason (months with an absence
  not excused), counted with :func:`.meetings.strike_off_due` as the absence reminder counts them;
* three months in a calendar year of fees not paid without valid reason (:func:`.fees.unpaid_months_in_year`);
* where the local setting ``strike_off_counts_together`` says so (UNCONFIRMED reading of Article 8.2), months
  of either kind together;
* graded "did not complete tasks" two years running (:func:`.grading.failed_years_running`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from desktop_app.core.member_codes import Grade
from desktop_app.core.rules.findings import Findings
from desktop_app.core.rules.grading import failed_years_running
from desktop_app.core.rules.meetings import strike_off_due
from desktop_app.core.rules.months import Month
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.registry import policy_for
from desktop_app.i18n import _, ngettext


def months_with_unexcused_absence(days: Iterable[dt.date]) -> set[Month]:
    """The months in which the member missed a meeting without valid reason (one month however many meetings)."""
    return {Month.of(day) for day in days}


def _listed(months: Iterable[Month]) -> str:
    return ", ".join(str(m) for m in sorted(months))


def strike_off_grounds(year: int, *, skipped: Iterable[Month] = (), unpaid: Iterable[Month] = (),
                       grades_by_year: Mapping[int, str] | None = None, on: dt.date | None = None,
                       policy: Policy | None = None) -> Findings:
    """Warnings for each strike-off ground met in *year* (months outside *year* are ignored)."""
    policy = policy or policy_for(on or dt.date(year, 12, 31))
    found = Findings(policy)
    skipped = {m for m in skipped if m.year == year}
    unpaid = {m for m in unpaid if m.year == year}
    source = policy.source("strike_off_months")
    if strike_off_due(len(skipped), policy=policy):
        found.warning("strike_off_months", ngettext(
            "No Party activity without valid reason in {count} month of {year} ({months}): the branch considers "
            "striking the member off ({source}).",
            "No Party activity without valid reason in {count} months of {year} ({months}): the branch considers "
            "striking the member off ({source}).", len(skipped)).format(
            count=len(skipped), year=year, months=_listed(skipped), source=source))
    if strike_off_due(len(unpaid), policy=policy):
        found.warning("strike_off_months", ngettext(
            "Party fees not paid without valid reason for {count} month of {year} ({months}): the branch "
            "considers striking the member off ({source}).",
            "Party fees not paid without valid reason for {count} months of {year} ({months}): the branch "
            "considers striking the member off ({source}).", len(unpaid)).format(
            count=len(unpaid), year=year, months=_listed(unpaid), source=source))
    together = skipped | unpaid
    if (policy.strike_off_counts_together and not found and strike_off_due(len(together), policy=policy)):
        found.warning("strike_off_counts_together", ngettext(
            "No Party activity or no Party fees without valid reason in {count} month of {year} ({months}): the "
            "branch considers striking the member off ({source}).",
            "No Party activity or no Party fees without valid reason in {count} months of {year} ({months}): the "
            "branch considers striking the member off ({source}).", len(together)).format(
            count=len(together), year=year, months=_listed(together),
            source=policy.source("strike_off_counts_together")))
    if grades_by_year and failed_years_running(grades_by_year, year, policy=policy):
        years = range(year - policy.strike_off_failed_years + 1, year + 1)
        found.warning("strike_off_failed_years", _(
            "Graded “{grade}” in {years}: the branch considers striking the member off ({source}).").format(
            grade=Grade.label(Grade.NOT_COMPLETED), years=", ".join(map(str, years)),
            source=policy.source("strike_off_failed_years")))
    return found
