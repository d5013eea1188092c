"""The app's one clock: every "today" and "now" is read here, never from the wall clock directly.

Tests pin it to a fixed moment (tests/conftest.py), so the suite gives the same answers on any date; a
screenshot run or a demo can pin it too. Nothing else in the app calls ``date.today()`` or
``datetime.now()`` (tests/test_clock.py finds any that does).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_source: Callable[[], dt.datetime] = dt.datetime.now


def now() -> dt.datetime:
    """The current local time, to the microsecond."""
    return _source()


def today() -> dt.date:
    """The current local date."""
    return _source().date()


def set_source(source: Callable[[], dt.datetime] | None) -> None:
    """Read the time from *source* from now on; ``None`` goes back to the wall clock."""
    global _source
    _source = source or dt.datetime.now


def running_from(start: dt.datetime) -> Callable[[], dt.datetime]:
    """A clock that reads *start* now and then runs forward at the real pace.

    Time keeps moving, so stamps written one after another stay in order, but the date no longer
    depends on the day the program runs.
    """
    origin = time.monotonic()
    return lambda: start + dt.timedelta(seconds=time.monotonic() - origin)


def pin(day: dt.date | dt.datetime, *, at: dt.time = dt.time(9, 0)) -> None:
    """Pin the clock to *day* (at 09:00 unless a time is given), running forward from there."""
    start = day if isinstance(day, dt.datetime) else dt.datetime.combine(day, at)
    set_source(running_from(start))


@contextmanager
def pinned(day: dt.date | dt.datetime) -> Iterator[None]:
    """``with clock.pinned(day):`` the clock reads *day*, then whatever it read before."""
    before = _source
    pin(day)
    try:
        yield
    finally:
        set_source(before)
