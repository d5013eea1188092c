"""The monthly meeting: Directive 50-CT/TW (the 3rd, a thematic meeting each quarter), Guidance 42-HD/BTCTW
and 12-HD/BTCTW 2018 (90/120 minutes; attendance criteria), Party Charter Art. 8.2 (strike-off trigger)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.rules import (
    attendance_quality,
    longest_excused_run,
    meeting_day,
    meeting_min_minutes,
    meeting_too_short,
    policy_for,
    quarter_bounds,
    quarter_of,
    strike_off_due,
    thematic_short,
)
from desktop_app.core.rules.overrides import apply_overrides

d = dt.date


def test_meeting_on_the_3rd_since_directive_50_ct_tw():
    """Directive 50-CT/TW of 23/07/2025: the 3rd of each month; no fixed day before it."""
    assert meeting_day(2025, 8) == d(2025, 8, 3)
    assert meeting_day(2026, 2) == d(2026, 2, 3)
    assert meeting_day(2025, 7) is None
    assert meeting_day(2024, 3) is None


def test_meeting_day_override():
    policy = apply_overrides(policy_for(d(2026, 1, 1)), meeting_day=5)
    assert meeting_day(2026, 1, policy=policy) == d(2026, 1, 5)


def test_meeting_length_90_minutes_hd42_btctw():
    assert meeting_too_short(89, "regular")
    assert not meeting_too_short(90, "regular")
    assert meeting_too_short(89, "thematic")
    assert not meeting_too_short(90, "thematic")


def test_combined_meeting_120_minutes_hd42_btctw():
    assert meeting_too_short(119, "combined")
    assert not meeting_too_short(120, "combined")


def test_extraordinary_meeting_has_no_minimum():
    assert meeting_min_minutes("extraordinary") is None
    assert not meeting_too_short(20, "extraordinary")
    with pytest.raises(ValueError):
        meeting_too_short(100, "party")


def test_meeting_length_source_before_and_after_hd42():
    assert "42-HD/BTCTW" in policy_for(d(2025, 11, 3)).source("meeting_min_minutes")
    assert "12-HD/BTCTW" in policy_for(d(2025, 9, 3)).source("meeting_min_minutes")


def test_thematic_meeting_each_quarter_directive_50_ct_tw():
    assert thematic_short(0)
    assert not thematic_short(1)
    assert quarter_of(d(2026, 3, 31)) == 1 and quarter_of(d(2026, 4, 1)) == 2
    assert quarter_bounds(2026, 1) == (d(2026, 1, 1), d(2026, 3, 31))
    assert quarter_bounds(2026, 4) == (d(2026, 10, 1), d(2026, 12, 31))


def test_attendance_above_85_percent_hd12_btctw_2018():
    """More than 85 %: 18 of 21 (85.7 %) is good; 17 of 20 (exactly 85 %) is not."""
    assert attendance_quality(18, 21).rate_ok
    assert not attendance_quality(17, 20).rate_ok
    assert attendance_quality(18, 21).ok
    assert not attendance_quality(0, 0).rate_ok


def test_attendance_no_unexcused_absence_hd12_btctw_2018():
    quality = attendance_quality(20, 21, unexcused=1)
    assert quality.rate_ok and not quality.unexcused_ok and not quality.ok


def test_attendance_excused_at_most_3_times_running_hd12_btctw_2018():
    assert attendance_quality(20, 21, longest_excused_run=3).ok
    assert not attendance_quality(20, 21, longest_excused_run=4).ok
    with pytest.raises(ValueError):
        attendance_quality(5, 4)


def test_longest_excused_run():
    assert longest_excused_run(["excused", "excused", "present", "excused", "excused", "excused"]) == 3
    assert longest_excused_run(["present", "unexcused"]) == 0
    assert longest_excused_run([]) == 0


def test_strike_off_after_3_months_charter_art_8_2():
    assert not strike_off_due(2)
    assert strike_off_due(3)
