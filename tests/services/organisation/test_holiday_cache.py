"""services.holiday_cache: the package's holiday tables kept between runs give the same working days as the
package itself (Labour Code 2019 Art. 112 holidays, the Government's make-up Saturdays)."""

from __future__ import annotations

import datetime as dt
import json

import holidays
import pytest

from desktop_app import paths
from desktop_app.core import calendar
from desktop_app.core.calendar import WorkCalendar
from desktop_app.services.organisation import holiday_cache

d = dt.date


@pytest.fixture(autouse=True)
def _no_cache_afterwards():
    yield
    calendar.use_holiday_cache(None, None)
    holiday_cache._installed = None


def test_version_is_read_beside_the_package():
    assert holiday_cache.package_version() == holidays.__version__


def test_tables_are_kept_and_read_back_the_same():
    store = holiday_cache.install()
    assert store is not None and store.path.parent == paths.cache_dir()
    first = WorkCalendar()
    assert not first.is_working_day(d(2026, 2, 17))  # Tết Bính Ngọ
    assert first.is_working_day(d(2025, 4, 26))  # Saturday worked for Friday 02/05/2025
    kept = json.loads(store.path.read_text(encoding="utf-8"))["years"]
    assert "2026-02-17" in kept["2026"]["off"]
    assert "2025-04-26" in kept["2025"]["working"]

    # A later run reads the file: what it says is what the calendar uses, and it says what the package says.
    holiday_cache._installed = None
    holiday_cache.install()
    package = holidays.country_holidays("VN", years=[2025, 2026])
    second = WorkCalendar()
    for day in (d(2025, 1, 1) + dt.timedelta(days=n) for n in range(730)):
        assert second.is_public_holiday(day) == (day in package), day
    assert second.is_working_day(d(2025, 4, 26))


def test_the_file_is_what_a_later_run_reads():
    store = holiday_cache.install()
    store.path.write_text(json.dumps({"years": {"2030": {"off": ["2030-03-04"], "working": []}}}), encoding="utf-8")
    holiday_cache._installed = None
    holiday_cache.install()
    assert not WorkCalendar().is_working_day(d(2030, 3, 4))  # a Monday, off only because the file says so


def test_a_damaged_file_is_ignored_and_rewritten():
    store = holiday_cache.install()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{not json", encoding="utf-8")
    holiday_cache._installed = None
    store = holiday_cache.install()
    assert not WorkCalendar().is_working_day(d(2026, 9, 2))  # Quốc khánh
    assert "2026-09-02" in json.loads(store.path.read_text(encoding="utf-8"))["years"]["2026"]["off"]


def test_a_wrong_entry_in_the_file_is_computed_again():
    store = holiday_cache.install()
    store.path.write_text(json.dumps({"years": {"2026": {"off": ["not a date"], "working": []}}}), encoding="utf-8")
    holiday_cache._installed = None
    holiday_cache.install()
    assert not WorkCalendar().is_working_day(d(2026, 2, 17))


def test_without_a_version_nothing_is_kept(monkeypatch):
    monkeypatch.setattr(holiday_cache, "package_version", lambda: None)
    assert holiday_cache.install() is None
    assert not WorkCalendar().is_working_day(d(2026, 2, 17))
    assert not list(paths.cache_dir().glob("holidays-*.json"))
