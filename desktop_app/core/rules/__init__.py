"""The Party rules as versioned, pure-Python code (domain.md §1–§3, parameters §7).

* :mod:`.policy` — every parameter with its source; :mod:`.registry` — policies by effective date,
  ``policy_for(day)`` and the user's overrides of the configurable (UNCONFIRMED or local) ones;
* :mod:`.months` — periods counted in months; :mod:`.periods` — ages, validity and deadlines;
* :mod:`.votes` — thresholds and denominators; :mod:`.meetings` — the monthly meeting;
* :mod:`.transitions`, :mod:`.stage_checks`, :mod:`.checks` — may a person move to a stage, and why not;
  :mod:`.facts` and :mod:`.findings` — what goes in and what comes out;
* a member's life after admission (parameters in :mod:`.policy_members`): :mod:`.fees` — Party fees, arrears,
  the share remitted (with :mod:`.fee_relief` — exemptions and reductions, :mod:`.fee_payments` — which months
  may be paid); :mod:`.transfers` — transfer deadlines and checks; :mod:`.readmission` — who may be
  re-admitted and when; :mod:`.discipline` — kinds and who may impose them; :mod:`.grading` — the annual
  grading and its cap; :mod:`.strike_off` — the grounds for striking off; :mod:`.badges` — Party badges.

Functions take an optional ``policy=``; by default the policy in force on the date concerned.
"""

from desktop_app.core.rules.badges import (
    BadgeDue,
    award_day_on_or_after,
    award_days,
    badge_due,
    badges_due,
    milestone_date,
    newly_due,
    previous_award_day,
)
from desktop_app.core.rules.discipline import DisciplineFacts, check_discipline, disciplined_in_year, kinds_for
from desktop_app.core.rules.facts import CaseFacts, IntroducerFacts, PersonFacts, VoteFacts
from desktop_app.core.rules.fee_payments import check_payment, last_payable_month
from desktop_app.core.rules.fee_relief import FeeRelief, check_relief, relief_for_month
from desktop_app.core.rules.fees import (
    Arrears,
    FeeBasis,
    FeeDue,
    FeeSplit,
    amount_due,
    arrears,
    basis_for_month,
    fee_amount,
    fee_split,
    minimum_wage,
    monthly_fee,
    remit_percent,
    round_money,
    share_text,
    unpaid_months_in_year,
)
from desktop_app.core.rules.findings import ERROR, WARNING, Finding, Findings
from desktop_app.core.rules.grading import (
    Eligibility,
    GradingFacts,
    check_excellent_cap,
    check_member_grade,
    excellent_cap,
    failed_years_running,
    good_or_better_share,
    grade_counts,
    grading_eligibility,
)
from desktop_app.core.rules.meetings import (
    AttendanceQuality,
    attendance_quality,
    longest_excused_run,
    meeting_day,
    meeting_min_minutes,
    meeting_too_short,
    quarter_bounds,
    quarter_of,
    strike_off_due,
    thematic_short,
)
from desktop_app.core.rules.months import Month, add_months, complete_months, months_between
from desktop_app.core.rules.overrides import (
    SETTING_KEY,
    ConfigurableParameter,
    check_overrides,
    configurable_parameters,
)
from desktop_app.core.rules.periods import (
    Deadline,
    add_working_days,
    admission_age_ok,
    age_in_months,
    ceremony_deadline,
    certificate_expiry,
    certificate_valid,
    decision_deadline,
    dossier_stale,
    dossier_stale_after,
    history_declaration_deadline,
    introducer_eligible,
    is_working_day,
    official_from,
    party_age_months,
    probation_end,
    recognition_vote_deadline,
    youth_age,
)
from desktop_app.core.rules.policy import PARAMETERS, RULES, Policy
from desktop_app.core.rules.readmission import PastLeaving, check_readmission, readmission_possible_from
from desktop_app.core.rules.registry import (
    POLICIES,
    current_policy,
    get_overrides,
    policy_for,
    published_policy_for,
    set_overrides,
)
from desktop_app.core.rules.strike_off import months_with_unexcused_absence, strike_off_grounds
from desktop_app.core.rules.transfers import (
    TransferFacts,
    check_arrival,
    check_transfer_out,
    transfer_report_deadline,
    transfer_start_deadline,
)
from desktop_app.core.rules.transitions import check_transition
from desktop_app.core.rules.votes import (
    VOTE_KINDS,
    Denominator,
    SummonedMember,
    denominator_breakdown,
    denominator_from_attendance,
    vote_denominator,
    vote_passes,
    vote_rule_id,
    votes_needed,
)

__all__ = [
    "ERROR", "PARAMETERS", "POLICIES", "RULES", "SETTING_KEY", "VOTE_KINDS", "WARNING", "Arrears",
    "AttendanceQuality", "BadgeDue", "CaseFacts", "ConfigurableParameter", "Deadline", "Denominator",
    "DisciplineFacts", "Eligibility", "FeeBasis", "FeeDue", "FeeRelief", "FeeSplit", "Finding", "Findings",
    "GradingFacts",
    "IntroducerFacts", "Month", "PastLeaving", "PersonFacts", "Policy", "SummonedMember", "TransferFacts",
    "VoteFacts", "add_months", "add_working_days", "admission_age_ok", "age_in_months", "amount_due", "arrears",
    "attendance_quality", "award_day_on_or_after", "award_days", "badge_due", "badges_due", "basis_for_month",
    "ceremony_deadline", "certificate_expiry", "certificate_valid", "check_arrival", "check_discipline",
    "check_excellent_cap", "check_member_grade", "check_overrides", "check_payment", "check_readmission",
    "check_relief", "check_transfer_out",
    "check_transition", "complete_months", "configurable_parameters", "current_policy", "decision_deadline",
    "denominator_breakdown", "denominator_from_attendance", "disciplined_in_year", "dossier_stale",
    "dossier_stale_after", "excellent_cap", "failed_years_running", "fee_amount", "fee_split", "get_overrides",
    "good_or_better_share", "grade_counts", "grading_eligibility", "history_declaration_deadline",
    "introducer_eligible", "is_working_day", "kinds_for", "last_payable_month", "longest_excused_run", "meeting_day",
    "meeting_min_minutes", "meeting_too_short", "milestone_date", "minimum_wage", "monthly_fee", "months_between",
    "months_with_unexcused_absence", "newly_due", "official_from", "party_age_months", "policy_for",
    "previous_award_day", "probation_end", "published_policy_for", "quarter_bounds", "quarter_of",
    "readmission_possible_from", "recognition_vote_deadline", "relief_for_month", "remit_percent", "round_money",
    "set_overrides", "share_text",
    "strike_off_due", "strike_off_grounds", "thematic_short", "transfer_report_deadline", "transfer_start_deadline",
    "unpaid_months_in_year", "vote_denominator", "vote_passes", "vote_rule_id", "votes_needed", "youth_age",
]
