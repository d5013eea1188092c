"""Local values of the configurable Party-rule parameters (those marked UNCONFIRMED in the rules).

Stored as JSON in the Setting table under rules.SETTING_KEY; applied to the rules engine at once,
so every check and deadline from then on uses them (and records them in its policy version).
"""

from __future__ import annotations

from typing import Any

from desktop_app.core import rules
from desktop_app.services.common import settings
from desktop_app.services.common.errors import ValidationError


def current() -> dict[str, Any]:
    return settings.get(settings.RULE_OVERRIDES)


def parameters() -> list[tuple[rules.ConfigurableParameter, Any]]:
    """Each configurable parameter with the value in force (the local one, else the published default)."""
    local = current()
    return [(p, local.get(p.name, p.default)) for p in rules.configurable_parameters()]


def save(values: dict[str, Any]) -> None:
    """Replace the local values; values equal to the published default are dropped. Nothing is written
    when any value is refused."""
    errors = rules.check_overrides(values)
    if errors:
        raise ValidationError(errors)
    defaults = {p.name: p.default for p in rules.configurable_parameters()}
    local = {name: value for name, value in values.items() if value != defaults.get(name)}
    settings.set(settings.RULE_OVERRIDES, local)
    rules.set_overrides(local)


def reset() -> None:
    save({})
