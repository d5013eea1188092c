"""check_transition: the rules of each admission step (domain.md §1.2), with the rule each finding cites."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core.enums import Stage, Status
from desktop_app.core.rules import (
    CaseFacts,
    IntroducerFacts,
    VoteFacts,
    check_transition,
    policy_for,
)
from desktop_app.core.rules.overrides import apply_overrides

d = dt.date
VOTE_DAY = d(2026, 1, 5)


def ready_for_vote(**changes) -> CaseFacts:
    """An applicant whose dossier is complete for the branch vote of 05/01/2026."""
    facts = CaseFacts(
        status=Status.APPLICANT,
        birth_date=d(2000, 3, 15),
        stages={Stage.SOURCE: d(2024, 1, 5), Stage.SYMPATHISER_LIST: d(2024, 2, 3),
                Stage.HELPER_ASSIGNED: d(2024, 2, 3), Stage.AWARENESS_CLASS: d(2024, 5, 10),
                Stage.APPLICATION: d(2024, 6, 1), Stage.HISTORY: d(2024, 9, 1),
                Stage.INTRODUCTIONS: d(2025, 10, 1), Stage.OPINIONS: d(2025, 11, 1)},
        dossier={"CN-NTVĐ": d(2024, 5, 10), "1-KNĐ": d(2024, 6, 1), "2-KNĐ": d(2024, 7, 1),
                 "3-KNĐ": d(2025, 10, 1), "5-KNĐ": d(2025, 11, 1)},
        introducers=(IntroducerFacts(True, d(2023, 1, 1), "Lò Văn A"),
                     IntroducerFacts(True, d(2022, 6, 1), "Quàng Thị B")),
        youth_union=True,
        vote=VoteFacts(yes=14, official_members=20),
    )
    return dataclasses.replace(facts, **changes)


def admitted(**changes) -> CaseFacts:
    """A probationary member: ceremony 10/02/2025, probation ends 10/02/2026, recognition papers ready."""
    stages = dict(ready_for_vote().stages)
    stages.update({Stage.BRANCH_RESOLUTION: d(2024, 11, 3), Stage.COMMITTEE_RESOLUTION: d(2024, 11, 20),
                   Stage.ADMISSION_DECISION: d(2025, 1, 6), Stage.CEREMONY: d(2025, 2, 10)})
    dossier = dict(ready_for_vote().dossier)
    dossier.update({"6-KNĐ": d(2024, 11, 3), "8-KNĐ": d(2024, 11, 20), "9-KNĐ": d(2025, 1, 6),
                    "LLĐV": d(2025, 3, 1), "PĐV": d(2025, 3, 1), "CN-ĐVM": d(2025, 6, 1),
                    "10-KNĐ": d(2026, 2, 1), "11-KNĐ": d(2026, 2, 1), "12-KNĐ": d(2026, 2, 2)})
    base = ready_for_vote(status=Status.PROBATIONARY, stages=stages, dossier=dossier,
                          vote=VoteFacts(yes=7, official_members=10))
    return dataclasses.replace(base, **changes)


def rule_ids(found, severity=None):
    return [f.rule_id for f in found if severity is None or f.severity == severity]


# ---- the branch vote (S8): age, certificate, dossier, introducers, vote --------------------------------------


def test_complete_case_passes_branch_vote():
    found = check_transition(ready_for_vote(), Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert list(found) == []
    assert found.ok
    assert found.policy_version == policy_for(VOTE_DAY).version


def test_age_under_18_at_branch_vote_qd294_point_1_1_1():
    found = check_transition(ready_for_vote(birth_date=d(2008, 1, 6)), Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert rule_ids(found, "error") == ["min_age_months"]
    ok = check_transition(ready_for_vote(birth_date=d(2008, 1, 5)), Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert "min_age_months" not in rule_ids(ok)


def test_age_over_60_needs_provincial_consent_qd294_point_1_1_2():
    over = ready_for_vote(birth_date=d(1965, 12, 5))  # 60 years 1 month on 05/01/2026
    found = check_transition(over, Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert rule_ids(found, "error") == ["over_age"]
    consented = check_transition(dataclasses.replace(over, over_age_consent=True), Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert rule_ids(consented, "warning") == ["over_age"] and consented.ok
    fully_60 = check_transition(ready_for_vote(birth_date=d(1966, 1, 5)), Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert fully_60.ok


def test_missing_birth_date_blocks_branch_vote():
    found = check_transition(ready_for_vote(birth_date=None), Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert "min_age_months" in rule_ids(found, "error")


def test_expired_certificate_message_cites_hd06_point_5_4():
    i18n.set_language("en")
    facts = ready_for_vote(dossier={**ready_for_vote().dossier, "CN-NTVĐ": d(2020, 11, 10)})
    found = check_transition(facts, Stage.BRANCH_RESOLUTION, VOTE_DAY)
    errors = found.errors
    assert [f.rule_id for f in errors] == ["certificate_valid_months"]
    assert errors[0].message == ("The awareness-class certificate expired on 10/11/2025 "
                                 "(60 months, Guidance 06-HD/TW, point 5.4).")
    assert errors[0].source == "Guidance 06-HD/TW, point 5.4"
    assert errors[0].policy_version == found.policy_version


def test_certificate_valid_on_last_day_hd06_point_5_4():
    facts = ready_for_vote(dossier={**ready_for_vote().dossier, "CN-NTVĐ": d(2021, 1, 6)})
    assert check_transition(facts, Stage.BRANCH_RESOLUTION, VOTE_DAY).ok
    facts = ready_for_vote(dossier={**ready_for_vote().dossier, "CN-NTVĐ": d(2021, 1, 5)})
    assert not check_transition(facts, Stage.BRANCH_RESOLUTION, VOTE_DAY).ok


def test_dossier_incomplete_hd06_point_8_3():
    dossier = dict(ready_for_vote().dossier)
    del dossier["5-KNĐ"], dossier["CN-NTVĐ"]
    found = check_transition(ready_for_vote(dossier=dossier), Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert sorted(rule_ids(found, "error")) == ["certificate_valid_months", "dossier_admission"]
    assert any("5-KNĐ" in f.message for f in found)


def test_introducer_not_official_charter_art_4_2():
    intro = (IntroducerFacts(True, d(2023, 1, 1), "A"), IntroducerFacts(False, d(2020, 1, 1), "B"))
    found = check_transition(ready_for_vote(introducers=intro), Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert rule_ids(found, "error") == ["introducer_months", "introductions"]
    assert "B" in found.errors[0].message


def test_introducer_11_months_together_qd294_point_3_2_1():
    i18n.set_language("en")
    intro = (IntroducerFacts(True, d(2023, 1, 1), "A"), IntroducerFacts(True, d(2025, 1, 6), "B"))
    found = check_transition(ready_for_vote(introducers=intro), Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert rule_ids(found, "error") == ["introducer_months", "introductions"]
    assert "eligible from 06/01/2026" in found.errors[0].message
    intro = (IntroducerFacts(True, d(2023, 1, 1), "A"), IntroducerFacts(True, d(2025, 1, 5), "B"))
    assert check_transition(ready_for_vote(introducers=intro), Stage.BRANCH_RESOLUTION, VOTE_DAY).ok


def test_one_introducer_with_youth_union_resolution_charter_art_4_1():
    one = (IntroducerFacts(True, d(2023, 1, 1), "A"),)
    facts = ready_for_vote(introducers=one)
    assert rule_ids(check_transition(facts, Stage.BRANCH_RESOLUTION, VOTE_DAY), "error") == ["introductions"]
    with_youth = dataclasses.replace(facts, dossier={**facts.dossier, "4-KNĐ": d(2025, 10, 1)})
    assert check_transition(with_youth, Stage.BRANCH_RESOLUTION, VOTE_DAY).ok
    not_member = dataclasses.replace(with_youth, youth_union=False)
    assert "introductions" in rule_ids(check_transition(not_member, Stage.BRANCH_RESOLUTION, VOTE_DAY), "error")


def test_one_introducer_with_trade_union_resolution_charter_art_4_1():
    facts = ready_for_vote(introducers=(IntroducerFacts(True, d(2023, 1, 1), "A"),), birth_date=d(1980, 1, 1),
                           youth_union=False, trade_union=True)
    facts = dataclasses.replace(facts, dossier={**facts.dossier, "4A-KNĐ": d(2025, 10, 1)})
    found = check_transition(facts, Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert found.ok and list(found) == []


def test_youth_age_without_youth_union_warns_charter_art_4_1():
    found = check_transition(ready_for_vote(youth_union=False), Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert rule_ids(found) == ["youth_union"] and found.ok


def test_stale_introduction_after_12_months():
    facts = ready_for_vote(dossier={**ready_for_vote().dossier, "3-KNĐ": d(2025, 1, 4)})
    assert rule_ids(check_transition(facts, Stage.BRANCH_RESOLUTION, VOTE_DAY), "error") == ["dossier_stale_months"]
    facts = ready_for_vote(dossier={**ready_for_vote().dossier, "3-KNĐ": d(2025, 1, 5)})
    assert check_transition(facts, Stage.BRANCH_RESOLUTION, VOTE_DAY).ok


def test_vote_two_thirds_of_official_members_charter_art_4_3():
    i18n.set_language("en")
    found = check_transition(ready_for_vote(vote=VoteFacts(yes=13, official_members=20)), Stage.BRANCH_RESOLUTION,
                             VOTE_DAY)
    assert rule_ids(found, "error") == ["admission_vote"]
    assert "13 in favour of 20 counted, 14 needed" in found.errors[0].message
    assert "Article 4.3" in found.errors[0].source


def test_vote_denominator_excludes_not_counted_qd294_point_9_3_2():
    vote = VoteFacts(yes=12, official_members=20, not_counted=2, denominator=18)
    assert check_transition(ready_for_vote(vote=vote), Stage.BRANCH_RESOLUTION, VOTE_DAY).ok
    wrong = VoteFacts(yes=12, official_members=20, not_counted=2, denominator=20)
    assert "denominator_excludes" in rule_ids(check_transition(ready_for_vote(vote=wrong), Stage.BRANCH_RESOLUTION,
                                                               VOTE_DAY), "error")


def test_vote_missing_or_branch_too_small_charter_art_24_1():
    assert "admission_vote" in rule_ids(check_transition(ready_for_vote(vote=None), Stage.BRANCH_RESOLUTION,
                                                         VOTE_DAY), "error")
    small = ready_for_vote(vote=VoteFacts(yes=2, official_members=2))
    assert "min_official_members" in rule_ids(check_transition(small, Stage.BRANCH_RESOLUTION, VOTE_DAY), "error")


def test_more_votes_than_counted_is_an_error():
    vote = VoteFacts(yes=15, no=4, abstain=2, official_members=20)
    assert "admission_vote" in rule_ids(check_transition(ready_for_vote(vote=vote), Stage.BRANCH_RESOLUTION,
                                                         VOTE_DAY), "error")


# ---- order, status and dates -------------------------------------------------------------------------------


def test_stage_order_going_back_or_repeating_is_refused():
    facts = admitted()
    assert "stage_order" in rule_ids(check_transition(facts, Stage.CEREMONY, d(2026, 3, 1)), "error")
    assert "stage_order" in rule_ids(check_transition(ready_for_vote(), Stage.OPINIONS, VOTE_DAY), "error")


def test_skipped_steps_warn_only():
    facts = ready_for_vote(stages={Stage.SYMPATHISER_LIST: d(2024, 2, 3)})
    found = check_transition(facts, Stage.APPLICATION, d(2024, 6, 1))
    assert rule_ids(found, "warning")[0] == "stage_order" and found.ok


def test_dates_cannot_go_back_or_into_the_future():
    found = check_transition(ready_for_vote(), Stage.BRANCH_RESOLUTION, d(2025, 10, 30))
    assert "date_order" in rule_ids(found, "error")
    found = check_transition(ready_for_vote(today=d(2026, 1, 4)), Stage.BRANCH_RESOLUTION, VOTE_DAY)
    assert "date_order" in rule_ids(found, "error")


def test_status_must_allow_the_step():
    assert "status" in rule_ids(check_transition(ready_for_vote(status=Status.STRUCK_OFF), Stage.BRANCH_RESOLUTION,
                                                 VOTE_DAY), "error")
    assert "status" in rule_ids(check_transition(admitted(status=Status.APPLICANT), Stage.RECOGNITION_RESOLUTION,
                                                 d(2026, 2, 20)), "error")
    assert check_transition(CaseFacts(status=None), Stage.SOURCE, d(2026, 1, 5)).ok


@pytest.mark.parametrize(("stage", "status", "ok"), [
    (Stage.RETURNED, Status.OFFICIAL, False), (Stage.RETURNED, Status.EXEMPT, True),
    (Stage.DROPPED, Status.OFFICIAL, False), (Stage.DROPPED, Status.SYMPATHISER, True),
    (Stage.STRUCK_OFF, Status.APPLICANT, False), (Stage.STRUCK_OFF, Status.PROBATIONARY, True),
    (Stage.EXEMPTED, Status.OFFICIAL, True), (Stage.EXEMPTED, Status.EXEMPT, False),
    (Stage.TRANSFERRED_OUT, Status.OFFICIAL, True), (Stage.TRANSFERRED_OUT, Status.PROSPECT, False),
    (Stage.DECEASED, Status.DECEASED, False), (Stage.DECEASED, Status.OFFICIAL, True),
])
def test_status_steps_outside_the_pipeline(stage, status, ok):
    assert check_transition(CaseFacts(status=status), stage, d(2026, 1, 5)).ok is ok


def test_unknown_stage_raises():
    with pytest.raises(ValueError):
        check_transition(ready_for_vote(), "coronation", VOTE_DAY)


# ---- after the branch vote: decision, ceremony, recognition ------------------------------------------------------


def _resolved(resolution=d(2026, 1, 15), **changes):
    stages = {**ready_for_vote().stages, Stage.BRANCH_RESOLUTION: resolution, Stage.COMMITTEE_RESOLUTION: resolution}
    return ready_for_vote(stages=stages, **changes)


def test_admission_decision_within_60_working_days_qd294_point_4_3_1():
    assert check_transition(_resolved(), Stage.ADMISSION_DECISION, d(2026, 4, 16)).ok
    assert list(check_transition(_resolved(), Stage.ADMISSION_DECISION, d(2026, 4, 16))) == []
    late = check_transition(_resolved(), Stage.ADMISSION_DECISION, d(2026, 4, 17))
    assert rule_ids(late) == ["decision_admission_working_days"] and late.ok


def test_admission_decision_needs_branch_resolution():
    found = check_transition(ready_for_vote(), Stage.ADMISSION_DECISION, d(2026, 2, 1))
    assert "stage_order" in rule_ids(found, "error")


def _decided(decision=d(2025, 12, 22), **changes):
    stages = {**_resolved(d(2025, 11, 3)).stages, Stage.ADMISSION_DECISION: decision}
    return ready_for_vote(stages=stages, **changes)


def test_ceremony_within_30_working_days_qd294_point_4_1():
    assert list(check_transition(_decided(), Stage.CEREMONY, d(2026, 2, 3))) == []
    late = check_transition(_decided(), Stage.CEREMONY, d(2026, 2, 4))
    assert rule_ids(late, "error") == ["ceremony_working_days"]
    consented = check_transition(_decided(late_ceremony_consent=True), Stage.CEREMONY, d(2026, 2, 4))
    assert consented.ok


def test_ceremony_counts_from_receipt_of_decision_qd294_point_4_1():
    facts = _decided(decision_received=d(2025, 12, 29))
    assert check_transition(facts, Stage.CEREMONY, d(2026, 2, 6)).ok
    assert "ceremony_before" in rule_ids(check_transition(facts, Stage.CEREMONY, d(2025, 12, 26)), "error")


def test_recognition_vote_only_after_12_months_charter_art_5_2():
    i18n.set_language("en")
    found = check_transition(admitted(), Stage.RECOGNITION_RESOLUTION, d(2026, 2, 9))
    assert rule_ids(found, "error") == ["probation_complete"]
    assert "end on 10/02/2026" in found.errors[0].message
    assert list(check_transition(admitted(), Stage.RECOGNITION_RESOLUTION, d(2026, 2, 10))) == []


def test_recognition_vote_late_is_a_warning_qd294_point_4_2_1():
    found = check_transition(admitted(), Stage.RECOGNITION_RESOLUTION, d(2026, 4, 1))
    assert rule_ids(found) == ["recognition_vote_working_days"] and found.ok
    assert check_transition(admitted(), Stage.RECOGNITION_RESOLUTION, d(2026, 3, 31)).warnings == []


def test_recognition_dossier_hd06_point_8_3():
    dossier = {k: v for k, v in admitted().dossier.items() if k not in ("11-KNĐ", "CN-ĐVM", "LLĐV")}
    found = check_transition(admitted(dossier=dossier), Stage.RECOGNITION_RESOLUTION, d(2026, 2, 20))
    assert rule_ids(found, "error") == ["dossier_recognition"]
    assert sorted(rule_ids(found, "warning")) == ["history_declaration_working_days", "new_member_class_required"]


def test_new_member_class_required_when_configured():
    dossier = {k: v for k, v in admitted().dossier.items() if k != "CN-ĐVM"}
    policy = apply_overrides(policy_for(d(2026, 2, 20)), new_member_class_required=True)
    found = check_transition(admitted(dossier=dossier), Stage.RECOGNITION_RESOLUTION, d(2026, 2, 20), policy=policy)
    assert rule_ids(found, "error") == ["new_member_class_required"]
    assert found.policy_version.endswith("[new_member_class_required=True]")


def test_third_failed_recognition_vote_escalates_qd294_point_4_2_3():
    second = admitted(vote=VoteFacts(yes=6, official_members=10, failed_before=1))
    assert "failed_votes_escalation" not in rule_ids(check_transition(second, Stage.RECOGNITION_RESOLUTION,
                                                                      d(2026, 2, 20)))
    third = admitted(vote=VoteFacts(yes=6, official_members=10, failed_before=2))
    found = check_transition(third, Stage.RECOGNITION_RESOLUTION, d(2026, 2, 20))
    assert rule_ids(found, "error") == ["recognition_vote"]
    assert rule_ids(found, "warning") == ["failed_votes_escalation"]


def test_recognition_decision_within_30_working_days_qd294_point_4_3_1():
    stages = {**admitted().stages, Stage.NEW_MEMBER_CLASS: d(2025, 6, 1),
              Stage.RECOGNITION_RESOLUTION: d(2026, 3, 2)}
    facts = admitted(stages=stages)
    assert list(check_transition(facts, Stage.RECOGNITION_DECISION, d(2026, 4, 13))) == []
    assert rule_ids(check_transition(facts, Stage.RECOGNITION_DECISION, d(2026, 4, 14))) == [
        "decision_recognition_working_days"]


def test_grassroots_branch_has_no_committee_resolution():
    stages = dict(_resolved().stages)
    del stages[Stage.COMMITTEE_RESOLUTION]
    facts = dataclasses.replace(_resolved(grassroots_branch=True), stages=stages)
    assert rule_ids(check_transition(facts, Stage.COMMITTEE_RESOLUTION, d(2026, 1, 20))) == ["grassroots_branch"]
    assert list(check_transition(facts, Stage.ADMISSION_DECISION, d(2026, 2, 2))) == []


def test_findings_messages_translate_in_both_languages():
    facts = ready_for_vote(vote=VoteFacts(yes=13, official_members=20))
    i18n.set_language("en")
    english = check_transition(facts, Stage.BRANCH_RESOLUTION, VOTE_DAY).messages()
    i18n.set_language("vi")
    vietnamese = check_transition(facts, Stage.BRANCH_RESOLUTION, VOTE_DAY).messages()
    assert len(english) == len(vietnamese) == 1
    assert all(m.strip() for m in vietnamese)
