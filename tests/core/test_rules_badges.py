"""Party badges: Guidance 01-HD/TW (2021) point 18 (UNCONFIRMED whether 06-HD/TW restates it; configurable):
milestones 30, 40, 45 … 90 years of party age, award days 3/2, 19/5, 2/9, 7/11; seriously ill members up to 12
months early (30–65 years) or 24 months (70–90); posthumously up to 12 months early. Party age runs from the
admission decision (Party Charter Art. 5.4); domain.md §6."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core.rules import (
    award_day_on_or_after,
    award_days,
    badge_due,
    badges_due,
    milestone_date,
    newly_due,
    previous_award_day,
    set_overrides,
)

d = dt.date


@pytest.fixture(autouse=True)
def _clean():
    i18n.set_language("en")
    set_overrides({})
    yield
    set_overrides({})


def years(badges):
    return [b.years for b in badges]


def test_award_days_01_hd_tw_point_18():
    assert award_days(2027) == [d(2027, 2, 3), d(2027, 5, 19), d(2027, 9, 2), d(2027, 11, 7)]
    assert award_day_on_or_after(d(2027, 5, 19)) == d(2027, 5, 19)
    assert award_day_on_or_after(d(2027, 5, 20)) == d(2027, 9, 2)
    assert award_day_on_or_after(d(2027, 11, 8)) == d(2028, 2, 3)
    assert previous_award_day(d(2027, 2, 3)) == d(2026, 11, 7)
    assert previous_award_day(d(2027, 2, 4)) == d(2027, 2, 3)


def test_milestone_reached_on_the_anniversary_of_the_admission_decision():
    assert milestone_date(d(1997, 5, 19), 30) == d(2027, 5, 19)
    assert milestone_date(d(1996, 2, 29), 30) == d(2026, 2, 28)
    assert milestone_date(d(1997, 5, 19), 30, months_not_counted=14) == d(2028, 7, 19)


def test_due_on_the_award_day_the_milestone_is_reached():
    """Admitted 19/05/1997: 30 years on 19/05/2027, listed on that award day and not on 03/02/2027."""
    assert years(badges_due(d(1997, 5, 19), d(2027, 5, 19))) == [30]
    assert badges_due(d(1997, 5, 19), d(2027, 2, 3)) == []
    badge = badge_due(d(1997, 5, 19), 30, d(2027, 5, 19))
    assert (badge.reached_on, badge.due_from, badge.early, badge.posthumous) == (d(2027, 5, 19), d(2027, 5, 19),
                                                                                 False, False)
    assert badge.source == "Guidance 01-HD/TW (2021), point 18 (unconfirmed under 06-HD/TW)"


def test_award_list_takes_those_reaching_since_the_previous_award_day():
    """Admitted 20/05/1997 reaches 30 years the day after 19/05/2027: on the 02/09/2027 list."""
    assert newly_due(d(1997, 5, 20), d(2027, 5, 19)) == []
    assert years(newly_due(d(1997, 5, 20), d(2027, 9, 2))) == [30]
    assert newly_due(d(1997, 5, 20), d(2027, 11, 7)) == []  # listed once
    assert years(newly_due(d(1997, 2, 3), d(2027, 2, 3))) == [30]  # reached on the award day itself


def test_reaching_the_day_after_an_award_day_waits_for_the_next():
    """Admitted 08/11/1996: 30 years on 08/11/2026, the day after the award day of 07/11/2026."""
    assert newly_due(d(1996, 11, 8), d(2026, 11, 7)) == []
    assert years(newly_due(d(1996, 11, 8), d(2027, 2, 3))) == [30]
    assert award_day_on_or_after(milestone_date(d(1996, 11, 8), 30)) == d(2027, 2, 3)


def test_milestones_are_30_40_45_to_90():
    admitted = d(1960, 1, 10)
    assert years(badges_due(admitted, d(2026, 2, 3))) == [30, 40, 45, 50, 55, 60, 65]
    assert years(badges_due(admitted, d(2026, 2, 3), awarded=(30, 40, 45, 50, 55, 60))) == [65]
    assert 35 not in years(badges_due(d(1990, 1, 1), d(2026, 2, 3)))


def test_milestones_and_award_days_are_settings():
    set_overrides({"badge_milestones_years": [25, 30], "badge_award_days": [[1, 1]]})
    assert award_days(2027) == [d(2027, 1, 1)]
    assert years(badges_due(d(2001, 1, 1), d(2026, 1, 1))) == [25]


# ---- early consideration, when the caller says so ----------------------------------------------------------------


def test_seriously_ill_up_to_12_months_early_for_30_to_65_years():
    """Admitted 03/02/1998 → 30 years on 03/02/2028; seriously ill: considered from 03/02/2027. A day later
    admitted, 12 months and a day short on 03/02/2027: not yet."""
    badge = badge_due(d(1998, 2, 3), 30, d(2027, 2, 3), seriously_ill=True)
    assert badge.early and badge.due_from == d(2027, 2, 3) and badge.rule_id == "badge_ill_early_months"
    assert badge_due(d(1998, 2, 4), 30, d(2027, 2, 3), seriously_ill=True) is None
    assert badge_due(d(1963, 5, 19), 65, d(2027, 5, 19), seriously_ill=True).early  # 65 years: still 12 months
    assert badge_due(d(1963, 5, 20), 65, d(2027, 5, 19), seriously_ill=True) is None


def test_seriously_ill_up_to_24_months_early_from_70_years():
    badge = badge_due(d(1959, 5, 19), 70, d(2027, 5, 19), seriously_ill=True)  # 70 years on 19/05/2029
    assert badge.early and badge.rule_id == "badge_ill_early_months_senior"
    assert badge_due(d(1959, 5, 20), 70, d(2027, 5, 19), seriously_ill=True) is None


def test_ill_member_past_the_milestone_is_an_ordinary_case():
    badge = badge_due(d(1990, 1, 1), 30, d(2027, 2, 3), seriously_ill=True)
    assert not badge.early and badge.rule_id == "badge_milestones_years"


def test_posthumous_up_to_12_months_early():
    """Admitted 10/10/1996 → 30 years on 10/10/2026. Died 10/10/2025 (exactly 12 months short): awarded
    posthumously, due from the day of death; died 09/10/2025: not."""
    badge = badge_due(d(1996, 10, 10), 30, d(2025, 11, 7), died_on=d(2025, 10, 10))
    assert badge.posthumous and badge.early and badge.due_from == d(2025, 10, 10)
    assert badge.rule_id == "badge_posthumous_early_months"
    assert badge_due(d(1996, 10, 10), 30, d(2027, 2, 3), died_on=d(2025, 10, 9)) is None
    assert years(badges_due(d(1990, 1, 1), d(2026, 2, 3), died_on=d(2025, 6, 1))) == [30]  # reached in life
    reached = badge_due(d(1990, 1, 1), 30, d(2026, 2, 3), died_on=d(2025, 6, 1))
    assert reached.posthumous and not reached.early


def test_configured_allowances():
    set_overrides({"badge_ill_early_months": 6})
    assert badge_due(d(1998, 2, 3), 30, d(2027, 2, 3), seriously_ill=True) is None
    assert badge_due(d(1998, 2, 3), 30, d(2027, 8, 3), seriously_ill=True) is not None
