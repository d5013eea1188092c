"""What the Party fees workbook holds (export fees): each branch's months of a year, every payment received in
it, and what each member still owes; plain dicts keyed like interchange.columns' fee columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from peewee import JOIN

from desktop_app.core import clock
from desktop_app.core.rules import Month
from desktop_app.services.common.recorded_files import recorded_file
from desktop_app.services.fees import dues
from desktop_app.services.fees.standing import branch_people
from desktop_app.services.fees.summary import months_summary
from desktop_app.store.models import Branch, FeePayment, Meeting, Person


def year_months(year: int, today: dt.date | None = None) -> list[Month]:
    """The months of *year* up to the month in progress."""
    today = today or clock.today()
    last = 12 if year < today.year else today.month if year == today.year else 0
    return [Month(year, m) for m in range(1, last + 1)]


def _branches(branch_id: int | None) -> list[Branch]:
    query = Branch.select().where(Branch.deleted_at.is_null()).order_by(Branch.code)
    if branch_id is not None:
        query = query.where(Branch.id == branch_id)
    return list(query)


def month_rows(year: int, branch_id: int | None = None) -> list[dict[str, Any]]:
    rows = []
    for branch in _branches(branch_id):
        for s in months_summary(branch.id, year_months(year)):
            split = s.split
            rows.append({"branch_code": branch.code, "branch": branch.name, "month": str(s.month),
                         "members": s.members, "due": s.due, "paid": s.paid, "collected": s.collected,
                         "unitemised": s.unitemised, "percent": split.percent if split else None,
                         "remitted": split.remitted if split else None, "kept": split.kept if split else None,
                         "owing": s.owing})
    return rows


def payment_rows(year: int, branch_id: int | None = None) -> Iterator[dict[str, Any]]:
    """Every payment received in *year* (one branch or all), by branch, day and name."""
    query = (FeePayment.select(Branch.code, Branch.name, Person.full_name, FeePayment.month, FeePayment.amount,
                               FeePayment.paid_on, Meeting.date, FeePayment.note)
             .join(Branch, on=(FeePayment.branch == Branch.id))
             .switch(FeePayment).join(Person, JOIN.LEFT_OUTER, on=(FeePayment.person == Person.id))
             .switch(FeePayment).join(Meeting, JOIN.LEFT_OUTER, on=(FeePayment.meeting == Meeting.id))
             .where(FeePayment.paid_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
             .order_by(Branch.code, FeePayment.paid_on, Person.sort_key, FeePayment.month))
    if branch_id is not None:
        query = query.where(FeePayment.branch == branch_id)
    for code, branch, name, month, amount, paid_on, meeting, note in query.tuples().iterator():
        yield {"branch_code": code, "branch": branch, "full_name": name or "", "month": str(Month.of(month)),
               "amount": amount, "paid_on": paid_on, "meeting": meeting, "note": note}


def owed_rows(year: int, branch_id: int | None = None, today: dt.date | None = None) -> list[dict[str, Any]]:
    """The members of each branch still owing fees for months up to the end of *year* (or today)."""
    today = today or clock.today()
    until = min(Month(year, 12), Month.of(today))
    rows = []
    for branch in _branches(branch_id):
        accounts = dues.accounts(branch_people(branch.id), until)
        for acc in sorted(accounts.values(), key=lambda a: (a.standing.sort_key, a.standing.person_id)):
            owed = acc.arrears
            if owed.count:
                rows.append({"branch_code": branch.code, "branch": branch.name, "full_name": acc.standing.full_name,
                             "count": owed.count, "months": ", ".join(str(m) for m, _a in owed.months),
                             "amount": owed.amount})
    return rows


def recorded_export(path: str, rows: int, branch_id: int | None, year: int):
    """The audit entry of a fee export, recorded before the workbook is written (common.recorded_files): use as
    ``with recorded_export(…): write the file``."""
    return recorded_file(path, "export", "feepayment", {"rows": rows, "branch_id": branch_id, "year": year})
