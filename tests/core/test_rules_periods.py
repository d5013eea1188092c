"""Ages, validity periods and deadlines (domain.md §1.2 and §7). Each test names its source."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app import i18n
from desktop_app.core import rules
from desktop_app.core.rules import (
    add_months,
    admission_age_ok,
    age_in_months,
    ceremony_deadline,
    certificate_expiry,
    certificate_valid,
    complete_months,
    decision_deadline,
    dossier_stale,
    dossier_stale_after,
    history_declaration_deadline,
    introducer_eligible,
    official_from,
    party_age_months,
    probation_end,
    recognition_vote_deadline,
)
from desktop_app.core.rules.overrides import apply_overrides

d = dt.date


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")  # the assertions read the English sources


# ---- months (Civil Code 2015 Art. 148 convention) ---------------------------------------------------


def test_month_complete_on_same_day_or_last_day_of_shorter_month():
    assert age_in_months(d(2001, 1, 31), d(2001, 2, 27)) == 0
    assert age_in_months(d(2001, 1, 31), d(2001, 2, 28)) == 1  # February has no 31st
    assert age_in_months(d(2000, 1, 31), d(2000, 2, 28)) == 0  # leap February has a 29th
    assert age_in_months(d(2000, 1, 31), d(2000, 2, 29)) == 1
    assert age_in_months(d(2001, 1, 31), d(2001, 3, 30)) == 1
    assert age_in_months(d(2001, 1, 31), d(2001, 3, 31)) == 2


def test_born_29_february_completes_years_on_28_february():
    assert age_in_months(d(2008, 2, 29), d(2026, 2, 27)) == 215
    assert age_in_months(d(2008, 2, 29), d(2026, 2, 28)) == 216
    assert age_in_months(d(2008, 2, 29), d(2028, 2, 28)) == 239  # leap year: the 29th is waited for
    assert age_in_months(d(2008, 2, 29), d(2028, 2, 29)) == 240


def test_add_months_clamps_to_month_end():
    assert add_months(d(2025, 1, 31), 1) == d(2025, 2, 28)
    assert add_months(d(2024, 1, 31), 1) == d(2024, 2, 29)
    assert add_months(d(2020, 2, 29), 60) == d(2025, 2, 28)
    assert add_months(d(2025, 11, 30), 3) == d(2026, 2, 28)
    assert add_months(d(2025, 12, 15), -12) == d(2024, 12, 15)


def test_complete_months_before_start_is_negative():
    assert complete_months(d(2025, 3, 10), d(2025, 3, 10)) == 0
    assert complete_months(d(2025, 3, 10), d(2025, 1, 10)) == -2


_dates = st.dates(min_value=d(1940, 1, 1), max_value=d(2060, 12, 31))


@settings(max_examples=300, deadline=None)
@given(birth=_dates, a=_dates, b=_dates)
def test_property_age_is_monotonic(birth, a, b):
    lo, hi = min(a, b), max(a, b)
    if lo >= birth:
        assert age_in_months(birth, lo) <= age_in_months(birth, hi)


@settings(max_examples=300, deadline=None)
@given(start=_dates, n=st.integers(min_value=1, max_value=900))
def test_property_add_months_is_the_day_the_months_complete(start, n):
    end = add_months(start, n)
    assert complete_months(start, end) == n
    assert complete_months(start, end - dt.timedelta(days=1)) == n - 1


# ---- admission age: Regulation 294-QĐ/TW point 1.1.1 ----------------------------------------------------


def test_age_min_18_full_years_in_months_qd294_point_1_1_1():
    birth = d(2007, 5, 10)
    assert not admission_age_ok(birth, d(2025, 5, 9))  # 17 years 11 months
    assert admission_age_ok(birth, d(2025, 5, 10))  # 216 months


def test_age_min_at_month_end_qd294_point_1_1_1():
    assert not admission_age_ok(d(2007, 8, 31), d(2025, 8, 30))
    assert admission_age_ok(d(2007, 8, 31), d(2025, 8, 31))


def test_age_min_born_29_february_qd294_point_1_1_1():
    assert not admission_age_ok(d(2008, 2, 29), d(2026, 2, 27))
    assert admission_age_ok(d(2008, 2, 29), d(2026, 2, 28))


def test_age_max_fully_60_inclusive_qd294_point_1_1_1():
    """60 years and 0 months is still "đủ 60 tuổi"; from 60 years and 1 month the person is over 60."""
    birth = d(1965, 5, 10)
    assert admission_age_ok(birth, d(2025, 5, 10))  # 720 months
    assert admission_age_ok(birth, d(2025, 6, 9))  # still 720 months
    assert not admission_age_ok(birth, d(2025, 6, 10))  # 721 months


def test_age_policy_keyword_uses_given_policy():
    strict = rules.policy_for(d(2026, 1, 1))
    assert admission_age_ok(d(2007, 5, 10), d(2025, 5, 10), policy=strict)


# ---- awareness-class certificate: Guidance 06-HD/TW point 5.4 --------------------------------------------


def test_certificate_valid_60_months_last_valid_day_hd06_point_5_4():
    """06-HD/TW 5.4 (worked example): issued 15/01/2020, expired on 15/01/2025; last valid day 14/01/2025."""
    issued = d(2020, 1, 15)
    assert certificate_valid(issued, d(2025, 1, 14))
    assert not certificate_valid(issued, d(2025, 1, 15))
    assert certificate_expiry(issued).date == d(2025, 1, 15)
    assert not certificate_valid(issued, d(2020, 1, 14))  # not issued yet
    assert certificate_valid(issued, issued)


def test_certificate_issued_29_february_hd06_point_5_4():
    assert certificate_expiry(d(2020, 2, 29)).date == d(2025, 2, 28)
    assert certificate_valid(d(2020, 2, 29), d(2025, 2, 27))
    assert not certificate_valid(d(2020, 2, 29), d(2025, 2, 28))


def test_certificate_expiry_carries_source_and_policy():
    expiry = certificate_expiry(d(2021, 8, 31))
    assert expiry.date == d(2026, 8, 31)
    assert expiry.rule_id == "certificate_valid_months"
    assert "01-HD/TW" in expiry.source  # issued under the 24-QĐ/TW policy
    assert expiry.policy_version.startswith("24-QĐ/TW")
    assert "06-HD/TW, point 5.4" in certificate_expiry(d(2025, 8, 1)).source
    judged_now = certificate_expiry(d(2021, 8, 31), on=d(2026, 1, 5))
    assert judged_now.date == expiry.date and "06-HD/TW, point 5.4" in judged_now.source
    assert str(expiry) == "31/08/2026"


# ---- dossier staleness: 12 months (UNCONFIRMED, configurable) -----------------------------------------------


def test_dossier_stale_after_more_than_12_months_hd06_point_5_4():
    made = d(2025, 3, 10)
    assert not dossier_stale(made, d(2026, 3, 10))  # exactly 12 months: still current
    assert dossier_stale(made, d(2026, 3, 11))
    assert dossier_stale_after(made).date == d(2026, 3, 10)


def test_dossier_stale_months_follow_policy_override():
    policy = apply_overrides(rules.policy_for(d(2026, 1, 1)), dossier_stale_months=18)
    assert not dossier_stale(d(2025, 3, 10), d(2026, 9, 10), policy=policy)
    assert dossier_stale(d(2025, 3, 10), d(2026, 9, 11), policy=policy)


# ---- introducer: Party Charter Art. 4.2; Regulation 294-QĐ/TW point 3.2.1 --------------------------------


def test_introducer_needs_12_months_together_charter_art_4_2():
    assert not introducer_eligible(True, d(2025, 1, 31), d(2026, 1, 30))
    assert introducer_eligible(True, d(2025, 1, 31), d(2026, 1, 31))
    assert introducer_eligible(True, d(2024, 2, 29), d(2025, 2, 28))


def test_introducer_must_be_official_charter_art_4_2():
    """A probationary member cannot introduce, however long they have worked alongside."""
    assert not introducer_eligible(False, d(2015, 1, 1), d(2026, 1, 1))
    assert not introducer_eligible(True, None, d(2026, 1, 1))


# ---- deadlines in working days: Regulation 294-QĐ/TW points 4.1, 4.2.1, 4.3.1; 12-HD/BTCTW -----------------


def test_decision_deadline_60_working_days_admission_qd294_point_4_3_1():
    deadline = decision_deadline(d(2026, 1, 15), "admission")
    assert deadline.date == d(2026, 4, 16)  # counted by hand across Tết
    assert deadline.rule_id == "decision_admission_working_days"
    assert "294-QĐ/TW, point 4.3.1" in deadline.source


def test_decision_deadline_30_recognition_and_extension_qd294_point_4_3_1():
    assert decision_deadline(d(2026, 3, 2), "recognition").date == d(2026, 4, 13)  # by hand
    extended = decision_deadline(d(2026, 3, 2), "recognition", extended=True)
    assert extended.date == rules.add_working_days(d(2026, 3, 2), 60)
    with pytest.raises(ValueError):
        decision_deadline(d(2026, 3, 2), "ordinary")


def test_ceremony_deadline_30_working_days_qd294_point_4_1():
    """Decision 22/12/2025: 30 working days, 01/01/2026 off → 03/02/2026 (counted by hand)."""
    deadline = ceremony_deadline(d(2025, 12, 22))
    assert deadline.date == d(2026, 2, 3)
    assert deadline.rule_id == "ceremony_working_days"


def test_probation_12_months_from_ceremony_charter_art_5_1():
    assert probation_end(d(2025, 3, 15)) == d(2026, 3, 15)
    assert probation_end(d(2024, 2, 29)) == d(2025, 2, 28)
    assert probation_end(d(2025, 1, 31)) == d(2026, 1, 31)


def test_official_from_end_of_12_months_qd294_point_4_2_2():
    official = official_from(d(2025, 3, 15))
    assert official.date == d(2026, 3, 15)
    assert "point 4.2.2" in official.source


def test_recognition_vote_within_30_working_days_after_probation_qd294_point_4_2_1():
    """Ceremony 10/02/2025 → probation ends 10/02/2026 → 30 working days across Tết → 31/03/2026."""
    deadline = recognition_vote_deadline(d(2025, 2, 10))
    assert deadline.date == d(2026, 3, 31)
    assert deadline.policy_version.startswith("232-QĐ/TW")


def test_history_declaration_30_working_days_hd12_btctw_2022():
    """Ceremony 20/04/2026: 27/04 (Hùng Kings in lieu), 30/04 and 01/05 off → 04/06/2026."""
    deadline = history_declaration_deadline(d(2026, 4, 20))
    assert deadline.date == d(2026, 6, 4)
    assert "12-HD/BTCTW" in deadline.source


def test_deadline_days_left():
    deadline = ceremony_deadline(d(2025, 12, 22))
    assert deadline.days_left(d(2026, 2, 1)) == 2
    assert deadline.working_days_left(d(2026, 2, 2)) == 1


def test_party_age_from_admission_decision_charter_art_5_4():
    """Quiz Q6: decision 25/08/2024, ceremony 15/09/2024 — party age runs from 25/08/2024."""
    assert party_age_months(d(2024, 8, 25), d(2025, 8, 25)) == 12
    assert party_age_months(d(2024, 8, 25), d(2025, 8, 24)) == 11
    assert party_age_months(d(2024, 8, 25), d(2024, 1, 1)) == 0


def test_working_day_contract_functions():
    assert not rules.is_working_day(d(2026, 2, 17))
    assert rules.add_working_days(d(2026, 2, 13), 1) == d(2026, 2, 23)
