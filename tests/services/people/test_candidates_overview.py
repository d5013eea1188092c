"""The pipeline overview: the furthest step of each person, helpers, and the deadlines the rules set."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.enums import Stage, Status
from desktop_app.services.people import candidates, people, sponsorships


@pytest.fixture
def branch(org):
    return org[1]


def test_furthest_step_wins_over_the_latest_date(branch):
    # A step recorded late (an earlier step entered after a later one) does not move the person back.
    p = people.create_person({"full_name": "Hà Văn Minh", "branch": branch.id, "status": Status.SYMPATHISER},
                             stage_date=dt.date(2026, 1, 5))
    people.record_stage(p.id, Stage.APPLICATION, dt.date(2026, 5, 1))
    people.record_stage(p.id, Stage.AWARENESS_CLASS, dt.date(2026, 6, 1))
    row = next(r for r in candidates.list_candidates(branch.id) if r.id == p.id)
    assert (row.stage, row.stage_date) == (Stage.APPLICATION, dt.date(2026, 5, 1))
    assert candidates.stage_counts(branch.id)[Stage.APPLICATION] == 1


def test_members_are_not_in_the_pipeline_but_probationers_are(branch):
    official = people.create_person({"full_name": "Vì Văn Sáng", "branch": branch.id, "status": Status.OFFICIAL,
                                     "official_date": dt.date(2001, 1, 1)})
    probationer = people.create_person({"full_name": "Mùa Thị Dở", "branch": branch.id,
                                        "status": Status.PROBATIONARY, "ceremony_date": dt.date(2026, 2, 3)})
    sponsorships.assign(official.id, probationer.id, "probation_helper", dt.date(2026, 2, 3))
    ids = {r.id: r for r in candidates.list_candidates()}
    assert official.id not in ids
    assert ids[probationer.id].helpers == "Vì Văn Sáng"


def test_ceremony_deadline_counts_working_days(branch):
    # Regulation 294-QĐ/TW, point 4.1: the ceremony within 30 working days of the decision.
    p = people.create_person({"full_name": "Giàng A Páo", "branch": branch.id, "status": Status.APPLICANT},
                             stage_date=dt.date(2026, 5, 1))
    people.record_stage(p.id, Stage.ADMISSION_DECISION, dt.date(2026, 10, 1))
    row = next(r for r in candidates.deadlines(p.id) if "ceremony" in r.title.lower() or "lễ" in r.title.lower())
    assert row.date > dt.date(2026, 10, 31)  # 30 working days run past six weeks of calendar
    assert not row.done and row.source
