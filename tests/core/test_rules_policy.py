"""Policies: every parameter of domain.md §7 with its source, the registry by effective date, and
the user's overrides of the configurable (UNCONFIRMED or local) parameters."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core import rules
from desktop_app.core.rules import (
    PARAMETERS,
    POLICIES,
    RULES,
    check_overrides,
    configurable_parameters,
    get_overrides,
    policy_for,
    published_policy_for,
    set_overrides,
)
from desktop_app.core.rules.overrides import apply_overrides

d = dt.date


@pytest.fixture(autouse=True)
def _no_overrides():
    i18n.set_language("en")  # the assertions read the English sources
    set_overrides({})
    yield
    set_overrides({})


# ---- the values of domain.md §7, each with its source -------------------------------------------------


@pytest.mark.parametrize(("name", "value", "cited"), [
    ("min_age_months", 216, "point 1.1.1"),
    ("max_age_months", 720, "points 1.1.1 and 1.1.2"),
    ("certificate_valid_months", 60, "06-HD/TW, point 5.4"),
    ("dossier_stale_months", 12, "unconfirmed"),
    ("introducer_months", 12, "Article 4.2"),
    ("admission_vote", (2, 3, False), "Article 4.3"),
    ("recognition_vote", (2, 3, False), "Article 5.2"),
    ("committee_vote", (2, 3, False), "Article 4.3"),
    ("ordinary_vote", (1, 2, True), "Article 9.5"),
    ("denominator_excludes", ("elsewhere", "exempt_absent", "suspended", "absent_accepted"), "point 9.3.2"),
    ("min_official_members", 3, "Article 24.1"),
    ("decision_admission_working_days", 60, "point 4.3.1"),
    ("decision_recognition_working_days", 30, "point 4.3.1"),
    ("decision_extension_working_days", 30, "point 4.3.1"),
    ("ceremony_working_days", 30, "point 4.1"),
    ("probation_months", 12, "Article 5.1"),
    ("history_declaration_working_days", 30, "12-HD/BTCTW"),
    ("recognition_vote_working_days", 30, "point 4.2.1"),
    ("official_at_probation_end", True, "point 4.2.2"),
    ("party_age_from", "admission_decision", "Article 5.4"),
    ("failed_votes_escalation", 3, "point 4.2.3"),
    ("meeting_day", 3, "50-CT/TW"),
    ("thematic_per_quarter", 1, "50-CT/TW"),
    ("meeting_min_minutes", 90, "42-HD/BTCTW"),
    ("combined_meeting_min_minutes", 120, "42-HD/BTCTW"),
    ("attendance_min_percent", 85, "12-HD/BTCTW (06/7/2018)"),
    ("max_unexcused_absences", 0, "12-HD/BTCTW (06/7/2018)"),
    ("max_consecutive_excused", 3, "12-HD/BTCTW (06/7/2018)"),
    ("strike_off_months", 3, "Article 8.2"),
    ("transfer_start_working_days", 60, "point 6.3.1"),
    ("transfer_report_working_days", 30, "point 6.3.1"),
    ("document_numbering_reset", "term", "36-HD/VPTW"),
    ("certificate_warning_days", 90, "Application setting"),
    # a member's life after admission (domain.md §1.7 and §6)
    ("fee_salary_rate", (1, 100), "342-QĐ/TW"),
    ("fee_pension_rate", (1, 200), "342-QĐ/TW"),
    ("fee_wage_income_rate", (1, 100), "342-QĐ/TW"),
    ("fee_beyond_working_age_percent", 50, "03-HD/VPTW"),
    ("fee_suspended_members_pay", True, "Article 2.4"),
    ("fee_exempt_members_pay", True, "unconfirmed"),
    ("fee_rounding_dong", 1, "rounding unconfirmed"),
    ("fee_remit_percent", 70, "342-QĐ/TW, Part II, point 1"),
    ("fee_grassroots_remit_percent", None, "share unconfirmed"),
    ("strike_off_counts_together", False, "Article 8.2 (reading unconfirmed)"),
    ("strike_off_failed_years", 2, "point 8.1"),
    ("readmission_wait_months", 36, "294-QĐ/TW, point 3.5.1"),
    ("readmission_record_cleared_months", 60, "294-QĐ/TW, point 3.5.1"),
    ("grading_min_membership_months", 6, "366-QĐ/TW, Article 5, point 2.1"),
    ("grading_sick_months", 3, "43-HD/BTCTW, point 7.5"),
    ("excellent_cap_percent", 20, "366-QĐ/TW, Article 11, point 1.5"),
    ("excellent_cap_outstanding_percent", 25, "366-QĐ/TW, Article 11, point 1.5"),
    ("badge_milestones_years", (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90), "01-HD/TW (2021), point 18"),
    ("badge_award_days", ((3, 2), (19, 5), (2, 9), (7, 11)), "unconfirmed under 06-HD/TW"),
    ("badge_ill_early_months", 12, "point 18"),
    ("badge_senior_from_years", 70, "point 18"),
    ("badge_ill_early_months_senior", 24, "point 18"),
    ("badge_posthumous_early_months", 12, "point 18"),
])
def test_current_policy_parameter_and_source_domain_section_7(name, value, cited):
    policy = policy_for(d(2026, 1, 1))
    assert getattr(policy, name) == value
    assert cited in policy.source(name)


def test_every_parameter_and_rule_has_a_source_that_formats():
    for policy in POLICIES:
        for name in list(PARAMETERS) + [r for r in RULES if RULES[r]]:
            text = policy.source(name)
            assert text and "{" not in text, (policy.version, name)


def test_sources_name_the_documents_of_each_policy():
    assert policy_for(d(2026, 1, 1)).source("ceremony_working_days") == "Regulation 294-QĐ/TW, point 4.1"
    assert policy_for(d(2025, 3, 1)).source("ceremony_working_days") == "Regulation 232-QĐ/TW, point 4.1"
    assert policy_for(d(2023, 3, 1)).source("ceremony_working_days") == "Regulation 24-QĐ/TW, point 4.1"
    assert policy_for(d(2018, 3, 1)).source("ceremony_working_days") == "Regulation 29-QĐ/TW, point 4.1"


def test_sources_are_translated():
    assert policy_for(d(2026, 1, 1)).source("probation_months") == "Party Charter, Article 5.1"
    i18n.set_language("vi")
    assert policy_for(d(2026, 1, 1)).source("ceremony_working_days") == "Quy định 294-QĐ/TW, điểm 4.1"
    assert policy_for(d(2026, 1, 1)).source("certificate_valid_months") == "Hướng dẫn 06-HD/TW, điểm 5.4"


# ---- the registry -------------------------------------------------------------------------------------


def test_grading_sources_follow_regulation_366_and_guidance_43():
    """366-QĐ/TW (30/8/2025, assumed in force on signing), 43-HD/BTCTW in force 31/10/2025; before them the
    grading values are assumed unchanged and say so."""
    assert policy_for(d(2025, 8, 29)).source("excellent_cap_percent") == (
        "Annual evaluation rules before Regulation 366-QĐ/TW (values unconfirmed)")
    assert policy_for(d(2025, 8, 30)).source("excellent_cap_percent") == "Regulation 366-QĐ/TW, Article 11, point 1.5"
    assert policy_for(d(2025, 10, 30)).source("grading_sick_months") == (
        "Guidance 25-HD/BTCTW (2023) (point unconfirmed)")
    assert policy_for(d(2025, 10, 31)).source("grading_sick_months") == "Guidance 43-HD/BTCTW, point 7.5"
    assert policy_for(d(2025, 10, 31)).source("graded_elsewhere") == "Guidance 43-HD/BTCTW, point 7.6"
    assert policy_for(d(2025, 9, 3)).source("meeting_min_minutes").startswith("Guidance 12-HD/BTCTW")
    assert "42-HD/BTCTW" in policy_for(d(2025, 10, 31)).source("meeting_min_minutes")


def test_policy_for_effective_dates():
    assert policy_for(d(2025, 6, 30)).version == "232-QĐ/TW+06-HD/TW:2025-06-09"
    assert policy_for(d(2025, 7, 1)).version == "294-QĐ/TW+06-HD/TW:2025-07-01"
    assert policy_for(d(2025, 7, 1)).regulation == "294-QĐ/TW"
    assert policy_for(d(2025, 1, 19)).regulation == "24-QĐ/TW"
    assert policy_for(d(2025, 1, 20)).regulation == "232-QĐ/TW"
    assert policy_for(d(2025, 7, 22)).meeting_day is None
    assert policy_for(d(2025, 7, 23)).meeting_day == 3
    assert policy_for(d(2025, 8, 30)).version == "294-QĐ/TW+06-HD/TW+50-CT/TW+366-QĐ/TW:2025-08-30"
    assert policy_for(d(2025, 10, 30)).version == "294-QĐ/TW+06-HD/TW+50-CT/TW+42-HD/BTCTW:2025-10-28"
    assert policy_for(d(2025, 10, 31)).version.endswith("+43-HD/BTCTW:2025-10-31")
    assert policy_for(d(2010, 1, 1)) is POLICIES[0]


def test_registry_is_in_date_order_with_unique_versions():
    dates = [p.effective for p in POLICIES]
    assert dates == sorted(dates)
    assert len({p.version for p in POLICIES}) == len(POLICIES)
    for policy in POLICIES:
        assert policy.version.endswith(policy.effective.isoformat())


# Regulation 01-QĐ/TW (03/02/2026) replaced Decision 342-QĐ/TW on Party fees: these differ between the first
# policy and the last (the shares of the minimum wage rise again on 01/01/2028).
FEE_RULES_CHANGED = {"fee_regulation", "fee_exempt_party_age_years", "fee_reduction_percents",
                     "fee_relief_max_months", "fee_min_wage_rate", "fee_min_wage_rate_retired"}


def test_unchanged_values_are_equal_across_policies():
    comparable = [n for n in PARAMETERS if n != "meeting_day" and n not in FEE_RULES_CHANGED]
    first, last = POLICIES[0], POLICIES[-1]
    for name in comparable:
        assert getattr(first, name) == getattr(last, name), name


def test_policy_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy_for(d(2026, 1, 1)).min_age_months = 200  # type: ignore[misc]


# ---- overrides of the configurable parameters --------------------------------------------------------------


def test_configurable_parameters_list():
    params = {p.name: p for p in configurable_parameters()}
    assert set(params) == {"dossier_stale_months", "youth_age_max_years", "new_member_class_required",
                           "meeting_day", "meeting_min_minutes", "combined_meeting_min_minutes",
                           "certificate_warning_days", "reminder_window_days",
                           "fee_fixed_table", "fee_regional_min_wage", "fee_exempt_members_pay",
                           "fee_advance_months", "fee_exempt_advance_months", "fee_rounding_dong",
                           "fee_branch_remit_percent", "fee_grassroots_remit_percent",
                           "strike_off_counts_together", "strike_off_failed_years",
                           "badge_milestones_years", "badge_award_days", "badge_ill_early_months",
                           "badge_senior_from_years", "badge_ill_early_months_senior",
                           "badge_posthumous_early_months", "card_number_digits"}
    # the admission and meeting settings come first, as they read in the settings
    assert list(params)[:8] == ["dossier_stale_months", "youth_age_max_years", "new_member_class_required",
                                "meeting_day", "meeting_min_minutes", "combined_meeting_min_minutes",
                                "certificate_warning_days", "reminder_window_days"]
    assert params["badge_milestones_years"].shape == "ints" and params["badge_milestones_years"].kind is tuple
    assert params["badge_award_days"].shape == "day_months"
    assert params["fee_fixed_table"].shape == "fee_table"
    assert params["fee_grassroots_remit_percent"].optional and params["meeting_day"].optional
    assert not params["dossier_stale_months"].optional
    assert params["dossier_stale_months"].default == 12 and params["dossier_stale_months"].unconfirmed
    assert params["certificate_warning_days"].default == 90
    assert params["new_member_class_required"].kind is bool
    assert all(p.label for p in params.values())


def test_with_overrides_changes_value_and_marks_version():
    base = policy_for(d(2026, 1, 1))
    local = apply_overrides(base, dossier_stale_months=18)
    assert local.dossier_stale_months == 18
    assert local.version == base.version + " [dossier_stale_months=18]"
    again = apply_overrides(local, meeting_min_minutes=60)
    assert again.version == base.version + " [dossier_stale_months=18,meeting_min_minutes=60]"
    assert apply_overrides(base) is base


def test_with_overrides_refuses_published_rules_and_bad_values():
    base = policy_for(d(2026, 1, 1))
    with pytest.raises(ValueError):
        apply_overrides(base, min_age_months=200)
    with pytest.raises(ValueError):
        apply_overrides(base, dossier_stale_months=0)
    with pytest.raises(ValueError):
        apply_overrides(base, dossier_stale_months="12")
    with pytest.raises(ValueError):
        apply_overrides(base, new_member_class_required=1)


def test_check_overrides_messages():
    errors = check_overrides({"max_age_months": 800, "meeting_day": 31, "certificate_warning_days": 30,
                              "new_member_class_required": True})
    assert set(errors) == {"max_age_months", "meeting_day"}
    assert check_overrides({"meeting_day": None}) == {}


def test_set_overrides_applies_to_policy_for():
    set_overrides({"dossier_stale_months": 24, "certificate_warning_days": 90})
    assert get_overrides() == {"dossier_stale_months": 24}  # defaults are dropped
    policy = policy_for(d(2026, 1, 1))
    assert policy.dossier_stale_months == 24
    assert "dossier_stale_months=24" in policy.version
    assert policy_for(d(2026, 1, 1)) is policy  # cached
    assert published_policy_for(d(2026, 1, 1)).dossier_stale_months == 12
    assert rules.dossier_stale(d(2025, 1, 10), d(2026, 6, 1)) is False
    set_overrides({})
    assert policy_for(d(2026, 1, 1)).dossier_stale_months == 12


def test_set_overrides_refuses_bad_values_and_keeps_previous():
    set_overrides({"meeting_min_minutes": 60})
    with pytest.raises(ValueError):
        set_overrides({"probation_months": 6})
    assert get_overrides() == {"meeting_min_minutes": 60}


# ---- list and table values (badges, fee table) -------------------------------------------------------------


def test_list_values_from_json_become_tuples_and_defaults_are_dropped():
    """JSON brings lists; the policy holds tuples, and a list equal to the default marks nothing."""
    set_overrides({"badge_milestones_years": [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
                   "badge_award_days": [[3, 2], [19, 5], [2, 9]]})
    assert get_overrides() == {"badge_award_days": ((3, 2), (19, 5), (2, 9))}
    policy = policy_for(d(2026, 1, 1))
    assert policy.badge_award_days == ((3, 2), (19, 5), (2, 9))
    assert policy.version.endswith(" [badge_award_days=3.2/19.5/2.9]")
    hash(policy)  # a policy with local values stays hashable (tuples, not lists)


@pytest.mark.parametrize(("name", "value", "ok"), [
    ("badge_milestones_years", [25, 30, 35], True),
    ("badge_milestones_years", [30, 30, 40], False),  # repeated
    ("badge_milestones_years", [40, 30], False),  # not increasing
    ("badge_milestones_years", [0, 30], False),  # below the minimum
    ("badge_milestones_years", [], False),
    ("badge_milestones_years", [30, True], False),
    ("badge_milestones_years", 30, False),
    ("badge_award_days", [[3, 2], [1, 1]], True),
    ("badge_award_days", [[29, 2]], False),  # not a day of every year
    ("badge_award_days", [[31, 4]], False),
    ("badge_award_days", [[3, 2], [3, 2]], False),
    ("badge_award_days", [[3, 2, 1]], False),
    ("fee_fixed_table", [["other", "area_1", 12_000], ["student", "area_1", 3_000]], True),
    ("fee_fixed_table", [["other", "area_1", 2_000], ["other", "area_2", 30_000]], True),  # the limits of 342-QĐ/TW
    ("fee_fixed_table", [["other", "area_1", 1_999]], False),
    ("fee_fixed_table", [["other", "area_1", 30_001]], False),
    ("fee_fixed_table", [["other", "area_9", 5_000]], False),
    ("fee_fixed_table", [["farmer", "area_1", 5_000]], False),
    ("fee_fixed_table", [["other", "area_1", 5_000], ["other", "area_1", 6_000]], False),  # twice
    ("fee_fixed_table", [], False),
    ("fee_grassroots_remit_percent", None, True),
    ("fee_grassroots_remit_percent", 50, True),
    ("fee_grassroots_remit_percent", 101, False),
    ("fee_rounding_dong", 1_000, True),
    ("fee_rounding_dong", 0, False),
])
def test_list_and_table_values_are_checked(name, value, ok):
    errors = check_overrides({name: value})
    assert (errors == {}) is ok, errors
    if not ok:
        assert errors[name].startswith(next(p.label for p in configurable_parameters() if p.name == name)[:10])


def test_table_message_is_translated():
    i18n.set_language("vi")
    try:
        message = check_overrides({"fee_fixed_table": [["other", "area_1", 500]]})["fee_fixed_table"]
    finally:
        i18n.set_language("en")
    assert message.startswith("Mức đảng phí cố định hằng tháng theo đối tượng và khu vực (đồng): mỗi dòng")
