"""Vote thresholds and denominators: Party Charter Art. 4.3, 5.2 (two thirds of official members),
Art. 9.5 (more than half), Regulation 294-QĐ/TW point 9.3.2 (who is not counted)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.rules import (
    SummonedMember,
    denominator_breakdown,
    denominator_from_attendance,
    vote_denominator,
    vote_passes,
    vote_rule_id,
    votes_needed,
)

d = dt.date


@pytest.mark.parametrize(("denominator", "needed"), [(20, 14), (9, 6), (10, 7), (3, 2), (4, 3), (6, 4), (1, 1)])
def test_two_thirds_needed_charter_art_4_3(denominator, needed):
    assert votes_needed(denominator, "admission") == needed
    assert vote_passes(needed, denominator, kind="admission")
    assert not vote_passes(needed - 1, denominator, kind="admission")


def test_two_thirds_exact_boundaries_charter_art_5_2():
    """3 × yes ≥ 2 × denominator, never floats: 14/20, 6/9 and 7/10 pass; 13/20, 5/9, 6/10 do not."""
    assert vote_passes(14, 20, kind="recognition") and not vote_passes(13, 20, kind="recognition")
    assert vote_passes(6, 9, kind="recognition") and not vote_passes(5, 9, kind="recognition")
    assert vote_passes(7, 10, kind="recognition") and not vote_passes(6, 10, kind="recognition")
    assert vote_passes(200, 300) and not vote_passes(199, 300)


def test_denominator_is_official_members_not_those_present_qd294_point_9_3_2():
    """Quiz Q3: 20 official members, 3 away on business (not exempt) → two thirds of 20: 14 needed."""
    assert not vote_passes(13, 20, not_counted=0)
    assert vote_passes(14, 20, not_counted=0)
    # With 2 members introduced for temporary activity elsewhere the denominator is 18 → 12 needed.
    assert vote_passes(12, 20, not_counted=2) and not vote_passes(11, 20, not_counted=2)


@pytest.mark.parametrize(("denominator", "needed"), [(9, 5), (10, 6), (1, 1), (2, 2), (3, 2)])
def test_ordinary_more_than_half_charter_art_9_5(denominator, needed):
    assert votes_needed(denominator, "ordinary") == needed
    assert vote_passes(needed, denominator, kind="ordinary")
    assert not vote_passes(needed - 1, denominator, kind="ordinary")


def test_exactly_half_is_not_more_than_half_charter_art_9_5():
    assert not vote_passes(5, 10, kind="ordinary")


def test_committee_two_thirds_of_members_charter_art_4_3():
    assert vote_passes(6, 9, kind="committee") and not vote_passes(5, 9, kind="committee")


def test_empty_denominator_never_passes():
    assert not vote_passes(0, 0)
    assert not vote_passes(3, 3, not_counted=3)
    assert not vote_passes(1, 2, not_counted=5, kind="ordinary")
    assert votes_needed(0) is None
    assert votes_needed(-2, "ordinary") is None


def test_invalid_kind_and_counts_raise():
    with pytest.raises(ValueError):
        vote_passes(3, 4, kind="unanimous")
    with pytest.raises(ValueError):
        votes_needed(4, "unanimous")
    with pytest.raises(ValueError):
        vote_passes(-1, 4)
    with pytest.raises(ValueError):
        vote_rule_id("unanimous")
    assert vote_rule_id("admission") == "admission_vote"


@given(yes=st.integers(0, 500), denominator=st.integers(1, 500))
def test_property_votes_needed_is_the_threshold(yes, denominator):
    for kind in ("admission", "ordinary"):
        assert vote_passes(yes, denominator, kind=kind) == (yes >= votes_needed(denominator, kind))


# ---- denominators: Regulation 294-QĐ/TW point 9.3.2 ------------------------------------------------------


def test_vote_denominator_excludes_the_listed_categories_qd294_point_9_3_2():
    assert vote_denominator(20) == 20
    assert vote_denominator(20, elsewhere=2, exempt_absent=1, suspended=1, absent_accepted=1) == 15
    with pytest.raises(ValueError):
        vote_denominator(3, elsewhere=4)
    with pytest.raises(ValueError):
        vote_denominator(5, suspended=-1)


def test_denominator_from_attendance_qd294_point_9_3_2():
    """Absent without reason, or excused without the convener's acceptance, still count; elsewhere, exempt
    and absent, suspended and accepted absences do not; an exempt member who attends counts; guests are not
    members of the branch."""
    members = (
        ["present"] * 12
        + ["unexcused"] * 2
        + ["excused"]  # reason not accepted by the convener: counted
        + [SummonedMember("excused", reason_accepted=True)]
        + ["elsewhere"]
        + ["exempt"]
        + [SummonedMember("present", exempt=True)]  # exempt but attended and voted: counted
        + [SummonedMember("unexcused", suspended=True)]
        + ["guest"]
    )
    breakdown = denominator_from_attendance(members)
    assert breakdown.official_members == 20
    assert (breakdown.elsewhere, breakdown.exempt_absent, breakdown.suspended, breakdown.absent_accepted) == (
        1, 1, 1, 1)
    assert breakdown.value == 16
    assert votes_needed(breakdown.value) == 11
    assert breakdown.policy_version


def test_denominator_breakdown_carries_policy_version():
    old = denominator_breakdown(10, elsewhere=1, on=d(2022, 5, 3))
    assert old.value == 9
    assert old.policy_version.startswith("24-QĐ/TW")
