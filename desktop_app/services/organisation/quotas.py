"""Yearly admission quotas (chỉ tiêu) per branch or for the whole organisation, and progress."""

from __future__ import annotations

import datetime as dt

from peewee import fn

from desktop_app.core.enums import Stage
from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.organisation.organisation import get_organisation
from desktop_app.store.models import Branch, Person, Quota, StageEvent


def set_quota(branch_id: int | None, year: int, target: int) -> Quota:
    check = Checker({"year": year, "target": target})
    check.integer("year", minimum=1930, maximum=2200, required=True, label=_("Year"))
    check.integer("target", minimum=0, maximum=100000, required=True, label=_("Target"))
    values = check.done()
    org = get_organisation()
    if org is None:
        raise ValidationError({"organisation": _("Create the organisation first.")})
    if branch_id is not None and Branch.get_or_none(Branch.id == record_id(branch_id)) is None:
        raise ValidationError({"branch": _("The chosen branch does not exist.")})
    with atomic():
        branch_cond = Quota.branch.is_null() if branch_id is None else (Quota.branch == branch_id)
        row = Quota.get_or_none((Quota.organisation == org) & branch_cond & (Quota.year == values["year"]))
        if row is None:
            row = Quota.create(organisation=org, branch=branch_id, year=values["year"], target=values["target"])
            audit.record_change("create", row, None)
        else:
            before = audit.snapshot(row)
            row.target = values["target"]
            row.save()
            audit.record_change("update", row, before)
    return row


def quotas(year: int) -> dict[int | None, int]:
    """{branch id (None = whole organisation): target} for *year*."""
    return {branch: target for branch, target in
            Quota.select(Quota.branch, Quota.target).where(Quota.year == year).tuples()}


def admitted(year: int, until: dt.date | None = None) -> dict[int, int]:
    """{branch id: people admitted} — admission decisions dated in *year* (up to *until*)."""
    end = until or dt.date(year, 12, 31)
    query = (StageEvent.select(Person.branch, fn.COUNT(fn.DISTINCT(StageEvent.person)))
             .join(Person, on=(StageEvent.person == Person.id))
             .where((StageEvent.stage == Stage.ADMISSION_DECISION) & (StageEvent.date >= dt.date(year, 1, 1))
                    & (StageEvent.date <= end) & Person.deleted_at.is_null())
             .group_by(Person.branch))
    return dict(query.tuples())


def progress(year: int) -> list[tuple[int, str, str, int, int]]:
    """(branch id, code, name, target, admitted) for every active branch."""
    targets = quotas(year)
    done = admitted(year)
    rows = Branch.select(Branch.id, Branch.code, Branch.name).where(Branch.deleted_at.is_null()).order_by(Branch.code)
    return [(bid, code, name, targets.get(bid, 0), done.get(bid, 0)) for bid, code, name in rows.tuples()]
