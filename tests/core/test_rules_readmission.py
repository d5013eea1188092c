"""Re-admission: Regulation 294-QĐ/TW point 3.5.1 (36 months after leaving; 60 months after the record of a less
serious offence is cleared) and point 3.5.2 (never re-admitted: quit of their own accord, applied to leave except
for very difficult family circumstances, serious disunity, convicted of corruption or of a serious or graver
offence); domain.md §1.1 and §1.7. The pipeline applies them through CaseFacts.past_leaving."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core.enums import Stage, Status
from desktop_app.core.member_codes import ConvictionKind, LeavingKind
from desktop_app.core.rules import (
    ERROR,
    WARNING,
    CaseFacts,
    PastLeaving,
    VoteFacts,
    check_readmission,
    check_transition,
    readmission_possible_from,
)

d = dt.date


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")


def test_36_months_after_leaving_294_qd_tw_3_5_1():
    past = PastLeaving(d(2023, 3, 10), LeavingKind.STRUCK_OFF)
    assert readmission_possible_from(past) == d(2026, 3, 10)
    early = check_readmission(past, d(2026, 3, 9))
    assert early.rule_ids() == ["readmission_wait_months"] and early.errors
    assert early.messages() == ["Re-admission needs at least 36 months after leaving the Party on 10/03/2023: "
                                "possible from 10/03/2026 (Regulation 294-QĐ/TW, point 3.5.1)."]
    assert not check_readmission(past, d(2026, 3, 10))


def test_36_months_from_the_last_day_of_a_short_month():
    """Left 31/05/2022 → 36 months complete on 31/05/2025; left 29/02/2024 → 28/02/2027 (months.py convention)."""
    assert readmission_possible_from(PastLeaving(d(2022, 5, 31))) == d(2025, 5, 31)
    assert readmission_possible_from(PastLeaving(d(2024, 2, 29))) == d(2027, 2, 28)


def test_expelled_members_may_be_readmitted_after_the_wait():
    past = PastLeaving(d(2020, 1, 15), LeavingKind.EXPELLED)
    assert not check_readmission(past, d(2026, 11, 21))


def test_60_months_after_a_less_serious_record_is_cleared_294_qd_tw_3_5_1():
    past = PastLeaving(d(2019, 6, 1), LeavingKind.EXPELLED, conviction=ConvictionKind.LESS_SERIOUS,
                       record_cleared_on=d(2022, 8, 15))
    assert readmission_possible_from(past) == d(2027, 8, 15)  # later than the 36 months (01/06/2022)
    assert check_readmission(past, d(2027, 8, 14)).rule_ids() == ["readmission_record_cleared_months"]
    assert not check_readmission(past, d(2027, 8, 15))


def test_both_waits_apply_whichever_ends_later():
    past = PastLeaving(d(2024, 1, 10), conviction=ConvictionKind.LESS_SERIOUS, record_cleared_on=d(2018, 1, 1))
    assert readmission_possible_from(past) == d(2027, 1, 10)
    assert check_readmission(past, d(2026, 12, 1)).rule_ids() == ["readmission_wait_months"]


def test_record_not_yet_cleared():
    past = PastLeaving(d(2015, 1, 1), conviction=ConvictionKind.LESS_SERIOUS)
    assert readmission_possible_from(past) is None
    found = check_readmission(past, d(2026, 11, 21))
    assert found.rule_ids() == ["readmission_record_cleared_months"] and found.errors


@pytest.mark.parametrize(("past", "reason"), [
    (PastLeaving(d(2010, 1, 1), quit_activity=True), "quit Party activity of their own accord"),
    (PastLeaving(d(2010, 1, 1), LeavingKind.LEFT_ON_REQUEST),
     "applied to leave the Party for reasons other than very difficult family circumstances"),
    (PastLeaving(d(2010, 1, 1), serious_disunity=True), "caused serious disunity"),
    (PastLeaving(d(2010, 1, 1), conviction=ConvictionKind.CORRUPTION), "convicted of corruption"),
    (PastLeaving(d(2010, 1, 1), conviction=ConvictionKind.SERIOUS), "convicted of a serious or graver offence"),
])
def test_never_readmitted_294_qd_tw_3_5_2(past, reason):
    found = check_readmission(past, d(2026, 11, 21))
    assert found.rule_ids() == ["readmission_barred"] and found.errors
    assert found[0].message == (f"A former member who {reason} is never re-admitted "
                                "(Regulation 294-QĐ/TW, point 3.5.2).")
    assert readmission_possible_from(past) is None


def test_left_on_request_for_very_difficult_family_circumstances_may_return():
    past = PastLeaving(d(2020, 1, 1), LeavingKind.LEFT_ON_REQUEST, family_hardship=True)
    assert not check_readmission(past, d(2026, 11, 21))
    assert readmission_possible_from(past) == d(2023, 1, 1)


def test_several_bars_are_named_together():
    found = check_readmission(PastLeaving(d(2010, 1, 1), quit_activity=True, serious_disunity=True), d(2026, 1, 1))
    assert "quit Party activity of their own accord; caused serious disunity" in found[0].message


def test_bad_codes_refused():
    with pytest.raises(ValueError):
        PastLeaving(d(2020, 1, 1), how="resigned")
    with pytest.raises(ValueError):
        PastLeaving(d(2020, 1, 1), conviction="minor")


def test_the_source_names_the_regulation_in_force():
    past = PastLeaving(d(2023, 3, 10))
    assert "232-QĐ/TW, point 3.5.1" in check_readmission(past, d(2025, 3, 1))[0].source


# ---- in the pipeline ----------------------------------------------------------------------------------------


def _facts(past: PastLeaving, **kw) -> CaseFacts:
    return CaseFacts(status=Status.SYMPATHISER, past_leaving=past, **kw)


def test_pipeline_warns_early_and_blocks_at_the_branch_vote():
    past = PastLeaving(d(2024, 6, 1))
    early = check_transition(_facts(past), Stage.SYMPATHISER_LIST, d(2026, 11, 21))
    assert [f.severity for f in early if f.rule_id == "readmission_wait_months"] == [WARNING]
    application = check_transition(_facts(past), Stage.APPLICATION, d(2026, 11, 21))
    assert [f.severity for f in application if f.rule_id == "readmission_wait_months"] == [WARNING]
    facts = CaseFacts(status=Status.APPLICANT, past_leaving=past, birth_date=d(1980, 1, 1),
                      vote=VoteFacts(yes=9, official_members=10))
    vote = check_transition(facts, Stage.BRANCH_RESOLUTION, d(2026, 11, 21))
    assert [f.severity for f in vote if f.rule_id == "readmission_wait_months"] == [ERROR]
    vote = check_transition(facts, Stage.BRANCH_RESOLUTION, d(2027, 6, 1))
    assert "readmission_wait_months" not in vote.rule_ids()


def test_pipeline_without_past_leaving_is_unchanged():
    found = check_transition(CaseFacts(status=Status.PROSPECT), Stage.SYMPATHISER_LIST, d(2026, 11, 21))
    assert not any(r.startswith("readmission") for r in found.rule_ids())
