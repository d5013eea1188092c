"""Yearly admission quotas (chỉ tiêu) per branch or for the whole organisation.

The admissions counted against them are the quota report's (documents.report_data.quota_data), each in
the branch the person belonged to on the day of the decision."""

from __future__ import annotations

from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.organisation.organisation import get_organisation
from desktop_app.store.models import Branch, Quota


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
