"""Deadlines count from the right day everywhere (Regulation 294-QĐ/TW point 4.1; domain.md §1.2):

- the ceremony within 30 working days of the day the branch RECEIVED the admission decision — in the reminders,
  the candidate's deadlines, the rule checks and the candidates list alike; the decision's own date until the day
  it was received is recorded;
- dossier papers (introductions, union resolution, opinion summary) stale more than 12 months after each
  paper's own date, in the candidates list as in the reminders.

Expected dates are worked out here with the working-day calendar (core.calendar), not through the services.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core import calendar, clock, rules
from desktop_app.core.enums import Stage, Status
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.documents import report_data
from desktop_app.services.people import candidates, people, pipeline, reminders
from desktop_app.store.models import DossierItem

D = dt.date
DECIDED = D(2026, 10, 1)
RECEIVED = D(2026, 10, 9)  # six working days later


@pytest.fixture
def applicant(org):
    _org, branch = org
    p = people.create_person({"full_name": "Giàng A Páo", "branch": branch.id, "status": Status.APPLICANT,
                              "birth_date": D(2000, 1, 1)}, stage_date=D(2026, 1, 5))
    people.record_stage(p.id, Stage.BRANCH_RESOLUTION, D(2026, 9, 3))
    people.record_stage(p.id, Stage.ADMISSION_DECISION, DECIDED)
    return p


def _ceremony_due(person_id: int, on: dt.date) -> set[dt.date]:
    found = {r.due for r in reminders.reminders(on) if r.kind == "ceremony_due" and r.person_id == person_id}
    listed = next(c for c in report_data.candidates_data(today=on).candidates if c.person_id == person_id)
    found |= {d.date for d in listed.deadlines if d.kind == "ceremony"}
    found |= {row.date for row in candidates.deadlines(person_id) if "ceremony" in row.title.lower()
              or "lễ" in row.title.lower()}
    return found


def test_until_the_day_it_was_received_is_known_the_decision_date_counts(applicant):
    expected = calendar.add_working_days(DECIDED, 30)
    assert _ceremony_due(applicant.id, D(2026, 11, 1)) == {expected}


def test_the_ceremony_is_due_30_working_days_after_the_decision_was_received(applicant):
    people.set_received(applicant.id, RECEIVED)
    expected = calendar.add_working_days(RECEIVED, 30)
    assert expected > calendar.add_working_days(DECIDED, 30)
    assert _ceremony_due(applicant.id, D(2026, 11, 1)) == {expected}
    # The rule check reads the stored day: the last day needs no consent, the next working day does.
    clock.pin(D(2026, 12, 31))
    ids = [f.rule_id for f in pipeline.check_advance(applicant.id, Stage.CEREMONY, expected).errors]
    assert "ceremony_working_days" not in ids
    late = calendar.add_working_days(expected, 1)
    ids = [f.rule_id for f in pipeline.check_advance(applicant.id, Stage.CEREMONY, late).errors]
    assert "ceremony_working_days" in ids


def test_the_received_day_is_recorded_with_the_decision_and_checked(org):
    _org, branch = org
    p = people.create_person({"full_name": "Lò Thị Xuân", "branch": branch.id, "status": Status.APPLICANT},
                             stage_date=D(2026, 1, 5))
    event = people.record_stage(p.id, Stage.ADMISSION_DECISION, DECIDED, received_on=RECEIVED)
    assert event.received_on == RECEIVED and people.received_on([p.id]) == {p.id: RECEIVED}
    with pytest.raises(ValidationError) as err:
        people.set_received(p.id, D(2026, 9, 30))  # before the decision was made
    assert "received_on" in err.value.errors
    with pytest.raises(ValidationError):
        people.record_stage(p.id, Stage.ADMISSION_DECISION, DECIDED, received_on=D(2026, 9, 1))
    assert people.received_on([p.id]) == {p.id: RECEIVED}  # nothing changed
    people.set_received(p.id, DECIDED)  # the same day is allowed
    assert people.received_on([p.id]) == {p.id: DECIDED}


def test_a_ceremony_recorded_with_the_day_received_keeps_it_on_the_decision(applicant):
    pipeline.advance(applicant.id, Stage.CEREMONY, D(2026, 11, 13), decision_received=RECEIVED,
                     confirm_warnings=True)
    assert people.received_on([applicant.id]) == {applicant.id: RECEIVED}


def test_dossier_papers_go_stale_each_from_its_own_date_in_the_candidates_list(org):
    _org, branch = org
    p = people.create_person({"full_name": "Tòng Văn Hải", "branch": branch.id, "status": Status.APPLICANT},
                             stage_date=D(2025, 1, 10))  # applied long before the papers were made
    for code, day in (("3-KNĐ", D(2025, 11, 20)), ("5-KNĐ", D(2025, 12, 15)), ("1-KNĐ", D(2025, 1, 10))):
        DossierItem.create(person=p, code=code, date=day, status="received")
    line = next(c for c in report_data.candidates_data(branch.id, D(2026, 11, 1)).candidates if c.person_id == p.id)
    stale = [d.date for d in line.deadlines if d.kind == "dossier"]
    # The first paper to go stale: the introduction of 20/11/2025, on 20/11/2026 (12 months, the anniversary
    # still current) — not 12 months from the application of 10/01/2025.
    assert stale == [rules.add_months(D(2025, 11, 20), 12)] == [D(2026, 11, 20)]
    reminded = {r.due for r in reminders.reminders(D(2026, 11, 1), branch.id) if r.kind == "dossier_stale"}
    assert D(2026, 11, 20) in reminded
