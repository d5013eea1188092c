"""Which rule parameters the user may change, and checking a set of local values.

The services keep the local values as JSON in the Setting table under :data:`SETTING_KEY` and
pass them to :func:`desktop_app.core.rules.registry.set_overrides` when the database opens. JSON has
no tuples: list values are accepted and turned into tuples (:func:`normalize`).

A parameter's ``shape`` says how its value is entered and checked: "bool", "int" (within its limits),
"ints" (whole numbers in increasing order, each within the limits), "day_months" ((day, month) pairs,
each a day of a common year, no repeats), "fee_table" ((group, area, amount) rows with known
FeeGroup and FeeArea codes, one per group and area, amounts within the limits) or "area_amounts" ((area, amount)
rows, one for each FeeArea, amounts within the limits).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop_app.core.member_codes import FeeArea, FeeGroup
from desktop_app.core.rules.policy import PARAMETERS, Policy
from desktop_app.core.text import shown
from desktop_app.i18n import _

SETTING_KEY = "rules.overrides"


@dataclass(frozen=True)
class ConfigurableParameter:
    """One parameter the user may override: its name, published default, label and source msgids, limits."""

    name: str
    default: Any
    label: str  # English msgid; translate with _() when shown
    source: str  # English msgid template (see Policy.source)
    unconfirmed: bool
    kind: type  # bool, int or tuple
    minimum: int | None
    maximum: int | None
    optional: bool = False  # None is allowed (no fixed value)
    shape: str = "int"  # see the module docstring


def configurable_parameters() -> list[ConfigurableParameter]:
    """The user-configurable parameters, in declaration order, with the current policy's defaults."""
    result = []
    for name, f in PARAMETERS.items():
        meta = f.metadata
        if not meta["configurable"]:
            continue
        shape = meta["shape"]
        kind = bool if shape == "bool" else int if shape == "int" else tuple
        result.append(ConfigurableParameter(
            name=name, default=f.default, label=meta["label"], source=meta["source"],
            unconfirmed=meta["unconfirmed"], kind=kind, minimum=meta["minimum"], maximum=meta["maximum"],
            optional=meta["optional"], shape=shape))
    return result


def normalize(value: Any) -> Any:
    """*value* with every list turned into a tuple (JSON brings lists; policies hold tuples)."""
    if isinstance(value, list | tuple):
        return tuple(normalize(v) for v in value)
    return value


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _within(value: int, spec: ConfigurableParameter) -> bool:
    return (spec.minimum is None or value >= spec.minimum) and (spec.maximum is None or value <= spec.maximum)


def _ints_ok(value: tuple, spec: ConfigurableParameter) -> bool:
    return (bool(value) and all(_whole(v) and _within(v, spec) for v in value)
            and all(a < b for a, b in zip(value, value[1:], strict=False)))


def _day_month_ok(pair: Any) -> bool:
    if not (isinstance(pair, tuple) and len(pair) == 2 and all(_whole(v) for v in pair)):
        return False
    try:
        dt.date(2001, pair[1], pair[0])  # a common year: 29/02 is refused
    except ValueError:
        return False
    return True


def _day_months_ok(value: tuple) -> bool:
    return bool(value) and all(_day_month_ok(p) for p in value) and len(set(value)) == len(value)


def _fee_table_ok(value: tuple, spec: ConfigurableParameter) -> bool:
    groups, areas = set(FeeGroup.codes()), set(FeeArea.codes())
    keys = set()
    for row in value:
        if not (isinstance(row, tuple) and len(row) == 3):
            return False
        group, area, amount = row
        if group not in groups or area not in areas or not _whole(amount) or not _within(amount, spec):
            return False
        keys.add((group, area))
    return bool(value) and len(keys) == len(value)


def _area_amounts_ok(value: tuple, spec: ConfigurableParameter) -> bool:
    areas = []
    for row in value:
        if not (isinstance(row, tuple) and len(row) == 2):
            return False
        area, amount = row
        if area not in FeeArea.codes() or not _whole(amount) or not _within(amount, spec):
            return False
        areas.append(area)
    return sorted(areas) == sorted(FeeArea.codes())


def _message(spec: ConfigurableParameter, value: Any) -> str | None:
    """The translated reason *value* cannot be used for *spec*, or None when it can."""
    label = _(spec.label)
    if spec.shape == "bool":
        return None if isinstance(value, bool) else _("{label}: choose yes or no.").format(label=label)
    if spec.shape == "int":
        if not _whole(value):
            return _("{label}: enter a whole number.").format(label=label)
        if not _within(value, spec):
            return _("{label}: enter a number from {low} to {high}.").format(
                label=label, low=spec.minimum, high=spec.maximum)
        return None
    value = normalize(value)
    if spec.shape == "ints":
        ok = isinstance(value, tuple) and _ints_ok(value, spec)
        return None if ok else _(
            "{label}: enter whole numbers from {low} to {high}, in increasing order, each once.").format(
            label=label, low=spec.minimum, high=spec.maximum)
    if spec.shape == "day_months":
        ok = isinstance(value, tuple) and _day_months_ok(value)
        return None if ok else _("{label}: enter days of the year as day and month, each once.").format(label=label)
    if spec.shape == "area_amounts":
        ok = isinstance(value, tuple) and _area_amounts_ok(value, spec)
        return None if ok else _("{label}: give one amount from {low} to {high} đồng for each area.").format(
            label=label, low=spec.minimum, high=spec.maximum)
    ok = isinstance(value, tuple) and _fee_table_ok(value, spec)
    return None if ok else _(
        "{label}: each row needs a group, an area and an amount from {low} to {high} đồng, "
        "one row per group and area.").format(label=label, low=spec.minimum, high=spec.maximum)


def check_overrides(values: dict[str, Any]) -> dict[str, str]:
    """Translated messages for each value that cannot be used (empty when all are fine)."""
    allowed = {p.name: p for p in configurable_parameters()}
    errors: dict[str, str] = {}
    for name, value in values.items():
        spec = allowed.get(name)
        if spec is None:
            errors[name] = _("The rule parameter {name} cannot be changed.").format(name=shown(name))
            continue
        if value is None and spec.optional:
            continue
        message = _message(spec, value)
        if message:
            errors[name] = message
    return errors


def apply_overrides(policy: Policy, **values: Any) -> Policy:
    """*policy* with local values for configurable parameters (ValueError naming what is not allowed)."""
    errors = check_overrides(values)
    if errors:
        raise ValueError("; ".join(errors.values()))
    return policy.with_values(**{name: normalize(value) for name, value in values.items()})
