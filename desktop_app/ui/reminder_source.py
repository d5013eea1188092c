"""Reminders from the rules engine (services.people.reminders, services.fees.strike_off for unpaid Party fees, and
services.year.reminders for the grading and its strike-off ground), grouped for the views that show them inline.

Returns nothing when the reminders service is not part of this build, so the views still work.
"""

from __future__ import annotations

import datetime as dt
import logging

log = logging.getLogger(__name__)


def available() -> bool:
    try:
        from desktop_app.services.people import reminders  # noqa: F401
    except ImportError:
        return False
    return True


_cache: dict[tuple, list] = {}


def reminders(on: dt.date, branch_id: int | None = None, generation: int | None = None) -> list:
    """The reminders due on *on*. With *generation* (AppContext.generation) the result is kept until data
    changes, so the overview and the pipeline share one computation."""
    try:
        from desktop_app.services.datafile import dbfile
        from desktop_app.services.fees import strike_off
        from desktop_app.services.people import reminders as service
    except ImportError:
        return []
    key = (str(dbfile.current_location()), on, branch_id, generation)
    if generation is not None and key in _cache:
        return _cache[key]
    from desktop_app.services.year.reminders import year_reminders

    found = (service.reminders(on, branch_id) + strike_off.strike_off_reminders(on, branch_id)
             + year_reminders(on, branch_id))
    result = sorted(found, key=lambda r: (r.due or dt.date.max, r.title))
    if generation is not None:
        _cache.clear()  # one entry: the newest
        _cache[key] = result
    return result


def cached(on: dt.date, branch_id: int | None, generation: int) -> list | None:
    """The reminders already computed for these arguments, or None."""
    from desktop_app.services.datafile import dbfile

    return _cache.get((str(dbfile.current_location()), on, branch_id, generation))


def by_person(on: dt.date, branch_id: int | None = None, generation: int | None = None) -> dict[int, list]:
    result: dict[int, list] = {}
    for item in reminders(on, branch_id, generation):
        if getattr(item, "person_id", None):
            result.setdefault(item.person_id, []).append(item)
    return result
