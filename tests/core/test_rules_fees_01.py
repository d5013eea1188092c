"""Party fees under Regulation 01-QĐ/TW of the Politburo (03/02/2026, in force from 01/02/2026), which replaced
Decision 342-QĐ/TW: Article 3 (1 % of the insured salary of the month before, 1 % of a sickness or maternity
allowance, 0.5 % of a pension, 5,000 đồng for pupils and students, 0.3 % / 0.2 % of the regional minimum wage to
12/2027 and 0.5 % / 0.3 % from 01/2028), Article 5 (exempt from 50 years of party age and on the social retirement
allowance; reductions of 30, 50 or 70 % for at most 12 months), Article 2 (paid monthly). The switch between
01/2026 (342) and 02/2026 (01) is tested month by month."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core.enums import Status
from desktop_app.core.member_codes import FeeBasisKind, FeeReliefGround
from desktop_app.core.rules import (
    FeeBasis,
    FeeRelief,
    Month,
    amount_due,
    check_payment,
    check_relief,
    fee_split,
    last_payable_month,
    monthly_fee,
    policy_for,
    relief_for_month,
    remit_percent,
    set_overrides,
)
from desktop_app.core.rules.overrides import check_overrides

d = dt.date
JAN, FEB = Month(2026, 1), Month(2026, 2)


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")
    set_overrides({})
    yield
    set_overrides({})


def fee(basis, month, status=Status.OFFICIAL, **kw):
    return monthly_fee(basis, month, status=status, **kw)


# ---- the switch from 342-QĐ/TW to 01-QĐ/TW between 01/2026 and 02/2026 --------------------------------------


def test_the_policy_switches_on_1_february_2026():
    assert policy_for(d(2026, 1, 31)).fee_regulation == "342-QĐ/TW"
    assert policy_for(d(2026, 2, 1)).fee_regulation == "01-QĐ/TW"
    assert policy_for(d(2026, 2, 1)).version.endswith("+01-QĐ/TW:2026-02-01")
    assert policy_for(d(2028, 1, 1)).version.endswith("+01-QĐ/TW:2028-01-01")


def test_other_members_move_from_the_table_to_the_minimum_wage_article_3_point_2_2():
    basis = FeeBasis(FeeBasisKind.FIXED, d(2025, 6, 1), group="other", area="area_4")
    january, february = fee(basis, JAN), fee(basis, FEB)
    assert (january.amount, january.rule_id) == (4_000, "fee_fixed_table")  # 342: the table, area IV
    assert (february.amount, february.rule_id) == (11_100, "fee_min_wage_rate")  # 0.3 % of 3,700,000
    assert "342-QĐ/TW" in january.source or "03-HD/VPTW" in january.source
    assert february.source == "Regulation 01-QĐ/TW, Article 3, point 2.2"
    assert february.reason == "0.3% of the regional minimum wage of 3,700,000 VND (Area IV)"
    area_1 = FeeBasis(FeeBasisKind.FIXED, d(2025, 6, 1), group="other", area="area_1")
    assert fee(area_1, FEB).amount == 15_930  # 0.3 % of 5,310,000


def test_at_or_beyond_retirement_age_0_2_percent_then_0_3_from_2028():
    basis = FeeBasis(FeeBasisKind.FIXED, d(2025, 6, 1), group="other", area="area_4", beyond_working_age=True)
    assert fee(basis, JAN).amount == 2_000  # 342: half the table
    assert fee(basis, FEB).amount == 7_400  # 0.2 % of 3,700,000
    assert fee(basis, Month(2027, 12)).amount == 7_400
    assert fee(basis, Month(2028, 1)).amount == 11_100  # 0.3 % from 01/01/2028
    young = FeeBasis(FeeBasisKind.FIXED, d(2025, 6, 1), group="other", area="area_4")
    assert fee(young, Month(2027, 12)).amount == 11_100
    assert fee(young, Month(2028, 1)).amount == 18_500  # 0.5 % from 01/01/2028


def test_pupils_and_students_pay_5000_dong():
    basis = FeeBasis(FeeBasisKind.FIXED, d(2025, 9, 1), group="student", area="area_2")
    assert fee(basis, JAN).amount is None  # 342: the table set no amount for them
    due = fee(basis, FEB)
    assert (due.amount, due.rule_id) == (5_000, "fee_student_amount")


def test_salary_pension_and_allowance_shares():
    salary = FeeBasis(FeeBasisKind.SALARY, d(2025, 1, 1), income=8_500_000)
    assert fee(salary, JAN).reason == "1% of 8,500,000 VND of salary and allowances"
    due = fee(salary, FEB)
    assert due.amount == 85_000 and due.reason == "1% of 8,500,000 VND of salary on which social insurance was paid"
    assert due.source == "Regulation 01-QĐ/TW, Article 3, point 1"
    pension = fee(FeeBasis(FeeBasisKind.PENSION, d(2025, 1, 1), income=6_230_000), FEB)
    assert (pension.amount, pension.source) == (31_150, "Regulation 01-QĐ/TW, Article 3, point 2")
    sick = fee(FeeBasis(FeeBasisKind.ALLOWANCE, d(2026, 3, 10), income=4_321_050), Month(2026, 3))
    assert sick.amount == 43_211 and sick.reason == "1% of a sickness or maternity allowance of 4,321,050 VND"
    wage = fee(FeeBasis(FeeBasisKind.WAGE_INCOME, d(2025, 1, 1), income=12_000_000), FEB)
    assert wage.amount == 120_000


# ---- exempt from 50 years of party age (Article 5, point 1) --------------------------------------------------


@pytest.mark.parametrize("admitted, exempt_from", [
    (d(1976, 3, 15), Month(2026, 3)),  # 50 years on 15/03/2026: March is exempt, February is due
    (d(1976, 3, 31), Month(2026, 3)),  # on the month's last day
    (d(1976, 4, 1), Month(2026, 4)),  # the day after March ends: March is still due
])
def test_exempt_at_exactly_50_years_of_party_age(admitted, exempt_from):
    basis = FeeBasis(FeeBasisKind.PENSION, d(2025, 1, 1), income=5_000_000)
    before = fee(basis, exempt_from.shifted(-1), party_age_from=admitted)
    at = fee(basis, exempt_from, party_age_from=admitted)
    assert before.due and before.amount == 25_000
    assert not at.due and at.amount == 0 and at.rule_id == "fee_exempt_party_age_years"
    assert at.reason == "50 years of party age or more: exempt from Party fees."
    assert at.source == "Regulation 01-QĐ/TW, Article 5, point 1"


def test_no_party_age_exemption_under_342():
    basis = FeeBasis(FeeBasisKind.PENSION, d(2025, 1, 1), income=5_000_000)
    assert fee(basis, JAN, party_age_from=d(1960, 1, 1)).amount == 25_000
    assert fee(basis, FEB, party_age_from=d(1960, 1, 1)).amount == 0


# ---- reliefs (Article 5, point 1) ----------------------------------------------------------------------------


def test_reductions_and_exemptions_by_decision():
    basis = FeeBasis(FeeBasisKind.SALARY, d(2025, 1, 1), income=10_000_001)  # 100,000.01 → 100,000
    reliefs = [FeeRelief(30, Month(2026, 3), Month(2026, 5)), FeeRelief(100, Month(2026, 6), Month(2026, 6),
                                                                        FeeReliefGround.GRAVE_ILLNESS)]
    assert relief_for_month(reliefs, Month(2026, 2)) is None
    due = fee(basis, Month(2026, 3), relief=relief_for_month(reliefs, Month(2026, 3)))
    assert (due.amount, due.rule_id) == (70_000, "fee_relief")
    assert due.reason.endswith("; Fee reduced by 30% (Other financial hardship)")
    exempt = fee(basis, Month(2026, 6), relief=relief_for_month(reliefs, Month(2026, 6)))
    assert not exempt.due and exempt.amount == 0 and exempt.reason == "Exempt from fees (Grave illness)"
    for percent, amount in ((50, 50_000), (70, 30_000)):
        assert fee(basis, FEB, relief=FeeRelief(percent, FEB, FEB)).amount == amount


def test_what_a_relief_may_be():
    assert check_relief(50, FEB, Month(2027, 1), FeeReliefGround.HARDSHIP) == {}
    assert check_relief(100, FEB, Month(2027, 1), FeeReliefGround.POOR_HOUSEHOLD) == {}
    assert "percent" in check_relief(40, FEB, Month(2026, 6), FeeReliefGround.HARDSHIP)
    assert check_relief(40, JAN, JAN, FeeReliefGround.HARDSHIP) == {}  # 342: any share the committee decides
    too_long = check_relief(50, FEB, Month(2027, 2), FeeReliefGround.HARDSHIP)  # 13 months
    assert too_long == {"last_month": "Each exemption or reduction lasts at most 12 months; give the last month "
                                "(Regulation 01-QĐ/TW, Article 5, point 1)."}
    assert "last_month" in check_relief(50, FEB, None, FeeReliefGround.HARDSHIP)
    assert check_relief(100, FEB, None, FeeReliefGround.SOCIAL_PENSION) == {}  # by the rule, not limited
    assert "percent" in check_relief(50, FEB, None, FeeReliefGround.SOCIAL_PENSION)
    assert "last_month" in check_relief(50, Month(2026, 5), Month(2026, 4), FeeReliefGround.HARDSHIP)
    assert "ground" in check_relief(50, FEB, FEB, "lazy")


def test_amount_due_agrees_with_monthly_fee():
    bases = [FeeBasis(FeeBasisKind.FIXED, d(2025, 1, 1), group="other", area="area_3"),
             FeeBasis(FeeBasisKind.SALARY, d(2025, 1, 1), income=7_777_777),
             FeeBasis(FeeBasisKind.FIXED, d(2025, 1, 1), group="student", area="area_1"), None]
    for month in (Month(2025, 12), JAN, FEB, Month(2028, 1)):
        for basis in bases:
            for status in (Status.OFFICIAL, Status.EXEMPT, Status.TRANSFERRED):
                for admitted in (None, d(1970, 1, 1)):
                    full = monthly_fee(basis, month, status=status, party_age_from=admitted)
                    quick = amount_due(basis, month, status=status, party_age_from=admitted)
                    assert quick == (full.amount if full.due else 0)


# ---- remitted and kept ---------------------------------------------------------------------------------------


def test_a_branch_remits_30_percent_from_february_2026_by_default():
    assert remit_percent(on=d(2026, 1, 31)) == 70
    split = fee_split(1_000_001, on=d(2026, 2, 28))
    assert (split.percent, split.remitted, split.kept, split.rule_id) == (30, 300_000, 700_001,
                                                                          "fee_branch_remit_percent")
    assert "unconfirmed" in split.source and not split.cited  # printed without a citation
    assert fee_split(100, on=d(2026, 1, 31)).cited  # 342's 70 % is its Part II, point 1


def test_the_new_share_is_a_setting_that_leaves_342_months_alone():
    set_overrides({"fee_branch_remit_percent": 50})
    assert fee_split(100_000, on=d(2026, 3, 1)).remitted == 50_000
    assert not fee_split(100_000, on=d(2026, 3, 1)).cited  # a local value is the committee's, not the regulation's
    assert fee_split(100_000, on=d(2026, 1, 1)).remitted == 70_000


def test_the_regional_minimum_wage_is_a_setting():
    set_overrides({"fee_regional_min_wage": [["area_1", 6_000_000], ["area_2", 5_000_000], ["area_3", 4_500_000],
                                             ["area_4", 4_000_000]]})
    basis = FeeBasis(FeeBasisKind.FIXED, d(2025, 1, 1), group="other", area="area_4")
    assert fee(basis, FEB).amount == 12_000
    assert check_overrides({"fee_regional_min_wage": [["area_1", 6_000_000]]})  # every area needs an amount
    assert check_overrides({"fee_regional_min_wage": [["area_1", 5], ["area_2", 5], ["area_3", 5],
                                                      ["area_4", 5]]})


# ---- which months may be paid (Articles 2 and 5.2) ---------------------------------------------------------------


def test_payments_before_joining_negative_or_ahead_are_refused():
    today = d(2026, 11, 21)
    ok = {"paid_on": d(2026, 11, 3), "today": today, "member_from": d(2021, 5, 19)}
    assert check_payment(Month(2026, 11), 85_000, **ok) == {}
    assert check_payment(Month(2021, 5), 5_000, **ok) == {}  # the month of admission is due
    assert "month" in check_payment(Month(2021, 4), 5_000, **ok)
    assert check_payment(Month(2026, 11), -1, **ok) == {"amount": "A fee cannot be a negative amount."}
    assert "amount" in check_payment(Month(2026, 11), 0, **ok)
    ahead = check_payment(Month(2026, 12), 85_000, **ok)
    assert ahead == {"month": "Party fees are paid month by month: 12/2026 cannot be paid on 03/11/2026, before it "
                              "begins (Regulation 01-QĐ/TW, Articles 2 and 5 (members pay monthly; reading "
                              "unconfirmed))."}
    assert check_payment(Month(2027, 6), 85_000, exempt=True, **ok) == {}  # exempt from activities: ahead
    assert "month" in check_payment(Month(2027, 12), 85_000, exempt=True, **ok)
    assert last_payable_month(d(2026, 11, 3), exempt=True) == Month(2027, 11)
    assert "paid_on" in check_payment(Month(2026, 11), 85_000, paid_on=d(2026, 11, 22), today=today,
                                      member_from=d(2021, 5, 19))
    assert "month" in check_payment(Month(2026, 9), 5_000, member_until=d(2026, 9, 1), **ok)
    assert check_payment(Month(2026, 8), 5_000, member_until=d(2026, 9, 1), **ok) == {}
    assert "month" in check_payment(Month(2026, 8), 5_000, paid_on=d(2026, 11, 3), today=today, member_from=None)


def test_the_advance_is_a_setting():
    set_overrides({"fee_advance_months": 2})
    today = d(2026, 11, 21)
    assert check_payment(Month(2027, 1), 5_000, paid_on=today, today=today, member_from=d(2020, 1, 1)) == {}
    assert "month" in check_payment(Month(2027, 2), 5_000, paid_on=today, today=today, member_from=d(2020, 1, 1))


def test_vietnamese_wording():
    i18n.set_language("vi")
    basis = FeeBasis(FeeBasisKind.FIXED, d(2025, 6, 1), group="other", area="area_4")
    due = fee(basis, FEB)
    assert due.source == "Quy định 01-QĐ/TW, Điều 3, điểm 2.2"
    assert due.reason == "0,3% mức lương tối thiểu vùng 3.700.000 đồng (Vùng IV)"
