"""Votes at a branch meeting and what a passed vote changes in the pipeline (nothing when it fails)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core import clock
from desktop_app.core.enums import AttendanceStatus as A
from desktop_app.core.enums import DecisionKind, SponsorRole, Stage, Status
from desktop_app.services.common.errors import RuleViolation, ValidationError
from desktop_app.services.meetings import attendance, decisions, meeting_prep, minutes, removal
from desktop_app.services.meetings.meetings import MinutesLocked
from desktop_app.services.people import dossier, people, sponsorships
from desktop_app.store.models import Decision, Person, StageEvent

GIVEN = ["An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Khánh", "Lan"]
DAY = dt.date(2026, 3, 3)


def person(branch_id: int, name: str, status: str, **extra) -> int:
    data = {"full_name": name, "branch": branch_id, "status": status, "birth_date": dt.date(1990, 5, 5), **extra}
    first = dt.date(2025, 1, 10) if status in Status.CANDIDATES else None  # members: their ceremony or official date
    return people.create_person(data, stage_date=first).id


def ready_applicant(branch_id: int, introducers: list[int]) -> int:
    """An applicant whose steps and dossier are complete for the branch vote (06-HD/TW §3, §8.3)."""
    pid = people.create_person({"full_name": "Lò Văn Sáng", "branch": branch_id, "status": Status.PROSPECT,
                                "birth_date": dt.date(1994, 5, 5), "youth_union": True},
                               stage_date=dt.date(2024, 1, 10)).id
    for stage, day in ((Stage.SYMPATHISER_LIST, dt.date(2024, 3, 3)), (Stage.AWARENESS_CLASS, dt.date(2024, 9, 1)),
                       (Stage.APPLICATION, dt.date(2025, 4, 1)), (Stage.HISTORY, dt.date(2025, 6, 1)),
                       (Stage.INTRODUCTIONS, dt.date(2025, 9, 1)), (Stage.OPINIONS, dt.date(2025, 10, 1))):
        people.record_stage(pid, stage, day)
    for code, day in (("CN-NTVĐ", dt.date(2024, 9, 1)), ("1-KNĐ", dt.date(2025, 4, 1)),
                      ("2-KNĐ", dt.date(2025, 6, 1)), ("3-KNĐ", dt.date(2025, 9, 1)),
                      ("4-KNĐ", dt.date(2025, 9, 1)), ("5-KNĐ", dt.date(2025, 10, 1))):
        dossier.save_item(pid, code, date=day)
    for sponsor in introducers:
        sponsorships.assign(sponsor, pid, SponsorRole.INTRODUCER, dt.date(2025, 8, 1),
                            together_since=dt.date(2020, 1, 1))
    return pid


@pytest.fixture
def setup(org):
    """A branch of 9 official members and 1 probationary; an applicant, a prospect and a sympathiser."""
    _org, branch = org
    official = [person(branch.id, f"Nguyễn Văn {g}", Status.OFFICIAL, official_date=dt.date(2010, 1, 1))
                for g in GIVEN[:9]]
    probationary = person(branch.id, "Trần Thị Mai", Status.PROBATIONARY, ceremony_date=dt.date(2025, 2, 20))
    for code in ("10-KNĐ", "11-KNĐ", "12-KNĐ", "CN-ĐVM", "LLĐV", "PĐV"):
        dossier.save_item(probationary, code, date=dt.date(2026, 2, 21))
    applicant = ready_applicant(branch.id, official[:2])
    prospect = person(branch.id, "Quàng Thị Hoa", Status.PROSPECT)
    sympathiser = person(branch.id, "Cà Văn Tú", Status.SYMPATHISER)
    meeting = meeting_prep.prepare_meeting(branch.id, DAY, chair=official[0], secretary=official[1],
                                           start_time="08:00", end_time="10:00")
    return {"branch": branch, "official": official, "probationary": probationary, "applicant": applicant,
            "prospect": prospect, "sympathiser": sympathiser, "meeting": meeting}


def vote(meeting_id, kind, subject, yes, no=0, abstain=0, **extra):
    return decisions.record_decision(meeting_id, {"kind": kind, "subject": subject, "yes": yes, "no": no,
                                                  "abstain": abstain, **extra})


def stages(pid):
    return [e.stage for e in people.history(pid)]


def test_passed_admission_records_the_branch_resolution(setup):
    """Party Charter Article 4.3: at least two thirds of the official members: 6 of 9."""
    m, applicant = setup["meeting"], setup["applicant"]
    d = vote(m.id, DecisionKind.ADMISSION, applicant, 6, 2, 1)
    assert (d.denominator, d.passed) == (9, True)
    assert d.title == "Proposal to admit Lò Văn Sáng to the Party" or "Lò Văn Sáng" in d.title
    event = StageEvent.get(person=applicant, stage=Stage.BRANCH_RESOLUTION)
    assert (event.date, event.meeting_id) == (DAY, m.id)
    row = decisions.decision_row(d.id)
    assert (row.needed, row.subject_name, row.meeting_date) == (6, "Lò Văn Sáng", DAY)
    assert "4" in row.source  # the Charter article


def test_rules_engine_refuses_an_incomplete_dossier(setup):
    """06-HD/TW §8.3: without the personal history (2-KNĐ) the branch cannot propose admission."""
    m, applicant = setup["meeting"], setup["applicant"]
    item = next(i for i in dossier.list_items(applicant) if i.code == "2-KNĐ")
    dossier.delete_item(item.id)
    with pytest.raises(RuleViolation) as err:
        vote(m.id, DecisionKind.ADMISSION, applicant, 9)
    assert any(f.is_error for f in err.value.findings)
    assert Decision.select().count() == 0 and Stage.BRANCH_RESOLUTION not in stages(applicant)
    assert not vote(m.id, DecisionKind.ADMISSION, applicant, 3, 6).passed  # a failed vote is still recorded


def test_failed_admission_changes_nothing(setup):
    m, applicant = setup["meeting"], setup["applicant"]
    before = stages(applicant)
    d = vote(m.id, DecisionKind.ADMISSION, applicant, 5, 3, 1)
    assert d.passed is False
    assert stages(applicant) == before
    assert Person.get_by_id(applicant).status == Status.APPLICANT


def test_absent_members_still_count_in_the_denominator(setup):
    """Point 9.3.2: two members absent without accepted reason still count; 6 of 9 are needed, not 5 of 7."""
    m, off = setup["meeting"], setup["official"]
    attendance.set_attendance(m.id, off[7], A.UNEXCUSED)
    attendance.set_attendance(m.id, off[8], A.UNEXCUSED)
    d = vote(m.id, DecisionKind.ADMISSION, setup["applicant"], 5, 2, 0)
    assert (d.denominator, d.passed) == (9, False)


def test_votes_cannot_exceed_official_members_present(setup):
    """Party Charter Article 3.4: probationary members do not vote."""
    m, off = setup["meeting"], setup["official"]
    attendance.set_attendance(m.id, off[8], A.EXCUSED, "Đi công tác", reason_accepted=True)
    with pytest.raises(ValidationError) as err:
        vote(m.id, DecisionKind.ADMISSION, setup["applicant"], 7, 1, 1)  # 9 votes, 8 officials present
    assert "yes" in err.value.errors
    assert Decision.select().count() == 0
    d = vote(m.id, DecisionKind.ADMISSION, setup["applicant"], 6, 1, 1)
    assert d.denominator == 8  # the accepted absence is not counted


def test_subject_must_be_at_the_right_stage(setup):
    m = setup["meeting"]
    with pytest.raises(ValidationError) as err:
        vote(m.id, DecisionKind.ADMISSION, setup["prospect"], 9)
    assert "subject" in err.value.errors
    with pytest.raises(ValidationError):
        vote(m.id, DecisionKind.RECOGNITION, setup["applicant"], 9)
    with pytest.raises(ValidationError):
        vote(m.id, DecisionKind.ADMISSION, None, 9)  # one person at a time


def test_passed_recognition_records_the_step(setup):
    """Party Charter Article 5.2. The member was entered at the ceremony, so earlier steps are missing: the rules
    warn, and the decision is recorded only once the warnings are confirmed."""
    m, pid = setup["meeting"], setup["probationary"]
    with pytest.raises(RuleViolation) as err:
        vote(m.id, DecisionKind.RECOGNITION, pid, 9)
    assert err.value.findings and not any(f.is_error for f in err.value.findings)
    assert Decision.select().count() == 0  # nothing written
    d = decisions.record_decision(m.id, {"kind": DecisionKind.RECOGNITION, "subject": pid, "yes": 9, "no": 0,
                                         "abstain": 0}, confirm_warnings=True)
    assert d.passed
    assert Stage.RECOGNITION_RESOLUTION in stages(pid)
    assert Person.get_by_id(pid).status == Status.PROBATIONARY  # official only after the decision above


def test_sympathiser_list_changes(setup):
    """Adding needs more than half (Party Charter Article 9.5): 5 of 9."""
    m = setup["meeting"]
    failed = vote(m.id, DecisionKind.SYMPATHISER_ADD, setup["prospect"], 4, 5)
    assert not failed.passed and Person.get_by_id(setup["prospect"]).status == Status.PROSPECT
    added = vote(m.id, DecisionKind.SYMPATHISER_ADD, setup["prospect"], 5, 4)
    assert added.passed and Person.get_by_id(setup["prospect"]).status == Status.SYMPATHISER
    vote(m.id, DecisionKind.SYMPATHISER_REMOVE, setup["sympathiser"], 8, 1)
    assert Person.get_by_id(setup["sympathiser"]).status == Status.DROPPED


def test_helper_assignment_creates_the_sponsorship(setup):
    m, sym, helper = setup["meeting"], setup["sympathiser"], setup["official"][2]
    with pytest.raises(ValidationError) as err:
        vote(m.id, DecisionKind.HELPER_ASSIGNMENT, sym, 9)
    assert "sponsor" in err.value.errors
    with pytest.raises(ValidationError):  # a probationary member cannot help
        vote(m.id, DecisionKind.HELPER_ASSIGNMENT, sym, 9, sponsor=setup["probationary"])
    vote(m.id, DecisionKind.HELPER_ASSIGNMENT, sym, 2, 7, sponsor=helper)
    assert sponsorships.for_person(sym) == []  # failed: nothing assigned
    d = vote(m.id, DecisionKind.HELPER_ASSIGNMENT, sym, 9, sponsor=helper)
    rows = sponsorships.for_person(sym, current_only=True)
    assert [(r.sponsor_id, r.role, r.start) for r in rows] == [(helper, SponsorRole.HELPER, DAY)]
    assert Stage.HELPER_ASSIGNED in stages(sym)
    assert "Nguyễn Văn Cường" in d.title
    vote(m.id, DecisionKind.HELPER_ASSIGNMENT, setup["probationary"], 9, sponsor=helper)
    assert sponsorships.for_person(setup["probationary"])[0].role == SponsorRole.PROBATION_HELPER


def test_deleting_a_passed_vote_undoes_its_effect(setup):
    m, applicant = setup["meeting"], setup["applicant"]
    d = vote(m.id, DecisionKind.ADMISSION, applicant, 9)
    with pytest.raises(ValidationError):
        decisions.update_decision(d.id, {"yes": 5})  # the vote already moved the record
    decisions.update_decision(d.id, {"text": "Chi bộ nhất trí đề nghị kết nạp"})
    decisions.delete_decision(d.id)
    assert Stage.BRANCH_RESOLUTION not in stages(applicant)
    assert Person.get_by_id(applicant).status == Status.APPLICANT
    helper_vote = vote(m.id, DecisionKind.HELPER_ASSIGNMENT, setup["sympathiser"], 9, sponsor=setup["official"][3])
    decisions.delete_decision(helper_vote.id)
    assert sponsorships.for_person(setup["sympathiser"]) == []
    assert Person.get_by_id(setup["sympathiser"]).status == Status.SYMPATHISER


def test_correcting_a_failed_vote_applies_the_effect(setup):
    m, applicant = setup["meeting"], setup["applicant"]
    d = vote(m.id, DecisionKind.ADMISSION, applicant, 5)
    decisions.update_decision(d.id, {"yes": 7})
    assert Decision.get_by_id(d.id).passed
    assert Stage.BRANCH_RESOLUTION in stages(applicant)


def test_ordinary_resolution_and_stale_votes_block_adoption(setup):
    m = setup["meeting"]
    d = vote(m.id, DecisionKind.ORDINARY, None, 5, 4, title="Nghị quyết tháng 3")
    assert d.passed and d.title == "Nghị quyết tháng 3"
    attendance.set_attendance(m.id, setup["official"][8], A.ELSEWHERE)
    with pytest.raises(ValidationError) as err:
        minutes.adopt(m.id, DAY)
    assert "decisions" in err.value.errors
    decisions.delete_decision(d.id)
    vote(m.id, DecisionKind.ORDINARY, None, 5, 3, title="Nghị quyết tháng 3")
    minutes.adopt(m.id, DAY)
    with pytest.raises(MinutesLocked):
        vote(m.id, DecisionKind.ORDINARY, None, 8)
    last = decisions.decisions(m.id)[-1]
    with pytest.raises(MinutesLocked):
        decisions.update_decision(last.id, {"text": "Sửa"})
    decisions.set_document_number(last.id, "05-NQ/CB")  # the issued number is not part of the minutes
    assert decisions.decision_row(last.id).document_number == "05-NQ/CB"


def test_no_vote_on_admission_with_fewer_than_three_official_members(org):
    """Party Charter Article 24.1: a branch needs at least three official members."""
    _org, branch = org
    a = person(branch.id, "Nguyễn Văn An", Status.OFFICIAL, official_date=dt.date(2010, 1, 1))
    person(branch.id, "Nguyễn Văn Bình", Status.OFFICIAL, official_date=dt.date(2010, 1, 1))
    applicant = person(branch.id, "Lò Văn Sáng", Status.APPLICANT)
    m = meeting_prep.prepare_meeting(branch.id, DAY, chair=a)
    with pytest.raises(ValidationError) as err:
        vote(m.id, DecisionKind.ADMISSION, applicant, 2)
    assert "kind" in err.value.errors


def test_no_votes_before_the_meeting_day(setup):
    later = meeting_prep.prepare_meeting(setup["branch"].id, clock.today() + dt.timedelta(days=20))
    with pytest.raises(ValidationError) as err:
        vote(later.id, DecisionKind.ORDINARY, None, 5)
    assert "date" in err.value.errors


def test_a_draft_whose_votes_changed_records_is_not_deleted(setup):
    m, applicant = setup["meeting"], setup["applicant"]
    d = vote(m.id, DecisionKind.ADMISSION, applicant, 9)
    with pytest.raises(ValidationError) as err:
        removal.delete_meeting(m.id)
    assert "decisions" in err.value.errors
    decisions.delete_decision(d.id)
    removal.delete_meeting(m.id)
    assert Stage.BRANCH_RESOLUTION not in stages(applicant)
