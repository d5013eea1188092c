"""Reminders from the rules engine (services.reminders), grouped for the views that show them inline.

Returns nothing when the reminders service is not part of this build, so the views still work.
"""

from __future__ import annotations

import datetime as dt
import logging

log = logging.getLogger(__name__)


def available() -> bool:
    try:
        from desktop_app.services import reminders  # noqa: F401
    except ImportError:
        return False
    return True


def reminders(on: dt.date, branch_id: int | None = None) -> list:
    try:
        from desktop_app.services import reminders as service
    except ImportError:
        return []
    return sorted(service.reminders(on, branch_id), key=lambda r: (r.due or dt.date.max, r.title))


def by_person(on: dt.date, branch_id: int | None = None) -> dict[int, list]:
    result: dict[int, list] = {}
    for item in reminders(on, branch_id):
        if getattr(item, "person_id", None):
            result.setdefault(item.person_id, []).append(item)
    return result
