"""Fee bases and reliefs: only Party members have them, each is checked, and a refused one changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.enums import Status
from desktop_app.core.rules import Month
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.fees import bases
from desktop_app.store.models import AuditEntry, FeeRelief, MemberFeeBasis, Person

d = dt.date


def _counts():
    return MemberFeeBasis.select().count(), FeeRelief.select().count(), AuditEntry.select().count()


def test_a_basis_for_a_candidate_is_refused(fees_branch):
    candidate = Person.create(full_name="Lường Thị Mai", status=Status.APPLICANT, branch=fees_branch.branch)
    before = _counts()
    with pytest.raises(ValidationError) as refused:
        bases.save_basis(candidate.id, {"effective": d(2026, 1, 1), "kind": "salary", "income": 5_000_000})
    assert refused.value.errors["person"] == ("Party fees are recorded for Party members only; Lường Thị Mai is "
                                              "applicant.")
    with pytest.raises(ValidationError):
        bases.save_relief(candidate.id, {"percent": 50, "ground": "hardship", "first_month": "2026-03",
                                         "last_month": "2026-08", "decision": "01-QĐ/ĐU"})
    assert _counts() == before


@pytest.mark.parametrize("data, field", [
    ({"kind": "salary", "income": 5_000_000}, "effective"),
    ({"effective": d(2026, 1, 1), "kind": "salary"}, "income"),
    ({"effective": d(2026, 1, 1), "kind": "salary", "income": -1}, "income"),
    ({"effective": d(2026, 1, 1), "kind": "fixed", "group": "other"}, "area"),
    ({"effective": d(2026, 1, 1), "kind": "set_amount", "amount": 50_000}, "decision"),
    ({"effective": d(2026, 1, 1), "kind": "bribe"}, "kind"),
    ({"effective": d(2026, 1, 1), "kind": "salary", "income": 1, "colour": "red"}, "colour"),
])
def test_bad_bases_are_refused_field_by_field(fees_branch, data, field):
    before = _counts()
    with pytest.raises(ValidationError) as refused:
        bases.save_basis(fees_branch.ids["Khánh no basis"], data)
    assert field in refused.value.errors
    assert _counts() == before


def test_bases_are_dated_once_and_change_in_place(fees_branch):
    an = fees_branch.ids["An salary"]
    with pytest.raises(ValidationError) as refused:
        bases.save_basis(an, {"effective": d(2026, 1, 1), "kind": "salary", "income": 9_000_000})
    assert "already has a fee basis from 01/01/2026" in refused.value.errors["effective"]
    raise_ = bases.save_basis(an, {"effective": d(2026, 7, 1), "kind": "salary", "income": 9_200_000})
    bases.save_basis(an, {"income": 9_300_000}, basis_id=raise_.id)
    assert [(b.effective, b.income) for b in bases.bases_of(an)] == [(d(2026, 1, 1), 8_500_000),
                                                                      (d(2026, 7, 1), 9_300_000)]
    bases.delete_basis(raise_.id)
    assert len(bases.bases_of(an)) == 1
    with pytest.raises(NotFoundError):
        bases.delete_basis(raise_.id)


def test_reliefs_follow_article_5(fees_branch):
    cuong = fees_branch.ids["Cường farmer"]
    relief = bases.save_relief(cuong, {"percent": 50, "ground": "hardship", "first_month": "2026-03",
                                       "last_month": "2027-02", "decision": "15-QĐ/ĐU, 20/02/2026"})
    row = bases.reliefs_of(cuong)[0]
    assert (row.percent, row.first_month, row.last_month) == (50, Month(2026, 3), Month(2027, 2))
    before = _counts()
    for data, field in (({"percent": 40}, "percent"), ({"last_month": "2027-03"}, "last_month"),
                        ({"decision": ""}, "decision")):
        with pytest.raises(ValidationError) as refused:
            bases.save_relief(cuong, data, relief_id=relief.id)
        assert field in refused.value.errors
    assert _counts() == before
    bases.save_relief(cuong, {"percent": 100, "ground": "social_pension", "first_month": d(2026, 2, 1)})
    assert len(bases.reliefs_of(cuong)) == 2
