"""The strike-off reminder for Party fees: a member who has not paid for three months of a year without valid
reason (Party Charter Article 8.2; Regulation 01-QĐ/TW, Article 2), counted as core.rules.strike_off counts:
a month counts once it has ended, unpaid and owed. Where the local setting counts months without activity and
months without fees together, their sum is checked too (the months without activity alone are reminded by
services.people.reminders).
"""

from __future__ import annotations

import datetime as dt

from desktop_app.core import rules
from desktop_app.core.enums import Status
from desktop_app.core.rules import Month
from desktop_app.i18n import _
from desktop_app.services.fees import dues
from desktop_app.services.people.reminders import WARNING, Reminder, unexcused_months
from desktop_app.store.models import Person


def _members(branch_id: int | None) -> list[int]:
    query = Person.select(Person.id).where(Person.deleted_at.is_null() & Person.status.in_(Status.MEMBERS))
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    return [pid for (pid,) in query.tuples()]


def strike_off_reminders(on: dt.date, branch_id: int | None = None) -> list[Reminder]:
    """A reminder for each member whose unpaid months of *on*'s year (or, where the setting says so, unpaid
    months and months without activity together) reach the strike-off trigger."""
    year = on.year
    policy = rules.policy_for(on)
    accounts = dues.accounts(_members(branch_id), Month.of(on), since=Month(year, 1))
    absent = unexcused_months(on, branch_id) if policy.strike_off_counts_together else {}
    items = []
    for pid, acc in accounts.items():
        unpaid = acc.unpaid_in_year(year, on)
        if not unpaid and pid not in absent:
            continue
        findings = [f for f in rules.strike_off_grounds(year, unpaid=unpaid, on=on)]
        if not findings and pid in absent:
            together = rules.strike_off_grounds(year, skipped=absent[pid].months, unpaid=unpaid, on=on)
            findings = [f for f in together if f.rule_id == "strike_off_counts_together"]
        for finding in findings:
            s = acc.standing
            months = sorted(set(unpaid) | (absent[pid].months if pid in absent else set()))
            items.append(Reminder("fees_unpaid", months[-1].last_day, pid, s.branch_id,
                                  _("{name}: {finding}").format(name=s.full_name, finding=finding.message),
                                  finding.source, finding.policy_version or policy.version, WARNING,
                                  s.full_name))
    return sorted(items, key=lambda r: (r.due, r.title))
