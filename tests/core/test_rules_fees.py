"""Party fees: Decision 342-QĐ/TW (28/12/2010) Part I (shares and the 2,000–30,000 đồng range) and Part II point 1
(70 % remitted by a branch under a grassroots committee), Guidance 03-HD/VPTW (fixed table, 50 % beyond working
age), Party Charter Art. 2.4 (suspended members still pay); domain.md §6. Amounts are whole đồng."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app import i18n
from desktop_app.core.enums import Status
from desktop_app.core.member_codes import FeeBasisKind
from desktop_app.core.rules import (
    FeeBasis,
    Month,
    arrears,
    basis_for_month,
    fee_split,
    monthly_fee,
    months_between,
    policy_for,
    remit_percent,
    round_money,
    set_overrides,
    unpaid_months_in_year,
)
from desktop_app.core.rules.overrides import apply_overrides

d = dt.date
NOV = Month(2026, 11)
M342 = Month(2026, 1)  # the last month under Decision 342-QĐ/TW


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")
    set_overrides({})
    yield
    set_overrides({})


def fee(basis, month=M342, status=Status.OFFICIAL, **kw):
    return monthly_fee(basis, month, status=status, **kw)


# ---- the month ----------------------------------------------------------------------------------------------


def test_month_type():
    assert str(Month(2026, 3)) == "03/2026"
    assert Month.of(d(2026, 2, 14)) == Month(2026, 2)
    assert Month(2026, 2).last_day == d(2026, 2, 28) and Month(2028, 2).last_day == d(2028, 2, 29)
    assert Month(2026, 12).shifted(1) == Month(2027, 1) and Month(2026, 1).shifted(-1) == Month(2025, 12)
    assert months_between(Month(2026, 11), Month(2027, 2)) == [Month(2026, 11), Month(2026, 12), Month(2027, 1),
                                                               Month(2027, 2)]
    assert months_between(Month(2026, 3), Month(2026, 2)) == []


# ---- shares: 1 %, 0.5 %, 1 % (342-QĐ/TW Part I) ----------------------------------------------------------


def test_one_percent_of_salary_and_allowances_342_qd_tw():
    due = fee(FeeBasis(FeeBasisKind.SALARY, d(2026, 1, 1), income=8_500_000))
    assert due.due and due.amount == 85_000
    assert due.rule_id == "fee_salary_rate" and "342-QĐ/TW" in due.source
    assert due.reason == "1% of 8,500,000 VND of salary and allowances"


def test_half_percent_of_a_pension_342_qd_tw():
    due = fee(FeeBasis(FeeBasisKind.PENSION, d(2020, 5, 1), income=6_230_000))
    assert due.amount == 31_150 and due.rule_id == "fee_pension_rate"
    assert due.reason == "0.5% of a pension of 6,230,000 VND"


def test_one_percent_of_wage_fund_income_342_qd_tw():
    assert fee(FeeBasis(FeeBasisKind.WAGE_INCOME, d(2026, 1, 1), income=12_345_678)).amount == 123_457


def test_rounding_half_up_to_the_dong():
    """85,432.5 đồng → 85,433; 85,432.49 → 85,432 (03-HD/VPTW; rounding rule unconfirmed, whole đồng by default)."""
    assert fee(FeeBasis(FeeBasisKind.SALARY, d(2026, 1, 1), income=8_543_250)).amount == 85_433
    assert fee(FeeBasis(FeeBasisKind.SALARY, d(2026, 1, 1), income=8_543_249)).amount == 85_432
    assert round_money(5, 2) == 3 and round_money(4, 2) == 2 and round_money(0, 7) == 0
    with pytest.raises(ValueError):
        round_money(-1, 2)


def test_rounding_to_a_configured_multiple():
    policy = apply_overrides(policy_for(d(2026, 11, 30)), fee_rounding_dong=1_000)
    basis = FeeBasis(FeeBasisKind.SALARY, d(2026, 1, 1), income=8_549_999)  # 85,499.99
    assert fee(basis, policy=policy).amount == 85_000
    basis = FeeBasis(FeeBasisKind.SALARY, d(2026, 1, 1), income=8_550_000)  # 85,500: half up
    assert fee(basis, policy=policy).amount == 86_000


@given(income=st.integers(min_value=0, max_value=10**10), unit=st.sampled_from([1, 10, 100, 500, 1000]))
def test_property_rounded_share_is_within_half_a_unit(income, unit):
    amount = round_money(income, 100, unit)
    assert amount % unit == 0
    assert abs(amount * 100 - income) <= unit * 100 / 2


# ---- the fixed table (03-HD/VPTW) --------------------------------------------------------------------------------


def test_fixed_amount_by_group_and_area_03_hd_vptw():
    for area, amount in (("area_1", 10_000), ("area_2", 8_000), ("area_3", 6_000), ("area_4", 4_000)):
        due = fee(FeeBasis(FeeBasisKind.FIXED, d(2026, 1, 1), group="other", area=area))
        assert due.amount == amount and due.rule_id == "fee_fixed_table"


def test_half_the_fixed_amount_beyond_working_age_03_hd_vptw():
    due = fee(FeeBasis(FeeBasisKind.FIXED, d(2026, 1, 1), group="other", area="area_2", beyond_working_age=True))
    assert due.amount == 4_000 and due.rule_id == "fee_beyond_working_age_percent"
    assert due.reason == "50% of the fixed amount of 8,000 VND for Other members in the country, Area II, " \
                         "beyond working age"


def test_table_row_missing_leaves_the_amount_unset():
    due = fee(FeeBasis(FeeBasisKind.FIXED, d(2026, 1, 1), group="student", area="area_1"))
    assert due.due and due.amount is None
    assert due.reason == "The fee table has no amount for Pupils and students without pay, Area I."


def test_the_table_is_a_setting():
    set_overrides({"fee_fixed_table": [["other", "area_1", 15_000], ["student", "area_1", 3_000]]})
    assert fee(FeeBasis(FeeBasisKind.FIXED, d(2026, 1, 1), group="student", area="area_1")).amount == 3_000
    assert fee(FeeBasis(FeeBasisKind.FIXED, d(2026, 1, 1), group="other", area="area_1")).amount == 15_000
    assert fee(FeeBasis(FeeBasisKind.FIXED, d(2026, 1, 1), group="other", area="area_2")).amount is None


def test_set_amount_and_waived():
    assert fee(FeeBasis(FeeBasisKind.SET_AMOUNT, d(2026, 1, 1), amount=20_000)).amount == 20_000
    waived = fee(FeeBasis(FeeBasisKind.WAIVED, d(2026, 1, 1)))
    assert waived.due and waived.amount == 0 and waived.rule_id == "fee_decided"


def test_bad_basis_refused():
    with pytest.raises(ValueError):
        FeeBasis("income", d(2026, 1, 1))
    with pytest.raises(ValueError):
        FeeBasis(FeeBasisKind.SALARY, d(2026, 1, 1), income=-1)


# ---- status: suspended pay (Charter Art. 2.4), exempt configurable, non-members owe nothing -------------------


def test_suspended_members_still_pay_charter_art_2_4():
    due = fee(FeeBasis(FeeBasisKind.PENSION, d(2026, 1, 1), income=4_000_000), suspended=True)
    assert due.due and due.amount == 20_000


def test_probationary_members_pay():
    assert fee(FeeBasis(FeeBasisKind.SALARY, d(2025, 1, 1), income=5_000_000), status=Status.PROBATIONARY).amount \
        == 50_000


def test_exempt_members_pay_by_default_and_the_setting_exempts_them():
    basis = FeeBasis(FeeBasisKind.PENSION, d(2026, 1, 1), income=4_000_000)
    assert fee(basis, status=Status.EXEMPT).amount == 20_000
    set_overrides({"fee_exempt_members_pay": False})
    due = fee(basis, status=Status.EXEMPT)
    assert not due.due and due.amount == 0 and due.rule_id == "fee_exempt_members_pay"


@pytest.mark.parametrize("status", [Status.APPLICANT, Status.TRANSFERRED, Status.STRUCK_OFF, Status.DECEASED, None])
def test_people_who_are_not_members_owe_nothing(status):
    due = fee(FeeBasis(FeeBasisKind.SALARY, d(2026, 1, 1), income=5_000_000), status=status)
    assert not due.due and due.amount == 0


def test_no_basis_recorded():
    due = fee(None)
    assert due.due and due.amount is None and due.reason == "No fee basis is recorded for 01/2026."


# ---- which basis applies ------------------------------------------------------------------------------------


def test_a_basis_dated_any_day_of_a_month_applies_to_that_month():
    old = FeeBasis(FeeBasisKind.SALARY, d(2025, 1, 1), income=6_000_000)
    raise_ = FeeBasis(FeeBasisKind.SALARY, d(2026, 3, 31), income=7_000_000)
    pension = FeeBasis(FeeBasisKind.PENSION, d(2026, 4, 1), income=5_000_000)
    bases = [pension, old, raise_]
    assert basis_for_month(bases, Month(2026, 2)) is old
    assert basis_for_month(bases, Month(2026, 3)) is raise_  # dated the month's last day
    assert basis_for_month(bases, Month(2026, 4)) is pension
    assert basis_for_month(bases, Month(2024, 12)) is None


# ---- arrears --------------------------------------------------------------------------------------------------


def test_arrears_from_months_due_and_paid():
    dues = {Month(2026, m): 85_000 for m in range(1, 7)}
    paid = {Month(2026, 1): 85_000, Month(2026, 2): 85_000, Month(2026, 4): 40_000, Month(2026, 5): 100_000}
    result = arrears(dues, paid)
    assert result.months == ((Month(2026, 3), 85_000), (Month(2026, 4), 45_000), (Month(2026, 6), 85_000))
    assert result.amount == 215_000 and result.count == 3  # paying more for May does not cover June
    assert arrears({}).amount == 0
    # the months paid in full, without amounts
    assert arrears(dues, [Month(2026, 1), Month(2026, 3)]).months == tuple(
        (Month(2026, m), 85_000) for m in (2, 4, 5, 6))
    with pytest.raises(ValueError):
        arrears({Month(2026, 1): -5})


def test_unpaid_months_count_once_the_month_has_ended():
    """Three months in a year unpaid without reason (Charter Art. 8.2): a month counts once it has ended, unless
    it was paid or the branch accepted a reason."""
    due = months_between(Month(2025, 10), Month(2026, 11))
    paid = [Month(2026, 1), Month(2026, 2)]
    unpaid = unpaid_months_in_year(2026, due, paid, on=d(2026, 4, 30), excused=[Month(2026, 3)])
    assert unpaid == []  # April has not ended on 30/04
    unpaid = unpaid_months_in_year(2026, due, paid, on=d(2026, 5, 1), excused=[Month(2026, 3)])
    assert unpaid == [Month(2026, 4)]
    unpaid = unpaid_months_in_year(2026, due, paid, on=d(2026, 7, 1))
    assert unpaid == [Month(2026, 3), Month(2026, 4), Month(2026, 5), Month(2026, 6)]
    assert unpaid_months_in_year(2025, due, paid, on=d(2026, 7, 1)) == [Month(2025, 10), Month(2025, 11),
                                                                        Month(2025, 12)]


# ---- remitted upward and kept (342-QĐ/TW Part II point 1) ---------------------------------------------------------


def test_branch_under_grassroots_committee_remits_70_percent_342_qd_tw():
    split = fee_split(1_234_567, on=d(2026, 1, 3))
    assert (split.remitted, split.kept, split.percent) == (864_197, 370_370, 70)  # 864,196.9 rounded up
    assert split.remitted + split.kept == split.collected
    assert "Part II, point 1" in split.source
    assert fee_split(0).remitted == 0
    with pytest.raises(ValueError):
        fee_split(-1)


def test_grassroots_branch_share_is_not_set_until_configured():
    assert remit_percent(grassroots_branch=True) is None
    assert fee_split(100_000, grassroots_branch=True) is None
    set_overrides({"fee_grassroots_remit_percent": 30})
    split = fee_split(100_000, grassroots_branch=True)
    assert (split.remitted, split.kept, split.rule_id) == (30_000, 70_000, "fee_grassroots_remit_percent")


def test_fee_reason_in_vietnamese():
    i18n.set_language("vi")
    due = fee(FeeBasis(FeeBasisKind.PENSION, d(2026, 1, 1), income=6_230_000))
    assert due.reason == "0,5% lương hưu 6.230.000 đồng"
    assert due.source == "Quyết định 342-QĐ/TW (28/12/2010), mục I"
