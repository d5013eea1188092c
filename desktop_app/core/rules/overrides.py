"""Which rule parameters the user may change, and checking a set of local values.

The services keep the local values as JSON in the Setting table under :data:`SETTING_KEY` and
pass them to :func:`desktop_app.core.rules.registry.set_overrides` when the database opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.core.rules.policy import PARAMETERS, Policy
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
    kind: type
    minimum: int | None
    maximum: int | None
    optional: bool = False  # None is allowed (no fixed value)


def configurable_parameters() -> list[ConfigurableParameter]:
    """The user-configurable parameters, in declaration order, with the current policy's defaults."""
    result = []
    for name, f in PARAMETERS.items():
        meta = f.metadata
        if not meta["configurable"]:
            continue
        kind = bool if isinstance(f.default, bool) else int
        result.append(ConfigurableParameter(
            name=name, default=f.default, label=meta["label"], source=meta["source"],
            unconfirmed=meta["unconfirmed"], kind=kind, minimum=meta["minimum"], maximum=meta["maximum"],
            optional=name == "meeting_day"))
    return result


def check_overrides(values: dict[str, Any]) -> dict[str, str]:
    """Translated messages for each value that cannot be used (empty when all are fine)."""
    allowed = {p.name: p for p in configurable_parameters()}
    errors: dict[str, str] = {}
    for name, value in values.items():
        spec = allowed.get(name)
        if spec is None:
            errors[name] = _("The rule parameter {name} cannot be changed.").format(name=name)
            continue
        if value is None and spec.optional:
            continue
        if spec.kind is bool:
            if not isinstance(value, bool):
                errors[name] = _("{label}: choose yes or no.").format(label=_(spec.label))
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            errors[name] = _("{label}: enter a whole number.").format(label=_(spec.label))
            continue
        if (spec.minimum is not None and value < spec.minimum) or (spec.maximum is not None and value > spec.maximum):
            errors[name] = _("{label}: enter a number from {low} to {high}.").format(
                label=_(spec.label), low=spec.minimum, high=spec.maximum)
    return errors


def apply_overrides(policy: Policy, **values: Any) -> Policy:
    """*policy* with local values for configurable parameters (ValueError naming what is not allowed)."""
    errors = check_overrides(values)
    if errors:
        raise ValueError("; ".join(errors.values()))
    return policy.with_values(**values)
