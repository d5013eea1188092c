"""Settings stored in the database (JSON values), with their documented defaults."""

from __future__ import annotations

import json
from typing import Any

from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.store.models import Setting

# Keys the app knows, with their defaults. Unknown keys may still be stored (plugins of later versions).
DEFAULTS: dict[str, Any] = {
    "language": "vi",
    "backup.keep": 10,
    "backup.folder": "",
    "report.margins_mm": {"top": 20, "bottom": 20, "left": 30, "right": 15},
    "report.body_size": 14,
    "report.page_numbers": True,
    "security.idle_lock_minutes": 15,
}


def get(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    if row is None or row.value == "":
        return DEFAULTS.get(key, default) if default is None else default
    try:
        return json.loads(row.value)
    except ValueError:
        return default


def get_many(keys: list[str]) -> dict[str, Any]:
    """{key: get(key)} for every key in *keys*, read in one query (a report's layout has twenty)."""
    stored = {key: value for key, value in Setting.select(Setting.key, Setting.value)
              .where(Setting.key.in_(list(keys))).tuples()}
    result: dict[str, Any] = {}
    for key in keys:
        value = stored.get(key, "")
        if value == "":
            result[key] = DEFAULTS.get(key)
            continue
        try:
            result[key] = json.loads(value)
        except ValueError:
            result[key] = None
    return result


def set(key: str, value: Any) -> None:
    if not isinstance(key, str) or not key.strip() or len(key) > 100 or not key.isprintable():
        raise ValidationError({"key": _("A setting needs a short name without control characters.")})
    try:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError):
        raise ValidationError({key: _("This value cannot be stored as a setting.")}) from None
    with atomic():
        row = Setting.get_or_none(Setting.key == key)
        before = audit.snapshot(row)
        if row is None:
            row = Setting.create(key=key, value=text)
            audit.record_change("create", row, None)
        elif row.value != text:
            row.value = text
            row.save()
            audit.record_change("update", row, before)
