"""Declaring a policy parameter: its value, the source beside it, and whether the user may change it.

Kept apart from :mod:`.policy` so the parameters can be declared by topic (:mod:`.policy_members`
holds those of a member's life after admission) and gathered into one :class:`.policy.Policy`.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from desktop_app.i18n import N_

# The vote rules: (numerator, denominator, strict). "at least 2/3" is (2, 3, False); "more than half" is (1, 2, True).
Fraction = tuple[int, int, bool]

# How a configurable value is entered and checked (see overrides.check_overrides).
SHAPES = ("bool", "int", "ints", "day_months", "fee_table", "area_amounts")


def param(default: Any, source: str, *, configurable: bool = False, unconfirmed: bool = False,
          label: str = "", minimum: int | None = None, maximum: int | None = None, shape: str = "",
          optional: bool = False) -> Any:
    """A policy parameter: its value in the current policy and the source it comes from.

    *shape* says how a configurable value looks: "bool", "int" (the default for numbers), "ints" (whole
    numbers in increasing order, each within *minimum*..*maximum*), "day_months" (days of the year as
    (day, month) pairs), "fee_table" ((group, area, amount) rows) or "area_amounts" ((area, amount) rows, one
    per FeeArea). *optional*: None is allowed too.
    """
    if not shape:
        shape = "bool" if isinstance(default, bool) else "int"
    if shape not in SHAPES:
        raise ValueError(f"unknown parameter shape {shape!r}")
    meta = {"source": source, "configurable": configurable, "unconfirmed": unconfirmed, "label": label,
            "minimum": minimum, "maximum": maximum, "shape": shape, "optional": optional}
    return field(default=default, metadata=meta)


CHARTER = N_("Party Charter")
APP_SETTING = N_("Application setting")
