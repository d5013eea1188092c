"""services.pipeline: facts gathered from the database, the Party rules checked, the step recorded with
its policy version — or refused with RuleViolation and nothing written."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core import rules
from desktop_app.core.enums import DecisionKind, SponsorRole, Stage, Status
from desktop_app.services.common.errors import RuleViolation, ValidationError
from desktop_app.services.organisation import organisation
from desktop_app.services.people import people, pipeline, sponsorships
from desktop_app.store.models import (
    Attendance,
    AuditEntry,
    Decision,
    DossierItem,
    Meeting,
    Person,
    Sponsorship,
    StageEvent,
)

d = dt.date
VOTE_DAY = d(2025, 12, 3)


def _person(branch_id: int, name: str, status: str, **extra) -> int:
    data = {"full_name": name, "branch": branch_id, "status": status, "birth_date": d(1995, 5, 5), **extra}
    return people.create_person(data, stage_date=d(2024, 1, 5)).id


@pytest.fixture
def case(org):
    """An applicant ready for the branch vote of 03/12/2025, introduced by two official members."""
    _org, branch = org
    first = _person(branch.id, "Lò Văn An", Status.OFFICIAL, official_date=d(2010, 1, 1))
    second = _person(branch.id, "Quàng Thị Bình", Status.OFFICIAL, official_date=d(2012, 1, 1))
    applicant = _person(branch.id, "Cà Văn Sáng", Status.PROSPECT, youth_union=True)
    for stage, day in ((Stage.SYMPATHISER_LIST, d(2024, 2, 3)), (Stage.AWARENESS_CLASS, d(2024, 5, 10)),
                       (Stage.APPLICATION, d(2024, 6, 1)), (Stage.HISTORY, d(2024, 9, 1)),
                       (Stage.INTRODUCTIONS, d(2025, 10, 1)), (Stage.OPINIONS, d(2025, 11, 1))):
        people.record_stage(applicant, stage, day)
    for code, day in (("CN-NTVĐ", d(2024, 5, 10)), ("1-KNĐ", d(2024, 6, 1)), ("2-KNĐ", d(2024, 7, 1)),
                      ("3-KNĐ", d(2025, 10, 1)), ("5-KNĐ", d(2025, 11, 1))):
        DossierItem.create(person=applicant, code=code, date=day)
    sponsorships.assign(first, applicant, SponsorRole.INTRODUCER, d(2025, 9, 1), together_since=d(2022, 1, 1))
    sponsorships.assign(second, applicant, SponsorRole.INTRODUCER, d(2025, 9, 1), together_since=d(2023, 3, 1))
    return {"branch": branch, "applicant": applicant, "introducers": (first, second)}


def _counts():
    return StageEvent.select().count(), AuditEntry.select().count()


def test_facts_come_from_the_database(case):
    facts = pipeline.gather_facts(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, yes=14, official_members=20)
    assert facts.status == Status.APPLICANT
    assert facts.stages[Stage.OPINIONS] == d(2025, 11, 1)
    assert facts.dossier["CN-NTVĐ"] == d(2024, 5, 10)
    assert [i.name for i in facts.introducers] == ["Lò Văn An", "Quàng Thị Bình"]
    assert all(i.is_official and i.active for i in facts.introducers)
    assert facts.vote == rules.VoteFacts(yes=14, official_members=20)
    assert facts.youth_union and not facts.grassroots_branch


def test_branch_vote_recorded_with_policy_version_qd294(case):
    assert list(pipeline.check_advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, yes=14,
                                       official_members=20)) == []
    event = pipeline.advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, document_ref="05-NQ/CB",
                             yes=14, official_members=20)
    assert event.stage == Stage.BRANCH_RESOLUTION and event.date == VOTE_DAY
    assert event.policy_version == rules.policy_for(VOTE_DAY).version
    assert event.document_ref == "05-NQ/CB"
    assert Person.get_by_id(case["applicant"]).status == Status.APPLICANT


def test_vote_short_of_two_thirds_is_refused_and_nothing_written_charter_art_4_3(case):
    before = _counts()
    with pytest.raises(RuleViolation) as info:
        pipeline.advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, yes=13, official_members=20)
    assert [f.rule_id for f in info.value.findings if f.is_error] == ["admission_vote"]
    assert str(info.value)
    assert _counts() == before


def test_warnings_need_confirmation(case):
    Person.update(youth_union=False).where(Person.id == case["applicant"]).execute()
    before = _counts()
    with pytest.raises(RuleViolation) as info:
        pipeline.advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, yes=14, official_members=20)
    assert [f.rule_id for f in info.value.findings] == ["youth_union"]
    assert _counts() == before
    event = pipeline.advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, yes=14, official_members=20,
                             confirm_warnings=True)
    assert event.id


def test_introducer_with_short_co_working_is_refused_qd294_point_3_2_1(case):
    row = sponsorships.for_person(case["applicant"])[0]
    Sponsorship.update(together_since=d(2025, 6, 1)).where(Sponsorship.id == row.id).execute()
    found = pipeline.check_advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, yes=14, official_members=20)
    assert "introducer_months" in [f.rule_id for f in found.errors]


def test_introducer_who_left_is_not_official(case):
    first, _second = case["introducers"]
    people.record_stage(first, Stage.TRANSFERRED_OUT, d(2025, 11, 20))
    found = pipeline.check_advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, yes=14, official_members=20)
    assert "introductions" in [f.rule_id for f in found.errors]


def test_vote_taken_from_the_meeting_decision(case):
    meeting = Meeting.create(branch=case["branch"], date=VOTE_DAY)
    Decision.create(meeting=meeting, kind=DecisionKind.ADMISSION, subject=case["applicant"], yes=14, denominator=20,
                    passed=True)
    event = pipeline.advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, meeting_id=meeting.id)
    assert event.meeting_id == meeting.id


def test_missing_vote_is_an_error(case):
    found = pipeline.check_advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert "admission_vote" in [f.rule_id for f in found.errors]


def test_expired_certificate_blocks_the_vote_hd06_point_5_4(case):
    DossierItem.update(date=d(2020, 11, 10)).where((DossierItem.person == case["applicant"])
                                                   & (DossierItem.code == "CN-NTVĐ")).execute()
    with pytest.raises(RuleViolation) as info:
        pipeline.advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, yes=14, official_members=20)
    assert [f.rule_id for f in info.value.findings if f.is_error] == ["certificate_valid_months"]


def test_ceremony_late_needs_consent_qd294_point_4_1(case):
    pipeline.advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, yes=14, official_members=20)
    people.record_stage(case["applicant"], Stage.COMMITTEE_RESOLUTION, d(2025, 12, 15))
    pipeline.advance(case["applicant"], Stage.ADMISSION_DECISION, d(2025, 12, 22))
    with pytest.raises(RuleViolation):
        pipeline.advance(case["applicant"], Stage.CEREMONY, d(2026, 2, 4))
    event = pipeline.advance(case["applicant"], Stage.CEREMONY, d(2026, 2, 4), late_ceremony_consent=True)
    person = Person.get_by_id(case["applicant"])
    assert person.status == Status.PROBATIONARY and person.ceremony_date == d(2026, 2, 4)
    assert event.policy_version


def test_grassroots_branch_setting_reaches_the_rules(case):
    organisation.save_organisation({"is_grassroots_branch": True})
    facts = pipeline.gather_facts(case["applicant"], Stage.ADMISSION_DECISION, VOTE_DAY)
    assert facts.grassroots_branch


@pytest.mark.parametrize(("details", "field"), [
    ({"yess": 14}, "yess"),
    ({"yes": "many", "official_members": 20}, "yes"),
    ({"decision_received": "31/02/2026"}, "decision_received"),
])
def test_bad_details_are_refused(case, details, field):
    with pytest.raises(ValidationError) as info:
        pipeline.check_advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, **details)
    assert field in info.value.errors


def test_bad_stage_or_date_is_refused(case):
    with pytest.raises(ValidationError):
        pipeline.advance(case["applicant"], "coronation", VOTE_DAY)
    with pytest.raises(ValidationError):
        pipeline.advance(case["applicant"], Stage.BRANCH_RESOLUTION, "31/02/2025")


def test_small_denominator_from_a_large_branch_is_not_a_small_branch_charter_art_24_1(case):
    """5 official members summoned, 3 introduced elsewhere: the denominator is 2, but the branch has 5."""
    meeting = Meeting.create(branch=case["branch"], date=VOTE_DAY)
    officials = [_person(case["branch"].id, f"Đảng viên {i}", Status.OFFICIAL, official_date=d(2010, 1, 1))
                 for i in range(5)]
    for i, pid in enumerate(officials):
        Attendance.create(meeting=meeting, person=pid, member_status=Status.OFFICIAL,
                          status="present" if i < 2 else "elsewhere")
    Decision.create(meeting=meeting, kind=DecisionKind.ADMISSION, subject=case["applicant"], yes=2, denominator=2,
                    passed=True)
    facts = pipeline.gather_facts(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, meeting_id=meeting.id)
    assert (facts.vote.official_members, facts.vote.not_counted, facts.vote.computed_denominator) == (5, 3, 2)
    found = pipeline.check_advance(case["applicant"], Stage.BRANCH_RESOLUTION, VOTE_DAY, meeting_id=meeting.id)
    assert "min_official_members" not in [f.rule_id for f in found]
