"""A branch with members, their fee bases and a few meetings, for the fee services' tests (today: 21/11/2026)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core.enums import Stage, Status
from desktop_app.core.rules import set_overrides
from desktop_app.services.fees import bases
from desktop_app.services.people import membership
from desktop_app.store.models import MemberFeeBasis, Person, StageEvent

d = dt.date


class Branch:
    def __init__(self, branch):
        self.branch = branch
        self.ids: dict[str, int] = {}

    def member(self, key, status=Status.OFFICIAL, *, admitted=d(2010, 5, 19), ceremony=None, basis=None, **fields):
        ceremony = ceremony or admitted
        p = Person.create(full_name=key, status=status, branch=self.branch, admission_date=admitted,
                          ceremony_date=ceremony, **fields)
        self.ids[key] = p.id
        # a member of the branch from the ceremony, as the dated history of membership has it
        if status == Status.PROBATIONARY:
            membership.admitted(p, ceremony)
        elif status in (*Status.MEMBERS, *Status.GONE):
            membership.on_record(p, ceremony, Status.OFFICIAL)
        if basis is not None:
            bases.save_basis(p.id, basis)
        return p

    @staticmethod
    def event(person, stage, day):
        membership.after_stage(person, StageEvent.create(person=person, stage=stage, date=day))


@pytest.fixture
def fees_branch(org):
    """Members of CB01: a salaried one, a pensioner, a farmer (fixed amount), a student, a member admitted in
    1976 (50 years of party age in 03/2026), one exempt from activities, one who left, one without a basis."""
    i18n.set_language("en")
    set_overrides({})
    _org, branch = org
    w = Branch(branch)
    w.member("An salary", basis={"effective": d(2026, 1, 1), "kind": "salary", "income": 8_500_000})
    w.member("Bình pension", basis={"effective": d(2025, 1, 1), "kind": "pension", "income": 6_000_000})
    w.member("Cường farmer", basis={"effective": d(2025, 1, 1), "kind": "fixed", "group": "other",
                                    "area": "area_4"})
    w.member("Dung student", status=Status.PROBATIONARY, admitted=d(2026, 3, 10), ceremony=d(2026, 4, 2),
             basis={"effective": d(2026, 4, 1), "kind": "fixed", "group": "student", "area": "area_4"})
    w.member("Én veteran", admitted=d(1976, 3, 15),
             basis={"effective": d(2025, 1, 1), "kind": "pension", "income": 7_000_000})
    exempt = w.member("Giang exempt", status=Status.EXEMPT,
                      basis={"effective": d(2025, 1, 1), "kind": "pension", "income": 4_000_000})
    w.event(exempt, Stage.EXEMPTED, d(2025, 6, 3))
    gone = w.member("Hà transferred", status=Status.TRANSFERRED)
    # a basis can no longer be recorded for someone who has left: the one of their time here, written directly
    MemberFeeBasis.create(person=gone, effective=d(2025, 1, 1), kind="salary", income=5_000_000)
    w.event(gone, Stage.TRANSFERRED_OUT, d(2026, 9, 15))
    w.member("Khánh no basis")
    yield w
    set_overrides({})
