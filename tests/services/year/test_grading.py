"""The annual grading through the services (Regulation 366-QĐ/TW, Guidance 43-HD/BTCTW; domain.md §6): each rule at
its boundary — six months less a day, exempt and suspended members, a member disciplined in the year, the cap on
"excellent" at its exact value — the order of the steps, the committee's decision that locks the grades, the dated
correction, and refusals that write nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core.enums import MembershipKind, Stage
from desktop_app.core.member_codes import Grade, GradingNote, NotGradedReason
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.people import membership, people
from desktop_app.services.year import corrections, discipline, history, member_grades, rounds
from desktop_app.services.year.roster import roster
from tests import recount
from tests.services.year.conftest import member

D = dt.date
EXC, GOOD, DONE, FAIL = Grade.EXCELLENT, Grade.GOOD, Grade.COMPLETED, Grade.NOT_COMPLETED


def _written() -> tuple[int, ...]:
    """Rows of the grading tables and of the audit trail: a refusal changes none of them."""
    return tuple(recount.query(f"SELECT count(*) FROM {t}")[0][0]
                 for t in ("gradinground", "branchgrading", "membergrade", "gradecorrection", "auditentry"))


def _open(branch, *, grading_date=D(2026, 12, 15), voters=12):
    found = rounds.open_round(2026, grading_date, opened_on=D(2026, 11, 20))
    rounds.set_branch_meeting(2026, branch.branch.id, meeting_on=D(2026, 12, 20), voters=voters)
    return found


def _row(found, person_id):
    return next(r for r in roster(found, None) if r.person_id == person_id)


def _refused(call, *args, field=None, contains="", **kwargs):
    before = _written()
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    assert _written() == before, "a refusal writes nothing"
    if field:
        assert field in info.value.errors, info.value.errors
    if contains:
        assert contains in str(info.value), str(info.value)
    return info.value


# ---- the round ---------------------------------------------------------------------------------------------------


def test_a_year_without_a_round_is_refused_with_its_year(branch):
    error = _refused(member_grades.set_grade, 2026, branch.ids[0], "branch", GOOD, field="year")
    assert "2026" in str(error)
    i18n.set_language("en")
    assert "No grading round has been opened for 2026" in str(
        _refused(member_grades.decide, 2026, branch.branch.id, D(2027, 1, 5)))


def test_a_round_once_a_year_with_its_grading_date_in_range(branch):
    _open(branch)
    _refused(rounds.open_round, 2026, D(2026, 12, 16), field="year")
    _refused(rounds.open_round, 2025, D(2026, 4, 1), field="grading_date")  # past March of the next year
    _refused(rounds.open_round, 2025, D(2024, 12, 31), field="grading_date")
    assert rounds.open_round(2025, D(2026, 3, 31)).grading_date == D(2026, 3, 31)


# ---- who is graded -------------------------------------------------------------------------------------------------


def test_six_months_less_a_day_is_not_graded(branch):
    """Admitted by decision on 15/06/2026: not graded on 14/12/2026, graded on 15/12/2026 (Art. 5, point 2.1)."""
    new = member("Lò Văn Mới", branch.branch.id, since=D(2026, 7, 1), admitted=D(2026, 6, 15), status="probationary")
    found = _open(branch, grading_date=D(2026, 12, 14))
    row = _row(found, new.id)
    assert (row.graded, row.reason, row.graded_from) == (False, NotGradedReason.NEW_MEMBER, D(2026, 12, 15))
    i18n.set_language("en")
    error = _refused(member_grades.set_grade, 2026, new.id, "branch", GOOD, field="branch_grade")
    assert "Lò Văn Mới is not graded this year" in str(error) and "15/06/2026" in str(error)
    found = rounds.set_grading_date(2026, D(2026, 12, 15))
    assert _row(found, new.id).graded
    saved = member_grades.set_grade(2026, new.id, "branch", GOOD)
    assert saved.row.grade == GOOD and saved.row.entry.branch_on == D(2026, 12, 20)


def test_exempt_members_are_listed_not_graded_and_refused_a_grade(branch):
    people.record_stage(branch.ids[0], Stage.EXEMPTED, D(2026, 3, 1))
    found = _open(branch)
    row = _row(found, branch.ids[0])
    assert (row.status, row.graded, row.reason) == ("exempt", False, NotGradedReason.EXEMPT)
    for step in member_grades.STEPS:
        _refused(member_grades.set_grade, 2026, branch.ids[0], step, GOOD)


def test_a_suspended_member_is_not_graded_and_loses_the_grades_recorded(branch):
    found = _open(branch)
    member_grades.set_grade(2026, branch.ids[1], "branch", GOOD)
    saved = member_grades.set_facts(2026, branch.ids[1], suspended=True)
    assert (saved.row.graded, saved.row.reason, saved.row.grade) == (False, NotGradedReason.SUSPENDED, "")
    assert _row(found, branch.ids[1]).entry.branch_grade == ""


def test_notes_long_sick_leave_from_three_months_maternity_and_elsewhere(branch):
    found = _open(branch)
    assert member_grades.set_facts(2026, branch.ids[0], sick_months=2).row.notes == ()
    assert member_grades.set_facts(2026, branch.ids[0], sick_months=3).row.notes == (GradingNote.SICK,)
    assert GradingNote.MATERNITY in member_grades.set_facts(2026, branch.ids[1], maternity=True).row.notes
    # Away from March to June: temporarily active elsewhere during the year, back before the grading.
    membership.record(branch.ids[2], MembershipKind.ELSEWHERE_FROM, D(2026, 3, 1), place="Chi bộ Trường THCS")
    membership.record(branch.ids[2], MembershipKind.ELSEWHERE_UNTIL, D(2026, 6, 30))
    row = _row(found, branch.ids[2])
    assert row.graded and GradingNote.ELSEWHERE in row.notes
    saved = member_grades.set_facts(2026, branch.ids[2], host_comment="Hoàn thành tốt nhiệm vụ được giao.")
    assert saved.row.entry.host_comment == "Hoàn thành tốt nhiệm vụ được giao."
    assert member_grades.set_grade(2026, branch.ids[2], "branch", GOOD).row.grade == GOOD
    _refused(member_grades.set_facts, 2026, branch.ids[0], sick_months=13, field="sick_months")


# ---- discipline -------------------------------------------------------------------------------------------------


def _reprimand(person_id, day, **extra):
    return discipline.record(person_id, {"kind": "reprimand", "decided_on": day, "decided_by": "branch",
                                         "reason": "Vi phạm quy định về sinh hoạt đảng.", **extra})


def test_disciplined_in_the_year_is_graded_did_not_complete_tasks(branch):
    """A reprimand or worse in the year graded: "không hoàn thành nhiệm vụ" (Art. 11, point 4)."""
    _reprimand(branch.ids[0], D(2026, 12, 31))  # the last day of the year counts
    _reprimand(branch.ids[1], D(2025, 12, 31))  # the year before does not
    found = _open(branch)
    assert _row(found, branch.ids[0]).must_fail and not _row(found, branch.ids[1]).disciplined
    i18n.set_language("en")
    error = _refused(member_grades.set_grade, 2026, branch.ids[0], "branch", DONE, field="branch_grade")
    assert "Disciplined in 2026" in str(error) and "Did not complete tasks" in str(error)
    _refused(member_grades.set_grade, 2026, branch.ids[0], "committee", GOOD)
    assert member_grades.set_grade(2026, branch.ids[0], "branch", FAIL).row.grade == FAIL
    assert member_grades.set_grade(2026, branch.ids[1], "branch", EXC).row.grade == EXC


def test_a_remedied_fault_is_a_warning_not_a_refusal(branch):
    _reprimand(branch.ids[0], D(2026, 5, 4), remedied=True)
    _open(branch)
    saved = member_grades.set_grade(2026, branch.ids[0], "branch", DONE)
    assert saved.row.grade == DONE and len(saved.warnings) == 1 and "2026" in saved.warnings[0]


def test_the_self_assessment_is_the_members_own_view(branch):
    """A disciplined member may propose "good" for themselves; the rule shows as a warning."""
    _reprimand(branch.ids[0], D(2026, 5, 4))
    _open(branch)
    saved = member_grades.set_grade(2026, branch.ids[0], "self", GOOD, on=D(2026, 12, 10), text="Tự nhận")
    assert (saved.row.entry.self_grade, saved.row.entry.self_text) == (GOOD, "Tự nhận") and saved.warnings


# ---- the cap on "excellent" -------------------------------------------------------------------------------------


def _grade_all(branch, excellent: int, good: int):
    for pid in branch.ids[:excellent]:
        member_grades.set_grade(2026, pid, "branch", EXC)
    for pid in branch.ids[excellent:excellent + good]:
        member_grades.set_grade(2026, pid, "branch", GOOD)


@pytest.fixture
def twenty(branch):
    """Twenty members: the cap is 20 % of those graded "good" (Art. 11, point 1.5)."""
    for n in range(8):
        p = member(f"Lò Văn Thêm {n + 1}", branch.branch.id, since=D(2010, 1, 1), admitted=D(2000, 1, 1))
        branch.ids.append(p.id)
    _open(branch, voters=20)
    return branch


def test_the_cap_at_its_exact_value_gives_no_warning(twenty):
    _grade_all(twenty, 3, 15)  # 3 of 15: exactly 20 %
    member_grades.set_grade(2026, twenty.ids[18], "branch", DONE)
    member_grades.set_grade(2026, twenty.ids[19], "branch", DONE)
    assert member_grades.decide(2026, twenty.branch.id, D(2027, 1, 5)).warnings == []


def test_one_over_the_cap_is_a_warning_that_names_the_counts(twenty):
    i18n.set_language("en")
    _grade_all(twenty, 4, 15)  # 4 of 15: over 20 %; the decision still goes through
    member_grades.set_grade(2026, twenty.ids[19], "branch", DONE)
    decided = member_grades.decide(2026, twenty.branch.id, D(2027, 1, 5))
    assert decided.count == 20
    assert len(decided.warnings) == 1
    warning = decided.warnings[0]
    assert ": 4," in warning and "(15)" in warning and "at most 3" in warning and "20%" in warning


def test_an_outstanding_unit_may_have_a_quarter(twenty):
    rounds.set_branch_meeting(2026, twenty.branch.id, outstanding=True)
    _grade_all(twenty, 4, 16)  # 4 of 16: 25 %
    assert member_grades.decide(2026, twenty.branch.id, D(2027, 1, 5)).warnings == []


# ---- the order of the steps, the decision and the lock -----------------------------------------------------------


def test_steps_are_dated_in_order(branch):
    _open(branch)
    member_grades.set_grade(2026, branch.ids[0], "self", GOOD, on=D(2026, 12, 10))
    member_grades.set_grade(2026, branch.ids[0], "branch", GOOD)
    _refused(member_grades.set_grade, 2026, branch.ids[0], "self", EXC, on=D(2026, 12, 21), field="self_on")
    member_grades.set_grade(2026, branch.ids[1], "self", GOOD, on=D(2026, 12, 22))
    _refused(member_grades.set_grade, 2026, branch.ids[1], "branch", GOOD, field="branch_on")
    _refused(member_grades.set_grade, 2026, branch.ids[2], "self", GOOD, on=D(2027, 1, 11), field="self_on")
    _refused(member_grades.set_grade, 2026, branch.ids[2], "branch", "tốt", field="branch_grade")
    _refused(member_grades.set_grade, 2026, branch.ids[2], "branch", GOOD, yes=13, field="branch_yes")


def test_a_proposal_needs_the_branch_meeting_date(branch):
    rounds.open_round(2026, D(2026, 12, 15))
    _refused(member_grades.set_grade, 2026, branch.ids[0], "branch", GOOD, field="meeting_on")
    saved = member_grades.set_grade(2026, branch.ids[0], "branch", GOOD, on=D(2026, 12, 19))
    assert (saved.row.entry.branch_on, saved.row.entry.branch_yes) == (D(2026, 12, 19), None)


def test_the_vote_defaults_to_every_voter(branch):
    _open(branch, voters=11)
    assert member_grades.set_grade(2026, branch.ids[0], "branch", GOOD).row.entry.branch_yes == 11
    assert member_grades.set_grade(2026, branch.ids[1], "branch", GOOD, yes=9).row.entry.branch_yes == 9


def test_the_decision_waits_for_the_branch_and_comes_after_it(branch):
    i18n.set_language("en")
    _open(branch)
    _grade_all(branch, 1, 10)  # the twelfth has no proposal
    error = _refused(member_grades.decide, 2026, branch.branch.id, D(2027, 1, 5), field="decided_on")
    assert _row(rounds.round_for(2026), branch.ids[11]).name in str(error)
    member_grades.set_grade(2026, branch.ids[11], "branch", DONE)
    error = _refused(member_grades.decide, 2026, branch.branch.id, D(2026, 12, 19), field="decided_on")
    assert "before the branch's proposal of 20/12/2026" in str(error)
    _refused(member_grades.decide, 2026, branch.branch.id, D(2027, 1, 11), field="decided_on")  # in the future
    member_grades.set_grade(2026, branch.ids[0], "committee", GOOD)  # the committee's own grade wins
    assert member_grades.decide(2026, branch.branch.id, D(2026, 12, 20)).count == 12
    found = rounds.round_for(2026)
    assert _row(found, branch.ids[0]).grade == GOOD and _row(found, branch.ids[0]).locked
    _refused(member_grades.decide, 2026, branch.branch.id, D(2027, 1, 5), contains="no grade of this branch left")


def test_decided_grades_are_locked_and_change_only_through_a_dated_correction(branch):
    i18n.set_language("en")
    found = _open(branch)
    _grade_all(branch, 2, 10)
    member_grades.decide(2026, branch.branch.id, D(2027, 1, 5))
    pid = branch.ids[0]
    for step in member_grades.STEPS:
        error = _refused(member_grades.set_grade, 2026, pid, step, DONE)
        assert "changes only through a dated correction" in str(error)
    _refused(member_grades.set_facts, 2026, pid, sick_months=4)
    _refused(rounds.set_grading_date, 2026, D(2026, 12, 16), field="grading_date")
    _refused(rounds.set_branch_meeting, 2026, branch.branch.id, voters=10, field="meeting_on")
    _refused(corrections.correct_member, 2026, pid, GOOD, None, "Nhầm khi nhập", field="corrected_on")
    _refused(corrections.correct_member, 2026, pid, GOOD, D(2027, 1, 8), "  ", field="reason")
    _refused(corrections.correct_member, 2026, pid, GOOD, D(2027, 1, 4), "Nhầm", field="corrected_on")
    _refused(corrections.correct_member, 2026, pid, EXC, D(2027, 1, 8), "Nhầm", field="grade")  # the same grade
    saved = corrections.correct_member(2026, pid, GOOD, D(2027, 1, 8), "Nhập nhầm mức xếp loại",
                                       document_ref="02-QĐ/ĐU")
    assert saved.row.grade == GOOD and saved.row.entry.corrections == 1
    fixes = corrections.of_member(2026, pid)
    assert [(f.before, f.after, f.corrected_on, f.reason) for f in fixes] == [
        (EXC, GOOD, D(2027, 1, 8), "Nhập nhầm mức xếp loại")]
    assert history.member_history(pid)[0].corrections == 1 and history.member_history(pid)[0].grade == GOOD
    assert _row(found, pid).locked


def test_a_correction_is_only_for_a_decided_grade(branch):
    _open(branch)
    member_grades.set_grade(2026, branch.ids[0], "branch", GOOD)
    _refused(corrections.correct_member, 2026, branch.ids[0], DONE, D(2027, 1, 8), "x", field="grade")


def test_the_grades_of_the_two_years_before_come_with_each_name(branch):
    for year in (2024, 2025):
        rounds.open_round(year, D(year, 12, 15), opened_on=D(year, 11, 1))
        rounds.set_branch_meeting(year, branch.branch.id, meeting_on=D(year, 12, 18), voters=12)
        member_grades.set_grade(year, branch.ids[0], "branch", DONE if year == 2024 else GOOD)
    found = _open(branch)
    assert _row(found, branch.ids[0]).previous == {2024: DONE, 2025: GOOD}
    assert _row(found, branch.ids[1]).previous == {}
