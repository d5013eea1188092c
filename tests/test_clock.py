"""The app reads "today" and "now" from one clock (desktop_app/core/clock.py), so the suite holds on any date.

`.ci/run` runs the whole suite a second time under a moved system clock (libfaketime); this test catches a
direct read of the wall clock the day it is written, in the app and in the tests.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from desktop_app.core import clock

ROOT = Path(__file__).resolve().parent.parent
WALL_CLOCK = re.compile(r"\b(?:date\.today|datetime\.now|datetime\.today|datetime\.utcnow|QDate\.currentDate"
                        r"|QDateTime\.currentDateTime|time\.time|time\.localtime)\(")


def _python_files():
    for folder in ("desktop_app", "tests", "benchmarks", "tools"):
        yield from (ROOT / folder).rglob("*.py")


def test_nothing_reads_the_wall_clock_but_the_clock():
    allowed = {ROOT / "desktop_app" / "core" / "clock.py", Path(__file__).resolve()}
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
             for path in _python_files() if path not in allowed
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if WALL_CLOCK.search(line)]
    assert found == []


def test_the_suite_starts_on_a_pinned_day_whatever_the_date():
    assert clock.today() == dt.date(2026, 11, 21)


def test_a_pinned_clock_runs_forward():
    clock.pin(dt.date(2028, 2, 29))
    first = clock.now()
    assert first.date() == dt.date(2028, 2, 29) and first.hour == 9
    assert clock.now() >= first


def test_pinned_restores_the_previous_clock():
    before = clock.today()
    with clock.pinned(dt.date(2030, 12, 31)):
        assert clock.today() == dt.date(2030, 12, 31)
    assert clock.today() == before
