"""What each member owes month by month, what they paid, and what is still owed.

A member's dues run from the later of the month they became a member and the month of their first fee basis
(before a basis is recorded nothing can be computed, so nothing is counted as owed: a file kept before fees were
recorded per member shows no false arrears), to the month asked about or the month before they left. Each
month's amount comes from core.rules.fees with the basis, the relief and the member's standing of that month.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from peewee import fn

from desktop_app.core import rules
from desktop_app.core.rules import Arrears, FeeBasis, FeeRelief, Month
from desktop_app.services.fees import bases as fee_bases
from desktop_app.services.fees.standing import Standing, standings
from desktop_app.store import raw
from desktop_app.store.models import FeePayment

_CHUNK = 500


@dataclass(frozen=True)
class Account:
    """One member's dues and payments up to a month."""

    standing: Standing
    dues: dict[Month, int | None]  # month → đồng owed (None: cannot be computed), months owed nothing left out
    paid: dict[Month, int]  # month paid for → đồng
    has_basis: bool

    @property
    def arrears(self) -> Arrears:
        """Months owed and not fully paid (months whose amount cannot be computed are left out)."""
        known = {m: a for m, a in self.dues.items() if a}
        return rules.arrears(known, {m: a for m, a in self.paid.items() if m in known})

    def arrears_before(self, month: Month) -> Arrears:
        items = tuple((m, owed) for m, owed in self.arrears.months if m < month)
        return Arrears(items)

    def unpaid_in_year(self, year: int, on: dt.date) -> list[Month]:
        """The months of *year* that count as unpaid without reason on *on* (Charter Art. 8.2): a month paid in
        part was paid (the rest is owed, see ``arrears``)."""
        due = [m for m, a in self.dues.items() if a]
        paid = [m for m, a in self.paid.items() if a > 0]
        return rules.unpaid_months_in_year(year, due, paid, on=on)


def month_fee(standing: Standing, bases: list[FeeBasis], reliefs: list[FeeRelief], month: Month,
              *, explain: bool = False):
    """The fee of *month*: its amount (0 when nothing is owed, None when unknown), or with *explain* the whole
    core.rules.FeeDue."""
    status, relief = standing.status_in(month), rules.relief_for_month(reliefs, month)
    basis = rules.basis_for_month(bases, month)
    if explain:
        return rules.monthly_fee(basis, month, status=status, party_age_from=standing.admitted, relief=relief)
    return rules.amount_due(basis, month, status=status, party_age_from=standing.admitted, relief=relief)


def first_due_month(standing: Standing, bases: list[FeeBasis]) -> Month | None:
    if standing.first_month is None or not bases:
        return None
    return max(standing.first_month, Month.of(min(b.effective for b in bases)))


def stored_month(value: object) -> Month:
    """A stored month (ISO text of its first day, or a date) as a Month."""
    if isinstance(value, str):
        return Month(int(value[:4]), int(value[5:7]))
    return Month.of(value)  # type: ignore[arg-type]


def payments(person_ids: Iterable[int], received_by: dt.date | None = None,
             since: Month | None = None) -> dict[int, dict[Month, int]]:
    """{person: {month paid for: đồng}} over the payments recorded (received by *received_by*, for months from
    *since*, when given)."""
    found: dict[int, dict[Month, int]] = defaultdict(dict)
    ids = list(dict.fromkeys(person_ids))
    for start in range(0, len(ids), _CHUNK):
        query = (FeePayment.select(FeePayment.person, FeePayment.month, fn.SUM(FeePayment.amount))
                 .where(FeePayment.person.in_(ids[start:start + _CHUNK]))
                 .group_by(FeePayment.person, FeePayment.month))
        if received_by is not None:
            query = query.where(FeePayment.paid_on <= received_by)
        if since is not None:
            query = query.where(FeePayment.month >= since.first_day)
        for pid, month, amount in raw.rows(query):
            found[pid][stored_month(month)] = int(amount or 0)
    return found


def accounts(person_ids: Iterable[int], until: Month, received_by: dt.date | None = None,
             since: Month | None = None) -> dict[int, Account]:
    """{person: account} with the dues of every month up to *until* (from *since*, when given) and the payments
    received by *received_by* (all when None)."""
    ids = list(dict.fromkeys(person_ids))
    found = standings(ids)
    all_bases, all_reliefs = fee_bases.rule_bases(ids), fee_bases.rule_reliefs(ids)
    paid = payments(ids, received_by, since)
    result = {}
    for pid, standing in found.items():
        bases, reliefs = all_bases.get(pid, []), all_reliefs.get(pid, [])
        dues: dict[Month, int | None] = {}
        first = first_due_month(standing, bases)
        if first is not None and since is not None:
            first = max(first, since)
        last = min(until, standing.last_month) if standing.last_month else until
        if first is not None:
            for month in rules.months_between(first, last):
                amount = month_fee(standing, bases, reliefs, month)
                if amount != 0:
                    dues[month] = amount
        result[pid] = Account(standing, dues, paid.get(pid, {}), bool(bases))
    return result


def account(person_id: int, until: Month) -> Account | None:
    return accounts([person_id], until).get(person_id)
