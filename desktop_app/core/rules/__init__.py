"""The Party rules as versioned, pure-Python code (domain.md §1–§3, parameters §7).

* :mod:`.policy` — every parameter with its source; :mod:`.registry` — policies by effective date,
  ``policy_for(day)`` and the user's overrides of the configurable (UNCONFIRMED or local) ones;
* :mod:`.months` — periods counted in months; :mod:`.periods` — ages, validity and deadlines;
* :mod:`.votes` — thresholds and denominators; :mod:`.meetings` — the monthly meeting;
* :mod:`.transitions`, :mod:`.stage_checks`, :mod:`.checks` — may a person move to a stage, and why not;
  :mod:`.facts` and :mod:`.findings` — what goes in and what comes out.

Functions take an optional ``policy=``; by default the policy in force on the date concerned.
"""

from desktop_app.core.rules.facts import CaseFacts, IntroducerFacts, PersonFacts, VoteFacts
from desktop_app.core.rules.findings import ERROR, WARNING, Finding, Findings
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
from desktop_app.core.rules.months import add_months, complete_months
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
from desktop_app.core.rules.registry import (
    POLICIES,
    current_policy,
    get_overrides,
    policy_for,
    published_policy_for,
    set_overrides,
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
    "ERROR", "PARAMETERS", "POLICIES", "RULES", "SETTING_KEY", "VOTE_KINDS", "WARNING",
    "AttendanceQuality", "CaseFacts", "ConfigurableParameter", "Deadline", "Denominator", "Finding", "Findings",
    "IntroducerFacts", "PersonFacts", "Policy", "SummonedMember", "VoteFacts",
    "add_months", "add_working_days", "admission_age_ok", "age_in_months", "attendance_quality",
    "ceremony_deadline", "certificate_expiry", "certificate_valid", "check_overrides", "check_transition",
    "complete_months", "configurable_parameters", "current_policy", "decision_deadline", "denominator_breakdown",
    "denominator_from_attendance", "dossier_stale", "dossier_stale_after", "get_overrides",
    "history_declaration_deadline", "introducer_eligible", "is_working_day", "longest_excused_run", "meeting_day",
    "meeting_min_minutes", "meeting_too_short", "official_from", "party_age_months", "policy_for", "probation_end",
    "published_policy_for", "quarter_bounds", "quarter_of", "recognition_vote_deadline", "set_overrides",
    "strike_off_due", "thematic_short", "vote_denominator", "vote_passes", "vote_rule_id", "votes_needed",
    "youth_age",
]
