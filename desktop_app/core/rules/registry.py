"""The published policies by the date they took effect, and the one in force on a day.

Each entry changes the version id whenever a governing document changed, even when the values
did not, so every recorded deadline can be traced to the texts that applied. Days before the
first entry use the first entry (the values were the same under 29-QĐ/TW).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from typing import Any

from desktop_app.core import clock
from desktop_app.core.rules.overrides import apply_overrides, check_overrides, normalize
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.policy_members import EVALUATION_BEFORE_366 as _BEFORE_366
from desktop_app.core.rules.policy_members import (
    FEES_01_FROM_2028,
    FEES_342_SOURCES,
    FEES_342_VALUES,
    GUIDANCE_BEFORE_43,
)
from desktop_app.i18n import N_

# Where the older guidance (01-HD/TW) was not checked point by point, cite the document only.
_OLD_GUIDANCE = (
    ("certificate_valid_months", N_("Guidance {guidance}")),
    ("dossier_stale_months", N_("Guidance {guidance} (wording unconfirmed)")),
    ("admission_vote", N_("Party Charter, Article 4.3")),
    ("new_member_class_required", N_("Guidance {guidance} (unconfirmed)")),
)
# Before Directive 50-CT/TW (23/7/2025) the meeting rules came from Guidance 12-HD/BTCTW (2018).
_MEETINGS_2018 = (
    ("thematic_per_quarter", N_("Guidance 12-HD/BTCTW (06/7/2018)")),
    ("meeting_min_minutes", N_("Guidance 12-HD/BTCTW (06/7/2018)")),
    ("combined_meeting_min_minutes", N_("Guidance 12-HD/BTCTW (06/7/2018)")),
)
# From 50-CT/TW until 42-HD/BTCTW (28/10/2025) the meeting length still came from 12-HD/BTCTW (2018).
_LENGTH_2018 = _MEETINGS_2018[1:]
# Annual grading: Regulation 366-QĐ/TW from 30/8/2025 (assumed in force on signing), its Guidance
# 43-HD/BTCTW from 31/10/2025; the rules before them are assumed to have the same values.
# Party fees: Decision 342-QĐ/TW until 31/01/2026 (its values and sources in FEES_342_*), Regulation 01-QĐ/TW
# from 01/02/2026, with the higher shares of the regional minimum wage from 01/01/2028.
_F342 = FEES_342_SOURCES
_NOW = "294-QĐ/TW+06-HD/TW+50-CT/TW+366-QĐ/TW+42-HD/BTCTW+43-HD/BTCTW"

POLICIES: tuple[Policy, ...] = (
    Policy(version="29-QĐ/TW+01-HD/TW:2016-07-25", effective=dt.date(2016, 7, 25), regulation="29-QĐ/TW",
           guidance="01-HD/TW", meeting_day=None, sources=_OLD_GUIDANCE + _MEETINGS_2018 + _BEFORE_366 + _F342,
           **FEES_342_VALUES),
    Policy(version="24-QĐ/TW+01-HD/TW:2021-07-30", effective=dt.date(2021, 7, 30), regulation="24-QĐ/TW",
           guidance="01-HD/TW", meeting_day=None, sources=_OLD_GUIDANCE + _MEETINGS_2018 + _BEFORE_366 + _F342,
           **FEES_342_VALUES),
    Policy(version="232-QĐ/TW+01-HD/TW:2025-01-20", effective=dt.date(2025, 1, 20), regulation="232-QĐ/TW",
           guidance="01-HD/TW", meeting_day=None, sources=_OLD_GUIDANCE + _MEETINGS_2018 + _BEFORE_366 + _F342,
           **FEES_342_VALUES),
    Policy(version="232-QĐ/TW+06-HD/TW:2025-06-09", effective=dt.date(2025, 6, 9), regulation="232-QĐ/TW",
           guidance="06-HD/TW", meeting_day=None, sources=_MEETINGS_2018 + _BEFORE_366 + _F342, **FEES_342_VALUES),
    Policy(version="294-QĐ/TW+06-HD/TW:2025-07-01", effective=dt.date(2025, 7, 1), meeting_day=None,
           sources=_MEETINGS_2018 + _BEFORE_366 + _F342, **FEES_342_VALUES),
    Policy(version="294-QĐ/TW+06-HD/TW+50-CT/TW:2025-07-23", effective=dt.date(2025, 7, 23),
           sources=_LENGTH_2018 + _BEFORE_366 + _F342, **FEES_342_VALUES),
    Policy(version="294-QĐ/TW+06-HD/TW+50-CT/TW+366-QĐ/TW:2025-08-30", effective=dt.date(2025, 8, 30),
           sources=_LENGTH_2018 + GUIDANCE_BEFORE_43 + _F342, **FEES_342_VALUES),
    Policy(version="294-QĐ/TW+06-HD/TW+50-CT/TW+42-HD/BTCTW:2025-10-28", effective=dt.date(2025, 10, 28),
           sources=GUIDANCE_BEFORE_43 + _F342, **FEES_342_VALUES),
    Policy(version=f"{_NOW}:2025-10-31", effective=dt.date(2025, 10, 31), sources=_F342, **FEES_342_VALUES),
    Policy(version=f"{_NOW}+01-QĐ/TW:2026-02-01", effective=dt.date(2026, 2, 1)),
    Policy(version=f"{_NOW}+01-QĐ/TW:2028-01-01", effective=dt.date(2028, 1, 1), **FEES_01_FROM_2028),
)
_EFFECTIVE = [p.effective for p in POLICIES]

_overrides: dict[str, Any] = {}
_cache: dict[str, Policy] = {}


def published_policy_for(day: dt.date) -> Policy:
    """The published policy in force on *day*, without local overrides."""
    index = bisect.bisect_right(_EFFECTIVE, day) - 1
    return POLICIES[max(index, 0)]


def policy_for(day: dt.date | None = None) -> Policy:
    """The policy in force on *day* (today when None), with the local overrides applied."""
    base = published_policy_for(day or clock.today())
    if not _overrides:
        return base
    policy = _cache.get(base.version)
    if policy is None:
        policy = _cache[base.version] = apply_overrides(base, **_overrides)
    return policy


def current_policy() -> Policy:
    return policy_for(clock.today())


def set_overrides(values: dict[str, Any] | None) -> None:
    """Use these local values for configurable parameters from now on (ValueError if any is not allowed).

    Values equal to the published default are dropped, so they do not mark the version.
    """
    values = {name: normalize(value) for name, value in (values or {}).items()}
    errors = check_overrides(values)
    if errors:
        raise ValueError("; ".join(errors.values()))
    defaults = {f.name: f.default for f in dataclasses.fields(Policy)}
    _overrides.clear()
    _overrides.update({k: v for k, v in values.items() if defaults.get(k) != v})
    _cache.clear()


def get_overrides() -> dict[str, Any]:
    return dict(_overrides)
