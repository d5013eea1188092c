"""Strike-off grounds: Party Charter Art. 8.2 (three months in a year without Party activity, or without paying
fees, without valid reason), Regulation 294-QĐ/TW point 8.1 (graded "did not complete tasks" two years running,
reading UNCONFIRMED); domain.md §3.4 and §6. Months are counted per calendar year, as the absence reminder does."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core.rules import Month, months_with_unexcused_absence, set_overrides, strike_off_grounds

d = dt.date


@pytest.fixture(autouse=True)
def _clean():
    i18n.set_language("en")
    set_overrides({})
    yield
    set_overrides({})


def months(*numbers, year=2026):
    return [Month(year, n) for n in numbers]


def test_a_month_with_two_missed_meetings_counts_once():
    assert months_with_unexcused_absence([d(2026, 3, 3), d(2026, 3, 20), d(2026, 5, 3)]) == set(months(3, 5))


def test_three_months_without_activity_charter_art_8_2():
    assert not strike_off_grounds(2026, skipped=months(1, 4))
    found = strike_off_grounds(2026, skipped=months(1, 4, 9))
    assert found.rule_ids() == ["strike_off_months"] and found.warnings and found.ok
    assert found.messages() == ["No Party activity without valid reason in 3 months of 2026 (01/2026, 04/2026, "
                                "09/2026): the branch considers striking the member off (Party Charter, Article 8.2)."]


def test_three_months_of_fees_unpaid_charter_art_8_2():
    assert not strike_off_grounds(2026, unpaid=months(10, 11))
    found = strike_off_grounds(2026, unpaid=months(2, 10, 11))
    assert found.rule_ids() == ["strike_off_months"]
    assert found[0].message.startswith("Party fees not paid without valid reason for 3 months of 2026")


def test_months_of_another_year_do_not_count():
    assert not strike_off_grounds(2026, skipped=months(11, 12, year=2025) + months(1))


def test_months_of_either_kind_add_up_only_where_the_setting_says_so():
    assert not strike_off_grounds(2026, skipped=months(1, 2), unpaid=months(2, 5))
    set_overrides({"strike_off_counts_together": True})
    found = strike_off_grounds(2026, skipped=months(1, 2), unpaid=months(2, 5))
    assert found.rule_ids() == ["strike_off_counts_together"]
    assert "in 3 months of 2026 (01/2026, 02/2026, 05/2026)" in found[0].message  # February once
    assert not strike_off_grounds(2026, skipped=months(1), unpaid=months(1, 2))


def test_graded_did_not_complete_tasks_two_years_running():
    found = strike_off_grounds(2026, grades_by_year={2025: "not_completed", 2026: "not_completed"})
    assert found.rule_ids() == ["strike_off_failed_years"]
    assert found.messages() == ["Graded “Did not complete tasks” in 2025, 2026: the branch considers striking the "
                                "member off (Regulation 294-QĐ/TW, point 8.1 (reading unconfirmed))."]
    assert not strike_off_grounds(2026, grades_by_year={2025: "completed", 2026: "not_completed"})


def test_every_ground_at_once_and_in_vietnamese():
    i18n.set_language("vi")
    try:
        found = strike_off_grounds(2026, skipped=months(1, 2, 3), unpaid=months(4, 5, 6),
                                   grades_by_year={2025: "not_completed", 2026: "not_completed"})
    finally:
        i18n.set_language("en")
    assert len(found) == 3
    assert found[0].message == ("Bỏ sinh hoạt đảng không có lý do chính đáng 3 tháng trong năm 2026 (01/2026, "
                                "02/2026, 03/2026): chi bộ xem xét, đề nghị xóa tên (Điều lệ Đảng, khoản 2 Điều 8).")
