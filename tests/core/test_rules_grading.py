"""Annual grading: Regulation 366-QĐ/TW Article 5 point 2.1 (not graded: exempt, suspended, admitted less than
6 months), Article 11 (four grades; point 1.5: "excellent" at most 20 % — 25 % in outstanding units — of those
graded "good" in the comparable group; point 4: disciplined from a reprimand up → "did not complete tasks"),
Guidance 43-HD/BTCTW points 7.5–7.6 (sick ≥ 3 months or maternity; temporarily elsewhere); domain.md §6."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from desktop_app import i18n
from desktop_app.core.enums import Status
from desktop_app.core.member_codes import DisciplineKind, Grade, GradingNote, NotGradedReason, OrganisationGrade
from desktop_app.core.rules import (
    ERROR,
    WARNING,
    GradingFacts,
    check_excellent_cap,
    check_member_grade,
    excellent_cap,
    failed_years_running,
    good_or_better_share,
    grade_counts,
    grading_eligibility,
    set_overrides,
)

d = dt.date
GRADING = d(2026, 12, 15)


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")
    set_overrides({})
    yield
    set_overrides({})


def test_four_grades_with_their_official_names_366_qd_tw_art_11():
    assert Grade.codes() == ["excellent", "good", "completed", "not_completed"]
    assert OrganisationGrade.codes() == Grade.codes()
    i18n.set_language("vi")
    try:
        assert [Grade.label(c) for c in Grade.codes()] == [
            "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
            "Không hoàn thành nhiệm vụ"]
        assert OrganisationGrade.label("good") == "Hoàn thành tốt nhiệm vụ"
    finally:
        i18n.set_language("en")
    assert Grade.rank("excellent") == 0 and Grade.rank("not_completed") == 3


# ---- who is graded (366-QĐ/TW Art. 5 point 2.1) -----------------------------------------------------------


def test_admitted_six_months_less_a_day_is_not_graded_366_qd_tw():
    """Admitted 15/06/2026: on 14/12/2026 (6 months less a day) not graded; on 15/12/2026 graded."""
    facts = GradingFacts(Status.PROBATIONARY, admitted=d(2026, 6, 15))
    early = grading_eligibility(facts, d(2026, 12, 14))
    assert not early.graded and early.reason == NotGradedReason.NEW_MEMBER
    assert early.graded_from == d(2026, 12, 15) and early.rule_id == "grading_min_membership_months"
    assert early.message == "Admitted on 15/06/2026, less than 6 months before the grading: not graded."
    assert grading_eligibility(facts, d(2026, 12, 15)).graded


def test_six_months_from_the_end_of_a_month():
    """Admitted 31/05/2026: six months complete on 30/11/2026 (November has no 31st)."""
    facts = GradingFacts(Status.PROBATIONARY, admitted=d(2026, 5, 31))
    assert not grading_eligibility(facts, d(2026, 11, 29)).graded
    assert grading_eligibility(facts, d(2026, 11, 30)).graded


def test_exempt_and_suspended_members_are_not_graded_366_qd_tw():
    exempt = grading_eligibility(GradingFacts(Status.EXEMPT, admitted=d(1990, 1, 1)), GRADING)
    assert (exempt.graded, exempt.reason) == (False, NotGradedReason.EXEMPT)
    assert exempt.source == "Regulation 366-QĐ/TW, Article 5, point 2.1"
    suspended = grading_eligibility(GradingFacts(Status.OFFICIAL, suspended=True), GRADING)
    assert (suspended.graded, suspended.reason) == (False, NotGradedReason.SUSPENDED)


def test_only_members_are_asked_about():
    with pytest.raises(ValueError):
        grading_eligibility(GradingFacts(Status.APPLICANT), GRADING)


def test_sick_three_months_or_maternity_graded_on_work_done_43_hd_btctw_7_5():
    assert grading_eligibility(GradingFacts(Status.OFFICIAL, sick_months=2), GRADING).notes == ()
    sick = grading_eligibility(GradingFacts(Status.OFFICIAL, sick_months=3), GRADING)
    assert sick.graded and sick.notes == (GradingNote.SICK,)
    both = grading_eligibility(GradingFacts(Status.OFFICIAL, maternity=True, temporarily_elsewhere=True), GRADING)
    assert both.notes == (GradingNote.MATERNITY, GradingNote.ELSEWHERE)


# ---- a member's grade --------------------------------------------------------------------------------------


def test_disciplined_in_the_year_means_did_not_complete_tasks_366_qd_tw_art_11_4():
    facts = GradingFacts(Status.OFFICIAL, disciplines=((d(2026, 5, 3), DisciplineKind.REPRIMAND),))
    found = check_member_grade(Grade.GOOD, facts, year=2026, grading_date=GRADING)
    assert [f.severity for f in found] == [ERROR] and found.rule_ids() == ["discipline_grade"]
    assert found.messages() == ["Disciplined in 2026 (“Reprimand”, 03/05/2026): the grade is “Did not complete "
                                "tasks” (Regulation 366-QĐ/TW, Article 11, point 4)."]
    assert not check_member_grade(Grade.NOT_COMPLETED, facts, year=2026, grading_date=GRADING)


def test_discipline_of_another_year_does_not_count():
    facts = GradingFacts(Status.OFFICIAL, disciplines=((d(2025, 12, 31), DisciplineKind.WARNING),))
    assert not check_member_grade(Grade.EXCELLENT, facts, year=2026, grading_date=GRADING)


def test_fault_admitted_and_remedied_leaves_the_decision_to_the_committee():
    facts = GradingFacts(Status.OFFICIAL, disciplines=((d(2026, 5, 3), DisciplineKind.REPRIMAND),), remedied=True)
    found = check_member_grade(Grade.COMPLETED, facts, year=2026, grading_date=GRADING)
    assert [f.severity for f in found] == [WARNING]


def test_a_grade_for_someone_not_graded_is_refused():
    found = check_member_grade(Grade.GOOD, GradingFacts(Status.EXEMPT), year=2026, grading_date=GRADING)
    assert found.errors and found.rule_ids() == ["not_graded"]
    with pytest.raises(ValueError):
        check_member_grade("perfect", GradingFacts(Status.OFFICIAL), year=2026, grading_date=GRADING)


# ---- the cap: 20 % of "good", not of the branch (366-QĐ/TW Art. 11 point 1.5) ----------------------------------


def test_cap_is_20_percent_of_those_graded_good():
    assert excellent_cap(15) == 3 and excellent_cap(14) == 2 and excellent_cap(4) == 0 and excellent_cap(0) == 0
    assert excellent_cap(15, outstanding_unit=True) == 3 and excellent_cap(16, outstanding_unit=True) == 4


def test_exactly_at_the_cap_is_allowed():
    assert not check_excellent_cap(3, 15)
    assert not check_excellent_cap(5, 25)
    assert not check_excellent_cap(0, 0)


def test_over_the_cap_warns_naming_the_counts():
    """30 members, 4 "excellent" and 15 "good": 4 is within 20 % of the branch (6) but over 20 % of "good" (3)."""
    found = check_excellent_cap(4, 15)
    assert [f.severity for f in found] == [WARNING] and found.rule_ids() == ["excellent_cap_percent"]
    assert found.messages() == [
        "Graded “Completed tasks excellently”: 4, more than 20% of those graded “Completed tasks well” (15); "
        "at most 3 in this group (Regulation 366-QĐ/TW, Article 11, point 1.5)."]
    assert check_excellent_cap(1, 0)  # no "good" at all: no "excellent" either


def test_outstanding_units_may_reach_25_percent():
    assert check_excellent_cap(4, 16)
    assert not check_excellent_cap(4, 16, outstanding_unit=True)
    assert check_excellent_cap(5, 16, outstanding_unit=True).rule_ids() == ["excellent_cap_outstanding_percent"]


def test_cap_warning_in_vietnamese():
    i18n.set_language("vi")
    try:
        message = check_excellent_cap(4, 15).messages()[0]
    finally:
        i18n.set_language("en")
    assert message == ("Xếp loại “Hoàn thành xuất sắc nhiệm vụ”: 4, vượt quá 20% số xếp loại “Hoàn thành tốt nhiệm "
                       "vụ” (15); nhóm này tối đa 3 (Quy định 366-QĐ/TW, Điều 11, điểm 1.5).")


def test_negative_counts_refused():
    with pytest.raises(ValueError):
        check_excellent_cap(-1, 5)
    with pytest.raises(ValueError):
        excellent_cap(-1)


# ---- the published share, exactly -------------------------------------------------------------------------------


def test_good_or_better_share_is_exact():
    counts = grade_counts(["excellent"] * 3 + ["good"] * 26 + ["completed"] * 2 + ["not_completed"])
    assert counts == {"excellent": 3, "good": 26, "completed": 2, "not_completed": 1}
    share = good_or_better_share(counts)
    assert share == Fraction(29, 32) and float(share) == 0.90625
    assert good_or_better_share(dict.fromkeys(Grade.codes(), 0)) is None
    with pytest.raises(ValueError):
        grade_counts(["exempt"])
    with pytest.raises(ValueError):
        good_or_better_share({"excellent": 1, "exempt": 2})


# ---- two years running "did not complete tasks" --------------------------------------------------------------


def test_two_years_running_not_completed():
    assert failed_years_running({2025: "not_completed", 2026: "not_completed"}, 2026)
    assert not failed_years_running({2024: "not_completed", 2026: "not_completed"}, 2026)
    assert not failed_years_running({2025: "not_completed", 2026: "completed"}, 2026)
    assert not failed_years_running({2026: "not_completed"}, 2026)
    set_overrides({"strike_off_failed_years": 3})
    assert not failed_years_running({2025: "not_completed", 2026: "not_completed"}, 2026)
